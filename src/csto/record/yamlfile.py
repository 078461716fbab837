"""YAML loading that remembers where each value came from, so errors can name the line."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataError, InputError
from .bounded import MAX_BYTES, LimitError, scan_yaml, too_large

if TYPE_CHECKING:
    from .bounded import YAML

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader, where PyYAML has it


class LineDict(dict[str, "YAML"]):
    """A mapping read from YAML; ``line`` is where it starts, ``key_lines`` where each key is."""

    __slots__ = ("key_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str | None) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line) if key is not None else self.line


class _Loader(_Base):  # type: ignore[misc]
    _implicit = _Base.yaml_implicit_resolvers

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        """The tag of a plain scalar as the safe loader resolves it, by its first character
        (the data has no path resolvers); other nodes (``value`` None) as the base class does."""
        if (kind is yaml.ScalarNode and implicit[0] and None not in self._implicit
                and value is not None):
            for tag, pattern in self._implicit.get(value[:1], ()):
                if pattern.match(value):
                    return str(tag)
            return str(self.DEFAULT_SCALAR_TAG)
        return str(super().resolve(kind, value, implicit))


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"keys must be text, found {key!r}", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> datetime.date:
    try:
        value = yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"impossible date '{node.value}': {exc}", node.start_mark
        ) from None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_yaml(path: Path, label: str, limit: int = MAX_BYTES) -> YAML:
    """Parse one data file (a regular file of at most ``limit`` bytes); a problem becomes a
    DataError naming ``label`` and the line. The files packaged with csto are part of it,
    like its code (tests check them), so their events are not counted first; any other
    folder's are."""
    from .cache import PACKAGED_DATA
    from .files import read_bytes

    try:
        data = read_bytes(path, limit)
        text = data.decode("utf-8")
    except InputError as exc:
        raise DataError(label, None, None, str(exc)) from None
    except UnicodeDecodeError as exc:
        where = data[: exc.start].count(b"\n") + 1
        raise DataError(label, where, None, f"not UTF-8 text (byte {exc.object[exc.start]:#04x}); "
                        "save the file as UTF-8") from None
    return load_text(text, label, limit, scan=str(path.parent) != PACKAGED_DATA)


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"


def _build(loader: _Loader, node: yaml.Node) -> YAML:
    """A composed node as Python values: mappings (with their lines), sequences and text
    built here, other scalars by the loader's own constructors. PyYAML's generic
    construction costs more than parsing; this gives the same values."""
    if isinstance(node, yaml.MappingNode):
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            return _constructed(loader, node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        lines = result.key_lines
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else _build(loader, key_node)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, f"keys must be text, found {key!r}", key_node.start_mark)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark)
            result[key] = _build(loader, value_node)
            lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_build(loader, item) for item in node.value]
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        text: str = node.value
        return text
    return _constructed(loader, node)


def _constructed(loader: _Loader, node: yaml.Node) -> YAML:
    """A node built by the loader's own constructors (PyYAML's, untyped)."""
    value: YAML = loader.construct_object(node, deep=True)
    return value


def _load(text: str) -> YAML:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(loader, node)
    finally:
        loader.dispose()


def load_text(text: str, label: str, limit: int = MAX_BYTES, scan: bool = True) -> YAML:
    """Parse YAML text within the bounds of ``bounded`` (``scan``: its nesting and values
    counted first); a problem becomes a DataError naming ``label`` and the line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    try:
        if size > limit:
            raise too_large(label, size, limit)
        if scan:
            scan_yaml(text, label, _Loader)
    except LimitError as exc:
        raise DataError(label, exc.line, None, exc.problem) from None
    try:
        return _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise DataError(label, line, None, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataError(label, None, None, f"malformed YAML: {exc}") from None
