"""What every benchmark shares: one line per figure with its target and PASS or FAIL, and
the timing helpers (medians of interleaved runs, whole processes timed from outside)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def line(area: str, figure: str, target: str, ok: bool) -> bool:
    """Print one figure, its target and whether it is met; return whether it is."""
    print(f"{area:<8} {figure} | target {target} | {'PASS' if ok else 'FAIL'}", flush=True)
    return ok


def note(area: str, text: str) -> None:
    """A line that is not a figure with a target (what a peer does, a context)."""
    print(f"{area:<8} {text}", flush=True)


def wall(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds from a process's start to its exit."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def interleaved(commands: dict[str, Sequence[str]], rounds: int,
                env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall seconds of each command, the commands run in turn round after round."""
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(wall(command, env))
    return {name: statistics.median(values) for name, values in runs.items()}


def per_call(fn: Callable[[object], object], items: Sequence[object]) -> float:
    """Seconds per call of ``fn`` over ``items``, one item a call."""
    start = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - start) / len(items)
