"""Properties that must hold on every day, checked with Hypothesis."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

import csto
from csto.record.dates import EARLIEST, LATEST
from csto.record.history import History
from csto.record.load import load_history
from csto.rules.defence import assist

HISTORY: History = load_history()
days = st.dates(min_value=EARLIEST, max_value=LATEST)
states = st.sampled_from(sorted({e.state for e in HISTORY.events} | {"USA", "CHN", "AZE"}))


@given(days)
def test_no_state_is_both_member_and_former(day: date) -> None:
    snap = HISTORY.at(day)
    formers = {code for code, s in snap.standings.items() if s.status == "former"}
    assert not formers & set(snap.members)
    assert list(snap.members) == sorted(snap.members)


@given(days, states, st.one_of(st.none(), states))
def test_victim_is_never_obliged_nor_the_aggressor(day: date, victim: str,
                                                   aggressor: str | None) -> None:
    if aggressor == victim:
        aggressor = None
    answer = assist(HISTORY.at(day), victim, aggressor)
    assert victim not in answer.obliged
    assert aggressor not in answer.obliged
    assert set(answer.obliged) <= set(HISTORY.at(day).members)


@settings(max_examples=300)
@given(st.dates(min_value=EARLIEST + timedelta(days=1), max_value=LATEST))
def test_members_change_only_on_event_dates(day: date) -> None:
    before, today = HISTORY.at(day - timedelta(days=1)), HISTORY.at(day)
    if before.members != today.members:
        changing = {e.date for e in HISTORY.events}
        in_force = HISTORY.documents["cst"].in_force
        assert in_force is not None
        changing.add(in_force.date)
        assert day in changing


def test_every_event_date_changes_what_it_says() -> None:
    """The day before, of and after each status event: the standing switches on the day."""
    for event in HISTORY.events:
        if event.kind == "statement":
            continue
        before = HISTORY.at(event.date - timedelta(days=1)).standing(event.state)
        on = HISTORY.at(event.date).standing(event.state)
        after = HISTORY.at(event.date + timedelta(days=1)).standing(event.state)
        assert on is not None and on.fact.ref == f"event:{event.id}"
        assert after == on
        assert before != on


@given(days)
def test_api_answers_carry_citations_with_sources(day: date) -> None:
    result = csto.to_dict(csto.assist("RUS", on=day))
    for finding in result["findings"]:
        for citation in finding["citations"]:
            assert citation["sources"]
            assert set(citation["sources"]) <= set(result["sources"])


@given(days)
def test_spans_cover_every_day_once(day: date) -> None:
    covering = [s for s in HISTORY.spans() if s.start <= day and (s.end is None or day < s.end)]
    assert len(covering) == 1
    assert covering[0].snapshot.members == HISTORY.at(day).members
    assert covering[0].snapshot.standings == HISTORY.at(day).standings


def test_spans_run_end_to_end_from_the_first_day() -> None:
    spans = list(HISTORY.spans())
    assert spans[0].start == EARLIEST
    assert all(a.end == b.start for a, b in pairwise(spans))
    assert all(s.end is None or s.start < s.end for s in spans)
    assert spans[-1].end is None


@given(st.dates(min_value=date(1992, 1, 1), max_value=date(2098, 12, 31)),
       st.integers(min_value=-24, max_value=24))
def test_adding_months_keeps_the_day_or_the_months_last(day: date, months: int) -> None:
    """The calendar's own month lengths decide: 31 Aug + 6 months is 28 or 29 Feb."""
    import calendar

    from csto.record.dates import add_months

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    assert add_months(day, months) == date(year, month,
                                           min(day.day, calendar.monthrange(year, month)[1]))
