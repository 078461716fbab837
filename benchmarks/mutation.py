"""Mutation testing: mutmut changes the rules (``rules/``) and ``record/history.py`` one small
edit at a time (an operator, a constant, a string, a returned value) and runs the tests
that state the law against each change (``[tool.mutmut]`` in pyproject.toml). A mutant the
tests notice is killed; the score is the share killed. mutmut keeps its results in
``mutants/`` and tests again only what changed since."""

from __future__ import annotations

import json
import os
import subprocess

from common import BIN, ROOT, line, note

TARGETS = {"killed": 0.80}


def score() -> dict[str, int] | None:
    mutmut = BIN / "mutmut"
    if not mutmut.exists():
        return None
    workers = str(os.cpu_count() or 2)
    subprocess.run([str(mutmut), "run", "--max-children", workers], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([str(mutmut), "export-cicd-stats"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    found: dict[str, int] = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    return found


def report() -> bool:
    found = score()
    if found is None:
        return line("mutation", "mutmut not installed (make bench installs it): not measured",
                    "measured", False)
    killed, total = found["killed"], found["total"]
    note("mutation", f"mutmut over rules/ and record/history.py: {total:,} mutants, "
         f"{found['survived']:,} survived, {found['no_tests']:,} reached by no test, "
         f"{found['timeout']:,} timed out (list: .venv/bin/mutmut results)")
    share = killed / total if total else 0.0
    return line("mutation", f"killed {killed:,} of {total:,}: {share:.0%}",
                f">= {TARGETS['killed']:.0%}", share >= TARGETS["killed"])


if __name__ == "__main__":
    report()
