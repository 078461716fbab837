"""Answers to the model's questions, and their one JSON form shared by every interface."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from .model import Citation, Finding, Standing, Term

if TYPE_CHECKING:
    from .i18n import Localizer


def _citations(findings: tuple[Finding, ...]) -> list[Citation]:
    seen: dict[tuple[str, str], Citation] = {}
    for item in findings:
        for citation in item.citations:
            seen.setdefault((citation.key, citation.version), citation)
    return list(seen.values())


def _source_ids(findings: tuple[Finding, ...], extra: tuple[str, ...] = ()) -> list[str]:
    ids: dict[str, None] = dict.fromkeys(extra)
    for item in findings:
        for citation in item.citations:
            ids.update(dict.fromkeys(citation.sources))
        for fact in item.facts:
            ids.update(dict.fromkeys(fact.sources))
    return list(ids)


def common(findings: tuple[Finding, ...], loc: Localizer,
           extra_sources: tuple[str, ...] = ()) -> dict[str, Any]:
    """The findings, citations and sources blocks every answer carries."""
    return {
        "findings": [loc.finding(item) for item in findings],
        "citations": [citation.as_dict() for citation in _citations(findings)],
        "sources": loc.sources(_source_ids(findings, extra_sources)),
    }


def standing_dict(standing: Standing, loc: Localizer) -> dict[str, Any]:
    result: dict[str, Any] = {
        "iso3": standing.iso3,
        "name": loc.country(standing.iso3),
        "status": standing.status,
        "since": standing.since.isoformat(),
        "since_precision": standing.precision,
        "fact": standing.fact.as_dict(),
    }
    if standing.body:
        result["body"] = standing.body
    return result


def term_dict(term: Term | None, loc: Localizer) -> dict[str, Any] | None:
    if term is None:
        return None
    return {
        "iso3": term.state,
        "state": loc.country(term.state) if term.state else None,
        "name": loc.text(term.person) if term.person else None,
        "from": term.start.isoformat(),
        "until": term.end.isoformat() if term.end else None,
        "from_precision": term.precision,
        "acting": term.acting,
        "basis": term.basis,
        "fact": term.fact.as_dict(),
    }


class MembersAnswer(NamedTuple):
    date: datetime.date
    members: tuple[Standing, ...]
    standings: tuple[Standing, ...]
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "members": [standing_dict(s, loc) for s in self.members],
            "standings": [standing_dict(s, loc) for s in self.standings],
            **common(self.findings, loc,
                     tuple(src for s in self.standings for src in s.fact.sources)),
        }


class AssistAnswer(NamedTuple):
    date: datetime.date
    victim: str
    aggressor: str | None
    situation: str
    territory: str
    obliged: tuple[str, ...]
    article_version: str | None
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "victim": self.victim,
            "aggressor": self.aggressor,
            "situation": self.situation,
            "territory": self.territory,
            "obliged": list(self.obliged),
            "article_version": self.article_version,
            "open_questions": [f.code for f in self.findings if f.kind == "open-question"],
            **common(self.findings, loc),
        }


class BaseAnswer(NamedTuple):
    date: datetime.date
    host: str
    guest: str
    consent_required_from: tuple[str, ...]
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "host": self.host,
            "guest": self.guest,
            "consent_required_from": list(self.consent_required_from),
            "open_questions": [f.code for f in self.findings if f.kind == "open-question"],
            **common(self.findings, loc),
        }


class StepAnswer(NamedTuple):
    date: datetime.date
    actor: str
    action: str
    target: str | None
    verdict: str
    effective: datetime.date | None
    consent_required_from: tuple[str, ...]
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "verdict": self.verdict,
            "effective": self.effective.isoformat() if self.effective else None,
            "consent_required_from": list(self.consent_required_from),
            **common(self.findings, loc),
        }


class ChairAnswer(NamedTuple):
    year: int
    chair: Term | None
    basis: str
    holders: tuple[Term, ...]
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "year": self.year,
            "chair": term_dict(self.chair, loc),
            "basis": self.basis,
            "holders": [term_dict(t, loc) for t in self.holders],
            **common(self.findings, loc),
        }


class OfficialsAnswer(NamedTuple):
    date: datetime.date
    secretary_general: Term | None
    chair: Term | None
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "secretary_general": term_dict(self.secretary_general, loc),
            "chair": term_dict(self.chair, loc),
            **common(self.findings, loc),
        }


class DecisionAnswer(NamedTuple):
    date: datetime.date
    body: str
    matter: str
    adopted: bool
    positions: dict[str, str]
    blocked_by: tuple[str, ...]
    bound: tuple[str, ...]
    not_bound: tuple[str, ...]
    findings: tuple[Finding, ...]

    def as_dict(self, loc: Localizer) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "body": self.body,
            "matter": self.matter,
            "adopted": self.adopted,
            "positions": dict(sorted(self.positions.items())),
            "blocked_by": list(self.blocked_by),
            "bound": list(self.bound),
            "not_bound": list(self.not_bound),
            **common(self.findings, loc),
        }
