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

from ._main import main

__all__ = ["main"]
