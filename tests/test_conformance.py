"""The published conformance suite (docs/conformance/cases.yaml), run through the registry."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

import csto
from csto.questions.registry import QUESTIONS
from csto.record.history import History

from .conftest import ROOT

SUITE: dict[str, Any] = yaml.safe_load(
    (ROOT / "docs" / "conformance" / "cases.yaml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = SUITE["cases"]
BASES: dict[str, dict[str, Any]] = SUITE["bases"]


def values_of(case: dict[str, Any]) -> dict[str, Any]:
    """A case's arguments as the registry's parameters (decide's positions become lists)."""
    values = dict(case.get("args", {}))
    positions = values.pop("positions", None)
    for state, position in (positions or {}).items():
        values[position] = ",".join(filter(None, [values.get(position), state]))
    names = {p.name for p in QUESTIONS[case["question"]].params}
    if case.get("date") is not None and "on" in names:
        values["on"] = case["date"]
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _matches(record: dict[str, Any], wanted: dict[str, Any], ident: str) -> None:
    """A listed record (an exercise, a case) against the keys a case gives: hosts as a set,
    days as ISO dates, `disputed` as whether the record keeps alternatives."""
    for key, value in wanted.items():
        if key == "disputed":
            assert bool(record["alternatives"]) is value, (ident, key)
        elif key == "hosts":
            assert sorted(record["hosts"]) == sorted(value), (ident, key)
        else:
            assert record[key] == _iso(value), (ident, key)


def test_every_case_states_the_law_and_source_that_decide_it(history: History) -> None:
    articles = {f"{doc.id}/{a.number}" for doc in history.documents.values() for a in doc.articles}
    assert {case["basis"] for case in CASES} == set(BASES), "a case without a basis, or a basis unused"
    for name, basis in BASES.items():
        assert set(basis["law"]) <= articles, name
        assert basis["sources"] and set(basis["sources"]) <= set(history.sources), name
        assert len(basis["says"]) > 40, name
    for case in CASES:
        law = set(BASES[case["basis"]]["law"])
        assert not law or law & set(case.get("cites", law)), case["id"]


def test_suite_is_not_empty_and_ids_are_unique() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 88
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], history: History) -> None:
    result = csto.to_dict(csto.ask(case["question"], values_of(case), history))
    expect = case["expect"]
    if "members" in expect:
        assert [m["iso3"] for m in result["members"]] == expect["members"]
    if "status" in expect:
        standing = {s["iso3"]: s["status"] for s in result["standings"]}
        for state, status in expect["status"].items():
            assert standing.get(state) == status, state
    for key in ("obliged", "consent_required_from", "bound", "not_bound"):
        if key in expect:
            assert result[key] == expect[key], key
    if "version" in expect:
        assert result["article_version"] == expect["version"]
    if "open" in expect:
        assert sorted(result["open_questions"]) == sorted(expect["open"])
    for key in ("verdict", "adopted", "basis"):
        if key in expect:
            assert result[key] == expect[key], key
    if "announced" in expect:
        assert sorted(a["id"] for a in result["announced"]) == expect["announced"]
    if "effective" in expect:
        assert result["effective"] == _iso(expect["effective"])
    if "chair" in expect:
        chair = result["chair"]
        assert (chair["iso3"] if chair else None) == expect["chair"]
    if "secretary_general" in expect:
        sg = result["secretary_general"]
        assert (sg["name"] if sg else None) == expect["secretary_general"]
    if "exercises" in expect:
        listed = {e["id"]: e for e in result["exercises"]}
        for ident, wanted in expect["exercises"].items():
            _matches(listed[ident], wanted, ident)
    if "cases" in expect:
        listed = {c["case"]["id"]: c["case"] for c in result["cases"]}
        for ident, wanted in expect["cases"].items():
            _matches(listed[ident], wanted, ident)
    if "changes" in expect:
        changes = [[c["date"], c["what"], c["subject"], c["kind"], c["before"], c["after"]]
                   for c in result["changes"]]
        assert changes == [[_iso(v) for v in change] for change in expect["changes"]]
    cited = {f"{c['document']}/{c['article']}" for c in result.get("citations", [])}
    for article in case.get("cites", []):
        assert article in cited, article
    said = {f["facts"][0]["fact"] for f in result.get("findings", [])
            if f["kind"] == "dispute" and f["facts"]}
    for record in case.get("disputes", []):
        assert record in said, f"the answer does not say it rests on the disputed {record}"
    if "announced" in case:
        named = [f["facts"][0]["fact"].removeprefix("announced:")
                 for f in result.get("findings", []) if f["code"] == "record.announced"]
        assert sorted(named) == sorted(case["announced"])
