"""Finding the files a command was pointed at: folders expanded, ``-`` for standard input, and
paths named as folders kept apart from a file's own name.
"""

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

STDIN = "-"
"""The path that means standard input."""


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], pattern: str = "*.json"
) -> "Iterator[Path | GivenPath]":
    """Each path as given; each folder as the files below it matching ``pattern``, sorted.

    A path that does not exist is passed on, so that reading it reports the problem; so is a
    sub-folder that cannot be listed (reading it says why), so that nothing is skipped unsaid.
    Entries that are not folders are all kept, FIFOs and links to devices too: reading them
    is safe (see :func:`read_limited`). A name that says it is a folder's (see
    :func:`names_folder`) but is not is passed on as given, so that reading it says so.
    """
    for raw in paths:
        path = Path(raw)
        if names_folder(os.fspath(raw)) and not path.is_dir():
            yield GivenPath(os.fspath(raw))
            continue
        if os.fspath(raw) != STDIN and os.fspath(path) == STDIN:
            path = Path(os.path.abspath(raw))  # "./-" is the file named "-", not standard input
        if os.fspath(raw) != STDIN and path.is_dir():
            found: list[Path] = []
            unlistable: list[Path] = []

            def note(error: OSError) -> None:
                unlistable.append(Path(error.filename))  # noqa: B023 - used at once

            for folder, folders, names in os.walk(path, onerror=note):
                folders.sort()
                found.extend(
                    Path(folder, name) for name in names if fnmatch.fnmatchcase(name, pattern)
                )
            yield from sorted([*found, *unlistable])
        else:
            yield path


def names_folder(name: str) -> bool:
    """Whether a path's text says it names a folder: it ends in a separator, or in ``/.``.
    (``pathlib`` drops both, so ``Path("plan.json/")`` would name the file.)"""
    return os.path.basename(name) in ("", ".")


class GivenPath(os.PathLike[str]):
    """A path kept as the text given, where ``Path`` would drop what says it is a folder's;
    opening it then fails as the operating system says, rather than open the file."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __fspath__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"GivenPath({self.text!r})"


def path_problem(name: str) -> str | None:
    """What is wrong with a path as text (a NUL byte, bytes that are not UTF-8), or None."""
    if "\0" in name:
        return "the path holds a NUL byte"
    if any(0xDC80 <= ord(char) <= 0xDCFF for char in name if not char.isascii()):
        return "the path is not UTF-8 text; rename the file"
    return None
