"""Words in the reader's language: messages (gettext catalogs built with Babel), country
names (CLDR), dates and lists.

English needs no catalog: message ids are the English text. JSON keeps dates in ISO
form, so the ``--json`` path imports nothing beyond the standard library; people get
dates and whole numbers in their own format from CLDR's tables (``calendar``, built with
Babel), and other numbers through Babel.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache

from ..._typing import TYPE_CHECKING
from ...errors import CstoError, InputError
from ...record.model import (
    CountryList,
    CountryRef,
    DateRef,
    Finding,
    Label,
    Text,
    TextList,
    TextRef,
)
from ...record.vocab import LANGS

if TYPE_CHECKING:
    import gettext
    from collections.abc import Callable

    from ...record.countries import Countries

DOMAIN = "csto"
LOCALE_DIR = os.path.dirname(os.path.abspath(__file__))
_AND = {"en": " and ", "id": ", dan ", "ru": " и "}
"""Before the last of three or more items (Indonesian keeps the serial comma, as PUEBI asks)."""
_CATALOGS: dict[str, gettext.NullTranslations] = {}

N_ = str
"""Marks a message for extraction (``make i18n``); returns it unchanged."""


def check_lang(lang: object, field: str = "lang") -> str:
    if lang not in LANGS:
        raise InputError("unknown language '{value}': use one of {langs}", field=field,
                         value=str(lang), langs=", ".join(LANGS))
    return str(lang)


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled message catalog of ``lang`` (English: the identity)."""
    if lang not in _CATALOGS:
        import gettext

        _CATALOGS[lang] = (
            gettext.NullTranslations() if lang == "en"
            else gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
        )
    return _CATALOGS[lang]


def gettext_for(lang: str) -> Callable[[str], str]:
    return (lambda message: message) if lang == "en" else catalog(lang).gettext


def ngettext_for(lang: str) -> Callable[[str, str, int], str]:
    """The plural form of a message for a count, by the language's CLDR plural rule."""
    if lang == "en":
        return lambda singular, plural, count: singular if count == 1 else plural
    return catalog(lang).ngettext


def error_message(error: CstoError, lang: str = "en") -> str:
    """An error's one line in the reader's language."""
    return error.render(gettext_for(lang if lang in LANGS else "en"))


def join(items: list[str], lang: str) -> str:
    """'A, B and C' in the reader's language; a short list needs no library."""
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]}{_AND[lang].lstrip(',')}{items[1]}"
    return ", ".join(items[:-1]) + _AND[lang] + items[-1]


def language_name(lang: str, code: str, script: str | None = None) -> str:
    """A language (and its script) named in ``lang``, as CLDR names them; the code itself
    where CLDR has no name for it."""
    from .languages import LANGUAGES, SCRIPTS

    name = LANGUAGES[lang].get(code, code)
    return f"{name} ({SCRIPTS[lang].get(script, script)})" if script else name


@lru_cache(maxsize=8192)
def format_day(day: date, lang: str, precision: str = "day") -> str:
    """A day in the reader's format (CLDR's long date; ``calendar``), only as precise as the
    source (kept: a page writes the same days many times)."""
    if precision == "year":
        return str(day.year)
    from .calendar import DAYS, MONTHS

    if precision == "month":
        return MONTHS[lang][day.month - 1].format(year=day.year)
    return DAYS[lang][day.month - 1].format(day=day.day, year=day.year)


class Localizer:
    """Renders values for one reader: language, country names, dates.

    ``dates='iso'`` (the JSON form) writes days as YYYY-MM-DD; ``dates='long'`` (pages
    and the terminal) writes them as the reader's language does.
    """

    def __init__(self, countries: Countries, lang: str = "en", dates: str = "iso") -> None:
        self.countries = countries
        self.lang = check_lang(lang)
        self.dates = dates
        self._gettext = gettext_for(self.lang)

    def gettext(self, message: str) -> str:
        return str(self._gettext(message))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return str(ngettext_for(self.lang)(singular, plural, count))

    def country(self, code: str) -> str:
        return self.countries.name(code, self.lang)

    def text(self, value: Text | str | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return value.get(self.lang)

    def day(self, value: date | None, precision: str = "day") -> str:
        if value is None:
            return "-"
        if self.dates == "iso":
            return value.isoformat()
        return format_day(value, self.lang, precision)

    def number(self, value: float) -> str:
        """A number as the reader writes it (4,000 in English, 4.000 in Indonesian)."""
        if type(value) is int:
            from .calendar import GROUP

            return f"{value:,}".replace(",", GROUP[self.lang])
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=self.lang))

    def _param(self, value: object) -> object:
        if isinstance(value, CountryRef):
            return self.country(value.code)
        if isinstance(value, CountryList):
            return join([self.country(code) for code in value.codes], self.lang)
        if isinstance(value, DateRef):
            return self.day(value.day, value.precision)
        if isinstance(value, TextRef):
            return self.text(value.text)
        if isinstance(value, TextList):
            return "; ".join(str(self._param(TextRef(item) if isinstance(item, Text | str)
                                             else item)).rstrip(".") for item in value.items)
        if isinstance(value, Label):
            from ..labels import TABLES

            word = TABLES[value.table].get(value.code)
            return self.gettext(word) if word else value.code
        if isinstance(value, date):
            return self.day(value)
        return value

    def format(self, item: Finding) -> str:
        params = {key: self._param(value) for key, value in item.params.items()}
        return self.gettext(item.message).format(**params)
