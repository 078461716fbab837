"""Write the JSON Schema of every question's answer into docs/schema/ (``make docs``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..present.shapes import schema
from ..questions.registry import QUESTIONS

OTHER_ANSWERS = {"check": "csto.factcheck.answer:CheckAnswer"}
"""Answers of commands that are not questions (``csto check``), by schema name."""


def schemas() -> dict[str, str]:
    """File name → content, one schema per question and per other answer."""
    types = {name: question.answer_type for name, question in QUESTIONS.items()}
    for name, dotted in OTHER_ANSWERS.items():
        module, _, attribute = dotted.partition(":")
        types[name] = getattr(__import__(module, fromlist=[attribute]), attribute)
    return {f"{name}.json": json.dumps(schema(kind), indent=2, sort_keys=True,
                                       ensure_ascii=False) + "\n"
            for name, kind in types.items()}


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"))
