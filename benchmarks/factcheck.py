"""`csto check` in `make bench`: quality on the hand-annotated corpus, and speed.

Quality: precision and recall of claim finding and accuracy of verdicts, per language and
overall (``tests/factcheck/evaluation.py``). Speed: kilobytes of text per second on one core
after start-up, on corpus text, at two sizes (linear time means the same rate), beside
what a user might write instead: one regular expression of every gazetteer name, which
finds names but no claims.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the scoring harness lives with the tests
    sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "factcheck" / "corpus"
TARGETS = {"precision": 0.90, "recall": 0.90, "accuracy": 0.90, "kb_per_s": 200.0}


def quality() -> dict[str, tuple[float, float, float, int]]:
    from tests.factcheck.evaluation import Score, evaluate

    totals: dict[str, Score] = {}
    for result, (item, _answer, _matches) in evaluate(CORPUS).values():
        for key in (item.language, "all"):
            totals[key] = totals.get(key, Score(0, 0, 0, 0)) + result
    return {key: (s.precision, s.recall, s.accuracy, s.annotated) for key, s in totals.items()}


def _text(size: int) -> str:
    from tests.factcheck.evaluation import read_corpus

    parts = [item.text for item in read_corpus(CORPUS)]
    text = "\n\n".join(parts)
    return (text * (size // len(text.encode()) + 1))[:size]


def speed(repeats: int = 5) -> dict[str, float]:
    from csto.factcheck.check import check
    from csto.factcheck.gazetteer import gazetteer
    from csto.record.load import load_history

    history = load_history()
    check("CSTO", history=history)  # start-up: models, tables, automaton
    names = sorted({e.name for e in gazetteer().data.entries}, key=len, reverse=True)
    naive = re.compile("|".join(re.escape(n) for n in names), re.I)
    result: dict[str, float] = {}
    for label, size in (("small", 50_000), ("large", 400_000)):
        text = _text(size)
        kb = len(text.encode()) / 1000
        ours, theirs = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            check(text, history=history, as_of="2022-01-01")
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            sum(1 for _ in naive.finditer(text))
            theirs.append(time.perf_counter() - start)
        result[f"{label}_kb_per_s"] = kb / statistics.median(ours)
        result[f"{label}_regex_kb_per_s"] = kb / statistics.median(theirs)
    return result


def report() -> bool:
    scores = quality()
    print("check    claims on the annotated corpus (precision / recall of finding, accuracy of verdicts)")
    for key in ("id", "en", "ru", "mix", "all"):
        if key in scores:
            p, r, a, n = scores[key]
            print(f"         {key:4} {n:4d} claims  P {p:.2f}  R {r:.2f}  A {a:.2f}")
    fast = speed()
    print(
        f"check    {fast['large_kb_per_s']:6.0f} KB/s on 400 KB, {fast['small_kb_per_s']:6.0f} KB/s "
        f"on 50 KB (one core, after start-up; target >= {TARGETS['kb_per_s']:.0f}) | one regex of "
        f"every gazetteer name {fast['large_regex_kb_per_s']:6.0f} KB/s (names only, no claims)"
    )
    p, r, a, _ = scores["all"]
    return (
        p >= TARGETS["precision"]
        and r >= TARGETS["recall"]
        and a >= TARGETS["accuracy"]
        and fast["large_kb_per_s"] >= TARGETS["kb_per_s"]
    )


if __name__ == "__main__":
    report()
