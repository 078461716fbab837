"""The fact checker in the web application: ``POST /api/check`` and the page ``/check``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Run

SEED = Path(__file__).resolve().parent / "factcheck" / "corpus" / "seeds" / "004_2bba430d289883ed.txt"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from starlette.testclient import TestClient

    from csto.web import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_api_returns_what_csto_check_prints(client: Any, csto: Callable[..., Run],
                                                lang: str) -> None:
    cli = csto("check", str(SEED), "--as-of", "2022-06-01", "--json", "--lang", lang)
    assert cli.code == 0, cli.err
    plain = client.post(f"/api/check?as_of=2022-06-01&lang={lang}", content=SEED.read_bytes(),
                        headers={"content-type": "text/plain"})
    assert plain.status_code == 200
    assert plain.json() == json.loads(cli.out)
    assert len(plain.json()["claims"]) > 10
    as_json = client.post(f"/api/check?lang={lang}",
                          json={"text": SEED.read_text(encoding="utf-8"), "as_of": "2022-06-01"})
    assert as_json.json() == plain.json()


@pytest.mark.parametrize("body, kind, field", [
    (b"", "text/plain", "text"),
    (b"   \n", "text/plain", "text"),
    (b"{not json", "application/json", "body"),
    (b'{"text": 3}', "application/json", "text"),
    (b'{"text": "CSTO", "colour": 1}', "application/json", "colour"),
    (b'{"text": "CSTO", "as_of": "2022-13-01"}', "application/json", "as-of"),
    (b'{"text": "CSTO", "as_of": 2022}', "application/json", "as_of"),
])
def test_bad_requests_get_one_clear_json_error(client: Any, body: bytes, kind: str,
                                               field: str) -> None:
    response = client.post("/api/check", content=body, headers={"content-type": kind})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field and error["message"] and "Traceback" not in error["message"]


def test_a_body_over_the_limit_is_refused_before_reading(client: Any) -> None:
    response = client.post("/api/check", content=b"a" * 1_000_001)
    assert response.status_code == 413


@pytest.mark.parametrize("lang, verdict", [("en", "DOES NOT HOLD"), ("id", "TIDAK BENAR"),
                                           ("ru", "НЕ СООТВЕТСТВУЕТ")])
def test_the_page_marks_each_claim_and_judges_it_in_the_readers_language(
        client: Any, lang: str, verdict: str) -> None:
    form = client.get(f"/check?lang={lang}")
    assert form.status_code == 200 and "<textarea" in form.text
    text = "CSTO beranggotakan Rusia, Armenia, Azerbaijan dan Georgia."
    page = client.post(f"/check?lang={lang}", data={"text": text, "as_of": "2020-01-01"})
    assert page.status_code == 200
    assert "<mark>beranggotakan Rusia, Armenia, Azerbaijan dan Georgia</mark>" in page.text
    assert verdict in page.text
    assert "Azerbaijan" in page.text and 'class="sources"' in page.text


def test_the_page_takes_an_uploaded_file_and_refuses_nothing_to_check(client: Any) -> None:
    page = client.post("/check?lang=en", files={"file": ("seed.txt", SEED.read_bytes())},
                       data={"text": ""})
    assert page.status_code == 200 and page.text.count("<mark>") > 10
    empty = client.post("/check?lang=en", data={"text": " "})
    assert empty.status_code == 400 and 'role="alert"' in empty.text


def test_every_page_links_to_the_fact_checker(client: Any) -> None:
    assert 'href="/check?lang=id"' in client.get("/?lang=id").text
