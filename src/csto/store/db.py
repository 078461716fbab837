"""Which database, and a connection to it with its schema up to date.

SQLite by default, in the user's data folder (platformdirs); PostgreSQL (or another SQLite
file) when ``--database URL`` or ``$CSTO_DATABASE_URL`` names one. The schema is made and
upgraded by the Alembic migrations in ``migrations/``, never by hand; a database whose
schema is newer than this csto's is refused, so nothing stored is harmed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from ..errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy import Connection
    from sqlalchemy.engine.interfaces import DBAPIConnection
    from sqlalchemy.pool import ConnectionPoolEntry

ENV = "CSTO_DATABASE_URL"
MIGRATIONS = Path(__file__).with_name("migrations")


def data_home() -> Path:
    """The user's data folder (``$CSTO_DATA_HOME`` overrides it): stored scenarios and runs,
    and the texts the web application checked."""
    from platformdirs import user_data_dir

    return Path(os.environ.get("CSTO_DATA_HOME") or user_data_dir("csto", appauthor=False))


def default_url() -> str:
    """SQLite in the user's data folder (``$CSTO_DATA_HOME`` overrides it, for tests)."""
    return f"sqlite:///{data_home() / 'csto.sqlite'}"


def database_url(url: str | None = None) -> str:
    return url or os.environ.get(ENV) or default_url()


def _sqlite_uri(database: str, query: Mapping[str, object]) -> bool:
    """Whether an SQLite URL names its file as a URI (``file:...``, ``?uri=true``), whose
    options such as ``mode=ro`` say that nothing is to be made."""
    return database.startswith("file:") or str(query.get("uri", "")).lower() in ("true", "1")


def sqlite_file(url: str | None = None) -> str | None:
    """The file of an SQLite database URL (``database_url`` by default), or None."""
    try:
        parsed = make_url(database_url(url))
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return str(Path(parsed.database).expanduser())


def shown(url: str) -> str:
    """A URL as it may be shown: never its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url[:80]


def _sqlite_pragmas(connection: DBAPIConnection, _: ConnectionPoolEntry) -> None:
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    """Writers queue for the lock at once, so two processes never deadlock on an upgrade."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def engine(url: str | None = None) -> Engine:
    """An engine on the database (made for SQLite files), its schema migrated to the head."""
    chosen = database_url(url)
    try:
        parsed = make_url(chosen)
    except ArgumentError:
        raise StorageError("invalid database URL '{value}': use sqlite:///PATH or "
                           "postgresql://USER@HOST/NAME", field="database",
                           value=chosen) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StorageError("unsupported database '{value}': use sqlite:///PATH or "
                           "postgresql://USER@HOST/NAME", field="database", value=shown(chosen))
    connect_args: dict[str, object]
    if backend == "sqlite":
        if not parsed.database:
            raise StorageError("an SQLite URL names a file: sqlite:///PATH", field="database")
        if not _sqlite_uri(parsed.database, parsed.query):  # a URI opens what exists
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        connect_args = {"timeout": 30, "isolation_level": None}
    else:
        parsed = parsed.set(drivername="postgresql+psycopg")
        connect_args = {"connect_timeout": 5}
    try:
        result = create_engine(parsed, connect_args=connect_args)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise StorageError("cannot use the database '{value}': {problem}", field="database",
                           value=shown(chosen), problem=str(exc)[:120]) from None
    if backend == "sqlite":
        event.listen(result, "connect", _sqlite_pragmas)
        event.listen(result, "begin", _begin_immediate)
    migrate(result, chosen)
    return result


MIGRATION_LOCK = 0x6373746F
"""The PostgreSQL advisory lock a migration holds ("csto"): first writers take turns."""
_migrating = threading.Lock()
"""Alembic keeps its context in module globals: one migration at a time per process."""


def migrate(target: Engine, url: str) -> None:
    """Bring the schema to the newest migration; refuse a schema newer than ours.

    Two processes opening a fresh database at once would both create its tables, and one
    would fail; on PostgreSQL the migration runs under an advisory lock held to the end
    of its transaction, and on SQLite the transaction begins IMMEDIATE, so the second
    waits and finds the schema made."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    try:
        with _migrating, target.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            current = MigrationContext.configure(connection).get_current_revision()
            known = {rev.revision for rev in script.walk_revisions()}
            if current is not None and current not in known:
                raise StorageError("the database '{value}' has schema version {version}, newer "
                                   "than this csto knows; upgrade csto to use it",
                                   field="database", value=shown(url), version=current)
            if current != script.get_current_head():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except (OperationalError, DBAPIError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:160]
        raise StorageError("cannot open the database '{value}': {problem}", field="database",
                           value=shown(url), problem=reason) from None
