"""Commands load only what they need: the large libraries (Arrow, pandas, Polars, NumPy,
SQLAlchemy) stay out of every command that does not use them, and Click, Rich and Babel's
date module out of every plain question, for people or as JSON. Each command runs in a
process of its own, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from csto.questions.registry import QUESTIONS

from .conftest import ROOT

HEAVY = ("pyarrow", "pandas", "polars", "numpy", "sqlalchemy")
"""Each costs more than a whole answer to import."""
FRAMEWORKS = ("click", "rich", "babel.dates", "typing", "pathlib")
"""What a plain question needs none of (the lean path parses it; the tables are laid out
and days written by csto itself; paths are strings until a file is read)."""

sys.path.insert(0, str(ROOT / "benchmarks"))
from startup import COMMANDS as CALLS  # noqa: E402 (the calls the start-up benchmark times)

PROBE = """
import contextlib, io, json, sys
from csto.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""


def _loaded(args: list[str], tmp_path: Path) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, set(modules)


def _among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name in modules)


@pytest.fixture(scope="module", autouse=True)
def compiled(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The data compiled and cached first, as after the first run (which reads the YAML
    files with PyYAML, pycountry and Babel)."""
    _loaded(["groupings"], tmp_path_factory.mktemp("first"))


def test_every_question_is_probed() -> None:
    assert set(CALLS) == set(QUESTIONS)


@pytest.mark.parametrize("as_json", [False, True], ids=["people", "json"])
@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_question_loads_no_large_library_and_no_framework(name: str, as_json: bool,
                                                            tmp_path: Path) -> None:
    code, modules = _loaded(CALLS[name] + ["--json"] * as_json, tmp_path)
    assert code == 0
    assert _among(modules, HEAVY + FRAMEWORKS) == []


@pytest.mark.parametrize("args", [
    ["--help"], ["--version"], ["members", "--help"], ["check-data"], ["scenario", "--help"],
    ["simulate", "--help"], ["export", "--help"], ["check", "--help"],
    ["members", "--on", "2027-06-01", "--scenario", "SCENARIO", "--json"],
], ids=" ".join)
def test_other_commands_load_no_large_library_they_do_not_use(args: list[str],
                                                              tmp_path: Path) -> None:
    scenario = tmp_path / "leave.yaml"
    scenario.write_text("name: leave\nevents:\n  - {date: 2026-12-01, state: ARM, kind: "
                        "withdrawal-notice}\n", encoding="utf-8")
    code, modules = _loaded([str(scenario) if a == "SCENARIO" else a for a in args], tmp_path)
    assert code == 0
    assert _among(modules, HEAVY) == []
