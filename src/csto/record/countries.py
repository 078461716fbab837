"""States by code and name: what a user may type, and what a reader sees.

The table itself is built from pycountry, CLDR (through Babel) and countrycode's code list
(``cow``) when the data is compiled (``load``); here it is only looked up, which must stay
cheap.
"""

from __future__ import annotations

from .._typing import TYPE_CHECKING
from ..errors import InputError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Country


class Countries:
    """ISO 3166 states with their names in en, id and ru, and an index of what users type."""

    __slots__ = ("index", "table")

    def __init__(self, table: Mapping[str, Country], index: Mapping[str, str]) -> None:
        self.table = table
        self.index = index

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self.table

    def __getitem__(self, iso3: str) -> Country:
        return self.table[iso3]

    def name(self, iso3: str, lang: str = "en") -> str:
        row = self.table.get(iso3)
        return (row.names.get(lang) or row.names["en"]) if row else iso3

    def code(self, iso3: object) -> str:
        """An alpha-3 code in any case, checked; other spellings go through ``resolve``."""
        if isinstance(iso3, str):
            if iso3 in self.table:
                return iso3
            upper = iso3.upper()
            if upper in self.table:
                return upper
        return self.resolve(iso3)

    def resolve(self, text: object, field: str = "state") -> str:
        """Alpha-3 code for a code (alpha-2, alpha-3, numeric) or a name in en, id or ru."""
        if not isinstance(text, str):
            raise InputError("a country must be given as text, such as ARM or Armenia, not {kind}",
                             field=field, kind=type(text).__name__)
        code = self.index.get(text.strip().casefold())
        if code is not None:
            return code
        near = self.suggest(text)
        if near:
            raise InputError("unknown country '{value}': did you mean {suggestions}?",
                             field=field, value=text, suggestions=", ".join(near))
        raise InputError("unknown country '{value}': use an ISO 3166 alpha-3 code such as ARM, "
                         "or a country name in English, Indonesian or Russian",
                         field=field, value=text)

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Close matches for a name nobody knows, as 'Name (ISO)'."""
        key = text.strip().casefold()
        if not key or len(key) > 80:
            return []
        from rapidfuzz import fuzz, process, utils

        names, codes = list(self.index), list(self.index.values())
        found = process.extract(key, names, scorer=fuzz.ratio, processor=utils.default_process,
                                limit=12, score_cutoff=75)
        seen: list[str] = []
        for _, _, position in found:
            code = codes[position]
            label = f"{self.name(code)} ({code})"
            if label not in seen:
                seen.append(label)
        return seen[:limit]
