"""Many crises at once: the procedure vectorised over runs with NumPy.

A ``Plan`` is what a run needs, compact enough to send to other processes: the decision
table the consensus rule produced (``legal.frame``), the stance chances and contingent
laws of the deciders, the delays, and the pool of fitted parameter sets (``fit.py``): each
run takes one row of the pool, so that the runs carry the fitted parameters' uncertainty.
Runs are drawn in blocks of ``BLOCK`` runs; block ``i`` is seeded from
``numpy.random.SeedSequence(seed).spawn(...)[i]`` and its results are counted into a
``Tally`` of integers and per-block sums added in block order, so the same seed gives the
same numbers bit for bit, whatever the number of workers or of blocks per task.

Per run the model follows the law's procedure: the request (skipped only where the wording
in force does not require one), consultations, the Council's decision from the drawn
stances (the table; a share ``follow`` of the members take the crisis's common stance, the
others draw their own, each with its own stance law), then, if anyone is bound to act, the
first contingents, the operation, and the withdrawal. Outputs per run: decided, deployed,
days to the decision and to the first deployment, troops.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import numpy as np

from .assumptions import Law, Model
from .legal import LegalFrame

BLOCK = 1 << 17
"""Runs per block: a constant of the model, so that results never depend on how a sweep
is split."""

DAY_BINS = np.linspace(0.0, 60.0, 241)
"""Histogram edges for days to first deployment (quarter days); later ones fall in the last."""

TROOP_BINS = np.linspace(0.0, 20_000.0, 201)
"""Histogram edges for troops deployed (steps of 100); larger ones fall in the last bin."""

MODEL_VERSION = "2"
"""Changes whenever the model would give other numbers from the same seed."""


class Plan(NamedTuple):
    """One crisis's law and assumptions, as arrays (no history: cheap to ship to workers).

    The fitted parameters are arrays of ``rows`` values, one per pool row (one value where
    they are fixed): ``request_probability``, ``default_support`` and
    ``default_support_or_aside`` (the stance law of the deciders ``defaulted``; the others
    keep ``support`` and ``support_or_aside``), ``follow``, and ``scales``, the mean days of
    the fitted exponential delays by step (``request`` for the request's).
    """

    applies: bool
    request_required: bool
    request_probability: np.ndarray
    deciders: tuple[str, ...]
    support: np.ndarray
    support_or_aside: np.ndarray
    adopted: np.ndarray
    deploys: np.ndarray
    request_delay: Law
    delays: dict[str, Law]
    contingents: tuple[Law, ...]
    defaulted: tuple[bool, ...]
    default_support: np.ndarray
    default_support_or_aside: np.ndarray
    follow: np.ndarray
    scales: dict[str, np.ndarray]
    rows: int


def plan(frame: LegalFrame, model: Model) -> Plan:
    stances = [model.stance(state) for state in frame.deciders]
    u = model.uncertain
    rows = u.rows if u is not None else 1

    def column(values: np.ndarray | None, point: float) -> np.ndarray:
        return (np.full(rows, point) if values is None else values).astype(np.float32)

    fitted_stance = u is not None and u.support is not None and u.block is not None
    support = column(u.support if u is not None else None, model.default_stance.support)
    block = column(u.block if u is not None else None, model.default_stance.block)
    return Plan(
        applies=frame.applies, request_required=frame.request_required,
        request_probability=column(u.request_probability if u is not None else None,
                                   model.request_probability),
        deciders=frame.deciders,
        support=np.array([s.support for s in stances], dtype=np.float64),
        support_or_aside=np.array([s.support + s.stand_aside for s in stances],
                                  dtype=np.float64),
        adopted=frame.adopted, deploys=frame.deploys, request_delay=model.request_delay,
        delays=dict(model.delays),
        contingents=tuple(model.contingent(state) for state in frame.deciders),
        defaulted=tuple(fitted_stance and state not in model.stances
                        for state in frame.deciders),
        default_support=support, default_support_or_aside=np.float32(1) - block,
        follow=column(u.follow if u is not None else None, model.follow),
        scales={step: means.astype(np.float32) for step, means in
                (u.delays.items() if u is not None else ())}, rows=rows)


class Tally(NamedTuple):
    """What a set of runs came to: counts, histograms, sums (added in block order)."""

    runs: int
    decided: int
    deployed: int
    day_histogram: np.ndarray
    troop_histogram: np.ndarray
    sum_days: float
    sum_days_squared: float
    sum_decision_days: float
    sum_troops: float
    sum_troops_squared: float
    by_stance_runs: np.ndarray
    by_stance_deployed: np.ndarray
    by_stance_troops: np.ndarray


def combine(first: Tally, second: Tally) -> Tally:
    """Two tallies as one (add them in block order for bit-for-bit sums)."""
    sums: list[object] = [a + b for a, b in zip(first, second, strict=True)]  # type: ignore[operator]
    return Tally._make(sums)


def empty(plan: Plan) -> Tally:
    width = len(plan.deciders)
    return Tally(0, 0, 0, np.zeros(len(DAY_BINS) - 1, np.int64),
                 np.zeros(len(TROOP_BINS) - 1, np.int64), 0.0, 0.0, 0.0, 0.0, 0.0,
                 np.zeros((width, 3), np.int64), np.zeros((width, 3), np.int64),
                 np.zeros((width, 3), np.float64))


class Draws(NamedTuple):
    """The outcome of each run of a block (used by the tally and by tests)."""

    requested: np.ndarray
    codes: np.ndarray
    decided: np.ndarray
    deployed: np.ndarray
    decision_day: np.ndarray
    first_day: np.ndarray
    troops: np.ndarray


def draw(plan: Plan, runs: int, rng: np.random.Generator) -> Draws:
    """``runs`` crises under ``plan``: every random draw of the model, vectorised.

    Members' draws are rows (one per decider), so each is a contiguous array. A member
    follows the common stance where its uniform falls below ``follow``, and otherwise
    rescales that uniform into its own. Only what a run needs is drawn: delays for runs with
    a decision, contingents for the members bound to act in runs with a deployment (the
    others are NaN or zero).
    """
    width = len(plan.deciders)
    row = rng.integers(0, plan.rows, runs) if plan.rows > 1 else None

    def per_run(values: np.ndarray) -> np.ndarray | np.float32:
        return np.take(values, row) if row is not None else values[0]

    if plan.request_required:
        requested = rng.random(runs, dtype=np.float32) < per_run(plan.request_probability)
    else:
        requested = np.ones(runs, dtype=np.bool_)
    common = rng.random(runs, dtype=np.float32)
    follow = per_run(plan.follow)
    rest = np.float32(1) / np.maximum(np.float32(1) - follow, np.float32(1e-6))
    default_support = per_run(plan.default_support)
    default_aside = per_run(plan.default_support_or_aside)
    uniforms = rng.random((width, runs), dtype=np.float32)
    codes = np.empty((width, runs), dtype=np.uint8)
    for place in range(width):
        row_uniforms = uniforms[place]
        u = row_uniforms - follow
        u *= rest
        np.copyto(u, common, where=row_uniforms < follow)
        code = codes[place]
        if plan.defaulted[place]:
            support, aside = default_support, default_aside
        else:
            support = np.float32(plan.support[place])
            aside = np.float32(plan.support_or_aside[place])
        np.greater_equal(u, support, out=code, casting="unsafe")
        code += u >= aside
    index = _index(codes)
    decided = plan.adopted[index] & requested & plan.applies
    mask = plan.deploys.astype(_smallest(1 << width))[index]
    mask *= decided
    deployed = mask > 0
    troops = np.zeros(runs)
    sent = np.flatnonzero(mask)  # the runs with a deployment, scanned once
    sent_masks = mask[sent]
    for place, law in enumerate(plan.contingents):
        bound = sent[(sent_masks & sent_masks.dtype.type(1 << place)) != 0]
        troops[bound] += np.rint(law.sample(rng, len(bound)))
    count = int(decided.sum())
    chosen = row[decided] if row is not None else None
    delay = _delay(plan, "request", rng, count, chosen)
    for step in ("consultations", "decision"):
        delay = delay + _delay(plan, step, rng, count, chosen)
    decision_day = np.full(runs, np.nan)
    decision_day[decided] = delay
    first_day = np.full(runs, np.nan)
    first_day[decided] = delay + _delay(plan, "deployment", rng, count, chosen)
    first_day[~deployed] = np.nan
    return Draws(requested, codes, decided, deployed, decision_day, first_day, troops)


def _delay(plan: Plan, step: str, rng: np.random.Generator, count: int,
           rows: np.ndarray | None) -> np.ndarray:
    """``count`` delays of ``step``: exponential around each run's fitted mean, or the law."""
    means = plan.scales.get(step)
    law = plan.request_delay if step == "request" else plan.delays[step]
    if means is None:
        return law.sample(rng, count)
    unit = -np.log1p(-rng.random(count, dtype=np.float32))
    delays: np.ndarray = unit * (means[rows] if rows is not None else means[0])
    return delays


def _smallest(size: int) -> type[np.unsignedinteger]:
    """The narrowest unsigned type that holds numbers below ``size`` (the fewer bytes a
    block's arrays take, the faster they are read)."""
    for kind in (np.uint8, np.uint16, np.uint32):
        if size <= np.iinfo(kind).max + 1:
            return kind
    return np.uint64


def _index(codes: np.ndarray) -> np.ndarray:
    """Each run's combination of stances, numbered in base 3 (decider ``p`` the digit of
    3**p), as the decision table is."""
    width = len(codes)
    index = np.zeros(codes.shape[1], dtype=_smallest(3 ** width))
    for place in range(width):
        index += codes[place].astype(index.dtype) * index.dtype.type(3 ** place)
    return index


def _by_stance(index: np.ndarray, width: int, weights: np.ndarray | None = None) -> np.ndarray:
    """For each decider and stance, how many runs (or the sum of ``weights``) had it: the
    counts of each combination, summed over the other deciders' stances."""
    counts = np.bincount(index, weights=weights, minlength=3 ** width)
    if not width:
        return np.zeros((0, 3), dtype=counts.dtype)
    cube = counts.reshape((3,) * width)
    return np.stack([cube.sum(axis=tuple(axis for axis in range(width) if axis != width - 1 - place))
                     for place in range(width)])


def _histogram(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts in evenly spaced ``edges``; values beyond the last edge fall in the last bin."""
    top = edges[-1] - (edges[-1] - edges[0]) * 1e-9
    return np.histogram(np.minimum(values, top), bins=len(edges) - 1,
                        range=(edges[0], edges[-1]))[0]


@cache
def keep_freed_memory() -> None:
    """Ask the C library to keep freed memory for the next block instead of returning it.

    A block allocates and frees arrays of a few megabytes each; glibc by default maps each
    from the system and unmaps it on free (above 128 KiB), and hands back the top of its
    heap once 128 KiB lie free, so every block would pay again for fresh zeroed pages: a
    third of its time. These settings (mallopt's M_MMAP_THRESHOLD and M_TRIM_THRESHOLD, as
    the ``MALLOC_*_`` variables set them) let a process keep up to 64 MiB it freed. Where
    the C library is not glibc, nothing changes. Once per process."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = getattr(libc, "mallopt", None)
    except OSError:
        return
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, 16 << 20)
        mallopt(_M_TRIM_THRESHOLD, 64 << 20)


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
"""glibc's mallopt parameters (malloc.h)."""


def run_block(plan: Plan, runs: int, seed: np.random.SeedSequence) -> Tally:
    """Tally ``runs`` crises drawn from the stream of ``seed``."""
    keep_freed_memory()
    return tally(plan, draw(plan, runs, np.random.Generator(np.random.PCG64(seed))))


def tally(plan: Plan, d: Draws) -> Tally:
    """What the runs of ``d`` came to."""
    runs = len(d.decided)
    days = d.first_day[d.deployed]
    troops = d.troops[d.deployed]
    width = len(plan.deciders)
    index = _index(d.codes)
    deployed_index = index[d.deployed]
    by_runs = _by_stance(index, width)
    by_deployed = _by_stance(deployed_index, width)
    by_troops = _by_stance(deployed_index, width, troops)
    return Tally(
        runs=runs, decided=int(d.decided.sum()), deployed=int(d.deployed.sum()),
        day_histogram=_histogram(days, DAY_BINS), troop_histogram=_histogram(troops, TROOP_BINS),
        sum_days=float(days.sum()), sum_days_squared=float((days * days).sum()),
        sum_decision_days=float(d.decision_day[d.decided].sum()),
        sum_troops=float(troops.sum()), sum_troops_squared=float((troops * troops).sum()),
        by_stance_runs=by_runs, by_stance_deployed=by_deployed, by_stance_troops=by_troops)


def blocks(runs: int) -> list[int]:
    """The sizes of the blocks ``runs`` is split into (all ``BLOCK`` but maybe the last)."""
    full, rest = divmod(runs, BLOCK)
    return [BLOCK] * full + ([rest] if rest else [])


def seeds(seed: int, count: int) -> list[np.random.SeedSequence]:
    return np.random.SeedSequence(seed).spawn(count)


def sweep(plan: Plan, runs: int, seed: int, progress: object = None) -> Tally:
    """All runs in this process, block by block (``progress(done)`` after each block)."""
    total = empty(plan)
    for size, child in zip(blocks(runs), seeds(seed, len(blocks(runs))), strict=True):
        total = combine(total, run_block(plan, size, child))
        if callable(progress):
            progress(size)
    return total
