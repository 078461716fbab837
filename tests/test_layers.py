"""The layers import downwards only, and no modules import each other in a circle.

Every import counts: at module level, inside functions and under ``TYPE_CHECKING``. A
module may import its own package and the layers below it; the feature packages of one
layer (export, simulate, factcheck) do not import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "csto"

LAYERS = (
    ("_typing",),
    ("errors",),
    ("record",),
    ("rules",),
    ("store",),
    ("scenario",),
    ("questions",),
    ("present",),
    ("export", "simulate", "factcheck"),
    ("web",),
    ("cli",),
    ("__init__", "__main__"),
)
"""From the bottom up: what each layer's modules may import is below it, or its own package."""

RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module(path: Path) -> str:
    parts = ["csto", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module(path): path for path in PACKAGE.rglob("*.py")
            if "migrations" not in path.parts}


def _imported(name: str, path: Path, node: ast.ImportFrom | ast.Import,
              known: dict[str, Path]) -> set[str]:
    """The project modules an import statement names (a name from a package that is a
    module of its own counts as that module)."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            origin = ".".join([*base, *([node.module] if node.module else [])])
        else:
            origin = node.module or ""
        targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin
                   for alias in node.names]
    found = set()
    for dotted in targets:
        target = dotted
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target.startswith("csto") and target != name:
            found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports, wherever the import stands."""
    known = _modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges[name] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges[name] |= _imported(name, path, node, known)
    return edges


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_package_has_a_layer() -> None:
    assert {_layer(m) for m in graph()} <= set(RANK) | {"data"}


def test_imports_point_down() -> None:
    upward = []
    for module, targets in graph().items():
        for target in targets:
            here, there = _layer(module), _layer(target)
            if here != there and (RANK[there] > RANK[here] or RANK[there] == RANK[here]):
                upward.append(f"{module} -> {target}")
    assert sorted(upward) == []


def test_no_circles() -> None:
    edges = graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                circles.append([*stack[stack.index(target):], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    assert circles == []


def test_each_package_says_what_it_holds_and_may_import() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.parent.name}/__init__.py has no docstring"
        assert "import" in doc, f"{init.parent.name}/__init__.py does not say what it may import"


def test_few_modules_at_the_top() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 10
