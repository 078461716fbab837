"""The bad-input corpus of the Python API: a wrong type anywhere is ``csto.InputError``,
never a bare exception, and an impossible value is refused when the value is built."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import csto
from csto.errors import CstoError, InputError, RecordError
from csto.questions.registry import QUESTIONS
from csto.record.history import History

WRONG: list[object] = [5, 5.5, ["ARM"], {"a": 1}, b"ARM", object(), True, "", "\x00", ("ARM",),
                       float("nan"), -1, 10**30, datetime(2020, 1, 1, 12)]
GOOD: dict[str, object] = {
    "state": "ARM", "victim": "ARM", "host": "KGZ", "guest": "USA", "actor": "ARM",
    "action": "join-alliance", "target": "NATO", "body": "CSC", "document": "cst",
    "number": "4", "on": "2020-01-01", "year": 2020, "case_id": "kgz-2010"}
CALLS = [(name, keyword, wrong)
         for name, question in sorted(QUESTIONS.items())
         for keyword in [*inspect.signature(question.api).parameters]
         for wrong in WRONG]


def _not_a_date() -> object:
    """A ``datetime`` that is no day: pandas' NaT, or a stand-in where pandas is absent."""
    try:
        import pandas

        return pandas.NaT
    except ImportError:  # pragma: no cover
        class NotADay(datetime):
            def date(self) -> date:
                raise ValueError("no day")

        return NotADay(2020, 1, 1)


@pytest.mark.parametrize("name, keyword, wrong", CALLS,
                         ids=[f"{n}-{k}-{i % len(WRONG)}" for i, (n, k, _) in enumerate(CALLS)])
def test_every_function_takes_any_wrong_value_with_a_csto_error(name: str, keyword: str,
                                                                wrong: object) -> None:
    function = QUESTIONS[name].api
    signature = inspect.signature(function)
    kwargs = {k: GOOD[k] for k, p in signature.parameters.items()
              if p.default is inspect.Parameter.empty}
    kwargs[keyword] = wrong
    with contextlib.suppress(CstoError):
        function(**kwargs)


@pytest.mark.parametrize("call", [
    lambda: csto.members(_not_a_date()),
    lambda: csto.load_history().at(_not_a_date()),
    lambda: csto.cases(["kgz-2010"]),  # type: ignore[arg-type]
    lambda: csto.ask(["members"]),  # type: ignore[arg-type]
    lambda: csto.ask("members", 5),  # type: ignore[arg-type]
    lambda: csto.ask("members", {5: "x"}),  # type: ignore[dict-item]
    lambda: csto.ask("decide", {"body": "CSC", "for": 5}),
    lambda: csto.ask("members", {}, scenario=5),  # type: ignore[arg-type]
    lambda: csto.load_history(5),  # type: ignore[arg-type]
    lambda: csto.load_history(b"/tmp"),  # type: ignore[arg-type]
    lambda: csto.load_history().with_events(None),  # type: ignore[arg-type]
    lambda: csto.load_history().with_events(5),  # type: ignore[arg-type]
    lambda: csto.load_history().with_events("events"),  # type: ignore[arg-type]
    lambda: csto.load_history().with_events([], sources=5),  # type: ignore[arg-type]
    lambda: csto.load_history().with_events([5]),  # type: ignore[list-item]
    lambda: csto.Event(1, 2),  # type: ignore[call-arg,arg-type]
    lambda: csto.Event(id="e"),  # type: ignore[call-arg]
    lambda: csto.Source(id="s"),  # type: ignore[call-arg]
    lambda: csto.Source(id="s", title="t")._replace(colour="red"),  # type: ignore[call-arg]
    lambda: csto.to_dict(csto.members("2020-01-01"), lang=5),  # type: ignore[arg-type]
], ids=lambda call: inspect.getsource(call).split("lambda: ", 1)[1].split("  #")[0][:50])
def test_wrong_types_are_csto_errors(call: Callable[[], object]) -> None:
    with pytest.raises(CstoError):
        call()


def _event(**changes: Any) -> csto.Event:
    values: dict[str, Any] = {"id": "n", "date": date(2027, 1, 1), "state": "ARM",
                              "kind": "withdrawal-notice", "sources": ("what-if",)}
    return csto.Event(**{**values, **changes})


@pytest.mark.parametrize("changes, says", [
    ({"effective": date(2026, 1, 1)}, "cannot take effect (2026-01-01) before it is made"),
    ({"effective": "2027-08-01"}, "'effective' must be a datetime.date or None"),
    ({"date": "2027-01-01"}, "'date' must be a datetime.date"),
    ({"date": datetime(2027, 1, 1)}, "'date' must be a datetime.date"),
    ({"body": "XYZ"}, "'body' must be one of PA"),
    ({"summary": 5}, "'summary' must be a csto Text or None"),
    ({"state": ["UZB"]}, "'state' must be non-empty text"),
    ({"sources": "what-if"}, "'sources' must be a tuple of source ids"),
    ({"sources": (5,)}, "'sources' must be a tuple of source ids"),
    ({"confidence": "certain"}, "'confidence' must be one of H, M, L"),
    ({"id": ""}, "'id' must be non-empty text"),
])
def test_an_event_refuses_impossible_values_when_built(changes: dict[str, Any],
                                                       says: str) -> None:
    with pytest.raises(InputError, match=says.replace("(", r"\(").replace(")", r"\)")):
        _event(**changes)
    with pytest.raises(InputError, match=says.replace("(", r"\(").replace(")", r"\)")):
        _event()._replace(**changes)


def test_an_event_takes_lists_and_text_where_they_mean_the_same() -> None:
    event = _event(sources=["what-if"], summary="In words")
    assert event.sources == ("what-if",)
    assert event.summary is not None and event.summary.en == "In words"


@pytest.mark.parametrize("changes, says", [
    ({"url": 5}, "'url' must be non-empty text or None"),
    ({"url": "javascript:alert(1)"}, "'url' must be an http:// or https:// address"),
    ({"url": "file:///etc/passwd"}, "'url' must be an http:// or https:// address"),
    ({"title": ""}, "'title' must be non-empty text"),
    ({"published": "2020-01-01"}, "'published' must be a datetime.date or None"),
    ({"kind": "rumour"}, "'kind' must be one of"),
])
def test_a_source_refuses_impossible_values_when_built(changes: dict[str, Any],
                                                       says: str) -> None:
    with pytest.raises(InputError, match=says):
        csto.Source(**{"id": "s", "title": "t", **changes})


def test_new_sources_never_replace_the_records(history: History) -> None:
    record = next(iter(history.sources))
    with pytest.raises(RecordError, match="the record already has a source with this id"):
        history.with_events([], sources=[csto.Source(id=record, title="evil")])
    twice = [csto.Source(id="mine", title="a"), csto.Source(id="mine", title="b")]
    with pytest.raises(RecordError, match="two new sources have this id"):
        history.with_events([], sources=twice)
    assert history.sources[record].title != "evil"


def test_a_scenario_source_cannot_shadow_the_record(history: History, tmp_path: Path) -> None:
    from csto.scenario import load

    record = next(iter(history.sources))
    text = (f"name: shadow\nsources:\n  - {{id: {record}, title: evil}}\nevents:\n"
            f"  - {{date: 2026-12-01, state: ARM, kind: withdrawal-notice, sources: [{record}]}}\n")
    path = tmp_path / "shadow.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=f"source '{record}' has the id of a source of the record"):
        load(path)
    with pytest.raises(InputError, match="http:// or https://"):
        load({"name": "js", "events": [],
              "sources": [{"id": "mine", "title": "t", "url": "javascript:alert(1)"}]})


@pytest.mark.parametrize("year", ["٢٠٢٠", "+2020", "2_020", "２０２０", " 2020x", "02020", 2020.0,
                                  True])
def test_years_are_four_ascii_digits(year: object) -> None:
    with pytest.raises(InputError, match="invalid year"):
        csto.chair(year)  # type: ignore[arg-type]
    assert csto.chair(" 2020 ").year == csto.chair(2020).year == 2020
