"""A corpus of bad input: each gets one clear line and exit code 2 (or a quiet exit where
the reader has gone), never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable

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


@pytest.mark.parametrize("args", ["members --json", "members", "disputes --json"])
def test_a_closed_pipe_is_a_quiet_exit(args: str) -> None:
    proc = _shell(f"{CSTO} {args} | head -c 0; exit ${{PIPESTATUS[0]}}")
    assert proc.returncode == 0
    assert proc.stderr == ""


def test_a_closed_standard_output_is_one_line() -> None:
    proc = _shell(f"{CSTO} members --json >&-")
    assert proc.returncode == 2
    assert proc.stderr.startswith("csto: error: ") and proc.stderr.count("\n") == 1


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
