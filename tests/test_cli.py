"""The command line: the JSON contract, the lean path, human output, documentation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from csto.cli import _lean
from csto.questions.registry import QUESTIONS

from .conftest import ROOT, Run

CsTo = Callable[..., Run]


def _json(run: Run) -> Any:
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_members_contract(csto: CsTo) -> None:
    data = _json(csto("members", "--on", "2000-06-01", "--json"))
    assert data["date"] == "2000-06-01"
    assert [m["iso3"] for m in data["members"]] == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert all(m["status"] == "member" and m["name"] and m["since"] and m["fact"]
               for m in data["members"])
    assert {s["iso3"]: s["status"] for s in data["standings"]}["GEO"] == "former"
    assert {"findings", "citations", "sources"} <= set(data)


def test_assist_contract(csto: CsTo) -> None:
    data = _json(csto("assist", "ARM", "--against", "AZE", "--on", "2022-09-13", "--json"))
    assert data["obliged"] == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert data["findings"] and data["citations"] and data["open_questions"] == []
    assert data["article_version"] == "cst-amendments-2010"
    assert {"document", "article", "version", "in_force_from", "in_force_precision",
            "wording_retrieved", "sources"} <= set(data["citations"][0])
    assert [s["code"] for s in data["procedure"]] == [
        "request", "consultations", "decision", "assistance", "report-unsc"]


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
    assert data["sources"], "the sources of the officials' terms are listed"


def test_step_join_nato(csto: CsTo) -> None:
    data = _json(csto("step", "ARM", "join-alliance", "NATO", "--on", "2026-12-01", "--json"))
    assert data["verdict"] == "breach"
    assert data["effective"] == "2027-06-01"
    assert {c["article"] for c in data["citations"]} >= {"1", "19"}
    assert data["path"][-1]["deadline"] == "2027-06-01"


def test_decide_command(csto: CsTo) -> None:
    data = _json(csto("decide", "CSC", "--on", "2025-11-27", "--for", "RUS,BLR,KAZ,KGZ,TJK",
                      "--abstain", "ARM", "--json"))
    assert data["adopted"] is True and data["not_bound"] == ["ARM"] and data["rule"] == "consensus"
    blocked = _json(csto("decide", "CSC", "--on", "2025-11-27", "--for", "RUS",
                         "--against", "BLR", "--json"))
    assert blocked["adopted"] is False and blocked["blocked_by"] == ["BLR"]


def test_real_process_bad_input_has_no_traceback() -> None:
    proc = subprocess.run([sys.executable, "-m", "csto", "assist", "XYZ", "--json"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("csto: error: unknown country")
    assert "Traceback" not in proc.stderr


LEAN_CALLS = [
    ["members", "--on", "2000-06-01", "--json"],
    ["members", "--json", "--on", "2024-02-22", "--lang", "ru"],
    ["officials", "--on", "2026-01-01", "--json", "--lang", "id"],
    ["chair", "--year", "2028", "--json"],
    ["assist", "ARM", "--against", "AZE", "--on", "2022-09-13", "--json"],
    ["assist", "--on", "2022-01-05", "KAZ", "--json", "--situation", "internal-unrest"],
    ["base", "KGZ", "USA", "--on", "2020-01-01", "--json", "--lang", "id"],
    ["step", "ARM", "withdraw", "--on", "2026-12-01", "--json"],
    ["decide", "CSC", "--for", "RUS,BLR", "--against", "KAZ", "--on", "2020-01-01", "--json"],
    ["history", "UZB", "--json", "--lang", "ru"],
    ["article", "cst", "4", "--on", "2013-01-01", "--json"],
    ["exercises", "--year", "2011", "--json"],
    ["cases", "kaz-2022", "--json"],
    ["disputes", "--json"],
    ["standing", "Armenia", "--on", "2024-03-01", "--json"],
    # errors: the lean path reports them itself, with the same words as the full parser
    ["members", "--on", "2022-13-01", "--json"],
    ["assist", "Atlantis", "--json"],
    ["step", "ARM", "withdraw", "NATO", "--json"],
    ["cases", "nope", "--json", "--lang", "id"],
]
LEAN_CALLS += [[token for token in args if token != "--json"] for args in LEAN_CALLS]
"""Each call again for people: the lean path answers those too."""


@pytest.mark.parametrize("args", LEAN_CALLS, ids=[" ".join(a) for a in LEAN_CALLS])
def test_lean_path_prints_what_the_full_parser_prints(args: list[str], csto: CsTo,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert _lean(args) is not None, "this call should take the lean path"
    lean = csto(*args)
    import csto.cli as entry

    monkeypatch.setattr(entry, "_lean", lambda argv: None)
    full = csto(*args)
    assert (lean.code, lean.out, lean.err) == (full.code, full.out, full.err)


def test_an_error_runs_the_question_once(monkeypatch: pytest.MonkeyPatch, csto: CsTo) -> None:
    from csto.questions import registry

    calls: list[str] = []
    real = registry.ask

    def counting(name: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(registry, "ask", counting)
    assert csto("assist", "Atlantis", "--json").code == 2
    assert calls == ["assist"]


@pytest.mark.parametrize("args", [
    ["members", "--on", "--json"], ["members", "--on=2000-01-01", "--json"], ["assist", "--json"],
    ["members", "--json", "--json"], ["members", "--json", "--help"], ["members", "--help"],
    ["step", "ARM", "fly", "--json"],
    ["members", "--json", "--on", "2000-01-01", "--on", "2001-01-01"],
    ["members", "--json", "--lang", "xx"], ["base", "KGZ", "--json"],
])
def test_lean_path_declines_what_it_does_not_own(args: list[str]) -> None:
    assert _lean(args) is None


def test_human_output_in_three_languages(csto: CsTo) -> None:
    english = csto("members", "--on", "2024-03-01")
    indonesian = csto("members", "--on", "2024-03-01", "--lang", "id")
    russian = csto("members", "--on", "2024-03-01", "--lang", "ru")
    assert "participation frozen" in english.out and "1 March 2024" in english.out
    assert "Armenia" in indonesian.out and "Maret 2024" in indonesian.out
    assert "Армения" in russian.out and "марта 2024" in russian.out
    for run in (english, indonesian, russian):
        assert run.out.count("ARM ") == 1, "each state is listed once"


HUMAN_CALLS = [["overview"], ["about"], ["history", "ARM"], ["history", "USA"],
               ["documents", "--on", "2010-01-01"], ["article", "cst", "4", "--on", "2000-01-01"],
               ["exercises", "--year", "2011"], ["forces"], ["cases"], ["groupings"],
               ["disputes"], ["standing", "GEO"], ["officials"], ["chair", "--year", "2009"],
               ["assist", "KAZ", "--situation", "threat"], ["base", "TJK", "CHN"],
               ["step", "KAZ", "host-base", "USA"], ["decide", "CSC", "--matter", "appointment",
                                                     "--for", "RUS"]]


@pytest.mark.parametrize("args", HUMAN_CALLS, ids=[" ".join(a) for a in HUMAN_CALLS])
@pytest.mark.parametrize("lang", ["en", "id", "ru"])
def test_every_question_reads_as_prose_or_tables(csto: CsTo, args: list[str], lang: str) -> None:
    run = csto(*args, "--lang", lang)
    assert run.code == 0, run.err
    assert run.out.strip()
    for leak in ("confidence:", "precision:", "why_not", "in_force: True", "'en':", "{'"):
        assert leak not in run.out, leak
    assert "Indonesian seed text misspells" not in run.out


def test_check_data_runs(csto: CsTo) -> None:
    run = csto("check-data")
    assert run.code == 0 and run.out.startswith("ok: ")


def test_cli_reference_is_generated_from_the_code() -> None:
    from csto.cli.docs import reference

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run `make docs`")


def test_every_question_is_a_command() -> None:
    from csto.cli.app import build

    app = build()
    names = app.list_commands(app.make_context("csto", [], resilient_parsing=True))
    assert set(QUESTIONS) <= set(names)


def test_lean_path_honours_csto_lang(monkeypatch: pytest.MonkeyPatch, csto: CsTo) -> None:
    monkeypatch.setenv("CSTO_LANG", "ru")
    run = csto("members", "--on", "2000-06-01", "--json")
    assert "Армения" in run.out


def test_help_is_in_the_readers_language(csto: CsTo) -> None:
    run = csto("assist", "--help", "--lang", "id")
    assert run.code == 0
    assert "Negara yang diserang." in run.out
    assert "Penggunaan" in run.out or "Cara pakai" in run.out


def test_whole_process_with_env() -> None:
    env = {**os.environ, "CSTO_LANG": "id"}
    proc = subprocess.run([sys.executable, "-m", "csto", "members", "--on", "2000-06-01"],
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0 and "Juni 2000" in proc.stdout


def test_cases_between_members_show_each_sides_claim_and_no_named_aggressor(csto: CsTo) -> None:
    run = csto("cases", "kgz-tjk-2022")
    assert run.code == 0
    assert "The Organization named no aggressor" in run.out
    assert "As Kyrgyzstan tells it (Kyrgyzstan attacked by Tajikistan)" in run.out
    assert "As Tajikistan tells it (Tajikistan attacked by Kyrgyzstan)" in run.out
    kaz = csto("cases", "kaz-2022", "--lang", "id")
    assert "penyerangnya tidak disebut" in kaz.out and "oleh )" not in kaz.out
