"""What every finding must be, whatever the question: a kind from the vocabulary, a code
that names its question, a message template the Indonesian and Russian catalogs translate
(the translators worked from the templates, so a template they never saw is a wrong one)
whose placeholders are its parameters, and sources that exist. Then the rules whose
results no other test pins down, with values from the record: standings, terms of office,
the chair's rotation, disputed records and grouping ids."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date

import pytest

import csto
from csto.present.i18n import catalog
from csto.questions.registry import ask
from csto.record.history import History
from csto.record.model import Finding
from csto.record.vocab import FINDING_KINDS

from .test_answers import EXAMPLES
from .test_conformance import CASES, values_of

CODE = re.compile(r"[a-z0-9_]+\.[a-z0-9_]+")
PLACE = re.compile(r"\{(\w+)\}")


def _answers(history: History) -> Iterator[tuple[str, object]]:
    for name, examples in EXAMPLES.items():
        for values in examples:
            yield name, ask(name, dict(values), history)
    for case in CASES:
        yield case["id"], ask(case["question"], values_of(case), history)


def test_every_finding_has_a_known_kind_a_code_a_translated_template_and_real_sources(
        history: History) -> None:
    translated = {lang: catalog(lang) for lang in ("id", "ru")}
    seen = 0
    for name, answer in _answers(history):
        for item in getattr(answer, "findings", ()):
            assert isinstance(item, Finding)
            assert item.kind in FINDING_KINDS, (name, item.kind)
            assert CODE.fullmatch(item.code), (name, item.code)
            for lang, words in translated.items():
                assert words.gettext(item.message) != item.message, (name, lang, item.code)
            assert set(PLACE.findall(item.message)) == set(item.params), (name, item.code)
            for fact in item.facts:
                assert set(fact.sources) <= set(history.sources), (name, fact.ref)
            for citation in item.citations:
                assert set(citation.sources) <= set(history.sources), (name, citation.key)
            seen += 1
    assert seen > 250


@pytest.mark.parametrize(("state", "day", "status", "member", "code"), [
    ("ARM", "2024-03-01", "frozen", True, "standing.member"),  # freeze of 22 Feb 2024
    ("KAZ", "1995-01-01", "member", True, "standing.member"),
    ("UZB", "2013-01-01", "suspended", False, "standing.other"),  # Council, 19 Dec 2012
    ("AZE", "2000-06-01", "former", False, "standing.other"),  # lapsed 20 Apr 1999
    ("SRB", "2014-01-01", "observer", False, "standing.other"),
    ("USA", "2020-01-01", None, False, "standing.none"),
    ("BLR", "1993-12-30", None, False, "standing.none"),  # accession of 31 Dec 1993
])
def test_one_states_standing(state: str, day: str, status: str | None, member: bool,
                             code: str) -> None:
    answer = csto.standing(state, on=day)
    assert (answer.standing.status if answer.standing else None) == status
    assert answer.member is member
    assert next(f.code for f in answer.findings if f.kind != "dispute") == code
    main = answer.findings[0]
    assert main.kind == "information"
    assert bool(main.citations) is member, "only a member is bound by Article 1"
    assert [c.key for c in main.citations] == (["cst/1"] if member else [])
    assert bool(main.facts) is (status is not None)
    if status is not None:
        assert main.facts[0].ref.startswith("event:") or main.facts[0].ref.startswith("document:")


def test_terms_run_to_the_next_start_unless_an_end_is_recorded(history: History) -> None:
    for office, terms in history.terms.items():
        records = getattr(history.offices, office)
        assert len(terms) == len(records)
        for index, (term, record) in enumerate(zip(terms, records, strict=True)):
            assert term.office == office and term.basis == "record"
            assert (term.state, term.person, term.start) == (record.state, record.person,
                                                            record.start)
            following = records[index + 1].start if index + 1 < len(records) else None
            assert term.end == (record.until or following)
            assert term.fact.ref == f"term:{office}:{record.start.isoformat()}"
            assert term.fact.disputed is bool(record.alternatives)
    masadykov = history.terms["secretary_general"][-1]
    assert masadykov.start == date(2026, 1, 1) and masadykov.end == date(2029, 1, 1)


@pytest.mark.parametrize(("year", "chair"), [
    (2027, "TJK"), (2028, "ARM"), (2029, "BLR"), (2030, "KAZ"), (2031, "KGZ"), (2032, "RUS"),
    (2033, "TJK"),
])
def test_the_rotation_after_the_record(year: int, chair: str) -> None:
    # Russian alphabetical order: Армения, Беларусь, Казахстан, Кыргызстан, Россия, Таджикистан
    answer = csto.chair(year)
    assert answer.basis == "rule"
    assert answer.chair is not None and answer.chair.state == chair
    assert (answer.chair.start, answer.chair.end) == (date(year, 1, 1), date(year + 1, 1, 1))
    assert answer.chair.basis == "rule" and answer.chair.fact.ref == "rule:chair_rotation"


def test_a_chair_year_starts_on_the_first_of_january() -> None:
    assert csto.officials("2026-12-31").chair.state == "RUS"  # type: ignore[union-attr]
    assert csto.officials("2027-01-01").chair.state == "TJK"  # type: ignore[union-attr]
    assert csto.officials("2027-01-31").chair.state == "TJK"  # type: ignore[union-attr]


@pytest.mark.parametrize("ref", ["event:arm-freeze", "event:uzb-suspend",
                                 "event:afg-observer-end", "term:chair:2022-11-23",
                                 "article:cst/1:cst", "case:kaz-2022"])
def test_disputed_records_are_found_by_the_ref_answers_use(history: History, ref: str) -> None:
    found = history.disputed(ref)
    assert found is not None, ref
    label, _why, alternatives = found
    assert label and alternatives
    for alternative in alternatives:
        assert alternative.sources and set(alternative.sources) <= set(history.sources)


@pytest.mark.parametrize("ref", ["event:arm-sign", "term:chair:2025-01-01", "article:cst/4:cst",
                                 "document:cst:in_force", "nothing"])
def test_records_without_alternatives_are_not_disputed(history: History, ref: str) -> None:
    assert history.disputed(ref) is None


def test_grouping_ids_are_read_in_any_case_and_refused_otherwise(history: History) -> None:
    assert history.resolve_grouping(" nato ") == "NATO"
    assert history.resolve_grouping("Sco") == "SCO"
    with pytest.raises(csto.InputError) as raised:
        history.resolve_grouping("WARSAW", "target")
    assert raised.value.field == "target"
    assert "CIS, EAEU, EU, GUAM, NATO, SCO" in str(raised.value.params)
    with pytest.raises(csto.InputError):
        history.resolve_grouping(None)


def _fresh(history: History) -> History:
    """The record replayed anew (the shared history was built before any test ran)."""
    return history.with_events([])


def test_a_history_built_anew_answers_the_whole_conformance_suite(history: History) -> None:
    from . import test_conformance as conformance

    fresh = _fresh(history)
    for case in CASES:
        conformance.test_case(case, fresh)


def test_a_history_built_anew_keeps_the_terms_and_spans_of_the_record(history: History) -> None:
    fresh = _fresh(history)
    test_terms_run_to_the_next_start_unless_an_end_is_recorded(fresh)
    spans = list(fresh.spans())
    assert [s.start for s in spans] == [s.start for s in history.spans()]
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    assert fresh.change_dates == history.change_dates
    for span in spans:
        day = span.start
        snap = fresh.at(day)
        assert snap.members == history.at(day).members
        assert snap.standings == history.at(day).standings
        assert (snap.chair, snap.secretary_general) == (history.at(day).chair,
                                                        history.at(day).secretary_general)
        assert snap.epoch.in_force == history.at(day).epoch.in_force
        assert snap.epoch.articles == history.at(day).epoch.articles
    for ref in ("event:arm-freeze", "term:chair:2022-11-23", "case:kaz-2022", "article:cst/1:cst"):
        assert fresh.disputed(ref) == history.disputed(ref) != None  # noqa: E711


def test_spans_clipped_to_a_window() -> None:
    history = csto.load_history().with_events([])
    spans = list(history.spans("2012-01-01", "2013-01-01"))
    assert spans[0].start == date(2012, 1, 1) and spans[-1].end == date(2013, 1, 1)
    assert [s.start for s in spans[1:]] == [d for d in history.change_dates
                                           if date(2012, 1, 1) < d < date(2013, 1, 1)]
    assert spans[0].snapshot.date == date(2012, 1, 1)
    assert next(iter(history.spans("2050-01-01", "2051-01-01"))).end == date(2051, 1, 1)


def test_the_rule_refuses_a_grouping_it_does_not_know(history: History) -> None:
    from csto.present.i18n import error_message
    from csto.rules.alliances import step

    with pytest.raises(csto.InputError) as raised:
        step(history.at("2026-12-01"), "ARM", "join-alliance", "WARSAW")
    assert raised.value.field == "target"
    assert error_message(raised.value) == ("unknown alliance or grouping 'WARSAW': use one of "
                                           "CIS, EAEU, EU, GUAM, NATO, SCO")


@pytest.mark.parametrize(("positions", "adopted", "code", "states"), [
    ({"RUS": "for", "BLR": "for", "KAZ": "against"}, False, "decide.blocked", ("KAZ",)),
    ({"RUS": "against", "KAZ": "against"}, False, "decide.blocked", ("KAZ", "RUS")),
    ({"RUS": "abstain"}, False, "decide.no_support", None),
    ({"RUS": "for", "BLR": "for", "KAZ": "for", "KGZ": "for", "TJK": "for"}, True,
     "decide.adopted", None),
])
def test_the_consensus_rule_says_why(positions: dict[str, str], adopted: bool, code: str,
                                     states: tuple[str, ...] | None) -> None:
    # Charter Art. 12: decisions by consensus; any objection blocks (2025: Armenia frozen)
    answer = csto.decide("CSC", positions, on="2025-11-27")
    assert answer.adopted is adopted
    found = [f for f in answer.findings if f.code == code]
    assert len(found) == 1 and found[0].kind == "information"
    assert [c.key for c in found[0].citations] == ["charter/12"]
    if states is not None:
        assert found[0].params["states"].codes == states  # type: ignore[attr-defined]
    else:
        assert found[0].params == {}
