"""A throwaway PostgreSQL server for tests and benchmarks: initdb, start, and clean away."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """The URL of a fresh server on a local socket, run as an unprivileged user (None where
    PostgreSQL is not installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        yield None
        return
    binaries = Path(found[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="csto-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run([*run_as, str(binaries / "initdb"), "-D", str(data), "-U", "csto",
                    "--auth=trust"], check=True, capture_output=True)
    subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-w", "-l",
                    str(folder / "log"), "-o", f"-k {folder} -p {port} -c listen_addresses=''",
                    "start"], check=True, capture_output=True)
    try:
        subprocess.run([*run_as, str(binaries / "createdb"), "-h", str(folder), "-p", str(port),
                        "-U", "csto", "csto"], check=True, capture_output=True)
        yield f"postgresql://csto@/csto?host={folder}&port={port}"
    finally:
        subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)
