"""Heavy work of one request in a process of its own, with a time and a memory limit.

Checking a long or hostile text can take seconds and much memory; done on the event loop
it would hold every other request of the worker (``/api/health`` waited 19 s behind one).
``run(function, *args)`` forks the worker, whose record and tables are already loaded and
shared copy-on-write, runs ``function`` in the child and sends back what it returns; the
parent awaits the child's pipe without blocking the loop, and kills the child at the
deadline, when its resident memory grows ``MEMORY`` past the worker's, when the request is
cancelled, or when its answer grows past ``MAX_ANSWER``. (Memory is watched rather than
capped with ``RLIMIT_AS``: Arrow's and Polars' allocators reserve far more address space
than they use; the cap is kept, much higher, only against a runaway.) A ``CstoError``
raised in the child is raised in the parent. At most ``AT_ONCE`` children run per worker;
beyond that a request is told to come back.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
from typing import TYPE_CHECKING, TypeVar, TypeVarTuple, cast

from .. import errors
from ..errors import CstoError

if TYPE_CHECKING:
    from collections.abc import Callable
    from io import FileIO

T = TypeVar("T")
Ts = TypeVarTuple("Ts")

N_ = str
SECONDS = 30.0
"""The longest one request may work: news text is checked at about 150 KB a second."""
MEMORY = 1 << 30
"""Bytes of resident memory a child may add to what the worker had when it forked."""
WATCH = 0.02
"""Seconds between two looks at a child's memory."""
RUNAWAY = 16 << 30
"""Address space a child may add before the kernel refuses it more (a backstop)."""
PAGE = os.sysconf("SC_PAGE_SIZE")
MAX_ANSWER = 64 << 20
"""The largest answer a child may send back (a 1 MB text's claims are about 12 MB)."""
AT_ONCE = 2
"""Children working at once in one worker process (the machine's cores, as served)."""

children: set[int] = set()
"""The children working now (their process ids)."""


class TooHeavyError(CstoError):
    """A request the server will not finish: too slow, too big, or too many at once."""

    code = "too-heavy"
    status = 413


class BusyError(CstoError):
    code = "busy"
    status = 503


def _memory(pid: int | str = "self") -> tuple[int, int]:
    """The address space and the resident memory of a process, in bytes (0 if gone)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            size, resident = statm.read().split()[:2]
    except (OSError, ValueError):
        return 0, 0
    return int(size) * PAGE, int(resident) * PAGE


def _limit_memory() -> None:
    import resource

    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    wanted = _memory()[0] + RUNAWAY
    resource.setrlimit(resource.RLIMIT_AS, (wanted if hard < 0 else min(wanted, hard), hard))


def _child(write: int, function: Callable[[*Ts], object], args: tuple[*Ts]) -> None:
    """In the child: work, send ``(kind, value)`` pickled, and leave without cleanup."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _limit_memory()
        try:
            result: tuple[str, object] = ("ok", function(*args))
        except CstoError as exc:
            result = ("error", (type(exc).__name__, exc.template, exc.field, exc.params))
        except MemoryError:
            result = ("memory", None)
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # nothing may escape a forked child into the server's code
        code = 1
    finally:
        os._exit(code)


def _rebuilt(name: str, template: str, field: str | None, params: dict[str, object]) -> CstoError:
    """The child's error as the parent raises it: same class, message and field."""
    kind = getattr(errors, name, None)
    if not (isinstance(kind, type) and issubclass(kind, CstoError)):
        kind = errors.InputError
    error: CstoError = kind.__new__(kind)
    error.template, error.field, error.params = template, field, params
    Exception.__init__(error, error.render(lambda message: message))
    return error


async def _read(pipe: FileIO) -> bytes:
    """Everything the child writes, up to ``MAX_ANSWER``, without blocking the loop."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=1 << 20)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), pipe)
    chunks, size = [], 0
    try:
        while chunk := await reader.read(1 << 20):
            size += len(chunk)
            if size > MAX_ANSWER:
                raise TooHeavyError(N_("the answer is larger than {limit} MB: give a shorter "
                                       "text"), limit=MAX_ANSWER >> 20)
            chunks.append(chunk)
    finally:
        transport.close()
    return b"".join(chunks)


async def _reap(pid: int) -> int:
    """The child's exit status, waited for without blocking the loop."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        await asyncio.sleep(0.005)


async def _watch(pid: int, ceiling: int) -> None:
    """Return when the child's resident memory passes ``ceiling`` bytes."""
    while _memory(pid)[1] <= ceiling:
        await asyncio.sleep(WATCH)


async def _within(pid: int, pipe: FileIO, seconds: float, memory: int) -> bytes | None:
    """The child's answer, or None when it outgrew ``memory``; TimeoutError at the deadline."""
    reading = asyncio.ensure_future(_read(pipe))
    watching = asyncio.ensure_future(_watch(pid, _memory()[1] + memory))
    try:
        done, _ = await asyncio.wait({reading, watching}, timeout=seconds,
                                     return_when=asyncio.FIRST_COMPLETED)
        if reading in done:
            return reading.result()
        if watching in done:
            return None
        raise TimeoutError
    finally:
        for task in (reading, watching):
            task.cancel()
        await asyncio.gather(reading, watching, return_exceptions=True)


async def run(function: Callable[[*Ts], T], *args: *Ts, seconds: float = SECONDS,
              memory: int = MEMORY) -> T:
    """``function(*args)`` computed in a child process within the limits; its result must
    pickle."""
    if len(children) >= AT_ONCE:
        raise BusyError(N_("the server is busy with {count} other requests of this kind: try "
                           "again in a few seconds"), count=len(children))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(write, function, args)
    os.close(write)
    children.add(pid)
    pipe = os.fdopen(read, "rb", buffering=0)
    try:
        try:
            data = await _within(pid, pipe, seconds, memory)
            if data is None:
                os.kill(pid, signal.SIGKILL)
            status = await asyncio.wait_for(_reap(pid), 5)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            await asyncio.shield(_reap(pid))
            raise
    except TimeoutError:
        raise TooHeavyError(N_("the work took longer than {seconds} s: give a shorter text"),
                            seconds=int(seconds)) from None
    finally:
        children.discard(pid)
        pipe.close()
    result: tuple[str, object] = pickle.loads(data) if data and status == 0 else ("memory", None)
    kind, value = result
    if kind == "error":  # what ``_child`` sent: the error's class, template, field, params
        raise _rebuilt(*cast("tuple[str, str, str | None, dict[str, object]]", value))
    if kind == "memory":  # or killed: out of memory, by the watch or by the kernel
        raise TooHeavyError(N_("the work needed more than {limit} MB of memory: give a "
                               "shorter text"), limit=memory >> 20)
    return cast("T", value)  # what ``function`` returned, unpickled
