"""Web benchmarks: the REST API under load from wrk (another process, on loopback), against a
route returning a constant in the same run and server; and the home page's server time.

The server is started as ``make run`` starts it (``csto serve``). Dates are drawn at random
from 1992 to 2026; the run is preceded by a pass that asks each date once, as a server in use
would have, and its figures are printed too.
"""

from __future__ import annotations

import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from starlette.types import Message

TARGETS = {"rps": 3000.0, "p99_ms": 20.0, "share": 0.60, "home_ms": 20.0}
BIN = Path(sys.executable).parent
LUA = """
local dates = {%s}
request = function()
  return wrk.format("GET", "/api/members?on=" .. dates[math.random(#dates)])
end
"""


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wrk(url: str, script: str | None, seconds: int = 10) -> dict[str, float]:
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    assert p99 is not None, out
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return {"rps": rps, "p99_ms": float(p99.group(1)) * scale}


def bench_api() -> dict[str, float]:
    if shutil.which("wrk") is None:
        return {}
    rng = random.Random(3)
    days = [(date(1992, 5, 15) + timedelta(days=rng.randrange(12_650))).isoformat()
            for _ in range(2000)]
    port = _port()
    server = subprocess.Popen([str(BIN / "csto"), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        start = time.perf_counter()
        for day in days:
            urllib.request.urlopen(f"{base}/api/members?on={day}").read()
        cold_ms = (time.perf_counter() - start) / len(days) * 1000
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            handle.write(LUA % ",".join(f'"{d}"' for d in days))
            script = handle.name
        members = [_wrk(base, script) for _ in range(3)]
        constant = [_wrk(base + "/api/health", None) for _ in range(3)]
    finally:
        server.terminate()
        server.wait(timeout=20)
    rps = statistics.median(m["rps"] for m in members)
    return {"rps": rps, "p99_ms": statistics.median(m["p99_ms"] for m in members),
            "constant_rps": statistics.median(c["rps"] for c in constant),
            "share": rps / statistics.median(c["rps"] for c in constant), "cold_ms": cold_ms}


def bench_home(repeats: int = 15) -> dict[str, float]:
    """Server time of the home page, uncached (a new day each time) and cached."""
    import asyncio

    from csto.web import create_app

    app = create_app()

    async def call(path: str, query: str) -> float:
        sent: list[Message] = []

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
                 "query_string": query.encode(), "headers": [], "scheme": "http",
                 "server": ("127.0.0.1", 80), "http_version": "1.1", "root_path": ""}
        start = time.perf_counter()
        await app(scope, receive, send)
        return time.perf_counter() - start

    cold, warm = [], []
    for n in range(repeats):
        query = f"on={(date(2000, 1, 1) + timedelta(days=97 * n)).isoformat()}&lang=id"
        cold.append(asyncio.run(call("/", query)))
        warm.append(asyncio.run(call("/", query)))
    return {"cold_ms": statistics.median(cold) * 1000, "warm_ms": statistics.median(warm) * 1000}


def report() -> bool:
    home = bench_home()
    print(f"web      home page server time: {home['cold_ms']:.1f} ms uncached, "
          f"{home['warm_ms']:.2f} ms cached (target < {TARGETS['home_ms']:.0f} ms)")
    api = bench_api()
    if not api:
        print("web      wrk not installed (apt-get install wrk): API load not measured")
        return home["cold_ms"] < TARGETS["home_ms"]
    print(f"web      GET /api/members?on=<random date> {api['rps']:,.0f} req/s, p99 "
          f"{api['p99_ms']:.1f} ms | constant route {api['constant_rps']:,.0f} req/s | "
          f"{api['share']:.0%} of it (targets >= {TARGETS['rps']:,.0f} req/s, p99 <= "
          f"{TARGETS['p99_ms']:.0f} ms, >= {TARGETS['share']:.0%}); first asking of each "
          f"date {api['cold_ms']:.2f} ms")
    return (home["cold_ms"] < TARGETS["home_ms"] and api["rps"] >= TARGETS["rps"]
            and api["p99_ms"] <= TARGETS["p99_ms"] and api["share"] >= TARGETS["share"])


if __name__ == "__main__":
    report()
