"""``csto check FILE``: the claims a text makes about the CSTO, and whether they hold."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from ..errors import InputError
from ..questions.texts import CLI_MAX_BYTES as MAX_BYTES
from ..questions.texts import require_text

N_ = str


def read_input(path: str | None) -> bytes:
    """The bytes of FILE (a regular file), of standard input for '-' or when text is piped,
    refused with one line when there is nothing to read, the file cannot be read or it is
    larger than ``MAX_BYTES``."""
    if path is None or path == "-":
        stream = sys.stdin
        if stream is None or (path is None and stream.isatty()):
            raise InputError(
                "give a FILE to check, or '-' to read the text from standard input", field="file"
            )
        buffer = getattr(stream, "buffer", None)
        data = buffer.read(MAX_BYTES + 1) if buffer is not None else stream.read(MAX_BYTES + 1)
        data = data.encode("utf-8") if isinstance(data, str) else data
        if len(data) > MAX_BYTES:
            raise InputError("the text is larger than {limit} bytes: split it", field="file",
                             limit=f"{MAX_BYTES:,}")
        return data
    from ..record.files import read_bytes

    return read_bytes(path, MAX_BYTES)


def check_command(_: Callable[[str], str]) -> click.Command:
    @click.command(
        "check",
        help=_(
            N_(
                "Find the claims a text makes about the CSTO (in Indonesian, English or Russian) and "
                "check each against the record on the day it speaks of. FILE is a text file; '-' or "
                "no FILE reads standard input."
            )
        ),
    )
    @click.argument("file", required=False, metavar="FILE")
    @click.option(
        "--as-of",
        "as_of",
        metavar="YYYY-MM-DD",
        help=_(N_("The day the text speaks of (default: its own date line, else today).")),
    )
    @click.option(
        "--json", "as_json", is_flag=True, help=_(N_("Print the answer as JSON (the Python API's objects)."))
    )
    @click.option(
        "--lang",
        metavar="id|en|ru",
        help=_(N_("Language of the text: id, en or ru (default: $CSTO_LANG or en).")),
    )
    def command(file: str | None, as_of: str | None, as_json: bool, lang: str | None) -> None:
        import os

        from ..factcheck.check import check
        from ..factcheck.render import check as render
        from ..factcheck.render import highlight
        from .output import LANG_ENV, answer_json, emit

        chosen = lang or os.environ.get(LANG_ENV) or "en"
        data = read_input(file)
        require_text(data)
        answer = check(data, as_of=as_of)
        if as_json:
            emit(answer_json(answer, chosen), as_json=True)
            return
        text = render(answer, chosen)
        stdout = sys.stdout
        emit(highlight(text) if stdout is not None and stdout.isatty() else text)

    return command
