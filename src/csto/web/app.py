"""The web application: pages for people and a REST API, built from the registry.

``create_app`` assembles the routes of every module in ``PROVIDERS``: each exposes
``routes(site) -> list`` and, optionally, ``NAV`` (links for the menu) and, for the
OpenAPI description, ``openapi_paths()`` and ``openapi_answers()``. Adding pages
(scenarios, simulations, the fact checker, exports) is adding a module to that list.
Only scenarios are ever written (``POST``/``DELETE /api/scenarios``); beyond localhost
that needs a token (``scenarios.write_refusal``), so the rest may be served to anyone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..record.history import History
from . import api, check, exports, pages, scenarios, simulate
from .http import JSON, HttpError, error_body, failed, query_lang, reply_lang
from .site import HERE, Site

PROVIDERS = (scenarios, simulate, exports, api, check, pages)
"""Modules that add routes. Fixed paths come before the patterns that would take them
(``/api/scenarios``, ``/api/cite`` before ``/api/{name}``); pages come last, since
``/{name}`` matches widely."""

MAX_QUERY = 2048
"""Longest query string accepted (414 beyond): every question fits in far less."""
MAX_BODY = 1_000_000
"""Largest request body accepted (413 beyond), counted as it is read, chunked or not: the
largest text the server checks, and a scenario of thousands of events."""
MAX_HEADERS = 100
MAX_HEADER_BYTES = 16_384
"""Most headers, and most bytes of them, a request may have (431 beyond)."""

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class Guard:
    """Limits on every request, and the security headers of every response (pure ASGI).

    Headers, the query and a declared body length are checked before the application
    sees the request; the body is counted as it is read, so a chunked body past
    ``MAX_BODY`` ends in a 413 too (raised to the application's error handler)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang = query_lang(scope.get("query_string", b""))
        headers = scope.get("headers", [])
        length = dict(headers).get(b"content-length")
        refusal = None
        if len(headers) > MAX_HEADERS or sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
            refusal = HttpError(431, count=str(MAX_HEADERS), limit=f"{MAX_HEADER_BYTES:,}")
        elif len(scope.get("query_string", b"")) > MAX_QUERY:
            refusal = HttpError(414, limit=f"{MAX_QUERY:,}")
        elif length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            refusal = HttpError(413, limit=f"{MAX_BODY:,}")
        if refusal is not None:
            await _answer(send, refusal, lang)
            return
        read = 0

        async def bounded() -> Message:
            nonlocal read
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > MAX_BODY:
                    raise HTTPException(413)
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY]}
            await send(message)

        await self.app(scope, bounded, secured)


async def _answer(send: Send, error: HttpError, lang: str) -> None:
    await send({"type": "http.response.start", "status": error.status,
                "headers": [(b"content-type", JSON.encode()), *SECURITY]})
    await send({"type": "http.response.body", "body": error_body(error, lang)})


def _allowed(request: Request) -> list[str]:
    """Every method the routes of this path take: those written for it alone where there
    are any (``/api/check`` is not a question of ``/api/{name}``)."""
    matching = [route for route in request.app.router.routes
                if route.matches(request.scope)[0] != Match.NONE]
    fixed = [route for route in matching if not getattr(route, "param_convertors", None)]
    methods = {"OPTIONS"}
    for route in fixed or matching:
        methods |= set(getattr(route, "methods", None) or ("GET", "HEAD"))
    return sorted(methods)


async def _http_error(request: Request, exc: Exception) -> Response:
    """404, 405 and 413 as the error JSON; OPTIONS answered with every method allowed."""
    assert isinstance(exc, HTTPException)
    lang, path = reply_lang(request), request.url.path[:80]
    if exc.status_code == 405:
        allowed = _allowed(request)
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"allow": ", ".join(allowed)})
        error = HttpError(405, method=request.method[:20], path=path, allowed=", ".join(allowed))
        return failed(error, lang, headers={"allow": ", ".join(allowed)})
    if exc.status_code == 413:
        return failed(HttpError(413, limit=f"{MAX_BODY:,}"), lang)
    if exc.status_code == 404:
        return failed(HttpError(404, path=path), lang)
    error = HttpError(404, path=path)
    error.status, error.code = exc.status_code, "http"
    return failed(error, lang)


def _warmed(site: Site) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """Before the first request: what every home page shares drawn once per language
    (``pages.warm``), then everything loaded set aside from the garbage collector's full
    passes (``gc.freeze``), which would otherwise walk the whole record and hold up
    requests for tens of milliseconds."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        import gc

        pages.warm(site)
        gc.collect()
        gc.freeze()
        yield

    return lifespan


async def _gone(request: Request, exc: Exception) -> Response:
    """A client that left mid-body: nobody reads the answer, and nothing is logged."""
    return Response(status_code=400)


def create_app(history: History | None = None, listen: str | None = None,
               warm: bool = False) -> Guard:
    """The whole application on ``history`` (default: the packaged record), served on the
    address ``listen`` (default: ``$CSTO_LISTEN``, which ``csto serve`` sets). Without a
    known loopback address, writing needs ``CSTO_WRITE_TOKEN`` (``scenarios.write_refusal``):
    served by anything else, the application is read-only."""
    import os

    from .scenarios import LISTEN_ENV

    site = Site(history)
    site.listen = listen or os.environ.get(LISTEN_ENV) or None
    site.providers = PROVIDERS
    routes: list[BaseRoute] = []
    for module in PROVIDERS:
        site.nav.extend(getattr(module, "NAV", ()))
        routes.extend(module.routes(site))
    routes.insert(0, Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error,
                                                      ClientDisconnect: _gone},
                    lifespan=_warmed(site) if warm else None)
    app.state.site = site
    return Guard(app)
