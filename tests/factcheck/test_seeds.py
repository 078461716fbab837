"""The two seed texts, claim by claim, against verdicts written by hand before the checker ran.

The expected verdicts are the annotations in ``corpus/seed-000.yaml`` and
``corpus/seed-004.yaml`` (kept exactly as annotated). Each claim is one test: the checker
must find a claim over the same words and give the annotated verdict. Where it does not,
the case is marked ``xfail(strict=True)`` with the reason, so the day it is fixed the
mark has to go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from csto.record.history import History
from tests.factcheck.evaluation import TODAY, Annotated, match, read_corpus

CORPUS = Path(__file__).resolve().parent / "corpus"
SEEDS = {item.name: item for item in read_corpus(CORPUS) if item.name.startswith("seed-")}

KNOWN_DIFFERENCES = {
    ("seed-004", "c29"): "'some former Soviet states and some former Warsaw Pact states' names no "
    "state: no proposition can be made of it",
}


def _cases() -> list[Any]:
    cases = []
    for name, item in SEEDS.items():
        for claim in item.claims:
            reason = KNOWN_DIFFERENCES.get((name, claim["id"]))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(name, claim["id"], id=f"{name}-{claim['id']}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def answers(history: History) -> dict[str, Any]:
    from csto.factcheck.check import check

    return {name: check(item.text, history=history, today=TODAY) for name, item in SEEDS.items()}


def test_both_seeds_are_annotated_in_full() -> None:
    assert set(SEEDS) == {"seed-000", "seed-004"}
    assert len(SEEDS["seed-000"].claims) == 10 and len(SEEDS["seed-004"].claims) == 29
    for item in SEEDS.values():
        for claim in item.claims:
            assert item.text[claim["start"] : claim["end"]] == claim["quote"]


@pytest.mark.parametrize(("name", "claim_id"), _cases())
def test_seed_claim_has_the_annotated_verdict(answers: dict[str, Any], name: str, claim_id: str) -> None:
    item: Annotated = SEEDS[name]
    expected = next(c for c in item.claims if c["id"] == claim_id)
    found = {m.expected["id"]: m.found for m in match(item.claims, answers[name].claims)}
    assert claim_id in found, f"no claim found over {expected['quote']!r}"
    assert found[claim_id].verdict == expected["verdict"], (
        f"{expected['quote']!r}: expected {expected['verdict']}, got {found[claim_id].verdict}"
    )


def test_seed_004_outdated_officials_say_when_they_held(answers: dict[str, Any]) -> None:
    claims = [c for c in answers["seed-004"].claims if c.type == "official"]
    assert {c.verdict for c in claims} == {"outdated"}
    for claim in claims:
        assert claim.held and all(p.end is not None and p.end <= TODAY for p in claim.held)
