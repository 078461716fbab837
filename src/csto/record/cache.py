"""Keep the compiled data between runs, keyed by the data files' size and mtime.

Only ``os``, ``_pickle``, ``zlib`` and ``files`` are imported here: this runs on every
command, and ``csto members --json`` must start about as fast as the interpreter itself.
(``_pickle`` is the C module ``pickle`` wraps; ``pickle`` itself also imports ``re``.)

A cache file is ``MAGIC``, a header (format, payload length, CRC-32) and the pickled
payload. A file that is not a regular file (a FIFO is never opened), short, corrupted,
edited or of another shape (the caller's ``shaped`` says) is ignored and rebuilt; stale
files of the same data folder are removed when a new one is written, and any file of the
cache unused for ``MAX_AGE`` seconds (other data folders, other scenario files). The cache
lives in the user's own cache folder, like the package itself, and is trusted as much as
the package is.
"""

from __future__ import annotations

import _pickle
import os
import struct
import sys
import zlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

FORMAT = 5
PROTOCOL = 5
"""The pickle protocol (Python 3.8's highest)."""
"""Version of the compiled structure; bump when it changes so old caches are ignored."""

MAGIC = b"CSTO-HISTORY"
MAX_BYTES = 64 << 20
"""The largest cache file read (the record's is about 300 KB)."""
MAX_AGE = 30 * 86_400
"""Seconds after which a cache file nobody wrote again is removed."""
_HEADER = struct.Struct("<HQI")
_HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGED_DATA = os.path.join(os.path.dirname(_HERE), "data")
_CODE_FILES = ("cache.py", "schema.py", "yamlfile.py", "countries.py", "history.py", "load.py",
               "model.py", "validate.py", "checked.py", "bounded.py")


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


def load_blob(path: str) -> bytes | None:
    """The bytes of a cache file, or None if it is absent, not a regular file or too big."""
    from ..errors import CstoError
    from .files import read_bytes

    try:
        return read_bytes(path, MAX_BYTES)
    except CstoError:
        return None


def read(data_dir: str, expected: type[T], shaped: Callable[[T], bool]) -> T | None:
    """The cached compilation of ``data_dir``, or None when absent, stale, damaged or not
    of the ``expected`` type and shape."""
    blob = load_blob(path_for(data_dir))
    if blob is None:
        return None
    start = len(MAGIC) + _HEADER.size
    if len(blob) < start or not blob.startswith(MAGIC):
        return None
    version, length, checksum = _HEADER.unpack_from(blob, len(MAGIC))
    payload = memoryview(blob)[start:]
    if version != FORMAT or length != len(payload) or zlib.crc32(payload) != checksum:
        return None
    try:
        value = _pickle.loads(payload)
        return value if type(value) is expected and shaped(value) else None
    except Exception:  # a damaged pickle, or one of another shape, can raise almost anything
        return None


def write(data_dir: str, compiled: object) -> None:
    """Store a compilation and remove older ones of the same folder; never an error."""
    target = path_for(data_dir)
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, exist_ok=True)
        payload = _pickle.dumps(compiled, protocol=PROTOCOL)
        header = MAGIC + _HEADER.pack(FORMAT, len(payload), zlib.crc32(payload))
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(header + payload)
        os.replace(temporary, target)
    except (OSError, _pickle.PicklingError):
        return
    prune(folder, _prefix(data_dir), os.path.basename(target))


def prune(folder: str, prefix: str | None, current: str) -> None:
    """Remove the cache files of ``prefix`` other than ``current``, and any cache file or
    leftover temporary file not written for ``MAX_AGE`` seconds; never an error."""
    import time

    oldest = time.time() - MAX_AGE
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name == current or not name.endswith((".pickle", ".tmp")):
            continue
        try:
            if ((prefix and name.startswith(prefix) and name.endswith(".pickle"))
                    or entry.stat(follow_symlinks=False).st_mtime < oldest):
                os.remove(entry.path)
        except OSError:
            continue
