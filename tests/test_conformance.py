"""The published conformance suite (docs/conformance/cases.yaml) against this implementation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

import csto
from csto.history import History

from .conftest import ROOT

CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "docs" / "conformance" / "cases.yaml").read_text(encoding="utf-8")
)["cases"]


def _ask(case: dict[str, Any], history: History) -> dict[str, Any]:
    args = dict(case.get("args", {}))
    on = case.get("date")
    question = case["question"]
    if question == "members":
        answer = csto.members(on, history)
    elif question == "officials":
        answer = csto.officials(on, history)
    elif question == "chair":
        answer = csto.chair(args["year"], history)
    elif question == "assist":
        answer = csto.assist(args["victim"], args.get("against"), on,
                             args.get("situation", "armed-attack"),
                             args.get("territory", "inside"), history)
    elif question == "base":
        answer = csto.base(args["host"], args["guest"], on, history)
    elif question == "step":
        answer = csto.step(args["actor"], args["action"], args.get("target"), on, history)
    elif question == "decide":
        answer = csto.decide(args["body"], args["positions"], on, args.get("matter", "general"),
                             history)
    else:
        raise AssertionError(f"unknown question {question}")
    return csto.to_dict(answer, "en", history)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def test_suite_is_not_empty_and_ids_are_unique() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 80
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], history: History) -> None:
    result = _ask(case, history)
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
    if "effective" in expect:
        assert result["effective"] == _iso(expect["effective"])
    if "chair" in expect:
        chair = result["chair"]
        assert (chair["iso3"] if chair else None) == expect["chair"]
    if "secretary_general" in expect:
        sg = result["secretary_general"]
        assert (sg["name"] if sg else None) == expect["secretary_general"]
    cited = {f"{c['document']}/{c['article']}" for c in result["citations"]}
    for article in case.get("cites", []):
        assert article in cited, article
