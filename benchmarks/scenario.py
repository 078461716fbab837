"""Scenario benchmarks: the CLI on a scenario against the same command on the record, and
saving and loading a scenario of 100 events in SQLite and PostgreSQL."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGETS = {"scenario_ratio": 2.0}


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_cli(folder: Path, rounds: int = 31) -> dict[str, float]:
    scenario = folder / "armenia-leaves.yaml"
    scenario.write_text("name: armenia-leaves\nevents:\n  - {date: 2026-12-01, state: ARM, "
                        "kind: withdrawal-notice}\n", encoding="utf-8")
    plain = [str(BIN / "csto"), "members", "--on", "2027-06-01", "--json"]
    what_if = [*plain, "--scenario", str(scenario)]
    _wall(plain), _wall(what_if)
    runs: dict[str, list[float]] = {"plain": [], "scenario": []}
    for _ in range(rounds):
        runs["plain"].append(_wall(plain))
        runs["scenario"].append(_wall(what_if))
    medians = {key: statistics.median(values) * 1000 for key, values in runs.items()}
    medians["ratio"] = medians["scenario"] / medians["plain"]
    return medians


def bench_store(url: str, repeats: int = 9) -> dict[str, float]:
    from csto.scenario.files import parse_text
    from csto.scenario.stored import Store

    store = Store(url)
    saves, loads = [], []
    for repeat in range(repeats):
        events = "\n".join(f"  - {{date: 2027-{1 + n // 28:02d}-{1 + n % 28:02d}, state: KAZ, "
                           f"kind: statement, summary: 'event {n} of run {repeat}'}}"
                           for n in range(100))
        scenario = parse_text(f"name: bench-{repeat}\nevents:\n{events}\n")
        start = time.perf_counter()
        store.add(scenario)
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert len(store.scenario(f"bench-{repeat}").events) == 100
        loads.append(time.perf_counter() - start)
    return {"save_ms": statistics.median(saves) * 1000,
            "load_ms": statistics.median(loads) * 1000}


def report() -> bool:
    sys.path.insert(0, str(ROOT))
    from tests.postgres import throwaway_postgres

    with tempfile.TemporaryDirectory() as folder:
        cli = bench_cli(Path(folder))
        print(f"scenario csto members --scenario FILE --json {cli['scenario']:6.1f} ms | without "
              f"{cli['plain']:6.1f} ms | ratio {cli['ratio']:.2f}x (target <= "
              f"{TARGETS['scenario_ratio']:.0f}x)")
        sqlite = bench_store(f"sqlite:///{folder}/bench.sqlite")
        print(f"store    100-event scenario in SQLite: save {sqlite['save_ms']:.1f} ms, load "
              f"{sqlite['load_ms']:.1f} ms")
        with throwaway_postgres() as url:
            if url is None:
                print("store    PostgreSQL not installed: not measured")
            else:
                postgres = bench_store(url)
                print(f"store    100-event scenario in PostgreSQL: save "
                      f"{postgres['save_ms']:.1f} ms, load {postgres['load_ms']:.1f} ms")
    return cli["ratio"] <= TARGETS["scenario_ratio"]


if __name__ == "__main__":
    report()
