"""Write the JSON Schema of every question's answer into docs/schema/ (``make docs``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .questions import QUESTIONS
from .shapes import schema


def schemas() -> dict[str, str]:
    """File name → content, one schema per question."""
    return {f"{name}.json": json.dumps(schema(question.answer_type), indent=2, sort_keys=True,
                                       ensure_ascii=False) + "\n"
            for name, question in QUESTIONS.items()}


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"))
