"""Claims about who holds the office of Secretary General or chairs the Organization."""

from __future__ import annotations

from datetime import date

from ..dates import DateMention
from ..gazetteer import Mention
from ..propositions import Proposition
from ..reading import period
from .base import DATED, N_, Built, Match, _written_name, claim, span

OFFICES_KNOWN = ("secretary_general", "chair")


def _term_starts(m: Match, own: DateMention) -> bool:
    """Whether a word of a term's start stands just before the date ("appointed … as of 1
    January 2020", "effective January 1, 2026", "с 1 января"): the date is the term's first
    day, not the appointment's."""
    return any(0 <= own.start - c.end <= 2 for c in m.clause.cues_of("term_from"))


def _appointment(m: Match, person: Mention, own: DateMention) -> Built:
    """"Tasmagambetov was appointed Secretary General in 2022": the day the record gives
    for the appointment of the term the person's state began on or after that date (the
    Council appoints in the autumn for a term from 1 January)."""
    first, last = period(own)
    state = m.record.person_states.get(person.key)
    start = m.record.term_start("secretary_general", state, first) if state else None
    if start is None:
        return None, (*span(person), *span(own))
    p = Proposition("officials", (), "secretary_general.appointed", "date", first, start,
                    polarity=not m.denied, scope="fixed", until=last)
    return p, (*span(person), *span(own))


def _alphabet_of(m: Match, mention: Mention) -> bool:
    """Whether a state's name stands for its alphabet ("urutan abjad Rusia", "Russian
    alphabetical order"): next to a word for an order of turns."""
    order = m.clause.cues_of("rotation")
    return any(0 <= mention.start - c.end <= 1 or 0 <= c.start - mention.end <= 1 for c in order)


def _heads_organization(m: Match, holder: Mention) -> bool:
    """A word for heading stands within three words after the person, the Organization
    after it."""
    for cue in m.clause.cues_of("office_holder"):
        if cue.start >= holder.end and m.clause.words_between(holder.end, cue.start) <= 3 and any(
                o.start >= cue.end for o in m.clause.of("org")):
            return True
    return False


@claim(
    "office",
    "official",
    ("@office", "chair_word", "@person"),
    ("plan",),
    N_("On {date} the record gives: {value}."),
    label=N_("who holds the office of Secretary General or chair"),
    governing=("plan",),  # "Secretary General X said the alliance is ready": X holds it
)
def office(m: Match) -> Built:
    name = m.mention("office")
    key = name.key if name is not None else ("chair" if m.cue.concept == "chair_word" else None)
    if m.cue.concept == "@person":
        # An infobox row whose label was lost ("Imangali Tasmagambetov" alone on its line)
        # names the holder of the one office the record gives that person.
        # A person said to head the Organization ("Lukashenko heads the CSTO") holds the
        # office the record gives him, or, a head of state, the chair.
        alone = all(m.cue.start <= t.start < m.cue.end or not t.text[:1].isalnum() for t in m.clause.tokens)
        holder = next((p for p in m.clause.of("person") if p.start == m.cue.start), None)
        if holder is None or name is not None or not (alone or _heads_organization(m, holder)):
            return None
        key = m.record.person_offices.get(holder.key) or (
            "chair" if not alone and holder.key in m.record.person_states else None)
    if m.cue.concept == "chair_word" and name is not None:
        return None  # the office's own name triggers the claim
    if key is None:
        return None
    if name is not None and any(0 <= m.clause.words_between(c.end, name.start) <= 1
                                and c.end <= name.start for c in m.clause.cues_of("attendance")):
        return None  # "pertemuan pemimpin CSTO", a meeting of the leaders: no office
    person = m.mention("person")
    state = m.state()
    if state is not None and _alphabet_of(m, state):
        state = None  # "in the order of the Russian alphabet": a language, no chair
    own = m.own_date(DATED)
    if own is None and m.has("lapse"):
        own = m.own_date()  # "the term expired on 31 December 2016": the holder's last day
    scope, first, last = m.when(own)
    affirmed = m.denied == m.refused  # "Armenia refused to take over the chairmanship"
    if (
        own is None
        and (m.has("former") or m.clause.near(m.cue.start + 1, ("past",), 6))
        and not m.has("current")
    ):
        scope = "ever"
    if key not in OFFICES_KNOWN:
        named = person or _written_name(m)
        if named is None:
            return None
        return None, span(named)  # an office the record does not hold
    if key == "secretary_general":
        if person is None:
            return None
        if own is not None and m.has("appoint") and not _term_starts(m, own):
            return _appointment(m, person, own)
        p = Proposition(
            "officials",
            (),
            "secretary_general.person.en",
            "equals",
            person.key,
            first,
            polarity=affirmed,
            scope=scope,
            until=last,
        )
        return p, (*span(person), *span(own))
    code = state.key if state is not None else None
    if code is None and person is not None:
        code = m.record.person_states.get(person.key)
    if code is None:
        return None
    if m.has("future", "next"):
        year = (
            own.day.year if own is not None else m.day.year + (1 if m.has("next") or m.has("future") else 0)
        )
        p = Proposition(
            "chair",
            (("year", str(year)),),
            "chair.state",
            "equals",
            code,
            date(year, 1, 1),
            polarity=affirmed,
            scope="fixed",
        )
        return p, (*span(state, person), *span(own))
    if scope == "on":
        # On the day of a session that hands the chair over, the outgoing chair presides it
        # (Charter Art. 13): the day before counts too.
        scope, first, last = "during", date.fromordinal(first.toordinal() - 1), first
    p = Proposition(
        "officials", (), "chair.state", "equals", code, first, polarity=affirmed, scope=scope, until=last
    )
    return p, (*span(state, person), *span(own))
