"""Build ``gazetteer.json``: every name the checker looks for, with the source of each.

Run ``.venv/bin/python scripts/build_gazetteer.py`` after editing ``additions.yaml`` or the
record; a test fails when the shipped file differs from what this builds. Names come from
pycountry (ISO 3166-1 and its translations), CLDR through Babel (territories, exemplar
cities), the record itself (the organization's names, its organs, documents, officials)
and the hand-written additions; Russian names are expanded into their six case forms with
pymorphy3 so that a plain string search finds "Киргизии" or "Путиным".
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from csto.record.load import load_history
from csto.record.model import Text

HERE = Path(__file__).resolve().parent.parent / "src" / "csto" / "factcheck"
ADDITIONS = HERE / "additions.yaml"
OUTPUT = HERE / "gazetteer.json"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
CITY_ZONES = {
    "Moscow": "Europe/Moscow",
    "Tashkent": "Asia/Tashkent",
    "Chisinau": "Europe/Chisinau",
    "Minsk": "Europe/Minsk",
    "Bishkek": "Asia/Bishkek",
    "Dushanbe": "Asia/Dushanbe",
    "Yerevan": "Asia/Yerevan",
    "Almaty": "Asia/Almaty",
    "Baku": "Asia/Baku",
    "Tbilisi": "Asia/Tbilisi",
    "Ashgabat": "Asia/Ashgabat",
    "Kyiv": "Europe/Kyiv",
}
"""Seats and signing places the record names, by the time zone whose CLDR city they are."""


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _inflect_word(word: str, case: str) -> str:
    if not word.isalpha() or word.isupper():
        return word
    parses = [
        p for p in _morph().parse(word) if {"NOUN", "ADJF"} & set(str(p.tag).replace(" ", ",").split(","))
    ]
    if not parses:
        return word
    best = parses[0]
    number = "plur" if "plur" in best.tag else "sing"
    form = best.inflect({case, number})
    if form is None:
        return word
    text = str(form.word)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def russian_forms(name: str, every_word: bool = False) -> list[str]:
    """The name in each of the six cases (the name's own form first).

    The words up to the first noun are inflected (``Российская Федерация``,
    ``Республика Казахстан``); what follows the head noun keeps its case (``Договор о
    коллективной безопасности``). A person's name inflects every word.
    """
    words = name.split(" ")
    head = len(words) if every_word else _head_end(words)
    forms = [name]
    for case in CASES:
        forms.append(" ".join([_inflect_word(w, case) for w in words[:head]] + words[head:]))
    return list(dict.fromkeys(forms))


def _head_end(words: list[str]) -> int:
    for index, word in enumerate(words):
        parses = _morph().parse(word) if word.isalpha() else []
        if parses and "NOUN" in parses[0].tag:
            return index + 1
    return len(words)


class Builder:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(self, kind: str, key: str, lang: str, name: str, sources: list[str]) -> None:
        name = " ".join(name.split())
        if len(name) < 2:
            return
        row = self.rows.setdefault(
            (kind, key, name), {"kind": kind, "key": key, "name": name, "langs": [], "sources": []}
        )
        if lang not in row["langs"]:
            row["langs"].append(lang)
        for source in sources:
            if source not in row["sources"]:
                row["sources"].append(source)

    def add_forms(self, kind: str, key: str, lang: str, name: str, sources: list[str], inflect: bool) -> None:
        self.add(kind, key, lang, name, sources)
        if inflect and lang == "ru":
            for form in russian_forms(name, every_word=kind == "person")[1:]:
                if len(form) >= min(4, len(name)) and form[:1] == name[:1]:
                    # a short or reshaped form ("То" for Того) is a common word, not a name
                    self.add(kind, key, lang, form, [*sources, "gz-pymorphy3"])

    def result(self, sources: list[dict[str, Any]]) -> dict[str, Any]:
        rows = sorted(self.rows.values(), key=lambda r: (r["kind"], r["key"], r["name"]))
        for row in rows:
            row["langs"].sort()
        return {"sources": sources, "entries": rows}


def _states(builder: Builder) -> None:
    import gettext

    import pycountry
    from babel import Locale

    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("id", "ru")
    }
    locales = {lang: Locale.parse(lang) for lang in ("en", "id", "ru")}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        english = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        for name in filter(None, english):
            if "," not in name:
                builder.add("state", iso3, "en", name, ["gz-pycountry-i18n"])
        for lang, catalog in translations.items():
            for name in filter(None, english[:2]):
                translated = catalog.gettext(name)
                if translated != name and "," not in translated:
                    builder.add_forms("state", iso3, lang, translated, ["gz-pycountry-i18n"], inflect=True)
        for lang, locale in locales.items():
            name = locale.territories.get(country.alpha_2)
            if name and "," not in name:
                builder.add_forms("state", iso3, lang, name, ["gz-cldr-territories"], inflect=True)


def _cities(builder: Builder) -> None:
    from babel import Locale

    for key, zone in CITY_ZONES.items():
        for lang in ("en", "id", "ru"):
            city = Locale.parse(lang).time_zones.get(zone, {}).get("city")
            name = city or zone.rsplit("/", 1)[1].replace("_", " ")
            builder.add_forms("place", key, lang, name, ["gz-cldr-cities"], inflect=True)


def _text_names(builder: Builder, kind: str, key: str, text: Text, sources: list[str]) -> None:
    for lang in ("en", "id", "ru"):
        value = getattr(text, lang)
        if value:
            builder.add_forms(kind, key, lang, value, sources, inflect=True)


def _record(builder: Builder) -> None:
    history = load_history()
    org = history.organization
    for name in org.names:
        if name.lang in ("en", "id", "ru"):
            builder.add_forms("org", "CSTO", name.lang, name.name, ["gz-record", *name.sources], inflect=True)
    for organ in org.organs:
        _text_names(builder, "organ", organ.id, organ.name, ["gz-record", *organ.sources])
    for doc in history.documents.values():
        if doc.kind in ("treaty", "charter", "protocol"):
            _text_names(builder, "document", doc.id, doc.title, ["gz-record", *doc.sources])
    for force in history.forces:
        sources = ["gz-record", *force.sources]
        for lang in ("en", "id", "ru"):
            full = getattr(force.name, lang)
            if not full:
                continue
            name, _, short = full.partition(" (")
            builder.add_forms("force", force.id, lang, name, sources, inflect=True)
            if short.rstrip(")"):
                builder.add_forms("force", force.id, lang, short.rstrip(")"), sources, inflect=False)
    for office in ("secretary_general", "chair"):
        for record in getattr(history.offices, office):
            if record.person is None:
                continue
            key = record.person.en
            sources = ["gz-record", *record.sources]
            _text_names(builder, "person", key, record.person, sources)
            for lang in ("en", "id", "ru"):
                full = getattr(record.person, lang)
                if full and " " in full:
                    builder.add_forms("person", key, lang, full.rsplit(" ", 1)[1], sources, inflect=True)


def build() -> dict[str, Any]:
    additions = yaml.safe_load(ADDITIONS.read_text(encoding="utf-8"))
    builder = Builder()
    _states(builder)
    _cities(builder)
    _record(builder)
    for entry in additions["entries"]:
        for name in entry["names"]:
            builder.add_forms(
                entry["kind"],
                entry["key"],
                entry["lang"],
                name,
                entry["sources"],
                inflect=bool(entry.get("inflect")),
            )
    return builder.result(additions["sources"])


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.write_text(dumps(build()), encoding="utf-8")
