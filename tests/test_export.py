"""Research exports: panels agree with the rules, files are deterministic and read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

import csto
from csto.export import crosswalk, dyads, members
from csto.record.history import History
from csto.scenario import load

from .conftest import Run

CsTo = Callable[..., Run]
DAYS = ("1994-04-19", "1994-04-20", "2006-08-16", "2012-12-19", "2013-06-01", "2022-01-06",
        "2024-02-22", "2025-06-01")


@pytest.fixture(scope="module")
def daily() -> pd.DataFrame:
    return dyads(directed=True, start="1994-04-01", until="2025-07-01")


@pytest.mark.parametrize("on", DAYS)
def test_defense_rows_are_what_assist_answers(daily: pd.DataFrame, on: str) -> None:
    rows = daily[daily["date"] == pd.Timestamp(on)]
    for victim in ("ARM", "KAZ", "UZB"):
        obliged = set(csto.assist(victim, on=on).obliged)
        exported = set(rows[(rows["iso3b"] == victim) & (rows["defense"] == 1)]["iso3a"])
        assert exported == obliged, (on, victim)


@pytest.mark.parametrize("on", ("2014-01-29", "2014-01-30", "2024-03-01"))
def test_base_consent_rows_are_what_base_answers(daily: pd.DataFrame, on: str) -> None:
    rows = daily[(daily["date"] == pd.Timestamp(on)) & (daily["iso3a"] == "KAZ")]
    needed = set(csto.base("KAZ", "USA", on=on).consent_required_from)
    assert set(rows[rows["base_consent"] == 1]["iso3b"]) == needed
    assert bool(needed) == (on != "2014-01-29")  # the 2011 protocol: in force 30 Jan 2014


def test_before_the_treaty_is_in_force_nothing_is_owed(daily: pd.DataFrame) -> None:
    before = daily[daily["date"] == pd.Timestamp("1994-04-19")]
    after = daily[daily["date"] == pd.Timestamp("1994-04-20")]
    assert before["defense"].sum() == 0 and after["defense"].sum() > 0
    assert (daily["offense"] == 0).all()


def test_a_yearly_row_holds_if_the_indicator_held_on_any_day(daily: pd.DataFrame) -> None:
    yearly = dyads(yearly=True, directed=True, start="1994-04-01", until="2025-07-01")
    pair = (daily["iso3a"] == "RUS") & (daily["iso3b"] == "UZB")
    in_2012 = daily[pair & (daily["date"].dt.year == 2012)]
    row = yearly[(yearly["iso3a"] == "RUS") & (yearly["iso3b"] == "UZB") & (yearly["year"] == 2012)]
    assert int(row["defense_days"].iloc[0]) == int(in_2012["defense"].sum())
    assert 0 < int(row["defense_days"].iloc[0]) < 366 and int(row["defense"].iloc[0]) == 1
    assert int(row["days"].iloc[0]) == 366


def test_undirected_pairs_appear_once_and_keep_either_sides_duty(daily: pd.DataFrame) -> None:
    one = dyads(directed=False, start="2024-01-01", until="2024-01-02")
    pairs = list(zip(one["iso3a"], one["iso3b"], strict=True))
    assert len(pairs) == len({frozenset(p) for p in pairs})
    assert {"chair", "chairb"} <= set(one.columns)


def test_member_panel_gives_the_standing_of_every_recorded_state(history: History) -> None:
    frame = members(start="2012-12-18", until="2012-12-21", frame="polars")
    assert isinstance(frame, pl.DataFrame)
    uzb = frame.filter(pl.col("iso3") == "UZB").sort("date")
    assert uzb["status"].to_list() == ["member", "suspended", "suspended"]
    assert all(s for s in uzb["sources"].to_list())
    for row in frame.filter(pl.col("date") == date(2012, 12, 20)).iter_rows(named=True):
        standing = csto.standing(row["iso3"], on="2012-12-20")
        status = standing.standing.status if standing.standing is not None else "none"
        assert row["status"] == status and row["member"] == standing.member


def test_a_scenario_changes_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "leaves.yaml"
    path.write_text("name: leaves\ndescription: Armenia gives notice.\nevents:\n"
                    "  - {date: 2026-12-01, state: ARM, kind: withdrawal-notice}\n")
    scenario = load(str(path)).history
    record = members(start="2027-05-31", until="2027-06-02")
    what_if = members(history=scenario, start="2027-05-31", until="2027-06-02")
    arm = what_if[what_if["iso3"] == "ARM"]["member"].tolist()
    assert arm == [1, 0] and record[record["iso3"] == "ARM"]["member"].tolist() == [1, 1]
    assert (what_if["after_review"] == 1).all()


@pytest.mark.parametrize("form", ("csv", "parquet", "jsonl", "dta"))
def test_every_format_is_the_same_bytes_twice(csto: CsTo, tmp_path: Path, form: str) -> None:
    files = [tmp_path / f"{n}.{form}" for n in (1, 2)]
    for file in files:
        result = csto("export", "dyads", "--yearly", "--from", "2020-01-01", "--until",
                      "2024-01-01", "-o", str(file))
        assert result.code == 0, result.err
    assert files[0].read_bytes() == files[1].read_bytes() and files[0].stat().st_size > 0
    assert not list(tmp_path.glob("*.part"))


def test_parquet_read_back_equals_what_was_written(csto: CsTo, tmp_path: Path) -> None:
    path = tmp_path / "members.parquet"
    assert csto("export", "members", "--until", "2001-01-01", "-o", str(path)).code == 0
    table = pq.read_table(path)
    written = members(until="2001-01-01", frame="arrow")
    assert table.equals(written.cast(table.schema))
    meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    assert meta["csto.until"] == "2001-01-01" and "member" in json.loads(meta["csto.columns"])


def test_stata_file_reads_back_with_its_labels(csto: CsTo, tmp_path: Path) -> None:
    path = tmp_path / "d.dta"
    assert csto("export", "dyads", "--from", "2022-01-01", "--until", "2022-01-08",
                "-o", str(path)).code == 0
    with pd.io.stata.StataReader(path) as reader:
        frame = reader.read()
        labels = reader.variable_labels()
    assert len(frame) == len(dyads(start="2022-01-01", until="2022-01-08"))
    assert "Art. 4" in labels["defense"]


def test_csv_on_standard_output_has_a_header_and_a_row_per_state_day(csto: CsTo) -> None:
    result = csto("export", "members", "--from", "2000-01-01", "--until", "2000-01-03")
    lines = result.out.strip().splitlines()
    assert result.code == 0 and lines[0].startswith('"iso3","cown"')
    assert len(lines) - 1 == 2 * len(members(start="2000-01-01", until="2000-01-02"))


@pytest.mark.parametrize("args, says", [
    (("members", "--until", "1992-05-14"), "period is empty"),
    (("members", "--from", "2020-13-01"), "2020-13-01"),
    (("members", "--format", "xlsx"), "unknown format 'xlsx'"),
    (("members", "--format", "parquet"), "give -o FILE"),
    (("members", "--directed"), "for dyads only"),
    (("dyads", "-o", "/no/such/folder/x.csv"), "create it first"),
])
def test_bad_requests_are_one_line_and_exit_2(csto: CsTo, args: tuple[str, ...],
                                              says: str) -> None:
    result = csto("export", *args)
    assert result.code == 2 and says in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_crosswalk_codes_come_from_the_libraries_and_the_record() -> None:
    frame = crosswalk().set_index("iso3")
    assert frame.loc["SRB", "cown"] == 345 and frame.loc["SRB", "gwno"] == 340
    assert frame.loc["RUS", "cown"] == 365 and frame.loc["RUS", "wikidata"] == "Q159"
    assert frame["source_iso"].str.contains("pycountry").all()


def test_citations_parse_as_bibtex_and_csl_json(csto: CsTo) -> None:
    from citeproc.source.json import CiteProcJSON
    from pybtex.database import parse_string

    bib = csto("cite", "members", "--from", "2012-12-01", "--until", "2013-01-01")
    entries = parse_string(bib.out, "bibtex").entries
    assert bib.code == 0 and "csto" in entries and "tass-687141" in entries
    csl = csto("cite", "dyads", "--format", "csl-json", "--until", "1995-01-01")
    items = json.loads(csl.out)
    assert csl.code == 0 and len(CiteProcJSON(items)) == len(items) > 1
    assert {"cst-current", "tass-687141"}.isdisjoint({i["id"] for i in items})


def test_a_polars_frame_without_polars_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Polars is an extra (`make run` leaves it out): asking for its frame without it is a
    clear error, not an ImportError."""
    import sys

    from csto.errors import InputError

    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(InputError, match=r"csto\[polars\]"):
        members(until="1995-01-01", frame="polars")
