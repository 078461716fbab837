"""Simulation benchmarks: the vectorised model against SimPy doing the same job, the
random-number generator's own bound, and Dask's scaling.

Every side plays the same crisis (Armenia attacked by Azerbaijan on 1 April 2027) under the
default assumptions and tallies the same outputs. The SimPy side is the same model written
as a process per run: the same draws (the request, each decider's stance, the four delays
of a run with a decision, a contingent per member bound to deploy) and no log. Dask runs on
a cluster started before the clock, so what is timed is the sweep, not the cluster's start.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from typing import Any

from common import line, note

TARGETS = {"runs_per_second": 8_000_000.0, "bound_share": 0.40, "simpy_ratio": 100.0,
           "dask_one": 1.2, "dask_speedup": 1.7}
DASK_RUNS = 20_000_000


def simpy_block(plan: Any, runs: int, seed: Any) -> Any:
    """``runs`` crises, one SimPy process each, tallied as the vectorised model tallies."""
    import numpy as np
    import simpy

    from csto.simulate import montecarlo as mc

    rng = np.random.Generator(np.random.PCG64(seed))
    width = len(plan.deciders)
    requested = np.zeros(runs, np.bool_)
    codes = np.zeros((width, runs), np.uint8)
    decided = np.zeros(runs, np.bool_)
    deployed = np.zeros(runs, np.bool_)
    decision_day = np.full(runs, np.nan)
    first_day = np.full(runs, np.nan)
    troops = np.zeros(runs)
    laws = plan.delays

    def crisis(env: simpy.Environment, run: int) -> Any:
        asked = not plan.request_required or rng.random() < plan.request_probability
        index = 0
        for place in range(width):
            u = rng.random()
            code = 0 if u < plan.support[place] else (1 if u < plan.support_or_aside[place] else 2)
            codes[place, run] = code
            index += code * 3 ** place
        requested[run] = asked
        if not (asked and plan.applies and plan.adopted[index]):
            return
        yield env.timeout(plan.request_delay.sample(rng))
        yield env.timeout(laws["consultations"].sample(rng))
        yield env.timeout(laws["decision"].sample(rng))
        decided[run] = True
        decision_day[run] = env.now
        mask = int(plan.deploys[index])
        if not mask:
            return
        yield env.timeout(laws["deployment"].sample(rng))
        deployed[run] = True
        first_day[run] = env.now
        for place, law in enumerate(plan.contingents):
            if mask >> place & 1:
                troops[run] += round(law.sample(rng))

    env = simpy.Environment()
    for run in range(runs):
        env.process(crisis(env, run))
    env.run()
    return mc.tally(plan, mc.Draws(requested, codes, decided, deployed, decision_day,
                                   first_day, troops))


def generator_bound(plan: Any, runs: int) -> float:
    """Runs a second if a run cost only its random numbers: the uniforms and normals one
    block of the model draws, counted on that block, drawn in bulk as float32."""
    import numpy as np

    from csto.simulate import montecarlo as mc

    drawn = mc.draw(plan, runs, np.random.default_rng(0))
    masks = plan.deploys[drawn.codes.astype(np.int64).T @ 3 ** np.arange(len(plan.deciders))]
    bound = int(sum(int(np.count_nonzero((masks[drawn.deployed] >> p) & 1))
                    for p in range(len(plan.deciders))))
    delays = sum(law.kind != "fixed" for law in (plan.request_delay, *(
        plan.delays[s] for s in ("consultations", "decision", "deployment"))))
    uniforms = runs * (len(plan.deciders) + int(plan.request_required))
    uniforms += delays * int(drawn.decided.sum())
    rng = np.random.default_rng(1)
    best = []
    for _ in range(9):
        start = time.perf_counter()
        rng.random(uniforms, dtype=np.float32)
        rng.standard_normal(bound, dtype=np.float32)
        best.append(time.perf_counter() - start)
    return runs / statistics.median(best)


def bench(vector_runs: int = 4_000_000, simpy_runs: int = 4_000, repeats: int = 5) -> dict[str, Any]:
    import numpy as np

    from csto.record.load import load_history
    from csto.simulate import montecarlo as mc
    from csto.simulate.assumptions import defaults
    from csto.simulate.distributed import local_cluster
    from csto.simulate.distributed import sweep as distributed
    from csto.simulate.legal import Crisis, frame

    history = load_history()
    law = frame(history, Crisis("ARM", date(2027, 4, 1), "AZE"))
    plan = mc.plan(law, defaults()[0])
    mc.sweep(plan, mc.BLOCK, 0)
    fast, slow, shares = [], [], []
    for seed in range(repeats):
        start = time.perf_counter()
        tally = mc.sweep(plan, vector_runs, seed)
        fast.append(vector_runs / (time.perf_counter() - start))
        start = time.perf_counter()
        theirs = simpy_block(plan, simpy_runs, np.random.SeedSequence(seed))
        slow.append(simpy_runs / (time.perf_counter() - start))
        shares.append((tally.deployed / tally.runs, theirs.deployed / theirs.runs))
    found: dict[str, Any] = {"vector": statistics.median(fast), "simpy": statistics.median(slow),
                             "bound": generator_bound(plan, mc.BLOCK),
                             "deployed": (statistics.mean(s[0] for s in shares),
                                          statistics.mean(s[1] for s in shares))}
    start = time.perf_counter()
    mc.sweep(plan, DASK_RUNS, 1)
    found["in_process"] = time.perf_counter() - start
    for workers in (1, 2):
        cluster = local_cluster(workers)
        try:
            distributed(plan, mc.BLOCK, 0, None, cluster.scheduler_address)  # workers warm
            start = time.perf_counter()
            distributed(plan, DASK_RUNS, 1, None, cluster.scheduler_address)
            found[f"dask_{workers}"] = time.perf_counter() - start
        finally:
            cluster.close()
    return found


def report() -> bool:
    found = bench()
    note("simulate", "one crisis (ARM attacked by AZE, 1 Apr 2027), default assumptions; "
         "vectorised NumPy in blocks of 131,072 runs | SimPy: a process per run, the same draws "
         "and tally, no log | bound: only the run's random numbers, drawn in bulk")
    ok = line("simulate", f"vectorised {found['vector'] / 1e6:.2f} M runs/s on one core",
              f">= {TARGETS['runs_per_second'] / 1e6:.0f} M runs/s",
              found["vector"] >= TARGETS["runs_per_second"])
    share = found["vector"] / found["bound"]
    ok &= line("simulate", f"generator's bound {found['bound'] / 1e6:.1f} M runs/s: the model runs "
               f"at {share:.0%} of it", f">= {TARGETS['bound_share']:.0%}",
               share >= TARGETS["bound_share"])
    ratio = found["vector"] / found["simpy"]
    ok &= line("simulate", f"SimPy, the same job {found['simpy']:,.0f} runs/s: vectorised "
               f"{ratio:,.0f}x faster (deployed in {found['deployed'][0]:.1%} of runs, SimPy "
               f"{found['deployed'][1]:.1%})", f">= {TARGETS['simpy_ratio']:.0f}x",
               ratio >= TARGETS["simpy_ratio"])
    one = found["dask_1"] / found["in_process"]
    ok &= line("dask", f"{DASK_RUNS // 1_000_000} M runs: in process {found['in_process']:.2f} s | "
               f"1 worker {found['dask_1']:.2f} s ({one:.2f}x in process)",
               f"<= {TARGETS['dask_one']}x", one <= TARGETS["dask_one"])
    speedup = found["dask_1"] / found["dask_2"]
    ok &= line("dask", f"{DASK_RUNS // 1_000_000} M runs: 2 workers {found['dask_2']:.2f} s "
               f"({speedup:.2f}x 1 worker; cluster started before the clock)",
               f">= {TARGETS['dask_speedup']}x", speedup >= TARGETS["dask_speedup"])
    return ok


if __name__ == "__main__":
    report()
