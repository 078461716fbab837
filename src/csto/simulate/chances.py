"""The exact chances of a request, a decision and a deployment under each row of a plan's
fitted parameters, without drawing: what the Monte Carlo estimates, computed.

Given a row, the common stance's uniform ``c`` cuts [0, 1) into pieces where every member's
common stance is constant; on each piece the members are independent (each takes the common
stance with chance ``follow``, else its own law), so the chance of each combination of
stances is a product, and the decision table (``legal.frame``) says which are adopted and
which deploy. The chances over rows give the predictive chance (their mean) and its interval
(their quantiles); they are also what the Sobol indices decompose.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .montecarlo import Plan

CHUNK = 256
"""Rows computed at once (bounds the memory: rows x pieces x 3^deciders)."""


class Chances(NamedTuple):
    """One value per row of the plan's pool."""

    request: np.ndarray
    decision: np.ndarray
    deployment: np.ndarray


def thresholds(plan: Plan) -> tuple[np.ndarray, np.ndarray]:
    """Each row's stance thresholds per decider: (rows, deciders) for support, and for
    support or standing aside."""
    width = len(plan.deciders)
    low = np.empty((plan.rows, width))
    high = np.empty((plan.rows, width))
    for place in range(width):
        if plan.defaulted[place]:
            low[:, place] = plan.default_support
            high[:, place] = plan.default_support_or_aside
        else:
            low[:, place] = plan.support[place]
            high[:, place] = plan.support_or_aside[place]
    return low, high


def _combined(low: np.ndarray, high: np.ndarray, follow: np.ndarray,
              table: np.ndarray) -> np.ndarray:
    """For each row, the chance that the table holds for the stances drawn."""
    rows, width = low.shape
    cuts = np.sort(np.concatenate([np.zeros((rows, 1)), low, high, np.ones((rows, 1))],
                                  axis=1), axis=1)
    length = np.diff(cuts, axis=1)
    middle = (cuts[:, :-1] + cuts[:, 1:]) / 2
    own = np.stack([low, high - low, 1 - high], axis=-1)
    chance = np.ones((rows, middle.shape[1], 1))
    for place in range(width):
        common = ((middle >= low[:, place, None]).astype(np.int64)
                  + (middle >= high[:, place, None]))
        law = (1 - follow)[:, None, None] * own[:, None, place, :]
        law = law + follow[:, None, None] * np.eye(3)[common]
        chance = (law[:, :, :, None] * chance[:, :, None, :]).reshape(rows, len(cuts[0]) - 1, -1)
    combined: np.ndarray = ((chance @ table.astype(np.float64)) * length).sum(axis=1)
    return combined


def chances(plan: Plan) -> Chances:
    """The chances of a request, a decision and a deployment, for each row of the pool."""
    rows = plan.rows
    low, high = thresholds(plan)
    follow = np.broadcast_to(plan.follow.astype(np.float64), (rows,))
    adopted = np.empty(rows)
    deployed = np.empty(rows)
    for start in range(0, rows, CHUNK):
        part = slice(start, start + CHUNK)
        adopted[part] = _combined(low[part], high[part], follow[part], plan.adopted)
        deployed[part] = _combined(low[part], high[part], follow[part], plan.deploys > 0)
    request = (np.broadcast_to(plan.request_probability.astype(np.float64), (rows,))
               if plan.request_required else np.ones(rows))
    if not plan.applies:
        return Chances(np.zeros(rows), np.zeros(rows), np.zeros(rows))
    return Chances(request, request * adopted, request * deployed)
