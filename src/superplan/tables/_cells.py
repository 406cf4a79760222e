"""Text in cells a spreadsheet opens: never run as a formula, never split across rows."""

import csv
import io
import re
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = [
    "FORMULA_START",
    "SEPARATORS",
    "csv_writer",
    "escape_cell",
    "neutralise",
    "unescape_cell",
]

FORMULA_START = (
    *("=", "+", "-", "@", "\t", "\r", "\n"),
    # Full-width look-alikes, which some spreadsheets read as the ASCII signs.
    *("\uff1d", "\uff0b", "\uff0d", "\uff20"),
)
"""Spreadsheets run a cell that starts with one of these as a formula (a leading tab, CR or LF
is skipped before ``=``, ``+``, ``-`` or ``@``)."""


class _CsvWriter:
    def __init__(self, out: TextIO, newline: str) -> None:
        self._out = out
        self._newline = newline
        self._buffer = io.StringIO()
        # Python's csv module quotes a cell only for the characters of its own line terminator:
        # with CR LF it quotes a cell holding either, whatever ends the rows written out.
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(row)
        self._out.write(self._buffer.getvalue()[:-2] + self._newline)


def csv_writer(out: TextIO, *, newline: str = "\r\n") -> _CsvWriter:
    """A CSV writer whose rows end with ``newline`` and which quotes every cell holding a CR or
    an LF, so that no spreadsheet starts a new row inside a cell. For every CSV superplan writes."""
    return _CsvWriter(out, newline)


SEPARATORS = (",", ";", "\t")
"""Characters a spreadsheet may split a CSV line on (the comma, the semicolon of locales whose
decimal mark is a comma, the tab): what follows one starts a cell for such a reader."""

_CLASS = "".join(re.escape(start) for start in FORMULA_START)
_BOUNDARY = "(?:^|(?<=[" + "".join(re.escape(s) for s in SEPARATORS) + "]))"
_DANGER = re.compile(_BOUNDARY + "(?=[" + _CLASS + "])")
_DANGER_OR_QUOTE = re.compile(_BOUNDARY + "(?=[" + _CLASS + "'])")
_ESCAPED = re.compile(_BOUNDARY + "'(?=[" + _CLASS + "'])")


def neutralise(value: str) -> str:
    """Text a spreadsheet shows as text: a ``=``, ``+``, ``-``, ``@``, tab or return at the
    start, or after a separator a reader may split on (:data:`SEPARATORS`), is prefixed with an
    apostrophe, so that no formula runs. One way: for reports."""
    return _DANGER.sub("'", value)


def escape_cell(value: str) -> str:
    """Like :func:`neutralise`, and reversible: an apostrophe already in such a place is doubled,
    so that :func:`unescape_cell` gives back exactly the text. For tables that are read back."""
    return _DANGER_OR_QUOTE.sub("'", value)


def unescape_cell(value: str) -> str:
    """The text :func:`escape_cell` was given."""
    return _ESCAPED.sub("", value)
