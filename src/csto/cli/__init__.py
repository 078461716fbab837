"""The command line: the ``csto`` entry point, its lean path for plain calls, and the
Click application with one module per command that is not a question. It is the top
layer: it may import every other.

A well-formed call of any question in the registry, with ``--json`` or without, is parsed
here with the standard library and answered, because importing Click costs about three
times the interpreter's own start-up. Anything this parser is not sure of (help, an
unknown or repeated option, ``--opt=value``, a value outside the choices, a missing
argument) goes to the Click application in ``app`` before anything is computed, so a
question is never asked twice. Both paths print answers and errors through ``output``, so
they print the same bytes; a test checks it.
"""

from __future__ import annotations

import os
import sys

from ..questions.registry import QUESTIONS, Question
from ..record.vocab import LANGS
from .output import LANG_ENV, ReaderGone, answer_json, emit, fail, scenario_history


def _lean(argv: list[str]) -> tuple[Question, dict[str, str], str, bool] | None:
    """The question, its values, the language and whether ``--json`` was asked for, of a
    plain call, or None."""
    if not argv or argv[0] not in QUESTIONS or argv.count("--json") > 1:
        return None
    question = QUESTIONS[argv[0]]
    options = {f"--{p.name}": p for p in question.params if not p.positional}
    positionals = [p for p in question.params if p.positional]
    values: dict[str, str] = {}
    given: list[str] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--json":
            continue
        if token in options or token in ("--lang", "--scenario", "--scenario-file"):
            value = next(tokens, None)
            name = token[2:]
            if value is None or value.startswith("-") or name in values:
                return None
            values[name] = value
        elif token.startswith("-"):
            return None
        else:
            given.append(token)
    if len(given) > len(positionals) or any(
            p.required and index >= len(given) for index, p in enumerate(positionals)):
        return None
    for param, value in zip(positionals, given, strict=False):
        values[param.name] = value
    for param in question.params:
        if param.choices and param.name in values and values[param.name] not in param.choices:
            return None
    lang = values.pop("lang", None) or os.environ.get(LANG_ENV) or "en"
    if lang not in LANGS:
        return None
    return question, values, lang, "--json" in argv


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        parsed = _lean(args)
        if parsed is None:
            from .app import run

            return run(args)
        question, values, lang, as_json = parsed
        from ..errors import CstoError
        from ..present.i18n import error_message
        from ..questions.registry import ask

        try:
            history = scenario_history(values.pop("scenario", None),
                                       values.pop("scenario-file", None))
            answer = ask(question.name, values, history)
            if as_json:
                text = answer_json(answer, lang)
            else:
                from ..present.render import render

                text = render(answer, lang)
        except CstoError as exc:
            return fail(error_message(exc, lang))
        emit(text, as_json=as_json)
        return 0
    except ReaderGone:
        return 0
    except OSError as exc:
        return fail(f"cannot write the answer: {exc.strerror or exc}")


if __name__ == "__main__":
    sys.exit(main())
