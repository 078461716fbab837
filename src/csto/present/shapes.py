"""The JSON Schemas of the answers, derived from their types.

``shape(Answer)`` mirrors an answer type as the msgspec Struct of its JSON form: the same
fields (without ``history`` and maintainers' remarks), texts as strings, days as
``format: date``, the values with a form of their own as their ``*JSON`` shapes from
``jsonforms``, and ``citations`` and ``sources`` added as ``to_json`` adds them. From it come
``docs/schema/*.json``, the REST API's OpenAPI components, and the tests that validate
every command's ``--json`` output. Only docs, tests and the web import this module.
"""

from __future__ import annotations

import datetime
import types
import typing
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal, NewType, Union, get_args, get_origin, is_typeddict

import msgspec

from ..questions import answers
from ..record import model
from ..record import schema as _schema
from ..rules import answers as rule_answers
from . import jsonforms
from .tojson import SKIPPED_FIELDS

if TYPE_CHECKING:
    from ..record.bounded import JSON

    Field = tuple[str, object] | tuple[str, object, object]
    """A field as ``msgspec.defstruct`` takes it: name, type (a type form), default."""

_NAMED: dict[object, object] = {
    model.Text: str,
    model.Standing: jsonforms.StandingJSON,
    model.Term: jsonforms.TermJSON,
    model.Fact: jsonforms.FactJSON,
    model.Citation: jsonforms.CitationJSON,
    model.Finding: jsonforms.FindingJSON,
    model.Country: jsonforms.CountryJSON,
    datetime.date: datetime.date,
}


def _is_record(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")


def json_type(kind: object) -> object:
    """The msgspec type of the JSON form of a value of type ``kind``."""
    if kind in _NAMED and not is_typeddict(_NAMED[kind]):
        return _NAMED[kind]
    if kind in _NAMED:
        return struct_of(_NAMED[kind])
    if isinstance(kind, NewType) and kind is jsonforms.IsoDay:
        return datetime.date
    origin = get_origin(kind)
    if origin is Annotated:
        return json_type(get_args(kind)[0])
    if origin in (Union, types.UnionType):
        members = {json_type(arg) for arg in get_args(kind)}
        if model.Text in get_args(kind):  # a text given in one language or three is a string
            members = {m for m in members if m is str or m is type(None)} | {str}
        if str in members:  # a day beside a text is the text's ISO form in JSON
            members.discard(datetime.date)
        return Union[tuple(sorted(members, key=repr))]  # noqa: UP007 (one order: stable schemas)
    if origin in (tuple, list):
        return list[json_type(get_args(kind)[0])]  # type: ignore[misc]
    if origin is dict:
        key, value = get_args(kind)
        return dict[key, json_type(value)]  # type: ignore[misc,valid-type]
    if origin is Literal or kind in (str, int, bool, float, type(None)):
        return kind
    if _is_record(kind) or is_typeddict(kind):
        return struct_of(kind)
    if kind is object:  # a value written as it is (a simulation's model): any JSON
        return typing.Any
    raise TypeError(f"no JSON form declared for {kind!r}")


def _hints(kind: type) -> dict[str, object]:
    """The type hints of ``kind``, its own module's names first (answers defined outside
    ``answers.py``, such as a scenario's diff, name their own parts)."""
    import sys

    own = vars(sys.modules[kind.__module__]) if kind.__module__ in sys.modules else {}
    namespace = {**vars(model), **_schema.ALIASES, **vars(rule_answers), **vars(answers),
                 **vars(jsonforms), **own,
                 "History": object, "NotRequired": typing.NotRequired}
    return typing.get_type_hints(kind, namespace, namespace, include_extras=True)


def _fields(kind: type) -> list[Field]:
    """The fields of the JSON form of a NamedTuple or TypedDict, as ``defstruct`` takes them."""
    fields: list[Field] = []
    hints = _hints(kind)
    names = getattr(kind, "_fields", None) or tuple(hints)
    for name in names:
        declared = hints[name]
        if name in SKIPPED_FIELDS:
            continue
        optional = get_origin(declared) is typing.NotRequired
        mapped = json_type(get_args(declared)[0] if optional else declared)
        if optional:
            fields.append((name, Union[mapped, msgspec.UnsetType], msgspec.UNSET))  # noqa: UP007
        else:
            fields.append((name, mapped))
    return fields


_CORE = (answers, rule_answers, model, jsonforms)
"""The modules whose type names are the schemas' own names."""


def _name(kind: type) -> str:
    """A type's schema name: its own, or where a type declared elsewhere (a scenario's
    ``Change``) shares the name of a core one, prefixed with its module's (``DiffChange``),
    so that two shapes never share one name in the OpenAPI components."""
    name = kind.__name__
    if kind.__module__ in {m.__name__ for m in _CORE} or not any(
            getattr(m, name, kind) is not kind for m in _CORE):
        return name
    return kind.__module__.rsplit(".", 1)[-1].capitalize() + name


@cache
def struct_of(kind: type) -> type[msgspec.Struct]:
    """The Struct mirroring a NamedTuple or a TypedDict, unknown fields forbidden."""
    return msgspec.defstruct(_name(kind), _fields(kind), forbid_unknown_fields=True,
                             module=__name__)


@cache
def shape(answer: type) -> type[msgspec.Struct]:
    """The JSON form of an answer type, with the ``citations`` and ``sources`` ``to_json`` adds."""
    extra: list[Field] = []
    if "findings" in answer._fields:  # type: ignore[attr-defined]
        extra.append(("citations", list[struct_of(jsonforms.CitationJSON)]))  # type: ignore[misc]
    extra.append(("sources", dict[str, struct_of(jsonforms.SourceJSON)]))  # type: ignore[misc]
    return msgspec.defstruct(answer.__name__, [*_fields(answer), *extra],
                             forbid_unknown_fields=True, module=__name__)


def schema(answer: type) -> dict[str, JSON]:
    """The JSON Schema (draft 2020-12) of an answer's JSON form."""
    result: dict[str, JSON] = msgspec.json.schema(shape(answer))
    return result


def check(answer: type, text: str | bytes) -> msgspec.Struct:
    """Validate a JSON text against the answer's shape; raises ``msgspec.ValidationError``."""
    return msgspec.json.decode(text, type=shape(answer))
