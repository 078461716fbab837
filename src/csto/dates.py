"""Dates as the model understands them: ISO days within a supported window."""

from __future__ import annotations

import calendar
from datetime import date

EARLIEST = date(1992, 1, 1)
"""The first day csto answers for: the year the Treaty system began."""

LATEST = date(2100, 12, 31)
"""The last day csto answers for; beyond it every answer would be a guess."""


def parse_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` and check it lies in the supported window."""
    from .errors import InputError

    raw = text.strip()
    if len(raw) != 10 or raw[4] != "-" or raw[7] != "-" or not raw.replace("-", "").isdigit():
        raise InputError(f"invalid date '{text}': write it as YYYY-MM-DD, for example 2022-09-13")
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise InputError(f"invalid date '{text}': {exc}; write it as YYYY-MM-DD") from None
    return check_date(day)


def check_date(day: date) -> date:
    """Reject days outside [EARLIEST, LATEST] with a message that says the window."""
    from .errors import InputError

    if day < EARLIEST:
        raise InputError(
            f"date {day.isoformat()} is before {EARLIEST.isoformat()}: "
            "csto answers for dates from 1992, when the Treaty was signed"
        )
    if day > LATEST:
        raise InputError(
            f"date {day.isoformat()} is after {LATEST.isoformat()}: "
            "csto does not answer for dates that far in the future"
        )
    return day


def parse_year(text: str | int) -> int:
    """Parse a calendar year within the supported window."""
    from .errors import InputError

    try:
        year = int(text)
    except (TypeError, ValueError):
        raise InputError(f"invalid year '{text}': write it as four digits, for example 2025") from None
    if not EARLIEST.year <= year <= LATEST.year:
        raise InputError(
            f"year {year} is outside {EARLIEST.year}-{LATEST.year}, the years csto answers for"
        )
    return year


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Aug + 6 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
