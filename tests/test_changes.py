"""``csto changes``: every change between two days, each with its sources.

The expected changes are read from the data files themselves (``events.yaml``,
``documents.yaml``, ``offices.yaml``), never from csto's own output: every event that
changes a standing is a change on its day, with its kind and its sources; every document's
entry into force is one; every new holder of an office is one.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import yaml

import csto
from csto.errors import InputError
from csto.questions.answers import Change, ChangesAnswer
from csto.record.history import History

from .conftest import DATA

STANDING_KINDS = {"sign", "lapse", "return", "suspend", "freeze", "unfreeze", "withdraw",
                  "observer", "observer-end"}


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


EVENTS = [e for e in _yaml("events.yaml") if e["kind"] in STANDING_KINDS]
DOCUMENTS = [d for d in _yaml("documents.yaml") if d.get("in_force")]
OFFICES = _yaml("offices.yaml")


@pytest.fixture(scope="module")
def everything(history: History) -> ChangesAnswer:
    return csto.changes(until="2026-02-16", history=history)


def _find(answer: ChangesAnswer, what: str, subject: str, day: date) -> list[Change]:
    return [c for c in answer.changes if (c.what, c.subject, c.date) == (what, subject, day)]


@pytest.mark.parametrize("event", EVENTS, ids=[e["id"] for e in EVENTS])
def test_every_event_that_changes_a_standing_is_a_change_with_its_sources(
        everything: ChangesAnswer, event: dict[str, Any]) -> None:
    found = _find(everything, "standing", event["state"], event["date"])
    assert len(found) == 1, event["id"]
    change = found[0]
    assert change.kind == event["kind"]
    assert change.fact.ref == f"event:{event['id']}"
    assert change.fact.sources == tuple(event["sources"])


def test_the_treaty_entering_into_force_made_its_signatories_members(
        everything: ChangesAnswer) -> None:
    treaty = next(d for d in DOCUMENTS if d["id"] == "cst")
    day = treaty["in_force"]["date"]
    signed_before = {e["state"] for e in EVENTS if e["kind"] == "sign" and e["date"] < day}
    made = {c.subject for c in everything.changes
            if c.what == "standing" and c.date == day and c.kind == "in_force"}
    assert made == signed_before
    for change in everything.changes:
        if change.kind == "in_force" and change.what == "standing":
            assert (change.before, change.after) == ("signatory", "member")
            assert change.fact.sources == tuple(treaty["in_force"]["sources"])


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d["id"] for d in DOCUMENTS])
def test_every_entry_into_force_from_1992_is_a_change(everything: ChangesAnswer,
                                                      document: dict[str, Any]) -> None:
    entry = document["in_force"]
    found = _find(everything, "document", document["id"], entry["date"])
    if entry["date"] < date(1992, 5, 15) or entry["date"] >= date(2026, 2, 16):
        assert not found, "before the record's first day, or after the period"
        return
    assert len(found) == 1
    assert (found[0].kind, found[0].after) == ("in_force", "in-force")
    assert found[0].fact.sources == tuple(entry["sources"])


@pytest.mark.parametrize("office", ["secretary_general", "chair"])
def test_every_new_office_holder_is_a_change(everything: ChangesAnswer, office: str) -> None:
    """A term whose holder was not found (``state: null``) changes nothing known."""
    terms = OFFICES[office]
    known = [(t, terms[i - 1] if i else None) for i, t in enumerate(terms)
             if t["state"] and t["from"] < date(2026, 2, 16)]
    changes = [c for c in everything.changes if c.what == "office" and c.kind == office]
    assert [c.date for c in changes] == [t["from"] for t, _ in known]
    for change, (term, previous) in zip(changes, known, strict=True):
        assert change.subject == term["state"] == change.after
        assert change.before == (previous["state"] if previous else None)
        assert change.fact.sources == tuple(term["sources"])


def test_1999_three_states_lapse_on_20_april() -> None:
    answer = csto.changes("1999-01-01", "2000-01-01")
    lapsed = [(c.subject, c.kind, c.before, c.after) for c in answer.changes
              if c.what == "standing"]
    assert lapsed == [("AZE", "lapse", "member", "former"), ("GEO", "lapse", "member", "former"),
                      ("UZB", "lapse", "member", "former")]
    assert {c.date for c in answer.changes if c.what == "standing"} == {date(1999, 4, 20)}


def test_2012_uzbekistan_is_suspended_on_19_december() -> None:
    answer = csto.changes("2012-01-01", "2013-01-01")
    standing = [c for c in answer.changes if c.what == "standing"]
    assert [(c.date, c.subject, c.kind, c.before, c.after) for c in standing] == [
        (date(2012, 12, 19), "UZB", "suspend", "member", "suspended")]


def test_the_day_before_of_and_after_a_change() -> None:
    day = date(2024, 2, 22)  # Armenia freezes its participation (events.yaml, arm-freeze)
    before = csto.changes("2024-01-02", day.isoformat())
    assert not [c for c in before.changes if c.subject == "ARM"]
    on = csto.changes(day.isoformat(), (day + timedelta(days=1)).isoformat())
    assert [(c.subject, c.kind) for c in on.changes] == [("ARM", "freeze")]
    after = csto.changes((day + timedelta(days=1)).isoformat(), "2024-12-31")
    assert not [c for c in after.changes if c.subject == "ARM"]


def test_the_default_period_runs_from_the_records_first_day_until_today() -> None:
    answer = csto.changes()
    assert answer.start == min(e["date"] for e in EVENTS)
    assert answer.until == date.today()
    assert answer.changes[0].date == answer.start


def test_changes_are_in_order_and_each_carries_sources(everything: ChangesAnswer) -> None:
    days = [c.date for c in everything.changes]
    assert days == sorted(days)
    assert all(c.fact.sources for c in everything.changes)


def test_until_must_come_after_from() -> None:
    with pytest.raises(InputError) as raised:
        csto.changes("2012-01-01", "2012-01-01")
    assert raised.value.field == "until"
    assert "\n" not in str(raised.value)


def test_a_scenario_adds_its_changes() -> None:
    record = csto.load_history()
    note = csto.Source(id="what-if", title="Hypothesis")
    back = csto.Event(id="uzb-back", date=date(2027, 1, 1), state="UZB", kind="return",
                      sources=("what-if",))
    answer = csto.changes("2026-06-01", "2027-06-01", history=record.with_events([back],
                                                                              sources=[note]))
    assert [(c.subject, c.kind, c.after) for c in answer.changes if c.what == "standing"] == [
        ("UZB", "return", "member")]


def test_the_command_line_prints_the_json_form(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from csto.cli import main

    assert main(["changes", "--from", "1999-01-01", "--until", "2000-01-01", "--json",
                 "--lang", "ru"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["start"] == "1999-01-01" and answer["until"] == "2000-01-01"
    first = answer["changes"][0]
    assert set(first) == {"date", "what", "subject", "kind", "before", "after", "fact"}
    assert set(first["fact"]["sources"]) <= set(answer["sources"])
    assert main(["changes", "--from", "2000-01-01", "--until", "1999-01-01"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "until" in error
