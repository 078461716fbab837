"""The small tables and layouts csto keeps instead of importing a library at run time give
what the library gives: dates and numbers as Babel writes them (CLDR), Correlates of War
numbers as countrycode gives them, tables as Rich lays them out."""

from __future__ import annotations

import io
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto.present import render
from csto.present.i18n import Localizer, format_day
from csto.record.vocab import LANGS

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_tables


def test_shipped_tables_are_what_the_script_builds() -> None:
    assert build_tables.CALENDAR.read_text(encoding="utf-8") == build_tables.calendar()
    assert build_tables.COW.read_text(encoding="utf-8") == build_tables.cow()
    assert build_tables.LANGUAGES.read_text(encoding="utf-8") == build_tables.languages()


@pytest.mark.parametrize("lang", LANGS)
def test_language_names_read_as_babel_writes_them(lang: str) -> None:
    from babel import Locale

    from csto.present.i18n import language_name

    locale = Locale.parse(lang)
    for code in ("en", "ru", "id", "kk", "ky", "tg", "hy", "be", "uz", "fa"):
        assert language_name(lang, code) == locale.languages[code]
    assert language_name(lang, "be", "Cyrl") == f"{locale.languages['be']} ({locale.scripts['Cyrl']})"
    assert language_name(lang, "xx") == "xx"


@pytest.mark.parametrize("lang", LANGS)
def test_days_and_months_read_as_babel_writes_them(lang: str) -> None:
    from babel.dates import format_date, format_skeleton

    locale = build_tables.LOCALES.get(lang, lang)
    day = date(1992, 1, 1)
    while day <= date(2100, 12, 31):
        assert format_day(day, lang) == format_date(
            day, format=build_tables.LONG_DAY.get(lang, "long"), locale=locale)
        assert format_day(day, lang, "month") == format_skeleton("yMMMM", day, locale=locale)
        assert format_day(day, lang, "year") == str(day.year)
        day += timedelta(days=17)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("number", [0, 7, 999, 1000, 4000, 12_000, 1_234_567, -2500])
def test_whole_numbers_read_as_babel_writes_them(lang: str, number: int) -> None:
    from babel.numbers import format_decimal

    from csto.record.load import load_history

    assert Localizer(load_history().countries, lang).number(number) == format_decimal(
        number, locale=lang)


def _rich(headers: list[str], rows: list[list[str]], width: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(file=out, width=width, markup=False, highlight=False, emoji=False,
                      color_system=None, soft_wrap=False)
    table = Table(*headers, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  header_style="", expand=False)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    return out.getvalue()


WORD = st.text(alphabet="abcXYZ-.,()[]0123йжЖԱբé’—→", min_size=1, max_size=14)
CELL = st.lists(WORD, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(CELL.filter(bool), min_size=n, max_size=n),
    st.lists(st.lists(CELL, min_size=n, max_size=n), min_size=1, max_size=5),
    st.integers(20, 140))))
def test_tables_are_laid_out_as_rich_lays_them_out(
        table: tuple[list[str], list[list[str]], int]) -> None:
    headers, rows, width = table
    laid = render._table(headers, rows, width)
    if laid is not None:
        assert laid == _rich(headers, rows, width)


def test_tables_with_wide_or_control_characters_are_left_to_rich() -> None:
    assert render._table(["Name"], [["東京"]], 80) is None
    assert render._table(["Name"], [["a\x7fb"]], 80) is None
    assert render._table(["Name", "Note"], [["Armenia", "ok"]], 80) is not None
