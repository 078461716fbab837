"""Research exports on the web: a page to choose a panel, and the files to download.

``GET /api/export/members`` and ``GET /api/export/dyads`` take the options of ``csto export``
(``yearly``, ``undirected``, ``from``, ``until``, ``format``, ``scenario``) and send the file
``csto export ... -o FILE`` writes, byte for byte. ``GET /api/cite`` gives ``csto cite``.
The file is written to a temporary folder in a child process (``worker``: time and memory
limits), then streamed and removed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError, NotFoundError
from . import worker
from .http import JSON, allowed_values, csv_response, failed, reply_lang, switch, wants_json

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..record.history import History
    from .site import Site

N_ = str
NAV = (("/exports", N_("Data for research")),)
PANELS = ("members", "dyads")
MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
         "jsonl": "application/x-ndjson", "dta": "application/x-stata-dta"}
OPTIONS = frozenset({"yearly", "undirected", "from", "until", "format", "scenario", "lang"})
TRUE, FALSE = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def _flag(values: dict[str, str], name: str) -> bool:
    value = values.get(name, "").lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise InputError("'{value}' is not a yes or no for {name}: use true or false", field=name,
                     value=value[:20], name=name)


def _write(history: History, panel_kind: str, values: dict[str, str],
           folder: Path) -> tuple[Path, str, int]:
    """Write the panel to a file in ``folder``: its path, format and rows (in a ``worker``
    child)."""
    from ..export import panel
    from ..export.write import choose_format, write

    yearly, undirected = _flag(values, "yearly"), _flag(values, "undirected")
    form = choose_format(values.get("format") or None, None)
    export = panel(panel_kind, history, yearly, False if undirected else None,
                   values.get("from") or None, values.get("until") or None)
    unit = "year" if yearly else "day"
    name = (f"csto-{panel_kind}-{unit}-{export.metadata['from']}-{export.metadata['until']}"
            f".{form}")
    rows = write(export.batches, export.schema, form, str(folder / name), export.metadata,
                 export.last_day)
    return folder / name, form, rows


def routes(site: Site) -> list[Route]:
    async def download(request: Request) -> Response:
        lang = reply_lang(request)
        try:
            if "panel" in request.path_params:
                kind, values = request.path_params["panel"], allowed_values(request, OPTIONS)
            else:  # the page's form names the panel in the query
                values = allowed_values(request, OPTIONS | {"panel"})
                kind = values.pop("panel", "")
            if kind not in PANELS:
                raise NotFoundError("unknown panel '{value}': use members or dyads", field="panel",
                               value=kind[:40])
            history, _tag = await run_in_threadpool(
                site.history_for, {"scenario": values.get("scenario", "")})
            folder = Path(tempfile.mkdtemp(prefix="csto-export-"))
            try:
                path, form, rows = await worker.run(_write, history, kind, values, folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        except CstoError as exc:
            return failed(exc, lang, "panel")
        return FileResponse(path, media_type=MEDIA[form], filename=path.name,
                            headers={"x-csto-rows": str(rows)},
                            background=BackgroundTask(shutil.rmtree, path.parent, True))

    async def citations(request: Request) -> Response:
        from ..export.cite import cite

        lang = reply_lang(request)
        try:
            values = allowed_values(request, frozenset({"panel", "format", "from", "until",
                                                  "scenario", "lang"}))
            kind = values.get("panel") or None
            if kind is not None and kind not in PANELS:
                raise NotFoundError("unknown panel '{value}': use members or dyads", field="panel",
                               value=kind[:40])
            history, _tag = site.history_for({"scenario": values.get("scenario", "")})
            form = values.get("format") or "bibtex"
            text = await run_in_threadpool(cite, history, kind, form, values.get("from") or None,
                                           values.get("until") or None)
        except CstoError as exc:
            return failed(exc, lang)
        media = "application/x-bibtex" if form == "bibtex" else JSON
        return Response(text, media_type=f"{media}; charset=utf-8")

    async def page(request: Request) -> Response:
        """The page, and its twins: the columns as JSON (with the panels and formats) or
        as CSV, each meaning in the reader's language."""
        from ..export import COLUMNS
        from ..present.i18n import gettext_for

        lang = site.lang(request)
        _ = gettext_for(lang)
        columns = [(name, _(meaning)) for name, meaning in COLUMNS.items()]
        path = request.url.path
        if path.endswith(".json") or wants_json(request):
            import orjson

            return Response(orjson.dumps({"panels": list(PANELS), "formats": sorted(MEDIA),
                                          "columns": dict(columns)}), media_type=JSON)
        if path.endswith(".csv"):
            return csv_response([_(N_("Column")), _(N_("Meaning"))], columns)
        return HTMLResponse(site.render("exports.html", lang, columns=columns,
                                        stored=site.scenarios.names(),
                                        switch=switch(request)))

    return [Route("/exports", page), Route("/exports.json", page), Route("/exports.csv", page),
            Route("/exports/download", download),
            Route("/api/export/{panel}", download), Route("/api/cite", citations)]


def openapi_paths(refs: dict[str, object]) -> dict[str, object]:
    """``GET /api/export/{panel}`` and ``GET /api/cite``, described."""
    def query(name: str, description: str, schema: Mapping[str, object]) -> dict[str, object]:
        return {"name": name, "in": "query", "required": False, "description": description,
                "schema": schema}

    day = {"type": "string", "format": "date"}
    period = [query("from", N_("First day (default: 15 May 1992)."), day),
              query("until", N_("Day after the last one (default: tomorrow)."), day),
              query("scenario", N_("A stored what-if scenario."), {"type": "string"})]
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    files = {form: {"schema": {"type": "string", "format": "binary"}}
             for form in sorted(set(MEDIA.values()))}
    return {
        "/api/export/{panel}": {"get": {
            "operationId": "export",
            "summary": N_("A member-day or dyad-day panel (or by year), as a file."),
            "parameters": [
                {"name": "panel", "in": "path", "required": True,
                 "schema": {"type": "string", "enum": list(PANELS)}},
                query("yearly", N_("One row per year (ATOP's any-day rule) instead of per day."),
                      {"type": "boolean", "default": False}),
                query("undirected", N_("Dyads: one row per pair instead of both orders."),
                      {"type": "boolean", "default": False}),
                query("format", N_("File format."), {"type": "string", "enum": sorted(MEDIA),
                                                 "default": "csv"}),
                *period],
            "responses": {"200": {"description": N_("The file."), "content": files},
                          "400": {"description": N_("An option the export cannot take."), **error},
                          "404": {"description": N_("No such panel."), **error}}}},
        "/api/cite": {"get": {
            "operationId": "cite",
            "summary": N_("The sources behind a panel's rows, as BibTeX or CSL-JSON."),
            "parameters": [
                query("panel", N_("The panel (default: every source of the record)."),
                      {"type": "string", "enum": list(PANELS)}),
                query("format", N_("Citation format."), {"type": "string",
                                                     "enum": ["bibtex", "csl-json"],
                                                     "default": "bibtex"}),
                *period],
            "responses": {"200": {"description": N_("The citations."), "content": {
                "application/x-bibtex": {"schema": {"type": "string"}},
                JSON: {"schema": {"type": "array", "items": {"type": "object"}}}}},
                          "400": {"description": N_("An option it cannot take."), **error}}}},
    }
