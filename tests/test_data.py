"""The data files: every fact sourced, disagreements kept, bad files reported precisely."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from csto import _cache, _compile
from csto.errors import DataError
from csto.history import History, load_history

from .conftest import DATA


def _records(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _records(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _records(item, f"{path}[{index}]")


FACT_KEYS = {"date", "from", "value", "name", "established", "text", "cow"}


def test_every_fact_has_a_source(history: History) -> None:
    """Any record that states a date, a value, a name or a text names its sources."""
    unsourced = []
    for section in ("events", "documents", "offices", "organization", "exercises", "forces",
                    "cases", "groupings", "country_overrides"):
        for path, record in _records(history.data[section], section):
            if FACT_KEYS & set(record) and not path.endswith(("/question", "/title", "/names")):
                if path.split("/")[-1] in ("title", "short", "summary", "note", "text", "name",
                                           "value", "request", "action", "basis", "size", "role",
                                           "person", "abbreviations"):
                    continue
                if not record.get("sources"):
                    unsourced.append(path)
    assert unsourced == []


def test_every_cited_source_resolves(history: History) -> None:
    cited = {ident for _, record in _records(history.data) for ident in record.get("sources", [])
             if isinstance(ident, str)}
    assert cited <= set(history.sources)
    assert all(s.get("url") or s.get("file") for s in history.sources.values())


def test_seed_files_are_cited_as_sources(history: History) -> None:
    files = {s.get("file") for s in history.sources.values()}
    assert {"000_c42489753044db81.txt", "004_2bba430d289883ed.txt"} <= files


def test_the_fact_sheet_disagreements_are_all_kept(history: History) -> None:
    """The twelve disagreements listed in the reference fact sheet each keep an alternative."""
    import csto

    disputes = csto.to_dict(csto.disputes(history))["disputes"]
    where = " ".join(d["where"] for d in disputes)
    for place in ("rubezh-2008", "center-2011", "uzb-return", "uzb-lapse", "geo-sign",
                  "charter/articles", "kaz-2022", "arm-no-return", "secretary_general",
                  "kgz-2010", "charter/signed", "infrastructure-protocol-2011"):
        assert place in where, place
    assert all(d["alternatives"] and all(a["why_not"] for a in d["alternatives"])
               for d in disputes)


def test_format_versions_agree() -> None:
    assert _cache.FORMAT == _compile.FORMAT


def test_cache_round_trip_and_invalidation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSTO_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    first = _cache.load(str(folder))
    assert _cache.read(str(folder)) == first
    events = folder / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "id: arm-freeze\n  date: 2024-02-22", "id: arm-freeze\n  date: 2024-03-01"),
        encoding="utf-8")
    assert _cache.read(str(folder)) is None, "an edited data file must invalidate the cache"
    changed = History(_cache.load(str(folder)))
    from datetime import date

    assert changed.at(date(2024, 2, 25)).standing("ARM").status == "member"  # type: ignore[union-attr]
    assert changed.at(date(2024, 3, 1)).standing("ARM").status == "frozen"  # type: ignore[union-attr]


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


@pytest.mark.parametrize("name, old, new, field, problem", [
    ("events.yaml", "  date: 2024-02-22\n", "  date: 2024-02-30\n", None, "impossible date"),
    ("events.yaml", "  date: 2024-02-22\n", "  date: someday\n", "date", "write it as YYYY-MM-DD"),
    ("events.yaml", "  kind: freeze\n", "  kind: melt\n", "kind", "Invalid enum value 'melt'"),
    ("events.yaml", "  kind: freeze\n", "  kind: freeze\n  colour: red\n", "colour", "unknown field"),
    ("events.yaml", "  state: AZE\n", "  state: XXX\n", "state", "not an ISO 3166 alpha-3 code"),
    ("events.yaml", "sources: [asbarez-freeze-2024", "sources: [no-such-source", "sources",
     "unknown source 'no-such-source'"),
    ("events.yaml", "- id: uzb-return\n  date: 2006-08-16\n  state: UZB\n  kind: return",
     "- id: uzb-return\n  date: 2006-08-16\n  state: UZB\n  kind: freeze", "kind",
     "cannot follow standing 'former'"),
    ("offices.yaml", "    from: 2020-01-01\n    until: 2023-01-01",
     "    from: 2020-01-01\n    until: 2019-01-01", "until", "must end after it starts"),
    ("documents.yaml", "  in_force: {date: 1994-04-20", "  in_force: {date: [1994-04-20", None,
     "malformed YAML"),
])
def test_malformed_data_names_file_line_and_field(tmp_path: Path, name: str, old: str, new: str,
                                                  field: str | None, problem: str | None) -> None:
    if problem is None:
        pytest.skip("placeholder row")
    folder = _broken(tmp_path, name, old, new)
    with pytest.raises(DataError) as info:
        _compile.compile_data(folder)
    error = info.value
    assert error.path == str(folder / name)
    assert problem in error.problem
    if field is not None:
        assert error.field == field
    fragment = new.strip().splitlines()[-1] if new.strip() else old
    assert error.line is not None
    assert abs(error.line - _line_of(folder / name, fragment)) <= 3


def test_check_data_command_reports_bad_file_in_one_line(tmp_path: Path, csto: Any) -> None:
    folder = _broken(tmp_path, "events.yaml", "  kind: freeze\n", "  kind: melt\n")
    run = csto("check-data", str(folder))
    assert run.code == 2
    assert run.err.startswith(f"csto: error: {folder / 'events.yaml'}:")
    assert "field 'kind'" in run.err and run.err.count("\n") == 1
    assert csto("check-data").code == 0


def test_missing_data_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "forces.yaml").unlink()
    with pytest.raises(DataError, match="missing data file"):
        _compile.compile_data(folder)


def test_packaged_history_loads_and_is_shared() -> None:
    assert load_history() is load_history()
