"""Reading a text: decoding, markup, sentences, and which language each sentence is in.

Offsets always point into the text as decoded: markup is blanked with spaces of the same
length rather than removed, so ``text[start:end]`` is what the reader wrote.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import InputError

MAX_CHARS = 5_000_000
"""Longer texts are refused with one line: the 5 MB ``csto check`` reads, far beyond any
article (a thousand long ones)."""

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")
_ABBREVIATIONS = frozenset(
    {
        "st",
        "mr",
        "mrs",
        "dr",
        "no",
        "art",
        "vol",
        "gen",
        "col",
        "lt",
        "jr",
        "sr",
        "prof",
        "inc",
        "u.s",
        "u.n",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "г",
        "гг",
        "т",
        "д",
        "им",
        "ул",
        "тыс",
        "млн",
        "см",
        "др",
        "пр",
        "ст",
        "н",
        "э",
        "jend",
        "h",
        "kol",
        "hlm",
        "dll",
        "dsb",
        "tsb",
        "yth",
        "bpk",
    }
)
_BOUNDARY = re.compile(
    r"(?<=[.!?…])(?:[\"'”»)\]]|\[\d{1,3}\])*\s+(?=[\"'“«(\[]?[A-ZА-ЯЁ0-9])"
    r"|(?<![,;:(\-–—])\n(?![ \t]*[a-zа-яё,;:)\-–—])"
    # a full stop with the space after it lost ("…in 2006.Pada Mei"): after a word of two
    # or more small letters or digits, before a capitalised word
    r"|(?<=[a-zа-яё0-9]{2}[.!?])(?=[A-ZА-ЯЁ][a-zа-яё]{2})"
)
MAX_SENTENCE = 1500
"""Longer runs without a sentence end are cut, so no step ever sees an unbounded span."""


class Sentence(NamedTuple):
    start: int
    end: int
    lang: str


def decode(raw: str | bytes) -> str:
    """The text of ``raw``; bytes are UTF-8 (with or without BOM), else Windows-1251 or
    Latin-1 for old Russian and Western files. Binary data is refused with one line."""
    if isinstance(raw, bytes):
        if b"\x00" in raw[:65536]:
            raise InputError(
                "the input is binary data, not text: give a text file (UTF-8) in "
                "Indonesian, English or Russian",
                field="text",
            )
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1251 decodes almost anything; latin-1 decodes everything
            text = raw.decode("latin-1")
    elif isinstance(raw, str):
        text = raw
    else:
        raise InputError(
            "the text must be a string or bytes, not {kind}", field="text", kind=type(raw).__name__
        )
    if len(text) > MAX_CHARS:
        raise InputError(
            "the text has {size} characters, more than csto checks at once ({limit}): split it",
            field="text",
            size=len(text),
            limit=MAX_CHARS,
        )
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > 64:
        raise InputError(
            "the input is binary data, not text: give a text file (UTF-8) in Indonesian, English or Russian",
            field="text",
        )
    return text


_BLOCKS = (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"))
_OPEN_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")


def blank_markup(text: str) -> str:
    """HTML or XML tags replaced by spaces of the same length (line breaks kept).

    One pass from left to right: a comment, script or style block is blanked to its end (to
    the end of the text where it is never closed), any other tag to its ``>``. Each
    character is looked at a bounded number of times, so ten thousand unclosed ``<!--``
    cost no more than one.
    """
    if "<" not in text:
        return text
    lowered = text.lower()
    pieces: list[str] = []
    position = 0
    size = len(text)
    while position < size:
        found = text.find("<", position)
        if found < 0:
            pieces.append(text[position:])
            break
        pieces.append(text[position:found])
        end = found + 1
        for opening, closing in _BLOCKS:
            if lowered.startswith(opening, found):
                close = lowered.find(closing, found + len(opening))
                end = size if close < 0 else lowered.find(">", close) + 1 or size
                break
        else:
            tag = _OPEN_TAG.match(text, found)
            if tag is None:
                pieces.append("<")
                position = found + 1
                continue
            end = tag.end()
        pieces.append(re.sub(r"[^\n]", " ", text[found:end]))
        position = end
    return "".join(pieces)


def sentences(text: str) -> list[Sentence]:
    """Sentence spans with their language, in order; blank spans are skipped. A sentence
    whose words do not tell its language takes the text's. In a text wrapped at a fixed
    width (a mail or an old page: most lines of one length, few ending a sentence), a line
    break is a space, and only an empty line ends a paragraph."""
    spans: list[Sentence] = []
    start = 0
    boundary = _WRAPPED_BOUNDARY if _hard_wrapped(text) else _BOUNDARY
    for match in boundary.finditer(text):
        if _abbreviation_before(text, match.start()) and not _opens_sentence(text, match.end()):
            continue
        _add(text, start, match.start(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    told = [s.lang for s in spans if s.lang]
    usual = max(set(told), key=told.count) if told else "en"
    return [s if s.lang else s._replace(lang=usual) for s in spans]


_WRAPPED_BOUNDARY = re.compile(
    r"(?<=[.!?…])(?:[\"'”»)\]]|\[\d{1,3}\])*\s+(?=[\"'“«(\[]?[A-ZА-ЯЁ0-9])"
    r"|\n[ \t]*\n"
    r"|(?<=[a-zа-яё0-9]{2}[.!?])(?=[A-ZА-ЯЁ][a-zа-яё]{2})"
)
"""Sentence ends in a hard-wrapped text: as ``_BOUNDARY``, but a single line break is none."""


def _hard_wrapped(text: str) -> bool:
    """Whether the text was wrapped at a fixed width: of its lines of 40 characters or more
    (at least eight), three in five are within fifteen characters of the usual longest
    length (the ninth tenth), and most of them end inside a sentence."""
    lines = [line.rstrip() for line in text.split("\n")]
    long = [line for line in lines if len(line) >= 40]
    if len(long) < 8:
        return False
    width = sorted(len(line) for line in long)[len(long) * 9 // 10]
    even = [line for line in long if width - 15 <= len(line) <= width + 2]
    inside = [line for line in even if not line.endswith((".", "!", "?", ":", "…", '"', "”", "»"))]
    return len(even) * 5 >= len(long) * 3 and len(inside) * 2 > len(even)


_OPENERS = frozenset({
    "the", "after", "before", "in", "on", "at", "but", "however", "it", "this", "these", "that",
    "they", "he", "she", "we", "when", "while", "since", "as", "meanwhile", "pada", "setelah",
    "sebelum", "namun", "tetapi", "di", "dalam", "ini", "itu", "dia", "mereka", "после",
    "до", "однако", "но", "это", "он", "она", "они", "при", "тогда",
})
"""Words that open sentences far more often than they follow an abbreviation inside one:
"…towards the U.S. After the attacks…" ends a sentence at "U.S."."""


def _opens_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` is a capitalised word that usually opens a sentence."""
    word = re.match(r"[^\W\d_]+", text[index : index + 40])
    return word is not None and word.group()[:1].isupper() and word.group().lower() in _OPENERS


def _abbreviation_before(text: str, index: int) -> bool:
    """Whether the full stop before ``index`` ends an abbreviation or an initial."""
    if index == 0 or text[index - 1] != ".":
        stop = index
        while stop > 0 and text[stop - 1] in "\"'”»)]":
            stop -= 1
        if stop == 0 or text[stop - 1] != ".":
            return False
        index = stop
    word_start = index - 1
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : index - 1].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


def _add(text: str, start: int, end: int, spans: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start + MAX_SENTENCE // 2 else start + MAX_SENTENCE
        spans.append(Sentence(start, cut, language(text[start:cut])))
        start = cut
    if end > start:
        spans.append(Sentence(start, end, language(text[start:end])))


_WORD = re.compile(r"[a-z]+")


def language(span: str) -> str:
    """id, en or ru: Cyrillic script is Russian; Latin text is Indonesian or English by
    which language's most frequent words it uses more (the lexicon lists them); "" where
    it uses neither (a list of names), for the sentence around it to decide."""
    cyrillic = len(_CYRILLIC.findall(span[:400]))
    latin = len(_LATIN.findall(span[:400]))
    if cyrillic > latin:
        return "ru"
    if latin == 0:
        return ""
    from .lexicon import lexicon

    common = lexicon().function_words
    words = _WORD.findall(span[:600].lower())
    english = sum(1 for w in words if w in common["en"])
    indonesian = sum(1 for w in words if w in common["id"])
    if english == indonesian:
        return ""
    return "en" if english > indonesian else "id"


def main_language(text: str, spans: list[Sentence]) -> str:
    weight: dict[str, int] = {}
    for span in spans:
        weight[span.lang] = weight.get(span.lang, 0) + span.end - span.start
    return max(weight, key=lambda k: weight[k]) if weight else "en"
