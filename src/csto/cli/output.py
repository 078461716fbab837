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
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        raise ReaderGone from None


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


def scenario_history(value: str | None) -> History | None:
    """The history of ``--scenario`` (None without one); its warnings go to standard error."""
    if value is None:
        return None
    from ..scenario import load

    built = load(value)
    for warning in built.warnings:
        warn(warning)
    return built.history


def output_lang(options: dict[str, str]) -> str:
    return options.get("lang") or os.environ.get(LANG_ENV) or "en"


def answer_json(answer: object, lang: str) -> str:
    """The exact text ``--json`` prints for an answer."""
    import json

    from ..present.tojson import to_dict

    return json.dumps(to_dict(answer, lang), ensure_ascii=False, indent=2)
