"""What the record says to a reader exists in Indonesian, English and Russian.

Read from the data files themselves: why csto chose a reading where sources disagree, why
it set each other reading aside, and the other readings where they are said in words; the
exercises' names (Russian writes them in Cyrillic letters) and the groupings' short names
(NATO is НАТО in Russian); and, in the message catalogs, what each column of the research
exports means.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from csto.export import COLUMNS
from csto.present.i18n import LOCALE_DIR

from .conftest import DATA

FILES = ("events.yaml", "documents.yaml", "offices.yaml", "organization.yaml",
         "exercises.yaml", "cases.yaml", "forces.yaml", "groupings.yaml")


def _load(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _walk(value: Any, where: str) -> Iterator[tuple[str, str, Any, Any]]:
    """Every (place, key, value, the mapping holding it) in a data file."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield where, str(key), item, value
            yield from _walk(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}/{item.get('id', index) if isinstance(item, dict) else index}")


def _three(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(k), str) and value[k]
                                           for k in ("en", "id", "ru"))


@pytest.mark.parametrize("name", FILES)
def test_every_reason_and_other_reading_is_in_three_languages(name: str) -> None:
    missing = []
    for where, key, value, _holder in _walk(_load(name), name):
        if key in ("chosen_because", "why_not") and not _three(value):
            missing.append(f"{where}/{key}")
        if key == "value" and isinstance(value, str) and "/names/" not in where:
            missing.append(f"{where}/{key}")  # a reading in words; names stay as written
    assert not missing, missing


def test_every_exercise_is_named_in_three_languages_russian_in_cyrillic() -> None:
    for exercise in _load("exercises.yaml"):
        title = exercise.get("title")
        assert _three(title), exercise["id"]
        assert title["en"] == exercise["name"], exercise["id"]
        assert not any("a" <= c.lower() <= "z" for c in title["ru"]), exercise["id"]


def test_every_grouping_has_its_short_name_in_three_languages() -> None:
    for grouping in _load("groupings.yaml"):
        assert _three(grouping.get("short")), grouping["id"]
        assert grouping["short"]["en"] == grouping["id"]


@pytest.mark.parametrize("lang", ["id", "ru"])
def test_every_export_column_is_explained_in_the_readers_language(lang: str) -> None:
    catalog = gettext.translation("csto", LOCALE_DIR, languages=[lang])
    for column, meaning in COLUMNS.items():
        assert catalog.gettext(meaning) != meaning, (lang, column)
