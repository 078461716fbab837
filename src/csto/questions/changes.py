"""What changed between two days: the epochs of a history compared one with the next.

Nothing is compared day by day: ``History.spans()`` gives the epochs (days over which
nothing changes), and each epoch is compared with the one before it: the states'
standings, the documents in force and the holders of the two offices. Each change carries
the record's fact behind it, with its sources.
"""

from __future__ import annotations

from datetime import date

from .._typing import TYPE_CHECKING
from ..record.history import OFFICES, fact_of
from ..record.model import Fact, Standing, Term
from .answers import Change, ChangesAnswer

if TYPE_CHECKING:
    from ..record.history import History, Snapshot

ORDER = {"document": 0, "standing": 1, "office": 2}
"""On one day, a document entering into force comes before the standings it changes."""


def _standing_kind(history: History, standing: Standing) -> str:
    """The kind of event behind a standing (``in_force`` where the Treaty made it)."""
    ref = standing.fact.ref
    if ref.startswith("event:"):
        ident = ref.removeprefix("event:")
        for event in history.events_of(standing.iso3):
            if event.id == ident:
                return event.kind
    return "in_force"


def _document_fact(history: History, ident: str) -> Fact:
    entry = history.documents[ident].in_force
    assert entry is not None, "only a document with an entry into force can come into force"
    return fact_of(f"document:{ident}:in_force", entry.date, entry.sources, entry.confidence,
                   entry.alternatives)


def _compare(history: History, day: date, before: Snapshot | None, after: Snapshot) -> list[Change]:
    found: list[Change] = []
    old = before.standings if before is not None else {}
    for code, standing in after.standings.items():
        previous = old.get(code)
        if previous is not None and previous.status == standing.status:
            continue
        found.append(Change(day, "standing", code, _standing_kind(history, standing),
                            previous.status if previous else None, standing.status,
                            standing.fact))
    was_in_force = before.epoch.in_force if before is not None else frozenset()
    for ident in sorted(after.epoch.in_force - was_in_force):
        signed = history.documents[ident].signed
        status = "signed" if signed is not None and signed.date < day else "not-yet-signed"
        found.append(Change(day, "document", ident, "in_force", status, "in-force",
                            _document_fact(history, ident)))
    for office in OFFICES:
        held: Term | None = getattr(before, office) if before is not None else None
        holder: Term | None = getattr(after, office)
        if held == holder or (held and holder and held.fact.ref == holder.fact.ref):
            continue
        latest = holder or held
        assert latest is not None
        found.append(Change(day, "office", latest.state or "", office,
                            held.state if held else None, holder.state if holder else None,
                            latest.fact))
    return found


def changes(history: History, start: date, until: date) -> ChangesAnswer:
    """Every change over [start, until), in order of day. The first span csto answers for
    is clipped at 1 January 1992 (``spans``): what held then is where the record starts,
    not a change."""
    found: list[Change] = []
    before: Snapshot | None = None
    for span in history.spans(None, until):
        clipped = span.start > span.snapshot.epoch.start  # what held before 1992: no change
        if span.start >= start and not clipped:
            found.extend(_compare(history, span.start, before, span.snapshot))
        before = span.snapshot
    found.sort(key=lambda c: (c.date, ORDER[c.what], c.subject, c.kind))
    return ChangesAnswer(start, until, tuple(found), history)
