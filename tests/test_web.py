"""The web application and the REST API, in-process (the browser tests drive a real server)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from csto.questions.registry import QUESTIONS
from csto.record.history import History

from .conftest import Run
from .test_answers import CALLS

CsTo = Callable[..., Run]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from starlette.testclient import TestClient

    from csto.web import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.mark.parametrize("name, values", CALLS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CALLS)])
def test_the_api_returns_what_the_cli_prints(client: Any, csto: CsTo, name: str,
                                             values: dict[str, str]) -> None:
    question = QUESTIONS[name]
    argv = [name]
    for param in question.params:
        if param.name in values:
            argv += [values[param.name]] if param.positional else [f"--{param.name}",
                                                                   values[param.name]]
    for lang in ("en", "id"):
        cli = csto(*argv, "--json", "--lang", lang)
        assert cli.code == 0, cli.err
        response = client.get(f"/api/{name}?{urlencode({**values, 'lang': lang})}")
        assert response.status_code == 200
        assert response.json() == json.loads(cli.out)


@pytest.mark.parametrize("query, status, field", [
    ("/api/assist?victim=XYZ", 400, "victim"),
    ("/api/members?on=2022-13-01", 400, "on"),
    ("/api/members?on=2020-01-01&on=2021-01-01", 400, "on"),
    ("/api/members?color=red", 400, "color"),
    ("/api/members?lang=fr", 400, "lang"),
    ("/api/assist", 400, "victim"),
    ("/api/nothing", 404, "question"),
])
def test_errors_have_the_documented_shape_and_the_cli_message(
        client: Any, csto: CsTo, query: str, status: int, field: str) -> None:
    response = client.get(query)
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"} and error["field"] == field
    if query.startswith("/api/assist?victim=XYZ"):
        assert csto("assist", "XYZ", "--json").err.strip() == f"csto: error: {error['message']}"
    translated = client.get(query + ("&" if "?" in query else "?") + "lang=ru")
    if field != "lang":
        assert translated.json()["error"]["message"] != error["message"] or status == 404


@pytest.mark.parametrize("name", sorted(QUESTIONS))
@pytest.mark.parametrize("lang", ["en", "id", "ru"])
def test_every_question_has_a_page_in_three_languages(client: Any, name: str, lang: str) -> None:
    values = next(v for n, v in CALLS if n == name)
    response = client.get(f"/{name}?{urlencode({**values, 'lang': lang})}")
    assert response.status_code == 200
    page = response.text
    assert f'<html lang="{lang}">' in page
    assert '<article class="answer">' in page
    assert f'/{name}.json?' in page, "the page links to its JSON twin"
    for leak in ("confidence:", "why_not", "'en':"):
        assert leak not in page


def test_pages_have_json_twins(client: Any) -> None:
    api = client.get("/api/members?on=2000-06-01").json()
    assert client.get("/members.json?on=2000-06-01").json() == api
    assert client.get("/members?on=2000-06-01",
                      headers={"accept": "application/json"}).json() == api
    assert client.get("/index.json?on=2000-06-01").json()["members"] == api["members"]


def test_the_browser_language_is_the_default(client: Any) -> None:
    page = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.5"}).text
    assert '<html lang="ru">' in page
    page = client.get("/?lang=id&on=2024-03-01", headers={"accept-language": "ru"}).text
    assert '<html lang="id">' in page and "CSTO pada 1 Maret 2024" in page


def test_the_date_moves_the_map_and_the_timeline(client: Any) -> None:
    before = client.get("/?on=2024-02-21").text
    after = client.get("/?on=2024-02-22").text
    assert re.search(r'data-state="ARM"[^>]*><use class="st-member"', before)
    assert re.search(r'data-state="ARM"[^>]*><use class="st-frozen"', after)
    assert after.count('class="lane"') == 11
    assert 'href="/history?state=ARM&amp;on=2024-02-22&amp;lang=en#event-arm-freeze"' in after


def test_the_map_holds_every_state_that_had_a_standing_whole(history: History) -> None:
    """All of each (Russia to Chukotka, past 180 degrees), its label inside it; small."""
    from csto.web.svg import SHAPES, lanes, shapes

    data = shapes()
    assert SHAPES.stat().st_size < 150_000
    width, height = data["width"], data["height"]
    states = lanes(history)
    assert len(states) == 11
    for code in states:
        shape = data["countries"][code]
        xs, ys = [], []
        for ring in re.finditer(r"M([-\d.]+),([-\d.]+)l([^z]*)z", shape["d"]):
            x, y = float(ring[1]), float(ring[2])
            xs.append(x)
            ys.append(y)
            for step in ring[3].split():
                dx, dy = step.split(",")
                x, y = x + float(dx), y + float(dy)
                xs.append(x)
                ys.append(y)
        assert 0 < min(xs) <= max(xs) < width and 0 < min(ys) <= max(ys) < height, code
        assert min(xs) < shape["label"][0] < max(xs) and min(ys) < shape["label"][1] < max(ys)
    assert "XKX" in data["countries"] and "UKR" in data["countries"]


def test_an_answer_links_states_articles_and_sources(client: Any) -> None:
    page = client.get("/assist?victim=ARM&against=AZE&on=2022-09-13").text
    assert 'href="/article?document=cst&amp;number=4&amp;on=2022-09-13&amp;lang=en"' in page
    assert 'href="/history?state=ARM&amp;on=2022-09-13&amp;lang=en"' in page
    numbers = set(re.findall(r'href="#source-(\d+)"', page))
    targets = set(re.findall(r'id="source-(\d+)"', page))
    assert numbers and numbers <= targets


def test_security_headers_and_no_foreign_assets(client: Any) -> None:
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" not in policy and "style-src 'self';" in policy
    for page in ("/", "/assist?victim=ARM", "/api/docs"):
        answer = client.get(page)
        assert answer.headers["content-security-policy"] == policy, "as strict everywhere"
        html = answer.text
        for tag in re.findall(r"<(?:script|link|img)[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), tag
        assert "<script>" not in html, "no inline scripts"


def test_limits_on_input(client: Any) -> None:
    assert client.get("/api/members?on=" + "9" * 5000).status_code == 414
    response = client.post("/api/members", content=b"x" * 2_000_000)
    assert response.status_code == 413
    assert client.get("/api/members?on=" + "9" * 500).json()["error"]["field"] == "on"


def test_openapi_describes_every_question(client: Any) -> None:
    document = client.get("/api/openapi.json").json()
    assert set(document["paths"]) == ({f"/api/{name}" for name in QUESTIONS}
                                      | {"/api/check", "/api/scenarios", "/api/cite",
                                         "/api/export/{panel}", "/api/scenarios/{name}",
                                         "/api/scenarios/{name}/diff", "/api/simulate",
                                         "/api/scenarios/{name}/runs"})
    schemas = document["components"]["schemas"]
    for name, path in document["paths"].items():
        for operation in path.values():
            done = next(code for code in operation["responses"] if code.startswith("2"))
            content = operation["responses"][done]["content"]
            if name.removeprefix("/api/") in QUESTIONS or name == "/api/check":
                ref = content["application/json"]["schema"]["$ref"]
                assert ref.rsplit("/", 1)[1] in schemas
            assert content and all("schema" in kind for kind in content.values()), name


def test_the_api_holds_under_fuzzing() -> None:
    """schemathesis: no 5xx, every response (answers and errors) in its documented shape
    (``make bench`` runs it again with ten times the examples)."""
    from .fuzzing import failures

    found = failures(max_examples=15)
    assert not found, "\n".join(found[:5])


def test_the_map_draws_the_outlines_served_once(client: Any) -> None:
    """The home page refers to each outline in one SVG file, named by its digest and kept
    for good; the file holds every state's outline of the map's shapes."""
    from csto.web.svg import shapes

    page = client.get("/?on=2024-02-21").text
    sources = set(re.findall(r'<use class="[^"]+" href="([^"#]+)#([A-Z]{3})"', page))
    assert {address for address, _code in sources} == {next(iter(sources))[0]}
    assert {code for _address, code in sources} == set(shapes()["countries"])
    served = client.get(next(iter(sources))[0])
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/svg+xml"
    assert "immutable" in served.headers["cache-control"]
    for code, shape in shapes()["countries"].items():
        assert f'<path id="{code}" d="{shape["d"]}"/>' in served.text
    assert client.get("/map/outlines.svg?v=old").headers["cache-control"] == "no-cache"
    assert len(page) < 100_000


def test_the_served_app_draws_the_shared_parts_before_its_first_request() -> None:
    """``csto serve`` draws each language's timeline before it answers, and keeps no
    response from that: every day asked is still answered afresh."""
    from starlette.testclient import TestClient

    from csto.web import served
    from csto.web.svg import _drawn_once, _lanes, _listed_once

    for drawn in (_drawn_once, _lanes, _listed_once):
        drawn.cache_clear()
    app = served()
    with TestClient(app):
        assert _lanes.cache_info().currsize == 3  # this year's timeline in id, en and ru
        assert not app.app.state.site.cache.items  # type: ignore[attr-defined]
