"""Cells a workbook holds exactly, or refuses to: never a truncated cell, never a broken file.

- Text longer than a cell holds (32,767 characters, Excel's limit, which other readers enforce by
  cutting) is refused with the cell's address, not cut while the command says it wrote the file.
- Characters XML 1.0 cannot hold (C0 controls but tab and LF, CR, U+FFFE, U+FFFF, surrogates)
  are written as OOXML's ``_xHHHH_`` escape, and a literal ``_x`` as ``_x005F_x``, which the
  sheet reader undoes: the text comes back exactly.
"""

import re
from collections.abc import Sequence
from typing import Any

from ..errors import LoadError, Problem
from ._sheet import column_letter

__all__ = ["CELL_LIMIT", "workbook_cell", "workbook_row"]

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


def workbook_row(
    values: Sequence[Any], *, row: int, headings: Sequence[str], sheet: str
) -> list[Any]:
    """The cells of spreadsheet row ``row``; a text too long for a cell is a :class:`LoadError`
    naming the sheet, row and column."""
    cells = [workbook_cell(value) for value in values]
    for column, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > CELL_LIMIT:
            where = (
                f'sheet "{sheet}", row {row}, column {column_letter(column)} "{headings[column]}"'
            )
            message = (
                f"{where}: the text is {len(cell)} characters, more than the {CELL_LIMIT} a "
                "spreadsheet cell holds; nothing was written (shorten it, or export as CSV)"
            )
            raise LoadError([Problem(pointer="", message=message, kind="cell-too-long")])
    return cells
