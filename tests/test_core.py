"""The core as a Python user meets it: events as values, histories that take more events,
spans, answers that carry their history, and the project's own errors for every mistake."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest

import csto
from csto import Event, History, Source
from csto.errors import CstoError, InputError, RecordError, TimelineError


def _return(day: date = date(2027, 1, 1), **changes: Any) -> Event:
    event = Event(id="uzb-return-2027", date=day, state="UZB", kind="return",
                  sources=("my-note",))
    return event._replace(**changes)


NOTE = Source(id="my-note", title="What-if: Uzbekistan returns")


def test_a_history_takes_one_more_event(history: History) -> None:
    later = history.with_events([_return()], sources=[NOTE])
    assert "UZB" in [s.iso3 for s in csto.members("2027-02-01", history=later).members]
    assert "UZB" not in [s.iso3 for s in csto.members("2027-02-01", history=history).members]
    assert "UZB" not in [s.iso3 for s in csto.members("2026-12-31", history=later).members]


def test_to_dict_works_on_an_answer_of_a_new_history(history: History) -> None:
    later = history.with_events([_return()], sources=[NOTE])
    result = csto.to_dict(csto.members("2027-02-01", history=later), "ru")
    assert result["sources"]["my-note"]["title"] == "What-if: Uzbekistan returns"
    assert any(m["iso3"] == "UZB" and m["fact"]["fact"] == "event:uzb-return-2027"
               for m in result["members"])
    assert csto.assist("KAZ", on="2027-02-01", history=later).obliged == (
        "ARM", "BLR", "KGZ", "RUS", "TJK", "UZB")


def test_the_recorded_history_is_unchanged(history: History) -> None:
    before = len(history.events)
    history.with_events([_return()], sources=[NOTE])
    assert len(history.events) == before
    assert csto.load_history() is history


@pytest.mark.parametrize("event, fragment", [
    (_return(kind="return", state="KAZ"), "cannot follow standing 'member'"),
    (_return(day=date(1991, 6, 1)), "outside 1992-01-01"),
    (_return(kind="teleport"), "unknown kind 'teleport'"),
    (_return(state="XXX"), "'XXX' is not an ISO 3166 alpha-3 code"),
    (_return(sources=("nowhere",)), "unknown source 'nowhere'"),
    (_return(sources=()), "non-empty list of source ids"),
    (_return(id="uzb-return"), "already used"),
])
def test_an_impossible_event_raises_the_projects_error_naming_it(
        history: History, event: Event, fragment: str) -> None:
    with pytest.raises(RecordError) as info:
        history.with_events([event], sources=[NOTE])
    assert fragment in str(info.value)
    assert event.id in str(info.value) or "event" in str(info.value)
    assert isinstance(info.value, CstoError)


@pytest.mark.parametrize("changes, fragment", [
    ({"sources": "my-note"}, "'sources' must be a tuple of source ids"),
    ({"date": "2027-01-01"}, "'date' must be a datetime.date"),
    ({"date": datetime(2027, 1, 1, 12)}, "'date' must be a datetime.date"),
])
def test_a_wrong_type_is_refused_when_the_event_is_built(changes: dict[str, Any],
                                                         fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        _return(**changes)


def test_timeline_error_is_a_csto_error() -> None:
    assert issubclass(TimelineError, CstoError)
    error = TimelineError("x", "cannot be")
    assert "event 'x'" in str(error)


def test_withdrawing_twice_is_refused(history: History) -> None:
    leave = Event(id="arm-leaves", date=date(2027, 6, 1), state="ARM", kind="withdraw",
                  sources=("my-note",))
    again = leave._replace(id="arm-leaves-again", date=date(2027, 8, 1))
    with pytest.raises(TimelineError, match="arm-leaves-again"):
        history.with_events([leave, again], sources=[NOTE])


def test_spans_are_public_and_ordered(history: History) -> None:
    spans = list(history.spans())
    assert spans[0].start == date(1992, 1, 1) and spans[0].snapshot.members == ()
    assert spans[1].start == date(1992, 5, 15)
    assert all(a.end == b.start for a, b in pairwise(spans))
    assert spans[-1].end is None
    clipped = list(history.spans("2000-01-01", "2001-01-01"))
    assert clipped[0].start == date(2000, 1, 1) and clipped[-1].end == date(2001, 1, 1)
    assert all(s.snapshot.members == ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK") for s in clipped)


@pytest.mark.parametrize("call, fragment", [
    (lambda: csto.members(on=12), "must be a date"),
    (lambda: csto.members(on="2024-3-1"), "write it as YYYY-MM-DD"),
    (lambda: csto.assist(None), "must be given as text"),  # type: ignore[arg-type]
    (lambda: csto.assist(643), "must be given as text"),  # type: ignore[arg-type]
    (lambda: csto.load_history().at("2024-13-01"), "invalid date"),
    (lambda: csto.load_history().at(date(1900, 1, 1)), "before 1992-01-01"),
    (lambda: csto.load_history().at(None), "must be a date"),
    (lambda: csto.chair(year=[2024]), "invalid year"),  # type: ignore[arg-type]
    (lambda: csto.decide("CSC", ["RUS"]), "positions must be a mapping"),  # type: ignore[arg-type]
    (lambda: csto.members(history="record"), "history must be a csto.History"),  # type: ignore[arg-type]
    (lambda: csto.to_dict({"a": 1}), "to_dict takes an answer"),
    (lambda: csto.to_dict(csto.members("2000-01-01"), "fr"), "unknown language 'fr'"),
    (lambda: csto.article("cst", 99), "has no article '99'"),  # type: ignore[arg-type]
])
def test_python_mistakes_raise_the_projects_errors(call: object, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        call()  # type: ignore[operator]
    assert fragment in str(info.value)


def test_datetime_is_accepted_as_a_day() -> None:
    moment = datetime(2024, 3, 1, 15, 30)
    assert csto.members(on=moment).date == date(2024, 3, 1)
    assert csto.load_history().at(moment).date == date(2024, 3, 1)


def test_snapshot_accepts_codes_in_any_case(history: History) -> None:
    snap = history.at(date(2024, 3, 1))
    assert snap.standing("arm") == snap.standing("ARM") is not None
    assert snap.is_member("kaz")
    with pytest.raises(InputError):
        snap.standing("zz-not-a-country")


def test_public_api_is_pinned() -> None:
    assert sorted(csto.__all__) == [
        "CstoError", "DataError", "Event", "History", "InputError", "QUESTIONS", "RecordError",
        "Snapshot", "Source", "Span", "TimelineError", "article", "ask", "assist", "base",
        "cases", "chair", "changes", "check", "decide", "disputes", "documents", "exercises", "forces",
        "groupings",
        "load_history", "members", "officials", "organization", "overview", "snapshot",
        "standing", "state_history", "step", "to_dict"]
    assert set(csto.__all__) <= set(dir(csto))
    for name in csto.__all__:
        assert getattr(csto, name) is not None


def test_history_builds_quickly_enough_for_what_ifs(history: History) -> None:
    """A smoke check only; the timing that counts is in `make bench`."""
    start = datetime.now()
    history.with_events([_return()], sources=[NOTE])
    assert datetime.now() - start < timedelta(seconds=2)
