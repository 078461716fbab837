"""Checks on values: every reference resolves, every interval is sane, every event can be.

These work on the value types of ``model``, wherever they come from: the data files
(``load`` maps a ``RecordError`` to the file, line and field) or a user's Python code
(``History.with_events``). The replay in ``History`` adds the one check left: that each
event can follow the state's standing at the time.
"""

from __future__ import annotations

from datetime import date, datetime

from .._typing import TYPE_CHECKING
from ..errors import InputError, RecordError
from .dates import EARLIEST, LATEST
from .model import Event, Source
from .vocab import CONFIDENCES, LANGS, PRECISIONS

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator, Mapping
    from typing import Protocol, TypeVar

    class Identified(Protocol):
        @property
        def id(self) -> str: ...

    R = TypeVar("R", bound=Identified)
    V = TypeVar("V")

    from .countries import Countries
    from .model import Announced, Document, Offices, Review



def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def values_of(given: Iterable[V], field: str) -> tuple[V, ...]:
    """The values of a list or tuple (or any iterable but text and mappings)."""
    from collections.abc import Iterable as Many
    from collections.abc import Mapping as Keyed

    if isinstance(given, str | bytes | Keyed) or not isinstance(given, Many):
        raise InputError("{name} must be a list, not {kind}", field=field, name=field,
                         kind=type(given).__name__)
    return tuple(given)


def check_new_sources(new: Iterable[Source], known: Mapping[str, Source]) -> None:
    """New sources take ids no other source has (the same source given again is no new
    one): a source of the record is never replaced."""
    seen: dict[str, Source] = {}
    for source in new:
        if known.get(source.id, source) != source:
            raise RecordError("source", source.id, "id", "the record already has a source "
                              "with this id: give the new source another id")
        if seen.get(source.id, source) != source:
            raise RecordError("source", source.id, "id", "two new sources have this id")
        seen[source.id] = source


def check_source(source: Source) -> None:
    """A source needs an id and a title; its date, if any, is a day."""
    if not isinstance(source, Source):
        raise RecordError("source", str(source)[:40], None,
                          f"expected a csto.Source, found {type(source).__name__}")
    if not _text(source.id):
        raise RecordError("source", repr(source.id), "id", "a source needs an id")
    if not _text(source.title):
        raise RecordError("source", source.id, "title", "a source needs a title")
    if source.published is not None and (
            not isinstance(source.published, date) or isinstance(source.published, datetime)):
        raise RecordError("source", source.id, "published", "must be a date (datetime.date)")


def check_event(event: Event, sources: Mapping[str, Source], countries: Countries,
                taken: Collection[str], kinds: Collection[str]) -> None:
    """One event's values: its types, its state, kind and sources, its day."""
    if not isinstance(event, Event):
        raise RecordError("event", str(event)[:40], None,
                          f"expected a csto.Event, found {type(event).__name__}")
    ident = event.id if _text(event.id) else repr(event.id)
    if not _text(event.id):
        raise RecordError("event", ident, "id", "an event needs an id")
    if event.id in taken:
        raise RecordError("event", ident, "id", "this id is already used by another event")
    if not isinstance(event.date, date) or isinstance(event.date, datetime):
        raise RecordError("event", ident, "date", "must be a date (datetime.date)")
    if not EARLIEST <= event.date <= LATEST:
        raise RecordError("event", ident, "date",
                          f"{event.date.isoformat()} is outside {EARLIEST.isoformat()} to "
                          f"{LATEST.isoformat()}, the days csto answers for")
    for field in ("state", "by"):
        code = getattr(event, field)
        if (code is not None or field == "state") and (not isinstance(code, str)
                                                       or code not in countries):
            raise RecordError("event", ident, field,
                              f"'{code}' is not an ISO 3166 alpha-3 code (upper case, such as ARM)")
    if event.kind not in kinds:
        raise RecordError("event", ident, "kind",
                          f"unknown kind '{event.kind}': use one of {', '.join(sorted(kinds))}")
    if event.precision not in PRECISIONS:
        raise RecordError("event", ident, "precision", f"use one of {', '.join(PRECISIONS)}")
    if event.confidence not in CONFIDENCES:
        raise RecordError("event", ident, "confidence", f"use one of {', '.join(CONFIDENCES)}")
    if (event.kind in ("observer", "observer-end")) != (event.body is not None):
        raise RecordError("event", ident, "body", "observer events, and only they, name a body")
    check_cited(("event", ident), event.sources, sources)


def check_cited(where: tuple[str, str], cited: object, sources: Mapping[str, Source],
                field: str = "sources") -> None:
    if isinstance(cited, str) or not isinstance(cited, tuple | list) or not cited:
        raise RecordError(*where, field, "give a non-empty list of source ids")
    for ident in cited:
        if ident not in sources:
            raise RecordError(*where, field, f"unknown source '{ident}'")


def cited_sources(value: object) -> Iterator[tuple[object, tuple[str, ...]]]:
    """Every (record, source ids) pair anywhere inside a value (records citing none are
    left to their schema: where sources are required, it requires at least one)."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        fields: tuple[str, ...] = value._fields
        if "sources" in fields and value[fields.index("sources")]:
            yield value, value[fields.index("sources")]
        for item in value:
            yield from cited_sources(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from cited_sources(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from cited_sources(item)


def unique(kind: str, records: Iterable[R]) -> dict[str, R]:
    """Records by id; a repeated id is an error."""
    seen: dict[str, R] = {}
    for record in records:
        if record.id in seen:
            raise RecordError(kind, record.id, "id", f"duplicate id '{record.id}'")
        seen[record.id] = record
    return seen


def check_documents(documents: Mapping[str, Document]) -> None:
    """Amended documents exist; each wording comes from a document in force, in order."""
    for doc in documents.values():
        if doc.amends and doc.amends not in documents:
            raise RecordError("document", doc.id, "amends", f"unknown document '{doc.amends}'")
        for article in doc.articles:
            previous: date | None = None
            for wording in article.versions:
                by = documents.get(wording.by)
                if by is None or doc.id not in (by.id, by.amends):
                    raise RecordError(
                        "document", doc.id, "articles",
                        f"article {article.number}: version by '{wording.by}' is neither "
                        f"'{doc.id}' nor a document that amends it")
                if by.in_force is None:
                    raise RecordError("document", doc.id, "articles",
                                      f"article {article.number}: '{wording.by}' has no entry "
                                      "into force")
                if previous is not None and by.in_force.date <= previous:
                    raise RecordError("document", doc.id, "articles",
                                      f"article {article.number}: versions must be in order of "
                                      "entry into force")
                previous = by.in_force.date
    treaty = documents.get("cst")
    if treaty is None or treaty.in_force is None:
        raise RecordError("document", "cst", "in_force", "the Treaty 'cst' and its entry into "
                          "force are required")


def check_offices(offices: Offices, countries: Countries) -> None:
    """Terms of each office name known states and follow each other without overlap."""
    for office in ("secretary_general", "chair"):
        terms = getattr(offices, office)
        for index, term in enumerate(terms):
            ident = f"{office}[{index}]"
            if term.state is not None and term.state not in countries:
                raise RecordError("term", ident, "state",
                                  f"'{term.state}' is not an ISO 3166 alpha-3 code")
            following = terms[index + 1].start if index + 1 < len(terms) else None
            end = term.until or following
            if end is not None and end <= term.start:
                raise RecordError("term", ident, "until", "a term must end after it starts")
            if term.appointed is not None and term.appointed > term.start:
                raise RecordError("term", ident, "appointed",
                                  "a holder is appointed on or before the term's first day")
            if following is not None and term.until is not None and term.until > following:
                raise RecordError("term", ident, "until", "terms of one office overlap")
            if following is not None and following <= term.start:
                raise RecordError("term", ident, "from", "terms must be in date order")


def check_codes(kind: str, ident: str, field: str, codes: Iterable[str | None],
                countries: Countries) -> None:
    for code in codes:
        if code is not None and code not in countries:
            raise RecordError(kind, ident, field, f"'{code}' is not an ISO 3166 alpha-3 code")


def check_announced(plan: Announced, review: Review | None) -> None:
    """A plan announced before the reviewed day for a time after it: its texts in every
    language, its days within csto's window, a month or a year written as its first day, a
    span that runs forward, and a period that was still ahead when it was announced."""
    where = ("announced", plan.id)
    for field in ("what", "where", "by"):
        text = getattr(plan, field)
        missing = [lang for lang in LANGS if not _text(getattr(text, lang))]
        if missing:
            raise RecordError(*where, field, f"write it in every language ({', '.join(LANGS)}); "
                              f"missing: {', '.join(missing)}")
    expected = plan.expected
    for field, day in (("announced", plan.announced), ("expected", expected.date),
                       ("expected", expected.until)):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise RecordError(*where, field, f"{day.isoformat()} is outside "
                              f"{EARLIEST.isoformat()} to {LATEST.isoformat()}")
    for day in (expected.date, expected.until):
        if day is None:
            continue
        if expected.precision == "month" and day.day != 1:
            raise RecordError(*where, "expected", "a month is written as its first day")
        if expected.precision == "year" and (day.month, day.day) != (1, 1):
            raise RecordError(*where, "expected", "a year is written as its first day")
    if expected.until is not None and expected.until <= expected.date:
        raise RecordError(*where, "expected", "'until' must come after 'date'")
    if expected.end <= plan.announced:
        raise RecordError(*where, "expected", "the expected time was over when it was announced")
    if review is not None:
        if plan.announced > review.reviewed:
            raise RecordError(*where, "announced", "announced after the day the record was "
                              f"reviewed to ({review.reviewed.isoformat()})")
        if expected.end <= review.reviewed:
            raise RecordError(*where, "expected", "expected by the day the record was reviewed "
                              f"to ({review.reviewed.isoformat()}): record what happened, or "
                              "remove the plan")
