"""How the command line writes: answers to standard output, problems to standard error.

Shared by the lean ``--json`` path (``cli``) and the Click application (``_cli_app``), so
both print the same bytes. A reader that closes the pipe early ends the command quietly;
an encoding that cannot show the text gets escapes instead of a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys

from .._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..record.history import History

LANG_ENV = "CSTO_LANG"
N_ = str


class ReaderGone(Exception):  # noqa: N818 (not an error: the reader stopped reading)
    """The reader has gone (a closed pipe): stop without a word."""


def emit(text: str, as_json: bool = False) -> None:
    """Write one answer to standard output, whatever its encoding and whoever reads it."""
    stream = sys.stdout
    if stream is None:
        raise OSError("standard output is closed")
    try:
        try:
            stream.write(text + "\n")
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            if as_json:
                import json

                text = json.dumps(json.loads(text), ensure_ascii=True, indent=2)
            else:
                text = text.encode(encoding, "backslashreplace").decode(encoding)
            stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        quiet_stdout()
        raise ReaderGone from None


def quiet_stdout() -> None:
    """After the reader has gone, point standard output at nothing, so that what is left
    in its buffer is not written to a closed pipe at exit (a second error)."""
    stream = sys.stdout
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def fail(message: str) -> int:
    """One line on standard error, control characters escaped; exit code 2."""
    from ..errors import echo

    line = f"csto: error: {echo(message, 500)}\n"
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(line)
        except UnicodeEncodeError:
            stream.write(line.encode("ascii", "backslashreplace").decode("ascii"))
        except OSError:
            pass
    return 2


def warn(message: str) -> None:
    """A line on standard error that does not stop the command."""
    from ..errors import echo

    if sys.stderr is not None:
        with contextlib.suppress(OSError, UnicodeEncodeError):
            sys.stderr.write(f"csto: warning: {echo(message, 500)}\n")


def scenario_history(value: str | None, file: str | None = None) -> History | None:
    """The history of ``--scenario NAME`` (a stored name, or a file written as a path) or
    ``--scenario-file FILE`` (None without either); its warnings go to standard error."""
    if value is None and file is None:
        return None
    from pathlib import Path  # here: pathlib costs every plain command milliseconds

    from ..errors import InputError
    from ..scenario import load

    if value is not None and file is not None:
        raise InputError("give --scenario NAME or --scenario-file FILE, not both",
                         field="scenario")
    built = load(Path(file) if file is not None else str(value))
    for warning in built.warnings:
        warn(warning)
    return built.history


def own_files(*scenarios: str | None, database: str | None = None) -> list[str]:
    """csto's own files, which no output may replace: the data files, the cache, the
    scenario store and the scenario file being read."""
    from ..record.cache import PACKAGED_DATA, cache_dir
    from ..record.files import regular_files
    from ..record.load import data_folder
    from ..store.db import sqlite_file

    files = [*regular_files(data_folder()), *regular_files(PACKAGED_DATA),
             *regular_files(cache_dir())]
    store = sqlite_file(database)
    if store is not None:
        files += [store + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    files += [name for name in scenarios if name is not None]
    return files


def output_target(output: str | None, force: bool, *scenarios: str | None,
                  database: str | None = None) -> str | None:
    """The file ``-o`` names, checked (``record.files.output_path``), or None for standard
    output (no ``-o``, or ``-o -``). An existing file is replaced with ``--force``, or when
    the reader says yes on a terminal."""
    if output is None or output == "-":
        return None
    from ..record.files import output_path

    return output_path(output, own_files(*scenarios, database=database), force,
                       confirm_replace)


def confirm_replace(path: str) -> bool:
    """Ask on a terminal whether to replace ``path``; no where nobody can answer."""
    if not all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr)):
        return False
    import click

    from ..present.i18n import gettext_for

    context = click.get_current_context(silent=True)
    lang = getattr(context.find_root().command, "lang", None) if context else None
    _ = gettext_for(lang or output_lang({}))
    return click.confirm(_(N_("'{path}' exists: replace it?")).format(path=path), err=True)


def output_lang(options: dict[str, str]) -> str:
    return options.get("lang") or os.environ.get(LANG_ENV) or "en"


def answer_json(answer: object, lang: str) -> str:
    """The exact text ``--json`` prints for an answer."""
    import json

    from ..present.tojson import to_dict

    return json.dumps(to_dict(answer, lang), ensure_ascii=False, indent=2)
