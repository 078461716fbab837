"""What-if scenarios: hypothetical, dated events over the record, as a History.

``load(value)`` takes a scenario file (a path object, or text written as a path: with a
``/``, such as ``./leaves.yaml``), a stored scenario's name (any other text: a name is
never read as a file), a mapping or a ``Scenario`` and returns the scenario's ``Built``
history with its warnings; every question
then works on it (``history=``). See ``files`` for the format, ``build`` for what each kind
of event does, ``stored`` for keeping scenarios in the database (``csto.store``) and
``kept`` for the histories of stored scenarios built once per version. It may import
``record``, ``rules`` and ``store``.
"""

from __future__ import annotations

import os

from .._typing import TYPE_CHECKING
from ..errors import InputError
from ..record.hypothetical import EventSpec, Scenario, SourceSpec

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..record.history import History
    from .build import Built

__all__ = ["EventSpec", "Scenario", "SourceSpec", "is_path", "load", "read_file"]


def read_file(path: str) -> Scenario:
    """A scenario file's value, from the cache when the file has not changed."""
    from . import cache

    found = cache.read(path)
    if found is None:
        from pathlib import Path

        from .files import read

        found = read(Path(path))
        cache.write(path, found)
    return found


def is_path(value: str) -> bool:
    """Whether text naming a scenario is written as a path (``./x.yaml``, ``/…``,
    ``dir/x.yaml``); anything else names a stored scenario, whatever files exist."""
    return "/" in value or os.sep in value


def load(value: str | os.PathLike[str] | Mapping[str, object] | Scenario,
         history: History | None = None, database: str | None = None) -> Built:
    """The history of a scenario given as a file, a stored name, a mapping or a value."""
    from ..record.load import load_history
    from .build import build

    base = history if history is not None else load_history()
    if isinstance(value, Scenario):
        scenario = value
    elif isinstance(value, dict):
        from .files import parse

        scenario = parse(value)
    elif isinstance(value, os.PathLike) or (isinstance(value, str) and is_path(value)):
        scenario = read_file(os.fspath(value))
    elif isinstance(value, str):
        from .stored import Store

        scenario = Store(database).scenario(value)
    else:
        raise InputError("a scenario is a file, a stored name, a mapping or a csto Scenario, "
                         "not {kind}", field="scenario", kind=type(value).__name__)
    return build(scenario, base)
