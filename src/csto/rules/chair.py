"""Who chairs the Collective Security Council: from the record, else by the rotation rule."""

from __future__ import annotations

from datetime import date

from ..record.history import History, Snapshot, fact_of
from ..record.model import CountryRef, DateRef, Fact, Finding, Term
from ._common import N_, cite_if_in_force, finding
from .answers import ChairAnswer


def rule_fact(history: History) -> Fact:
    rule = history.offices.chair_rule
    return fact_of("rule:chair_rotation", rule.since, rule.sources, rule.confidence,
                   rule.alternatives)


def russian_order(history: History, members: tuple[str, ...]) -> list[str]:
    """Members sorted by their Russian names, the order the chairmanship follows."""
    return sorted(members, key=lambda code: history.country_name(code, "ru"))


def _predict(history: History, year: int) -> Term | None:
    """Apply the rotation from the last recorded chair forward to ``year``."""
    since = history.offices.chair_rule.since
    recorded = [t for t in history.terms["chair"] if t.state is not None]
    if not recorded:
        return None
    last = recorded[-1]
    if last.end is None or year < max(since.year, last.end.year):
        return None
    current = last.state
    assert current is not None
    for predicted_year in range(last.end.year, year + 1):
        order = russian_order(history, history.at(date(predicted_year, 1, 1)).members)
        if not order:
            return None
        position = order.index(current) if current in order else -1
        current = order[(position + 1) % len(order)]
    return Term("chair", current, None, date(year, 1, 1), date(year + 1, 1, 1), "day", False,
                "rule", rule_fact(history), appointed=date(year, 1, 1))


def chair_for_year(history: History, year: int, on: date | None = None) -> ChairAnswer:
    """The chair of ``year``: the recorded holder for most of the year, else the prediction.

    The Charter is cited in its wording of ``on`` (default: 1 January of the year).
    """
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    snap = history.at(on or start)
    art13 = cite_if_in_force(snap, "charter", "13")
    since = DateRef(history.offices.chair_rule.since, "year")
    holders = tuple(t for t in history.terms["chair"]
                    if t.start < end and (t.end is None or t.end > start))
    findings: list[Finding] = []
    known = [t for t in holders if t.state is not None]
    if known:
        def days(term: Term) -> int:
            return (min(term.end or end, end) - max(term.start, start)).days

        chair = max(known, key=days)
        findings.append(finding(
            "information", "chair.record",
            N_("{state} chaired the Collective Security Council for most of {year}, according to "
               "the record; the chair passes at the regular session or, since {since}, on "
               "1 January."),
            {"state": CountryRef(chair.state or ""), "year": str(year), "since": since},
            art13, (chair.fact,)))
        return ChairAnswer(year, chair, "record", tuple(known), tuple(findings), history)
    predicted = _predict(history, year)
    if predicted is not None:
        assert predicted.state is not None
        findings.append(finding(
            "information", "chair.rule",
            N_("No chair for {year} is recorded. By the rotation practised since {since} (one "
               "calendar year each, in the Russian alphabetical order of the members), {state} "
               "would chair."),
            {"year": str(year), "state": CountryRef(predicted.state), "since": since},
            art13, (predicted.fact,)))
        standing = history.at(start).standing(predicted.state)
        if standing is not None and standing.status == "frozen":
            findings.append(finding(
                "open-question", "chair.frozen_turn",
                N_("{state} froze its participation; whether its turn would be skipped is not "
                   "settled."),
                {"state": CountryRef(predicted.state)}, art13, (standing.fact,)))
        return ChairAnswer(year, predicted, "rule", (), tuple(findings), history)
    findings.append(finding(
        "information", "chair.unknown",
        N_("No chair for {year} was found in the sources, and the rotation rule only predicts "
           "years after the record."),
        {"year": str(year)}, art13, tuple(t.fact for t in holders)))
    return ChairAnswer(year, None, "not-found", (), tuple(findings), history)


def chair_on(snap: Snapshot) -> tuple[Term | None, tuple[Finding, ...]]:
    """The chair on the snapshot's day: recorded, or predicted past the record."""
    if snap.chair is not None:
        return snap.chair, ()
    recorded = [t for t in snap.history.terms["chair"] if t.state is not None]
    if recorded and recorded[-1].end is not None and snap.date >= recorded[-1].end:
        answer = chair_for_year(snap.history, snap.date.year, snap.date)
        return answer.chair, answer.findings
    return None, ()
