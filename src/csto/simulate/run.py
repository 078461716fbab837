"""The simulator's entry points: find the crisis in a history, play it once, or sweep it.

``crisis_of`` reads a history's ``aggression`` and ``request-assistance`` events (a scenario
adds them); ``play_once`` plays one crisis with the SimPy model; ``sweep`` draws many with
the vectorised model, in this process or on a Dask cluster, with the same numbers either
way for the same seed.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from ..record.history import fact_of
from ..record.model import Finding
from . import montecarlo as mc
from .answers import CrisisAnswer, Law, Sensitivity, Summary, SweepAnswer
from .assumptions import Law as Distribution
from .assumptions import Model, defaults, model_from
from .legal import STANCES, Crisis, LegalFrame, frame
from .process import play

if TYPE_CHECKING:
    from ..record.history import History

N_ = str
MAX_RUNS = 10**10
"""The largest sweep accepted: runs are drawn in blocks, so memory stays bounded."""
LIBRARIES = ("csto", "numpy", "simpy", "dask", "distributed")


def crisis_of(history: History) -> tuple[Crisis, float | None]:
    """The crisis a history holds, and the days from the aggression to the request where
    both are recorded. The last aggression, else the last request for assistance."""
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


def build_model(history: History, spec: Any = None, request_delay: float | None = None) -> Model:
    """The default model with a scenario's ``model:`` section applied."""
    base, _ = defaults()
    if request_delay is not None:
        base = base._replace(request_delay=Distribution("fixed", (request_delay,)))
    return model_from(spec, base, history.resolve_country)


def _law(legal: LegalFrame) -> Law:
    return Law(legal.answer.article_version, legal.answer.obliged, legal.request_required,
               legal.deciders, legal.decision_rule)


def _findings(history: History, legal: LegalFrame, model: Model) -> tuple[Finding, ...]:
    """The law's own findings, and where the model's assumptions come from."""
    sources = tuple(s for s in model.sources if s in history.sources)
    assumption = Finding(
        "information", "simulate.assumptions",
        N_("Stances and delays are assumptions: the defaults span the recorded cases "
           "(Kazakhstan 2022, Armenia 2022, Kyrgyzstan 2010) and the published rate at which "
           "alliance commitments are honoured; a scenario's model section replaces them."),
        {}, (), (fact_of("simulate:defaults", date(2022, 1, 6), sources, "M"),))
    return (*legal.answer.findings, assumption)


def play_once(history: History, crisis: Crisis | None = None, spec: Any = None,
              seed: int | None = None) -> CrisisAnswer:
    """One crisis played out with the SimPy model (stances and delays drawn once)."""
    delay = None
    if crisis is None:
        crisis, delay = crisis_of(history)
    legal = frame(history, crisis)
    model = build_model(history, spec, delay)
    chosen = _seed(seed)
    steps, outcome = play(legal, model, np.random.default_rng(chosen))
    end = crisis.day + timedelta(days=int(outcome.end_day)) if outcome.end_day else None
    return CrisisAnswer(crisis, _law(legal), steps, outcome, end, model.as_spec(), chosen,
                        _findings(history, legal, model), history)


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


def sweep(history: History, crisis: Crisis | None = None, spec: Any = None, runs: int = 100_000,
          seed: int | None = None, workers: int | None = None, scheduler: str | None = None,
          progress: Callable[[int], None] | None = None) -> SweepAnswer:
    """``runs`` crises drawn from the model: the chance and speed of a collective response,
    the troops, and which member's stance matters most."""
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= MAX_RUNS:
        raise InputError("runs must be a whole number from 1 to {most}, not {value}",
                         field="runs", most=f"{MAX_RUNS:,}", value=str(runs))
    delay = None
    if crisis is None:
        crisis, delay = crisis_of(history)
    legal = frame(history, crisis)
    model = build_model(history, spec, delay)
    plan = mc.plan(legal, model)
    chosen = _seed(seed)
    if workers is None and scheduler is None:
        tally, used = mc.sweep(plan, runs, chosen, progress), 1
    else:
        from .distributed import sweep as distributed

        tally, used = distributed(plan, runs, chosen, workers, scheduler, progress)
    return SweepAnswer(
        crisis, _law(legal), runs, chosen, used, tally.decided / runs, tally.deployed / runs,
        tally.sum_decision_days / tally.decided if tally.decided else None,
        _summary(tally.day_histogram, mc.DAY_BINS, tally.deployed, tally.sum_days,
                 tally.sum_days_squared),
        _summary(tally.troop_histogram, mc.TROOP_BINS, tally.deployed, tally.sum_troops,
                 tally.sum_troops_squared),
        _sensitivity(plan, tally, model), model.as_spec(), mc.MODEL_VERSION, _versions(),
        _findings(history, legal, model), history)


def simulate(history: History, runs: int | None = None,
             seed: int | None = None) -> CrisisAnswer | SweepAnswer:
    """The crisis of a scenario's history played once (``runs`` None) or ``runs`` times, with
    the scenario's own ``model:`` section."""
    spec = history.scenario.model if history.scenario is not None else None
    if runs is None:
        return play_once(history, spec=spec, seed=seed)
    return sweep(history, None, spec, runs, seed)
