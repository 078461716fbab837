"""A corpus of bad input: each gets one clear line and exit code 2 (or a quiet exit where
the reader has gone), never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from .conftest import Run

CsTo = Callable[..., Run]
LONG = "9" * 100_000

CORPUS = [
    (["members", "--on", "2022-13-01"], "invalid date '2022-13-01'"),
    (["members", "--on", "2022-02-30"], "day is out of range"),
    (["members", "--on", "yesterday"], "write it as YYYY-MM-DD"),
    (["members", "--on", "1991-12-31"], "before 1992-01-01"),
    (["members", "--on", "2101-01-01"], "after 2100-12-31"),
    (["members", "--on", LONG], "invalid date '99999"),
    (["members", "--on", "2024\x1b[31m-01-01"], "\\x1b"),
    (["assist", "XYZ", "--json"], "unknown country 'XYZ'"),
    (["assist", "ARM", "--against", "Atlantis"], "unknown country 'Atlantis': use an ISO 3166"),
    (["assist", "Kyrgystan", "--json"], "did you mean Kyrgyzstan (KGZ)"),
    (["assist", "ARM", "--against", "ARM"], "the aggressor and the victim are the same state"),
    (["assist", "ARM", "--situation", "invasion"], "'invasion' is not one of"),
    (["step", "ARM", "join-alliance", "WARSAW"], "unknown alliance or grouping 'WARSAW'"),
    (["step", "ARM", "withdraw", "NATO"], "the step 'withdraw' takes no target"),
    (["step", "ARM", "withdraw", "NATO", "--json"], "the step 'withdraw' takes no target"),
    (["step", "ARM", "join-alliance"], "the step 'join-alliance' needs a target"),
    (["step", "ARM", "fly"], "'fly' is not one of"),
    (["base", "KGZ", "KGZ"], "the host and the guest are the same state"),
    (["chair", "--year", "1900"], "year 1900 is outside"),
    (["chair", "--year", "MMXX"], "invalid year 'MMXX'"),
    (["decide", "CSC", "--for", "GEO", "--on", "2020-01-01"], "GEO is not a member"),
    (["decide", "CSC", "--for", "RUS", "--against", "Russia"], "more than one position"),
    (["decide", "XYZ"], "unknown body 'XYZ'"),
    (["members", "--bogus"], "No such option"),
    (["bogus-command"], "No such command"),
    (["members", "extra"], "unexpected extra argument"),
    (["assist"], "Missing argument"),
    (["article", "cst", "99"], "has no article '99'"),
    (["article", "treaty", "4"], "unknown document 'treaty'"),
    (["cases", "nope"], "unknown case 'nope'"),
    (["members", "--lang", "fr"], "unknown language 'fr' given with --lang"),
    (["check-data", "/nonexistent/folder"], "missing data file"),
    # years and counts parse like dates: the digits 0-9 only
    (["members", "--on", "٢٠٢٢-٠١-٠١"], "invalid date"),
    (["chair", "--year", "٢٠٢٠"], "invalid year '٢٠٢٠'"),
    (["chair", "--year", "+2020"], "invalid year '+2020'"),
    (["chair", "--year", "2_020"], "invalid year '2_020'"),
    (["chair", "--year", "02020"], "invalid year '02020'"),
    (["exercises", "--year", "٢٠٢٠"], "invalid year"),
    (["simulate", "x", "--runs", "١٠"], "'١٠' is not a whole number written with the digits 0-9"),
    (["simulate", "x", "--runs", "0"], "0 is less than 1"),
    (["simulate", "x", "--runs", "1_000"], "not a whole number"),
    (["simulate", "x", "--seed", "-1"], "not a whole number"),
    (["simulate", "x", "--workers", "300"], "300 is not between 1 and 256"),
    (["scenario", "show", "x", "--version", "١"], "not a whole number"),
    (["serve", "--port", "٨٠٨٠"], "not a whole number"),
    (["serve", "--port", "70000"], "70000 is not between 1 and 65535"),
    # a repeated option is an error, on both command paths
    (["members", "--on", "2020-01-01", "--on", "2021-01-01"], "option --on is given more than once"),
    (["members", "--on", "2020-01-01", "--on", "2021-01-01", "--json"], "option --on is given"),
    (["members", "--json", "--json"], "option --json is given more than once"),
    (["scenario", "list", "--json", "--json"], "option --json is given more than once"),
    (["export", "members", "--daily", "--yearly"], "option --daily/--yearly is given more"),
    (["check", "-", "--as-of", "2020-01-01", "--as-of", "2021-01-01"], "option --as-of is given"),
    # a step towards oneself, two scenarios at once
    (["step", "ARM", "use-force-against", "ARM"], "the actor and the target are the same state"),
    (["step", "ARM", "host-base", "Armenia", "--json"], "the actor and the target are the same"),
    (["members", "--scenario", "x", "--scenario-file", "y.yaml"], "not both"),
    (["members", "--scenario", "no-such", "--json"], "no stored scenario 'no-such'"),
]


@pytest.mark.parametrize("args, fragment", CORPUS, ids=[" ".join(a)[:40] for a, _ in CORPUS])
def test_bad_input_is_one_short_line_and_exit_2(csto: CsTo, args: list[str], fragment: str) -> None:
    run = csto(*args)
    assert run.code == 2, run
    assert run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("csto: error: ")
    assert fragment in run.err
    assert len(run.err) < 600
    assert "Traceback" not in run.err
    assert all(c.isprintable() for c in run.err.rstrip("\n"))


def test_errors_are_in_the_readers_language(csto: CsTo) -> None:
    run = csto("assist", "Atlantis", "--lang", "ru")
    assert run.code == 2 and "Atlantis" in run.err
    assert "unknown country" not in run.err, "the message is translated"


def test_unknown_csto_lang_blames_the_variable(csto: CsTo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSTO_LANG", "xx")
    run = csto("members", "--json")
    assert run.code == 2 and "$CSTO_LANG" in run.err and "--lang" not in run.err


def _shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False,
                          env={**os.environ, **env})


CSTO = f"{sys.executable} -m csto"


PERIOD = "--yearly --from 2020-01-01 --until 2021-01-01"
EVERY_KIND_OF_COMMAND = [
    "members --json", "members", "disputes --json", "--help", "", "scenario list",
    f"export members {PERIOD}", f"export dyads {PERIOD} --format jsonl", "export crosswalk",
    "cite members --from 2020-01-01 --until 2021-01-01", "check-data", "check -",
    "chair --year 2020", "scenario --help", "simulate CRISIS --no-store"]


@pytest.fixture(scope="module")
def crisis(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("crisis") / "crisis.yaml"
    path.write_text("name: crisis\nevents:\n  - {date: 2027-03-01, state: ARM, kind: "
                    "request-assistance}\n")
    return str(path)


@pytest.mark.parametrize("args", EVERY_KIND_OF_COMMAND)
def test_a_closed_pipe_is_a_quiet_exit(args: str, crisis: str) -> None:
    feed = "echo 'CSTO has six members.' | " if args == "check -" else ""
    args = args.replace("CRISIS", crisis)
    proc = _shell(f"{feed}{CSTO} {args} | head -c 0; exit ${{PIPESTATUS[{1 if feed else 0}]}}")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


@pytest.mark.parametrize("args", [a for a in EVERY_KIND_OF_COMMAND if "help" not in a and a])
def test_a_closed_standard_output_is_one_line(args: str, crisis: str) -> None:
    feed = "echo 'CSTO has six members.' | " if args == "check -" else ""
    args = args.replace("CRISIS", crisis)
    proc = _shell(f"{feed}{CSTO} {args} >&-")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("csto: error: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line() -> None:
    proc = _shell(f"{CSTO} members --json > /dev/full")
    assert proc.returncode == 2
    assert "No space left" in proc.stderr and proc.stderr.count("\n") == 1


def test_an_ascii_terminal_gets_escaped_json_and_text() -> None:
    proc = _shell(f"{CSTO} members --on 2024-03-01 --json --lang ru", PYTHONIOENCODING="ascii")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["members"][0]["name"] == "Армения"
    text = _shell(f"{CSTO} members --on 2024-03-01 --lang ru", PYTHONIOENCODING="ascii")
    assert text.returncode == 0 and "\\u" in text.stdout and text.stderr == ""


def test_bare_csto_shows_its_help(csto: CsTo) -> None:
    run = csto()
    assert run.code == 0 and run.err == ""
    assert run.out.startswith("Usage: csto") and run.out.count("\n") > 20


def test_an_empty_text_is_the_same_error_as_over_http(csto: CsTo, tmp_path: Any) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    run = csto("check", str(empty))
    assert run.code == 2 and run.err == "csto: error: give the text to check\n"


def test_a_scheduler_that_is_no_address_is_one_line(csto: CsTo, tmp_path: Any) -> None:
    crisis = tmp_path / "crisis.yaml"
    crisis.write_text("name: crisis\nevents:\n  - {date: 2027-03-01, state: ARM, kind: "
                      "request-assistance}\n")
    run = csto("simulate", str(crisis), "--runs", "10", "--no-store", "--scheduler",
               "not an address")
    assert run.code == 2 and "cannot reach the Dask scheduler 'not an address'" in run.err
