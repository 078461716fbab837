"""Research exports: member-day and dyad-day panels, crosswalks and citations.

In Python::

    from csto.export import dyads, members
    frame = dyads(directed=True, until="2027-01-01")          # a pandas DataFrame
    frame = members(yearly=True, frame="polars")               # or a Polars one

On the command line: ``csto export members|dyads|crosswalk`` and ``csto cite``. Columns
and the articles behind them: docs/export.md. It may import ``record``, ``rules``,
``scenario`` and ``questions``, never ``simulate``, ``factcheck`` or the interfaces.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import pyarrow as pa

from ..record.history import History

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

N_ = str
"""Marks a message for extraction (``make i18n``); returns it unchanged."""

COLUMNS = {
    "statea": N_("Correlates-of-War code of state A"),
    "stateb": N_("Correlates-of-War code of state B"),
    "iso3a": N_("ISO 3166 alpha-3 code of state A"),
    "iso3b": N_("ISO 3166 alpha-3 code of state B"),
    "iso3": N_("ISO 3166 alpha-3 code"),
    "cown": N_("Correlates-of-War state code (-1: none)"),
    "gwno": N_("Gleditsch-Ward state code (-1: none)"),
    "date": N_("Day"),
    "year": N_("Year"),
    "days": N_("Days of the year in the export"),
    "status": N_("Standing: signatory, member, frozen, suspended, former, observer..."),
    "since": N_("Day the standing began"),
    "member": N_("1 if a member (frozen participation included)"),
    "disputed": N_("1 if sources disagree about the standing"),
    "sources": N_("Sources of the standing (csto source ids)"),
    "defense": N_("A must assist B if B is attacked (CST Art. 4)"),
    "offense": N_("A promised to join B in attack (no CST article: always 0)"),
    "neutral": N_("A promised not to act against B (CST Art. 1)"),
    "nonagg": N_("A promised not to use force against B (CST Art. 1)"),
    "consul": N_("A must consult B on threats (CST Art. 2)"),
    "noothall": N_("A promised B to join no other alliance (CST Art. 1)"),
    "base_consent": N_("A needs B's consent for a non-member's base (2011 protocol)"),
    "chair": N_("A chairs the Collective Security Council (Charter Art. 13)"),
    "chairb": N_("B chairs the Collective Security Council (Charter Art. 13)"),
    "after_review": N_("1 if after the day the record was last reviewed"),
}
"""What each column means, short enough for a Stata variable label (see docs/export.md); in
English in the files, in the reader's language on the web page (the message catalogs)."""


class Export(NamedTuple):
    """A panel ready to write: its batches, schema, metadata and last day."""

    batches: Iterator[pa.RecordBatch]
    schema: pa.Schema
    metadata: dict[str, str]
    last_day: date
    rows: int
    """Rows the panel will have (for a progress bar)."""


def panel(kind: str, history: History | None = None, yearly: bool = False,
          directed: bool | None = None, start: object = None, until: object = None,
          today: date | None = None) -> Export:
    """The ``members`` or ``dyads`` panel as batches to write (see ``panels.py``).
    ``directed`` is for dyads only (default: directed)."""
    from ..errors import InputError
    from ..questions.api import _history
    from .crosswalk import parties, recorded_states
    from .intervals import intervals
    from .panels import dyad_batches, dyad_schema, member_batches, member_schema

    if directed is not None and kind == "members":
        raise InputError("--directed and --undirected are for dyads only", field="directed")
    directed = directed is not False
    h = _history(history)
    spans = intervals(h, start, until, today)
    days = int(spans.counts.sum())
    units_per_time = len(set(spans.years.tolist())) if yearly else days
    if kind == "members":
        batches, schema = member_batches(h, spans, yearly), member_schema(yearly)
        units = len(recorded_states(h))
    else:
        batches, schema = dyad_batches(h, spans, yearly, directed), dyad_schema(yearly, directed)
        n = len(parties(h))
        units = n * (n - 1) // (1 if directed else 2)
    first = spans.starts[0].item()
    last = first + timedelta(days=days - 1)
    scenario = getattr(h, "scenario", None)
    metadata = {
        "title": f"csto {kind} {'year' if yearly else 'day'} panel {first} to {last}",
        "panel": kind, "unit": "year" if yearly else "day",
        "directed": str(directed).lower() if kind == "dyads" else "",
        "from": first.isoformat(), "until": (last + timedelta(days=1)).isoformat(),
        "reviewed": spans.reviewed.isoformat() if spans.reviewed else "",
        "scenario": getattr(scenario, "name", "") if scenario is not None else "",
        "part_years": "a yearly indicator is 1 if it held on any day of the year (ATOP)",
        "columns": json.dumps({k: v for k, v in COLUMNS.items() if k in schema.names}),
    }
    return Export(batches, schema, metadata, last, units * units_per_time)


def _frame(export: Export, frame: str) -> pd.DataFrame | pl.DataFrame | pa.Table:
    table = pa.Table.from_batches(list(export.batches), schema=export.schema)
    if frame == "polars":
        try:
            import polars as pl
        except ImportError:  # an extra: `make run` installs what serving needs, not Polars
            from ..errors import InputError

            raise InputError("frame='polars' needs Polars, which is not installed: "
                             "pip install 'csto[polars]'", field="frame") from None
        return pl.from_arrow(table)
    if frame == "arrow":
        return table
    return table.to_pandas(date_as_object=False)


def members(history: History | None = None, yearly: bool = False, start: object = None,
            until: object = None, frame: str = "pandas") -> Any:  # pandas, Polars or Arrow: third-party
    """The member panel as a DataFrame (``frame``: pandas, polars or arrow)."""
    return _frame(panel("members", history, yearly, None, start, until), frame)


def dyads(history: History | None = None, yearly: bool = False, directed: bool = True,
          start: object = None, until: object = None,
          frame: str = "pandas") -> Any:  # pandas, Polars or Arrow: third-party
    """The dyad panel as a DataFrame (``frame``: pandas, polars or arrow)."""
    return _frame(panel("dyads", history, yearly, directed, start, until), frame)


def crosswalk(history: History | None = None,
              frame: str = "pandas") -> Any:  # pandas, Polars or Arrow: third-party
    """Identifiers of every state in the record, with their sources."""
    from ..questions.api import _history
    from .crosswalk import state_codes

    rows = state_codes(_history(history))
    table = pa.Table.from_pylist([row._asdict() for row in rows])
    return _frame(Export(iter(table.to_batches()), table.schema, {}, date.today(), len(rows)),
                  frame)


__all__ = ["COLUMNS", "crosswalk", "dyads", "members", "panel"]
