"""The ``superplan`` command line, one module per command group.

- :mod:`._main`: :func:`main`, the parser of the whole command line, exit codes for errors;
- :mod:`._base`: what every command shares (exit codes, common options, output for people);
- :mod:`._folder`: the plan files a command was given, each read and checked on its own;
- :mod:`._meter`: progress on long work, shown only to a person watching;
- one module per group, each with its parser, handlers and ``--help`` examples:
  :mod:`._catalogue` (catalogue, show), :mod:`._validate`, :mod:`._pages` (render, site),
  :mod:`._progress` (diff, summarise), :mod:`._import` (import page, import table),
  :mod:`._tables` (export, template), :mod:`._reference` (rules, docs, schema), :mod:`._serve`
  (serve: the web checker, whose logic is in :mod:`superplan.web`).
"""

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see :mod:`._main`). ``--version`` is
    answered here, before the parser (or anything else) is imported; like ``--help``, it exits
    (``SystemExit(0)``) rather than return."""
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:
        from .._version import __version__

        sys.stdout.write(f"superplan {__version__}\n")
        raise SystemExit(0)  # as argparse's --version (and --help) always have
    from ._main import main as run

    return run(words)
