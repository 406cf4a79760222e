"""The architecture, checked: layers point one way, packages meet only at their faces, no loops.

See docs/architecture.md. A module may import from its own package freely, and from a lower layer
only through that layer's package (``from ..tables import read_sheet``, never
``from ..tables._sheet import read_sheet``); nothing inside imports the package face
(``superplan``), and no chain of imports, at module level or inside a function, comes back to
where it started.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "superplan"

#: Each part of superplan and its layer: an import may only point to the same or a lower layer.
#: Parts on one layer do not import each other.
LAYERS: dict[str, int] = {
    "_version": 0,
    "_wording": 0,
    "_lazy": 0,
    "_kept": 0,
    "_finder": 0,
    "errors": 1,
    "model": 2,
    "_json": 3,
    "_files": 4,
    "convert": 5,
    "_schema": 6,
    "catalogue": 7,
    "validation": 8,
    "tables": 9,
    "progress": 10,
    "importers": 10,
    "render": 11,
    "testing": 12,
    "web": 13,
    "cli": 14,  # `superplan serve` runs the web checker: the command line is the outermost part
    "__init__": 15,
}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("superplan", *parts)).removesuffix(".__init__")
        yield name, path


def _imports(name: str, path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``name`` imports (absolute names), with the line, wherever the import is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("superplan"):
                continue
            for alias in node.names:
                # `from . import x` and `from .pkg import sub` name a module, not an attribute.
                candidate = f"{target}.{alias.name}"
                yield (candidate if _is_module(candidate) else target), node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("superplan"):
                    yield alias.name, node.lineno


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (
        PACKAGE / relative / "__init__.py"
    ).is_file()


def _part(name: str) -> str:
    """The layer part a module belongs to: its top package, or the top module itself."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES = dict(_modules())


def test_every_part_of_the_package_has_a_layer():
    unplaced = sorted({_part(name) for name in MODULES} - set(LAYERS))
    assert not unplaced, f"give these a layer in LAYERS (and docs/architecture.md): {unplaced}"


def _violations(name: str, path: Path) -> list[str]:
    here = _part(name)
    wrong = []
    for target, line in _imports(name, path):
        there = _part(target)
        if target == "superplan" and here != "__init__":
            wrong.append(f"line {line}: imports the package face `superplan`")
        elif there != here and LAYERS[there] >= LAYERS[here]:
            wrong.append(
                f"line {line}: {here} (layer {LAYERS[here]}) imports {target} "
                f"(layer {LAYERS[there]}), which is not below it"
            )
        elif there != here and target.count(".") > 1:
            wrong.append(
                f"line {line}: imports {target}, a private part of {there}; import "
                f"from `superplan.{there}` instead"
            )
    return wrong


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down_and_through_package_faces(name):
    wrong = _violations(name, MODULES[name])
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


def test_no_import_loops():
    graph = {
        name: {t for t, _ in _imports(name, path) if t in MODULES} for name, path in MODULES.items()
    }
    # A package's face importing its own modules, which import each other, is the usual shape;
    # a loop is a chain of modules that comes back to its start.
    state: dict[str, int] = {}
    loops: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                loops.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not loops, "import loops:\n" + "\n".join(" -> ".join(loop) for loop in loops)


def test_the_checks_can_fail(tmp_path):
    bad = tmp_path / "_bad.py"
    bad.write_text(
        "from ..cli import main\n"  # up a layer
        "def later():\n"
        "    from ..tables._sheet import Sheet\n"  # into a private part, inside a function
        "from .. import __version__\n"  # the package face
        "from ._env import environment\n",  # its own package: fine
        encoding="utf-8",
    )
    wrong = _violations("superplan.render._bad", bad)
    assert len(wrong) == 3
    said = "\n".join(wrong)
    assert "line 1: render (layer 11) imports superplan.cli (layer 14)" in said
    assert "line 3: imports superplan.tables._sheet, a private part of tables" in said
    assert "line 4: imports the package face" in said
