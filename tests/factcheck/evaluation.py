"""Scoring the checker on a hand-annotated corpus: claim finding and verdicts.

A found claim matches an annotated one when their spans overlap, one to one: pairs of the
same type first (a claim of the Organization's name goes with the annotated name, not with
an office claim whose quote holds the name), then the largest overlap first. Precision is
the share of found claims that match an annotated claim; recall the share of annotated
claims found; accuracy the share of matched claims whose verdict is the annotated one.

The checker is given the text and its metadata, never the annotations: the day a text
speaks of is its publication day where the page gives one to the day (``--as-of``), the
last day of its month where it gives only the month, else what the checker reads in the
text itself, else the day the texts were annotated ("today" for an undated text).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from csto.factcheck.answer import CheckAnswer
from csto.factcheck.check import check
from csto.record.history import History

TODAY = date(2026, 11, 22)
"""The day the tuning corpus was annotated: its undated texts are judged on it (the
held-out files name their own, ``annotated``)."""


class Annotated(NamedTuple):
    name: str
    language: str
    text: str
    as_of: date | None
    claims: list[dict[str, Any]]
    non_claims: list[dict[str, Any]]


class Match(NamedTuple):
    expected: dict[str, Any]
    found: Any


class Score(NamedTuple):
    found: int
    annotated: int
    matched: int
    correct: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 1.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.matched if self.matched else 1.0

    def __add__(self, other: object) -> Score:
        assert isinstance(other, Score)
        return Score(*(a + b for a, b in zip(self, other, strict=True)))


def read_corpus(folder: Path) -> list[Annotated]:
    texts = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "text" in data:
            text = data["text"]
        else:
            text = (folder / "seeds" / Path(data["file"]).name).read_text(encoding="utf-8")
        texts.append(
            Annotated(
                data["id"],
                data["language"]
                if "languages_present" not in data or data["id"].startswith("seed")
                else "mix",
                text,
                _text_day(data),
                data["claims"],
                data.get("non_claims") or [],
            )
        )
    return texts


def _text_day(data: dict[str, Any]) -> date | None:
    """The day the page's own metadata gives the text: its publication day, or the last day
    of its month where only the month is known; None where it gives none."""
    published = data.get("published")
    if not published:
        return None
    if data.get("published_precision") == "day":
        return date.fromisoformat(str(published))
    if data.get("published_precision") == "month":
        year, month = (int(part) for part in str(published).split("-")[:2])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return None


def annotated_on(folder: Path) -> date:
    """The day a folder's texts were annotated: undated texts are judged on it."""
    for path in sorted(folder.glob("*.yaml")):
        found = yaml.safe_load(path.read_text(encoding="utf-8")).get("annotated")
        if found:
            return date.fromisoformat(str(found))
    return TODAY


def match(expected: list[dict[str, Any]], found: Iterable[Any]) -> list[Match]:
    from csto.factcheck.claimtypes import TYPES

    family = {kind.name: kind.family for kind in TYPES}
    pairs = []
    for e in expected:
        for f in found:
            overlap = min(e["end"], f.end) - max(e["start"], f.start)
            if overlap > 0:
                same = e["type"] == family.get(f.claim.kind)
                pairs.append((same, overlap, id(e), e, f))
    pairs.sort(key=lambda p: (-p[0], -p[1]))
    used_e: set[int] = set()
    used_f: set[int] = set()
    matches = []
    for _, _, _, e, f in pairs:
        if id(e) in used_e or id(f) in used_f:
            continue
        used_e.add(id(e))
        used_f.add(id(f))
        matches.append(Match(e, f))
    return matches


def score(item: Annotated, answer: CheckAnswer) -> tuple[Score, list[Match]]:
    matches = match(item.claims, answer.claims)
    correct = sum(1 for m in matches if m.found.verdict == m.expected["verdict"])
    return Score(len(answer.claims), len(item.claims), len(matches), correct), matches


def evaluate(folder: Path, history: History | None = None) -> dict[str, tuple[Score, list[Any]]]:
    """Scores per text, with the answers and matches for a closer look."""
    today = annotated_on(folder)
    results: dict[str, tuple[Score, list[Any]]] = {}
    for item in read_corpus(folder):
        answer = check(item.text, as_of=item.as_of and min(item.as_of, today), history=history,
                       today=today)
        result, matches = score(item, answer)
        results[item.name] = (result, [item, answer, matches])
    return results
