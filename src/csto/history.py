"""The CSTO's life as dated, sourced events, and what follows from them on any day.

``History`` replays the events once, at load, into epochs: spans of days over which
nothing changes. ``History.at(day)`` finds the epoch by binary search and returns a
``Snapshot``; rules read snapshots and never the files, the clock or a database.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Any, NamedTuple

from .model import MEMBER_STATUSES, ArticleVersion, Citation, Fact, Standing, Term

TREATY = "cst"

_TRANSITIONS: dict[str, tuple[frozenset[str | None], str]] = {
    "sign": (frozenset({None}), "signatory"),
    "lapse": (frozenset({"signatory", "member", "frozen"}), "former"),
    "return": (frozenset({"former", "suspended"}), "member"),
    "suspend": (frozenset({"member", "frozen"}), "suspended"),
    "freeze": (frozenset({"member"}), "frozen"),
    "unfreeze": (frozenset({"frozen"}), "member"),
    "withdraw": (frozenset({"signatory", "member", "frozen", "suspended"}), "former"),
    "observer": (frozenset({None, "former_observer"}), "observer"),
    "observer-end": (frozenset({"observer"}), "former_observer"),
}


class TimelineError(Exception):
    """An event that cannot happen to a state in its standing at the time."""

    def __init__(self, event_id: str, problem: str) -> None:
        super().__init__(f"event '{event_id}': {problem}")
        self.event_id = event_id
        self.problem = problem


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
        return self.epoch.standings.get(iso3)

    def is_member(self, iso3: str) -> bool:
        standing = self.epoch.standings.get(iso3)
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

    def __repr__(self) -> str:
        return f"Snapshot({self.date.isoformat()}, members={list(self.members)})"


def _fact(ref: str, day: str, record: dict[str, Any]) -> Fact:
    return Fact(ref, day, tuple(record["sources"]), record["confidence"])


class History:
    """The packaged (or a user's) history, ready to answer as-of questions."""

    def __init__(self, compiled: dict[str, Any]) -> None:
        self.data = compiled
        self.countries: dict[str, Any] = compiled["countries"]
        self.sources: dict[str, Any] = compiled["sources"]
        self.documents: dict[str, Any] = {d["id"]: d for d in compiled["documents"]}
        self.groupings: dict[str, Any] = {g["id"]: g for g in compiled["groupings"]}
        self.events: list[dict[str, Any]] = sorted(
            compiled["events"], key=lambda e: e["date"]
        )
        self.terms = {
            office: self._terms(office, compiled["offices"][office])
            for office in ("secretary_general", "chair")
        }
        self._versions = self._article_versions()
        self._starts: list[int] = []
        self._epochs: list[Epoch] = []
        self._build()

    # -- derivation -----------------------------------------------------------------
    def _terms(self, office: str, records: list[dict[str, Any]]) -> list[Term]:
        terms = []
        for index, record in enumerate(records):
            start = date.fromisoformat(record["from"])
            until = record.get("until")
            if until is None and index + 1 < len(records):
                until = records[index + 1]["from"]
            note = record.get("note")
            terms.append(
                Term(
                    office=office,
                    state=record["state"],
                    person=record.get("person"),
                    start=start,
                    end=date.fromisoformat(until) if until else None,
                    precision=record["precision"],
                    acting=record["acting"],
                    basis="record",
                    fact=_fact(f"term:{office}:{record['from']}", record["from"], record),
                    note=note["en"] if isinstance(note, dict) else note,
                )
            )
        return terms

    def _article_versions(self) -> dict[str, list[tuple[date, ArticleVersion]]]:
        versions: dict[str, list[tuple[date, ArticleVersion]]] = {}
        for doc in self.documents.values():
            for article in doc["articles"]:
                key = f"{doc['id']}/{article['number']}"
                for version in article["versions"]:
                    enacting = self.documents[version["by"]]["in_force"]
                    citation = Citation(
                        document=doc["id"],
                        article=article["number"],
                        version=version["by"],
                        in_force_from=enacting["date"],
                        precision=enacting["precision"],
                        retrieved=version["retrieved"],
                        sources=tuple(version["sources"]),
                    )
                    versions.setdefault(key, []).append(
                        (
                            date.fromisoformat(enacting["date"]),
                            ArticleVersion(doc["id"], article["number"], article["title"],
                                           version["text"], citation),
                        )
                    )
        return versions

    def _build(self) -> None:
        entry_into_force: dict[date, list[str]] = {}
        for doc in self.documents.values():
            if doc["in_force"]:
                entry_into_force.setdefault(date.fromisoformat(doc["in_force"]["date"]), []).append(
                    doc["id"]
                )
        by_day: dict[date, list[dict[str, Any]]] = {}
        for event in self.events:
            if event["kind"] != "statement":
                by_day.setdefault(date.fromisoformat(event["date"]), []).append(event)
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
                self._apply(standings, event, day, TREATY in in_force)
            end = ordered[index + 1] if index + 1 < len(ordered) else None
            self._starts.append(day.toordinal())
            self._epochs.append(
                Epoch(
                    start=day,
                    end=end,
                    standings=dict(standings),
                    members=tuple(sorted(k for k, v in standings.items() if v.is_member)),
                    in_force=frozenset(in_force),
                    articles=self._articles_on(day),
                    secretary_general=self._holder("secretary_general", day),
                    chair=self._holder("chair", day),
                )
            )

    def _treaty_enters_into_force(self, standings: dict[str, Standing], day: date) -> None:
        doc = self.documents[TREATY]
        fact = _fact(f"document:{TREATY}:in_force", doc["in_force"]["date"], doc["in_force"])
        for iso3, standing in list(standings.items()):
            if standing.status == "signatory":
                standings[iso3] = Standing(iso3, "member", day, "day", fact)

    def _apply(self, standings: dict[str, Standing], event: dict[str, Any], day: date,
               treaty_in_force: bool) -> None:
        allowed, status = _TRANSITIONS[event["kind"]]
        current = standings.get(event["state"])
        current_status = current.status if current else None
        if current_status not in allowed:
            raise TimelineError(
                event["id"],
                f"a '{event['kind']}' event cannot follow standing "
                f"'{current_status or 'none'}' of {event['state']}",
            )
        if event["kind"] == "sign" and treaty_in_force:
            status = "member"
        fact = _fact(f"event:{event['id']}", event["date"], event)
        standings[event["state"]] = Standing(
            event["state"], status, day, event["precision"], fact, event.get("body")
        )

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

    # -- queries --------------------------------------------------------------------
    def at(self, day: date) -> Snapshot:
        """The snapshot of ``day``: O(log n), no validation (the public API checks dates)."""
        return Snapshot(day, self._epochs[bisect_right(self._starts, day.toordinal()) - 1], self)

    @property
    def change_dates(self) -> tuple[date, ...]:
        """Every day on which some standing, law or office holder changes."""
        return tuple(epoch.start for epoch in self._epochs[1:])

    def country_name(self, iso3: str, lang: str = "en") -> str:
        row = self.countries.get(iso3)
        return row["names"].get(lang, row["names"]["en"]) if row else iso3

    def resolve_country(self, text: str) -> str:
        """Alpha-3 code for a code (alpha-2, alpha-3, numeric) or a name in en, id or ru."""
        from .errors import InputError

        key = text.strip().casefold()
        code = self.data["country_index"].get(key)
        if code is None:
            raise InputError(
                f"unknown country '{text}': use an ISO 3166 alpha-3 code such as ARM, "
                "or a country name in English, Indonesian or Russian"
            )
        return code  # type: ignore[no-any-return]

    def resolve_grouping(self, text: str) -> str:
        from .errors import InputError

        key = text.strip().upper()
        if key not in self.groupings:
            known = ", ".join(sorted(self.groupings))
            raise InputError(f"unknown alliance or grouping '{text}': use one of {known}")
        return key

    def events_of(self, iso3: str) -> list[dict[str, Any]]:
        return [event for event in self.events if event["state"] == iso3]

    def source(self, ident: str) -> dict[str, Any]:
        return self.sources[ident]  # type: ignore[no-any-return]


_DEFAULT: dict[str, History] = {}


def load_history(data_dir: str | None = None, *, use_cache: bool = True) -> History:
    """Load and validate a history: the packaged one unless ``data_dir`` (or
    ``$CSTO_DATA_DIR``) names another folder of data files. The packaged history is
    loaded once per process and shared."""
    from . import _cache

    key = data_dir or ""
    if use_cache and key in _DEFAULT:
        return _DEFAULT[key]
    history = History(_cache.load(data_dir, use_cache=use_cache))
    if use_cache:
        _DEFAULT[key] = history
    return history
