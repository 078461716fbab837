"""The one JSON form of every answer, shared by ``--json``, the REST API and ``csto.to_dict``.

``to_json`` turns any answer into that form generically: the value types with a form of
their own (a standing, a term, a finding, a citation, a fact, a country, a source) are
written as ``jsonforms`` describes them; every other NamedTuple becomes an object of its
fields. Texts are given in the reader's language, days as YYYY-MM-DD. An answer with
findings also lists their ``citations``, and every answer ends with ``sources``: each
source id referenced anywhere in it, resolved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from .._typing import TYPE_CHECKING
from ..errors import InputError
from ..record.history import History
from ..record.model import Citation, Country, Fact, Finding, Source, Standing, Term, Text
from .i18n import Localizer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, Protocol, TypeAlias, TypeVar

    from orjson import Fragment

    from ..record.bounded import JSON

    Object: TypeAlias = "dict[str, JSON]"
    T = TypeVar("T")

    class Record(Protocol):
        """A NamedTuple: fields by name, values in order."""

        _fields: tuple[str, ...]

        def __iter__(self) -> Iterator[object]: ...

    class Answer(Record, Protocol):
        """An answer: a record that carries the history it was computed on."""

        @property
        def history(self) -> History: ...

SKIPPED_FIELDS = frozenset({"history", "remark"})
"""Fields never shown: the history an answer carries, and maintainers' remarks."""
LONG = 4
"""Tuples of kept records this long or longer are kept as JSON text too (an epoch's
standings, its members)."""
KEPT_KINDS = frozenset({Standing, Term, Citation, Fact})
FRAGMENTS_LIMIT = 65_536
_FRAGMENTS: dict[tuple[int, str], tuple[object, Fragment, tuple[str, ...]]] = {}
"""JSON text of records by identity and language, with the sources each cites."""
_SEEN: dict[tuple[int, str], object] = {}
"""Findings written once (by identity and language): the second time, one is kept."""
SEEN_LIMIT = 4_096
_SOURCE_SETS: dict[tuple[str, ...], tuple[Mapping[str, Source], Fragment]] = {}
"""JSON text of the ``sources`` object of a set of cited ids, with the sources it read."""


class _Encoder:
    """Turns one answer into its JSON form, collecting every source id it references."""

    def __init__(self, loc: Localizer) -> None:
        self.loc = loc
        self.sources: dict[str, None] = {}
        self.special: dict[type, Callable[[Any], JSON]] = {  # each takes its own type
            Text: self.loc.text, Fact: self.fact, Citation: self.citation,
            Finding: self.finding, Standing: self.standing, Term: self.term,
            Country: self.country,
        }

    def cite(self, ids: tuple[str, ...]) -> list[JSON]:
        self.sources.update(dict.fromkeys(ids))
        return list(ids)

    def value(self, value: object) -> JSON:
        kind = type(value)
        special = self.special.get(kind)
        if special is not None:
            return special(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            if hasattr(value, "_fields"):
                return self.record(value)
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {str(key): self.value(item) for key, item in value.items()}
        return value  # type: ignore[return-value]  # text, a number, None or JSON already

    def record(self, value: Record) -> Object:
        result: Object = {}
        for name, item in zip(value._fields, value, strict=True):
            if name in SKIPPED_FIELDS:
                continue
            if name == "sources" and isinstance(item, tuple):
                result[name] = self.cite(item)
            else:
                result[name] = self.value(item)
        return result

    def fact(self, fact: Fact) -> Object:
        return {"fact": fact.ref, "date": (fact.date.isoformat()),
                "sources": self.cite(fact.sources), "confidence": fact.confidence,
                "disputed": fact.disputed}

    def citation(self, citation: Citation) -> Object:
        return {"document": citation.document, "article": citation.article,
                "version": citation.version,
                "in_force_from": (citation.in_force_from.isoformat()),
                "in_force_precision": citation.in_force_precision,
                "wording_retrieved": citation.wording_retrieved,
                "sources": self.cite(citation.sources)}

    def finding(self, item: Finding) -> Object:
        return {"kind": item.kind, "code": item.code, "text": self.loc.format(item),
                "citations": self.value(item.citations), "facts": self.value(item.facts)}

    def standing(self, standing: Standing) -> Object:
        result: Object = {
            "iso3": standing.iso3, "name": self.loc.country(standing.iso3),
            "status": standing.status,
            "since": (standing.since.isoformat()),
            "since_precision": standing.since_precision, "fact": self.fact(standing.fact)}
        if standing.body:
            result["body"] = standing.body
        return result

    def term(self, term: Term) -> Object:
        return {
            "iso3": term.state, "state": self.loc.country(term.state) if term.state else None,
            "name": self.loc.text(term.person) if term.person else None, "office": term.office,
            "from": (term.start.isoformat()),
            "until": (term.end.isoformat()) if term.end else None,
            "from_precision": term.precision, "acting": term.acting, "basis": term.basis,
            "note": self.loc.text(term.note) if term.note else None, "fact": self.fact(term.fact),
            "appointed": term.appointed.isoformat() if term.appointed else None,
        }

    def country(self, country: Country) -> Object:
        return {"iso3": country.iso3, "alpha2": country.alpha2, "numeric": country.numeric,
                "name": country.names.get(self.loc.lang) or country.names["en"],
                "cow": country.cow, "official_name": country.official_name,
                "sources": self.cite((*country.name_sources, *country.cow_sources))}

    def source(self, source: Source) -> Object:
        result: Object = {"title": source.title, "kind": source.kind}
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


class _Fragments(_Encoder):
    """The same JSON form, with the records a history keeps (standings, terms, citations,
    facts, sources, and long tuples of them) written as ``orjson.Fragment``: JSON text made
    once per record and language and reused by every answer that holds the same record
    (for the REST API, which sends bytes)."""

    def _kept(self, value: T, write: Callable[[_Encoder, T], JSON]) -> JSON:
        key = (id(value), self.loc.lang)
        found = _FRAGMENTS.get(key)
        if found is None or found[0] is not value:
            import orjson

            outer, self.sources = self.sources, {}
            try:
                written = write(self, value)
            finally:
                cited, self.sources = self.sources, outer
            if len(_FRAGMENTS) >= FRAGMENTS_LIMIT:
                _FRAGMENTS.clear()
            found = _FRAGMENTS[key] = (value, orjson.Fragment(orjson.dumps(written)), tuple(cited))
        if found[2]:
            self.sources.update(dict.fromkeys(found[2]))
        return found[1]

    def value(self, value: object) -> JSON:
        if type(value) is tuple and len(value) >= LONG and type(value[0]) in KEPT_KINDS:
            return self._kept(value, _Encoder.value)
        return super().value(value)

    def fact(self, fact: Fact) -> JSON:  # type: ignore[override]
        return self._kept(fact, _Encoder.fact)

    def finding(self, item: Finding) -> JSON:  # type: ignore[override]
        """A finding met before (a dispute, the record's edge: made once per history) is
        kept like a record; one made for this answer alone is written, and only noted, so
        that findings of one answer each do not crowd out the kept ones."""
        key = (id(item), self.loc.lang)
        if key in _FRAGMENTS or _SEEN.get(key) is item:
            return self._kept(item, _Encoder.finding)
        if len(_SEEN) >= SEEN_LIMIT:
            _SEEN.clear()
        _SEEN[key] = item
        return _Encoder.finding(self, item)

    def citation(self, citation: Citation) -> JSON:  # type: ignore[override]
        return self._kept(citation, _Encoder.citation)

    def standing(self, standing: Standing) -> JSON:  # type: ignore[override]
        return self._kept(standing, _Encoder.standing)

    def term(self, term: Term) -> JSON:  # type: ignore[override]
        return self._kept(term, _Encoder.term)

    def source(self, source: Source) -> JSON:  # type: ignore[override]
        return self._kept(source, _Encoder.source)

    def resolved(self, known: Mapping[str, Source]) -> JSON:
        """The ``sources`` object of the ids cited, as JSON text kept per set of ids."""
        ids = tuple(self.sources)
        found = _SOURCE_SETS.get(ids)
        if found is None or found[0] is not known:
            import orjson

            if len(_SOURCE_SETS) >= FRAGMENTS_LIMIT:
                _SOURCE_SETS.clear()
            found = _SOURCE_SETS[ids] = (known, orjson.Fragment(orjson.dumps(
                {ident: self.source(known[ident]) for ident in ids})))
        return found[1]


def citations_of(findings: tuple[Finding, ...]) -> list[Citation]:
    """The citations of some findings, each article-and-version once, in order."""
    seen: dict[tuple[str, str], Citation] = {}
    for item in findings:
        for citation in item.citations:
            seen.setdefault((citation.key, citation.version), citation)
    return list(seen.values())


def to_json(answer: Answer, loc: Localizer, fragments: bool = False) -> Object:
    """The JSON form of an answer, as ``--json`` prints it and the REST API returns it."""
    encoder = _Fragments(loc) if fragments else _Encoder(loc)
    result = encoder.record(answer)
    findings: tuple[Finding, ...] | None = getattr(answer, "findings", None)
    if findings is not None:
        result["citations"] = [encoder.citation(c) for c in citations_of(findings)]
    known = answer.history.sources
    if isinstance(encoder, _Fragments):
        result["sources"] = encoder.resolved(known)
    else:
        result["sources"] = {ident: encoder.source(known[ident]) for ident in encoder.sources}
    return result


def to_dict(answer: object, lang: str = "en") -> dict[str, Any]:  # JSON for callers to index
    """The JSON form of any answer, the same object the CLI prints with ``--json``."""
    history = getattr(answer, "history", None)
    if not isinstance(history, History):
        raise InputError("to_dict takes an answer of a csto function, not {kind}",
                         field="answer", kind=type(answer).__name__)
    return to_json(answer, Localizer(history.countries, lang))  # type: ignore[arg-type]


def to_bytes(answer: object, lang: str = "en") -> bytes:
    """The JSON form of any answer as UTF-8 bytes (what the REST API sends): the same
    object as ``to_dict``, with the records a history keeps written once and reused."""
    import orjson

    history = getattr(answer, "history", None)
    if not isinstance(history, History):
        raise InputError("to_dict takes an answer of a csto function, not {kind}",
                         field="answer", kind=type(answer).__name__)
    return orjson.dumps(to_json(answer, Localizer(history.countries, lang), fragments=True))  # type: ignore[arg-type]
