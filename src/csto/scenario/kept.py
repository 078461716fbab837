"""The histories of stored scenarios, built once per stored version and kept.

A long-running process (the web application) asks about stored scenarios by name again and
again; building a scenario's history replays the record, so each (name, version) is built
once and the most recently used are kept. Exports and simulations build histories in
worker threads, hence the lock.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from ..errors import CstoError, InputError

if TYPE_CHECKING:
    from ..record.history import History
    from .stored import Store, Stored

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
"""What may name a stored scenario in a request (checked before the store is asked)."""
KEPT = 16
"""Scenario histories kept in memory, least recently used dropped first."""
FRESH = 5.0
"""Seconds the list of stored scenarios is reused before the store is read again."""

Tag = tuple[str, int]
"""A stored scenario's (name, version): what keeps answers on different versions apart."""


class Kept:
    """The stored scenarios over one base history, their histories built once per version."""

    def __init__(self, base: History) -> None:
        self.base = base
        self.histories: OrderedDict[Tag, History] = OrderedDict()
        self._store: Store | None = None
        self._listed: tuple[float, list[Stored]] | None = None
        self._lock = threading.Lock()

    def store(self) -> Store:
        """The store, opened on first use."""
        if self._store is None:
            from .stored import Store

            self._store = Store()
        return self._store

    def changed(self) -> None:
        """Forget the cached list after a write."""
        self._listed = None

    def stored(self) -> list[Stored]:
        """Every stored scenario, read again after ``FRESH`` seconds."""
        now = time.monotonic()
        if self._listed is None or now - self._listed[0] > FRESH:
            self._listed = (now, self.store().list())
        return self._listed[1]

    def names(self) -> list[str]:
        """The stored scenarios' names, for a form (none where the store cannot be read)."""
        try:
            return [stored.name for stored in self.stored()]
        except CstoError:
            return []

    def history(self, name: str) -> tuple[History, Tag]:
        """The history of the stored scenario ``name`` and its (name, version) tag."""
        _stored, history, tag = self.get(name)
        return history, tag

    def get(self, name: str) -> tuple[Stored, History, Tag]:
        """The stored scenario ``name``, its history and its (name, version) tag."""
        if not NAME.fullmatch(name):
            raise InputError("'{value}' is not a scenario name: give the name of a stored "
                             "scenario (letters, digits, '-', '_' or '.')", field="scenario",
                             value=name[:40])
        stored = self.store().get(name)
        tag = (name, stored.version)
        with self._lock:
            found = self.histories.get(tag)
            if found is None:
                from . import load
                from .files import parse_text

                found = load(parse_text(stored.text, name), self.base).history
                self.histories[tag] = found
                while len(self.histories) > KEPT:
                    self.histories.popitem(last=False)
            self.histories.move_to_end(tag)
        return stored, found, tag

    def resolve(self, name: str) -> tuple[History, Tag | None]:
        """The history to answer on for ``scenario=name`` (the base one for no name), and
        the tag that keeps cached answers of different scenarios and versions apart."""
        if not name:
            return self.base, None
        return self.history(name)
