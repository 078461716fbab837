"""Rules on the historical cases, and details the conformance suite does not pin down."""

from __future__ import annotations

from typing import Any

import pytest

import csto
from csto.errors import InputError
from csto.history import History


def _cases(history: History) -> dict[str, Any]:
    return {c["id"]: c for c in csto.to_dict(csto.cases(history=history))["cases"]}


def test_each_case_shows_what_the_treaty_required_beside_what_was_done(history: History) -> None:
    cases = _cases(history)
    assert cases["arm-2022"]["treaty_required"]["obliged"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert cases["arm-2022"]["outcome"] == "no-assistance"
    assert cases["kaz-2022"]["treaty_required"]["open_questions"] == ["defence.internal_unrest"]
    assert cases["kaz-2022"]["outcome"] == "deployment"
    assert "defence.member_aggressor" in cases["kgz-tjk-2022"]["treaty_required"]["open_questions"]
    assert cases["karabakh"]["treaty_required"]["obliged"] == []
    assert cases["kgz-2010"]["treaty_required"]["article_version"] == "cst"
    assert all(c["action"] and c["sources"] for c in cases.values())


def test_cases_render_in_indonesian(history: History) -> None:
    case = csto.to_dict(csto.cases("arm-2022", history), "id", history)["cases"][0]
    assert case["title"].startswith("Armenia, September 2022")
    assert "Pasal" in case["treaty_required"]["findings"][0]["text"]


def test_art4_request_requirement_follows_the_wording_in_force(history: History) -> None:
    old = csto.to_dict(csto.assist("KAZ", on="2010-06-01", history=history))
    new = csto.to_dict(csto.assist("KAZ", on="2013-06-01", history=history))
    assert "defence.request_1992" in [f["code"] for f in old["findings"]]
    assert "defence.request" in [f["code"] for f in new["findings"]]


def test_base_flags_the_inferred_entry_into_force(history: History) -> None:
    answer = csto.to_dict(csto.base("KGZ", "USA", "2020-01-01", history))
    assert "bases.entry_into_force_inferred" in answer["open_questions"]
    assert "bases.frozen_member" not in answer["open_questions"]
    later = csto.to_dict(csto.base("KGZ", "USA", "2025-01-01", history))
    assert "bases.frozen_member" in later["open_questions"]


def test_chair_prediction_follows_russian_alphabetical_order(history: History) -> None:
    from csto.rules.chair import russian_order

    members = history.at(__import__("datetime").date(2027, 1, 1)).members
    assert russian_order(history, members) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_countries_accept_names_and_alpha2(history: History) -> None:
    assert history.resolve_country("Armenia") == "ARM"
    assert history.resolve_country("am") == "ARM"
    assert history.resolve_country("Rusia") == "RUS"
    assert history.resolve_country("Россия") == "RUS"
    with pytest.raises(InputError):
        history.resolve_country("Atlantis")


def test_cow_codes_come_from_the_library_or_a_sourced_override(history: History) -> None:
    assert history.countries["RUS"]["cow"] == 365
    assert history.countries["RUS"]["cow_sources"] == ["lib-countrycode"]
    assert history.countries["SRB"]["cow"] == 345
    assert history.countries["SRB"]["cow_sources"] == ["cow-states-2016"]


def test_decide_rejects_double_positions_and_non_members(history: History) -> None:
    with pytest.raises(InputError, match="more than one position"):
        csto.decide("CSC", {"RUS": "for", "Russia": "against"}, "2020-01-01", history=history)
    with pytest.raises(InputError, match="not a member"):
        csto.decide("CSC", {"AZE": "for"}, "2020-01-01", history=history)


def test_history_of_a_state_tells_its_story(history: History) -> None:
    story = csto.to_dict(csto.state_history("UZB", "2026-01-01", history))
    kinds = [e["kind"] for e in story["events"]]
    assert kinds[:2] == ["sign", "lapse"] and "return" in kinds and "suspend" in kinds
    assert story["standing"]["status"] == "suspended"
    assert all(e["sources"] for e in story["events"])
