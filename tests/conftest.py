"""Shared fixtures: the packaged history, and running the command line in-process."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

os.environ["CSTO_CACHE_DIR"] = tempfile.mkdtemp(prefix="csto-test-cache-")
atexit.register(shutil.rmtree, os.environ["CSTO_CACHE_DIR"], True)
os.environ["CSTO_DATA_HOME"] = tempfile.mkdtemp(prefix="csto-test-data-")
atexit.register(shutil.rmtree, os.environ["CSTO_DATA_HOME"], True)
os.environ.pop("CSTO_DATABASE_URL", None)
os.environ.pop("CSTO_DATA_DIR", None)
os.environ.pop("CSTO_LANG", None)

from csto.record.history import History  # noqa: E402 (after the environment is set)
from csto.record.load import load_history  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "csto" / "data"


class Run(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def history() -> History:
    return load_history()


@pytest.fixture(autouse=True)
def computed_afresh() -> None:
    """Each test computes what the epochs of the shared record keep (``Snapshot.derived``)
    for itself: a value kept by an earlier test never stands in for the rule under test."""
    from csto.record import load

    for shared in load._LOADED.values():
        for epoch in shared._epochs:
            epoch.memo.clear()


@pytest.fixture
def csto(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``csto ARGS`` in this process through the real entry point."""
    from csto.cli import main

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
