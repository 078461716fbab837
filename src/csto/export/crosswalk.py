"""Identifiers of every state in the record and of the alliance, each with its source.

ISO 3166 codes come from pycountry and Correlates-of-War codes from countrycode (through
the history's country table, which keeps the record's override for Serbia); Gleditsch–Ward
codes from countrycode; Wikidata items and the alliance's identifiers from
``identifiers.yaml``, the only ones the libraries lack.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple, TypedDict, cast

from ..record.history import History

HERE = Path(__file__).parent


class StateCodes(NamedTuple):
    """One state's identifiers, and where each comes from."""

    iso3: str
    iso2: str
    isonum: int
    cown: int | None
    gwno: int | None
    wikidata: str | None
    name: str
    source_iso: str
    source_cow: str
    source_gw: str
    source_wikidata: str


class AllianceCode(NamedTuple):
    scheme: str
    id: str
    source: str
    note: str


class Identifiers(TypedDict):
    """What ``identifiers.yaml`` holds: sources (title, url), each state's Wikidata item,
    and the alliance's identifiers (scheme, id, source, note)."""

    sources: dict[str, dict[str, str]]
    states: dict[str, dict[str, str]]
    alliance: list[dict[str, str]]


@cache
def identifiers() -> Identifiers:
    from ..record.yamlfile import load_text

    path = HERE / "identifiers.yaml"
    # the package's own file, of this shape (the crosswalk export shows every row)
    return cast("Identifiers", load_text(path.read_text(encoding="utf-8"), str(path)))


def _source(key: str) -> str:
    found = identifiers()["sources"][key]
    return f"{found['title']} <{found['url']}>"


@cache
def _gleditsch_ward(codes: tuple[str, ...]) -> dict[str, int | None]:
    from countrycode import countrycode

    found = countrycode(list(codes), origin="iso3c", destination="gwn")
    return {code: int(value) if value is not None else None
            for code, value in zip(codes, found, strict=True)}


def recorded_states(history: History) -> tuple[str, ...]:
    """Every state that ever had a standing (signatory, member, observer...), sorted."""
    codes: set[str] = set()
    for span in history.spans():
        codes.update(span.snapshot.standings)
    return tuple(sorted(codes))


def parties(history: History) -> tuple[str, ...]:
    """Every state that was ever a party: it signed the Treaty (observers alone are not)."""
    codes: set[str] = set()
    for span in history.spans():
        codes.update(code for code, standing in span.snapshot.standings.items()
                     if standing.status not in ("observer", "former_observer"))
    return tuple(sorted(codes))


def state_codes(history: History, codes: tuple[str, ...] | None = None) -> list[StateCodes]:
    """The crosswalk of ``codes`` (default: every state in the record)."""
    chosen = codes if codes is not None else recorded_states(history)
    gw = _gleditsch_ward(tuple(chosen))
    wikidata = identifiers()["states"]
    rows = []
    for code in chosen:
        country = history.countries[code]
        cow_from = ", ".join(history.sources[s].title for s in country.cow_sources
                             if s in history.sources)
        item = wikidata.get(code, {}).get("wikidata")
        rows.append(StateCodes(
            code, country.alpha2, int(country.numeric), country.cow, gw[code], item,
            country.names.get("en", code), _source("pycountry"), cow_from,
            _source("countrycode-0-6") if gw[code] is not None else "",
            f"https://www.wikidata.org/wiki/{item}" if item else ""))
    return rows


def alliance_codes() -> list[AllianceCode]:
    return [AllianceCode(row["scheme"], str(row["id"]), _source(row["source"]), row["note"])
            for row in identifiers()["alliance"]]


def cow_codes(history: History, codes: tuple[str, ...]) -> dict[str, int]:
    """Correlates-of-War code of each state, as ATOP's ``statea``/``stateb`` use them."""
    found = {}
    for code in codes:
        cow = history.countries[code].cow
        if cow is None:
            from ..errors import DataError

            raise DataError("countries", None, "cow", f"no Correlates-of-War code for {code}")
        found[code] = cow
    return found
