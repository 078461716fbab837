"""The CSTO's life as dated, sourced events, and what follows from them on any day.

``History`` replays the events once, when it is built, into epochs: spans of days over
which nothing changes. ``History.at(day)`` finds the epoch by binary search and returns a
``Snapshot``; rules read snapshots and never the files, the clock or a database.

A History is built from values (``model``), never from files: ``load`` reads the data
files, and ``History.with_events`` adds hypothetical events to a recorded history.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date

from .._typing import TYPE_CHECKING, NamedTuple
from ..errors import InputError, TimelineError
from . import validate
from .countries import Countries
from .dates import EARLIEST, LATEST, as_day
from .model import (
    Alternative,
    Announced,
    ArticleVersion,
    Case,
    Citation,
    Document,
    Event,
    Exercise,
    Fact,
    Force,
    Grouping,
    Offices,
    Organization,
    Review,
    Source,
    Standing,
    Term,
    TermRecord,
    Text,
)
from .vocab import MEMBER_STATUSES

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from typing import Protocol, TypeAlias, TypeVar

    from .hypothetical import Scenario
    from .model import Reason

    Disputed: TypeAlias = "tuple[Text | str, Reason | None, tuple[Alternative, ...]]"
    """A disputed fact's label, why csto chose its reading, and the other readings."""

    class Disputable(Protocol):
        """A record that may keep the readings of sources that disagree with it."""

        @property
        def chosen_because(self) -> Reason | None: ...

        @property
        def alternatives(self) -> tuple[Alternative, ...]: ...

        @property
        def sources(self) -> tuple[str, ...]: ...

    T = TypeVar("T")

TREATY = "cst"
OFFICES = ("secretary_general", "chair")

TRANSITIONS: dict[str, tuple[frozenset[str | None], str]] = {
    # kind: (standings it may follow, the standing it leads to)
    "sign": (frozenset({None, "observer", "former_observer"}), "signatory"),
    "lapse": (frozenset({"signatory", "member", "frozen"}), "former"),
    "return": (frozenset({"former", "suspended"}), "member"),
    "suspend": (frozenset({"member", "frozen"}), "suspended"),
    "freeze": (frozenset({"member"}), "frozen"),
    "unfreeze": (frozenset({"frozen"}), "member"),
    "withdraw": (frozenset({"signatory", "member", "frozen", "suspended"}), "former"),
    "observer": (frozenset({None, "former_observer"}), "observer"),
    "observer-end": (frozenset({"observer"}), "former_observer"),
}
"""What each kind of event does to a state's standing."""

STORY_KINDS = frozenset({"statement", "aggression", "request-assistance", "withdrawal-notice",
                         "accession", "base-request"})
"""Kinds that change no standing: part of a state's story (an ``aggression`` names the
victim as ``state`` and the aggressor, where known, as ``by``; the simulator plays out the
crisis they open)."""


class Epoch(NamedTuple):
    """The state of the world over [start, end)."""

    start: date
    end: date | None
    standings: dict[str, Standing]
    members: tuple[str, ...]
    in_force: frozenset[str]
    articles: dict[str, ArticleVersion]
    secretary_general: Term | None
    chair: Term | None
    memo: dict[Hashable, object]
    """Values derived from this epoch alone, kept by ``Snapshot.derived``."""


MEMO_LIMIT = 256
"""Derived values kept per epoch at most (the memo starts afresh beyond it)."""
_MISSING = object()


class Snapshot:
    """Everything derived for one day: standings, law in force, office holders."""

    __slots__ = ("date", "epoch", "history")

    def __init__(self, day: date, epoch: Epoch, history: History) -> None:
        self.date = day
        self.epoch = epoch
        self.history = history

    @property
    def members(self) -> tuple[str, ...]:
        """ISO alpha-3 codes of the legal members (frozen participation included), sorted."""
        return self.epoch.members

    @property
    def standings(self) -> dict[str, Standing]:
        return self.epoch.standings

    def standing(self, iso3: str) -> Standing | None:
        """The standing of a state (alpha-3 code, any case) on this day, or None."""
        found = self.epoch.standings.get(iso3)
        if found is not None or iso3 in self.history.countries.table:
            return found
        return self.epoch.standings.get(self.history.countries.code(iso3))

    def is_member(self, iso3: str) -> bool:
        if iso3 in self.epoch.members:
            return True
        standing = self.standing(iso3)
        return standing is not None and standing.status in MEMBER_STATUSES

    def article(self, document: str, number: str) -> ArticleVersion | None:
        """The wording of an article in force on this day, or None."""
        return self.epoch.articles.get(f"{document}/{number}")

    def in_force(self, document: str) -> bool:
        return document in self.epoch.in_force

    @property
    def secretary_general(self) -> Term | None:
        return self.epoch.secretary_general

    @property
    def chair(self) -> Term | None:
        return self.epoch.chair

    def derived(self, key: Hashable, build: Callable[..., T], *args: object) -> T:
        """What ``build(self, *args)`` gives, built once per epoch and kept with it.

        For values that depend on the epoch alone (standings, law in force, office holders)
        and on ``args``, never on the day within the epoch: ``build`` must not read
        ``self.date``. ``key`` names the value and holds every argument.
        """
        memo = self.epoch.memo
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[key] = build(self, *args)
        return found  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"Snapshot({self.date.isoformat()}, members={list(self.members)})"


class Span(NamedTuple):
    """Days [start, end) over which nothing changes, and what holds on them."""

    start: date
    end: date | None
    snapshot: Snapshot


def fact_of(ref: str, day: date, sources: tuple[str, ...], confidence: str,
            alternatives: tuple[object, ...] = ()) -> Fact:
    return Fact(ref, day, sources, confidence, bool(alternatives))


def event_fact(event: Event) -> Fact:
    return fact_of(f"event:{event.id}", event.date, event.sources, event.confidence,
                   event.alternatives)


class History:
    """A history (the packaged record, a user's data, or a scenario), ready for as-of questions.

    Build one with ``csto.load_history()``, or from another with ``with_events``.
    """

    def __init__(self, *, events: Iterable[Event], sources: Mapping[str, Source],
                 documents: Mapping[str, Document], offices: Offices, countries: Countries,
                 organization: Organization, exercises: Iterable[Exercise] = (),
                 forces: Iterable[Force] = (), cases: Iterable[Case] = (),
                 groupings: Iterable[Grouping] = (), review: Review | None = None,
                 announced: Iterable[Announced] = ()) -> None:
        self.sources: Mapping[str, Source] = sources
        self.documents: Mapping[str, Document] = documents
        self.offices = offices
        self.countries = countries
        self.organization = organization
        self.exercises: tuple[Exercise, ...] = tuple(exercises)
        self.forces: tuple[Force, ...] = tuple(forces)
        self.cases: tuple[Case, ...] = tuple(cases)
        self.groupings: dict[str, Grouping] = {g.id: g for g in groupings}
        self.review = review
        self.announced: tuple[Announced, ...] = tuple(
            sorted(announced, key=lambda plan: (plan.expected.date, plan.id)))
        """Plans announced before the record's reviewed day for later days, by the time they
        were expected: never events of this history (see ``questions.caveats``)."""
        self.scenario: Scenario | None = None
        """The scenario this history holds, where it is one (see ``csto.scenario``)."""
        self.events: tuple[Event, ...] = tuple(sorted(events, key=lambda e: e.date))
        self.terms: dict[str, tuple[Term, ...]] = {
            office: _terms(office, getattr(offices, office)) for office in OFFICES
        }
        self._disputes: dict[str, Disputed] | None = None
        self._readings: dict[tuple[str, int], History | None] = {}
        self.memo: dict[Hashable, object] = {}
        """Values derived from this history alone, kept by the layers above (``derived``)."""
        self._versions = self._article_versions()
        self._starts: list[int] = []
        self._epochs: list[Epoch] = []
        self._build()

    # -- new histories ----------------------------------------------------------------
    def with_events(self, events: Iterable[Event], sources: Iterable[Source] = ()) -> History:
        """A new History with ``events`` replayed beside these; this one is unchanged.

        The events are checked first: known kind, state and sources, a day csto answers
        for, an id not already used, and a standing the event can follow. A problem
        raises ``RecordError`` (or ``TimelineError``) naming the event. A new source may not
        take the id of another (the record's, or one given beside it): it would change
        what every answer cites. Events and sources that are not lists of ``Event`` and
        ``Source`` values raise ``InputError``.
        """
        added = validate.values_of(events, "events")
        new_sources = validate.values_of(sources, "sources")
        for source in new_sources:
            validate.check_source(source)
        validate.check_new_sources(new_sources, self.sources)
        known = {**self.sources, **{s.id: s for s in new_sources}}
        taken = {e.id for e in self.events}
        for event in added:
            validate.check_event(event, known, self.countries, taken, KINDS)
            taken.add(event.id)
        return History(events=(*self.events, *added), sources=known, documents=self.documents,
                       offices=self.offices, countries=self.countries,
                       organization=self.organization, exercises=self.exercises,
                       forces=self.forces, cases=self.cases,
                       groupings=self.groupings.values(), review=self.review,
                       announced=self.announced)

    def under(self, ref: str, alternative: Alternative) -> History | None:
        """This history with the record ``ref`` (as a fact names it: ``event:ID``,
        ``exercise:ID``, ``case:ID``, ``document:ID:signed``, ``term:OFFICE:START``) read as
        ``alternative`` says; None where the alternative states no reading to replay, or
        where the replayed history cannot be (a timeline the reading makes impossible)."""
        changes: dict[str, object] = dict(alternative.reading or {})
        if alternative.date is not None:
            changes.setdefault("start" if ref.startswith("term:") else "date", alternative.date)
            if alternative.precision is not None:
                changes.setdefault("precision", alternative.precision)
        if not changes:
            return None
        key = (ref, id(alternative))
        if key not in self._readings:
            self._readings[key] = self._replayed(ref, changes)
        return self._readings[key]

    def _replayed(self, ref: str, changes: dict[str, object]) -> History | None:
        kind, _, rest = ref.partition(":")
        events, exercises, cases = self.events, self.exercises, self.cases
        documents, offices = dict(self.documents), self.offices
        try:
            if kind == "event":
                events = _swap(events, lambda e: e.id == rest, changes)
            elif kind == "exercise":
                exercises = _swap(exercises, lambda e: e.id == rest, changes)
            elif kind == "case":
                cases = _swap(cases, lambda c: c.id == rest, changes)
            elif kind == "document":
                doc_id, _, step = rest.partition(":")
                doc = documents[doc_id]
                dated = doc.signed if step == "signed" else doc.in_force
                if dated is None:
                    return None
                documents[doc_id] = _read_as(doc, {step: _read_as(dated, changes)})
            elif kind == "term":
                office, _, start = rest.partition(":")
                terms = _swap(getattr(offices, office), lambda t: t.start.isoformat() == start, changes)
                offices = _read_as(offices, {office: terms})
            else:
                return None
            return History(events=events, sources=self.sources, documents=documents, offices=offices,
                           countries=self.countries, organization=self.organization,
                           exercises=exercises, forces=self.forces, cases=cases,
                           groupings=self.groupings.values(), review=self.review)
        except (ValueError, KeyError, TypeError, AttributeError, TimelineError):
            return None

    # -- derivation -------------------------------------------------------------------
    def _article_versions(self) -> dict[str, list[tuple[date, ArticleVersion]]]:
        versions: dict[str, list[tuple[date, ArticleVersion]]] = {}
        for doc in self.documents.values():
            for article in doc.articles:
                key = f"{doc.id}/{article.number}"
                for wording in article.versions:
                    enacting = self.documents[wording.by].in_force
                    assert enacting is not None, "checked when the data was validated"
                    citation = Citation(doc.id, article.number, wording.by, enacting.date,
                                        enacting.precision, wording.retrieved, wording.sources)
                    versions.setdefault(key, []).append(
                        (enacting.date, ArticleVersion(doc.id, article.number, article.title,
                                                       wording.text, citation)))
        return versions

    def _build(self) -> None:
        entry_into_force: dict[date, list[str]] = {}
        for doc in self.documents.values():
            if doc.in_force:
                entry_into_force.setdefault(doc.in_force.date, []).append(doc.id)
        by_day: dict[date, list[Event]] = {}
        for event in self.events:
            if event.kind in TRANSITIONS:
                by_day.setdefault(event.date, []).append(event)
        boundaries = {date.min, *entry_into_force, *by_day}
        for terms in self.terms.values():
            for term in terms:
                boundaries.add(term.start)
                if term.end:
                    boundaries.add(term.end)
        standings: dict[str, Standing] = {}
        in_force: set[str] = set()
        ordered = sorted(boundaries)
        for index, day in enumerate(ordered):
            for doc_id in entry_into_force.get(day, ()):
                in_force.add(doc_id)
                if doc_id == TREATY:
                    self._treaty_enters_into_force(standings, day)
            for event in by_day.get(day, ()):
                self._apply(standings, event, TREATY in in_force)
            end = ordered[index + 1] if index + 1 < len(ordered) else None
            self._starts.append(day.toordinal())
            self._epochs.append(Epoch(
                start=day, end=end, standings=dict(standings),
                members=tuple(sorted(k for k, v in standings.items() if v.is_member)),
                in_force=frozenset(in_force), articles=self._articles_on(day),
                secretary_general=self._holder("secretary_general", day),
                chair=self._holder("chair", day), memo={},
            ))

    def _treaty_enters_into_force(self, standings: dict[str, Standing], day: date) -> None:
        in_force = self.documents[TREATY].in_force
        assert in_force is not None
        fact = fact_of(f"document:{TREATY}:in_force", in_force.date, in_force.sources,
                       in_force.confidence, in_force.alternatives)
        for iso3, standing in list(standings.items()):
            if standing.status == "signatory":
                standings[iso3] = Standing(iso3, "member", day, "day", fact)

    @staticmethod
    def _apply(standings: dict[str, Standing], event: Event, treaty_in_force: bool) -> None:
        allowed, status = TRANSITIONS[event.kind]
        current = standings.get(event.state)
        current_status = current.status if current else None
        if current_status not in allowed:
            raise TimelineError(
                event.id, f"a '{event.kind}' event cannot follow standing "
                f"'{current_status or 'none'}' of {event.state} on {event.date.isoformat()}")
        if event.kind == "sign" and treaty_in_force:
            status = "member"
        standings[event.state] = Standing(event.state, status, event.date, event.precision,
                                          event_fact(event), event.body)

    def _articles_on(self, day: date) -> dict[str, ArticleVersion]:
        current = {}
        for key, versions in self._versions.items():
            chosen = None
            for start, version in versions:
                if start <= day:
                    chosen = version
            if chosen is not None:
                current[key] = chosen
        return current

    def _holder(self, office: str, day: date) -> Term | None:
        for term in self.terms[office]:
            if term.start <= day and (term.end is None or day < term.end):
                return term if term.state is not None else None
        return None

    # -- questions --------------------------------------------------------------------
    def at(self, day: object) -> Snapshot:
        """The snapshot of ``day`` (a date, a datetime or 'YYYY-MM-DD'): O(log n)."""
        if type(day) is not date or not EARLIEST <= day <= LATEST:
            day = as_day(day, "day")
        return Snapshot(day, self._epochs[bisect_right(self._starts, day.toordinal()) - 1], self)

    def spans(self, start: object = None, end: object = None) -> Iterator[Span]:
        """The epochs as [start, end) spans in order, from 1992 on (``EARLIEST``), clipped to
        [start, end) if given; the last span's end is None (it runs on)."""
        first = as_day(start, "start") if start is not None else EARLIEST
        last = as_day(end, "end") if end is not None else None
        for epoch in self._epochs[1:]:
            if last is not None and epoch.start >= last:
                return
            if first is not None and epoch.end is not None and epoch.end <= first:
                continue
            begin = max(epoch.start, first)
            stop = min(epoch.end, last) if epoch.end and last else (epoch.end or last)
            yield Span(begin, stop, Snapshot(begin, epoch, self))

    @property
    def change_dates(self) -> tuple[date, ...]:
        """Every day on which some standing, law or office holder changes."""
        return tuple(epoch.start for epoch in self._epochs[1:])

    def country_name(self, iso3: str, lang: str = "en") -> str:
        return self.countries.name(iso3, lang)

    def resolve_country(self, text: object, field: str = "state") -> str:
        """Alpha-3 code for a code (alpha-2, alpha-3, numeric) or a name in en, id or ru."""
        return self.countries.resolve(text, field)

    def resolve_grouping(self, text: object, field: str = "target") -> str:
        key = text.strip().upper() if isinstance(text, str) else ""
        if key not in self.groupings:
            raise InputError("unknown alliance or grouping '{value}': use one of {known}",
                             field=field, value=str(text), known=", ".join(sorted(self.groupings)))
        return key

    def disputed(self, ref: str) -> Disputed | None:
        """For a fact's ``ref`` where sources disagree: its label, why csto chose its
        reading, and the other readings (None where the record keeps no alternatives)."""
        if self._disputes is None:
            self._disputes = _dispute_index(self)
        return self._disputes.get(ref)

    def events_of(self, iso3: str) -> tuple[Event, ...]:
        return tuple(event for event in self.events if event.state == iso3)

    def source(self, ident: str) -> Source:
        return self.sources[ident]


def _swap(items: tuple[T, ...], test: Callable[[T], bool], changes: Mapping[str, object]) -> tuple[T, ...]:
    """``items`` with the one that passes ``test`` read with ``changes``; ValueError if none
    does. ``changes`` come from the data (an alternative's reading), the boundary where a
    record is rebuilt from named values; a wrong name raises TypeError or ValueError."""
    after = tuple(_read_as(i, changes) if test(i) else i for i in items)
    if after == items:
        raise ValueError("no record to read otherwise")
    return after


def _read_as(record: T, changes: Mapping[str, object]) -> T:
    replace: Callable[..., T] = getattr(record, "_replace")  # noqa: B009 (any NamedTuple)
    return replace(**changes)


def _terms(office: str, records: tuple[TermRecord, ...]) -> tuple[Term, ...]:
    terms = []
    for index, record in enumerate(records):
        until = record.until
        if until is None and index + 1 < len(records):
            until = records[index + 1].start
        fact = fact_of(f"term:{office}:{record.start.isoformat()}", record.start, record.sources,
                       record.confidence, record.alternatives)
        terms.append(Term(office, record.state, record.person, record.start, until,
                          record.precision, record.acting, "record", fact, record.note,
                          record.appointed or record.start))
    return tuple(terms)


def _dispute_index(history: History) -> dict[str, Disputed]:
    """Fact refs (as the rules write them) of every record that keeps alternatives."""
    index: dict[str, Disputed] = {}

    def keep(ref: str, label: Text | str, record: Disputable | None) -> None:
        if record is not None and record.alternatives:
            index[ref] = (label, record.chosen_because, record.alternatives)

    for event in history.events:
        keep(f"event:{event.id}", event.summary or event.id, event)
    for doc in history.documents.values():
        for step in ("signed", "in_force"):
            keep(f"document:{doc.id}:{step}", doc.title, getattr(doc, step))
        for article in doc.articles:
            for wording in article.versions:
                keep(f"article:{doc.id}/{article.number}:{wording.by}", article.title, wording)
    for office in OFFICES:
        for term in getattr(history.offices, office):
            keep(f"term:{office}:{term.start.isoformat()}", term.person or office, term)
    rule = history.offices.chair_rule
    keep("rule:chair_rotation", rule.summary, rule)
    for case in history.cases:
        keep(f"case:{case.id}", case.title, case)
    return index


KINDS = frozenset(TRANSITIONS) | STORY_KINDS
"""Every kind of event a history can hold."""
