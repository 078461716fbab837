"""Pictures of a sweep (matplotlib): days to the first troops, troops, whose stance matters,
and which fitted parameter matters (Sobol indices)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from ..present.i18n import gettext_for
from .answers import SweepAnswer

if TYPE_CHECKING:
    from matplotlib.figure import Figure

N_ = str


def figures(answer: SweepAnswer, lang: str = "en") -> list[tuple[str, Figure]]:
    """The figures ``days``, ``troops``, ``sensitivity`` and (where fitted parameters vary)
    ``sobol``, by name. They are matplotlib
    ``Figure`` objects, not pyplot's: no global state, so a web server may draw in threads."""
    from matplotlib.figure import Figure

    _ = gettext_for(lang)
    drawn: list[tuple[str, Figure]] = []
    for name, summary, label in (
            ("days", answer.days_to_first_deployment, _(N_("Days to the first troops"))),
            ("troops", answer.troops, _(N_("Troops")))):
        figure = Figure(figsize=(7, 3.5))
        axes = figure.subplots()
        edges, counts = summary.edges, summary.counts
        axes.bar(edges[:-1], counts, width=[b - a for a, b in pairwise(edges)],
                 align="edge", color="#3a6ea5")
        axes.set_xlabel(label)
        axes.set_ylabel(_(N_("Runs")))
        drawn.append((name, figure))
    figure = Figure(figsize=(7, 3.5))
    axes = figure.subplots()
    states = [s.state for s in answer.sensitivity]
    axes.barh(states, [s.share for s in answer.sensitivity], color="#a53a3a")
    axes.set_xlabel(_(N_("Share of the outcome's variance")))
    drawn.append(("sensitivity", figure))
    if answer.sobol:
        drawn.append(("sobol", _sobol(answer, _)))
    for _name, each in drawn:
        each.tight_layout()
    return drawn


def _sobol(answer: SweepAnswer, _: Callable[[str], str]) -> Figure:
    """First-order and total Sobol indices of the fitted parameters, by outcome."""
    from matplotlib.figure import Figure

    from .render import OUTCOME, PARAMETER

    figure = Figure(figsize=(7, 4))
    axes = figure.subplots()
    labels = [f"{_(OUTCOME[s.outcome])}: {_(PARAMETER[s.parameter])}" for s in answer.sobol]
    places = list(range(len(labels)))
    axes.barh([p + 0.2 for p in places], [s.first for s in answer.sobol], height=0.4,
              xerr=[s.first_conf for s in answer.sobol], color="#3a6ea5",
              label=_(N_("First order")))
    axes.barh([p - 0.2 for p in places], [s.total for s in answer.sobol], height=0.4,
              xerr=[s.total_conf for s in answer.sobol], color="#a53a3a", label=_(N_("Total")))
    axes.set_yticks(places, labels, fontsize=7)
    axes.invert_yaxis()
    axes.set_xlabel(_(N_("Share of the outcome's variance")))
    axes.legend(fontsize=7)
    return figure


def svg(answer: SweepAnswer, lang: str = "en") -> list[tuple[str, str]]:
    """The figures as SVG text, for a page (no date in them, so the same sweep draws the same
    bytes)."""
    import io

    drawn = []
    for name, figure in figures(answer, lang):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        drawn.append((name, buffer.getvalue()))
    return drawn


def save(answer: SweepAnswer, folder: Path, lang: str = "en") -> list[Path]:
    """Write ``days``, ``troops``, ``sensitivity`` and ``sobol`` as PNG and SVG; return the
    paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, figure in figures(answer, lang):
        for suffix in ("png", "svg"):
            path = folder / f"{name}.{suffix}"
            figure.savefig(path, metadata={"Date": None} if suffix == "svg" else None)
            written.append(path)
    return written
