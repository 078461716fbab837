"""``csto scenario``: add, list, show, export, delete and diff stored scenarios."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

import click

from .options import Whole, lang_option
from .output import emit

N_ = str

DATABASE_HELP = N_("Database URL (default: $CSTO_DATABASE_URL, else SQLite in the user's data "
                   "folder).")


def _json(value: object) -> str:
    def plain(item: object) -> str:
        if isinstance(item, datetime | date):
            return item.isoformat()
        raise TypeError(type(item).__name__)

    return json.dumps(value, ensure_ascii=False, indent=2, default=plain)


def group(_: Callable[[str], str]) -> click.Group:
    database = click.option("--database", metavar="URL", help=_(DATABASE_HELP))
    as_json = click.option("--json", "as_json", is_flag=True,
                           help=_(N_("Print the answer as JSON.")))

    @click.group("scenario", help=_(N_("What-if scenarios: hypothetical events over the record, "
                                       "stored in SQLite or PostgreSQL.")))
    @lang_option(_)
    def scenario() -> None:
        pass

    @scenario.command("add", help=_(N_("Store a scenario file (a new version if it changed).")))
    @click.argument("file", type=click.Path(dir_okay=False))
    @database
    @as_json
    @lang_option(_)
    def add(file: str, database: str | None, as_json: bool) -> None:
        from ..scenario import load, read_file
        from ..scenario.stored import Store

        built = load(read_file(file))
        for warning in built.warnings:
            click.echo(f"csto: warning: {warning}", err=True)
        stored = Store(database).add(built.scenario)
        if as_json:
            emit(_json(stored._asdict()), as_json=True)
        else:
            emit(_(N_("stored '{name}', version {version} ({events} events)")).format(
                name=stored.name, version=stored.version, events=stored.events))

    @scenario.command("list", help=_(N_("The stored scenarios.")))
    @database
    @as_json
    @lang_option(_)
    def listing(database: str | None, as_json: bool) -> None:
        from ..scenario.stored import Store

        stored = Store(database).list()
        if as_json:
            emit(_json({"scenarios": [{k: v for k, v in s._asdict().items() if k != "text"}
                                      for s in stored]}), as_json=True)
            return
        if not stored:
            emit(_(N_("No scenario is stored yet; add one with 'csto scenario add FILE'.")))
            return
        width = max(len(s.name) for s in stored)
        lines = [f"{s.name:<{width}}  v{s.version:<3} {s.events:>4} "
                 + _(N_("events")) + f"  {s.updated:%Y-%m-%d}  {s.description or ''}"
                 for s in stored]
        emit("\n".join(lines))

    @scenario.command("show", help=_(N_("One stored scenario, as YAML, with its versions.")))
    @click.argument("name")
    @click.option("--version", "number", type=Whole(_, 1), help=_(N_("A version other than the latest.")))
    @database
    @as_json
    @lang_option(_)
    def show(name: str, number: int | None, database: str | None, as_json: bool) -> None:
        from ..scenario.stored import Store

        stored = Store(database).get(name, number)
        if as_json:
            emit(_json(stored._asdict()), as_json=True)
        else:
            head = _(N_("{name}: version {version} of {versions}, stored {updated}")).format(
                name=stored.name, version=stored.version, versions=stored.versions,
                updated=f"{stored.updated:%Y-%m-%d %H:%M}")
            emit(f"{head}\n\n{stored.text.rstrip()}")

    @scenario.command("export", help=_(N_("A stored scenario as YAML that adds back to the "
                                          "same thing.")))
    @click.argument("name")
    @click.option("-o", "--output", metavar="FILE",
                  help=_(N_("Write to FILE, a new file or a regular one, instead of standard "
                            "output ('-').")))
    @click.option("--force", is_flag=True, help=_(N_("Replace FILE if it exists (on a "
                                                     "terminal, csto asks).")))
    @database
    @lang_option(_)
    def export(name: str, output: str | None, force: bool, database: str | None) -> None:
        from ..record.files import replacing
        from ..scenario.stored import Store
        from .output import output_target

        target = output_target(output, force, database=database)
        text = Store(database).get(name).text
        if target is None:
            emit(text.rstrip("\n"))
            return
        with replacing(target) as handle:
            handle.write(text.encode("utf-8"))

    @scenario.command("delete", help=_(N_("Delete a stored scenario and all its versions.")))
    @click.argument("name")
    @database
    @lang_option(_)
    def delete(name: str, database: str | None) -> None:
        from ..scenario.stored import Store

        count = Store(database).delete(name)
        emit(_(N_("deleted '{name}' ({count} versions)")).format(name=name, count=count))

    @scenario.command("diff", help=_(N_("What a scenario changes against the record, on a day "
                                        "or over a period.")))
    @click.argument("name")
    @click.option("--on", metavar="YYYY-MM-DD", help=_(N_("The day compared (default: today).")))
    @click.option("--from", "start", metavar="YYYY-MM-DD", help=_(N_("First day of a period.")))
    @click.option("--until", metavar="YYYY-MM-DD",
                  help=_(N_("Day after the period (default: a year after --from).")))
    @database
    @as_json
    @click.option("--lang", metavar="id|en|ru", help=_(N_("Language of the text.")))
    def difference(name: str, on: str | None, start: str | None, until: str | None,
                   database: str | None, as_json: bool, lang: str | None) -> None:
        from ..present.diff import diff as render
        from ..record.load import load_history
        from ..scenario import load
        from ..scenario.diff import compare

        built = load(name, database=database)
        answer = compare(load_history(), built.history, on, start, until)
        chosen = lang or _default_lang()
        if as_json:
            from .output import answer_json

            emit(answer_json(answer, chosen), as_json=True)
        else:
            emit(render(answer, chosen))

    return scenario


def _default_lang() -> str:
    import os

    from ..record.vocab import LANGS

    value = os.environ.get("CSTO_LANG") or "en"
    return value if value in LANGS else "en"
