"""Scenario files: YAML (or a mapping) → a validated ``Scenario`` value, and back.

A scenario names itself, says what it supposes, and lists dated events::

    name: armenia-leaves
    description: Armenia gives written notice of withdrawal on 1 December 2026.
    events:
      - {date: 2026-12-01, state: ARM, kind: withdrawal-notice}

Optional: each event's ``id``, ``by`` (the other state), ``effective`` (the day a notice or
an accession takes effect), ``summary`` and ``sources`` (ids of the record's sources or of
the scenario's own ``sources:`` list); a ``model:`` section read by the simulator. A file
that cannot be read gets one line naming the place and the fix.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from ..errors import InputError
from ..record.hypothetical import EventSpec, Scenario, SourceSpec

if TYPE_CHECKING:
    from ..record.bounded import YAML

MAX_BYTES = 1_000_000
"""The largest scenario file read: a few thousand events fit in far less."""
MAX_EVENTS = 10_000
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")

SCENARIO_KINDS = ("withdrawal-notice", "accession", "base-request", "aggression",
                  "request-assistance")
RECORD_KINDS = ("sign", "lapse", "return", "suspend", "freeze", "unfreeze", "withdraw",
                "observer", "observer-end", "statement")
KINDS = (*RECORD_KINDS, *SCENARIO_KINDS)

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters a scenario's texts may not hold: control characters other than tab and line
break, and the line breaks YAML folds away (saving could not write them back)."""
_TEXT = f"^[^{CONTROLS.pattern[1:-1]}]*$"
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=2000, pattern=_TEXT)]
Ident = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[^\s\x00-\x1f"
                                                                          r"\x7f-\x9f]*$")]


class _Source(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Ident
    title: Text
    url: Annotated[str, msgspec.Meta(max_length=2000, pattern=r"^https?://[^\s]+$")] | None = None
    published: datetime.date | None = None
    language: Annotated[str, msgspec.Meta(pattern="^[a-z]{2,3}$")] | None = None


class _Event(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    date: datetime.date
    state: Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=_TEXT)]
    kind: Literal[KINDS]  # type: ignore[valid-type]
    id: Ident | None = None
    by: Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=_TEXT)] | None = None
    effective: datetime.date | None = None
    body: Literal["PA"] | None = None
    summary: Text | None = None
    sources: list[Ident] | None = None


class _File(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: Annotated[str, msgspec.Meta(pattern=NAME.pattern)]
    description: Text | None = None
    events: Annotated[list[_Event], msgspec.Meta(max_length=MAX_EVENTS)] = []
    sources: list[_Source] = []
    model: dict[str, object] | None = None


def _problem(exc: msgspec.ValidationError, where: str) -> InputError:
    message, _, path = str(exc).partition(" - at `")
    path = path.rstrip("`").removeprefix("$")
    match = re.match(r"\.events\[(\d+)\]\.?(\w*)", path)
    if match:
        place = f"event {int(match.group(1)) + 1}" + (f", field '{match.group(2)}'"
                                                         if match.group(2) else "")
    else:
        place = f"field '{path.lstrip('.')}'" if path else "the top level"
    if "RFC3339" in message or "`date`" in message:
        message = "not a valid date; write it as YYYY-MM-DD"
    if "Expected `str` matching regex" in message and path == ".name":
        message = "a name is lower-case letters, digits, '.', '_' or '-' (such as armenia-leaves)"
    elif "Expected `str` matching regex" in message and path.endswith(".url"):
        message = "a source's url is an http:// or https:// address"
    elif "Expected `str` matching regex" in message:
        message = ("it holds a control character (or, in an id, a space); only tab and line "
                   "break are allowed in a text")
    return InputError("{where}: {place}: {problem}", field="scenario", where=where, place=place,
                      problem=message.rstrip("."))


def _plain(value: object, where: str) -> YAML:
    """A ``model:`` value as plain text, numbers, days, lists and mappings (what saving
    writes and reading gives back), whatever mapping type it was read into."""
    import math

    if isinstance(value, dict):
        return _mapping(value, where)
    if isinstance(value, list | tuple):
        return [_plain(item, where) for item in value]
    if isinstance(value, str):
        return _text(value, where)
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError("{where}: model: a number must be finite, not {value}",
                         field="scenario", where=where, value=str(value))
    if value is None or isinstance(value, int | float | datetime.date):
        return value
    raise InputError("{where}: model: a value is text, a number, true or false, a day, a "
                     "list or a mapping, not {kind}", field="scenario", where=where,
                     kind=type(value).__name__)


def _mapping(value: Mapping[str, object], where: str) -> dict[str, YAML]:
    """A ``model:`` mapping as ``_plain`` gives it; its keys must be text."""
    if not all(isinstance(key, str) for key in value):
        raise InputError("{where}: model: the keys of a mapping are text", field="scenario",
                         where=where)
    return {_text(key, where): _plain(item, where) for key, item in value.items()}


def _text(value: str, where: str) -> str:
    if CONTROLS.search(value):
        raise InputError("{where}: model: a text holds a control character", field="scenario",
                         where=where)
    return value


def _bounded(value: object, where: str) -> None:
    from ..record.bounded import LimitError, check_tree

    try:
        check_tree(value, where)
    except LimitError as exc:
        raise InputError("{problem}", field="scenario", problem=str(exc)) from None


def parse(raw: object, where: str = "scenario") -> Scenario:
    """A scenario from a parsed mapping (YAML or JSON); one clear line if it is not one."""
    if not isinstance(raw, dict):
        raise InputError("{where}: a scenario is a mapping with name, description and events",
                         field="scenario", where=where)
    _bounded(raw, where)
    try:
        data = msgspec.convert(raw, _File, strict=False)
    except msgspec.ValidationError as exc:
        raise _problem(exc, where) from None
    return Scenario(
        data.name, data.description,
        tuple(EventSpec(e.date, e.state, e.kind, e.id, e.by, e.effective, e.body, e.summary,
                        tuple(e.sources or ())) for e in data.events),
        tuple(SourceSpec(s.id, s.title, s.url, s.published, s.language) for s in data.sources),
        None if data.model is None else _mapping(data.model, where))


def parse_text(text: str, where: str = "scenario") -> Scenario:
    """A scenario from YAML text."""
    from ..errors import DataError
    from ..record.yamlfile import load_text

    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise InputError("{where}: the scenario is larger than {limit} bytes; split it",
                         field="scenario", where=where, limit=f"{MAX_BYTES:,}")
    try:
        raw = load_text(text, where, MAX_BYTES)
    except DataError as exc:
        raise InputError("{problem}", field="scenario", problem=str(exc)) from None
    return parse(raw, where)


def read(path: Path) -> Scenario:
    """A scenario from a YAML file: a regular file of at most ``MAX_BYTES``."""
    from ..record.files import read_bytes

    label = str(path)
    data = read_bytes(path, MAX_BYTES, field="scenario")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("{where}: not UTF-8 text; save the file as UTF-8", field="scenario",
                         where=label) from None
    return parse_text(text, label)


def dump(scenario: Scenario) -> str:
    """Canonical YAML of a scenario: what ``scenario export`` prints, and what adding it
    back turns into the same thing."""
    import yaml

    def event(e: EventSpec) -> dict[str, object]:
        item: dict[str, object] = {"date": e.date.isoformat(), "state": e.state, "kind": e.kind}
        for key in ("id", "by", "body", "summary"):
            if getattr(e, key) is not None:
                item[key] = getattr(e, key)
        if e.effective is not None:
            item["effective"] = e.effective.isoformat()
        if e.sources:
            item["sources"] = list(e.sources)
        return item

    data: dict[str, object] = {"name": scenario.name}
    if scenario.description:
        data["description"] = scenario.description
    data["events"] = [event(e) for e in scenario.events]
    if scenario.sources:
        data["sources"] = [{k: (v.isoformat() if isinstance(v, datetime.date) else v)
                            for k, v in s._asdict().items() if v is not None}
                           for s in scenario.sources]
    if scenario.model is not None:
        _bounded(scenario.model, scenario.name)
        data["model"] = _plain(scenario.model, scenario.name)
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return text


def digest(scenario: Scenario) -> str:
    """The identity of a scenario's content: its canonical text hashed (stored versions and
    simulation runs are keyed by it)."""
    import hashlib

    return hashlib.sha256(dump(scenario).encode()).hexdigest()
