"""`make bench`: each figure beside the alternative a user would pick, doing the same work,
in one run. Every figure prints its target and PASS or FAIL; the run exits with status 1
when any target is missed.

Machines here are noisy, so every figure is a median over many runs, and the figures that
matter are ratios measured side by side (runs are interleaved).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module

SECTIONS = ("startup", "asof", "web", "scenario", "simulate", "mutation", "factcheck", "export",
            "fuzz")
"""The benchmark modules, each with ``report() -> bool`` (all its targets met)."""


def main() -> int:
    print("csto benchmarks (medians; ratios measured side by side)", flush=True)
    missed = []
    for name in SECTIONS:
        report: Callable[[], bool] = import_module(name).report
        ok = report()
        if not ok:
            missed.append(name)
    print("all targets met" if not missed else f"targets missed in: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
