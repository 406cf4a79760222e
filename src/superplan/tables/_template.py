"""A plan template a force can fill in: one row per recommendation addressed to it.

The workbook is superplan's own table shape (see :mod:`superplan.importers`), so that
``superplan import table`` reads the filled-in file back as a plan with no mapping. Beside the
columns the importer reads, it carries the catalogue's reference columns (``Title``, ``Deadline``
and the official ``Recommendation`` wording, or "not held" where the catalogue does not hold it),
which the importer passes over. Drop-down lists offer the allowed values, and an instructions
sheet says what goes where.
"""

import datetime as dt
import io
import os
from collections.abc import Sequence
from typing import Any

from .._files import write_output
from ..catalogue import Catalogue, given_or_shipped
from ..model import Acceptance, ActionStatus, Compliance, Recommendation
from ._cells import csv_writer, escape_cell
from ._columns import (
    INSTRUCTIONS_SHEET,
    NOT_HELD,
    REFERENCE_COLUMNS,
    TEMPLATE_COLUMNS,
    TEMPLATE_SHEET,
)
from ._workbook import SheetWriter, new_workbook, save_workbook

__all__ = ["template_rows", "write_template"]


_WIDTHS = {
    "Record": 10,
    "Rec No": 7,
    "Title": 32,
    "Deadline": 12,
    "Recommendation": 60,
    "Response": 60,
    "Action": 40,
    "Owner": 24,
    "Update note": 40,
    "Field": 12,
    "Value": 30,
}
_DEFAULT_WIDTH = 16
_DATE_FORMAT = "dd/mm/yyyy"
_DATE_COLUMNS = ("Deadline", "Due", "Update date")
#: Rows below the last recommendation that still get the drop-down lists, for added action rows.
_SPARE_ROWS = 400


def _label(value: str) -> str:
    """A value as the drop-down shows it: ``partly-accepted`` is "Partly accepted" (import
    reads the label back as the value)."""
    return value.replace("-", " ").capitalize()


_CHOICES = {
    "Record": ("plan", "response", "action", "evidence", "update"),
    "Acceptance": tuple(_label(v) for v in Acceptance),
    "Compliance": tuple(_label(v) for v in Compliance),
    "Response status": tuple(_label(v) for v in ActionStatus),
    "Status": tuple(_label(v) for v in ActionStatus),
    "Update status": tuple(_label(v) for v in ActionStatus),
}


def _wording(rec: Recommendation) -> str:
    return "\n\n".join(rec.wording.value) if rec.wording.value else NOT_HELD


def template_rows(responder: str, *, catalogue: Catalogue | None = None) -> list[dict[str, Any]]:
    """The template's rows (dicts keyed by :data:`TEMPLATE_COLUMNS`): the responder, then one
    ``response`` row per recommendation addressed to it. Raises ``UnknownAgency`` for a slug the
    catalogue does not know."""
    cat = given_or_shipped(catalogue)
    recommendations = cat.addressed_to(responder)
    rows: list[dict[str, Any]] = [{"Record": "plan", "Field": "responder", "Value": responder}]
    for rec in recommendations:
        deadline = cat.deadline(rec.number)
        rows.append(
            {
                "Record": "response",
                "Rec No": rec.number,
                "Title": rec.title,
                "Deadline": dt.date(deadline.year, deadline.month, deadline.day)
                if deadline is not None
                else NOT_HELD,
                "Recommendation": _wording(rec),
            }
        )
    return [{column: row.get(column, "") for column in TEMPLATE_COLUMNS} for row in rows]


def _instructions(responder_name: str, count: int, cat: Catalogue) -> list[str]:
    statuses = ", ".join(_CHOICES["Status"])
    milestones = "; ".join(
        f"{m.slug} ({m.title}, {m.stated_date.format('DD/MM/YYYY')})" for m in cat.milestones
    )
    return [
        f"Action plan template: {responder_name}",
        "",
        f"The sheet '{TEMPLATE_SHEET}' has one row for each of the {count} recommendations "
        "addressed to you. Fill in the white columns; the grey columns (Title, Deadline, "
        "Recommendation) are for reference and are not read back.",
        "Where the Recommendation column says 'not held', superplan does not hold the official "
        "wording: quote it from the report if you have it.",
        "A recommendation's row left with nothing filled in is reported as a response that "
        "states nothing (finding SP219).",
        "",
        "On each recommendation's row (Record = response):",
        "  Acceptance: " + ", ".join(_CHOICES["Acceptance"]) + ".",
        "  Compliance: your own assessment: " + ", ".join(_CHOICES["Compliance"]) + ".",
        f"  Response status: {statuses}. Leave it empty if you do not state one.",
        "  Your own words are read too (Action complete, Ongoing, BAU, We accept this "
        "recommendation) and kept as you wrote them beside what they mean.",
        "  Response: your response to the recommendation, in your own words.",
        "",
        "To add an action, add a row below the recommendation's row, below its last action, or "
        "at the end of the sheet, and fill in:",
        "  Record: action;  Rec No: the same number;  Action ID: a name unique in the plan, "
        "such as 7-1, 7-2;  Action: what you will do;",
        "  Owner: a role or team;  Due: a date (dd/mm/yyyy, such as 31/03/2025, or a month, "
        f"such as Mar-25) or a milestone: {milestones};",
        f"  Status: {statuses}.",
        "To add a progress update, add a row with Record: update, the Rec No (and the Action "
        "ID, for an action's update, below that action's row), an Update date, an Update "
        "status and an Update note.",
        "To say when the plan was published, add a row with Record: plan, Field: published, "
        "Value: the date (dd/mm/yyyy, such as 22/11/2024). Other plan fields: title, as_of "
        "(a date), source_url.",
        "",
        "Keep the sheet's name and its header row as they are. Empty rows are ignored.",
        "",
        "When it is filled in, turn it into a plan and check it:",
        "  superplan import table this-file.xlsx --out plan.json",
        "  superplan validate plan.json",
        "Any problem comes back naming the sheet, row and column.",
    ]


def write_template(
    responder: str,
    path: str | os.PathLike[str] | None,
    *,
    kind: str | None = None,
    catalogue: Catalogue | None = None,
    format: str | None = None,  # the command line's --format, by its name
) -> bytes:
    """Write the template for ``responder`` to ``path`` (``kind`` is ``xlsx`` or ``csv``; by
    default what ``path``'s extension says, else ``xlsx``; a contradiction is a
    ``ValueError``); returns the bytes written. The file is replaced whole or not at all. With
    ``path`` None, nothing is written: the bytes are only returned."""
    if format is not None and kind is not None and format != kind:
        raise ValueError(f"format={format!r} and kind={kind!r} disagree; give one")
    kind = kind or format  # ``format`` is ``kind`` by the command line's name for it
    suffix = os.path.splitext(os.fspath(path))[1].lower() if path is not None else ""
    named = {".xlsx": "xlsx", ".csv": "csv"}.get(suffix)
    if suffix in (".ods", ".xls", ".json") or (kind and named and kind != named):
        raise ValueError(f"{os.fspath(path or '')}: a template is written as .xlsx or .csv")
    kind = kind or named or "xlsx"
    cat = given_or_shipped(catalogue)
    rows = template_rows(responder, catalogue=cat)
    if kind == "xlsx":
        name = cat.responder(responder).name
        source = os.fspath(path) if path is not None else None
        data = _xlsx(rows, _instructions(name, len(rows) - 1, cat), source)
    elif kind == "csv":
        data = _csv(rows)
    else:
        raise ValueError(f"unknown template format {kind!r}; use 'xlsx' or 'csv'")
    if path is not None:
        write_output(path, data)
    return data


def _csv(rows: Sequence[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(TEMPLATE_COLUMNS)
    for row in rows:
        cells = []
        for column in TEMPLATE_COLUMNS:
            value = row[column]
            cells.append(
                value.isoformat() if isinstance(value, dt.date) else escape_cell(str(value))
            )
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")


def _xlsx(
    rows: Sequence[dict[str, Any]], instructions: Sequence[str], source: str | None = None
) -> bytes:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = new_workbook()
    writer = SheetWriter(book, TEMPLATE_SHEET, TEMPLATE_COLUMNS, source=source)
    sheet = writer.sheet
    grey = PatternFill("solid", fgColor="EEEEEE")
    for row in rows:
        writer.append([row[c] for c in TEMPLATE_COLUMNS])
    last = max(writer.rows, 2) + _SPARE_ROWS
    letters = {column: get_column_letter(i) for i, column in enumerate(TEMPLATE_COLUMNS, 1)}
    for column, letter in letters.items():
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, _DEFAULT_WIDTH)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=2, max_row=writer.rows):
        for cell in cells:
            column = TEMPLATE_COLUMNS[(cell.column or 1) - 1]
            cell.alignment = wrap
            if column in REFERENCE_COLUMNS:
                cell.fill = grey
    for column in _DATE_COLUMNS:
        index = TEMPLATE_COLUMNS.index(column) + 1
        # The column's own style formats the rows a person adds; the rows written get it too.
        sheet.column_dimensions[letters[column]].number_format = _DATE_FORMAT
        for (cell,) in sheet.iter_rows(
            min_row=2, max_row=writer.rows, min_col=index, max_col=index
        ):
            cell.number_format = _DATE_FORMAT
    for column, choices in _CHOICES.items():
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            # A warning, not a stop: a person's own words ("Action complete") are read too.
            errorStyle="warning",
            errorTitle=f"{column}: not in the list",
            error="Choose one of: " + ", ".join(choices) + " (or keep your own words)",
            promptTitle=column,
            prompt="Choose from the list",
            showInputMessage=True,
        )
        validation.add(f"{letters[column]}2:{letters[column]}{last}")
        sheet.add_data_validation(validation)
    update_dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="DATE(2024,1,1)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a date",
        error="Write a date, such as 27/03/2025.",
    )
    update_dates.add(f"{letters['Update date']}2:{letters['Update date']}{last}")
    sheet.add_data_validation(update_dates)
    sheet.freeze_panes = "C2"  # the header row, and the record and its number
    sheet.auto_filter.ref = f"A1:{letters[TEMPLATE_COLUMNS[-1]]}{writer.rows}"

    notes = SheetWriter(book, INSTRUCTIONS_SHEET, source=source)
    notes.sheet.column_dimensions["A"].width = 110
    for line in instructions:
        notes.append([line])
    notes.sheet["A1"].font = Font(bold=True, size=14)
    return save_workbook(book)
