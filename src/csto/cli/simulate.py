"""``csto simulate SCENARIO``: one crisis played out, or a Monte Carlo sweep of many."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from .._typing import TYPE_CHECKING
from .options import Whole, lang_option
from .output import answer_json, emit

if TYPE_CHECKING:
    from ..record.history import History
    from ..simulate.answers import CrisisAnswer, SweepAnswer

N_ = str


def command(_: Callable[[str], str]) -> click.Command:
    @click.command("simulate", help=_(N_(
        "Play the crisis of SCENARIO (its aggression or request-assistance event) through the "
        "Treaty's procedure: once, step by step, or --runs times for chances and "
        "distributions. --calibration shows how every parameter is fitted, and the backtest.")))
    @click.argument("scenario", metavar="SCENARIO", required=False)
    @click.option("--calibration", is_flag=True, help=_(N_(
        "Show every parameter's estimate, interval, method and data (or why it is assumed), "
        "and the backtest on the recorded cases; no SCENARIO needed.")))
    @click.option("--fixed", is_flag=True, help=_(N_(
        "Keep the fitted parameters at their estimates instead of drawing them for each run.")))
    @click.option("--runs", type=Whole(_, 1), help=_(N_("Draw this many crises (Monte Carlo) "
                                                        "instead of playing one.")))
    @click.option("--seed", type=Whole(_, 0, 2**63 - 1),
                  help=_(N_("Seed of the random draws (the same seed gives the same numbers).")))
    @click.option("--workers", type=Whole(_, 1, 256),
                  help=_(N_("Run the sweep on a local Dask cluster of this many processes.")))
    @click.option("--scheduler", metavar="ADDRESS", help=_(N_("Run the sweep on an existing "
                                                              "Dask scheduler.")))
    @click.option("--plot", "plot", metavar="FOLDER", help=_(N_("Write plots of the sweep (PNG "
                                                               "and SVG) into this folder.")))
    @click.option("--store/--no-store", default=True, help=_(N_("Keep the sweep's result "
                                                                "with the scenario (default: "
                                                                "keep).")))
    @click.option("--database", metavar="URL", help=_(N_("Database URL for stored scenarios "
                                                         "and results.")))
    @click.option("--json", "as_json", is_flag=True, help=_(N_("Print the answer as JSON.")))
    @lang_option(_)
    def simulate(scenario: str | None, calibration: bool, fixed: bool, runs: int | None,
                 seed: int | None, workers: int | None, scheduler: str | None, plot: str | None,
                 store: bool, database: str | None, as_json: bool) -> None:
        from ..errors import InputError
        from ..scenario import load
        from ..simulate.render import render
        from ..simulate.run import play_once, sweep
        from .app import current_lang
        from .output import warn

        lang = current_lang()
        if calibration:
            from ..record.load import load_history
            from ..simulate.run import calibration as calibrated

            answer_of = calibrated(load_history())
            emit(answer_json(answer_of, lang) if as_json else render(answer_of, lang),
                 as_json=as_json)
            return
        if scenario is None:
            raise InputError("give a SCENARIO to simulate, or --calibration", field="scenario")
        built = load(scenario, database=database)
        for warning in built.warnings:
            warn(warning)
        history = built.history
        spec = built.scenario.model
        answer: CrisisAnswer | SweepAnswer
        if runs is None:
            if workers or scheduler or plot:
                raise InputError("--workers, --scheduler and --plot need --runs", field="runs")
            answer = play_once(history, spec=spec, seed=seed, fixed=fixed)
        else:
            answer = _sweep(history, spec, runs, seed, workers, scheduler, fixed, sweep)
            if plot:
                from ..simulate.answers import SweepAnswer
                from ..simulate.plots import save

                assert isinstance(answer, SweepAnswer)
                save(answer, Path(plot), lang)
            if store:
                from ..present.tojson import to_dict
                from ..scenario.files import digest
                from ..store.runs import save as keep

                keep(built.scenario.name, digest(built.scenario), to_dict(answer), database)
        emit(answer_json(answer, lang) if as_json else render(answer, lang), as_json=as_json)

    return simulate


def _sweep(history: History, spec: object, runs: int, seed: int | None, workers: int | None,
           scheduler: str | None, fixed: bool, sweep: Callable[..., SweepAnswer]) -> SweepAnswer:
    """The sweep, with a progress bar on standard error when it is a terminal."""
    if not sys.stderr.isatty() or runs < 5_000_000:
        return sweep(history, None, spec, runs, seed, workers, scheduler, fixed=fixed)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("csto simulate", total=runs)
        return sweep(history, None, spec, runs, seed, workers, scheduler,
                     lambda done: progress.advance(task, done), fixed=fixed)
