"""What every answer must say about its own footing: the disputed facts it rests on,
whether it speaks of a day past the last one the record was checked up to, and which plans
announced by then concern that day.

``add_caveats`` runs on every answer the API gives: a rule need not remember to say that a
standing it used is disputed, or that events after the record's review may be missing.
"""

from __future__ import annotations

from datetime import date

from .._typing import TYPE_CHECKING
from ..record.dates import period_end
from ..record.history import fact_of
from ..record.model import DateRef, Fact, Finding, Text, TextList, TextRef

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    from ..record.history import History
    from ..record.model import Alternative, Announced

    R = TypeVar("R")

N_ = str


def disputed_facts(value: object) -> list[Fact]:
    """Every disputed fact anywhere inside an answer (not inside the history it carries)."""
    found: list[Fact] = []
    _collect(value, found)
    return found


_LEAVES: set[type] = {str, int, float, bool, date, type(None)}
"""Types that hold no fact: a scan stops at them at once (record types join when their
fields are found to hold none)."""
_PLANS: dict[type, tuple[int, ...]] = {}
"""For each record type met, the positions of the fields that may hold a fact."""
_SCANNED: dict[int, tuple[tuple[object, ...], tuple[Fact, ...]]] = {}
"""Findings and long tuples scanned before, by identity (answers share the ones an epoch
keeps: ``Snapshot.derived``), with the disputed facts found in them."""
_SEEN_ONCE: dict[int, object] = {}
"""Findings and long tuples scanned once, by identity: one met again is kept in
``_SCANNED``, so that those made for one answer alone do not crowd out the shared ones."""
LONG = 4


def _collect(value: object, found: list[Fact]) -> None:
    kind = type(value)
    if kind in _LEAVES:
        return
    if kind is Fact:
        if value.disputed:  # type: ignore[attr-defined]
            found.append(value)  # type: ignore[arg-type]
        return
    if isinstance(value, dict):
        for item in value.values():
            if type(item) not in _LEAVES:  # a leaf costs no call
                _collect(item, found)
        return
    if not isinstance(value, tuple):
        return
    if kind is Finding or (kind is tuple and len(value) >= LONG):
        known = _SCANNED.get(id(value))
        if known is not None and known[0] is value:
            found.extend(known[1])
            return
        inner: list[Fact] = []
        _scan(value, kind, inner)
        found.extend(inner)
        if _SEEN_ONCE.get(id(value)) is value:  # met twice: kept from now on
            if len(_SCANNED) >= 1024:
                _SCANNED.clear()
            _SCANNED[id(value)] = (value, tuple(inner))
        else:
            if len(_SEEN_ONCE) >= 1024:
                _SEEN_ONCE.clear()
            _SEEN_ONCE[id(value)] = value
    else:
        _scan(value, kind, found)


def _scan(value: tuple[object, ...], kind: type, found: list[Fact]) -> None:
    plan = _PLANS.get(kind)
    if plan is None:
        plan = _PLANS[kind] = _plan(kind)
        if not plan:  # a record that cannot hold a fact: stop at it at once from now on
            _LEAVES.add(kind)
    leaves = _LEAVES
    if plan is _EVERY:
        for item in value:
            if type(item) not in leaves:
                _collect(item, found)
    else:
        for index in plan:
            item = value[index]
            if type(item) not in leaves:
                _collect(item, found)


_EVERY = (-1,)
"""The plan of a tuple that is not a record: every place."""


def _plan(kind: type) -> tuple[int, ...]:
    """The fields of a record type that may hold a fact, read from its annotations."""
    fields: tuple[str, ...] | None = getattr(kind, "_fields", None)
    if fields is None:
        return _EVERY
    annotations: dict[str, object] = getattr(kind, "__annotations__", {})
    return tuple(index for index, name in enumerate(fields)
                 if name != "history" and _may_hold_fact(annotations.get(name), kind, set()))


def _may_hold_fact(annotation: object, owner: type, seen: set[type]) -> bool:
    """Whether a field so annotated may hold a fact: yes for ``Fact``, ``object``, ``Any``,
    a name that cannot be resolved, and a record type with such a field."""
    import builtins
    import sys

    if not isinstance(annotation, str):
        return True
    namespace = vars(sys.modules[owner.__module__])
    for token in annotation.replace("[", " ").replace("]", " ").replace(",", " ").replace(
            "|", " ").replace(".", " ").replace('"', " ").split():
        if token in ("None", "Fact", "object", "Any"):
            if token != "None":
                return True
            continue
        found = namespace.get(token, getattr(builtins, token, None))
        if found is None:
            return True
        if (isinstance(found, type) and issubclass(found, tuple) and hasattr(found, "_fields")
                and found not in seen):
                seen.add(found)
                notes: dict[str, object] = getattr(found, "__annotations__", {})
                if any(_may_hold_fact(notes.get(field), found, seen)
                       for field in found._fields if field != "history"):
                    return True
    return False


def _reading(alternative: Alternative) -> Text | str | DateRef:
    """How an alternative reads: its value, or its date."""
    if alternative.value is not None:
        return alternative.value
    assert alternative.date is not None, "an alternative gives a value or a date"
    return DateRef(alternative.date, alternative.precision or "day")


def dispute_finding(history: History, fact: Fact) -> Finding | None:
    """A finding naming a disputed fact, the reading csto follows and why, and the others."""
    record = history.disputed(fact.ref)
    if record is None:
        return None
    label, chosen_because, alternatives = record
    others = TextList(tuple(_reading(a) for a in alternatives))
    sources = tuple(dict.fromkeys((*fact.sources, *(s for a in alternatives for s in a.sources))))
    evidence = (fact._replace(sources=sources),)
    if chosen_because is None:
        return Finding("dispute", "record.disputed",
                       N_("Sources disagree about a fact this answer uses: {fact} Other "
                          "readings: {others}."),
                       {"fact": TextRef(label), "others": others}, (), evidence)
    return Finding("dispute", "record.disputed",
                   N_("Sources disagree about a fact this answer uses: {fact} csto follows this "
                      "reading because: {why} Other readings: {others}."),
                   {"fact": TextRef(label), "why": TextRef(chosen_because), "others": others},
                   (), evidence)


def answer_day(answer: object) -> date | None:
    """The day an answer speaks of: its date, or the first day of its year."""
    day = getattr(answer, "date", None)
    if isinstance(day, date):
        return day
    year = getattr(answer, "year", None)
    return date(year, 1, 1) if isinstance(year, int) else None


def edge_finding(history: History, day: date | None) -> Finding | None:
    """Past the day the record was reviewed up to, say that later events may be missing."""
    review = history.review
    if review is None or day is None or day <= review.reviewed:
        return None
    fact = fact_of("record:review", review.reviewed, review.sources, review.confidence)
    return Finding("information", "record.edge",
                   N_("The record was checked against its sources up to {reviewed}; events "
                      "after that day may be missing from this answer."),
                   {"reviewed": DateRef(review.reviewed)}, (), (fact,))


def _past_edge(history: History, day: date | None) -> date | None:
    """``day``, where it lies past the day the record was reviewed up to; else None."""
    review = history.review
    return day if review is not None and day is not None and day > review.reviewed else None


def announced_near(history: History, day: date | None) -> tuple[Announced, ...]:
    """The announced plans an answer about ``day`` names under the record's-edge notice.

    The rule: only for a day past the one the record was reviewed up to (up to it, the
    record itself says what happened), and only the plans whose expected period contains
    the day or falls in the same calendar month: a plan expected on 11 November 2026
    concerns every day of November 2026, one expected in October every day of October, one
    expected from September to October every day of both. A plan never changes an answer;
    it is named beside it.
    """
    past = _past_edge(history, day)
    if past is None:
        return ()
    first = past.replace(day=1)
    after = period_end(first, "month")
    return tuple(plan for plan in history.announced
                 if plan.expected.date < after and plan.expected.end > first)


def announced_by(history: History, day: date | None) -> tuple[Announced, ...]:
    """The announced plans ``overview`` lists for ``day``: for a day past the one the record
    was reviewed up to, every plan expected to begin by the end of the day's month, that is
    what may have happened by then without the record saying so. None before the edge."""
    past = _past_edge(history, day)
    if past is None:
        return ()
    after = period_end(past.replace(day=1), "month")
    return tuple(plan for plan in history.announced if plan.expected.date < after)


def announced_finding(plan: Announced) -> Finding:
    """A plan named under the record's-edge notice: when it was announced, for when and
    where, what, and that the record does not confirm it."""
    expected = plan.expected
    fact = fact_of(f"announced:{plan.id}", plan.announced, plan.sources, plan.confidence)
    params: dict[str, object] = {
        "announced": DateRef(plan.announced), "expected": DateRef(expected.date, expected.precision),
        "where": TextRef(plan.where), "what": TextRef(plan.what)}
    if expected.until is None:
        message = N_("Announced on {announced} for {expected} in {where}, not confirmed in the "
                     "record: {what}")
    else:
        params["until"] = DateRef(expected.until, expected.precision)
        message = N_("Announced on {announced} for {expected} to {until} in {where}, not "
                     "confirmed in the record: {what}")
    return Finding("information", "record.announced", message, params, (), (fact,))


def add_caveats(answer: R) -> R:
    """The answer with its dispute and record-edge findings added (answers with findings),
    the announced plans that concern its day named after the record-edge notice."""
    findings: tuple[Finding, ...] | None = getattr(answer, "findings", None)
    if findings is None:
        return answer
    history: History = getattr(answer, "history")  # noqa: B009 (every answer carries one)
    said = history.memo.get(_SAID)
    if not isinstance(said, dict):
        said = history.memo[_SAID] = {}
    extra: list[Finding] = []
    facts = disputed_facts(answer)
    if facts:
        seen: set[str] = {f.code + str(f.facts[0].ref) for f in findings
                          if f.kind == "dispute" and f.facts}
        for fact in facts:
            if "record.disputed" + fact.ref not in seen:
                seen.add("record.disputed" + fact.ref)
                found = said.get(fact.ref, _MISSING)
                if found is _MISSING:
                    found = said[fact.ref] = dispute_finding(history, fact)
                if found is not None:
                    extra.append(found)
    review = history.review
    day = answer_day(answer)
    if review is not None and day is not None and day > review.reviewed:
        edge = said.get(_EDGE)
        if edge is None:
            edge = said[_EDGE] = edge_finding(history, day)
        if edge is not None:
            extra.append(edge)
            month = ("announced", day.year, day.month)  # the plans named depend on the month
            named = said.get(month)
            if named is None:
                named = said[month] = tuple(announced_finding(plan)
                                            for plan in announced_near(history, day))
            extra.extend(named)
    if not extra:
        return answer
    replace: Callable[..., R] = getattr(answer, "_replace")  # noqa: B009 (a NamedTuple's)
    return replace(findings=findings + tuple(extra))


_MISSING = object()
_SAID = "caveats"
"""The key, in ``History.memo``, of the caveat findings made for the history's facts, by
their reference (and of its record-edge finding, under ``_EDGE``): each is made once."""
_EDGE = "record.edge"
