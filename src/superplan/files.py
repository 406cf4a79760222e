"""Finding the files a command was pointed at."""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["expand_paths"]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Each path as given; each folder as the ``*.json`` files below it, in sorted order.

    A path that does not exist is passed on, so that reading it reports the problem.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path
