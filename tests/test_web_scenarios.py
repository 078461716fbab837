"""What-if scenarios in the web application: ``scenario=NAME`` on pages and in the API."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from csto.scenario.files import parse_text
from csto.scenario.stored import Store

from .conftest import Run

NAME = "web-armenia-leaves"
LEAVES = f"""name: {NAME}
description: Armenia gives written notice of withdrawal on 1 December 2026.
events:
  - {{date: 2026-12-01, state: ARM, kind: withdrawal-notice}}
"""


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from starlette.testclient import TestClient

    from csto.web import create_app

    Store().add(parse_text(LEAVES, NAME))
    with TestClient(create_app(listen="127.0.0.1"), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _members(client: Any, on: str, scenario: str = "") -> list[str]:
    query = f"/api/members?on={on}" + (f"&scenario={scenario}" if scenario else "")
    response = client.get(query)
    assert response.status_code == 200, response.text
    return [m["iso3"] for m in response.json()["members"]]


def test_the_api_answers_on_a_stored_scenario_as_the_cli_does(
        client: Any, csto: Callable[..., Run]) -> None:
    assert "ARM" in _members(client, "2027-05-31", NAME)
    assert "ARM" not in _members(client, "2027-06-01", NAME)
    assert "ARM" in _members(client, "2027-06-01")
    cli = csto("members", "--on", "2027-06-01", "--scenario", NAME, "--json")
    api = client.get(f"/api/members?on=2027-06-01&scenario={NAME}")
    assert cli.code == 0 and api.json() == json.loads(cli.out)


def test_a_new_version_of_the_scenario_is_answered_not_the_cached_one(client: Any) -> None:
    name = "web-kazakhstan-leaves"
    text = LEAVES.replace(NAME, name).replace("ARM", "KAZ")
    Store().add(parse_text(text, name))
    assert "KAZ" not in _members(client, "2027-06-01", name)
    Store().add(parse_text(text.replace("2026-12-01", "2027-12-01"), name))
    assert "KAZ" in _members(client, "2027-06-01", name)


@pytest.mark.parametrize("name, says", [("no-such-scenario", "no stored scenario"),
                                        ("../../etc/passwd", "not a scenario name"),
                                        ("/tmp/x.yaml", "not a scenario name")])
def test_an_unknown_or_unsafe_name_is_a_400_naming_the_field(client: Any, name: str,
                                                             says: str) -> None:
    response = client.get("/api/members", params={"on": "2027-01-01", "scenario": name})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "scenario" and says in error["message"]
    page = client.get("/members", params={"on": "2027-01-01", "scenario": name})
    assert page.status_code == 400 and says in page.text


def test_pages_carry_the_scenario(client: Any) -> None:
    listing = client.get("/scenarios?lang=id")
    assert listing.status_code == 200 and NAME in listing.text and "Skenario" in listing.text
    assert NAME in [s["name"] for s in client.get("/api/scenarios").json()["scenarios"]]
    home = client.get(f"/?on=2027-06-01&scenario={NAME}")
    assert home.status_code == 200 and f"What-if scenario: {NAME}" in home.text
    assert f'name="scenario" value="{NAME}"' in home.text
    question = client.get(f"/members?on=2027-06-01&scenario={NAME}")
    assert f'<option value="{NAME}" selected>' in question.text
    assert "Armenia" not in question.text.split('class="answer"')[1].split("</p>")[0]


CRISIS = """name: web-kaz-crisis
description: Kazakhstan is attacked in spring 2027 and asks for help.
events:
  - {date: 2027-04-01, state: KAZ, kind: aggression}
  - {date: 2027-04-02, state: KAZ, kind: request-assistance}
"""


def test_a_scenario_is_created_read_compared_and_deleted_over_rest(client: Any) -> None:
    created = client.post("/api/scenarios", content=CRISIS,
                          headers={"content-type": "application/yaml"})
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "web-kaz-crisis" and created.json()["events"] == 2
    read = client.get("/api/scenarios/web-kaz-crisis").json()
    assert read["version"] == 1 and "request-assistance" in read["text"]
    changed = client.get(f"/api/scenarios/{NAME}/diff?on=2027-06-01").json()
    assert any(c["subject"] == "ARM" for c in changed["changes"])
    page = client.get("/scenarios/web-kaz-crisis?lang=id")
    assert page.status_code == 200 and "request-assistance" in page.text
    assert 'href="/simulate?scenario=web-kaz-crisis' in page.text
    gone = client.delete("/api/scenarios/web-kaz-crisis")
    assert gone.status_code == 200 and gone.json() == {"deleted": "web-kaz-crisis",
                                                       "versions": 1}
    assert client.get("/api/scenarios/web-kaz-crisis").status_code == 404


@pytest.mark.parametrize("body, kind, field", [
    ("name: x\nevents:\n  - {date: 1990-01-01, state: ARM, kind: withdraw}\n",
     "application/yaml", None),
    ("name=x", "application/x-www-form-urlencoded", "content-type"),
    ("{not json", "application/json", "body"),
])
def test_a_scenario_that_cannot_be_is_refused_and_nothing_is_stored(
        client: Any, body: str, kind: str, field: str | None) -> None:
    before = client.get("/api/scenarios").json()
    response = client.post("/api/scenarios", content=body, headers={"content-type": kind})
    assert response.status_code == 400
    if field:
        assert response.json()["error"]["field"] == field
    assert client.get("/api/scenarios").json() == before


def _writer(listen: str | None, host: str = "127.0.0.1") -> Any:
    from starlette.testclient import TestClient

    from csto.web import create_app

    return TestClient(create_app(listen=listen), base_url=f"http://{host}")


def test_writing_needs_the_token_beyond_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    headers = {"content-type": "application/yaml"}
    client = _writer("0.0.0.0")
    closed = client.post("/api/scenarios", content=CRISIS, headers=headers)
    assert closed.status_code == 403 and "CSTO_WRITE_TOKEN" in closed.json()["error"]["message"]
    assert client.delete(f"/api/scenarios/{NAME}").status_code == 403
    monkeypatch.setenv("CSTO_WRITE_TOKEN", "s3cret")
    wrong = client.post("/api/scenarios", content=CRISIS,
                        headers={**headers, "authorization": "Bearer guess"})
    assert wrong.status_code == 403
    right = client.post("/api/scenarios", content=CRISIS,
                        headers={**headers, "authorization": "Bearer s3cret"})
    assert right.status_code == 201
    assert client.delete("/api/scenarios/web-kaz-crisis",
                         headers={"authorization": "Bearer s3cret"}).status_code == 200
    monkeypatch.delenv("CSTO_WRITE_TOKEN")
    local = _writer("127.0.0.1")
    cross = local.post("/api/scenarios", content=CRISIS,
                       headers={**headers, "sec-fetch-site": "cross-site"})
    assert cross.status_code == 403
    assert local.get(f"/api/members?scenario={NAME}&on=2027-06-01").status_code == 200


def test_a_crisis_is_simulated_on_the_web_as_on_the_command_line(
        client: Any, csto: Callable[..., Run]) -> None:
    assert client.post("/api/scenarios", content=CRISIS,
                       headers={"content-type": "application/yaml"}).status_code == 201
    cli = csto("simulate", "web-kaz-crisis", "--seed", "7", "--json")
    api = client.get("/api/simulate?scenario=web-kaz-crisis&seed=7")
    assert cli.code == 0 and api.status_code == 200 and api.json() == json.loads(cli.out)
    swept = client.get("/api/simulate?scenario=web-kaz-crisis&runs=2000&seed=1").json()
    assert swept["runs"] == 2000 and 0 <= swept["p_deployment"] <= 1
    page = client.get("/simulate?scenario=web-kaz-crisis&runs=2000&seed=1&lang=ru")
    assert page.status_code == 200 and page.text.count("data:image/svg+xml;base64,") == 4
    once = client.get("/simulate?scenario=web-kaz-crisis&seed=7&lang=id")
    assert once.status_code == 200 and "Pasal" in once.text
    assert client.get("/api/simulate?scenario=web-kaz-crisis&runs=0").status_code == 400
    assert client.get(f"/api/simulate?scenario={NAME}").json()["error"]["field"] == "scenario"
    stored = client.get("/api/scenarios/web-kaz-crisis/runs").json()
    assert stored["scenario"] == "web-kaz-crisis" and isinstance(stored["runs"], list)


def test_the_calibration_is_on_the_web_as_on_the_command_line(
        client: Any, csto: Callable[..., Run]) -> None:
    cli = csto("simulate", "--calibration", "--json")
    api = client.get("/api/simulate?calibration=1")
    assert api.status_code == 200 and api.json() == json.loads(cli.out)
    page = client.get("/simulate?lang=ru")
    assert page.status_code == 200 and "Брайера" in page.text and "Лидс, Лонг и Митчелл" in page.text
    assert client.get("/api/simulate?calibration=maybe").status_code == 400
    swept = client.get("/api/simulate?scenario=web-kaz-crisis&runs=2000&seed=1&fixed=1").json()
    assert swept["fixed"] is True and {"predictive", "sobol", "calibration"} <= set(swept)


def test_stored_times_are_rfc_3339_with_their_offset(client: Any) -> None:
    from datetime import datetime

    for item in client.get("/api/scenarios").json()["scenarios"]:
        for key in ("created", "updated"):
            assert datetime.fromisoformat(item[key]).utcoffset() is not None, item
