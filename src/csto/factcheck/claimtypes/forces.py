"""Claims about the collective forces: when they were set up, and how large they are."""

from __future__ import annotations

from ..propositions import Proposition
from ..reading import period
from .base import N_, OFF_TOPIC, Built, Match, claim, span


@claim(
    "force-date",
    "date",
    ("@force", "peacekeeping"),
    (*OFF_TOPIC, "future"),
    N_("The record gives {value}."),
    label=N_("when a collective force was set up"),
)
def force_date(m: Match) -> Built:
    """ "The CRRF was created in 2009": the day the record gives the force's founding (the
    agreement that set it up)."""
    if not m.has("found", "sign", "agree"):
        return None  # a decision to send a force is no founding of it
    if m.cue.concept == "peacekeeping":
        # "agreed to create a peacekeeping force": the force the record keeps for it
        created = [c for c in m.clause.cues_of("found") if c.end <= m.cue.start
                   and m.clause.words_between(c.end, m.cue.start) <= 4]
        key = m.record.peacekeeping_force() if created and not m.clause.of("force") else None
    else:
        key = next(f.key for f in m.clause.of("force") if f.start == m.cue.start)
    own = m.own_date()
    if own is None or key is None:
        return None
    first, last = period(own)
    decided = m.has("decision") and not m.has("sign", "agree")
    p = Proposition(
        "forces",
        (),
        f"forces[id={key}].{'decided' if decided else 'established'}",
        "date",
        first,
        m.day,
        polarity=not m.denied_near(own, *m.clause.cues_of("found", "sign", "decision", "agree")),
        scope="fixed",
        until=last,
    )
    return p, span(own)


@claim(
    "force-size",
    "count",
    ("@force",),
    (*OFF_TOPIC, "future", "exercise"),
    N_("The record gives {value}."),
    label=N_("how large a collective force is"),
)
def force_size(m: Match) -> Built:
    """A figure of a force's strength: the record keeps its sources' words, not a number
    to compare, so csto can only show them."""
    found = m.number(("troops", "peacekeeping", "count_noun"), gap=3)
    if found is None:
        return None
    number, noun = found
    if number.value < 100:
        return None
    return None, span(number, noun)
