"""Pages for people: the organization on a day, every question grouped, and a page for each.

Each question's page is built from the registry: the question in plain words, a form of
its parameters (``forms``), and the answer written for a person (the renderer the terminal
uses, as HTML), with links between states, articles and sources. Every page has twins:
the same URL with ``.json`` (or ``Accept: application/json``) gives the answer's JSON
form, and with ``.csv`` each table it shows (``?table=N``, the first by default). A page's
query holds its parameters, so an answer can be shared; its permanent link adds the days
the answer took by default and the release of the record (``record=``), so that a link
opened later says whether the record has changed since.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import CstoError, InputError, NotFoundError
from ..present import labels
from ..present.i18n import error_message, format_day, gettext_for
from ..present.render import TABLE_LINK, render, tables
from ..questions.registry import QUESTIONS, Question, ask, find
from ..record.dates import as_day
from ..record.vocab import LANGS
from .forms import fields, page_values
from .http import JSON, csv_response, failed, switch, wants_json
from .svg import OUTLINES, legend, outlines, timeline, timeline_list, world

if TYPE_CHECKING:
    from ..questions.answers import Answer
    from ..record.history import History
    from .site import Site

N_ = str
PINNED = {"on": "date", "start": "start", "until": "until", "year": "year"}
"""Parameters whose default moves with the calendar, and the answer field holding the day
or year the answer took: a permanent link writes them down."""


class Listed(TypedDict):
    """A question as a list shows it: its name, the question in words, what it answers."""

    name: str
    title: str
    about: str


class Group(TypedDict):
    key: str
    name: str
    about: str
    questions: list[Listed]


def grouped(lang: str) -> list[Group]:
    """Every question, grouped, each as the question a person asks and what it answers."""
    _ = gettext_for(lang)
    groups: dict[str, Group] = {
        key: {"key": key, "name": _(name), "about": _(labels.GROUP_ABOUT[key]), "questions": []}
        for key, name in labels.GROUPS.items()}
    for name in QUESTIONS:
        group, title, about = labels.QUESTION[name]
        groups[group]["questions"].append({"name": name, "title": _(title), "about": _(about)})
    return list(groups.values())


def describe(question: Question, lang: str) -> dict[str, object]:
    """A question's form as data (its page's JSON twin before it is asked): the question in
    words and each parameter, with its label, kind and choices."""
    _ = gettext_for(lang)
    _group, title, about = labels.QUESTION[question.name]
    return {"question": question.name, "title": _(title), "about": _(about),
            "api": f"/api/{question.name}",
            "parameters": [{"name": p.name, "label": _(labels.param_label(question.name, p.name)),
                            "kind": p.kind, "required": p.required,
                            "choices": {c: _(labels.CHOICE.get(c, c)) for c in p.choices}}
                           for p in question.params]}


def csv_of(answer: object, lang: str, number: str | None) -> Response:
    """The ``number``-th table of an answer (the first by default) as CSV."""
    shown = tables(answer, lang)
    index = int(number) - 1 if number and number.isdigit() else -1 if number else 0
    if not 0 <= index < len(shown):
        raise NotFoundError("this page has no table '{value}': it shows {count}", field="table",
                            value=str(number or 1), count=str(len(shown)))
    headers, rows = shown[index]
    return csv_response(headers, rows)


def _link(path: str, items: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(items)}" if items else path


def pin(site: Site, question: Question, values: dict[str, str], answer: Answer,
        lang: str) -> str:
    """A link that gives this answer again: the days it took by default written down, and
    the release of the record it came from."""
    items = list(values.items())
    for param in question.params:
        field = PINNED.get(param.keyword)
        taken = getattr(answer, field, None) if field else None
        if param.name not in values and isinstance(taken, date | int) and param.kind in (
                "day", "year"):
            items.append((param.name, taken.isoformat() if isinstance(taken, date) else str(taken)))
    return _link(f"/{question.name}", [*items, ("lang", lang), ("record", site.release.digest)])


def release_note(site: Site, request: Request, lang: str) -> str | None:
    """What a reader should know when a link was made on another release of the record."""
    asked = request.query_params.get("record")
    if not asked or asked == site.release.digest:
        return None
    _ = gettext_for(lang)
    return _(N_("This link was made on release {asked} of the record; the record has changed "
                "since (now release {now}). The answer below is from the current record.")).format(
        asked=asked[:12], now=site.release.digest)


def routes(site: Site) -> list[Route]:
    async def home(request: Request) -> Response:
        lang = site.lang(request)
        path = request.url.path
        try:
            values = page_values(request)
            table = values.pop("table", None) if path.endswith(".csv") else None
            unknown = set(values) - {"on", "scenario"}
            if unknown:
                raise InputError("the home page takes only 'on', 'scenario' and 'lang', not "
                                 "'{value}'", field=sorted(unknown)[0], value=sorted(unknown)[0])
            on = as_day(values.get("on") or date.today().isoformat())
            scenario = values.get("scenario", "")
            asked = {"on": on.isoformat(), "scenario": scenario}
            if path.endswith(".json") or (wants_json(request) and not path.endswith(".csv")):
                return Response(site.answer_bytes(QUESTIONS["overview"], asked, lang),
                                media_type=JSON)
            history, tag = site.history_for({"scenario": scenario})
            if path.endswith(".csv"):
                return csv_of(ask("overview", {"on": on.isoformat()}, history), lang, table)
            key = ("home", on, lang, tag, request.query_params.get("record"))
            cached = site.cache.get(key)
            if cached is None:
                cached = site.cache.put(key, _home(site, request, history, on, scenario,
                                                   lang).encode())
            return HTMLResponse(cached)
        except CstoError as exc:
            if path.endswith((".json", ".csv")) or wants_json(request):
                return failed(exc, lang)
            return _error(request, site, exc, lang)

    async def every_question(request: Request) -> Response:
        lang = site.lang(request)
        listed = grouped(lang)
        if request.url.path.endswith(".json") or wants_json(request):
            import orjson

            return Response(orjson.dumps({"groups": listed}), media_type=JSON)
        return HTMLResponse(site.render("questions.html", lang, listed=listed,
                                        switch=switch(request)))

    async def question(request: Request) -> Response:
        name = request.path_params["name"]
        twin = next((suffix for suffix in (".json", ".csv") if name.endswith(suffix)), "")
        name = name.removesuffix(twin)
        lang = site.lang(request)
        chosen = QUESTIONS.get(name)
        try:
            chosen = find(name)
            values = page_values(request, chosen)
            table = values.pop("table", None) if twin == ".csv" else None
            answered = all(p.name in values for p in chosen.params if p.required)
            if twin == ".json" or (not twin and wants_json(request)):
                if not answered and not values:  # the form alone: what it asks
                    import orjson

                    return Response(orjson.dumps(describe(chosen, lang)), media_type=JSON)
                return Response(site.answer_bytes(chosen, values, lang), media_type=JSON)
            asked = dict(values)
            history, _tag = site.history_for(asked)
            if twin == ".csv":
                return csv_of(ask(chosen.name, asked, history), lang, table)
            answer = ask(chosen.name, asked, history) if answered else None
            return HTMLResponse(_page(request, site, chosen, values, lang, answer))
        except CstoError as exc:
            if twin or wants_json(request):
                return failed(exc, lang, subject="question")
            if chosen is None:  # the message lists the questions' names: a page says it in words
                return HTMLResponse(site.render(
                    "error.html", lang, switch=switch(request),
                    message=gettext_for(lang)(N_("There is no page at this address."))), 404)
            message = error_message(exc, lang)
            kept = {k: v for k, v in request.query_params.items() if k not in ("lang", "record")}
            return HTMLResponse(_page(request, site, chosen, kept, lang, None, message), 400)

    async def icon(request: Request) -> Response:
        """Where a browser looks for the icon of a page that names none (a JSON answer)."""
        from starlette.responses import RedirectResponse

        return RedirectResponse("/static/favicon.svg", 301)

    async def map_outlines(request: Request) -> Response:
        """The map's outlines; kept for good when asked by their digest, as pages do."""
        drawn, digest = outlines()
        keep = "public, max-age=31536000, immutable" if request.query_params.get("v") == digest \
            else "no-cache"
        return Response(drawn, media_type="image/svg+xml",
                        headers={"cache-control": keep, "etag": f'"{digest}"'})

    return [Route("/", home), Route("/index.json", home), Route("/index.csv", home),
            Route("/favicon.ico", icon), Route(OUTLINES, map_outlines),
            Route("/questions", every_question), Route("/questions.json", every_question),
            Route("/{name}", question)]


def warm(site: Site) -> None:
    """Draw what every home page shares (templates, catalogs, the map, the timeline of
    this year) once per language before the first request, and keep no response: the
    first reader pays for no start-up, and no day asked is answered from memory."""
    for lang in LANGS:
        request = Request({"type": "http", "method": "GET", "path": "/", "scheme": "http",
                           "server": ("127.0.0.1", 80), "headers": [],
                           "query_string": f"lang={lang}".encode()})
        _home(site, request, site.history, date.today(), "", lang)


def _home(site: Site, request: Request, history: History, on: date, scenario: str,
          lang: str) -> str:
    answer = ask("overview", {"on": on.isoformat()}, history)
    query = [("on", on.isoformat()), ("lang", lang)] + ([("scenario", scenario)] if scenario else [])
    token = TABLE_LINK.set(lambda n: _link("/index.csv", [*query, ("table", str(n))]))
    try:
        intro, _, rest = render(answer, lang, html=True).partition("\n")
    finally:
        TABLE_LINK.reset(token)
    until = max(date.today(), on)
    return site.render(
        "home.html", lang, on=on, on_text=format_day(on, lang), switch=switch(request),
        timeline=timeline(history, on, until, lang), timeline_list=timeline_list(history, on, until, lang),
        map=world(history, on, lang), legend=legend(lang), scenario=scenario,
        intro=Markup(intro), overview=Markup(rest), listed=grouped(lang),
        twin=_link("/index.json", query), note=release_note(site, request, lang),
        pinned=_link("/", [*query, ("record", site.release.digest)]))


def _page(request: Request, site: Site, question: Question, values: dict[str, str], lang: str,
          answer: Answer | None, error: str | None = None) -> str:
    _ = gettext_for(lang)
    group, title, about = labels.QUESTION[question.name]
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in ("record", "lang")]
    body = pinned = None
    if answer is not None:
        token = TABLE_LINK.set(lambda n: _link(f"/{question.name}.csv",
                                               [*query, ("lang", lang), ("table", str(n))]))
        try:
            body = Markup(render(answer, lang, html=True))
        finally:
            TABLE_LINK.reset(token)
        pinned = pin(site, question, values, answer, lang)
    on = values.get("on") or date.today().isoformat()
    try:
        on = as_day(on).isoformat()
    except CstoError:
        on = date.today().isoformat()
    return site.render(
        "question.html", lang, question=question, title=_(title), about=_(about), group=group,
        fields=fields(question, values, lang, site.history, on), answer=body, error=error,
        scenario=values.get("scenario", ""), stored=site.scenarios.names(), switch=switch(request),
        twin=_link(f"/{question.name}.json", [*query, ("lang", lang)]), pinned=pinned,
        note=release_note(site, request, lang),
        related=[q for g in grouped(lang) if g["key"] == group for q in g["questions"]
                 if q["name"] != question.name])


def _error(request: Request, site: Site, exc: CstoError, lang: str, status: int = 400) -> Response:
    return HTMLResponse(site.render("error.html", lang, message=error_message(exc, lang),
                                    switch=switch(request)), status)
