"""The collective-assistance procedure simulated on the web: a page and its REST twin.

``GET /simulate?scenario=NAME`` plays the crisis of a stored scenario once (the event log,
with the article behind each step); with ``runs=N`` it draws N crises and shows the chances,
the distributions as pictures (matplotlib, as SVG) and whose stance matters most.
``GET /api/simulate`` returns what ``csto simulate NAME [--runs N] [--seed S] --json``
prints, and ``GET /api/scenarios/NAME/runs`` the sweeps ``csto simulate`` stored. A request
is bounded (``MAX_WEB_RUNS``) and runs in a child process within ``worker``'s time and
memory limits: larger sweeps belong on the command line or on Dask.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import orjson
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message
from . import worker
from .http import JSON, allowed_values, failed, reply_lang, switch, utc

if TYPE_CHECKING:
    from ..record.history import History
    from ..simulate.answers import CrisisAnswer, SweepAnswer
    from .site import Site

N_ = str
NAV = (("/simulate", N_("Simulate a crisis")),)
MAX_WEB_RUNS = 1_000_000
"""The largest sweep one request may ask for (about half a second here)."""
FIELDS = frozenset({"scenario", "runs", "seed", "lang"})


def _whole(values: dict[str, str], name: str, low: int, high: int) -> int | None:
    given = values.get(name, "").strip()
    if not given:
        return None
    digits = given.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or not low <= int(given) <= high:
        raise InputError("{name} must be a whole number from {low} to {high}, not '{value}'",
                         field=name, name=name, low=f"{low:,}", high=f"{high:,}",
                         value=given[:20])
    return int(given)


def _plan(site: Site, values: dict[str, str]) -> tuple[History, int | None, int | None]:
    """The stored scenario's history, the runs and the seed a request asks for."""
    name = values.get("scenario", "")
    if not name:
        raise InputError("choose a stored scenario that holds a crisis (an aggression or a "
                         "request for assistance)", field="scenario")
    runs = _whole(values, "runs", 1, MAX_WEB_RUNS)
    seed = _whole(values, "seed", 0, 2**63 - 1)
    history, _tag = site.scenarios.history(name)
    return history, runs, seed


def _simulated(history: History, runs: int | None, seed: int | None) -> CrisisAnswer | SweepAnswer:
    """The crisis played once, or ``runs`` times."""
    from ..simulate.run import simulate

    return simulate(history, runs, seed)


def _api_body(history: History, runs: int | None, seed: int | None, lang: str) -> bytes:
    """What ``GET /api/simulate`` returns (computed in a ``worker`` child)."""
    from ..present.tojson import to_dict

    return orjson.dumps(to_dict(_simulated(history, runs, seed), lang))


def _page_parts(history: History, runs: int | None, seed: int | None,
                lang: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's log and pictures (computed in a ``worker`` child)."""
    from ..simulate.render import render

    answer = _simulated(history, runs, seed)
    return render(answer, lang, html=True), [(n, str(p)) for n, p in _pictures(answer, lang)]


def _pictures(answer: object, lang: str) -> list[tuple[str, Markup]]:
    """The sweep's figures as ``data:`` images (the page's policy allows no inline SVG
    scripts, and an image cannot run any)."""
    from ..simulate.answers import SweepAnswer
    from ..simulate.plots import svg

    if not isinstance(answer, SweepAnswer):
        return []
    return [(name, Markup("data:image/svg+xml;base64,")
             + base64.b64encode(text.encode()).decode()) for name, text in svg(answer, lang)]


def routes(site: Site) -> list[Route]:
    async def api(request: Request) -> Response:
        lang = reply_lang(request)
        try:
            plan = await run_in_threadpool(_plan, site, allowed_values(request, FIELDS))
            body = await worker.run(_api_body, *plan, lang)
        except CstoError as exc:
            return failed(exc, lang, "scenario", store=True)
        return Response(body, media_type=JSON)

    async def stored_runs(request: Request) -> Response:
        from ..store.runs import runs_of

        name = request.path_params["name"]
        try:
            site.scenarios.store().get(name)
            kept = runs_of(name)
        except CstoError as exc:
            return failed(exc, reply_lang(request), "scenario", store=True)
        body = [{"id": r.id, "runs": r.runs, "seed": r.seed, "digest": r.digest,
                 "model_version": r.model_version, "versions": r.versions,
                 "created": utc(r.created), "result": r.result}
                for r in kept]
        return Response(orjson.dumps({"scenario": name, "runs": body}), media_type=JSON)

    async def page(request: Request) -> Response:
        lang = site.lang(request)
        values, log, pictures, error = {}, None, [], None
        try:
            values = allowed_values(request, FIELDS)
            if values.get("scenario"):
                plan = await run_in_threadpool(_plan, site, values)
                html, drawn = await worker.run(_page_parts, *plan, lang)
                log = Markup(html)
                pictures = [(name, Markup(picture)) for name, picture in drawn]
        except CstoError as exc:
            error = error_message(exc, lang)
        html = site.render("simulate.html", lang, stored=site.scenarios.names(), values=values, log=log,
                           pictures=pictures, error=error, most=MAX_WEB_RUNS,
                           switch=switch(request))
        return HTMLResponse(html, 400 if error else 200)

    return [Route("/simulate", page), Route("/api/simulate", api),
            Route("/api/scenarios/{name}/runs", stored_runs)]


def openapi_paths(refs: dict[str, Any]) -> dict[str, Any]:
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    whole = {"type": "integer", "minimum": 1, "maximum": MAX_WEB_RUNS}
    return {
        "/api/simulate": {"get": {
            "operationId": "simulate",
            "summary": "Play the crisis of a stored scenario through the Treaty's procedure "
                       "(once, or runs times), as csto simulate --json.",
            "parameters": [
                {"name": "scenario", "in": "query", "required": True,
                 "schema": {"type": "string"}},
                {"name": "runs", "in": "query", "required": False, "schema": whole},
                {"name": "seed", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 0}},
                {"name": "lang", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["id", "en", "ru"]}}],
            "responses": {"200": {"description": "The log of one crisis, or the sweep.",
                                  "content": {JSON: {"schema": {"oneOf": [
                                      refs["simulate_crisis"], refs["simulate_sweep"]]}}}},
                          "400": {"description": "A parameter it cannot take, or a scenario "
                                                 "with no crisis.", **error},
                          "404": {"description": "No stored scenario of that name.",
                                  **error},
                          "503": {"description": "The store cannot be read.", **error}}}},
        "/api/scenarios/{name}/runs": {"get": {
            "operationId": "scenario_runs",
            "summary": "The sweeps csto simulate stored with a scenario.",
            "parameters": [{"name": "name", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The stored sweeps, oldest first.",
                                  "content": {JSON: {"schema": {
                                      "type": "object", "required": ["scenario", "runs"],
                                      "properties": {"scenario": {"type": "string"},
                                                     "runs": {"type": "array",
                                                              "items": {"type": "object"}}}}}}},
                          "404": {"description": "No stored scenario of that name.", **error},
                          "503": {"description": "The store cannot be read.", **error}}}},
    }


def openapi_answers() -> dict[str, type]:
    from ..simulate.answers import CrisisAnswer, SweepAnswer

    return {"simulate_crisis": CrisisAnswer, "simulate_sweep": SweepAnswer}
