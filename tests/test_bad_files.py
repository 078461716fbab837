"""The bad-input corpus for files and documents: every parser bounded, FIFOs and devices
refused, nothing but new or regular files written, saving round-trips loading."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csto.errors import DataError, InputError
from csto.record.bounded import MAX_DEPTH, MAX_DIGITS, MAX_NODES, LimitError, load_json
from csto.record.files import read_bytes
from csto.record.yamlfile import load_text
from csto.scenario.files import dump, parse, parse_text

from .conftest import DATA, ROOT, Run

CsTo = Callable[..., Run]
FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


def _one_line(run: Run, fragment: str) -> None:
    assert run.code == 2, run
    assert run.err.startswith("csto: error: ") and run.err.count("\n") == 1, run.err
    assert fragment in run.err, run.err
    assert "Traceback" not in run.err


def _nested(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + closer * depth


# -- one bounded loader for YAML and JSON ---------------------------------------------
@FAST
@given(depth=st.integers(MAX_DEPTH + 1, 100_000),
       shape=st.sampled_from([("[", "]"), ("{a: ", "}"), ("- ", "")]))
def test_yaml_nested_beyond_the_bound_is_one_error_never_a_crash(depth: int,
                                                                 shape: tuple[str, str]) -> None:
    opener, closer = shape
    if opener == "- ":
        text = "".join("  " * level + "-\n" for level in range(min(depth, 2000)))
    else:
        text = "model: " + _nested(depth, opener, closer)
    with pytest.raises(DataError, match="nested more than 64 deep"):
        load_text(text, "x.yaml")


@FAST
@given(depth=st.integers(MAX_DEPTH + 1, 100_000))
def test_json_nested_beyond_the_bound_is_one_error(depth: int) -> None:
    with pytest.raises(LimitError, match="nested more than 64 deep"):
        load_json("[" * depth + "]" * depth, "body")


@FAST
@given(depth=st.integers(1, MAX_DEPTH - 1))
def test_nesting_within_the_bound_loads(depth: int) -> None:
    assert load_text("a: " + _nested(depth), "x.yaml") is not None
    assert load_json(_nested(depth), "body") is not None


@FAST
@given(digits=st.integers(MAX_DIGITS + 1, 20_000), sign=st.sampled_from(["", "-", "+"]))
def test_huge_integers_are_refused_in_yaml_and_json(digits: int, sign: str) -> None:
    number = sign + "7" * digits
    with pytest.raises(DataError, match="more than 100 digits"):
        load_text(f"n: {number}", "x.yaml")
    with pytest.raises(LimitError, match="more than 100 digits"):
        load_json(f'{{"n": {number.lstrip("+")}}}', "body")
    assert load_text(f"n: '{number}'", "x.yaml") == {"n": number}, "a quoted one is text"


@FAST
@given(levels=st.integers(5, 9), width=st.integers(8, 12))
def test_aliases_count_as_what_they_repeat(levels: int, width: int) -> None:
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    text = "\n".join(lines)
    if width ** levels > MAX_NODES:
        with pytest.raises(DataError, match="an alias counts as what it repeats"):
            load_text(text, "x.yaml")
    else:
        loaded = load_text(text, "x.yaml")
        assert isinstance(loaded, dict) and len(loaded) == levels


def test_too_many_values_and_too_many_bytes() -> None:
    with pytest.raises(DataError, match="more than 500,000 values"):
        load_text("[" + "1," * (MAX_NODES + 10) + "1]", "x.yaml")
    with pytest.raises(LimitError, match="more than 500,000 values"):
        load_json("[" + "1," * (MAX_NODES + 10) + "1]", "body")
    with pytest.raises(DataError, match="more than the 100 accepted"):
        load_text("a: " + "x" * 200, "x.yaml", limit=100)


@pytest.mark.parametrize("body, says", [
    ('{"name": "a", "name": "b"}', "the key 'name' is given twice"),
    ('{"n": NaN}', "'NaN' is not a JSON number"),
    ('{"n": -Infinity}', "'-Infinity' is not a JSON number"),
])
def test_json_without_duplicate_keys_or_nan(body: str, says: str) -> None:
    with pytest.raises(LimitError, match=re.escape(says)):
        load_json(body, "body")


def test_json_that_is_not_json_is_left_to_the_caller() -> None:
    with pytest.raises(ValueError, match="Expecting"):
        load_json("{not json", "body")


# -- regular files only ---------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("path, says", [("/dev/zero", "is a device, not a regular file"),
                                        ("/", "is a folder, not a regular file"),
                                        ("/no/such/file", "no file '/no/such/file'")])
def test_only_regular_files_are_read(path: str, says: str) -> None:
    if not os.path.exists(path) and "no file" not in says:
        pytest.skip(f"no {path} here")
    with pytest.raises(InputError, match=re.escape(says)):
        read_bytes(path, 1000)


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    with pytest.raises(InputError, match="is a FIFO, not a regular file"):
        read_bytes(fifo, 1000)


def test_a_read_stops_at_its_bound(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2000)
    assert read_bytes(path, 2000) == b"x" * 2000
    with pytest.raises(InputError, match="has more than 1,999 bytes"):
        read_bytes(path, 1999)


def _scenario_inputs(tmp_path: Path, fifo: Path) -> list[tuple[list[str], str]]:
    deep = tmp_path / "deep.yaml"
    deep.write_text("name: deep\nevents: []\nmodel: " + _nested(300) + "\n")
    deeper = tmp_path / "deeper.yaml"
    deeper.write_text("name: deep\nevents: []\nmodel: " + _nested(40_000) + "\n")
    big = tmp_path / "bigint.yaml"
    big.write_text("name: big\nevents: []\nmodel: {n: " + "1" * 5000 + "}\n")
    return [(["scenario", "add", str(deep)], "nested more than 64 deep"),
            (["members", "--scenario", str(deeper)], "nested more than 64 deep"),
            (["scenario", "add", str(big)], "more than 100 digits"),
            (["members", "--scenario-file", str(fifo)], "is a FIFO, not a regular file"),
            (["scenario", "add", str(fifo)], "is a FIFO, not a regular file"),
            (["simulate", str(fifo)], "is a FIFO, not a regular file"),
            (["members", "--scenario", "/dev/zero"], "is a device, not a regular file"),
            (["check", str(fifo)], "is a FIFO, not a regular file"),
            (["check", "/dev/zero"], "is a device, not a regular file")]


def test_bad_scenario_and_text_files_are_one_line(csto: CsTo, tmp_path: Path,
                                                  fifo: Path) -> None:
    for args, says in _scenario_inputs(tmp_path, fifo):
        _one_line(csto(*args), says)


@pytest.mark.parametrize("content, says", [
    (_nested(100_000) + "\n", "nested more than 64 deep"),
    ("- {id: x, confidence: " + "9" * 5000 + "}\n", "more than 100 digits"),
    (None, "is a FIFO, not a regular file"),
])
def test_check_data_refuses_unbounded_data_files(csto: CsTo, tmp_path: Path,
                                                 content: str | None, says: str) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    events = folder / "events.yaml"
    events.unlink()
    if content is None:
        os.mkfifo(events)
    else:
        events.write_text(content)
    run = csto("check-data", str(folder))
    _one_line(run, says)
    assert str(events) in run.err


def test_deep_nesting_never_crashes_a_real_process(tmp_path: Path) -> None:
    """The C parser's recursion was a segmentation fault: checked in a process of its own."""
    path = tmp_path / "deep.yaml"
    path.write_text("name: deep\nevents: []\nmodel: " + _nested(80_000) + "\n")
    proc = subprocess.run([sys.executable, "-m", "csto", "scenario", "add", str(path)],
                          capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "nested more than 64 deep" in proc.stderr


# -- saving round-trips what loading accepts ----------------------------------------
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_yaml() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, re.S)


def test_the_readme_scenario_examples_are_stored_and_simulated(csto: CsTo, tmp_path: Path) -> None:
    blocks = _readme_yaml()
    assert len(blocks) >= 2, "the README's scenario and model examples"
    scenario, model = blocks[0], next(b for b in blocks if b.startswith("model:"))
    crisis = ("name: readme-model\nevents:\n  - {date: 2027-03-01, state: ARM, kind: aggression, "
              "by: AZE}\n  - {date: 2027-03-01, state: ARM, kind: request-assistance}\n" + model)
    for name, text in (("scenario.yaml", scenario), ("model.yaml", crisis)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        added = csto("scenario", "add", str(path))
        assert added.code == 0 and "stored" in added.out, added.err
    assert csto("simulate", "readme-model", "--no-store").code == 0
    assert csto("simulate", "readme-model", "--runs", "50", "--no-store", "--json").code == 0
    shown = csto("scenario", "export", "readme-model")
    assert parse_text(shown.out).model == parse_text(crisis).model


SAFE_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1,
                    max_size=40)
LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=False, allow_infinity=False), SAFE_TEXT)
MODEL = st.recursive(LEAF, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(SAFE_TEXT, inner, max_size=4), max_leaves=20)
EVENT = st.fixed_dictionaries(
    {"date": st.dates(min_value=__import__("datetime").date(2027, 1, 1),
                      max_value=__import__("datetime").date(2100, 12, 31)).map(str),
     "state": st.sampled_from(["ARM", "KAZ", "RUS"]),
     "kind": st.sampled_from(["aggression", "request-assistance", "statement"])},
    optional={"summary": SAFE_TEXT, "by": st.sampled_from(["AZE", "GEO"])})
SOURCE: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"id": st.from_regex(r"own-[a-z]{1,8}", fullmatch=True), "title": SAFE_TEXT},
    optional={"url": st.just("https://example.org/a")})
OPTIONAL: dict[str, st.SearchStrategy[Any]] = {
    "description": SAFE_TEXT, "model": st.dictionaries(SAFE_TEXT, MODEL, max_size=4),
    "sources": st.lists(SOURCE, max_size=2, unique_by=lambda s: str(s["id"]))}
DOCUMENT = st.fixed_dictionaries(
    {"name": st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True),
     "events": st.lists(EVENT, max_size=4)}, optional=OPTIONAL)


@FAST
@given(document=DOCUMENT)
def test_what_loading_accepts_saving_writes_back_the_same(document: dict[str, Any]) -> None:
    try:
        scenario = parse(document)
    except InputError as exc:  # refused in one line: only a text's control characters are
        assert "control character" in str(exc), exc
        return
    text = dump(scenario)
    assert parse_text(text) == scenario
    assert dump(parse_text(text)) == text


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(document=DOCUMENT)
def test_add_show_export_add_gives_the_same_value(document: dict[str, Any], tmp_path_factory: Any,
                                                  csto: CsTo) -> None:
    folder = tmp_path_factory.mktemp("round")
    first = folder / "first.yaml"
    try:
        first.write_text(dump(parse(document)), encoding="utf-8")
    except InputError:
        return
    added = csto("scenario", "add", str(first), "--json")
    if added.code != 0:  # an event the record cannot take: refused in one line
        _one_line(added, "event")
        return
    shown = csto("scenario", "show", document["name"], "--json")
    exported = folder / "again.yaml"
    assert csto("scenario", "export", document["name"], "-o", str(exported), "--force").code == 0
    again = csto("scenario", "add", str(exported), "--json")
    import json

    assert json.loads(again.out)["version"] == json.loads(added.out)["version"]
    assert parse_text(json.loads(shown.out)["text"]) == parse(document)
    assert parse_text(exported.read_text(encoding="utf-8")) == parse(document)


def test_a_model_of_other_types_is_refused_in_one_line() -> None:
    with pytest.raises(InputError, match="a value is text, a number"):
        parse({"name": "x", "events": [], "model": {"a": {1, 2}}})
    with pytest.raises(InputError, match="must be finite"):
        parse_text("name: x\nevents: []\nmodel: {a: .nan}\n")


def test_file_kinds_name_what_they_are() -> None:
    from csto.record.files import kind_of

    assert kind_of(stat.S_IFIFO) == "FIFO" and kind_of(stat.S_IFCHR) == "device"


# -- nothing is written over what is not a regular file csto made ------------------
def _export(csto: CsTo, *args: str) -> Run:
    return csto("export", "members", "--yearly", "--from", "2020-01-01", "--until", "2021-01-01",
                *args)


@pytest.mark.parametrize("form", ["csv", "parquet", "dta"])
def test_a_fifo_or_a_folder_is_never_written(csto: CsTo, fifo: Path, tmp_path: Path,
                                            form: str) -> None:
    _one_line(_export(csto, "-o", str(fifo), "--format", form), "is a FIFO: csto writes only")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    _one_line(_export(csto, "-o", str(tmp_path), "--format", form), "is a folder")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_never_replaced(csto: CsTo, tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for form in ("csv", "parquet"):
        _one_line(_export(csto, "-o", str(node), "--format", form, "--force"), "is a device")
        assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_an_existing_file_needs_force_and_is_replaced_whole(csto: CsTo, tmp_path: Path) -> None:
    target = tmp_path / "members.csv"
    target.write_text("keep me\n")
    _one_line(_export(csto, "-o", str(target)), "exists: give --force to replace it")
    assert target.read_text() == "keep me\n"
    run = _export(csto, "-o", str(target), "--force")
    assert run.code == 0, run.err
    assert target.read_text().startswith('"iso3"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"], "no partial file left"


def test_a_link_is_followed_to_a_regular_file_and_kept(csto: CsTo, tmp_path: Path,
                                                       fifo: Path) -> None:
    target, link = tmp_path / "real.csv", tmp_path / "link.csv"
    target.write_text("old\n")
    link.symlink_to(target)
    assert _export(csto, "-o", str(link), "--force").code == 0
    assert link.is_symlink() and target.read_text().startswith('"iso3"')
    to_fifo = tmp_path / "to-fifo.csv"
    to_fifo.symlink_to(fifo)
    _one_line(_export(csto, "-o", str(to_fifo), "--force"), "is a FIFO")


def test_csto_own_files_are_never_an_output(csto: CsTo, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from csto.record.cache import cache_dir
    from csto.store.db import sqlite_file

    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: own-files\nevents: []\n")
    assert csto("scenario", "add", str(scenario)).code == 0
    store = sqlite_file()
    assert store is not None and os.path.exists(store)
    _one_line(_export(csto, "-o", store, "--format", "parquet", "--force"), "csto's own files")
    _one_line(_export(csto, "--scenario-file", str(scenario), "-o", str(scenario), "--force"),
              "csto's own files")
    _one_line(_export(csto, "--scenario", "./" + os.path.relpath(scenario), "-o",
                      str(scenario), "--force"), "csto's own files")
    cached = next(Path(cache_dir()).glob("history-*.pickle"))
    _one_line(_export(csto, "-o", str(cached), "--force"), "csto's own files")
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setenv("CSTO_DATA_DIR", str(data))
    _one_line(_export(csto, "-o", str(data / "events.yaml"), "--force"), "csto's own files")
    monkeypatch.delenv("CSTO_DATA_DIR")
    _one_line(csto("scenario", "export", "own-files", "-o", store, "--force"), "csto's own files")
    assert "own-files" in csto("scenario", "list").out, "the store is intact"
    assert scenario.read_text() == "name: own-files\nevents: []\n"


def test_dash_is_standard_output(csto: CsTo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = _export(csto, "-o", "-")
    assert run.code == 0 and run.out.startswith('"iso3"')
    assert list(tmp_path.iterdir()) == [], "no file named '-'"
    _one_line(_export(csto, "-o", "-", "--format", "parquet"), "cannot go to the terminal")


def test_scenario_export_writes_only_new_or_regular_files(csto: CsTo, tmp_path: Path,
                                                          fifo: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: exported\nevents: []\n")
    assert csto("scenario", "add", str(scenario)).code == 0
    _one_line(csto("scenario", "export", "exported", "-o", str(fifo)), "is a FIFO")
    _one_line(csto("scenario", "export", "exported", "-o", str(scenario)), "exists: give --force")
    assert csto("scenario", "export", "exported", "-o", str(scenario), "--force").code == 0
    assert parse_text(scenario.read_text()).name == "exported"


def test_a_terminal_is_asked_before_a_file_is_replaced(tmp_path: Path) -> None:
    from csto.record.files import output_path

    target = tmp_path / "x.csv"
    target.write_text("x")
    asked: list[str] = []

    def yes(path: str) -> bool:
        asked.append(path)
        return True

    assert output_path(str(target), (), confirm=yes) == str(target)
    assert asked == [str(target)]
    with pytest.raises(InputError, match="give --force"):
        output_path(str(target), (), confirm=lambda p: False)


# -- names are names ----------------------------------------------------------------
def test_a_stored_name_is_never_read_as_a_file(csto: CsTo, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    stored = tmp_path / "stored.yaml"
    stored.write_text("name: trap.yaml\nevents:\n  - {date: 2026-12-01, state: ARM, kind: "
                      "withdrawal-notice}\n")
    assert csto("scenario", "add", str(stored)).code == 0
    monkeypatch.chdir(tmp_path)
    Path("trap.yaml").write_text("name: the-file\nevents: []\n")

    def members(*args: str) -> list[str]:
        run = csto("members", "--on", "2027-06-01", "--json", *args)
        assert run.code == 0, run.err
        return [m["iso3"] for m in json.loads(run.out)["members"]]

    assert "ARM" not in members("--scenario", "trap.yaml"), "the stored scenario"
    assert "ARM" in members("--scenario", "./trap.yaml"), "the file, written as a path"
    assert "ARM" in members("--scenario-file", "trap.yaml"), "the file, by its option"
    _one_line(csto("members", "--scenario", "the-file"), "no stored scenario 'the-file'")
    _one_line(csto("members", "--scenario", "x", "--scenario-file", "trap.yaml"), "not both")
