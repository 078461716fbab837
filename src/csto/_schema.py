"""The shape of every data file, checked when the data is compiled (never on the hot path)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

import msgspec

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
SourceIds = Annotated[list[NonEmpty], msgspec.Meta(min_length=1)]
Confidence = Literal["H", "M", "L"]
Precision = Literal["day", "month", "year", "inferred"]
Iso3 = Annotated[str, msgspec.Meta(pattern="^[A-Z]{3}$")]


class Record(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Base for data records: unknown fields are errors, not silently ignored."""


class Text(Record, kw_only=True):
    en: NonEmpty
    id: NonEmpty | None = None
    ru: NonEmpty | None = None


class PartialText(Record, kw_only=True):
    en: NonEmpty | None = None
    id: NonEmpty | None = None
    ru: NonEmpty | None = None


Note = str | Text


class Alternative(Record, kw_only=True):
    """A value another source gives, kept beside the chosen one with the reason it lost."""

    value: NonEmpty | None = None
    date: datetime.date | None = None
    precision: Precision = "day"
    sources: SourceIds
    why_not: NonEmpty


class Sourced(Record, kw_only=True):
    sources: SourceIds
    confidence: Confidence
    chosen_because: NonEmpty | None = None
    alternatives: list[Alternative] = []


class Source(Record, kw_only=True):
    id: NonEmpty
    kind: Literal["primary", "official", "news", "reference", "seed", "dataset"]
    title: NonEmpty
    url: NonEmpty | None = None
    file: NonEmpty | None = None


class Dated(Sourced, kw_only=True):
    date: datetime.date
    precision: Precision = "day"
    place: NonEmpty | None = None


class ArticleVersion(Sourced, kw_only=True):
    by: NonEmpty
    text: Text
    retrieved: bool = True


class Article(Record, kw_only=True):
    number: NonEmpty
    title: Text
    versions: Annotated[list[ArticleVersion], msgspec.Meta(min_length=1)]


class Document(Sourced, kw_only=True):
    id: NonEmpty
    kind: Literal["treaty", "charter", "protocol", "agreement", "decision", "external"]
    title: Text
    short: Text | None = None
    signed: Dated | None = None
    in_force: Dated | None = None
    amends: NonEmpty | None = None
    summary: Text | None = None
    articles: list[Article] = []


EventKind = Literal[
    "sign", "lapse", "return", "suspend", "freeze", "unfreeze", "withdraw",
    "observer", "observer-end", "statement",
]


class Event(Sourced, kw_only=True):
    id: NonEmpty
    date: datetime.date
    precision: Precision = "day"
    state: Iso3
    kind: EventKind
    body: Literal["PA"] | None = None
    summary: Text
    note: Note | None = None


class Term(Sourced, kw_only=True):
    person: Text | None = None
    state: Iso3 | None
    start: datetime.date = msgspec.field(name="from")
    until: datetime.date | None = None
    precision: Precision = "day"
    acting: bool = False
    note: Note | None = None


class ChairRule(Sourced, kw_only=True):
    since: datetime.date
    summary: Text


class Offices(Record, kw_only=True):
    secretary_general: list[Term]
    chair: list[Term]
    chair_rule: ChairRule


class OrgName(Sourced, kw_only=True):
    lang: NonEmpty
    script: NonEmpty | None = None
    name: NonEmpty
    latin: NonEmpty | None = None
    note: Note | None = None


class OrgFact(Sourced, kw_only=True):
    value: Text
    detail: NonEmpty | None = None
    note: Note | None = None


class Milestone(Sourced, kw_only=True):
    date: datetime.date
    precision: Precision = "day"
    document: NonEmpty | None = None
    event: Literal["signed", "in_force"] | None = None
    summary: Text
    note: Note | None = None


class Organ(Sourced, kw_only=True):
    id: NonEmpty
    name: Text
    role: Text
    decides_by_consensus: bool = False


class Organization(Record, kw_only=True):
    abbreviations: Text
    names: list[OrgName]
    headquarters: OrgFact
    official_language: OrgFact
    website: OrgFact
    milestones: list[Milestone]
    organs: list[Organ]


class Exercise(Sourced, kw_only=True):
    id: NonEmpty
    name: NonEmpty
    series: Literal[
        "rubezh", "interaction", "search", "echelon", "cobalt",
        "indestructible-brotherhood", "barrier", "grom", "center", "other",
    ]
    year: int
    start: datetime.date | None = None
    end: datetime.date | None = None
    hosts: list[Iso3] = []
    participants: list[Iso3] | None = None
    troops: int | None = None
    aircraft: int | None = None
    largest_of_year: bool = False
    planned: bool = False
    summary: Text | None = None


class Force(Sourced, kw_only=True):
    id: NonEmpty
    name: Text
    established: datetime.date
    basis: Text
    size: Text


Situation = Literal["armed-attack", "internal-unrest", "threat"]
Territory = Literal["inside", "outside"]


class CaseQuestion(Record, kw_only=True):
    victim: Iso3
    aggressor: Iso3 | None = None
    situation: Situation = "armed-attack"
    territory: Territory = "inside"
    date: datetime.date


class Case(Sourced, kw_only=True):
    id: NonEmpty
    title: Text
    start: datetime.date
    end: datetime.date
    question: CaseQuestion
    request: Text
    action: Text
    outcome: NonEmpty
    troops: int | None = None


class Assessment(Sourced, kw_only=True):
    start: datetime.date = msgspec.field(name="from")
    directed_against: list[Iso3]
    summary: Text


class Grouping(Sourced, kw_only=True):
    id: Annotated[str, msgspec.Meta(pattern="^[A-Z][A-Z0-9-]*$")]
    name: Text
    kind: Literal[
        "military-alliance", "political-union", "political-grouping",
        "security-cooperation", "economic-union",
    ]
    collective_defence: bool
    assessments: list[Assessment] = []


class CountryOverride(Record, kw_only=True):
    iso3: Iso3
    cow: int | None = None
    names: PartialText | None = None
    sources: SourceIds
    note: Note | None = None
