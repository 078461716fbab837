"""The JSON shapes of the values that have a form of their own in an answer.

``tojson`` writes them; ``shapes`` turns them, with the answer types, into the
published JSON Schemas. Days are ``IsoDay`` (YYYY-MM-DD, ``format: date`` in the schema).
"""

from __future__ import annotations

from typing import NewType, NotRequired, TypedDict

IsoDay = NewType("IsoDay", str)
"""A day written YYYY-MM-DD (its JSON Schema says ``format: date``)."""


class FactJSON(TypedDict):
    fact: str
    date: IsoDay
    sources: list[str]
    confidence: str
    disputed: bool


class CitationJSON(TypedDict):
    document: str
    article: str
    version: str
    in_force_from: IsoDay
    in_force_precision: str
    wording_retrieved: bool
    sources: list[str]


class FindingJSON(TypedDict):
    kind: str
    code: str
    text: str
    citations: list[CitationJSON]
    facts: list[FactJSON]


class StandingJSON(TypedDict):
    iso3: str
    name: str
    status: str
    since: IsoDay
    since_precision: str
    fact: FactJSON
    body: NotRequired[str]


TermJSON = TypedDict("TermJSON", {
    "iso3": str | None, "state": str | None, "name": str | None, "office": str,
    "from": IsoDay, "until": IsoDay | None, "from_precision": str, "acting": bool,
    "basis": str, "note": str | None, "fact": FactJSON, "appointed": IsoDay | None,
})


class CountryJSON(TypedDict):
    iso3: str
    alpha2: str
    numeric: str
    name: str
    cow: int | None
    official_name: str | None
    sources: list[str]


class SourceJSON(TypedDict):
    title: str
    kind: str
    url: NotRequired[str]
    file: NotRequired[str]
    published: NotRequired[IsoDay]
    published_precision: NotRequired[str]
    language: NotRequired[str]
