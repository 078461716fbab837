"""Claims about the treaty documents: when and where they were signed, when they entered
into force, when the Organization was founded, and where it sits."""

from __future__ import annotations

from ..dates import DateMention
from ..gazetteer import Mention
from ..propositions import Proposition
from ..reading import period
from .base import (
    EXTENSION,
    N_,
    OFF_TOPIC,
    Built,
    Match,
    _anniversary,
    _anniversary_date,
    _auxiliary,
    claim,
    span,
)
from .common import (
    _creates_force,
    _explicit_document,
    _original_signers,
    _signed_by_states,
    _uncertain_milestone,
    _years_counted,
)

DOCUMENT_STEPS = {"sign": "signed", "in_force": "in_force_from"}


@claim(
    "document-date",
    "date",
    ("sign", "in_force", "found", "become", "adopt", "anniversary", "exist"),
    (*OFF_TOPIC, "future"),
    N_("The record gives {value}."),
    label=N_("when a treaty document was signed or entered into force, or the Organization was founded"),
)
def document_date(m: Match) -> Built:
    if m.refused:
        return None  # "after refusing to sign the protocol": no signing to date
    if m.elided:
        return None  # an event repeated without its verb ("Georgia – on 9 December") is a state's
    if m.cue.concept == "anniversary":
        return _anniversary_date(m)
    if m.cue.concept == "adopt" and (
        not _explicit_document(m)
        or any(c.start != m.cue.start for c in m.clause.cues_of("decision"))
    ):
        return None  # "the Council adopted a statement, a decision": no treaty document's day
    own = m.own_date(("found", "sign", "in_force", "renew", "become"))
    if own is None or (own.precision == "year" and own.until is not None and m.cue.concept != "found"):
        return None  # a span of years dates a founding ("formed between 1992 and 2002"), no one signing
    if m.cue.concept == "exist" and not _exists_since(m, own):
        return None  # "the CSTO has existed since 2002" dates its founding; "existed in 2010" not
    if m.cue.concept == "found" and _auxiliary(m):
        return None  # "не стал его подписывать", did not sign: no founding
    if m.cue.concept == "become" and not (
            any(0 <= o.start - m.cue.end <= 12 for o in m.clause.of("org")) or _becomes_organization(m)):
        return None  # "became the CSTO": a founding; "became a member" is not
    if m.cue.concept == "found" and _creates_force(m):
        return None  # "agreed to create a peacekeeping force": the force's date, not the Organization's
    if m.cue.concept == "sign" and (
        (_signed_by_states(m) and not _original_signers(m))
        or (m.clause.of("state") and not (_explicit_document(m) or m.clause.of("org")))
    ):
        return None  # "X, Y and Z signed a year later": accessions, not the Treaty's date
    document = m.document()
    first, last = period(own)
    years = _anniversary(m)
    if years:
        first, last = first.replace(year=first.year - years), last.replace(year=last.year - years)
    if m.cue.concept in ("found", "become", "exist") or document == "organization":
        if m.cue.concept == "in_force" and document not in (None, "organization"):
            pass
        elif _uncertain_milestone(m, first, last):
            return None, span(own)  # a day the record holds only as doubtful
        else:
            p = Proposition(
                "about",
                (),
                "organization.milestones[founding=True].date",
                "any-date",
                first,
                m.day,
                polarity=not m.denied,
                scope="fixed",
                until=last,
            )
            return p, span(own)
    if document is None:
        return None
    step = "signed" if m.cue.concept in ("sign", "adopt") else "in_force_from"
    p = Proposition(
        "documents",
        (),
        f"documents[id={document}].{step}.date",
        "date",
        first,
        m.day,
        polarity=not m.denied,
        scope="fixed",
        until=last,
    )
    return p, span(own)


def _exists_since(m: Match, own: DateMention) -> bool:
    """Whether the Organization is said to exist since ``own``: "since" right before the
    date, and the Organization named before the verb ("the CSTO has existed since 2002",
    "ОДКБ существует с 2002 года")."""
    since = any(c.end <= own.start and m.clause.words_between(c.end, own.start) == 0
                for c in m.clause.cues_of("since", "term_from"))
    named = [o.end for o in m.clause.of("org")] + [c.end for c in m.clause.cues_of("organization")]
    return since and any(end <= m.cue.start and m.clause.words_between(end, m.cue.start) <= 2
                         for end in named)


def _becomes_organization(m: Match) -> bool:
    """Whether the Treaty or the alliance is said to become an organization ("in 2002 the
    treaty became an international organization", "diubah menjadi organisasi"): a word for
    organization within three words after the verb, no word for a member between, and no
    state before the verb as its subject."""
    if any(s.end <= m.cue.start for s in m.clause.of("state")):
        return False
    return any(c.start >= m.cue.end and m.clause.words_between(m.cue.end, c.start) <= 3
               and not any(m.cue.end <= x.start < c.start for x in m.clause.cues_of("member", "count_noun"))
               for c in m.clause.cues_of("organization"))


@claim(
    "treaty-term",
    "rule",
    ("years_span",),
    (*OFF_TOPIC, "future"),
    N_("The record gives {value} years."),
    label=N_("for how many years the Treaty runs before it is extended (Treaty Art. 11)"),
)
def treaty_term(m: Match) -> Built:
    """"Signed for five years", "рассчитан на 5 лет", "berlaku selama lima tahun", "renewed
    for five more years": the Treaty's term (each extension is as long), said where the
    sentence speaks of the Treaty or its extension and of a term, a signing or a renewal;
    not how long something else lasted."""
    number = _years_counted(m, gap=1)  # "five more years"
    if number is None or m.clause.of("office") or m.document() not in ("cst", EXTENSION):
        return None
    said = m.clause.cues_of("term_word", "sign", "renew", "in_force", "found")
    if not said:
        return None
    p = Proposition("documents", (), "documents[id=cst].term.years", "number", number.value, m.day,
                    polarity=not m.denied_near(number, *said), scope="fixed", qualifier=number.qualifier)
    return p, (*span(number), *span(m.cue))


@claim(
    "document-place",
    "place",
    ("sign", "found", "adopt"),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("where a treaty document was signed"),
)
def document_place(m: Match) -> Built:
    place = m.mention("place")
    if place is None:
        return None
    document = m.document()
    if document == "organization":
        # "the organization was founded on 15 May 1992 in Tashkent": the founding step of
        # that day (the Treaty's signing), else the Charter's
        document = _founding_document(m) or "charter"
    elif document is None:
        document = "cst" if m.cue.concept == "sign" else None
    if document is None:
        return None
    p = Proposition(
        "documents",
        (),
        f"documents[id={document}].signed.place",
        "mentions",
        place.key,
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(place)


def _founding_document(m: Match) -> str | None:
    """The document of the founding step whose day the clause gives ("founded on May 15,
    1992": the Treaty), where it gives one."""
    days = {d.day for d in m.clause.dates if d.precision == "day"}
    organization = getattr(m.record.ask("about", {}), "organization", None)
    for milestone in getattr(organization, "milestones", ()):
        if milestone.founding and milestone.date in days and milestone.document:
            return str(milestone.document)
    return None


@claim(
    "headquarters",
    "place",
    ("headquarters",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("where the Organization has its seat"),
)
def headquarters(m: Match) -> Built:
    place = _seat(m)
    if place is None:
        return None
    p = Proposition(
        "about",
        (),
        "organization.headquarters.value.en",
        "mentions",
        place.key,
        m.day,
        polarity=not m.denied_near(place),
        scope="fixed",
    )
    return p, span(place)


def _seat(m: Match) -> Mention | None:
    """The place given as the seat: after the word for it, at most eight words on
    ("headquarters in Moscow", "the headquarters of the Organization, which is located in
    Bishkek"), or just before it with no "in" or "to" between ("Moscow is the seat"); not a
    place the sentence names for something else ("нота Ташкента поступила в секретариат": a
    note from Tashkent)."""
    between = [c.start for c in m.clause.cues_of("located_in", "toward")]
    for place in m.clause.of("place"):
        if place.start >= m.cue.end and m.clause.words_between(m.cue.end, place.start) <= 8:
            return place
        if (place.end <= m.cue.start and m.clause.words_between(place.end, m.cue.start) <= 2
                and not any(place.end <= c < m.cue.start for c in between)):
            return place
    return None
