"""The lexicon: concepts and the words that express them, in Indonesian, English and Russian.

The words are data (``lexicon/{en,id,ru}.yaml``); this module reads them, turns each phrase
into the keys of its words (``words.phrase_keys``) and finds the concepts of a sentence in
one pass over its tokens. A phrase matches its words in a row (hyphens between them are
skipped); where phrases overlap, the longer one wins, so "menarik diri" (to withdraw) is
not also read as "diri" (founded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .words import LANGS, IndonesianStemmer, Token, phrase_keys

FOLDER = Path(__file__).resolve().parent / "lexicon"

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
"""The English month names dateparser's locale tables are keyed by."""

GRAMMAR = frozenset(
    {
        "negation",
        "never",
        "no_longer",
        "not_only",
        "without",
        "permission",
        "prohibition",
        "obligation",
        "exception",
        "besides",
        "future",
        "next",
        "current",
        "attribution",
        "not_exhaustive",
        "also",
        "clause_break",
        "relative",
        "alias",
        "concessive",
        "origin",
        "relative_later",
        "past",
        "and",
    }
)
"""Concepts that say how a sentence states something rather than what it is about."""


class Cue(NamedTuple):
    """A concept found in a sentence: [start, end) in the text, tokens [first, last]."""

    concept: str
    start: int
    end: int
    first: int
    last: int


class Compiled(NamedTuple):
    """The lexicon as matching needs it, kept in the cache between runs: normalising the
    phrases (pymorphy3 for Russian) costs more than checking a short text."""

    stamp: str
    concepts: dict[str, dict[str, list[str]]]
    table: dict[str, list[tuple[tuple[str, ...], str]]]
    roots: frozenset[str]
    months: dict[str, int]


class Lexicon:
    """Phrases by the key of their first word, ready to be matched against tokens."""

    def __init__(self, compiled: Compiled) -> None:
        self.concepts = compiled.concepts
        self.table = compiled.table
        self.indonesian = IndonesianStemmer(compiled.roots)
        self.months = compiled.months
        self.function_words = {
            lang: frozenset(p.lstrip("=") for p in compiled.concepts.get("function_words", {}).get(lang, []))
            for lang in LANGS
        }

    @staticmethod
    def compile(phrases: dict[str, dict[str, list[str]]] | None = None, stamp: str = "") -> Compiled:
        """Every phrase as the keys of its words, by the key of its first word."""
        concepts: dict[str, dict[str, list[str]]] = {}
        raw: dict[str, dict[str, list[str]]] = phrases if phrases is not None else {}
        if phrases is None:
            import yaml

            for lang in LANGS:
                text = (FOLDER / f"{lang}.yaml").read_text(encoding="utf-8")
                data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
                raw[lang] = {str(k): [str(p) for p in v] for k, v in data.items()}
        roots = {
            word
            for words in raw.get("id", {}).values()
            for phrase in words
            for word in str(phrase).casefold().split()
            if not word.startswith("=") and word[:1].isalpha()
        }
        indonesian = IndonesianStemmer(roots)
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for lang, by_concept in raw.items():
            for concept, phrases_of in by_concept.items():
                concepts.setdefault(concept, {})[lang] = [str(p) for p in phrases_of]
                if concept == "function_words":
                    continue
                for phrase in phrases_of:
                    keys = phrase_keys(str(phrase), lang, indonesian)
                    if keys:
                        entry = (keys, concept)
                        bucket = table.setdefault(keys[0], [])
                        if entry not in bucket:
                            bucket.append(entry)
        return Compiled(stamp, concepts, table, frozenset(roots), _month_names())

    def find(self, tokens: list[Token]) -> list[Cue]:
        """Every concept the tokens express, the longest phrase first where they overlap."""
        words = [i for i, t in enumerate(tokens) if t.text not in ("-", "–", "'", "’")]
        found: list[Cue] = []
        for position, index in enumerate(words):
            for key in tokens[index].keys:
                for keys, concept in self.table.get(key, ()):
                    end = _match(tokens, words, position, keys)
                    if end is not None:
                        last = words[end]
                        found.append(Cue(concept, tokens[index].start, tokens[last].end, index, last))
            tense = _tense(tokens[index])
            if tense is not None:
                found.append(Cue(tense, tokens[index].start, tokens[index].end, index, index))
        return _maximal(found)


def _tense(token: Token) -> str | None:
    """Russian marks tense on the verb, so pymorphy3 tells it; the other languages name it
    with words the lexicon lists ("was", "pernah", "will", "akan")."""
    if any(k.startswith("ru:") for k in token.keys):
        from .words import russian_tense

        return russian_tense(token.text)
    return None


def _match(tokens: list[Token], words: list[int], position: int, keys: tuple[str, ...]) -> int | None:
    if position + len(keys) > len(words):
        return None
    for offset, key in enumerate(keys[1:], start=1):
        if key not in tokens[words[position + offset]].keys:
            return None
    return position + len(keys) - 1


_WITHIN = frozenset({("troops", "organization"), ("found", "founder"), ("purpose", "hostile"),
                     ("former", "current"), ("join", "decision"), ("take_over", "decision"),
                     ("found", "manner"), ("join", "cooperate"), ("join", "return"),
                     ("plan", "intent"), ("found", "founding_state"),
                     ("purpose", "peacekeeping"), ("envoys", "peacekeeping"),
                     ("join", "member"), ("ever", "never")})
"""(inner, outer): a word of the inner concept that is part of a longer phrase of the outer
one says nothing of its own ("militer" in "aliansi militer"; "founding" in "founding
member": a kind of member, no founding; "ditujukan" in "ditujukan terhadap", directed
against: no aim; "прежнему" in "по-прежнему", still: nothing former; "принял" in
"принял решение", took a decision: nobody joined or took over; "form" in "in the form
of": nothing formed; "joining" in "joining forces": working together, nobody joins;
"joined" in "re-joined": a return; "intention" in "declared its intention": an
announcement, no mere plan)."""


def _maximal(cues: Iterable[Cue]) -> list[Cue]:
    """Drop a cue inside a longer one of the same concept, a grammar cue inside a longer
    grammar cue ("not" inside "not only", "tidak" inside "tidak boleh"), and a cue inside a
    phrase that makes it part of something else (``_WITHIN``)."""
    ordered = sorted(set(cues), key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cue] = []
    for cue in ordered:
        inside = False
        for other in reversed(kept):
            if other.end <= cue.start and other.start < cue.start - 200:
                break  # cues are short: none further back can hold this one
            if (
                other.start <= cue.start
                and cue.end <= other.end
                and (other.end - other.start) > (cue.end - cue.start)
                and (other.concept == cue.concept
                     or (cue.concept in GRAMMAR and other.concept in GRAMMAR)
                     or (cue.concept, other.concept) in _WITHIN)
            ):
                inside = True
                break
        if not inside:
            kept.append(cue)
    return kept


def _month_names() -> dict[str, int]:
    """Month names from dateparser's locales, with the Russian prepositional forms ("в
    мае") that its tables lack."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    for lang in ("en", "id", "ru"):
        info = default_loader.get_locale(lang).info
        for number, month in enumerate(MONTHS, start=1):
            for name in info.get(month, []):
                folded = name.lower().rstrip(".")
                if len(folded) >= 3:
                    names[folded] = number
    for name, number in list(names.items()):
        if re.fullmatch(r"[а-я]+(?:ь|й)", name):  # январь → январе, май → мае
            names[name[:-1] + "е"] = number
        if name == "март":
            names["марте"] = number
        if name == "август":
            names["августе"] = number
    return names


def _stamp() -> str:
    """What the compiled lexicon depends on: its files and the code that normalises words."""
    parts = []
    code = ("words.py", "dates.py")
    for path in (
        *sorted(FOLDER.glob("*.yaml")),
        Path(__file__),
        *(Path(__file__).with_name(c) for c in code),
    ):
        info = path.stat()
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def _shaped(compiled: Compiled) -> bool:
    """Whether a cached lexicon has the shape of ``Compiled`` (a cache file is not trusted)."""
    return (len(compiled) == len(Compiled._fields) and type(compiled.stamp) is str
            and type(compiled.concepts) is dict and type(compiled.table) is dict
            and type(compiled.roots) is frozenset and type(compiled.months) is dict
            and all(type(k) is str and type(v) is int for k, v in compiled.months.items())
            and all(type(k) is str and type(v) is list for k, v in compiled.table.items())
            and all(type(r) is str for r in compiled.roots))


@cache
def lexicon() -> Lexicon:
    """The lexicon, from the cache where it is current, else compiled (and cached)."""
    from ..record import cache as store

    stamp = _stamp()
    compiled = store.read(str(FOLDER), Compiled, _shaped)
    if compiled is None or compiled.stamp != stamp:
        compiled = Lexicon.compile(stamp=stamp)
        store.write(str(FOLDER), compiled)
    return Lexicon(compiled)
