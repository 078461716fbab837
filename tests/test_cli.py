"""The command line: the JSON contract, bad input, the fast path, documentation."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import click
import pytest
from click.testing import CliRunner

from csto._cli_app import cli

from .conftest import ROOT, Run

CsTo = Callable[..., Run]


def _json(run: Run) -> Any:
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_members_contract(csto: CsTo) -> None:
    data = _json(csto("members", "--on", "2000-06-01", "--json"))
    assert data["date"] == "2000-06-01"
    assert [m["iso3"] for m in data["members"]] == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert all(m["status"] == "member" for m in data["members"])
    assert {s["iso3"]: s["status"] for s in data["standings"]}["GEO"] == "former"


def test_assist_contract(csto: CsTo) -> None:
    data = _json(csto("assist", "ARM", "--against", "AZE", "--on", "2022-09-13", "--json"))
    assert data["obliged"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert data["findings"] and data["citations"]
    assert {"document", "article", "version", "sources"} <= set(data["citations"][0])


def test_base_contract(csto: CsTo) -> None:
    data = _json(csto("base", "KGZ", "USA", "--on", "2020-01-01", "--json"))
    assert data["consent_required_from"] == ["ARM", "BLR", "KAZ", "RUS", "TJK"]
    assert data["citations"]
    assert _json(csto("base", "KGZ", "USA", "--on", "2001-12-01", "--json"))[
        "consent_required_from"] == []


def test_chair_and_officials_contract(csto: CsTo) -> None:
    assert _json(csto("chair", "--year", "2025", "--json"))["chair"]["iso3"] == "KGZ"
    data = _json(csto("officials", "--on", "2024-06-01", "--json"))
    assert data["secretary_general"]["name"] == "Imangali Tasmagambetov"


def test_step_join_nato(csto: CsTo) -> None:
    data = _json(csto("step", "ARM", "join-alliance", "NATO", "--on", "2026-12-01", "--json"))
    assert data["verdict"] == "breach"
    assert data["effective"] == "2027-06-01"
    assert {c["article"] for c in data["citations"]} >= {"1", "19"}


def test_decide_command(csto: CsTo) -> None:
    data = _json(csto("decide", "CSC", "--on", "2025-11-27", "--for", "RUS,BLR,KAZ,KGZ,TJK",
                      "--abstain", "ARM", "--json"))
    assert data["adopted"] is True and data["not_bound"] == ["ARM"]
    blocked = _json(csto("decide", "CSC", "--on", "2025-11-27", "--for", "RUS",
                         "--against", "BLR", "--json"))
    assert blocked["adopted"] is False and blocked["blocked_by"] == ["BLR"]


@pytest.mark.parametrize("args, fragment", [
    (["members", "--on", "2022-13-01"], "invalid date '2022-13-01'"),
    (["members", "--on", "2022-02-30"], "day is out of range"),
    (["members", "--on", "yesterday"], "write it as YYYY-MM-DD"),
    (["members", "--on", "1991-12-31"], "before 1992-01-01"),
    (["members", "--on", "2101-01-01"], "after 2100-12-31"),
    (["assist", "XYZ", "--json"], "unknown country 'XYZ'"),
    (["assist", "ARM", "--against", "Atlantis"], "unknown country 'Atlantis'"),
    (["step", "ARM", "join-alliance", "WARSAW"], "unknown alliance or grouping 'WARSAW'"),
    (["step", "ARM", "fly"], "'fly' is not one of"),
    (["chair", "--year", "1900"], "year 1900 is outside"),
    (["decide", "CSC", "--for", "GEO", "--on", "2020-01-01"], "GEO is not a member"),
    (["decide", "XYZ"], "unknown body 'XYZ'"),
    (["members", "--bogus"], "No such option"),
    (["article", "cst", "99"], "has no article '99'"),
    (["cases", "nope"], "unknown case 'nope'"),
])
def test_bad_input_is_one_line_and_exit_2(csto: CsTo, args: list[str], fragment: str) -> None:
    run = csto(*args)
    assert run.code == 2
    assert run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("csto: error: ")
    assert fragment in run.err
    assert "Traceback" not in run.err


def test_real_process_bad_input_has_no_traceback() -> None:
    proc = subprocess.run([sys.executable, "-m", "csto", "assist", "XYZ", "--json"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("csto: error: unknown country")
    assert "Traceback" not in proc.stderr


FAST_CALLS = [
    ["members", "--on", "2000-06-01", "--json"],
    ["members", "--json", "--on", "2024-02-22", "--lang", "ru"],
    ["officials", "--on", "2026-01-01", "--json", "--lang", "id"],
    ["chair", "--year", "2028", "--json"],
    ["assist", "ARM", "--against", "AZE", "--on", "2022-09-13", "--json"],
    ["assist", "--on", "2022-01-05", "KAZ", "--json"],
    ["base", "KGZ", "USA", "--on", "2020-01-01", "--json", "--lang", "id"],
]


@pytest.mark.parametrize("args", FAST_CALLS, ids=[" ".join(a) for a in FAST_CALLS])
def test_fast_path_prints_what_click_prints(args: list[str]) -> None:
    from csto.cli import _fast

    fast = _fast(args)
    assert fast is not None, "this call should take the fast path"
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output == fast + "\n"


@pytest.mark.parametrize("args", [
    ["members", "--on", "bad", "--json"], ["members", "--on", "--json"],
    ["members", "--on=2000-01-01", "--json"], ["assist", "--json"], ["members"],
])
def test_fast_path_declines_what_it_does_not_own(args: list[str]) -> None:
    from csto.cli import _fast

    assert _fast(args) is None


def test_human_output_in_three_languages(csto: CsTo) -> None:
    english = csto("members", "--on", "2024-03-01")
    indonesian = csto("members", "--on", "2024-03-01", "--lang", "id")
    russian = csto("members", "--on", "2024-03-01", "--lang", "ru")
    assert "participation frozen" in english.out
    assert "Armenia" in indonesian.out and "Maret 2024" in indonesian.out
    assert "Армения" in russian.out and "марта 2024" in russian.out


def test_every_listing_command_runs(csto: CsTo) -> None:
    for args in (["overview"], ["about"], ["history", "ARM"], ["documents", "--on", "2010-01-01"],
                 ["article", "cst", "4", "--on", "2000-01-01"], ["exercises", "--year", "2011"],
                 ["forces"], ["cases"], ["groupings"], ["disputes"], ["check-data"]):
        for extra in ([], ["--json"]) if args != ["check-data"] else ([],):
            run = csto(*args, *extra)
            assert run.code == 0, (args, run.err)
            assert run.out.strip()


def _commands() -> dict[str, click.Command]:
    assert isinstance(cli, click.Group)
    return dict(cli.commands)


def test_every_command_and_option_is_documented() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in _commands().items():
        assert f"csto {name}" in reference, f"'csto {name}' missing from docs/cli.md"
        assert f"csto {name}" in readme, f"'csto {name}' missing from README.md"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in reference, f"{opt} of 'csto {name}' missing from docs/cli.md"


def test_cli_reference_is_generated_from_the_code() -> None:
    from csto._clidoc import reference

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_fast_path_honours_csto_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    from csto.cli import _fast

    monkeypatch.setenv("CSTO_LANG", "ru")
    args = ["members", "--on", "2000-06-01", "--json"]
    fast = _fast(args)
    result = CliRunner().invoke(cli, args)
    assert fast is not None and result.output == fast + "\n"
    assert "Армения" in fast
