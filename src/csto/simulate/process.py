"""One crisis played out step by step: the readable reference model (SimPy).

Each step is a SimPy event; the log says who acts, when, with which stance, and which
article of the wording in force stands behind it (from ``legal.frame``). A crisis first
takes one row of the fitted parameters' pool (``Model.at``), then draws as that row says:
a common stance, and each member follows it (a share ``follow`` of the time) or draws its
own. The vectorised ``montecarlo`` draws the same laws for many runs at once; a test holds
the two to the same distributions.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
import simpy

from ..record.model import Citation
from .assumptions import Model
from .legal import STANCES, LegalFrame


class Step(NamedTuple):
    """One thing that happens in a crisis, ``day`` days after it began."""

    day: float
    date: date
    code: str
    actor: str
    states: tuple[str, ...]
    detail: str | None
    troops: int | None
    citations: tuple[Citation, ...]


class Outcome(NamedTuple):
    """How a crisis ended: decided or not, deployed or not, when, with how many troops."""

    requested: bool
    decided: bool
    deployed: bool
    decision_day: float | None
    first_day: float | None
    troops: int
    end_day: float | None


def play(frame: LegalFrame, model: Model, rng: np.random.Generator,
         stances: dict[str, str] | None = None) -> tuple[tuple[Step, ...], Outcome]:
    """Play one crisis; ``stances`` fixes members' stances instead of drawing them."""
    if model.uncertain is not None:
        model = model.at(int(rng.integers(model.uncertain.rows)))
    env = simpy.Environment()
    log: list[Step] = []
    steps = {step.code: step for step in frame.answer.procedure}
    start = frame.crisis.day
    result: dict[str, object] = {"requested": False, "decided": False, "deployed": False,
                                 "decision_day": None, "first_day": None, "troops": 0,
                                 "end_day": None}

    def note(code: str, actor: str, states: tuple[str, ...], citations: tuple[Citation, ...],
             detail: str | None = None, troops: int | None = None) -> None:
        day = round(float(env.now), 6)
        log.append(Step(day, start + timedelta(days=int(np.floor(day))), code, actor, states,
                        detail, troops, citations))

    def crisis() -> simpy.events.ProcessGenerator:
        victim = frame.crisis.victim
        if not frame.applies:
            note("no-procedure", victim, (victim,), tuple(
                c for f in frame.answer.findings for c in f.citations))
            return
        requested = (not frame.request_required) or bool(rng.random() < model.request_probability)
        common = float(rng.random())
        drawn = stances or {state: _draw_stance(model, state, rng, common)
                            for state in frame.deciders}
        request = steps["request"]
        if not requested:
            note("no-request", victim, (victim,), request.citations)
            return
        result["requested"] = True
        yield env.timeout(model.request_delay.sample(rng))
        note("request", victim, (victim,), request.citations)
        yield env.timeout(model.delays["consultations"].sample(rng))
        note("consultations", "members", steps["consultations"].states,
             steps["consultations"].citations)
        yield env.timeout(model.delays["decision"].sample(rng))
        decision = steps["decision"]
        for state in frame.deciders:
            note("position", state, (state,), decision.citations, drawn[state])
        adopted, deployers = frame.outcome(drawn)
        note("decision", "CSC", decision.states, decision.citations,
             "adopted" if adopted else "not-adopted")
        if not adopted:
            return
        result["decided"] = True
        result["decision_day"] = env.now
        if not deployers:
            note("no-one-bound", "members", (), decision.citations)
            return
        note("report-unsc", "members", deployers, steps["report-unsc"].citations)
        yield env.timeout(model.delays["deployment"].sample(rng))
        result["deployed"] = True
        result["first_day"] = env.now
        assistance = steps["assistance"]
        for state in deployers:
            size = int(np.rint(model.contingent(state).sample(rng)))
            result["troops"] = int(result["troops"]) + size  # type: ignore[call-overload]
            note("deployment", state, (state,), assistance.citations, troops=size)
        yield env.timeout(model.delays["operation"].sample(rng))
        note("withdrawal-start", "members", deployers, assistance.citations)
        yield env.timeout(model.delays["withdrawal"].sample(rng))
        result["end_day"] = env.now
        note("withdrawal-done", "members", deployers, assistance.citations)

    env.process(crisis())
    env.run()
    return tuple(log), Outcome(**result)  # type: ignore[arg-type]


def _draw_stance(model: Model, state: str, rng: np.random.Generator, common: float) -> str:
    """The member's stance: the common one's uniform, or its own drawn apart."""
    law = model.stance(state)
    u = float(rng.random())
    u = common if u < model.follow else (u - model.follow) / (1 - model.follow)
    return STANCES[0] if u < law.support else (
        STANCES[1] if u < law.support + law.stand_aside else STANCES[2])
