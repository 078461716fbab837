"""Reading texts: names in three languages, numbers with each language's separators, dates
with dateparser's traps avoided, sentences, languages, markup and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csto.errors import InputError
from csto.factcheck import dates, numbers
from csto.factcheck.gazetteer import fold, gazetteer, read
from csto.factcheck.reading import period
from csto.factcheck.text import blank_markup, decode, language, sentences


def _states(text: str) -> list[str]:
    return [m.key for m in gazetteer().find(fold(text)) if m.kind == "state"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Armenia, Kazakhstan, Kirgizstan, Rusia dan Belarusia", ["ARM", "KAZ", "KGZ", "RUS", "BLR"]),
        ("Kirgistan, Kirgizia and the Kyrgyz Republic", ["KGZ", "KGZ", "KGZ"]),
        ("Армении, Казахстана, Киргизии, России и Белоруссии", ["ARM", "KAZ", "KGZ", "RUS", "BLR"]),
        ("с Российской Федерацией и Кыргызской Республикой", ["RUS", "KGZ"]),
        ("Moskwa bukan negara; Georgia adalah negara", ["GEO"]),
    ],
)
def test_state_names_in_three_languages_and_their_cases(text: str, codes: list[str]) -> None:
    assert _states(text) == codes


def test_names_match_whole_words_only() -> None:
    assert _states("Prusia, Belarusian troops, Omani") == []


def test_officials_are_found_in_any_case() -> None:
    found = gazetteer().find(fold("председателем Совета Владимиром Путиным"))
    assert ("person", "Vladimir Putin") in {(m.kind, m.key) for m in found}


def test_every_name_has_a_source_that_exists() -> None:
    from csto.record.load import load_history

    data = read()
    known = {s.id for s in data.sources} | set(load_history().sources)
    assert data.entries
    for entry in data.entries:
        assert entry.sources and set(entry.sources) <= known, entry


def test_gazetteer_file_is_what_the_builder_makes() -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.dumps(builder.build()) == builder.OUTPUT.read_text(encoding="utf-8"), (
        "gazetteer.json is stale: run .venv/bin/python scripts/build_gazetteer.py"
    )


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("total 4.000 tentara", "id", 4000, None),
        ("empat ribu tentara", "id", 4000, None),
        ("lebih dari 10.000 tentara", "id", 10000, "more-than"),
        ("dari ketujuh negara anggota", "id", 7, "all"),
        ("About 4,000 troops", "en", 4000, "about"),
        ("four thousand troops", "en", 4000, None),
        ("главами шести государств", "ru", 6, None),
        ("около четырех тысяч военнослужащих", "ru", 4000, "about"),
        ("4 000 военнослужащих", "ru", 4000, None),
        ("более 5 тысяч военнослужащих", "ru", 5000, "more-than"),
        ("свыше четырёх тысяч военных", "ru", 4000, "more-than"),
        ("1,5 тыс. человек", "ru", 1500, None),
        ("полутора тысяч военных", "ru", 1500, None),
        ("sekitar 1,5 ribu tentara", "id", 1500, "about"),
        ("seribu lima ratus tentara", "id", 1500, None),
        ("seratus lima puluh tentara", "id", 150, None),
        ("dua ribu lima ratus tentara", "id", 2500, None),
        ("2.5 thousand troops", "en", 2500, None),
    ],
)
def test_numbers_as_each_language_writes_them(
    text: str, lang: str, value: int, qualifier: str | None
) -> None:
    found = numbers.find(text, lang)
    assert [(n.value, n.qualifier) for n in found] == [(value, qualifier)]


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("pada 15 Mei 1992", date(1992, 5, 15), "day"),
        ("подписанного 15 мая 1992г.", date(1992, 5, 15), "day"),
        ("В сентябре 1993 года", date(1993, 9, 1), "month"),
        ("December 21, 2011 10:57 pm", date(2011, 12, 21), "day"),
        ("Senin (3/10/2022)", date(2022, 10, 3), "day"),
        ("in 2008", date(2008, 1, 1), "year"),
    ],
)
def test_dates_keep_their_precision(text: str, day: date, precision: str) -> None:
    found = dates.find(text)
    assert [(d.day, d.precision) for d in found] == [(day, precision)]


def test_a_bare_year_is_a_year_not_todays_day_in_it() -> None:
    (found,) = dates.find("sejak 2024")
    assert found.day == date(2024, 1, 1) and found.precision == "year"


def test_minggu_is_never_read_as_a_date() -> None:
    assert dates.find("Minggu lalu CSTO bersidang") == []
    (found,) = dates.find("Minggu, 9 Januari 2022")
    assert found.day == date(2022, 1, 9)


def test_relative_years_follow_the_sentence() -> None:
    found = dates.find("в 1999 году Грузия вышла, в этом же году Узбекистан приостановил участие")
    assert [d.day.year for d in found] == [1999, 1999]
    later = dates.find("Tiga negara lainnya menandatangani tahun berikutnya", context_year=1992)
    assert later[0].day.year == 1993


def test_date_line_dates_the_text() -> None:
    text = "CSTO tightens foreign base norms\n\nDecember 21, 2011 10:57 pm | Updated - MOSCOW:\n\nBody."
    assert dates.date_line(text)[0] == date(2011, 12, 21)  # type: ignore[index]
    assert (
        dates.date_line(
            "The Treaty was signed on 15 May 1992 in Tashkent by six states "
            "that were then members of the Commonwealth."
        )
        is None
    )


def test_sentences_and_their_languages() -> None:
    text = "CSTO didirikan pada 1992. The CSTO has six members.\nОДКБ создана в 2002 году."
    found = sentences(text)
    assert [s.lang for s in found] == ["id", "en", "ru"]
    assert [text[s.start : s.end] for s in found][1] == "The CSTO has six members."
    assert language("Latihan terbesar CSTO diadakan di Rusia Selatan") == "id"


def test_markup_is_blanked_without_moving_offsets() -> None:
    text = "<p>The <b>CSTO</b> has six members.</p>"
    blank = blank_markup(text)
    assert len(blank) == len(text) and blank[10:14] == "CSTO" and "<" not in blank


def test_binary_and_oversized_input_are_refused_with_one_line() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02ELF")
    assert decode("ОДКБ".encode("cp1251")) == "ОДКБ"
    assert decode("\ufeffCSTO".encode()) == "CSTO"


@pytest.mark.parametrize(("text", "kind"), [
    ("В учениях приняли участие около 2000 военнослужащих.", "number"),
    ("Around 2000 troops took part.", "number"),
    ("In 2000 troops were sent.", "date"),
])
def test_a_bare_year_before_troops_is_their_number(text: str, kind: str) -> None:
    from csto.factcheck.check import _read
    from csto.factcheck.reading import Focus
    from csto.factcheck.text import Sentence

    lang = "ru" if text[0] == "В" else "en"
    reading = _read(text, fold(text), Sentence(0, len(text), lang),
                    [m for m in gazetteer().find(fold(text), text)], Focus(), date(2009, 1, 1))
    assert ([d.day.year for d in reading.dates] == [2000]) == (kind == "date")
    assert ([n.value for n in reading.numbers] == [2000]) == (kind == "number")


@pytest.mark.parametrize("text, first, last", [
    ("held from 24 to 29 August 2006", date(2006, 8, 24), date(2006, 8, 29)),
    ("held August 24-29, 2006", date(2006, 8, 24), date(2006, 8, 29)),
    ("digelar pada 24 sampai 29 Agustus 2006", date(2006, 8, 24), date(2006, 8, 29)),
    ("прошли с 3 по 6 апреля 2007 года", date(2007, 4, 3), date(2007, 4, 6)),
    ("from August 24-29", date(2006, 8, 24), date(2006, 8, 29)),  # the year of the context
])
def test_days_of_one_month_are_a_range(text: str, first: date, last: date) -> None:
    found = dates.find(text, 2006)
    assert [(d.day, d.until, d.precision) for d in found] == [(first, last, "day")]


def test_a_range_that_runs_backwards_is_no_range() -> None:
    found = dates.find("from 5 to 3 May 2020", 2020)
    assert [(d.day, d.until) for d in found] == [(date(2020, 5, 3), None)]


@pytest.mark.parametrize("text, expected", [
    ("Ia kembali pada tahun 2006.Pada Mei ia absen.", ["Ia kembali pada tahun 2006.", "Pada Mei ia absen."]),
    ("Армения вышла.Потом вернулась.", ["Армения вышла.", "Потом вернулась."]),
    ("The U.S.Army and version 3.5 stay whole.", ["The U.S.Army and version 3.5 stay whole."]),
])
def test_a_full_stop_without_its_space_still_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected


@pytest.mark.parametrize("text, first", [
    ("in the 1990s", 1990), ("в начале 1990-х годов", 1990), ("pada tahun 2000-an", 2000),
])
def test_a_decade_is_its_ten_years(text: str, first: int) -> None:
    found = dates.find(text, 2006)
    assert [(d.day, d.until) for d in found] == [(date(first, 1, 1), date(first + 9, 12, 31))]


@pytest.mark.parametrize("word, tense", [
    ("Напомним", None),    # the writer's "let us recall": no future
    ("отметим", None),
    ("выйдем", "future"),  # "we will leave"
    ("направит", "future"),
    ("подписал", "past"),
])
def test_a_writers_let_us_recall_is_no_future(word: str, tense: str | None) -> None:
    from csto.factcheck.words import russian_tense

    assert russian_tense(word) == tense


def test_british_and_american_spellings_name_the_same_body() -> None:
    names = gazetteer()
    for spelling in ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"):
        found = names.find(fold(spelling), spelling)
        assert [(m.kind, m.key) for m in found] == [("other-org", "SCO")]


@pytest.mark.parametrize("text, year", [
    ("in 1992, and seven years later", 1999),
    ("pada 1999, tujuh tahun kemudian", 2006),
    ("в 1999 году, через семь лет", 2006),
    ("в 1992 году, семь лет спустя", 1999),
    ("in 2000, 3 years later", 2003),
])
def test_years_later_count_from_the_year_before(text: str, year: int) -> None:
    found = dates.find(text, 2010)
    assert [d.day.year for d in found] == [int(text.split()[1].strip(",")), year]


@pytest.mark.parametrize("text, expected", [
    ("It leaned towards the U.S. After the attacks it changed.",
     ["It leaned towards the U.S.", "After the attacks it changed."]),
    ("U.S. forces used the base.", ["U.S. forces used the base."]),
    ("Gen. Sidorov spoke.", ["Gen. Sidorov spoke."]),
])
def test_an_abbreviation_ends_a_sentence_before_a_word_that_opens_one(text: str,
                                                                      expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected


@pytest.mark.parametrize("text, first, last", [
    ("last year", date(2023, 1, 1), date(2023, 12, 31)),
    ("tahun lalu", date(2023, 1, 1), date(2023, 12, 31)),
    ("в прошлом году", date(2023, 1, 1), date(2023, 12, 31)),
    ("tahun ini", date(2024, 1, 1), date(2024, 12, 31)),
    ("next year", date(2025, 1, 1), date(2025, 12, 31)),
    ("bulan lalu", date(2024, 5, 1), date(2024, 5, 31)),
    ("на прошлой неделе", date(2024, 5, 29), date(2024, 6, 11)),
])
def test_deictic_dates_count_from_the_texts_day(text: str, first: date, last: date) -> None:
    """Said on 12 June 2024: "last year" is 2023, whatever year the text named before."""
    (found,) = dates.find(text, context_year=2006, today=date(2024, 6, 12))
    assert period(found) == (first, last)


def test_a_text_wrapped_at_a_fixed_width_reads_across_its_line_breaks() -> None:
    from csto.factcheck.text import sentences

    wrapped = (
        "Nikolay Bordyuzha, the Secretary General of the Collective Security\n"
        "Treaty Organization (CSTO), said on Friday that the organisation would\n"
        "hold its largest exercise in Kazakhstan, with more than seven thousand\n"
        "troops from Kazakhstan, Kyrgyzstan, Russia and Tajikistan taking part\n"
        "in it over two weeks near the town of Matybulak in the south of the\n"
        "country. The exercise will start on the second of October and end on\n"
        "the sixteenth, the Secretary General told reporters in Moscow after a\n"
        "meeting of the organisation's Permanent Council held earlier that day.\n"
        "\n"
        "Headline of the next story\n"
    )
    spans = [wrapped[s.start:s.end] for s in sentences(wrapped)]
    assert spans[0].startswith("Nikolay Bordyuzha") and "Collective Security\nTreaty" in spans[0]
    assert spans[0].endswith("country.")
    assert spans[-1] == "Headline of the next story"
    # a text of short lines, each its own sentence, is not wrapped
    listed = "CSTO members\nArmenia\nBelarus\nKazakhstan\n"
    assert len(sentences(listed)) >= 2
