"""``csto check-data``: validate a folder of data files and say what it holds."""

from __future__ import annotations

from collections.abc import Callable

import click

from .options import lang_option

N_ = str


def check_data(_: Callable[[str], str]) -> click.Command:
    @click.command("check-data", help=_(N_("Validate a folder of data files (default: the "
                                           "packaged data) and report counts.")))
    @click.argument("folder", required=False, type=click.Path(file_okay=False))
    @lang_option(_)
    def command(folder: str | None) -> None:
        from ..record.load import load_history
        from .output import emit

        history = load_history(folder, use_cache=False)
        emit(_(N_("ok: {events} events, {documents} documents, {sources} sources, {changes} "
                  "change dates")).format(events=len(history.events),
                                          documents=len(history.documents),
                                          sources=len(history.sources),
                                          changes=len(history.change_dates)))

    return command
