"""Sourced records listed as they stood on a day: a state's story, documents, exercises,
forces, historical cases, the organization, and where sources disagree."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from .answers import AssistAnswer, common, standing_dict, term_dict
from .history import History, Snapshot
from .model import Finding, Term

if TYPE_CHECKING:
    from .i18n import Localizer


def _record(record: dict[str, Any], loc: Localizer, *text_fields: str) -> dict[str, Any]:
    """A data record with its text fields in the reader's language and its sources resolved."""
    result = {k: v for k, v in record.items() if k not in text_fields}
    for name in text_fields:
        value = record.get(name)
        if isinstance(value, dict):
            result[name] = loc.text(value)
        elif value is not None:
            result[name] = value
    if "sources" in record:
        result["sources"] = loc.sources(record["sources"])
    return result


class StateHistoryAnswer(NamedTuple):
    state: str
    events: tuple[dict[str, Any], ...]
    terms: tuple[Term, ...]
    exercises: tuple[dict[str, Any], ...]
    cases: tuple[dict[str, Any], ...]
    today: Snapshot

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        standing = self.today.standing(self.state)
        return {
            "state": self.state,
            "name": loc.country(self.state),
            "codes": {k: v for k, v in self.today.history.countries[self.state].items()
                      if k != "names"},
            "standing": standing_dict(standing, loc) if standing else None,
            "date": self.today.date.isoformat(),
            "events": [_record(e, loc, "summary", "note") for e in self.events],
            "offices": [{"office": t.office, **(term_dict(t, loc) or {})} for t in self.terms],
            "exercises_hosted": [e["id"] for e in self.exercises],
            "cases": [c["id"] for c in self.cases],
        }


def state_history(history: History, iso3: str, today: date) -> StateHistoryAnswer:
    terms = tuple(sorted(
        (t for terms in history.terms.values() for t in terms if t.state == iso3),
        key=lambda t: t.start,
    ))
    exercises = tuple(e for e in history.data["exercises"] if iso3 in e["hosts"])
    cases = tuple(c for c in history.data["cases"]
                  if iso3 in (c["question"]["victim"], c["question"]["aggressor"]))
    return StateHistoryAnswer(iso3, tuple(history.events_of(iso3)), terms, exercises, cases,
                              history.at(today))


class DocumentsAnswer(NamedTuple):
    snap: Snapshot

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        docs = []
        for doc in self.snap.history.documents.values():
            if doc["kind"] == "external":
                continue
            in_force = self.snap.in_force(doc["id"])
            signed = doc["signed"]
            docs.append({
                "id": doc["id"],
                "title": loc.text(doc["title"]),
                "kind": doc["kind"],
                "signed": signed["date"] if signed else None,
                "place": signed["place"] if signed else None,
                "in_force_from": doc["in_force"]["date"] if doc["in_force"] else None,
                "in_force_precision": doc["in_force"]["precision"] if doc["in_force"] else None,
                "in_force": in_force,
                "status": "in-force" if in_force else (
                    "signed" if signed and signed["date"] <= self.snap.date.isoformat()
                    else "not-yet-signed"),
                "amends": doc["amends"],
                "articles_in_force": sorted(
                    (k.split("/", 1)[1] for k in self.snap.epoch.articles
                     if k.startswith(doc["id"] + "/")), key=_article_key),
                "sources": loc.sources(doc["sources"]),
            })
        return {"date": self.snap.date.isoformat(), "documents": docs}


def _article_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10_000, number)


class ArticleAnswer(NamedTuple):
    snap: Snapshot
    document: str
    number: str

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        doc = self.snap.history.documents[self.document]
        article = next(a for a in doc["articles"] if a["number"] == self.number)
        current = self.snap.article(self.document, self.number)
        return {
            "date": self.snap.date.isoformat(),
            "document": self.document,
            "document_title": loc.text(doc["title"]),
            "article": self.number,
            "title": loc.text(article["title"]),
            "in_force": current is not None,
            "text": loc.text(current.text) if current else None,
            "citation": current.citation.as_dict() if current else None,
            "versions": [
                {"version": v["by"],
                 "in_force_from": (self.snap.history.documents[v["by"]]["in_force"] or {}).get("date"),
                 "wording_retrieved": v["retrieved"], "confidence": v["confidence"],
                 "text": loc.text(v["text"]), "sources": loc.sources(v["sources"])}
                for v in article["versions"]
            ],
        }


class RecordsAnswer(NamedTuple):
    """A list of data records (exercises, forces, groupings) in the reader's language."""

    kind: str
    records: tuple[dict[str, Any], ...]
    text_fields: tuple[str, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {self.kind: [_record(r, loc, *self.text_fields) for r in self.records]}


class CaseAnswer(NamedTuple):
    record: dict[str, Any]
    required: AssistAnswer

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        required = self.required.as_dict(loc)
        return _record(self.record, loc, "title", "request", "action") | {
            "treaty_required": {
                "date": required["date"],
                "obliged": required["obliged"],
                "article_version": required["article_version"],
                "open_questions": required["open_questions"],
                "findings": required["findings"],
            },
        }


class CasesAnswer(NamedTuple):
    cases: tuple[CaseAnswer, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {"cases": [c.as_dict(loc) for c in self.cases]}


class OrganizationAnswer(NamedTuple):
    history: History

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        org = self.history.data["organization"]
        return {
            "name": loc.text({n["lang"]: n["name"] for n in org["names"]}),
            "abbreviation": loc.text(org["abbreviations"]),
            "names": [_record(n, loc, "note") for n in org["names"]],
            "headquarters": _record(org["headquarters"], loc, "value"),
            "official_language": _record(org["official_language"], loc, "value"),
            "website": _record(org["website"], loc, "value"),
            "milestones": [_record(m, loc, "summary", "note") for m in org["milestones"]],
            "organs": [_record(o, loc, "name", "role") for o in org["organs"]],
        }


class DisputesAnswer(NamedTuple):
    """Every fact where sources disagree: the value chosen, why, and the alternatives."""

    history: History

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        found: list[dict[str, Any]] = []
        _collect(self.history.data, "", found)
        for item in found:
            item["sources"] = loc.sources(item["sources"])
            for alternative in item["alternatives"]:
                alternative["sources"] = loc.sources(alternative["sources"])
        return {"disputes": found}


def _collect(value: Any, path: str, found: list[dict[str, Any]]) -> None:
    if isinstance(value, dict):
        if value.get("alternatives"):
            found.append({
                "where": path,
                "date": value.get("date") or value.get("from"),
                "chosen_because": value.get("chosen_because"),
                "sources": list(value["sources"]),
                "alternatives": [dict(a) for a in value["alternatives"]],
            })
        for key, item in value.items():
            if key not in ("alternatives", "countries", "country_index"):
                label = item.get("id", key) if isinstance(item, dict) else key
                _collect(item, f"{path}/{label}" if path else str(label), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            label = item.get("id", index) if isinstance(item, dict) else index
            _collect(item, f"{path}/{label}", found)


class OverviewAnswer(NamedTuple):
    """The organization on a day: what ``make run`` shows."""

    members: Any
    officials: Any
    documents: DocumentsAnswer
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        members = self.members.as_dict(loc)
        officials = self.officials.as_dict(loc)
        documents = self.documents.as_dict(loc)
        return {
            "date": members["date"],
            "members": members["members"],
            "standings": members["standings"],
            "observers": [s for s in members["standings"] if s["status"] == "observer"],
            "secretary_general": officials["secretary_general"],
            "chair": officials["chair"],
            "documents_in_force": [d for d in documents["documents"] if d["in_force"]],
            **common(self.members.findings + self.officials.findings, loc),
        }
