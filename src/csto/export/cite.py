"""``csto cite``: a citation for csto and for every source behind the rows of an export.

The sources are those the rules themselves rest on for the export's days: for a member
panel, the facts behind each standing; for a dyad panel, also the articles (in the
wording in force) and facts that ``assist``, ``base`` and ``chair`` cite. BibTeX is
written by pybtex; CSL-JSON follows the CSL data schema that citeproc-py reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from importlib.metadata import version
from typing import TypedDict

from ..errors import InputError
from ..record.history import History
from ..record.model import Finding, Source

FORMATS = ("bibtex", "csl-json")
CSL_TYPES = {"primary": "legislation", "official": "webpage", "news": "article-newspaper",
             "reference": "webpage", "seed": "article", "dataset": "dataset",
             "scenario": "document"}
BIBTEX_TYPES = {"primary": "misc", "official": "online", "news": "article", "reference": "online",
                "seed": "misc", "dataset": "misc", "scenario": "misc"}
PROJECT_URL = "https://pypi.org/project/csto/"


def _from_findings(findings: Iterable[Finding]) -> set[str]:
    found: set[str] = set()
    for item in findings:
        for citation in item.citations:
            found.update(citation.sources)
        for fact in item.facts:
            found.update(fact.sources)
    return found


def sources_behind(history: History, kind: str | None, start: object = None,
                   until: object = None) -> tuple[str, ...]:
    """Source ids behind the rows of the ``kind`` panel (every source when None)."""
    if kind is None:
        return tuple(sorted(history.sources))
    from ..rules.bases import base
    from ..rules.chair import chair_on
    from ..rules.defence import assist
    from .crosswalk import parties, recorded_states
    from .intervals import intervals
    from .panels import _guest

    found: set[str] = set()
    states = recorded_states(history) if kind == "members" else parties(history)
    for snap in intervals(history, start, until).snapshots:
        for code in states:
            standing = snap.standing(code)
            if standing is not None:
                found.update(standing.fact.sources)
        if kind != "dyads":
            continue
        guest = _guest(snap)
        for code in states:
            if snap.is_member(code):
                found |= _from_findings(assist(snap, code).findings)
                found |= _from_findings(base(snap, code, guest).findings)
        term, findings = chair_on(snap)
        found |= _from_findings(findings)
        if term is not None:
            found.update(term.fact.sources)
    return tuple(sorted(s for s in found if s in history.sources))


def _issued(source: Source) -> list[int] | None:
    if source.published is None:
        return None
    day: date = source.published
    parts = {"year": [day.year], "month": [day.year, day.month]}
    return parts.get(source.precision, [day.year, day.month, day.day])


class _About(TypedDict):
    year: int
    note: str


def _project(history: History) -> tuple[str, _About]:
    review = history.review
    year = review.reviewed.year if review is not None else date.today().year
    note = (f"Record reviewed up to {review.reviewed.isoformat()}" if review is not None else "")
    return version("csto"), {"year": year, "note": note}


def csl_json(history: History, ids: Iterable[str]) -> str:
    release, about = _project(history)
    items: list[dict[str, object]] = [{
        "id": "csto", "type": "software", "title": "csto: the Collective Security Treaty "
        "Organization as sourced, time-aware rules", "version": release, "URL": PROJECT_URL,
        "issued": {"date-parts": [[about["year"]]]}, "note": about["note"]}]
    for ident in ids:
        source = history.sources[ident]
        item: dict[str, object] = {"id": ident, "type": CSL_TYPES.get(source.kind, "document"),
                                "title": source.title}
        if source.url:
            item["URL"] = source.url
        issued = _issued(source)
        if issued:
            item["issued"] = {"date-parts": [issued]}
        if source.language:
            item["language"] = source.language
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def bibtex(history: History, ids: Iterable[str]) -> str:
    from pybtex.database import BibliographyData, Entry

    release, about = _project(history)
    entries = {"csto": Entry("software", fields={
        "title": "{csto}: the Collective Security Treaty Organization as sourced, "
                 "time-aware rules", "version": release, "year": str(about["year"]),
        "url": PROJECT_URL, "note": about["note"]})}
    for ident in ids:
        source = history.sources[ident]
        fields = {"title": "{" + source.title + "}", "note": f"csto source {ident}"}
        if source.url:
            fields["url"] = source.url
        issued = _issued(source)
        if issued:
            fields["year"] = str(issued[0])
            if len(issued) > 1:
                fields["month"] = str(issued[1])
            if len(issued) > 2:
                fields["date"] = date(*issued).isoformat()
        if source.language:
            fields["language"] = source.language
        entries[ident] = Entry(BIBTEX_TYPES.get(source.kind, "misc"), fields=fields)
    text: str = BibliographyData(entries).to_string("bibtex")
    return text


def cite(history: History, kind: str | None, form: str = "bibtex", start: object = None,
         until: object = None) -> str:
    if form not in FORMATS:
        raise InputError("unknown citation format '{value}': use one of {known}", field="format",
                         value=form, known=", ".join(FORMATS))
    ids = sources_behind(history, kind, start, until)
    return bibtex(history, ids) if form == "bibtex" else csl_json(history, ids)
