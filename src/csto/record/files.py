"""Files csto reads and writes: regular files only, read within a bound, replaced whole.

A FIFO, a device or a folder where a file is expected is refused in one line before
anything is opened that could block or never end; a read stops at a stated size; an
output goes to a new path or replaces a regular file (never one of csto's own inputs or
its store) by writing beside it and renaming, so a reader never sees half a file.
Only ``os`` and ``stat`` are imported here: the command line's start-up reads its cache
through this module.
"""

from __future__ import annotations

import os
import stat

from .._typing import TYPE_CHECKING
from ..errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import BinaryIO

N_ = str
KINDS = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "device"),
         (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket"))
NOT_READ = {
    "folder": N_("'{value}' is a folder, not a regular file: give the path of a file"),
    "FIFO": N_("'{value}' is a FIFO, not a regular file: give the path of a file"),
    "device": N_("'{value}' is a device, not a regular file: give the path of a file"),
    "socket": N_("'{value}' is a socket, not a regular file: give the path of a file"),
}
NOT_WRITTEN = {
    "folder": N_("'{value}' is a folder: csto writes only new files or regular ones"),
    "FIFO": N_("'{value}' is a FIFO: csto writes only new files or regular ones"),
    "device": N_("'{value}' is a device: csto writes only new files or regular ones"),
    "socket": N_("'{value}' is a socket: csto writes only new files or regular ones"),
}


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is: folder, FIFO, device or socket."""
    return next((name for test, name in KINDS if test(mode)), "device")


def read_bytes(path: str | os.PathLike[str], limit: int, field: str = "file") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; anything else
    (missing, a folder, a FIFO, a device, larger than ``limit``) is an ``InputError``."""
    name = os.fspath(path)
    try:
        before = os.stat(name)
        if not stat.S_ISREG(before.st_mode):
            raise InputError(NOT_READ[kind_of(before.st_mode)], field=field, value=name)
        handle = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except FileNotFoundError:
        raise InputError("no file '{value}': give the path of a file", field=field,
                         value=name) from None
    except OSError as exc:
        raise InputError("cannot read '{value}': {problem}", field=field, value=name,
                         problem=exc.strerror or str(exc)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_ino != before.st_ino:
            raise InputError("'{value}' changed while it was opened: try again", field=field,
                             value=name)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError("cannot read '{value}': {problem}", field=field, value=name,
                         problem=exc.strerror or str(exc)) from None
    finally:
        os.close(handle)
    if size > limit:
        raise InputError("'{value}' has more than {limit} bytes: split it", field=field,
                         value=name, limit=f"{limit:,}")
    return b"".join(chunks)


def same_file(path: str, others: Iterable[str]) -> str | None:
    """The first of ``others`` that is ``path`` (by resolved path, or by device and inode)."""
    real = os.path.realpath(path)
    try:
        info: os.stat_result | None = os.stat(path)
    except OSError:
        info = None
    for other in others:
        if os.path.realpath(other) == real:
            return other
        try:
            seen = os.stat(other)
        except OSError:
            continue
        if info is not None and (seen.st_dev, seen.st_ino) == (info.st_dev, info.st_ino):
            return other
    return None


def output_path(path: str, own: Iterable[str] = (), force: bool = False,
                confirm: Callable[[str], bool] | None = None, field: str = "output") -> str:
    """Where to write ``path``: a new file, or an existing regular file with ``force`` (or
    when ``confirm(path)`` agrees). Folders, FIFOs, devices and any of csto's ``own``
    files (its inputs, its store) are refused. A symbolic link is followed: the file it
    names is replaced, the link kept."""
    if not path:
        raise InputError("give a file name", field=field)
    real = os.path.realpath(path)
    clash = same_file(real, own)
    if clash is not None:
        raise InputError("'{value}' is one of csto's own files ({own}): write elsewhere",
                         field=field, value=path, own=clash)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        folder = os.path.dirname(real) or "."
        if not os.path.isdir(folder):
            raise InputError("no folder '{value}': create it first", field=field,
                             value=os.path.dirname(path) or ".") from None
        return real
    except OSError as exc:
        raise InputError("cannot write '{value}': {problem}", field=field, value=path,
                         problem=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(NOT_WRITTEN[kind_of(info.st_mode)], field=field, value=path)
    if not force and (confirm is None or not confirm(path)):
        raise InputError("'{value}' exists: give --force to replace it", field=field,
                         value=path)
    return real


def _umask() -> int:
    """The process's umask, read without changing it (other threads may be writing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


class replacing:  # noqa: N801 (used as a function: ``with replacing(path) as handle``)
    """Write a file beside ``path`` and rename it onto ``path`` when the block ends without
    an error; on an error the partial file is removed and ``path`` is as it was."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.temporary = ""

    def __enter__(self) -> BinaryIO:
        import tempfile

        folder, name = os.path.split(self.path)
        handle, self.temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part",
                                                  dir=folder or ".")
        os.fchmod(handle, 0o666 & ~_umask())
        self.file = os.fdopen(handle, "wb")
        return self.file

    def __exit__(self, kind: object, *_: object) -> None:
        self.file.close()
        if kind is None:
            try:
                info = os.stat(self.path)
            except FileNotFoundError:
                info = None
            if info is None or stat.S_ISREG(info.st_mode):
                os.replace(self.temporary, self.path)
                return
        os.unlink(self.temporary)
        if kind is None:
            raise InputError("'{value}' stopped being a regular file while it was written",
                             field="output", value=self.path)


def regular_files(folder: str) -> Iterator[str]:
    """The regular files directly in ``folder`` (none if it cannot be read)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False):
                yield entry.path
        except OSError:
            continue
