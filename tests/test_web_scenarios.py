"""What-if scenarios in the web application: ``scenario=NAME`` on pages and in the API."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from csto.scenario.files import parse_text
from csto.store.scenarios import Store

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
    with TestClient(create_app()) as test_client:
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
