"""What the law says about one crisis, read from the rules engine once per crisis.

The simulator never restates a rule. Article 4's answer (``rules.defence.assist``) gives
who is obliged and the procedure in order (whether a request is required, which body
decides by which rule). The consensus rule (``rules.decisions.decide``) is asked once for
every combination of the deciding members' stances, and its answers are kept as a table:
the vectorised Monte Carlo looks outcomes up there, so both models follow the rule.
"""

from __future__ import annotations

from datetime import date
from itertools import product
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..rules.decisions import decide
from ..rules.defence import assist

if TYPE_CHECKING:
    from ..record.history import History
    from ..rules.answers import AssistAnswer

STANCES = ("support", "stand-aside", "block")
"""A member's stance, in the order of its code (0, 1, 2) in the decision table."""

POSITION_OF = {"support": "for", "stand-aside": "abstain", "block": "against"}
"""How a stance is voted in the Council (``decide``'s positions)."""


class Crisis(NamedTuple):
    """A crisis to play out: who is attacked, by whom, on which day, and how."""

    victim: str
    day: date
    aggressor: str | None = None
    situation: str = "armed-attack"
    territory: str = "inside"


class LegalFrame(NamedTuple):
    """The law of one crisis, as the rules give it.

    ``deciders`` are the members whose stance is drawn (the victim asks, the aggressor
    takes no part). ``adopted[i]`` and ``deploys[i]`` hold, for the stance combination
    numbered ``i`` (base 3, deciders in order), whether the Council adopts the decision and
    which deciders are bound to carry it out (a bit mask), as ``decide`` answers them.
    """

    crisis: Crisis
    answer: AssistAnswer
    deciders: tuple[str, ...]
    request_required: bool
    adopted: np.ndarray
    deploys: np.ndarray
    decision_rule: str | None

    @property
    def applies(self) -> bool:
        """Whether the law gives a collective procedure at all (someone is obliged)."""
        return bool(self.answer.procedure) and bool(self.answer.obliged)

    def outcome(self, stances: dict[str, str]) -> tuple[bool, tuple[str, ...]]:
        """Adopted or not, and who deploys, for one set of stances (by state)."""
        index = sum(STANCES.index(stances[state]) * 3 ** place
                    for place, state in enumerate(self.deciders))
        mask = int(self.deploys[index])
        return bool(self.adopted[index]), tuple(
            state for place, state in enumerate(self.deciders) if mask >> place & 1)


def frame(history: History, crisis: Crisis) -> LegalFrame:
    """The legal frame of ``crisis``: Article 4's answer and the Council's decision table."""
    snap = history.at(crisis.day)
    answer = assist(snap, crisis.victim, crisis.aggressor, crisis.situation, crisis.territory)
    steps = {step.code: step for step in answer.procedure}
    decision = steps.get("decision")
    request = steps.get("request")
    deciders = tuple(state for state in (decision.states if decision else ())
                     if state != crisis.victim)
    obliged = set(answer.obliged)
    size = 3 ** len(deciders)
    adopted = np.zeros(size, dtype=np.bool_)
    deploys = np.zeros(size, dtype=np.int64)
    if decision is not None:
        for index, combination in enumerate(product(range(3), repeat=len(deciders))):
            stances = dict(zip(reversed(deciders), combination, strict=True))
            positions = {state: POSITION_OF[STANCES[code]] for state, code in stances.items()}
            positions[crisis.victim] = "for"
            result = decide(snap, "CSC", positions)
            adopted[index] = result.adopted
            deploys[index] = sum(1 << place for place, state in enumerate(deciders)
                                 if state in result.bound and state in obliged)
    return LegalFrame(crisis, answer, deciders, bool(request and request.required), adopted,
                      deploys, decision.rule if decision else None)
