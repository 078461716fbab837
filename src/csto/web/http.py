"""What every route shares: reading a request's values and language, and writing errors.

Below every route module and above none: routes import this, never each other. An error
is ``{"error": {"code", "message", "field"}}`` in the reader's language, with the HTTP
status its class carries (``CstoError.status``) where the route answers with it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

import orjson
from starlette.requests import Request
from starlette.responses import Response

from ..errors import CstoError, InputError
from ..present.i18n import error_message
from ..record.vocab import LANGS

N_ = str
JSON = "application/json"

HTTP_ERRORS = {
    404: ("not-found", N_("nothing is at {path}: the routes are listed at /api/docs")),
    405: ("method-not-allowed", N_("{method} is not allowed on {path}: use {allowed}")),
    413: ("too-large", N_("the request body is larger than {limit} bytes")),
    414: ("too-long", N_("the query is longer than {limit} characters")),
    431: ("headers-too-large", N_("the request has more than {count} headers, or more than "
                                  "{limit} bytes of them")),
}
"""The errors the server itself answers (no route decides them): code and message."""


class HttpError(CstoError):
    """An error of the request as HTTP sees it (see ``HTTP_ERRORS``), in the error JSON."""

    def __init__(self, status: int, **params: str) -> None:
        code, template = HTTP_ERRORS[status]
        super().__init__(template, field=None, **params)
        self.code, self.status = code, status


def query_lang(query: bytes) -> str:
    """The language of ``?lang=`` in a raw query string, English if none or unknown."""
    from urllib.parse import parse_qs

    asked = parse_qs(query.decode("latin-1")).get("lang", ["en"])[-1]
    return asked if asked in LANGS else "en"


def loopback(host: str) -> bool:
    """Whether ``host`` is an address of this computer only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def error_body(exc: CstoError, lang: str) -> bytes:
    return orjson.dumps({"error": {"code": exc.code, "message": error_message(exc, lang),
                                   "field": exc.field}})


def status_of(exc: CstoError, subject: str | None = None, store: bool = False) -> int:
    """The status of an error on a route: 404 only where what is not found is the route's
    ``subject`` (an error field), 503 only on routes about the store; otherwise 400 (a
    parameter the route cannot take). Errors of the server's own limits keep theirs."""
    from .worker import BusyError, TooHeavyError

    if isinstance(exc, HttpError | TooHeavyError | BusyError):
        return exc.status
    if exc.status == 404 and exc.field == subject and subject is not None:
        return 404
    if exc.status == 503 and store:
        return 503
    return 400


def failed(exc: CstoError, lang: str, subject: str | None = None, store: bool = False,
           headers: dict[str, str] | None = None) -> Response:
    """The JSON error of a route, with its status (``status_of``)."""
    return Response(error_body(exc, lang), status_of(exc, subject, store), media_type=JSON,
                    headers=headers)


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


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def switch(request: Request) -> dict[str, str]:
    """The same page in each language."""
    others = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return {lang: f"{request.url.path}?{urlencode([*others, ('lang', lang)])}" for lang in LANGS}


def utc(moment: datetime) -> str:
    """A stored time (naive, in UTC) as RFC 3339, with its offset."""
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


CSV = "text/csv; charset=utf-8"


def csv_response(headers: list[str], rows: list[list[str]] | list[tuple[str, str]]) -> Response:
    """A table as CSV: a page's table twin (``.csv``)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return Response(out.getvalue(), media_type=CSV)
