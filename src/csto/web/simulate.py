"""The collective-assistance procedure simulated on the web: a page and its REST twin.

``GET /simulate?scenario=NAME`` plays the crisis of a stored scenario once (the event log,
with the article behind each step); with ``runs=N`` it draws N crises and shows the chances,
the distributions as pictures (matplotlib, as SVG), whose stance matters most and which
fitted parameter (Sobol indices); ``fixed=1`` keeps the fitted parameters at their
estimates. Without a scenario, or with ``calibration=1``, it shows how every parameter is
fitted and the backtest. ``GET /api/simulate`` returns what ``csto simulate NAME [--runs N]
[--seed S] [--fixed] --json`` (or ``csto simulate --calibration --json``) prints, and ``GET
/api/scenarios/NAME/runs`` the sweeps ``csto simulate`` stored. A request is bounded
(``MAX_WEB_RUNS``) and runs in a child process within ``worker``'s time and memory limits:
larger sweeps belong on the command line or on Dask. A page shows the
seed of its draws, and its permanent link holds it, so that the same link gives the same
crisis; ``/simulate.json`` is its JSON twin.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import orjson
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message, gettext_for
from ..simulate.answers import CalibrationAnswer
from . import worker
from .http import (
    JSON,
    allowed_values,
    csv_response,
    failed,
    reply_lang,
    switch,
    utc,
    wants_json,
)

if TYPE_CHECKING:
    from ..record.history import History
    from ..simulate.answers import CrisisAnswer, SweepAnswer
    from .site import Site

N_ = str
NAV = (("/simulate", N_("Simulate a crisis")),)
MAX_WEB_RUNS = 1_000_000
"""The largest sweep one request may ask for (about half a second here)."""
FIELDS = frozenset({"scenario", "runs", "seed", "fixed", "calibration", "lang"})
YES, NO = frozenset({"1", "true", "yes", "on"}), frozenset({"", "0", "false", "no", "off"})
PLOTS = {"days": N_("Days to the first troops"), "troops": N_("Troops"),
         "sensitivity": N_("Share of the outcome's variance")}
"""What each of a sweep's pictures shows, for its text alternative."""


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


def _flag(values: dict[str, str], name: str) -> bool:
    given = values.get(name, "").strip().lower()
    if given not in YES | NO:
        raise InputError("{name} must be 1 or 0, not '{value}'", field=name, name=name,
                         value=given[:20])
    return given in YES


Plan = tuple[int | None, int | None, bool] | None
"""A request's runs, seed and ``fixed``; ``None`` asks for the calibration."""


def _plan(site: Site, values: dict[str, str]) -> tuple[History, Plan]:
    """The history (a stored scenario's, or the record's for the calibration) and what a
    request asks of it."""
    name = values.get("scenario", "")
    fixed = _flag(values, "fixed")
    if _flag(values, "calibration") and not name:
        return site.history, None
    if not name:
        raise InputError("choose a stored scenario that holds a crisis (an aggression or a "
                         "request for assistance)", field="scenario")
    runs = _whole(values, "runs", 1, MAX_WEB_RUNS)
    seed = _whole(values, "seed", 0, 2**63 - 1)
    history, _tag = site.scenarios.history(name)
    return history, (runs, seed, fixed)


def _simulated(history: History, plan: Plan
               ) -> CrisisAnswer | SweepAnswer | CalibrationAnswer:
    """The crisis played once, or ``runs`` times; or the calibration."""
    from ..simulate.run import calibration, simulate

    if plan is None:
        return calibration(history)
    runs, seed, fixed = plan
    return simulate(history, runs, seed, fixed)


def _api_body(history: History, plan: Plan, lang: str) -> bytes:
    """What ``GET /api/simulate`` returns (computed in a ``worker`` child)."""
    from ..present.tojson import to_dict

    return orjson.dumps(to_dict(_simulated(history, plan), lang))


def _page_parts(history: History, plan: Plan, values: dict[str, str], lang: str
                ) -> tuple[str, list[tuple[str, str]], int | None]:
    """The page's log, its pictures and the seed the draws took (computed in a ``worker``
    child); each table of the log links to its CSV twin, under that seed."""
    from urllib.parse import urlencode

    from ..present.render import TABLE_LINK
    from ..simulate.render import render

    answer = _simulated(history, plan)
    if isinstance(answer, CalibrationAnswer):
        return render(answer, lang, html=True), [], None
    query = urlencode({**values, "seed": str(answer.seed), "lang": lang})
    token = TABLE_LINK.set(lambda n: f"/simulate.csv?{query}&table={n}")
    try:
        log = render(answer, lang, html=True)
    finally:
        TABLE_LINK.reset(token)
    return log, [(n, str(p)) for n, p in _pictures(answer, lang)], answer.seed


def _table(history: History, plan: Plan, lang: str, number: str
           ) -> tuple[list[str], list[list[str]]]:
    """The ``number``-th table of the page (computed in a ``worker`` child)."""
    from ..present.render import tables
    from ..simulate.render import render

    shown = tables(_simulated(history, plan), lang, render)
    index = int(number) - 1 if number.isdigit() else -1
    if not 0 <= index < len(shown):
        raise InputError("this page has no table '{value}': it shows {count}",
                         field="table", value=number[:10], count=str(len(shown)))
    return shown[index]


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
            history, plan = await run_in_threadpool(_plan, site, allowed_values(request, FIELDS))
            body = await worker.run(_api_body, history, plan, lang)
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
        from urllib.parse import urlencode

        if request.url.path.endswith(".json") or wants_json(request):
            return await api(request)
        if request.url.path.endswith(".csv"):
            return await table(request)
        lang = site.lang(request)
        values, log, pictures, error, link = {}, None, [], None, None
        try:
            values = allowed_values(request, FIELDS)
            asked = values if values.get("scenario") else {"calibration": "1"}
            history, plan = await run_in_threadpool(_plan, site, asked)
            html, drawn, seed = await worker.run(_page_parts, history, plan, values, lang)
            log = Markup(html)
            said = gettext_for(lang)
            pictures = [(said(PLOTS.get(name, name)), Markup(picture)) for name, picture in drawn]
            if seed is not None:
                values = {**values, "seed": str(seed)}  # the draws' seed, shown
                link = f"/simulate?{urlencode({**values, 'lang': lang})}"
        except CstoError as exc:
            error = error_message(exc, lang)
        languages = switch(request)
        if link is not None:  # another language shows the same draws
            languages = {code: f"/simulate?{urlencode({**values, 'lang': code})}"
                         for code in languages}
        html = site.render("simulate.html", lang, stored=site.scenarios.names(), values=values, log=log,
                           pictures=pictures, error=error, most=MAX_WEB_RUNS, link=link,
                           switch=languages)
        return HTMLResponse(html, 400 if error else 200)

    async def table(request: Request) -> Response:
        """A sweep's table (``?table=N``, the first by default) as CSV."""
        lang = site.lang(request)
        try:
            values = allowed_values(request, FIELDS | {"table"})
            number = values.pop("table", "1")
            history, plan = await run_in_threadpool(_plan, site, values)
            shown = await worker.run(_table, history, plan, lang, number)
        except CstoError as exc:
            return failed(exc, reply_lang(request), "scenario", store=True)
        return csv_response(*shown)

    return [Route("/simulate", page), Route("/simulate.json", page),
            Route("/simulate.csv", page), Route("/api/simulate", api),
            Route("/api/scenarios/{name}/runs", stored_runs)]


def openapi_paths(refs: dict[str, object]) -> dict[str, object]:
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    whole = {"type": "integer", "minimum": 1, "maximum": MAX_WEB_RUNS}
    return {
        "/api/simulate": {"get": {
            "operationId": "simulate",
            "summary": N_("Play the crisis of a stored scenario through the Treaty's procedure, "
                          "once or many times; without a scenario, or with calibration=1, how "
                          "every parameter is fitted and the backtest."),
            "parameters": [
                {"name": "scenario", "in": "query", "required": True,
                 "schema": {"type": "string"}},
                {"name": "runs", "in": "query", "required": False, "schema": whole},
                {"name": "seed", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 0}},
                {"name": "fixed", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["0", "1"]}},
                {"name": "calibration", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["0", "1"]}},
                {"name": "lang", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["id", "en", "ru"]}}],
            "responses": {"200": {"description": N_("The log of one crisis, the sweep, or the "
                                                    "calibration."),
                                  "content": {JSON: {"schema": {"oneOf": [
                                      refs["simulate_crisis"], refs["simulate_sweep"],
                                      refs["simulate_calibration"]]}}}},
                          "400": {"description": N_("A parameter it cannot take, or a scenario "
                                                    "with no crisis."), **error},
                          "404": {"description": N_("No stored scenario of that name."),
                                  **error},
                          "503": {"description": N_("The store cannot be read."), **error}}}},
        "/api/scenarios/{name}/runs": {"get": {
            "operationId": "scenario_runs",
            "summary": N_("The sweeps stored with a scenario."),
            "parameters": [{"name": "name", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": {"description": N_("The stored sweeps, oldest first."),
                                  "content": {JSON: {"schema": {
                                      "type": "object", "required": ["scenario", "runs"],
                                      "properties": {"scenario": {"type": "string"},
                                                     "runs": {"type": "array",
                                                              "items": {"type": "object"}}}}}}},
                          "404": {"description": N_("No stored scenario of that name."), **error},
                          "503": {"description": N_("The store cannot be read."), **error}}}},
    }


def openapi_answers() -> dict[str, type]:
    from ..simulate.answers import CalibrationAnswer, CrisisAnswer, SweepAnswer

    return {"simulate_crisis": CrisisAnswer, "simulate_sweep": SweepAnswer,
            "simulate_calibration": CalibrationAnswer}
