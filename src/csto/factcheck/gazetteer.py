"""The gazetteer: names of states, the organization, its organs and offices, officials,
documents, places and exercise series in Indonesian, English and Russian, each with its
sources, found in a text in one pass.

``gazetteer.json`` is built by ``scripts/build_gazetteer.py`` and validated here when loaded. Matching
runs an Aho-Corasick automaton (pyahocorasick) over the folded text, so it costs the same
for ten names or ten thousand, and grows linearly with the text. Names a text misspells
("Kirgiztan") are caught by ``fuzzy_state`` (rapidfuzz) where a list makes a state likely.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import msgspec

HERE = Path(__file__).resolve().parent
FILE = HERE / "gazetteer.json"
KINDS = ("state", "org", "other-org", "organ", "office", "document", "place", "series", "person", "force")


class SourceRow(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: str
    url: str | None = None


class Entry(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    key: str
    name: str
    langs: list[str]
    sources: list[str]

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise msgspec.ValidationError(f"unknown kind {self.kind!r} for {self.name!r}")
        if not self.sources:
            raise msgspec.ValidationError(f"{self.name!r} has no source")


class GazetteerFile(msgspec.Struct, forbid_unknown_fields=True):
    sources: list[SourceRow]
    entries: list[Entry]


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][a-zа-яё]{4,}(?![\w-])")
_JOINER = re.compile(r"\s*(?:,|;)?\s*(?:(?:and|or|dan|atau|serta|и|или)\s+)?", re.I)
"""What stands between two names of a list: a comma, an "and", or both."""


class Mention(NamedTuple):
    """A name found in the text: [start, end) in the text, what it names."""

    start: int
    end: int
    kind: str
    key: str


_FOLD = str.maketrans({"ё": "е", "Ё": "е", "\u00a0": " ", "’": "'", "ʼ": "'", "‘": "'", "\u2011": "-"})


def fold(text: str) -> str:
    """Lower case, ё as е, one kind of apostrophe; the same length as ``text``."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower()[:1] or c for c in text.translate(_FOLD))


class Gazetteer:
    """The names, and an automaton that finds them."""

    def __init__(self, data: GazetteerFile) -> None:
        import ahocorasick

        self.data = data
        self.sources = {row.id: row for row in data.sources}
        self.names: dict[tuple[str, str], list[Entry]] = {}
        self.automaton = ahocorasick.Automaton()
        keyed: dict[str, list[tuple[str, str]]] = {}
        for entry in data.entries:
            self.names.setdefault((entry.kind, entry.key), []).append(entry)
            folded = fold(entry.name)
            # British and American spellings name the same body ("Organisation")
            for spelling in {folded, folded.replace("isation", "ization"),
                             folded.replace("ization", "isation")}:
                targets = keyed.setdefault(spelling, [])
                if (entry.kind, entry.key) not in targets:
                    targets.append((entry.kind, entry.key))
        for folded, targets in keyed.items():
            self.automaton.add_word(folded, (len(folded), tuple(targets)))
        self.automaton.make_automaton()
        self._state_names = [(fold(e.name), e.key) for e in data.entries if e.kind == "state"]
        self._by_letter: dict[str, list[tuple[str, str]]] = {}
        for name, key in self._state_names:
            self._by_letter.setdefault(name[:1], []).append((name, key))

    def find(self, folded: str, original: str | None = None) -> list[Mention]:
        """Every name in a folded text at word boundaries, longest first where they overlap.

        With the ``original`` text, a capital after a small letter also starts a word, as
        in infobox cells run together ("HeadquartersMoscow"), and a state's name is one only
        where it starts with a capital, as the three languages write them ("того", "of
        that", is not Togo).
        """
        found: list[Mention] = []
        size = len(folded)
        for end_index, (length, targets) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if (
                start > 0
                and folded[start - 1].isalnum()
                and not (original is not None and original[start].isupper() and original[start - 1].islower())
            ):
                continue
            if end < size and folded[end].isalnum():
                continue
            lowercase = original is not None and not original[start].isupper()
            for kind, key in targets:
                if not (lowercase and kind == "state"):
                    found.append(Mention(start, end, kind, key))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        last_end = -1
        for mention in found:
            if mention.start >= last_end:
                kept.append(mention)
                last_end = mention.end
            elif kept and mention.start == kept[-1].start and mention.end == kept[-1].end:
                kept.append(mention)  # one name, two meanings (a person and a surname...)
        return kept

    def fuzzy_state(self, word: str) -> str | None:
        """The state a misspelt capitalised word most likely names (rapidfuzz), or None:
        among the names with its first letter, each word asked once."""
        if len(word) < 5 or not word[:1].isupper():
            return None
        return self._fuzzy(fold(word))

    @lru_cache(maxsize=4096)  # noqa: B019 (one gazetteer a process: ``gazetteer()`` is cached)
    def _fuzzy(self, folded: str) -> str | None:
        from rapidfuzz import fuzz, process

        names = self._by_letter.get(folded[:1], ())
        best = process.extractOne(folded, [name for name, _ in names], scorer=fuzz.ratio,
                                  score_cutoff=86)
        return names[best[2]][1] if best else None

    def in_lists(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with the misspelt states of lists added: a capitalised word the
        names do not cover, joined by a comma or "and" to a state they found ("Armenia,
        Belarusia, Kyrgystan, Kazakhstan"), is the state it most nearly spells, if any.
        Linear in the text: each word looks only at the names next to it."""
        from bisect import bisect_left, bisect_right

        states = sorted((m for m in mentions if m.kind == "state"), key=lambda m: m.start)
        if not states:
            return mentions
        starts = [m.start for m in states]
        ends = sorted(m.end for m in states)
        spans = sorted((m.start, m.end) for m in mentions)
        span_starts = [a for a, _ in spans]
        added = []
        for word in _CAPITALISED.finditer(text):
            start, end = word.span()
            inside = bisect_right(span_starts, start) - 1
            if (inside >= 0 and spans[inside][1] > start) or (
                    inside + 1 < len(spans) and spans[inside + 1][0] < end):
                continue  # a name found already
            before = bisect_right(ends, start) - 1
            after = bisect_left(starts, end)
            joined = (before >= 0 and start - ends[before] <= 8
                      and _JOINER.fullmatch(text[ends[before]:start]) is not None) or (
                after < len(starts) and starts[after] - end <= 8
                and _JOINER.fullmatch(text[end:starts[after]]) is not None)
            code = self.fuzzy_state(word.group()) if joined else None
            if code is not None:
                added.append(Mention(start, end, "state", code))
        if not added:
            return mentions
        return sorted([*mentions, *added], key=lambda m: (m.start, -m.end))

    def label(self, kind: str, key: str, lang: str) -> str:
        """A name of the thing in ``lang`` (its first), else in English, else the key."""
        rows = self.names.get((kind, key), [])
        for wanted in (lang, "en"):
            for row in rows:
                if wanted in row.langs:
                    return row.name
        return key

    def sources_of(self, kind: str, key: str) -> tuple[str, ...]:
        ids: dict[str, None] = {}
        for row in self.names.get((kind, key), []):
            ids.update(dict.fromkeys(row.sources))
        return tuple(ids)


def read(path: Path = FILE) -> GazetteerFile:
    """The gazetteer file, validated: known kinds, every name sourced."""
    return msgspec.json.decode(path.read_bytes(), type=GazetteerFile)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(read())
