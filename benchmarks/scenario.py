"""Scenario benchmarks: the CLI on a scenario against the same command on the record, and
saving and loading a scenario of 100 events in SQLite and PostgreSQL."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import BIN, ROOT, interleaved, line, note, wall

TARGETS = {"scenario_ratio": 2.0, "save_ms": 100.0, "load_ms": 100.0}


def bench_cli(folder: Path, rounds: int = 31) -> dict[str, float]:
    scenario = folder / "armenia-leaves.yaml"
    scenario.write_text("name: armenia-leaves\nevents:\n  - {date: 2026-12-01, state: ARM, "
                        "kind: withdrawal-notice}\n", encoding="utf-8")
    plain = [str(BIN / "csto"), "members", "--on", "2027-06-01", "--json"]
    what_if = [*plain, "--scenario", str(scenario)]
    wall(plain), wall(what_if)
    medians = {key: value * 1000 for key, value in
               interleaved({"plain": plain, "scenario": what_if}, rounds).items()}
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
        ok = line("scenario", f"csto members --scenario FILE --json {cli['scenario']:.1f} ms | "
                  f"without {cli['plain']:.1f} ms | ratio {cli['ratio']:.2f}x",
                  f"<= {TARGETS['scenario_ratio']:.0f}x", cli["ratio"] <= TARGETS["scenario_ratio"])
        stores = {"SQLite": f"sqlite:///{folder}/bench.sqlite"}
        with throwaway_postgres() as url:
            if url is None:
                note("store", "PostgreSQL not installed: not measured")
            else:
                stores["PostgreSQL"] = url
            for name, address in stores.items():
                found = bench_store(address)
                ok &= line("store", f"100-event scenario in {name}: save {found['save_ms']:.1f} ms, "
                           f"load {found['load_ms']:.1f} ms", f"<= {TARGETS['save_ms']:.0f} ms each",
                           found["save_ms"] <= TARGETS["save_ms"]
                           and found["load_ms"] <= TARGETS["load_ms"])
    return ok


if __name__ == "__main__":
    report()
