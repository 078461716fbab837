"""Whether a claim holds on the day it speaks of, asked of the record and the rules.

Every verdict is derived from the History: the Snapshot of the claim's day (who is a
member, who holds an office, which articles are in force in which wording), the rules'
results (``rules.defence.obliged_states``, ``rules.bases.base``), the recorded events,
exercises and cases, and the alternatives the record keeps where sources disagree. A
claim that held once but not on its day is *outdated* (the periods when it held are
given); one contradicted by the record is *does-not-hold* (with what holds instead); one
that matches a value the record keeps as a rejected alternative is *disputed*; one the
record does not model is *not-checkable*. Nothing here knows any particular text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple

from ..record.history import History, Snapshot, event_fact, fact_of
from ..record.model import (
    Alternative,
    Citation,
    CountryList,
    CountryRef,
    DateRef,
    Day,
    Fact,
    Finding,
    Label,
    Text,
    TextRef,
)
from ..record.vocab import MEMBER_STATUSES
from ..rules._common import cite_if_in_force
from .claims import Claim

N_ = str

OFFICE_NAMES = {
    "secretary_general": Text("Secretary General", "Sekretaris Jenderal", "Генеральный секретарь"),
    "chair": Text(
        "chair of the Collective Security Council",
        "ketua Dewan Keamanan Kolektif",
        "председатель Совета коллективной безопасности",
    ),
}


class Period(NamedTuple):
    """Days [start, end) over which a claim held; ``end`` None means it still holds."""

    start: Day
    end: Day | None


class Judgement(NamedTuple):
    verdict: str
    findings: tuple[Finding, ...] = ()
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()
    held: tuple[Period, ...] = ()
    alternatives: tuple[Alternative, ...] = ()


def _finding(
    code: str,
    message: str,
    kind: str = "information",
    citations: tuple[Citation, ...] = (),
    facts: tuple[Fact, ...] = (),
    **params: Any,
) -> Finding:
    return Finding(kind, code, message, params, citations, facts)


def judge(claim: Claim, day: date, history: History) -> Judgement:
    """The verdict on ``claim`` as of ``day``, with the evidence."""
    handler = HANDLERS.get(claim.type)
    if handler is None:
        return _unknown()
    return handler(claim, day, history)


def _unknown(reason: str = "outside") -> Judgement:
    return Judgement(
        "not-checkable",
        (
            _finding(
                "check.outside", N_("csto's record does not cover this, so it cannot say whether it holds.")
            ),
        ),
    )


# -- periods over the history ---------------------------------------------------------------
def periods(history: History, test: Callable[[Snapshot], bool]) -> list[Period]:
    """The merged spans of days on which ``test`` holds."""
    found: list[Period] = []
    for span in history.spans():
        if test(span.snapshot):
            if found and found[-1].end == span.start:
                found[-1] = Period(found[-1].start, span.end)
            else:
                found.append(Period(span.start, span.end))
    return found


def _over_time(
    history: History,
    day: date,
    test: Callable[[Snapshot], bool],
    *,
    holds: Finding,
    instead: Finding,
    facts: tuple[Fact, ...] = (),
    citations: tuple[Citation, ...] = (),
) -> Judgement:
    """holds on ``day``; else outdated (held before) or does-not-hold (never, or only later)."""
    if test(history.at(day)):
        return Judgement("holds", (holds,), citations, facts)
    spans = periods(history, test)
    earlier = tuple(p for p in spans if p.end is not None and p.end <= day)
    if earlier:
        when = _finding(
            "check.held",
            N_("It held from {start} to {end}."),
            start=DateRef(earlier[-1].start),
            end=DateRef(earlier[-1].end or day),
        )
        return Judgement("outdated", (instead, when), citations, facts, earlier)
    later = tuple(p for p in spans if p.start > day)
    extra = (
        (_finding("check.later", N_("It became true only on {start}."), start=DateRef(later[0].start)),)
        if later
        else ()
    )
    return Judgement("does-not-hold", (instead, *extra), citations, facts, later)


def _standing_facts(snap: Snapshot, codes: Iterable[str]) -> tuple[Fact, ...]:
    return tuple(s.fact for code in codes if (s := snap.standing(code)) is not None)


# -- membership ------------------------------------------------------------------------------------
def _members_of(snap: Snapshot) -> frozenset[str]:
    return frozenset(snap.members)


def _not_members(claim: Claim, day: date, history: History, law: tuple[Citation, ...]) -> Judgement:
    """'X is not (no longer) a member': holds while none of the states is a member."""
    states = frozenset(claim.states)
    snap = history.at(day)
    members = tuple(sorted(_members_of(snap)))
    inside = tuple(sorted(states & _members_of(snap)))
    holds = _finding(
        "members.instead",
        N_("On {date} {outside} are not members; the members are {states}."),
        date=DateRef(day),
        outside=CountryList(tuple(sorted(states))),
        states=CountryList(members),
    )
    instead = _finding(
        "members.member",
        N_("On {date} {inside} are members; the members are {states}."),
        date=DateRef(day),
        inside=CountryList(inside),
        states=CountryList(members),
    )
    return _over_time(
        history,
        day,
        lambda s: not states & _members_of(s),
        holds=holds,
        instead=instead,
        citations=law,
        facts=_standing_facts(snap, sorted(states)),
    )


def membership(claim: Claim, day: date, history: History) -> Judgement:
    states = frozenset(claim.states)
    snap = history.at(day)
    law = cite_if_in_force(snap, "cst", "1") + cite_if_in_force(snap, "charter", "19")
    topic = claim.topic
    if topic == "members":

        if claim.negated:
            return _not_members(claim, day, history, law)

        def test(s: Snapshot) -> bool:
            members = _members_of(s)
            return states == members if claim.exhaustive else states <= members

        members = tuple(sorted(_members_of(snap)))
        holds = _finding(
            "members.holds",
            N_("On {date} the members are {states}."),
            date=DateRef(day),
            states=CountryList(members),
        )
        outside = tuple(sorted(states - _members_of(snap)))
        missing = tuple(sorted(_members_of(snap) - states)) if claim.exhaustive else ()
        if outside:
            instead = _finding(
                "members.instead",
                N_("On {date} {outside} are not members; the members are {states}."),
                date=DateRef(day),
                outside=CountryList(outside),
                states=CountryList(members),
            )
        else:
            instead = _finding(
                "members.missing",
                N_("On {date} the members also include {missing}; the members are {states}."),
                date=DateRef(day),
                missing=CountryList(missing),
                states=CountryList(members),
            )
        return _over_time(
            history,
            day,
            test,
            holds=holds,
            instead=instead,
            citations=law,
            facts=_standing_facts(snap, sorted(states | _members_of(snap))),
        )
    if topic == "observers":
        observers = tuple(sorted(c for c, s in snap.standings.items() if s.status == "observer"))
        known = states & set(history.countries.table)
        if not known <= set(observers) or not known:
            return Judgement(
                "does-not-hold" if known else "not-checkable",
                (
                    _finding(
                        "observers.instead",
                        N_("On {date} the observers are {states}."),
                        date=DateRef(day),
                        states=CountryList(observers),
                    ),
                ),
                facts=_standing_facts(snap, observers),
            )
        return Judgement(
            "holds",
            (
                _finding(
                    "observers.holds",
                    N_("On {date} the observers are {states}."),
                    date=DateRef(day),
                    states=CountryList(observers),
                ),
            ),
            facts=_standing_facts(snap, observers),
        )
    if topic in ("signatories", "non-signatories"):
        return _signatories(claim, history, day)
    if topic in ("renewing", "not-renewing"):
        return _renewing(claim, history)
    if topic == "founding-member":
        return _signatories(claim._replace(exhaustive=False, topic="signatories"), history, day)
    return _standing_event(claim, day, history)


def _signed(history: History) -> tuple[date, list[str]]:
    signed = history.documents["cst"].signed
    assert signed is not None
    return signed.date, [e.state for e in history.events if e.kind == "sign" and e.date == signed.date]


def _signatories(claim: Claim, history: History, day: date) -> Judgement:
    first_day, first = _signed(history)
    ever = {e.state for e in history.events if e.kind == "sign"}
    facts = tuple(event_fact(e) for e in history.events if e.kind == "sign" and e.state in claim.states)
    if claim.topic == "non-signatories":
        wrong = sorted(set(claim.states) & ever)
        if wrong:
            return Judgement(
                "does-not-hold",
                (
                    _finding(
                        "signatories.signed",
                        N_("{states} did sign the Treaty."),
                        states=CountryList(tuple(wrong)),
                    ),
                ),
                facts=facts,
            )
        return Judgement(
            "holds",
            (
                _finding(
                    "signatories.never",
                    N_("The record has no signature of the Treaty by {states}."),
                    states=CountryList(claim.states),
                ),
            ),
        )
    expected = set(first)
    claimed = set(claim.states)
    ok = claimed == expected if claim.exhaustive else claimed <= expected
    text = _finding(
        "signatories.first",
        N_("On {date} the Treaty was signed by {states}."),
        date=DateRef(first_day),
        states=CountryList(tuple(sorted(first))),
    )
    if ok:
        return Judgement("holds", (text,), facts=facts)
    later = sorted(claimed & ever - expected)
    if later and not (claimed - ever):
        return Judgement(
            "does-not-hold",
            (
                text,
                _finding("signatories.later", N_("{states} joined later."), states=CountryList(tuple(later))),
            ),
            facts=facts,
        )
    return Judgement("does-not-hold", (text,), facts=facts)


def _renewers(history: History) -> tuple[date, list[str], list[str]]:
    lapses = [e for e in history.events if e.kind == "lapse"]
    if not lapses:
        return date.min, [], []
    end = min(e.date for e in lapses)
    before = history.at(end - timedelta(days=1)).members
    gone = sorted({e.state for e in lapses if e.date == end})
    return end, sorted(set(before) - set(gone)), gone


def _renewing(claim: Claim, history: History) -> Judgement:
    end, renewed, gone = _renewers(history)
    protocol = history.documents.get("cst-prolongation-1999")
    facts = tuple(event_fact(e) for e in history.events if e.kind == "lapse" and e.date == end)
    expected = set(renewed if claim.topic == "renewing" else gone)
    claimed = set(claim.states)
    ok = claimed == expected if claim.exhaustive else claimed <= expected
    text = _finding(
        "renewal.states",
        N_("The extension of the Treaty was signed by {renewed}; {gone} did not sign it and left on {date}."),
        renewed=CountryList(tuple(renewed)),
        gone=CountryList(tuple(gone)),
        date=DateRef(end),
    )
    sources = protocol.sources if protocol else ()
    return Judgement(
        "holds" if ok else "does-not-hold",
        (text,),
        facts=facts
        + (
            (
                fact_of(
                    "document:cst-prolongation-1999:signed",
                    protocol.signed.date,
                    sources,
                    protocol.confidence,
                ),
            )
            if protocol and protocol.signed
            else ()
        ),
    )


_EVENT_KINDS = {
    "accession": ("sign",),
    "freeze": ("freeze",),
    "suspend-membership": ("suspend",),
    "suspend-participation": ("freeze", "suspend"),
    "leave": ("lapse", "withdraw", "suspend"),
    "left": ("lapse", "withdraw", "suspend"),
    "return": ("return", "unfreeze"),
}
_RESULT = {
    "accession": ("signatory", "member", "frozen", "suspended", "former"),
    "freeze": ("frozen",),
    "suspend-membership": ("suspended",),
    "suspend-participation": ("frozen", "suspended"),
    "leave": ("former", "suspended"),
    "left": ("former", "suspended"),
    "return": ("member",),
}


def _standing_event(claim: Claim, day: date, history: History) -> Judgement:
    """One state froze, suspended, left or returned: its standing, or a statement, that day."""
    kinds = _EVENT_KINDS.get(claim.topic)
    if kinds is None or not claim.states:
        return _unknown()
    iso3 = claim.states[0]
    snap = history.at(day)
    events = [e for e in history.events if e.state == iso3]
    standing = snap.standing(iso3)
    status = standing.status if standing else "none"
    window = timedelta(days=75)
    said = [e for e in events if abs((e.date - day).days) <= window.days]
    done = [e for e in events if e.kind in kinds and e.date <= day]
    result = _RESULT[claim.topic]
    label = Label("status", status)
    if claim.future:
        if said or [e for e in events if e.kind in kinds and day <= e.date <= day + timedelta(days=400)]:
            shown = (said or events)[0]
            return Judgement(
                "holds",
                (
                    _finding(
                        "standing.said",
                        N_("The record has it: {summary}"),
                        summary=TextRef(shown.summary or Text(shown.id)),
                    ),
                ),
                facts=tuple(event_fact(e) for e in said),
            )
        return Judgement(
            "not-checkable",
            (
                _finding(
                    "standing.intent",
                    N_("csto records acts, not intentions: on {date} {state} is '{status}'."),
                    date=DateRef(day),
                    state=CountryRef(iso3),
                    status=label,
                ),
            ),
        )
    if status in result and done:
        return Judgement(
            "holds",
            (
                _finding(
                    "standing.now",
                    N_("On {date} {state}'s standing is '{status}', since {since}."),
                    date=DateRef(day),
                    state=CountryRef(iso3),
                    status=label,
                    since=DateRef(standing.since if standing else day),
                ),
            ),
            facts=tuple(event_fact(e) for e in done[-1:]),
        )
    if claim.topic == "suspend-participation" and said:
        shown = said[0]
        return Judgement(
            "holds",
            (
                _finding(
                    "standing.said",
                    N_("The record has it: {summary}"),
                    summary=TextRef(shown.summary or Text(shown.id)),
                ),
            ),
            facts=tuple(event_fact(e) for e in said),
        )
    later = [e for e in events if e.kind in kinds and e.date > day]
    findings = [
        _finding(
            "standing.instead",
            N_("On {date} {state}'s standing is '{status}'."),
            date=DateRef(day),
            state=CountryRef(iso3),
            status=label,
        )
    ]
    if later:
        findings.append(
            _finding(
                "standing.later",
                N_("That happened only on {when}."),
                when=DateRef(later[0].date, later[0].precision),
            )
        )
    return Judgement(
        "does-not-hold",
        tuple(findings),
        facts=(standing.fact,) if standing else (*tuple(event_fact(e) for e in later[:1]),),
    )


# -- counts ---------------------------------------------------------------------------------------
def _count_of(topic: str, snap: Snapshot, history: History) -> tuple[int, tuple[str, ...]] | None:
    standings = snap.standings
    if topic == "members":
        return len(snap.members), tuple(snap.members)
    if topic == "observers":
        codes = tuple(sorted(c for c, s in standings.items() if s.status == "observer"))
        return len(codes), codes
    if topic == "former-observers":
        codes = tuple(sorted(c for c, s in standings.items() if s.status == "former_observer"))
        return len(codes), codes
    if topic == "former-members":
        codes = tuple(sorted(c for c, s in standings.items() if s.status in ("former", "suspended")))
        return len(codes), codes
    if topic == "signatories":
        return len(_signed(history)[1]), tuple(sorted(_signed(history)[1]))
    if topic == "acceding":
        first_day, _first = _signed(history)
        in_force = history.documents["cst"].in_force
        end = in_force.date if in_force else date.max
        codes = tuple(
            sorted(e.state for e in history.events if e.kind == "sign" and first_day < e.date <= end)
        )
        return len(codes), codes
    if topic == "renewing":
        _, renewed, _ = _renewers(history)
        return len(renewed), tuple(renewed)
    return None


_COUNT_WORDS = {
    "members": N_("On {date} there are {count} members: {states}."),
    "observers": N_("On {date} there are {count} observers: {states}."),
    "former-observers": N_("On {date} there are {count} former observers: {states}."),
    "former-members": N_("On {date} there are {count} former or suspended members: {states}."),
    "signatories": N_("The Treaty was first signed by {count} states: {states}."),
    "acceding": N_("{count} states acceded before the Treaty entered into force: {states}."),
    "renewing": N_("{count} states signed the 1999 extension: {states}."),
}


def count(claim: Claim, day: date, history: History) -> Judgement:
    if claim.topic == "members-range":
        sizes = {
            len(p.snapshot.members)
            for p in history.spans(None, day + timedelta(days=1))
            if p.snapshot.members
        }
        high = int(claim.qualifier.split()[-1]) if claim.qualifier else claim.number or 0
        ok = bool(sizes) and min(sizes) == claim.number and max(sizes) == high
        return Judgement(
            "holds" if ok else "does-not-hold",
            (
                _finding(
                    "count.range",
                    N_("Up to {date} the Treaty had between {low} and {high} members."),
                    date=DateRef(day),
                    low=min(sizes) if sizes else 0,
                    high=max(sizes) if sizes else 0,
                ),
            ),
        )
    topic = claim.topic
    if topic not in _COUNT_WORDS or claim.number is None:
        return _unknown()
    claimed = claim.number

    def value(s: Snapshot) -> int:
        found = _count_of(topic, s, history)
        return found[0] if found else -1

    def test(s: Snapshot) -> bool:
        return _matches(value(s), claimed, claim.qualifier)

    snap = history.at(day)
    found = _count_of(topic, snap, history)
    assert found is not None
    text = _finding(
        "count.is", _COUNT_WORDS[topic], date=DateRef(day), count=found[0], states=CountryList(found[1])
    )
    facts = _standing_facts(snap, found[1])
    if topic in ("signatories", "acceding", "renewing"):
        return Judgement("holds" if test(snap) else "does-not-hold", (text,), facts=facts)
    return _over_time(history, day, test, holds=text, instead=text, facts=facts)


def _matches(actual: int, claimed: int, qualifier: str | None) -> bool:
    if actual < 0:
        return False
    if qualifier == "more-than":
        return actual >= claimed  # a recorded figure is often itself a floor ("more than 6,500")
    if qualifier == "less-than":
        return actual < claimed
    if qualifier == "up-to":
        return actual <= claimed
    if qualifier == "about" and claimed >= 100:
        return abs(actual - claimed) <= claimed * 0.15
    return actual == claimed


# -- dates --------------------------------------------------------------------------------------
def _same(day: date, claimed: date, precision: str | None, until: date | None = None) -> bool:
    if until is not None:
        return claimed <= day <= until
    if precision == "year":
        return day.year == claimed.year
    if precision == "month":
        return (day.year, day.month) == (claimed.year, claimed.month)
    return day == claimed


def _document_day(history: History, document: str, step: str) -> tuple[date, str, Any] | None:
    doc = history.documents.get(document)
    record = getattr(doc, step, None) if doc else None
    if record is None:
        return None
    return record.date, record.precision, record


_FOUNDING_CONFIDENCE = frozenset({"H", "M"})


def dates(claim: Claim, day: date, history: History) -> Judgement:
    if claim.date is None:
        return _unknown()
    topic = claim.topic
    precision = claim.precision
    if topic in ("cst-signed", "charter-signed", "cst-in-force", "charter-in-force"):
        document, step = (
            topic.rsplit("-", 1)[0].replace("-in", ""),
            "signed" if topic.endswith("signed") else "in_force",
        )
        document = "charter" if topic.startswith("charter") else "cst"
        found = _document_day(history, document, step)
        if found is None:
            return _unknown()
        when, when_precision, record = found
        facts = (
            fact_of(
                f"document:{document}:{step}", when, record.sources, record.confidence, record.alternatives
            ),
        )
        message = (
            N_("The {document} was signed on {when}.")
            if step == "signed"
            else N_("The {document} entered into force on {when}.")
        )
        text = _finding(
            "date.document",
            message,
            document=TextRef(history.documents[document].title),
            when=DateRef(when, "day" if when_precision == "inferred" else when_precision),
        )
        if _same(when, claim.date, precision, claim.until):
            return Judgement("holds", (text,), facts=facts)
        for alternative in record.alternatives:
            if alternative.date and _same(alternative.date, claim.date, precision):
                return Judgement("disputed", (text,), facts=facts, alternatives=(alternative,))
        return Judgement("does-not-hold", (text,), facts=facts)
    if topic == "founded":
        milestones = [
            m
            for m in history.organization.milestones
            if (m.document in ("cst", "charter") or m.document is None)
            and m.date <= _charter_in_force(history)
        ]
        hits = [m for m in milestones if _same(m.date, claim.date, precision, claim.until)]
        hits.sort(key=lambda m: m.confidence not in _FOUNDING_CONFIDENCE)
        if hits:
            milestone = hits[0]
            fact = fact_of(
                f"milestone:{milestone.date.isoformat()}",
                milestone.date,
                milestone.sources,
                milestone.confidence,
                milestone.alternatives,
            )
            text = _finding(
                "date.milestone",
                N_("On {when}: {summary}"),
                when=DateRef(milestone.date, milestone.precision),
                summary=TextRef(milestone.summary),
            )
            verdict = "holds" if milestone.confidence in _FOUNDING_CONFIDENCE else "not-checkable"
            return Judgement(verdict, (text,), facts=(fact,))
        return Judgement(
            "does-not-hold",
            tuple(
                _finding(
                    "date.milestone",
                    N_("On {when}: {summary}"),
                    when=DateRef(m.date, m.precision),
                    summary=TextRef(m.summary),
                )
                for m in milestones
                if m.confidence in _FOUNDING_CONFIDENCE
            ),
        )
    if topic == "renewal":
        doc = history.documents.get("cst-prolongation-1999")
        if doc is None or doc.signed is None:
            return _unknown()
        text = _finding(
            "date.document",
            N_("The {document} was signed on {when}."),
            document=TextRef(doc.title),
            when=DateRef(doc.signed.date),
        )
        ok = _same(doc.signed.date, claim.date, precision, claim.until) or (
            precision == "year" and claim.date.year == 1999
        )
        return Judgement(
            "holds" if ok else "does-not-hold",
            (text,),
            facts=(
                fact_of(
                    "document:cst-prolongation-1999:signed",
                    doc.signed.date,
                    doc.signed.sources,
                    doc.signed.confidence,
                ),
            ),
        )
    if topic == "member-since":
        return _member_since(claim, history)
    kinds = {
        "accession": ("sign",),
        "left": ("lapse", "withdraw", "suspend"),
        "leave": ("lapse", "withdraw", "suspend"),
        "return": ("return",),
        "suspend-membership": ("suspend",),
        "suspend-participation": ("suspend", "freeze", "statement"),
        "freeze": ("freeze",),
    }.get(topic)
    if kinds is None or not claim.states:
        return _unknown()
    return _state_dates(claim, kinds, history)


def _charter_in_force(history: History) -> date:
    found = _document_day(history, "charter", "in_force")
    return found[0] if found else date.max


def _state_dates(claim: Claim, kinds: tuple[str, ...], history: History) -> Judgement:
    assert claim.date is not None
    findings: list[Finding] = []
    facts: list[Fact] = []
    wrong = False
    alternatives: list[Alternative] = []
    for iso3 in claim.states:
        events = [e for e in history.events if e.state == iso3 and e.kind in kinds]
        match = next((e for e in events if _same(e.date, claim.date, claim.precision, claim.until)), None)
        if match is None and claim.topic == "suspend-participation":
            match = next(
                (e for e in events if e.kind == "statement" and abs((e.date - claim.date).days) <= 31), None
            )
        if match is not None:
            facts.append(event_fact(match))
            findings.append(
                _finding(
                    "date.event",
                    N_("{state}: {summary} ({when})"),
                    state=CountryRef(iso3),
                    summary=TextRef(match.summary or Text(match.kind)),
                    when=DateRef(match.date, match.precision),
                )
            )
            continue
        disputed = [
            a for e in events for a in e.alternatives if a.date and _same(a.date, claim.date, claim.precision)
        ]
        if disputed:
            alternatives.extend(disputed)
        wrong = wrong or not disputed
        if events:
            facts.extend(event_fact(e) for e in events[:2])
            findings.append(
                _finding(
                    "date.instead",
                    N_("{state}: the record dates this to {when}."),
                    state=CountryRef(iso3),
                    when=DateRef(events[0].date, events[0].precision),
                )
            )
        else:
            findings.append(
                _finding("date.none", N_("{state}: the record has no such event."), state=CountryRef(iso3))
            )
    verdict = "does-not-hold" if wrong else ("disputed" if alternatives else "holds")
    return Judgement(verdict, tuple(findings), facts=tuple(facts), alternatives=tuple(alternatives))


def _member_since(claim: Claim, history: History) -> Judgement:
    assert claim.date is not None
    iso3 = claim.states[0]
    snap = history.at(date(claim.date.year, 12, 31))
    standing = snap.standing(iso3)
    founded = _charter_in_force(history)
    if standing is None or standing.status not in MEMBER_STATUSES:
        return Judgement(
            "does-not-hold",
            (
                _finding(
                    "since.not",
                    N_("In {year} {state} was not a member."),
                    year=claim.date.year,
                    state=CountryRef(iso3),
                ),
            ),
        )
    since = standing.since
    ok = claim.date.year in (since.year, founded.year)
    return Judgement(
        "holds" if ok else "does-not-hold",
        (
            _finding(
                "since.since",
                N_("{state} has been a member without a break since {since}."),
                state=CountryRef(iso3),
                since=DateRef(since, standing.since_precision),
            ),
        ),
        facts=(standing.fact,),
    )


# -- places -------------------------------------------------------------------------------------------
_PLACES = {"Chisinau": ("chisinau", "chişinău", "chișinău", "kishinev"), "Astana": ("astana", "nur-sultan")}


def place(claim: Claim, day: date, history: History) -> Judgement:
    assert claim.place is not None
    if claim.topic == "headquarters":
        seat = history.organization.headquarters
        ok = claim.place.lower() in seat.value.en.lower()
        return Judgement(
            "holds" if ok else "does-not-hold",
            (_finding("place.seat", N_("The organization's seat is {seat}."), seat=TextRef(seat.value)),),
            facts=(fact_of("organization:headquarters", day, seat.sources, seat.confidence),),
        )
    document = "charter" if claim.topic.startswith("charter") else "cst"
    doc = history.documents[document]
    if doc.signed is None or doc.signed.place is None:
        return _unknown()
    recorded = doc.signed.place
    names = _PLACES.get(claim.place, (claim.place.lower(),))
    ok = any(name in recorded.lower() for name in names) or claim.place.lower() == recorded.lower()
    return Judgement(
        "holds" if ok else "does-not-hold",
        (
            _finding(
                "place.signed",
                N_("The {document} was signed in {place} on {when}."),
                document=TextRef(doc.title),
                place=recorded,
                when=DateRef(doc.signed.date),
            ),
        ),
        facts=(
            fact_of(
                f"document:{document}:signed", doc.signed.date, doc.signed.sources, doc.signed.confidence
            ),
        ),
    )


# -- officials -----------------------------------------------------------------------------------------
def official(claim: Claim, day: date, history: History) -> Judgement:
    office = claim.office
    if claim.topic == "person":
        offices = {
            t.office
            for terms in history.terms.values()
            for t in terms
            if t.person and t.person.en == claim.person
        }
        if len(offices) != 1:
            return _unknown()
        office = offices.pop()
    if office not in history.terms:
        return Judgement(
            "not-checkable",
            (
                _finding(
                    "official.unmodelled",
                    N_(
                        "csto records the Secretary General and the chair of the "
                        "Council only, not this office."
                    ),
                ),
            ),
        )
    terms = history.terms[office]
    if claim.topic == "term" and claim.date is not None and claim.until is not None:
        holder = next((t for t in terms if t.start.year == claim.date.year and t.person is not None), None)
        if holder is None:
            return _unknown()
        start = _finding(
            "official.holder",
            N_("On {date} the {office} is {person} ({state}), since {since}."),
            office=TextRef(OFFICE_NAMES[office]),
            date=DateRef(holder.start),
            person=TextRef(holder.person or Text(holder.state or "")),
            state=CountryRef(holder.state or ""),
            since=DateRef(holder.start, holder.precision),
        )
        return _term_length(claim, office, history, Judgement("holds", (start,), (), (holder.fact,)))

    def test(snap: Snapshot) -> bool:
        term = getattr(snap, office)
        if term is None:
            return False
        if claim.person is not None:
            return term.person is not None and term.person.en == claim.person
        return term.state in claim.states

    snap = history.at(day)
    holder = getattr(snap, office)
    facts = (holder.fact,) if holder else ()
    label = TextRef(OFFICE_NAMES[office])
    if holder is None:
        now = _finding(
            "official.none",
            N_("The record has no holder of the office of {office} on {date}."),
            office=label,
            date=DateRef(day),
        )
    elif holder.person is not None:
        now = _finding(
            "official.holder",
            N_("On {date} the {office} is {person} ({state}), since {since}."),
            office=label,
            date=DateRef(day),
            person=TextRef(holder.person),
            state=CountryRef(holder.state or ""),
            since=DateRef(holder.start, holder.precision),
        )
    else:
        now = _finding(
            "official.state",
            N_("On {date} {state} holds the office of {office}."),
            office=label,
            date=DateRef(day),
            state=CountryRef(holder.state or ""),
        )
    judged = _over_time(history, day, test, holds=now, instead=now, facts=facts)
    if (
        judged.verdict == "does-not-hold"
        and claim.person is not None
        and not any(t.person and t.person.en == claim.person for t in terms)
    ):
        return Judgement("does-not-hold", judged.findings, facts=facts)
    if claim.until is not None and claim.date is not None and judged.verdict == "holds":
        return _term_length(claim, office, history, judged)
    return judged


def _term_length(claim: Claim, office: str, history: History, judged: Judgement) -> Judgement:
    """A term claimed as running to a year: the recorded end, or an alternative's."""
    assert claim.until is not None and claim.date is not None
    for record in getattr(history.offices, office):
        if record.start <= claim.date and (record.until is None or claim.date < record.until):
            if record.until is None or (record.until - timedelta(days=1)).year == claim.until.year:
                return judged
            others = tuple(
                a
                for a in record.alternatives
                if a.date and (a.date - timedelta(days=1)).year == claim.until.year
            )
            ended = _finding(
                "official.until",
                N_("The term runs until {end}."),
                end=DateRef(record.until - timedelta(days=1)),
            )
            if others:
                return Judgement(
                    "disputed", (*judged.findings, ended), judged.citations, judged.facts, alternatives=others
                )
            return Judgement("does-not-hold", (*judged.findings, ended), judged.citations, judged.facts)
    return judged


# -- rules -----------------------------------------------------------------------------------------------
def rule(claim: Claim, day: date, history: History) -> Judgement:
    snap = history.at(day)
    topic = claim.topic
    art4 = snap.article("cst", "4")
    if topic in ("art4-collective-defence", "art4-assistance", "art4-invoked"):
        if art4 is None:
            return _not_in_force(snap, "cst", "4")
        return Judgement(
            "holds",
            (
                _finding(
                    "rule.art4",
                    N_("Article 4 in force on {date}: {text}"),
                    date=DateRef(day),
                    text=TextRef(art4.text),
                ),
            ),
            (art4.citation,),
        )
    if topic == "art4-quoted-1992":
        original = _first_version(history, "cst", "4")
        if art4 is None or original is None:
            return _not_in_force(snap, "cst", "4")
        if art4.citation.version == original.by:
            return Judgement(
                "holds",
                (
                    _finding(
                        "rule.art4",
                        N_("Article 4 in force on {date}: {text}"),
                        date=DateRef(day),
                        text=TextRef(art4.text),
                    ),
                ),
                (art4.citation,),
            )
        since = history.documents[art4.citation.version].in_force
        start = history.documents["cst"].in_force
        held = (Period(start.date if start else day, since.date if since else day),)
        return Judgement(
            "outdated",
            (
                _finding(
                    "rule.art4_wording",
                    N_("This is the 1992 wording of Article 4; since {since} it reads: {text}"),
                    since=DateRef(held[0].end or day),
                    text=TextRef(art4.text),
                ),
                _finding(
                    "check.held",
                    N_("It held from {start} to {end}."),
                    start=DateRef(held[0].start),
                    end=DateRef(held[0].end or day),
                ),
            ),
            (art4.citation,),
            held=held,
        )
    if topic == "art4-threat":
        from ..rules.defence import obliged_states

        members = snap.members
        if art4 is None or not members:
            return _not_in_force(snap, "cst", "4")
        obliged = obliged_states(snap, members[0], None, "threat")
        art2 = cite_if_in_force(snap, "cst", "2")
        return Judgement(
            "holds" if obliged else "does-not-hold",
            (
                _finding(
                    "rule.threat",
                    N_(
                        "A threat obliges the members to consult at once (Article 2); Article 4's "
                        "assistance, military included, follows an attack, not a threat."
                    ),
                    kind="obligation",
                    citations=(*art2, art4.citation),
                ),
            ),
            (*art2, art4.citation),
        )
    if topic == "art1-no-force":
        return _article_holds(snap, "cst", "1")
    if topic == "art1-no-alliances":
        art1 = snap.article("cst", "1")
        if art1 is None:
            return _not_in_force(snap, "cst", "1")
        text = _finding(
            "rule.art1",
            N_("Article 1 in force on {date}: {text}"),
            date=DateRef(day),
            text=TextRef(art1.text),
        )
        if claim.exhaustive and ("directed against" in art1.text.en):
            return Judgement(
                "does-not-hold",
                (
                    text,
                    _finding(
                        "rule.art1_limit",
                        N_(
                            "The ban covers alliances and groupings directed against another "
                            "member, not every other alliance."
                        ),
                    ),
                ),
                (art1.citation,),
            )
        return Judgement("holds", (text,), (art1.citation,))
    if topic == "art2-consultations":
        return _article_holds(snap, "cst", "2")
    if topic == "bases-consent":
        return _bases(snap, history)
    if topic == "rotating-chair":
        return _rotation(snap, history)
    if topic == "yearly-exercises":
        years = sorted({e.year for e in history.exercises if not e.planned and e.year <= day.year})
        recent = [y for y in years if day.year - 2 <= y <= day.year]
        return Judgement(
            "holds" if recent else "does-not-hold",
            (
                _finding(
                    "rule.exercises",
                    N_("The record lists exercises in {years}."),
                    years=", ".join(str(y) for y in years[-8:]),
                ),
            ),
        )
    if topic == "consensus":
        article = snap.article("charter", "12")
        organs = [o for o in history.organization.organs if o.decides_by_consensus]
        if article is None or not organs:
            return _unknown()
        return Judgement(
            "holds",
            (
                _finding(
                    "rule.consensus",
                    N_("Charter Article 12 on {date}: {text}"),
                    date=DateRef(day),
                    text=TextRef(article.text),
                ),
            ),
            (article.citation,),
        )
    if topic == "unilateral-withdrawal":
        return _withdrawal(claim, snap, history)
    if topic == "suspension-by-council":
        return _article_holds(snap, "charter", "20")
    return _unknown()


def _first_version(history: History, document: str, number: str) -> Any:
    for article in history.documents[document].articles:
        if article.number == number:
            return article.versions[0]
    return None


def _not_in_force(snap: Snapshot, document: str, number: str) -> Judgement:
    return Judgement(
        "does-not-hold",
        (
            _finding(
                "rule.not_in_force",
                N_("On {date} article {number} of the {document} is not in force."),
                date=DateRef(snap.date),
                number=number,
                document=TextRef(snap.history.documents[document].title),
            ),
        ),
    )


def _article_holds(snap: Snapshot, document: str, number: str) -> Judgement:
    article = snap.article(document, number)
    if article is None:
        return _not_in_force(snap, document, number)
    return Judgement(
        "holds",
        (
            _finding(
                "rule.article",
                N_("{document} Article {number} on {date}: {text}"),
                document=TextRef(
                    snap.history.documents[document].short or snap.history.documents[document].title
                ),
                number=number,
                date=DateRef(snap.date),
                text=TextRef(article.text),
            ),
        ),
        (article.citation,),
    )


def _bases(snap: Snapshot, history: History) -> Judgement:
    from ..rules.bases import base

    doc = history.documents.get("infrastructure-protocol-2011")
    if doc is None or doc.signed is None or doc.signed.date > snap.date:
        return Judgement(
            "does-not-hold",
            (
                _finding(
                    "rule.bases_none",
                    N_("On {date} no rule requires the members' consent for foreign bases."),
                    date=DateRef(snap.date),
                ),
            ),
        )
    members = snap.members
    guest = next((c for c in ("USA", "TUR", "CHN") if c not in members), "USA")
    judged_day = snap if snap.in_force(doc.id) else history.at(doc.in_force.date) if doc.in_force else snap
    answer = base(judged_day, members[0], guest)
    findings = [
        _finding(
            "rule.bases",
            N_(
                "A member may host a non-member's forces or bases only if no "
                "member objects: consent is needed from {states}."
            ),
            states=CountryList(answer.consent_required_from),
        )
    ]
    citations: tuple[Citation, ...] = tuple(c for f in answer.findings for c in f.citations)[:3]
    if not snap.in_force(doc.id) and doc.in_force:
        findings.append(
            _finding(
                "rule.bases_signed",
                N_("The protocol was signed on {signed} and entered into force on {in_force}."),
                signed=DateRef(doc.signed.date),
                in_force=DateRef(
                    doc.in_force.date,
                    "day" if doc.in_force.precision == "inferred" else doc.in_force.precision,
                ),
            )
        )
    return Judgement("holds" if answer.consent_required_from else "does-not-hold", tuple(findings), citations)


def _rotation(snap: Snapshot, history: History) -> Judgement:
    rule_record = history.offices.chair_rule
    article = snap.article("charter", "13")
    if rule_record.since <= snap.date:
        return Judgement(
            "holds",
            (_finding("rule.rotation", N_("{text}"), text=TextRef(rule_record.summary)),),
            (article.citation,) if article else (),
            (fact_of("chair_rule", rule_record.since, rule_record.sources, rule_record.confidence),),
        )
    if article is not None:
        return Judgement(
            "holds",
            (
                _finding(
                    "rule.article",
                    N_("{document} Article {number} on {date}: {text}"),
                    document=TextRef(history.documents["charter"].short or Text("Charter")),
                    number="13",
                    date=DateRef(snap.date),
                    text=TextRef(article.text),
                ),
            ),
            (article.citation,),
        )
    return _not_in_force(snap, "charter", "13")


def _withdrawal(claim: Claim, snap: Snapshot, history: History) -> Judgement:
    article = snap.article("charter", "19")
    if article is None:
        return _not_in_force(snap, "charter", "19")
    text = _finding(
        "rule.article",
        N_("{document} Article {number} on {date}: {text}"),
        document=TextRef(history.documents["charter"].short or Text("Charter")),
        number="19",
        date=DateRef(snap.date),
        text=TextRef(article.text),
    )
    if not claim.negated:
        return Judgement("holds", (text,), (article.citation,))
    wording = _first_version(history, "charter", "19")
    others = tuple(
        a
        for a in (wording.alternatives if wording else ())
        if isinstance(a.value, str) and re.search(r"not provide|no .*withdrawal", a.value)
    )
    if others:
        return Judgement("disputed", (text,), (article.citation,), alternatives=others)
    return Judgement("does-not-hold", (text,), (article.citation,))


# -- exercises --------------------------------------------------------------------------------------
def exercise(claim: Claim, day: date, history: History) -> Judgement:
    name = claim.exercise or ""
    series, _, year_text = name.partition(":")
    if series == "on":
        on = date.fromisoformat(year_text)
        year_text = str(on.year)
        running = [
            e
            for e in history.exercises
            if e.start and e.end and e.start - timedelta(days=3) <= on <= e.end + timedelta(days=3)
        ]
        series = running[0].series if running else "none"
    year = int(year_text) if year_text.isdigit() else None
    candidates = [
        e
        for e in history.exercises
        if e.year == year
        and (
            (series == "largest" and e.largest_of_year)
            or e.series == series
            or (series != "largest" and series in e.name.lower())
        )
    ]
    if not candidates:
        return Judgement(
            "not-checkable",
            (_finding("exercise.unknown", N_("The record has no such exercise in {year}."), year=year or 0),),
        )
    record = candidates[0]
    fact = fact_of(
        f"exercise:{record.id}",
        record.start or date(record.year, 1, 1),
        record.sources,
        record.confidence,
        record.alternatives,
    )
    about = _finding(
        "exercise.record",
        N_("{name}: {summary}"),
        name=record.name,
        summary=TextRef(record.summary or Text(record.name)),
    )
    topic = claim.topic
    if topic in ("held", "largest"):
        return Judgement("holds", (about,), facts=(fact,))
    if topic == "dates":
        if record.start is None or claim.date is None:
            return Judgement("not-checkable", (about,), facts=(fact,))
        last = record.end or record.start
        held = _finding(
            "exercise.dates",
            N_("Held from {start} to {end}."),
            start=DateRef(record.start),
            end=DateRef(last),
        )
        ok = record.start <= claim.date <= last
        return Judgement("holds" if ok else "does-not-hold", (about, held), facts=(fact,))
    if topic == "host":
        ok = set(claim.states) <= set(record.hosts)
        return Judgement(
            "holds" if ok else "does-not-hold",
            (about, _finding("exercise.hosts", N_("Hosted by {states}."), states=CountryList(record.hosts))),
            facts=(fact,),
        )
    if topic in ("troops", "aircraft"):
        recorded = getattr(record, topic)
        if recorded is None:
            return Judgement(
                "not-checkable",
                (
                    about,
                    _finding(
                        "exercise.no_figure",
                        N_("The record gives no such figure for {name}."),
                        name=record.name,
                    ),
                ),
                facts=(fact,),
            )
        if claim.number is not None and _matches(recorded, claim.number, claim.qualifier or "about"):
            return Judgement("holds", (about,), facts=(fact,))
        alternatives = _alternatives_with(record.alternatives, claim.number)
        if alternatives:
            return Judgement("disputed", (about,), facts=(fact,), alternatives=alternatives)
        return Judgement("does-not-hold", (about,), facts=(fact,))
    if topic in ("participants", "participants-count"):
        if record.participants is None:
            return Judgement("not-checkable", (about,), facts=(fact,))
        members = history.at(record.start or date(record.year, 7, 1)).members
        claimed = set(claim.states) if claim.states else set(members) if claim.qualifier == "all" else set()
        ok = claimed <= set(record.participants) if claimed else claim.number == len(record.participants)
        if ok:
            return Judgement(
                "holds",
                (
                    about,
                    _finding(
                        "exercise.participants",
                        N_("Troops came from {states}."),
                        states=CountryList(record.participants),
                    ),
                ),
                facts=(fact,),
            )
        alternatives = _alternatives_with(
            record.alternatives, None, words=("all", "seven", str(claim.number or ""))
        )
        if alternatives:
            return Judgement("disputed", (about,), facts=(fact,), alternatives=alternatives)
        return Judgement(
            "does-not-hold",
            (
                about,
                _finding(
                    "exercise.participants",
                    N_("Troops came from {states}."),
                    states=CountryList(record.participants),
                ),
            ),
            facts=(fact,),
        )
    return Judgement("not-checkable", (about,), facts=(fact,))


def _alternatives_with(
    alternatives: tuple[Alternative, ...], number: int | None, words: tuple[str, ...] = ()
) -> tuple[Alternative, ...]:
    found = []
    for alternative in alternatives:
        value = alternative.value
        text = value.en if isinstance(value, Text) else (value or "")
        digits = {int(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", text)}
        if (number is not None and number in digits) or (
            words and all(w and w in text.lower() for w in words[:1])
        ):
            found.append(alternative)
    return tuple(found)


# -- cases ----------------------------------------------------------------------------------------------
def _victims(case: Any) -> set[str]:
    """Every state a reading of the case names as attacked (a claim of either side counts)."""
    return {r.victim for r in case.readings}


def _parties(case: Any) -> set[str]:
    """Every state a reading of the case names as attacked or attacker."""
    return _victims(case) | {r.aggressor for r in case.readings if r.aggressor}


def case(claim: Claim, day: date, history: History) -> Judgement:
    if claim.topic == "role":
        from ..rules.defence import obliged_states

        when = claim.date or day
        snap = history.at(when)
        recorded = [
            c
            for c in history.cases
            if c.start.year == when.year and set(claim.states) & _parties(c)
        ]
        if recorded:
            acted = [c for c in recorded if c.outcome == "deployment"]
            return Judgement(
                "holds" if acted else "does-not-hold",
                tuple(_case_text(c) for c in recorded),
                facts=tuple(
                    fact_of(f"case:{c.id}", c.start, c.sources, c.confidence, c.alternatives)
                    for c in recorded
                ),
            )
        outside = obliged_states(snap, claim.states[0], claim.states[1], "armed-attack", "outside")
        return Judgement(
            "does-not-hold",
            (
                _finding(
                    "case.none",
                    N_(
                        "The record has no action of the Organization there in {year}; fighting outside "
                        "the members' territory is outside Article 4 (obliged: {states})."
                    ),
                    year=when.year,
                    states=CountryList(outside),
                ),
            ),
            cite_if_in_force(snap, "cst", "4"),
        )
    states = set(claim.states)

    def distance(c: Any) -> int:
        return 0 if c.start <= day <= c.end else min(abs((day - c.start).days), abs((day - c.end).days))

    near = [c for c in history.cases if c.start - timedelta(days=45) <= day <= c.end + timedelta(days=90)]
    if claim.topic == "contingents":
        found = sorted(near, key=distance)
    else:
        found = sorted(near, key=lambda c: (not _victims(c) & states, distance(c)))
    if not found:
        found = [c for c in history.cases if _victims(c) & states and c.start.year == day.year]
    if not found:
        return Judgement(
            "not-checkable",
            (_finding("case.unknown", N_("The record has no request for assistance that matches.")),),
        )
    record = found[0]
    fact = fact_of(f"case:{record.id}", record.start, record.sources, record.confidence, record.alternatives)
    text = _case_text(record)
    topic = claim.topic
    if topic == "decision" and claim.date is not None:
        ok = record.start <= claim.date <= record.end
        return Judgement("holds" if ok else "does-not-hold", (text,), facts=(fact,))
    if topic == "deployment":
        ok = record.outcome == "deployment"
        return Judgement("holds" if ok else "does-not-hold", (text,), facts=(fact,))
    if topic == "troops":
        if record.troops is None:
            return Judgement("not-checkable", (text,), facts=(fact,))
        if claim.number is not None and _matches(record.troops, claim.number, claim.qualifier):
            return Judgement("holds", (text,), facts=(fact,))
        alternatives = _alternatives_with(record.alternatives, claim.number)
        if alternatives:
            return Judgement("disputed", (text,), facts=(fact,), alternatives=alternatives)
        return Judgement("does-not-hold", (text,), facts=(fact,))
    if topic == "contingents":
        from .gazetteer import fold, gazetteer

        named = {m.key for m in gazetteer().find(fold(record.action.en)) if m.kind == "state"}
        ok = bool(named) and set(claim.states) <= named
        return Judgement(
            "holds" if ok else "does-not-hold" if named else "not-checkable", (text,), facts=(fact,)
        )
    return Judgement("holds", (text,), facts=(fact,))


def _case_text(record: Any) -> Finding:
    return _finding(
        "case.record",
        N_("{title}: {request} {action}"),
        title=TextRef(record.title),
        request=TextRef(record.request),
        action=TextRef(record.action),
    )


HANDLERS: dict[str, Callable[[Claim, date, History], Judgement]] = {
    "membership": membership,
    "count": count,
    "date": dates,
    "place": place,
    "official": official,
    "rule": rule,
    "exercise": exercise,
    "case": case,
}
