"""Stored scenarios: add, list, show, export, delete; every version kept.

Each write is one transaction: a process killed in the middle leaves the database as it
was before (SQLite in WAL mode with full synchronisation, or PostgreSQL). A scenario added
again with the same content is not a new version; with other content it is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload

from ..errors import InputError, NotFoundError, StorageError
from ..record.hypothetical import Scenario
from ..store.db import engine
from ..store.models import ScenarioRow, VersionRow
from .files import digest, dump, parse_text


class Stored(NamedTuple):
    """A stored scenario's latest version, and how many versions it has."""

    name: str
    version: int
    versions: int
    created: datetime
    updated: datetime
    description: str | None
    events: int
    text: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _stored(row: ScenarioRow) -> Stored:
    last = row.versions[-1]
    scenario = parse_text(last.text, row.name)
    return Stored(row.name, last.number, len(row.versions), row.created, last.created,
                  scenario.description, len(scenario.events), last.text)


class Store:
    """The scenarios of one database."""

    def __init__(self, url: str | None = None, target: Engine | None = None) -> None:
        self.engine = target or engine(url)

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def add(self, scenario: Scenario) -> Stored:
        """Store a scenario, or a new version of it when its content changed."""
        text = dump(scenario)
        version = digest(scenario)
        for attempt in range(5):
            try:
                with self._session() as session, session.begin():
                    row = session.scalar(select(ScenarioRow).where(
                        ScenarioRow.name == scenario.name).with_for_update()
                        .options(selectinload(ScenarioRow.versions)))
                    if row is None:
                        row = ScenarioRow(name=scenario.name, created=_now())
                        session.add(row)
                        session.flush()
                    if not row.versions or row.versions[-1].digest != version:
                        number = len(row.versions) + 1
                        row.versions.append(VersionRow(number=number, digest=version, text=text,
                                                       created=_now()))
                    session.flush()
                    return _stored(row)
            except IntegrityError:
                if attempt == 4:
                    raise StorageError("could not store '{value}': other writers kept changing "
                                       "it; try again", field="scenario",
                                       value=scenario.name) from None
            except (OperationalError, DBAPIError) as exc:
                raise _storage(exc) from None
        raise AssertionError("unreachable")

    def list(self) -> list[Stored]:
        with self._session() as session:
            rows = session.scalars(select(ScenarioRow).order_by(ScenarioRow.name)
                                   .options(selectinload(ScenarioRow.versions))).all()
            return [_stored(row) for row in rows]

    def get(self, name: str, version: int | None = None) -> Stored:
        with self._session() as session:
            row = session.scalar(select(ScenarioRow).where(ScenarioRow.name == name)
                                 .options(selectinload(ScenarioRow.versions)))
            if row is None:
                known = session.scalars(select(ScenarioRow.name).order_by(
                    ScenarioRow.name).limit(10)).all()
                raise NotFoundError("no stored scenario '{value}': {hint}", field="scenario",
                               value=name, hint=("stored: " + ", ".join(known)) if known
                               else "none is stored yet; add one with 'csto scenario add FILE'")
            if version is not None:
                kept = [v for v in row.versions if v.number == version]
                if not kept:
                    raise InputError("scenario '{value}' has no version {number} (it has "
                                     "{count})", field="version", value=name, number=version,
                                     count=len(row.versions))
                row.versions = kept
            return _stored(row)

    def scenario(self, name: str, version: int | None = None) -> Scenario:
        return parse_text(self.get(name, version).text, name)

    def delete(self, name: str) -> int:
        """Delete a scenario and all its versions; the number of versions deleted."""
        self.get(name)
        with self._session() as session, session.begin():
            row = session.scalar(select(ScenarioRow).where(ScenarioRow.name == name))
            if row is None:
                return 0
            count = session.scalar(select(func.count()).select_from(VersionRow)
                                   .where(VersionRow.scenario_id == row.id)) or 0
            session.delete(row)
            return count


def _storage(exc: Exception) -> StorageError:
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:160]
    return StorageError("the database refused the change: {problem}; nothing was changed",
                        field="database", problem=reason)
