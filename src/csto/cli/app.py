"""The Click application behind ``csto``, built from the registry of questions.

Every question becomes a command with its parameters, ``--json`` and ``--lang``; commands
that are not questions (``check-data``, and those of later modules) are listed in
``COMMANDS``. Help, usage errors and the project's own errors are shown in the reader's
language: the language is known before the commands are built, from ``--lang`` or
``$CSTO_LANG``, and Click's own few words are looked up in our catalogs too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module

import click

from ..errors import CstoError
from ..present.i18n import error_message, gettext_for
from ..questions.registry import QUESTIONS, Question, ask
from ..record.vocab import LANGS
from .options import lang_option, once
from .output import LANG_ENV, ReaderGone, answer_json, emit, fail, quiet_stdout, scenario_history

N_ = str

COMMANDS = {
    "check-data": "csto.cli.data:check_data", "scenario": "csto.cli.scenario:group",
    "simulate": "csto.cli.simulate:command", "serve": "csto.cli.serve:command",
    "check": "csto.cli.check:check_command", "export": "csto.cli.export:group",
    "cite": "csto.cli.export:cite_command",
}
"""Commands that are not questions, by name: the ``module:attribute`` of a Click command
factory taking the reader's gettext, imported only when the command is needed."""

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def current_lang() -> str:
    """The language the running application was built in (from the arguments it was given,
    not ``sys.argv``, so that ``main([...])`` in a process speaks as asked)."""
    root = click.get_current_context().find_root().command
    return root.lang if isinstance(root, _Commands) else "en"


def requested_lang(argv: list[str]) -> tuple[str, str | None]:
    """The language asked for (``--lang``, else ``$CSTO_LANG``, else English), and a problem
    with it if there is one; the problem is reported in English."""
    for index, token in enumerate(argv):
        value = None
        if token == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif token.startswith("--lang="):
            value = token.split("=", 1)[1]
        if value is not None:
            if value in LANGS:
                return value, None
            return "en", f"unknown language '{value}' given with --lang: use one of {', '.join(LANGS)}"
    env = os.environ.get(LANG_ENV)
    if env:
        if env in LANGS:
            return env, None
        return "en", (f"unknown language '{env}' in ${LANG_ENV}: set it to one of "
                      f"{', '.join(LANGS)} or unset it")
    return "en", None


def _speak(lang: str) -> Callable[[str], str]:
    """Make Click's own words (Usage, Options, its errors) come from our catalogs.

    Click looks its words up with ``gettext`` bound in each of its modules; pointing those
    names at our catalog is the one way to translate them without copying Click's code.
    The ids are listed in ``i18n/click_words.py``.
    """
    gettext: Callable[[str], str] = gettext_for(lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    for name in _CLICK_MODULES:
        module = import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    return gettext


def _command(question: Question, _: Callable[[str], str], lang: str) -> click.Command:
    params: list[click.Parameter] = []
    for param in question.params:
        if param.positional:
            params.append(click.Argument([param.name], required=param.required,
                                         metavar=param.name.upper()))
        else:
            default_word = _(N_("default"))
            default_note = f" [{default_word}: {param.default}]" if param.default else ""
            params.append(click.Option([f"--{param.name}", param.name.replace("-", "_")],
                                       metavar=param.metavar or ("|".join(param.choices)
                                                                 if param.choices else "TEXT"),
                                       help=_(param.help) + default_note))
    params.append(click.Option(["--scenario"], metavar="NAME",
                               help=_(N_("Answer on a stored what-if scenario (a file only "
                                         "when written as a path: ./FILE)."))))
    params.append(click.Option(["--scenario-file", "scenario_file"], metavar="FILE",
                               help=_(N_("Answer on the what-if scenario in FILE."))))
    params.append(click.Option(["--json", "as_json"], is_flag=True,
                               help=_(N_("Print the answer as JSON (the Python API's objects)."))))
    params.append(click.Option(["--lang"], metavar="id|en|ru",
                               help=_(N_("Language of the text: id, en or ru (default: "
                                         "$CSTO_LANG or en)."))))

    def callback(as_json: bool, lang: str | None = None, scenario: str | None = None,
                 scenario_file: str | None = None, **values: object) -> None:
        chosen = lang or os.environ.get(LANG_ENV) or "en"
        named = {p.name: values.get(p.name.replace("-", "_")) for p in question.params}
        answer = ask(question.name, {k: v for k, v in named.items() if v is not None},
                     scenario_history(scenario, scenario_file))
        if as_json:
            emit(answer_json(answer, chosen), as_json=True)
        else:
            from ..present.render import render

            emit(render(answer, chosen))

    summary = _(question.summary)
    arguments = [f"{p.name.upper()}: {_(p.help)}" for p in question.params if p.positional]
    help_text = "\n\n".join([summary, *(["\b\n" + "\n".join(arguments)] if arguments else [])])
    return click.Command(question.name, params=params, callback=callback, help=help_text,
                         short_help=summary, no_args_is_help=False)


class _Commands(click.Group):
    """The commands, each built (a question's from the registry, another's from its module)
    only when it is asked for: ``csto members`` imports no other command's module."""

    gettext: Callable[[str], str] = str
    lang = "en"

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*QUESTIONS, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if cmd_name in QUESTIONS:
                made = _command(QUESTIONS[cmd_name], self.gettext, self.lang)
            elif cmd_name in COMMANDS:
                module, _sep, attribute = COMMANDS[cmd_name].partition(":")
                made = getattr(import_module(module), attribute)(self.gettext)
            else:
                return None
            self.add_command(once(made, self.gettext))
        return self.commands.get(cmd_name)


def build(lang: str = "en") -> click.Group:
    """The whole application, in ``lang``."""
    _ = _speak(lang)

    @click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]},
                 help=_(N_("The Collective Security Treaty Organization as sourced, time-aware "
                           "rules. Every answer cites the articles and sources behind it. "
                           "Dates are YYYY-MM-DD.")))
    @click.version_option(package_name="csto")
    @lang_option(_)
    def cli() -> None:
        pass

    assert isinstance(cli, _Commands)
    cli.gettext, cli.lang = _, lang
    return once(cli, _)  # type: ignore[return-value]


def _usage_message(exc: click.UsageError, _: Callable[[str], str]) -> str:
    command = exc.ctx.command_path if exc.ctx else "csto"
    message = exc.format_message().replace("\n", " ").strip()
    hint = _(N_("see '{command} --help'")).format(command=command)
    return f"{message} ({hint})"


def run(args: list[str]) -> int:
    """Run the application; every problem becomes one line on stderr and exit code 2, a
    reader that goes away ends it quietly with 0.

    The command is invoked through its context rather than ``main``, whose handlers would
    end a closed pipe with exit code 1 before these see it."""
    lang, problem = requested_lang(args)
    if problem is not None:
        return fail(problem)
    cli = build(lang)
    _ = gettext_for(lang)
    try:
        with cli.make_context("csto", list(args)) as context:
            cli.invoke(context)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:  # bare ``csto``: its help, as --help
        emit(exc.ctx.get_help() if exc.ctx else "")
        return 0
    except click.UsageError as exc:
        return fail(_usage_message(exc, _))
    except CstoError as exc:
        return fail(error_message(exc, lang))
    except (click.Abort, EOFError, KeyboardInterrupt):
        if sys.stderr is not None:
            sys.stderr.write("\n" + _(N_("csto: aborted")) + "\n")
        return 1
    except ReaderGone:
        return 0
    except BrokenPipeError:
        quiet_stdout()
        return 0
    except OSError as exc:
        return fail(f"cannot write the answer: {exc.strerror or exc}")
    return 0

