"""The form of a question, for a person: labels in words, choices by name, states by name.

Built from the registry: one field per parameter, in its order. The words come from
``present.labels`` (a label per parameter, a word per choice); where a parameter names a
state, a body, a document, an alliance or a case, the form offers them by name from the
history, and sends the id the API takes. A page's query may repeat a parameter that takes
several states (``for=RUS&for=BLR``): ``page_values`` joins them as the API wants them.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError
from ..present import labels
from ..present.i18n import gettext_for
from ..record.vocab import LANGS, MEMBER_STATUSES
from .svg import lanes

if TYPE_CHECKING:
    from starlette.requests import Request

    from ..questions.registry import Question
    from ..record.history import History

N_ = str
PAGE_ONLY = frozenset({"lang", "record"})
"""Query values a page reads itself: the language, and the release of the record a link
was made on."""


class Option(NamedTuple):
    value: str
    text: str
    group: str = ""


class Field(NamedTuple):
    """One control of a form: ``control`` is date, number, text, select or checks."""

    name: str
    label: str
    hint: str
    control: str
    value: str
    required: bool
    options: tuple[Option, ...] = ()
    checked: frozenset[str] = frozenset()


def page_values(request: Request, question: Question | None = None) -> dict[str, str]:
    """A page's parameter values: each once, but a parameter taking several states may be
    repeated (a form's check boxes), and is joined with commas."""
    several = {p.name for p in question.params if p.kind == "countries"} if question else set()
    values: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in PAGE_ONLY:
            continue
        if key in values and key not in several:
            raise InputError("give '{value}' once", field=key, value=key)
        values[key] = f"{values[key]},{value}" if key in values and value else (
            value or values.get(key, ""))
    return {key: value for key, value in values.items() if value or key not in several}


def _states(history: History, lang: str, chosen: str) -> tuple[Option, ...]:
    """Every state by name: those of the CSTO first, then all others."""
    _ = gettext_for(lang)
    ours = sorted(lanes(history), key=lambda code: history.country_name(code, lang))
    others = sorted((code for code in history.countries.table if code not in ours),
                    key=lambda code: history.country_name(code, lang))
    options = [Option(code, history.country_name(code, lang), _(N_("CSTO states")))
               for code in ours]
    options += [Option(code, history.country_name(code, lang), _(N_("Other states")))
                for code in others]
    if chosen and chosen not in history.countries.table:
        options.insert(0, Option(chosen, chosen))  # as typed in a link: the answer says why
    return tuple(options)


def _pick(question: Question, name: str, history: History, lang: str,
          value: str) -> tuple[Option, ...] | None:
    """The named things a text parameter takes, where the history lists them."""
    _ = gettext_for(lang)
    if name == "body":
        return tuple(Option(o.id, o.name.get(lang)) for o in history.organization.organs
                     if o.decides_by_consensus)
    if name == "document":
        return tuple(Option(d.id, (d.short or d.title).get(lang))
                     for d in history.documents.values() if d.articles)
    if name == "case":
        return (Option("", _(N_("every request"))),
                *(Option(c.id, c.title.get(lang)) for c in history.cases))
    if name == "target":
        groupings = tuple(Option(g.id, g.name.get(lang), _(N_("Alliances and groupings")))
                          for g in history.groupings.values())
        typed = "" if value in history.groupings else value
        return (Option("", _(N_("none (withdrawing)"))), *groupings,
                *_states(history, lang, typed))
    return None


def fields(question: Question, values: dict[str, str], lang: str, history: History,
           on: str) -> list[Field]:
    """The form of a question, filled with what was asked."""
    _ = gettext_for(lang)
    found: list[Field] = []
    members = [code for code in lanes(history)
               if (s := history.at(on).standing(code)) is not None and s.status in MEMBER_STATUSES]
    for param in question.params:
        label = _(labels.param_label(question.name, param.name))
        value = values.get(param.name, param.default or "")
        if param.kind == "country" and value:
            with suppress(InputError):
                value = history.resolve_country(value, param.name)
        hint = _(param.help) if param.kind == "day" else ""
        picked = _pick(question, param.name, history, lang, value)
        if param.kind == "day":
            found.append(Field(param.name, label, hint, "date", value, param.required))
        elif param.kind == "year":
            found.append(Field(param.name, label, "", "number", value, param.required))
        elif param.choices:
            options = tuple(Option(c, _(labels.CHOICE.get(c, c))) for c in param.choices)
            found.append(Field(param.name, label, "", "select", value, param.required, options))
        elif param.kind == "country":
            options = _states(history, lang, value)
            if not param.required:
                options = (Option("", _(N_("not known"))), *options)
            found.append(Field(param.name, label, "", "select", value, param.required, options))
        elif param.kind == "countries":
            chosen = frozenset(history.resolve_country(item, param.name)
                               for item in value.split(",") if item.strip())
            options = tuple(Option(code, history.country_name(code, lang)) for code in members)
            found.append(Field(param.name, label, "", "checks", value, False, options, chosen))
        elif picked is not None:
            found.append(Field(param.name, label, "", "select", value, param.required, picked))
        else:
            found.append(Field(param.name, label, "", "text", value, param.required))
    return found


def language_names() -> dict[str, str]:
    """Each language named in itself (for the language switch)."""
    from babel import Locale

    return {code: str(Locale.parse(code).get_display_name(code)).capitalize()
            for code in LANGS}
