"""Numbers as texts write them: "4.000" and "empat ribu" in Indonesian, "4,000" and "four
thousand" in English, "4 000" and "четырёх тысяч" in Russian, with their qualifiers
("about", "more than", "all seven").

English and Russian number words come from number-parser (its word lists find them, its
parser reads them); Indonesian has a small table of its own, as number-parser has none.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple


class Number(NamedTuple):
    start: int
    end: int
    value: int
    qualifier: str | None
    """``about``, ``more-than``, ``less-than``, ``up-to``, ``all`` ("all seven"), or None."""


INDONESIAN_UNITS = {
    "nol": 0,
    "satu": 1,
    "se": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
INDONESIAN_SCALES = {"belas": 10, "puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000}

_QUALIFIERS = (
    (
        "about",
        r"about|around|approximately|some|nearly|almost|roughly|circa|sekitar|kurang lebih|"
        r"hampir|kira-kira|около|порядка|примерно|почти",
    ),
    (
        "more-than",
        r"more than|over|upwards of|at least|lebih dari|lebih|setidaknya|более|свыше|"
        r"больше|не менее|более чем",
    ),
    ("less-than", r"less than|fewer than|under|kurang dari|менее|меньше"),
    ("up-to", r"up to|hingga|sampai|до"),
    ("all", r"all(?: the)?|all of the|semua|seluruh|все|всех|всеми"),
)
_QUALIFIER = re.compile(
    r"(?:^|[\s(])("
    + "|".join(f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in _QUALIFIERS)
    + r")\s*$",
    re.I,
)
_DIGITS = re.compile(
    r"(?<![\w.,/:-])(\d{1,3}(?:(?:[.,]|\s(?=\d{3}\b))\d{3})+|\d+)(?:[.,]\d+)?(?![\w/:]|[.,]\d)"
)


@cache
def _word_table(lang: str) -> dict[str, int]:
    if lang == "id":
        words = {**INDONESIAN_UNITS, **dict.fromkeys(INDONESIAN_SCALES, 0)}
        words.update({f"ke{unit}": value for unit, value in INDONESIAN_UNITS.items() if 2 <= value <= 10})
        return words
    from importlib import import_module

    info = import_module(f"number_parser.data.{lang}").info
    table: dict[str, int] = {}
    for group in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN"):
        table.update(info.get(group, {}))
    table.pop("ноль", None)
    return table


@cache
def small_numbers() -> dict[str, int]:
    """The number words of the three languages worth 1 to 99, folded ("seven", "tujuh",
    "семь", "семи"): counts of years, days, states."""
    return {word.lower(): value for lang in ("en", "id", "ru")
            for word, value in _word_table(lang).items() if 1 <= value <= 99}


@cache
def _word_pattern(lang: str) -> re.Pattern[str]:
    words = sorted(_word_table(lang), key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    joiner = r"(?:[\s-]+(?:and\s+|и\s+)?)"
    # A number word may start a compound ("six-nation", "seven-member"), never end one.
    return re.compile(rf"(?<![\w-]){word}(?:{joiner}{word})*(?![\w]|-(?:{word})\b)", re.I)


def _indonesian(phrase: str) -> tuple[int, bool] | None:
    """An Indonesian number phrase: "lima ratus" multiplies only its unit, "ribu" and "juta"
    all that came before ("seribu lima ratus" is 1,500; "dua ribu" 2,000)."""
    total, below_thousand, unit, every = 0, 0, 0, False
    for token in phrase.lower().replace("-", " ").split():
        if token.startswith("ke") and token[2:] in INDONESIAN_UNITS and token != "ke":
            unit += INDONESIAN_UNITS[token[2:]]
            every = True
        elif token == "seribu":
            total += 1000
        elif token == "seratus":
            below_thousand += 100
        elif token in INDONESIAN_UNITS:
            unit += INDONESIAN_UNITS[token]
        elif token == "belas":
            below_thousand += unit + 10
            unit = 0
        elif token in ("puluh", "ratus"):
            below_thousand += max(unit, 1) * INDONESIAN_SCALES[token]
            unit = 0
        elif token in INDONESIAN_SCALES:
            total += max(below_thousand + unit, 1) * INDONESIAN_SCALES[token]
            below_thousand = unit = 0
        else:
            return None
    return total + below_thousand + unit, every


def _words_value(phrase: str, lang: str) -> tuple[int, bool] | None:
    if lang == "id":
        return _indonesian(phrase)
    from number_parser import parse_number

    value = parse_number(phrase.lower(), language=lang)
    return (int(value), False) if isinstance(value, int | float) else None


def _digits_value(raw: str, lang: str) -> int | None:
    body = raw.replace("\u00a0", " ")
    if lang == "en":
        if re.fullmatch(r"\d{1,3}(,\d{3})+", body):
            return int(body.replace(",", ""))
        if "," in body or " " in body:
            return None
        return (
            int(float(body))
            if "." in body and not re.fullmatch(r"\d{1,3}(\.\d{3})+", body)
            else int(body.replace(".", ""))
        )
    if re.fullmatch(r"\d{1,3}([. ]\d{3})+", body):
        return int(body.replace(".", "").replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(,\d{3})+", body) and lang != "ru":
        return int(body.replace(",", ""))
    digits = body.split(",")[0]
    return int(digits) if digits.isdigit() else None


def qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 24) : start]
    match = _QUALIFIER.search(window)
    if not match:
        return None
    for name, _ in _QUALIFIERS:
        if match.group(name.replace("-", "_")):
            return name
    return None


_SCALED = re.compile(
    r"(?<![\w.,/:-])(\d+(?:[.,]\d+)?|полтора|полторы|полутора)\s*"
    r"(thousand|тысяч[аиеу]?|тыс\.?|ribu|rb\.|million|миллион\w*|млн\.?|juta)(?!\w)",
    re.I,
)
_SCALE = (("thousand", 1000), ("тыс", 1000), ("ribu", 1000), ("rb", 1000),
          ("million", 1_000_000), ("миллион", 1_000_000), ("млн", 1_000_000), ("juta", 1_000_000))
"""Each scale word of ``_SCALED`` by the start of its forms ("тысяч", "тысячи", "тыс.")."""


def _scaled(text: str, skip: list[tuple[int, int]]) -> list[Number]:
    """Digits or "полтора" times a scale word: "5 тысяч", "1,5 тыс.", "1,5 ribu", "2.5
    thousand", "полутора тысяч"."""
    found = []
    for match in _SCALED.finditer(text):
        if any(a <= match.start() < b for a, b in skip):
            continue
        head = match.group(1).lower()
        amount = 1.5 if head.startswith("пол") else float(head.replace(",", "."))
        word = match.group(2).lower()
        value = round(amount * next(scale for start, scale in _SCALE if word.startswith(start)))
        found.append(Number(match.start(), match.end(), value, qualifier_before(text, match.start())))
    return found


def find(text: str, lang: str, skip: list[tuple[int, int]] = ()) -> list[Number]:  # type: ignore[assignment]
    """Numbers in ``text`` (one sentence), written in digits or words, outside ``skip``; a
    number with its scale word is one number, the longest reading where readings overlap."""
    found: list[Number] = _scaled(text, skip)
    words_text = text.replace("ё", "е").replace("Ё", "Е")  # "четырёх" is "четырех"
    for match in _DIGITS.finditer(text):
        if any(a <= match.start() < b for a, b in skip):
            continue
        value = _digits_value(match.group(), lang)
        if value is not None:
            found.append(Number(match.start(), match.end(), value, qualifier_before(text, match.start())))
    for word_lang in dict.fromkeys((lang, "en") if lang == "id" else (lang,)):
        for match in _word_pattern(word_lang).finditer(words_text):
            if any(a <= match.start() < b for a, b in skip):
                continue
            parsed = _words_value(match.group(), word_lang)
            if parsed is None:
                continue
            value, every = parsed
            found.append(
                Number(
                    match.start(),
                    match.end(),
                    value,
                    "all" if every else qualifier_before(text, match.start()),
                )
            )
    found.sort(key=lambda n: (n.start, -n.end))
    kept: list[Number] = []
    for number in found:
        if not kept or number.start >= kept[-1].end:
            kept.append(number)
    return kept
