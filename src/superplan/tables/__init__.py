"""superplan's own table format (CSV and XLSX), both ways, and the template a force fills in.

- :mod:`._columns`: the format, defined once (columns, records, fields);
- :mod:`._export`: a plan as the table (:func:`export_table`, :func:`plan_to_rows`);
- :mod:`._template`: a blank plan for one responder, with drop-down lists and instructions;
- :mod:`._sheet`: a CSV or XLSX file as read, each cell with its sheet, row and column;
- :mod:`._cells`: text a spreadsheet opens safely (never a formula), CSV written safely;
- :mod:`._workbook`: cells a workbook holds exactly, or refuses to.

Reading a table back into a plan (the own format, a mapped table, a table read by the meaning of
its headings) is :func:`superplan.importers.import_table`.
"""

# A name imported `as` itself is for superplan's own packages (the importers, the roll-up), not
# part of the public API (__all__).
from ._cells import (
    SEPARATORS as SEPARATORS,
    csv_writer as csv_writer,
    escape_cell as escape_cell,
    neutralise,
    unescape_cell as unescape_cell,
)
from ._columns import (
    COLUMN_OF as COLUMN_OF,
    COLUMNS,
    NOT_HELD as NOT_HELD,
    OWN_FIELDS as OWN_FIELDS,
    PLAN_HANDLED as PLAN_HANDLED,
    RECORD_COLUMNS as RECORD_COLUMNS,
    REFERENCE_COLUMNS as REFERENCE_COLUMNS,
    ref_cell as ref_cell,
    ref_text as ref_text,
    report_wording as report_wording,
)
from ._export import export_table, plan_to_rows
from ._rollup import ods_bytes as ods_bytes, xlsx_bytes as xlsx_bytes
from ._sheet import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_INFLATED,
    MAX_MEMBERS,
    MAX_ROWS,
    Record as Record,
    Sheet as Sheet,
    column_letter as column_letter,
    read_sheet as read_sheet,
)
from ._template import template_rows, write_template
from ._workbook import (
    CELL_LIMIT as CELL_LIMIT,
    SheetWriter as SheetWriter,
    new_workbook as new_workbook,
    save_workbook as save_workbook,
    workbook_cell as workbook_cell,
)

__all__ = [
    "COLUMNS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_INFLATED",
    "MAX_MEMBERS",
    "MAX_ROWS",
    "export_table",
    "neutralise",
    "plan_to_rows",
    "template_rows",
    "write_template",
]
