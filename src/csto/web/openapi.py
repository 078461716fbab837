"""The OpenAPI 3.1 description of the REST API, built from the registry and the routes.

Each question's path, parameters and answer schema come from its declaration in the
registry; the other routes describe themselves (``openapi_paths``) and name their answer
types (``openapi_answers``). Schemas come from the answer types (``present.shapes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

import orjson

from ..questions.registry import QUESTIONS, Param
from ..record.vocab import LANGS
from .http import JSON

N_ = str
YEARS = "(199[2-9]|20[0-9]{2}|2100)"
"""The years csto answers for, as a pattern (1992 to 2100)."""

SCENARIO_PARAMETER = {
    "name": "scenario", "in": "query", "required": False,
    "description": N_("Answer on a stored what-if scenario."),
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"}}


def _parameter(param: Param) -> dict[str, object]:
    schema: dict[str, object] = {"type": "string"}
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


def document(providers: Sequence[ModuleType]) -> bytes:
    """The OpenAPI description of every route, the answers' schemas as components."""
    import msgspec

    from ..present.shapes import shape

    others: dict[str, type] = {}
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
                           "description": N_("Language of the texts: id, en or ru."),
                           "schema": {"type": "string", "enum": list(LANGS), "default": "en"}})
        paths[f"/api/{name}"] = {"get": {
            "operationId": name, "summary": q.summary, "parameters": parameters,
            "responses": {"200": {"description": "The answer, as `csto " + name + " --json`.",
                                  "content": {JSON: {"schema": ref}}},
                          "400": {"description": N_("A parameter the question cannot take."),
                                  **error},
                          "404": {"description": N_("No such question."), **error}}}}
    for module in providers:
        if hasattr(module, "openapi_paths"):
            paths.update(module.openapi_paths(other_refs))
    described = {"openapi": "3.1.0",
                 "info": {"title": "csto", "version": "1",
                          "description": "The Collective Security Treaty Organization as "
                                         "sourced, time-aware rules: every question of the "
                                         "command line, with its answer's schema."},
                 "paths": paths, "components": {"schemas": components}}
    return orjson.dumps(described)
