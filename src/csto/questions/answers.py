"""Answers to the model's questions, and their one JSON form shared by every interface.

Every answer is a NamedTuple of typed fields whose last field is the ``history`` it was
computed on, so it carries what its JSON form needs (the sources it cites, the names of
states). ``to_json`` turns any answer into that form generically: the shapes below say
how the few value types with a form of their own look (a standing, a term, a finding, a
citation, a fact, a source); every other NamedTuple becomes an object of its fields.
Texts are given in the reader's language, days as YYYY-MM-DD. An answer with findings
also lists their ``citations``, and every answer ends with ``sources``: each source id
referenced anywhere in it, resolved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .._typing import TYPE_CHECKING, NamedTuple
from ..record.model import (
    Alternative,
    Case,
    CaseQuestion,
    Citation,
    Country,
    Dated,
    Day,
    Event,
    Exercise,
    Fact,
    Finding,
    Force,
    Grouping,
    Organization,
    ProcedureStep,
    Source,
    Standing,
    Term,
    Text,
)

if TYPE_CHECKING:
    from typing import Any

    from ..present.i18n import Localizer
    from ..record.history import History

SKIPPED_FIELDS = frozenset({"history", "remark"})
"""Fields never shown: the history an answer carries, and maintainers' remarks."""


# -- answers ---------------------------------------------------------------------------
class MembersAnswer(NamedTuple):
    """The legal members on a day, and the standing of every state that ever had one."""

    date: Day
    members: tuple[Standing, ...]
    standings: tuple[Standing, ...]
    findings: tuple[Finding, ...]
    history: History


class StandingAnswer(NamedTuple):
    """One state's standing on a day."""

    date: Day
    state: str
    standing: Standing | None
    member: bool
    findings: tuple[Finding, ...]
    history: History


class OfficialsAnswer(NamedTuple):
    date: Day
    secretary_general: Term | None
    chair: Term | None
    findings: tuple[Finding, ...]
    history: History


class AssistAnswer(NamedTuple):
    """Article 4 on a day: who must assist, and the procedure as ordered steps."""

    date: Day
    victim: str
    aggressor: str | None
    situation: str
    territory: str
    obliged: tuple[str, ...]
    article_version: str | None
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class BaseAnswer(NamedTuple):
    """Whose consent a member needs to let a non-member station forces or facilities."""

    date: Day
    host: str
    guest: str
    consent_required_from: tuple[str, ...]
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class StepAnswer(NamedTuple):
    """Whether a step keeps the Treaty; ``path`` is the lawful way, step by step."""

    date: Day
    actor: str
    action: str
    target: str | None
    verdict: str
    effective: Day | None
    consent_required_from: tuple[str, ...]
    path: tuple[ProcedureStep, ...]
    findings: tuple[Finding, ...]
    history: History


class ChairAnswer(NamedTuple):
    year: int
    chair: Term | None
    basis: str
    holders: tuple[Term, ...]
    findings: tuple[Finding, ...]
    history: History


class DecisionAnswer(NamedTuple):
    """Whether a body adopts a draft: by which rule, blocked by whom, binding whom."""

    date: Day
    body: str
    matter: str
    rule: str
    adopted: bool
    positions: dict[str, str]
    blocked_by: tuple[str, ...]
    bound: tuple[str, ...]
    not_bound: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class DocumentStatus(NamedTuple):
    """A document as it stood on a day."""

    id: str
    title: Text
    kind: str
    status: str
    in_force: bool
    signed: Dated | None
    in_force_from: Dated | None
    amends: str | None
    summary: Text | None
    articles_in_force: tuple[str, ...]
    sources: tuple[str, ...]


class DocumentsAnswer(NamedTuple):
    date: Day
    documents: tuple[DocumentStatus, ...]
    findings: tuple[Finding, ...]
    history: History


class WordingStatus(NamedTuple):
    """One version of an article, and when it entered into force."""

    version: str
    in_force_from: Day | None
    in_force: bool
    wording_retrieved: bool
    confidence: str
    text: Text
    sources: tuple[str, ...]


class ArticleAnswer(NamedTuple):
    date: Day
    document: str
    document_title: Text
    article: str
    title: Text
    in_force: bool
    text: Text | None
    citation: Citation | None
    versions: tuple[WordingStatus, ...]
    findings: tuple[Finding, ...]
    history: History


class ExercisesAnswer(NamedTuple):
    year: int | None
    exercises: tuple[Exercise, ...]
    history: History


class ForcesAnswer(NamedTuple):
    forces: tuple[Force, ...]
    history: History


class GroupingsAnswer(NamedTuple):
    groupings: tuple[Grouping, ...]
    history: History


class Requirement(NamedTuple):
    """What the Treaty required under one reading of a case, asked of the rules on its date."""

    reading: CaseQuestion
    obliged: tuple[str, ...]
    article_version: str | None
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]


class CaseAnswer(NamedTuple):
    """A case: what was asked and done, and what the Treaty required under each reading.

    ``aggressor_named`` is False where every reading naming an aggressor is a party's claim:
    the Organization itself named none.
    """

    case: Case
    readings: tuple[Requirement, ...]
    aggressor_named: bool


class CasesAnswer(NamedTuple):
    cases: tuple[CaseAnswer, ...]
    history: History


class OrganizationAnswer(NamedTuple):
    name: Text
    abbreviation: Text
    organization: Organization
    history: History


class Dispute(NamedTuple):
    """A fact where sources disagree: the record, the value chosen, why, the alternatives."""

    record: str
    field: str
    label: Text | str
    date: Day | None
    chosen_because: Text | str | None
    sources: tuple[str, ...]
    alternatives: tuple[Alternative, ...]


class DisputesAnswer(NamedTuple):
    disputes: tuple[Dispute, ...]
    history: History


class StateHistoryAnswer(NamedTuple):
    """One state's story: its codes, standing on a day, events, offices, exercises, cases."""

    state: str
    date: Day
    codes: Country
    standing: Standing | None
    events: tuple[Event, ...]
    offices: tuple[Term, ...]
    exercises_hosted: tuple[str, ...]
    cases: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class OverviewAnswer(NamedTuple):
    """The organization on a day: what ``make run`` shows first."""

    date: Day
    members: tuple[Standing, ...]
    observers: tuple[Standing, ...]
    standings: tuple[Standing, ...]
    secretary_general: Term | None
    chair: Term | None
    documents_in_force: tuple[DocumentStatus, ...]
    findings: tuple[Finding, ...]
    history: History


# -- the JSON form -------------------------------------------------------------------------
class _Encoder:
    """Turns one answer into its JSON form, collecting every source id it references."""

    def __init__(self, loc: Localizer) -> None:
        self.loc = loc
        self.sources: dict[str, None] = {}
        self.special: dict[type, Callable[[Any], Any]] = {
            Text: self.loc.text, Fact: self.fact, Citation: self.citation,
            Finding: self.finding, Standing: self.standing, Term: self.term,
            Country: self.country,
        }

    def cite(self, ids: tuple[str, ...]) -> list[str]:
        self.sources.update(dict.fromkeys(ids))
        return list(ids)

    def value(self, value: Any) -> Any:
        kind = type(value)
        special = self.special.get(kind)
        if special is not None:
            return special(value)
        if kind is date:
            return value.isoformat()
        if isinstance(value, tuple):
            if hasattr(value, "_fields"):
                return self.record(value)
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value

    def record(self, value: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, item in zip(value._fields, value, strict=True):
            if name in SKIPPED_FIELDS:
                continue
            if name == "sources" and isinstance(item, tuple):
                result[name] = self.cite(item)
            else:
                result[name] = self.value(item)
        return result

    def fact(self, fact: Fact) -> dict[str, Any]:
        return {"fact": fact.ref, "date": (fact.date.isoformat()),
                "sources": self.cite(fact.sources), "confidence": fact.confidence,
                "disputed": fact.disputed}

    def citation(self, citation: Citation) -> dict[str, Any]:
        return {"document": citation.document, "article": citation.article,
                "version": citation.version,
                "in_force_from": (citation.in_force_from.isoformat()),
                "in_force_precision": citation.in_force_precision,
                "wording_retrieved": citation.wording_retrieved,
                "sources": self.cite(citation.sources)}

    def finding(self, item: Finding) -> dict[str, Any]:
        return {"kind": item.kind, "code": item.code, "text": self.loc.format(item),
                "citations": [self.citation(c) for c in item.citations],
                "facts": [self.fact(f) for f in item.facts]}

    def standing(self, standing: Standing) -> dict[str, Any]:
        result: dict[str, Any] = {
            "iso3": standing.iso3, "name": self.loc.country(standing.iso3),
            "status": standing.status,
            "since": (standing.since.isoformat()),
            "since_precision": standing.since_precision, "fact": self.fact(standing.fact)}
        if standing.body:
            result["body"] = standing.body
        return result

    def term(self, term: Term) -> dict[str, Any]:
        return {
            "iso3": term.state, "state": self.loc.country(term.state) if term.state else None,
            "name": self.loc.text(term.person) if term.person else None, "office": term.office,
            "from": (term.start.isoformat()),
            "until": (term.end.isoformat()) if term.end else None,
            "from_precision": term.precision, "acting": term.acting, "basis": term.basis,
            "note": self.loc.text(term.note) if term.note else None, "fact": self.fact(term.fact),
        }

    def country(self, country: Country) -> dict[str, Any]:
        return {"iso3": country.iso3, "alpha2": country.alpha2, "numeric": country.numeric,
                "name": country.names.get(self.loc.lang) or country.names["en"],
                "cow": country.cow, "official_name": country.official_name,
                "sources": self.cite((*country.name_sources, *country.cow_sources))}

    def source(self, source: Source) -> dict[str, Any]:
        result: dict[str, Any] = {"title": source.title, "kind": source.kind}
        if source.url:
            result["url"] = source.url
        if source.file:
            result["file"] = source.file
        if source.published:
            result["published"] = (source.published.isoformat())
            result["published_precision"] = source.precision
        if source.language:
            result["language"] = source.language
        return result


def citations_of(findings: tuple[Finding, ...]) -> list[Citation]:
    """The citations of some findings, each article-and-version once, in order."""
    seen: dict[tuple[str, str], Citation] = {}
    for item in findings:
        for citation in item.citations:
            seen.setdefault((citation.key, citation.version), citation)
    return list(seen.values())


def to_json(answer: Any, loc: Localizer) -> dict[str, Any]:
    """The JSON form of an answer, as ``--json`` prints it and the REST API returns it."""
    encoder = _Encoder(loc)
    result = encoder.record(answer)
    findings = getattr(answer, "findings", None)
    if findings is not None:
        result["citations"] = [encoder.citation(c) for c in citations_of(findings)]
    known = answer.history.sources
    result["sources"] = {ident: encoder.source(known[ident]) for ident in encoder.sources}
    return result
