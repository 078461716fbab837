"""Documentation that cannot drift: the README's Python examples and the docstring examples
run as doctests."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest

from .conftest import ROOT

MODULES = ["csto", "csto.questions.api", "csto.record.model"]


def _readme_examples() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    return "\n".join(block for block in blocks if ">>>" in block)


def test_readme_python_examples_run() -> None:
    examples = _readme_examples()
    assert examples.count(">>>") >= 8, "the README shows the Python API"
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "README.md", str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, "a README example does not give what it shows"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
