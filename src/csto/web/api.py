"""The REST API: ``GET /api/QUESTION?param=value``, built from the registry.

Parameters carry the CLI's option names; the answer is the JSON object ``csto QUESTION
--json`` prints (``?lang=`` as ``--lang``, English by default). Errors are
``{"error": {"code", "message", "field"}}`` with a 4xx status and the CLI's message. The
OpenAPI description (``/api/openapi.json``) takes each answer's schema from its type.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message
from ..questions.registry import QUESTIONS, Question, ask
from ..record.model import LANGS

if TYPE_CHECKING:
    from .app import Site

JSON = "application/json"
YEARS = "(199[2-9]|20[0-9]{2}|2100)"
"""The years csto answers for, as a pattern (1992 to 2100)."""


def error_body(exc: CstoError, lang: str) -> bytes:
    return orjson.dumps({"error": {"code": exc.code, "message": error_message(exc, lang),
                                   "field": exc.field}})


def values_of(request: Request) -> tuple[dict[str, str], str]:
    """A question's parameter values and the language, from the query string."""
    lang = request.query_params.get("lang", "en")
    if lang not in LANGS:
        raise InputError("unknown language '{value}': use one of {langs}", field="lang",
                         value=lang, langs=", ".join(LANGS))
    values: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in values:
            raise InputError("give '{value}' once", field=key, value=key)
        values[key] = value
    values.pop("lang", None)
    return values, lang


def reply_lang(request: Request) -> str:
    """The language a JSON reply's messages are in: ``?lang=`` if known, else English (an
    unknown one is reported in English, the error being about it)."""
    lang = request.query_params.get("lang", "en")
    return lang if lang in LANGS else "en"


def allowed_values(request: Request, allowed: frozenset[str]) -> dict[str, str]:
    """The query's values, each given once and each among ``allowed``."""
    values: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key not in allowed:
            raise InputError("unknown parameter '{value}': use {known}", field=key,
                             value=key[:40], known=", ".join(sorted(allowed)))
        if key in values:
            raise InputError("give '{value}' once", field=key, value=key)
        values[key] = value
    return values


def answer_bytes(site: Site, question: Question, values: dict[str, str], lang: str) -> bytes:
    """The JSON form of an answer, from the cache where it was asked before."""
    from ..present.tojson import to_dict

    values = dict(values)
    history, tag = site.history_for(values)
    key = ("json", question.name, tuple(sorted(values.items())), lang, tag)
    found = site.cache.get(key)
    if found is not None:
        return found
    answer = ask(question.name, values, history)
    return site.cache.put(key, orjson.dumps(to_dict(answer, lang)))


def routes(site: Site) -> list[Route]:
    async def question(request: Request) -> Response:
        name = request.path_params["name"]
        lang = reply_lang(request)
        try:
            chosen = QUESTIONS.get(name)
            if chosen is None:
                raise InputError("unknown question '{value}': use one of {known}",
                                 field="question", value=name, known=", ".join(QUESTIONS))
            values, lang = values_of(request)
            body = answer_bytes(site, chosen, values, lang)
        except CstoError as exc:
            status = 404 if exc.field == "question" else 400
            return Response(error_body(exc, lang), status, media_type=JSON)
        return Response(body, media_type=JSON)

    async def openapi(request: Request) -> Response:
        return Response(openapi_bytes(), media_type=JSON)

    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(site.render("apidocs.html", site.lang(request)))

    async def health(request: Request) -> Response:
        return Response(b'{"ok":true}', media_type=JSON)

    return [Route("/api/openapi.json", openapi), Route("/api/docs", docs),
            Route("/api/health", health), Route("/api/{name}", question)]


NAV = (("/api/docs", "REST API"),)


def _parameter(param: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if param.kind == "day":
        schema = {"type": "string", "format": "date", "pattern": f"^{YEARS}-[0-9]{{2}}-[0-9]{{2}}$"}
    elif param.kind == "year":
        schema = {"type": "string", "pattern": f"^{YEARS}$"}
    elif param.choices:
        schema = {"type": "string", "enum": list(param.choices)}
    if param.default is not None:
        schema["default"] = param.default
    return {"name": param.name, "in": "query", "required": param.required,
            "description": param.help, "schema": schema}


@cache
def openapi_bytes() -> bytes:
    """The OpenAPI 3.1 description of every route, the answers' schemas as components."""
    import msgspec

    from ..present.shapes import shape
    from .app import PROVIDERS
    from .scenarios import SCENARIO_PARAMETER

    providers = [import_module(dotted) for dotted in PROVIDERS]
    others: dict[str, Any] = {}
    for module in providers:
        others.update(getattr(module, "openapi_answers", dict)())
    shapes = [shape(q.answer_type) for q in QUESTIONS.values()]
    shapes += [shape(kind) for kind in others.values()]
    refs, components = msgspec.json.schema_components(
        shapes, ref_template="#/components/schemas/{name}")
    other_refs = dict(zip(others, refs[len(QUESTIONS):], strict=True))
    components["Error"] = {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message", "field"],
                                 "properties": {"code": {"type": "string"},
                                                "message": {"type": "string"},
                                                "field": {"type": ["string", "null"]}}}}}
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    paths = {}
    for (name, q), ref in zip(QUESTIONS.items(), refs[:len(QUESTIONS)], strict=True):
        parameters = [_parameter(p) for p in q.params]
        parameters.append(SCENARIO_PARAMETER)
        parameters.append({"name": "lang", "in": "query", "required": False,
                           "description": "Language of the texts: id, en or ru.",
                           "schema": {"type": "string", "enum": list(LANGS), "default": "en"}})
        paths[f"/api/{name}"] = {"get": {
            "operationId": name, "summary": q.summary, "parameters": parameters,
            "responses": {"200": {"description": "The answer, as `csto " + name + " --json`.",
                                  "content": {JSON: {"schema": ref}}},
                          "400": {"description": "A parameter the question cannot take.",
                                  **error},
                          "404": {"description": "No such question.", **error}}}}
    for module in providers:
        if hasattr(module, "openapi_paths"):
            paths.update(module.openapi_paths(other_refs))
    document = {"openapi": "3.1.0",
                "info": {"title": "csto", "version": "1",
                         "description": "The Collective Security Treaty Organization as "
                                        "sourced, time-aware rules: every question of the "
                                        "command line, with its answer's schema."},
                "paths": paths, "components": {"schemas": components}}
    return orjson.dumps(document)
