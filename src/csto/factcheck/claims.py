"""What a text claims about the CSTO, in structured form, and where it says it."""

from __future__ import annotations

from typing import NamedTuple

from ..record.model import Day

TYPES = ("membership", "count", "date", "place", "official", "rule", "exercise", "case")
"""The kinds of claim the checker recognises (as the annotation guidelines name them)."""

VERDICTS = ("holds", "does-not-hold", "outdated", "disputed", "not-checkable")


class Claim(NamedTuple):
    """One claim. ``topic`` says what it is about within its type: for a membership claim
    the relation (members, observers, signatories...), for a date claim the event
    (treaty-signed, accession...), for a rule claim the rule, for an exercise or a case the
    figure (troops, aircraft, participants, host, request, deployment...). The other fields
    hold what the text states; those it does not state are None or empty."""

    type: str
    topic: str
    states: tuple[str, ...] = ()
    exhaustive: bool | None = None
    number: int | None = None
    qualifier: str | None = None
    date: Day | None = None
    precision: str | None = None
    until: Day | None = None
    place: str | None = None
    office: str | None = None
    person: str | None = None
    exercise: str | None = None
    case: str | None = None
    negated: bool = False
    future: bool = False


class Found(NamedTuple):
    """A claim and the stretch of text [start, end) it comes from."""

    start: int
    end: int
    claim: Claim
    own_date: bool
    """Whether ``claim.date`` is the day the claim speaks of (its own date), rather than
    a value the claim states (the date it gives an event)."""
