"""Whole-process start-up: every question as a command, with output for people and with
``--json``, against ``python -c pass`` on the same interpreter, run in turn; a first run on
an empty cache; the packaged YAML compiled in process; a what-if history."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date

from common import BIN, interleaved, line, note, wall

TARGETS = {"ratio": 4.0, "cold_s": 0.3, "compile_ms": 50.0, "with_events_ms": 5.0}

COMMANDS = {
    "overview": ["overview", "--on", "2024-03-01"],
    "members": ["members", "--on", "2000-06-01"],
    "standing": ["standing", "ARM", "--on", "2024-03-01"],
    "history": ["history", "UZB"],
    "about": ["about"],
    "officials": ["officials", "--on", "2023-01-01"],
    "assist": ["assist", "ARM", "--against", "AZE", "--on", "2022-09-13"],
    "step": ["step", "ARM", "join-alliance", "NATO", "--on", "2026-12-01"],
    "base": ["base", "KGZ", "USA", "--on", "2020-01-01"],
    "chair": ["chair", "--year", "2027"],
    "decide": ["decide", "CSC", "--on", "2025-11-27", "--for", "RUS,BLR,KAZ,KGZ,TJK",
               "--abstain", "ARM"],
    "documents": ["documents", "--on", "2013-01-01"],
    "article": ["article", "cst", "4", "--on", "2013-01-01"],
    "exercises": ["exercises", "--year", "2021"],
    "forces": ["forces"],
    "cases": ["cases", "kaz-2022"],
    "groupings": ["groupings"],
    "disputes": ["disputes"],
    "changes": ["changes", "--from", "1999-01-01", "--until", "2000-01-01"],
}
"""One call of every question (``tests/test_imports.py`` holds it to the registry)."""


def bench_commands(rounds: int = 11) -> dict[str, dict[str, float]]:
    """Each command's median wall time over ``python -c pass``'s, for people and as JSON."""
    import sys

    csto = str(BIN / "csto")
    python = [sys.executable, "-c", "pass"]
    ratios: dict[str, dict[str, float]] = {"human": {}, "json": {}}
    for name, args in COMMANDS.items():
        wall([csto, *args])  # the cache of compiled data exists after the first
        found = interleaved({"python": python, "human": [csto, *args],
                             "json": [csto, *args, "--json"]}, rounds)
        for mode in ("human", "json"):
            ratios[mode][name] = found[mode] / found["python"]
        ratios.setdefault("python_ms", {})[name] = found["python"] * 1000
    return ratios


def bench_cold(rounds: int = 7) -> dict[str, float]:
    """``csto members --json`` on an empty cache, against the same with the cache made."""
    command = [str(BIN / "csto"), "members", "--on", "2000-06-01", "--json"]
    cold, warm = [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "CSTO_CACHE_DIR": cache}
            cold.append(wall(command, env))
            warm.append(wall(command, env))
    return {"cold_s": statistics.median(cold), "warm_s": statistics.median(warm)}


def bench_compile(repeats: int = 15) -> dict[str, float]:
    """The packaged YAML read, checked and replayed into a History, in process."""
    from pathlib import Path

    from csto.record.load import build, compile_data, data_folder

    folder = Path(data_folder())
    build(compile_data(folder))
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        build(compile_data(folder))
        runs.append(time.perf_counter() - start)
    return {"compile_ms": statistics.median(runs) * 1000}


def bench_with_events(repeats: int = 200) -> dict[str, float]:
    """A what-if history: the record plus one hypothetical event, replayed in full."""
    from csto import Event, Source
    from csto.record.load import load_history

    history = load_history()
    note_source = Source(id="bench-note", title="benchmark hypothesis")
    event = Event(id="bench-return", date=date(2027, 1, 1), state="UZB", kind="return",
                  sources=("bench-note",))
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        history.with_events([event], sources=[note_source])
        runs.append(time.perf_counter() - start)
    return {"ms": statistics.median(runs) * 1000}


def report() -> bool:
    ratios = bench_commands()
    python_ms = statistics.median(ratios["python_ms"].values())
    note("startup", f"every question as a whole process ({len(COMMANDS)} commands) against "
         f"python -c pass ({python_ms:.1f} ms), run in turn; the slowest shown")
    ok = True
    for mode, label in (("human", "for people"), ("json", "--json")):
        worst = max(ratios[mode], key=ratios[mode].__getitem__)
        median = statistics.median(ratios[mode].values())
        ok &= line("startup", f"{label}: slowest csto {worst} {ratios[mode][worst]:.2f}x, median "
                   f"{median:.2f}x python -c pass", f"<= {TARGETS['ratio']:.0f}x",
                   ratios[mode][worst] <= TARGETS["ratio"])
    cold = bench_cold()
    ok &= line("load", f"first run on an empty cache (csto members --json) {cold['cold_s']:.2f} s, "
               f"the next {cold['warm_s']:.3f} s", f"<= {TARGETS['cold_s']} s",
               cold["cold_s"] <= TARGETS["cold_s"])
    compiled = bench_compile()
    ok &= line("load", f"compiling the packaged YAML into a History {compiled['compile_ms']:.1f} ms",
               f"<= {TARGETS['compile_ms']:.0f} ms", compiled["compile_ms"] <= TARGETS["compile_ms"])
    what_if = bench_with_events()
    ok &= line("what-if", f"History.with_events, one extra event {what_if['ms']:.2f} ms",
               f"<= {TARGETS['with_events_ms']:.0f} ms", what_if["ms"] <= TARGETS["with_events_ms"])
    return ok


if __name__ == "__main__":
    report()
