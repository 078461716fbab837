"""What a text given to the fact checker must be, the same on every interface.

The command line and the web check a text only after it passes ``require_text``: an empty
or blank text is the same one-line error everywhere (exit code 2, or a 400), and each
interface states the largest text it takes (``CLI_MAX_BYTES``, the server's in ``web``).
"""

from __future__ import annotations

from ..errors import InputError

CLI_MAX_BYTES = 5_000_000
"""The largest text ``csto check`` reads: 5 MB of news text take about 20 s and 600 MB."""


def require_text(raw: str | bytes) -> None:
    """Refuse a text with nothing to check in it."""
    if not raw.strip():
        raise InputError("give the text to check", field="text")
