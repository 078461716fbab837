"""Writing a panel: CSV, Parquet, JSON lines or Stata, the same bytes every time.

Batches go to disk as they come (CSV, Parquet, JSON lines), so memory holds one batch;
Stata's format needs the row count up front, so a ``.dta`` file is built in memory (the
largest panel, every directed dyad-day, is about 60 MB there). Nothing in a file depends
on when it was written: Stata's time stamp is the last day of the export. A file is
written beside its path and renamed onto it when complete (``record.files.replacing``);
whether the path may be written is the caller's to decide (``record.files.output_path``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime
from pathlib import Path
from typing import IO

import pyarrow as pa

from ..errors import InputError
from ..record.files import replacing

FORMATS = ("csv", "parquet", "jsonl", "dta")
SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".dta": "dta"}
BINARY = ("parquet", "dta")


def choose_format(given: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's suffix names, else CSV."""
    if given is not None:
        if given not in FORMATS:
            raise InputError("unknown format '{value}': use one of {known}", field="format",
                             value=given, known=", ".join(FORMATS))
        return given
    if output is not None:
        suffix = Path(output).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
    return "csv"


def write(batches: Iterable[pa.RecordBatch], schema: pa.Schema, kind: str, output: str | None,
          metadata: dict[str, str], last_day: date, progress: Callable[[int], None] | None = None) -> int:
    """Write every batch to the file ``output`` (standard output if None); return the rows
    written."""
    if output is None and kind in BINARY:
        raise InputError("a {value} file cannot go to the terminal: give -o FILE", field="output",
                         value=kind)
    schema = schema.with_metadata({f"csto.{k}": v for k, v in metadata.items()})
    counted = _counted(batches, progress)
    with _stream(output) as stream:
        if kind == "parquet":
            return _parquet(counted, schema, stream)
        if kind == "dta":
            return _stata(counted, schema, stream, metadata, last_day)
        return (_csv if kind == "csv" else _jsonl)(counted, schema, stream)


def _stream(output: str | None) -> AbstractContextManager[IO[bytes]]:
    """The file being written, or standard output."""
    import sys

    if output is not None:
        return replacing(output)
    if sys.stdout is None:
        raise OSError("standard output is closed")
    return nullcontext(sys.stdout.buffer)


def _counted(batches: Iterable[pa.RecordBatch], progress: Callable[[int], None] | None
             ) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield batch
        if progress is not None:
            progress(batch.num_rows)


def _parquet(batches: Iterator[pa.RecordBatch], schema: pa.Schema, stream: IO[bytes]) -> int:
    import pyarrow.parquet as pq

    rows = 0
    with pq.ParquetWriter(stream, schema, compression="zstd") as writer:
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _csv(batches: Iterator[pa.RecordBatch], schema: pa.Schema, stream: IO[bytes]) -> int:
    import pyarrow.csv as pacsv

    rows = 0
    with pacsv.CSVWriter(stream, schema.remove_metadata(),
                         write_options=pacsv.WriteOptions(quoting_style="needed")) as writer:
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _jsonl(batches: Iterator[pa.RecordBatch], schema: pa.Schema, stream: IO[bytes]) -> int:
    """One JSON object a line, the columns in order, days as ISO dates."""
    import orjson

    rows = 0
    for batch in batches:
        stream.write(b"".join(orjson.dumps(row) + b"\n" for row in batch.to_pylist()))
        rows += batch.num_rows
    return rows


def _stata(batches: Iterator[pa.RecordBatch], schema: pa.Schema, stream: IO[bytes],
           metadata: dict[str, str], last_day: date) -> int:
    table = pa.Table.from_batches(list(batches), schema=schema.remove_metadata())
    frame = table.to_pandas(date_as_object=False)
    dates = {name: "td" for name in ("date", "since") if name in frame.columns}
    labels = json.loads(metadata.get("columns", "{}"))
    frame.to_stata(stream, write_index=False, version=118, convert_dates=dates,
                   time_stamp=datetime(last_day.year, last_day.month, last_day.day),
                   data_label=metadata.get("title", "csto")[:80],
                   variable_labels={k: v[:80] for k, v in labels.items() if k in frame.columns})
    rows: int = table.num_rows
    return rows
