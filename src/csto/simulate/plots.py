"""Pictures of a sweep (matplotlib): days to the first troops, troops, whose stance matters."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from ..i18n import gettext_for
from .answers import SweepAnswer

N_ = str


def save(answer: SweepAnswer, folder: Path, lang: str = "en") -> list[Path]:
    """Write ``days``, ``troops`` and ``sensitivity`` as PNG and SVG; return the paths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _ = gettext_for(lang)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    figures = []
    for name, summary, label in (
            ("days", answer.days_to_first_deployment, _(N_("Days to the first troops"))),
            ("troops", answer.troops, _(N_("Troops")))):
        figure, axes = plt.subplots(figsize=(7, 3.5))
        edges, counts = summary.edges, summary.counts
        axes.bar(edges[:-1], counts, width=[b - a for a, b in pairwise(edges)],
                 align="edge", color="#3a6ea5")
        axes.set_xlabel(label)
        axes.set_ylabel(_(N_("Runs")))
        figures.append((name, figure))
    figure, axes = plt.subplots(figsize=(7, 3.5))
    states = [s.state for s in answer.sensitivity]
    axes.barh(states, [s.share for s in answer.sensitivity], color="#a53a3a")
    axes.set_xlabel(_(N_("Share of the outcome's variance")))
    figures.append(("sensitivity", figure))
    for name, figure in figures:
        figure.tight_layout()
        for suffix in ("png", "svg"):
            path = folder / f"{name}.{suffix}"
            figure.savefig(path, metadata={"Date": None} if suffix == "svg" else None)
            written.append(path)
        plt.close(figure)
    return written
