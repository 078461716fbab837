"""The simulator's answers: one crisis as a log, or a sweep as summary statistics."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..record.model import Finding
from .fit import Estimate
from .legal import Crisis
from .process import Outcome, Step

if TYPE_CHECKING:
    from ..record.history import History


class Law(NamedTuple):
    """What the law says about the crisis (from the rules engine)."""

    article_version: str | None
    obliged: tuple[str, ...]
    request_required: bool
    deciders: tuple[str, ...]
    decision_rule: str | None


class CrisisAnswer(NamedTuple):
    """One crisis played out: the steps in order, and how it ended."""

    crisis: Crisis
    law: Law
    steps: tuple[Step, ...]
    outcome: Outcome
    end_date: date | None
    model: dict[str, object]
    seed: int
    fixed: bool
    calibration: tuple[Estimate, ...]
    findings: tuple[Finding, ...]
    history: History


class Summary(NamedTuple):
    """A distribution over the runs where it is defined: moments, quantiles, histogram."""

    runs: int
    mean: float | None
    sd: float | None
    p05: float | None
    p50: float | None
    p95: float | None
    edges: tuple[float, ...]
    counts: tuple[int, ...]


class Sensitivity(NamedTuple):
    """How much one member's stance decides whether forces are deployed.

    ``share`` is the first-order sensitivity index of the deployment (the share of its
    variance explained by this member's stance); ``p_deploy`` gives the chance of a
    deployment given each stance of this member.
    """

    state: str
    stance_law: dict[str, float]
    share: float
    p_deploy: dict[str, float | None]
    mean_troops: dict[str, float | None]


class Interval(NamedTuple):
    """A predictive chance: its mean over the fitted parameters' uncertainty, and the 5% and
    95% quantiles of the chance across that uncertainty."""

    mean: float
    p05: float
    p95: float


class SobolIndex(NamedTuple):
    """How much of an outcome's variance one fitted parameter explains (Sobol): ``first``
    alone, ``total`` with its interactions, each with a 95% half-width (``*_conf``)."""

    outcome: str
    parameter: str
    first: float
    first_conf: float
    total: float
    total_conf: float


class SweepAnswer(NamedTuple):
    """Many crises drawn from the model: how likely a decision, how fast, how large.

    ``p_decision`` and ``p_deployment`` are the shares of the runs; ``predictive`` gives
    the exact chances with their interval over the fitted parameters' uncertainty (a point
    where ``fixed``); ``sobol`` the share of each outcome's variance due to each fitted
    parameter; ``sensitivity`` whose stance matters most.
    """

    crisis: Crisis
    law: Law
    runs: int
    seed: int
    fixed: bool
    p_decision: float
    p_deployment: float
    predictive: dict[str, Interval]
    mean_days_to_decision: float | None
    days_to_first_deployment: Summary
    troops: Summary
    sensitivity: tuple[Sensitivity, ...]
    sobol: tuple[SobolIndex, ...]
    model: dict[str, object]
    calibration: tuple[Estimate, ...]
    model_version: str
    versions: dict[str, str]
    findings: tuple[Finding, ...]
    history: History


class BacktestCase(NamedTuple):
    """One recorded case predicted by the model fitted without it: what happened
    (``observed``: request, decision, deployment, days to the first troops), the model's
    chances (``predicted``; ``days`` is the chance of the first troops on the recorded day,
    given a deployment), and the baselines' chances. ``procedure``: whether the Treaty gives
    a collective procedure for the crisis as read."""

    case: str
    victim: str
    aggressor: str | None
    situation: str
    territory: str
    date: date
    procedure: bool
    observed: dict[str, bool | int | None]
    predicted: dict[str, float | None]
    baselines: dict[str, dict[str, float | None]]


class Baseline(NamedTuple):
    """A baseline's scores, by outcome and over all (``all``)."""

    brier: dict[str, float | None]
    log_score: dict[str, float | None]
    sources: tuple[str, ...]


class Backtest(NamedTuple):
    """Leave-one-out over the recorded cases: the model's scores and the baselines', by
    outcome and over all; ``beats`` says, per baseline, whether the model scores better."""

    cases: tuple[BacktestCase, ...]
    brier: dict[str, float | None]
    log_score: dict[str, float | None]
    baselines: dict[str, Baseline]
    beats: dict[str, dict[str, bool]]


class CalibrationAnswer(NamedTuple):
    """Every parameter of the simulator with its estimate, interval, method and data (or
    assumed, and why), and the backtest on the recorded cases."""

    parameters: tuple[Estimate, ...]
    level: float
    backtest: Backtest
    findings: tuple[Finding, ...]
    history: History
