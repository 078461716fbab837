"""What-if scenarios on the web: ``scenario=NAME`` on every question, and the stored ones.

A page or ``GET /api/QUESTION`` with ``scenario=NAME`` answers on the stored scenario of
that name, as ``--scenario NAME`` does on the command line. The web takes stored names
only, never file paths. Pages: ``/scenarios`` (the list) and ``/scenarios/NAME`` (the
scenario and what it changes against the record). REST: ``GET /api/scenarios``,
``GET /api/scenarios/NAME``, ``GET /api/scenarios/NAME/diff``, and the two that write,
``POST /api/scenarios`` (a scenario file as the body) and ``DELETE /api/scenarios/NAME``.
Writing is open on a server known to listen on this computer only (``csto serve`` says so);
beyond it, or where the server does not know where it listens (uvicorn given the factory
directly), it needs the token set in ``CSTO_WRITE_TOKEN`` (``Authorization: Bearer
TOKEN``), and with no token set it is off. A scenario's history is built once per stored
version and kept (``csto.scenario.kept``).
A scenario's page compares, unless asked otherwise, the day before the first day it changes
anything with the day after the last. Both pages have JSON and CSV twins (``.json``, ``.csv``).
"""

from __future__ import annotations

import hmac
import os
from datetime import timedelta
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlencode

import orjson
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message, format_day
from ..scenario.kept import NAME
from .http import (
    JSON,
    csv_response,
    error_body,
    failed,
    loopback,
    reply_lang,
    status_of,
    switch,
    utc,
    wants_json,
)

if TYPE_CHECKING:
    from ..record.history import History
    from ..record.hypothetical import Scenario
    from ..scenario.stored import Stored
    from .site import Site

N_ = str
NAV = (("/scenarios", N_("What-if scenarios")),)
COLUMNS = (N_("Scenario"), N_("About"), N_("Events"), N_("Version"), N_("Updated"))
"""The columns of the list of stored scenarios."""
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
LISTEN_ENV, TOKEN_ENV = "CSTO_LISTEN", "CSTO_WRITE_TOKEN"


def _hostname(host: str) -> str:
    """The name or address in a ``Host`` value (``[::1]:8000`` gives ``::1``)."""
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def write_refusal(request: Request, listen: str | None) -> str | None:
    """Why this request may not write (None: it may), for a server listening on ``listen``
    (None: not known). A browser's cross-site request is refused (``Sec-Fetch-Site``, or an
    ``Origin`` other than the ``Host``); the ``Host`` must be the address listened on, so a
    page of another name resolving to it (DNS rebinding) cannot write. A token, when set,
    is required and compared as bytes; with none, writing is open only on a server known
    to listen on this computer."""
    headers = request.headers
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return "cross-site"
    host = headers.get("host", "")
    origin = headers.get("origin")
    if origin is not None and origin.partition("://")[2].lower() != host.lower():
        return "cross-site"
    name = _hostname(host).lower()
    wildcard = listen in (None, "0.0.0.0", "::", "")
    if not wildcard and name != (listen or "").lower() and not (
            loopback(listen or "") and loopback(name)):
        return "host"
    token = os.environ.get(TOKEN_ENV, "")
    if token:
        given = next((value for key, value in request.scope.get("headers", [])
                      if key == b"authorization"), b"")
        expected = b"Bearer " + token.encode("utf-8", "surrogateescape")
        return None if hmac.compare_digest(given, expected) else "token"
    return None if listen is not None and loopback(listen) else "closed"


REFUSALS = {
    "cross-site": N_("a page of another site may not write here"),
    "host": N_("writing needs the address the server listens on as the Host: a page of "
               "another name may not write here"),
    "token": N_("writing needs the token: send Authorization: Bearer TOKEN, the value of "
                "CSTO_WRITE_TOKEN on the server"),
    "closed": N_("writing is off on a server open to the network: set CSTO_WRITE_TOKEN on the "
                 "server and send it as Authorization: Bearer TOKEN"),
}


def _refused(request: Request, site: Site, lang: str) -> Response | None:
    """A 403 saying why this request may not write, or None if it may."""
    refusal = write_refusal(request, site.listen)
    if refusal is None:
        return None
    exc = InputError(REFUSALS[refusal], field="authorization")
    return Response(error_body(exc, lang), 403, media_type=JSON)


async def _posted(request: Request) -> Scenario:
    """The scenario in a POST body: a scenario file (YAML) or the same as a JSON object,
    each read within ``record.bounded``'s limits."""
    from ..record.bounded import LimitError, load_json
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
            raw = load_json(body, "body")
        except LimitError as exc:
            raise InputError("{problem}", field="body", problem=str(exc)) from None
        except ValueError:
            raise InputError("the body is not valid JSON: send the scenario as a JSON object "
                             "or as YAML (application/yaml)", field="body") from None
        return parse(raw, "body")
    raise InputError("send the scenario as application/yaml (a scenario file) or "
                     "application/json, not '{value}'", field="content-type",
                     value=kind[:60] or "nothing")


class Row(TypedDict):
    """A stored scenario as the list shows it."""

    name: str
    description: str
    events: int
    version: int
    updated: str


def _stored_json(stored: Stored) -> dict[str, object]:
    return {"name": stored.name, "version": stored.version, "versions": stored.versions,
            "description": stored.description, "events": stored.events,
            "created": utc(stored.created), "updated": utc(stored.updated), "text": stored.text}


def default_period(record: History, scenario: History) -> tuple[str, str]:
    """The day before the first day the scenario changes anything (or, changing nothing,
    its first event) and the day after the last: the period its page compares."""
    days = set(scenario.change_dates) - set(record.change_dates)
    events = scenario.scenario.events if scenario.scenario is not None else ()
    days |= {e.date for e in events} if not days else set()
    days |= {e.effective for e in events if e.effective is not None}
    if not days:
        return "", ""
    first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=2)
    return first.isoformat(), last.isoformat()


def _rows(site: Site, lang: str) -> list[Row]:
    return [{"name": s.name, "description": s.description or "", "events": s.events,
             "version": s.version, "updated": format_day(s.updated.date(), lang)}
            for s in site.scenarios.stored()]


def routes(site: Site) -> list[Route]:
    async def listing(request: Request) -> Response:
        from ..present.i18n import gettext_for

        lang = site.lang(request)
        path = request.url.path
        try:
            rows = _rows(site, lang)
        except CstoError as exc:
            if path.endswith((".json", ".csv")) or wants_json(request):
                return failed(exc, reply_lang(request), "scenario", store=True)
            message = error_message(exc, lang)
            return HTMLResponse(site.render("scenarios.html", lang, rows=[], error=message,
                                            switch=switch(request)), 503)
        if path.endswith(".json") or wants_json(request):
            return await api_list(request)
        if path.endswith(".csv"):
            _ = gettext_for(lang)
            return csv_response([_(h) for h in COLUMNS],
                        [[r["name"], r["description"], str(r["events"]), str(r["version"]),
                          r["updated"]] for r in rows])
        return HTMLResponse(site.render("scenarios.html", lang, rows=rows, error=None,
                                        switch=switch(request)))

    async def one(request: Request) -> Response:
        from ..present.diff import diff as render
        from ..present.render import TABLE_LINK, tables
        from ..scenario.diff import compare

        lang = site.lang(request)
        name = request.path_params["name"]
        twin = next((suffix for suffix in (".json", ".csv") if name.endswith(suffix)), "")
        name = name.removesuffix(twin)
        query = request.query_params
        try:
            stored, history, _tag = site.scenarios.get(name)
            start, until = query.get("from", ""), query.get("until", "")
            if not (query.get("on") or start or until):
                start, until = default_period(site.history, history)
            answer = compare(site.history, history, query.get("on") or None, start or None,
                             until or None)
            if twin == ".json" or (not twin and wants_json(request)):
                from ..present.tojson import to_dict

                return Response(orjson.dumps({"scenario": _stored_json(stored),
                                              "changes": to_dict(answer, lang)}),
                                media_type=JSON)
            asked = [(k, v) for k, v in (("on", query.get("on", "")), ("from", start),
                                        ("until", until), ("lang", lang)) if v]
            if twin == ".csv":
                shown = tables(answer, lang, render)
                return csv_response(*shown[0]) if shown else csv_response([], [])
            token = TABLE_LINK.set(lambda n: f"/scenarios/{name}.csv?{urlencode(asked)}")
            try:
                changes = Markup(render(answer, lang, html=True))
            finally:
                TABLE_LINK.reset(token)
        except CstoError as exc:
            if twin or wants_json(request):
                return failed(exc, reply_lang(request), "scenario", store=True)
            return HTMLResponse(site.render("error.html", lang, message=error_message(exc, lang),
                                            switch=switch(request)), status_of(exc, "scenario", store=True))
        return HTMLResponse(site.render(
            "scenario.html", lang, stored=stored, changes=changes, switch=switch(request),
            on=query.get("on", ""), start=start, until=until,
            twin=f"/scenarios/{name}.json?{urlencode(asked)}",
            crisis=history.scenario is not None and any(
                e.kind in ("aggression", "request-assistance") for e in history.scenario.events)))

    async def api_list(request: Request) -> Response:
        try:
            stored = site.scenarios.stored()
        except CstoError as exc:
            return failed(exc, reply_lang(request), "scenario", store=True)
        body = [{k: v for k, v in _stored_json(s).items() if k != "text"} for s in stored]
        return Response(orjson.dumps({"scenarios": body}), media_type=JSON)

    async def api_one(request: Request) -> Response:
        try:
            stored = site.scenarios.store().get(request.path_params["name"])
        except CstoError as exc:
            return failed(exc, reply_lang(request), "scenario", store=True)
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
            return failed(exc, lang, "scenario", store=True)
        return Response(orjson.dumps(to_dict(answer, lang)), media_type=JSON)

    async def api_add(request: Request) -> Response:
        from ..scenario import load

        lang = reply_lang(request)
        refused = _refused(request, site, lang)
        if refused is not None:
            return refused
        try:
            scenario = await _posted(request)
            built = load(scenario, site.history)
            stored = site.scenarios.store().add(built.scenario)
        except CstoError as exc:
            return failed(exc, lang, "scenario", store=True)
        site.scenarios.changed()
        body = {k: v for k, v in _stored_json(stored).items() if k != "text"}
        body["warnings"] = list(built.warnings)
        return Response(orjson.dumps(body), 201, media_type=JSON,
                        headers={"location": f"/api/scenarios/{stored.name}"})

    async def api_delete(request: Request) -> Response:
        lang = reply_lang(request)
        refused = _refused(request, site, lang)
        if refused is not None:
            return refused
        name = request.path_params["name"]
        try:
            count = site.scenarios.store().delete(name)
        except CstoError as exc:
            return failed(exc, lang, "scenario", store=True)
        site.scenarios.changed()
        return Response(orjson.dumps({"deleted": name, "versions": count}), media_type=JSON)

    return [Route("/scenarios", listing), Route("/scenarios.json", listing),
            Route("/scenarios.csv", listing), Route("/scenarios/{name}", one),
            Route("/api/scenarios", api_list, methods=["GET"]),
            Route("/api/scenarios", api_add, methods=["POST"]),
            Route("/api/scenarios/{name}", api_one, methods=["GET"]),
            Route("/api/scenarios/{name}", api_delete, methods=["DELETE"]),
            Route("/api/scenarios/{name}/diff", api_diff)]


def openapi_paths(refs: dict[str, object]) -> dict[str, object]:
    """The scenario routes: list, read, diff, and the two that write."""
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    properties: dict[str, object] = {
        "name": {"type": "string"}, "version": {"type": "integer"},
        "versions": {"type": "integer"}, "description": {"type": ["string", "null"]},
        "events": {"type": "integer"}, "created": {"type": "string", "format": "date-time"},
        "updated": {"type": "string", "format": "date-time"}}
    summary_item = {
        "type": "object", "required": ["name", "version", "versions", "events", "updated"],
        "properties": properties}
    full = {**summary_item, "properties": {**properties, "text": {"type": "string"}}}
    added = {**summary_item, "properties": {**properties,
                                            "warnings": {"type": "array",
                                                         "items": {"type": "string"}}}}
    name = {"name": "name", "in": "path", "required": True,
            "schema": {"type": "string", "pattern": NAME.pattern}}
    day = {"type": "string", "format": "date"}
    unavailable = {"description": N_("The scenario store cannot be read."), **error}
    missing = {"description": N_("No stored scenario of that name."), **error}
    refused = {"description": N_("Writing is not allowed for this request."), **error}
    body = {"required": True, "content": {
        "application/yaml": {"schema": {"type": "string"}},
        JSON: {"schema": {"type": "object", "required": ["name", "events"]}}}}
    return {
        "/api/scenarios": {
            "get": {"operationId": "scenarios",
                    "summary": N_("The stored what-if scenarios; every question takes one as its "
                               "scenario."),
                    "responses": {"200": {"description": N_("Every stored scenario."), "content": {
                        JSON: {"schema": {"type": "object", "required": ["scenarios"],
                                          "properties": {"scenarios": {
                                              "type": "array", "items": summary_item}}}}}},
                                  "503": unavailable}},
            "post": {"operationId": "add_scenario",
                     "summary": N_("Store a scenario (a new version if it changed)."),
                     "requestBody": body,
                     "responses": {"201": {"description": N_("Stored."),
                                           "content": {JSON: {"schema": added}}},
                                   "400": {"description": N_("A scenario that cannot be."), **error},
                                   "403": refused, "503": unavailable}}},
        "/api/scenarios/{name}": {
            "get": {"operationId": "scenario", "summary": N_("One stored scenario, with its file."),
                    "parameters": [name],
                    "responses": {"200": {"description": N_("The scenario and its file."),
                                          "content": {JSON: {"schema": full}}},
                                  "404": missing, "503": unavailable}},
            "delete": {"operationId": "delete_scenario",
                       "summary": N_("Delete a stored scenario and all its versions."),
                       "parameters": [name],
                       "responses": {"200": {"description": N_("Deleted."), "content": {JSON: {
                           "schema": {"type": "object", "required": ["deleted", "versions"],
                                      "properties": {"deleted": {"type": "string"},
                                                     "versions": {"type": "integer"}}}}}},
                                     "403": refused, "404": missing, "503": unavailable}}},
        "/api/scenarios/{name}/diff": {"get": {
            "operationId": "scenario_diff",
            "summary": N_("What the scenario changes against the record."),
            "parameters": [name,
                           {"name": "on", "in": "query", "required": False, "schema": day},
                           {"name": "from", "in": "query", "required": False, "schema": day},
                           {"name": "until", "in": "query", "required": False, "schema": day},
                           {"name": "lang", "in": "query", "required": False,
                            "schema": {"type": "string", "enum": ["id", "en", "ru"]}}],
            "responses": {"200": {"description": N_("The changes."),
                                  "content": {JSON: {"schema": refs["scenario_diff"]}}},
                          "400": {"description": N_("A day it cannot take."), **error},
                          "404": missing, "503": unavailable}}},
    }


def openapi_answers() -> dict[str, type]:
    from ..scenario.diff import DiffAnswer

    return {"scenario_diff": DiffAnswer}


