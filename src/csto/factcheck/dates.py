"""Dates as texts write them, in Indonesian, English and Russian, and the day a text is dated.

Month names, with their inflected forms, come from dateparser's locale data; the date
line of a text is read by dateparser itself. Inside sentences the fragments are read here
with those tables, because a dateparser call costs milliseconds and a text has hundreds of
dates. Its known traps are avoided: a bare year is a year (not today's day of that year),
and a weekday word ("Minggu" is Sunday and also "week") is never read as a date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from .numbers import small_numbers

YEAR = r"(?:19[5-9]\d|20\d\d)"
MIN_YEAR, MAX_YEAR = 1950, 2099


class DateMention(NamedTuple):
    start: int
    end: int
    day: date
    precision: str
    """``day``, ``month`` or ``year``."""
    until: date | None = None
    """The last day of a range ("2006-2012", "between 1992 and 2002"), where one is given."""
    relative: bool = False


@cache
def month_names() -> dict[str, int]:
    """Month name (folded) → number, in en, id and ru (kept with the compiled lexicon, so
    that dateparser is read only when that is built)."""
    from .lexicon import lexicon

    return lexicon().months


_TO = r"(?:-|–|—|to|until|till|sampai|hingga|s\.d\.|по|до)"

_DIGIT = re.compile(r"\d")
_RANGE_HINT = re.compile(r"\d\s*(?:-|–|—|to|until|till|sampai|hingga|s\.d\.|по|до)\s*\d", re.I)
_LATER_HINT = re.compile(r"later|kemudian|setelahnya|через|спустя", re.I)
_DECADE_HINT = re.compile(r"\d0(?:'?s|-)")
"""Cheap tests that a sentence may hold a range of days, a count of years later, a decade:
the full patterns, with every month name, run only where one does."""


"""What joins the first and last day of a range."""


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = "(?:" + "|".join(sorted((re.escape(n) for n in month_names()), key=len, reverse=True)) + r")\.?"
    count = "(?:" + "|".join([*sorted(small_numbers(), key=len, reverse=True), r"\d{1,2}"]) + ")"
    year_tail = r"(?:\s*(?:года|году|год|г\.|г\b|гг\.?))?"
    return {
        "dmy": re.compile(
            rf"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>{month}),?\s+(?P<y>{YEAR}){year_tail}(?!\d)",
            re.I,
        ),
        "mdy": re.compile(
            rf"(?<![\w])(?P<m>{month})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})(?!\d)", re.I
        ),
        "numeric": re.compile(
            rf"(?<![\d/.])(?P<d>[0-3]?\d)\s*[./]\s*(?P<m>[01]?\d)\s*[./]\s*(?P<y>{YEAR})(?![\d/])"
        ),
        "iso": re.compile(rf"(?<!\d)(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        "my": re.compile(rf"(?<![\w])(?P<m>{month}),?\s+(?P<y>{YEAR}){year_tail}(?!\d)", re.I),
        # a month alone after a preposition ("in October", "pada Oktober", "в октябре"): of
        # the year in view; not "May" the verb, which no preposition comes before
        "month_alone": re.compile(
            rf"(?<![\w])(?:(?P<last>last)|in|on|since|by|until|from|early|late|mid|pada|bulan|sejak|"
            rf"hingga|sampai|akhir|awal|pertengahan|в|во|с|со|до|к|по|конце|начале|середине)\s+"
            rf"(?P<m>{month})(?![\w]|\s*\d)(?P<ago>\s+(?:yang\s+)?lalu\b)?",
            re.I,
        ),
        # a day and month in brackets after a weekday, as Indonesian news write them:
        # "pada Kamis (13/1)"
        "bracketed": re.compile(r"\((?P<d>[0-3]?\d)/(?P<m>[01]?\d)\)"),
        "dm": re.compile(rf"(?<![\d\w])(?P<d>[0-3]?\d)\s+(?P<m>{month})(?![\w])", re.I),
        "md": re.compile(rf"(?<![\w])(?P<m>{month})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])", re.I),
        # days of one month: "24-29 August 2006", "from 24 to 29 August", "с 3 по 6 апреля",
        # "24 sampai 29 Agustus 2006", "August 24-29, 2006"
        "days": re.compile(
            rf"(?<![\d\w])(?P<d1>[0-3]?\d)\s*{_TO}\s*(?P<d>[0-3]?\d)\s+(?P<m>{month})"
            rf"(?:,?\s+(?P<y>{YEAR}){year_tail})?(?!\d)",
            re.I,
        ),
        "month_days": re.compile(
            rf"(?<![\w])(?P<m>{month})\s+(?P<d1>[0-3]?\d)\s*{_TO}\s*(?P<d>[0-3]?\d)"
            rf"(?:,?\s+(?P<y>{YEAR}))?(?![\d\w])",
            re.I,
        ),
        # a decade: "the 1990s", "1990-х годов", "tahun 1990-an"
        "decade": re.compile(r"(?<![\w-])(?P<y>(?:19[5-9]|20\d)0)(?:'?s|-х|-e|-е|-an)(?!\w)", re.I),
        "range": re.compile(
            rf"(?<![\w-])(?P<y>{YEAR})\s*(?:-|–|—|to|hingga|sampai|по|до)\s*(?P<y2>{YEAR})(?![\d])", re.I
        ),
        "between": re.compile(
            rf"(?:between|antara(?: tahun)?|между)\s+(?P<y>{YEAR})\s*"
            rf"(?:and|dan|и)\s+(?:tahun\s+)?(?P<y2>{YEAR})",
            re.I,
        ),
        "year": re.compile(
            rf"(?<![\w/.])(?<![\w]-)(?P<y>{YEAR})(?:\s*(?:года|году|год|г\.|г\b))?(?![\d]|-\d|[./]\d)"
        ),
        # "seven years later", "tujuh tahun kemudian", "через семь лет", "семь лет спустя"
        "years_later": re.compile(
            rf"\b(?:(?P<n1>{count})\s+years?\s+later|(?P<n2>{count})\s+tahun\s+"
            rf"(?:kemudian|setelahnya)|через\s+(?P<n3>{count})\s+(?:лет|года)|"
            rf"(?P<n4>{count})\s+(?:лет|года)\s+спустя)\b",
            re.I,
        ),
        "relative": re.compile(
            r"\b(?P<rel>yesterday|kemarin|вчера|today|hari ini|сегодня|"
            r"the following year|the next year|a year later|one year later|tahun berikutnya|"
            r"setahun kemudian|setahun setelahnya|tahun depannya|в следующем году|на следующий год|"
            r"через год|год спустя|спустя год|годом позже|"
            r"the same year|that same year|tahun yang sama|того же года|в том же году|"
            r"этом же году|этого же года|"
            r"a year ago|a year earlier|setahun (?:yang )?lalu|год назад|годом ранее|"
            r"last year|tahun lalu|в прошлом году|this year|tahun ini|в этом году|в текущем году|"
            r"next year|tahun depan|в будущем году|last month|bulan lalu|в прошлом месяце|"
            r"last week|pekan lalu|minggu lalu|на прошлой неделе)\b",
            re.I,
        ),
    }


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(text: str) -> int | None:
    value = text.lower().rstrip(".")
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return month_names().get(value)


def _written(text: str, patterns: dict[str, re.Pattern[str]], found: list[DateMention],
             context_year: int | None) -> None:
    """The dates written with digits: days, ranges, months, decades, years."""
    for name in ("iso", "dmy", "mdy", "numeric"):
        for m in patterns[name].finditer(text):
            month = _month(m.group("m"))
            day = _day(int(m.group("y")), month, int(m.group("d"))) if month else None
            if day is not None:
                found.append(DateMention(m.start(), m.end(), day, "day"))
    for name in ("days", "month_days") if _RANGE_HINT.search(text) else ():
        for m in patterns[name].finditer(text):
            month = _month(m.group("m"))
            year = int(m.group("y")) if m.group("y") else context_year
            if not month or year is None:
                continue
            opening, closing = _day(year, month, int(m.group("d1"))), _day(year, month, int(m.group("d")))
            if opening is not None and closing is not None and opening < closing:
                found.append(DateMention(m.start(), m.end(), opening, "day", closing,
                                         relative=not m.group("y")))
    for m in patterns["my"].finditer(text):
        month = _month(m.group("m"))
        if month:
            found.append(DateMention(m.start(), m.end(), date(int(m.group("y")), month, 1), "month"))
    for m in patterns["decade"].finditer(text) if _DECADE_HINT.search(text) else ():
        first = int(m.group("y"))
        found.append(DateMention(m.start(), m.end(), date(first, 1, 1), "year", date(first + 9, 12, 31)))
    for name in ("between", "range"):
        for m in patterns[name].finditer(text):
            first, last = int(m.group("y")), int(m.group("y2"))
            if first < last:
                found.append(DateMention(m.start(), m.end(), date(first, 1, 1), "year", date(last, 12, 31)))
    for m in patterns["year"].finditer(text):
        found.append(DateMention(m.start(), m.end(), date(int(m.group("y")), 1, 1), "year"))
    if context_year is not None:
        for m in patterns["bracketed"].finditer(text):
            number = int(m.group("m"))
            day = _day(context_year, number, int(m.group("d"))) if 1 <= number <= 12 else None
            if day is not None:
                found.append(DateMention(m.start(), m.end(), day, "day", relative=True))
        for name in ("dm", "md"):
            for m in patterns[name].finditer(text):
                month = _month(m.group("m"))
                day = _day(context_year, month, int(m.group("d"))) if month else None
                if day is not None and int(m.group("d")) > 0:
                    found.append(DateMention(m.start(), m.end(), day, "day", relative=True))


def find(text: str, context_year: int | None = None, today: date | None = None) -> list[DateMention]:
    """Dates in ``text`` (one sentence), most specific first where they overlap.

    ``context_year`` completes a day written without a year ("26 марта"); ``today`` is the
    day the text speaks of, for "yesterday" and "a year ago".
    """
    patterns = _patterns()
    found: list[DateMention] = []
    if _DIGIT.search(text):  # every date but a relative one is written with digits
        _written(text, patterns, found, context_year)
    for m in patterns["month_alone"].finditer(text) if context_year is not None else ():
        month = _month(m.group("m"))
        if month and context_year is not None:
            year = context_year
            if (m.group("last") or m.group("ago")) and today is not None:
                # "last January", "Januari lalu": the latest such month before the text's day
                year = today.year if month < today.month else today.year - 1
            found.append(DateMention(m.start("m"), m.end("m"), date(year, month, 1), "month",
                                     relative=True))
    for m in patterns["years_later"].finditer(text) if _LATER_HINT.search(text) else ():
        written = next(g for g in m.group("n1", "n2", "n3", "n4") if g)
        count = int(written) if written.isdigit() else small_numbers()[written.lower()]
        earlier = [d.day.year for d in found if d.end <= m.start() and not d.relative]
        base = earlier[-1] if earlier else context_year
        if base is not None and MIN_YEAR <= base + count <= MAX_YEAR:
            found.append(DateMention(m.start(), m.end(), date(base + count, 1, 1), "year", relative=True))
    for m in patterns["relative"].finditer(text):
        earlier = [d.day.year for d in found if d.end <= m.start() and not d.relative]
        resolved = _relative(m.group("rel").lower(), earlier[-1] if earlier else context_year, today)
        if resolved is None:
            continue
        start = m.start()
        prefix = re.search(r"(\w+)\s+$", text[max(0, start - 14) : start])
        number = _month(prefix.group(1)) if prefix and resolved.precision == "year" else None
        if number and prefix is not None:
            resolved = resolved._replace(day=resolved.day.replace(month=number), precision="month")
            start -= len(prefix.group(0))
        found.append(resolved._replace(start=start, end=m.end()))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        stop = text[mention.end - 1] == "."  # "on 13 January.": the full stop is the sentence's
        kept.append(mention._replace(end=mention.end - 1) if stop else mention)
    return kept


def _relative(word: str, context_year: int | None, today: date | None) -> DateMention | None:
    if word in ("yesterday", "kemarin", "вчера") and today:
        return DateMention(0, 0, today - timedelta(days=1), "day", relative=True)
    if word in ("today", "hari ini", "сегодня") and today:
        return DateMention(0, 0, today, "day", relative=True)
    if (
        word
        in ("a year ago", "a year earlier", "setahun lalu", "setahun yang lalu", "год назад", "годом ранее")
        and today
    ):
        return DateMention(0, 0, date(today.year - 1, 1, 1), "year", relative=True)
    deictic = _deictic(word, today) if today else None
    if deictic is not None:
        return deictic
    if context_year is None:
        return None
    if word in (
        "the following year",
        "the next year",
        "a year later",
        "one year later",
        "tahun berikutnya",
        "setahun kemudian",
        "setahun setelahnya",
        "tahun depannya",
        "в следующем году",
        "на следующий год",
        "через год",
        "год спустя",
        "спустя год",
        "годом позже",
    ):
        return DateMention(0, 0, date(context_year + 1, 1, 1), "year", relative=True)
    return DateMention(0, 0, date(context_year, 1, 1), "year", relative=True)


_DATELINE_HINT = re.compile(r"\d")


def date_line(text: str, head: int = 600) -> tuple[date, int, int] | None:
    """The day a text is dated by its own date line, and where that line is, or None.

    Only the first lines are looked at, and only a full date (day, month and year) counts:
    a year or a month alone in a headline dates an event, not the text.
    """
    window = text[:head]
    for line_start, line in _lines(window):
        if len(line) > 160 or not _DATELINE_HINT.search(line):
            continue
        for mention in find(line):
            if mention.precision != "day" or mention.until is not None or mention.relative:
                continue
            rest = line[: mention.start] + line[mention.end :]
            if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 8:
                return mention.day, line_start + mention.start, line_start + mention.end
    return None


def _lines(window: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    position = 0
    for raw in window.split("\n"):
        lines.append((position, raw))
        position += len(raw) + 1
    return lines[:8]


def parse_loose(fragment: str, lang: str) -> date | None:
    """One date written any way (dateparser), for a date line our patterns do not know."""
    import dateparser

    parsed = dateparser.parse(
        fragment,
        languages=[lang],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    return parsed.date() if parsed else None


def _deictic(word: str, today: date) -> DateMention | None:
    """Days counted from the day the text speaks of ("last year", "bulan lalu", "на прошлой
    неделе"), not from a year it named before."""
    if word in ("last year", "tahun lalu", "в прошлом году"):
        return DateMention(0, 0, date(today.year - 1, 1, 1), "year", relative=True)
    if word in ("this year", "tahun ini", "в этом году", "в текущем году"):
        return DateMention(0, 0, date(today.year, 1, 1), "year", relative=True)
    if word in ("next year", "tahun depan", "в будущем году"):
        return DateMention(0, 0, date(today.year + 1, 1, 1), "year", relative=True)
    if word in ("last month", "bulan lalu", "в прошлом месяце"):
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        return DateMention(0, 0, first, "month", relative=True)
    if word in ("last week", "pekan lalu", "minggu lalu", "на прошлой неделе"):
        return DateMention(0, 0, today - timedelta(days=14), "day", today - timedelta(days=1),
                           relative=True)
    return None
