"""The days of an export as intervals over which nothing changes.

The history's spans ([start, end) over which standings, law and offices stay the same) are
cut again at every 1 January: the chair rotates by calendar year, and yearly panels sum
whole intervals. Each interval carries the snapshot of its first day, so a panel asks the
rules once per interval, never once per day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import numpy as np

from ..errors import InputError
from ..record.dates import as_day
from ..record.history import History, Snapshot


class Intervals(NamedTuple):
    """Consecutive intervals: the first day of each, its length in days, its year, its
    snapshot; ``reviewed`` is the record's last reviewed day (None if it keeps none)."""

    starts: np.ndarray
    counts: np.ndarray
    years: np.ndarray
    snapshots: tuple[Snapshot, ...]
    reviewed: date | None

    @property
    def days(self) -> np.ndarray:
        """Every day of the export, in order, as ``datetime64[D]``."""
        first = self.starts[0] if len(self.starts) else np.datetime64("1992-05-15")
        days: np.ndarray = first + np.arange(int(self.counts.sum()), dtype="timedelta64[D]")
        return days

    def year_groups(self) -> np.ndarray:
        """Index of the first interval of each year (for ``numpy.ufunc.reduceat``)."""
        if not len(self.years):
            return np.zeros(0, dtype=np.intp)
        starts: np.ndarray = np.r_[0, np.flatnonzero(np.diff(self.years)) + 1].astype(np.intp)
        return starts


def period(history: History, start: object = None, until: object = None,
           today: date | None = None) -> tuple[date, date]:
    """The export's days [first, until): from the Treaty's signature (or ``start``) to
    ``until`` (default: tomorrow, so today is the last row)."""
    signed = min((event.date for event in history.events), default=date(1992, 5, 15))
    first = max(as_day(start, "from"), signed) if start is not None else signed
    last = as_day(until, "until") if until is not None else (today or date.today()) + timedelta(1)
    if last <= first:
        raise InputError("the period is empty: --until ({value}) must come after --from ({start})",
                         field="until", value=last.isoformat(), start=first.isoformat())
    return first, last


def intervals(history: History, start: object = None, until: object = None,
              today: date | None = None) -> Intervals:
    first, last = period(history, start, until, today)
    starts: list[date] = []
    counts: list[int] = []
    for span in history.spans(first, last):
        begin, end = span.start, span.end or last
        while begin < end:
            cut = min(end, date(begin.year + 1, 1, 1))
            starts.append(begin)
            counts.append((cut - begin).days)
            begin = cut
    review = history.review
    return Intervals(np.array(starts, dtype="datetime64[D]"), np.array(counts, dtype=np.int64),
                     np.array([d.year for d in starts], dtype=np.int32),
                     tuple(history.at(d) for d in starts),
                     review.reviewed if review is not None else None)


def expand(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Per-interval values (units × intervals) as per-day values (units × days)."""
    return np.repeat(values, counts, axis=-1)
