"""Data files → validated values → History. The only module that knows files and the cache.

The cold path reads the YAML files, validates each record against the shape derived from
``model`` (``_schema``), runs the checks of ``validate`` and replays the events once, so
that any problem is reported as one line naming the file, line and field. The result is
kept by ``_cache``; later runs load it in a few milliseconds.
"""

from __future__ import annotations

import os

from .._typing import TYPE_CHECKING, NamedTuple
from ..errors import DataError, InputError, RecordError
from . import cache as _cache
from .countries import Countries
from .history import KINDS, History
from .model import (
    Announced,
    Case,
    Country,
    CountryOverride,
    Document,
    Event,
    Exercise,
    Force,
    Grouping,
    Offices,
    Organization,
    Review,
    Source,
)
from .vocab import LANGS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path
    from typing import Any

    from .bounded import YAML
    from .yamlfile import LineDict

LIST_FILES: dict[str, tuple[str, type]] = {
    # file: (the kind of record in messages, its value type)
    "sources.yaml": ("source", Source),
    "documents.yaml": ("document", Document),
    "events.yaml": ("event", Event),
    "exercises.yaml": ("exercise", Exercise),
    "forces.yaml": ("force", Force),
    "cases.yaml": ("case", Case),
    "groupings.yaml": ("grouping", Grouping),
    "countries.yaml": ("country", CountryOverride),
    "announced.yaml": ("announced", Announced),
}
MAPPING_FILES: dict[str, type] = {
    "offices.yaml": Offices,
    "organization.yaml": Organization,
}
OPTIONAL_FILES: dict[str, type] = {"record.yaml": Review}
OPTIONAL_LISTS = frozenset({"announced.yaml"})
"""List files a data folder may leave out (a folder without plans announced has none)."""
DATA_FILES = tuple(sorted({*LIST_FILES, *MAPPING_FILES} - OPTIONAL_LISTS))


class Compiled(NamedTuple):
    """Everything a History is built from, as the cache keeps it."""

    sources: dict[str, Source]
    documents: dict[str, Document]
    events: tuple[Event, ...]
    offices: Offices
    organization: Organization
    exercises: tuple[Exercise, ...]
    forces: tuple[Force, ...]
    cases: tuple[Case, ...]
    groupings: tuple[Grouping, ...]
    countries: dict[str, Country]
    country_index: dict[str, str]
    review: Review | None
    announced: tuple[Announced, ...]


_SHAPE: dict[str, tuple[type, type | None, type | None]] = {
    # field: (container, type of each key, type of each value or item)
    "sources": (dict, str, Source), "documents": (dict, str, Document),
    "events": (tuple, None, Event), "offices": (Offices, None, None),
    "organization": (Organization, None, None), "exercises": (tuple, None, Exercise),
    "forces": (tuple, None, Force), "cases": (tuple, None, Case),
    "groupings": (tuple, None, Grouping), "countries": (dict, str, Country),
    "country_index": (dict, str, str),
}


def shaped(compiled: Compiled) -> bool:
    """Whether a cached compilation has the shape of ``Compiled``: each field's container,
    keys and items of the declared types (records check their own fields when built)."""
    if len(compiled) != len(Compiled._fields):
        return False
    return all(_holds(getattr(compiled, field), *shape) for field, shape in _SHAPE.items()) and (
        compiled.review is None or type(compiled.review) is Review)


def _holds(value: object, container: type, key: type | None, item: type | None) -> bool:
    kind: type = type(value)
    if kind is not container or not isinstance(value, dict | tuple):
        return False
    keys, items = (value.keys(), value.values()) if isinstance(value, dict) else ((), value)
    return all(type(k) is key for k in keys) and (
        item is None or all(type(v) is item for v in items))


def build(compiled: Compiled) -> History:
    return History(
        events=compiled.events, sources=compiled.sources, documents=compiled.documents,
        offices=compiled.offices, countries=Countries(compiled.countries, compiled.country_index),
        organization=compiled.organization, exercises=compiled.exercises,
        forces=compiled.forces, cases=compiled.cases, groupings=compiled.groupings,
        review=compiled.review, announced=compiled.announced,
    )


_LOADED: dict[str, History] = {}
_BY_SETTING: dict[str | None, History] = {}
"""The default history by the value of ``$CSTO_DATA_DIR`` (None: unset), for the API's
every call."""


def data_folder(data_dir: str | os.PathLike[str] | None = None) -> str:
    """``data_dir``, else ``$CSTO_DATA_DIR``, else the packaged data, as an absolute path."""
    if data_dir is not None and not isinstance(data_dir, str | os.PathLike):
        raise InputError("data_dir is the path of a folder of data files, not {kind}",
                         field="data_dir", kind=type(data_dir).__name__)
    folder = os.fspath(data_dir or os.environ.get("CSTO_DATA_DIR") or _cache.PACKAGED_DATA)
    if not isinstance(folder, str):
        raise InputError("data_dir is the path of a folder of data files, not {kind}",
                         field="data_dir", kind=type(folder).__name__)
    return os.path.abspath(folder)


def load_history(data_dir: str | os.PathLike[str] | None = None, *,
                 use_cache: bool = True) -> History:
    """Load and validate a history: the packaged one unless ``data_dir`` (or
    ``$CSTO_DATA_DIR``) names another folder of data files. It is loaded once per process
    and shared; ``use_cache=False`` reads and checks every file again."""
    if data_dir is None and use_cache:
        shared = _BY_SETTING.get(os.environ.get("CSTO_DATA_DIR"))
        if shared is not None:
            return shared
    folder = data_folder(data_dir)
    if use_cache and folder in _LOADED:
        return _LOADED[folder]
    compiled = _cache.read(folder, Compiled, shaped) if use_cache else None
    history = None
    if compiled is not None:
        try:
            history = build(compiled)
        except Exception:  # a cache of another shape: rebuild it from the files
            history = None
    if history is None:
        from pathlib import Path

        compiled = compile_data(Path(folder))
        history = build(compiled)
        if use_cache:
            _cache.write(folder, compiled)
    if use_cache:
        _LOADED[folder] = history
        if data_dir is None:
            _BY_SETTING[os.environ.get("CSTO_DATA_DIR")] = history
    return history


# -- the cold path --------------------------------------------------------------------------
class _Files:
    """Validated records of one data folder, each kept beside its raw YAML for line numbers."""

    def __init__(self, folder: Path) -> None:
        from .yamlfile import LineDict, load_yaml

        self.folder = folder
        # Records read from YAML, each file's of the type LIST_FILES or MAPPING_FILES names for
        # it at run time: ``compile_data`` puts each where its type is declared (``Compiled``).
        self.records: dict[str, list[tuple[Any, LineDict]]] = {}  # a type per file, see above
        self.mappings: dict[str, tuple[Any, LineDict]] = {}  # a type per file, see above
        for name, (_, kind) in LIST_FILES.items():
            label = self.label(name)
            if name in OPTIONAL_LISTS and not (folder / name).is_file():
                self.records[name] = []
                continue
            raw = load_yaml(folder / name, label)
            if not isinstance(raw, list):
                raise DataError(label, getattr(raw, "line", 1), None, "expected a list of records")
            items = []
            for item in raw:
                if not isinstance(item, LineDict):
                    raise DataError(label, None, None, f"expected a mapping, found {item!r}"[:200])
                items.append((_read(item, kind, label, _record_context(item)), item))
            self.records[name] = items
        optional = {name: kind for name, kind in OPTIONAL_FILES.items()
                    if (folder / name).exists()}
        for name, kind in {**MAPPING_FILES, **optional}.items():
            label = self.label(name)
            raw = load_yaml(folder / name, label)
            if not isinstance(raw, LineDict):
                raise DataError(label, 1, None, "expected a mapping at the top level")
            self.mappings[name] = (_read(raw, kind, label, ""), raw)

    def label(self, name: str) -> str:
        return str(self.folder / name)

    def values(self, name: str) -> list[Any]:  # read from YAML, of the type ``name`` holds
        return [record for record, _ in self.records[name]]

    def locate(self, error: RecordError) -> DataError:
        """The file and line of the record a ``RecordError`` names."""
        raw = self._raw(error.kind, error.ident)
        if raw is None:
            return DataError(self.label("events.yaml" if error.kind == "event" else "."), None,
                             error.field, f"{error.kind} '{error.ident}': {error.problem}")
        name, record = raw
        holder = _holder_of(record, error) or record
        return DataError(self.label(name), holder.line_of(error.field), error.field,
                         f"{error.problem} ({error.kind} '{error.ident}')")

    def _raw(self, kind: str, ident: str) -> tuple[str, LineDict] | None:
        for name, (record_kind, _) in LIST_FILES.items():
            if record_kind == kind:
                key = "iso3" if kind == "country" else "id"
                for _, raw in self.records[name]:
                    if raw.get(key) == ident:
                        return name, raw
        if kind == "term":
            office, _, index = ident.rstrip("]").partition("[")
            return "offices.yaml", self._entry("offices.yaml", office, int(index))
        if kind == "milestone":
            return "organization.yaml", self._entry("organization.yaml", "milestones", int(ident))
        return None

    def _entry(self, name: str, key: str, index: int) -> LineDict:
        """The ``index``-th mapping of the list under ``key`` in the mapping file ``name``
        (the schema has checked that it is one), else that file's mapping."""
        from .yamlfile import LineDict

        raw = self.mappings[name][1]
        items = raw.get(key)
        entry = items[index] if isinstance(items, list) and 0 <= index < len(items) else None
        return entry if isinstance(entry, LineDict) else raw


def _holder_of(raw: LineDict, error: RecordError) -> LineDict | None:
    """The innermost mapping under ``raw`` that cites the unknown source of ``error``."""
    from .yamlfile import LineDict

    if error.field != "sources" or "unknown source" not in error.problem:
        return None
    wanted = error.problem.split("'")[1]
    stack: list[YAML] = [raw]
    while stack:
        node = stack.pop()
        if isinstance(node, LineDict):
            sources = node.get("sources")
            if isinstance(sources, list) and wanted in sources:
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _record_context(raw: object) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f" (record '{ident}')" if isinstance(ident, str) else ""


def _read(raw: LineDict, kind: type, label: str, context: str) -> object:
    """Validate one record; a problem becomes a DataError naming the line and field."""
    import re

    import msgspec

    from .schema import read

    try:
        return read(raw, kind)
    except InputError as exc:  # a value its type refuses when built (``checked``)
        line = raw.line_of(exc.field) if hasattr(raw, "line_of") else None
        raise DataError(label, line, exc.field, f"{exc}{context}") from None
    except msgspec.ValidationError as exc:
        problem, _, path = str(exc).partition(" - at `")
        path = path.rstrip("`")
        line, field = _locate(raw, path)
        named = re.search(r"field `([^`]+)`", problem)
        if named and problem.startswith(("Object contains unknown", "Object missing")):
            field = (path[2:] + "." if len(path) > 2 else "") + named.group(1)
            if problem.startswith("Object contains unknown"):
                line, _ = _locate(raw, f"{path}.{named.group(1)}")
            problem = problem.replace("Object contains unknown", "unknown").replace(
                "Object missing required", "missing required")
        elif len(path) > 2:
            field = path[2:]
        if "RFC3339" in problem or "`date`" in problem:
            problem = "not a valid date; write it as YYYY-MM-DD"
        raise DataError(label, line, field, f"{problem.rstrip('.')}{context}") from None


def _locate(raw: LineDict, path: str) -> tuple[int | None, str | None]:
    """Follow a msgspec error path like ``$.versions[1].by`` through the raw YAML."""
    import re

    from .yamlfile import LineDict

    node: YAML
    line: int | None
    node, line, last_key = raw, getattr(raw, "line", None), None
    for key, index in re.findall(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]", path):
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


def _country_table(overrides: list[CountryOverride]) -> tuple[dict[str, Country], dict[str, str]]:
    """ISO 3166 codes (pycountry), names (CLDR via Babel), COW codes (countrycode's list,
    ``cow``), and an index of every code, name and alias a user may type."""
    import pycountry
    from babel import Locale

    from .cow import COW

    locales = {lang: Locale.parse(lang) for lang in LANGS}
    rows = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    table: dict[str, Country] = {}
    index: dict[str, str] = {}
    for country in rows:
        cow = COW.get(country.alpha_3)
        names = {lang: locale.territories.get(country.alpha_2) or country.name
                 for lang, locale in locales.items()}
        table[country.alpha_3] = Country(
            iso3=country.alpha_3, alpha2=country.alpha_2, numeric=country.numeric, names=names,
            name_sources=("lib-cldr",), cow=cow,
            cow_sources=("lib-countrycode",) if cow is not None else (),
            official_name=getattr(country, "official_name", None))
        keys = [country.alpha_3, country.alpha_2, country.numeric, country.name, *names.values(),
                getattr(country, "official_name", None), getattr(country, "common_name", None)]
        for key in keys:
            if key:
                index.setdefault(key.casefold(), country.alpha_3)
    for override in overrides:
        row = table[override.iso3]
        if override.cow is not None:
            row = row._replace(cow=override.cow, cow_sources=override.sources)
        if override.names is not None:
            names = dict(row.names)
            for lang in LANGS:
                value = getattr(override.names, lang)
                if value:
                    names[lang] = value
                    index.setdefault(value.casefold(), override.iso3)
            row = row._replace(names=names, name_sources=("lib-cldr", *override.sources))
        for alias in override.aliases:
            index[alias.casefold()] = override.iso3
        table[override.iso3] = row
    return table, index


def _checks(files: _Files, countries: Countries) -> Iterator[Callable[[], None]]:
    """The cross-record checks, in the order a maintainer would want to fix them."""
    from . import validate

    sources = validate.unique("source", files.values("sources.yaml"))

    def urls() -> None:
        for source in sources.values():
            if not (source.url or source.file):
                raise RecordError("source", source.id, "url", "a source needs a url or a file")

    yield urls
    def ids() -> None:
        for name, (kind, _) in LIST_FILES.items():
            if name not in ("sources.yaml", "countries.yaml"):
                validate.unique(kind, files.values(name))

    yield ids

    def cited() -> None:
        for name, (kind, _) in LIST_FILES.items():
            for record in files.values(name):
                ident = record.iso3 if kind == "country" else record.id
                for _, ids in validate.cited_sources(record):
                    validate.check_cited((kind, ident), ids, sources)
        for name, (record, _) in files.mappings.items():
            for holder, ids in validate.cited_sources(record):
                if hasattr(holder, "start") and hasattr(holder, "until"):
                    office = "chair" if holder in record.chair else "secretary_general"
                    where = ("term", f"{office}[{getattr(record, office).index(holder)}]")
                else:
                    where = ("record", name)
                validate.check_cited(where, ids, sources)

    yield cited
    documents = {d.id: d for d in files.values("documents.yaml")}
    yield lambda: validate.check_documents(documents)

    def events() -> None:
        for event in files.values("events.yaml"):
            validate.check_event(event, sources, countries, (), KINDS)

    yield events
    yield lambda: validate.check_offices(files.mappings["offices.yaml"][0], countries)

    def catalog() -> None:
        organization: Organization = files.mappings["organization.yaml"][0]
        for index, milestone in enumerate(organization.milestones):
            if milestone.document and milestone.document not in documents:
                raise RecordError("milestone", str(index), "document",
                                  f"unknown document '{milestone.document}'")
        for exercise in files.values("exercises.yaml"):
            validate.check_codes("exercise", exercise.id, "hosts",
                                 (*exercise.hosts, *(exercise.participants or ())), countries)
            if exercise.start and exercise.start.year != exercise.year:
                raise RecordError("exercise", exercise.id, "start",
                                  "start lies outside the exercise's year")
        for case in files.values("cases.yaml"):
            for reading in case.readings:
                validate.check_codes("case", case.id, "readings",
                                     (reading.victim, reading.aggressor, reading.claimed_by),
                                     countries)
        for override in files.values("countries.yaml"):
            validate.check_codes("country", override.iso3, "iso3", (override.iso3,), countries)

    yield catalog

    def announced() -> None:
        review: Review | None = files.mappings.get("record.yaml", (None, None))[0]
        for plan in files.values("announced.yaml"):
            validate.check_announced(plan, review)

    yield announced


def compile_data(folder: Path) -> Compiled:
    """Read and check a folder of data files; any problem is a DataError with file and line."""
    for name in DATA_FILES:
        if not (folder / name).exists():  # anything else there is named by ``load_yaml``
            raise DataError(str(folder / name), None, None, "missing data file")
    files = _Files(folder)
    table, index = _country_table(files.values("countries.yaml"))
    countries = Countries(table, index)
    try:
        for check in _checks(files, countries):
            check()
    except RecordError as exc:
        raise files.locate(exc) from None
    review = files.mappings.get("record.yaml", (None, None))[0]
    compiled = Compiled(
        sources={s.id: s for s in files.values("sources.yaml")},
        documents={d.id: d for d in files.values("documents.yaml")},
        events=tuple(files.values("events.yaml")),
        offices=files.mappings["offices.yaml"][0],
        organization=files.mappings["organization.yaml"][0],
        exercises=tuple(files.values("exercises.yaml")),
        forces=tuple(files.values("forces.yaml")),
        cases=tuple(files.values("cases.yaml")),
        groupings=tuple(files.values("groupings.yaml")),
        countries=table, country_index=index, review=review,
        announced=tuple(files.values("announced.yaml")),
    )
    try:  # replay once here, so that an impossible sequence is reported with its line
        build(compiled)
    except RecordError as exc:
        raise files.locate(exc) from None
    return compiled
