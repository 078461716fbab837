"""Sourced records as they stood on a day: a state's story, documents, articles, cases,
the organization on a day, and where sources disagree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .._typing import TYPE_CHECKING
from ..record.history import History, Snapshot
from ..record.model import Document, Text
from .answers import (
    ArticleAnswer,
    CaseAnswer,
    CasesAnswer,
    Dispute,
    DisputesAnswer,
    DocumentsAnswer,
    DocumentStatus,
    OverviewAnswer,
    Requirement,
    StateHistoryAnswer,
    WordingStatus,
)
from .caveats import announced_by

if TYPE_CHECKING:
    from ..record.history import Disputable
    from ..record.model import Alternative


def state_history(history: History, iso3: str, today: date) -> StateHistoryAnswer:
    terms = tuple(sorted((t for terms in history.terms.values() for t in terms if t.state == iso3),
                         key=lambda t: t.start))
    hosted = tuple(e.id for e in history.exercises if iso3 in e.hosts)
    cases = tuple(c.id for c in history.cases
                  if any(iso3 in (r.victim, r.aggressor) for r in c.readings))
    snap = history.at(today)
    standing = snap.standing(iso3)
    return StateHistoryAnswer(iso3, today, history.countries[iso3], standing,
                              history.events_of(iso3), terms, hosted, cases, (), history)


def _article_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10_000, number)


def document_status(snap: Snapshot, doc: Document) -> DocumentStatus:
    in_force = snap.in_force(doc.id)
    if in_force:
        status = "in-force"
    elif doc.signed and doc.signed.date <= snap.date:
        status = "signed"
    else:
        status = "not-yet-signed"
    articles = sorted((key.split("/", 1)[1] for key in snap.epoch.articles
                       if key.startswith(doc.id + "/")), key=_article_key)
    return DocumentStatus(doc.id, doc.title, doc.kind, status, in_force, doc.signed, doc.in_force,
                          doc.amends, doc.summary, tuple(articles), doc.sources, doc.term)


def documents(snap: Snapshot) -> DocumentsAnswer:
    return DocumentsAnswer(snap.date, tuple(document_status(snap, d)
                                            for d in snap.history.documents.values()
                                            if d.kind != "external"), (), snap.history)


def article(snap: Snapshot, document: str, number: str) -> ArticleAnswer:
    doc = snap.history.documents[document]
    item = next(a for a in doc.articles if a.number == number)
    current = snap.article(document, number)
    versions = []
    for wording in item.versions:
        enacted = snap.history.documents[wording.by].in_force
        versions.append(WordingStatus(
            wording.by, enacted.date if enacted else None,
            current is not None and current.citation.version == wording.by,
            wording.retrieved, wording.confidence, wording.text, wording.sources))
    return ArticleAnswer(snap.date, document, doc.title, number, item.title, current is not None,
                         current.text if current else None,
                         current.citation if current else None, tuple(versions), (), snap.history)


def cases(history: History, case_id: str | None) -> CasesAnswer:
    from ..rules.defence import assist

    found = []
    for case in history.cases:
        if case_id is not None and case.id != case_id:
            continue
        readings = []
        for q in case.readings:
            required = assist(history.at(q.date), q.victim, q.aggressor, q.situation, q.territory)
            readings.append(Requirement(q, required.obliged, required.article_version,
                                        required.procedure, required.open_questions,
                                        required.findings))
        named = any(r.aggressor and r.claimed_by is None for r in case.readings)
        found.append(CaseAnswer(case, tuple(readings), named))
    return CasesAnswer(tuple(found), history)


def overview(snap: Snapshot) -> OverviewAnswer:
    from ..rules.membership import members, officials

    listed = members(snap)
    held = officials(snap)
    return OverviewAnswer(
        snap.date, listed.members,
        tuple(s for s in listed.standings if s.status == "observer"), listed.standings,
        held.secretary_general, held.chair,
        tuple(d for d in documents(snap).documents if d.in_force),
        announced_by(snap.history, snap.date), listed.findings + held.findings, snap.history)


# -- disputes ---------------------------------------------------------------------------------
def _disputed(record: str, field: str, label: Text | str,
              holder: Disputable | None) -> Iterator[Dispute]:
    if holder is not None and holder.alternatives:
        day = getattr(holder, "date", None) or getattr(holder, "start", None)
        yield Dispute(record, field, label, day if isinstance(day, date) else None,
                      holder.chosen_because, holder.sources, holder.alternatives)


def _field(alternatives: tuple[Alternative, ...], default: str) -> str:
    return "date" if all(a.date is not None for a in alternatives) else default


def disputes(history: History) -> DisputesAnswer:
    found: list[Dispute] = []
    for event in history.events:
        found += _disputed(f"event:{event.id}", _field(event.alternatives, "value"),
                           event.summary or event.id, event)
    for doc in history.documents.values():
        found += _disputed(f"document:{doc.id}", "value", doc.title, doc)
        for step in ("signed", "in_force"):
            found += _disputed(f"document:{doc.id}", step, doc.title, getattr(doc, step))
        for item in doc.articles:
            for wording in item.versions:
                found += _disputed(f"document:{doc.id}", f"article {item.number} ({wording.by})",
                                   item.title, wording)
    for office in ("secretary_general", "chair"):
        for term in getattr(history.offices, office):
            found += _disputed(f"term:{office}:{term.start.isoformat()}",
                               _field(term.alternatives, "value"),
                               term.person or office.replace("_", " "), term)
    org = history.organization
    for name in org.names:
        found += _disputed(f"organization:name:{name.lang}", "name", name.name, name)
    for key in ("headquarters", "official_language", "website"):
        found += _disputed(f"organization:{key}", "value", key.replace("_", " "), getattr(org, key))
    for milestone in org.milestones:
        found += _disputed(f"milestone:{milestone.date.isoformat()}",
                           _field(milestone.alternatives, "value"), milestone.summary, milestone)
    for records, kind in ((history.exercises, "exercise"), (history.forces, "force"),
                          (history.cases, "case")):
        for record in records:
            label: Text | str = getattr(record, "title", None) or str(getattr(record, "name", ""))
            found += _disputed(f"{kind}:{record.id}", _field(record.alternatives, "value"),
                               label, record)
    return DisputesAnswer(tuple(found), history)
