"""The pages, read as a person reads them: in their language, without codes, with twins.

Every page (each question with the examples of ``test_answers``, its empty form, and the
other pages) is rendered in Indonesian and in Russian, and what a reader sees (text, the
options of a form, the names screen readers read) is searched for a string of the English
message catalogue, an English text of the record, or a code: a state's ISO code, a choice
or an id of the record, an option flag, a placeholder. Only what is marked as another
language (a source's English title, ``lang="en"``) or as not to translate (a column name,
a path of the API, a scenario file: ``translate="no"``) is left out. Every page has its
JSON twin, and every page that shows a table its CSV twin.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from itertools import pairwise
from typing import Any
from urllib.parse import urlencode

import pytest

from csto.present.i18n import LOCALE_DIR
from csto.questions.registry import QUESTIONS
from csto.record.history import History
from csto.record.load import load_history
from csto.record.model import Text
from csto.record.vocab import ACTIONS, MATTERS, SITUATIONS, STATUSES, TERRITORIES
from csto.scenario.files import parse_text
from csto.scenario.stored import Store

from .test_answers import EXAMPLES

SCENARIO = "pages-crisis"
TEXT = f"""name: {SCENARIO}
description: Armenia gives notice on 1 December 2026; Kazakhstan is attacked in 2027.
events:
  - {{date: 2026-12-01, state: ARM, kind: withdrawal-notice}}
  - {{date: 2027-03-01, state: KAZ, kind: aggression}}
"""
CHECKED = "CSTO memiliki delapan negara anggota. ОДКБ была создана в 2002 году."


def _pages() -> list[str]:
    pages = ["/", "/?on=1993-06-01", "/questions", "/scenarios", f"/scenarios/{SCENARIO}",
             "/simulate", f"/simulate?scenario={SCENARIO}&seed=7",
             f"/simulate?scenario={SCENARIO}&runs=50&seed=7", "/check",
             f"/check?{urlencode({'text': CHECKED, 'as_of': '2024-06-29'})}", "/exports",
             "/api/docs", "/no-such-question"]
    for name, examples in EXAMPLES.items():
        pages.append(f"/{name}")
        pages += [f"/{name}?{urlencode(values)}" for values in examples if values]
    return list(dict.fromkeys(pages))


PAGES = _pages()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The application over a data folder of its own: scenarios other tests stored (the
    fuzzers' random names among them) are not this module's pages."""
    from starlette.testclient import TestClient

    from csto.web import create_app

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CSTO_DATA_HOME", str(tmp_path_factory.mktemp("pages-data")))
        Store().add(parse_text(TEXT, SCENARIO))
        with TestClient(create_app()) as test_client:
            yield test_client


class Seen(HTMLParser):
    """What a reader sees or hears of a page: text, options, accessible names, titles;
    without scripts and styles, and without what is marked as another language or as not
    to translate."""

    SKIPPED = frozenset({"script", "style"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr", "path", "circle", "rect", "line"})
    NAMES = ("aria-label", "title", "alt", "placeholder")

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[bool] = []  # whether each open element is left out
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        hidden = bool(self.stack and self.stack[-1]) or tag in self.SKIPPED or (
            given.get("lang") not in (None, self.lang)) or given.get("translate") == "no"
        if not hidden:
            self.texts += [str(given[name]) for name in self.NAMES if given.get(name)]
            if tag == "input" and given.get("type") in ("text", "submit", None) and given.get(
                    "value"):
                self.texts.append(str(given["value"]))
        if tag not in self.VOID and not tag.endswith("/"):
            self.stack.append(hidden)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(" ".join(data.split()))


def seen(page: str, lang: str) -> list[str]:
    reader = Seen(lang)
    reader.feed(page)
    return reader.texts


@cache
def english(lang: str) -> tuple[list[str], list[str]]:
    """The English catalogue's strings a page in ``lang`` must not show: phrases (matched
    anywhere) and words (matched whole); a message translated as itself is left out."""
    from babel.messages.pofile import read_po

    with open(f"{LOCALE_DIR}/{lang}/LC_MESSAGES/csto.po", "rb") as handle:
        catalog = read_po(handle)
    compiled = gettext.translation("csto", LOCALE_DIR, languages=[lang])
    phrases, words = set(), set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for ident in ids:
            if not ident or compiled.gettext(str(ident)) == ident:
                continue
            for part in re.split(r"\{\w+\}", str(ident)):
                piece = part.strip(" .,:;()—–-'\"")
                if len(piece.split()) >= 2 and len(piece) >= 8:
                    phrases.add(piece)
                elif re.fullmatch(r"[A-Za-z][a-z]{3,}", piece):
                    words.add(piece)
    return sorted(phrases, key=len, reverse=True), sorted(words)


def _texts(value: object) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


@cache
def record_english(lang: str) -> list[str]:
    """English texts of the record that exist in ``lang`` too: pages must show the latter."""
    history = load_history()
    records: list[object] = [*history.events, *history.documents.values(), *history.exercises,
                             *history.cases, *history.forces, *history.groupings.values(),
                             history.organization, history.offices]
    found = {t.en for t in _texts(records)
             if getattr(t, lang) and getattr(t, lang) != t.en and len(t.en) >= 12}
    return sorted(found)


@cache
def codes(lang: str) -> re.Pattern[str]:
    """Codes a reader must not see: ISO codes, choices, ids of the record, flags,
    placeholders and identifiers."""
    history: History = load_history()
    tokens = set(history.countries.table) | set(SITUATIONS) | set(TERRITORIES)
    tokens |= set(ACTIONS) | set(MATTERS) | {s for s in STATUSES if "_" in s or s == "frozen"}
    tokens |= {e.id for e in history.events} | {e.id for e in history.exercises}
    tokens |= {c.id for c in history.cases} | {i for i in history.sources if "-" in i}
    tokens |= {d for d in history.documents if "-" in d} | set(QUESTIONS) - {"about", "history"}
    if lang == "ru":  # Indonesian writes NATO, EU...; Russian writes НАТО, ЕС
        tokens |= {g.id for g in history.groupings.values() if g.id not in g.name.get(lang)}
    placeholders = r"VICTIM|HOST|GUEST|ACTOR|ACTION|TARGET|BODY|STATES?|SCENARIO|FILE|NAME"
    listed = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    commands = "|".join(sorted({*QUESTIONS, "scenario", "simulate", "check", "export", "cite",
                                "serve", "check-data"}, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{listed}|{placeholders})(?![\w-])|--\w[\w-]*"
                      rf"|\bcsto (?:{commands})\b|\b[a-z]+_[a-z_]+\b")


def untranslated(page: str, lang: str) -> set[str]:
    """What a page in ``lang`` shows in English, or as a code."""
    found: set[str] = set()
    phrases, words = english(lang)
    whole = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    for text in seen(page, lang):
        found |= {p for p in phrases if p in text}
        found |= set(whole.findall(text))
        found |= {e for e in record_english(lang) if e in text}
        found |= {f"code: {m.group(0)}" for m in codes(lang).finditer(text)}
    return found


FACT_CHECKER = {"/check?": {"members", "code: members"}}
"""Known and left to the fact checker's own renderer (``factcheck/render.py``, which this
work does not touch): a claim's topic is shown as its key. Anything else fails."""


@pytest.mark.parametrize("lang", ["id", "ru"])
def test_no_page_shows_english_or_codes_to_an_indonesian_or_russian_reader(
        client: Any, lang: str) -> None:
    offending: dict[str, set[str]] = {}
    for path in PAGES:
        response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
        assert response.status_code in (200, 404), (path, response.status_code)
        assert f'<html lang="{lang}">' in response.text, path
        known = next((v for k, v in FACT_CHECKER.items() if path.startswith(k)), set())
        for found in untranslated(response.text, lang) - known:
            offending.setdefault(found, set()).add(path)
    report = "\n".join(f"{text!r} on {sorted(paths)[:3]}" for text, paths in
                       sorted(offending.items()))
    print(f"untranslated strings on {lang} pages: {len(offending)}")
    assert not offending, f"{len(offending)} untranslated strings or codes:\n{report}"


def test_the_check_finds_what_it_looks_for() -> None:
    """The reader of the test itself: English, codes and flags are found; what is marked as
    English or not to translate is not."""
    page = ('<html lang="ru"><body><p>Who must assist ARM? --on</p><cite lang="en">Who must '
            'assist</cite><code translate="no">iso3</code><p>member</p><p>2022</p></body></html>')
    found = untranslated(page, "ru")
    assert "code: ARM" in found and "code: --on" in found and "member" in found
    assert not any("iso3" in item for item in found)


def _twins(path: str) -> tuple[str, str]:
    route, _, query = path.partition("?")
    route = "/index" if route == "/" else route
    return f"{route}.json?{query}", f"{route}.csv?{query}"


@pytest.mark.parametrize("path", [p for p in PAGES if p not in ("/no-such-question", "/simulate")
                                  and not p.startswith("/check?")])
def test_every_page_has_a_json_twin_and_every_table_a_csv_one(client: Any, path: str) -> None:
    page = client.get(path)
    json_twin, csv_twin = _twins(path)
    answer = client.get(json_twin)
    assert answer.status_code == 200, (json_twin, answer.text[:200])
    assert answer.headers["content-type"].startswith("application/json")
    assert client.get(path, headers={"accept": "application/json"}).json() == answer.json()
    if "<table" in page.text:
        table = client.get(csv_twin)
        assert table.status_code == 200, (csv_twin, table.text[:200])
        assert table.headers["content-type"].startswith("text/csv")
        first = re.search(r"<th(?: [^>]*)?>(.*?)</th>", page.text)
        assert first is not None and table.text.startswith(
            first.group(1).replace("&#39;", "'").replace("&amp;", "&"))


def test_a_checked_text_has_its_twin(client: Any) -> None:
    query = urlencode({"text": CHECKED, "as_of": "2024-06-29"})
    answer = client.get(f"/check.json?{query}")
    assert answer.status_code == 200 and answer.json()["claims"]


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_legends_colours_differ_from_their_neighbours_by_3_to_1() -> None:
    """WCAG's contrast for graphics (1.4.11) between each standing and the next in the
    legend, and between neighbours on the map (Armenia and Azerbaijan, Uzbekistan and
    Kazakhstan or Afghanistan)."""
    from csto.web.site import HERE
    from csto.web.svg import STATUSES

    css = (HERE / "static" / "csto.css").read_text(encoding="utf-8")
    colour = {name.replace("-", "_"): value for name, value in
              re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", css)}
    pairs = list(pairwise(STATUSES))
    pairs += [("frozen", "former"), ("suspended", "member"), ("suspended", "former_observer")]
    for one, other in pairs:
        light, dark = sorted((_luminance(colour[one]), _luminance(colour[other])), reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 3, (one, other, round(ratio, 2))


def test_a_scenario_page_compares_around_what_it_changes(client: Any) -> None:
    """Armenia's notice of 1 December 2026 takes effect on 1 June 2027 (Charter Art. 19):
    by default the page compares the day before that with the day after."""
    page = client.get(f"/scenarios/{SCENARIO}?lang=en").text
    assert 'value="2027-05-31"' in page and 'value="2027-06-03"' in page
    assert "Armenia" in page and "No difference" not in page
    twin = client.get(f"/scenarios/{SCENARIO}.json").json()
    assert twin["changes"]["start"] == "2027-05-31"
    assert any(c["subject"] == "ARM" for c in twin["changes"]["changes"])


def test_a_simulation_shows_its_seed_and_the_seed_gives_it_again(client: Any) -> None:
    page = client.get(f"/simulate?scenario={SCENARIO}&lang=en").text
    seed = re.search(r'name="seed" type="number" min="0" value="(\d+)"', page)
    assert seed is not None, "the seed drawn is shown in the form"
    links = re.findall(r'href="(/simulate\?[^"]*)"', page)
    assert any(f"seed={seed.group(1)}" in link and "lang=en" in link for link in links), (
        "its permanent link holds it")
    assert any(f"seed={seed.group(1)}" in link and "lang=ru" in link for link in links), (
        "and so does the same page in another language")
    again = [client.get(f"/simulate.json?scenario={SCENARIO}&seed={seed.group(1)}").json()
             for _ in range(2)]
    assert again[0] == again[1] and again[0]["seed"] == int(seed.group(1))


def test_a_checked_text_has_a_permanent_link(client: Any) -> None:
    short = client.post("/check?lang=en", data={"text": CHECKED}, follow_redirects=False)
    assert short.status_code == 303 and short.headers["location"].startswith("/check?text=")
    assert "<mark>" in client.get(short.headers["location"]).text
    long = CHECKED + " " + "The CSTO was founded in 2002. " * 80
    kept = client.post("/check?lang=id", data={"text": long}, follow_redirects=False)
    assert kept.status_code == 303
    where = kept.headers["location"]
    assert re.fullmatch(r"/check/[0-9a-f]{32}\?lang=id", where)
    page = client.get(where).text
    assert "<mark>" in page and where.replace("&", "&amp;") in page
    twin = client.get(where.replace("?", ".json?"))
    assert twin.status_code == 200 and twin.json()["claims"]
    assert client.get("/check/" + "0" * 32).status_code == 404


def test_an_answer_has_a_permanent_link_that_says_when_the_record_changed(client: Any) -> None:
    from datetime import date

    page = client.get("/members?lang=en").text
    pinned = re.search(r'href="(/members\?[^"]*record=([0-9a-f]{10}))"', page)
    assert pinned is not None
    link = pinned.group(1).replace("&amp;", "&")
    assert f"on={date.today().isoformat()}" in link, "the day taken by default is written down"
    assert "has changed since" not in client.get(link).text
    older = client.get(link.replace(pinned.group(2), "0123456789")).text
    assert "release 0123456789 of the record; the record has changed since" in older


def test_what_changed_between_two_days_is_a_page(client: Any) -> None:
    page = client.get("/changes?from=2012-01-01&until=2013-01-01&lang=ru").text
    assert "<h1>Что изменилось между двумя днями?</h1>" in page
    assert "Узбекистан" in page and "19 декабря 2012" in page
    table = client.get("/changes.csv?from=2012-01-01&until=2013-01-01&lang=en").text
    assert "Uzbekistan,member → membership suspended" in table
