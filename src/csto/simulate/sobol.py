"""Sobol indices of the fitted parameters (SALib): how much of the variance of the chance of
a deployment, and of the mean days to the first troops, each parameter explains.

The inputs are the fitted parameters a sweep draws (``Plan.rows`` > 1), each spread as its
fitted law: SALib's Sobol sequence on [0, 1) is mapped through the quantiles of the
parameter's pool. The outputs are exact (``chances.py``; the days are the sum of the steps'
mean delays up to the first troops), so the indices carry no Monte Carlo noise of their
own. The laws are taken as independent, as they are fitted.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .answers import SobolIndex
from .chances import chances
from .montecarlo import Plan

BASE_SAMPLES = 256
"""SALib's N (a power of two): N x (parameters + 2) parameter sets are evaluated."""
SEED = 7
FIRST_STEPS = ("request", "consultations", "decision", "deployment")


def _inputs(plan: Plan) -> dict[str, np.ndarray]:
    """The plan's varying columns, by parameter name, each sorted (its quantiles)."""
    found: dict[str, np.ndarray] = {}
    for name, column in (("request.probability", plan.request_probability),
                         ("stances.support", plan.default_support),
                         ("stances.block", 1 - plan.default_support_or_aside),
                         ("stances.follow", plan.follow),
                         *((f"delays.{step}", plan.scales[step]) for step in FIRST_STEPS
                           if step in plan.scales)):
        if len(column) > 1 and np.ptp(column) > 0:
            found[name] = np.sort(column.astype(np.float64))
    if not plan.request_required:
        found.pop("request.probability", None)
    if not any(plan.defaulted):
        for name in ("stances.support", "stances.block"):
            found.pop(name, None)
    return found


def _mean_delay(plan: Plan, step: str) -> float:
    return (plan.request_delay if step == "request" else plan.delays[step]).mean()


def sobol(plan: Plan) -> tuple[SobolIndex, ...]:
    """First-order and total indices of each fitted parameter, for the chance of a
    deployment (the chances drawn) and the mean days to the first troops (the delays drawn);
    none where nothing varies."""
    inputs = _inputs(plan)
    if not inputs or not plan.applies:
        return ()
    chance = [n for n in inputs if not n.startswith("delays.")]
    delay = [n for n in inputs if n.startswith("delays.")]
    return (*_indices("deployment", chance, inputs, lambda v, rows: _deployment(plan, v, rows)),
            *_indices("days", delay, inputs, lambda v, rows: _days(plan, v, rows)))


def _indices(outcome: str, names: list[str], inputs: dict[str, np.ndarray],
             model: Callable[[dict[str, np.ndarray], int], np.ndarray]) -> list[SobolIndex]:
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    if not names:
        return []
    problem: dict[str, object] = {"num_vars": len(names), "names": names,
                               "bounds": [[0.0, 1.0]] * len(names)}
    unit = sample.sample(problem, BASE_SAMPLES, calc_second_order=False, seed=SEED)
    values = {}
    for place, name in enumerate(names):
        quantiles = inputs[name]
        at = np.minimum((unit[:, place] * len(quantiles)).astype(np.int64), len(quantiles) - 1)
        values[name] = quantiles[at]
    output = model(values, len(unit))
    if np.ptp(output) == 0:
        return []
    result = analyze.analyze(problem, output, calc_second_order=False, seed=SEED,
                             num_resamples=200)
    return [SobolIndex(outcome, name, _clean(result["S1"][place]),
                       _clean(result["S1_conf"][place]), _clean(result["ST"][place]),
                       _clean(result["ST_conf"][place])) for place, name in enumerate(names)]


def _deployment(plan: Plan, values: dict[str, np.ndarray], rows: int) -> np.ndarray:
    def column(name: str, current: np.ndarray) -> np.ndarray:
        return values[name] if name in values else np.resize(current, rows)

    varied = plan._replace(
        rows=rows, request_probability=column("request.probability", plan.request_probability),
        default_support=column("stances.support", plan.default_support),
        default_support_or_aside=(1 - values["stances.block"] if "stances.block" in values
                                  else np.resize(plan.default_support_or_aside, rows)),
        follow=column("stances.follow", plan.follow))
    return chances(varied).deployment


def _days(plan: Plan, values: dict[str, np.ndarray], rows: int) -> np.ndarray:
    total = np.zeros(rows)
    for step in FIRST_STEPS:
        if f"delays.{step}" in values:
            total += values[f"delays.{step}"]
        elif step in plan.scales:
            total += float(plan.scales[step][0])
        else:
            total += _mean_delay(plan, step)
    return total


def _clean(value: float) -> float:
    return round(float(value), 6) if np.isfinite(value) else 0.0
