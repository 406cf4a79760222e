"""Bringing in what forces already published: tables (CSV, XLSX) and web pages."""

from ._page import (
    Disposition,
    ImportReport,
    ImportResult,
    Line,
    import_page,
    import_page_file,
    page_lines,
)
from ._table import (
    COLUMNS,
    ColumnMapping,
    export_table,
    import_table,
    plan_to_rows,
    read_table,
    rows_to_plan,
    table_to_plan,
)
from ._table_import import TableError, TableImport
from ._vocabulary import Vocabulary, vocabulary

__all__ = [
    "COLUMNS",
    "ColumnMapping",
    "Disposition",
    "ImportReport",
    "ImportResult",
    "Line",
    "TableError",
    "TableImport",
    "Vocabulary",
    "export_table",
    "import_page",
    "import_page_file",
    "import_table",
    "page_lines",
    "plan_to_rows",
    "read_table",
    "rows_to_plan",
    "table_to_plan",
    "vocabulary",
]
