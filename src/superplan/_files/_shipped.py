"""Where the files that travel with superplan are: its JSON Schemas and its Markdown docs.

An installed wheel holds them inside the package (``superplan/schemas``, ``superplan/docs``); a
checkout (an editable install) has them at the top of the repository.
"""

from pathlib import Path

__all__ = ["docs_folder", "schema_file", "schemas_folder"]

_PACKAGE = Path(__file__).resolve().parent.parent  # superplan/


def _folder(name: str, marker: str) -> Path | None:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if (candidate / marker).is_file():
            return candidate
    return None


def schemas_folder() -> Path | None:
    """The folder of published schemas, or None if this installation has none."""
    return _folder("schemas", "action-plan.schema.json")


def docs_folder() -> Path | None:
    """The folder of Markdown documentation, or None if this installation has none."""
    return _folder("docs", "rules.md")


def schema_file(name: str) -> Path | None:
    """The published schema ``name`` as a file, or None."""
    folder = schemas_folder()
    path = None if folder is None else folder / f"{name}.schema.json"
    return path if path is not None and path.is_file() else None
