"""Scoring the checker on a hand-annotated corpus: claim finding and verdicts.

A found claim matches an annotated one when their spans overlap (one to one, the largest
overlap first). Precision is the share of found claims that match an annotated claim;
recall the share of annotated claims found; accuracy the share of matched claims whose
verdict is the annotated one. Each text is checked on the day a reader would give it:
its publication day where the annotation knows it (``--as-of``), else today.
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
"""The day the corpus was annotated: undated texts are judged on it."""


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
    """The day a reader would give the text: its publication day, or for a month-dated
    text the day the annotation takes for its present-tense claims."""
    published = data.get("published")
    if not published:
        return None
    if data.get("published_precision") == "day":
        return date.fromisoformat(str(published))
    present = [
        c["as_of"]
        for c in data["claims"]
        if (
            str(c.get("as_of", "")).startswith(str(published))
            and "publication" in str(c.get("as_of_reason", ""))
        )
        or "present" in str(c.get("as_of_reason", ""))
    ]
    if present:
        return date.fromisoformat(str(present[0]))
    return date.fromisoformat(f"{published}-01")


def match(expected: list[dict[str, Any]], found: Iterable[Any]) -> list[Match]:
    pairs = []
    for e in expected:
        for f in found:
            overlap = min(e["end"], f.end) - max(e["start"], f.start)
            if overlap > 0:
                pairs.append((overlap, id(e), e, f))
    pairs.sort(key=lambda p: -p[0])
    used_e: set[int] = set()
    used_f: set[int] = set()
    matches = []
    for _, _, e, f in pairs:
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
    results: dict[str, tuple[Score, list[Any]]] = {}
    for item in read_corpus(folder):
        answer = check(item.text, as_of=item.as_of, history=history, today=TODAY)
        result, matches = score(item, answer)
        results[item.name] = (result, [item, answer, matches])
    return results
