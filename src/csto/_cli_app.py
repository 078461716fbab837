"""The Click application behind ``csto``: parse, call the API, render. No logic of its own."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import api
from .cli import ask, emit_json
from .errors import CstoError

LANG_HELP = "Language of the text: id, en or ru (default: $CSTO_LANG or en)."


def _print(command: str, answer: Any, as_json: bool, lang: str) -> None:
    if as_json:
        click.echo(emit_json(answer, lang))
        return
    from .i18n import Localizer
    from .render import render

    history = api.load_history()
    loc = Localizer(history, lang)
    click.echo(render(command, answer.as_dict(loc), loc))


def output(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --json and --lang to a command."""
    command = click.option("--lang", default=lambda: os.environ.get("CSTO_LANG", "en"),
                           type=click.Choice(["id", "en", "ru"]), help=LANG_HELP,
                           show_default="en")(command)
    return click.option("--json", "as_json", is_flag=True,
                        help="Print the answer as JSON (the Python API's objects).")(command)


ON = click.option("--on", metavar="YYYY-MM-DD", help="The day asked about (default: today).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="csto")
def cli() -> None:
    """The Collective Security Treaty Organization as sourced, time-aware rules.

    Every answer cites the articles and sources behind it. Dates are YYYY-MM-DD.
    """


@cli.command()
@ON
@output
def overview(on: str | None, as_json: bool, lang: str) -> None:
    """The organization on a day: members, observers, officials, documents in force."""
    _print("overview", api.overview(on), as_json, lang)


@cli.command()
@ON
@output
def members(on: str | None, as_json: bool, lang: str) -> None:
    """Members on a day, and the standing of every state that ever signed or observed."""
    _print("members", ask("members", [], {"on": on}), as_json, lang)


@cli.command()
@click.argument("state")
@ON
@output
def history(state: str, on: str | None, as_json: bool, lang: str) -> None:
    """One state's whole story, event by event, with the source of each."""
    _print("history", api.state_history(state, on), as_json, lang)


@cli.command()
@output
def about(as_json: bool, lang: str) -> None:
    """The organization: names in eight languages, seat, language, milestones, organs."""
    _print("about", api.organization(), as_json, lang)


@cli.command()
@ON
@output
def officials(on: str | None, as_json: bool, lang: str) -> None:
    """The Secretary General and the chair of the Collective Security Council on a day."""
    _print("officials", ask("officials", [], {"on": on}), as_json, lang)


@cli.command()
@click.argument("victim")
@click.option("--against", metavar="STATE", help="The aggressor, if known.")
@ON
@click.option("--situation", default="armed-attack", show_default=True,
              type=click.Choice(["armed-attack", "internal-unrest", "threat"]),
              help="What happened to the victim.")
@click.option("--territory", default="inside", show_default=True,
              type=click.Choice(["inside", "outside"]),
              help="Whether it happened on the victim's own territory.")
@output
def assist(victim: str, against: str | None, on: str | None, situation: str, territory: str,
           as_json: bool, lang: str) -> None:
    """Article 4: who must assist VICTIM, with what, and by which procedure."""
    options = {"against": against, "on": on, "situation": situation, "territory": territory}
    _print("assist", ask("assist", [victim], options), as_json, lang)


@cli.command()
@click.argument("actor")
@click.argument("action", type=click.Choice(["join-alliance", "withdraw", "use-force-against",
                                             "host-base"]))
@click.argument("target", required=False)
@ON
@output
def step(actor: str, action: str, target: str | None, on: str | None, as_json: bool,
         lang: str) -> None:
    """Whether ACTOR taking ACTION (towards TARGET) keeps the Treaty, and the lawful path."""
    _print("step", api.step(actor, action, target, on), as_json, lang)


@cli.command()
@click.argument("host")
@click.argument("guest")
@ON
@output
def base(host: str, guest: str, on: str | None, as_json: bool, lang: str) -> None:
    """Whose consent HOST needs to let GUEST station troops or military infrastructure."""
    _print("base", ask("base", [host, guest], {"on": on}), as_json, lang)


@cli.command()
@click.option("--year", metavar="YYYY", help="The year asked about (default: this year).")
@output
def chair(year: str | None, as_json: bool, lang: str) -> None:
    """The chair of the Collective Security Council in a year: recorded, or by the rule."""
    _print("chair", ask("chair", [], {"year": year}), as_json, lang)


def _codes(value: str | None) -> list[str]:
    return [code.strip() for code in (value or "").split(",") if code.strip()]


@cli.command()
@click.argument("body")
@ON
@click.option("--for", "for_", metavar="STATES", help="Comma-separated members in favour.")
@click.option("--against", metavar="STATES", help="Comma-separated members against.")
@click.option("--abstain", metavar="STATES", help="Members abstaining as not interested.")
@click.option("--absent", metavar="STATES", help="Members taking no part (the default).")
@click.option("--matter", default="general", show_default=True,
              type=click.Choice(["general", "appointment"]),
              help="'appointment' is the appointment of the Secretary General.")
@output
def decide(body: str, on: str | None, for_: str | None, against: str | None,
           abstain: str | None, absent: str | None, matter: str, as_json: bool,
           lang: str) -> None:
    """Whether BODY (CSC, CFM, CDM, CSSC, PC) adopts a draft under the consensus rule."""
    positions: dict[str, str] = {}
    for position, value in (("for", for_), ("against", against), ("abstain", abstain),
                            ("absent", absent)):
        for code in _codes(value):
            if code in positions:
                raise CstoError(f"{code} is given more than one position")
            positions[code] = position
    _print("decide", api.decide(body, positions, on, matter), as_json, lang)


@cli.command()
@ON
@output
def documents(on: str | None, as_json: bool, lang: str) -> None:
    """Treaty documents, and which are in force on a day."""
    _print("documents", api.documents(on), as_json, lang)


@cli.command()
@click.argument("document")
@click.argument("number")
@ON
@output
def article(document: str, number: str, on: str | None, as_json: bool, lang: str) -> None:
    """One article (paraphrased) in the wording in force on a day, with its versions."""
    _print("article", api.article(document, number, on), as_json, lang)


@cli.command()
@click.option("--year", metavar="YYYY", help="Only the exercises of this year.")
@output
def exercises(year: str | None, as_json: bool, lang: str) -> None:
    """Exercises, by year, with hosts, size and sources."""
    _print("exercises", api.exercises(year), as_json, lang)


@cli.command()
@output
def forces(as_json: bool, lang: str) -> None:
    """The collective forces (CRDF CAR, CRRF, peacekeeping forces)."""
    _print("forces", api.forces(), as_json, lang)


@cli.command()
@click.argument("case", required=False)
@output
def cases(case: str | None, as_json: bool, lang: str) -> None:
    """Historical requests for assistance: what the Treaty required beside what was done."""
    _print("cases", api.cases(case), as_json, lang)


@cli.command()
@output
def groupings(as_json: bool, lang: str) -> None:
    """Alliances and groupings with their stable ids (for 'csto step ... join-alliance')."""
    _print("groupings", api.groupings(), as_json, lang)


@cli.command()
@output
def disputes(as_json: bool, lang: str) -> None:
    """Every fact where sources disagree: what csto chose, why, and the alternatives."""
    _print("disputes", api.disputes(), as_json, lang)


@cli.command("check-data")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
def check_data(folder: str | None) -> None:
    """Validate a folder of data files (default: the packaged data) and report counts."""
    from .history import load_history

    history = load_history(folder, use_cache=False)
    click.echo(
        f"ok: {len(history.events)} events, {len(history.documents)} documents, "
        f"{len(history.sources)} sources, {len(history.change_dates)} change dates"
    )


def run(args: list[str]) -> int:
    """Run the application; every problem becomes one line on stderr and exit code 2."""
    try:
        cli.main(args=args, prog_name="csto", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "csto"
        message = exc.format_message().replace("\n", " ")
        sys.stderr.write(f"csto: error: {message} (see '{command} --help')\n")
        return 2
    except CstoError as exc:
        sys.stderr.write(f"csto: error: {exc}\n")
        return 2
    except click.Abort:
        sys.stderr.write("csto: aborted\n")
        return 1
    return 0
