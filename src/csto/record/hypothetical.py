"""What a scenario is, as values: hypothetical events as a scenario file writes them.

Cheap to import and to keep in the cache; a History built from a scenario holds one
(``History.scenario``). ``csto.scenario`` reads, checks and builds them.
"""

from __future__ import annotations

import datetime

from .._typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .bounded import YAML


class EventSpec(NamedTuple):
    """One event as the scenario writes it (states as given, before resolution)."""

    date: datetime.date
    state: str
    kind: str
    id: str | None = None
    by: str | None = None
    effective: datetime.date | None = None
    body: str | None = None
    summary: str | None = None
    sources: tuple[str, ...] = ()


class SourceSpec(NamedTuple):
    id: str
    title: str
    url: str | None = None
    published: datetime.date | None = None
    language: str | None = None


class Scenario(NamedTuple):
    """A named set of hypothetical events (and a simulation model) over the record."""

    name: str
    description: str | None
    events: tuple[EventSpec, ...]
    sources: tuple[SourceSpec, ...] = ()
    model: dict[str, YAML] | None = None
