"""What every claim type is built on: the clause it reads (``Match``), what it may ask of
the record (``Record``), the declaration (``claim``) and the list of declared types."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from ...record.dates import EARLIEST, LATEST
from ..dates import DateMention
from ..gazetteer import Mention
from ..lexicon import Cue
from ..numbers import Number
from ..propositions import Proposition
from ..reading import Clause, Focus, StateRun, period

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
            if (self.elided and d.start < self.cue.end
                    and self.clause.sentence.between(self.cue.start, self.cue.end) in ",;"):
                continue  # a repeated event's date is in its own stretch ("..., Georgia – on 9 December")
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
        """Whether a denial governs the trigger: one before it, not one inside it (the
        "stopped" of "stopped taking part", "перестала участвовать", is the event itself)."""
        return self.clause.denied(self.cue.start)

    def governed_by(self, concept: str, words: int) -> bool:
        """Whether a word of ``concept`` stands at most ``words`` words before the trigger."""
        return any(self.clause.words_between(c.end, self.cue.start) < words
                   for c in self.clause.cues_of(concept) if c.end <= self.cue.start)

    @property
    def elided(self) -> bool:
        """Whether the trigger is the comma or dash of an event repeated without its verb
        ("..., Georgia – on 9 December 1993"): the states after it are the ones it speaks of."""
        return not any(ch.isalnum() for ch in self.clause.sentence.between(self.cue.start, self.cue.end))

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
