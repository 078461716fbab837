"""A recorded case played again through the procedure the rules give for its day.

The crisis is the case's reading the Organization acted on (else its first); the model is
the fitted one, with nothing taken from the case's outcome: what a replay shows is the legal
path (who acts, under which article of the wording in force, in which order), which the
tests hold to the Treaty. ``stances`` may fix the members' stances to walk a given path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .assumptions import defaults
from .fit import case_facts
from .legal import frame
from .process import Outcome, Step, play

if TYPE_CHECKING:
    from ..record.history import History
    from ..record.model import Case


def replay(history: History, case: Case, stances: dict[str, str] | None = None,
           seed: int = 0) -> tuple[tuple[Step, ...], Outcome]:
    """Play ``case``'s crisis with the fitted model (and ``stances`` where given)."""
    crisis = next(f.crisis for f in case_facts(history) if f.case == case.id)
    law = frame(history, crisis)
    model = defaults(history)[0].fixed()._replace(request_probability=1.0)
    return play(law, model, np.random.default_rng(seed), stances)
