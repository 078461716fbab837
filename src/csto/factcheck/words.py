"""Words as the checker compares them: tokens of a sentence and the keys they match by.

A key is a word's lemma or stem, tagged with its language: ``ru:член`` for every case of
«член» (pymorphy3 and its OpenCorpora dictionary), ``id:anggota`` for "keanggotaan" and
"beranggotakan" (the Sastrawi stemmer), ``en:member`` for "members" (the Snowball stemmer).
The lexicon is normalised by the same functions, so a cue written once in any form
matches every form a text uses. A word written with a leading ``=`` in the lexicon is
matched as written (``=pengamat``: Sastrawi would reduce it to «amat», *very*).

Indonesian stemming runs over a dictionary of the lexicon's own roots: the stemmer then
only ever reduces a word to a root the lexicon knows, which is both what matching needs
and fast (Sastrawi's full dictionary is a list scanned on every look-up).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

LANGS = ("en", "id", "ru")
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_CYRILLIC = re.compile(r"[а-яё]")


class Token(NamedTuple):
    """A word, number or sign of a sentence: [start, end) in the text, folded form, keys."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


def exact(word: str) -> str:
    """The key of a word matched as written."""
    return f"={word}"


@cache
def _morph() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def russian(word: str) -> frozenset[str]:
    """Every lemma pymorphy3 gives a Russian word (ambiguous forms keep all readings)."""
    parses = _morph().parse(word)  # type: ignore[attr-defined]
    return frozenset(f"ru:{p.normal_form.replace('ё', 'е')}" for p in parses[:4])


_SAYING = frozenset({"напомнить", "отметить", "добавить", "уточнить", "подчеркнуть", "заметить",
                     "указать"})
"""Verbs of saying, whose first person plural is how a writer turns to the reader."""


@cache
def russian_tense(word: str) -> str | None:
    """``past`` or ``future`` where a Russian word reads first as a verb in that tense."""
    parses = _morph().parse(word)  # type: ignore[attr-defined]
    if not parses or parses[0].tag.POS not in ("VERB", "PRTS"):
        return None
    tag = parses[0].tag
    if tag.person == "1per" and tag.number == "plur" and parses[0].normal_form in _SAYING:
        return None  # the writer's "let us recall" (напомним, отметим) tells no future
    tense = tag.tense
    return {"past": "past", "futr": "future"}.get(str(tense)) if tense else None


@cache
def _english() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cache
def english(word: str) -> str:
    return "en:" + str(_english().stemWord(word))  # type: ignore[attr-defined]


class _Roots:
    """Sastrawi's dictionary interface over a set (its own scans a list on every look-up)."""

    def __init__(self, roots: frozenset[str]) -> None:
        self.roots = roots

    def contains(self, word: str) -> bool:
        return word in self.roots


class IndonesianStemmer:
    """Sastrawi over the lexicon's roots."""

    def __init__(self, roots: Iterable[str]) -> None:
        from Sastrawi.Stemmer.Stemmer import Stemmer

        self.roots = frozenset(roots)
        self._stemmer = Stemmer(_Roots(self.roots))
        self._cache: dict[str, str] = {}
        self.known: dict[str, frozenset[str]] = {}
        """Every word's keys, as ``keys`` found them."""
        # Affixes wrap a root, and a nasal prefix may eat its first letter ("menarik" from
        # "tarik"): a word without some root's tail in it cannot stem to a root.
        tails = sorted({r[1:] for r in self.roots if len(r) > 3}, key=len, reverse=True)
        self._could = re.compile("|".join(re.escape(t) for t in tails)) if tails else None

    def key(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            if word in self.roots or len(word) < 4 or self._could is None or not self._could.search(word):
                found = "id:" + word
            else:
                found = "id:" + str(self._stemmer.stem(word))
            self._cache[word] = found
        return found


def keys(word: str, indonesian: IndonesianStemmer) -> frozenset[str]:
    """The keys of one folded word: its own form, and its lemma or stems by script (each
    word worked out once: a text repeats its words)."""
    found = indonesian.known.get(word)
    if found is None:
        if not word[:1].isalpha():
            found = frozenset({exact(word)})
        elif _CYRILLIC.search(word):
            found = russian(word) | {exact(word)}
        else:
            found = frozenset({exact(word), english(word), indonesian.key(word)})
            if len(word) > 6 and word.endswith("nya"):  # "its": partisipasinya is =partisipasi's
                found |= {exact(word[:-3])}
        indonesian.known[word] = found
    return found


_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")


def tokenize(
    folded: str, offset: int, indonesian: IndonesianStemmer, original: str | None = None
) -> list[Token]:
    """The tokens of a folded stretch of text starting at ``offset`` in the whole text; with
    the ``original`` text, words run together in infobox cells ("HeadquartersMoscow") are
    split where a capital follows a small letter."""
    tokens = []
    for m in _TOKEN.finditer(folded):
        start, end = m.start(), m.end()
        cuts = [start]
        if original is not None and end - start > 3:
            cuts += [start + c.start() for c in _CAMEL.finditer(original[start:end]) if c.start() > 0]
        cuts.append(end)
        for a, b in itertools.pairwise(cuts):
            word = folded[a:b]
            tokens.append(Token(offset + a, offset + b, word, keys(word, indonesian)))
    return tokens


def phrase_keys(phrase: str, lang: str, indonesian: IndonesianStemmer) -> tuple[str, ...]:
    """A lexicon phrase as the key of each of its words, in ``lang``."""
    result: list[str] = []
    for word in phrase.casefold().replace("ё", "е").split():
        if word.startswith("="):
            result.append(exact(word[1:]))
        elif not word[:1].isalpha():
            result.append(exact(word))
        elif lang == "ru":
            lemmas = sorted(russian(word))
            result.append(f"ru:{word}" if f"ru:{word}" in lemmas else lemmas[0])
        elif lang == "en":
            result.append(english(word))
        else:
            result.append(indonesian.key(word))
    return tuple(result)
