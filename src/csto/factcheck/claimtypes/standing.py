"""Claims about the states' standing: what a state did (joined, left, suspended, froze,
returned), who the members are, whether one state is a member, and who renewed the Treaty."""

from __future__ import annotations

from datetime import date

from ...record.dates import EARLIEST
from ..gazetteer import Mention
from ..lexicon import Cue
from ..propositions import Proposition
from ..reading import Clause, StateRun, period
from .base import (
    DATED,
    EVENT_CONCEPTS,
    EXTENSION,
    N_,
    OFF_TOPIC,
    RULE_OFF_TOPIC,
    SEPARATED,
    STATE_EVENTS,
    Built,
    Match,
    claim,
    span,
    whose_allies,
)
from .common import (
    FORMER,
    YEAR_BEFORE,
    _after,
    _exception_states,
    _explicit_document,
    _former,
    _founders,
    _lapse_day,
    _leaves_a_country,
    _members_field,
    _opens,
    _signed_by_states,
)


def _standing_event(m: Match, concept: str) -> tuple[Proposition, tuple[tuple[int, int], ...]] | None:
    kinds, statuses = STATE_EVENTS[concept]
    found = _event_subjects(m)
    if found is None:
        return None
    subjects, used = found
    if concept == "join" and m.has("organization") and m.has("other", "hostile"):
        return None  # joining other alliances: a rule, not an accession
    own = m.own_date(DATED, shared=concept == "sign")  # a signing's day may date the document too
    scope, first, last = m.when(own)
    if scope == "during" and own is not None:
        p = Proposition(
            "changes",
            (("from", first.isoformat()), ("until", _after(last or first).isoformat())),
            f"changes[what=standing,kind={'|'.join(kinds)}].subject",
            "includes",
            subjects,
            first,
            polarity=not m.denied,
            scope="fixed",
        )
        return p, (*used, *span(own))
    field = "standings[status=" + "|".join(statuses) + "].iso3"
    if concept == "join" and m.has("current"):
        field = "members.iso3"  # "masih menjadi anggota", still a member: being one, as "member" reads it
    if concept == "suspend" and m.segment_has("participation"):
        field = "standings[status=suspended|frozen].iso3"
    return Proposition(
        "members", (), field, "includes", subjects, first, polarity=not m.denied, scope=scope
    ), used


def _event_subjects(m: Match) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]] | None:
    """The states an event word speaks of, and where they are named: the list before it in
    its stretch of the clause, else the nearest list, else the one state the clause (or the
    verb chain it belongs to) names."""
    run = _segment_subject(m) or _nearest_run(m)
    if run is not None:
        return run.states, span(run)
    one = m.state() or _shared_subject(m)
    return ((one.key,), span(one)) if one is not None else None


def _segment_subject(m: Match) -> StateRun | None:
    """In a clause of several events, the states named just before this one's word, after
    the event before it ("in 1999 Georgia and Azerbaijan left, and that year Uzbekistan
    suspended": Uzbekistan suspended); None where the clause has one event."""
    start, end = m.segment()
    if (start, end) == (m.clause.start, m.clause.end):
        return None
    before = [r for r in m.runs(1) if start <= r.start and r.end <= m.cue.start]
    return before[-1] if before else None


def _nearest_run(m: Match) -> StateRun | None:
    """The list of states nearest the event word, a comma, an "and" or a dash between them
    counting as farther ("к нему присоединился Азербайджан, в декабре – Грузия и Белоруссия":
    Azerbaijan joined); a single state only where it stands next to the word, so that
    "Armenia and Belarus joined, with Russia" keeps its list."""
    lists = m.runs(2)
    nearest = min(lists, key=lambda r: m.separated(r.start, r.end), default=None)
    beside = [r for r in m.runs(1) if len(r.states) == 1 and m.separated(r.start, r.end) <= 2]
    if beside and (nearest is None or m.separated(nearest.start, nearest.end) > SEPARATED):
        return min(beside, key=lambda r: m.separated(r.start, r.end))
    return nearest


def _shared_subject(m: Match) -> Mention | None:
    """The subject of a chain of verbs, each with its own date ("Uzbekistan joined, left in
    1999 and came back in 2006"): the state before this verb that an earlier verb took."""
    if m.own_date(DATED) is None:
        return None
    before = [s for s in m.clause.of("state") if s.end <= m.cue.start]
    return before[-1] if before else None


NEAR_DOCUMENT = 300
"""Characters within which a document or the Organization named before stays what an event
is done to ("the Treaty was signed in 1992. Azerbaijan joined it in 1993"; "the CSTO was set
up in the 1990s. Uzbekistan joined it with Russia…")."""


@claim(
    "state-event",
    "membership",
    (*EVENT_CONCEPTS, "sign"),
    (*RULE_OFF_TOPIC, "exercise", "observer", "renew"),
    N_("The record gives: {value}."),
    label=N_("a state joining, leaving, returning, suspended or freezing its participation"),
)
def state_event(m: Match) -> Built:
    """A state joined, left, returned, was suspended or froze its participation: what it
    did must be done to the Organization, the Treaty or a membership (a withdrawal of
    troops or a restored border is not one). An event in the future is no claim, unless
    someone is reported saying it will happen: that is an announcement ("Pashinyan said
    Armenia will leave the CSTO")."""
    if _in_future(m):
        if m.cue.concept == "sign" or not _announced(m):
            return None
        return _asked_for(m, m.cue.concept)
    if m.segment_has("participation") and m.cue.concept in ("leave", "join"):
        return None
    if m.cue.concept in ("leave", "return", "lapse") and m.segment_has("troops", "peacekeeping"):
        return None  # forces withdrawn, returned home or done ("the withdrawal of CSTO troops")
    if m.cue.concept == "lapse" and _said_of_document(m):
        return None  # "the treaty's expiration date": the document's term, no state's event
    if m.cue.concept == "lapse" and m.clause.of("office"):
        return None  # "истек срок полномочий генерального секретаря": a term of office ended
    if m.cue.concept == "join" and any(o.start >= m.cue.end
                                       and m.clause.words_between(m.cue.end, o.start) <= 1
                                       for o in m.clause.of("other-org")):
        return None  # "tergabung dalam Uni Soviet": joined another body
    if m.cue.concept == "leave" and _leaves_a_country(m):
        return None  # "the Russia-led bloc began to withdraw from Kazakhstan": forces leaving
    signed_in_focus = m.cue.concept == "sign" and m.focus.document is not None
    document_just_named = (
        m.cue.concept in ("join", "leave", "return")
        and (
            (m.focus.document is not None and 0 <= m.clause.start - m.focus.document[1] <= NEAR_DOCUMENT)
            or (m.focus.organization is not None
                and 0 <= m.clause.start - m.focus.organization <= NEAR_DOCUMENT)
        )
    )
    if not (
        _names_organization(m.clause)
        or signed_in_focus
        or document_just_named
        or _continues_clause_before(m)
    ):
        return None
    if m.cue.concept == "sign" and (
        m.own_date(DATED, shared=True) is None
        or (_explicit_document(m) and not (_signed_by_states(m) or m.elided))
        or m.segment_has("law")
    ):
        return None  # a law signed ("the law was signed by Uzbekistan's president") ratifies at home
    notices = [c for c in m.clause.cues_of("notice") if abs(m.clause.words_between(
        min(c.end, m.cue.end), max(c.start, m.cue.start))) <= 5]
    if m.cue.concept == "leave" and notices:
        return _notice(m, notices[0])
    if m.cue.concept != "sign" and _intended(m):
        return _asked_for(m, m.cue.concept)
    return _standing_event(m, m.cue.concept)


def _notice(m: Match, notice: Cue) -> Built:
    """A notice of withdrawal (Charter Art. 19) given, or not: "Armenia has not formally
    notified the CSTO of its withdrawal", "Армения не уведомила ОДКБ о выходе": such a
    notice in the state's story, up to the day (or in the period the text gives)."""
    found = _event_subjects(m)
    if found is None:
        return None
    states, used = found
    own = m.own_date(DATED)
    first, last = period(own) if own is not None else (EARLIEST, m.day)
    p = Proposition("history", (), "events[kind=withdrawal-notice].date", "any-date", max(first, EARLIEST),
                    m.day, polarity=not m.denied_near(notice), scope="fixed", until=last,
                    each=tuple(("state", code) for code in states))
    return p, (*used, *span(own))


def _said_of_document(m: Match) -> bool:
    """Whether a treaty document stands by the word, two words at most away ("the treaty's
    expiration", "expiry of the treaty", "истечение срока договора")."""
    starts = [d.start for d in m.clause.of("document")]
    starts += [c.start for c in m.clause.cues_of("treaty", "charter")]
    return any(m.clause.words_between(min(start, m.cue.start), max(start, m.cue.start)) <= 3
               for start in starts)


def _intended(m: Match) -> bool:
    """Whether the event is one decided, requested or announced ("Uzbekistan requested to
    suspend its membership"): a word of intent stands at most four words before it, or
    before a "that" that stands so ("informed the Organization that it is suspending its
    participation")."""
    if m.governed_by("intent", 4):
        return True
    intents = [c.end for c in m.clause.cues_of("intent") if c.end <= m.cue.start]
    return any(
        intent <= c.start and 0 < m.cue.first - c.last <= 4
        for c in m.clause.cues_of("complementizer") for intent in intents
    )


def _in_future(m: Match) -> bool:
    """Whether a future tense governs the event word: it stands before it in the clause, or
    is the word itself ("will leave", "akan keluar", "выйдет"). An event told before a
    future ("affirmed the decision to leave, saying 'we will leave when we decide'") is not
    governed by it."""
    return any(c.start <= m.cue.start for c in m.clause.cues_of("future"))


def _announced(m: Match) -> bool:
    """Whether a word of saying or of intent stands before the future tense that governs
    the event, and that tense before the event ("said Armenia will leave", "mengancam akan
    keluar", threatened it would leave)."""
    futures = [c.start for c in m.clause.cues_of("future") if c.start < m.cue.start]
    said = [c.start for c in m.clause.cues_of("attribution", "intent")]
    return bool(futures) and any(start < futures[0] for start in said)


def _asked_for(m: Match, concept: str) -> Built:
    """A state's decision, request or announcement of an event: in the state's story, a
    statement of it, or the event itself, in the period the text gives (else the year
    before its day)."""
    found = _event_subjects(m)
    if found is None:
        return None
    states, used = found
    own = m.own_date(DATED)
    if own is not None:
        first, last = period(own)
    else:
        first, last = date.fromordinal(m.day.toordinal() - YEAR_BEFORE), m.day
    kinds = ("statement", *STATE_EVENTS[concept][0])
    first = max(first, EARLIEST)
    p = Proposition(
        "history",
        (),
        f"events[kind={'|'.join(kinds)}].date",
        "any-date",
        first,
        first if own is not None else m.day,
        polarity=not m.denied,
        scope="fixed",
        until=last,
        each=tuple(("state", code) for code in states),
    )
    return p, (*used, *span(own))


def _names_organization(clause: Clause) -> bool:
    """Whether a clause names the Organization, a treaty document or a membership."""
    return bool(
        clause.of("org")
        or clause.of("document")
        or clause.has("organization", "treaty", "member", "participation", "charter")
    )


def _continues_clause_before(m: Match) -> bool:
    """A clause with no state of its own that goes on from one about the Organization
    ("Uzbekistan left the organization in 1999 but came back in 2006"): its event is done
    to the same body, by the same state."""
    if m.cue.concept not in ("leave", "return", "suspend", "freeze") or m.clause.of("state"):
        return False
    clauses = m.clause.sentence.clauses
    index = next((i for i, c in enumerate(clauses) if c.start == m.clause.start), 0)
    return index > 0 and _names_organization(clauses[index - 1]) and bool(clauses[index - 1].of("state"))


def _founder(m: Match, one: Mention) -> Built:
    """"Armenia is a founding member of the CSTO": among the Organization's founders (or
    the Treaty's), not a member today."""
    founding = _founders(m)
    if founding is None:
        return None
    field, signed = founding
    p = Proposition("members", (), field, "includes", (one.key,), signed, polarity=not m.denied,
                    scope="fixed")
    return p, span(one)


@claim(
    "members",
    "membership",
    ("member", "observer", "founder", "sign", "count_noun"),
    (
        *OFF_TOPIC,
        "exercise",
        "participants_word",
        "deploy",
        "request",
        "aggression",
        "troops",
        *EVENT_CONCEPTS,
    ),
    N_("On {date} the record lists: {value}."),
    label=N_("which states are members, observers or former members"),
)
def members(m: Match) -> Built:
    run = m.run(2)
    if run is None:
        return None
    if m.cue.concept == "count_noun" and (
        m.number(("count_noun",)) is None or not (m.clause.of("org") or m.has("organization"))
    ):
        return None
    if _about_other_body(m, run.start, run.end) or _unknown_body_after(m):
        return None
    if not (m.clause.of("org") or _explicit_document(m) or m.has("organization")) and any(
            code not in m.record.ever_standing() for code in run.states):
        return None  # "Russia, the United States and France are members": of another body
    if m.has("sign") and not m.has("founder") and m.own_date(DATED) is not None and not _explicit_document(m):
        return None
    if m.has("renew"):
        return None  # who renewed the Treaty: see ``renewal``
    target = _members_field(m)
    if target is None:
        return None
    question, field, day = target
    states = run.states
    if m.has("also") and m.focus.states:
        states = tuple(dict.fromkeys((*m.focus.states, *states)))
    exceptions = _exception_states(m)
    if exceptions:
        return None
    added, named = _besides(m, run)
    states = tuple(dict.fromkeys((*added, *states)))
    whole = (
        not m.clause.near(run.start, ("not_exhaustive",), 4)
        and not _list_goes_on(m, run)
        and not m.has("also")
        and (len(states) >= 5 or _whole_cue(m) or m.cue.concept in ("founder", "sign", "renew"))
    )
    own = m.own_date(DATED) if day == m.day else None
    scope, first, last = m.when(own)
    if day != m.day:
        scope, first, last = "on", day, None
    relation = "equals" if whole and not m.denied else "includes"
    p = Proposition(
        question,
        (),
        field,
        relation,
        tuple(sorted(states)),
        first,
        polarity=not m.denied,
        scope=scope,
        until=last,
    )
    return p, (*named, *span(run), *span(own))


def _list_goes_on(m: Match, run: StateRun) -> bool:
    """Whether the list goes on after its last state with something else ("Russia, Belarus,
    Kazakhstan, Kyrgyzstan, Tajikistan and the acting prime minister of Armenia"): "and"
    right after the names, then no state. (A comma there may end the clause instead.)"""
    after = [t for t in m.clause.tokens if t.start >= run.end][:2]
    if len(after) < 2 or after[0].start not in m.clause.sentence.joiners:
        return False
    return not any(s.start == after[1].start for s in m.clause.of("state"))


def _whole_cue(m: Match) -> bool:
    """A verb of composition ("consists of", "terdiri dari", "входят") presents a list as whole."""
    return m.has("consist")


def _besides(m: Match, run: StateRun) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The states a clause-opening "besides" adds to the list that follows it ("Помимо
    Армении в Организацию входят Россия...", "Selain Armenia, anggotanya adalah..."), and
    where they are named."""
    cues = [c for c in m.clause.cues_of("besides") if _opens(m, c) and c.end <= run.start]
    if not cues:
        return _others_of(m, run)
    added = [r for r in m.clause.state_runs() if cues[0].end <= r.start and r.end <= run.start]
    if added:
        return added[0].states, span(added[0])
    single = [s for s in m.clause.of("state") if cues[0].end <= s.start and s.end <= run.start]
    return ((single[0].key,), ((single[0].start, single[0].end),)) if single else ((), ())


def _others_of(m: Match, run: StateRun) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The state the list's "other" members are others than ("Russia leads, with five
    other members: Armenia, Belarus…"): the one named before the word, outside the list."""
    other = [c for c in m.clause.cues_of("other") if c.end <= run.start
             and m.clause.words_between(c.end, run.start) <= 4]
    if not other:
        return (), ()
    named = [s for s in m.clause.of("state") if s.end <= other[-1].start and s.key not in run.states]
    return ((named[-1].key,), ((named[-1].start, named[-1].end),)) if named else ((), ())


def _apposed(m: Match) -> Mention | None:
    """The state that follows the word for member, with at most the Organization's name
    between: "CSTO member Kazakhstan", "anggota CSTO Kazakhstan", "член ОДКБ Казахстан"."""
    orgs = m.clause.of("org")
    for state in m.clause.of("state"):
        if state.start < m.cue.end or not m.free(state.start, state.end):
            continue
        if whose_allies(m.clause, state):
            return None  # "союзник России": Russia's ally, not Russia
        between = [t for t in m.clause.tokens if m.cue.end <= t.start < state.start
                   and not any(o.start <= t.start < o.end for o in orgs)]
        return state if not between else None
    return None


def _unknown_body_after(m: Match) -> bool:
    """Whether what the state is a member of, or belongs to, is something the record does
    not know: an abbreviation that is no name of the Organization ("a member of the WTO"),
    or, after "belongs to", no word for the Organization or the Treaty ("belongs to Central
    Asia")."""
    after = [t for t in m.clause.tokens if t.start >= m.cue.end][:4]
    named = [(o.start, o.end) for o in m.clause.mentions]
    for token in after:
        word = m.clause.sentence.between(token.start, token.end)
        if (len(word) >= 2 and word.isalpha() and word.isupper()
                and not any(a <= token.start < b for a, b in named)):
            return True
    if any(c.start <= m.cue.start < c.end or m.cue.start <= c.start < m.cue.end
           for c in m.clause.cues_of("belong")):
        return not (any(token.start >= a and token.start < b for token in after for a, b in named)
                    or any(c.start >= m.cue.end and m.clause.words_between(m.cue.end, c.start) <= 3
                           for c in m.clause.cues_of("organization", "treaty")))
    return False


def _about_other_body(m: Match, start: int, end: int) -> bool:
    """Whether the membership spoken of is in another organization (NATO, the CIS...): the
    nearest organization named is another one, and not one listed beside the states
    ("Serbia and the Union State are observers")."""
    others = [o for o in m.clause.of("other-org", "org")]
    if not others:
        return False
    nearest = min(others, key=lambda o: min(abs(o.start - end), abs(start - o.end)))
    if nearest.kind != "other-org":
        return False
    states = [s for s in m.clause.of("state") if start <= s.start < end] or m.clause.of("state")
    if any(m.clause._joined(s, nearest) or m.clause._joined(nearest, s) for s in states):
        return False
    tokens = m.clause.tokens
    joiners = {c.start for c in m.clause.cues_of("and")}

    def beside(cue: Cue) -> bool:
        low, high = min(cue.end, nearest.end), max(cue.start, nearest.start)
        words = [t for t in tokens if low <= t.start < high]
        return len(words) <= 4 and not any(t.start in joiners or t.text in ",;" for t in words)

    if not m.clause.of("org"):
        # "Aliansi ini beranggotakan enam negara yang tergabung dalam Uni Soviet, yaitu…":
        # the alliance, named by a word right before the trigger, is what they are members
        # of, unless the other body stands by the trigger itself
        said = any(c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 1
                   for c in m.clause.cues_of("organization"))
        return beside(m.cue) if said else True
    # The Organization is named too ("the CSTO, set up after the Soviet Union broke up, now
    # includes…"): the other body is meant only where a word of membership stands by it
    # ("members of NATO", "NATO members", "anggota NATO").
    return any(beside(c) for c in m.clause.cues_of("member", "consist", "join"))


@claim(
    "member",
    "membership",
    ("member", "observer", "founding_state"),
    (*OFF_TOPIC, "exercise", "deploy", "request", "aggression", "count_noun_number", *EVENT_CONCEPTS),
    N_("On {date} the record gives: {value}."),
    label=N_("whether one state is a member or an observer"),
    apposable=True,
)
def member(m: Match) -> Built:
    if m.run(2) is not None or m.number(("count_noun",)) is not None:
        return None
    if (any(m.cue.start <= c.start < m.cue.end for c in m.clause.cues_of("ally"))
            and not any(n.kind == "org" for n in m.clause.sentence.mentions)):
        return None  # "allies" alone ("senjata untuk negara sekutu") names no membership of the CSTO
    one = _apposed(m) or m.state()
    if one is None or _about_other_body(m, one.start, one.end) or _unknown_body_after(m):
        return None
    if one.start < m.clause.end and not _member_subject(m, one):
        return None  # "a summit of member states in Armenia", "members... the situation in Afghanistan"
    if not (m.clause.of("org") or _explicit_document(m) or m.has("organization")) and (
            one.key not in m.record.ever_standing()):
        return None  # "France is a permanent member": of another body
    phrases = [(c.start, c.end) for c in m.clause.cues_of("one", "ever")]
    counted = [n for n in m.clause.numbers if not any(a <= n.start and n.end <= b for a, b in phrases)]
    if counted and m.has("count_noun") and not m.has("observer"):
        return None
    if m.has("founding_state"):
        return _founder(m, one)
    if m.cue.concept == "observer":
        field = "standings[status=observer].iso3"
    elif _former(m):
        field = FORMER
    else:
        field = "members.iso3"
    own = m.own_date(DATED)
    scope, first, last = m.when(own)
    p = Proposition(
        "members", (), field, "includes", (one.key,), first, polarity=not m.denied, scope=scope, until=last
    )
    return p, (*span(one), *span(own))


def _member_subject(m: Match, one: Mention) -> bool:
    """Whether the state named in the clause is the one the word for member speaks of:
    within ten words of it, and not a place where something happens ("в Армении проходит
    саммит", "in Armenia")."""
    low, high = min(one.end, m.cue.end), max(one.start, m.cue.start)
    if m.clause.words_between(low, high) > 10:
        return False
    return not any(0 <= one.start - c.end <= 1 for c in m.clause.cues_of("located_in"))


@claim(
    "renewal",
    "membership",
    ("renew",),
    OFF_TOPIC,
    N_("On {date} the record lists: {value}."),
    label=N_("who renewed the Treaty in 1999"),
)
def renewal(m: Match) -> Built:
    """Who renewed the Treaty in 1999, or who did not ("all but...")."""
    run = m.run(1)
    if run is None or m.clause.near(m.cue.start, ("permission",), 3):
        return None  # "concluded for five years with the possibility of extension": its term
    signed = m.record.document_day(EXTENSION, "signed", m.day)
    if signed is None:
        return None
    lapse = _lapse_day(m, signed)
    excluded = _exception_states(m)
    # "when the Treaty was extended, Uzbekistan did not sign it": the signing denied is the
    # renewal refused
    unsigned = any(m.clause.denied(c.start + 1) for c in m.clause.cues_of("sign") if c.start > m.cue.end)
    if excluded or (m.denied or unsigned) != m.refused:
        states = excluded or run.states
        p = Proposition(
            "changes",
            (("from", signed.isoformat()), ("until", _after(lapse).isoformat())),
            "changes[what=standing,kind=lapse].subject",
            "includes",
            tuple(sorted(states)),
            lapse,
            scope="fixed",
        )
        return p, span(run)
    p = Proposition("members", (), "members.iso3", "includes", tuple(sorted(run.states)), lapse)
    return p, span(run)
