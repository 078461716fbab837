"""Simulation benchmarks: the vectorised model against SimPy run by run, and Dask's scaling.

Both models play the same crisis (Armenia attacked by Azerbaijan on 1 April 2027) with the
same default assumptions; the Dask sweep is timed with one and then two local workers.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

TARGETS = {"runs_per_second": 2_000_000, "simpy_ratio": 100.0, "dask_speedup": 1.6}


def bench_simulation(vector_runs: int = 2_000_000, simpy_runs: int = 2_000,
                     dask_runs: int = 20_000_000, repeats: int = 5) -> dict[str, float]:
    import numpy as np

    from csto.record.load import load_history
    from csto.simulate import montecarlo as mc
    from csto.simulate.assumptions import defaults
    from csto.simulate.distributed import sweep as distributed
    from csto.simulate.legal import Crisis, frame
    from csto.simulate.process import play

    history = load_history()
    law = frame(history, Crisis("ARM", date(2027, 4, 1), "AZE"))
    model = defaults()[0]
    plan = mc.plan(law, model)
    mc.sweep(plan, mc.BLOCK, 0)
    fast, slow = [], []
    for seed in range(repeats):
        start = time.perf_counter()
        mc.sweep(plan, vector_runs, seed)
        fast.append(vector_runs / (time.perf_counter() - start))
        rng = np.random.default_rng(seed)
        start = time.perf_counter()
        for _ in range(simpy_runs):
            play(law, model, rng)
        slow.append(simpy_runs / (time.perf_counter() - start))
    timings = {}
    for workers in (1, 2):
        start = time.perf_counter()
        distributed(plan, dask_runs, 1, workers, None)
        timings[workers] = time.perf_counter() - start
    vector, simpy = statistics.median(fast), statistics.median(slow)
    return {"runs_per_second": vector, "simpy_per_second": simpy, "ratio": vector / simpy,
            "dask_1": timings[1], "dask_2": timings[2], "speedup": timings[1] / timings[2]}


def report() -> bool:
    result = bench_simulation()
    print(f"simulate vectorised {result['runs_per_second']:,.0f} runs/s on one core | SimPy "
          f"{result['simpy_per_second']:,.0f} runs/s | {result['ratio']:.0f}x (targets >= "
          f"{TARGETS['runs_per_second']:,} runs/s, >= {TARGETS['simpy_ratio']:.0f}x)")
    print(f"dask     20M runs: 1 worker {result['dask_1']:.1f} s | 2 workers "
          f"{result['dask_2']:.1f} s | {result['speedup']:.2f}x (target >= "
          f"{TARGETS['dask_speedup']}x)")
    return (result["runs_per_second"] >= TARGETS["runs_per_second"]
            and result["ratio"] >= TARGETS["simpy_ratio"]
            and result["speedup"] >= TARGETS["dask_speedup"])


if __name__ == "__main__":
    report()
