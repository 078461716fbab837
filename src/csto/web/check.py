"""The fact checker on the web: a page to paste or upload a text, and ``POST /api/check``.

``POST /api/check`` takes the text as the request body (``text/plain``), or as JSON
``{"text": ..., "as_of": ...}``; ``?as_of=`` and ``?lang=`` work with either. It returns
exactly what ``csto check --json`` prints. The page posts a form to ``/check`` and shows
the report the terminal shows, with each claim's words marked in its sentence.

A text is at most ``app.MAX_BODY`` (1 MB) and is checked in a process of its own
(``worker``): at most 30 s and 1 GB, while the server goes on answering everyone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message
from . import worker
from .http import JSON, failed, reply_lang, switch

if TYPE_CHECKING:
    from ..factcheck.answer import CheckAnswer
    from .site import Site

N_ = str
NAV = (("/check", N_("Check a text")),)
FIELDS = frozenset({"text", "as_of"})


def _checked(site: Site, text: str | bytes, as_of: str | None) -> CheckAnswer:
    from ..factcheck.check import check

    return check(text, as_of=as_of or None, history=site.history)


def _api_answer(site: Site, text: str | bytes, as_of: str | None, lang: str) -> bytes:
    """What ``POST /api/check`` returns (computed in a ``worker`` child)."""
    from ..present.tojson import to_dict

    return orjson.dumps(to_dict(_checked(site, text, as_of), lang))


def _page_answer(site: Site, raw: str | bytes, as_of: str, lang: str) -> tuple[str, str]:
    """The page's report and the text shown back in the form (in a ``worker`` child)."""
    from ..factcheck.render import check as render

    return render(_checked(site, raw, as_of), lang, html=True), answer_text(raw)


_warm: list[bool] = []


async def _in_worker(site: Site, function: Any, *args: Any) -> Any:
    """``function`` run by ``worker.run`` once the checker's tables are loaded here, so
    that every child shares them instead of loading its own."""
    from starlette.concurrency import run_in_threadpool

    from ..questions.texts import require_text

    require_text(args[0])
    if not _warm:
        await run_in_threadpool(_checked, site, "CSTO", None)
        _warm.append(True)
    return await worker.run(function, site, *args)


async def _api_input(request: Request) -> tuple[str | bytes, str | None]:
    """The text and the day from the body (plain text or a JSON object) and the query."""
    from ..record.bounded import LimitError, load_json

    body = await request.body()
    as_of = request.query_params.get("as_of")
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if kind != "application/json":
        return body, as_of
    try:
        data = load_json(body, "body")
    except LimitError as exc:
        raise InputError("{problem}", field="body", problem=str(exc)) from None
    except ValueError:
        raise InputError("the body is not valid JSON: send an object with a 'text' field, or "
                         "plain text", field="body") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("the JSON body needs a 'text' field holding the text as a string",
                         field="text")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise InputError("unknown field '{value}': use text and as_of", field=unknown[0],
                         value=unknown[0])
    given = data.get("as_of", as_of)
    if given is not None and not isinstance(given, str):
        raise InputError("'as_of' must be a date written YYYY-MM-DD", field="as_of")
    return data["text"], given


def routes(site: Site) -> list[Route]:
    async def api(request: Request) -> Response:
        lang = request.query_params.get("lang", "en")
        try:
            if lang not in ("id", "en", "ru"):
                raise InputError("unknown language '{value}': use one of {langs}", field="lang",
                                 value=lang, langs="id, en, ru")
            text, as_of = await _api_input(request)
            body = await _in_worker(site, _api_answer, text, as_of, lang)
        except CstoError as exc:
            return failed(exc, reply_lang(request))
        return Response(body, media_type=JSON)

    async def page(request: Request) -> Response:
        lang = site.lang(request)
        text, as_of, report, error = "", "", None, None
        if request.method == "POST":
            form = await request.form()
            upload = form.get("file")
            raw: str | bytes = str(form.get("text") or "")
            if upload is not None and not isinstance(upload, str):
                content = await upload.read()
                raw = content or raw
            as_of = str(form.get("as_of") or "")
            try:
                html, text = await _in_worker(site, _page_answer, raw, as_of, lang)
                report = Markup(html)
            except CstoError as exc:
                error = error_message(exc, lang)
        html = site.render("check.html", lang, text=text, as_of=as_of, report=report,
                           error=error, switch=switch(request))
        return HTMLResponse(html, 400 if error else 200)

    return [Route("/api/check", api, methods=["POST"]),
            Route("/check", page, methods=["GET", "POST"])]


def answer_text(raw: str | bytes) -> str:
    """An uploaded file's text, to show it back in the form."""
    from ..factcheck.text import decode

    return decode(raw)


def openapi_paths(refs: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI description of ``POST /api/check``; ``refs`` holds its answer's schema."""
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {"/api/check": {"post": {
        "operationId": "check",
        "summary": "Find the claims a text makes about the CSTO and check each against the "
                   "record on the day it speaks of.",
        "parameters": [
            {"name": "as_of", "in": "query", "required": False,
             "description": "The day the text speaks of (default: its date line, else today).",
             "schema": {"type": "string", "format": "date"}},
            {"name": "lang", "in": "query", "required": False,
             "description": "Language of the texts: id, en or ru.",
             "schema": {"type": "string", "enum": ["id", "en", "ru"], "default": "en"}}],
        "requestBody": {"required": True, "content": {
            "text/plain": {"schema": {"type": "string", "maxLength": 1_000_000}},
            JSON: {"schema": {"type": "object", "required": ["text"],
                              "additionalProperties": False,
                              "properties": {"text": {"type": "string", "minLength": 1},
                                             "as_of": {"type": "string", "format": "date"}}}}}},
        "responses": {"200": {"description": "The claims, as `csto check --json`.",
                              "content": {JSON: {"schema": refs["check"]}}},
                      "400": {"description": "No text, or a parameter it cannot take.", **error},
                      "413": {"description": "A body larger than 1 MB, or a text that takes "
                                             "more than 30 s or 1 GB to check.", **error},
                      "503": {"description": "The server is checking as many texts as it "
                                             "can: try again.", **error}}}}}


def openapi_answers() -> dict[str, type]:
    """The answer types this module's routes return, by operation."""
    from ..factcheck.answer import CheckAnswer

    return {"check": CheckAnswer}
