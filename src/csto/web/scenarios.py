"""What-if scenarios on the web: ``scenario=NAME`` on every question, and the stored list.

A page or ``GET /api/QUESTION`` with ``scenario=NAME`` answers on the stored scenario of
that name (``csto scenario add FILE`` stores one), as ``--scenario NAME`` does on the command
line. The web takes stored names only, never file paths: the application reads the store
and never writes to it. ``/scenarios`` lists what is stored; ``/api/scenarios`` gives the
same as JSON. A scenario's history is built once per stored version and kept.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..history import History
from ..i18n import error_message, format_day
from .api import JSON, error_body
from .pages import switch

if TYPE_CHECKING:
    from ..store.scenarios import Stored
    from .app import Site

N_ = str
NAV = (("/scenarios", N_("What-if scenarios")),)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
KEPT = 16
"""Scenario histories kept in memory, least recently used dropped first."""
FRESH = 5.0
"""Seconds the list of stored scenarios is reused before the store is read again."""


class Scenarios:
    """The stored scenarios as histories, built once per (name, version)."""

    def __init__(self, base: History) -> None:
        self.base = base
        self.histories: OrderedDict[tuple[str, int], History] = OrderedDict()
        self._store: Any = None
        self._listed: tuple[float, list[Stored]] | None = None

    def store(self) -> Any:
        if self._store is None:
            from ..store.scenarios import Store

            self._store = Store()
        return self._store

    def stored(self) -> list[Stored]:
        """Every stored scenario, read again after ``FRESH`` seconds."""
        now = time.monotonic()
        if self._listed is None or now - self._listed[0] > FRESH:
            self._listed = (now, self.store().list())
        return self._listed[1]

    def history(self, name: str) -> tuple[History, tuple[str, int]]:
        """The history of the stored scenario ``name`` and its (name, version) tag."""
        if not NAME.fullmatch(name):
            raise InputError("'{value}' is not a scenario name: give the name of a stored "
                             "scenario (letters, digits, '-', '_' or '.')", field="scenario",
                             value=name[:40])
        stored = self.store().get(name)
        tag = (name, stored.version)
        found = self.histories.get(tag)
        if found is None:
            from ..scenario import load
            from ..scenario.files import parse_text

            found = load(parse_text(stored.text, name), self.base).history
            self.histories[tag] = found
            while len(self.histories) > KEPT:
                self.histories.popitem(last=False)
        self.histories.move_to_end(tag)
        return found, tag


def resolve(site: Site, values: dict[str, str]) -> tuple[History, tuple[str, int] | None]:
    """Take ``scenario`` out of a request's values: the history to answer on, and the tag
    that keeps cached answers of different scenarios (and versions) apart."""
    name = values.pop("scenario", "")
    if not name:
        return site.history, None
    scenarios: Scenarios = site.scenarios
    return scenarios.history(name)


def routes(site: Site) -> list[Route]:
    async def listing(request: Request) -> Response:
        lang = site.lang(request)
        try:
            stored = site.scenarios.stored()
        except CstoError as exc:
            message = error_message(exc, lang)
            return HTMLResponse(site.render("scenarios.html", lang, rows=[], error=message,
                                            switch=switch(request)), 503)
        rows = [{"name": s.name, "description": s.description or "", "events": s.events,
                 "version": s.version, "updated": format_day(s.updated.date(), lang)}
                for s in stored]
        return HTMLResponse(site.render("scenarios.html", lang, rows=rows, error=None,
                                        switch=switch(request)))

    async def api(request: Request) -> Response:
        lang = request.query_params.get("lang", "en")
        try:
            stored = site.scenarios.stored()
        except CstoError as exc:
            return Response(error_body(exc, lang if lang in ("id", "en", "ru") else "en"), 503,
                            media_type=JSON)
        body = [{"name": s.name, "version": s.version, "versions": s.versions,
                 "description": s.description, "events": s.events,
                 "updated": s.updated.isoformat(timespec="seconds")} for s in stored]
        return Response(orjson.dumps({"scenarios": body}), media_type=JSON)

    return [Route("/scenarios", listing), Route("/api/scenarios", api)]


def openapi_paths(refs: dict[str, Any]) -> dict[str, Any]:
    item = {"type": "object", "required": ["name", "version", "versions", "events", "updated"],
            "properties": {"name": {"type": "string"}, "version": {"type": "integer"},
                           "versions": {"type": "integer"},
                           "description": {"type": ["string", "null"]},
                           "events": {"type": "integer"},
                           "updated": {"type": "string", "format": "date-time"}}}
    return {"/api/scenarios": {"get": {
        "operationId": "scenarios",
        "summary": "The stored what-if scenarios; pass one as scenario=NAME to any question.",
        "responses": {"200": {"description": "Every stored scenario, latest version.",
                              "content": {JSON: {"schema": {
                                  "type": "object", "required": ["scenarios"],
                                  "properties": {"scenarios": {"type": "array",
                                                               "items": item}}}}}},
                      "503": {"description": "The scenario store cannot be read.",
                              "content": {JSON: {"schema": {
                                  "$ref": "#/components/schemas/Error"}}}}}}}}


SCENARIO_PARAMETER = {
    "name": "scenario", "in": "query", "required": False,
    "description": "Answer on a stored what-if scenario (csto scenario add FILE stores one).",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"}}
