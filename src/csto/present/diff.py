"""A scenario's differences from the record, for a person."""

from __future__ import annotations

from ..scenario.diff import Change, DiffAnswer
from . import labels
from .render import Page

N_ = str

ASPECTS = {"standing": N_("standing"), "count": N_("number of members"),
           "state": N_("held by")}
SUBJECTS = {"members": N_("Members"), "chair": N_("Chair of the Collective Security Council"),
            "secretary_general": N_("Secretary General")}


def _value(page: Page, change: Change, value: str | None) -> str:
    if value is None:
        return page.label(labels.STATUS, "none") if change.aspect == "standing" else "-"
    if change.aspect == "standing":
        return page.label(labels.STATUS, value)
    if change.aspect == "state":
        return page.country(value)
    return value


def _subject(page: Page, change: Change) -> str:
    who = (page.country(change.subject) if change.subject in page.history.countries
           else page.t(SUBJECTS.get(change.subject, change.subject)))
    return f"{who}: {page.t(ASPECTS.get(change.aspect, change.aspect))}"


def diff(answer: DiffAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.line(page.t(N_("Scenario '{name}' against the record, {start} to {end}:"),
                     name=answer.scenario, start=page.day(answer.start), end=page.day(answer.end)))
    if not answer.changes:
        page.line(page.t(N_("No difference over this period.")))
        return page.finish()
    page.table([page.t(N_("From")), page.t(N_("Until")), page.t(N_("What")),
                page.t(N_("Record")), page.t(N_("Scenario"))],
               [(page.day(c.start), page.day(c.end), _subject(page, c),
                 _value(page, c, c.record), _value(page, c, c.scenario))
                for c in answer.changes])
    return page.finish()
