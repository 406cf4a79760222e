"""Cells a workbook holds exactly, or refuses to: see :mod:`superplan._xlsx`, the one XLSX
writer, which this module names for the table code."""

from .._xlsx import CELL_LIMIT, SheetWriter, new_workbook, save_workbook, workbook_cell

__all__ = ["CELL_LIMIT", "SheetWriter", "new_workbook", "save_workbook", "workbook_cell"]
