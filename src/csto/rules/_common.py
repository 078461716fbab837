"""Small helpers every rule family uses to cite law and facts and to shape answers."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import InputError
from ..history import Snapshot
from ..model import Citation, CountryRef, Fact, Finding

N_ = str
"""Marks a message template for translation (extracted by Babel); returns it unchanged."""


def cite(snap: Snapshot, document: str, number: str) -> tuple[Citation, ...]:
    """The citation of an article as in force on the snapshot's day, or nothing."""
    version = snap.article(document, number)
    return (version.citation,) if version is not None else ()


def standing_fact(snap: Snapshot, iso3: str) -> tuple[Fact, ...]:
    standing = snap.standing(iso3)
    return (standing.fact,) if standing is not None else ()


def status_of(snap: Snapshot, iso3: str) -> str:
    standing = snap.standing(iso3)
    return standing.status if standing is not None else "none"


def document_fact(snap: Snapshot, document: str, event: str = "in_force") -> tuple[Fact, ...]:
    record = snap.history.documents[document].get(event)
    if not record:
        return ()
    return (Fact(f"document:{document}:{event}", record["date"], tuple(record["sources"]),
                 record["confidence"]),)


def require_country(snap: Snapshot, iso3: str, role: str) -> str:
    if iso3 not in snap.history.countries:
        raise InputError(f"unknown country '{iso3}' given as {role}: use an ISO 3166 alpha-3 code")
    return iso3


def iso(day: date) -> str:
    return day.isoformat()


def finding(kind: str, code: str, message: str, params: dict[str, Any] | None = None,
            citations: tuple[Citation, ...] = (), facts: tuple[Fact, ...] = ()) -> Finding:
    return Finding(kind, code, message, params or {}, citations, facts)


def not_a_member(snap: Snapshot, iso3: str, param: str, code: str, message: str,
                 law: tuple[Citation, ...]) -> Finding:
    """A finding that ``iso3`` has no member's rights or duties on the day, with its standing."""
    return finding("information", code, message,
                   {param: CountryRef(iso3), "date": iso(snap.date), "status": status_of(snap, iso3)},
                   law, standing_fact(snap, iso3))


def frozen_among(snap: Snapshot, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The states among ``codes`` whose participation is frozen on the day."""
    return tuple(c for c in codes if status_of(snap, c) == "frozen")
