"""The REST API: ``GET /api/QUESTION?param=value``, built from the registry.

Parameters carry the CLI's option names; the answer is the JSON object ``csto QUESTION
--json`` prints (``?lang=`` as ``--lang``, English by default). Errors are
``{"error": {"code", "message", "field"}}`` with a 4xx status and the CLI's message. The
OpenAPI description (``/api/openapi.json``, built by ``openapi``) takes each answer's
schema from its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError
from ..questions.registry import find
from .http import JSON, failed, reply_lang, values_of

if TYPE_CHECKING:
    from .site import Site

NAV = (("/api/docs", "REST API"),)


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

    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(site.render("apidocs.html", site.lang(request)))

    async def health(request: Request) -> Response:
        return Response(b'{"ok":true}', media_type=JSON)

    return [Route("/api/openapi.json", openapi), Route("/api/docs", docs),
            Route("/api/health", health), Route("/api/{name}", question)]
