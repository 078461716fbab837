"""Value types shared by the history, the rules and every interface.

They are NamedTuples rather than dataclasses or msgspec Structs on purpose: the command
line must start fast, and ``typing`` is the only import they need.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

MEMBER_STATUSES = frozenset({"member", "frozen"})
"""Standings that are legal membership: rights and obligations under the Treaty."""

STATUSES = ("signatory", "member", "frozen", "suspended", "former", "observer", "former_observer")


class Citation(NamedTuple):
    """An article of a document, in the wording in force on the date asked."""

    document: str
    article: str
    version: str
    in_force_from: str
    precision: str
    retrieved: bool
    sources: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.document}/{self.article}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "article": self.article,
            "version": self.version,
            "in_force_from": self.in_force_from,
            "in_force_precision": self.precision,
            "wording_retrieved": self.retrieved,
            "sources": list(self.sources),
        }


class Fact(NamedTuple):
    """A dated fact from the data files that an answer relies on."""

    ref: str
    date: str
    sources: tuple[str, ...]
    confidence: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "fact": self.ref,
            "date": self.date,
            "sources": list(self.sources),
            "confidence": self.confidence,
        }


class CountryRef(NamedTuple):
    """A finding parameter to be rendered as a country name in the reader's language."""

    code: str


class CountryList(NamedTuple):
    """A finding parameter to be rendered as a list of country names."""

    codes: tuple[str, ...]


class Finding(NamedTuple):
    """One conclusion of a rule, with the law and the facts behind it.

    ``message`` is an English template and the message id for translation;
    ``params`` fill it in. ``kind`` is one of: obligation, prohibition, permission,
    requirement, procedure, open-question, information.
    """

    kind: str
    code: str
    message: str
    params: dict[str, Any]
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()


class Standing(NamedTuple):
    """What a state is to the Treaty and the Organization from ``since`` on."""

    iso3: str
    status: str
    since: date
    precision: str
    fact: Fact
    body: str | None = None

    @property
    def is_member(self) -> bool:
        return self.status in MEMBER_STATUSES


class Term(NamedTuple):
    """A holder of an office over [start, end)."""

    office: str
    state: str | None
    person: dict[str, str] | None
    start: date
    end: date | None
    precision: str
    acting: bool
    basis: str
    fact: Fact
    note: str | None = None


class ArticleVersion(NamedTuple):
    """One wording of one article, with the citation that names it."""

    document: str
    number: str
    title: dict[str, str]
    text: dict[str, str]
    citation: Citation
