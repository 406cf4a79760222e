"""A table file as read: its sheet, header and rows, each cell with its spreadsheet address.

CSV files are sniffed: the encoding (UTF-8 with or without a byte-order mark, else Windows-1252,
which is said in the notes) and the delimiter (comma, semicolon or tab, whichever splits the
header and the first rows most consistently). XLSX files are read without trusting the sheet's
``<dimension>`` record, which some writers get wrong. A JSON file is recognised and refused
with a pointer to the right command.

Whatever fits under the file size limit is read under further limits, so that a small file
cannot unpack into a huge table (a "bomb"): :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns,
:data:`MAX_CELLS` cells, and for XLSX :data:`MAX_INFLATED` bytes once unzipped (shared strings
included) in at most :data:`MAX_MEMBERS` parts. Past a limit, reading stops and the file is
refused as too large (exit 2), naming the limit.
"""

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from .._files import decode_text, read_limited
from ..errors import LoadError, Problem
from ._cells import unescape_cell

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_INFLATED",
    "MAX_MEMBERS",
    "MAX_ROWS",
    "Record",
    "Sheet",
    "column_letter",
    "read_sheet",
]

MAX_ROWS = 100_000
"""The most rows a table may have (blank rows included): a plan has hundreds."""
MAX_COLUMNS = 1_000
"""The most columns a row may have."""
MAX_CELLS = 2_000_000
"""The most cells a table may have, all rows together."""
MAX_INFLATED = 32 * 1024 * 1024
"""The most bytes an XLSX file's parts may hold once unzipped, all together."""
MAX_MEMBERS = 10_000
"""The most parts an XLSX file (a zip archive) may hold."""

_DELIMITERS = (",", ";", "\t")
_INSTRUCTIONS_SHEET = "Instructions"  # what `superplan template` writes beside the table
_XLSX_ESCAPE = re.compile(r"_x([0-9A-F]{4})_")


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@frozen(kw_only=True)
class Record:
    row: int
    """The spreadsheet row number (the header is row 1 of the table)."""
    cells: tuple[str, ...]

    def get(self, column: int) -> str:
        return self.cells[column] if column < len(self.cells) else ""


@frozen(kw_only=True)
class Sheet:
    source: str
    sheet: str | None
    """The worksheet's name, for XLSX."""
    header: tuple[str, ...]
    records: tuple[Record, ...]
    delimiter: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()

    def where(self, row: int, column: int) -> str:
        """``sheet "Plan", row 7, column C "Due date"`` (without the sheet for CSV)."""
        heading = self.header[column] if column < len(self.header) else ""
        place = f'row {row}, column {column_letter(column)} "{heading}"'
        return f'sheet "{self.sheet}", {place}' if self.sheet is not None else place

    def as_dicts(self) -> list[dict[str, str]]:
        return [
            {heading: record.get(i) for i, heading in enumerate(self.header) if heading}
            for record in self.records
        ]


def _problem(message: str, kind: str) -> Problem:
    return Problem(pointer="", message=message, kind=kind)


def read_sheet(path: str | os.PathLike[str], *, data: bytes | None = None) -> Sheet:
    """Read a CSV or XLSX file (the first worksheet); or ``data``, its bytes already read (an
    upload), under the name ``path``."""
    name = os.fspath(path)
    # Under the size limit; FIFOs and devices are safe.
    raw = read_limited(path) if data is None else data
    if Path(name).suffix.lower() == ".xlsx" or raw[:2] == b"PK":
        return _read_xlsx(raw, name)
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        raise LoadError(
            [
                _problem(
                    "this is JSON, not a table; a plan in JSON needs no import "
                    "(use `superplan validate` on it)",
                    "json-not-table",
                )
            ],
            source=name,
        )
    notes: list[str] = []
    text, legacy = decode_text(raw, name)
    if legacy:
        encoding = "cp1252"
        notes.append("the file is not UTF-8; it was read as Windows-1252 (check accented letters)")
    else:
        encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    delimiter = _sniff(text)
    # A cell may be as long as the file (the csv module's own limit is 131,072 characters,
    # shorter than cells superplan's export writes).
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        table = _bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), name)
        first = next(table, None)
        if first is None or not any(cell.strip() for cell in first):
            raise LoadError([_problem("the table is empty", "empty")], source=name)
        header = tuple(h.strip() for h in first)
        records = tuple(
            Record(row=number, cells=tuple(unescape_cell(cell) for cell in row))
            for number, row in enumerate(table, start=2)
            if any(cell.strip() for cell in row)
        )
    except csv.Error as error:
        raise LoadError(
            [_problem(f"not a readable CSV table ({error})", "unreadable")], source=name
        ) from None
    return Sheet(
        source=name,
        sheet=None,
        header=header,
        records=records,
        delimiter=delimiter,
        encoding=encoding,
        notes=tuple(notes),
    )


def too_big(name: str, what: str, limit: int) -> LoadError:
    """A table refused for passing one of the limits (exit 2, as a file too large is)."""
    message = (
        f"the table has more than {limit:,} {what}, more than superplan reads; nothing was "
        "imported (split the table, or remove the empty rows and columns)"
    )
    return LoadError([_problem(message, "too-large")], source=name)


def _bounded(rows: Iterable[Any], name: str) -> "Iterator[Any]":
    """The rows, refused (:class:`LoadError`) as soon as one of the limits is passed."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise too_big(name, "rows", MAX_ROWS)
        if len(row) > MAX_COLUMNS:
            raise too_big(name, "columns", MAX_COLUMNS)
        cells += len(row)
        if cells > MAX_CELLS:
            raise too_big(name, "cells", MAX_CELLS)
        yield row


def _check_zip(raw: bytes, name: str) -> None:
    """An XLSX file's parts, by the sizes the archive declares (which the unzipping holds them
    to): not too many, and not too large once unzipped."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise LoadError(
            [_problem(f"not a readable XLSX workbook ({type(error).__name__})", "unreadable-xlsx")],
            source=name,
        ) from None
    if len(members) > MAX_MEMBERS:
        raise too_big(name, "parts in the workbook", MAX_MEMBERS)
    if sum(member.file_size for member in members) > MAX_INFLATED:
        message = (
            f"the workbook unzips to more than {MAX_INFLATED:,} bytes, more than superplan "
            "reads; nothing was imported (save it as CSV, or remove what it need not hold)"
        )
        raise LoadError([_problem(message, "too-large")], source=name)


def _sniff(text: str) -> str:
    """The delimiter that gives the header several columns and the same count on the next rows."""
    sample = text[:20000]
    best, best_score = ",", -1.0
    for delimiter in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))[:20]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        rest = rows[1:-1] if len(rows) > 2 else rows[1:]  # the sample may cut the last row
        same = sum(1 for row in rest if len(row) == width) / max(len(rest), 1)
        score = same * 10 + min(width, 10) / 10
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_xlsx(raw: bytes, name: str) -> Sheet:
    from openpyxl import load_workbook

    _check_zip(raw, name)
    try:
        # Values as last computed, and (read again) the formulas: a formula never computed
        # (a file written by a program, not saved by a spreadsheet) has no value to read.
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        # Some writers understate the sheet's size in <dimension>; read every row there is.
        sheet.reset_dimensions()
        rows = [list(row) for row in _bounded(sheet.iter_rows(values_only=True), name)]
        title = sheet.title
        others = [
            other.title
            for other in book.worksheets[1:]
            if other.title != _INSTRUCTIONS_SHEET and _has_values(other, name)
        ]
        book.close()
        formulas = load_workbook(io.BytesIO(raw), read_only=True, data_only=False).worksheets[0]
        formulas.reset_dimensions()
        uncomputed = [
            (number, index)
            for number, row in enumerate(
                _bounded(formulas.iter_rows(values_only=True), name), start=1
            )
            for index, value in enumerate(row)
            if isinstance(value, str)
            and value.startswith("=")
            and (
                len(rows) < number
                or len(rows[number - 1]) <= index
                or rows[number - 1][index] is None
            )
        ]
    except LoadError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise LoadError(
            [_problem(f"not a readable XLSX workbook ({type(error).__name__})", "unreadable-xlsx")],
            source=name,
        ) from None
    if not rows or not any(v is not None and str(v).strip() for v in rows[0]):
        raise LoadError([_problem("the workbook's first sheet is empty", "empty")], source=name)
    header = tuple("" if h is None else str(h).strip() for h in rows[0])
    if uncomputed:
        raise LoadError(
            [
                _problem(
                    f'sheet "{title}", row {number}, column {column_letter(index)}: this cell '
                    "holds a formula with no computed value; open the workbook in a spreadsheet "
                    "and save it, or type the value",
                    "uncomputed-formula",
                )
                for number, index in uncomputed
            ],
            source=name,
        )
    records = tuple(
        Record(row=number, cells=tuple(_xlsx_text(value) for value in row))
        for number, row in enumerate(rows[1:], start=2)
        if any(value is not None and str(value).strip() for value in row)
    )
    notes = tuple(
        f'the workbook\'s sheet "{other}" was not read: only the first sheet, "{title}", is'
        for other in others
    )
    return Sheet(source=name, sheet=title, header=header, records=records, notes=notes)


def _has_values(sheet: Any, name: str) -> bool:
    sheet.reset_dimensions()
    return any(
        value is not None and str(value).strip()
        for row in _bounded(sheet.iter_rows(values_only=True), name)
        for value in row
    )


def _xlsx_text(value: Any) -> str:
    """A cell's value as the text a person sees in it: numbers without a spurious ".0", a
    date as YYYY-MM-DD and a date with a time of day in full, true and false as a spreadsheet
    shows them, and OOXML escapes (_x000B_) as the characters they stand for."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        at_midnight = value.time() == dt.time(0)
        return value.date().isoformat() if at_midnight else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(value))
