"""YAML and JSON read within bounds: size, nesting depth, number of values, digits.

Every document csto parses (data files, scenario files, request bodies) passes through
here. A YAML document's events are counted before any value is built, because building
deeply nested values recurses (PyYAML's C composer overflows the stack: a crash, not an
error); aliases count as the values they repeat, so a small file cannot expand into a
huge one. A violation is an ``InputError`` naming the limit, which callers word as their
one line (a data file's name and line, a scenario's place, a 400).
"""

from __future__ import annotations

from .._typing import TYPE_CHECKING
from ..errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date
    from typing import Any, TypeAlias

    from orjson import Fragment

    JSON: TypeAlias = "dict[str, JSON] | list[JSON] | str | int | float | bool | Fragment | None"
    """A JSON value as parsed here, and as csto writes its answers (where a ``Fragment`` is
    JSON text already written, kept for reuse)."""
    YAML: TypeAlias = "dict[str, YAML] | list[YAML] | str | int | float | bool | date | None"
    """A YAML value as ``yamlfile`` reads it: JSON's values and days (the safe schema)."""

N_ = str
MAX_BYTES = 8_000_000
"""The largest document read unless a caller says less (data files are far smaller)."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings: the record's files nest 8 deep."""
MAX_NODES = 500_000
"""Most values in one document, an alias counting as the values it repeats."""
MAX_DIGITS = 100
"""Longest number: Python refuses integers of more than 4,300 digits, slowly."""


class LimitError(InputError):
    """A document beyond a bound, or not well formed; ``line`` where it is known."""

    def __init__(self, template: str, where: str, line: int | None = None,
                 **params: object) -> None:
        self.line = line
        self.problem = template.removeprefix("{where}: ").format(**params)
        super().__init__(template, field="body",
                         where=f"{where}:{line}" if line is not None else where, **params)


def too_large(where: str, size: int, limit: int) -> LimitError:
    return LimitError(N_("{where}: {size} bytes, more than the {limit} accepted; split it"), where,
                      size=f"{size:,}", limit=f"{limit:,}")


def too_deep(where: str, line: int | None = None) -> LimitError:
    return LimitError(N_("{where}: nested more than {limit} deep"), where, line, limit=MAX_DEPTH)


def too_many(where: str, line: int | None = None) -> LimitError:
    return LimitError(N_("{where}: more than {limit} values (an alias counts as what it repeats)"),
                      where, line, limit=f"{MAX_NODES:,}")


def too_long(where: str, line: int | None = None) -> LimitError:
    return LimitError(N_("{where}: a number of more than {limit} digits"), where, line,
                      limit=MAX_DIGITS)


_NUMBER = frozenset("0123456789_:+-.xXoObBabcdefABCDEF")


def scan_yaml(text: str, where: str, loader: type) -> None:
    """Count the events of a YAML text (with ``loader``'s parser) and refuse it beyond the
    bounds, before anything is built from it. A syntax error is left to the loader."""
    import yaml

    depth = total = 0
    sizes: list[int] = [0]  # values so far in each open collection: what its anchor repeats
    opened: list[str | None] = []
    anchors: dict[str, int] = {}
    events: Any = yaml.parse(text, Loader=loader)  # PyYAML's events, told apart by their class
    try:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = event.value
                if (event.implicit[0] and len(value) > MAX_DIGITS and value[0] in _NUMBER
                        and set(value) <= _NUMBER):
                    raise too_long(where, event.start_mark.line + 1)
                count = 1
                if event.anchor:
                    anchors[event.anchor] = 1
            elif kind is yaml.AliasEvent:
                count = anchors.get(event.anchor, 1)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    raise too_deep(where, event.start_mark.line + 1)
                sizes.append(1)
                opened.append(event.anchor)
                count = 1
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
                size = sizes.pop()
                anchor = opened.pop()
                if anchor:
                    anchors[anchor] = size
                sizes[-1] += size
                continue
            else:
                continue
            if kind is not yaml.SequenceStartEvent and kind is not yaml.MappingStartEvent:
                sizes[-1] += count
            total += count
            if total > MAX_NODES:
                raise too_many(where, event.start_mark.line + 1)
    except yaml.YAMLError:
        return


def load_json(data: bytes | str, where: str, limit: int = MAX_BYTES) -> JSON:
    """A JSON document within the bounds, without duplicate keys or ``NaN``; text that is
    not JSON raises ``ValueError`` (callers say what they expected instead)."""
    import json

    if len(data) > limit:
        raise too_large(where, len(data), limit)

    def pairs(items: list[tuple[str, JSON]]) -> dict[str, JSON]:
        found: dict[str, JSON] = {}
        for key, value in items:
            if key in found:
                raise LimitError(N_("{where}: the key '{value}' is given twice"), where,
                                 value=key)
            found[key] = value
        return found

    def number(text: str) -> int:
        if len(text) > MAX_DIGITS:
            raise too_long(where)
        return int(text)

    def constant(name: str) -> float:
        raise LimitError(N_("{where}: '{value}' is not a JSON number"), where, value=name)

    try:
        value: JSON = json.loads(data, object_pairs_hook=pairs, parse_int=number,
                                 parse_constant=constant)
    except RecursionError:
        raise too_deep(where) from None
    check_tree(value, where)
    return value


def check_tree(value: object, where: str) -> None:
    """Refuse a parsed value nested deeper than ``MAX_DEPTH`` or with more than
    ``MAX_NODES`` values (walked without recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise too_many(where)
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            raise too_deep(where)
        stack.extend((child, depth + 1) for child in children)
