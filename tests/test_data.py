"""The data files: every fact sourced, disagreements kept, bad files reported precisely."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import csto
from csto.errors import DataError
from csto.record import cache as _cache
from csto.record.history import History
from csto.record.load import Compiled, build, compile_data, load_history, shaped
from csto.record.validate import cited_sources

from .conftest import DATA


def _records(history: History) -> Iterator[Any]:
    yield from history.events
    yield from history.documents.values()
    yield from history.exercises
    yield from history.forces
    yield from history.cases
    yield from history.groupings.values()
    yield from history.announced
    yield history.offices
    yield history.organization


def test_every_cited_source_resolves(history: History) -> None:
    for record in _records(history):
        for _, ids in cited_sources(record):
            assert ids and set(ids) <= set(history.sources), record
    assert all(s.url or s.file for s in history.sources.values())


def test_every_record_states_its_confidence() -> None:
    """The value types default a confidence for users' events; the data always states one."""
    import yaml

    for name in ("events.yaml", "exercises.yaml", "cases.yaml", "forces.yaml"):
        for raw in yaml.safe_load((DATA / name).read_text(encoding="utf-8")):
            assert "confidence" in raw, (name, raw.get("id"))


def test_the_seed_texts_are_cited_as_their_publications(history: History) -> None:
    """The two texts the project started from are cited as what they are, a news article
    and a Wikipedia article a reader can open, not as files the package does not ship."""
    wahana, idwiki = history.sources["seed-000"], history.sources["seed-004"]
    assert wahana.kind == "news" and wahana.file is None
    assert wahana.url == ("https://wahananews.co/internasional/"
                          "mengenal-sekutu-rusia-aliansi-csto-tandingan-nato-1dMlOCawNx/0")
    assert idwiki.kind == "reference" and idwiki.file is None
    assert idwiki.url == "https://id.wikipedia.org/wiki/Organisasi_Traktat_Keamanan_Kolektif"
    assert all(s.kind != "seed" for s in history.sources.values())


def test_every_source_opens_for_a_reader(history: History) -> None:
    """A reader can open every source: an http(s) URL that is more than a site's home
    page, or a file shipped with the package (under ``data/files/``) beside its licence
    (``<file>.license``). No source is the project's fact sheet or a seed file, and no
    two ids share a URL."""
    from urllib.parse import urlsplit

    shipped = DATA / "files"
    seen: dict[str, str] = {}
    for source in history.sources.values():
        assert source.id != "factsheet" and "csto-facts" not in (source.file or ""), source.id
        assert not (source.kind == "seed" and source.file), source.id
        if source.url is None:
            assert source.file, source.id
            assert (shipped / source.file).is_file(), source.id
            assert (shipped / f"{source.file}.license").is_file(), source.id
            continue
        parts = urlsplit(source.url)
        assert parts.scheme in ("http", "https") and parts.netloc, source.id
        assert parts.path.strip("/") or parts.query, f"{source.id}: a bare home page"
        key = source.url.split("://", 1)[1].removeprefix("www.").rstrip("/")
        assert key not in seen, f"{source.id} and {seen.get(key)} share {source.url}"
        seen[key] = source.id


def test_the_fact_sheet_disagreements_are_all_kept(history: History) -> None:
    """The disagreements listed in the reference fact sheet each keep an alternative, and the
    live disputes about standings are recorded with both sides. (Masadykov's term is not one:
    "2026-2029" and "to 31 Dec 2028" are the same three years.)"""
    disputes = csto.to_dict(csto.disputes(history))["disputes"]
    where = " ".join(f"{d['record']}:{d['field']}" for d in disputes)
    for place in ("rubezh-2008", "center-2011", "uzb-return", "uzb-lapse", "geo-sign",
                  "document:charter:article 19", "kaz-2022", "arm-no-return",
                  "kgz-2010", "document:charter:signed", "infrastructure-protocol-2011",
                  "event:arm-freeze", "event:uzb-suspend", "event:afg-observer-end",
                  "peacekeeping-agreement-2007", "event:arm-deputy-quota"):
        assert place in where, place
    assert all(d["alternatives"] and all(a["why_not"] for a in d["alternatives"])
               for d in disputes)


def test_disputes_name_articles_and_keep_precision_for_dates_only(history: History) -> None:
    disputes = csto.to_dict(csto.disputes(history))["disputes"]
    assert not any("/articles/" in d["record"] for d in disputes)
    for dispute in disputes:
        for alternative in dispute["alternatives"]:
            if alternative["date"] is None:
                assert alternative["precision"] is None, dispute["record"]


def test_cache_round_trip_and_invalidation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSTO_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    first = load_history(folder, use_cache=True)
    assert _cache.read(str(folder), Compiled, shaped) is not None
    events = folder / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "id: arm-freeze\n  date: 2024-02-22", "id: arm-freeze\n  date: 2024-03-01"),
        encoding="utf-8")
    assert _cache.read(str(folder), Compiled, shaped) is None, "an edited data file must invalidate it"
    changed = compile_data(folder)
    from csto.record.load import build

    later = build(changed)
    assert first.at(date(2024, 2, 25)).standing("ARM").status == "frozen"  # type: ignore[union-attr]
    assert later.at(date(2024, 2, 25)).standing("ARM").status == "member"  # type: ignore[union-attr]


def _cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("CSTO_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    load_history(folder, use_cache=False)
    _cache.write(str(folder), compile_data(folder))
    return folder, Path(_cache.path_for(str(folder)))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "other-shape", "wrong-items",
                                    "wrong-keys", "fifo"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                damage: str) -> None:
    folder, path = _cache_file(tmp_path, monkeypatch)
    blob = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        path.write_bytes(blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:])
    elif damage == "garbage":
        path.write_bytes(b"not a cache at all")
    elif damage == "fifo":
        path.unlink()
        os.mkfifo(path)
    else:
        import pickle
        import struct
        import zlib

        compiled = compile_data(folder)
        value: object = {"format": _cache.FORMAT, "countries": {}}
        if damage == "wrong-items":  # a valid checksum over a compilation of another shape
            value = compiled._replace(events=[dict(id="x")])  # type: ignore[arg-type]
        elif damage == "wrong-keys":
            value = compiled._replace(
                sources=dict(enumerate(compiled.sources.values())))  # type: ignore[arg-type]
        payload = pickle.dumps(value)
        path.write_bytes(_cache.MAGIC + struct.pack("<HQI", _cache.FORMAT, len(payload),
                                                    zlib.crc32(payload)) + payload)
    assert _cache.read(str(folder), Compiled, shaped) is None
    from csto.record import load

    load._LOADED.pop(str(folder), None)
    history = load_history(folder)
    assert history.at(date(2024, 3, 1)).members == ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
    assert _cache.read(str(folder), Compiled, shaped) is not None, "the rebuilt cache is written back"


def test_old_cache_files_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, path = _cache_file(tmp_path, monkeypatch)
    stale = path.with_name(path.name.split("-")[0] + "-" + path.name.split("-")[1] + "-0.pickle")
    stale.write_bytes(b"old")
    _cache.write(str(folder), compile_data(folder))
    assert not stale.exists() and path.exists()


def test_cache_files_unused_for_a_month_are_removed(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Other data folders' caches, scenario files' caches and leftover temporary files go
    once nobody has written them for ``MAX_AGE``; recent ones stay."""
    _folder, path = _cache_file(tmp_path, monkeypatch)
    old = [path.with_name("history-00000000-0.pickle"), path.with_name("scenario-1.pickle"),
           path.with_name("scenario-2.pickle.123.tmp")]
    recent = path.with_name("scenario-3.pickle")
    for file in [*old, recent]:
        file.write_bytes(b"x")
    month_ago = time.time() - _cache.MAX_AGE - 60
    for file in old:
        os.utime(file, (month_ago, month_ago))
    from csto.scenario import cache as scenario_cache
    from csto.scenario.files import parse_text

    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: s\nevents: []\n")
    scenario_cache.write(str(scenario), parse_text(scenario.read_text()))
    assert not any(file.exists() for file in old)
    assert recent.exists() and path.exists()
    assert scenario_cache.read(str(scenario)) is not None


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
    ("events.yaml", "  kind: freeze\n", "  kind: melt\n", "kind", "unknown kind 'melt'"),
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
    ("cases.yaml", "    - {victim: KGZ,", "    - {victim: XKX,", "readings",
     "not an ISO 3166"),
    ("announced.yaml", '  where: {en: "Kazakhstan", id: "Kazakhstan", ru: "Казахстан"}',
     '  where: {en: "Kazakhstan", id: "Kazakhstan"}', "where", "missing: ru"),
    ("announced.yaml", '  expected: {date: 2026-10-01, precision: month}\n  where: {en: "Belarus"',
     '  expected: {date: 2026-10-15, precision: month}\n  where: {en: "Belarus"', "expected",
     "a month is written as its first day"),
    ("announced.yaml", "precision: month, until: 2026-10-01}", "precision: month, until: 2026-08-01}",
     "expected", "'until' must come after 'date'"),
    ("announced.yaml", "  announced: 2026-02-12\n", "  announced: 2026-02-16\n", "announced",
     "announced after the day the record was reviewed to (2026-02-15)"),
    ("announced.yaml", "  expected: {date: 2026-05-01, precision: month}",
     "  expected: {date: 2026-01-01, precision: month}", "expected",
     "expected by the day the record was reviewed to"),
    ("announced.yaml", "precision: day}", "precision: week}", "expected.precision",
     "Invalid enum value 'week'"),
    ("announced.yaml", "  sources: [tass-2085703, zakon-2026-exercises]",
     "  sources: [tass-2085703, no-such-source]", "sources", "unknown source 'no-such-source'"),
])
def test_malformed_data_names_file_line_and_field(tmp_path: Path, name: str, old: str, new: str,
                                                  field: str | None, problem: str) -> None:
    folder = _broken(tmp_path, name, old, new)
    with pytest.raises(DataError) as info:
        compile_data(folder)
    error = info.value
    assert error.path == str(folder / name)
    assert problem in error.problem
    if field is not None:
        assert error.field == field
    fragment = new.strip().splitlines()[-1] if new.strip() else old
    assert error.line is not None
    assert abs(error.line - _line_of(folder / name, fragment)) <= 3


def test_a_file_that_is_not_utf8_is_one_line(tmp_path: Path, csto: Any) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "forces.yaml").write_bytes("- id: x\n  name: caf\xe9\n".encode("latin-1"))
    run = csto("check-data", str(folder))
    assert run.code == 2 and run.err.count("\n") == 1
    assert "not UTF-8" in run.err and "forces.yaml:2" in run.err


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
        compile_data(folder)


def test_packaged_history_loads_and_is_shared() -> None:
    assert load_history() is load_history()


def test_schema_is_derived_from_the_value_types() -> None:
    """The YAML validator and the runtime records have the same fields, by construction."""
    from csto.record import model
    from csto.record import schema as _schema

    for kind in (model.Event, model.Document, model.Exercise, model.Case, model.Offices,
                 model.Announced, model.Expected):
        struct = _schema.struct_for(kind)
        assert struct.__struct_fields__ == kind._fields


def test_every_source_has_a_language_and_a_date_or_says_why_not(history: History) -> None:
    for source in history.sources.values():
        assert source.language, source.id
        assert (source.published is None) != (source.undated is None), source.id
    dated = [s for s in history.sources.values() if s.published is not None]
    assert len(dated) >= 0.85 * len(history.sources)


def _contemporary(history: History, ids: tuple[str, ...], day: date, within: int = 45) -> bool:
    """Some source among ``ids`` was published within ``within`` days after ``day`` (a
    month or year precision counts from the start of that month or year)."""
    for ident in ids:
        source = history.sources[ident]
        if source.published is None:
            continue
        slack = {"month": 31, "year": 366}.get(source.precision, 0)
        if -slack <= (source.published - day).days <= within:
            return True
    return False


def test_reporting_at_the_time_is_checked_against_the_sources_dates(history: History) -> None:
    """A reason that rests on contemporary reports names a source dated at the time, and an
    alternative dismissed as written later is dated later than the fact."""
    disputes = csto.to_dict(csto.disputes(history))["disputes"]
    checked = 0
    for dispute in disputes:
        reason = (dispute["chosen_because"] or "").lower()
        if dispute["date"] is None:
            continue
        day = date.fromisoformat(dispute["date"])
        if "at the time" in reason:
            checked += 1
            assert _contemporary(history, tuple(dispute["sources"]), day), dispute["record"]
        for alternative in dispute["alternatives"]:
            if "after the contemporaneous" in alternative["why_not"].lower():
                later = [history.sources[i].published for i in alternative["sources"]]
                assert all(p is not None and (p - day).days > 180 for p in later), dispute
    assert checked >= 4


@pytest.mark.parametrize("on, edge", [("2026-02-15", False), ("2026-02-16", True)])
def test_answers_past_the_reviewed_day_say_events_may_be_missing(on: str, edge: bool) -> None:
    for lang, words in (("en", "may be missing"), ("id", "mungkin belum tercakup"),
                        ("ru", "могут не")):
        findings = csto.to_dict(csto.members(on=on), lang)["findings"]
        said = [f["text"] for f in findings if f["code"] == "record.edge"]
        assert bool(said) == edge, (lang, said)
        assert all(words in text and "2026-02-15" in text for text in said), (lang, said)



@pytest.mark.parametrize("document, day, in_force", [
    ("csc-regulation-1992", "1994-04-19", False), ("csc-regulation-1992", "1994-04-20", True),
    ("csc-regulation-1992", "1994-04-21", True),
    ("peacekeeping-agreement-2007", "2011-01-25", False),
    ("peacekeeping-agreement-2007", "2011-01-26", True),
    ("peacekeeping-agreement-2007", "2022-01-06", True),
    ("cst-protocol-1993", "2026-01-01", False),
])
def test_documents_apply_from_the_day_the_record_gives(document: str, day: str,
                                                       in_force: bool) -> None:
    listed = {d["id"]: d for d in csto.to_dict(csto.documents(on=day))["documents"]}
    assert listed[document]["in_force"] is in_force


def test_announced_plans_are_dated_placed_and_sourced(history: History) -> None:
    """``announced.yaml``: plans announced by the reviewed day for later days, each with its
    place, announcer and sources, in every language, loaded as they are written."""
    import yaml

    reviewed = yaml.safe_load((DATA / "record.yaml").read_text(encoding="utf-8"))["reviewed"]
    items = yaml.safe_load((DATA / "announced.yaml").read_text(encoding="utf-8"))
    assert items and len({item["id"] for item in items}) == len(items)
    for item in items:
        assert set(item) == {"id", "announced", "what", "expected", "where", "by", "sources",
                             "confidence"}
        assert isinstance(item["announced"], date) and item["announced"] <= reviewed, item["id"]
        expected = item["expected"]
        assert set(expected) <= {"date", "precision", "until"}, item["id"]
        assert expected["precision"] in ("day", "month", "year"), item["id"]
        day = expected["date"]
        assert day > item["announced"], item["id"]
        if expected["precision"] == "month":
            assert day.day == 1, item["id"]
        if expected["precision"] == "year":
            assert (day.month, day.day) == (1, 1), item["id"]
        assert expected.get("until", day) >= day, item["id"]
        for key in ("what", "where", "by"):
            assert set(item[key]) == {"en", "id", "ru"} and all(item[key].values()), (item["id"], key)
        assert item["sources"] and set(item["sources"]) <= set(history.sources), item["id"]
        published = [history.sources[i].published for i in item["sources"]]
        assert all(p is not None and p <= reviewed for p in published), item["id"]
    loaded = {plan.id: plan for plan in history.announced}
    assert set(loaded) == {item["id"] for item in items}
    for item in items:
        plan = loaded[item["id"]]
        assert (plan.announced, plan.expected.date, plan.expected.precision,
                plan.expected.until, plan.sources) == (
            item["announced"], item["expected"]["date"], item["expected"]["precision"],
            item["expected"].get("until"), tuple(item["sources"])), item["id"]
        assert plan.what.ru == item["what"]["ru"] and plan.where.id == item["where"]["id"]


def test_announced_plans_are_optional_and_never_events(tmp_path: Path,
                                                       history: History) -> None:
    """A data folder without ``announced.yaml`` has no plans and the same history; the
    plans are no events, and a what-if history keeps them."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "announced.yaml").unlink()
    bare = build(compile_data(folder))
    assert bare.announced == () and history.announced
    assert bare.events == history.events and bare.change_dates == history.change_dates
    assert not {plan.id for plan in history.announced} & {event.id for event in history.events}
    note = csto.Source(id="what-if", title="Hypothesis")
    back = csto.Event(id="uzb-back", date=date(2027, 1, 1), state="UZB", kind="return",
                      sources=("what-if",))
    assert history.with_events([back], sources=[note]).announced == history.announced
