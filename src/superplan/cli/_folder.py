"""The plan files a command was given, each read and checked on its own."""

import argparse
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._base import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    IO_CODES,
    OUT_OF_MEMORY,
    catalogue_of,
    complain,
    internal_error,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from ..validation import ValidationReport


class FolderRun:
    """The plan files a command was given, each checked on its own: a file that cannot be read,
    or that trips a bug, is reported with its path and the others still go through."""

    def __init__(self, paths: Sequence[str]) -> None:
        from .._files import STDIN, GivenPath, expand_paths

        self.given = paths
        self.paths: list[Path | GivenPath] = []
        self.bugs = 0
        self.unreadable = 0
        seen: set[str] = set()
        for path in expand_paths(paths):
            # A file given twice (or found twice) is read once: a roll-up would count it twice.
            name = os.fspath(path)
            # realpath would take "plan.json/" for "plan.json": such a name is its own key.
            key = name if name == STDIN or isinstance(path, GivenPath) else os.path.realpath(name)
            if key in seen:
                complain(f"{path}: given more than once; read once")
                continue
            seen.add(key)
            self.paths.append(path)

    def reports(
        self, args: argparse.Namespace, doing: str, things: str, responder: str | None = None
    ) -> "Iterator[ValidationReport]":
        from ..validation import validate
        from ._meter import metered

        cat = catalogue_of(args)
        if responder is not None:
            cat.responder(responder)  # unknown: a usage error (exit 2), nothing read
        for path in metered(self.paths, doing, things, enabled=not args.no_progress):
            try:
                report = validate(
                    path, catalogue=cat, max_bytes=args.max_bytes, responder=responder
                )
            except MemoryError:
                self.unreadable += 1
                complain(f"{path}: {OUT_OF_MEMORY}")
                continue
            except Exception as error:
                self.bugs += 1
                internal_error(error, about=f"{path}: ")
                continue
            if IO_CODES.intersection(report.codes):
                self.unreadable += 1
            yield report

    def nothing_found(self) -> bool:
        if self.paths:
            return False
        complain("no .json files found in " + " ".join(self.given))
        return True

    def exit_code(self, *, problems: bool) -> int:
        """3 if a file tripped a bug, 2 if one could not be read, 1 for findings, else 0."""
        if self.bugs:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_PROBLEMS if problems else EXIT_OK
