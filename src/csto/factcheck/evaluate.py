"""Whether a proposition holds: asked of the registry, on the history in use.

The verdicts, for a proposition about day D:

- **holds**: the answer bears it out on D (for a period, on some day of it; for "never",
  on no day up to D);
- **disputed**: it does not, but it would under another reading of a fact the answer rests
  on, one the record keeps as an alternative with its sources (the history is replayed
  under that reading and asked again);
- **outdated**: an affirmed claim that held over earlier spans of the history, not on D
  (the spans say from when to when); a denial is never outdated, it is judged on its day;
- **does-not-hold**: otherwise, with what the answer gives instead, and when the claim
  became true if it did only later;
- **not-checkable**: the record holds nothing to ask.

Nothing here derives an answer: every value comes from a registry question, the same
function the command line, the REST API and the pages call.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from ..questions.registry import QUESTIONS, ask
from ..record.dates import EARLIEST
from ..record.history import History
from ..record.model import (
    Alternative,
    Citation,
    CountryList,
    DateRef,
    Fact,
    Finding,
    Text,
    TextList,
    TextRef,
)
from .propositions import Proposition, Unknown, holds, resolve, within

if TYPE_CHECKING:
    from ..questions.answers import Answer

N_ = str


class Period(NamedTuple):
    """Days [start, end) over which a claim held; ``end`` None means it still holds."""

    start: date
    end: date | None


class Judgement(NamedTuple):
    verdict: str
    findings: tuple[Finding, ...] = ()
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()
    held: tuple[Period, ...] = ()
    alternatives: tuple[Alternative, ...] = ()


class Outcome(NamedTuple):
    """One proposition asked on one day: its truth, the answer and what the field held."""

    true: bool
    answer: Answer
    found: list[object]
    records: list[object]


def finding(code: str, message: str, kind: str = "information", **params: object) -> Finding:
    return Finding(kind, code, message, dict(params))


def _disputed() -> Finding:
    return finding("check.disputed",
                   N_("It holds under another reading that sources give, which csto did not choose."))


NOT_CHECKABLE = Judgement(
    "not-checkable",
    (finding("check.outside", N_("csto's record does not cover this, so it cannot say whether it holds.")),),
)


SELECTIONS = frozenset({"exercises"})
"""Questions whose record is a selection: the exercises it lists are those its sources
describe, not every one held, so an exercise it does not list is not thereby false."""


def _selected(answer: object, field: str) -> bool:
    """Whether the record lists what the field's first condition names."""
    head, bracket, _ = field.partition("]")
    return not bracket or bool(resolve(answer, head + "]")[0])


class Evaluator:
    """Asks the registry for propositions, remembering answers already given."""

    def __init__(self, history: History, today: date | None = None) -> None:
        self.history = history
        self.today = today
        """The day the text speaks of: only a claim about it can be outdated."""
        self._answers: dict[tuple[int, str, tuple[tuple[str, str], ...]], Answer] = {}
        self._judged: dict[tuple[Proposition, str | None], Judgement] = {}

    def answer(self, history: History, question: str, arguments: dict[str, str]) -> Answer:
        key = (id(history), question, tuple(sorted(arguments.items())))
        found = self._answers.get(key)
        if found is None:
            found = ask(question, arguments, history=history)
            self._answers[key] = found
        return found

    def on(self, p: Proposition, day: date, history: History) -> Outcome:
        """The proposition asked on one day (for every argument set it names)."""
        takes_day = any(param.name == "on" for param in QUESTIONS[p.question].params)
        first: Outcome | None = None
        true = True
        for arguments in p.asked(day, takes_day):
            answer = self.answer(history, p.question, arguments)
            if p.question in SELECTIONS and not _selected(answer, p.field):
                raise Unknown(p.field)
            found, records = resolve(answer, p.field)
            true = true and holds(found, p, day)
            if first is None or not true:
                first = Outcome(true, answer, found, records)
            if not true:
                break
        assert first is not None
        return first._replace(true=true)

    def days(self, p: Proposition, history: History) -> list[date]:
        """The days a proposition is asked on: its day; or the days that start a new span
        within its period; or every such day up to its day ("never")."""
        if p.scope in ("on", "fixed"):
            return [p.day]
        first = p.day if p.scope == "during" else EARLIEST
        last = (p.until or p.day) if p.scope == "during" else p.day
        if last < first:
            raise Unknown  # a period that ends before the record begins ("in 1990")
        starts = [first] + [s.start for s in history.spans(first, last + timedelta(days=1))]
        return sorted({d for d in starts if first <= d <= last})

    def truth(self, p: Proposition, history: History) -> tuple[bool, Outcome]:
        outcomes = [self.on(p, d, history) for d in self.days(p, history)]
        affirmative = [o for o in outcomes if o.true]
        if p.scope in ("during", "ever") and p.polarity:
            return bool(affirmative), (affirmative or outcomes)[0]
        failing = [o for o in outcomes if not o.true]
        return not failing, (failing or outcomes)[0]

    def judge(self, p: Proposition | None, says: str | None = None) -> Judgement:
        """The verdict on a proposition, with the evidence the answer gives (the same
        proposition asked twice in a text is judged once)."""
        if p is None or p.question not in QUESTIONS:
            return NOT_CHECKABLE
        key = (p, says)
        if key not in self._judged:
            self._judged[key] = self._judge(p, says)
        return self._judged[key]

    def _judge(self, p: Proposition, says: str | None) -> Judgement:
        try:
            true, outcome = self.truth(p, self.history)
        except Unknown:
            return NOT_CHECKABLE
        facts = _facts(outcome)
        findings = _answer_findings(outcome.answer)
        citations = _citations(findings)
        record = self._record_says(p, outcome, says)
        if (true and p.relation == "number" and p.qualifier in (None, "about")
                and outcome.found != [p.value]):
            # near the chosen figure, but exactly another reading's ("2,500 troops"); a
            # bound ("more than 10,000") is not a figure of either
            other_reading = self._reading(outcome, p._replace(relation="equals"))
            if other_reading is not None:
                return Judgement("disputed", (*record, _disputed(), *findings), citations, facts, (),
                                 (other_reading,))
        if true:
            return Judgement("holds", (*record, *findings), citations, facts)
        other_reading = self._reading(outcome, p)
        if other_reading is not None:
            return Judgement("disputed", (*record, _disputed(), *findings), citations, facts, (),
                             (other_reading,))
        takes_day = p.scope != "fixed" and any(param.name == "on" for param in QUESTIONS[p.question].params)
        present = self.today is None or p.day >= self.today or p.scope == "during"
        if takes_day and p.polarity and p.scope in ("on", "during") and present:
            earlier = tuple(self._periods(p, end=p.day))
            if earlier:
                last = earlier[-1]
                when = finding(
                    "check.held",
                    N_("It held from {start} to {end}."),
                    start=DateRef(last.start),
                    end=DateRef(last.end or p.day),
                )
                return Judgement("outdated", (*record, when, *findings), citations, facts, earlier)
        later: tuple[Period, ...] = ()
        extra: tuple[Finding, ...] = ()
        if takes_day and p.polarity:
            later = tuple(self._periods(p, start=p.day + timedelta(days=1)))
            if later:
                extra = (
                    finding(
                        "check.later", N_("It became true only on {start}."), start=DateRef(later[0].start)
                    ),
                )
        return Judgement("does-not-hold", (*record, *extra, *findings), citations, facts, later)

    def _reading(self, outcome: Outcome, p: Proposition) -> Alternative | None:
        """The first reading the record keeps, and did not choose, under which ``p`` holds."""
        for ref, alternative in _alternatives(outcome, self.history, p):
            other = self.history.under(ref, alternative)
            if other is not None and _true(self, p, other):
                return alternative
        return None

    def _periods(
        self, p: Proposition, start: date | None = None, end: date | None = None
    ) -> Iterator[Period]:
        """The merged spans of the history on which ``p`` (asked on its own) held."""
        single = p._replace(scope="on")
        current: Period | None = None
        for span in self.history.spans(start, end):
            try:
                true = self.on(single, span.start, self.history).true
            except Unknown:
                true = False
            if true and current is None:
                current = Period(span.start, span.end)
            elif true and current is not None:
                current = Period(current.start, span.end)
            elif current is not None:
                yield current
                current = None
        if current is not None:
            yield current

    def _record_says(self, p: Proposition, outcome: Outcome, says: str | None) -> tuple[Finding, ...]:
        if says is None:
            return ()
        found = outcome.found
        if p.relation == "any-date":  # the days of the period the claim names
            found = [v for v in found if within(v, p)]
        return (
            finding(
                "check.record",
                says,
                date=DateRef(p.day),
                value=_shown(found),
                count=len(found),
            ),
        )


def _true(evaluator: Evaluator, p: Proposition, history: History) -> bool:
    try:
        return evaluator.truth(p, history)[0]
    except Unknown:
        return False


def _shown(found: list[object]) -> object:
    """The field's values as a finding shows them: countries by name, days as days."""
    if found and all(isinstance(v, str) and len(v) == 3 and v.isupper() for v in found):
        return CountryList(tuple(str(v) for v in found))
    if len(found) == 1:
        one = found[0]
        if isinstance(one, date):
            return DateRef(one)
        if isinstance(one, Text):
            return TextRef(one)
        return one
    if not found:
        return "—"
    if all(isinstance(v, date) for v in found):
        return TextList(tuple(DateRef(v) for v in found if isinstance(v, date)))
    return ", ".join(str(v.en if isinstance(v, Text) else v) for v in found)


def _answer_findings(answer: Answer) -> tuple[Finding, ...]:
    """The answer's own findings that state law or a dispute: the articles behind it."""
    found = getattr(answer, "findings", ()) or ()
    return tuple(f for f in found if f.citations)[:3]


def _citations(findings: tuple[Finding, ...]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, str], Citation] = {}
    for item in findings:
        for citation in item.citations:
            seen.setdefault((citation.key, citation.version), citation)
    return tuple(seen.values())


def _facts(outcome: Outcome) -> tuple[Fact, ...]:
    facts: dict[str, Fact] = {}
    for record in outcome.records:
        fact = getattr(record, "fact", None)
        if isinstance(fact, Fact):
            facts.setdefault(fact.ref, fact)
    return tuple(facts.values())


def _alternatives(outcome: Outcome, history: History,
                  p: Proposition | None = None) -> Iterator[tuple[str, Alternative]]:
    """The other readings of the disputed records the answer's field passed through, and of
    the events of the states the claim names (a claimed date can be another reading's even
    where the chosen one left the event out of the claim's period)."""
    refs: dict[str, None] = {}
    if p is not None and isinstance(p.value, tuple):
        for code in p.value:
            if isinstance(code, str) and len(code) == 3 and code.isupper():
                for event in history.events_of(code):
                    refs[f"event:{event.id}"] = None
    for record in outcome.records:
        fact = getattr(record, "fact", None)
        if isinstance(fact, Fact) and fact.disputed:
            refs[fact.ref] = None
        ident = getattr(record, "id", None)
        kind = type(record).__name__.lower()
        if ident and getattr(record, "alternatives", ()) and kind in ("exercise", "case"):
            refs[f"{kind}:{ident}"] = None
    for item in getattr(outcome.answer, "findings", ()) or ():
        for fact in item.facts:
            if fact.disputed:
                refs[fact.ref] = None
    for ref in refs:
        disputed = history.disputed(ref)
        if disputed is None:
            if ref.startswith(("exercise:", "case:")):
                yield from _record_alternatives(ref, history)
            continue
        for alternative in disputed[2]:
            yield ref, alternative


def _record_alternatives(ref: str, history: History) -> Iterator[tuple[str, Alternative]]:
    kind, _, ident = ref.partition(":")
    items = history.exercises if kind == "exercise" else history.cases
    for item in items:
        if item.id == ident:
            for alternative in item.alternatives:
                yield ref, alternative
