"""The fact checker on the web: a page to paste or upload a text, and ``POST /api/check``.

``POST /api/check`` takes the text as the request body (``text/plain``), or as JSON
``{"text": ..., "as_of": ...}``; ``?as_of=`` and ``?lang=`` work with either. It returns
exactly what ``csto check --json`` prints. The page posts a form to ``/check`` and shows
the report the terminal shows, with each claim's words marked in its sentence.

Every checked text has a permanent link: a short text is checked at ``GET
/check?text=...&as_of=...`` (the form's answer is a redirect there); a longer one is kept
under the hash of its content (``/check/HASH``) in the user's data folder, up to
``KEEP_CHARS`` characters each and ``KEEP_BYTES`` in all (the oldest are dropped first).
Each has its JSON twin (``.json``).
A text is at most ``app.MAX_BODY`` (1 MB) and is checked in a process of its own
(``worker``): at most 30 s and 1 GB, while the server goes on answering everyone else.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, TypeVarTuple
from urllib.parse import urlencode

import orjson
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError, NotFoundError
from ..present.i18n import error_message
from ..questions.texts import require_text
from . import worker
from .http import JSON, failed, reply_lang, switch, wants_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..factcheck.answer import CheckAnswer
    from .site import Site

T = TypeVar("T")
S = TypeVar("S", bound=str | bytes)
Ts = TypeVarTuple("Ts")

N_ = str
NAV = (("/check", N_("Check a text")),)
FIELDS = frozenset({"text", "as_of"})
LINK_CHARS = 1500
"""Longest query (text and day, URL-encoded) a permanent ``GET /check`` link holds."""
KEEP_CHARS = 100_000
"""Longest text kept under its hash; a longer one is checked without a permanent link."""
KEEP_BYTES = 50 * 1024 * 1024
"""The most the kept texts take in all; the oldest are dropped to make room."""


def kept_folder() -> Path:
    from ..store.db import data_home

    return data_home() / "checks"


def keep(text: str, as_of: str) -> str:
    """Keep a text (and its day) under the hash of both; the hash."""
    body = orjson.dumps({"text": text, "as_of": as_of or None})
    digest = hashlib.sha256(body).hexdigest()[:32]
    folder = kept_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.json"
    if not path.exists():
        temporary = path.with_suffix(".part")
        temporary.write_bytes(body)
        temporary.replace(path)
        _prune(folder)
    return digest


def _prune(folder: Path) -> None:
    """Drop the oldest kept texts while they take more than ``KEEP_BYTES``."""
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    total = sum(p.stat().st_size for p in files)
    while files and total > KEEP_BYTES:
        oldest = files.pop(0)
        total -= oldest.stat().st_size
        oldest.unlink(missing_ok=True)


def kept(digest: str) -> tuple[str, str]:
    """A kept text and its day, by hash."""
    if len(digest) != 32 or not all(c in "0123456789abcdef" for c in digest):
        raise NotFoundError("no checked text is kept under '{value}'", field="text",
                            value=digest[:40])
    try:
        data = orjson.loads((kept_folder() / f"{digest}.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        raise NotFoundError("no checked text is kept under '{value}'", field="text",
                            value=digest) from None
    return str(data["text"]), str(data.get("as_of") or "")


def _checked(site: Site, text: str | bytes, as_of: str | None) -> CheckAnswer:
    from ..factcheck.check import check

    return check(text, as_of=as_of or None, history=site.history)


def _api_answer(site: Site, text: str | bytes, as_of: str | None, lang: str) -> bytes:
    """What ``POST /api/check`` returns (computed in a ``worker`` child)."""
    from ..present.tojson import to_dict

    return orjson.dumps(to_dict(_checked(site, text, as_of), lang))


def _page_answer(site: Site, text: str, as_of: str, lang: str) -> str:
    """The page's report on a text (computed in a ``worker`` child)."""
    from ..factcheck.render import check as render

    return render(_checked(site, text, as_of), lang, html=True)


_warm: list[bool] = []


async def _in_worker(site: Site, function: Callable[[Site, S, *Ts], T], text: S,
                     *args: *Ts) -> T:
    """``function`` run by ``worker.run`` once the checker's tables are loaded here, so
    that every child shares them instead of loading its own."""
    from starlette.concurrency import run_in_threadpool

    require_text(text)
    if not _warm:
        await run_in_threadpool(_checked, site, "CSTO", None)
        _warm.append(True)
    return await worker.run(function, site, text, *args)


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
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(text, str):
        raise InputError("the JSON body needs a 'text' field holding the text as a string",
                         field="text")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise InputError("unknown field '{value}': use text and as_of", field=unknown[0],
                         value=unknown[0])
    given = data.get("as_of", as_of)
    if given is not None and not isinstance(given, str):
        raise InputError("'as_of' must be a date written YYYY-MM-DD", field="as_of")
    return text, given


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
        """The form; a text posted to it is answered by a redirect to its permanent link
        (a long one is kept first), where it is checked (``GET``)."""
        lang = site.lang(request)
        if request.method == "POST":
            form = await request.form()
            upload = form.get("file")
            raw: str | bytes = str(form.get("text") or "")
            if upload is not None and not isinstance(upload, str):
                content = await upload.read()
                raw = content or raw
            as_of = str(form.get("as_of") or "")
            try:
                text = answer_text(raw) if isinstance(raw, bytes) else raw
                require_text(text)
                query = urlencode({k: v for k, v in (("text", text), ("as_of", as_of),
                                                     ("lang", lang)) if v})
                if len(query) <= LINK_CHARS:
                    return RedirectResponse(f"/check?{query}", 303)
                if len(text) <= KEEP_CHARS:
                    digest = keep(text, as_of)
                    return RedirectResponse(f"/check/{digest}?lang={lang}", 303)
                return await _shown(request, site, lang, text, as_of, None)  # too long to keep
            except CstoError as exc:
                return await _shown(request, site, lang, "", as_of, None,
                                    error_message(exc, lang))
        values = {k: v for k, v in request.query_params.items() if k in FIELDS}
        if request.url.path.endswith(".json") or wants_json(request):
            return await _twin(site, values.get("text", ""), values.get("as_of", ""), request)
        if not values.get("text"):
            return await _shown(request, site, lang, "", values.get("as_of", ""), None)
        link = f"/check?{urlencode({**values, 'lang': lang})}"
        return await _shown(request, site, lang, values["text"], values.get("as_of", ""), link)

    async def stored(request: Request) -> Response:
        digest = request.path_params["digest"]
        as_json = digest.endswith(".json")
        lang = site.lang(request)
        try:
            text, as_of = kept(digest.removesuffix(".json"))
        except CstoError as exc:
            if as_json or wants_json(request):
                return failed(exc, reply_lang(request), subject="text")
            return HTMLResponse(site.render("error.html", lang, message=error_message(exc, lang),
                                            switch=switch(request)), 404)
        if as_json or wants_json(request):
            return await _twin(site, text, as_of, request)
        return await _shown(request, site, lang, text, as_of, f"/check/{digest}?lang={lang}")

    return [Route("/api/check", api, methods=["POST"]),
            Route("/check", page, methods=["GET", "POST"]), Route("/check.json", page),
            Route("/check/{digest}", stored)]


async def _twin(site: Site, text: str, as_of: str, request: Request) -> Response:
    """A checked text's JSON form: what ``POST /api/check`` returns for it."""
    lang = reply_lang(request)
    if not text:
        return Response(orjson.dumps({"as_of": None, "claims": []}), media_type=JSON)
    try:
        body = await _in_worker(site, _api_answer, text, as_of, lang)
    except CstoError as exc:
        return failed(exc, lang)
    return Response(body, media_type=JSON)


async def _shown(request: Request, site: Site, lang: str, text: str, as_of: str,
                 link: str | None, error: str | None = None) -> Response:
    """The page: the form, and the report on ``text`` where there is one."""
    report = None
    if text and error is None:
        try:
            report = Markup(await _in_worker(site, _page_answer, text, as_of, lang))
        except CstoError as exc:
            error = error_message(exc, lang)
    twin = None
    if link is not None:
        twin = link.replace("/check?", "/check.json?", 1) if "?text=" in link else (
            link.split("?", 1)[0] + ".json?" + link.split("?", 1)[1])
    html = site.render("check.html", lang, text=text, as_of=as_of, report=report, error=error,
                       link=link, twin=twin, kept=KEEP_CHARS, switch=switch(request))
    return HTMLResponse(html, 400 if error else 200)


def answer_text(raw: str | bytes) -> str:
    """An uploaded file's text, to show it back in the form."""
    from ..factcheck.text import decode

    return decode(raw)


def openapi_paths(refs: dict[str, object]) -> dict[str, object]:
    """The OpenAPI description of ``POST /api/check``; ``refs`` holds its answer's schema."""
    error = {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {"/api/check": {"post": {
        "operationId": "check",
        "summary": N_("Find the claims a text makes about the CSTO and check each against the "
                   "record on the day it speaks of."),
        "parameters": [
            {"name": "as_of", "in": "query", "required": False,
             "description": N_("The day the text speaks of (default: its date line, else today)."),
             "schema": {"type": "string", "format": "date"}},
            {"name": "lang", "in": "query", "required": False,
             "description": N_("Language of the texts: id, en or ru."),
             "schema": {"type": "string", "enum": ["id", "en", "ru"], "default": "en"}}],
        "requestBody": {"required": True, "content": {
            "text/plain": {"schema": {"type": "string", "maxLength": 1_000_000}},
            JSON: {"schema": {"type": "object", "required": ["text"],
                              "additionalProperties": False,
                              "properties": {"text": {"type": "string", "minLength": 1},
                                             "as_of": {"type": "string", "format": "date"}}}}}},
        "responses": {"200": {"description": N_("The claims and their verdicts."),
                              "content": {JSON: {"schema": refs["check"]}}},
                      "400": {"description": N_("No text, or a parameter it cannot take."), **error},
                      "413": {"description": N_("A body larger than 1 MB, or a text that takes "
                                                "more than 30 s or 1 GB to check."), **error},
                      "503": {"description": N_("The server is checking as many texts as it "
                                                "can: try again."), **error}}}}}


def openapi_answers() -> dict[str, type]:
    """The answer types this module's routes return, by operation."""
    from ..factcheck.answer import CheckAnswer

    return {"check": CheckAnswer}
