"""``[tool.superplan]`` in ``pyproject.toml``: the settings a project gives ``superplan validate``
once, as ruff and validate-pyproject read theirs.

```toml
[tool.superplan]
select = ["SP0", "SP1", "SP2"]   # codes (or their beginnings) to report; default all
ignore = ["SP215"]               # codes (or beginnings) never to report
strict = true                    # warnings fail too
show-all = false                 # every finding of a rule that fires for many recommendations
docs-url = "https://example.org/superplan/"   # where a finding's docs link points
```

The nearest ``pyproject.toml`` at or above the working folder is read (up to the top of a git
repository). Options on the command line win: ``--select`` replaces ``select``; ``--ignore``
adds to ``ignore``.
"""

import os
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem

__all__ = ["KEYS", "find_settings"]

#: Each key, and the type its value must have.
KEYS: dict[str, type] = {
    "select": list,
    "ignore": list,
    "strict": bool,
    "show-all": bool,
    "docs-url": str,
}


def _pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def find_settings(start: str | os.PathLike[str] | None = None) -> tuple[dict[str, Any], str | None]:
    """The ``[tool.superplan]`` settings of the nearest ``pyproject.toml`` (and its path), or
    ``({}, None)``. Raises :class:`~superplan.LoadError` naming the file and key for a key
    superplan does not know or a value of the wrong type."""
    path = _pyproject(Path(start or os.getcwd()).resolve())
    if path is None:
        return {}, None
    import tomllib  # here: most runs find no pyproject.toml, and start faster without it

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LoadError(
            [Problem(pointer="", message=f"cannot read it: {error}", kind="unreadable")],
            source=str(path),
        ) from None
    settings = data.get("tool", {}).get("superplan", {})
    if not isinstance(settings, dict):
        settings = {"": settings}
    problems = []
    for key, value in settings.items():
        expected = KEYS.get(key)
        if expected is None:
            problems.append(
                Problem(
                    pointer=f"/tool/superplan/{key}",
                    message=f"[tool.superplan] has no setting {key!r}; it has: " + ", ".join(KEYS),
                    kind="unknown-key",
                )
            )
        elif not isinstance(value, expected) or (
            isinstance(value, list) and not all(isinstance(item, str) for item in value)
        ):
            what = {list: "a list of codes", bool: "true or false", str: "text"}[expected]
            problems.append(
                Problem(
                    pointer=f"/tool/superplan/{key}",
                    message=f"[tool.superplan] {key} must be {what}",
                    kind="wrong-type",
                )
            )
    if problems:
        raise LoadError(problems, source=str(path))
    return settings, str(path)
