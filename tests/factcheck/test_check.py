"""``csto.check`` and ``csto check``: verdicts from the record, the day each claim is judged on,
the JSON contract, the report in three languages, and any input without a crash."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csto
from csto.factcheck.answer import CheckAnswer, ClaimCheck
from csto.factcheck.propositions import Proposition
from csto.record.history import History
from tests.factcheck.evaluation import Score, evaluate

from ..conftest import Run

CORPUS = Path(__file__).resolve().parent / "corpus"
TODAY = date(2026, 11, 22)


def _one(text: str, history: History, **kwargs: Any) -> ClaimCheck:
    claims = csto.check(text, history=history, **kwargs).claims
    assert len(claims) == 1, [(c.quote, c.claim.kind) for c in claims]
    return claims[0]


def _verdicts(kind: str, text: str, history: History, as_of: str) -> list[str]:
    """The verdicts on the claims of one type a text makes."""
    claims = csto.check(text, history=history, as_of=as_of).claims
    return [c.verdict for c in claims if c.claim.kind == kind]


def _kinds(text: str, history: History, as_of: str) -> list[tuple[str, str]]:
    """Every claim a text makes, as its type and verdict, in order."""
    return [(c.claim.kind, c.verdict) for c in csto.check(text, history=history, as_of=as_of).claims]


def _p(claim: ClaimCheck) -> Proposition:
    assert claim.claim.proposition is not None
    return claim.claim.proposition


def test_a_member_list_that_held_once_is_outdated_with_its_period(history: History) -> None:
    """events.yaml: Uzbekistan returned on 16 Aug 2006 and was suspended on 19 Dec 2012."""
    claim = _one(
        "Anggota CSTO: Armenia, Belarus, Kazakhstan, Kirgizstan, Rusia, Tajikistan dan Uzbekistan.",
        history,
        as_of="2020-01-01",
    )
    assert claim.verdict == "outdated"
    assert claim.held[-1].start == date(2006, 8, 16) and claim.held[-1].end == date(2012, 12, 19)
    assert claim.as_of == date(2020, 1, 1) and claim.as_of_basis == "given"


def test_the_same_list_holds_on_a_day_it_was_true(history: History) -> None:
    claim = _one(
        "Anggota CSTO: Armenia, Belarus, Kazakhstan, Kirgizstan, Rusia, Tajikistan dan Uzbekistan.",
        history,
        as_of="2010-01-01",
    )
    assert claim.verdict == "holds"


def test_a_claim_is_a_proposition_the_registry_answers(history: History) -> None:
    """The proposition names a registry question, its arguments, the answer's field, the
    relation and the value; asking the registry the same gives the verdict's evidence."""
    claim = _one("CSTO memiliki delapan negara anggota.", history, as_of="2024-06-29")
    p = _p(claim)
    assert (p.question, p.field, p.relation, p.value, p.polarity) == (
        "members", "members.iso3", "count", 8, True)
    assert claim.verdict == "does-not-hold"
    answer = csto.ask(p.question, {**dict(p.arguments), "on": p.day.isoformat()}, history=history)
    assert len(getattr(answer, "members", ())) == 6
    text = csto.to_dict(
        csto.check("CSTO memiliki delapan negara anggota.", as_of="2024-06-29", history=history)
    )["claims"][0]["findings"][0]["text"]
    assert "6" in text and "Armenia" in text


def test_the_proposition_is_asked_on_the_history_in_use(history: History) -> None:
    """A scenario is a History: the same claim is judged on it."""
    from csto.record.model import Event, Source

    note = Source(id="what-if-uzb", title="Hypothesis: Uzbekistan returns in 2027")
    back = Event(id="uzb-back-2027", date=date(2027, 1, 1), state="UZB", kind="return",
                 sources=("what-if-uzb",))
    what_if = history.with_events([back], sources=[note])
    text = "Uzbekistan adalah anggota CSTO."
    assert _one(text, history, as_of="2027-06-01").verdict != "holds"
    assert _one(text, what_if, as_of="2027-06-01").verdict == "holds"


def test_an_alternative_the_record_rejected_is_disputed(history: History) -> None:
    """exercises.yaml center-2011: more than 12,000 troops and about 50 aircraft; 70
    aircraft is an alternative the record keeps with its sources."""
    answer = csto.check(
        "The largest exercise of 2011 had more than 10,000 troops and 70 aircraft.", history=history
    )
    verdicts = {c.claim.proposition.field.rsplit(".", 1)[-1]: c for c in answer.claims
                if c.claim.proposition is not None}
    assert verdicts["troops"].verdict == "holds"
    assert verdicts["aircraft"].verdict == "disputed"
    assert verdicts["aircraft"].alternatives and verdicts["aircraft"].alternatives[0].why_not


def test_a_disputed_standing_denied_holds_and_affirmed_is_disputed(history: History) -> None:
    """events.yaml uzb-suspend: suspended on 19 Dec 2012; 'withdrew' is the other reading."""
    left = _one("Uzbekistan left the CSTO in 2012.", history, as_of="2020-01-01")
    stayed = _one("Uzbekistan did not leave the CSTO in 2012.", history, as_of="2020-01-01")
    assert (left.verdict, stayed.verdict) == ("disputed", "holds")


def test_an_office_the_record_does_not_model_is_not_checkable(history: History) -> None:
    answer = csto.check(
        "Jenderal Anatoly Sidorov, kepala staf gabungan blok itu, berbicara.", history=history
    )
    assert [c.verdict for c in answer.claims if c.type == "official"] == ["not-checkable"]


def test_a_claim_with_its_own_date_is_judged_on_it(history: History) -> None:
    """events.yaml uzb-return: Uzbekistan's return in 2006."""
    claim = _one("Uzbekistan kembali ke CSTO pada tahun 2006.", history)
    assert claim.as_of_basis == "claim" and claim.as_of.year == 2006
    assert claim.verdict == "holds"


def test_the_text_date_line_dates_present_claims(history: History) -> None:
    """offices.yaml: Nikolai Bordyuzha was Secretary General from 2003 to 2016."""
    text = (
        "CSTO news\n\nDecember 21, 2011 10:57 pm | MOSCOW\n\nThe Secretary General Nikolai "
        "Bordyuzha opened the session."
    )
    answer = csto.check(text, history=history)
    assert answer.as_of == date(2011, 12, 21) and answer.as_of_basis == "date-line"
    official = next(c for c in answer.claims if c.type == "official")
    assert official.verdict == "holds" and official.as_of_basis == "date-line"


def test_without_a_date_the_text_speaks_of_today(history: History) -> None:
    """offices.yaml: Lukashenko chaired for Belarus in 2023; on TODAY he does not."""
    answer = csto.check("Ketua | Aleksandr Lukashenko", history=history, today=TODAY)
    assert answer.as_of_basis == "today" and answer.as_of == TODAY
    assert answer.claims[0].verdict == "outdated"


def test_article_4_in_its_1992_wording_is_outdated(history: History) -> None:
    """Treaty Art. 4: 'a state or group of states' is the 1992 wording, replaced from 19 Dec
    2012 by the 2010 amendments."""
    text = (
        'Pasal 4 dalam perjanjian itu berbunyi: "Jika salah satu negara anggota menjadi subjek '
        "agresi negara lain ataupun kelompok negara, ini akan dipertimbangkan sebagai agresi "
        'melawan seluruh negara anggota perjanjian ini."'
    )
    now = _one(text, history, as_of="2024-01-01")
    assert now.verdict == "outdated"
    assert now.held[-1].end == date(2012, 12, 19)
    assert _one(text, history, as_of="2005-01-01").verdict == "holds"


def test_russian_lists_in_the_genitive_are_read(history: History) -> None:
    """events.yaml: the six states that signed the Treaty on 15 May 1992."""
    answer = csto.check(
        "Договор подписан 15 мая 1992 года главами шести государств – Армении, "
        "Казахстана, Киргизии, России, Таджикистана, Узбекистана.",
        history=history,
    )
    lists = [c for c in answer.claims if c.claim.proposition is not None
             and isinstance(c.claim.proposition.value, tuple)]
    value = _p(lists[0]).value if lists else None
    assert isinstance(value, tuple) and set(value) == {"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
    assert lists[0].verdict == "holds"


def test_offsets_point_into_the_text_as_given(history: History) -> None:
    text = "<div>🛡 Членами ОДКБ являются Армения, Беларусь, Казахстан, Киргизия, Россия и Таджикистан.</div>"
    answer = csto.check(text, as_of="2022-10-07", history=history)
    for claim in answer.claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.quote in claim.sentence
        assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence
    assert answer.claims[0].verdict == "holds"


@pytest.mark.parametrize(("text", "day", "polarity", "verdict"), [
    ("Armenia is a member of the CSTO.", "2025-01-01", True, "holds"),
    ("Armenia is a CSTO member.", "2025-01-01", True, "holds"),
    ("Azerbaijan adalah anggota CSTO.", "2025-01-01", True, "outdated"),
    ("Uzbekistan bukan anggota CSTO.", "2025-01-01", False, "holds"),
    # a denial is judged on its day: it held from 1999 to 2006, but not in 2010
    ("Uzbekistan bukan anggota CSTO.", "2010-01-01", False, "does-not-hold"),
    ("Грузия не является членом ОДКБ.", "2025-01-01", False, "holds"),
    ("Казахстан является членом ОДКБ.", "2025-01-01", True, "holds"),
])
def test_one_state_said_to_be_a_member_or_not(history: History, text: str, day: str,
                                              polarity: bool, verdict: str) -> None:
    """events.yaml: Armenia and Kazakhstan are parties from 1994; Azerbaijan and Georgia
    left in 1999; Uzbekistan left in 1999, returned in 2006 and was suspended in 2012."""
    claim = _one(text, history, as_of=day)
    p = _p(claim)
    assert claim.claim.kind == "member" and isinstance(p.value, tuple) and len(p.value) == 1
    assert p.polarity is polarity and claim.verdict == verdict


@pytest.mark.parametrize("text", [
    "Armenia is a member of the UN.",
    "Uzbekistan adalah anggota pendiri PBB.",
    "Meskipun Rusia menjadi anggota terbesarnya, CSTO tidak akan ikut perang.",
])
def test_membership_of_another_body_or_a_description_is_no_single_member_claim(
        history: History, text: str) -> None:
    found = csto.check(text, history=history, as_of="2025-01-01").claims
    assert not [c for c in found if c.claim.kind == "member"]


def test_every_claim_type_has_its_words_in_three_languages() -> None:
    """A claim type's trigger concepts are in the lexicon of every language."""
    from csto.factcheck.claimtypes import TYPES
    from csto.factcheck.lexicon import lexicon

    concepts = lexicon().concepts
    for kind in TYPES:
        for trigger in kind.triggers:
            if not trigger.startswith("@"):
                assert set(concepts[trigger]) == {"en", "id", "ru"}, (kind.name, trigger)
    assert len({kind.name for kind in TYPES}) == len(TYPES)


# -- the JSON contract and the command ------------------------------------------------------------
def test_json_contract_and_published_schema(csto: Callable[..., Run], tmp_path: Path) -> None:
    from csto.present.shapes import check as validate

    path = tmp_path / "text.txt"
    path.write_text(
        (CORPUS / "seeds" / "004_2bba430d289883ed.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    run = csto("check", str(path), "--as-of", "2023-06-01", "--json")
    assert run.code == 0, run.err
    validate(CheckAnswer, run.out)
    data = json.loads(run.out)
    assert data["as_of"] == "2023-06-01" and data["claims"]
    text = path.read_text(encoding="utf-8")
    for claim in data["claims"]:
        assert {"start", "end", "sentence", "claim", "verdict", "citations"} <= set(claim)
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        assert claim["verdict"] in ("holds", "does-not-hold", "outdated", "disputed", "not-checkable")
        for source in [s for c in claim["citations"] for s in c["sources"]]:
            assert source in data["sources"]


def test_report_in_three_languages(csto: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("CSTO memiliki delapan negara anggota.", encoding="utf-8")
    english = csto("check", str(path), "--as-of", "2024-06-29")
    indonesian = csto("check", str(path), "--as-of", "2024-06-29", "--lang", "id")
    russian = csto("check", str(path), "--as-of", "2024-06-29", "--lang", "ru")
    assert "DOES NOT HOLD" in english.out and "⟦delapan negara anggota⟧" in english.out
    assert "TIDAK BENAR" in indonesian.out and "Armenia" in indonesian.out
    assert "НЕ СООТВЕТСТВУЕТ" in russian.out and "Армения" in russian.out


def test_standard_input(csto: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Kantor pusat | Moskwa, Rusia")))
    run = csto("check", "-", "--json")
    assert run.code == 0 and json.loads(run.out)["claims"][0]["verdict"] == "holds"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "/no/such/file.txt"), "no file"),
        (("check", "/"), "is a folder"),
        (("check", "-", "--as-of", "2022-02-30"), "invalid date"),
        (("check", "-", "--as-of", "1900-01-01"), "before"),
    ],
)
def test_bad_input_gets_one_line(
    csto: Callable[..., Run], args: tuple[str, ...], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"CSTO")))
    run = csto(*args)
    assert run.code == 2 and message in run.err and run.err.count("\n") == 1


def test_binary_input_gets_one_line(csto: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "binary"
    path.write_bytes(bytes(range(256)) * 8)
    run = csto("check", str(path))
    assert run.code == 2 and "binary" in run.err


# -- any input ----------------------------------------------------------------------------------------
_PIECES = [
    "CSTO",
    "ОДКБ",
    "Armenia",
    "Rusia",
    "Киргизии",
    "4.000",
    "1992",
    "15 Mei 1992",
    ", ",
    " dan ",
    " и ",
    "\n",
    ". ",
    "<b>",
    "</b>",
    "Pasal 4",
    "Secretary General",
    "Rubezh-2008",
    "«",
    "»",
    "🇦🇲",
    "\x00",
    "\u200b",
    "Ketua |",
    "anggota",
    "members",
    "входят",
    "—",
    "(",
    ")",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)))
def test_any_text_gets_a_result_with_valid_offsets(history: History, text: str) -> None:
    try:
        answer = csto.check(text, history=history)
    except csto.InputError:
        return
    for claim in answer.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.quote
        assert claim.verdict in ("holds", "does-not-hold", "outdated", "disputed", "not-checkable")


def test_fuzz_run_finishes_in_time_and_grows_linearly(history: History) -> None:
    """Mangled corpus text, run-on lists and long lines: no input makes the checker slow."""
    rng = random.Random(8)
    base = "".join(
        (CORPUS / name).read_text(encoding="utf-8")
        for name in ("id-03-suara-2022-apa-itu-csto.yaml", "ru-05-ria-2025-spravka.yaml")
    )
    nasty = [
        "Armenia, " * 3000,
        "a" * 50_000,
        "1992 " * 5000,
        "<" * 20_000,
        "Рубеж-" * 4000,
        "".join(rng.choice(base) for _ in range(30_000)),
    ]
    for text in nasty:
        started = time.perf_counter()
        csto.check(text, history=history)
        assert time.perf_counter() - started < 20
    small = base * 4
    timings = []
    for text in (small, small * 8):
        started = time.perf_counter()
        csto.check(text, history=history)
        timings.append(time.perf_counter() - started)
    assert timings[1] < timings[0] * 8 * 4, timings


def test_quality_on_the_tuning_corpus_does_not_fall(history: History) -> None:
    """A regression guard on the tuning corpus; ``make bench`` prints the figures beside
    the held-out ones, where the targets are. Its guidelines predate the ninth type,
    ``organization`` (the held-out and development sets annotate it): the Organization's
    names (the first written in full, too), its website and the treaty it was built on
    count against its precision."""
    total = Score(0, 0, 0, 0)
    for result, _ in evaluate(CORPUS, history).values():
        total = total + result
    assert total.annotated == 238
    assert total.precision >= 0.70 and total.recall >= 0.78 and total.accuracy >= 0.90, total


@pytest.mark.parametrize("text, verdict", [
    # A clause-opening "besides" adds its state to the list: six members in 2024 (events.yaml).
    ("Помимо Армении в Организацию входят Россия, Белоруссия, Казахстан, Таджикистан и Киргизия.",
     "holds"),
    ("Besides Armenia, the members are Russia, Belarus, Kazakhstan and Kyrgyzstan.",
     "does-not-hold"),  # Tajikistan is left out
    ("Selain Armenia, anggota CSTO adalah Rusia, Belarus, Kazakhstan, Kirgistan dan Tajikistan.",
     "holds"),
])
def test_a_clause_opening_besides_adds_its_state_to_the_list(history: History, text: str,
                                                             verdict: str) -> None:
    claim = _one(text, history, as_of="2024-01-01")
    assert claim.claim.kind == "members" and claim.verdict == verdict
    assert "ARM" in _p(claim).value  # type: ignore[operator]


def test_besides_inside_a_clause_leaves_its_state_out(history: History) -> None:
    """"All members apart from Armenia" names Armenia as left out, not as the list."""
    claims = csto.check("All members apart from Armenia took part in the exercise.",
                        history=history, as_of="2024-01-01").claims
    assert not any(c.claim.kind == "members" for c in claims)


def test_each_verb_of_a_chain_takes_the_date_beside_it(history: History) -> None:
    """events.yaml: Uzbekistan's Treaty lapsed in April 1999; it returned on 16 Aug 2006."""
    claims = csto.check("Uzbekistan bergabung dengan CSTO, berhenti pada tahun 1999, dan kembali "
                        "lagi pada tahun 2006.", history=history, as_of="2024-01-01").claims
    dated = {_p(c).field: (_p(c).day, c.verdict) for c in claims if _p(c).question == "changes"}
    assert dated == {
        "changes[what=standing,kind=lapse|withdraw].subject": (date(1999, 1, 1), "holds"),
        "changes[what=standing,kind=return].subject": (date(2006, 1, 1), "holds"),
    }


def test_joining_a_treaty_named_just_before_is_an_accession(history: History) -> None:
    """events.yaml: Azerbaijan signed the Treaty on 24 Sep 1993."""
    claims = csto.check("Договор о коллективной безопасности подписан 15 мая 1992 года. В сентябре "
                        "1993 года к нему присоединился Азербайджан.", history=history).claims
    joined = [c for c in claims if c.claim.kind == "state-event"]
    assert len(joined) == 1 and joined[0].verdict == "holds"
    assert _p(joined[0]).value == ("AZE",) and _p(joined[0]).day == date(1993, 9, 1)
    claims = csto.check("В сентябре 1993 года к нему присоединился Азербайджан.",
                        history=history).claims
    assert not claims, "with no treaty named before, 'it' is not known"


def test_each_event_of_a_clause_takes_the_states_named_before_it(history: History) -> None:
    """events.yaml: Georgia's and Azerbaijan's Treaty lapsed on 20 Apr 1999 (not renewed);
    Uzbekistan's too (uzb-lapse), and its return is of 16 Aug 2006. "Until 2006" ends the
    second event; it is not its date."""
    claims = csto.check("В 1999 году Грузия и Азербайджан вышли из Договора, в этом же году "
                        "Узбекистан приостановил участие в ДКБ до 2006 года.",
                        history=history, as_of="2010-01-01").claims
    events = {_p(c).value: _p(c).day for c in claims if c.claim.kind == "state-event"}
    assert events == {("GEO", "AZE"): date(1999, 1, 1), ("UZB",): date(1999, 1, 1)}


@pytest.mark.parametrize("text", [
    "Uzbekistan left the organization in 1999 but came back in 2006.",
    "Uzbekistan keluar dari CSTO pada tahun 1999, tetapi kembali pada tahun 2006.",
])
def test_a_clause_going_on_from_one_about_the_organization_keeps_its_subject(
        history: History, text: str) -> None:
    """events.yaml: uzb-lapse (1999) and uzb-return (16 Aug 2006); the return is quoted from
    its own clause."""
    claims = csto.check(text, history=history, as_of="2010-01-01").claims
    returned = [c for c in claims if _p(c).field == "changes[what=standing,kind=return].subject"]
    assert len(returned) == 1 and returned[0].verdict == "holds"
    assert _p(returned[0]).value == ("UZB",) and "Uzbekistan" not in returned[0].quote
    assert not csto.check("Russia sent troops but came back in 2006.", history=history,
                          as_of="2010-01-01").claims, "no organization named: no return to it"


@pytest.mark.parametrize("text", [
    "CSTO adalah aliansi militer dari enam negara: Armenia, Belarus, Kazakhstan, Kirgistan, "
    "Rusia, dan Tajikistan.",
    "ОДКБ — военный блок шести государств: Армения, Белоруссия, Казахстан, Киргизия, Россия и "
    "Таджикистан.",
])
def test_military_naming_the_kind_of_body_is_not_troops(history: History, text: str) -> None:
    """events.yaml: six members on 1 Oct 2022 (Uzbekistan suspended since 2012)."""
    claims = csto.check(text, history=history, as_of="2022-10-01").claims
    listed = [c for c in claims if c.claim.kind == "members"]
    assert len(listed) == 1 and listed[0].verdict == "holds"
    assert _p(listed[0]).value == ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")


@pytest.mark.parametrize("text", [
    "Setiap negara anggota memimpin organisasi itu secara bergantian.",
    "The member states lead the organization in rotation.",
])
def test_leading_in_turn_is_the_rotating_chair(history: History, text: str) -> None:
    """Charter Art. 13: the chair passes among the members."""
    assert _kinds(text, history, "2022-10-01") == [("rotation", "holds")]
    assert not csto.check("Russia led the exercise in rotation with Belarus.", history=history,
                          as_of="2022-10-01").claims


def test_a_rule_agreed_at_a_summit_is_still_the_rule(history: History) -> None:
    """Charter Art. 12 (decisions by consensus): saying where it was said changes nothing."""
    claims = csto.check("At their summit in Moscow the leaders recalled that the Council takes "
                        "its decisions by consensus.", history=history, as_of="2022-10-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("consensus", "holds")]


@pytest.mark.parametrize("text", [
    "Договор о коллективной безопасности подписан 15 мая 1992 года. В сентябре 1993 года к нему "
    "присоединился Азербайджан, в декабре того же года – Грузия и Белоруссия.",
    "The Collective Security Treaty was signed on 15 May 1992. Azerbaijan joined the Treaty in "
    "September 1993, Georgia and Belarus in December 1993.",
    "Traktat Keamanan Kolektif ditandatangani pada 15 Mei 1992. Azerbaijan bergabung dengan "
    "Traktat pada September 1993, Georgia dan Belarus pada Desember 1993.",
])
def test_an_event_repeated_without_its_verb_is_read_with_its_own_states_and_date(
        history: History, text: str) -> None:
    """events.yaml: Azerbaijan signed on 24 Sep 1993, Georgia on 9 Dec 1993, Belarus on
    31 Dec 1993. The state after an inverted Russian verb is its subject; "того" ("of that")
    is no state."""
    claims = csto.check(text, history=history, as_of="2010-01-01").claims
    joined = {_p(c).value: (_p(c).day, c.verdict) for c in claims if c.claim.kind == "state-event"}
    assert joined == {("AZE",): (date(1993, 9, 1), "holds"),
                      ("GEO", "BLR"): (date(1993, 12, 1), "holds")}
    assert all(c.quote[:1].isalnum() for c in claims)


def test_a_states_name_is_one_only_with_its_capital() -> None:
    """Russian "того" ("of that") is written like Togo's name, but small."""
    from csto.factcheck.gazetteer import fold, gazetteer

    text = "в декабре того же года Того и Грузия"
    found = [(text[m.start:m.end], m.key) for m in gazetteer().find(fold(text), text)
             if m.kind == "state"]
    assert found == [("Того", "TGO"), ("Грузия", "GEO")]


@pytest.mark.parametrize("text, verdict", [
    # exercises.yaml: "Interaction, Search, Echelon-2025" was held in Belarus
    ("Belarus hosted the Echelon-2025 exercise.", "holds"),
    ("Latihan Echelon-2025 digelar di Belarus.", "holds"),
    ("Учения «Эшелон-2025» прошли в Казахстане.", "does-not-hold"),
    # the record lists no exercise of the Interaction series in 2019: it cannot say
    ("Kazakhstan hosted the Interaction-2019 exercise.", "not-checkable"),
    ("Учения «Взаимодействие-2019» прошли в Казахстане.", "not-checkable"),
])
def test_an_exercise_is_found_by_any_series_its_name_names(history: History, text: str,
                                                          verdict: str) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2025-12-01").claims
              if c.claim.kind == "exercise-host"]
    assert [c.verdict for c in claims] == [verdict]


def test_a_word_with_its_possessive_ending_is_the_word(history: History) -> None:
    """events.yaml: Armenia froze its participation on 22 Feb 2024 ("partisipasinya": its
    participation)."""
    claims = csto.check("Armenia membekukan partisipasinya pada tahun 2024.", history=history,
                        as_of="2024-06-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("state-event", "holds")]


def test_a_founding_member_is_no_founding(history: History) -> None:
    """"A founding member" names a kind of member: 2024 is the freeze's year, not the
    Organization's founding (organization.yaml: 2002)."""
    claims = csto.check("Armenia, a founding member, froze its membership in 2024.",
                        history=history, as_of="2024-06-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("state-event", "holds")]


@pytest.mark.parametrize("text", [
    "Tokayev asked the CSTO for help on January 5, 2022.",
    "Tokayev meminta bantuan CSTO pada 5 Januari 2022.",
    "Токаев обратился к ОДКБ за помощью 5 января 2022 года.",
])
def test_a_leader_asks_for_his_state(history: History, text: str) -> None:
    """cases.yaml: Kazakhstan's request of 5 Jan 2022 (offices: Tokayev is its president)."""
    claims = csto.check(text, history=history, as_of="2022-02-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("case-request", "holds")]
    assert "KAZ" in _p(claims[0]).field


def test_the_destination_may_stand_before_a_passive_verb(history: History) -> None:
    """cases.yaml: the collective forces sent to Kazakhstan in January 2022."""
    claims = csto.check("В Казахстан были направлены миротворцы ОДКБ.", history=history,
                        as_of="2022-02-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("case-deployment", "holds")]
    assert not csto.check("Россия направила миротворцев ОДКБ.", history=history,
                          as_of="2022-02-01").claims


@pytest.mark.parametrize("text", [
    "Six former Soviet republics are members of the CSTO.",
    "Членами ОДКБ являются шесть бывших советских республик.",
])
def test_former_soviet_is_no_former_membership(history: History, text: str) -> None:
    """events.yaml: six members on 1 Jan 2025 (Armenia's participation frozen, not ended)."""
    claims = csto.check(text, history=history, as_of="2025-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("count", "holds")]
    assert _p(claims[0]).field == "members.iso3"


def test_directed_against_is_no_aim(history: History) -> None:
    """Treaty Art. 1: no member joins an alliance directed against another ("ditujukan
    terhadap" is "directed against", not a purpose)."""
    claims = csto.check("Negara anggota tidak boleh bergabung dengan aliansi militer yang "
                        "ditujukan terhadap anggota lain.", history=history,
                        as_of="2022-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("other-alliances", "holds")]


@pytest.mark.parametrize("text", [
    "If a member faces a threat, the members hold urgent consultations.",
    "Jika ada ancaman terhadap keamanan, para anggota segera mengadakan konsultasi.",
    # "one of the members" counts nothing
    "Jika keamanan salah satu anggota terancam, para anggota segera mengadakan konsultasi.",
    "If the security of one of the members is threatened, the members hold consultations.",
])
def test_consultations_on_a_threat_are_article_2(history: History, text: str) -> None:
    """Treaty Art. 2: consultations when a member's security is threatened."""
    assert _kinds(text, history, "2022-01-01") == [("consultations", "holds")]


@pytest.mark.parametrize("text, as_of", [
    ("Uzbekistan requested to suspend its membership in June 2012.", "2012-07-01"),
    ("Uzbekistan telah memutuskan untuk menangguhkan keanggotaannya di CSTO.", "2012-07-01"),
    ("Узбекистан официально заявил о своем намерении выйти из ОДКБ.", "2012-06-28"),
])
def test_a_request_or_decision_is_found_in_the_states_story(history: History, text: str,
                                                          as_of: str) -> None:
    """events.yaml: uzb-note-2012, the note of 28 June 2012 on suspending participation (the
    suspension itself came on 19 Dec 2012, after these texts' days)."""
    claims = csto.check(text, history=history, as_of=as_of).claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("state-event", "holds")]
    assert _p(claims[0]).question == "history"
    claims = csto.check("Kazakhstan decided to leave the CSTO in 2015.", history=history,
                        as_of="2016-01-01").claims
    assert [c.verdict for c in claims] == ["does-not-hold"], "no such statement or exit"


@pytest.mark.parametrize("text", [
    "Kazakhstan is one of the six current members of the CSTO.",
    "Kazakhstan adalah salah satu dari enam anggota CSTO.",
])
def test_one_of_six_members_counts_six(history: History, text: str) -> None:
    """events.yaml: six members on 1 Jan 2024 (Uzbekistan suspended in 2012)."""
    claims = [c for c in csto.check(text, history=history, as_of="2024-01-01").claims
              if c.claim.kind == "count"]
    assert [(_p(c).value, c.verdict) for c in claims] == [(6, "holds")]


@pytest.mark.parametrize("state, verdict", [("Армения", "holds"), ("Узбекистан", "outdated")])
def test_still_a_member_is_no_former_member(history: History, state: str, verdict: str) -> None:
    """events.yaml: Armenia froze its participation (still a member) in 2024; Uzbekistan's
    membership was suspended on 19 Dec 2012. "По-прежнему" is "still"."""
    claims = csto.check(f"{state} по-прежнему является членом ОДКБ.", history=history,
                        as_of="2025-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("member", verdict)]
    assert _p(claims[0]).field == "members.iso3"


def test_refusing_to_sign_the_extension_is_not_renewing(history: History) -> None:
    """documents.yaml: the extension protocol of 2 April 1999, which Azerbaijan, Georgia and
    Uzbekistan did not sign (events.yaml: their Treaty lapsed on 20 April 1999)."""
    claims = csto.check("Georgia, Azerbaijan and Uzbekistan refused to sign the protocol "
                        "extending the treaty.", history=history, as_of="2000-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("renewal", "holds")]
    claims = csto.check("The protocol extending the treaty was signed in Moscow on 2 April 1999.",
                        history=history, as_of="2000-01-01").claims
    assert {(c.claim.kind, c.verdict) for c in claims} == {("document-date", "holds"),
                                                           ("document-place", "holds")}
    assert all("prolongation" in _p(c).field for c in claims)


@pytest.mark.parametrize("text", ["Белоруссия приняла учения «Эшелон-2025».",
                                  "Учения «Эшелон-2025» принимала Белоруссия."])
def test_the_host_as_subject_of_a_russian_verb(history: History, text: str) -> None:
    """exercises.yaml: "Interaction, Search, Echelon-2025" was held in Belarus."""
    assert _kinds(text, history, "2025-12-01") == [("exercise-host", "holds")]


@pytest.mark.parametrize("text", [
    "Генеральный секретарь ОДКБ Имангали Тасмагамбетов заявил, что организация готова к диалогу.",
    "Sekretaris Jenderal OPKK Imangali Tasmagambetov mengatakan bahwa organisasi siap berdialog.",
])
def test_what_is_reported_does_not_silence_who_reports_it(history: History, text: str) -> None:
    """offices.yaml: Imangali Tasmagambetov, Secretary General from 1 Jan 2023 to 31 Dec 2025.
    A word of readiness in what he said does not make the sentence a plan."""
    assert _kinds(text, history, "2024-06-13") == [("office", "holds")]


@pytest.mark.parametrize("text", [
    "In January 2022 the CSTO sent about 2,000 peacekeepers to Kazakhstan at the request of "
    "President Tokayev.",
    "Pada Januari 2022, OPKK mengerahkan pasukan penjaga perdamaian ke Kazakhstan atas "
    "permintaan Presiden Tokayev.",
])
def test_the_requester_is_also_where_forces_went(history: History, text: str) -> None:
    """cases.yaml: Kazakhstan asked on 5 Jan 2022; the collective forces were sent there."""
    claims = csto.check(text, history=history, as_of="2023-01-01").claims
    assert {(c.claim.kind, c.verdict) for c in claims} == {("case-request", "holds"),
                                                           ("case-deployment", "holds")}


def test_consultations_asked_for_are_a_request(history: History) -> None:
    """cases.yaml: Armenia's request of May 2021 (Treaty Art. 2 consultations)."""
    claims = csto.check("Pada Mei 2021 Armenia meminta konsultasi berdasarkan Pasal 2 traktat.",
                        history=history, as_of="2023-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("case-request", "holds")]


def test_a_figure_exactly_another_readings_is_disputed(history: History) -> None:
    """cases.yaml kazakhstan-2022: about 2,000 troops chosen, 2,500 kept as the other
    reading: "some 2,500" is near enough to 2,000 to pass, but it is the other figure."""
    claims = csto.check("Some 2,500 troops were deployed to Kazakhstan in January 2022.",
                        history=history, as_of="2023-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("case-deployment", "disputed")]
    assert claims[0].alternatives
    claims = csto.check("About 2,000 troops were deployed to Kazakhstan in January 2022.",
                        history=history, as_of="2023-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("case-deployment", "holds")]


@pytest.mark.parametrize("text", ["Georgia joined the treaty on 9 September 1993.",
                                  "Uzbekistan left the treaty in 1998."])
def test_a_date_another_reading_gives_is_disputed(history: History, text: str) -> None:
    """events.yaml: geo-sign 9 Dec 1993 (9 Sep 1993 kept as the other reading); uzb-lapse
    20 Apr 1999 (1998 kept, from two news items)."""
    claims = csto.check(text, history=history, as_of="2000-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("state-event", "disputed")]
    assert claims[0].alternatives and claims[0].alternatives[0].why_not


@pytest.mark.parametrize("text", [
    "Belarus turut menandatangani traktat itu di Tashkent pada 15 Mei 1992.",
    "Belarus also signed the treaty in Tashkent on 15 May 1992.",
])
def test_a_state_also_signing_is_its_own_signing(history: History, text: str) -> None:
    """events.yaml: Belarus signed on 31 Dec 1993, not with the six on 15 May 1992."""
    claims = csto.check(text, history=history, as_of="2000-01-01").claims
    signed = [c for c in claims if c.claim.kind == "state-event"]
    assert [(_p(c).value, c.verdict) for c in signed] == [(("BLR",), "does-not-hold")]


@pytest.mark.parametrize("text", [
    "The withdrawal of CSTO troops from Kazakhstan was completed on 19 January 2022.",
    "Penarikan pasukan OPKK dari Kazakhstan rampung pada 19 Januari 2022.",
    "Вывод миротворцев ОДКБ из Казахстана завершился 19 января 2022 года.",
])
def test_troops_withdrawn_are_no_state_leaving(history: History, text: str) -> None:
    """cases.yaml: the collective forces left Kazakhstan in January 2022; Kazakhstan stayed a
    member (events.yaml)."""
    claims = csto.check(text, history=history, as_of="2023-01-01").claims
    assert not [c for c in claims if c.claim.kind == "state-event"]


@pytest.mark.parametrize("text, field", [
    ("Имангали Тасмагамбетов возглавляет ОДКБ.", "secretary_general.person.en"),
    ("Lukashenko currently heads the CSTO.", "chair.state"),
])
def test_a_person_heading_the_organization_holds_an_office(history: History, text: str,
                                                          field: str) -> None:
    """offices.yaml: Tasmagambetov Secretary General 2023-2025; Belarus chaired in 2023
    (its president heads it then)."""
    claims = csto.check(text, history=history, as_of="2023-06-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("office", "holds")]
    assert _p(claims[0]).field == field


def test_the_states_a_treaty_bound_when_it_took_effect(history: History) -> None:
    """documents.yaml: the Treaty in force from 20 Apr 1994; events.yaml: nine states had
    signed by then (the six of 1992, Azerbaijan, Georgia and Belarus in 1993)."""
    claims = csto.check("The treaty took effect on 20.04.1994 for nine signatory states.",
                        history=history, as_of="2000-01-01").claims
    counted = [c for c in claims if c.claim.kind == "count"]
    assert [(_p(c).value, _p(c).day, c.verdict) for c in counted] == [
        (9, date(1994, 4, 20), "holds")]


def test_an_alphabet_is_no_chair(history: History) -> None:
    """Charter Art. 13: the chair rotates in the order of the Russian alphabet; Russia is not
    said to chair."""
    claims = csto.check("Jabatan ketua bergilir setiap tahun sesuai urutan abjad Rusia.",
                        history=history, as_of="2025-06-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("rotation", "holds")]


@pytest.mark.parametrize("as_of, verdict", [
    ("2012-06-27", "does-not-hold"),  # the day before the note
    ("2012-06-28", "holds"),          # its day
    ("2013-06-28", "holds"),          # 365 days after: still the year before the text
    ("2013-12-19", "disputed"),       # the suspension, read by some sources as leaving
    ("2013-12-20", "does-not-hold"),  # 366 days after it: outside the year
])
def test_an_undated_decision_is_looked_for_in_the_year_before_the_text(
        history: History, as_of: str, verdict: str) -> None:
    """events.yaml: uzb-note-2012, the note of 28 June 2012 (Uzbekistan's only statement
    between 2006 and 2026); uzb-suspend, 19 Dec 2012, a suspension that sources also read as a
    withdrawal (kept as the other reading)."""
    claims = csto.check("Uzbekistan decided to leave the CSTO.", history=history,
                        as_of=as_of).claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("state-event", verdict)]


def test_an_aim_after_the_event_leaves_the_event_a_claim(history: History) -> None:
    """cases.yaml, kaz-2022: the Council decided on 6 Jan 2022 to send the peacekeeping
    forces at Tokayev's request. "With the aim of" qualifies the sending; it does not make
    it a statement of purpose. An aim before the event still governs it."""
    claims = csto.check("По просьбе Казахстана ОДКБ направила миротворцев в Казахстан с целью "
                        "стабилизации обстановки.", history=history, as_of="2022-01-07").claims
    assert {(c.claim.kind, c.verdict) for c in claims} >= {("case-deployment", "holds")}
    claims = csto.check("Цель ОДКБ — направить миротворцев в Казахстан.", history=history,
                        as_of="2022-01-07").claims
    assert not [c for c in claims if c.claim.kind.startswith("case-")]


def test_taking_a_decision_is_no_joining(history: History) -> None:
    """"Принял решение" (took a decision) holds "принял" (accepted, took over): neither a
    state's joining nor a handover of the chair."""
    claims = csto.check("Совет коллективной безопасности ОДКБ принял решение направить "
                        "миротворцев в Республику Казахстан.", history=history,
                        as_of="2022-01-07").claims
    assert [c.claim.kind for c in claims] == ["case-deployment"]


def test_forces_sent_at_a_states_request_went_to_it(history: History) -> None:
    """cases.yaml, kaz-2022: about 2,000 deployed (Tokayev, 10 Jan 2022), 2,500 the figure
    Zas gave on 6 January and kept as the other reading."""
    claims = csto.check("Atas permintaan Presiden Kazakhstan, CSTO mengirim sekitar 2500 "
                        "tentara.", history=history, as_of="2022-01-09").claims
    sent = [c for c in claims if c.claim.kind == "case-deployment"]
    assert [(_p(c).field, c.verdict) for c in sent] == [
        ("cases[case:readings:victim=KAZ].case.troops", "disputed")]


@pytest.mark.parametrize("text, verdict", [
    # armradio-2022-01-06-deployed: units of Russia, Belarus, Armenia, Tajikistan, Kyrgyzstan
    ("The peacekeeping forces include units of Russia, Belarus, Armenia, Tajikistan and "
     "Kyrgyzstan.", "holds"),
    ("The peacekeeping forces include units of Russia, Belarus and Uzbekistan.", "does-not-hold"),
])
def test_the_members_whose_forces_went_are_those_of_the_operation_spoken_of(
        history: History, text: str, verdict: str) -> None:
    """The operation is the one an earlier claim spoke of (Kazakhstan, January 2022)."""
    claims = csto.check("In January 2022 the CSTO sent peacekeepers to Kazakhstan. " + text,
                        history=history, as_of="2022-01-09").claims
    went = [c for c in claims if c.claim.kind == "case-contributors"]
    assert [(_p(c).field.split("]")[0], c.verdict) for c in went] == [
        ("cases[case:readings:victim=KAZ,case:outcome=deployment", verdict)]


def test_without_an_operation_in_view_no_contributors_are_read(history: History) -> None:
    claims = csto.check("The peacekeeping forces include units of Russia and Belarus.",
                        history=history, as_of="2022-01-09").claims
    assert not [c for c in claims if c.claim.kind == "case-contributors"]


@pytest.mark.parametrize("day, verdict", [
    ("5 January 2022", "does-not-hold"),  # the request's day (timeline: request 2022-01-05)
    ("6 January 2022", "holds"),          # timeline: decision 2022-01-06
    ("7 January 2022", "does-not-hold"),
])
def test_the_day_of_a_decision_to_send_forces(history: History, day: str, verdict: str) -> None:
    claims = csto.check(f"In accordance with the decision of the Council adopted on {day}, "
                        "the peacekeeping forces were sent to Kazakhstan.", history=history,
                        as_of="2022-01-20").claims
    decided = [c for c in claims if c.claim.kind == "case-decision"]
    assert [c.verdict for c in decided] == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # cases.yaml kaz-2022 timeline: withdrawal-start 2022-01-13, withdrawal-done 2022-01-19
    ("The withdrawal of CSTO peacekeepers from Kazakhstan began on 13 January 2022.", "holds"),
    ("The withdrawal of CSTO peacekeepers from Kazakhstan began on 19 January 2022.",
     "does-not-hold"),
    ("Вывод миротворцев ОДКБ из Казахстана завершился 19 января 2022 года.", "holds"),
    ("Penarikan pasukan CSTO dari Kazakhstan selesai pada 13 Januari 2022.", "does-not-hold"),
    # neither begun nor complete: either step's day
    ("CSTO troops withdrew from Kazakhstan on 19 January 2022.", "holds"),
    ("CSTO troops withdrew from Kazakhstan on 15 January 2022.", "does-not-hold"),
])
def test_a_withdrawal_of_forces_is_dated_by_its_steps(history: History, text: str,
                                                      verdict: str) -> None:
    assert _verdicts("case-withdrawal", text, history, "2022-02-01") == [verdict]


def test_taking_representatives_out_is_no_leaving(history: History) -> None:
    """"Вывести" (take out) is said of forces and people, "выйти" (leave) of a state."""
    claims = csto.check("Армения вывела своих представителей из ОДКБ.", history=history,
                        as_of="2024-06-01").claims
    assert not [c for c in claims if c.claim.kind == "state-event"]


@pytest.mark.parametrize("text, verdict", [
    # exercises.yaml rubezh-2006: 24 to 29 August 2006 (asiaplus-2006-08-21-rubezh)
    ("Rubezh-2006 was held from 24 to 29 August 2006.", "holds"),
    ("Rubezh-2006 was held on 20 August 2006.", "does-not-hold"),
    ("Учения «Рубеж-2006» начались 30 августа 2006 года.", "does-not-hold"),
    # grom-2021: the record keeps no days for it
    ("Grom-2021 was held on 10 May 2021.", "not-checkable"),
])
def test_the_days_of_an_exercise_meet_the_records(history: History, text: str,
                                                   verdict: str) -> None:
    assert _verdicts("exercise-date", text, history, "2022-01-01") == [verdict]


def test_a_day_near_an_exercise_is_not_its_day(history: History) -> None:
    """The units' arrival is dated, not the exercise."""
    claims = csto.check("Units arrived in Kazakhstan yesterday to take part in the exercise "
                        "Rubezh-2006.", history=history, as_of="2006-08-21").claims
    assert not [c for c in claims if c.claim.kind == "exercise-date"]


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: founding milestones, the Treaty of 15 May 1992 and the Charter of
    # 7 October 2002
    ("CSTO dibentuk antara tahun 1992 dan 2002.", "holds"),
    ("CSTO dibentuk antara tahun 1995 dan 2000.", "does-not-hold"),
])
def test_a_span_of_years_dates_a_founding(history: History, text: str, verdict: str) -> None:
    assert _verdicts("document-date", text, history, "2022-02-25") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # Treaty Art. 4: assistance, military included, against aggression; Art. 2: a threat
    # calls for consultations, not for assistance
    ("CSTO members must provide military assistance to all members in the event of "
     "aggression.", "holds"),
    ("CSTO members must provide military assistance to all members in the event of a "
     "military threat.", "does-not-hold"),
])
def test_assistance_is_owed_against_aggression_not_a_threat(history: History, text: str,
                                                            verdict: str) -> None:
    assert set(_verdicts("collective-defence", text, history, "2006-08-21")) == {verdict}


@pytest.mark.parametrize("as_of, verdict", [
    ("2024-06-13", "holds"),         # events.yaml: 12 Jun 2024, "We will leave" (a statement)
    ("2021-01-01", "does-not-hold"),  # no statement or leaving in the year before
])
def test_a_reported_future_is_an_announcement(history: History, as_of: str, verdict: str) -> None:
    text = "Perdana Menteri Nikol Pashinyan mengatakan Armenia akan meninggalkan CSTO."
    assert _verdicts("state-event", text, history, as_of) == [verdict]


def test_a_future_nobody_is_said_to_announce_is_no_claim(history: History) -> None:
    assert _verdicts("state-event", "Armenia akan meninggalkan CSTO.", history, "2024-06-13") == []


def test_a_period_before_the_record_is_not_checkable(history: History) -> None:
    """The record begins in 1992: a membership said of 1990 is outside it, not an error."""
    claims = csto.check("В 1990 году членом ОДКБ был Узбекистан.", history=history,
                        as_of="2012-06-30").claims
    assert [c.verdict for c in claims] == ["not-checkable"]


@pytest.mark.parametrize("text, counted", [
    ("Саммит ОДКБ, в которую входят 6 стран, прошел в Душанбе.", True),  # a member count
    ("The summit was attended by six states.", False),                  # who came
    ("Six states attended the summit.", False),
])
def test_a_meeting_blocks_counts_unless_membership_governs_them(
        history: History, text: str, counted: bool) -> None:
    """members.yaml: six members on 28 Apr 2003 (Armenia, Belarus, Kazakhstan, Kyrgyzstan,
    Russia, Tajikistan)."""
    verdicts = _verdicts("count", text, history, "2003-04-28")
    assert verdicts == (["holds"] if counted else [])


@pytest.mark.parametrize("text, verdict", [
    # members.yaml on 2021-07-23: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan
    ("CSTO beranggotakan Rusia, Armenia, Belarusia, Kazakstan, Kirgistan, dan Tajikistan.", "holds"),
    ("CSTO beranggotakan Rusia, Armenia, Belarusia, Kazakstan dan Tajikistan.", "does-not-hold"),
])
def test_a_misspelt_state_in_a_list_is_the_state_it_spells(history: History, text: str,
                                                            verdict: str) -> None:
    assert _kinds(text, history, "2021-07-23") == [("members", verdict)]


def test_a_capitalised_word_outside_a_list_is_not_read_as_a_state(history: History) -> None:
    """"Kazakstan" alone is not joined to any state the names found."""
    claims = csto.check("Kazakstan adalah anggota CSTO.", history=history, as_of="2021-07-23").claims
    assert not claims


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Georgia, Azerbaijan and Uzbekistan were parties from 1994 until the
    # Treaty lapsed for them on 20 Apr 1999
    ("До 1999 года членами договора были также Грузия, Азербайджан и Узбекистан.", "holds"),
    ("До 1993 года членами договора были Грузия и Азербайджан.", "does-not-hold"),
])
def test_until_a_year_a_claim_speaks_of_the_years_before_it(history: History, text: str,
                                                            verdict: str) -> None:
    assert _verdicts("members", text, history, "2003-04-28") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: the names in Indonesian and English
    ("Sejak itu aliansi Organisasi Perjanjian Keamanan Kolektif (CSTO) beranggotakan enam "
     "negara.", "holds"),
    ("CSTO (Collective Security Treaty Organization) held a summit.", "holds"),
    ("CSTO (Collective Security Treaty Alliance) held a summit.", "does-not-hold"),
])
def test_a_name_starts_at_its_capital_and_may_follow_the_abbreviation(
        history: History, text: str, verdict: str) -> None:
    assert _verdicts("name", text, history, "2023-05-31") == [verdict]


@pytest.mark.parametrize("text, kinds", [
    # members.yaml on 2024-06-25: the six, Armenia's participation frozen
    ("CSTO didirikan pada tahun 1992 setelah pecahnya Uni Soviet dan kini beranggotakan "
     "Rusia, Belarusia, Kazakhstan, Kyrgyzstan, Tajikistan, dan Armenia.", ["members"]),
    # another body by the word of membership: nothing asked of the CSTO
    ("The CSTO said nothing while Kazakhstan and Uzbekistan, members of the Shanghai "
     "Cooperation Organization, met.", []),
])
def test_another_body_is_meant_only_beside_the_word_of_membership(
        history: History, text: str, kinds: list[str]) -> None:
    claims = csto.check(text, history=history, as_of="2024-06-25").claims
    membership = [c for c in claims if c.claim.kind in ("members", "member")]
    assert [c.claim.kind for c in membership] == kinds
    assert all(c.verdict == "holds" for c in membership)


@pytest.mark.parametrize("text, kind, value", [
    # members.yaml on 2023-05-31: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan
    ("Rusia memimpin dengan lima negara anggota lainnya.", "count", 6),
    ("Russia leads the CSTO with its other members Armenia, Belarus, Kazakhstan, Kyrgyzstan "
     "and Tajikistan.", "members", ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")),
])
def test_other_members_are_others_than_the_state_named(history: History, text: str, kind: str,
                                                       value: object) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2023-05-31").claims
              if c.claim.kind == kind]
    assert [(_p(c).value, c.verdict) for c in claims] == [(value, "holds")]


def test_other_members_with_no_state_named_are_not_counted(history: History) -> None:
    assert _verdicts("count", "Lima negara anggota lainnya mendukung CSTO.", history,
                     "2023-05-31") == []


@pytest.mark.parametrize("text, kinds", [
    # forces.yaml cpf: the Agreement on Peacekeeping Activities, Dushanbe, 6 Oct 2007
    ("In October 2007, the CSTO agreed to create a peacekeeping force.",
     [("force-date", "holds")]),
    ("In 2009, the CSTO agreed to create a peacekeeping force.", [("force-date", "does-not-hold")]),
])
def test_creating_a_peacekeeping_force_dates_the_force_not_the_organization(
        history: History, text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2022-02-08") == kinds


def test_in_the_form_of_forms_nothing(history: History) -> None:
    claims = csto.check("In January 2022 the CSTO sent forces to Kazakhstan in the form of "
                        "peacekeepers.", history=history, as_of="2022-02-08").claims
    assert "document-date" not in [c.claim.kind for c in claims]
    assert "force-date" not in [c.claim.kind for c in claims]


@pytest.mark.parametrize("text, as_of, verdict", [
    # cases.yaml kaz-2022: the forces were sent on 6 Jan 2022
    ("В Казахстан будут направлены коллективные миротворческие силы ОДКБ.", "2022-01-06", "holds"),
    # arm-2022: no forces were sent to Armenia
    ("CSTO akan mengirim pasukan penjaga perdamaian ke Armenia.", "2022-09-15", "does-not-hold"),
])
def test_forces_said_to_be_sent_are_looked_for_around_the_text_and_the_year_after(
        history: History, text: str, as_of: str, verdict: str) -> None:
    assert _verdicts("case-deployment", text, history, as_of) == [verdict]


def test_a_mission_sent_to_assess_is_no_force(history: History) -> None:
    """cases.yaml arm-2022: a mission under the Secretary General went to Armenia; no forces."""
    text = "CSTO mengumumkan akan mengirim misi ke Armenia untuk menilai situasi di lapangan."
    assert _verdicts("case-deployment", text, history, "2022-09-15") == []


def test_joining_forces_is_no_joining(history: History) -> None:
    claims = csto.check("Lavrov spoke about Russia holding the 2026 CSTO Presidency:\n“Together "
                        "with our CSTO allies, we are joining forces to uphold our common "
                        "approaches.”", history=history, as_of="2026-01-05").claims
    assert "state-event" not in [c.claim.kind for c in claims]


def test_a_reporting_verb_sets_what_was_said_apart(history: History) -> None:
    """chair: Belarus from the Minsk session of 23 Jun 2006. "Is to keep" in what the chair
    said is no future tense of his chairing."""
    claims = csto.check("CSTO chairman Belarus President Alexander Lukashenka stressed that the "
                        "main task of CSTO is to keep intact our Western borders.",
                        history=history, as_of="2006-06-25").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("office", "holds")]


def test_a_decision_told_before_a_future_and_at_a_session_is_a_claim(history: History) -> None:
    """events.yaml: 12 Jun 2024, Pashinyan to parliament: "We will leave" (a statement)."""
    text = ("Prime Minister Nikol Pashinyan affirmed Armenia's decision to leave the CSTO, stating, "
            "\"We will leave when we decide,\" during a parliamentary session.")
    assert set(_verdicts("state-event", text, history, "2024-06-12")) == {"holds"}


def test_a_treatys_expiry_is_no_states_lapse(history: History) -> None:
    text = "Russia's Foreign Ministry held a meeting in Moscow on April 20, the treaty's expiration date."
    assert _verdicts("state-event", text, history, "1999-04-30") == []


def test_a_date_beside_the_saying_dates_the_saying(history: History) -> None:
    """members.yaml: Russia a member on 3 Oct 2022; the date is the day Kazakhstan spoke."""
    text = "Rusia menjadi anggota terbesarnya, kata Kazakhstan Senin (3/10/2022)."
    assert _verdicts("state-event", text, history, "2022-10-03") == ["holds"]


@pytest.mark.parametrize("text, state", [
    ("Rusia juga mendapat dukungan dari anggota CSTO Kazakhstan.", ("KAZ",)),
    ("Russia won support from the CSTO member Kazakhstan.", ("KAZ",)),
    ("Russia, a CSTO member, spoke first.", ("RUS",)),
])
def test_the_state_after_the_word_member_is_the_member(history: History, text: str,
                                                       state: tuple[str, ...]) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2022-11-27").claims
              if c.claim.kind == "member"]
    assert [(_p(c).value, c.verdict) for c in claims] == [(state, "holds")]


def test_a_note_received_is_a_statement_of_intent(history: History) -> None:
    """events.yaml uzb-note-2012: on 28 Jun 2012 the Secretariat confirmed it had received
    Uzbekistan's note suspending its participation (the suspension itself came on 19 Dec)."""
    text = ("The secretariat of the CSTO bloc confirmed it had received a note from Uzbekistan "
            "suspending its membership.")
    assert _verdicts("state-event", text, history, "2012-06-28") == ["holds"]


@pytest.mark.parametrize("folder", ["corpus", "development", "heldout", "heldout2"])
def test_every_annotated_quote_is_the_text_at_its_offsets(folder: str) -> None:
    """The three annotated sets: a quote that moved would score a claim against the wrong
    words."""
    from tests.factcheck.evaluation import read_corpus

    items = read_corpus(CORPUS.parent / folder)
    assert items
    for item in items:
        for claim in item.claims:
            assert item.text[claim["start"] : claim["end"]] == claim["quote"], (item.name, claim)


@pytest.mark.parametrize("text, kinds", [
    # documents.yaml cst: signed 15 May 1992 in Tashkent by Armenia, Kazakhstan, Kyrgyzstan,
    # Russia, Tajikistan and Uzbekistan: the signers and the Treaty's day, two claims
    ("Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan signed the Treaty "
     "on Collective Security in May 1992.",
     [("document-date", "holds"), ("state-event", "holds")]),
    # events.yaml: Azerbaijan, Georgia and Belarus signed in 1993, accessions: no Treaty date
    ("Azerbaijan, Georgia and Belarus signed the Treaty in 1993.", [("state-event", "holds")]),
])
def test_the_original_signers_signing_dates_the_document_too(
        history: History, text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2022-02-08") == kinds


def test_holding_the_csto_presidency_in_turn_is_the_rotation(history: History) -> None:
    """Charter Art. 13: the chair passes among the members in turn."""
    text = "Negara-negara anggota bergiliran memegang posisi Presiden CSTO setahun sekali."
    assert _verdicts("rotation", text, history, "2023-01-01") == ["holds"]


@pytest.mark.parametrize("text, as_of, day", [
    # documents.yaml cst-prolongation-1999: six states renewed; those the Treaty bound after
    # it lapsed for the others on 20 Apr 1999
    ("In 1999, six members signed a protocol to renew the treaty.", "2022-02-08",
     date(1999, 4, 20)),
    # members.yaml on 2022-11-27: six members; "the six-nation CSTO" at a summit
    ("Pashinyan mempertanyakan keefektifan CSTO enam negara pada pertemuan puncak minggu ini.",
     "2022-11-27", date(2022, 11, 27)),
])
def test_six_members_counted_by_the_renewal_and_beside_the_name(
        history: History, text: str, as_of: str, day: date) -> None:
    claims = [c for c in csto.check(text, history=history, as_of=as_of).claims
              if c.claim.kind == "count"]
    assert [(_p(c).value, _p(c).day, c.verdict) for c in claims] == [(6, day, "holds")]


def test_re_joined_is_a_return(history: History) -> None:
    """events.yaml uzb-return: Uzbekistan came back in 2006."""
    claims = csto.check("In 1999 Uzbekistan quit the bloc, but in 2006 it re-joined.",
                        history=history, as_of="2012-06-28").claims
    returned = [c for c in claims if c.claim.kind == "state-event" and "return" in _p(c).field]
    assert [c.verdict for c in returned] == ["holds"]


def test_joining_it_after_the_organization_was_named_is_joining_the_organization(
        history: History) -> None:
    """events.yaml: Uzbekistan a signatory from 15 May 1992, a member on 30 Jun 2012."""
    text = ("Военно-политический союз ОДКБ был создан в начале 1990-х годов. "
            "Узбекистан вступил в него.")
    assert _verdicts("state-event", text, history, "2012-06-30") == ["holds"]


@pytest.mark.parametrize("as_of, verdict", [
    # cases.yaml kaz-2022: the operation ran 5 to 19 Jan 2022. "Will be sent" is looked for
    # from 31 days before the text's day to 365 days after it.
    ("2021-01-04", "does-not-hold"),  # its year after ends on 4 Jan 2022, the day before
    ("2021-01-05", "holds"),          # ... on 5 Jan 2022, the operation's first day
    ("2022-02-19", "holds"),          # 31 days before: 19 Jan, its last day
    ("2022-02-20", "does-not-hold"),  # 31 days before: 20 Jan, the day after
])
def test_the_window_of_forces_said_to_be_sent_at_its_edges(history: History, as_of: str,
                                                            verdict: str) -> None:
    text = "В Казахстан будут направлены коллективные миротворческие силы ОДКБ."
    assert _verdicts("case-deployment", text, history, as_of) == [verdict]


@pytest.mark.parametrize("day, verdict", [
    # exercises.yaml rubezh-2007: 27 Mar (the staff phase at the Joint Staff, as its source,
    # Novosti-Armenia of 26 Mar 2007, gives) to 6 Apr 2007
    ("26 March", "does-not-hold"), ("27 March", "holds"),
    ("6 April", "holds"), ("7 April", "does-not-hold"),
])
def test_the_days_of_rubezh_2007_at_its_edges(history: History, day: str, verdict: str) -> None:
    text = f"Rubezh-2007 was held on {day} 2007."
    assert _verdicts("exercise-date", text, history, "2007-12-31") == [verdict]


@pytest.mark.parametrize("text, kinds", [
    # an exercise's date is not the founding's: "since" measures time from the founding
    ("In October 2018 the CSTO held its largest joint exercise since it was founded.", []),
    ("Pada Oktober 2018, CSTO mengadakan latihan bersama terbesar sejak didirikan.", []),
    ("В октябре 2018 года ОДКБ провела крупнейшие учения с момента своего создания.", []),
    # organization.yaml: the Organization founded by the Charter of 7 Oct 2002
    ("It was the largest exercise since the CSTO was founded in 2002.",
     [("document-date", "holds")]),
])
def test_a_date_before_since_is_not_the_founding_day(
        history: History, text: str, kinds: list[tuple[str, str]]) -> None:
    claims = csto.check(text, history=history, as_of="2022-02-08").claims
    assert [(c.claim.kind, c.verdict) for c in claims if c.claim.kind == "document-date"] == kinds


@pytest.mark.parametrize("text, as_of, verdict", [
    # events.yaml: Uzbekistan's note of 28 June 2012 suspending its participation
    ("Uzbekistan has informed the Collective Security Treaty Organization that it is "
     "suspending its participation.", "2012-06-28", "holds"),
    ("Uzbekistan has informed the Collective Security Treaty Organization that it is "
     "suspending its participation.", "2009-06-28", "does-not-hold"),
    # events.yaml: Armenia's statements of 2024 that it will leave
    ("Armenia has declared its intention to withdraw from the CSTO.", "2024-06-12", "holds"),
])
def test_an_intent_told_before_that_is_a_statement(history: History, text: str, as_of: str,
                                                    verdict: str) -> None:
    claims = csto.check(text, history=history, as_of=as_of).claims
    assert [(c.claim.kind, c.verdict) for c in claims if c.claim.kind == "state-event"] == [
        ("state-event", verdict)]


def test_an_intention_denied_is_no_statement(history: History) -> None:
    claims = csto.check("Armenia has no intention to withdraw from the CSTO.", history=history,
                        as_of="2024-06-12").claims
    assert "state-event" not in [c.claim.kind for c in claims]


@pytest.mark.parametrize("text, host, verdict", [
    # exercises.yaml: Interaction-, Search- and Echelon-2025 in Belarus, from 31 Aug 2025
    ("Учения ОДКБ «Поиск-2025» и «Эшелон-2025» стартовали в Белоруссии.", ("BLR",), "holds"),
    ("Учения ОДКБ «Эшелон-2025» стартовали в Казахстане.", ("KAZ",), "does-not-hold"),
])
def test_a_quote_mark_is_no_word_between_the_exercise_and_its_place(
        history: History, text: str, host: tuple[str, ...], verdict: str) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2025-09-01").claims
              if c.claim.kind == "exercise-host"]
    assert [(c.claim.proposition and c.claim.proposition.value, c.verdict) for c in claims] == [
        (host, verdict)]


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Uzbekistan's return, decided and signed in 2006
    ("Uzbekistan did not sign the protocol in 1999. In 2006 the country decided to return "
     "to the CSTO.", "holds"),
    ("В 1999 году Узбекистан не стал его подписывать. Однако в 2006 году власти республики "
     "решили восстановить членство в ОДКБ.", "holds"),
    ("Uzbekistan did not sign the protocol in 1999. In 2001 the country decided to return "
     "to the CSTO.", "does-not-hold"),
])
def test_the_country_is_the_one_state_the_sentence_before_named(
        history: History, text: str, verdict: str) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2012-06-30").claims
              if c.claim.kind == "state-event"]
    assert [(c.claim.proposition and c.claim.proposition.each, c.verdict) for c in claims
            ] == [((("state", "UZB"),), verdict)]


def test_the_country_after_a_list_is_no_one_state(history: History) -> None:
    text = "Georgia and Azerbaijan left in 1999. In 2006 the country decided to return to the CSTO."
    claims = csto.check(text, history=history, as_of="2012-06-30").claims
    assert [c.claim.kind for c in claims if c.claim.kind == "state-event"
            and c.quote.startswith("2006")] == []


def test_did_not_sign_in_russian_founds_nothing(history: History) -> None:
    claims = csto.check("В 1999 году Узбекистан не стал его подписывать.", history=history,
                        as_of="2012-06-30").claims
    assert "document-date" not in [c.claim.kind for c in claims]


@pytest.mark.parametrize("text", [
    "Соответствующий закон был подписан президентом Узбекистана в декабре 2006 года.",
    "Uzbekistan's president signed the law in December 2006.",
])
def test_a_law_signed_is_no_treaty_signed(history: History, text: str) -> None:
    claims = csto.check(text, history=history, as_of="2012-06-30").claims
    assert [c.claim.kind for c in claims] == []


@pytest.mark.parametrize("text, polarity", [
    # Treaty Art. 4: the members help the one attacked, military assistance included
    ("CSTO members are obliged to come to each other's defence.", True),
    ("The CSTO treaty has a mutual defence clause.", True),
    ("CSTO menganut prinsip pertahanan kolektif.", True),
    ("Статья 4 Договора предусматривает коллективную оборону.", True),
    ("The CSTO treaty has no mutual defence clause.", False),
])
def test_defence_of_each_other_as_a_duty_is_article_4(history: History, text: str,
                                                      polarity: bool) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2024-01-01").claims
              if c.claim.kind == "collective-defence"]
    assert [(c.claim.proposition and c.claim.proposition.polarity, c.verdict) for c in claims] == [
        (polarity, "holds" if polarity else "does-not-hold")]


@pytest.mark.parametrize("text", [
    "The CSTO held collective defence exercises in 2023.",
    "Pashinyan said the CSTO's collective defence does not work.",
])
def test_collective_defence_named_without_a_duty_is_no_rule(history: History, text: str) -> None:
    claims = csto.check(text, history=history, as_of="2024-01-01").claims
    assert "collective-defence" not in [c.claim.kind for c in claims]


@pytest.mark.parametrize("text, kinds", [
    # Charter Art. 12: decisions by consensus; the Protocol of 2011: bases need every member
    ("Semua keputusan CSTO harus disetujui oleh seluruh anggota.", ["consensus"]),
    ("Penempatan pangkalan militer asing harus disetujui oleh seluruh anggota CSTO.",
     ["bases-consent"]),
])
def test_decisions_approved_by_all_are_consensus_and_bases_are_not(
        history: History, text: str, kinds: list[str]) -> None:
    claims = csto.check(text, history=history, as_of="2024-01-01").claims
    assert [c.claim.kind for c in claims if c.claim.kind in ("consensus", "bases-consent")] == kinds
    assert all(c.verdict == "holds" for c in claims)


def test_the_chair_passing_from_one_state_to_another_is_the_rotation(history: History) -> None:
    """Charter Art. 13 (as amended): the chair passes among the members in turn."""
    claims = csto.check("Председательство в ОДКБ переходит ежегодно от одного государства к "
                        "другому.", history=history, as_of="2024-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("rotation", "holds")]


def test_taking_part_in_blocs_directed_against_members_is_article_1(history: History) -> None:
    claims = csto.check("CSTO members pledge not to take part in military blocs directed "
                        "against other members.", history=history, as_of="2024-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("other-alliances", "holds")]


@pytest.mark.parametrize("text, on, kinds", [
    # exercises.yaml: Interaction, Search, Echelon-2021 in Tajikistan, 18-23 Oct 2021: the one
    # exercise of 2021 there, so a month names it
    ("Latihan bersama CSTO berlangsung di Tajikistan pada Oktober 2021.", "2021-11-01",
     [("exercise-host", "holds"), ("exercise-date", "holds")]),
    ("Совместные учения ОДКБ состоялись в Таджикистане в октябре 2021 года.", "2021-11-01",
     [("exercise-host", "holds"), ("exercise-date", "holds")]),
    # Interaction-2024 in Kyrgyzstan, from 3 Sep 2024: the place may come first
    ("В Киргизии стартовали учения ОДКБ «Взаимодействие-2024».", "2024-09-05",
     [("exercise-host", "holds")]),
    ("In Kazakhstan, the CSTO exercise Interaction-2024 began on Monday.", "2024-09-05",
     [("exercise-host", "does-not-hold")]),
])
def test_an_exercise_placed_and_dated_by_month_or_place_first(
        history: History, text: str, on: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, on) == kinds


def test_a_place_first_with_a_saying_between_is_not_the_exercises(history: History) -> None:
    text = "In Kazakhstan, officials said Interaction-2024 would be held in Kyrgyzstan."
    claims = csto.check(text, history=history, as_of="2024-09-01").claims
    assert [c.claim.proposition and c.claim.proposition.value for c in claims
            if c.claim.kind == "exercise-host"] in ([], [("KGZ",)])


@pytest.mark.parametrize("text, verdict", [
    # documents.yaml charter: signed 7 Oct 2002 by the six members of that day, Georgia not
    ("Armenia is a founding member of the CSTO.", "holds"),
    ("Armenia termasuk negara pendiri CSTO.", "holds"),
    ("Армения является одним из основателей ОДКБ.", "holds"),
    ("Georgia is a founding member of the CSTO.", "does-not-hold"),
    # the Treaty: signed 15 May 1992 by six states, Uzbekistan among them
    ("Uzbekistan is one of the founders of the Collective Security Treaty.", "holds"),
])
def test_a_founding_member_signed_the_founding_document(history: History, text: str,
                                                       verdict: str) -> None:
    assert _verdicts("member", text, history, "2020-01-01") == [verdict]


def test_bringing_together_states_lists_members(history: History) -> None:
    claims = csto.check("The CSTO brings together Armenia, Belarus, Kazakhstan, Kyrgyzstan, "
                        "Russia and Tajikistan.", history=history, as_of="2020-01-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims] == [("members", "holds")]


@pytest.mark.parametrize("text, kinds", [
    # offices.yaml: Tasmagambetov Secretary General from 1 Jan 2023 to 1 Jan 2026; what he
    # is ready for is no plan of the office
    ("Sekretaris Jenderal CSTO Imangali Tasmagambetov mengatakan aliansi siap.",
     [("office", "holds")]),
    # a plan before the office governs it
    ("Armenia plans to chair the CSTO in 2026.", []),
])
def test_a_plan_blocks_an_office_only_after_it(history: History, text: str,
                                               kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2024-03-01") == kinds


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml milestones: the first deployment, Kazakhstan, 6 Jan 2022
    ("It was the first time the CSTO sent peacekeepers to Kazakhstan.", "holds"),
    ("ОДКБ впервые направила миротворцев — в Казахстан.", "holds"),
    ("It was the first time the CSTO sent peacekeepers to Armenia.", "does-not-hold"),
    ("Untuk pertama kalinya CSTO mengerahkan pasukan, pada 2010.", "does-not-hold"),
])
def test_the_first_deployment_is_the_records_milestone(history: History, text: str,
                                                       verdict: str) -> None:
    assert _verdicts("case-first", text, history, "2022-02-01") == [verdict]


def test_a_first_time_without_forces_is_no_deployment(history: History) -> None:
    assert _verdicts("case-first", "For the first time, Armenia skipped the CSTO summit.",
                     history, "2022-02-01") == []


@pytest.mark.parametrize("text, kinds", [
    # documents.yaml charter: signed in Chisinau on 7 Oct 2002
    ("The CSTO Charter was adopted in Chisinau in October 2002.",
     [("document-date", "holds"), ("document-place", "holds")]),
    ("Устав ОДКБ принят в Кишинёве 7 октября 2002 года.",
     [("document-date", "holds"), ("document-place", "holds")]),
    # a decision adopted is no treaty document
    ("The decision of the Collective Security Council, adopted on 6 January 2022, sent forces.",
     []),
])
def test_a_treaty_document_adopted_is_one_signed(history: History, text: str,
                                                 kinds: list[tuple[str, str]]) -> None:
    claims = csto.check(text, history=history, as_of="2022-02-01").claims
    assert [(c.claim.kind, c.verdict) for c in claims if c.claim.kind.startswith("document")] == kinds


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: founding steps from the Treaty of 15 May 1992
    ("The CSTO celebrated its 30th anniversary in 2022.", "holds"),
    ("CSTO merayakan ulang tahun ke-30 pada 2022.", "holds"),
    ("ОДКБ отметила 30-летие в 2022 году.", "holds"),
    ("The CSTO celebrated its 25th anniversary in 2022.", "does-not-hold"),
])
def test_an_anniversary_counts_back_to_the_founding(history: History, text: str,
                                                    verdict: str) -> None:
    assert _verdicts("document-date", text, history, "2022-06-01") == [verdict]


@pytest.mark.parametrize("text, claimed", [
    ("Kazakhstan is a member of the WTO.", False),
    ("Kazakhstan belongs to Central Asia.", False),
    ("Armenia adalah anggota PBB.", False),
    ("Kazakhstan belongs to the CSTO.", True),
    ("Armenia is a member of ODKB.", True),
])
def test_a_membership_of_a_body_the_record_does_not_know_is_no_claim(
        history: History, text: str, claimed: bool) -> None:
    assert _verdicts("member", text, history, "2023-01-01") == (["holds"] if claimed else [])


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Armenia's statements of 2024 (the freeze in February, "we will leave" in June)
    ("In 2024 Pashinyan threatened to leave the CSTO.", "holds"),
    ("Pada 2024 Pashinyan mengancam akan keluar dari CSTO.", "holds"),
    ("В 2024 году Пашинян пригрозил выйти из ОДКБ.", "holds"),
    # no statement of Armenia is recorded for 2019
    ("In 2019 Pashinyan threatened to leave the CSTO.", "does-not-hold"),
])
def test_a_threat_to_leave_is_a_statement(history: History, text: str, verdict: str) -> None:
    assert _verdicts("state-event", text, history, "2024-12-01") == [verdict]


@pytest.mark.parametrize("text, kinds", [
    # cases.yaml arm-2022: no forces were sent to Armenia
    ("The CSTO refused to send troops to Armenia.", ["case-refusal"]),
    ("CSTO menolak membantu Armenia.", ["case-refusal"]),
    # sanctions refused are no help refused
    ("CSTO menolak menjatuhkan sanksi terhadap Rusia.", []),
])
def test_a_refusal_refuses_help_or_forces(history: History, text: str, kinds: list[str]) -> None:
    claims = csto.check(text, history=history, as_of="2023-06-01").claims
    assert [c.claim.kind for c in claims if c.claim.kind.startswith("case")] == kinds


@pytest.mark.parametrize("text, kinds", [
    # no state listed here ever had a standing towards the Treaty, and no body is named
    ("Rusia, Amerika Serikat, dan Prancis adalah anggota tetap.", []),
    ("France is a permanent member.", []),
    # countries.yaml: they never signed the Treaty
    ("Ukraine, Moldova and Turkmenistan never signed that treaty.", ["members"]),
])
def test_members_of_another_body_are_no_claim(history: History, text: str,
                                              kinds: list[str]) -> None:
    claims = csto.check(text, history=history, as_of="2023-06-01").claims
    assert [c.claim.kind for c in claims] == kinds


@pytest.mark.parametrize("text, state", [
    # the state whose allies they are is not the one spoken of
    ("Armenia is one of Russia's allies in the CSTO.", "ARM"),
    ("Армения — союзник России по ОДКБ.", "ARM"),
    ("Armenia, sekutu Rusia di CSTO, membekukan partisipasinya.", "ARM"),
])
def test_the_state_whose_allies_they_are_is_not_the_subject(history: History, text: str,
                                                            state: str) -> None:
    claims = csto.check(text, history=history, as_of="2024-06-01").claims
    values = {c.claim.proposition.value for c in claims if c.claim.proposition}
    assert values == {(state,)}  # the aside "sekutu Rusia di CSTO" speaks of Armenia too
    assert all(c.verdict == "holds" for c in claims)


def test_a_meeting_of_leaders_names_no_office_holder(history: History) -> None:
    claims = csto.check("Putin enggan berfoto selama pertemuan pemimpin CSTO pada November "
                        "2022.", history=history, as_of="2023-06-01").claims
    assert "office" not in [c.claim.kind for c in claims]


@pytest.mark.parametrize("text, as_of, verdict", [
    # offices.yaml: Tasmagambetov appointed at the Yerevan session of 23 Nov 2022 for a term
    # from 1 Jan 2023; Zas at Bishkek on 28 Nov 2019; Masadykov at Bishkek on 27 Nov 2025
    ("Tasmagambetov was appointed Secretary General in 2022.", "2023-03-01", "holds"),
    ("Tasmagambetov was appointed Secretary General in 2020.", "2023-03-01", "does-not-hold"),
    ("Stanislav Zas was appointed CSTO Secretary General in November 2019.", "2020-03-01",
     "holds"),
    ("Масадыков назначен генсеком ОДКБ в 2025 году.", "2026-03-01", "holds"),
    # a date after "as of", "effective", "с" is the term's first day
    ("The Council has appointed Taalatbek Masadykov as the new Secretary General, effective "
     "January 1, 2026.", "2026-03-01", "holds"),
    ("Масадыков назначен генсеком ОДКБ с 1 января 2026 года.", "2026-03-01", "holds"),
])
def test_an_appointment_is_dated_by_the_records_appointment(
        history: History, text: str, as_of: str, verdict: str) -> None:
    assert _verdicts("office", text, history, as_of) == [verdict]


@pytest.mark.parametrize("second, kind, verdicts", [
    # what a sentence reads of its own text must hold after other sentences too
    ("The CSTO celebrated its 30th anniversary in 2022.", "document-date", ["holds"]),
    ("Kazakhstan is a member of the WTO.", "member", []),
    ("Armenia, sekutu Rusia di CSTO, membekukan partisipasinya.", "state-event", ["holds"]),
    ("The Council has appointed Taalatbek Masadykov as the new Secretary General, effective "
     "January 1, 2026.", "office", ["holds"]),
])
def test_a_reading_of_the_words_holds_in_a_later_sentence(
        history: History, second: str, kind: str, verdicts: list[str]) -> None:
    text = "The Collective Security Treaty Organization is a military alliance. " + second
    assert _verdicts(kind, text, history, "2026-03-01") == verdicts


@pytest.mark.parametrize("text, verdict", [
    # cases.yaml kaz-2022: the withdrawal began on 13 January and was complete on 19 January
    ("The CSTO peacekeeping mission in Kazakhstan ended on 19 January 2022.", "holds"),
    ("Misi penjaga perdamaian CSTO di Kazakhstan berakhir pada 19 Januari 2022.", "holds"),
    ("Миротворческая операция ОДКБ в Казахстане завершилась 19 января 2022 года.", "holds"),
    ("The CSTO peacekeeping mission in Kazakhstan ended on 13 January 2022.", "does-not-hold"),
])
def test_a_mission_ended_is_the_withdrawal_done(history: History, text: str,
                                                verdict: str) -> None:
    assert _kinds(text, history, "2022-02-01") == [("case-withdrawal", verdict)]


def test_invoking_article_4_is_a_request(history: History) -> None:
    """cases.yaml arm-2022: Armenia asked for help under Art. 4 on 13 September 2022."""
    assert _verdicts("case-request", "Armenia invoked Article 4 of the Collective Security "
                     "Treaty in 2022.", history, "2023-01-01") == ["holds"]


@pytest.mark.parametrize("text, kinds", [
    # events.yaml: six signed on 15 May 1992; Azerbaijan, Georgia and Belarus in 1993
    ("Nine states signed the treaty by 1993.",
     [("document-date", "holds"), ("count", "holds")]),
    ("Nine states signed the treaty by 1992.",
     [("document-date", "holds"), ("count", "does-not-hold")]),
    # cases.yaml kaz-2022: the withdrawal was complete on 19 January 2022
    ("The withdrawal of the peacekeepers from Kazakhstan was complete by 19 January 2022.",
     [("case-withdrawal", "holds")]),
    ("Миротворцы ОДКБ покинули Казахстан к 19 января.", [("case-withdrawal", "holds")]),
])
def test_a_date_after_by_is_the_last_possible_day(history: History, text: str,
                                                  kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2022-02-01") == kinds


@pytest.mark.parametrize("text, kinds", [
    # events.yaml: Uzbekistan returned on 16 Aug 2006; its membership was suspended in 2012
    ("Uzbekistan kembali bergabung dengan CSTO pada 2006.", [("state-event", "holds")]),
    ("Uzbekistan rejoined the bloc in 2006 only to suspend its membership again in 2012.",
     [("state-event", "holds"), ("state-event", "holds")]),
])
def test_rejoining_in_either_order_and_a_date_before_only_to(
        history: History, text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2013-01-01") == kinds


@pytest.mark.parametrize("text, as_of, kinds", [
    # events.yaml: Georgia a member from 1994 to 1999; Armenia's participation frozen, not ended
    ("Georgia pernah menjadi anggota CSTO.", "2020-01-01", [("member", "holds")]),
    ("Georgia was at one time a member of the CSTO.", "2020-01-01", [("member", "holds")]),
    ("Грузия когда-то была членом ОДКБ.", "2020-01-01", [("member", "holds")]),
    ("Armenia masih menjadi anggota CSTO.", "2025-01-01", [("member", "holds")]),
    ("Kazakhstan has never been a member of the CSTO.", "2020-01-01", [("member", "does-not-hold")]),
])
def test_ever_a_member_is_a_membership_on_some_day(history: History, text: str, as_of: str,
                                                   kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, as_of) == kinds


@pytest.mark.parametrize("text", [
    # events.yaml: Uzbekistan lifted its moratorium and returned in 2006
    "В 2006 году Узбекистан снял мораторий на участие в ОДКБ.",
    "Pada 2006 Uzbekistan mencabut moratorium partisipasinya di CSTO.",
])
def test_lifting_a_moratorium_is_a_return(history: History, text: str) -> None:
    assert _verdicts("state-event", text, history, "2007-01-01") == ["holds"]


@pytest.mark.parametrize("text, verdict", [
    # exercises.yaml: Interaction, Search, Echelon-2024 in Kyrgyzstan, without Armenia
    ("Armenia did not take part in the Interaction-2024 exercise.", "holds"),
    ("Armenia tidak ikut dalam latihan Interaction-2024.", "holds"),
    ("Армения не участвовала в учениях «Взаимодействие-2024».", "holds"),
    ("Kazakhstan took part in the Interaction-2024 exercise.", "holds"),
    # the record does not give who took part in Interaction-2023: no verdict either way
    ("Belarus took part in the Interaction-2023 exercise.", "not-checkable"),
])
def test_one_state_taking_part_in_an_exercise(history: History, text: str, verdict: str) -> None:
    assert _verdicts("exercise-participants", text, history, "2024-10-01") == [verdict]


@pytest.mark.parametrize("day, verdict", [
    # cases.yaml kaz-2022: the withdrawal was complete on 19 January 2022
    ("18", "does-not-hold"), ("19", "holds"), ("20", "holds"),
])
def test_complete_by_a_day_at_the_withdrawals_edges(history: History, day: str,
                                                    verdict: str) -> None:
    text = f"The withdrawal of the peacekeepers from Kazakhstan was complete by {day} January 2022."
    assert _verdicts("case-withdrawal", text, history, "2022-02-01") == [verdict]


@pytest.mark.parametrize("day, verdict", [
    # offices.yaml: Tasmagambetov appointed on 23 November 2022
    ("22", "does-not-hold"), ("23", "holds"), ("24", "does-not-hold"),
])
def test_an_appointment_day_at_its_edges(history: History, day: str, verdict: str) -> None:
    text = f"Tasmagambetov was appointed Secretary General on {day} November 2022."
    assert _verdicts("office", text, history, "2023-03-01") == [verdict]


@pytest.mark.parametrize("day, verdict", [
    # organization.yaml milestones: the first deployment, 6 January 2022
    ("5", "does-not-hold"), ("6", "holds"), ("7", "does-not-hold"),
])
def test_the_first_deployment_day_at_its_edges(history: History, day: str, verdict: str) -> None:
    text = f"On {day} January 2022 the CSTO deployed its forces for the first time."
    assert _verdicts("case-first", text, history, "2022-02-01") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # An aside about a state is a claim of its own, whatever the rest of the sentence
    # does: Kazakhstan has been a member since 1994, Azerbaijan left in 1999.
    ("Kazakhstan, a CSTO member, sent no troops.", "holds"),
    ("CSTO member Kazakhstan sent no troops.", "holds"),
    ("Kazakhstan, which is a member of the CSTO, sent no troops.", "holds"),
    ("Kazakhstan yang merupakan anggota CSTO tidak mengirim pasukan.", "holds"),
    ("Kazakhstan, salah satu anggota CSTO, tidak mengirim pasukan.", "holds"),
    ("Член ОДКБ Казахстан не направил войска.", "holds"),
    ("Казахстан, входящий в ОДКБ, не направил войска.", "holds"),
    ("Azerbaijan, a CSTO member, sent no troops.", "outdated"),
    ("Non-member Azerbaijan sent no troops.", "holds"),
    ("Azerbaijan, which is not a member of the CSTO, sent no troops.", "holds"),
])
def test_an_aside_about_a_state_is_judged(history: History, text: str, verdict: str) -> None:
    assert _verdicts("member", text, history, "2020-01-01") == [verdict]


def test_a_state_in_a_sentence_about_troops_is_no_member_claim(history: History) -> None:
    # "members" here is who sent troops, not an aside describing a state
    assert _verdicts("member", "Russia and other CSTO members sent troops.", history,
                     "2022-01-10") == []


@pytest.mark.parametrize("text", [
    # "sepanjang" (as long as) shares its stem with "memperpanjang" (to extend)
    "Rusia memantau situasi sepanjang militer Uzbekistan dan Tajikistan mampu bertahan.",
    # the body they are members of is not one the record knows
    "Rusia, Amerika Serikat, dan Prancis adalah anggota OSCE Minsk Group.",
    "Russia, Kazakhstan and Belarus are members of the EAEU.",
    # the use of force spoken of is no rule of the members' conduct
    "Decisions to use force are made by the heads of state.",
])
def test_words_that_only_look_like_a_claim_make_none(history: History, text: str) -> None:
    assert _kinds(text, history, "2021-07-01") == []


def test_a_quote_holds_the_word_that_makes_the_claim(history: History) -> None:
    # the threat to leave (Armenia, 2024) is quoted with its verb, not as a name alone
    text = ("Perdana Menteri Armenia Nikol Pashinyan menangguhkan partisipasi negaranya "
            "dalam organisasi tersebut dan mengancam akan keluar sepenuhnya.")
    quotes = [c.quote for c in csto.check(text, history=history, as_of="2024-06-25").claims]
    assert any(q.endswith("mengancam akan keluar") for q in quotes)


@pytest.mark.parametrize("text, kind", [
    # The record lists no exercise of 2005: where and with whom it was held is found, and
    # cannot be checked.
    ("In 2005 the CSTO held its Frontier exercises in Tajikistan.", "exercise-host"),
    ("Pada 2005 Belarus, Kazakhstan dan Rusia ikut serta dalam latihan CSTO.", "exercise-participants"),
])
def test_an_exercise_the_record_does_not_know_is_not_checkable(history: History, text: str,
                                                               kind: str) -> None:
    assert _kinds(text, history, "2006-01-01") == [(kind, "not-checkable")]


def test_an_exercise_the_record_knows_is_still_judged(history: History) -> None:
    # exercises.yaml: Rubezh-2025 was held in Kyrgyzstan (17-20 Sep 2025)
    assert _verdicts("exercise-host", "Учения «Рубеж-2025» прошли в Киргизии.", history,
                     "2025-10-01") == ["holds"]
    assert _verdicts("exercise-host", "Учения «Рубеж-2025» прошли в Армении.", history,
                     "2025-10-01") == ["does-not-hold"]


@pytest.mark.parametrize("text, on, verdict", [
    # "only observers", "a mission instead of troops": no forces were sent. cases.yaml:
    # Armenia 2022 got no assistance; Kazakhstan 2022 got a deployment.
    ("The CSTO sent only observers to Armenia in 2022.", "2023-01-01", "holds"),
    ("Instead of troops, the CSTO dispatched a fact-finding mission to Armenia.", "2023-01-01", "holds"),
    ("CSTO hanya mengirim pengamat ke Armenia.", "2023-01-01", "holds"),
    ("ОДКБ направила в Армению лишь наблюдателей.", "2023-01-01", "holds"),
    ("The CSTO sent only observers to Kazakhstan in January 2022.", "2022-02-01", "does-not-hold"),
])
def test_sending_only_envoys_says_no_forces_went(history: History, text: str, on: str,
                                                 verdict: str) -> None:
    assert _verdicts("case-deployment", text, history, on) == [verdict]


def test_sending_a_mission_alone_says_nothing_of_forces(history: History) -> None:
    assert _verdicts("case-deployment", "The CSTO sent a mission to Armenia.", history,
                     "2023-01-01") == []


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Azerbaijan, Georgia and Uzbekistan let the Treaty lapse on 20 Apr 1999;
    # Azerbaijan, Georgia and Belarus joined in 1993.
    ("Three states left the treaty in 1999.", "holds"),
    ("Tiga negara keluar dari perjanjian pada 1999.", "holds"),
    ("Три государства вышли из Договора в 1999 году.", "holds"),
    ("Three states joined the treaty in 1993.", "holds"),
    ("Four states joined the treaty in 1993.", "does-not-hold"),
    ("Tiga negara bergabung dengan perjanjian itu pada 1993.", "holds"),
])
def test_states_counted_by_what_they_did_in_a_year(history: History, text: str,
                                                   verdict: str) -> None:
    assert _verdicts("count", text, history, "2020-01-01") == [verdict]


@pytest.mark.parametrize("text, kinds", [
    # The Organization's size said beside a meeting is still its size (six members in 2020);
    # who attended a meeting is not.
    ("The six-member bloc met in Moscow.", [("count", "holds")]),
    ("Aliansi enam negara bekas Soviet itu bertemu di Moskow.", [("count", "holds")]),
    ("Organisasi yang terdiri dari enam negara itu bertemu di Moskow.", [("count", "holds")]),
    ("The summit was attended by six states.", []),
])
def test_a_size_beside_a_meeting(history: History, text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2020-01-01") == kinds


@pytest.mark.parametrize("text, on, verdict", [
    # offices.yaml: Kazakhstan chaired in 2024; Bordyuzha was Secretary General 2003-2016.
    ("Armenia refused to take over the CSTO chairmanship in 2024.", "2024-06-01", "holds"),
    ("Kazakhstan refused to take over the CSTO chairmanship in 2024.", "2024-06-01",
     "does-not-hold"),
    # a past tense four words and an apostrophe before the office: any day, not today
    ("Bordyuzha was the CSTO's first secretary general.", "2020-01-01", "holds"),
])
def test_an_office_refused_or_held_in_the_past(history: History, text: str, on: str,
                                               verdict: str) -> None:
    assert _verdicts("office", text, history, on) == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: the Organization was founded in 2002 (decision of 14 May, Charter
    # of 7 October); the Treaty was not made an organization in 1999.
    ("In 2002 the treaty became an international organization.", "holds"),
    ("The alliance was transformed into a full-fledged organization in 2002.", "holds"),
    ("Pada 2002 traktat itu diubah menjadi organisasi internasional.", "holds"),
    ("В 2002 году Договор был преобразован в международную организацию.", "holds"),
    ("In 1999 the treaty became an organization.", "does-not-hold"),
])
def test_the_treaty_becoming_an_organization_dates_its_founding(history: History, text: str,
                                                                verdict: str) -> None:
    assert _verdicts("document-date", text, history, "2020-01-01") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: the Organization's names in its languages
    ("The CSTO, or Collective Security Treaty Organization, is led by Russia.", "holds"),
    ("The Collective Security Treaty Organization, or CSTO, is led by Russia.", "holds"),
    ("CSTO, atau Organisasi Perjanjian Keamanan Kolektif, dipimpin Rusia.", "holds"),
    ("ОДКБ, или Организация Договора о коллективной безопасности, возглавляется Россией.", "holds"),
    ("The CSTO, or Collective Security Organization of Eurasia, is led by Russia.", "does-not-hold"),
    # the name in brackets ends where "or" gives the abbreviation
    ("Organisasi Perjanjian Keamanan Kolektif (Collective Security Treaty Organization atau CSTO) "
     "menggelar KTT.", "holds"),
])
def test_a_name_given_after_or(history: History, text: str, verdict: str) -> None:
    assert _verdicts("name", text, history, "2020-01-01") == [verdict]


def test_or_between_two_actors_names_nothing(history: History) -> None:
    assert _verdicts("name", "Russia or the CSTO will decide.", history, "2020-01-01") == []


@pytest.mark.parametrize("text, verdicts", [
    # "part of" the Organization is membership (Uzbekistan left in 2012, Kazakhstan is a
    # member); part of anything else is not
    ("Uzbekistan is no longer part of the CSTO.", ["holds"]),
    ("Kazakhstan is part of the CSTO.", ["holds"]),
    ("Uzbekistan tidak lagi menjadi bagian dari CSTO.", ["holds"]),
    ("Part of the troops came from Russia.", []),
    ("Armenia is part of the South Caucasus.", []),
])
def test_part_of_the_organization_is_membership(history: History, text: str,
                                                verdicts: list[str]) -> None:
    assert _verdicts("member", text, history, "2020-01-01") == verdicts


@pytest.mark.parametrize("text, verdicts", [
    # organization.yaml: founded in 2002 (and the Treaty of 1992 it grew from)
    ("The CSTO has existed since 2002.", ["holds"]),
    ("ОДКБ существует с 2002 года.", ["holds"]),
    ("The CSTO has existed since 1999.", ["does-not-hold"]),
    ("The CSTO existed in 2010.", []),  # no founding said
])
def test_existing_since_a_year_dates_the_founding(history: History, text: str,
                                                  verdicts: list[str]) -> None:
    assert _verdicts("document-date", text, history, "2020-01-01") == verdicts


@pytest.mark.parametrize("text, verdict", [
    # The 2011 protocol: a base of a non-member needs the consent of all members, given as
    # the absence of official objections.
    ("Размещение на территории государств-членов военных баз третьих стран возможно лишь "
     "при отсутствии официальных возражений со стороны всех членов.", "holds"),
    ("A foreign base may be set up only if no member objects.", "holds"),
    ("Pangkalan militer asing hanya dapat ditempatkan jika tidak ada keberatan dari anggota lain.",
     "holds"),
    ("A member can host a foreign base even if other members object.", "does-not-hold"),
    ("Член может разместить иностранную базу, даже если другие члены возражают.", "does-not-hold"),
])
def test_an_objection_not_raised_is_consent(history: History, text: str, verdict: str) -> None:
    assert _verdicts("bases-consent", text, history, "2020-01-01") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # Treaty Art. 1: no member joins military alliances
    ("Государства-участники приняли на себя следующие обязательства: воздерживаться от "
     "применения силы; не вступать в военные союзы и не участвовать в каких-либо группировках "
     "государств, а также в действиях, направленных против другого государства-участника.",
     "holds"),
    ("The members are obliged not to join military alliances.", "holds"),
    ("Members are not prohibited from joining other military alliances.", "does-not-hold"),
])
def test_an_undertaking_not_to_join_alliances(history: History, text: str, verdict: str) -> None:
    assert _verdicts("other-alliances", text, history, "2020-01-01") == [verdict]


@pytest.mark.parametrize("text, verdict, relation", [
    # In 2018 the members were Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan.
    ("The CSTO members Russia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan and the prime "
     "minister of Armenia signed the statement.", "holds", "includes"),  # the list goes on
    ("The CSTO members are Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.",
     "does-not-hold", "equals"),
])
def test_a_list_that_goes_on_after_its_states_is_not_the_whole(history: History, text: str,
                                                                verdict: str, relation: str) -> None:
    claims = [c for c in csto.check(text, history=history, as_of="2018-11-08").claims
              if c.claim.kind == "members"]
    assert [(c.verdict, _p(c).relation) for c in claims] == [(verdict, relation)]


def test_contingents_from_states_are_not_where_forces_went(history: History) -> None:
    # Belarus, Armenia, Tajikistan and Kyrgyzstan sent contingents to Kazakhstan in 2022;
    # none of them is where forces were sent
    text = ("Russia sent the bulk of the force, with smaller contingents from Belarus, Armenia, "
            "Tajikistan and Kyrgyzstan.")
    assert _verdicts("case-deployment", text, history, "2022-02-01") == []
    assert _verdicts("case-deployment", "Pasukan CSTO dikirim ke Kazakhstan dari Rusia.", history,
                     "2022-02-01") == ["holds"]


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Uzbekistan let the Treaty lapse in 1999; Kazakhstan renewed it
    ("В 1999 году, когда договор продлевался, Узбекистан не стал его подписывать.", "holds"),
    ("In 1999, when the treaty was extended, Uzbekistan did not sign it.", "holds"),
    ("Pada 1999, ketika traktat diperpanjang, Uzbekistan tidak menandatanganinya.", "holds"),
    ("In 1999, when the treaty was extended, Kazakhstan did not sign it.", "does-not-hold"),
    ("In 1999, when the treaty was extended, Kazakhstan signed it.", "holds"),
])
def test_not_signing_the_extension_is_not_renewing(history: History, text: str,
                                                   verdict: str) -> None:
    assert _verdicts("renewal", text, history, "2006-12-13") == [verdict]


@pytest.mark.parametrize("text", [
    # Armenia froze its participation in 2024 and is still a member in law (standings:
    # frozen, counted among the members), so "still a member" is judged as "member" is
    "Armenia masih secara formal menjadi anggota CSTO.",
    "Armenia is still formally a member of the CSTO.",
])
def test_still_becoming_a_member_is_being_one(history: History, text: str) -> None:
    claims = csto.check(text, history=history, as_of="2025-01-01").claims
    assert [(_p(c).field, c.verdict) for c in claims] == [("members.iso3", "holds")]


def test_each_event_of_a_chain_is_quoted_with_its_own_words(history: History) -> None:
    text = "Uzbekistan left the CSTO in 1999, rejoined in 2006, and left again in 2012."
    quotes = [c.quote for c in csto.check(text, history=history, as_of="2020-01-01").claims]
    assert quotes[1:] == ["rejoined in 2006", "left again in 2012"]
    assert quotes[0].startswith("Uzbekistan left")


@pytest.mark.parametrize("text, kinds", [
    # "приняла саммит": hosted a summit, no accession (Russia chairs in 2026, offices.yaml)
    ("Россия, председательствующая в ОДКБ в 2026 году, приняла саммит.", [("office", "holds")]),
    # "принята в Договор": admitted to the Treaty (Belarus acceded on 31 Dec 1993)
    ("Белоруссия была принята в Договор в 1993 году.", [("state-event", "holds")]),
])
def test_taking_in_is_joining_only_into_something(history: History, text: str,
                                                  kinds: list[tuple[str, str]]) -> None:
    assert [k for k in _kinds(text, history, "2026-06-01") if k[0] != "document-date"] == kinds


@pytest.mark.parametrize("text, on, verdict", [
    # exercises.yaml, 2021: Rubezh in Kyrgyzstan (7-9 Sep), Interaction-Search-Echelon-Cobalt
    # in Tajikistan (18-23 Oct), Indestructible Brotherhood in Russia (8-12 Nov)
    ("Joint exercises of CSTO countries in Tajikistan in October are necessary, Peskov said.",
     "2021-10-13", "holds"),
    ("Joint exercises of CSTO countries in Kyrgyzstan in October are necessary, Peskov said.",
     "2021-10-13", "does-not-hold"),  # October's exercise was in Tajikistan
    ("The 2021 CSTO exercise in Tajikistan involved many troops.", "2022-01-01", "holds"),
    ("In 2005 the CSTO held its Frontier exercises in Tajikistan.", "2006-01-01", "not-checkable"),
])
def test_an_exercise_described_by_its_year_month_and_place(history: History, text: str, on: str,
                                                           verdict: str) -> None:
    assert _verdicts("exercise-host", text, history, on) == [verdict]


def test_a_month_without_a_year_is_of_the_year_in_view() -> None:
    from csto.factcheck.dates import find

    for text, written in [("It will be held in October.", "October"),
                          ("В октябре пройдут учения.", "октябре"),
                          ("Latihan digelar pada Oktober.", "Oktober")]:
        found = find(text, 2021)
        assert [(text[d.start:d.end], d.day, d.precision) for d in found] == [
            (written, date(2021, 10, 1), "month")]
    assert find("Members may join other alliances.", 2021) == []  # "may", the verb


def test_signings_repeated_without_the_verb_are_the_states_own(history: History) -> None:
    # events.yaml: Azerbaijan signed on 24 Sep 1993, Belarus on 31 Dec 1993; Georgia on
    # 9 Dec 1993 (9 Sep is the record's alternative: disputed). None of these days is the
    # Treaty's own (15 May 1992), so no claim dates the Treaty.
    text = ("Azerbaijan signed the treaty on September 24, 1993, Georgia – on September 9, 1993, "
            "Belarus – on December 31, 1993.")
    claims = csto.check(text, history=history, as_of="2022-01-06").claims
    assert [(c.claim.kind, _p(c).value, c.verdict) for c in claims] == [
        ("state-event", ("AZE",), "holds"), ("state-event", ("GEO",), "disputed"),
        ("state-event", ("BLR",), "holds")]


@pytest.mark.parametrize("text, on, count", [
    # seven members in 2010 (Uzbekistan among them), six in 2020
    ("CSTO beranggotakan Rusia dan enam negara bekas Soviet.", "2010-01-01", 7),
    ("The CSTO unites Russia and five former Soviet states.", "2020-01-01", 6),
    ("The CSTO unites Russia and five other former Soviet states.", "2020-01-01", 6),
    ("ОДКБ объединяет Россию и пять бывших советских республик.", "2020-01-01", 6),
])
def test_states_named_and_a_number_are_counted_together(history: History, text: str, on: str,
                                                         count: int) -> None:
    claims = csto.check(text, history=history, as_of=on).claims
    assert [(c.claim.kind, _p(c).value, c.verdict) for c in claims] == [("count", count, "holds")]


@pytest.mark.parametrize("text", [
    # cases.yaml: the withdrawal from Kazakhstan began on 13 January 2022
    "Blok militer yang dipimpin Rusia mulai menarik diri dari Kazakhstan pada Kamis (13/1).",
    "The Russian-led bloc began withdrawing from Kazakhstan on 13 January.",
])
def test_the_bloc_leaving_a_country_is_its_forces_withdrawal(history: History, text: str) -> None:
    assert _kinds(text, history, "2022-01-14") == [("case-withdrawal", "holds")]


def test_a_bracketed_day_and_the_sentence_stop() -> None:
    from csto.factcheck.dates import find

    text = "Pasukan pergi pada Kamis (13/1)."
    assert [(text[d.start:d.end], d.day) for d in find(text, 2022)] == [("(13/1)", date(2022, 1, 13))]
    text = "They left on 13 January."
    assert [text[d.start:d.end] for d in find(text, 2022)] == ["13 January"]


@pytest.mark.parametrize("text, kinds", [
    # "tergabung dalam" is being part of, "gabungan" is joint: neither is a joining
    ("Aliansi ini beranggotakan enam negara yang tergabung dalam Uni Soviet, yaitu Armenia, "
     "Belarus, Kazakhstan, Kyrgyzstan, Rusia, dan Tajikistan.",
     [("members", "holds"), ("count", "holds")]),
    ("Negara-negara yang tergabung dalam CSTO adalah Armenia, Belarus, Kazakhstan, Kirgistan, "
     "Rusia dan Tajikistan.", [("members", "holds")]),
    ("Latihan militer gabungan CSTO digelar di Tajikistan pada Oktober 2021.",
     [("exercise-host", "holds"), ("exercise-date", "holds")]),
])
def test_indonesian_words_of_being_part_and_joint_are_no_joining(history: History, text: str,
                                                                 kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text, history, "2022-01-01") == kinds


@pytest.mark.parametrize("text", [
    "Азербайджан и Грузия также подписали договор, который был рассчитан на 5 лет с возможностью продления.",
    "Armenia and Russia signed a treaty concluded for five years with the possibility of extension.",
])
def test_a_term_open_to_extension_is_no_renewal(history: History, text: str) -> None:
    assert _verdicts("renewal", text, history, "2010-08-20") == []


@pytest.mark.parametrize("text, verdict", [
    # cases.yaml keeps the size of the whole force in Kazakhstan (about 2,000; 2,500 the
    # other reading), not each member's contingent
    ("Belarus sent 500 troops to Kazakhstan.", "not-checkable"),
    ("Беларусь направила в Казахстан около 500 военнослужащих.", "not-checkable"),
    ("The Russian-led bloc sent 2,500 troops to Kazakhstan.", "disputed"),
])
def test_a_members_contingent_is_not_the_whole_force(history: History, text: str,
                                                     verdict: str) -> None:
    assert _verdicts("case-deployment", text, history, "2022-01-10") == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Armenia froze its participation in February 2024; Kazakhstan did not
    ("Armenia stopped taking part in CSTO activities in 2024.", "holds"),
    ("Armenia berhenti berpartisipasi dalam kegiatan CSTO pada 2024.", "holds"),
    ("Армения перестала участвовать в мероприятиях ОДКБ в 2024 году.", "holds"),
    ("Kazakhstan stopped taking part in CSTO activities in 2024.", "does-not-hold"),
])
def test_stopping_taking_part_is_freezing_participation(history: History, text: str,
                                                        verdict: str) -> None:
    assert _verdicts("state-event", text, history, "2025-01-01") == [verdict]


@pytest.mark.parametrize("text, on, verdicts", [
    # cases.yaml: forces went to Kazakhstan in January 2022, none to Armenia
    ("The first units of military personnel arrived in Kazakhstan as part of the decision of "
     "the CSTO.", "2022-01-06", ["holds"]),
    ("Pasukan penjaga perdamaian CSTO tiba di Kazakhstan pada 6 Januari 2022.", "2022-01-10", ["holds"]),
    ("Миротворцы ОДКБ прибыли в Казахстан 6 января 2022 года.", "2022-01-10", ["holds"]),
    ("CSTO peacekeepers arrived in Armenia in 2022.", "2023-01-10", ["does-not-hold"]),
    ("Putin arrived in Minsk for the CSTO summit.", "2022-11-23", []),  # no forces
])
def test_forces_arriving_were_sent(history: History, text: str, on: str, verdicts: list[str]) -> None:
    assert _verdicts("case-deployment", text, history, on) == verdicts


@pytest.mark.parametrize("text, on, verdict", [
    # exercises.yaml: Interaction-Search-Echelon-Cobalt-2021, Tajikistan, 18-23 October 2021
    ("Large CSTO exercises began in Tajikistan.", "2021-10-19", "holds"),
    ("Large CSTO exercises began in Kyrgyzstan.", "2021-10-19", "does-not-hold"),
    ("Large CSTO exercises began in Tajikistan.", "2021-12-19", "not-checkable"),  # none under way
    # the week's edges: 18 Oct is a week after 11 Oct, 23 Oct a week before 30 Oct
    ("Large CSTO exercises began in Tajikistan.", "2021-10-11", "holds"),
    ("Large CSTO exercises began in Tajikistan.", "2021-10-10", "not-checkable"),
    ("Large CSTO exercises began in Tajikistan.", "2021-10-30", "holds"),
    ("Large CSTO exercises began in Tajikistan.", "2021-10-31", "not-checkable"),
])
def test_an_undated_exercise_is_the_one_under_way_on_the_texts_day(history: History, text: str,
                                                                   on: str, verdict: str) -> None:
    assert _verdicts("exercise-host", text, history, on) == [verdict]


@pytest.mark.parametrize("text, verdict", [
    # offices.yaml: Bordyuzha was Secretary General until the end of 2016
    ("31 декабря 2016 года истек срок полномочий генерального секретаря ОДКБ Николая Бордюжи.", "holds"),
    ("The term of CSTO Secretary General Nikolai Bordyuzha expired on 31 December 2016.", "holds"),
    ("The term of CSTO Secretary General Stanislav Zas expired on 31 December 2016.", "does-not-hold"),
])
def test_a_term_of_office_that_expired_is_no_states_lapse(history: History, text: str,
                                                          verdict: str) -> None:
    claims = csto.check(text, history=history, as_of="2017-01-03").claims
    assert [(c.claim.kind, _p(c).day, c.verdict) for c in claims] == [
        ("office", date(2016, 12, 31), verdict)]


@pytest.mark.parametrize("text, verdicts", [
    # organization.yaml: the seat is Moscow
    ("The headquarters of the CSTO is in Moscow.", ["holds"]),
    ("Moscow is the seat of the CSTO.", ["holds"]),
    ("The CSTO is headquartered in Minsk.", ["does-not-hold"]),
    ("Соответствующая нота Ташкента поступила в секретариат организации.", []),  # a note from Tashkent
])
def test_the_seat_is_the_place_given_for_it(history: History, text: str, verdicts: list[str]) -> None:
    assert _verdicts("headquarters", text, history, "2020-01-01") == verdicts


@pytest.mark.parametrize("text, verdict", [
    # Treaty Art. 4: the others give the attacked member assistance, military included
    ("Статья 4 обязывает членов помогать государству, подвергшемуся нападению.", "holds"),
    ("Статья 4 не обязывает членов помогать государству, подвергшемуся нападению.", "does-not-hold"),
])
def test_the_imperfective_to_help_is_assistance(history: History, text: str, verdict: str) -> None:
    assert set(_verdicts("collective-defence", text, history, "2020-01-01")) == {verdict}


@pytest.mark.parametrize("text, kind", [
    # allies with no word of the Organization in the sentence are no membership claim
    ("Putin janjikan senjata baru untuk negara sekutu.", "member"),
    ("Armenia tidak pernah menolak kewajiban sekutunya.", "member"),
    # a deployment's destination follows "to" or "in", or the verb itself
    ("Pengerahan mereka telah dikritik oleh para pemimpin Barat, yang khawatir dengan "
     "penumpukan pasukan Rusia.", "case-deployment"),
])
def test_words_near_a_trigger_that_make_no_claim(history: History, text: str, kind: str) -> None:
    assert _verdicts(kind, text, history, "2022-01-14") == []


def test_an_ally_of_the_named_organization_is_a_member(history: History) -> None:
    assert _verdicts("member", "Armenia, sekutu Rusia di CSTO, membekukan partisipasinya.",
                     history, "2024-06-01") == ["holds"]


@pytest.mark.parametrize("text", [
    # a place where something happens is no member named
    "С 20 по 22 августа в Армении проходит саммит глав государств-членов ОДКБ.",
    # a state far from the word for member is not the one it speaks of
    "Speaking for the CSTO members, they emphasized their deep concern over how the situation "
    "in Afghanistan was developing.",
])
def test_a_state_that_is_not_what_member_speaks_of(history: History, text: str) -> None:
    assert _verdicts("member", text, history, "2021-10-13") == []


@pytest.mark.parametrize("text, kind, verdicts", [
    # organization.yaml: the Council is the highest body; the Secretary General is
    # appointed for three years
    ("The highest body is the Collective Security Council.", "highest-body", ["holds"]),
    ("The Council of Foreign Ministers is the highest body of the CSTO.", "highest-body",
     ["does-not-hold"]),
    ("The Secretary General is appointed for a five-year term.", "office-term", ["does-not-hold"]),
    ("Генеральный секретарь ОДКБ назначается Советом сроком на три года.", "office-term", ["holds"]),
    ("Bordyuzha headed the organization for 13 years.", "office-term", []),  # how long, no rule
])
def test_the_highest_body_and_the_secretary_generals_term(history: History, text: str, kind: str,
                                                          verdicts: list[str]) -> None:
    assert _verdicts(kind, text, history, "2026-03-01") == verdicts


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Armenia gave no notice of withdrawal (Charter Art. 19); its participation is
    # frozen
    ("Armenia has not formally notified the CSTO of its withdrawal.", "holds"),
    ("Армения не уведомила ОДКБ о выходе официально.", "holds"),
    ("Armenia tidak secara resmi memberi tahu CSTO tentang penarikan dirinya.", "holds"),
    ("Armenia notified the CSTO of its withdrawal.", "does-not-hold"),
])
def test_a_notice_of_withdrawal_given_or_not(history: History, text: str, verdict: str) -> None:
    claims = csto.check(text, history=history, as_of="2025-06-01").claims
    assert [(_p(c).field, c.verdict) for c in claims] == [
        ("events[kind=withdrawal-notice].date", verdict)]


def test_the_texts_first_full_name_is_a_claim_about_the_name(history: History) -> None:
    # organization.yaml: "Collective Security Treaty Organization" is its English name; the
    # name written in full again later is no new claim
    text = ("Uzbekistan has rejoined the Collective Security Treaty Organization. "
            "The Collective Security Treaty Organization met again. Later the CSTO met.")
    claims = csto.check(text, history=history, as_of="2006-07-01").claims
    assert [(c.quote, c.verdict) for c in claims if c.claim.kind == "name"] == [
        ("Collective Security Treaty Organization", "holds")]


@pytest.mark.parametrize("text, verdicts", [
    # organization.yaml: odkb-csto.org
    ("Сайт odkb-csto.org", ["holds"]),
    ("The CSTO website is www.odkb-csto.org.", ["holds"]),
    ("The CSTO official site is nato.int.", ["does-not-hold"]),
    ("The summit site was chosen by Kazakhstan.", []),  # no address
])
def test_the_website_written_after_the_word(history: History, text: str, verdicts: list[str]) -> None:
    assert _verdicts("website", text, history, "2020-01-01") == verdicts


@pytest.mark.parametrize("text", [
    # organization.yaml: the signing of the 1992 Treaty is among the founding steps
    "The CSTO began as the Collective Security Treaty of 1992.",
    "ОДКБ начиналась как Договор о коллективной безопасности 1992 года.",
    "CSTO pertama kali dimulai sebagai CIS Collective Security Treaty (CST).",
])
def test_beginning_as_the_treaty_is_its_basis(history: History, text: str) -> None:
    assert _verdicts("organization-basis", text, history, "2020-01-01") == ["holds"]


def test_last_january_is_the_latest_before_the_texts_day(history: History) -> None:
    from csto.factcheck.dates import find

    # a text of 16 May 2022 whose last year named is 2021
    assert [d.day for d in find("pada Januari lalu", 2021, date(2022, 5, 16))] == [date(2022, 1, 1)]
    assert [d.day for d in find("last January", 2021, date(2022, 5, 16))] == [date(2022, 1, 1)]
    assert [d.day for d in find("last June", 2021, date(2022, 5, 16))] == [date(2021, 6, 1)]
    # in the month itself, "last May" is the year before's
    assert [d.day for d in find("last May", 2021, date(2022, 5, 16))] == [date(2021, 5, 1)]
    assert [d.day for d in find("last April", 2021, date(2022, 5, 16))] == [date(2022, 4, 1)]
    # cases.yaml: Kazakhstan asked for assistance on 5 January 2022
    text = ("Pashinyan mengkritik organisasi itu karena tidak membantu Armenia pada 2021. "
            "Kazakhstan, yang meminta bantuan CSTO pada Januari lalu, berterima kasih kepada Rusia.")
    assert _verdicts("case-request", text, history, "2022-05-16") == ["holds"]


def test_a_relative_clause_does_not_block_the_main_one(history: History) -> None:
    # Armenia was a member in 2023; the relative clause speaks of attacks, which would block
    # a membership claim in the same clause
    text = ("Armenia adalah bagian dari Organisasi Perjanjian Keamanan Kolektif (CSTO), sebuah "
            "kelompok yang mengharuskan anggotanya untuk saling membantu ketika diserang.")
    assert _verdicts("member", text, history, "2023-09-25") == ["holds"]


@pytest.mark.parametrize("text, verdict", [
    # events.yaml: Azerbaijan and Georgia signed the Treaty in 1993; Turkmenistan never did
    ("Azerbaijan and Georgia also signed the treaty.", "holds"),
    ("Turkmenistan and Ukraine also signed the treaty.", "does-not-hold"),
])
def test_states_that_also_signed_signed_at_some_time(history: History, text: str,
                                                     verdict: str) -> None:
    assert _verdicts("members", text, history, "2010-08-20") == [verdict]


@pytest.mark.parametrize("text", [
    # cases.yaml, kgz-2010: Kyrgyzstan asked for forces in June 2010; none were sent
    "In June 2010 Kyrgyzstan's interim government asked the CSTO to send troops, but the bloc refused.",
    "Pada Juni 2010 Kirgistan meminta CSTO mengirim pasukan, tetapi permintaan itu ditolak.",
])
def test_forces_asked_for_and_refused(history: History, text: str) -> None:
    # what was asked for is no deployment; the refusal after "but" is the asking state's
    assert _kinds(text, history, "2011-01-01") == [("case-request", "holds"), ("case-refusal", "holds")]


@pytest.mark.parametrize("text, verdicts", [
    # documents.yaml: the Treaty runs for five years (Art. 11), each extension as long
    ("The treaty was signed for 5 years and allowed the extension.", ["holds"]),
    ("Six of the nine agreed to renew the treaty for five more years.", ["holds"]),
    ("Договор, вступивший в силу в 1994 году, был рассчитан на 5 лет с возможностью продления.",
     ["holds"]),
    ("The treaty was concluded for ten years.", ["does-not-hold"]),
    ("Five years later the treaty was renewed.", []),  # a date, no term
    ("The Secretary General is appointed for a three-year term.", []),  # another term
])
def test_the_treatys_term(history: History, text: str, verdicts: list[str]) -> None:
    assert _verdicts("treaty-term", text, history, "2020-01-01") == verdicts


@pytest.mark.parametrize("text, verdict", [
    # organization.yaml: the founding steps are the Treaty's signing (15 May 1992, Tashkent)
    # and the Charter's (7 Oct 2002, Chisinau)
    ("The organization was founded on May 15, 1992, in Tashkent (Uzbekistan).", "holds"),
    ("The organization was founded on October 7, 2002, in Chisinau.", "holds"),
    ("The organization was founded on October 7, 2002, in Tashkent.", "does-not-hold"),
])
def test_a_founding_place_is_that_of_the_founding_step_of_its_day(history: History, text: str,
                                                                   verdict: str) -> None:
    assert _verdicts("document-place", text, history, "2022-01-06") == [verdict]
