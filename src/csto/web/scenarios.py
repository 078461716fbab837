"""What-if scenarios on the web: ``scenario=NAME`` on every question, and the stored ones.

A page or ``GET /api/QUESTION`` with ``scenario=NAME`` answers on the stored scenario of
that name, as ``--scenario NAME`` does on the command line. The web takes stored names
only, never file paths. Pages: ``/scenarios`` (the list) and ``/scenarios/NAME`` (the
scenario and what it changes against the record). REST: ``GET /api/scenarios``,
``GET /api/scenarios/NAME``, ``GET /api/scenarios/NAME/diff``, and the two that write,
``POST /api/scenarios`` (a scenario file as the body) and ``DELETE /api/scenarios/NAME``.
Writing is open on a server that listens on this computer only; beyond it, it needs the
token set in ``CSTO_WRITE_TOKEN`` (``Authorization: Bearer TOKEN``), and with no token set
it is off. A scenario's history is built once per stored version and kept.
"""

from __future__ import annotations

import hmac
import os
import re
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message, format_day
from ..record.history import History
from .api import JSON, error_body, reply_lang
from .pages import switch

if TYPE_CHECKING:
    from ..scenario.stored import Stored
    from .app import Site

N_ = str
NAV = (("/scenarios", N_("What-if scenarios")),)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
KEPT = 16
"""Scenario histories kept in memory, least recently used dropped first."""
FRESH = 5.0
"""Seconds the list of stored scenarios is reused before the store is read again."""
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
LISTEN_ENV, TOKEN_ENV = "CSTO_LISTEN", "CSTO_WRITE_TOKEN"


class Scenarios:
    """The stored scenarios as histories, built once per (name, version)."""

    def __init__(self, base: History) -> None:
        self.base = base
        self.histories: OrderedDict[tuple[str, int], History] = OrderedDict()
        self._store: Any = None
        self._listed: tuple[float, list[Stored]] | None = None
        self._lock = threading.Lock()
        """Exports and simulations build histories in worker threads."""

    def store(self) -> Any:
        if self._store is None:
            from ..scenario.stored import Store

            self._store = Store()
        return self._store

    def changed(self) -> None:
        """Forget the cached list after a write."""
        self._listed = None

    def stored(self) -> list[Stored]:
        """Every stored scenario, read again after ``FRESH`` seconds."""
        now = time.monotonic()
        if self._listed is None or now - self._listed[0] > FRESH:
            self._listed = (now, self.store().list())
        return self._listed[1]

    def names(self) -> list[str]:
        """The stored scenarios' names, for a form (none where the store cannot be read)."""
        try:
            return [stored.name for stored in self.stored()]
        except CstoError:
            return []

    def history(self, name: str) -> tuple[History, tuple[str, int]]:
        """The history of the stored scenario ``name`` and its (name, version) tag."""
        _stored, history, tag = self.get(name)
        return history, tag

    def get(self, name: str) -> tuple[Stored, History, tuple[str, int]]:
        """The stored scenario ``name``, its history and its (name, version) tag."""
        if not NAME.fullmatch(name):
            raise InputError("'{value}' is not a scenario name: give the name of a stored "
                             "scenario (letters, digits, '-', '_' or '.')", field="scenario",
                             value=name[:40])
        stored = self.store().get(name)
        tag = (name, stored.version)
        with self._lock:
            found = self.histories.get(tag)
            if found is None:
                from ..scenario import load
                from ..scenario.files import parse_text

                found = load(parse_text(stored.text, name), self.base).history
                self.histories[tag] = found
                while len(self.histories) > KEPT:
                    self.histories.popitem(last=False)
            self.histories.move_to_end(tag)
        return stored, found, tag


def resolve(site: Site, values: dict[str, str]) -> tuple[History, tuple[str, int] | None]:
    """Take ``scenario`` out of a request's values: the history to answer on, and the tag
    that keeps cached answers of different scenarios (and versions) apart."""
    name = values.pop("scenario", "")
    if not name:
        return site.history, None
    scenarios: Scenarios = site.scenarios
    return scenarios.history(name)


def write_refusal(request: Request) -> str | None:
    """Why this request may not write (None: it may). A token, when set, is required; with
    none, writing is open only on a server that listens on this computer. A browser's
    cross-site request is refused either way."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return "cross-site"
    token = os.environ.get(TOKEN_ENV, "")
    if token:
        given = request.headers.get("authorization", "")
        return None if hmac.compare_digest(given, f"Bearer {token}") else "token"
    from . import loopback

    return None if loopback(os.environ.get(LISTEN_ENV, "127.0.0.1")) else "closed"


REFUSALS = {
    "cross-site": N_("a page of another site may not write here"),
    "token": N_("writing needs the token: send Authorization: Bearer TOKEN, the value of "
                "CSTO_WRITE_TOKEN on the server"),
    "closed": N_("writing is off on a server open to the network: set CSTO_WRITE_TOKEN on the "
                 "server and send it as Authorization: Bearer TOKEN"),
}


def _refused(request: Request, lang: str) -> Response | None:
    """A 403 saying why this request may not write, or None if it may."""
    refusal = write_refusal(request)
    if refusal is None:
        return None
    exc = InputError(REFUSALS[refusal], field="authorization")
    return Response(error_body(exc, lang), 403, media_type=JSON)


def status_of(exc: CstoError) -> int:
    """404 for a scenario not stored, 503 where the store cannot be read, else 400."""
    from ..errors import StorageError

    if isinstance(exc, StorageError):
        return 503
    return 404 if exc.template.startswith("no stored scenario") else 400


def failed(exc: CstoError, lang: str) -> Response:
    """The JSON error of a scenario route, with its status (``status_of``)."""
    return Response(error_body(exc, lang), status_of(exc), media_type=JSON)


async def _posted(request: Request) -> Any:
    """The scenario in a POST body: a scenario file (YAML) or the same as a JSON object."""
    from ..scenario.files import parse, parse_text

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the scenario is not UTF-8 text", field="body") from None
    if kind in YAML_TYPES:
        return parse_text(text, "body")
    if kind == "application/json":
        try:
            raw = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise InputError("the body is not valid JSON: send the scenario as a JSON object "
                             "or as YAML (application/yaml)", field="body") from None
        return parse(raw, "body")
    raise InputError("send the scenario as application/yaml (a scenario file) or "
                     "application/json, not '{value}'", field="content-type",
                     value=kind[:60] or "nothing")


def _stored_json(stored: Stored) -> dict[str, Any]:
    return {"name": stored.name, "version": stored.version, "versions": stored.versions,
            "description": stored.description, "events": stored.events,
            "created": utc(stored.created), "updated": utc(stored.updated), "text": stored.text}


def utc(moment: datetime) -> str:
    """A stored time (naive, in UTC) as RFC 3339, with its offset."""
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


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

    async def one(request: Request) -> Response:
        from ..present.diff import diff as render
        from ..scenario.diff import compare

        lang = site.lang(request)
        name = request.path_params["name"]
        query = request.query_params
        try:
            stored, history, _tag = site.scenarios.get(name)
            answer = compare(site.history, history, query.get("on") or None,
                             query.get("from") or None, query.get("until") or None)
            changes = Markup(render(answer, lang, html=True))
        except CstoError as exc:
            return HTMLResponse(site.render("error.html", lang, message=error_message(exc, lang),
                                            switch=switch(request)), status_of(exc))
        return HTMLResponse(site.render(
            "scenario.html", lang, stored=stored, changes=changes, switch=switch(request),
            on=query.get("on", ""), start=query.get("from", ""), until=query.get("until", ""),
            crisis=any(e.kind in ("aggression", "request-assistance")
                       for e in history.scenario.events)))

    async def api_list(request: Request) -> Response:
        try:
            stored = site.scenarios.stored()
        except CstoError as exc:
            return failed(exc, reply_lang(request))
        body = [{k: v for k, v in _stored_json(s).items() if k != "text"} for s in stored]
        return Response(orjson.dumps({"scenarios": body}), media_type=JSON)

    async def api_one(request: Request) -> Response:
        try:
            stored = site.scenarios.store().get(request.path_params["name"])
        except CstoError as exc:
            return failed(exc, reply_lang(request))
        return Response(orjson.dumps(_stored_json(stored)), media_type=JSON)

    async def api_diff(request: Request) -> Response:
        from ..present.tojson import to_dict
        from ..scenario.diff import compare

        lang = reply_lang(request)
        query = request.query_params
        try:
            unknown = sorted(set(query) - {"on", "from", "until", "lang"})
            if unknown:
                raise InputError("unknown parameter '{value}': use {known}", field=unknown[0],
                                 value=unknown[0][:40], known="on, from, until, lang")
            history, _tag = site.scenarios.history(request.path_params["name"])
            answer = compare(site.history, history, query.get("on") or None,
                             query.get("from") or None, query.get("until") or None)
        except CstoError as exc:
            return failed(exc, lang)
        return Response(orjson.dumps(to_dict(answer, lang)), media_type=JSON)

    async def api_add(request: Request) -> Response:
        from ..scenario import load

        lang = reply_lang(request)
        refused = _refused(request, lang)
        if refused is not None:
            return refused
        try:
            scenario = await _posted(request)
            built = load(scenario, site.history)
            stored = site.scenarios.store().add(built.history.scenario)
        except CstoError as exc:
            return failed(exc, lang)
        site.scenarios.changed()
        body = {k: v for k, v in _stored_json(stored).items() if k != "text"}
        body["warnings"] = list(built.warnings)
        return Response(orjson.dumps(body), 201, media_type=JSON,
                        headers={"location": f"/api/scenarios/{stored.name}"})

    async def api_delete(request: Request) -> Response:
        lang = reply_lang(request)
        refused = _refused(request, lang)
        if refused is not None:
            return refused
        name = request.path_params["name"]
        try:
            count = site.scenarios.store().delete(name)
        except CstoError as exc:
            return failed(exc, lang)
        site.scenarios.changed()
        return Response(orjson.dumps({"deleted": name, "versions": count}), media_type=JSON)

    return [Route("/scenarios", listing), Route("/scenarios/{name}", one),
            Route("/api/scenarios", api_list, methods=["GET"]),
            Route("/api/scenarios", api_add, methods=["POST"]),
            Route("/api/scenarios/{name}", api_one, methods=["GET"]),
            Route("/api/scenarios/{name}", api_delete, methods=["DELETE"]),
            Route("/api/scenarios/{name}/diff", api_diff)]


def openapi_paths(refs: dict[str, Any]) -> dict[str, Any]:
    """The scenario routes: list, read, diff, and the two that write."""
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    summary_item: dict[str, Any] = {
        "type": "object", "required": ["name", "version", "versions", "events", "updated"],
        "properties": {"name": {"type": "string"}, "version": {"type": "integer"},
                       "versions": {"type": "integer"},
                       "description": {"type": ["string", "null"]},
                       "events": {"type": "integer"},
                       "created": {"type": "string", "format": "date-time"},
                       "updated": {"type": "string", "format": "date-time"}}}
    full = {**summary_item, "properties": {**summary_item["properties"],
                                           "text": {"type": "string"}}}
    added = {**summary_item, "properties": {**summary_item["properties"],
                                            "warnings": {"type": "array",
                                                         "items": {"type": "string"}}}}
    name = {"name": "name", "in": "path", "required": True,
            "schema": {"type": "string", "pattern": NAME.pattern}}
    day = {"type": "string", "format": "date"}
    unavailable = {"description": "The scenario store cannot be read.", **error}
    missing = {"description": "No stored scenario of that name.", **error}
    refused = {"description": "Writing is not allowed for this request.", **error}
    body = {"required": True, "content": {
        "application/yaml": {"schema": {"type": "string"}},
        JSON: {"schema": {"type": "object", "required": ["name", "events"]}}}}
    return {
        "/api/scenarios": {
            "get": {"operationId": "scenarios",
                    "summary": "The stored what-if scenarios; pass one as scenario=NAME to any "
                               "question.",
                    "responses": {"200": {"description": "Every stored scenario.", "content": {
                        JSON: {"schema": {"type": "object", "required": ["scenarios"],
                                          "properties": {"scenarios": {
                                              "type": "array", "items": summary_item}}}}}},
                                  "503": unavailable}},
            "post": {"operationId": "add_scenario",
                     "summary": "Store a scenario (a new version if it changed), as "
                                "csto scenario add.",
                     "requestBody": body,
                     "responses": {"201": {"description": "Stored.",
                                           "content": {JSON: {"schema": added}}},
                                   "400": {"description": "A scenario that cannot be.", **error},
                                   "403": refused, "503": unavailable}}},
        "/api/scenarios/{name}": {
            "get": {"operationId": "scenario", "summary": "One stored scenario, as csto "
                    "scenario show --json.", "parameters": [name],
                    "responses": {"200": {"description": "The scenario and its file.",
                                          "content": {JSON: {"schema": full}}},
                                  "404": missing, "503": unavailable}},
            "delete": {"operationId": "delete_scenario",
                       "summary": "Delete a stored scenario and all its versions.",
                       "parameters": [name],
                       "responses": {"200": {"description": "Deleted.", "content": {JSON: {
                           "schema": {"type": "object", "required": ["deleted", "versions"],
                                      "properties": {"deleted": {"type": "string"},
                                                     "versions": {"type": "integer"}}}}}},
                                     "403": refused, "404": missing, "503": unavailable}}},
        "/api/scenarios/{name}/diff": {"get": {
            "operationId": "scenario_diff",
            "summary": "What the scenario changes against the record, as csto scenario diff.",
            "parameters": [name,
                           {"name": "on", "in": "query", "required": False, "schema": day},
                           {"name": "from", "in": "query", "required": False, "schema": day},
                           {"name": "until", "in": "query", "required": False, "schema": day},
                           {"name": "lang", "in": "query", "required": False,
                            "schema": {"type": "string", "enum": ["id", "en", "ru"]}}],
            "responses": {"200": {"description": "The changes.",
                                  "content": {JSON: {"schema": refs["scenario_diff"]}}},
                          "400": {"description": "A day it cannot take.", **error},
                          "404": missing, "503": unavailable}}},
    }


def openapi_answers() -> dict[str, Any]:
    from ..scenario.diff import DiffAnswer

    return {"scenario_diff": DiffAnswer}


SCENARIO_PARAMETER = {
    "name": "scenario", "in": "query", "required": False,
    "description": "Answer on a stored what-if scenario (csto scenario add FILE stores one).",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"}}
