"""Web benchmarks: the server as ``make run`` starts it (``csto serve``), loaded by wrk (another
process, on loopback), against a route returning a constant on the same server in the same run.

Dates are drawn at random from 1992-01-01..2100-12-31 without replacement, and each
measurement starts a new server, so every request of a measured run asks a date that
server was never asked: its response cache never answers. The same load on dates asked
once before (the cache answering) is printed beside it.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from common import BIN, line, note

TARGETS = {"rps": 5000.0, "p99_ms": 10.0, "share": 0.50, "home_rps": 500.0, "home_p99_ms": 50.0}
SECONDS = 3
"""A run's length: short enough that the fastest route does not run out of the 39,812 days
of 1992-2100 (it would at 13,000 requests a second), long enough for a stable p99."""
LUA = """
local paths = {%s}
local counter = 0
local threads = 0
setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
request = function()
  local index = (offset + counter * %d) %% #paths + 1
  counter = counter + 1
  return wrk.format("GET", paths[index])
end
"""
THREADS = 2


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ensure_wrk() -> bool:
    """wrk from Debian, installed here if it is missing and this user may install it."""
    if shutil.which("wrk") is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("wrk") is not None


@contextlib.contextmanager
def _server() -> Iterator[str]:
    port = _port()
    server = subprocess.Popen([str(BIN / "csto"), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(8):  # each worker has loaded the record before the clock starts
            urllib.request.urlopen(base + "/api/health", timeout=5).read()
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wrk(base: str, paths: list[str] | None, url: str | None = None) -> dict[str, float]:
    command = ["wrk", f"-t{THREADS}", "-c32", f"-d{SECONDS}s", "--latency", url or base]
    script = None
    if paths is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(LUA % (",".join(f'"{p}"' for p in paths), THREADS))
            script = handle.name
        command[1:1] = ["-s", script]
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        if script:
            Path(script).unlink()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    assert p99 is not None, out
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert errors is None, out
    return {"rps": rps, "p99_ms": float(p99.group(1)) * scale, "requests": requests}


def _fresh_days(seed: int) -> list[str]:
    first, last = date(1992, 1, 1), date(2100, 12, 31)
    every = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    random.Random(seed).shuffle(every)
    return every


def bench(repeats: int = 3) -> dict[str, float]:
    found: dict[str, list[float]] = {}

    def keep(name: str, result: dict[str, float]) -> None:
        for key, value in result.items():
            found.setdefault(f"{name}_{key}", []).append(value)

    for repeat in range(repeats):
        days = _fresh_days(repeat)
        members = [f"/api/members?on={d}" for d in days]
        with _server() as base:
            result = _wrk(base, members)
            assert result["requests"] <= len(members), "every date was asked: shorten the run"
            keep("members", result)
            keep("constant", _wrk(base, None, base + "/api/health"))
            asked = members[:int(result["requests"])]
            keep("warm", _wrk(base, asked))
        homes = [f"/?on={d}&lang={('en', 'id', 'ru')[n % 3]}" for n, d in enumerate(days)]
        with _server() as base:
            result = _wrk(base, homes)
            assert result["requests"] <= len(homes), "dates ran out: shorten the run"
            keep("home", result)
    medians = {key: statistics.median(values) for key, values in found.items()}
    medians["share"] = medians["members_rps"] / medians["constant_rps"]
    return medians


def report() -> bool:
    if not _ensure_wrk():
        return line("web", "wrk is not installed (apt-get install wrk): not measured",
                    "measured", False)
    found = bench()
    note("web", f"wrk -t{THREADS} -c32 -d{SECONDS}s on loopback against csto serve (2 workers); "
         "a new server each run; every date asked once (never before) in that run")
    ok = line("web", f"GET /api/members?on=<new date> {found['members_rps']:,.0f} req/s",
              f">= {TARGETS['rps']:,.0f} req/s", found["members_rps"] >= TARGETS["rps"])
    ok &= line("web", f"GET /api/members?on=<new date> p99 {found['members_p99_ms']:.1f} ms",
               f"<= {TARGETS['p99_ms']:.0f} ms", found["members_p99_ms"] <= TARGETS["p99_ms"])
    ok &= line("web", f"GET /api/members?on=<new date> {found['share']:.0%} of GET /api/health "
               f"({found['constant_rps']:,.0f} req/s, a constant)", f">= {TARGETS['share']:.0%}",
               found["share"] >= TARGETS["share"])
    note("web", f"the same dates asked a second time (the response cache answers): "
         f"{found['warm_rps']:,.0f} req/s, p99 {found['warm_p99_ms']:.1f} ms")
    ok &= line("web", f"GET /?on=<new date>&lang=en|id|ru (home page) {found['home_rps']:,.0f} "
               f"req/s, p99 {found['home_p99_ms']:.1f} ms",
               f">= {TARGETS['home_rps']:,.0f} req/s, p99 <= {TARGETS['home_p99_ms']:.0f} ms",
               found["home_rps"] >= TARGETS["home_rps"]
               and found["home_p99_ms"] <= TARGETS["home_p99_ms"])
    return ok


if __name__ == "__main__":
    report()
