"""A scenario over the record: its events as the history's events, checked.

The kinds a scenario adds follow from the law: a ``withdrawal-notice`` takes effect six
months later to the day (Charter Art. 19), or on a later ``effective`` day it names; an
``accession`` makes the state a party on its ``effective`` day (default: the day of the
accession); ``base-request``, ``aggression`` and ``request-assistance`` change no standing
and open questions for the rules and the simulator. The result is a plain History
(``History.with_events``): nothing downstream treats a scenario specially.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError, RecordError
from ..record.dates import add_months
from ..record.hypothetical import Scenario
from ..record.model import Event, Source, Text
from ..rules.alliances import NOTICE_MONTHS

if TYPE_CHECKING:
    from ..record.history import History

N_ = str


class Built(NamedTuple):
    """A scenario's history, and what may merely mean the record is incomplete."""

    history: History
    warnings: tuple[str, ...]

    @property
    def scenario(self) -> Scenario:
        """The scenario the history holds."""
        held = self.history.scenario
        assert held is not None, "build() sets it"
        return held


def source_id(scenario: Scenario) -> str:
    return f"scenario:{scenario.name}"


def _label(index: int, event: object, kind: str) -> str:
    day = getattr(event, "date", None)
    state = getattr(event, "state", "")
    return f"event {index + 1} ({day.isoformat() if isinstance(day, date) else day} {state} {kind})"


def _events(scenario: Scenario, base: History) -> tuple[list[Event], dict[str, str]]:
    """The history's events for the scenario's, and which event each came from."""
    own = {s.id for s in scenario.sources}
    default = (source_id(scenario),)
    events: list[Event] = []
    origin: dict[str, str] = {}
    for index, spec in enumerate(scenario.events):
        label = _label(index, spec, spec.kind)

        def fail(problem: str, field: str = "kind", label: str = label) -> InputError:
            return InputError("{event}: {problem}", field=field, event=label, problem=problem)

        try:
            state = base.resolve_country(spec.state, "state")
            by = base.resolve_country(spec.by, "by") if spec.by is not None else None
        except InputError as exc:
            raise fail(str(exc), "state") from None
        for ident in spec.sources:
            if ident not in own and ident not in base.sources:
                raise fail(f"unknown source '{ident}': cite a source of the record or one "
                           "listed under the scenario's sources", "sources")
        ident = spec.id or f"{scenario.name}-{index + 1}"
        summary = Text(spec.summary) if spec.summary else None
        common = {"state": state, "sources": spec.sources or default, "summary": summary,
                  "confidence": "L"}
        if spec.kind == "withdrawal-notice":
            if base.at(spec.date).article("charter", "19") is None:
                raise fail("Charter Article 19, which governs withdrawal, is not in force on "
                           f"{spec.date.isoformat()}")
            earliest = add_months(spec.date, NOTICE_MONTHS)
            effective = spec.effective or earliest
            if effective < earliest:
                raise fail(f"a withdrawal takes effect at least {NOTICE_MONTHS} months after the "
                           f"notice (Charter Art. 19): not before {earliest.isoformat()}",
                           "effective")
            events.append(Event(id=ident, date=spec.date, kind="withdrawal-notice",
                                effective=effective, **common))  # type: ignore[arg-type]
            events.append(Event(id=f"{ident}:effective", date=effective, kind="withdraw",
                                **common))  # type: ignore[arg-type]
        elif spec.kind == "accession":
            effective = spec.effective or spec.date
            if effective < spec.date:
                raise fail("an accession cannot take effect before it is made", "effective")
            events.append(Event(id=ident, date=spec.date, kind="accession", effective=effective,
                                **common))  # type: ignore[arg-type]
            events.append(Event(id=f"{ident}:effective", date=effective, kind="sign",
                                **common))  # type: ignore[arg-type]
        else:
            if spec.kind == "base-request" and by is None:
                raise fail("a base request names the guest state as 'by'", "by")
            if spec.effective is not None:
                raise fail("only a withdrawal notice or an accession takes an 'effective' day",
                           "effective")
            events.append(Event(id=ident, date=spec.date, kind=spec.kind, by=by,
                                body=spec.body, **common))  # type: ignore[arg-type]
        for event in events[-2:]:
            origin.setdefault(event.id, label)
    return events, origin


def _check_sources(scenario: Scenario, base: History) -> None:
    """The scenario's own sources take ids of their own: one with the id of a record's
    source would replace it in every answer on the scenario."""
    seen = {source_id(scenario)}
    for source in scenario.sources:
        if source.id in base.sources:
            raise InputError("the scenario's source '{value}' has the id of a source of the "
                             "record: give it another id", field="sources", value=source.id)
        if source.id in seen:
            raise InputError("the scenario lists the source '{value}' twice", field="sources",
                             value=source.id)
        seen.add(source.id)


def build(scenario: Scenario, base: History) -> Built:
    """The scenario's history over ``base``; an event that cannot be is refused, naming it."""
    _check_sources(scenario, base)
    events, origin = _events(scenario, base)
    sources = [Source(id=source_id(scenario), title=scenario.description or scenario.name,
                      kind="scenario")]
    sources += [Source(id=s.id, title=s.title, url=s.url, published=s.published,
                       language=s.language, kind="scenario") for s in scenario.sources]
    try:
        history = base.with_events(events, sources)
    except RecordError as exc:
        where = origin.get(exc.ident, f"event '{exc.ident}'")
        problem = exc.problem
        if exc.ident.endswith(":effective"):
            problem = f"when it takes effect: {problem}"
        raise InputError("{event}: {problem}", field=exc.field or "events", event=where,
                         problem=problem) from None
    history.scenario = scenario
    warnings = []
    review = base.review
    if review is not None:
        for index, spec in enumerate(scenario.events):
            if spec.date <= review.reviewed:
                warnings.append(f"{_label(index, spec, spec.kind)} is dated within the record "
                                f"(checked up to {review.reviewed.isoformat()}): a counterfactual")
    return Built(history, tuple(warnings))
