"""The simulator's parameters fitted on the recorded cases, by conjugate updates of stated
priors (``calibration.yaml``).

A chance (a request, a member's support or block, following the common stance) is a
Beta–Binomial update; a delay is exponential around a mean whose rate gets a Gamma–Exponential
update. What each parameter is fitted on is read from the cases' structure, never restated:
whether the Treaty's procedure covers a case (the rules, for the reading the Organization
acted on, else the first), its dated steps (``request``, ``session``, ``decision``,
``first-deployment``...), and the members' recorded positions. ``fit(history, leave_out)``
fits without one case, for the backtest.

The fitted laws are also kept as a pool of ``POOL`` parameter sets: for each parameter, the
quantiles at ``(i + 0.5) / POOL`` in an order shuffled once with a fixed seed, so that the
columns are independent. Each simulated run uses one row of the pool.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypedDict

import numpy as np
import yaml

from ..record.model import Text
from .legal import Crisis, frame

if TYPE_CHECKING:
    from ..record.history import History
    from ..record.model import Case

CALIBRATION = Path(__file__).with_name("calibration.yaml")
POOL = 4096
"""Parameter sets in the pool each run draws one of."""
POOL_SEED = 1992
"""The fixed seed of the pool's order (a constant of the model, not of a sweep)."""
LEVEL = 0.90
"""The credible interval reported for every fitted parameter."""


class BetaBetween(TypedDict):
    """The Beta with this mean whose 95th percentile is ``p95``."""

    mean: float
    p95: float


Prior = TypedDict("Prior", {"beta": list[float], "beta-between": BetaBetween,
                            "gamma": list[float]}, total=False)
"""A parameter's prior in ``calibration.yaml``: one of these laws."""
Entry = TypedDict("Entry", {"fit": str, "prior": Prior, "from": list[str], "to": list[str],
                            "assumed": float, "cases": list[str], "sources": list[str],
                            "why": dict[str, str]}, total=False)
"""One parameter of ``calibration.yaml``: how it is fitted, or the value assumed; and why."""


class CaseFacts(NamedTuple):
    """What the model reads from one recorded case."""

    case: str
    crisis: Crisis
    covered: bool
    requested: bool
    decided: bool
    deployed: bool
    steps: tuple[tuple[str, date], ...]
    positions: tuple[str, ...]


class Estimate(NamedTuple):
    """One parameter: its estimate and 90% interval, how and on what it was fitted, or
    ``assumed`` and why. ``prior`` and ``posterior`` are the laws' parameters (``a``, ``b``
    of a Beta; ``shape``, ``rate`` of the Gamma on a delay's rate, in days); ``data`` the
    counts the update used; ``cases`` the recorded cases they come from."""

    parameter: str
    status: str
    estimate: float
    low: float | None
    high: float | None
    method: str
    prior: dict[str, float] | None
    posterior: dict[str, float] | None
    data: dict[str, float]
    cases: tuple[str, ...]
    why: Text
    sources: tuple[str, ...]


class Calibration(NamedTuple):
    """Every parameter's estimate, and the pool of parameter sets drawn from the fitted laws
    (one array of ``POOL`` values per fitted parameter)."""

    estimates: tuple[Estimate, ...]
    pool: dict[str, np.ndarray]
    left_out: str | None

    def value(self, parameter: str) -> float:
        return next(e.estimate for e in self.estimates if e.parameter == parameter)


def _crisis(case: Case) -> Crisis:
    reading = next((r for r in case.readings if r.acted_on), case.readings[0])
    return Crisis(reading.victim, reading.date, reading.aggressor, reading.situation,
                  reading.territory)


def case_facts(history: History) -> tuple[CaseFacts, ...]:
    """What each recorded case shows, read once per set of cases."""
    return _case_facts(history.cases, history)


@cache
def _spec() -> dict[str, Entry]:
    raw = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


_FACTS: dict[int, tuple[tuple[Case, ...], tuple[CaseFacts, ...]]] = {}


def _case_facts(cases: tuple[Case, ...], history: History) -> tuple[CaseFacts, ...]:
    kept = _FACTS.get(id(cases))
    if kept is not None and kept[0] is cases:
        return kept[1]
    found = []
    for case in cases:
        crisis = _crisis(case)
        law = frame(history, crisis)
        steps = {"start": case.start, **{s.step: s.date for s in case.timeline}}
        found.append(CaseFacts(case.id, crisis, law.applies, "request" in steps,
                               "decision" in steps, "first-deployment" in steps,
                               tuple(steps.items()),
                               tuple(p.stance for p in case.positions)))
    _FACTS[id(cases)] = (cases, tuple(found))
    return tuple(found)


def _beta_between(mean: float, p95: float) -> tuple[float, float]:
    """The Beta with this mean whose 95th percentile is ``p95``."""
    from scipy import optimize, stats

    def gap(strength: float) -> float:
        return float(stats.beta.ppf(0.95, mean * strength, (1 - mean) * strength)) - p95

    strength = float(optimize.brentq(gap, 0.05, 10_000.0, xtol=1e-10))
    return mean * strength, (1 - mean) * strength


def _order(count: int, column: int) -> np.ndarray:
    rng = np.random.default_rng([POOL_SEED, column])
    return (rng.permutation(count) + 0.5) / count


def _chance(name: str, spec: Entry, successes: int, trials: int,
            cases: tuple[str, ...], column: int) -> tuple[Estimate, np.ndarray]:
    from scipy import stats

    prior = spec["prior"]
    a0, b0 = (_beta_between(**prior["beta-between"]) if "beta-between" in prior
              else (float(prior["beta"][0]), float(prior["beta"][1])))
    a, b = a0 + successes, b0 + trials - successes
    law = stats.beta(a, b)
    tail = (1 - LEVEL) / 2
    estimate = Estimate(
        name, "fitted", a / (a + b), float(law.ppf(tail)), float(law.ppf(1 - tail)),
        "beta-binomial", {"a": round(a0, 6), "b": round(b0, 6)}, {"a": round(a, 6),
                                                                  "b": round(b, 6)},
        {"successes": successes, "trials": trials}, cases, Text(**spec["why"]),
        tuple(spec.get("sources", ())))
    return estimate, np.asarray(law.ppf(_order(POOL, column)), dtype=np.float64)


def _delay(name: str, spec: Entry, days: list[float], cases: tuple[str, ...],
           column: int) -> tuple[Estimate, np.ndarray]:
    """A delay's mean: the rate (1 / mean) gets a Gamma prior; the estimate is the mean of
    the mean delay, the interval its quantiles."""
    from scipy import stats

    shape0, rate0 = (float(v) for v in spec["prior"]["gamma"])
    shape, rate = shape0 + len(days), rate0 + sum(days)
    law = stats.gamma(shape, scale=1 / rate)
    tail = (1 - LEVEL) / 2
    mean = rate / (shape - 1) if shape > 1 else float(1 / law.ppf(0.5))
    estimate = Estimate(
        name, "fitted", mean, float(1 / law.ppf(1 - tail)), float(1 / law.ppf(tail)),
        "gamma-exponential", {"shape": shape0, "rate": rate0},
        {"shape": shape, "rate": round(rate, 6)},
        {"delays": len(days), "days": round(sum(days), 6)}, cases, Text(**spec["why"]),
        tuple(spec.get("sources", ())))
    return estimate, np.asarray(1 / law.ppf(1 - _order(POOL, column)), dtype=np.float64)


def _days(facts: tuple[CaseFacts, ...], spec: Entry) -> tuple[list[float], tuple[str, ...]]:
    """The recorded delays between two steps, each day counted as its middle."""
    days, cases = [], []
    for fact in facts:
        steps = dict(fact.steps)
        start = next((steps[s] for s in spec["from"] if s in steps), None)
        end = next((steps[s] for s in spec["to"] if s in steps), None)
        if start is not None and end is not None and end >= start:
            days.append((end - start).days + 0.5)
            cases.append(fact.case)
    return days, tuple(cases)


def fit(history: History, leave_out: str | None = None) -> Calibration:
    """Every parameter, fitted on the recorded cases (all, or all but ``leave_out``)."""
    return _fit(case_facts(history), leave_out)


@cache
def _fit(everything: tuple[CaseFacts, ...], leave_out: str | None) -> Calibration:
    facts = tuple(f for f in everything if f.case != leave_out)
    spec = _spec()
    covered = [f for f in facts if f.covered]
    asked = [f for f in covered if f.requested]
    positioned = [f for f in facts if len(f.positions) >= 2]
    counts = {
        "request.probability": (sum(f.requested for f in covered), len(covered),
                                tuple(f.case for f in covered)),
        "stances.support": (sum(f.deployed for f in asked), len(asked),
                            tuple(f.case for f in asked)),
        "stances.block": (sum(p == "block" for f in facts for p in f.positions),
                          sum(len(f.positions) for f in facts),
                          tuple(f.case for f in facts if f.positions)),
        "stances.follow": (sum(p == max(set(f.positions), key=f.positions.count)
                               for f in positioned for p in f.positions),
                           sum(len(f.positions) for f in positioned),
                           tuple(f.case for f in positioned)),
    }
    estimates: list[Estimate] = []
    pool: dict[str, np.ndarray] = {}
    for column, (name, entry) in enumerate(spec.items()):
        if "assumed" in entry:
            value = float(entry["assumed"])
            estimates.append(Estimate(name, "assumed", value, None, None, "assumed", None, None,
                                      {}, tuple(entry.get("cases", ())), Text(**entry["why"]),
                                      tuple(entry.get("sources", ()))))
            continue
        if entry["fit"] == "beta-binomial":
            successes, trials, cases = counts[name]
            estimate, draws = _chance(name, entry, successes, trials, cases, column)
        else:
            days, cases = _days(facts, entry)
            estimate, draws = _delay(name, entry, days, cases, column)
        estimates.append(estimate)
        pool[name] = draws
    support, block = pool["stances.support"], pool["stances.block"]
    pool["stances.block"] = np.minimum(block, 1.0 - support)
    return Calibration(tuple(estimates), pool, leave_out)
