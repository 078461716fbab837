"""Rules on the historical cases, their structured results, and details the conformance
suite does not pin down."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import csto
from csto.errors import InputError
from csto.record.history import History


def _cases(history: History) -> dict[str, Any]:
    return {c["case"]["id"]: c for c in csto.to_dict(csto.cases(history=history))["cases"]}


def test_each_case_shows_what_the_treaty_required_beside_what_was_done(history: History) -> None:
    cases = _cases(history)
    assert cases["arm-2022"]["readings"][0]["obliged"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert cases["arm-2022"]["case"]["outcome"] == "no-assistance"
    assert cases["kaz-2022"]["readings"][0]["open_questions"] == ["defence.internal_unrest"]
    assert cases["kaz-2022"]["case"]["outcome"] == "deployment"
    assert "defence.member_aggressor" in cases["kgz-tjk-2022"]["readings"][0]["open_questions"]
    assert cases["karabakh"]["readings"][0]["obliged"] == []
    assert cases["kgz-2010"]["readings"][0]["article_version"] == "cst"
    assert all(c["case"]["action"] and c["case"]["sources"] for c in cases.values())


def test_cases_render_in_indonesian(history: History) -> None:
    case = csto.to_dict(csto.cases("arm-2022", history), "id")["cases"][0]
    assert case["case"]["title"].startswith("Armenia, September 2022")
    assert "Pasal" in case["readings"][0]["findings"][0]["text"]


def test_art4_procedure_follows_the_wording_in_force(history: History) -> None:
    old = csto.assist("KAZ", on="2010-06-01", history=history)
    new = csto.assist("KAZ", on="2013-06-01", history=history)
    assert old.procedure[0].code == new.procedure[0].code == "request"
    assert old.procedure[0].required is False and old.procedure[0].added_by is None
    assert new.procedure[0].required is True
    assert new.procedure[0].added_by == "cst-amendments-2010"
    decision = next(s for s in new.procedure if s.code == "decision")
    assert decision.actor == "CSC" and decision.rule == "consensus"
    assert {c.key for c in decision.citations} == {"cst/6", "charter/12"}
    assert [s.order for s in new.procedure] == [1, 2, 3, 4, 5]
    assert new.procedure[3].states == new.obliged


def test_no_procedure_where_no_one_is_obliged(history: History) -> None:
    assert csto.assist("GEO", on="2000-06-01", history=history).procedure == ()
    threat = csto.assist("TJK", situation="threat", on="2021-07-07", history=history)
    assert [s.code for s in threat.procedure] == ["consultations"]


def test_base_returns_consent_and_procedure(history: History) -> None:
    answer = csto.base("KGZ", "USA", "2020-01-01", history)
    assert "bases.entry_into_force_inferred" in answer.open_questions
    assert "bases.frozen_member" not in answer.open_questions
    assert [s.code for s in answer.procedure] == ["consultations", "no-objection", "decision"]
    assert answer.procedure[1].states == answer.consent_required_from
    later = csto.base("KGZ", "USA", "2025-01-01", history)
    assert "bases.frozen_member" in later.open_questions


def test_withdrawal_path_and_dispute(history: History) -> None:
    answer = csto.step("KAZ", "withdraw", on="2025-08-31", history=history)
    assert answer.effective == date(2026, 2, 28)
    assert [s.code for s in answer.path] == ["notice", "settle-obligations", "withdrawal"]
    assert answer.path[-1].deadline == date(2026, 2, 28)
    dispute = next(f for f in answer.findings if f.code == "record.disputed")
    assert dispute.kind == "dispute" and dispute.facts[0].ref == "article:charter/19:charter"
    assert "unilateral withdrawal" in csto.to_dict(answer)["findings"][-1]["text"]


def test_joining_any_military_alliance_breaks_article_1(history: History) -> None:
    before = csto.step("ARM", "join-alliance", "NATO", on="2022-06-28", history=history)
    assert before.verdict == "breach"
    assert "step.join_military_alliance" in [f.code for f in before.findings]
    assert "step.join_hostile" not in [f.code for f in before.findings]
    after = csto.step("ARM", "join-alliance", "NATO", on="2022-06-29", history=history)
    assert "step.join_hostile" in [f.code for f in after.findings]
    eu = csto.step("ARM", "join-alliance", "EU", on="2026-12-01", history=history)
    assert eu.verdict == "open"
    disputed = [f for f in eu.findings if f.kind == "dispute"]
    assert disputed and disputed[0].facts[0].ref == "article:cst/1:cst"


def test_dates_in_messages_come_from_the_data(history: History) -> None:
    """Move the Treaty's entry into force in a copy of the data: the message follows."""
    text = csto.to_dict(csto.assist("ARM", on="1993-01-01", history=history))["findings"][0]["text"]
    assert "1994-04-20" in text
    documents = dict(history.documents)
    treaty = documents["cst"]
    assert treaty.in_force is not None
    documents["cst"] = treaty._replace(in_force=treaty.in_force._replace(date=date(1994, 5, 1)))
    moved = History(events=history.events, sources=history.sources, documents=documents,
                    offices=history.offices, countries=history.countries,
                    organization=history.organization)
    text = csto.to_dict(csto.assist("ARM", on="1993-01-01", history=moved))["findings"][0]["text"]
    assert "1994-05-01" in text and "1994-04-20" not in text


def test_appointment_practice_is_a_sourced_record(history: History) -> None:
    answer = csto.decide("CSC", {"RUS": "for"}, "2020-01-01", "appointment", history)
    assert answer.rule == "unanimity" and not answer.adopted
    facts = answer.findings[0].facts
    assert facts and facts[0].ref == "practice:sg-appointment"
    assert facts[0].sources == history.offices.practices[0].sources


def test_chair_prediction_follows_russian_alphabetical_order(history: History) -> None:
    from csto.rules.chair import russian_order

    members = history.at(date(2027, 1, 1)).members
    assert russian_order(history, members) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_countries_accept_names_and_alpha2(history: History) -> None:
    assert history.resolve_country("Armenia") == "ARM"
    assert history.resolve_country("am") == "ARM"
    assert history.resolve_country("Rusia") == "RUS"
    assert history.resolve_country("Россия") == "RUS"
    assert history.resolve_country("Киргизия") == "KGZ"
    assert history.resolve_country("Кыргызстан") == "KGZ"
    assert history.resolve_country("Белоруссия") == "BLR"
    assert history.resolve_country("США") == "USA"
    assert history.resolve_country("Turkey") == "TUR"
    with pytest.raises(InputError, match="did you mean Kyrgyzstan"):
        history.resolve_country("Kyrgystan")
    with pytest.raises(InputError):
        history.resolve_country("Atlantis")


def test_cow_codes_come_from_the_library_or_a_sourced_override(history: History) -> None:
    assert history.countries["RUS"].cow == 365
    assert history.countries["RUS"].cow_sources == ("lib-countrycode",)
    assert history.countries["SRB"].cow == 345
    assert history.countries["SRB"].cow_sources == ("cow-states-2016",)


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
    assert "remark" not in story["events"][0]
