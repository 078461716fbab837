"""What is kept to answer fast changes no answer: values kept per epoch
(``Snapshot.derived``) give what a fresh computation gives on every day of the epoch, and
the caveat scan, which skips the fields that cannot hold a fact, finds every disputed fact
a scan of everything finds."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

import csto
from csto.questions import caveats
from csto.questions.registry import ask
from csto.record.history import History
from csto.record.model import Fact

from .test_answers import EXAMPLES

ASKED = [("members", {}), ("assist", {"victim": "ARM", "against": "AZE"}),
         ("assist", {"victim": "KGZ", "against": "TJK"}), ("assist", {"victim": "KAZ"}),
         ("assist", {"victim": "TJK", "situation": "threat"}), ("overview", {}),
         ("officials", {}), ("base", {"host": "KGZ", "guest": "USA"})]


def _days(history: History) -> Iterator[date]:
    """The first and last day of every epoch, and a day inside it."""
    rng = random.Random(11)
    for span in history.spans(None, "2100-12-31"):
        last = (span.end or date(2100, 12, 31)) - timedelta(days=1)
        yield from {span.start, last, span.start + (last - span.start) * rng.random()}


def _forget(history: History) -> None:
    for epoch in history._epochs:
        epoch.memo.clear()
    history.memo.clear()


@pytest.mark.parametrize(("name", "values"), ASKED, ids=[f"{n} {v}" for n, v in ASKED])
def test_kept_values_give_the_answers_computed_afresh(history: History, name: str,
                                                      values: dict[str, str]) -> None:
    days = sorted(_days(history))
    kept = [csto.to_dict(ask(name, {**values, "on": d.isoformat()}, history)) for d in days]
    for day, answer in zip(reversed(days), reversed(kept), strict=True):
        _forget(history)
        assert csto.to_dict(ask(name, {**values, "on": day.isoformat()}, history)) == answer, day


def _every_fact(value: object) -> Iterator[Fact]:
    """Every fact inside a value, by looking everywhere (the history an answer carries
    excepted)."""
    if isinstance(value, Fact):
        yield value
    elif isinstance(value, tuple):
        fields = getattr(value, "_fields", None)
        for index, item in enumerate(value):
            if fields is None or fields[index] != "history":
                yield from _every_fact(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _every_fact(item)


def _examples() -> Iterator[tuple[str, dict[str, str]]]:
    for name, examples in EXAMPLES.items():
        for values in examples:
            yield name, values
    for day in ("2012-12-19", "2021-08-15", "2022-11-23", "2024-02-22", "2030-01-01"):
        for name in ("members", "overview", "officials", "documents"):
            yield name, {"on": day}
    yield "history", {"state": "AFG"}
    yield "exercises", {"year": "2025"}


@pytest.mark.parametrize(("name", "values"), list(_examples()))
def test_the_caveat_scan_finds_every_disputed_fact(history: History, name: str,
                                                   values: dict[str, str]) -> None:
    answer = ask(name, dict(values), history)
    everywhere = [fact for fact in _every_fact(answer) if fact.disputed]
    assert caveats.disputed_facts(answer) == everywhere
    assert caveats.disputed_facts(answer) == everywhere, "and again, from what it kept"


@pytest.mark.parametrize("lang", ["en", "id", "ru"])
def test_the_rest_api_sends_the_json_form_byte_for_byte(history: History, lang: str) -> None:
    import orjson

    from csto.present.tojson import to_bytes

    for _ in range(3):  # a finding seen twice is kept: the third time from the JSON text kept
        for name, values in _examples():
            answer = ask(name, dict(values), history)
            assert to_bytes(answer, lang) == orjson.dumps(csto.to_dict(answer, lang)), name
