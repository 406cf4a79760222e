"""The one XLSX writer: every workbook superplan writes (``export``, ``template``) goes through it.

A workbook holds each cell exactly, or the write is refused; never a cut cell, never a broken file:

- Text longer than a cell holds (32,767 characters, Excel's limit, which other readers enforce by
  cutting) is refused with the sheet, row and column (a :class:`LoadError` of kind
  ``cell-too-long``, naming the file when there is one; the command line exits 2), not cut while
  the command says it wrote the file.
- Characters XML 1.0 cannot hold (C0 controls but tab and LF, CR, U+FFFE, U+FFFF, surrogates)
  are written as OOXML's ``_xHHHH_`` escape, and a literal ``_x`` as ``_x005F_x``, which the
  sheet reader undoes: the text comes back exactly, control characters and ``_x0041_`` alike.
- Every text cell is text (``data_type "s"``): never a formula, whatever it starts with.
- Rows are counted as they are appended, so writing is linear in the rows (openpyxl's
  ``max_row`` walks every cell each time it is asked).
"""

import io
import re
from collections.abc import Sequence
from typing import Any

from ..errors import LoadError, Problem

__all__ = ["CELL_LIMIT", "SheetWriter", "new_workbook", "save_workbook", "workbook_cell"]

CELL_LIMIT = 32_767
"""The most characters a spreadsheet cell holds."""

# CR too: XML reads a raw CR as LF.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def workbook_cell(value: Any) -> Any:
    """A value as a workbook cell holds it: text escaped losslessly, "" as an empty cell."""
    if value == "":
        return None
    if not isinstance(value, str):
        return value
    escaped = value.replace("_x", "_x005F_x")
    return _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", escaped)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def new_workbook() -> Any:
    """An empty openpyxl workbook (its one sheet removed): add sheets with :class:`SheetWriter`."""
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    return book


def save_workbook(book: Any) -> bytes:
    """The workbook's bytes."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class SheetWriter:
    """One worksheet, written row by row through :meth:`append`."""

    def __init__(
        self,
        book: Any,
        title: str,
        headings: Sequence[str] = (),
        *,
        source: str | None = None,
        wrap: bool = True,
    ) -> None:
        from openpyxl.styles import Alignment, Font

        self.sheet = book.create_sheet(title)
        self.title = title
        self.headings = tuple(headings)
        self.source = source
        self.rows = 0
        """The rows written so far (the last row's number)."""
        self._wrap = Alignment(wrap_text=True, vertical="top") if wrap else None
        if self.headings:
            self.append(self.headings)
            bold = Font(bold=True)
            for cell in self.sheet[1]:
                cell.font = bold

    def append(self, values: Sequence[Any]) -> int:
        """Write the next row; returns its number. A text too long for a cell is a
        :class:`LoadError` (kind ``cell-too-long``) naming the sheet, row and column."""
        row = self.rows + 1
        cells = [workbook_cell(value) for value in values]
        for column, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > CELL_LIMIT:
                raise self._too_long(row, column, len(cell))
        self.sheet.append(cells)
        self.rows = row
        for column, cell in enumerate(cells, start=1):
            if isinstance(cell, str):
                written = self.sheet.cell(row=row, column=column)
                written.data_type = "s"  # never a formula, whatever the text starts with
                if self._wrap is not None:
                    written.alignment = self._wrap
        return row

    def _too_long(self, row: int, column: int, length: int) -> LoadError:
        heading = self.headings[column] if column < len(self.headings) else ""
        where = f'sheet "{self.title}", row {row}, column {_letter(column)}'
        where += f' "{heading}"' if heading else ""
        message = (
            f"{where}: the text is {length} characters (as a workbook holds it), more than the "
            f"{CELL_LIMIT} a spreadsheet cell holds; nothing was written (shorten it, or write "
            "CSV, which holds it whole)"
        )
        return LoadError([Problem(pointer="", message=message, kind="cell-too-long")], self.source)
