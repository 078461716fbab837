"""``check``: a text in, its claims about the CSTO out, each judged on the day it speaks of.

The day: ``as_of`` when given, else the text's own date line, else today; a claim with a
date of its own ("in 2008", "sejak 2024", "в 2011 году") is judged on that date. Each
sentence is read once (``reading``); each claim type (``claimtypes``) turns what a clause
says into a proposition over a registry question; ``evaluate`` asks it. Time grows
linearly with the text: one pass of the gazetteer's automaton, one of the lexicon, and
claim types that each look at one clause.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..record.dates import EARLIEST, LATEST, as_day
from ..record.history import History
from . import dates as dates_mod
from . import numbers as numbers_mod
from .answer import CheckAnswer, ClaimCheck, ClaimContent
from .claimtypes import DATED, STATE_EVENTS, TYPES, ClaimType, Found, Match, Record, case_victim
from .dates import DateMention
from .evaluate import Evaluator
from .gazetteer import Mention, fold, gazetteer
from .lexicon import Cue, lexicon
from .reading import Clause, Focus, SentenceReading, period
from .text import Sentence, blank_markup, decode, main_language, sentences
from .words import Token, tokenize

_EXERCISE_YEAR = re.compile(r"^[\s\"'«“]*[-–—]?\s*((?:19|20)\d\d)(?!\d)")


@cache
def _person_states(history: History) -> dict[str, str]:
    """The state of each office holder the record names, where it is one."""
    states: dict[str, set[str]] = {}
    for terms in history.terms.values():
        for term in terms:
            if term.person is not None and term.state:
                states.setdefault(term.person.en, set()).add(term.state)
    return {person: next(iter(codes)) for person, codes in states.items() if len(codes) == 1}


@cache
def _person_offices(history: History) -> dict[str, str]:
    """The one office each person the record names held, where it is one."""
    offices: dict[str, set[str]] = {}
    for office, terms in history.terms.items():
        for term in terms:
            if term.person is not None:
                offices.setdefault(term.person.en, set()).add(office)
    return {person: next(iter(held)) for person, held in offices.items() if len(held) == 1}


def check(
    raw: str | bytes, as_of: object = None, history: History | None = None, today: date | None = None
) -> CheckAnswer:
    """Check every claim ``raw`` makes about the CSTO; see the module's docstring."""
    from ..questions.api import _history
    from ..questions.texts import require_text

    h = _history(history)
    text = decode(raw)
    require_text(text)
    today = today or date.today()
    if as_of is not None:
        day, basis, line = as_day(as_of, "as-of"), "given", None
    else:
        dated = dates_mod.date_line(text)
        if dated is not None:
            day, basis, line = dated[0], "date-line", text[dated[1] : dated[2]]
        else:
            day, basis, line = min(max(today, EARLIEST), LATEST), "today", None
    visible = blank_markup(text)
    folded = fold(visible)
    names = gazetteer()
    mentions = names.in_lists(visible, names.find(folded, visible))
    spans = _merge_lists(sentences(visible), visible, mentions)
    evaluator = Evaluator(h, day)
    record = Record(lambda q, a: evaluator.answer(h, q, a), _person_states(h), _person_offices(h))
    checks: list[ClaimCheck] = []
    focus = Focus(year=day.year)
    cursor = 0
    for sentence in spans:
        while cursor < len(mentions) and mentions[cursor].start < sentence.start:
            cursor += 1
        inside: list[Mention] = []
        index = cursor
        while index < len(mentions) and mentions[index].start < sentence.end:
            inside.append(mentions[index])
            index += 1
        reading = _read(visible, folded, sentence, inside, focus, day)
        focus = _focus(reading, visible, focus)
        for found in _claims(reading, day, record, focus):
            checks.append(_judged(found, reading, text, evaluator, day, basis))
            victim = case_victim(found)
            focus = focus._replace(case=victim) if victim else focus
        if not focus.named_in_full and any(
                m.kind == "org" and len(visible[m.start:m.end].split()) >= 3 for m in reading.mentions):
            focus = focus._replace(named_in_full=True)  # for the sentences after this one
    languages = tuple(sorted({s.lang for s in spans}))
    return CheckAnswer(day, basis, line, main_language(text, spans), languages, len(text), tuple(checks), h)


def _read(
    visible: str, folded: str, sentence: Sentence, mentions: list[Mention], focus: Focus, day: date
) -> SentenceReading:
    lex = lexicon()
    tokens = tokenize(
        folded[sentence.start : sentence.end],
        sentence.start,
        lex.indonesian,
        visible[sentence.start : sentence.end],
    )
    cues = lex.find(tokens)
    piece = visible[sentence.start : sentence.end]
    found_dates = [
        d._replace(start=d.start + sentence.start, end=d.end + sentence.start)
        for d in dates_mod.find(piece, focus.year or day.year, day)
    ]
    found_dates = [_by(d, cues) for d in found_dates if not _counts_things(d, visible, tokens, cues)]
    # A word that is part of a date is the date's ("May 1992" is no "may", "a year later" no
    # "yearly").
    cues = [c for c in cues if not any(d.start <= c.start and c.end <= d.end for d in found_dates)]
    skip = [(d.start - sentence.start, d.end - sentence.start) for d in found_dates]
    skip += [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    skip += _article_numbers(tokens, cues, sentence.start)
    numbers = [
        n._replace(start=n.start + sentence.start, end=n.end + sentence.start)
        for n in numbers_mod.find(piece, sentence.lang, skip)
    ]
    reading = SentenceReading(
        piece, sentence.start, sentence.end, sentence.lang, tokens, cues, mentions, found_dates, numbers
    )
    reading.exercises = _exercises(visible, reading)
    return reading


def _by(mention: DateMention, cues: list[Cue]) -> DateMention:
    """A date after "by" ("nine states had signed by 1993", "к 19 января") is the last of
    the days something may have happened on: from the first day csto answers for to the
    date's end."""
    if any(c.concept == "deadline" and 0 <= mention.start - c.end <= 1 for c in cues):
        return mention._replace(day=EARLIEST, until=period(mention)[1], precision="day")
    return mention


COUNTED = ("troops", "aircraft", "equipment", "count_noun")
"""Nouns a number counts: a bare year standing just before one is a number ("около 2000
военнослужащих", "2000 troops"), unless "in" comes before it."""


def _counts_things(mention: dates_mod.DateMention, visible: str, tokens: list[Token],
                   cues: list[Cue]) -> bool:
    if mention.precision != "year" or not visible[mention.start:mention.end].isdigit():
        return False
    if any(c.concept == "located_in" and 0 <= mention.start - c.end <= 1 for c in cues):
        return False  # "in 2000 troops were sent": a year
    following = next((t for t in tokens if t.start >= mention.end), None)
    return following is not None and any(c.start == following.start and c.concept in COUNTED
                                         for c in cues)


def _exercises(visible: str, reading: SentenceReading) -> list[tuple[str, int, int, int]]:
    """The exercises a sentence names: a series and its year ("Rubezh-2008", "Interaction
    2019"), as (series, year, start, end)."""
    found = []
    for mention in reading.mentions:
        if mention.kind == "series":
            year = _EXERCISE_YEAR.match(visible[mention.end : mention.end + 12])
            if year:
                found.append((mention.key, int(year.group(1)), mention.start, mention.end + year.end()))
            elif reading.dates:
                found.append((mention.key, reading.dates[0].day.year, mention.start, mention.end))
    return found


def _article_numbers(tokens: list, cues: list[Cue], offset: int) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """Numbers that name an article ("Article 4", "pasal 4", "статья 4"), not a count."""
    skip = []
    for cue in cues:
        if cue.concept == "article" and cue.last + 1 < len(tokens):
            following = tokens[cue.last + 1]
            if following.text.isdigit():
                skip.append((following.start - offset, following.end - offset))
    return skip


def _focus(reading: SentenceReading, visible: str, focus: Focus) -> Focus:
    """What this sentence puts in view for the next ones."""
    exercise = focus.exercise
    if reading.exercises:
        exercise = reading.exercises[-1][:3]
    documents = [m for m in reading.mentions if m.kind == "document" and m.key != "un-charter"]
    document = (documents[-1].key, documents[-1].start) if documents else focus.document
    years = [d.day.year for d in reading.dates if not d.relative]
    states = tuple(dict.fromkeys(m.key for m in reading.mentions if m.kind == "state"))
    named = [m.start for m in reading.mentions if m.kind == "org"]
    organization = named[-1] if named else focus.organization
    return Focus(exercise, document, states or focus.states, years[-1] if years else focus.year,
                 focus.case, organization, focus.named_in_full)


GOVERNING = ("purpose",)
"""Blockers that govern only what follows them: "the aim of the Organization is collective
defence" states no rule, but in "sent troops to Kazakhstan with the aim of stabilising it"
the sending comes before the aim and is still a claim. (A plan or a future tense after an
event can still make it hypothetical: "Armenia's exit would benefit the West".)"""


def _claims(reading: SentenceReading, day: date, record: Record, focus: Focus) -> list[Found]:
    found: list[Found] = []
    for clause in reading.clauses:
        used: list[tuple[int, int]] = []
        kinds = {m.kind for m in clause.mentions}
        main = _before_relative(clause) if clause.has("relative") else None
        for kind in TYPES:
            concepts, mentioned, blockers, _ = _parts(kind)
            if not (clause.has(*concepts) or any(k in kinds for k in mentioned)):
                continue  # nothing in the clause can trigger it
            if not clause.has(*blockers):
                _claims_in(clause, kind, day, record, focus, used, found)
                continue
            if main is not None and not main.has(*blockers):
                # "Armenia adalah bagian dari CSTO, sebuah kelompok ... yang mengharuskan
                # anggotanya untuk saling membantu ketika diserang": what the relative clause
                # says of the Organization does not block what the main clause says
                _claims_in(main, kind, day, record, focus, used, found)
            if kind.apposable:  # "Kazakhstan, a CSTO member, sent no troops"
                for start, end in clause.appositions(kind.triggers):
                    aside = Clause(reading, start, end)
                    if not aside.has(*blockers):
                        _claims_in(aside, kind, day, record, focus, used, found)
    return found


def _before_relative(clause: Clause) -> Clause | None:
    """The clause up to the first relative clause set off by a comma (", which", ", yang",
    ", который", or ", a group that"), where there is one."""
    commas = [t.start for t in clause.tokens if t.text == ","]
    for relative in clause.cues_of("relative"):
        opening = [c for c in commas if c < relative.start and clause.words_between(c, relative.start) <= 3]
        if opening:
            return Clause(clause.sentence, clause.start, opening[-1])
    return None


@cache
def _parts(kind: ClaimType) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A claim type's trigger concepts and kinds of mention, the blockers that block its
    whole clause (a word showing the clause is about something else), and those that block
    only the triggers after them (``GOVERNING``)."""
    concepts, mentioned, _ = _trigger_parts(kind.triggers)
    governs = (*GOVERNING, *kind.governing)
    blocking = tuple(b for b in kind.blockers if b not in governs and b != "attendance")
    governing = tuple(b for b in kind.blockers if b in governs)
    return concepts, mentioned, blocking, governing


def _claims_in(clause: Clause, kind: ClaimType, day: date, record: Record, focus: Focus,
               used: list[tuple[int, int]], found: list[Found]) -> None:
    """Add to ``found`` the claims of ``kind`` the clause makes."""
    governing = [c.start for c in clause.cues_of(*_parts(kind)[3])]
    attended = "attendance" in kind.blockers and clause.has("attendance")
    claimed: set[tuple[int, int]] = set()  # one word that is two triggers ("прибыли") claims once
    for cue in _triggers(clause, kind.triggers, clause.sentence):
        if any(start <= cue.start for start in governing) or (cue.start, cue.end) in claimed:
            continue
        if attended and not _membership_between(clause, cue):
            continue
        result = kind.build(Match(clause, cue, day, record, focus, used))
        if result is None:
            continue
        proposition, uses = result
        if any(f.proposition == proposition and f.kind == kind.name for f in found):
            continue
        start, end = _extent(clause, cue, uses)
        claimed.add((cue.start, cue.end))
        used.extend(uses or ((cue.start, cue.end),))
        found.append(Found(start, end, kind.family, kind.name, proposition, uses, kind.says))


def _membership_between(clause: Clause, cue: Cue) -> bool:
    """Whether, after every word of a meeting, a word of membership stands before the
    trigger, or the Organization's name right before its number: "the CSTO summit, which
    includes six states" and "the six-nation CSTO" count members; "the summit was attended
    by six states" counts who came."""
    named = [(o.start, o.end) for o in clause.of("org")]
    named += [(c.start, c.end) for c in clause.cues_of("organization")]
    if any((cue.start >= end and clause.words_between(end, cue.start) <= 2)
           or (start >= cue.end and clause.words_between(cue.end, start) == 0)
           for start, end in named):
        return True  # "CSTO enam negara", "the six-member bloc": the Organization's size
    if any(c.end <= cue.start and clause.words_between(c.end, cue.start) <= 2
           for c in clause.cues_of("consist")):
        return True  # "the organisation, which consists of six states, met"
    meetings = clause.cues_of("attendance")
    if any(m.start >= cue.start for m in meetings):
        return False
    last = max(m.end for m in meetings)
    return any(last <= c.start <= cue.start for c in clause.cues_of("member", "consist"))


def _extent(clause: Clause, cue: Cue, uses: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """Where a claim is stated: the words it takes its values from, and its trigger word
    where that stands at most twelve words from them ("six member states", "Pashinyan
    suspended its participation and threatened to leave"), not the whole sentence."""
    inside = tuple(u for u in uses if clause.start <= u[0] < clause.end)
    uses = inside  # a subject carried from the clause before is not quoted again
    if not uses:
        return cue.start, cue.end
    tokens = clause.tokens
    events = [c.start for c in clause.cues if c.concept in DATED and c.start != cue.start]
    # a subject shared with an earlier event ("Uzbekistan left in 1999, rejoined in 2006") is
    # quoted with that event, not again with this one
    own = [u for u in uses if not any(u[1] <= e < cue.start for e in events)] or list(uses)
    near = [u for u in own
            if clause.words_between(min(u[1], cue.end), max(u[0], cue.start)) <= 8] or [own[0]]
    start, end = min(a for a, _ in near), max(b for _, b in near)
    a_word = any(t.text[:1].isalnum() for t in tokens if cue.start <= t.start < cue.end)
    if a_word and clause.words_between(min(end, cue.end), max(start, cue.start)) <= 12:
        # (the comma opening a repeated event is no word, and is not quoted)
        start, end = min(start, cue.start), max(end, cue.end)
    return start, end


def _triggers(clause: Clause, triggers: tuple[str, ...], reading: SentenceReading) -> list[Cue]:
    concepts, kinds, events = _trigger_parts(triggers)
    cues = clause.cues_of(*concepts) if concepts else []
    if events and cues:
        cues += _elided(clause, [c for c in cues if c.concept in STATE_EVENTS], reading)
    for mention in clause.of(*kinds) if kinds else []:
        cues.append(Cue("@" + mention.kind, mention.start, mention.end, -1, -1))
    return sorted(cues, key=lambda c: c.start) if len(cues) > 1 else cues


@cache
def _trigger_parts(triggers: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """A claim type's triggers: concepts, kinds of mention ("@state"), and whether an event
    among them may be repeated without its verb."""
    concepts = tuple(t for t in triggers if not t.startswith("@"))
    kinds = tuple(t[1:] for t in triggers if t.startswith("@"))
    return concepts, kinds, any(c in STATE_EVENTS for c in concepts)


def _elided(clause: Clause, events: list[Cue], reading: SentenceReading) -> list[Cue]:
    """The event a stretch after a comma repeats without its verb ("Azerbaijan joined in
    September 1993, Georgia and Belarus in December"; "в декабре того же года – Грузия и
    Белоруссия"): a stretch holding states and a date and no word of its own for an event.
    Its cue is the comma or dash that opens it, with the verb's concept."""
    if not events:
        return []
    last = events[-1]
    tokens = list(enumerate(reading.tokens))
    stops = [i for i, t in tokens if t.text in ",;" and last.end <= t.start < clause.end
             and not any(d.start <= t.start < d.end for d in clause.dates)]  # not "September 24, 1993"
    elided = []
    for number, index in enumerate(stops):
        start = reading.tokens[index].start
        end = reading.tokens[stops[number + 1]].start if number + 1 < len(stops) else clause.end
        inside = [c for c in clause.cues if start <= c.start < end]
        if any(c.concept in DATED for c in inside):
            break  # a verb of its own: not a repeat
        states = [m for m in clause.of("state") if start <= m.start < end]
        dated = [d for d in clause.dates if start <= d.start < end]
        if states and dated:
            dash = next((i for i, t in tokens if start <= t.start < end and t.text in "–—-"
                         and dated[0].end <= t.start < states[0].start), index)
            opening = reading.tokens[dash]
            elided.append(Cue(last.concept, opening.start, opening.end, dash, dash))
    return elided


def _judged(
    found: Found, reading: SentenceReading, text: str, evaluator: Evaluator, day: date, basis: str
) -> ClaimCheck:
    p = found.proposition
    judged = evaluator.judge(p, found.says)
    claim_day = p.day if p is not None else day
    claim_basis = "claim" if p is not None and (p.scope == "during" or p.day != day) else basis
    return ClaimCheck(
        found.start,
        found.end,
        text[found.start : found.end],
        text[reading.start : reading.end],
        reading.start,
        reading.lang,
        found.family,
        ClaimContent(found.kind, p),
        claim_day,
        claim_basis,
        judged.verdict,
        judged.findings,
        judged.citations,
        judged.facts,
        judged.held,
        judged.alternatives,
    )


_BULLET_LINE = re.compile(r"^[\s\-–—•·*▪●◦‣⁃\d.)]*$")
_LABEL = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,3}$")


def _merge_lists(spans: list[Sentence], text: str, mentions: list[Mention]) -> list[Sentence]:
    """Lines that only continue a list ("– Armenia", "• Belarus") join the sentence before
    them, so a list set out over lines or dashes reads as one list."""
    merged: list[Sentence] = []
    by_start = sorted(mentions, key=lambda m: m.start)
    position = 0
    for span in spans:
        while position < len(by_start) and by_start[position].end <= span.start:
            position += 1
        names = []
        for mention in by_start[position : position + 64]:
            if mention.start >= span.end:
                break
            names.append(mention)
        rest = text[span.start : span.end]
        for m in sorted(names, key=lambda m: -m.start):
            rest = rest[: m.start - span.start] + rest[m.end - span.start :]
        is_item = bool(names) and all(n.kind == "state" for n in names) and bool(_BULLET_LINE.match(rest))
        previous = text[merged[-1].start : merged[-1].end].strip() if merged else ""
        label_row = (
            bool(merged)
            and bool(_LABEL.match(previous))
            and text.count("\n", merged[-1].end, span.start) == 1
        )
        if merged and (
            (is_item and previous.endswith((":", "—", "-"))) or (label_row and len(rest.split()) <= 8)
        ):
            last = merged[-1]
            merged[-1] = Sentence(last.start, span.end, span.lang if label_row else last.lang)
            continue
        merged.append(span)
    return merged
