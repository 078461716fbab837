"""The simulator's entry points: find the crisis in a history, play it once, or sweep it.

``crisis_of`` reads a history's ``aggression`` and ``request-assistance`` events (a scenario
adds them); ``play_once`` plays one crisis with the SimPy model; ``sweep`` draws many with
the vectorised model, in this process or on a Dask cluster, with the same numbers either
way for the same seed; ``calibration`` gives every parameter's fit and the backtest. The
parameters are fitted on the recorded cases (``fit.py``); ``fixed=True`` keeps their point
estimates instead of drawing them for each run.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from ..record.history import fact_of
from ..record.model import Finding
from . import montecarlo as mc
from .answers import CalibrationAnswer, CrisisAnswer, Interval, Law, Sensitivity, Summary, SweepAnswer
from .assumptions import Law as Distribution
from .assumptions import Model, defaults, model_from
from .fit import LEVEL, Estimate
from .legal import STANCES, Crisis, LegalFrame, frame
from .process import play

if TYPE_CHECKING:
    from ..record.history import History

N_ = str
MAX_RUNS = 10**10
"""The largest sweep accepted: runs are drawn in blocks, so memory stays bounded."""
LIBRARIES = ("csto", "numpy", "scipy", "salib", "simpy", "dask", "distributed")


def crisis_of(history: History) -> tuple[Crisis, float | None]:
    """The crisis a history holds, and the days from the aggression to the request where
    both are recorded (None where no request is: the model draws whether and when it comes).
    The last aggression, else the last request for assistance."""
    aggressions = [e for e in history.events if e.kind == "aggression"]
    requests = [e for e in history.events if e.kind == "request-assistance"]
    if not aggressions and not requests:
        raise InputError("the scenario holds no crisis: add an 'aggression' or a "
                         "'request-assistance' event", field="scenario")
    if aggressions:
        event = aggressions[-1]
        asked = [r for r in requests if r.state == event.state and r.date >= event.date]
        delay = float((asked[0].date - event.date).days) if asked else None
        return Crisis(event.state, event.date, event.by), delay
    event = requests[-1]
    return Crisis(event.state, event.date, event.by), 0.0


def build_model(history: History, spec: object = None, request_delay: float | None = None,
                fixed: bool = False) -> Model:
    """The fitted model with a scenario's ``model:`` section applied (point estimates only
    where ``fixed``)."""
    base, _ = defaults(history)
    if request_delay is not None:
        # The history holds the request: it is made, on its day.
        base = base._replace(request_probability=1.0,
                             request_delay=Distribution("fixed", (request_delay,)))
        if base.uncertain is not None:
            base = base._replace(uncertain=base.uncertain._replace(
                request_probability=None, delays={
                    k: v for k, v in base.uncertain.delays.items() if k != "request"}))
    model = model_from(spec, base, history.resolve_country)
    return model.fixed() if fixed else model


def _estimates(history: History) -> tuple[Estimate, ...]:
    return defaults(history)[1].estimates


def _law(legal: LegalFrame) -> Law:
    return Law(legal.answer.article_version, legal.answer.obliged, legal.request_required,
               legal.deciders, legal.decision_rule)


def _findings(history: History, legal: LegalFrame | None, model: Model) -> tuple[Finding, ...]:
    """The law's own findings, and what the model is fitted on and what it assumes."""
    sources = tuple(s for s in model.sources if s in history.sources)
    last = max((c.end for c in history.cases), default=date(2022, 1, 6))
    fitted = Finding(
        "information", "simulate.fitted",
        N_("Fitted on the recorded cases: the chance that the attacked member asks, a "
           "member's chance of supporting (with a prior from the published rates at which "
           "alliance commitments were honoured: defence pacts 41%, Berkemeier and Fuhrmann "
           "2018; all alliances 74.5%, Leeds, Long and Mitchell 2000), of blocking, and of "
           "taking the crisis's common stance, and the mean delays of the request, the "
           "decision, the first troops, the operation and the withdrawal. Each run draws them "
           "from their fitted laws unless they are fixed. Assumed: the consultations take no "
           "days of their own, and the contingents' sizes (one recorded deployment). So few "
           "cases leave wide intervals, which the page on how the parameters are fitted "
           "shows. A scenario's own model replaces any of them."),
        {}, (), (fact_of("simulate:calibration", last, sources, "M"),))
    return (*(legal.answer.findings if legal is not None else ()), fitted)


def play_once(history: History, crisis: Crisis | None = None, spec: object = None,
              seed: int | None = None, fixed: bool = False) -> CrisisAnswer:
    """One crisis played out with the SimPy model (parameters, stances and delays drawn
    once)."""
    delay = None
    if crisis is None:
        crisis, delay = crisis_of(history)
    legal = frame(history, crisis)
    model = build_model(history, spec, delay, fixed)
    chosen = _seed(seed)
    steps, outcome = play(legal, model, np.random.default_rng(chosen))
    end = crisis.day + timedelta(days=int(outcome.end_day)) if outcome.end_day else None
    return CrisisAnswer(crisis, _law(legal), steps, outcome, end, model.as_spec(), chosen,
                        fixed, _estimates(history), _findings(history, legal, model), history)


def _seed(seed: int | None) -> int:
    if seed is None:
        entropy = np.random.SeedSequence().entropy
        assert isinstance(entropy, int)
        return entropy % (2**63)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError("seed must be a whole number of 0 or more, not {value}", field="seed",
                         value=str(seed))
    return seed


def _summary(histogram: np.ndarray, edges: np.ndarray, count: int, total: float,
             squares: float) -> Summary:
    if count == 0:
        return Summary(0, None, None, None, None, None, tuple(edges.tolist()),
                       tuple(histogram.tolist()))
    mean = total / count
    variance = max(squares / count - mean * mean, 0.0)
    cumulative = np.cumsum(histogram) / count

    def quantile(q: float) -> float:
        return float(edges[min(int(np.searchsorted(cumulative, q)) + 1, len(edges) - 1)])

    return Summary(count, mean, variance ** 0.5, quantile(0.05), quantile(0.5), quantile(0.95),
                   tuple(edges.tolist()), tuple(int(c) for c in histogram))


def _sensitivity(plan: mc.Plan, tally: mc.Tally, model: Model) -> tuple[Sensitivity, ...]:
    """First-order indices of the deployment, from the counts by member and stance."""
    mean = tally.deployed / tally.runs if tally.runs else 0.0
    variance = mean * (1 - mean)
    found = []
    for place, state in enumerate(plan.deciders):
        runs = tally.by_stance_runs[place]
        deployed = tally.by_stance_deployed[place]
        troops = tally.by_stance_troops[place]
        shares = runs / max(tally.runs, 1)
        conditional = np.divide(deployed, runs, out=np.zeros(3), where=runs > 0)
        explained = float((shares * (conditional - mean) ** 2).sum())
        found.append(Sensitivity(
            state, model.stance(state).as_spec(),
            explained / variance if variance > 0 else 0.0,
            {s: float(conditional[i]) if runs[i] else None for i, s in enumerate(STANCES)},
            {s: float(troops[i] / runs[i]) if runs[i] else None for i, s in enumerate(STANCES)}))
    return tuple(sorted(found, key=lambda s: -s.share))


def _versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "missing"
    return found


def _predictive(plan: mc.Plan) -> dict[str, Interval]:
    """The exact chances over the pool: their mean and their 5% and 95% quantiles."""
    from .chances import chances

    found = chances(plan)
    tail = (1 - LEVEL) / 2
    return {name: Interval(round(float(values.mean()), 9),
                           round(float(np.quantile(values, tail)), 9),
                           round(float(np.quantile(values, 1 - tail)), 9))
            for name, values in (("decision", found.decision),
                                 ("deployment", found.deployment))}


def sweep(history: History, crisis: Crisis | None = None, spec: object = None, runs: int = 100_000,
          seed: int | None = None, workers: int | None = None, scheduler: str | None = None,
          progress: Callable[[int], None] | None = None, fixed: bool = False) -> SweepAnswer:
    """``runs`` crises drawn from the model: the chance and speed of a collective response,
    the troops, which member's stance matters most, and which fitted parameter."""
    from .sobol import sobol

    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= MAX_RUNS:
        raise InputError("runs must be a whole number from 1 to {most}, not {value}",
                         field="runs", most=f"{MAX_RUNS:,}", value=str(runs))
    delay = None
    if crisis is None:
        crisis, delay = crisis_of(history)
    legal = frame(history, crisis)
    model = build_model(history, spec, delay, fixed)
    plan = mc.plan(legal, model)
    chosen = _seed(seed)
    if workers is None and scheduler is None:
        tally = mc.sweep(plan, runs, chosen, progress)
    else:
        from .distributed import sweep as distributed

        tally, _used = distributed(plan, runs, chosen, workers, scheduler, progress)
    return SweepAnswer(
        crisis, _law(legal), runs, chosen, fixed, tally.decided / runs, tally.deployed / runs,
        _predictive(plan), tally.sum_decision_days / tally.decided if tally.decided else None,
        _summary(tally.day_histogram, mc.DAY_BINS, tally.deployed, tally.sum_days,
                 tally.sum_days_squared),
        _summary(tally.troop_histogram, mc.TROOP_BINS, tally.deployed, tally.sum_troops,
                 tally.sum_troops_squared),
        _sensitivity(plan, tally, model), sobol(plan), model.as_spec(), _estimates(history),
        mc.MODEL_VERSION, _versions(), _findings(history, legal, model), history)


def calibration(history: History) -> CalibrationAnswer:
    """Every parameter with its fit (or assumed, and why), and the leave-one-out backtest."""
    from .backtest import backtest

    model, fitted = defaults(history)
    return CalibrationAnswer(fitted.estimates, LEVEL, backtest(history),
                             _findings(history, None, model), history)


def simulate(history: History, runs: int | None = None, seed: int | None = None,
             fixed: bool = False) -> CrisisAnswer | SweepAnswer:
    """The crisis of a scenario's history played once (``runs`` None) or ``runs`` times, with
    the scenario's own ``model:`` section."""
    spec = history.scenario.model if history.scenario is not None else None
    if runs is None:
        return play_once(history, spec=spec, seed=seed, fixed=fixed)
    return sweep(history, None, spec, runs, seed, fixed=fixed)
