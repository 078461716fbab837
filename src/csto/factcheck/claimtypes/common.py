"""Readings several claim types share: which set of states a list or a count speaks of,
which treaty document a sentence names and who signed it, and states counted by what they
did in a period."""

from __future__ import annotations

from datetime import date, timedelta

from ...record.dates import EARLIEST
from ..lexicon import Cue
from ..numbers import Number
from ..propositions import Proposition
from ..reading import period
from .base import DATED, EXTENSION, STATE_EVENTS, Match, _gap


def _after(day: date) -> date:
    return day + timedelta(days=1)


YEAR_BEFORE = 365
"""Days before the text's day in which an undated request or decision it reports is looked
for ("Uzbekistan has decided to suspend its membership", in a text of July 2012)."""


def _uncertain_milestone(m: Match, first: date, last: date) -> bool:
    """Whether the record keeps this day only as a milestone of low confidence (a date some
    sources give and none confirms), and no founding day falls in it."""
    answer = m.record.ask("about", {})
    milestones = getattr(getattr(answer, "organization", None), "milestones", ())
    inside = [s for s in milestones if first <= s.date <= last]
    return not any(s.founding for s in inside) and any(s.confidence == "L" for s in inside)


def _original_signers(m: Match) -> bool:
    """Whether the states named as signing are among those that signed the document on its
    day ("Armenia, Kazakhstan… signed the Treaty in May 1992"): then the sentence dates the
    document too, and the signers are a claim of their own (``state-event`` reads the same
    date)."""
    document = m.document()
    if document == "organization":
        document = "charter"
    if document not in ("cst", "charter"):
        return False
    day = m.record.document_day(document, "signed", m.day)
    states = {s.key for s in m.clause.of("state") if s.end <= m.cue.start}
    return day is not None and bool(states) and states <= set(m.record.signatories(day))


def _creates_force(m: Match) -> bool:
    """Whether what the word of founding creates is a force: a force or peacekeepers named
    within four words after it ("to create a 'Peacekeeping Force'", "создать КСОР")."""
    starts = [f.start for f in m.clause.of("force")]
    starts += [c.start for c in m.clause.cues_of("peacekeeping", "troops")]
    return any(start >= m.cue.end and m.clause.words_between(m.cue.end, start) <= 4 for start in starts)


def _signed_by_states(m: Match) -> bool:
    """Whether states are the ones signing: named just before the word for signing, at most
    two words between ("Belarus also signed", "Belarus turut menandatangani")."""
    return any(s.end <= m.cue.start and m.clause.words_between(s.end, m.cue.start) <= 2
               for s in m.clause.of("state"))


def _explicit_document(m: Match) -> bool:
    return bool(m.clause.of("document")) or m.has("treaty", "charter", "protocol")


FORMER = "standings[status=former|suspended].iso3"
"""Former members: states that left, and those whose membership is suspended."""


def _former(m: Match, noun: Cue | None = None) -> bool:
    """Whether "former" qualifies a word for members ("former members", "bekas anggota"),
    not something else ("former Soviet states"): it stands just before the noun, or after
    it in languages that put it there."""
    nouns = [noun] if noun is not None else m.clause.cues_of("member", "count_noun", "observer")
    soviet = {c.first for c in m.clause.cues_of("soviet")}
    for cue in m.clause.cues_of("former"):
        if cue.last + 1 in soviet:
            continue  # "former Soviet republics", "бывших советских республик"
        for word in nouns:
            if 0 < word.first - cue.last <= 2:
                return True
    return False


def _members_field(m: Match, noun: Cue | None = None) -> tuple[str, str, date] | None:
    """Which set a list or count speaks of: members, observers, former members, the states
    a document bound when it took effect, or the states that signed the Treaty or the
    Charter, on the day they signed it. ``noun`` is
    the word counted ("3 former members", "1 observer"), where there is one."""
    near = noun or m.cue
    after = [c for c in m.clause.cues_of("observer") if 0 <= c.first - near.last <= 1]
    observer = near.concept == "observer" or bool(after) or (noun is None and m.has("observer"))
    if observer:
        if _former(m, noun):
            return "members", "standings[status=former_observer].iso3", m.day
        return "members", "standings[status=observer].iso3", m.day
    if _former(m, noun):
        return "members", FORMER, m.day
    if _bound_on_entry(m, noun) and not m.has("founder"):
        # "took effect for nine signatory states": those it bound on that day
        document = m.document()
        bound = m.record.document_day("charter" if document in ("charter", "organization")
                                      else "cst", "in_force", m.day)
        if bound is not None:
            return "members", "members.iso3", bound
    if m.has("renew") and (not m.has("founder", "sign") or m.document() == EXTENSION):
        # "six members signed a protocol to renew the treaty": those it bound on renewal
        day = m.record.document_day("cst", "in_force", m.day)
        renewal = m.record.document_day(EXTENSION, "signed", m.day)
        if day is None or renewal is None:
            return None
        return "members", "members.iso3", _lapse_day(m, renewal)
    by = next((d for d in m.clause.dates if d.day == EARLIEST and d.until), None)
    if m.has("sign") and not m.has("founder") and by is not None and by.until:
        # "nine states had signed by 1993": all that had signed by the date's end
        return "members", "standings[status=signatory|member|frozen|suspended|former].iso3", by.until
    if m.has("sign") and m.has("also") and not m.has("founder") and not m.clause.dates:
        # "Azerbaijan and Georgia also signed the treaty": they too signed it, by the day
        return "members", "standings[status=signatory|member|frozen|suspended|former].iso3", m.day
    if m.has("founder", "sign"):
        founding = _founders(m)
        return None if founding is None else ("members", *founding)
    return "members", "members.iso3", m.day


def _founders(m: Match) -> tuple[str, date] | None:
    """Where the founders of what the clause speaks of are listed, and the day: the
    Organization's, members on the day its Charter was signed; the Treaty's, its
    signatories of the day it was signed."""
    document = m.document()
    document = "charter" if document == "organization" else document or "cst"
    if document not in ("cst", "charter"):
        return None
    signed = m.record.document_day(document, "signed", m.day)
    if signed is None:
        return None
    return ("standings[status=signatory].iso3" if document == "cst" else "members.iso3"), signed


def _bound_on_entry(m: Match, noun: Cue | None) -> bool:
    """Whether the event nearest the counted or listed states is a document taking effect
    ("took effect for nine signatory states"), a word inside the counted phrase aside
    ("signatory")."""
    near = noun or m.cue
    events = [c for c in m.clause.cues_of(*DATED) if c.last < near.first - 1 or c.first > near.last]
    if not events:
        return False
    return min(events, key=lambda c: m.separated(c.start, c.end)).concept == "in_force"


def _lapse_day(m: Match, renewal: date) -> date:
    """The first day of the renewed term: the day the states that did not renew left."""
    answer = m.record.ask(
        "changes", {"from": renewal.isoformat(), "until": date(renewal.year + 1, 1, 1).isoformat()}
    )
    days = [c.date for c in getattr(answer, "changes", ()) if c.kind == "lapse"]
    return days[0] if days else renewal


def _others(m: Match, number: Number, noun: Cue) -> bool:
    """Whether the counted states are "other" ones: the word stands between the number and
    the noun, or just after the noun ("five other members", "lima negara anggota lainnya",
    "пять других государств")."""
    for cue in m.clause.cues_of("other"):
        if number.end <= cue.start <= noun.start:
            return True
        if cue.start >= noun.end and m.clause.words_between(noun.end, cue.start) <= 1:
            return True
    return False


def _partitive(m: Match, number: Number) -> Number | None:
    """In "six of the nine states" the count is six: the number before "of" the total. In
    "one of the six members" it is six: one of them is no count of a set. "Одна из стран",
    with no total, counts nothing (None)."""
    earlier = [n for n in m.clause.numbers if n.end <= number.start]
    if earlier:
        words = [t.text for t in m.clause.tokens if earlier[-1].end <= t.start < number.start]
        if words and words[0] in PARTITIVE and len(words) <= 2:
            return earlier[-1] if earlier[-1].value > 1 else number
    if number.value == 1:
        following = [t.text for t in m.clause.tokens if t.start >= number.end][:1]
        if following and following[0] in PARTITIVE:
            return None
    return number


PARTITIVE = ("of", "dari", "из")
"""The words of "six of the nine", "satu dari enam", "одна из шести"."""


def _events_counted(m: Match, noun: Cue | None) -> Proposition | None:
    """States counted by what they did in a period: "three more signed the next year",
    "three states left the Treaty in 1999", "tiga negara keluar pada 1999": the changes of
    that period, not the Treaty's signatories or today's members."""
    events = [c for c in m.clause.cues_of(*STATE_EVENTS) if c.concept != "sign" or not (
        m.has("founder") or _bound_on_entry(m, noun) or m.document() == EXTENSION)]
    if not events:
        return None  # who signed the extension, or whom it bound: ``_members_field``
    event = events[0]
    dated = sorted(m.clause.dates, key=lambda d: _gap(event, d))
    own = dated[0] if dated and _gap(event, dated[0]) < 40 else None
    if own is None:
        return None
    first, last = period(own)
    if event.concept == "sign":
        signed = m.record.document_day("cst", "signed", m.day)
        if signed is None or first <= signed <= last:
            return None  # the Treaty's own signatories: ``_members_field``
    kinds = STATE_EVENTS[event.concept][0]
    return Proposition(
        "changes",
        (("from", first.isoformat()), ("until", _after(last).isoformat())),
        f"changes[what=standing,kind={'|'.join(kinds)}].subject",
        "includes",
        (),
        first,
        polarity=not m.denied_near(event),
        scope="fixed",
    )


def _exception_states(m: Match) -> tuple[str, ...]:
    """The states a clause leaves out ("all but Georgia", "kecuali Uzbekistan"); "besides"
    leaves out too, unless it opens the clause (see ``_besides_states``)."""
    cues = [c for c in m.clause.cues_of("exception", "besides")
            if c.concept == "exception" or not _opens(m, c)]
    if not cues:
        return ()
    after = [r for r in m.clause.state_runs() if r.start >= cues[0].end]
    return after[0].states if after else ()


def _opens(m: Match, cue: Cue) -> bool:
    """Whether a cue opens its clause (after at most a conjunction)."""
    before = [t for t in m.clause.tokens if t.end <= cue.start and t.text.isalpha()]
    return len(before) <= 1 and not any(c.concept == "member" for c in m.clause.cues
                                         if c.end <= cue.start)


def _leaves_a_country(m: Match) -> bool:
    """Whether what is left is a state ("withdrew from Kazakhstan", "menarik diri dari
    Kazakhstan", "ушли из Казахстана"): "from" within two words after the verb, then the
    state, with no name of the Organization or a treaty between."""
    for origin in m.clause.cues_of("origin"):
        if origin.start < m.cue.end or m.clause.words_between(m.cue.end, origin.start) > 2:
            continue
        return any(s.start >= origin.end and m.clause.words_between(origin.end, s.start) == 0
                   for s in m.clause.of("state"))
    return False


def _years_counted(m: Match, gap: int = 0) -> Number | None:
    """The number a word for years counts, at most ``gap`` words before it ("a three-year
    term", "на три года", "five more years"); not a date ("five years later")."""
    if any(d.start <= m.cue.start < d.end for d in m.clause.dates):
        return None
    return next((n for n in m.clause.numbers if n.end <= m.cue.start
                 and m.clause.words_between(n.end, m.cue.start) <= gap), None)
