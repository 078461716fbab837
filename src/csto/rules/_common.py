"""Small helpers every rule family uses to cite law and facts and to shape findings."""

from __future__ import annotations

from .._typing import TYPE_CHECKING
from ..errors import InputError
from ..record.history import Snapshot, fact_of
from ..record.model import Citation, CountryRef, DateRef, Fact, Finding, Label, ProcedureStep

if TYPE_CHECKING:
    from datetime import date

N_ = str
"""Marks a message template for translation (extracted by Babel); returns it unchanged."""


class NotInForceError(LookupError):
    """A rule cited an article that is not in force on the day: a bug in the rule."""


def cite(snap: Snapshot, document: str, number: str) -> tuple[Citation, ...]:
    """The citation of an article as in force on the snapshot's day.

    A rule that cites an article not in force that day has a bug: this raises rather than
    let a finding go out without its law. Use ``cite_if_in_force`` where the article
    may not be in force yet.
    """
    version = snap.article(document, number)
    if version is None:
        raise NotInForceError(f"{document}/{number} is not in force on {snap.date.isoformat()}")
    return (version.citation,)


def cite_if_in_force(snap: Snapshot, document: str, number: str) -> tuple[Citation, ...]:
    """The citation of an article if it is in force on the day, else nothing."""
    version = snap.article(document, number)
    return (version.citation,) if version is not None else ()


def standing_fact(snap: Snapshot, iso3: str) -> tuple[Fact, ...]:
    standing = snap.standing(iso3)
    return (standing.fact,) if standing is not None else ()


def status_of(snap: Snapshot, iso3: str) -> str:
    standing = snap.standing(iso3)
    return standing.status if standing is not None else "none"


def document_fact(snap: Snapshot, document: str, event: str = "in_force") -> tuple[Fact, ...]:
    """The sourced fact of a document's signature or entry into force."""
    record = getattr(snap.history.documents[document], event)
    if record is None:
        return ()
    return (fact_of(f"document:{document}:{event}", record.date, record.sources,
                    record.confidence, record.alternatives),)


def wording_fact(snap: Snapshot, document: str, number: str) -> tuple[Fact, ...]:
    """The wording of an article in force on the day as a fact (disputed where sources read
    it differently, which every answer using it then says)."""
    version = snap.article(document, number)
    if version is None:
        return ()
    citation = version.citation
    for article in snap.history.documents[document].articles:
        if article.number == number:
            wording = next(w for w in article.versions if w.by == citation.version)
            return (fact_of(f"article:{document}/{number}:{citation.version}",
                            citation.in_force_from, wording.sources, wording.confidence,
                            wording.alternatives),)
    return ()


def case_fact(snap: Snapshot, case_id: str) -> tuple[Fact, ...]:
    """The sourced fact of a recorded case a finding mentions (none in data without it)."""
    for case in snap.history.cases:
        if case.id == case_id and case.start <= snap.date:
            return (fact_of(f"case:{case.id}", case.start, case.sources, case.confidence,
                            case.alternatives),)
    return ()


def document_day(snap: Snapshot, document: str, event: str = "in_force") -> DateRef:
    """A document's signature or entry into force, as a finding parameter."""
    record = getattr(snap.history.documents[document], event)
    assert record is not None, f"{document} has no {event} in the data"
    return DateRef(record.date, "day" if record.precision == "inferred" else record.precision)


def require_country(snap: Snapshot, iso3: str, role: str) -> str:
    if iso3 not in snap.history.countries:
        raise InputError("unknown country '{value}' given as {role}: use an ISO 3166 alpha-3 code",
                         field=role, value=iso3, role=role)
    return iso3


def day_of(snap: Snapshot) -> DateRef:
    return DateRef(snap.date)


def finding(kind: str, code: str, message: str, params: dict[str, object] | None = None,
            citations: tuple[Citation, ...] = (), facts: tuple[Fact, ...] = ()) -> Finding:
    return Finding(kind, code, message, params or {}, citations, facts)


def procedure_step(order: int, code: str, actor: str, states: tuple[str, ...],
                   citations: tuple[Citation, ...], *, required: bool = True,
                   rule: str | None = None, deadline: date | None = None) -> ProcedureStep:
    """A step of a procedure; ``added_by`` is the wording's document where it amended one."""
    added_by = next((c.version for c in citations if c.version != c.document), None)
    return ProcedureStep(order, code, actor, states, required, citations, rule, added_by, deadline)


def not_a_member(snap: Snapshot, iso3: str, param: str, code: str, message: str,
                 law: tuple[Citation, ...]) -> Finding:
    """A finding that ``iso3`` has no member's rights or duties on the day, with its standing."""
    status = Label("status", status_of(snap, iso3))
    return finding("information", code, message,
                   {param: CountryRef(iso3), "date": day_of(snap), "status": status},
                   law, standing_fact(snap, iso3))


def frozen_among(snap: Snapshot, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The states among ``codes`` whose participation is frozen on the day."""
    return tuple(c for c in codes if status_of(snap, c) == "frozen")


def open_questions(findings: list[Finding]) -> tuple[str, ...]:
    return tuple(f.code for f in findings if f.kind == "open-question")
