"""Sweeps on Dask: a local cluster of ``workers`` processes, or an existing scheduler.

The runs are cut into the same blocks as in one process (``montecarlo.BLOCK``), each seeded
from the same spawned seed sequence; a task draws a few consecutive blocks, and the tallies
come back in block order and are added in that order. So a sweep gives the same numbers
whatever the number of workers or of blocks per task.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from . import montecarlo as mc

if TYPE_CHECKING:
    from dask.distributed import LocalCluster

BLOCKS_PER_TASK = 8


def _task(plan: mc.Plan, sizes: list[int], children: list[np.random.SeedSequence]) -> mc.Tally:
    total = mc.empty(plan)
    for size, child in zip(sizes, children, strict=True):
        total = mc.combine(total, mc.run_block(plan, size, child))
    return total


def local_cluster(workers: int | None) -> LocalCluster:
    """A cluster of ``workers`` processes on this machine, one thread each.

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_`` set (65536 by default). Set to
    any value, it turns off glibc's sliding mmap threshold, so every array of 128 KiB or more
    (each of a block's arrays) is mapped fresh from the system and zeroed page by page: a
    worker then draws a block 2 to 3 times slower than this process does. The variable is
    left unset, as in this process. Workers started by hand (``dask worker``) take it from
    their environment.
    """
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=40)


def sweep(plan: mc.Plan, runs: int, seed: int, workers: int | None, scheduler: str | None,
          progress: Callable[[int], None] | None = None,
          blocks_per_task: int = BLOCKS_PER_TASK) -> tuple[mc.Tally, int]:
    """The sweep's tally, and how many workers drew it."""
    from dask.distributed import Client, as_completed

    if workers is not None and (isinstance(workers, bool) or not 1 <= workers <= 256):
        raise InputError("workers must be a whole number from 1 to 256, not {value}",
                         field="workers", value=str(workers))
    sizes = mc.blocks(runs)
    children = mc.seeds(seed, len(sizes))
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = local_cluster(workers)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:  # ValueError: not an address
        raise InputError("cannot reach the Dask scheduler '{value}': {problem}",
                         field="scheduler", value=str(scheduler), problem=str(exc)[:120]) from None
    try:
        used = len(client.scheduler_info().get("workers", {}))
        scattered = client.scatter(plan, broadcast=True)
        futures = []
        for start in range(0, len(sizes), blocks_per_task):
            part = slice(start, start + blocks_per_task)
            futures.append(client.submit(_task, scattered, sizes[part], children[part],
                                         pure=False))
        order = {future.key: index for index, future in enumerate(futures)}
        results: list[mc.Tally | None] = [None] * len(futures)
        for future in as_completed(futures):
            tally = future.result()
            results[order[future.key]] = tally
            if progress is not None:
                progress(tally.runs)
        total = mc.empty(plan)
        for tally in results:
            assert tally is not None
            total = mc.combine(total, tally)
        return total, used
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
