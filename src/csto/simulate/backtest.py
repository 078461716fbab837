"""The model scored on the recorded cases it was not fitted on: leave-one-out.

For each recorded case the parameters are fitted on all the others (``fit.fit(history,
leave_out=case)``), and the model predicts, for the case's crisis (the reading the
Organization acted on, else the first), whether a request is made, a decision taken, forces
deployed (exact chances, ``chances.py``), and, where forces came, the chance of the first
troops on the recorded day (from ``DAY_RUNS`` simulated runs). The request is scored only
where the Treaty's procedure applies and needs one (elsewhere the model makes no claim on
it). Scores: the Brier score (mean squared error of the chance, lower is better) and the log
score (mean natural log of the chance given to what happened, higher is better; chances are
kept within ``EPSILON`` of 0 and 1). Baselines: a constant base rate (each outcome's rate
among the other cases, (k + 1/2) / (n + 1)), and Leeds, Long and Mitchell's 74.5% for a
decision and a deployment (with the base rate for the request, on which it says nothing).
"""

from __future__ import annotations

from functools import cache
from math import log
from typing import TYPE_CHECKING

import numpy as np

from .answers import Backtest, BacktestCase, Baseline
from .assumptions import from_calibration
from .chances import chances
from .fit import CaseFacts, case_facts, fit
from .legal import frame
from .montecarlo import draw, plan

if TYPE_CHECKING:
    from ..record.history import History

OUTCOMES = ("request", "decision", "deployment")
LLM_RATE = 0.745
"""Leeds, Long and Mitchell (2000): the share of alliance commitments honoured."""
LLM_SOURCE = "leeds-long-mitchell-2000"
EPSILON = 1e-6
DAY_RUNS = 1 << 17
DAY_SEED = 2022


def _observed(fact: CaseFacts, scored_request: bool) -> dict[str, bool | None]:
    return {"request": fact.requested if scored_request else None, "decision": fact.decided,
            "deployment": fact.deployed}


def _days(fact: CaseFacts) -> int | None:
    steps = dict(fact.steps)
    if "first-deployment" not in steps:
        return None
    return (steps["first-deployment"] - fact.crisis.day).days


def _predict(history: History, fact: CaseFacts) -> tuple[bool, dict[str, float | None]]:
    model = from_calibration(fit(history, leave_out=fact.case), history)
    law = frame(history, fact.crisis)
    planned = plan(law, model)
    found = chances(planned)
    scored_request = law.applies and law.request_required
    predicted: dict[str, float | None] = {
        "request": float(found.request.mean()) if scored_request else None,
        "decision": float(found.decision.mean()), "deployment": float(found.deployment.mean()),
        "days": None}
    day = _days(fact)
    if day is not None:
        drawn = draw(planned, DAY_RUNS, np.random.default_rng(DAY_SEED))
        first = drawn.first_day[drawn.deployed]
        predicted["days"] = (float(((first >= day) & (first < day + 1)).mean())
                             if len(first) else 0.0)
    return scored_request, predicted


def _brier(pairs: list[tuple[float, bool]]) -> float | None:
    return float(np.mean([(p - y) ** 2 for p, y in pairs])) if pairs else None


def _log(pairs: list[tuple[float, bool]]) -> float | None:
    if not pairs:
        return None
    clipped = [min(max(p, EPSILON), 1 - EPSILON) for p, _ in pairs]
    return float(np.mean([log(p if y else 1 - p) for p, (_, y) in zip(clipped, pairs,
                                                                    strict=True)]))


def _scores(rows: list[tuple[dict[str, bool | None], dict[str, float | None]]]
            ) -> tuple[dict[str, float | None], dict[str, float | None]]:
    brier: dict[str, float | None] = {}
    logs: dict[str, float | None] = {}
    everything: list[tuple[float, bool]] = []
    for outcome in OUTCOMES:
        pairs = [(p, y) for observed, predicted in rows
                 if (y := observed[outcome]) is not None
                 and (p := predicted[outcome]) is not None]
        everything += pairs
        brier[outcome], logs[outcome] = _brier(pairs), _log(pairs)
    brier["all"], logs["all"] = _brier(everything), _log(everything)
    return brier, logs


def _base_rate(others: list[dict[str, bool | None]], outcome: str) -> float:
    seen = [o[outcome] for o in others if o[outcome] is not None]
    return (sum(bool(v) for v in seen) + 0.5) / (len(seen) + 1)


def backtest(history: History) -> Backtest:
    """Leave-one-out over the recorded cases, scored against the baselines."""
    return _backtest(case_facts(history), history)


@cache
def _backtest(facts: tuple[CaseFacts, ...], history: History) -> Backtest:
    rows = []
    for fact in facts:
        scored_request, predicted = _predict(history, fact)
        rows.append((fact, _observed(fact, scored_request), predicted))
    observed_all = [observed for _, observed, _ in rows]
    cases, model_rows, base_rows, llm_rows = [], [], [], []
    for index, (fact, observed, predicted) in enumerate(rows):
        others = observed_all[:index] + observed_all[index + 1:]
        base = {o: _base_rate(others, o) if observed[o] is not None else None
                for o in OUTCOMES}
        llm = {"request": base["request"], "decision": LLM_RATE, "deployment": LLM_RATE}
        model_rows.append((observed, predicted))
        base_rows.append((observed, dict(base)))
        llm_rows.append((observed, dict(llm)))
        crisis = fact.crisis
        cases.append(BacktestCase(
            fact.case, crisis.victim, crisis.aggressor, crisis.situation, crisis.territory,
            crisis.day, fact.covered,
            {**observed, "days": _days(fact)}, predicted,
            {"base-rate": base, "leeds-long-mitchell-2000": llm}))
    brier, logs = _scores(model_rows)
    days = [p for _, p in ((o, pr["days"]) for o, pr in model_rows) if p is not None]
    logs["days"] = float(np.mean([log(max(p, EPSILON)) for p in days])) if days else None
    baselines = {}
    for name, table, sources in (("base-rate", base_rows, ()),
                                 ("leeds-long-mitchell-2000", llm_rows, (LLM_SOURCE,))):
        b_brier, b_log = _scores(table)
        baselines[name] = Baseline(b_brier, b_log, sources)
    beats = {name: {"brier": bool(brier["all"] is not None and b.brier["all"] is not None
                                  and brier["all"] < b.brier["all"]),
                    "log_score": bool(logs["all"] is not None and b.log_score["all"] is not None
                                      and logs["all"] > b.log_score["all"])}
             for name, b in baselines.items()}
    return Backtest(tuple(cases), brier, logs, baselines, beats)
