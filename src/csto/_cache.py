"""Keep the compiled data between runs, keyed by the data files' size and mtime.

Only ``os``, ``marshal`` and ``zlib`` are imported here: this runs on every command, and
``csto members --json`` must start about as fast as the interpreter itself.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import Any

FORMAT = 3
"""Version of the compiled structure; bump when it changes so stale caches are ignored."""

_HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGED_DATA = os.path.join(_HERE, "data")
_CODE_FILES = ("_compile.py", "_schema.py", "_yaml.py", "_cache.py")
_DATA_NAMES = (
    "cases.yaml", "countries.yaml", "documents.yaml", "events.yaml", "exercises.yaml",
    "forces.yaml", "groupings.yaml", "offices.yaml", "organization.yaml", "sources.yaml",
)


def cache_dir() -> str:
    """``$CSTO_CACHE_DIR``, else ``$XDG_CACHE_HOME/csto``, else ``~/.cache/csto``."""
    explicit = os.environ.get("CSTO_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "csto")


def fingerprint(data_dir: str) -> str:
    """Changes whenever a data file or the compiling code changes."""
    parts = [data_dir, str(FORMAT), sys.version, str(marshal.version)]
    for folder, names in ((data_dir, _DATA_NAMES), (_HERE, _CODE_FILES)):
        for name in names:
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                parts.append(f"{name}:missing")
                continue
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    blob = "|".join(parts).encode()
    return f"{zlib.crc32(blob):08x}{zlib.adler32(blob):08x}"


def _path(data_dir: str) -> str:
    return os.path.join(cache_dir(), f"history-{fingerprint(data_dir)}.marshal")


def read(data_dir: str) -> dict[str, Any] | None:
    """The cached compilation of ``data_dir``, or None when absent or stale."""
    try:
        with open(_path(data_dir), "rb") as handle:
            value = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(value, dict) and value.get("format") == FORMAT:
        return value
    return None


def write(data_dir: str, compiled: dict[str, Any]) -> None:
    """Store a compilation; a cache that cannot be written is not an error."""
    target = _path(data_dir)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(compiled))
        os.replace(temporary, target)
    except (OSError, ValueError):
        return


def load(data_dir: str | None = None, use_cache: bool = True) -> dict[str, Any]:
    """The compiled data of ``data_dir`` (default: ``$CSTO_DATA_DIR`` or the packaged data)."""
    folder = os.path.abspath(data_dir or os.environ.get("CSTO_DATA_DIR") or PACKAGED_DATA)
    if use_cache:
        cached = read(folder)
        if cached is not None:
            return cached
    from pathlib import Path

    from ._compile import compile_data

    compiled = compile_data(Path(folder))
    if use_cache:
        write(folder, compiled)
    return compiled
