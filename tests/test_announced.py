"""Plans announced before the record's reviewed day: named beside the answers about the days
they concern, never part of an answer.

Every expected value here is read from ``data/announced.yaml`` and ``data/record.yaml``
with a YAML parser, not from csto.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import yaml

import csto
from csto.record.history import History

from .conftest import DATA

PLANS: list[dict[str, Any]] = yaml.safe_load((DATA / "announced.yaml").read_text(encoding="utf-8"))
REVIEWED: date = yaml.safe_load((DATA / "record.yaml").read_text(encoding="utf-8"))["reviewed"]
BY_ID = {plan["id"]: plan for plan in PLANS}
OCTOBER = date(2026, 10, 15)
BELARUS = {plan["id"] for plan in PLANS if plan["where"]["en"] == "Belarus"
           and plan["expected"]["date"] <= OCTOBER}

QUESTIONS: list[tuple[str, dict[str, str]]] = [
    ("members", {}), ("standing", {"state": "ARM"}), ("officials", {}), ("overview", {}),
    ("assist", {"victim": "ARM", "against": "AZE"}), ("base", {"host": "KGZ", "guest": "USA"}),
    ("step", {"actor": "KAZ", "action": "withdraw"}), ("history", {"state": "BLR"}),
    ("decide", {"body": "CSC", "for": "RUS,BLR,KAZ,KGZ,TJK"}), ("documents", {}),
]
"""Questions asked of a day, with their other parameters."""


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _period(plan: dict[str, Any]) -> tuple[date, date]:
    """The expected period [start, end), as the file's header describes it."""
    expected = plan["expected"]
    last = expected.get("until", expected["date"])
    end = {"day": last + timedelta(days=1), "month": _month_after(last),
           "year": date(last.year + 1, 1, 1)}[expected["precision"]]
    return expected["date"], end


def _concerning(day: date) -> set[str]:
    """Plans whose expected period touches the calendar month of ``day``, past the edge."""
    if day <= REVIEWED:
        return set()
    first, after = day.replace(day=1), _month_after(day)
    return {plan["id"] for plan in PLANS if _period(plan)[0] < after and _period(plan)[1] > first}


def _named(answer: dict[str, Any]) -> list[str]:
    return [f["facts"][0]["fact"].removeprefix("announced:") for f in answer["findings"]
            if f["code"] == "record.announced"]


def _without_plans(history: History) -> History:
    return History(events=history.events, sources=history.sources, documents=history.documents,
                   offices=history.offices, countries=history.countries,
                   organization=history.organization, exercises=history.exercises,
                   forces=history.forces, cases=history.cases,
                   groupings=history.groupings.values(), review=history.review)


def test_the_file_names_belarus_exercises_in_october_2026() -> None:
    """What the tests below rely on: two plans in Belarus, announced on 26 Nov 2025 for
    October 2026, and the record reviewed to a day before them."""
    assert len(BELARUS) == 2
    for ident in BELARUS:
        assert BY_ID[ident]["announced"] == date(2025, 11, 26)
        assert _period(BY_ID[ident]) == (date(2026, 10, 1), date(2026, 11, 1))
    assert date(2026, 10, 1) > REVIEWED


@pytest.mark.parametrize("day", [REVIEWED - timedelta(days=1), REVIEWED, date(2025, 11, 26),
                                 date(2020, 10, 15)])
@pytest.mark.parametrize(("name", "values"), QUESTIONS)
def test_no_plan_is_named_on_a_day_up_to_the_edge(name: str, values: dict[str, str], day: date,
                                                 history: History) -> None:
    answer = csto.to_dict(csto.ask(name, {**values, "on": day.isoformat()}, history))
    assert _named(answer) == []
    assert answer.get("announced", []) == []


@pytest.mark.parametrize(("name", "values"), QUESTIONS)
def test_a_day_in_october_2026_names_the_exercises_in_belarus(name: str, values: dict[str, str],
                                                            history: History) -> None:
    answer = csto.to_dict(csto.ask(name, {**values, "on": OCTOBER.isoformat()}, history))
    named = _named(answer)
    assert set(named) == _concerning(OCTOBER) and len(named) == len(set(named))
    assert set(named) >= BELARUS
    codes = [f["code"] for f in answer["findings"]]
    edge = codes.index("record.edge")
    assert codes[edge + 1: edge + 1 + len(named)] == ["record.announced"] * len(named), codes
    for finding in answer["findings"][edge + 1:]:
        plan = BY_ID[finding["facts"][0]["fact"].removeprefix("announced:")]
        assert finding["kind"] == "information" and not finding["citations"]
        assert finding["facts"][0]["date"] == plan["announced"].isoformat()
        assert finding["facts"][0]["sources"] == plan["sources"]
        assert set(plan["sources"]) <= set(answer["sources"])


@pytest.mark.parametrize(("lang", "words"), [("en", "not confirmed in the record"),
                                             ("id", "belum dikonfirmasi dalam catatan"),
                                             ("ru", "в данных не подтверждено")])
def test_the_plans_read_in_the_readers_language(lang: str, words: str) -> None:
    findings = csto.to_dict(csto.members(on=OCTOBER), lang)["findings"]
    texts = {f["facts"][0]["fact"].removeprefix("announced:"): f["text"] for f in findings
             if f["code"] == "record.announced"}
    for ident in BELARUS:
        plan = BY_ID[ident]
        assert words in texts[ident]
        assert plan["what"][lang] in texts[ident] and plan["where"][lang] in texts[ident]
        assert plan["announced"].isoformat() in texts[ident]


@pytest.mark.parametrize("day", [date(2026, 5, 31), date(2026, 9, 1), date(2026, 11, 1),
                                 date(2026, 11, 11), date(2026, 12, 1), date(2027, 6, 1)])
def test_plans_are_named_in_the_months_they_were_expected(day: date, history: History) -> None:
    named = _named(csto.to_dict(csto.officials(on=day, history=history)))
    assert set(named) == _concerning(day)


@pytest.mark.parametrize("day", [REVIEWED, OCTOBER, date(2026, 11, 11), date(2026, 12, 31)])
@pytest.mark.parametrize(("name", "values"), QUESTIONS)
def test_plans_change_nothing_else_in_an_answer(name: str, values: dict[str, str], day: date,
                                                history: History) -> None:
    """The same question on a history without the plans: every other field, finding and
    source is the same; what the plans add are their findings, their sources and, in the
    overview, their list."""
    asked = {**values, "on": day.isoformat()}
    bare = _without_plans(history)
    assert bare.announced == () and history.announced
    for lang in ("en", "ru"):
        with_plans = csto.to_dict(csto.ask(name, asked, history), lang)
        without = csto.to_dict(csto.ask(name, asked, bare), lang)
        named = _named(with_plans)
        assert set(named) == _concerning(day)
        listed = [item["id"] for item in with_plans.get("announced", [])]
        plan_sources = {s for ident in [*named, *listed] for s in BY_ID[ident]["sources"]}
        with_plans["findings"] = [f for f in with_plans["findings"]
                                  if f["code"] != "record.announced"]
        extra = set(with_plans["sources"]) - set(without["sources"])
        assert extra <= plan_sources
        with_plans["sources"] = {k: v for k, v in with_plans["sources"].items() if k not in extra}
        if "announced" in with_plans:
            assert without["announced"] == []
            with_plans["announced"] = []
        assert with_plans == without


def _by_end_of_month(day: date) -> list[str]:
    """Plans the overview lists: past the edge, those expected to begin by the month's end."""
    if day <= REVIEWED:
        return []
    return sorted(plan["id"] for plan in PLANS if plan["expected"]["date"] < _month_after(day))


@pytest.mark.parametrize("day", [REVIEWED, REVIEWED + timedelta(days=1), date(2026, 5, 1),
                                 OCTOBER, date(2026, 11, 30), date(2030, 1, 1)])
def test_the_overview_lists_the_plans_expected_by_the_end_of_the_month(day: date,
                                                                      history: History) -> None:
    answer = csto.to_dict(csto.overview(on=day, history=history), "ru")
    listed = answer["announced"]
    assert sorted(item["id"] for item in listed) == _by_end_of_month(day)
    for item in listed:
        plan = BY_ID[item["id"]]
        assert item["announced"] == plan["announced"].isoformat()
        assert item["expected"] == {"date": plan["expected"]["date"].isoformat(),
                                    "precision": plan["expected"]["precision"],
                                    "until": (plan["expected"]["until"].isoformat()
                                              if "until" in plan["expected"] else None)}
        assert (item["what"], item["where"], item["by"]) == (
            plan["what"]["ru"], plan["where"]["ru"], plan["by"]["ru"])
        assert item["sources"] == plan["sources"]
        assert set(item["sources"]) <= set(answer["sources"])
    assert {item["id"] for item in listed} >= BELARUS or day < date(2026, 10, 1)


def test_the_terminal_overview_shows_the_plans_in_a_table(csto: Any) -> None:
    run = csto("overview", "--on", OCTOBER.isoformat())
    assert run.code == 0
    table = run.out.split("not confirmed in the record\n", 1)[1].split("Findings", 1)[0]
    for ident in BELARUS:
        plan = BY_ID[ident]
        assert plan["where"]["en"] in table
        assert plan["what"]["en"].split()[0] in table
    assert "26 November 2025" in table and "October 2026" in table
    assert "Announced on" not in run.out  # the table stands for the findings it repeats
    before = csto("overview", "--on", REVIEWED.isoformat())
    assert "not confirmed in the record" not in before.out
