"""The recorded cases played again with what was recorded: a check on the model.

A case's reading that the Organization acted on gives the crisis; its recorded positions
fix the stances, and the days between its recorded steps fix the delays. Played through
the same procedure as any simulation, each case must end as it did (deployment or none,
on the recorded days).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from .assumptions import Law, Model, defaults
from .legal import Crisis, frame
from .process import Outcome, Step, play

if TYPE_CHECKING:
    from ..record.history import History
    from ..record.model import Case


def _days(timeline: dict[str, date], later: str, earlier: str) -> float:
    if later in timeline and earlier in timeline:
        return float((timeline[later] - timeline[earlier]).days)
    return 0.0


def recorded_model(case: Case, base: Model) -> tuple[Model, dict[str, str]]:
    """Fixed delays from the case's timeline, and its members' recorded stances."""
    timeline = {step.step: step.date for step in case.timeline}
    decided_at = "decision" if "decision" in timeline else "session"
    fixed = {
        "consultations": 0.0,
        "decision": _days(timeline, decided_at, "request"),
        "deployment": _days(timeline, "first-deployment", decided_at),
        "operation": _days(timeline, "withdrawal-start", "first-deployment"),
        "withdrawal": _days(timeline, "withdrawal-done", "withdrawal-start"),
    }
    model = base._replace(request_probability=1.0, request_delay=Law("fixed", (0.0,)),
                          delays={step: Law("fixed", (days,)) for step, days in fixed.items()})
    return model, {p.state: p.stance for p in case.positions}


def replay(history: History, case: Case) -> tuple[tuple[Step, ...], Outcome]:
    """Play ``case`` as recorded: the reading acted on, the recorded stances and days."""
    reading = next((r for r in case.readings if r.acted_on), case.readings[0])
    crisis = Crisis(reading.victim, reading.date, reading.aggressor, reading.situation,
                    reading.territory)
    law = frame(history, crisis)
    model, stances = recorded_model(case, defaults()[0])
    unrecorded = {state: "stand-aside" for state in law.deciders if state not in stances}
    return play(law, model, np.random.default_rng(0), {**unrecorded, **stances})
