"""``Event`` and ``Source`` refuse what cannot be when they are built, not when used.

They are the value types a user builds by hand (``History.with_events``); a wrong type
or an impossible value (a string where a day belongs, a notice taking effect before it is
given, an unknown body, a URL that is not http or https) is an ``InputError`` naming the
record and the field, instead of a bare ``TypeError`` deep in a later step or a value
that silently answers wrongly. ``_replace`` checks as well; unpickling (the cache) does
not. What needs the rest of the record (a known state, source or kind; an unused id) is
checked by ``validate`` when the value joins a history.
"""

from __future__ import annotations

from datetime import date

from .._typing import TYPE_CHECKING
from ..errors import InputError
from .model import Event, Source, Text
from .vocab import BODIES, CONFIDENCES, PRECISIONS, SOURCE_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    Checked = Event | Source
    R = TypeVar("R", Event, Source)

N_ = str


def _wrong(record: Checked, field: str, expected: str) -> InputError:
    ident = record.id if isinstance(record.id, str) else repr(record.id)
    return InputError(N_("{record} '{ident}': '{name}' must be {expected}, not {value}"),
                      field=field, record=type(record).__name__, ident=ident[:80], name=field,
                      expected=expected, value=repr(getattr(record, field))[:60])


def _text(record: Checked, field: str, optional: bool = False) -> None:
    value: object = getattr(record, field)
    if (value is None and optional) or (isinstance(value, str) and value.strip()):
        return
    raise _wrong(record, field, "non-empty text" + (" or None" if optional else ""))


def _day(record: Checked, field: str, optional: bool = False) -> None:
    value: object = getattr(record, field)
    if (value is None and optional) or (type(value) is date):
        return
    raise _wrong(record, field, "a datetime.date" + (" or None" if optional else ""))


def _one_of(record: Checked, field: str, allowed: tuple[str, ...], optional: bool = False) -> None:
    value: object = getattr(record, field)
    if (value is None and optional) or (isinstance(value, str) and value in allowed):
        return
    raise _wrong(record, field, "one of " + ", ".join(allowed))


def _texts(record: Checked, field: str, kinds: tuple[type, ...]) -> None:
    value: object = getattr(record, field)
    if value is not None and not isinstance(value, kinds):
        raise _wrong(record, field, "a csto Text or None" if kinds == (Text,)
                     else "text, a csto Text or None")


def check_source(source: Source) -> None:
    """A source's own values: texts, a day, known vocabularies, an http(s) URL."""
    _text(source, "id")
    _text(source, "title")
    _text(source, "url", optional=True)
    if source.url is not None and not source.url.startswith(("https://", "http://")):
        raise _wrong(source, "url", "an http:// or https:// address")
    _day(source, "published", optional=True)
    _one_of(source, "precision", PRECISIONS)
    _one_of(source, "kind", SOURCE_KINDS)
    for field in ("language", "file", "undated"):
        _text(source, field, optional=True)


def check_event(event: Event) -> None:
    """An event's own values: texts and days of the right types, known vocabularies, an
    ``effective`` day no earlier than the event."""
    for field in ("id", "state", "kind"):
        _text(event, field)
    _day(event, "date")
    _day(event, "effective", optional=True)
    if event.effective is not None and event.effective < event.date:
        raise InputError(N_("event '{ident}': it cannot take effect ({effective}) before it "
                            "is made ({day})"), field="effective", ident=event.id,
                         effective=event.effective.isoformat(), day=event.date.isoformat())
    sources = event.sources
    if not isinstance(sources, tuple) or not all(isinstance(s, str) and s for s in sources):
        raise _wrong(event, "sources", "a tuple of source ids")
    _one_of(event, "precision", PRECISIONS)
    _one_of(event, "confidence", CONFIDENCES)
    _one_of(event, "body", BODIES, optional=True)
    _text(event, "by", optional=True)
    _text(event, "remark", optional=True)
    _texts(event, "summary", (Text,))  # text is made a Text by ``fix_event``
    _texts(event, "note", (Text,))
    _texts(event, "chosen_because", (str, Text))
    if not isinstance(event.alternatives, tuple):
        raise _wrong(event, "alternatives", "a tuple")


def fix_event(event: Event) -> Event:
    """What a user may write more simply: a list of sources, a summary or note as text."""
    fixed = {}
    if isinstance(event.sources, list):
        fixed["sources"] = tuple(event.sources)
    for field in ("summary", "note"):
        value = getattr(event, field)
        if isinstance(value, str) and value.strip():
            fixed[field] = Text(value)
    if not fixed:
        return event
    values = [fixed.get(name, value) for name, value in zip(event._fields, event, strict=True)]
    return tuple.__new__(Event, values)


def _guard(kind: type[R], check: Callable[[R], None],
           fix: Callable[[R], R] = lambda value: value) -> None:
    """Make ``kind(...)`` and ``value._replace(...)`` run ``check`` (after ``fix``), and
    turn a missing or unknown argument into an ``InputError``."""
    build: Callable[..., R] = kind.__new__  # whatever a user passes: checked below
    replace: Callable[..., R] = kind._replace

    def made(value: R) -> R:
        value = fix(value)
        check(value)
        return value

    def new(cls: type[R], *args: object, **kwargs: object) -> R:
        try:
            return made(build(cls, *args, **kwargs))
        except TypeError as exc:
            raise InputError(N_("{record}: {problem}"), record=kind.__name__,
                             problem=str(exc)) from None

    def _replace(self: R, **changes: object) -> R:
        try:
            return made(replace(self, **changes))
        except TypeError as exc:
            raise InputError(N_("{record}: {problem}"), record=kind.__name__,
                             problem=str(exc)) from None

    def reduce(self: R) -> tuple[object, ...]:
        """Unpickled as stored, unchecked: only csto's own cache holds these pickles, of
        values checked when they were built, and the command line reads it at every start."""
        return tuple.__new__, (type(self), tuple(self))

    kind.__new__ = staticmethod(new)  # type: ignore[assignment]
    kind._replace = _replace  # type: ignore[method-assign,assignment]
    kind.__reduce__ = reduce  # type: ignore[assignment,method-assign]


_guard(Source, check_source)
_guard(Event, check_event, fix_event)
