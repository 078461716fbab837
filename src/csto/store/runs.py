"""Stored simulation runs: each sweep kept with its scenario, seed and library versions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import engine
from .models import RunRow

if TYPE_CHECKING:
    from ..record.bounded import JSON


class StoredRun(NamedTuple):
    id: int
    scenario: str
    digest: str
    runs: int
    seed: str
    model_version: str
    versions: dict[str, str]
    result: dict[str, JSON]
    created: datetime


def _stored(row: RunRow) -> StoredRun:
    return StoredRun(row.id, row.scenario, row.digest, row.runs, row.seed, row.model_version,
                     json.loads(row.versions), json.loads(row.result), row.created)


def save(scenario: str, digest: str, result: dict[str, Any],  # a sweep's JSON, from to_dict
         url: str | None = None) -> StoredRun:
    """Keep a sweep's JSON form beside its scenario (its name and content's digest); one
    transaction."""
    with Session(engine(url), expire_on_commit=False) as session, session.begin():
        row = RunRow(scenario=scenario, digest=digest, runs=int(result["runs"]),
                     seed=str(result["seed"]), model_version=str(result["model_version"]),
                     versions=json.dumps(result["versions"], sort_keys=True),
                     result=json.dumps(result, sort_keys=True, ensure_ascii=False),
                     created=datetime.now(UTC).replace(tzinfo=None))
        session.add(row)
        session.flush()
        return _stored(row)


def runs_of(name: str, url: str | None = None) -> list[StoredRun]:
    with Session(engine(url)) as session:
        rows = session.scalars(select(RunRow).where(RunRow.scenario == name)
                               .order_by(RunRow.id)).all()
        return [_stored(row) for row in rows]
