"""Words in the reader's language: messages (gettext catalogs built with Babel), country
names (CLDR), and the rendering of findings.

English needs no catalog: message ids are the English text, so the default path imports
nothing beyond the standard library.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import CountryList, CountryRef, Finding

if TYPE_CHECKING:
    import gettext

    from ..history import History

LANGS = ("en", "id", "ru")
DOMAIN = "csto"
LOCALE_DIR = os.path.dirname(os.path.abspath(__file__))
_AND = {"en": " and ", "id": ", dan ", "ru": " и "}
_CATALOGS: dict[str, gettext.NullTranslations] = {}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise InputError(f"unknown language '{lang}': use one of {', '.join(LANGS)}")
    return lang


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled message catalog of ``lang`` (English: the identity)."""
    if lang not in _CATALOGS:
        import gettext

        _CATALOGS[lang] = (
            gettext.NullTranslations() if lang == "en"
            else gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
        )
    return _CATALOGS[lang]


def join(items: list[str], lang: str) -> str:
    """'A, B and C' in the reader's language; a short list needs no library."""
    if len(items) < 2:
        return "".join(items)
    if lang == "id" and len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + _AND[lang] + items[-1]


class Localizer:
    """Renders answers for one reader: language, names, and the sources they cite."""

    def __init__(self, history: History, lang: str = "en") -> None:
        self.history = history
        self.lang = check_lang(lang)

    def gettext(self, message: str) -> str:
        return message if self.lang == "en" else catalog(self.lang).gettext(message)

    def country(self, code: str) -> str:
        return self.history.country_name(code, self.lang)

    def text(self, mapping: dict[str, Any] | None) -> str:
        if not mapping:
            return ""
        return str(mapping.get(self.lang) or mapping["en"])

    def _param(self, value: Any) -> Any:
        if isinstance(value, CountryRef):
            return self.country(value.code)
        if isinstance(value, CountryList):
            return join([self.country(code) for code in value.codes], self.lang)
        return value

    def format(self, item: Finding) -> str:
        params = {key: self._param(value) for key, value in item.params.items()}
        return self.gettext(item.message).format(**params)

    def finding(self, item: Finding) -> dict[str, Any]:
        return {
            "kind": item.kind,
            "code": item.code,
            "text": self.format(item),
            "citations": [c.as_dict() for c in item.citations],
            "facts": [f.as_dict() for f in item.facts],
        }

    def sources(self, ids: list[str]) -> dict[str, Any]:
        result = {}
        for ident in ids:
            source = self.history.sources[ident]
            entry = {"title": source["title"], "kind": source["kind"]}
            if source.get("url"):
                entry["url"] = source["url"]
            if source.get("file"):
                entry["file"] = source["file"]
            result[ident] = entry
        return result
