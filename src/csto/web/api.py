"""The REST API: ``GET /api/QUESTION?param=value``, built from the registry.

Parameters carry the CLI's option names; the answer is the JSON object ``csto QUESTION
--json`` prints (``?lang=`` as ``--lang``, English by default). Errors are
``{"error": {"code", "message", "field"}}`` with a 4xx status and the CLI's message. The
OpenAPI description (``/api/openapi.json``, built by ``openapi``) takes each answer's
schema from its type. ``/api/docs`` is that description as a page, in the reader's
language: each route, its parameters, and for each question a form that asks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError
from ..questions.registry import find
from .http import JSON, csv_response, failed, reply_lang, switch, values_of, wants_json

if TYPE_CHECKING:
    from .site import Site

N_ = str
NAV = (("/api/docs", N_("REST API")),)
STATUS = {"200": N_("the answer"), "201": N_("stored"),
          "400": N_("a parameter it cannot take"), "403": N_("writing is not allowed"),
          "404": N_("not found"), "413": N_("the body is too large"),
          "503": N_("the store cannot be read")}
"""What each status of a response means, in words for the page."""


class Parameter(TypedDict):
    name: str
    where: str
    required: bool
    about: str
    choices: list[str]
    type: str


class Operation(TypedDict):
    """A route as the page lists it."""

    method: str
    path: str
    title: str
    id: str
    parameters: list[Parameter]
    form: bool
    statuses: list[tuple[str, str]]
    body: bool


def operations(described: dict[str, Any], lang: str) -> list[Operation]:  # parsed OpenAPI JSON
    """The routes of an OpenAPI description as a page lists them, in the reader's language:
    each question's title in plain words, the others' summaries, each parameter's meaning and
    allowed values, the statuses it answers with, and whether a form can ask it (a GET with
    no part of its path to fill in)."""
    from ..present import labels
    from ..present.i18n import gettext_for

    _ = gettext_for(lang)
    found: list[Operation] = []
    for path, methods in described["paths"].items():
        for method, operation in methods.items():
            name = path.removeprefix("/api/")
            title = (_(labels.QUESTION[name][1]) if name in labels.QUESTION
                     else _(operation.get("summary", "")))
            parameters: list[Parameter] = []
            for param in operation.get("parameters", []):
                schema = param.get("schema", {})
                parameters.append({
                    "name": param["name"], "where": param["in"], "required": param["required"],
                    "about": _(param.get("description", "")) if param.get("description") else "",
                    "choices": [str(c) for c in schema.get("enum", [])],
                    "type": "date" if schema.get("format") == "date" else "text"})
            found.append({
                "method": method.upper(), "path": path, "title": title,
                "id": f"{method}-{name.replace('/', '-').replace('{', '').replace('}', '')}",
                "parameters": parameters, "form": method == "get" and "{" not in path,
                "statuses": [(code, _(STATUS.get(code, ""))) for code in operation["responses"]],
                "body": "requestBody" in operation})
    return found


def routes(site: Site) -> list[Route]:
    described: list[bytes] = []

    async def question(request: Request) -> Response:
        lang = reply_lang(request)
        try:
            chosen = find(request.path_params["name"])
            values, lang = values_of(request)
            body = site.answer_bytes(chosen, values, lang)
        except CstoError as exc:
            return failed(exc, lang, subject="question")
        return Response(body, media_type=JSON)

    async def openapi(request: Request) -> Response:
        if not described:
            from .openapi import document

            described.append(document(site.providers))
        return Response(described[0], media_type=JSON)

    async def docs(request: Request) -> Response:
        import orjson

        from .openapi import document

        if not described:
            described.append(document(site.providers))
        if request.url.path.endswith(".json") or wants_json(request):
            return Response(described[0], media_type=JSON)
        lang = site.lang(request)
        if request.url.path.endswith(".csv"):  # every route's parameters, in one table
            from ..present.i18n import gettext_for

            _ = gettext_for(lang)
            rows = [[p["name"], _("yes") if p["required"] else _("no"), p["about"],
                     ", ".join(p["choices"]), f"{op['method']} {op['path']}"]
                    for op in operations(orjson.loads(described[0]), lang)
                    for p in op["parameters"]]
            return csv_response([_(N_("Parameter")), _(N_("Required")), _(N_("Meaning")),
                                 _(N_("Values")), _(N_("Route"))], rows)
        return HTMLResponse(site.render("apidocs.html", lang, switch=switch(request),
                                        operations=operations(orjson.loads(described[0]), lang)))

    async def health(request: Request) -> Response:
        return Response(b'{"ok":true}', media_type=JSON)

    return [Route("/api/openapi.json", openapi), Route("/api/docs", docs),
            Route("/api/docs.json", docs), Route("/api/docs.csv", docs),
            Route("/api/health", health), Route("/api/{name}", question)]
