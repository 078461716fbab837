"""``csto export members|dyads|crosswalk`` and ``csto cite``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from rich.progress import Progress

    from ..record.history import History

N_ = str
F = TypeVar("F", bound=Callable[..., object])


def _period_options(_: Callable[[str], str]) -> Callable[[F], F]:
    def wrap(function: F) -> F:
        for option in reversed([
            click.option("--from", "start", metavar="YYYY-MM-DD",
                         help=_(N_("First day (default: 15 May 1992, the Treaty's signature)."))),
            click.option("--until", metavar="YYYY-MM-DD",
                         help=_(N_("Day after the last one (default: tomorrow, so today is the "
                                   "last row)."))),
            click.option("--scenario", metavar="NAME",
                         help=_(N_("Export a stored what-if scenario instead of the record (a "
                                   "file only when written as a path: ./FILE)."))),
            click.option("--scenario-file", "scenario_file", metavar="FILE",
                         help=_(N_("Export the what-if scenario in FILE instead of the "
                                   "record."))),
        ]):
            function = option(function)
        return function
    return wrap


def _output_options(_: Callable[[str], str]) -> Callable[[F], F]:
    def wrap(function: F) -> F:
        function = click.option("--force", is_flag=True,
                                help=_(N_("Replace FILE if it exists (on a terminal, csto "
                                          "asks).")))(function)
        function = click.option("-o", "--output", metavar="FILE",
                                help=_(N_("Write to FILE, a new file or a regular one ('-' or "
                                          "none: standard output, CSV or JSON lines "
                                          "only).")))(function)
        return click.option("--format", "form", metavar="csv|parquet|jsonl|dta",
                            help=_(N_("File format (default: from the suffix of -o, else "
                                      "CSV).")))(function)
    return wrap


def _progress(total: int) -> tuple[Progress | None, Callable[[int], None] | None]:
    """A progress bar on a terminal's standard error, nothing otherwise."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(file=stream), transient=True)
    task = bar.add_task("csto export", total=total)
    return bar, lambda rows: bar.update(task, advance=rows)


def _history(scenario: str | None, file: str | None) -> History | None:
    from .output import scenario_history

    return scenario_history(scenario, file)


def group(_: Callable[[str], str]) -> click.Group:
    @click.group("export", help=_(N_("Research panels (member-day, dyad-day, or by year) and "
                                     "the crosswalk of identifiers, as CSV, Parquet, JSON lines "
                                     "or Stata files.")))
    def export() -> None:
        pass

    def panel_command(kind: str, summary: str) -> None:
        @export.command(kind, help=summary)
        @click.option("--daily/--yearly", default=True,
                      help=_(N_("One row per day (default) or per year; a yearly indicator is "
                                "1 if it held on any day of the year, as ATOP counts.")))
        @_period_options(_)
        @_output_options(_)
        @click.option("--directed/--undirected", default=None,
                      help=_(N_("Dyads: both orders of each pair (A, B) and (B, A), or one row "
                                "per pair (default: directed).")))
        def run(daily: bool, start: str | None, until: str | None, scenario: str | None,
                scenario_file: str | None, output: str | None, force: bool, form: str | None,
                directed: bool | None) -> None:
            from ..export import panel
            from ..export.write import choose_format, write
            from .output import output_target

            chosen = choose_format(form, output)
            output = output_target(output, force, scenario, scenario_file)
            export_ = panel(kind, _history(scenario, scenario_file), not daily, directed, start,
                            until)
            bar, advance = _progress(export_.rows)
            with bar if bar is not None else nullcontext():
                rows = write(export_.batches, export_.schema, chosen, output, export_.metadata,
                             export_.last_day, advance)
            if output is not None and sys.stderr is not None:
                sys.stderr.write(f"csto: {rows} rows -> {output}\n")

    panel_command("members", _(N_("The standing of every state in the record, by day or by "
                                  "year, with its sources.")))
    panel_command("dyads", _(N_("Every pair of states that were ever party, by day or by year, "
                                "with ATOP's obligation indicators and the CSTO's own, from "
                                "the rules.")))

    @export.command("crosswalk", help=_(N_("ISO 3166, Correlates-of-War, Gleditsch-Ward and "
                                           "Wikidata identifiers of every state in the record "
                                           "(--alliance: of the alliance), with sources.")))
    @click.option("--alliance", is_flag=True, help=_(N_("The alliance's identifiers (ATOP, "
                                                        "Wikidata) instead of the states'.")))
    @_output_options(_)
    def crosswalk(alliance: bool, output: str | None, force: bool, form: str | None) -> None:
        import pyarrow as pa

        from ..export.crosswalk import alliance_codes, state_codes
        from ..export.write import choose_format, write
        from ..record.load import load_history
        from .output import output_target

        chosen = choose_format(form, output)
        output = output_target(output, force)
        rows = ([r._asdict() for r in alliance_codes()] if alliance
                else [r._asdict() for r in state_codes(load_history())])
        table = pa.Table.from_pylist(rows)
        from datetime import date

        write(iter(table.to_batches()), table.schema, chosen, output,
              {"title": "csto crosswalk"}, date(2000, 1, 1))

    return export


def cite_command(_: Callable[[str], str]) -> click.Command:
    @click.command("cite", help=_(N_("A citation for csto and for every source behind the rows "
                                     "of an export (PANEL: members or dyads; without it, every "
                                     "source of the record).")))
    @click.argument("panel", required=False, type=click.Choice(["members", "dyads"]))
    @click.option("--format", "form", default="bibtex", metavar="bibtex|csl-json",
                  help=_(N_("BibTeX (default) or CSL-JSON.")))
    @_period_options(_)
    def cite(panel: str | None, form: str, start: str | None, until: str | None,
             scenario: str | None, scenario_file: str | None) -> None:
        from ..export.cite import cite as citations
        from ..record.load import load_history
        from .output import emit

        history = _history(scenario, scenario_file) or load_history()
        emit(citations(history, panel, form, start, until).rstrip("\n"))

    return cite
