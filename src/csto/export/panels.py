"""Member-day and dyad-day panels (and their yearly forms), from the rules, as columns.

Each panel asks the rules once per interval (``intervals.py``) and repeats the answer over
the interval's days with NumPy; rows come in batches of whole units (a state, a pair of
states), so a writer can stream them to disk and memory stays bounded.

Dyad indicators, for the row of state A and state B on a day (see docs/export.md):

- ``defense``: A must assist B if B is attacked (Art. 4; ``rules.defence.obliged_states``,
  the core ``csto assist`` explains);
- ``offense``: always 0, no article commits members to attack together;
- ``neutral``: A has promised not to take part in actions directed against B (Art. 1);
- ``nonagg``: A has promised not to use or threaten force against B (Art. 1);
- ``consul``: A must consult B when a member's security is threatened (Art. 2);
- ``noothall``: A has promised B not to join other military alliances (Art. 1);
- ``base_consent``: A needs B's consent to let a non-member station forces or military
  infrastructure on its territory (2011 protocol; ``rules.bases.base``, as ``csto base``);
- ``chair``: A chairs the Collective Security Council (Charter Art. 13; ``csto chair``).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from ..errors import InputError
from ..record.history import History, Snapshot
from .crosswalk import cow_codes, parties, recorded_states, state_codes
from .intervals import Intervals, expand

OBLIGATIONS = ("defense", "offense", "neutral", "nonagg", "consul", "noothall", "base_consent")
INDICATORS = (*OBLIGATIONS, "chair")
GUESTS = ("USA", "CHN", "TUR", "IND", "FRA", "GBR", "DEU", "JPN")
"""Non-members asked about in ``base``: the first that is no member on the day is the guest."""
BATCH_ROWS = 200_000


def _article(snap: Snapshot, number: str) -> bool:
    return snap.article("cst", number) is not None


def _guest(snap: Snapshot) -> str:
    return next(g for g in GUESTS if not snap.is_member(g))


def dyad_values(snap: Snapshot, states: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Every indicator for every ordered pair (A, B) of ``states`` on the snapshot's day,
    as square matrices indexed [A, B] (the diagonal is 0)."""
    from ..rules.bases import base
    from ..rules.chair import chair_on
    from ..rules.defence import obliged_states

    n = len(states)
    index = {code: i for i, code in enumerate(states)}
    member = np.array([snap.is_member(code) for code in states], dtype=bool)
    both = np.outer(member, member) & ~np.eye(n, dtype=bool)
    values = {name: np.zeros((n, n), dtype=np.int8) for name in INDICATORS}
    for b, victim in enumerate(states):
        for helper in obliged_states(snap, victim):
            if helper in index:
                values["defense"][index[helper], b] = 1
    art1 = _article(snap, "1")
    for name, holds in (("neutral", art1), ("nonagg", art1), ("noothall", art1),
                        ("consul", _article(snap, "2"))):
        if holds:
            values[name][both] = 1
    guest = _guest(snap)
    for a, host in enumerate(states):
        if member[a]:
            for other in base(snap, host, guest).consent_required_from:
                if other in index:
                    values["base_consent"][a, index[other]] = 1
    term, _ = chair_on(snap)
    if term is not None and term.state in index:
        values["chair"][index[term.state], :] = 1
        values["chair"][index[term.state], index[term.state]] = 0
    return values


def dyad_batches(history: History, spans: Intervals, yearly: bool = False,
                 directed: bool = True) -> Iterator[pa.RecordBatch]:
    """The dyad panel, a batch of whole pairs at a time, ordered by statea, stateb, day."""
    states = parties(history)
    if len(states) < 2:
        raise InputError("fewer than two states were ever party: there is no pair to export",
                         field="scenario")
    cow = cow_codes(history, states)
    states = tuple(sorted(states, key=lambda code: cow[code]))
    n = len(states)
    per_interval = [dyad_values(snap, states) for snap in spans.snapshots]
    stacked = {name: np.stack([v[name] for v in per_interval], axis=-1) for name in INDICATORS}
    if directed:
        pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    else:
        pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    rows = np.array(pairs, dtype=np.intp)
    values = {}
    for name in INDICATORS:
        forward = stacked[name][rows[:, 0], rows[:, 1]]
        if not directed and name != "chair":
            forward = np.maximum(forward, stacked[name][rows[:, 1], rows[:, 0]])
        values[name] = forward
    if not directed:
        values["chairb"] = stacked["chair"][rows[:, 1], rows[:, 0]]
    codes = np.array([cow[s] for s in states], dtype=np.int16)
    iso = np.array(states, dtype=object)
    step = max(1, BATCH_ROWS // max(1, int(spans.counts.sum()) if not yearly else 1))
    for first in range(0, len(rows), step):
        chunk = rows[first:first + step]
        part = {name: v[first:first + step] for name, v in values.items()}
        columns: dict[str, np.ndarray] = {}
        length = _time_columns(columns, spans, len(chunk), yearly)
        columns = {
            "statea": np.repeat(codes[chunk[:, 0]], length),
            "stateb": np.repeat(codes[chunk[:, 1]], length),
            "iso3a": np.repeat(iso[chunk[:, 0]], length),
            "iso3b": np.repeat(iso[chunk[:, 1]], length),
            **columns,
        }
        for name, matrix in part.items():
            _indicator(columns, name, matrix, spans, yearly)
        columns["after_review"] = _after_review(spans, len(chunk), yearly)
        yield pa.RecordBatch.from_pydict(columns, schema=dyad_schema(yearly, directed))


def _time_columns(columns: dict[str, np.ndarray], spans: Intervals, units: int, yearly: bool) -> int:
    """Add the ``date`` (or ``year`` and ``days``) columns for ``units`` units; return how
    many rows each unit has."""
    if yearly:
        groups = spans.year_groups()
        years = spans.years[groups]
        columns["year"] = np.tile(years, units)
        columns["days"] = np.tile(np.add.reduceat(spans.counts, groups), units).astype(np.int16)
        return len(years)
    days = spans.days
    columns["date"] = np.tile(days, units)
    return len(days)


def _indicator(columns: dict[str, np.ndarray], name: str, matrix: np.ndarray, spans: Intervals,
               yearly: bool) -> None:
    """Daily: the value on each day. Yearly (ATOP's convention): 1 if it held on any day of
    the year, and ``NAME_days``, on how many days."""
    if not yearly:
        columns[name] = expand(matrix, spans.counts).ravel()
        return
    groups = spans.year_groups()
    columns[name] = np.maximum.reduceat(matrix, groups, axis=1).ravel().astype(np.int8)
    columns[f"{name}_days"] = np.add.reduceat(matrix.astype(np.int32) * spans.counts, groups,
                                              axis=1).ravel().astype(np.int16)


def _after_review(spans: Intervals, units: int, yearly: bool) -> np.ndarray:
    """1 where the day (for a year: any of its days) lies after the record's review."""
    days = spans.days
    late = (days > np.datetime64(spans.reviewed, "D") if spans.reviewed is not None
            else np.zeros(len(days), dtype=bool)).astype(np.int8)
    if yearly:
        bounds = np.r_[0, np.cumsum(spans.counts)[:-1]][spans.year_groups()]
        late = np.maximum.reduceat(late, bounds) if len(late) else late
    return np.tile(late, units)


def dyad_schema(yearly: bool, directed: bool) -> pa.Schema:
    fields = [pa.field("statea", pa.int16()), pa.field("stateb", pa.int16()),
              pa.field("iso3a", pa.string()), pa.field("iso3b", pa.string())]
    fields += ([pa.field("year", pa.int32()), pa.field("days", pa.int16())] if yearly
               else [pa.field("date", pa.date32())])
    for name in (*INDICATORS, *(() if directed else ("chairb",))):
        fields.append(pa.field(name, pa.int8()))
        if yearly:
            fields.append(pa.field(f"{name}_days", pa.int16()))
    fields.append(pa.field("after_review", pa.int8()))
    return pa.schema(fields)


# -- members ----------------------------------------------------------------------------------
def member_batches(history: History, spans: Intervals, yearly: bool = False
                   ) -> Iterator[pa.RecordBatch]:
    """The member panel: one state (every state in the record) at a time, by day or year."""
    states = recorded_states(history)
    codes = {row.iso3: row for row in state_codes(history, states)}
    groups = spans.year_groups()
    for code in states:
        standings = [snap.standing(code) for snap in spans.snapshots]
        status = np.array([s.status if s else "none" for s in standings], dtype=object)
        member = np.array([[1 if s is not None and s.is_member else 0 for s in standings]],
                          dtype=np.int8)
        disputed = np.array([[1 if s is not None and s.fact.disputed else 0 for s in standings]],
                            dtype=np.int8)
        sources = np.array([";".join(s.fact.sources) if s else "" for s in standings],
                           dtype=object)
        since = np.array([s.since if s else None for s in standings], dtype="datetime64[D]")
        columns: dict[str, np.ndarray] = {}
        _time_columns(columns, spans, 1, yearly)
        if yearly:
            last = np.r_[groups[1:] - 1, len(standings) - 1]
            columns.update(status=status[last], since=since[last])
            _indicator(columns, "member", member, spans, True)
            _indicator(columns, "disputed", disputed, spans, True)
            columns["sources"] = np.array(
                [";".join(sorted({p for chunk in sources[a:b + 1] for p in chunk.split(";") if p}))
                 for a, b in zip(groups, last, strict=True)], dtype=object)
        else:
            columns.update(status=expand(status, spans.counts), since=expand(since, spans.counts),
                           member=expand(member, spans.counts).ravel(),
                           disputed=expand(disputed, spans.counts).ravel(),
                           sources=expand(sources, spans.counts))
        length = len(columns["year" if yearly else "date"])
        row = codes[code]
        columns = {"iso3": np.repeat(np.array([code], dtype=object), length),
                   "cown": np.full(length, row.cown if row.cown is not None else -1, np.int16),
                   "gwno": np.full(length, row.gwno if row.gwno is not None else -1, np.int16),
                   **columns, "after_review": _after_review(spans, 1, yearly)}
        yield pa.RecordBatch.from_pydict(columns, schema=member_schema(yearly))


def member_schema(yearly: bool) -> pa.Schema:
    fields = [pa.field("iso3", pa.string()), pa.field("cown", pa.int16()),
              pa.field("gwno", pa.int16())]
    fields += ([pa.field("year", pa.int32()), pa.field("days", pa.int16())] if yearly
               else [pa.field("date", pa.date32())])
    fields += [pa.field("status", pa.string()), pa.field("since", pa.date32()),
               pa.field("member", pa.int8())]
    if yearly:
        fields.append(pa.field("member_days", pa.int16()))
    fields.append(pa.field("disputed", pa.int8()))
    if yearly:
        fields.append(pa.field("disputed_days", pa.int16()))
    fields += [pa.field("sources", pa.string()), pa.field("after_review", pa.int8())]
    return pa.schema(fields)
