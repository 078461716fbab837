"""Claims that count members, observers or former members."""

from __future__ import annotations

from ..propositions import Proposition
from .base import DATED, N_, OFF_TOPIC, Built, Match, claim, span
from .common import _events_counted, _explicit_document, _members_field, _others, _partitive


@claim(
    "count",
    "count",
    ("count_noun", "observer"),
    (*OFF_TOPIC, "aggression", "assist"),
    N_("On {date} the record counts {count}: {value}."),
    label=N_("how many members, observers or former members there are"),
)
def count(m: Match) -> Built:
    found = m.number(("count_noun", "observer"))
    if found is None:
        return None
    counted, noun = found
    number = _partitive(m, counted)
    if number is None or noun.start != m.cue.start or number.value > 60 or number.value < 1:
        return None
    if m.clause.near(
        number.start, ("troops", "exercise", "peacekeeping", "participants_word", "deploy", "attendance"), 4
    ):
        return None
    if not (m.clause.of("org") or _explicit_document(m)
            or m.has("organization", "treaty", "member", "observer", "founder", "renew", "sign")):
        return None
    if _others(m, number, noun):
        # "Russia leads with five other member states": the named state and the others
        named = [s for s in m.clause.of("state") if s.end <= number.start]
        if not named:
            return None  # others than whom: the text does not say here
        number = number._replace(value=number.value + 1)
    else:
        # "Russia and six former Soviet states": the states named and the number after "and"
        joined = [r for r in m.clause.state_runs() if r.end <= number.start
                  and m.clause.words_between(r.end, number.start) == 1
                  and any(r.end <= c.start < number.start for c in m.clause.cues_of("and"))]
        if joined:
            number = number._replace(value=number.value + len(joined[-1].states))
    events = _events_counted(m, noun)
    if events is not None:
        p = events._replace(relation="count", value=number.value, qualifier=number.qualifier)
        return p, span(number, noun)
    target = _members_field(m, noun)
    if target is None:
        return None
    question, field, day = target
    own = m.own_date(DATED) if day == m.day else None
    scope, first, last = m.when(own)
    if day != m.day:
        scope, first, last = "on", day, None
    p = Proposition(
        question,
        (),
        field,
        "count",
        number.value,
        first,
        polarity=not m.denied,
        scope=scope,
        until=last,
        qualifier=number.qualifier if number.qualifier != "all" else None,
    )
    return p, (*span(number, noun), *span(own))
