"""`superplan/__init__.py` lists each public name three times (the lazy-import table, `__all__`, and
the imports type checkers read); this keeps the three in step."""

import ast
import warnings
from pathlib import Path

import superplan as sp

FACE = Path(sp.__file__)


def _type_checking_imports() -> dict[str, str]:
    """Each name the ``if TYPE_CHECKING:`` block imports, and the module it names (``.model``)."""
    tree = ast.parse(FACE.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    found: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            found[alias.asname or alias.name] = "." * node.level + (node.module or "")
    return found


def test_all_is_the_export_table():
    assert sorted(sp.__all__) == sorted(sp._EXPORTS)  # type: ignore[attr-defined]
    assert len(sp.__all__) == len(set(sp.__all__))


def test_type_checkers_see_each_name_from_the_module_it_is_loaded_from():
    exports = dict(sp._EXPORTS)  # type: ignore[attr-defined]
    seen = _type_checking_imports()
    seen.pop("catalogue")  # bound eagerly (see __init__): it shares its name with its package
    exports.pop("catalogue", None)
    assert seen == exports


def test_every_public_name_resolves_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in sp.__all__:
            assert getattr(sp, name) is not None, name
