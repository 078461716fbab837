"""Options shared by every command of the Click application."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from click.parser import _OptionParser

N_ = str


F = TypeVar("F", bound=Callable[..., object])


def lang_option(_: Callable[[str], str]) -> Callable[[F], F]:
    """``--lang``, read before the commands are built (see ``app.requested_lang``)."""
    return click.option("--lang", metavar="id|en|ru", expose_value=False, is_eager=True,
                        help=_(N_("Language of the text: id, en or ru (default: $CSTO_LANG or "
                                  "en).")))


class Whole(click.ParamType[int, object]):
    """A whole number written with the digits 0-9, within [low, high]: counts parse like
    dates and years (Click's ``int`` also takes '١٠', '+5' and '1_000')."""

    name = "integer"

    def __init__(self, _: Callable[[str], str], low: int = 0, high: int | None = None) -> None:
        self.gettext, self.low, self.high = _, low, high

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        _ = self.gettext
        text = value if isinstance(value, str) else str(value)
        text = text.strip()
        if not (text.isascii() and text.isdigit()) or isinstance(value, bool):
            self.fail(_(N_("'{value}' is not a whole number written with the digits 0-9"))
                      .format(value=text[:40]), param, ctx)
        number = int(text)
        if number < self.low and self.high is None:
            self.fail(_(N_("{value} is less than {low}")).format(value=number, low=self.low),
                      param, ctx)
        if number < self.low or (self.high is not None and number > self.high):
            self.fail(_(N_("{value} is not between {low} and {high}")).format(
                value=number, low=self.low, high=self.high), param, ctx)
        return number


def once(command: click.Command, _: Callable[[str], str]) -> click.Command:
    """Make an option given twice a usage error in ``command`` and its subcommands: Click
    keeps the last one silently, and ``--on A --on B`` would answer for B alone."""
    make = command.make_parser

    def make_parser(ctx: click.Context) -> _OptionParser:
        parser = make(ctx)
        parse = parser.parse_args

        def parse_args(args: list[str]) -> tuple[dict[str, object], list[str],
                                                 list[click.Parameter]]:
            opts, rest, order = parse(args)
            seen: set[str | None] = set()
            for param in order:
                if isinstance(param, click.Option) and not (param.multiple or param.count):
                    if param.name in seen:
                        raise click.UsageError(_(N_("option {name} is given more than once"))
                                               .format(name="/".join(param.opts
                                                                     + param.secondary_opts)),
                                               ctx)
                    seen.add(param.name)
            return opts, rest, order

        parser.parse_args = parse_args  # type: ignore[method-assign]
        return parser

    command.make_parser = make_parser  # type: ignore[method-assign]
    for sub in getattr(command, "commands", {}).values():
        once(sub, _)
    return command
