"""What-if scenarios: the record plus hypothetical events, answered by the same rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import csto
from csto.errors import InputError
from csto.record.history import History
from csto.rules.answers import MembersAnswer
from csto.scenario import load
from csto.scenario.diff import diff
from csto.scenario.files import dump, parse_text

from .conftest import Run

CsTo = Callable[..., Run]

LEAVES = """\
name: armenia-leaves
description: Armenia gives written notice of withdrawal on 1 December 2026.
events:
  - {date: 2026-12-01, state: ARM, kind: withdrawal-notice}
"""


@pytest.fixture
def leaves(tmp_path: Path) -> Path:
    path = tmp_path / "armenia-leaves.yaml"
    path.write_text(LEAVES, encoding="utf-8")
    return path


def _members(run: Run) -> list[str]:
    assert run.code == 0, run.err
    return [m["iso3"] for m in json.loads(run.out)["members"]]


@pytest.mark.parametrize("lean", [True, False])
def test_the_readme_example_on_both_command_paths(csto: CsTo, leaves: Path, lean: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    if not lean:
        import csto.cli as entry

        monkeypatch.setattr(entry, "_lean", lambda argv: None)
    on_eve = csto("members", "--on", "2027-05-31", "--scenario", str(leaves), "--json")
    on_day = csto("members", "--on", "2027-06-01", "--scenario", str(leaves), "--json")
    assert "ARM" in _members(on_eve)
    assert "ARM" not in _members(on_day)
    assert "ARM" in _members(csto("members", "--on", "2027-06-01", "--json"))


def test_every_question_follows_the_scenario(leaves: Path, history: History) -> None:
    h = load(leaves).history
    after = "2027-07-01"
    assert "ARM" not in csto.assist("KAZ", on=after, history=h).obliged
    assert "ARM" in csto.assist("KAZ", on=after).obliged
    assert "ARM" not in csto.base("KGZ", "USA", after, h).consent_required_from
    assert csto.chair(2028, h).chair.state == "BLR"  # type: ignore[union-attr]
    assert csto.chair(2028).chair.state == "ARM"  # type: ignore[union-attr]
    with pytest.raises(InputError, match="ARM is not a member"):
        csto.decide("CSC", {"ARM": "for"}, after, history=h)
    assert csto.step("ARM", "join-alliance", "NATO", after, h).verdict == "not-bound"
    story = csto.state_history("ARM", after, h)
    assert [e.kind for e in story.events][-2:] == ["withdrawal-notice", "withdraw"]
    assert story.standing is not None and story.standing.status == "former"


def test_a_notice_may_name_a_later_day_but_not_an_earlier_one(history: History) -> None:
    later = parse_text(LEAVES.replace("kind: withdrawal-notice}",
                                      "kind: withdrawal-notice, effective: 2027-09-01}"))
    h = load(later).history
    assert "ARM" in csto.snapshot("2027-08-31", history=h).members
    assert "ARM" not in csto.snapshot("2027-09-01", history=h).members
    early = parse_text(LEAVES.replace("kind: withdrawal-notice}",
                                      "kind: withdrawal-notice, effective: 2027-05-01}"))
    with pytest.raises(InputError, match="not before 2027-06-01"):
        load(early)


@pytest.mark.parametrize("events, fragment", [
    ("[{date: 2026-12-01, state: ARM, kind: withdrawal-notice},"
     " {date: 2027-07-01, state: ARM, kind: withdrawal-notice}]",
     "event 2 (2027-07-01 ARM withdrawal-notice): when it takes effect"),
    ("[{date: 2027-01-01, state: UZB, kind: withdraw}, {date: 2027-02-01, state: UZB, kind: withdraw}]",
     "event 2 (2027-02-01 UZB withdraw): a 'withdraw' event cannot follow standing 'former'"),
    ("[{date: 2027-01-01, state: SRB, kind: return}]", "cannot follow standing 'observer'"),
    ("[{date: 1991-06-01, state: RUS, kind: statement}]", "outside 1992-01-01"),
    ("[{date: 2027-01-01, state: Atlantis, kind: accession}]", "unknown country 'Atlantis'"),
    ("[{date: 2027-01-01, state: SRB, kind: teleport}]", "event 1, field 'kind'"),
    ("[{date: 2027-01-01, state: SRB, kind: accession, colour: red}]", "unknown field `colour`"),
    ("[{date: 2027-02-30, state: SRB, kind: accession}]", "impossible date '2027-02-30'"),
    ("[{date: 2027-01-01, state: KGZ, kind: base-request}]", "names the guest state as 'by'"),
    ("[{date: 2027-01-01, state: SRB, kind: accession, sources: [nowhere]}]",
     "unknown source 'nowhere'"),
])
def test_a_scenario_that_cannot_be_is_refused_naming_the_event(events: str,
                                                              fragment: str) -> None:
    text = f"name: broken\nevents: {events}\n"
    with pytest.raises(InputError) as info:
        load(parse_text(text))
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_accession_makes_a_new_member_and_the_rotation_follows(history: History) -> None:
    scenario = parse_text("name: serbia-joins\nevents:\n"
                          "  - {date: 2027-03-01, state: Serbia, kind: accession, "
                          "effective: 2027-06-01}\n")
    h = load(scenario).history
    assert "SRB" not in csto.snapshot("2027-05-31", history=h).members
    assert "SRB" in csto.snapshot("2027-06-01", history=h).members
    assert "SRB" in csto.assist("KAZ", on="2027-07-01", history=h).obliged


def test_warnings_not_refusals_where_the_record_may_be_incomplete() -> None:
    built = load(parse_text("name: past\nevents:\n  - {date: 2020-01-01, state: KAZ, kind: "
                            "statement}\n"))
    assert built.warnings and "counterfactual" in built.warnings[0]


def test_export_is_canonical_and_adds_back_to_the_same_thing(leaves: Path) -> None:
    scenario = load(leaves).scenario
    text = dump(scenario)
    assert parse_text(text) == scenario
    assert dump(parse_text(text)) == text


def test_diff_against_the_record_over_a_period(leaves: Path, history: History) -> None:
    h = load(leaves).history
    day = diff(history, h, "armenia-leaves", "2027-06-01")
    assert [(c.subject, c.aspect, c.record, c.scenario) for c in day.changes][:2] == [
        ("ARM", "standing", "frozen", "former"), ("members", "count", "6", "5")]
    period = diff(history, h, "armenia-leaves", "2027-01-01", "2029-01-01")
    chair = [c for c in period.changes if c.subject == "chair"]
    assert [(c.start, c.record, c.scenario) for c in chair] == [(date(2028, 1, 1), "ARM", "BLR")]
    arm = next(c for c in period.changes if c.subject == "ARM")
    assert (arm.start, arm.end) == (date(2027, 6, 1), date(2029, 1, 1))
    assert diff(history, h, "x", "2027-01-01").changes == ()


@pytest.mark.parametrize("content, fragment", [
    ("name: x\nevents: [\n", "malformed YAML"),
    ("- just a list\n", "a scenario is a mapping"),
    ("name: Bad Name\n", "a name is lower-case letters"),
    ("name: x\nevents: {date: 2027-01-01}\n", "field 'events'"),
])
def test_bad_files_are_one_line_and_exit_2(csto: CsTo, tmp_path: Path, content: str,
                                           fragment: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    run = csto("members", "--scenario", str(path), "--json")
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and fragment in run.err


def test_a_huge_file_is_refused_before_it_is_read(csto: CsTo, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("name: huge\n#" + "x" * 1_100_000 + "\n", encoding="utf-8")
    run = csto("members", "--scenario", str(path))
    assert run.code == 2 and "more than 1,000,000 bytes" in run.err


def test_the_api_takes_a_scenario(leaves: Path) -> None:
    answer = csto.ask("members", {"on": "2027-06-01"}, scenario=str(leaves))
    assert isinstance(answer, MembersAnswer)
    assert "ARM" not in [m.iso3 for m in answer.members]
    assert csto.to_dict(answer)["sources"]["scenario:armenia-leaves"]["kind"] == "scenario"
