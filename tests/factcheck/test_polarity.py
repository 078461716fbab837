"""The polarity suite: every claim type said and denied in Indonesian, English and Russian.

The pairs and their verdicts are in ``polarity.yaml``, each with the fact of the record or
the article that decides it; the two of a pair get opposite verdicts, or the same where
the record says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import csto
from csto.factcheck.claimtypes import TYPES
from csto.record.history import History

SUITE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "polarity.yaml").read_text(encoding="utf-8"))
UNPAIRED = {"name", "force-size"}
"""A name beside its abbreviation is neither affirmed nor denied; a force's size is a figure
the record keeps only in its sources' words, so nothing is asked of it."""


def _cases() -> list[Any]:
    return [pytest.param(entry, lang, id=f"{entry['kind']}-{index}-{lang}")
            for index, entry in enumerate(SUITE) for lang in ("en", "id", "ru")]


@pytest.mark.parametrize(("entry", "lang"), _cases())
def test_affirmed_and_denied_get_the_verdicts_the_record_gives(
        history: History, entry: dict[str, Any], lang: str) -> None:
    verdicts = []
    for sentence in entry[lang]:
        claims = csto.check(sentence, as_of=str(entry["day"]), history=history).claims
        assert claims, f"no claim found in {sentence!r}"
        chosen = [c for c in claims if c.claim.kind == entry["kind"]] or claims
        verdicts.append(chosen[0].verdict)
    assert verdicts == entry["expect"], (entry[lang], entry["why"])
    affirmed = csto.check(entry[lang][0], as_of=str(entry["day"]), history=history).claims
    assert entry["kind"] in {c.claim.kind for c in affirmed}


def test_the_suite_covers_every_claim_type() -> None:
    assert {t.name for t in TYPES} - UNPAIRED == {entry["kind"] for entry in SUITE}


def test_denials_are_read_as_denials(history: History) -> None:
    """A denied proposition says so: its polarity, in the JSON form too."""
    entry = next(e for e in SUITE if e["kind"] == "member")
    for lang in ("en", "id", "ru"):
        said, denied = (csto.check(s, as_of=str(entry["day"]), history=history).claims[0]
                        for s in entry[lang])
        assert said.claim.proposition is not None and denied.claim.proposition is not None
        assert said.claim.proposition.polarity and not denied.claim.proposition.polarity
        form = csto.to_dict(csto.check(entry[lang][1], as_of=str(entry["day"]), history=history))
        assert form["claims"][0]["claim"]["proposition"]["polarity"] is False
