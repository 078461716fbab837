"""The bad-input corpus of the web application: every error is the error JSON with a 4xx,
bodies and headers are bounded as they are read, the write guard holds against other
sites and other names, and one heavy request never starves the others."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from csto.errors import InputError

LEAVES = (b"name: web-bad-leaves\nevents:\n  - {date: 2026-12-01, state: ARM, kind: "
          b"withdrawal-notice}\n")
YAML = {"content-type": "application/yaml"}
JSON_BODY = {"content-type": "application/json"}


def _client(listen: str | None = "127.0.0.1", host: str = "127.0.0.1") -> Any:
    from starlette.testclient import TestClient

    from csto.web import create_app

    return TestClient(create_app(listen=listen), base_url=f"http://{host}")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with _client() as test_client:
        yield test_client


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text[:200])
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert set(error) == {"code", "message", "field"} and error["message"]
    assert "Traceback" not in error["message"]
    return error


# -- every HTTP error is the error JSON ----------------------------------------------
@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/no/such/page", 404, "not-found"),
    ("GET", "/static/no-such.css", 404, "not-found"),
    ("DELETE", "/api/health", 405, "method-not-allowed"),
    ("PUT", "/api/scenarios", 405, "method-not-allowed"),
    ("POST", "/api/members", 405, "method-not-allowed"),
    ("GET", "/api/members?on=" + "9" * 5000, 414, "too-long"),
])
def test_errors_the_server_answers_itself_are_json(client: Any, method: str, path: str,
                                                   status: int, code: str) -> None:
    error = _error(client.request(method, path), status)
    assert error["code"] == code
    translated = _error(client.request(method, path + ("&" if "?" in path else "?")
                                       + "lang=ru"), status)
    assert translated["message"] != error["message"]


def test_a_405_names_every_method_and_options_lists_them(client: Any) -> None:
    refused = client.put("/api/scenarios")
    assert refused.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert "GET, HEAD, OPTIONS, POST" in refused.json()["error"]["message"]
    for path, methods in (("/api/scenarios", "GET, HEAD, OPTIONS, POST"),
                          ("/api/scenarios/x", "DELETE, GET, HEAD, OPTIONS"),
                          ("/api/check", "OPTIONS, POST"),
                          ("/check", "GET, HEAD, OPTIONS, POST")):
        options = client.options(path)
        assert options.status_code == 204 and options.headers["allow"] == methods, path


def test_a_body_is_bounded_as_it_is_read(client: Any) -> None:
    declared = client.post("/api/check", content=b"a" * 1_000_001)
    assert _error(declared, 413)["code"] == "too-large"

    def chunks() -> Iterator[bytes]:
        for _ in range(12):
            yield b"CSTO has six members. " * 4_000

    chunked = client.post("/api/check", content=chunks(), headers={"content-type": "text/plain"})
    assert _error(chunked, 413)["code"] == "too-large"
    scenario = client.post("/api/scenarios", content=chunks(), headers=YAML)
    _error(scenario, 413)


@pytest.mark.parametrize("headers, says", [
    ({f"x-h{i}": "1" for i in range(101)}, "more than 100 headers"),
    ({"x-big": "a" * 20_000}, "16,384 bytes"),
])
def test_header_count_and_size_are_limited(client: Any, headers: dict[str, str],
                                           says: str) -> None:
    error = _error(client.get("/api/health", headers=headers), 431)
    assert says in error["message"] and error["code"] == "headers-too-large"


# -- documents in bodies --------------------------------------------------------------
def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize("body, headers, says", [
    (b"name: d\nevents: []\nmodel: " + _nested(300), YAML, "nested more than 64 deep"),
    (b"name: d\nevents: []\nmodel: " + _nested(80_000), YAML, "nested more than 64 deep"),
    (b"name: d\nevents: []\nmodel: {n: " + b"1" * 5000 + b"}", YAML, "more than 100 digits"),
    (b'{"name": "d", "events": [], "model": ' + _nested(100_000) + b"}", JSON_BODY,
     "nested more than 64 deep"),
    (b'{"name": "d", "events": [], "model": {"n": ' + b"1" * 5000 + b"}}", JSON_BODY,
     "more than 100 digits"),
    (b'{"name": "dup", "name": "dup2", "events": []}', JSON_BODY, "'name' is given twice"),
    (b'{"name": "d", "events": [], "model": {"p": NaN}}', JSON_BODY, "not a JSON number"),
    (b"name: shadow\nsources: [{id: cst-pavlodar, title: evil}]\nevents: []\n", YAML,
     "has the id of a source of the record"),
    (b"name: js\nsources: [{id: mine, title: t, url: 'javascript:alert(1)'}]\nevents: []\n",
     YAML, "http:// or https://"),
    (b"\xff\xfe", YAML, "not UTF-8"),
])
def test_bad_scenario_bodies_are_400_and_store_nothing(client: Any, body: bytes,
                                                       headers: dict[str, str], says: str) -> None:
    before = client.get("/api/scenarios").json()
    error = _error(client.post("/api/scenarios", content=body, headers=headers), 400)
    assert says in error["message"]
    assert client.get("/api/scenarios").json() == before


def test_the_readme_model_is_stored_over_http(client: Any) -> None:
    body = (b"name: web-bad-model\nevents:\n  - {date: 2027-03-01, state: ARM, kind: "
            b"request-assistance}\nmodel:\n  request: {probability: 0.9, delay: {triangular: "
            b"[0, 0.5, 3]}}\n  stances: {default: {support: 0.75, stand-aside: 0.2, block: "
            b"0.05}, RUS: support}\n")
    stored = client.post("/api/scenarios", content=body, headers=YAML)
    assert stored.status_code == 201, stored.text
    as_json = client.post("/api/scenarios", json={
        "name": "web-bad-model", "events": [{"date": "2027-03-01", "state": "ARM",
                                             "kind": "request-assistance"}],
        "model": {"request": {"probability": 0.9, "delay": {"triangular": [0, 0.5, 3]}},
                  "stances": {"default": {"support": 0.75, "stand-aside": 0.2,
                                          "block": 0.05}, "RUS": "support"}}})
    assert as_json.status_code == 201 and as_json.json()["version"] == 1, "the same scenario"
    assert client.delete("/api/scenarios/web-bad-model").status_code == 200


@pytest.mark.parametrize("body, kind, says", [
    (b'{"text": "CSTO", "text": "x"}', "application/json", "'text' is given twice"),
    (b'{"text": ' + _nested(5000) + b"}", "application/json", "nested more than 64 deep"),
    (b"", "text/plain", "give the text to check"),
    (b'{"text": "  "}', "application/json", "give the text to check"),
])
def test_bad_check_bodies_are_400(client: Any, body: bytes, kind: str, says: str) -> None:
    error = _error(client.post("/api/check", content=body, headers={"content-type": kind}), 400)
    assert says in error["message"]


@pytest.mark.parametrize("query", ["runs=%D9%A1%D9%A0", "runs=1_000", "seed=%EF%BC%91",
                                   "runs=%2B5"])
def test_counts_over_http_are_ascii_digits(client: Any, query: str) -> None:
    assert client.post("/api/scenarios", content=LEAVES, headers=YAML).status_code == 201
    error = _error(client.get(f"/api/simulate?scenario=web-bad-leaves&{query}"), 400)
    assert error["field"] in ("runs", "seed")


# -- the write guard -----------------------------------------------------------------
@pytest.mark.parametrize("listen, host, headers, refusal", [
    ("127.0.0.1", "evil.example:8000", {}, "another name may not write"),
    ("127.0.0.1", "127.0.0.1", {"origin": "http://evil.example"}, "another site"),
    ("127.0.0.1", "127.0.0.1", {"origin": "null"}, "another site"),
    ("127.0.0.1", "127.0.0.1", {"sec-fetch-site": "cross-site"}, "another site"),
    (None, "127.0.0.1", {}, "writing is off"),
    ("0.0.0.0", "127.0.0.1", {}, "writing is off"),
    ("192.0.2.1", "localhost", {}, "another name may not write"),
])
def test_writes_from_other_sites_names_or_unknown_servers_are_refused(
        listen: str | None, host: str, headers: dict[str, str], refusal: str) -> None:
    with _client(listen, host) as client:
        error = _error(client.post("/api/scenarios", content=LEAVES,
                                   headers={**YAML, **headers}), 403)
        assert refusal in error["message"] and error["field"] == "authorization"
        _error(client.delete("/api/scenarios/web-bad-leaves", headers=headers), 403)


@pytest.mark.parametrize("host, headers", [
    ("127.0.0.1", {}), ("localhost", {"origin": "http://localhost"}),
    ("127.0.0.1", {"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}),
])
def test_the_same_site_on_this_computer_may_write(host: str, headers: dict[str, str]) -> None:
    with _client("127.0.0.1", host) as client:
        stored = client.post("/api/scenarios", content=LEAVES, headers={**YAML, **headers})
        assert stored.status_code == 201, stored.text


@pytest.mark.parametrize("token, given, status", [
    ("s3cret", "Bearer sécret".encode(), 403),
    ("s3cret", b"Bearer \xff\xfe", 403),
    ("sécret", "Bearer sécret".encode(), 201),
    ("sécret", b"Bearer s3cret", 403),
])
def test_tokens_are_compared_as_bytes(monkeypatch: pytest.MonkeyPatch, token: str,
                                      given: bytes, status: int) -> None:
    monkeypatch.setenv("CSTO_WRITE_TOKEN", token)
    with _client("0.0.0.0", "csto.example.org") as client:
        response = client.post("/api/scenarios", content=LEAVES,
                               headers={**YAML, "authorization": given})
        assert response.status_code == status, response.text
        if status == 403:
            assert "token" in _error(response, 403)["message"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_the_application_served_by_uvicorn_directly_is_read_only() -> None:
    import httpx

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("CSTO_LISTEN", "CSTO_WRITE_TOKEN")}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "csto.web:create_app", "--host",
         "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        refused = httpx.post(f"{url}/api/scenarios", content=LEAVES, headers=YAML)
        assert refused.status_code == 403 and "writing is off" in refused.json()["error"]["message"]
        assert httpx.get(f"{url}/nope/nope").json()["error"]["code"] == "not-found"
    finally:
        server.terminate()
        server.wait(10)


# -- one heavy request never starves the others ----------------------------------------
def test_health_and_members_answer_within_100_ms_while_a_maximal_check_runs() -> None:
    """The check of a 1 MB text full of claims (seconds of work) runs in a child process;
    the server's event loop goes on answering. Cancelling the request kills the child."""
    import httpx

    from csto.web import create_app
    from csto.web.app import MAX_BODY
    from csto.web.worker import children

    app = create_app(listen="127.0.0.1")
    sentence = b"Pada 2022 CSTO mengirim 2.500 tentara ke Kazakhstan. "
    hostile = (sentence * (MAX_BODY // len(sentence)))[:MAX_BODY]

    async def scenario() -> list[float]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1",
                                     timeout=120) as http:
            warm = await http.post("/api/check", content=b"CSTO has six members.")
            assert warm.status_code == 200
            assert (await http.get("/api/members")).status_code == 200
            check = asyncio.create_task(http.post("/api/check", content=hostile))
            await asyncio.sleep(0.5)
            assert not check.done(), "the maximal check is still running"
            took = []
            for path in ("/api/health", "/api/members", "/api/health", "/api/members"):
                start = time.perf_counter()
                answer = await http.get(path)
                took.append(time.perf_counter() - start)
                assert answer.status_code == 200
            assert not check.done()
            check.cancel()
            with pytest.raises(asyncio.CancelledError):
                await check
            return took

    took = asyncio.run(scenario())
    assert max(took) < 0.1, took
    assert not children, "the cancelled check's child was reaped"


def test_a_worker_kills_what_runs_too_long_or_grows_too_big() -> None:
    from csto.web import worker

    def grow() -> bytes:
        return b"x" * (512 << 20)

    def refuse() -> None:
        raise InputError("refused in the child", field="text")

    async def scenario() -> None:
        start = time.perf_counter()
        with pytest.raises(worker.TooHeavyError, match="longer than 0 s"):
            await worker.run(time.sleep, 30, seconds=0.3)
        assert time.perf_counter() - start < 5
        with pytest.raises(worker.TooHeavyError, match="more than 64 MB of memory"):
            await worker.run(grow, memory=64 << 20)
        with pytest.raises(InputError, match="refused in the child") as info:
            await worker.run(refuse)
        assert info.value.field == "text"
        assert await worker.run(sum, [1, 2, 3]) == 6
        busy = [asyncio.create_task(worker.run(time.sleep, 2)) for _ in range(worker.AT_ONCE)]
        await asyncio.sleep(0.1)
        with pytest.raises(worker.BusyError):
            await worker.run(sum, [1])
        for task in busy:
            task.cancel()
        await asyncio.gather(*busy, return_exceptions=True)

    asyncio.run(scenario())


def test_a_client_that_leaves_mid_body_ends_quietly() -> None:
    from csto.web import create_app

    app = create_app(listen="127.0.0.1")
    sent: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        message: dict[str, Any] = messages.pop(0) if messages else {"type": "http.disconnect"}
        return message

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    for path in ("/api/check", "/api/scenarios"):
        messages[:] = [{"type": "http.request", "body": b"CSTO has", "more_body": True},
                       {"type": "http.disconnect"}]
        scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(),
                 "query_string": b"", "headers": [(b"host", b"127.0.0.1"),
                                                  (b"content-type", b"text/plain")],
                 "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1),
                 "root_path": "", "http_version": "1.1", "app": app}
        asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    assert all(m.get("status", 400) < 500 for m in sent if m["type"] == "http.response.start")
