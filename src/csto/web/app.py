"""The web application: pages for people and a REST API, built from the registry.

``create_app`` assembles the routes of every module in ``PROVIDERS``: each exposes
``routes(site) -> list`` and, optionally, ``NAV`` (links for the menu) and, for the
OpenAPI description, ``openapi_paths()`` and ``openapi_answers()``. Adding pages
(scenarios, simulations, the fact checker, exports) is adding a module to that list.
Only scenarios are ever written (``POST``/``DELETE /api/scenarios``); beyond localhost
that needs a token (``scenarios.write_refusal``), so the rest may be served to anyone.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..record.history import History
from . import api, check, exports, pages, scenarios, simulate
from .site import HERE, Site

PROVIDERS = (scenarios, simulate, exports, api, check, pages)
"""Modules that add routes. Fixed paths come before the patterns that would take them
(``/api/scenarios``, ``/api/cite`` before ``/api/{name}``); pages come last, since
``/{name}`` matches widely."""

MAX_QUERY = 2048
"""Longest query string accepted (414 beyond): every question fits in far less."""
MAX_BODY = 1_000_000
"""Largest request body accepted (413 beyond)."""

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

class Guard:
    """Limits on every request, and the security headers of every response (pure ASGI)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            await _plain(send, 414, b"query too long")
            return
        length = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY:
            await _plain(send, 413, b"request body too large")
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, secured)


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})


def create_app(history: History | None = None) -> Guard:
    """The whole application on ``history`` (default: the packaged record)."""
    site = Site(history)
    site.providers = PROVIDERS
    routes: list[BaseRoute] = []
    for module in PROVIDERS:
        site.nav.extend(getattr(module, "NAV", ()))
        routes.extend(module.routes(site))
    routes.insert(0, Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(routes=routes)
    app.state.site = site
    return Guard(app)
