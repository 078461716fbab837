"""Negative controls: the tests that guard the record and the interfaces fail when they are
given a deliberately wrong input, so a green run means something.

Each control runs a real test function of the suite on something known to be wrong and
expects it to fail: the bad-input corpus on a program that lets a traceback through or on
a wrong expected message, the conformance runner on a wrong expected answer, and the span
test on a history whose epochs leave a day uncovered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from csto.record.history import History

from . import test_bad_input as corpus
from . import test_conformance as conformance
from . import test_properties as properties
from .conftest import Run

CsTo = Callable[..., Run]


def test_the_corpus_test_fails_on_a_wrong_expected_message(csto: CsTo) -> None:
    args, _ = corpus.CORPUS[0]
    with pytest.raises(AssertionError):
        corpus.test_bad_input_is_one_short_line_and_exit_2(csto, args, "a message csto never prints")


def test_the_corpus_test_fails_on_a_program_that_lets_an_error_through(
        csto: CsTo, monkeypatch: pytest.MonkeyPatch) -> None:
    from csto.questions import registry

    def broken(name: str, values: dict[str, str], history: Any = None) -> Any:
        raise TypeError("a bare error no user should see")

    monkeypatch.setattr(registry, "ask", broken)
    args, fragment = next((a, f) for a, f in corpus.CORPUS if a[0] == "assist")
    with pytest.raises((AssertionError, TypeError)):
        corpus.test_bad_input_is_one_short_line_and_exit_2(csto, args, fragment)


def test_the_corpus_test_fails_on_a_program_that_accepts_bad_input(
        csto: CsTo, monkeypatch: pytest.MonkeyPatch) -> None:
    from csto.record import dates

    monkeypatch.setattr(dates, "check_date", lambda day, field="on": day)
    args, fragment = next((a, f) for a, f in corpus.CORPUS if "1991-12-31" in a)
    with pytest.raises(AssertionError):
        corpus.test_bad_input_is_one_short_line_and_exit_2(csto, args, fragment)


@pytest.mark.parametrize("change", [
    {"members": ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]},  # Uzbekistan left in 1999
    {"status": {"AZE": "member"}},
], ids=["members", "status"])
def test_the_conformance_runner_fails_on_a_wrong_expected_answer(
        history: History, change: dict[str, Any]) -> None:
    case = next(c for c in conformance.CASES if c["id"] == "member-2000")
    wrong = {**case, "expect": {**case["expect"], **change}}
    with pytest.raises(AssertionError):
        conformance.test_case(wrong, history)


def test_the_span_test_fails_on_a_history_with_a_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from csto.record.load import load_history

    broken = load_history(use_cache=False)
    epoch = broken._epochs[5]
    broken._epochs[5] = epoch._replace(start=epoch.start + timedelta(days=1))
    monkeypatch.setattr(properties, "HISTORY", broken)
    with pytest.raises(AssertionError):
        properties.test_spans_run_end_to_end_from_the_first_day()
