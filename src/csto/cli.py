"""The ``csto`` command's entry point.

Well-formed ``--json`` queries for the commands scripts call most (members, officials,
chair, assist, base) are answered here with standard-library parsing, because importing
Click costs about three times the interpreter's own start-up on a small machine. Every
other call, and every call with a problem, goes to the Click application in ``_cli_app``,
which owns help and error messages. Both paths call the same API and the same
``emit_json``; a test checks that they print the same bytes.
"""

from __future__ import annotations

import sys
from typing import Any

_FAST: dict[str, tuple[int, dict[str, str]]] = {
    # command: (number of positional arguments, option -> parameter)
    "members": (0, {"--on": "on", "--lang": "lang"}),
    "officials": (0, {"--on": "on", "--lang": "lang"}),
    "chair": (0, {"--year": "year", "--lang": "lang"}),
    "assist": (1, {"--against": "against", "--on": "on", "--lang": "lang"}),
    "base": (2, {"--on": "on", "--lang": "lang"}),
}


def emit_json(answer: Any, lang: str) -> str:
    """The exact text ``--json`` prints for an answer."""
    import json

    from .api import to_dict

    return json.dumps(to_dict(answer, lang), ensure_ascii=False, indent=2)


def ask(command: str, positionals: list[str], options: dict[str, Any]) -> Any:
    """Dispatch a parsed command to the API (shared by both parsers)."""
    from . import api

    if command == "members":
        return api.members(options.get("on"))
    if command == "officials":
        return api.officials(options.get("on"))
    if command == "chair":
        return api.chair(options.get("year"))
    if command == "assist":
        return api.assist(positionals[0], options.get("against"), options.get("on"),
                          options.get("situation", "armed-attack"),
                          options.get("territory", "inside"))
    if command == "base":
        return api.base(positionals[0], positionals[1], options.get("on"))
    raise KeyError(command)


def _fast(argv: list[str]) -> str | None:
    """The JSON answer for a simple, valid call; None to let Click handle it."""
    if not argv or argv[0] not in _FAST or "--json" not in argv:
        return None
    count, known = _FAST[argv[0]]
    positionals: list[str] = []
    options: dict[str, str] = {}
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--json":
            continue
        if token in known:
            value = next(tokens, None)
            if value is None or value.startswith("-") or known[token] in options:
                return None
            options[known[token]] = value
        elif token.startswith("-"):
            return None
        else:
            positionals.append(token)
    import os

    lang = options.get("lang") or os.environ.get("CSTO_LANG", "en")
    if len(positionals) != count or lang not in ("en", "id", "ru"):
        return None
    from .errors import CstoError

    try:
        return emit_json(ask(argv[0], positionals, options), lang)
    except CstoError:
        return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = _fast(args)
    if text is not None:
        sys.stdout.write(text + "\n")
        return 0
    from ._cli_app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
