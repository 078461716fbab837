"""The web application: pages for people and a REST API, built from the registry.

``create_app`` assembles the routes of every module in ``PROVIDERS``: each exposes
``routes(site) -> list`` and, optionally, ``NAV`` (links for the menu) and, for the
OpenAPI description, ``openapi_paths()`` and ``openapi_answers()``. Adding pages
(scenarios, simulations, the fact checker, exports) is adding a module to that list.
Only scenarios are ever written (``POST``/``DELETE /api/scenarios``); beyond localhost
that needs a token (``scenarios.write_refusal``), so the rest may be served to anyone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import import_module
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..present.i18n import gettext_for
from ..record.history import History
from ..record.model import LANGS

HERE = Path(__file__).parent
PROVIDERS = ("csto.web.scenarios", "csto.web.simulate", "csto.web.exports", "csto.web.api",
             "csto.web.check", "csto.web.pages")
"""Modules that add routes. Fixed paths come before the patterns that would take them
(``/api/scenarios``, ``/api/cite`` before ``/api/{name}``); pages come last, since
``/{name}`` matches widely."""

MAX_QUERY = 2048
"""Longest query string accepted (414 beyond): every question fits in far less."""
MAX_BODY = 1_000_000
"""Largest request body accepted (413 beyond)."""

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class Cache:
    """Finished responses by request, least recently used dropped first, bounded in bytes."""

    def __init__(self, limit: int = 64 * 1024 * 1024) -> None:
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[Any, bytes] = OrderedDict()

    def get(self, key: Any) -> bytes | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: Any, value: bytes) -> bytes:
        if key not in self.items:
            self.items[key] = value
            self.size += len(value)
            while self.size > self.limit and self.items:
                _, dropped = self.items.popitem(last=False)
                self.size -= len(dropped)
        return value


class Site:
    """What every route needs: the history, the templates, the cache, the languages."""

    def __init__(self, history: History | None = None) -> None:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        from ..record.load import load_history

        self.history = history or load_history()
        self.cache = Cache()
        self.templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                                     autoescape=select_autoescape(["html"]),
                                     trim_blocks=True, lstrip_blocks=True)
        self.nav: list[tuple[str, str]] = []
        self._scenarios: Any = None

    @property
    def scenarios(self) -> Any:
        """The stored what-if scenarios (``scenarios.Scenarios``), opened on first use."""
        if self._scenarios is None:
            from .scenarios import Scenarios

            self._scenarios = Scenarios(self.history)
        return self._scenarios

    def history_for(self, values: dict[str, str]) -> tuple[History, Any]:
        """The history a request asks about (``scenario=NAME`` taken out of ``values``),
        and a tag that keeps cached answers of different scenarios apart."""
        from .scenarios import resolve

        return resolve(self, values)

    def lang(self, request: Request) -> str:
        """The reader's language: ``?lang=``, else the browser's, else English."""
        asked = request.query_params.get("lang")
        if asked in LANGS:
            return str(asked)
        from babel import negotiate_locale

        header = request.headers.get("accept-language", "")
        preferred = [part.split(";")[0].strip().replace("-", "_") for part in header.split(",")]
        chosen = negotiate_locale([p for p in preferred if p], list(LANGS), sep="_")
        return chosen or "en"

    def render(self, template: str, lang: str, **context: Any) -> str:
        gettext = gettext_for(lang)
        return self.templates.get_template(template).render(
            _=gettext, lang=lang, langs=LANGS, nav=self.nav, **context)


class Guard:
    """Limits on every request, and the security headers of every response (pure ASGI)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[Any], Awaitable[None]]) -> None:
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

        async def secured(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, secured)


async def _plain(send: Callable[[Any], Awaitable[None]], status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": body})


def create_app(history: History | None = None) -> Any:
    """The whole application on ``history`` (default: the packaged record)."""
    site = Site(history)
    routes: list[Any] = []
    for dotted in PROVIDERS:
        module = import_module(dotted)
        site.nav.extend(getattr(module, "NAV", ()))
        routes.extend(module.routes(site))
    routes.insert(0, Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(routes=routes)
    app.state.site = site
    return Guard(app)
