"""Sweeps on a Dask cluster started by hand (``dask scheduler``, ``dask worker``), as a user
runs one beyond this machine: ``--scheduler ADDRESS`` gives the numbers of one process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from csto.record.history import History
from csto.simulate import montecarlo as mc
from csto.simulate.assumptions import defaults
from csto.simulate.distributed import sweep
from csto.simulate.legal import Crisis, frame


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("dask")
    address_file = folder / "scheduler.json"
    bin_dir = Path(sys.executable).parent
    started = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1",
                                 "--port", "0", "--no-dashboard", "--scheduler-file",
                                 str(address_file)], cwd=folder,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(300):
            if address_file.exists() and address_file.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        started.append(subprocess.Popen(
            [str(bin_dir / "dask"), "worker", "--scheduler-file", str(address_file),
             "--nthreads", "1", "--nworkers", "2", "--no-dashboard"], cwd=folder,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from dask.distributed import Client

        with Client(address, timeout="30s") as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=30)


def test_a_cluster_started_by_hand_gives_the_numbers_of_one_process(scheduler: str,
                                                                   history: History) -> None:
    plan = mc.plan(frame(history, Crisis("ARM", date(2027, 4, 1), "AZE")), defaults()[0])
    runs = 3 * mc.BLOCK + 77
    alone = mc.sweep(plan, runs, 5)
    tally, used = sweep(plan, runs, 5, None, scheduler, blocks_per_task=1)
    assert used == 2
    for mine, theirs in zip(tally, alone, strict=True):
        assert np.array_equal(np.asarray(mine), np.asarray(theirs))
