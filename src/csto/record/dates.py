"""Dates as the model understands them: ISO days within a supported window."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..errors import InputError

EARLIEST = date(1992, 1, 1)
"""The first day csto answers for: the year the Treaty system began."""

LATEST = date(2100, 12, 31)
"""The last day csto answers for; beyond it every answer would be a guess."""


def parse_date(text: str, field: str = "on") -> date:
    """Parse ``YYYY-MM-DD`` and check it lies in the supported window."""
    raw = text.strip()
    digits = raw.replace("-", "")
    if len(raw) != 10 or raw[4] != "-" or raw[7] != "-" or not (digits.isascii()
                                                                  and digits.isdigit()):
        raise InputError("invalid date '{value}': write it as YYYY-MM-DD, for example 2022-09-13",
                         field=field, value=text)
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise InputError("invalid date '{value}': {problem}; write it as YYYY-MM-DD",
                         field=field, value=text, problem=str(exc)) from None
    return check_date(day, field)


def check_date(day: date, field: str = "on") -> date:
    """Reject days outside [EARLIEST, LATEST] with a message that says the window."""
    if day < EARLIEST:
        raise InputError("date {value} is before {earliest}: csto answers for dates from 1992, "
                         "when the Treaty was signed", field=field, value=day.isoformat(),
                         earliest=EARLIEST.isoformat())
    if day > LATEST:
        raise InputError("date {value} is after {latest}: csto does not answer for dates that "
                         "far in the future", field=field, value=day.isoformat(),
                         latest=LATEST.isoformat())
    return day


def as_day(value: object, field: str = "on") -> date:
    """A checked day from a ``date``, a ``datetime`` (its day) or ``'YYYY-MM-DD'``; a
    subclass that is no day (pandas' ``NaT``) is refused like any other wrong value."""
    try:
        if isinstance(value, datetime):
            return check_date(value.date(), field)
        if isinstance(value, date):
            return check_date(value, field)
    except (TypeError, ValueError):
        pass
    else:
        if isinstance(value, str):
            return parse_date(value, field)
    raise InputError("'{field_name}' must be a date, a datetime or text like 2022-09-13, "
                     "not {kind}", field=field, field_name=field, kind=type(value).__name__)


def parse_year(text: object, field: str = "year") -> int:
    """Parse a calendar year (four digits 0-9, as in a date) within the supported window."""
    raw = text.strip() if isinstance(text, str) else None
    if isinstance(text, int) and not isinstance(text, bool):
        year = text
    elif raw is not None and len(raw) == 4 and raw.isascii() and raw.isdigit():
        year = int(raw)
    else:
        raise InputError("invalid year '{value}': write it as four digits, for example 2025",
                         field=field, value=str(text))
    if not EARLIEST.year <= year <= LATEST.year:
        raise InputError("year {value} is outside {first}-{last}, the years csto answers for",
                         field=field, value=str(year), first=EARLIEST.year, last=LATEST.year)
    return year


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Aug + 6 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day <= 28:
        return date(year, month, day.day)
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def period_end(start: date, precision: str) -> date:
    """The first day after the day, month or year that begins on ``start``."""
    if precision == "year":
        return date(start.year + 1, 1, 1)
    if precision == "month":
        return add_months(start.replace(day=1), 1)
    return start + timedelta(days=1)
