"""Bringing in what forces already published: tables (CSV, XLSX) and web pages."""

import warnings
from typing import Any

from ._batch import (
    BatchRow as BatchRow,
    count_captured as count_captured,
    guess_responder as guess_responder,
    import_pages as import_pages,
    page_sources as page_sources,
    summary_table as summary_table,
)
from ._fetch import (
    Fetched as Fetched,
    fetch_page as fetch_page,
    import_page_url as import_page_url,
    is_url as is_url,
)
from ._mapped_table import ColumnMapping
from ._own_table import rows_to_plan
from ._page import (
    Disposition,
    ImportReport,
    ImportResult,
    Line,
    import_page,
    import_page_file,
    page_lines,
)
from ._table import import_table, read_table, table_to_plan
from ._table_report import TableImport
from ._vocabulary import Vocabulary, vocabulary

__all__ = [
    "ColumnMapping",
    "Disposition",
    "ImportReport",
    "ImportResult",
    "Line",
    "TableImport",
    "Vocabulary",
    "import_page",
    "import_page_file",
    "import_table",
    "page_lines",
    "read_table",
    "rows_to_plan",
    "table_to_plan",
    "vocabulary",
]


#: Names that moved to :mod:`superplan.tables` (superplan's own table format is not an
#: import of what others published); kept here for one release.
_MOVED_TO_TABLES = frozenset({"COLUMNS", "export_table", "plan_to_rows"})


def __getattr__(name: str) -> Any:
    if name in _MOVED_TO_TABLES:
        from .. import tables

        warnings.warn(
            f"superplan.importers.{name} moved to superplan.tables.{name}; the old name goes "
            "in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
