"""A sentence read for claims: its words, the concepts they express, names, dates, numbers,
and the clauses that scope negation, modality and exceptions.

Nothing here knows a claim type or the record: ``claimtypes`` asks a ``Clause`` what it
holds (the states listed, the date it speaks of, whether it is denied) and builds the
proposition. Every question a clause answers is about its own tokens, so the cost of a
text grows with its length.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .dates import DateMention
from .gazetteer import Mention
from .lexicon import Cue
from .numbers import Number
from .words import Token

DENIALS = ("negation", "never", "no_longer")
"""Cues that deny what follows them in a clause."""
SCOPE = 5
"""How many words a denial reaches forward ("has never been a member": three)."""
_BULLETS = frozenset("-–—•·*▪●◦‣⁃|/;,:&()[]\"'«»“”")
_ASIDE = frozenset(",–—()")
"""Marks that set an aside off from its clause."""


class StateRun(NamedTuple):
    """States named one after another ("Armenia, Belarus and Kazakhstan")."""

    start: int
    end: int
    states: tuple[str, ...]
    mentions: tuple[Mention, ...]


class Clause:
    """A stretch of a sentence between clause breaks (';', 'but', 'tetapi', 'однако'...)."""

    def __init__(self, sentence: SentenceReading, start: int, end: int) -> None:
        self.sentence = sentence
        self.start = start
        self.end = end
        self.tokens = [t for t in sentence.tokens if start <= t.start < end]
        self.cues = [c for c in sentence.cues if start <= c.start < end]
        self.mentions = [m for m in sentence.mentions if start <= m.start < end]
        self.dates = [d for d in sentence.dates if start <= d.start < end]
        self.numbers = [n for n in sentence.numbers if start <= n.start < end]
        self._concepts = {c.concept for c in self.cues}

    # -- what the clause holds ------------------------------------------------------------
    def has(self, *concepts: str) -> bool:
        """Whether any of ``concepts`` is expressed in the clause."""
        return any(c in self._concepts for c in concepts)

    def cues_of(self, *concepts: str) -> list[Cue]:
        return [c for c in self.cues if c.concept in concepts]

    def of(self, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def text(self) -> str:
        return self.sentence.text[self.start - self.sentence.start : self.end - self.sentence.start]

    def state_runs(self) -> list[StateRun]:
        """Runs of state names joined by commas, 'and', dashes or line breaks only."""
        runs: list[list[Mention]] = []
        for mention in self.of("state"):
            if runs and self._joined(runs[-1][-1], mention):
                if mention.key not in {m.key for m in runs[-1]}:
                    runs[-1].append(mention)
                continue
            runs.append([mention])
        return [StateRun(run[0].start, run[-1].end, tuple(m.key for m in run), tuple(run)) for run in runs]

    def _joined(self, left: Mention, right: Mention) -> bool:
        """Whether ``right`` follows ``left`` with only list punctuation or "and" between."""
        if right.start < left.end:
            return False
        between = [t for t in self.tokens if left.end <= t.start < right.start]
        if len(between) > 5:
            return False
        joiners = self.sentence.joiners
        for token in between:
            if token.text in _BULLETS or _is_flag(token.text) or token.start in joiners:
                continue
            return False
        return True

    def appositions(self, concepts: Iterable[str]) -> list[tuple[int, int]]:
        """Stretches that describe a named state by a noun of ``concepts``, set in the
        clause as an aside: "Kazakhstan, a CSTO member, ...", "Kazakhstan, which is a
        member of the CSTO, ...", "Казахстан — член ОДКБ, ..." (the state, a comma or dash,
        at most four words, the noun, at most four words, then a comma, a dash or the
        clause's end), and "CSTO member Kazakhstan", "anggota CSTO Kazakhstan" (the noun,
        at most the Organization's name, the state). What the rest of the clause says
        (that Kazakhstan sent no troops) does not bear on the aside."""
        nouns = self.cues_of(*concepts)
        if not nouns:
            return []
        tokens = self.tokens
        orgs = self.of("org")
        found: list[tuple[int, int]] = []
        relatives = {c.start for c in self.cues_of("relative")}
        for state in self.of("state"):
            after = [t for t in tokens if t.start >= state.end]
            if after and (after[0].text in _ASIDE or after[0].start in relatives):
                for noun in nouns:
                    if noun.start < after[0].end or self.words_between(after[0].end, noun.start) > 4:
                        continue
                    end = self._aside_end(after, noun, comma=after[0].text in _ASIDE)
                    if end is not None:
                        found.append((state.start, end))
                        break
            for noun in nouns:
                between = [t for t in tokens if noun.end <= t.start < state.start
                           and not any(o.start <= t.start < o.end for o in orgs)]
                if noun.end <= state.start and not between:
                    found.append((self._qualified(noun.start), state.end))
        return found

    def _aside_end(self, after: list[Token], noun: Cue, *, comma: bool) -> int | None:
        """Where an aside that holds ``noun`` ends: at the comma or dash that closes it, or
        the clause's end, at most four words on; opened by a relative word alone ("Kazakhstan
        yang merupakan anggota CSTO tidak..."), at the Organization's name after the noun."""
        rest = [t for t in after if t.start >= noun.end]
        if not comma:
            named = [o for o in self.of("org") if o.start >= noun.end
                     and self.words_between(noun.end, o.start) <= 2]
            return named[0].end if named else None
        close = next((i for i, t in enumerate(rest) if t.text in _ASIDE), len(rest))
        if sum(1 for t in rest[:close] if t.text[:1].isalnum()) > 4:
            return None
        return rest[close - 1].end if close else noun.end

    def _qualified(self, position: int) -> int:
        """Where the words that qualify a noun at ``position`` begin: the Organization's
        name and a denial ("CSTO member", "non-member") written right before it."""
        denials = {c.start for c in self.cues_of(*DENIALS)}
        orgs = self.of("org")
        for token in reversed([t for t in self.tokens if t.start < position]):
            if not (token.text in "-–" or token.start in denials
                    or any(o.start <= token.start < o.end for o in orgs)):
                break
            position = token.start
        return position

    # -- how the clause says it -------------------------------------------------------------
    def before(self, concepts: Iterable[str], position: int) -> list[Cue]:
        names = set(concepts)
        return [c for c in self.cues if c.concept in names and c.start < position]

    def words_between(self, low: int, high: int) -> int:
        """How many words of the clause start in [low, high): how far apart two things
        named in it stand. Punctuation is no word ("«Эшелон-2025» стартовали": one word)."""
        return sum(1 for t in self.tokens if low <= t.start < high and t.text[:1].isalnum())

    def denied(self, position: int, reach: int = SCOPE) -> bool:
        """Whether a denial ("not", "bukan", "не", "never", "no longer") governs the word
        at ``position``: one stands at most ``reach`` words before it in the clause (the
        window NegEx uses), not as part of "not only"."""
        starts = self._word_starts(position)
        first = starts[-reach] if len(starts) >= reach else self.start
        return any(c.start >= first for c in self.before(DENIALS, position))

    def flips(self, position: int, *extra: str) -> int:
        """How many denials (and ``extra`` concepts, such as prohibition or without) stand
        before ``position``: an odd number reverses what the clause asserts."""
        return len(self.before((*DENIALS, *extra), position))

    def _word_starts(self, position: int) -> list[int]:
        """Where the words before ``position`` start (punctuation is no word: "the CSTO's
        first" is three words)."""
        return [t.start for t in self.tokens if t.start < position and t.text[:1].isalnum()]

    def near(self, position: int, concepts: Iterable[str], tokens: int = 3) -> bool:
        """Whether one of ``concepts`` ends within ``tokens`` words before ``position``."""
        starts = self._word_starts(position)
        window_start = starts[-tokens] if len(starts) >= tokens else self.start
        return any(window_start <= c.start < position for c in self.cues_of(*concepts))


def _is_flag(text: str) -> bool:
    return all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in text)


class SentenceReading:
    """One sentence: its tokens, concepts, names, dates, numbers and clauses."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        lang: str,
        tokens: list[Token],
        cues: list[Cue],
        mentions: list[Mention],
        dates: list[DateMention],
        numbers: list[Number],
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lang = lang
        self.tokens = tokens
        self.cues = cues
        self.mentions = mentions
        self.dates = dates
        self.numbers = numbers
        self.joiners = frozenset(
            tokens[i].start for c in cues if c.concept in ("also", "and") for i in range(c.first, c.last + 1)
        )
        """Where the words that join a list ("and", "serta", "а также") start."""
        self.exercises: list[tuple[str, int, int, int]] = []
        """Exercises named in the sentence: (series, year, start, end)."""
        self.clauses = self._split()

    def between(self, start: int, end: int) -> str:
        """The sentence's text from ``start`` to ``end``, positions in the whole text
        (clamped to the sentence)."""
        return self.text[max(start - self.start, 0):max(end - self.start, 0)]

    def _split(self) -> list[Clause]:
        """Clauses end at clause breaks, semicolons, and where reported speech begins ("the
        Secretary General said that the organization is ready": what he said is a clause of
        its own, so a word of it does not block what the sentence says of him)."""
        said = [c.last for c in self.cues if c.concept == "attribution"]
        reported = {c.start for c in self.cues if c.concept == "complementizer"
                    and any(0 < c.first - last <= 2 for last in said)}
        breaks = sorted(
            {c.start for c in self.cues if c.concept == "clause_break"}
            | {t.start for t in self.tokens if t.text == ";"}
            | reported
        )
        bounds = [self.start, *[b for b in breaks if self.start < b < self.end], self.end]
        return [Clause(self, a, b) for a, b in itertools.pairwise(bounds) if b > a]

    def clause_at(self, position: int) -> Clause:
        for clause in self.clauses:
            if clause.start <= position < clause.end:
                return clause
        return self.clauses[-1]


class Focus(NamedTuple):
    """What earlier sentences have put in view: the exercise and document spoken of."""

    exercise: tuple[str, int, int] | None = None
    """(series, year, position) of the last exercise named."""
    document: tuple[str, int] | None = None
    """(document id, position) of the last treaty document named."""
    states: tuple[str, ...] = ()
    """The states of the previous sentence's list, for "also includes"."""
    year: int | None = None
    """The last year a date in the text named."""
    case: str | None = None
    """The state whose request for assistance a claim last spoke of: the operation later
    sentences describe ("the peacekeeping forces include units of Russia and Belarus")."""
    organization: int | None = None
    """Where the Organization was last named (its name, or a word for it next to one)."""
    named_in_full: bool = False
    """Whether an earlier sentence wrote the Organization's name in full."""


def period(mention: DateMention) -> tuple[date, date]:
    """The days [first, last] a date mention covers."""
    if mention.until is not None:
        return mention.day, mention.until
    if mention.precision == "year":
        return mention.day, date(mention.day.year, 12, 31)
    if mention.precision == "month":
        following = date(mention.day.year + mention.day.month // 12, mention.day.month % 12 + 1, 1)
        return mention.day, date.fromordinal(following.toordinal() - 1)
    return mention.day, mention.day
