"""Errors meant for people: one line that says what is wrong and how to fix it.

A message is an English template (also its id in the message catalogs) filled in with
``params``, so every interface can show it in the reader's language. Values a user typed
are shortened and their control characters escaped before they are shown.
"""

from __future__ import annotations

from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

N_ = str
"""Marks a message for extraction into the catalogs (``make i18n``)."""

MAX_ECHO = 60
"""At most this many characters of what a user typed (the ``value`` parameter)."""

MAX_PARAM = 240
"""At most this many characters of any other parameter."""


def echo(value: object, limit: int = MAX_ECHO) -> str:
    """A value as it may appear in a message: short, on one line, printable."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class CstoError(Exception):
    """Base class; ``str(error)`` is the whole message in English.

    By convention the parameter ``value`` holds what the user typed: it is cut to
    ``MAX_ECHO`` characters; control characters are escaped in every parameter.

    ``code`` is a stable identifier for scripts (the REST API's ``error.code``),
    ``status`` the HTTP status a route answers with, and ``field`` names the parameter at
    fault, where there is one.
    """

    code = "error"
    status = 400

    def __init__(self, template: str, /, *, field: str | None = None, **params: object) -> None:
        self.template = template
        self.params = {
            key: echo(value, MAX_ECHO if key == "value" else MAX_PARAM)
            if isinstance(value, str) else value
            for key, value in params.items()
        }
        self.field = field
        super().__init__(self.render(lambda message: message))

    def render(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of ``gettext`` (a function from id to text)."""
        text = gettext(self.template)
        try:
            return str(text.format(**self.params)) if self.params else str(text)
        except (KeyError, IndexError, ValueError):
            return str(self.template.format(**self.params))


class InputError(CstoError):
    """A question the model cannot answer as asked (bad date, unknown country...)."""

    code = "invalid-input"


class NotFoundError(InputError):
    """A name that names nothing: a question, a stored scenario, a panel."""

    status = 404


class RecordError(CstoError):
    """A record (an event, a term, a document...) that cannot be, named by its id and field.

    The loader of data files turns it into a ``DataError`` with the file and line.
    """

    code = "invalid-record"

    def __init__(self, kind: str, ident: str, field: str | None, problem: str) -> None:
        self.kind = kind
        self.ident = ident
        self.problem = problem
        super().__init__(N_("{kind} '{ident}': {problem}"), field=field, kind=kind,
                         ident=ident, problem=problem)


class TimelineError(RecordError):
    """An event that cannot happen to a state in its standing at the time."""

    code = "impossible-event"

    def __init__(self, event_id: str, problem: str, field: str = "kind") -> None:
        self.event_id = event_id
        super().__init__("event", event_id, field, problem)


class DataError(CstoError):
    """A data file that does not load; the message names the file, line and field."""

    code = "invalid-data"

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = path if line is None else f"{path}:{line}"
        if field:
            super().__init__(N_("{where}: field '{name}': {problem}"), field=field, where=where,
                             name=field, problem=problem)
        else:
            super().__init__(N_("{where}: {problem}"), where=where, problem=problem)


class StorageError(CstoError):
    """A database that cannot be reached, read or written; nothing stored is harmed."""

    code = "storage"
    status = 503
