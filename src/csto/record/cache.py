"""Keep the compiled data between runs, keyed by the data files' size and mtime.

Only ``os``, ``pickle`` and ``zlib`` are imported here: this runs on every command, and
``csto members --json`` must start about as fast as the interpreter itself.

A cache file is ``MAGIC``, a header (format, payload length, CRC-32) and the pickled
payload. A file that is short, corrupted, edited or of another shape is ignored and
rebuilt; stale files of the same data folder are removed when a new one is written. The
cache lives in the user's own cache folder, like the package itself, and is trusted as
much as the package is.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import zlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

FORMAT = 5
"""Version of the compiled structure; bump when it changes so old caches are ignored."""

MAGIC = b"CSTO-HISTORY"
_HEADER = struct.Struct("<HQI")
_HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGED_DATA = os.path.join(os.path.dirname(_HERE), "data")
_CODE_FILES = ("cache.py", "schema.py", "yamlfile.py", "countries.py", "history.py", "load.py",
               "model.py", "validate.py")


def cache_dir() -> str:
    """``$CSTO_CACHE_DIR``, else ``$XDG_CACHE_HOME/csto``, else ``~/.cache/csto``."""
    explicit = os.environ.get("CSTO_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "csto")


def data_files(data_dir: str) -> list[str]:
    try:
        return sorted(name for name in os.listdir(data_dir) if name.endswith(".yaml"))
    except OSError:
        return []


def fingerprint(data_dir: str) -> str:
    """Changes whenever a data file or the compiling code changes."""
    parts = [data_dir, str(FORMAT), sys.version]
    for folder, names in ((data_dir, data_files(data_dir)), (_HERE, _CODE_FILES)):
        for name in names:
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                parts.append(f"{name}:missing")
                continue
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    blob = "|".join(parts).encode()
    return f"{zlib.crc32(blob):08x}{zlib.adler32(blob):08x}"


def _prefix(data_dir: str) -> str:
    return f"history-{zlib.crc32(data_dir.encode()):08x}-"


def path_for(data_dir: str) -> str:
    return os.path.join(cache_dir(), f"{_prefix(data_dir)}{fingerprint(data_dir)}.pickle")


def read(data_dir: str, expected: type[T]) -> T | None:
    """The cached compilation of ``data_dir``, or None when absent, stale or damaged."""
    try:
        with open(path_for(data_dir), "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    start = len(MAGIC) + _HEADER.size
    if len(blob) < start or not blob.startswith(MAGIC):
        return None
    version, length, checksum = _HEADER.unpack_from(blob, len(MAGIC))
    payload = memoryview(blob)[start:]
    if version != FORMAT or length != len(payload) or zlib.crc32(payload) != checksum:
        return None
    try:
        value = pickle.loads(payload)
    except Exception:  # a damaged pickle can raise almost anything
        return None
    return value if type(value) is expected else None


def write(data_dir: str, compiled: object) -> None:
    """Store a compilation and remove older ones of the same folder; never an error."""
    target = path_for(data_dir)
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, exist_ok=True)
        payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        header = MAGIC + _HEADER.pack(FORMAT, len(payload), zlib.crc32(payload))
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(header + payload)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError):
        return
    prefix, current = _prefix(data_dir), os.path.basename(target)
    try:
        for name in os.listdir(folder):
            if name.startswith(prefix) and name != current and name.endswith(".pickle"):
                os.remove(os.path.join(folder, name))
    except OSError:
        return
