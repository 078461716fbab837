"""Documentation that cannot drift: every command, option and route is documented, and
the README's Python examples and the docstring examples run as doctests."""

from __future__ import annotations

import doctest
import importlib
import re

import click
import pytest
from starlette.testclient import TestClient

from csto.questions.registry import QUESTIONS

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


def _commands() -> list[tuple[str, click.Command]]:
    """Every command of ``csto`` by its full name, the commands of groups included."""
    from csto.cli.app import build

    app = build("en")
    found: list[tuple[str, click.Command]] = []

    def walk(group: click.Group, prefix: str, ctx: click.Context) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None, name
            found.append((f"{prefix} {name}", command))
            if isinstance(command, click.Group):
                walk(command, f"{prefix} {name}", click.Context(command, info_name=name,
                                                                parent=ctx))

    walk(app, "csto", app.make_context("csto", [], resilient_parsing=True))
    return found


def test_every_command_and_option_is_documented() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in _commands():
        assert f"## {name}\n" in reference, f"'{name}' missing from docs/cli.md"
        section = reference.split(f"## {name}\n", 1)[1].split("\n#", 1)[0]
        if name.count(" ") == 1:
            assert name in readme, f"'{name}' missing from README.md"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in section, f"{opt} of '{name}' missing from docs/cli.md"


def test_every_route_is_documented() -> None:
    """Each route is in the README; each REST route is also in the OpenAPI description
    (but the description itself, its browser and the health probe)."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    from csto.web.app import create_app

    app = create_app()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    client = TestClient(app)
    described = client.get("/api/openapi.json").json()["paths"]
    assert isinstance(app.app, Starlette)
    routes = [route for route in app.app.routes if isinstance(route, Route)]
    assert routes
    for route in routes:
        path = route.path
        if path.startswith("/api/") and path not in ("/api/openapi.json", "/api/docs",
                                                      "/api/docs.json", "/api/docs.csv",
                                                      "/api/health", "/api/{name}"):
            assert path in described, f"{path} missing from the OpenAPI description"
        fixed = path.split("{")[0]
        generic = fixed in ("/", "/api/", "/index.json", "/exports/download", "/favicon.ico")
        assert generic or fixed in readme, f"{path} missing from README.md"
    for name in QUESTIONS:
        assert f"/api/{name}" in described, f"/api/{name} missing from the OpenAPI description"
