"""`make bench`: each measurement beside the alternative a user would pick, in one run.

Machines here are noisy, so every figure is a median over many runs, and the figures that
matter are ratios measured side by side (runs are interleaved).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGETS = {"cli": 4.0, "query_us": 20.0, "duckdb_ratio": 10.0, "load_ms": 50.0,
           "with_events_ms": 5.0}


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_cli(rounds: int = 41) -> dict[str, float]:
    """Whole-process `csto members --json` against `python -c pass`, interleaved."""
    csto = [str(BIN / "csto"), "members", "--on", "2000-06-01", "--json"]
    python = [sys.executable, "-c", "pass"]
    system = ["python3", "-c", "pass"]
    _wall(csto)  # make sure the cache of compiled data exists
    runs: dict[str, list[float]] = {"csto": [], "python": [], "system": []}
    for _ in range(rounds):
        runs["python"].append(_wall(python))
        runs["csto"].append(_wall(csto))
        runs["system"].append(_wall(system))
    medians = {key: statistics.median(values) * 1000 for key, values in runs.items()}
    medians["ratio"] = medians["csto"] / medians["python"]
    return medians


def _per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


def bench_query(repeats: int = 25) -> dict[str, float]:
    """Members, Article 4 obligations and the chair for one date: csto against DuckDB."""
    import duckdb

    from csto.record.load import load_history
    from csto.rules.chair import chair_on
    from csto.rules.defence import assist, obliged_states

    history = load_history()
    rng = random.Random(7)
    days = [date(1995, 1, 1) + timedelta(days=rng.randrange(11_000)) for _ in range(64)]

    def csto_question(day: date) -> tuple[Any, ...]:
        snap = history.at(day)
        return snap.members, obliged_states(snap, "KAZ"), chair_on(snap)[0]

    def explained(day: date) -> tuple[Any, ...]:
        """The same with Article 4's full answer: findings, citations, procedure."""
        snap = history.at(day)
        return snap.members, assist(snap, "KAZ").obliged, chair_on(snap)[0]

    con = duckdb.connect()
    con.execute("CREATE TABLE events (state VARCHAR, day DATE, status VARCHAR, seq INTEGER)")
    rows = []
    in_force = history.documents["cst"].in_force
    assert in_force is not None
    treaty = in_force.date
    for seq, event in enumerate(history.events):
        status = {"sign": "signatory", "lapse": "former", "return": "member",
                  "suspend": "suspended", "freeze": "frozen", "unfreeze": "member",
                  "withdraw": "former", "observer": "observer",
                  "observer-end": "former_observer"}.get(event.kind)
        if status:
            rows.append((event.state, event.date, status, seq))
            if status == "signatory" and event.date < treaty:
                rows.append((event.state, treaty, "member", seq + 10_000))
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", rows)
    con.execute("CREATE TABLE chairs (state VARCHAR, start DATE, stop DATE)")
    con.executemany("INSERT INTO chairs VALUES (?, ?, ?)", [
        (t.state, t.start, t.end) for t in history.terms["chair"] if t.state])
    query = """
        WITH latest AS (
            SELECT state, arg_max(status, (day, seq)) AS status FROM events
            WHERE day <= $day GROUP BY state)
        SELECT
            (SELECT list(state ORDER BY state) FROM latest WHERE status IN ('member', 'frozen')),
            (SELECT list(state ORDER BY state) FROM latest
              WHERE status IN ('member', 'frozen') AND state <> 'KAZ'),
            (SELECT state FROM chairs WHERE start <= $day AND (stop IS NULL OR $day < stop))
    """

    def duck_question(day: date) -> tuple[Any, ...]:
        members, obliged, chair = con.execute(query, {"day": day}).fetchone()  # type: ignore[misc]
        return members, obliged, chair

    for day in days:  # the two must agree before they are timed
        ours = csto_question(day)
        theirs = duck_question(day)
        assert list(ours[0]) == list(theirs[0] or []), day
        assert list(ours[1]) == list(theirs[1] or []), day
        assert (ours[2].state if ours[2] else None) == theirs[2], day
    for day in days:
        assert explained(day)[1] == csto_question(day)[1], day
    ours_runs, duck_runs, full_runs = [], [], []
    for _ in range(repeats):
        ours_runs.append(_per_call(lambda: [csto_question(d) for d in days], 20) / len(days))
        full_runs.append(_per_call(lambda: [explained(d) for d in days], 5) / len(days))
        duck_runs.append(_per_call(lambda: [duck_question(d) for d in days], 1) / len(days))
    ours_us = statistics.median(ours_runs) * 1e6
    duck_us = statistics.median(duck_runs) * 1e6
    return {"csto_us": ours_us, "duckdb_us": duck_us, "ratio": duck_us / ours_us,
            "explained_us": statistics.median(full_runs) * 1e6}


def bench_load(repeats: int = 15) -> dict[str, float]:
    """Loading the packaged history: from the cache (every run) and compiled from YAML."""
    from pathlib import Path

    from csto.record import cache as _cache
    from csto.record.load import Compiled, build, compile_data, data_folder, shaped

    folder = data_folder()
    warm, cold = [], []
    with tempfile.TemporaryDirectory() as cache:
        os.environ["CSTO_CACHE_DIR"] = cache
        _cache.write(folder, compile_data(Path(folder)))
        for _ in range(repeats):
            start = time.perf_counter()
            compiled = _cache.read(folder, Compiled, shaped)
            assert compiled is not None
            build(compiled)
            warm.append(time.perf_counter() - start)
            start = time.perf_counter()
            build(compile_data(Path(folder)))
            cold.append(time.perf_counter() - start)
    return {"cached_ms": statistics.median(warm) * 1000,
            "compiled_ms": statistics.median(cold) * 1000}


def bench_with_events(repeats: int = 200) -> dict[str, float]:
    """A what-if history: the record plus one hypothetical event, replayed in full."""
    from csto import Event, Source
    from csto.record.load import load_history

    history = load_history()
    note = Source(id="bench-note", title="benchmark hypothesis")
    event = Event(id="bench-return", date=date(2027, 1, 1), state="UZB", kind="return",
                  sources=("bench-note",))
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        history.with_events([event], sources=[note])
        runs.append(time.perf_counter() - start)
    return {"ms": statistics.median(runs) * 1000}


def main() -> int:
    print("csto benchmarks (medians; ratios measured side by side)")
    cli = bench_cli()
    print(f"startup  csto members --json {cli['csto']:7.1f} ms | python -c pass "
          f"{cli['python']:5.1f} ms (system python3 {cli['system']:5.1f} ms) | ratio "
          f"{cli['ratio']:.2f}x (target <= {TARGETS['cli']:.0f}x)")
    query = bench_query()
    print(f"as-of    members+obligations+chair {query['csto_us']:6.2f} us | DuckDB "
          f"{query['duckdb_us']:8.1f} us | csto {query['ratio']:.0f}x faster "
          f"(targets <= {TARGETS['query_us']:.0f} us, >= {TARGETS['duckdb_ratio']:.0f}x); "
          f"with Article 4's findings and procedure {query['explained_us']:.1f} us")
    load = bench_load()
    print(f"load     packaged history from cache {load['cached_ms']:6.2f} ms | compiled from "
          f"YAML {load['compiled_ms']:6.1f} ms (target <= {TARGETS['load_ms']:.0f} ms)")
    what_if = bench_with_events()
    print(f"what-if  History.with_events, one extra event {what_if['ms']:6.2f} ms "
          f"(target <= {TARGETS['with_events_ms']:.0f} ms)")
    ok = (cli["ratio"] <= TARGETS["cli"] and query["csto_us"] <= TARGETS["query_us"]
          and query["ratio"] >= TARGETS["duckdb_ratio"] and load["cached_ms"] <= TARGETS["load_ms"]
          and what_if["ms"] <= TARGETS["with_events_ms"])
    from export import report as exports
    from factcheck import report as factcheck
    from fuzz import report as fuzzing
    from scenario import report as scenarios
    from simulate import report as simulation
    from web import report as web

    ok = web() and ok
    ok = scenarios() and ok
    ok = simulation() and ok
    ok = factcheck() and ok
    ok = exports() and ok
    ok = fuzzing() and ok
    print("all targets met" if ok else "some targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
