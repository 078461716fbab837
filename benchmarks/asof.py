"""As-of questions through the public API, a new day each call, against the peers a user
would build: SQLite and DuckDB holding the same answer precomputed for every epoch (the
JSON that ``csto members --json`` prints for the epoch's first day), found with prepared
or batched queries and decoded from JSON.

Days are drawn without replacement from 1992-01-01..2100-12-31, so no call of a run asks a
day asked before; every side sees the same days, and the sides are interleaved.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import orjson

from common import line, note

TARGETS = {"members_us": 10.0, "peer_ratio": 3.0, "assist_us": 20.0}
FIRST, LAST = date(1992, 1, 1), date(2100, 12, 31)
BATCH = 64


def _days(count: int, seed: int) -> list[list[date]]:
    """``count`` batches of ``BATCH`` distinct days, no day in two batches."""
    every = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    random.Random(seed).shuffle(every)
    return [every[i * BATCH:(i + 1) * BATCH] for i in range(count)]


class Peers:
    """The members answer of every epoch as JSON, in SQLite and in DuckDB."""

    def __init__(self) -> None:
        import duckdb

        import csto

        history = csto.load_history()
        starts = [FIRST, *(d for d in history.change_dates if d > FIRST)]
        rows = [(start.toordinal(), orjson.dumps(csto.to_dict(csto.members(start))).decode())
                for start in starts]
        self.sqlite = sqlite3.connect(":memory:")
        self.sqlite.execute("CREATE TABLE epochs (start INTEGER PRIMARY KEY, answer TEXT)")
        self.sqlite.executemany("INSERT INTO epochs VALUES (?, ?)", rows)
        self.duck = duckdb.connect()
        self.duck.execute("CREATE TABLE epochs (start DATE, answer VARCHAR)")
        self.duck.executemany("INSERT INTO epochs VALUES (?, ?)",
                              [(date.fromordinal(s), a) for s, a in rows])
        self.asof = ("SELECT e.answer FROM (SELECT unnest(?::DATE[]) AS day, "
                     "generate_subscripts(?::DATE[], 1) AS n) a ASOF JOIN epochs e "
                     "ON a.day >= e.start ORDER BY a.n")
        self.one = "SELECT answer FROM epochs WHERE start <= ? ORDER BY start DESC LIMIT 1"
        self.many = ("SELECT (SELECT answer FROM epochs WHERE start <= d.column1 ORDER BY start "
                     "DESC LIMIT 1) FROM (VALUES " + ",".join(["(?)"] * BATCH) + ") AS d")

    def sqlite_prepared(self, days: Sequence[date]) -> list[dict[str, Any]]:
        """One prepared query a day (sqlite3 keeps the statement compiled)."""
        execute = self.sqlite.execute
        return [orjson.loads(execute(self.one, (d.toordinal(),)).fetchone()[0]) for d in days]

    def sqlite_batched(self, days: Sequence[date]) -> list[dict[str, Any]]:
        """One query for a batch of days."""
        found = self.sqlite.execute(self.many, [d.toordinal() for d in days]).fetchall()
        return [orjson.loads(row[0]) for row in found]

    def duckdb_batched(self, days: Sequence[date]) -> list[dict[str, Any]]:
        """One ASOF join for a batch of days."""
        found = self.duck.execute(self.asof, [list(days), list(days)]).fetchall()
        return [orjson.loads(row[0]) for row in found]


def _per_day(fn: Callable[[Sequence[date]], object], batch: Sequence[date]) -> float:
    """Seconds a day over a batch, the garbage collector paused (as ``timeit`` does: its
    passes would charge each side for the other's and this program's heap; a collection
    forced before the batch would empty the allocator's free lists and charge the batch for
    refilling them)."""
    import gc
    import time

    gc.disable()
    try:
        start = time.perf_counter()
        fn(batch)
        return (time.perf_counter() - start) / len(batch)
    finally:
        gc.enable()


def bench(repeats: int = 150) -> dict[str, float]:
    import csto

    peers = Peers()
    batches = _days(3 * repeats + 2, seed=17)

    def ours(days: Sequence[date]) -> list[Any]:
        members = csto.members
        return [members(d) for d in days]

    def assist(days: Sequence[date]) -> list[Any]:
        ask = csto.assist
        return [ask("ARM", against="AZE", on=d) for d in days]

    check = batches.pop()
    expected = [[m.iso3 for m in answer.members] for answer in ours(check)]
    for peer in (peers.sqlite_prepared, peers.sqlite_batched, peers.duckdb_batched):
        assert [[m["iso3"] for m in a["members"]] for a in peer(check)] == expected, peer
    ours(batches.pop())  # the first call loads the packaged history
    sides: dict[str, Callable[[Sequence[date]], object]] = {
        "csto": ours, "sqlite": peers.sqlite_prepared, "sqlite_batched": peers.sqlite_batched,
        "duckdb": peers.duckdb_batched}
    times: dict[str, list[float]] = {name: [] for name in [*sides, "assist"]}
    for index in range(repeats):
        for name, fn in sides.items():
            times[name].append(_per_day(fn, batches[3 * index]))
        times["assist"].append(_per_day(assist, batches[3 * index + 1]))
    result = {name: statistics.median(values) * 1e6 for name, values in times.items()}
    result["sqlite_best"] = min(result["sqlite"], result["sqlite_batched"])
    result["peer_best"] = min(result["sqlite_best"], result["duckdb"])
    return result


def report() -> bool:
    found = bench()
    note("as-of", "csto: csto.members(day), the public API, a new day each call | SQLite, DuckDB: "
         "the same answer stored as JSON for each epoch, one prepared query a day (SQLite) or "
         f"one query for {BATCH} days (SQLite, DuckDB ASOF join), decoded with orjson")
    ok = line("as-of", f"csto.members(day) {found['csto']:.2f} us", f"<= {TARGETS['members_us']:.0f} us",
              found["csto"] <= TARGETS["members_us"])
    ok &= line("as-of", f"SQLite {found['sqlite']:.1f} us prepared, {found['sqlite_batched']:.1f} us "
               f"batched: csto {found['sqlite_best'] / found['csto']:.1f}x faster",
               f">= {TARGETS['peer_ratio']:.0f}x", found["sqlite_best"] / found["csto"]
               >= TARGETS["peer_ratio"])
    ok &= line("as-of", f"DuckDB {found['duckdb']:.1f} us batched: csto "
               f"{found['duckdb'] / found['csto']:.1f}x faster", f">= {TARGETS['peer_ratio']:.0f}x",
               found["duckdb"] / found["csto"] >= TARGETS["peer_ratio"])
    ok &= line("as-of", f"csto.assist('ARM', against='AZE', on=day) {found['assist']:.2f} us",
               f"<= {TARGETS['assist_us']:.0f} us", found["assist"] <= TARGETS["assist_us"])
    return ok


if __name__ == "__main__":
    report()
