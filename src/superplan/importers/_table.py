"""``import table``: a CSV or XLSX file into a plan, and how it was read.

Three routes: superplan's own table (a ``Record`` column) comes back exactly
(:mod:`._own_checks`, :mod:`._own_table`); a table in another shape is read through a column
mapping (:mod:`._mapped_table`) or by the meaning of its headings (:mod:`._mapped_checks`). Every
cell error names its sheet, row and column (:mod:`._table_report`).
"""

import os

from ..catalogue import Catalogue, given_or_shipped
from ..errors import LoadError, Problem, TableError
from ..model import ActionPlan
from ..tables import Sheet, column_letter, read_sheet
from ._mapped_checks import check_mapped_cells, mapped_by_meaning
from ._mapped_table import ColumnMapping, _mapped_rows
from ._own_checks import check_own_cells
from ._own_table import ResponderConflict, placed_rows_to_plan
from ._table_report import (
    TableImport,
    in_sheet_terms,
)
from ._vocabulary import Vocabulary


def read_table(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as dicts of text, keyed by the header row."""
    return read_sheet(path).as_dicts()


def table_to_plan(
    path: str | os.PathLike[str],
    *,
    responder: str | None = None,
    mapping: ColumnMapping | None = None,
    catalogue: Catalogue | None = None,
) -> ActionPlan:
    """Read a plan from a CSV or XLSX table: superplan's own shape, or another through ``mapping``."""
    return import_table(path, responder=responder, mapping=mapping, catalogue=catalogue).plan


def import_table(
    path: str | os.PathLike[str],
    *,
    responder: str | None = None,
    mapping: ColumnMapping | None = None,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
    data: bytes | None = None,
) -> TableImport:
    """Read a plan from a CSV or XLSX table, and say how it was read. ``data``: the file's
    bytes, already read (an upload), named ``path`` in messages; nothing is read from disk.

    superplan's own table (with a ``Record`` column) comes back exactly; a table in another shape
    is read through ``mapping`` when given, else by the meaning of its column headings. Cell
    errors are raised as one :class:`LoadError` naming sheet, row and column of each.
    """
    cat = given_or_shipped(catalogue)
    if responder is not None:
        cat.responder(responder)  # an unknown responder is refused before anything is read
    sheet = read_sheet(path, data=data)
    if "Record" in sheet.header:
        return _own(sheet, os.fspath(path), responder, cat, vocab)
    if responder is None:
        raise LoadError(
            [
                Problem(
                    pointer="",
                    message="this table is not in superplan's own shape (no 'Record' column): "
                    "say whose plan it is with --responder, and it is read by its headings "
                    "(or through a column mapping, --mapping)",
                    kind="needs-responder",
                )
            ],
            source=os.fspath(path),
        )
    if mapping is None:
        return mapped_by_meaning(sheet, responder, catalogue=cat, vocab=vocab)
    return _mapped(sheet, os.fspath(path), responder, mapping, cat)


def _own(
    sheet: Sheet, name: str, responder: str | None, cat: Catalogue, vocab: Vocabulary | None
) -> TableImport:
    """superplan's own table (a ``Record`` column), back exactly."""
    rows = check_own_cells(sheet, cat, vocab)
    try:
        plan, origins = placed_rows_to_plan(
            rows, responder=responder, row_numbers=[r.row for r in sheet.records]
        )
    except LoadError as error:
        raise in_sheet_terms(error, sheet) from None
    except ResponderConflict as error:
        raise ResponderConflict(f"{name}: {error}") from None
    return TableImport(
        plan=plan,
        source=name,
        route="own",
        columns=(),
        unmapped=(),
        notes=sheet.notes,
        origins=origins,
        header=sheet.header,
        sheet=sheet.sheet,
    )


def _mapped(
    sheet: Sheet, name: str, responder: str, mapping: ColumnMapping, cat: Catalogue
) -> TableImport:
    """A table in another shape, read through the user's column mapping."""
    rows = check_mapped_cells(sheet, mapping.columns, cat)
    known = set(mapping.columns) | set(mapping.updates)
    unmapped = tuple(h for h in sheet.header if h and h not in known)
    rows_of: dict[str, int] = {}
    try:
        plan, notes = _mapped_rows(
            sheet, rows, mapping, responder, unmapped=unmapped, origins=rows_of
        )
    except TableError:
        raise
    except LoadError as error:
        raise error.with_source(name) from None
    columns = tuple(
        (
            column_letter(i),
            heading,
            mapping.columns.get(heading) or ("update" if heading in mapping.updates else ""),
            100.0,
        )
        for i, heading in enumerate(sheet.header)
    )
    return TableImport(
        plan=plan,
        source=name,
        route="mapping",
        columns=columns,
        unmapped=unmapped,
        notes=sheet.notes + notes,
        origins=rows_of,
        sheet=sheet.sheet,
    )
