"""Pages for people: the organization on a day, and a page for every question.

Each question's page is built from the registry: a form of its parameters, and the answer
written for a person (the renderer the terminal uses, as HTML), with links between states,
articles and sources. The same URL with ``.json`` (or ``Accept: application/json``) gives
the answer's JSON form. A question's page has its parameters in the query string, so an
answer can be shared.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError
from ..present.i18n import error_message, format_day, gettext_for
from ..present.render import render
from ..questions.registry import QUESTIONS, Question, ask, find
from ..record.dates import as_day
from .http import JSON, failed, switch, values_of, wants_json
from .svg import legend, timeline, world

if TYPE_CHECKING:
    from .site import Site

N_ = str
INPUT_TYPES = {"day": "date", "year": "number"}


def fields(question: Question, values: dict[str, str], lang: str, site: Site) -> list[dict[str, Any]]:
    """The form of a question: one field per parameter, filled with what was asked."""
    _ = gettext_for(lang)
    found = []
    for param in question.params:
        found.append({
            "name": param.name, "label": param.name if param.positional else f"--{param.name}",
            "help": _(param.help), "value": values.get(param.name, param.default or ""),
            "type": INPUT_TYPES.get(param.kind, "text"), "required": param.required,
            "choices": param.choices, "countries": param.kind in ("country", "countries"),
        })
    return found


def country_options(site: Site, lang: str) -> list[tuple[str, str]]:
    key = ("options", lang)
    cached = site.cache.get(key)
    if cached is None:
        options = sorted(((code, site.history.country_name(code, lang))
                          for code in site.history.countries.table), key=lambda item: item[1])
        cached = site.cache.put(key, "\n".join(f"{c}\t{n}" for c, n in options).encode())
    return [tuple(line.split("\t", 1)) for line in cached.decode().split("\n")]  # type: ignore[misc]


def _answered(question: Question, values: dict[str, str]) -> bool:
    return all(p.name in values for p in question.params if p.required)


def routes(site: Site) -> list[Route]:
    async def home(request: Request) -> Response:
        lang = site.lang(request)
        try:
            values, _lang = values_of(request)
            unknown = set(values) - {"on", "scenario"}
            if unknown:
                raise InputError("the home page takes only 'on', 'scenario' and 'lang', not "
                                 "'{value}'", field=sorted(unknown)[0], value=sorted(unknown)[0])
            on = as_day(values.get("on") or date.today().isoformat())
            scenario = values.get("scenario", "")
            if request.url.path.endswith(".json") or wants_json(request):
                asked = {"on": on.isoformat(), "scenario": scenario}
                return Response(site.answer_bytes(QUESTIONS["overview"], asked, lang),
                                media_type=JSON)
            history, tag = site.history_for({"scenario": scenario})
            key = ("home", on, lang, tag)
            cached = site.cache.get(key)
            if cached is None:
                answer = ask("overview", {"on": on.isoformat()}, history)
                until = max(date.today(), on)
                html = site.render(
                    "home.html", lang, on=on, on_text=format_day(on, lang), switch=switch(request),
                    timeline=timeline(history, on, until, lang), map=world(history, on, lang),
                    legend=legend(lang), scenario=scenario,
                    overview=Markup(render(answer, lang, html=True)))
                cached = site.cache.put(key, html.encode())
            return HTMLResponse(cached)
        except CstoError as exc:
            return _error(request, site, exc, lang)

    async def question(request: Request) -> Response:
        name = request.path_params["name"]
        as_json = name.endswith(".json")
        name = name.removesuffix(".json")
        lang = site.lang(request)
        chosen = QUESTIONS.get(name)
        try:
            chosen = find(name)
            values, _lang = values_of(request)
            if as_json or wants_json(request):
                return Response(site.answer_bytes(chosen, values, lang), media_type=JSON)
            body = None
            asked = dict(values)
            history, _tag = site.history_for(asked)
            if _answered(chosen, asked):
                answer = ask(chosen.name, asked, history)
                body = Markup(render(answer, lang, html=True))
            return HTMLResponse(_page(request, site, chosen, values, lang, body))
        except CstoError as exc:
            if as_json or wants_json(request):
                return failed(exc, lang, subject="question")
            if chosen is None:
                return _error(request, site, exc, lang, 404)
            message = error_message(exc, lang)
            values = {k: v for k, v in request.query_params.items() if k != "lang"}
            return HTMLResponse(_page(request, site, chosen, values, lang, None, message), 400)

    return [Route("/", home), Route("/index.json", home), Route("/{name}", question)]


def _page(request: Request, site: Site, question: Question, values: dict[str, str], lang: str,
          body: Markup | None, error: str | None = None) -> str:
    _ = gettext_for(lang)
    twin = f"/{question.name}.json?{urlencode(list(request.query_params.multi_items()))}"
    return site.render("question.html", lang, question=question, summary=_(question.summary),
                       fields=fields(question, values, lang, site), answer=body, error=error,
                       scenario=values.get("scenario", ""), stored=site.scenarios.names(),
                       countries=country_options(site, lang), switch=switch(request), twin=twin,
                       questions=[(q.name, _(q.summary)) for q in QUESTIONS.values()])


def _error(request: Request, site: Site, exc: CstoError, lang: str, status: int = 400) -> Response:
    return HTMLResponse(site.render("error.html", lang, message=error_message(exc, lang),
                                    switch=switch(request)), status)
