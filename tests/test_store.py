"""Stored scenarios, in SQLite and in a real PostgreSQL server: kept, versioned, never lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from csto.errors import InputError, StorageError
from csto.scenario.files import parse_text
from csto.scenario.stored import Store
from csto.store.db import engine

from .conftest import Run
from .postgres import throwaway_postgres

CsTo = Callable[..., Run]

ROOT = Path(__file__).resolve().parent.parent


def _scenario(name: str, day: int = 1) -> str:
    return (f"name: {name}\ndescription: test {name}\nevents:\n"
            f"  - {{date: 2027-01-{day:02d}, state: KAZ, kind: statement}}\n")


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on a local socket (skipped where it is not installed)."""
    with throwaway_postgres() as url:
        if url is None:
            pytest.skip("PostgreSQL is not installed (CI installs it)")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    base: str = request.getfixturevalue("postgres")
    name = f"t{random.randrange(10**9)}"
    with engine(base).connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(
            text(f'CREATE DATABASE "{name}"'))
    return base.replace("/csto?", f"/{name}?")


def test_add_list_show_export_delete_and_versions(url: str) -> None:
    store = Store(url)
    first = store.add(parse_text(_scenario("alpha")))
    assert (first.name, first.version, first.versions) == ("alpha", 1, 1)
    assert store.add(parse_text(first.text)).version == 1, "the same content is no new version"
    second = store.add(parse_text(_scenario("alpha", 2)))
    assert (second.version, second.versions) == (2, 2)
    assert store.get("alpha", 1).text == first.text
    store.add(parse_text(_scenario("beta")))
    assert [s.name for s in store.list()] == ["alpha", "beta"]
    assert store.scenario("alpha").events[0].date.day == 2
    assert store.delete("alpha") == 2
    assert [s.name for s in store.list()] == ["beta"]
    with pytest.raises(InputError, match="no stored scenario 'alpha': stored: beta"):
        store.get("alpha")


def test_the_schema_is_made_by_migrations_and_a_newer_one_refused(url: str) -> None:
    Store(url)
    with engine(url).begin() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="schema version 9999, newer than this csto"):
        Store(url)


@pytest.mark.parametrize("bad, fragment", [
    ("mysql://x@localhost/y", "unsupported database"),
    ("not a url", "invalid database URL"),
    ("postgresql://nobody:secret@127.0.0.1:9/nothing", "cannot open the database"),
])
def test_bad_database_urls_are_one_line(bad: str, fragment: str) -> None:
    with pytest.raises(StorageError) as info:
        Store(bad)
    message = str(info.value)
    assert fragment in message and "\n" not in message and "secret" not in message


def test_the_cli_round_trip(csto: CsTo, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    database = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    path = tmp_path / "leaves.yaml"
    path.write_text("name: armenia-leaves\nevents:\n  - {date: 2026-12-01, state: ARM, kind: "
                    "withdrawal-notice}\n", encoding="utf-8")
    added = csto("scenario", "add", str(path), "--database", database)
    assert added.code == 0 and "version 1" in added.out
    exported = csto("scenario", "export", "armenia-leaves", "--database", database)
    again = tmp_path / "again.yaml"
    again.write_text(exported.out, encoding="utf-8")
    assert "version 1" in csto("scenario", "add", str(again), "--database", database).out
    assert "armenia-leaves" in csto("scenario", "list", "--database", database).out
    monkeypatch.setenv("CSTO_DATABASE_URL", database)
    members = csto("members", "--on", "2027-06-01", "--scenario", "armenia-leaves", "--json")
    assert members.code == 0 and '"ARM"' not in members.out.split('"standings"')[0]
    missing = csto("scenario", "show", "nothing", "--database", database)
    assert missing.code == 2 and "no stored scenario 'nothing'" in missing.err
    changed = csto("scenario", "diff", "armenia-leaves", "--on", "2027-06-01")
    assert changed.code == 0 and "former member" in changed.out


WRITER = """
import sys
from csto.scenario.files import parse_text
from csto.scenario.stored import Store
store = Store(sys.argv[1])
prefix = sys.argv[2]
for n in range(10_000):
    text = f"name: {prefix}-{n}\\nevents:\\n  - {{date: 2027-01-01, state: KAZ, kind: statement}}\\n"
    store.add(parse_text(text))
    print(f"{prefix}-{n}", flush=True)
"""


def _writer(url: str, prefix: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, url, prefix], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _started(process: subprocess.Popen[str]) -> str:
    """Wait for a writer's first confirmed commit (its start-up can take seconds)."""
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    assert first, process.stderr.read() if process.stderr else "writer died"
    return first


def _confirmed(process: subprocess.Popen[str], first: str) -> list[str]:
    out, _ = process.communicate(timeout=60)
    lines = out.split("\n")
    return [first, *(line for line in lines[:-1] if line)]  # the last may be cut by the kill


def test_killed_writers_lose_nothing_saved_before(url: str) -> None:
    Store(url)
    rng = random.Random(7)
    saved: list[str] = []
    for round_ in range(8):
        process = _writer(url, f"k{round_}")
        first = _started(process)
        time.sleep(rng.random() * 0.5)
        process.send_signal(signal.SIGKILL)
        saved += _confirmed(process, first)
    store = Store(url)
    stored = {s.name for s in store.list()}
    assert saved and set(saved) <= stored
    for name in rng.sample(saved, min(20, len(saved))):
        assert store.scenario(name).events[0].kind == "statement"
    if url.startswith("sqlite"):
        with engine(url).connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_two_writers_at_once(url: str) -> None:
    Store(url)
    writers = [_writer(url, "a"), _writer(url, "b")]
    firsts = [_started(process) for process in writers]
    time.sleep(1.0)
    for process in writers:
        process.send_signal(signal.SIGKILL)
    saved = [name for process, first in zip(writers, firsts, strict=True)
             for name in _confirmed(process, first)]
    assert {s.name for s in Store(url).list()} >= set(saved)
    assert any(n.startswith("a-") for n in saved) and any(n.startswith("b-") for n in saved)


def _first_writer(url: str, who: str, start: Any, failures: Any) -> None:
    start.wait()
    try:
        Store(url).add(parse_text(_scenario(f"writer-{who}")))
    except Exception as exc:
        failures.put(f"{who}: {exc}")


def test_two_first_writers_on_a_fresh_postgresql_database_both_succeed(postgres: str) -> None:
    """Two processes are the first writers of a new database and race to create its
    schema; the migration runs under an advisory lock, so neither is refused. Twenty
    fresh databases."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    failures: Any = fork.Queue()
    for attempt in range(20):
        name = f"fresh{attempt}_{random.randrange(10**9)}"
        with engine(postgres).connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f'CREATE DATABASE "{name}"'))
        url = postgres.replace("/csto?", f"/{name}?")
        start = fork.Barrier(2)
        writers = [fork.Process(target=_first_writer, args=(url, who, start, failures))
                   for who in "ab"]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(60)
            assert writer.exitcode == 0
        assert failures.empty(), failures.get()
        assert [s.name for s in Store(url).list()] == ["writer-a", "writer-b"]


def test_an_sqlite_uri_makes_no_folders(tmp_path: Path) -> None:
    url = f"sqlite:///file:{tmp_path}/a/b/store.sqlite?mode=ro&uri=true"
    with pytest.raises(StorageError, match="cannot open the database"):
        Store(url)
    assert list(tmp_path.iterdir()) == []
