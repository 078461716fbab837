"""The validators of the data files, derived from the value types of ``model``.

For each NamedTuple record type this builds a msgspec Struct with the same fields and
defaults, each alias of ``model`` given its constraints (``ALIASES``), unknown fields
forbidden, and YAML names where a field's name is a Python keyword (``model.YAML_NAMES``).
``read`` validates a parsed YAML value and returns the record as the model's type.
Only the cold path imports this module: msgspec costs more than the whole CLI start-up.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Literal, TypeVar, Union, get_args, get_origin

import msgspec

from . import model, vocab

R = TypeVar("R", bound=tuple[object, ...])  # a record type of ``model``
NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
ALIASES: dict[str, object] = {
    "NonEmpty": NonEmpty,
    "Iso3": Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")],
    "SourceIds": Annotated[tuple[NonEmpty, ...], msgspec.Meta(min_length=1)],
    "Wordings": Annotated[tuple[model.Wording, ...], msgspec.Meta(min_length=1)],
    "CaseReadings": Annotated[tuple[model.CaseQuestion, ...], msgspec.Meta(min_length=1)],
    "GroupingId": Annotated[str, msgspec.Meta(pattern="^[A-Z][A-Z0-9-]*$")],
    "Language": Annotated[str, msgspec.Meta(pattern="^[a-z]{2,3}$")],
    "Reason": Union[NonEmpty, model.Text],  # noqa: UP007
    "ReadingValue": Union[bool, int, NonEmpty, tuple[NonEmpty, ...]],  # noqa: UP007
    **{name: Literal[values] for name, values in vocab.CHECKED.items()},
}
"""What each alias of ``model`` checks in the data files (the type checker sees plain types)."""

_STRUCT_TO_VALUE: dict[type, type] = {}


def _is_record(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")


def _mapped(kind: object) -> object:
    """The msgspec type that validates what the model's ``kind`` holds."""
    origin = get_origin(kind)
    if origin is Annotated:
        base, *extras = get_args(kind)
        return Annotated[(_mapped(base), *extras)]
    if origin in (Union, types.UnionType):
        return Union[tuple(_mapped(arg) for arg in get_args(kind))]  # noqa: UP007
    if origin is tuple:
        args = get_args(kind)
        return tuple[_mapped(args[0]), ...]  # type: ignore[misc]
    if origin is dict:
        key, value = get_args(kind)
        return dict[_mapped(key), _mapped(value)]  # type: ignore[misc]
    if origin is Literal:
        return kind
    if _is_record(kind):
        return struct_for(kind)
    return kind


@cache
def struct_for(record: type) -> type[msgspec.Struct]:
    """A msgspec Struct with the fields, defaults and constraints of a NamedTuple type."""
    hints = typing.get_type_hints(record, {**vars(model), **ALIASES}, include_extras=True)
    defaults = getattr(record, "_field_defaults", {})
    fields: list[tuple[str, object] | tuple[str, object, object]] = []
    for name in record._fields:  # type: ignore[attr-defined]
        kind = _mapped(hints[name])
        if name in defaults:
            default = defaults[name]
            fields.append((name, kind, () if default == () else default))
        else:
            fields.append((name, kind))
    struct = msgspec.defstruct(
        record.__name__, fields, kw_only=True, forbid_unknown_fields=True,
        rename=model.YAML_NAMES.get(record), module=__name__,
    )
    _STRUCT_TO_VALUE[struct] = record
    return struct


def thaw(value: object) -> object:
    """A validated Struct (recursively) as the model's NamedTuple values."""
    if isinstance(value, msgspec.Struct):
        record = _STRUCT_TO_VALUE[type(value)]
        return record(**{name: thaw(getattr(value, name)) for name in value.__struct_fields__})
    if isinstance(value, list | tuple):
        return tuple(thaw(item) for item in value)
    if isinstance(value, dict):
        return {key: thaw(item) for key, item in value.items()}
    return value


def read(raw: object, record: type[R]) -> R:
    """Validate ``raw`` (parsed YAML) as a ``record``; raises ``msgspec.ValidationError``."""
    value = thaw(msgspec.convert(raw, struct_for(record), from_attributes=False))
    assert isinstance(value, record)
    return value
