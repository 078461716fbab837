"""Export benchmark: the full directed dyad-day panel (15 May 1992 to 31 Dec 2026, every
state that was ever a party) written to Parquet, beside the same panel from a plain DuckDB
SQL range join over the record's interval tables (standings, articles in force, chairs),
after checking that both give the same rows."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from common import line, note

UNTIL = "2027-01-01"
TARGETS = {"seconds": 1.0}


def ours(history: Any, path: Path) -> float:
    from csto.export import panel
    from csto.export.write import write

    start = time.perf_counter()
    export = panel("dyads", history, until=UNTIL)
    write(export.batches, export.schema, "parquet", str(path), export.metadata, export.last_day)
    return time.perf_counter() - start


def _tables(history: Any) -> dict[str, list[tuple[Any, ...]]]:
    """The record as interval tables [start, end), what a SQL user would load."""
    from datetime import date

    from csto.export.crosswalk import cow_codes, parties
    from csto.rules.chair import chair_on

    states = parties(history)
    cow = cow_codes(history, states)
    tables: dict[str, list[tuple[Any, ...]]] = {"parties": [(s, cow[s]) for s in states],
                                                "standing": [], "law": [], "chair": []}
    end_of_time = date(2100, 1, 1)
    for span in history.spans(None, UNTIL):
        snap, end = span.snapshot, span.end or date.fromisoformat(UNTIL)
        for code in states:
            if snap.is_member(code):
                tables["standing"].append((code, span.start, end))
        for document, number in (("cst", "1"), ("cst", "2"), ("cst", "4"),
                                 ("infrastructure-protocol-2011", "operative")):
            if snap.article(document, number) is not None:
                tables["law"].append((f"{document}:{number}", span.start, end))
        year = span.start.year
        while date(year, 1, 1) < end:
            begin = max(span.start, date(year, 1, 1))
            stop = min(end, date(year + 1, 1, 1), end_of_time)
            term, _ = chair_on(history.at(begin))
            if term is not None and term.state in cow:
                tables["chair"].append((term.state, begin, stop))
            year += 1
    return tables


SQL = """
COPY (
WITH days AS (SELECT CAST(d AS DATE) AS date
              FROM range(DATE '1992-05-15', DATE '{until}', INTERVAL 1 DAY) t(d)),
pairs AS (SELECT a.iso3 AS iso3a, a.cow AS statea, b.iso3 AS iso3b, b.cow AS stateb
          FROM parties a, parties b WHERE a.iso3 <> b.iso3),
grid AS (SELECT * FROM pairs, days),
flags AS (
  SELECT g.*,
    EXISTS (SELECT 1 FROM standing s WHERE s.iso3 = g.iso3a AND g.date >= s.start AND g.date < s.stop) AS ma,
    EXISTS (SELECT 1 FROM standing s WHERE s.iso3 = g.iso3b AND g.date >= s.start AND g.date < s.stop) AS mb,
    EXISTS (SELECT 1 FROM law l WHERE l.article = 'cst:1' AND g.date >= l.start AND g.date < l.stop) AS a1,
    EXISTS (SELECT 1 FROM law l WHERE l.article = 'cst:2' AND g.date >= l.start AND g.date < l.stop) AS a2,
    EXISTS (SELECT 1 FROM law l WHERE l.article = 'cst:4' AND g.date >= l.start AND g.date < l.stop) AS a4,
    EXISTS (SELECT 1 FROM law l WHERE l.article = 'infrastructure-protocol-2011:operative'
            AND g.date >= l.start AND g.date < l.stop) AS pb,
    EXISTS (SELECT 1 FROM chair c WHERE c.iso3 = g.iso3a AND g.date >= c.start AND g.date < c.stop) AS ch
  FROM grid g)
SELECT CAST(statea AS SMALLINT) AS statea, CAST(stateb AS SMALLINT) AS stateb, iso3a, iso3b, date,
  CAST(ma AND mb AND a4 AS TINYINT) AS defense, CAST(0 AS TINYINT) AS offense,
  CAST(ma AND mb AND a1 AS TINYINT) AS neutral, CAST(ma AND mb AND a1 AS TINYINT) AS nonagg,
  CAST(ma AND mb AND a2 AS TINYINT) AS consul, CAST(ma AND mb AND a1 AS TINYINT) AS noothall,
  CAST(ma AND mb AND pb AS TINYINT) AS base_consent, CAST(ch AS TINYINT) AS chair
FROM flags ORDER BY statea, stateb, date
) TO '{path}' (FORMAT parquet, COMPRESSION zstd)
"""


def duckdb_panel(history: Any, path: Path) -> float:
    import duckdb

    start = time.perf_counter()
    tables = _tables(history)
    con = duckdb.connect()
    con.execute("CREATE TABLE parties (iso3 VARCHAR, cow INTEGER)")
    con.executemany("INSERT INTO parties VALUES (?, ?)", tables["parties"])
    for name, key in (("standing", "iso3"), ("law", "article"), ("chair", "iso3")):
        con.execute(f"CREATE TABLE {name} ({key} VARCHAR, start DATE, stop DATE)")
        con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?)", tables[name])
    con.execute(SQL.format(until=UNTIL, path=path))
    con.close()
    return time.perf_counter() - start


def same_rows(ours_path: Path, theirs_path: Path) -> bool:
    import pyarrow.parquet as pq

    mine = pq.read_table(ours_path).drop(["after_review"])
    theirs = pq.read_table(theirs_path)
    return bool(mine.equals(theirs.cast(mine.schema)))


def bench(repeats: int = 5) -> dict[str, Any]:
    from csto.record.load import load_history

    history = load_history()
    with tempfile.TemporaryDirectory() as folder:
        mine, theirs = Path(folder) / "ours.parquet", Path(folder) / "duckdb.parquet"
        ours(history, mine)
        duckdb_panel(history, theirs)
        equal = same_rows(mine, theirs)
        times: dict[str, list[float]] = {"ours": [], "duckdb": []}
        for _ in range(repeats):
            times["ours"].append(ours(history, mine))
            times["duckdb"].append(duckdb_panel(history, theirs))
        import pyarrow.parquet as pq

        rows = pq.read_metadata(mine).num_rows
    medians = {key: statistics.median(values) for key, values in times.items()}
    return {**medians, "rows": rows, "same": equal, "ratio": medians["duckdb"] / medians["ours"]}


def report() -> bool:
    found = bench()
    note("export", "csto: csto.export.panel('dyads') written to Parquet | DuckDB: the record's "
         "interval tables (standings, articles in force, chairs) range-joined over every day "
         "in SQL, COPY to Parquet; the two files checked row for row first")
    ok = line("export", f"directed dyad-day panel 1992-05-15..2026-12-31, {found['rows']:,} rows "
              f"to Parquet: {found['ours']:.2f} s", f"<= {TARGETS['seconds']:.0f} s",
              found["ours"] <= TARGETS["seconds"])
    ok &= line("export", f"DuckDB range join {found['duckdb']:.2f} s, same rows: "
               f"{'yes' if found['same'] else 'NO'}: csto {found['ratio']:.1f}x faster",
               "same rows, >= 1x", bool(found["same"]) and found["ratio"] >= 1.0)
    return ok


if __name__ == "__main__":
    report()
