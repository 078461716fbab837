"""Every answer: valid against its published schema, complete in its sources, and every
normative finding citing an article in force on the day, on every day the law changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

import csto
from csto.cli.output import answer_json
from csto.present import shapes
from csto.questions.registry import QUESTIONS
from csto.record.history import History
from csto.record.vocab import NORMATIVE_KINDS

from .conftest import ROOT

EXAMPLES: dict[str, list[dict[str, str]]] = {
    "overview": [{"on": "1993-01-01"}, {"on": "2024-03-01"}],
    "members": [{"on": "1992-05-14"}, {"on": "2024-03-01"}],
    "standing": [{"state": "UZB", "on": "2013-01-01"}, {"state": "USA"}],
    "history": [{"state": "ARM"}, {"state": "USA"}],
    "about": [{}],
    "officials": [{"on": "2003-01-01"}, {"on": "2026-06-01"}],
    "assist": [{"victim": "ARM", "against": "AZE", "on": "2022-09-13"},
               {"victim": "KAZ", "situation": "internal-unrest", "on": "2022-01-05"},
               {"victim": "ARM", "on": "1993-01-01"}],
    "step": [{"actor": "ARM", "action": "join-alliance", "target": "NATO", "on": "2026-12-01"},
             {"actor": "KAZ", "action": "host-base", "target": "USA", "on": "2020-01-01"},
             {"actor": "ARM", "action": "withdraw", "on": "2000-01-01"}],
    "base": [{"host": "KGZ", "guest": "USA", "on": "2020-01-01"},
             {"host": "KGZ", "guest": "USA", "on": "2001-12-01"}],
    "chair": [{"year": "2009"}, {"year": "2028"}, {"year": "2003"}],
    "decide": [{"body": "CSC", "for": "RUS,BLR", "abstain": "ARM", "on": "2025-01-01"},
               {"body": "CFM", "for": "RUS", "matter": "appointment", "on": "2005-01-01"}],
    "documents": [{"on": "2010-01-01"}],
    "article": [{"document": "cst", "number": "4", "on": "2013-01-01"},
                {"document": "charter", "number": "19", "on": "2000-01-01"}],
    "exercises": [{}, {"year": "2011"}],
    "forces": [{}],
    "cases": [{}],
    "groupings": [{}],
    "disputes": [{}],
    "changes": [{"from": "1999-01-01", "until": "2000-01-01"}, {}],
}


def test_every_question_has_examples() -> None:
    assert set(EXAMPLES) == set(QUESTIONS)


def _calls() -> Iterator[tuple[str, dict[str, str]]]:
    for name, examples in EXAMPLES.items():
        for values in examples:
            yield name, values


CALLS = list(_calls())


def _referenced(value: Any, top: bool = True) -> Iterator[str]:
    """Every source id listed anywhere in a JSON answer (not the top-level map itself)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and top:
                continue
            if key == "sources" and isinstance(item, list):
                yield from item
            else:
                yield from _referenced(item, False)
    elif isinstance(value, list):
        for item in value:
            yield from _referenced(item, False)


@pytest.mark.parametrize("name, values", CALLS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CALLS)])
@pytest.mark.parametrize("lang", ["en", "id", "ru"])
def test_json_is_valid_against_its_schema_and_cites_every_source(
        name: str, values: dict[str, str], lang: str, history: History) -> None:
    answer = csto.ask(name, values, history)
    text = answer_json(answer, lang)
    shapes.check(QUESTIONS[name].answer_type, text)
    data = json.loads(text)
    missing = set(_referenced(data)) - set(data["sources"])
    assert not missing, f"sources referenced but not listed: {sorted(missing)}"


def test_published_schemas_are_generated_from_the_code() -> None:
    from csto.cli.schemas import schemas

    for name, text in schemas().items():
        path = ROOT / "docs" / "schema" / name
        assert path.exists() and path.read_text(encoding="utf-8") == text, (
            f"docs/schema/{name} is stale: run `make docs`")


def _days(history: History) -> list[date]:
    days = {date(1992, 1, 1)}
    for change in history.change_dates:
        days.update({change - timedelta(days=1), change, change + timedelta(days=1)})
    return sorted(d for d in days if date(1992, 1, 1) <= d <= date(2100, 12, 31))


def _rule_answers(history: History, day: date) -> Iterator[Any]:
    from csto.rules import alliances, bases, chair, decisions, defence, membership

    snap = history.at(day)
    states = sorted({e.state for e in history.events})
    yield membership.members(snap)
    yield membership.officials(snap)
    yield chair.chair_for_year(history, day.year, day)
    for state in states:
        yield membership.standing(snap, state)
        yield defence.assist(snap, state)
        yield defence.assist(snap, state, "USA")
        yield defence.assist(snap, state, None, "threat")
        yield bases.base(snap, state, "USA")
        yield bases.base(snap, state, "RUS" if state != "RUS" else "BLR")
        yield alliances.step(snap, state, "withdraw")
        yield alliances.step(snap, state, "join-alliance", "NATO")
        yield alliances.step(snap, state, "use-force-against", "AZE" if state != "AZE" else "ARM")
    if snap.members:
        yield decisions.decide(snap, "CSC", {snap.members[0]: "for"})
        yield decisions.decide(snap, "CSC", {snap.members[0]: "for"}, "appointment")


def test_every_normative_finding_cites_law_in_force_on_every_change_date(
        history: History) -> None:
    checked = 0
    for day in _days(history):
        snap = history.at(day)
        for answer in _rule_answers(history, day):
            for finding in answer.findings:
                if finding.kind in NORMATIVE_KINDS:
                    assert finding.citations, (day, finding.code)
                for citation in finding.citations:
                    current = snap.article(citation.document, citation.article)
                    assert current is not None and current.citation == citation, (
                        day, finding.code, citation.key)
                checked += 1
    assert checked > 10_000
