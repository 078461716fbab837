"""Read, validate and normalise the data files into plain built-in values.

This is the cold path: it imports YAML, msgspec and the country libraries, checks every
file against ``_schema`` and the cross-references between files, and returns a structure
of dicts, lists and strings that ``history`` turns into answers. ``_cache`` keeps the
result so that later runs skip all of this.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from . import _schema as s
from ._cache import FORMAT
from ._yaml import LineDict, load_yaml
from .errors import DataError

__all__ = ["DATA_FILES", "FORMAT", "compile_data"]

LANGS = ("en", "id", "ru")

LIST_FILES: dict[str, type[Any]] = {
    "sources.yaml": s.Source,
    "documents.yaml": s.Document,
    "events.yaml": s.Event,
    "exercises.yaml": s.Exercise,
    "forces.yaml": s.Force,
    "cases.yaml": s.Case,
    "groupings.yaml": s.Grouping,
    "countries.yaml": s.CountryOverride,
}
MAPPING_FILES: dict[str, type[Any]] = {
    "offices.yaml": s.Offices,
    "organization.yaml": s.Organization,
}
DATA_FILES = tuple(sorted([*LIST_FILES, *MAPPING_FILES]))

_PATH_TOKEN = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]")


def _locate(raw: Any, path: str) -> tuple[int | None, str | None]:
    """Follow a msgspec error path like ``$.versions[1].by`` through the raw YAML."""
    node, line, last_key = raw, getattr(raw, "line", None), None
    for key, index in _PATH_TOKEN.findall(path):
        if key:
            if isinstance(node, LineDict):
                line = node.line_of(key)
                last_key = key
            node = node.get(key) if isinstance(node, dict) else None
        else:
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        if isinstance(node, LineDict):
            line = node.line
    return line, last_key


def _convert(raw: Any, kind: type[Any], label: str, context: str) -> Any:
    try:
        return msgspec.convert(raw, kind, from_attributes=False)
    except msgspec.ValidationError as exc:
        message = str(exc)
        problem, _, path = message.partition(" - at `")
        path = path.rstrip("`")
        line, field = _locate(raw, path)
        named = re.search(r"field `([^`]+)`", problem)
        if named and problem.startswith(("Object contains unknown", "Object missing")):
            field = (path[2:] + "." if len(path) > 2 else "") + named.group(1)
            if problem.startswith("Object contains unknown"):
                line, _ = _locate(raw, f"{path}.{named.group(1)}")
            problem = problem.replace("Object contains unknown", "unknown").replace(
                "Object missing required", "missing required"
            )
        elif len(path) > 2:
            field = path[2:]
        if "RFC3339" in problem:
            problem = "not a valid date; write it as YYYY-MM-DD"

        raise DataError(label, line, field, f"{problem.rstrip('.')}{context}") from None


def _record_context(raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f" (record '{ident}')" if isinstance(ident, str) else ""


class _Loaded:
    """Validated records of one data directory, each kept beside its raw YAML for lines."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.records: dict[str, list[tuple[Any, LineDict]]] = {}
        self.mappings: dict[str, tuple[Any, LineDict]] = {}
        for name, kind in LIST_FILES.items():
            label = self.label(name)
            raw = load_yaml(data_dir / name, label)
            if not isinstance(raw, list):
                raise DataError(label, getattr(raw, "line", 1), None, "expected a list of records")
            items = []
            for item in raw:
                if not isinstance(item, LineDict):
                    raise DataError(label, None, None, f"expected a mapping, found {item!r}")
                items.append((_convert(item, kind, label, _record_context(item)), item))
            self.records[name] = items
        for name, kind in MAPPING_FILES.items():
            label = self.label(name)
            raw = load_yaml(data_dir / name, label)
            if not isinstance(raw, LineDict):
                raise DataError(label, 1, None, "expected a mapping at the top level")
            self.mappings[name] = (_convert(raw, kind, label, ""), raw)

    def label(self, name: str) -> str:
        return str(self.data_dir / name)

    def fail(self, name: str, raw: LineDict, field: str | None, problem: str) -> DataError:
        return DataError(self.label(name), raw.line_of(field), field, problem)


def _walk_sources(raw: Any) -> Iterator[tuple[LineDict, str]]:
    """Every (mapping, source id) pair cited anywhere under ``raw``."""
    if isinstance(raw, LineDict):
        for key, value in raw.items():
            if key == "sources" and isinstance(value, list):
                for ident in value:
                    yield raw, ident
            else:
                yield from _walk_sources(value)
    elif isinstance(raw, list):
        for item in raw:
            yield from _walk_sources(item)


def _unique(loaded: _Loaded, name: str, attr: str = "id") -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for record, raw in loaded.records[name]:
        key = getattr(record, attr)
        if key in seen:
            raise loaded.fail(name, raw, attr, f"duplicate id '{key}'")
        seen[key] = record
    return seen


def _check(loaded: _Loaded, countries: dict[str, Any]) -> None:
    """Cross-file checks: every reference resolves, every interval is sane."""
    sources = _unique(loaded, "sources.yaml")
    for source, raw in loaded.records["sources.yaml"]:
        if not (source.url or source.file):
            raise loaded.fail("sources.yaml", raw, "url", "a source needs a url or a file")
    everything = [(n, r) for n, items in loaded.records.items() for _, r in items]
    everything += [(n, r) for n, (_, r) in loaded.mappings.items()]
    for name, raw in everything:
        for holder, ident in _walk_sources(raw):
            if ident not in sources:
                raise loaded.fail(name, holder, "sources", f"unknown source '{ident}'")

    def country(name: str, raw: LineDict, field: str, code: str | None) -> None:
        if code is not None and code not in countries:
            raise loaded.fail(name, raw, field, f"'{code}' is not an ISO 3166 alpha-3 code")

    documents = _unique(loaded, "documents.yaml")
    for doc, raw in loaded.records["documents.yaml"]:
        if doc.amends and doc.amends not in documents:
            raise loaded.fail("documents.yaml", raw, "amends", f"unknown document '{doc.amends}'")
        for article in doc.articles:
            previous = None
            for version in article.versions:
                by = documents.get(version.by)
                if by is None or doc.id not in (by.id, by.amends):
                    raise loaded.fail(
                        "documents.yaml", raw, "articles",
                        f"article {article.number}: version by '{version.by}' is neither "
                        f"'{doc.id}' nor a document that amends it",
                    )
                if by.in_force is None:
                    raise loaded.fail(
                        "documents.yaml", raw, "articles",
                        f"article {article.number}: '{version.by}' has no entry into force",
                    )
                if previous is not None and by.in_force.date <= previous:
                    raise loaded.fail(
                        "documents.yaml", raw, "articles",
                        f"article {article.number}: versions must be in order of entry into force",
                    )
                previous = by.in_force.date
    if "cst" not in documents or documents["cst"].in_force is None:
        raise DataError(loaded.label("documents.yaml"), None, "cst", "the Treaty 'cst' is required")

    _unique(loaded, "events.yaml")
    for event, raw in loaded.records["events.yaml"]:
        country("events.yaml", raw, "state", event.state)
        if (event.kind in ("observer", "observer-end")) != (event.body is not None):
            raise loaded.fail("events.yaml", raw, "body", "observer events, and only they, name a body")

    offices, raw_offices = loaded.mappings["offices.yaml"]
    for office in ("secretary_general", "chair"):
        terms = getattr(offices, office)
        raws = raw_offices[office]
        for index, term in enumerate(terms):
            country("offices.yaml", raws[index], "state", term.state)
            following = terms[index + 1].start if index + 1 < len(terms) else None
            end = term.until or following
            if end is not None and end <= term.start:
                raise loaded.fail("offices.yaml", raws[index], "until", "a term must end after it starts")
            if following is not None and term.until is not None and term.until > following:
                raise loaded.fail("offices.yaml", raws[index], "until", "terms of one office overlap")
            if following is not None and following <= term.start:
                raise loaded.fail("offices.yaml", raws[index], "from", "terms must be in date order")

    _, raw_org = loaded.mappings["organization.yaml"]
    organization = loaded.mappings["organization.yaml"][0]
    for index, milestone in enumerate(organization.milestones):
        if milestone.document and milestone.document not in documents:
            raise loaded.fail(
                "organization.yaml", raw_org["milestones"][index], "document",
                f"unknown document '{milestone.document}'",
            )

    _unique(loaded, "exercises.yaml")
    for exercise, raw in loaded.records["exercises.yaml"]:
        for code in [*exercise.hosts, *(exercise.participants or [])]:
            country("exercises.yaml", raw, "hosts", code)
        if exercise.start and exercise.start.year != exercise.year:
            raise loaded.fail("exercises.yaml", raw, "start", "start lies outside the exercise's year")
    _unique(loaded, "forces.yaml")
    _unique(loaded, "cases.yaml")
    for case, raw in loaded.records["cases.yaml"]:
        country("cases.yaml", raw, "question", case.question.victim)
        country("cases.yaml", raw, "question", case.question.aggressor)
    _unique(loaded, "groupings.yaml")
    for override, raw in loaded.records["countries.yaml"]:
        country("countries.yaml", raw, "iso3", override.iso3)


def _country_table(overrides: list[s.CountryOverride]) -> dict[str, Any]:
    """ISO 3166 codes (pycountry), names (CLDR via Babel), COW codes (countrycode)."""
    import countrycode
    import pycountry
    from babel import Locale

    locales = {lang: Locale.parse(lang) for lang in LANGS}
    rows = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    codes = [c.alpha_3 for c in rows]
    cow_codes = countrycode.countrycode(codes, origin="iso3c", destination="cown")
    table: dict[str, Any] = {}
    for country, cow in zip(rows, cow_codes, strict=True):
        names = {}
        for lang, locale in locales.items():
            names[lang] = locale.territories.get(country.alpha_2) or country.name
        table[country.alpha_3] = {
            "alpha2": country.alpha_2,
            "numeric": country.numeric,
            "iso_name": country.name,
            "official_name": getattr(country, "official_name", None),
            "names": names,
            "name_sources": ["lib-cldr"],
            "cow": int(cow) if cow is not None else None,
            "cow_sources": ["lib-countrycode"] if cow is not None else [],
        }
    for override in overrides:
        row = table[override.iso3]
        if override.cow is not None:
            row["cow"] = override.cow
            row["cow_sources"] = list(override.sources)
        if override.names is not None:
            for lang in LANGS:
                value = getattr(override.names, lang)
                if value:
                    row["names"][lang] = value
            row["name_sources"] = ["lib-cldr", *override.sources]
    return table


def _country_index(table: dict[str, Any]) -> dict[str, str]:
    """Lower-cased codes and names in every language, mapped to alpha-3."""
    import pycountry

    index: dict[str, str] = {}
    for iso3, row in table.items():
        keys = [iso3, row["alpha2"], row["numeric"], row["iso_name"], *row["names"].values()]
        if row["official_name"]:
            keys.append(row["official_name"])
        common = getattr(pycountry.countries.get(alpha_3=iso3), "common_name", None)
        if common:
            keys.append(common)
        for key in keys:
            index.setdefault(key.casefold(), iso3)
    return index


def _plain(value: Any) -> Any:
    return msgspec.to_builtins(value)


def compile_data(data_dir: Path) -> dict[str, Any]:
    """Validate the data directory and return the compiled, plain structure."""
    for name in DATA_FILES:
        if not (data_dir / name).is_file():
            raise DataError(str(data_dir / name), None, None, "missing data file")
    loaded = _Loaded(data_dir)
    overrides = [record for record, _ in loaded.records["countries.yaml"]]
    countries = _country_table(overrides)
    _check(loaded, countries)
    compiled: dict[str, Any] = {
        "format": FORMAT,
        "countries": countries,
        "country_index": _country_index(countries),
    }
    for name in LIST_FILES:
        key = name.removesuffix(".yaml")
        key = "country_overrides" if key == "countries" else key
        compiled[key] = [_plain(record) for record, _ in loaded.records[name]]
    compiled["sources"] = {item["id"]: item for item in compiled["sources"]}
    for name in MAPPING_FILES:
        compiled[name.removesuffix(".yaml")] = _plain(loaded.mappings[name][0])
    # Derive the timeline once here so that a bad sequence of events is reported
    # against its line in events.yaml rather than at query time.
    from .history import History, TimelineError

    try:
        History(compiled)
    except TimelineError as exc:
        for record, raw in loaded.records["events.yaml"]:
            if record.id == exc.event_id:
                raise loaded.fail("events.yaml", raw, "kind", exc.problem) from None
        raise DataError(loaded.label("events.yaml"), None, None, exc.problem) from None
    return compiled
