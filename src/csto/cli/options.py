"""Options shared by every command of the Click application."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

N_ = str


F = TypeVar("F", bound=Callable[..., object])


def lang_option(_: Callable[[str], str]) -> Callable[[F], F]:
    """``--lang``, read before the commands are built (see ``app.requested_lang``)."""
    return click.option("--lang", metavar="id|en|ru", expose_value=False, is_eager=True,
                        help=_(N_("Language of the text: id, en or ru (default: $CSTO_LANG or "
                                  "en).")))
