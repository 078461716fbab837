"""Scenarios already read, kept between runs so ``--scenario FILE`` starts fast.

A scenario file is read and checked once (YAML and msgspec cost several times the CLI's
start-up); its value is kept beside the record's cache, keyed by the file's path, size and
modification time, and by the reading code. Only ``os``, ``pickle`` and ``zlib`` are
imported here. A damaged or stale entry is ignored and read again; entries not written
again for a month are removed (``record.cache.prune``).
"""

from __future__ import annotations

import os
import pickle
import zlib

from .._typing import TYPE_CHECKING
from ..record.cache import cache_dir, load_blob, prune

if TYPE_CHECKING:
    from ..record.hypothetical import Scenario

_CODE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files.py")


def _key(path: str) -> str | None:
    try:
        info, code = os.stat(path), os.stat(_CODE)
    except OSError:
        return None
    blob = f"{os.path.abspath(path)}|{info.st_size}|{info.st_mtime_ns}|{code.st_mtime_ns}"
    return f"scenario-{zlib.crc32(blob.encode()):08x}{zlib.adler32(blob.encode()):08x}.pickle"


def read(path: str) -> Scenario | None:
    key = _key(path)
    if key is None:
        return None
    blob = load_blob(os.path.join(cache_dir(), key))
    if blob is None:
        return None
    try:
        checksum, payload = int.from_bytes(blob[:4], "little"), blob[4:]
        if zlib.crc32(payload) != checksum:
            return None
        value = pickle.loads(payload)
    except Exception:  # absent, short or damaged: read the file again
        return None
    from ..record.hypothetical import EventSpec, Scenario, SourceSpec

    if (type(value) is not Scenario or type(value.events) is not tuple
            or not all(type(e) is EventSpec for e in value.events)
            or type(value.sources) is not tuple
            or not all(type(s) is SourceSpec for s in value.sources)
            or not (value.model is None or type(value.model) is dict)):
        return None
    return value


def write(path: str, scenario: Scenario) -> None:
    key = _key(path)
    if key is None:
        return
    try:
        folder = cache_dir()
        os.makedirs(folder, exist_ok=True)
        payload = pickle.dumps(scenario, protocol=pickle.HIGHEST_PROTOCOL)
        temporary = os.path.join(folder, f"{key}.{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            handle.write(zlib.crc32(payload).to_bytes(4, "little") + payload)
        os.replace(temporary, os.path.join(folder, key))
    except (OSError, pickle.PicklingError):
        return
    prune(folder, None, key)
