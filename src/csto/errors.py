"""Errors meant for people: one line that says what is wrong and how to fix it."""

from __future__ import annotations


class CstoError(Exception):
    """Base class; ``str(error)`` is the whole message shown to the user."""


class InputError(CstoError):
    """A question the model cannot answer as asked (bad date, unknown country...)."""


class DataError(CstoError):
    """A data file that does not load; the message names the file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        where = path if line is None else f"{path}:{line}"
        what = f"field '{field}': {problem}" if field else problem
        super().__init__(f"{where}: {what}")
