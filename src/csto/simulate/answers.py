"""The simulator's answers: one crisis as a log, or a sweep as summary statistics."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ..record.model import Finding
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
    model: dict[str, Any]
    seed: int
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


class SweepAnswer(NamedTuple):
    """Many crises drawn from the model: how likely a decision, how fast, how large."""

    crisis: Crisis
    law: Law
    runs: int
    seed: int
    workers: int
    p_decision: float
    p_deployment: float
    mean_days_to_decision: float | None
    days_to_first_deployment: Summary
    troops: Summary
    sensitivity: tuple[Sensitivity, ...]
    model: dict[str, Any]
    model_version: str
    versions: dict[str, str]
    findings: tuple[Finding, ...]
    history: History
