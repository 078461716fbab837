"""The claim types: each declared once, with the concepts that trigger it and the
proposition it makes of a clause.

A declaration names its family (the annotation type: membership, count, date, place,
official, rule, exercise, case, organization), the lexicon concepts that trigger it, the
concepts that, present in the same clause, mean the clause says something else, and the
sentence that tells a reader what the record gives. Its function reads the clause through
``Match`` (the states it lists, its number, its date, whether it is denied) and returns the
``Proposition`` over a registry question, or None where the clause does not make the claim.
The words are in ``lexicon/*.yaml``; nothing here names a word of any language.

The order of ``TYPES`` is the order of preference: a name, number, date or place taken by
one claim of a sentence is not read again by a later type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from ..record.dates import EARLIEST, LATEST
from .dates import DateMention
from .gazetteer import Mention
from .lexicon import Cue
from .numbers import Number
from .propositions import Proposition
from .reading import DENIALS, Clause, Focus, StateRun, period
from .words import Token

N_ = str
EXTENSION = "cst-prolongation-1999"
"""The protocol of 2 April 1999 that extended the Treaty (documents.yaml)."""

STATE_EVENTS = {
    # concept: (event kinds in ``changes``, the standing it leads to)
    "join": (("sign", "accession"), ("signatory", "member")),
    "sign": (("sign", "accession"), ("signatory", "member")),
    "leave": (("lapse", "withdraw"), ("former",)),
    "return": (("return",), ("member",)),
    "suspend": (("suspend",), ("suspended",)),
    "freeze": (("freeze",), ("frozen",)),
    "lapse": (("lapse",), ("former",)),
}
EVENT_CONCEPTS = tuple(c for c in STATE_EVENTS if c != "sign")
OFF_TOPIC = ("attendance", "plan", "purpose", "opinion")
"""Concepts of clauses that report who attended, what is planned or what something is for:
not claims about the record."""
RULE_OFF_TOPIC = tuple(c for c in OFF_TOPIC if c != "attendance")
"""For the rules and a state's events: a rule said at a summit ("at their summit the leaders
agreed that a base needs the consent of all") is still the rule, and a decision told to a
session ("affirmed Armenia's decision to leave during a parliamentary session") still the
decision; who attended is a list of states, neither a rule nor an event."""


class Found(NamedTuple):
    """A claim found in a clause: where it is, what it says, and the slots it used."""

    start: int
    end: int
    family: str
    kind: str
    proposition: Proposition | None
    uses: tuple[tuple[int, int], ...]
    says: str | None


class Record:
    """What a claim type may ask of the record while reading: the registry's answers."""

    def __init__(
        self,
        ask: Callable[[str, dict[str, str]], object],
        person_states: dict[str, str],
        person_offices: dict[str, str] | None = None,
    ) -> None:
        self.ask = ask
        self.person_states = person_states
        self.person_offices = person_offices or {}
        """The one office the record gives a person, where it gives one."""

    def members(self, day: date) -> tuple[str, ...]:
        answer = self.ask("members", {"on": day.isoformat()})
        return tuple(s.iso3 for s in getattr(answer, "members", ()))

    def document_day(self, document: str, step: str, day: date) -> date | None:
        answer = self.ask("documents", {"on": day.isoformat()})
        for doc in getattr(answer, "documents", ()):
            if doc.id == document:
                dated = doc.signed if step == "signed" else doc.in_force_from
                return dated.date if dated else None
        return None

    def milestone_day(self, code: str) -> date | None:
        """The day of the Organization's milestone of ``code`` ("first-deployment")."""
        answer = self.ask("about", {})
        organization = getattr(answer, "organization", None)
        for milestone in getattr(organization, "milestones", ()):
            if getattr(milestone, "code", None) == code:
                return milestone.date  # type: ignore[no-any-return]
        return None

    def peacekeeping_force(self) -> str | None:
        """The collective force whose name says it keeps the peace, where the record keeps
        one."""
        answer = self.ask("forces", {})
        found = [f.id for f in getattr(answer, "forces", ()) if "peacekeeping" in str(f.name.en).lower()]
        return str(found[0]) if len(found) == 1 else None

    def signatories(self, day: date) -> tuple[str, ...]:
        """The states that had signed the Treaty by ``day`` (signatories and members)."""
        answer = self.ask("members", {"on": day.isoformat()})
        return tuple(s.iso3 for s in getattr(answer, "standings", ())
                     if s.status in ("signatory", "member"))

    def military_alliance(self) -> str | None:
        answer = self.ask("groupings", {})
        for grouping in getattr(answer, "groupings", ()):
            if grouping.kind == "military-alliance":
                return str(grouping.id)
        return None

    def grouping_not_military(self) -> str | None:
        """A grouping of states that is not a military alliance (the first the record lists)."""
        answer = self.ask("groupings", {})
        for grouping in getattr(answer, "groupings", ()):
            if grouping.kind != "military-alliance":
                return str(grouping.id)
        return None

    def groupings(self) -> frozenset[str]:
        answer = self.ask("groupings", {})
        return frozenset(str(g.id) for g in getattr(answer, "groupings", ()))

    def term_start(self, office: str, state: str, since: date) -> date | None:
        """The first day of the first term of ``office`` that ``state`` holds from ``since``
        on (the record's changes of office holders)."""
        answer = self.ask("changes", {"from": since.isoformat(), "until": LATEST.isoformat()})
        for change in getattr(answer, "changes", ()):
            if change.what == "office" and change.kind == office and change.after == state:
                return change.date  # type: ignore[no-any-return]
        return None

    def ever_standing(self) -> frozenset[str]:
        """The states that ever had a standing towards the Treaty (signed it or observed),
        up to the last day the record speaks of."""
        answer = self.ask("members", {"on": LATEST.isoformat()})
        return frozenset(s.iso3 for s in getattr(answer, "standings", ()))

    def non_member(self, day: date) -> str | None:
        """A state that never had a standing towards the Treaty: the guest of a rule said
        of any foreign state."""
        answer = self.ask("members", {"on": day.isoformat()})
        known = {s.iso3 for s in getattr(answer, "standings", ())}
        countries = getattr(getattr(answer, "history", None), "countries", None)
        for code in sorted(getattr(countries, "table", ()) or ()):
            if code not in known and len(code) == 3:
                return str(code)
        return None


class Match:
    """One trigger of a claim type in a clause, and what the clause says around it."""

    def __init__(
        self, clause: Clause, cue: Cue, day: date, record: Record, focus: Focus, used: list[tuple[int, int]]
    ) -> None:
        self.clause = clause
        self.cue = cue
        self.day = day
        self.record = record
        self.focus = focus
        self.used = used

    # -- slots ------------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.used)

    def runs(self, minimum: int = 1) -> list[StateRun]:
        return [r for r in self.clause.state_runs() if len(r.states) >= minimum and self.free(r.start, r.end)]

    def run(self, minimum: int = 2) -> StateRun | None:
        """The list of states nearest the trigger."""
        runs = self.runs(minimum)
        return min(runs, key=lambda r: self.distance(r.start, r.end)) if runs else None

    def state(self, kinds: tuple[str, ...] = ("state",), carry: bool = True) -> Mention | None:
        """The one state the clause speaks of: the nearest before the trigger (its subject),
        else the nearest after; in a clause without one, the subject of the clause before
        it ("Uzbekistan left in 1999 but came back in 2006") or the state of a person named
        ("Pashinyan announced the freeze" speaks of Armenia)."""
        names = [m for m in self.clause.of(*kinds) if self.free(m.start, m.end)
                 and not whose_allies(self.clause, m)]
        before = [m for m in names if m.end <= self.cue.start]
        if before:
            return before[-1]
        if names:
            return min(names, key=lambda m: self.distance(m.start, m.end))
        if not carry:
            return None
        earlier = [m for m in self.clause.sentence.mentions if m.kind in kinds and m.end <= self.clause.start]
        if earlier:
            return earlier[-1]
        return self.leader_state() or self.state_referred_to()

    def state_referred_to(self) -> Mention | None:
        """The state "the country" or "the republic" stands for before the trigger: the one
        state the sentence before named ("Uzbekistan did not sign. In 2006 the republic's
        authorities decided to restore its membership")."""
        if len(self.focus.states) != 1:
            return None
        words = [c for c in self.clause.cues_of("that_state") if c.end <= self.cue.start]
        if not words:
            return None
        return Mention(words[-1].start, words[-1].end, "state", self.focus.states[0])

    def leader_state(self) -> Mention | None:
        """The state whose leader the clause names ("Tokayev asked" speaks for Kazakhstan)."""
        for person in self.clause.of("person"):
            code = self.record.person_states.get(person.key)
            if code is not None:
                return Mention(person.start, person.end, "state", code)
        return None

    def number(self, nouns: tuple[str, ...], gap: int = 3) -> tuple[Number, Cue] | None:
        """A number standing just before one of the nouns ("six states", "2,000 troops"); not
        the one of "one of them" ("salah satu anggota", "одного из государств"), which
        counts nothing."""
        ones = [(c.start, c.end) for c in self.clause.cues_of("one")]
        for noun in self.clause.cues_of(*nouns):
            candidates = [n for n in self.clause.numbers if n.end <= noun.start and self.free(n.start, n.end)
                          and not any(a <= n.start and n.end <= b for a, b in ones)]
            if candidates:
                last = candidates[-1]
                words = [t for t in self.clause.tokens if last.end <= t.start < noun.start]
                if len(words) <= gap:
                    return last, noun
        return None

    def own_date(self, events: tuple[str, ...] = (), shared: bool = False) -> DateMention | None:
        """The date nearest the trigger that no other claim has taken (``shared``: taken or
        not), and that is not nearer to another event of the clause (``events``: the
        concepts that date things). A date after "until" ends what the verb began, so it is
        not the verb's day. An event named after "since" measures time from it, so a date
        before it belongs to something else ("in October 2018 it held its largest exercise
        since it was founded")."""
        others = [c for c in self.clause.cues_of(*events) if c.start != self.cue.start]
        ends = [c.end for c in self.clause.cues_of("until")]
        since = [c.start for c in self.clause.cues_of("since") if 0 < self.cue.first - c.last <= 3]
        dates = []
        for d in self.clause.dates:
            if not (shared or self.free(d.start, d.end)) or any(0 <= d.start - end <= 1 for end in ends):
                continue
            if since and d.end <= since[-1]:
                continue
            mine = self.separated(d.start, d.end)
            if any(self.separated(d.start, d.end, c) < mine for c in others):
                continue
            dates.append(d)
        return min(dates, key=lambda d: self.separated(d.start, d.end)) if dates else None

    def separated(self, start: int, end: int, cue: Cue | None = None) -> int:
        """How far words at [start, end) are from ``cue`` (the trigger by default), in
        characters, each comma, dash, "and" or "before" between them counting as
        ``SEPARATED`` more ("joined in 1993, left in 1999": 1993 is the joining's; "left in
        1999 before returning in 2006": 1999 is the leaving's; "к нему присоединился
        Азербайджан, в декабре – Грузия": Azerbaijan joined)."""
        word = cue or self.cue
        low, high = (end, word.start) if end <= word.start else (word.end, start)
        if high <= low:
            return 0
        between = sum(1 for t in self.clause.tokens if low <= t.start < high and t.text in ",;–—")
        between += sum(1 for c in self.clause.cues_of("and", "sequence") if low <= c.start < high)
        return high - low + SEPARATED * between

    def segment(self) -> tuple[int, int]:
        """The stretch of the clause this event word governs: from the event word before it
        to the one after ("Georgia left in 1999, that year Uzbekistan suspended its
        participation": "participation" and Uzbekistan belong to the suspension)."""
        others = [c for c in self.clause.cues_of(*DATED) if c.start != self.cue.start]
        before = [c.end for c in others if c.end <= self.cue.start]
        after = [c.start for c in others if c.start >= self.cue.end]
        return max(before, default=self.clause.start), min(after, default=self.clause.end)

    def segment_has(self, *concepts: str) -> bool:
        start, end = self.segment()
        return any(start <= c.start < end for c in self.clause.cues_of(*concepts))

    def mention(self, kind: str) -> Mention | None:
        found = [m for m in self.clause.of(kind) if self.free(m.start, m.end)]
        return min(found, key=lambda m: self.distance(m.start, m.end)) if found else None

    def distance(self, start: int, end: int) -> int:
        if end <= self.cue.start:
            return self.cue.start - end
        if start >= self.cue.end:
            return start - self.cue.end
        return 0

    def document(self) -> str | None:
        """The treaty document the clause speaks of: a name of one, else a word for the
        Treaty, the Charter or the Organization, else the one in focus. A protocol is the
        one extending the Treaty in 1999 where the clause speaks of extending; any other is
        none the record models (None)."""
        named = self.mention("document")
        if named is not None and named.key != "un-charter":
            return named.key
        extension = EXTENSION if self.clause.has("renew") else None
        for concept, doc in (("protocol", extension), ("charter", "charter"), ("treaty", "cst")):
            if self.clause.has(concept):
                return doc
        if self.clause.of("org") or self.clause.has("organization"):
            return "organization"
        focus = self.focus.document
        return focus[0] if focus else None

    # -- how it is said ----------------------------------------------------------------------
    @property
    def denied(self) -> bool:
        return self.clause.denied(self.cue.start + 1)

    def governed_by(self, concept: str, words: int) -> bool:
        """Whether a word of ``concept`` stands at most ``words`` words before the trigger."""
        return any(self.clause.words_between(c.end, self.cue.start) < words
                   for c in self.clause.cues_of(concept) if c.end <= self.cue.start)

    @property
    def refused(self) -> bool:
        """Whether a word of refusal governs the trigger ("after refusing to sign the protocol
        extending the treaty", "отказались продлить")."""
        return self.governed_by("refuse", 6)

    def denied_near(self, *items: object) -> bool:
        """Whether a denial governs the trigger or one of the words a claim takes its
        value from ("are not in Moscow", "did not involve 4,000 troops")."""
        starts = [self.cue.start, *(int(i.start) for i in items if i is not None)]  # type: ignore[attr-defined]
        return any(self.clause.denied(start + 1) for start in starts)

    def asserts(self, *flipping: str) -> bool:
        """Whether the clause asserts its rule, counting denials and ``flipping`` cues
        ("may not", "without") before the trigger's end: an odd number reverses it."""
        return self.clause.flips(self.cue.end, *flipping) % 2 == 0

    def has(self, *concepts: str) -> bool:
        return self.clause.has(*concepts)

    def when(self, own: DateMention | None) -> tuple[str, date, date | None]:
        """The scope and days a claim speaks of: its own date, "never", or the text's day."""
        if self.clause.has("never", "ever"):  # "never was", "pernah menjadi anggota": any day
            return "ever", self.day, None
        if own is not None:
            first, last = period(own)
            return (
                "during",
                max(first, EARLIEST),
                min(last, self.day) if last > self.day >= first else last,
            )
        until = self.until_date()
        if until is not None:  # "until 1999 Georgia was a member": some day before its end
            last = min(period(until)[1], self.day)
            return "during", EARLIEST, max(last, EARLIEST)
        return "on", self.day, None

    def until_date(self) -> DateMention | None:
        """The date an "until" governs in the clause ("until 1999", "до 1999 года"), if any
        that no claim took."""
        ends = [c.end for c in self.clause.cues_of("until")]
        return next((d for d in self.clause.dates if self.free(d.start, d.end)
                     and any(0 <= d.start - end <= 1 for end in ends)), None)


INFINITIVE_ENDINGS = ("ть", "ти", "ться", "тись", "чь")
"""How a Russian infinitive ends."""


def _auxiliary(m: Match) -> bool:
    """Whether the word is an auxiliary of an infinitive two words at most after it ("стал
    подписывать", "не стал его подписывать": began to sign, did not sign), not "became"."""
    if not any(c.start <= m.cue.start < c.end for c in m.clause.cues_of("auxiliary")):
        return False
    after = [t.text for t in m.clause.tokens if t.start >= m.cue.end and t.text[:1].isalpha()][:2]
    return any(word.endswith(INFINITIVE_ENDINGS) for word in after)


def _anniversary_date(m: Match) -> Built:
    """"The CSTO celebrated its 30th anniversary in 2022": founded thirty years before
    (the Treaty's or the Charter's signing where one of them is named)."""
    years = _anniversary(m)
    own = m.own_date(DATED)
    if not years or own is None:
        return None
    document = m.document()
    if document not in ("cst", "charter", "organization"):
        return None
    first, last = period(own)
    first, last = first.replace(year=first.year - years), last.replace(year=last.year - years)
    if document == "organization":
        return Proposition("about", (), "organization.milestones[founding=True].date", "any-date",
                           first, m.day, polarity=not m.denied, scope="fixed", until=last), span(own)
    return Proposition("documents", (), f"documents[id={document}].signed.date", "date", first,
                       m.day, polarity=not m.denied, scope="fixed", until=last), span(own)


def _anniversary(m: Match) -> int:
    """The years an anniversary counts back ("the 20th anniversary of the signing", "20-летие"),
    or 0."""
    for cue in m.clause.cues_of("anniversary"):
        numbers = [n for n in m.clause.numbers if n.end <= cue.start + 1 and cue.start - n.end <= 12]
        if numbers and 1 <= numbers[-1].value <= 100:
            return numbers[-1].value
        following = [n for n in m.clause.numbers if n.start >= cue.end and n.start - cue.end <= 8]
        if following and 1 <= following[0].value <= 100:
            return following[0].value
        sentence = m.clause.sentence
        ordinal = (_ORDINAL_BEFORE.search(sentence.between(cue.start - 12, cue.start))
                   or _ORDINAL_AFTER.match(sentence.between(cue.end, cue.end + 10)))
        if ordinal and 1 <= int(ordinal.group(1)) <= 100:
            return int(ordinal.group(1))
    return 0


_ORDINAL_BEFORE = re.compile(r"(?<!\d)(\d{1,3})(?:st|nd|rd|th|-[а-яё]{1,3})?[\s-]*$", re.I)
"""An ordinal just before "anniversary" ("30th anniversary", "30-я годовщина")."""
_ORDINAL_AFTER = re.compile(r"\s*ke-?\s*(\d{1,3})(?!\d)", re.I)
"""An Indonesian ordinal just after it ("ulang tahun ke-30")."""


ADJACENT = 3
"""Characters between a name and a date that stand for nothing but punctuation
("Rubezh-2006, 24-29 August")."""

SEPARATED = 40
"""What a comma or an "and" between a word and a date adds to their distance."""


def _gap(cue: Cue, item: DateMention) -> int:
    if item.end <= cue.start:
        return cue.start - item.end
    if item.start >= cue.end:
        return item.start - cue.end
    return 0


DATED = (
    "found",
    "sign",
    "in_force",
    "join",
    "leave",
    "return",
    "suspend",
    "freeze",
    "renew",
    "lapse",
    "request",
    "deploy",
    "withdraw_forces",
    "attribution",
    "exercise",
    "appoint",
    "take_over",
)
"""Concepts of events a date in a sentence may belong to (saying too: "…, Kazakhstan said
on Monday (3/10/2022)" dates the saying)."""


def _written_name(m: Match) -> Mention | None:
    """A person's name written out next to an office ("Anatoly Sidorov, chief of the Joint
    Staff"): two or three capitalised words within four words of it."""
    words = m.clause.tokens
    text = m.clause.sentence.text
    offset = m.clause.sentence.start
    capital = [
        w for w in words if text[w.start - offset : w.start - offset + 1].isupper() and w.text.isalpha()
    ]
    runs: list[list[object]] = []
    for word in capital:
        if runs and words.index(word) == words.index(runs[-1][-1]) + 1:  # type: ignore[arg-type]
            runs[-1].append(word)
        else:
            runs.append([word])
    for run in runs:
        first, last = run[0], run[-1]
        if 2 <= len(run) <= 3 and (abs(first.start - m.cue.end) < 40 or abs(m.cue.start - last.end) < 40):  # type: ignore[attr-defined]
            return Mention(first.start, last.end, "person", " ".join(w.text for w in run))  # type: ignore[attr-defined]
    return None


class ClaimType(NamedTuple):
    name: str
    family: str
    triggers: tuple[str, ...]
    blockers: tuple[str, ...]
    says: str | None
    label: str
    """What a claim of this type is about, for a reader ("who holds the office...")."""
    build: Callable[[Match], Built]
    governing: tuple[str, ...] = ()
    """Blockers that block only the triggers after them (see ``check.GOVERNING``)."""
    apposable: bool = False
    """Whether the claim can be made in an aside about a state ("Kazakhstan, a CSTO
    member, sent no troops"), which the rest of its clause does not block."""


TYPES: list[ClaimType] = []


Built = tuple[Proposition | None, tuple[tuple[int, int], ...]] | None
"""What a claim type makes of a clause: the proposition (None: nothing to ask the record)
and the stretches of text it took its values from; None where it makes no claim."""


def claim(
    name: str,
    family: str,
    triggers: tuple[str, ...],
    blockers: tuple[str, ...] = (),
    says: str | None = None,
    *,
    label: str,
    governing: tuple[str, ...] = (),
    apposable: bool = False,
) -> Callable[[Callable[[Match], Built]], Callable[[Match], Built]]:
    """Declare a claim type (see the module's docstring)."""

    def register(build: Callable[[Match], Built]) -> Callable[[Match], Built]:
        TYPES.append(ClaimType(name, family, triggers, blockers, says, label, build, governing,
                               apposable))
        return build

    return register


def span(*items: object) -> tuple[tuple[int, int], ...]:
    return tuple((int(i.start), int(i.end)) for i in items if i is not None)  # type: ignore[attr-defined]


# -- the collective forces ----------------------------------------------------------------
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


# -- documents: dates and places -------------------------------------------------------------------
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
    if document in (None, "organization"):
        document = "cst" if m.cue.concept == "sign" and document is None else "charter" if document else None
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


@claim(
    "headquarters",
    "place",
    ("headquarters",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("where the Organization has its seat"),
)
def headquarters(m: Match) -> Built:
    place = m.mention("place")
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


# -- standing -----------------------------------------------------------------------------------
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


def _after(day: date) -> date:
    return day + timedelta(days=1)


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
        or (_explicit_document(m) and not _signed_by_states(m))
        or m.segment_has("law")
    ):
        return None  # a law signed ("the law was signed by Uzbekistan's president") ratifies at home
    if m.cue.concept != "sign" and _intended(m):
        return _asked_for(m, m.cue.concept)
    return _standing_event(m, m.cue.concept)


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


YEAR_BEFORE = 365
"""Days before the text's day in which an undated request or decision it reports is looked
for ("Uzbekistan has decided to suspend its membership", in a text of July 2012)."""


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


def _whole_cue(m: Match) -> bool:
    """A verb of composition ("consists of", "terdiri dari", "входят") presents a list as whole."""
    return m.has("consist")


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


def whose_allies(clause: Clause, one: Mention) -> bool:
    """Whether ``one`` is the state whose allies are spoken of ("Russia's allies", "allies
    of Russia", "sekutu Rusia", "союзники России"), not an ally nor the subject."""
    for word in clause.cues_of("ally"):
        if one.start >= word.end and clause.words_between(word.end, one.start) <= 1:
            return True
        if (one.end <= word.start and clause.words_between(one.end, word.start) <= 1
                and any(mark in clause.sentence.between(one.end, word.start) for mark in "'’")):
            return True
    return False


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
    if not m.clause.of("org"):
        return True
    # The Organization is named too ("the CSTO, set up after the Soviet Union broke up, now
    # includes…"): the other body is meant only where a word of membership stands by it
    # ("members of NATO", "NATO members", "anggota NATO").
    tokens = m.clause.tokens

    joiners = {c.start for c in m.clause.cues_of("and")}

    def beside(cue: Cue) -> bool:
        low, high = min(cue.end, nearest.end), max(cue.start, nearest.start)
        words = [t for t in tokens if low <= t.start < high]
        return len(words) <= 4 and not any(t.start in joiners or t.text in ",;" for t in words)

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
    one = _apposed(m) or m.state()
    if one is None or _about_other_body(m, one.start, one.end) or _unknown_body_after(m):
        return None
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
    if run is None:
        return None
    signed = m.record.document_day(EXTENSION, "signed", m.day)
    if signed is None:
        return None
    lapse = _lapse_day(m, signed)
    excluded = _exception_states(m)
    if excluded or m.denied != m.refused:
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


# -- counts -----------------------------------------------------------------------------------
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


# -- officials ------------------------------------------------------------------------------------------
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


# -- rules -------------------------------------------------------------------------------------
def _each_member(m: Match, name: str, day: date) -> tuple[tuple[str, str], ...]:
    return tuple((name, code) for code in m.record.members(day))


@claim(
    "collective-defence",
    "rule",
    ("aggression", "assist", "mutual_defence"),
    (*RULE_OFF_TOPIC, "request", "deploy"),
    N_("On {date} Article 4 obliges: {value}."),
    label=N_("that aggression against one member is aggression against all (Treaty Art. 4)"),
)
def collective_defence(m: Match) -> Built:
    if m.clause.of("state") and not m.has("all", "one"):
        return None
    if m.cue.concept == "mutual_defence":
        return _mutual_defence(m)
    if (
        m.cue.concept == "aggression"
        and not (m.has("all") and m.has("one"))
        and not (m.has("group_of_states") or (m.has("assist") and m.has("all", "oblige", "military")))
    ):
        return None
    if m.cue.concept == "assist" and not (
        (m.has("aggression") and m.has("all", "oblige", "military", "one"))
        or (m.has("military") and m.has("all"))
    ):
        return None
    if m.has("group_of_states"):
        p = Proposition(
            "article",
            (("document", "cst"), ("number", "4")),
            "citation.version",
            "equals",
            "cst",
            m.day,
            polarity=not m.denied,
        )
        return p, span(m.cue)
    victims = m.record.members(m.day)
    if not victims:
        return None
    # The first sentence of Art. 4 (aggression against one is against all) and its second
    # (the others give assistance, military included) are two claims.
    concepts = (
        ("assist", "military", "all", "oblige") if m.cue.concept == "assist" else ("aggression", "one", "all")
    )
    said = [c for c in m.clause.cues_of(*concepts) if abs(c.start - m.cue.start) < 200]
    last = max(said, key=lambda c: c.start)
    field = "procedure[code=assistance].code" if m.cue.concept == "assist" else "obliged"
    # assistance "in the event of a threat" is asked of a threat, which Art. 4 does not cover
    # (Art. 2 has the members consult)
    situation = (("situation", "threat"),) if m.has("threat") and not m.has("aggression") else ()
    p = Proposition(
        "assist",
        (("victim", victims[0]), *situation),
        field,
        "nonempty",
        None,
        m.day,
        polarity=m.clause.flips(last.start, "prohibition") % 2 == 0,
    )
    return p, ((min(c.start for c in said), last.end),)


def _mutual_defence(m: Match) -> Built:
    """Defence of each other said to be a duty or a principle of the Treaty or the
    Organization ("members are obliged to come to each other's defence", "a mutual defence
    clause", "menganut prinsip pertahanan kolektif"): Art. 4 in a word. Said of nothing
    binding ("collective defence exercises"), it is no claim."""
    if not m.has("oblige", "provides", "article"):
        return None
    if not (m.clause.of("org") or m.has("member", "treaty", "organization")):
        return None
    victims = m.record.members(m.day)
    if not victims:
        return None
    p = Proposition("assist", (("victim", victims[0]),), "obliged", "nonempty", None, m.day,
                    polarity=m.clause.flips(m.cue.start, "prohibition") % 2 == 0)
    return p, span(m.cue)


@claim(
    "bases-consent",
    "rule",
    ("consent", "objection"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that a foreign base needs the other members' consent (2011 protocol)"),
)
def bases_consent(m: Match) -> Built:
    if not m.has("base"):
        return None
    guest_mention = next((s for s in m.clause.of("state") if s.key not in m.record.members(m.day)), None)
    guest = guest_mention.key if guest_mention is not None else m.record.non_member(m.day)
    if guest is None:
        return None
    hosts = [s.key for s in m.clause.of("state") if s.key in m.record.members(m.day)]
    each = (("host", hosts[0]),) if hosts else _each_member(m, "host", m.day)
    p = Proposition(
        "base",
        (("guest", guest),),
        "consent_required_from",
        "nonempty",
        None,
        m.day,
        polarity=_consent_flips(m) % 2 == 0,
        each=each,
    )
    return p, span(m.cue)


def _consent_flips(m: Match) -> int:
    """How many words reverse that a base needs consent: denials, prohibitions and
    "without" before the word for consent; before a word for objection, a denial or
    "without" within three words is the consent itself ("in the absence of objections", "if
    no member objects", "при отсутствии возражений"), and "even if" overrides it ("even if
    other members object")."""
    flips = m.clause.flips(m.cue.start, "prohibition", "without")
    if m.cue.concept == "objection":
        flips -= sum(1 for c in m.clause.cues_of("without", *DENIALS)
                     if c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 3)
        flips += sum(1 for c in m.clause.cues_of("concessive")
                     if c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 3)
    return flips


def _undertaken(m: Match) -> bool:
    """Whether the clause states an obligation: a word for it in the clause, or before the
    colon that opens the list the clause is an item of ("undertook the following: to
    refrain from force; not to join military alliances")."""
    if m.has("obligation", "oblige"):
        return True
    sentence = m.clause.sentence
    colons = [t.start for t in sentence.tokens if t.text == ":" and t.start < m.clause.start]
    return bool(colons) and any(c.concept in ("obligation", "oblige") and c.start < colons[-1]
                                for c in sentence.cues)


@claim(
    "other-alliances",
    "rule",
    ("join", "participation"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members may not join other military alliances (Treaty Art. 1)"),
)
def other_alliances(m: Match) -> Built:
    undertaken = _undertaken(m) and m.clause.denied(m.cue.start + 1)
    if not (m.has("organization") and (m.has("other", "hostile", "prohibition") or undertaken)):
        return None  # "joined the military alliance"; but "undertook not to join military alliances"
    named = [o.key for o in m.clause.of("other-org") if o.key in m.record.groupings()]
    target = named[0] if named else m.record.military_alliance()
    alliance = [c for c in m.clause.cues_of("organization") if c.start >= m.cue.start]
    if target is None or not alliance:
        return None
    # the denial of this verb, not of an earlier one in a list ("не вступать в союзы и не
    # участвовать в группировках"), and every prohibition before the alliance
    barred = len(m.clause.before(("prohibition", "refrain"), alliance[0].start))
    prohibited = (barred + m.clause.denied(m.cue.start + 1)) % 2 == 1
    members_now = m.record.members(m.day)
    if not members_now:
        return None
    targets = [target]
    groups = m.clause.cues_of("group_of_states")
    directed = any(c.concept == "hostile" and c.start > groups[0].end
                   for c in m.clause.sentence.cues) if groups else False
    if groups and not directed:  # "...groupings of states, or actions, directed against a party"
        grouping = m.record.grouping_not_military()
        if grouping is not None:
            targets.append(grouping)  # "or any grouping of states": not every grouping is barred
    p = Proposition(
        "step",
        (("actor", members_now[0]), ("action", "join-alliance")),
        "verdict",
        "equals",
        "breach",
        m.day,
        polarity=prohibited,
        each=tuple(("target", t) for t in targets),
    )
    return p, span(m.cue, alliance[0])


@claim(
    "no-force",
    "rule",
    ("use_force",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members refrain from the use or threat of force (Treaty Art. 1)"),
)
def no_force(m: Match) -> Built:
    members_now = m.record.members(m.day)
    if len(members_now) < 2:
        return None
    if not (m.has("refrain", "prohibition", "permission", "obligation") or m.clause.flips(m.cue.start)):
        return None  # "decisions to use force are made by the Council": no rule of conduct
    prohibited = m.clause.flips(m.cue.start, "prohibition", "refrain") % 2 == 1
    p = Proposition(
        "step",
        (("action", "use-force-against"), ("target", members_now[-1])),
        "verdict",
        "equals",
        "lawful",
        m.day,
        polarity=not prohibited,
        each=tuple(("actor", c) for c in members_now[:-1]),
    )
    return p, span(m.cue)


@claim(
    "consensus",
    "rule",
    ("consensus", "approved_by_all"),
    (*RULE_OFF_TOPIC, "exercise"),
    N_("On {date} the record gives: {value}."),
    label=N_("that decisions are taken by consensus (Charter Art. 12)"),
)
def consensus(m: Match) -> Built:
    if m.cue.concept == "approved_by_all" and not (m.has("decision") and not m.has("base")):
        return None  # "approved by all members" says consensus of decisions, not of a base
    organ = m.mention("organ")
    body = organ.key if organ is not None and organ.key in ("CSC", "CFM", "CDM", "CSSC", "PC") else "CSC"
    p = Proposition("decide", (("body", body),), "rule", "equals", "consensus", m.day, polarity=not m.denied)
    return p, span(m.cue)


@claim(
    "rotation",
    "rule",
    ("rotation",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that the chair rotates among the members (Charter Art. 13)"),
)
def rotation(m: Match) -> Built:
    """The chair, or leading the Organization in turn ("each member leads it in turn")."""
    if not (m.has("chair_word") or m.clause.of("office") or _leads_in_turn(m)):
        return None
    p = Proposition(
        "article",
        (("document", "charter"), ("number", "13")),
        "in_force",
        "true",
        None,
        m.day,
        polarity=not m.denied,
    )
    return p, span(m.cue)


def _leads_in_turn(m: Match) -> bool:
    """A word for leading stands within five words of the word for turns, and members or
    the Organization are spoken of."""
    near = any(abs(cue.first - m.cue.first) <= 5 for cue in m.clause.cues_of("office_holder"))
    return near and (m.has("member", "organization") or bool(m.clause.of("org")))


@claim(
    "yearly-exercises",
    "rule",
    ("yearly",),
    ("plan",),
    N_("The record lists exercises in {value}."),
    label=N_("that the Organization holds exercises every year"),
)
def yearly_exercises(m: Match) -> Built:
    if not m.has("exercise"):
        return None
    p = Proposition(
        "exercises",
        (),
        "exercises[planned=False].year",
        "every-year",
        None,
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(m.cue)


@claim(
    "withdrawal-notice",
    "rule",
    ("notice", "unilateral"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("how a member may withdraw (Charter Art. 19)"),
)
def withdrawal_notice(m: Match) -> Built:
    if not m.has("leave"):
        return None
    actor = m.record.members(m.day)
    if not actor:
        return None
    if m.cue.concept == "unilateral" and not m.has("notice"):
        p = Proposition(
            "step",
            (("actor", actor[0]), ("action", "withdraw")),
            "verdict",
            "equals",
            "lawful",
            m.day,
            polarity=not m.denied,
        )
        return p, span(m.cue)
    months = next((n.value for n in m.clause.numbers if 1 <= n.value <= 24), None)
    if months is None and m.has("six"):
        months = 6
    if months is None:
        return None
    prohibited = m.clause.flips(m.clause.cues_of("leave")[0].start + 1, "prohibition") % 2 == 1
    p = Proposition(
        "step",
        (("actor", actor[0]), ("action", "withdraw")),
        "effective",
        "months-after",
        months,
        m.day,
        polarity=not (prohibited or m.denied_near(*m.clause.cues_of("leave"))),
    )
    return p, span(m.cue)


@claim(
    "consultations",
    "rule",
    ("consult",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members consult when one is threatened (Treaty Art. 2)"),
)
def consultations(m: Match) -> Built:
    if m.clause.of("state") or not m.has("all", "oblige", "aggression", "collective_security", "threat"):
        return None
    p = Proposition(
        "article",
        (("document", "cst"), ("number", "2")),
        "in_force",
        "true",
        None,
        m.day,
        polarity=not m.denied,
    )
    return p, span(m.cue)


@claim(
    "peaceful-settlement",
    "rule",
    ("peaceful",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members settle their disputes by peaceful means (Treaty Art. 1)"),
)
def peaceful_settlement(m: Match) -> Built:
    if not m.has("dispute") or m.clause.of("state"):
        return None  # the rule speaks of the parties' disputes, not of one state's conflict
    p = Proposition(
        "article",
        (("document", "cst"), ("number", "1")),
        "in_force",
        "true",
        None,
        m.day,
        polarity=m.clause.flips(m.cue.start, "prohibition") % 2 == 0,
    )
    return p, span(m.cue)


# -- exercises -------------------------------------------------------------------------------------
def _exercise(m: Match) -> tuple[str, int] | None:
    """The exercise a clause speaks of, as (condition, year): the last one named before the
    trigger in the sentence ("name~rubezh"), else one the sentence describes so that the
    record knows only one ("the largest exercise of 2011", "the 2021 exercise in
    Tajikistan"), else the one earlier sentences put in view."""
    named = m.clause.sentence.exercises
    before = [e for e in named if e[2] < m.cue.start]
    if before:
        return _named(before[-1][0]), before[-1][1]
    if named:
        return _named(named[0][0]), named[0][1]
    described = _described_exercise(m)
    if described is not None:
        return described
    focus = m.focus.exercise
    if focus is None:
        return None
    return _named(focus[0]), focus[1]


def _described_exercise(m: Match) -> tuple[str, int] | None:
    if not m.has("exercise"):
        return None
    years = [d.day.year for d in m.clause.sentence.dates if d.precision in {"year", "month", "day"}]
    if not years:
        return None
    year = years[0]
    answer = m.record.ask("exercises", {"year": str(year)})
    found = list(getattr(answer, "exercises", ()))
    condition = ""
    if m.has("largest"):
        found = [e for e in found if e.largest_of_year]
        condition = "largest_of_year=True"
    else:
        hosts = {s.key for s in m.clause.of("state")}
        narrowed = [e for e in found if hosts & set(e.hosts)]
        if narrowed and len(narrowed) < len(found):
            found = narrowed
            condition = "hosts=" + "|".join(sorted(hosts & set(narrowed[0].hosts)))
    if len(found) != 1:
        return None
    return condition or f"id={found[0].id}", year


def _named(series: str) -> str:
    """The condition for the exercises whose name names a series: a joint exercise names
    each of its parts ("Interaction, Search, Echelon-2025" is the year's Echelon too)."""
    return f"name~{series}"


def _exercise_field(m: Match, condition: str, field: str) -> str:
    return f"exercises[{condition}].{field}"


@claim(
    "exercise-figure",
    "exercise",
    ("troops", "aircraft", "equipment"),
    ("plan", "deploy", "peacekeeping"),
    N_("The record gives {value}."),
    label=N_("the size of an exercise"),
)
def exercise_figure(m: Match) -> Built:
    named = _exercise(m)
    sentence = m.clause.sentence
    spoken_of = any(c.concept == "exercise" for c in sentence.cues) or bool(sentence.exercises)
    recent = m.focus.exercise is not None and m.clause.start - m.focus.exercise[2] < 800
    if not (spoken_of or recent):
        return None
    found = m.number((m.cue.concept,), gap=2)
    if found is None or found[1].start != m.cue.start:
        return None
    number, _ = found
    if named is None or m.cue.concept == "equipment":
        return None, span(number, m.cue)  # an exercise csto cannot name, or a figure it does not hold
    series, year = named
    field = "troops" if m.cue.concept == "troops" else "aircraft"
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, field),
        "number",
        number.value,
        m.day,
        polarity=not m.denied_near(number),
        scope="fixed",
        qualifier=number.qualifier,
    )
    return p, span(number)


@claim(
    "exercise-host",
    "exercise",
    ("host", "located_in"),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("where an exercise was held"),
)
def exercise_host(m: Match) -> Built:
    named = _exercise(m)
    if not (m.has("exercise") or m.clause.of("series")):
        return None
    runs = [r for r in m.clause.state_runs() if r.start >= m.cue.end and m.free(r.start, r.end)]
    if not runs or m.clause.words_between(m.cue.end, runs[0].start) > 3:
        # the host as the verb's subject ("Kazakhstan hosted Interaction-2019")
        runs = [r for r in m.clause.state_runs() if r.end <= m.cue.start and m.free(r.start, r.end)
                and m.clause.words_between(r.end, m.cue.start) <= 1]
        if m.cue.concept != "host" or not runs:
            return None
        runs = runs[-1:]
    hosts = list(runs[0].mentions)
    if named is None:
        # an exercise the record cannot name ("in 2005 the CSTO held its Frontier exercises
        # in Tajikistan"): a claim that cannot be checked, where the exercise is what is in
        # the place
        said = [c for c in m.clause.cues_of("exercise") if c.end <= m.cue.start
                and m.clause.words_between(c.end, m.cue.start) <= 3]
        if not said or m.cue.concept != "located_in" or m.clause.words_between(m.cue.end, hosts[0].start):
            return None
        return None, span(*hosts[:3])
    names = [e for e in m.clause.sentence.exercises if e[2] < m.cue.start]
    if names:
        named = (_named(names[-1][0]), names[-1][1])
    if m.cue.concept == "located_in":
        if not names:  # the place first: "В Казахстане стартовали учения «Взаимодействие-2024»"
            names = [e for e in m.clause.sentence.exercises if e[2] >= runs[0].end
                     and m.clause.words_between(runs[0].end, e[2]) <= 4
                     and not any(runs[0].end <= c.start < e[2]
                                 for c in m.clause.cues_of("attribution", "located_in", "host"))]
            if not names or m.clause.words_between(m.cue.end, runs[0].start) > 0:
                return None
            named = (_named(names[0][0]), names[0][1])
        elif m.clause.words_between(names[-1][3], m.cue.start) > 1:
            return None
    series, year = named
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "hosts"),
        "includes",
        tuple(sorted({h.key for h in hosts[:3]})),
        m.day,
        polarity=not m.denied_near(*hosts[:1]),
        scope="fixed",
    )
    return p, span(*hosts[:3])


@claim(
    "exercise-participants",
    "exercise",
    ("participants_word", "count_noun"),
    ("plan", "deploy"),
    N_("The record gives: {value}."),
    label=N_("who took part in an exercise"),
)
def exercise_participants(m: Match) -> Built:
    named = _exercise(m)
    if not (m.has("exercise") or m.clause.of("series")):
        return None
    run = m.run(2)
    if named is None:
        # an exercise the record cannot name, with the states that took part in it
        if run is None or m.cue.concept != "participants_word" or not m.has("exercise"):
            return None
        return None, span(run)
    series, year = named
    if m.cue.concept == "count_noun" and not (m.clause.sentence.exercises and m.has("troops")):
        return None
    if run is None and m.cue.concept == "participants_word":
        # one state as the subject: "Armenia did not take part in Interaction-2023"
        run = next((r for r in reversed(m.runs(1)) if r.end <= m.cue.start
                    and m.clause.words_between(r.end, m.cue.start) <= 3), None)
    if run is None:
        counted = m.number(("count_noun",), gap=2)
        if counted is None:
            return None
        number, noun = counted
        p = Proposition(
            "exercises",
            (("year", str(year)),),
            _exercise_field(m, series, "participants"),
            "count",
            number.value,
            m.day,
            polarity=not m.denied_near(number),
            scope="fixed",
        )
        return p, span(number, noun)
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "participants"),
        "includes",
        tuple(sorted(run.states)),
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(run)


@claim(
    "exercise-date",
    "exercise",
    ("exercise", "@series"),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("when an exercise was held"),
)
def exercise_date(m: Match) -> Built:
    """ "Rubezh-2006 was held on the Caspian coast from 24 to 29 August": the days named meet
    the exercise's, from its start to its end (a year alone is the name's, not a claim)."""
    named = _exercise(m)
    own = m.own_date(DATED)
    if named is None or own is None or own.precision == "year":
        return None
    said_of_it = m.has("host", "begin", "complete") or _gap(m.cue, own) <= ADJACENT
    if not said_of_it:
        return None  # a day of something else around it ("arrived yesterday to take part")
    series, year = named
    first, last = period(own)
    if first.year != year:
        return None
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        f"exercises[{series}]",
        "overlaps",
        first,
        m.day,
        polarity=not m.denied_near(own, *m.clause.cues_of("host", "begin", "complete")),
        scope="fixed",
        until=last,
    )
    return p, span(own)


@claim(
    "exercise-largest",
    "exercise",
    ("largest",),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("that an exercise was the largest of its year"),
)
def exercise_largest(m: Match) -> Built:
    named = _exercise(m)
    if named is None:
        return None
    series, year = named
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "largest_of_year"),
        "true",
        None,
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(m.cue)


# -- cases ---------------------------------------------------------------------------------------
_VICTIM = "case:readings:victim="


def _case_path(state: str, outcome: str | None = None) -> str:
    condition = f"{_VICTIM}{state}"
    if outcome:
        condition += f",case:outcome={outcome}"
    return f"cases[{condition}].case"


def case_victim(found: Found) -> str | None:
    """The state whose case a found claim speaks of, if it speaks of one."""
    p = found.proposition
    if found.family != "case" or p is None or _VICTIM not in p.field:
        return None
    return p.field.partition(_VICTIM)[2][:3]


@claim(
    "case-request",
    "case",
    ("request",),
    (*OFF_TOPIC, "future"),
    N_("The record gives: {value}."),
    label=N_("a state asking the Organization for assistance"),
)
def case_request(m: Match) -> Built:
    if not (m.clause.of("org") or m.has("assist", "peacekeeping", "organization", "military", "consult",
                                         "treaty", "article")):
        return None
    if m.has("article") and not m.clause.of("state"):
        return None
    one = m.state(carry=False) or m.leader_state()
    if one is None:
        return None
    own = m.own_date()
    first, last = period(own) if own is not None else (EARLIEST, m.day)
    p = Proposition(
        "cases",
        (),
        _case_path(one.key),
        "overlaps",
        first,
        m.day,
        polarity=not m.denied,
        scope="fixed",
        until=last,
    )
    return p, (*span(one), *span(own))


@claim(
    "case-decision",
    "case",
    ("decision",),
    (*OFF_TOPIC, "future", "exercise"),
    N_("The record gives: {value}."),
    label=N_("when the Organization decided to send forces"),
)
def case_decision(m: Match) -> Built:
    """ "Under the Council's decision of 6 January 2022, the peacekeeping forces were sent to
    Kazakhstan": the day of the decision to send forces, in the operation of the state they
    went to."""
    if not m.has("deploy"):
        return None
    own = m.own_date(DATED)
    if own is None:
        return None
    victim = _operation(m)
    if victim is None:
        return None
    first, last = period(own)
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + ".timeline[step=decision].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(own),  # "did not decide on 6 January", "не принимал 6 января решения"
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


@claim(
    "case-deployment",
    "case",
    ("deploy",),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the Organization sending forces to a state"),
)
def case_deployment(m: Match) -> Built:
    if not (m.has("peacekeeping", "troops", "military") or m.clause.of("org")) or m.has("refuse"):
        return None
    sent = [c for c in m.clause.cues_of("envoys", "observer") if c.start >= m.cue.end
            and m.clause.words_between(m.cue.end, c.start) <= 3]
    forces = [c for c in m.clause.cues_of("peacekeeping", "troops")
              if not m.clause.near(c.start, ("only",), 2)]
    envoys_only = bool(sent) and not forces  # "instead of troops, a mission": no forces
    if envoys_only and not m.has("only"):
        return None  # "sent a mission to Armenia", advisers: people, no forces
    # "sent only observers", "hanya mengirim pengamat", "лишь наблюдателей": no forces went
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    after = [s for s in m.clause.of("state") if s.start >= m.cue.end and (
        m.free(s.start, s.end) or any(0 <= s.start - end <= 1 for end in toward))]
    # a state another claim took is still where forces went when "to" names it ("sent
    # peacekeepers to Kazakhstan at its request")
    if not after:
        # the destination before a passive verb ("В Казахстан были направлены…")
        after = [s for s in m.clause.of("state") if s.end <= m.cue.start and m.free(s.start, s.end)
                 and any(0 <= s.start - c.end <= 1 for c in m.clause.cues_of("located_in"))]
    if not after:
        # forces sent at a state's request go to it ("At the request of the President of
        # Kazakhstan, the CSTO sent 2,500 troops")
        after = _requester(m)
        if not after:
            return None
    one = after[0]
    found = None if envoys_only else m.number(("troops", "peacekeeping"), gap=3)
    if found is not None:
        number, _ = found
        p = Proposition(
            "cases",
            (),
            f"cases[case:readings:victim={one.key}].case.troops",
            "number",
            number.value,
            m.day,
            polarity=not m.denied,
            scope="fixed",
            qualifier=number.qualifier,
        )
        return p, (*span(one), *span(number))
    own = m.own_date()
    if own is not None:
        first, last = period(own)
    elif m.has("future"):  # "forces will be sent": in the weeks around the text and the year after
        first, last = m.day - timedelta(days=AROUND), m.day + timedelta(days=YEAR_BEFORE)
    else:
        first, last = EARLIEST, m.day
    p = Proposition(
        "cases",
        (),
        _case_path(one.key, "deployment"),
        "overlaps",
        first,
        m.day,
        polarity=not (m.denied or envoys_only),
        scope="fixed",
        until=last,
    )
    return p, (*span(one), *span(own))


@claim(
    "case-first",
    "case",
    ("first_time",),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the Organization's first deployment of forces"),
)
def case_first(m: Match) -> Built:
    """"For the first time the CSTO sent forces (to Kazakhstan, in January 2022)": the
    record's milestone of the first deployment, on the day given, or in the operation of
    the state named."""
    if not m.has("deploy", "troops", "peacekeeping"):
        return None
    own = m.own_date()
    if own is not None:
        first, last = period(own)
        p = Proposition("about", (), "organization.milestones[code=first-deployment].date",
                        "any-date", first, m.day, polarity=not m.denied, scope="fixed", until=last)
        return p, (*span(m.cue), *span(own))
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    going = [s for s in m.clause.of("state") if any(0 <= s.start - end <= 1 for end in toward)]
    going = going or _requester(m)
    day = m.record.milestone_day("first-deployment")
    if not going or day is None:
        return None
    p = Proposition("cases", (), _case_path(going[0].key, "deployment"), "overlaps", day, m.day,
                    polarity=not m.denied, scope="fixed", until=day)
    return p, (*span(m.cue), *span(going[0]))


AROUND = 31
"""Days before a text's day that its "will" may already have come to pass in the record:
a text dated only by its month is taken to speak of the month's last day."""


def _operation(m: Match) -> str | None:
    """The state whose operation the clause speaks of: the one forces go to ("sent to
    Kazakhstan", "в Казахстане"), else the one an earlier claim of the text spoke of."""
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    going_to = [s for s in m.clause.of("state") if any(0 <= s.start - end <= 1 for end in toward)]
    return going_to[0].key if going_to else m.focus.case


def _requester(m: Match) -> list[Mention]:
    """The state whose request the clause names: next to a word of asking ("Kazakhstan's
    request", "permintaan Presiden Kazakhstan"), itself or through its leader."""
    found = []
    for cue in m.clause.cues_of("request"):
        near = [s for s in m.clause.of("state", "person")
                if (0 <= cue.start - s.end <= 3 or 0 <= s.start - cue.end <= 12)]
        for mention in near:
            code = mention.key if mention.kind == "state" else m.record.person_states.get(mention.key)
            if code is not None:
                found.append(Mention(mention.start, mention.end, "state", code))
    return found


@claim(
    "case-contributors",
    "case",
    ("peacekeeping", "troops"),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the members whose forces the Organization sent"),
)
def case_contributors(m: Match) -> Built:
    """ "The peacekeeping forces include units of the armed forces of Russia, Belarus and
    Armenia": the members whose forces went, in the operation the text speaks of (the state
    forces went to, named here or in a claim before)."""
    if not (m.has("peacekeeping") or m.clause.of("org", "force")):
        return None
    victim = _operation(m)
    if victim is None:
        return None
    near = [r for r in m.runs(1) if victim not in r.states and (
        0 <= r.start - m.cue.end <= 60 or 0 <= m.cue.start - r.end <= 2)]
    if not near:
        return None
    run = min(near, key=lambda r: m.distance(r.start, r.end))
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + ".contributors.states",
        "includes",
        run.states,
        m.day,
        polarity=not m.denied_near(run),
        scope="fixed",
    )
    return p, (*span(*run.mentions), *span(m.cue))


@claim(
    "case-withdrawal",
    "case",
    ("leave", "withdraw_forces", "operation_end"),
    (*OFF_TOPIC, "future", "exercise"),
    N_("The record gives: {value}."),
    label=N_("when the Organization's forces were withdrawn"),
)
def case_withdrawal(m: Match) -> Built:
    """ "The withdrawal of the peacekeepers from Kazakhstan began on 13 January and was
    complete by 19 January": the days of the withdrawal's steps, begun or complete as the
    clause says (either, where it says neither)."""
    if not m.segment_has("troops", "peacekeeping"):
        return None
    own = m.own_date(DATED)
    if own is None:
        return None
    states = [s for s in m.clause.of("state") if m.free(s.start, s.end)]
    after = [s for s in states if s.start >= m.cue.end]
    victim = (after or states)[0].key if states else m.focus.case
    if victim is None:
        return None
    steps = [step for concept, step in (("begin", "withdrawal-start"), ("complete", "withdrawal-done"))
             if m.has(concept)] or ["withdrawal-start", "withdrawal-done"]
    if m.cue.concept == "operation_end":
        steps = ["withdrawal-done"]  # "the peacekeeping mission ended on 19 January": all left
    first, last = period(own)
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + f".timeline[step={'|'.join(steps)}].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(own),
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


@claim(
    "case-refusal",
    "case",
    ("refuse",),
    (*OFF_TOPIC, "future"),
    N_("The record gives: {value}."),
    label=N_("the Organization refusing to send forces"),
)
def case_refusal(m: Match) -> Built:
    """"The CSTO refused to send troops to Armenia": what is refused is help, forces or a
    request, named just after the refusal or, asked for, before it ("refused to impose
    sanctions on Russia" refuses no help)."""
    after = [c for c in m.clause.cues_of("deploy", "assist", "peacekeeping", "troops", "request")
             if c.start >= m.cue.end and m.clause.words_between(m.cue.end, c.start) <= 6]
    asked = [c for c in m.clause.cues_of("request") if c.end <= m.cue.start]
    if not (after or asked):
        return None
    one = m.state(carry=False)
    if one is None:
        return None
    p = Proposition(
        "cases",
        (),
        _case_path(one.key, "deployment"),
        "overlaps",
        EARLIEST,
        m.day,
        polarity=m.denied,
        scope="fixed",
        until=m.day,
    )
    return p, span(one)


# -- the organization -----------------------------------------------------------------------------
@claim(
    "official-language",
    "organization",
    ("language",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("the Organization's official language"),
)
def official_language(m: Match) -> Built:
    if not (m.has("official_adj") and m.has("lang_russian")):
        return None
    value = m.clause.cues_of("lang_russian")[-1]
    p = Proposition(
        "about",
        (),
        "organization.official_language.value.en",
        "mentions",
        "Russian",
        m.day,
        polarity=not m.denied_near(value),
        scope="fixed",
    )
    return p, span(m.cue)


@claim(
    "organization-basis",
    "organization",
    ("basis",),
    OFF_TOPIC,
    N_("The record gives the founding steps: {value}."),
    label=N_("the treaty the Organization was built on"),
)
def organization_basis(m: Match) -> Built:
    """ "The CSTO was created on the basis of the Collective Security Treaty": the treaty
    named is one whose signing the record counts among the Organization's founding steps."""
    if not (m.clause.of("org") or m.has("organization")):
        return None
    named = [d for d in m.clause.of("document") if d.start >= m.cue.end
             and m.clause.words_between(m.cue.end, d.start) <= 3]
    if not named:
        return None
    document = named[0]
    p = Proposition(
        "about",
        (),
        f"organization.milestones[founding=True,document={document.key}].summary",
        "nonempty",
        None,
        m.day,
        polarity=not m.denied_near(document),
        scope="fixed",
    )
    return p, span(m.cue, document)


@claim(
    "un-observer",
    "organization",
    ("general_assembly",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("the Organization's observer status at the UN General Assembly"),
)
def un_observer(m: Match) -> Built:
    if not m.has("observer"):
        return None
    own = m.own_date()
    first, last = period(own) if own is not None else (EARLIEST, m.day)
    p = Proposition(
        "about",
        (),
        "organization.milestones[code=un-observer].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(*m.clause.cues_of("observer")),
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


def _words_before(tokens: list[Token]) -> list[Token]:
    """The words at the end of ``tokens`` after their last punctuation mark."""
    cut = max((i for i, t in enumerate(tokens) if not t.text[:1].isalpha()), default=-1)
    return tokens[cut + 1 :]


@claim(
    "name",
    "organization",
    ("@org",),
    (),
    N_("The record gives its names: {value}."),
    label=N_("the Organization's name"),
)
def name(m: Match) -> Built:
    """ "Collective Security Treaty Organization (CSTO)", "the CSTO, or Collective Security
    Treaty Organization,": a name given beside the abbreviation, in brackets or after "or"
    ("atau", "или", "also known as"), is a claim about the Organization's name."""
    tokens = m.clause.tokens
    index = next((i for i, t in enumerate(tokens) if t.start >= m.cue.end), None)
    before = next((i for i, t in enumerate(tokens) if t.start >= m.cue.start), None)
    if index is None or before is None:
        return None
    aliases = m.clause.cues_of("alias")
    if before > 0 and tokens[before - 1].text == "(" and tokens[index].text == ")":
        words = _words_before(tokens[max(0, before - 9) : before - 1])  # "Name (CSTO)"
    elif tokens[index].text == "(":  # "CSTO (Name)"
        close = next((i for i in range(index + 1, min(index + 11, len(tokens)))
                      if tokens[i].text == ")"), None)
        if close is None:
            return None
        words = tokens[index + 1 : close]
    elif tokens[index].text == "," and any(c.first == index + 1 for c in aliases):
        alias = next(c for c in aliases if c.first == index + 1)  # "CSTO, or Name,"
        rest = tokens[alias.last + 1 : alias.last + 11]
        words = rest[: next((i for i, t in enumerate(rest) if not t.text[:1].isalpha()), len(rest))]
    elif before > 1 and any(c.last == before - 1 for c in aliases) and tokens[before - 2].text == ",":
        alias = next(c for c in aliases if c.last == before - 1)  # "Name, or CSTO"
        words = _words_before(tokens[max(0, alias.first - 10) : alias.first - 1])
    else:
        return None
    name_cues = [
        c
        for c in m.clause.cues_of("organization", "treaty", "collective_security")
        if words and c.start >= words[0].start and c.end <= words[-1].end
    ]
    if not name_cues or not words:
        return None
    text = m.clause.sentence.text
    offset = m.clause.sentence.start
    # a name begins with a capital: "aliansi Organisasi Perjanjian…" names the second word on
    capitals = [c.start for c in name_cues if text[c.start - offset : c.start - offset + 1].isupper()]
    start = min(capitals or [c.start for c in name_cues])
    written = " ".join(t.text for t in words if t.start >= start)
    if len(written.split()) < 3:
        return None
    p = Proposition("about", (), "organization.names.name", "name", written, m.day, scope="fixed")
    return p, ((start, words[-1].end), (m.cue.start, m.cue.end))
