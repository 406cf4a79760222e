"""Builds the analyst's workbooks in this folder: the template for Kent, filled in as a force
analyst would in Excel (human words, dd/mm/yyyy dates, a row added at the foot of the sheet), and
the same with the mistakes analysts make. Run from the repository root:

    PYTHONPATH=src python tests/data/analyst/build.py

tests/contracts/test_surprises.py reads the files; it also checks that this script still writes workbooks
that read the same (so that the fixtures and the template cannot drift apart).
"""

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from superplan.tables import write_template
from superplan.tables._columns import TEMPLATE_COLUMNS

HERE = Path(__file__).resolve().parent
RESPONDER = "kent"


def _column(name: str) -> int:
    return TEMPLATE_COLUMNS.index(name) + 1


def _template() -> Any:
    data = write_template(RESPONDER, HERE / ".template.xlsx")
    (HERE / ".template.xlsx").unlink()
    return load_workbook(io.BytesIO(data))


def _fill(sheet: Any, row: int, **cells: Any) -> None:
    for name, value in cells.items():
        sheet.cell(row=row, column=_column(name.replace("_", " ")), value=value)


def _response_rows(sheet: Any) -> dict[int, int]:
    """Recommendation number -> its row."""
    return {
        sheet.cell(row=r, column=_column("Rec No")).value: r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value == "response"
    }


def filled() -> Any:
    book = _template()
    sheet = book["Plan"]
    rows = _response_rows(sheet)
    acceptance = ["Accepted", "Partly accepted", "We accept this recommendation"]
    status = ["In progress", "Complete", "Ongoing", "BAU"]
    for i, (number, row) in enumerate(sorted(rows.items())):
        _fill(
            sheet,
            row,
            Acceptance=acceptance[i % len(acceptance)],
            Compliance="Partly complies" if i % 2 else "Not yet assessed",
            Response_status=status[i % len(status)],
            Response=f"Kent Police's response to recommendation {number}.",
        )
    last = sheet.max_row
    # A plan row for the publication date, typed as text, as in a cell formatted as text.
    sheet.append(["plan"] + [None] * (len(TEMPLATE_COLUMNS) - 3) + ["published", "22/11/2024"])
    first = min(rows)
    # An action added at the foot of the sheet, for the first recommendation, well below it.
    sheet.append([None] * len(TEMPLATE_COLUMNS))
    _fill(
        sheet,
        last + 2,
        Record="action",
        Rec_No=first,
        Action_ID=f"{first}-1",
        Action="Train every investigator in the new procedure.",
        Owner="Head of Public Protection",
        Due="31/03/2025",
        Status="In progress",
    )
    # Another, with the due date as Excel keeps a date typed into a date cell, and a milestone.
    _fill(
        sheet,
        last + 3,
        Record="action",
        Rec_No=first,
        Action_ID=f"{first}-2",
        Action="Audit a sample of cases.",
        Owner="Crime Registrar",
        Due=dt.datetime(2025, 3, 27),
        Status="Not started",
    )
    _fill(
        sheet,
        last + 4,
        Record="update",
        Rec_No=first,
        Action_ID=f"{first}-1",
        Update_date="27/03/2025",
        Update_status="In progress",
        Update_note="Half of investigators trained.",
    )
    _fill(
        sheet,
        last + 5,
        Record="action",
        Rec_No=sorted(rows)[1],
        Action_ID=f"{sorted(rows)[1]}-1",
        Action="Review the policy.",
        Due="six months",
        Status="Action complete",
    )
    _fill(
        sheet,
        last + 6,
        Record="evidence",
        Rec_No=sorted(rows)[1],
        Action_ID=f"{sorted(rows)[1]}-1",
    )
    sheet.cell(row=last + 6, column=_column("Value"), value="The revised policy, March 2025.")
    return book


def mistakes() -> Any:
    """The filled workbook with one mistake per listed cell (the test names each)."""
    book = filled()
    sheet = book["Plan"]
    rows = _response_rows(sheet)
    numbers = sorted(rows)
    _fill(sheet, rows[numbers[0]], Acceptance="Acepted")  # a typing slip
    _fill(sheet, rows[numbers[2]], Compliance="Mostly")  # a word superplan does not know
    last = sheet.max_row
    _fill(
        sheet,
        last + 1,
        Record="action",
        Rec_No=numbers[3],
        Action_ID="x-1",
        Action="Something.",
        Due="31/02/2025",  # no such day
    )
    return book


def misplaced() -> Any:
    """The filled workbook with rows where no response row is above them."""
    book = filled()
    sheet = book["Plan"]
    numbers = sorted(_response_rows(sheet))
    last = sheet.max_row
    # Addressed, but its response row is further down: inserted as row 3, above them all.
    sheet.insert_rows(3)
    _fill(sheet, 3, Record="action", Rec_No=numbers[-1], Action_ID="early-1", Action="Too early.")
    # Not one of the recommendations in the sheet at all.
    other = min(set(range(1, 30)) - set(numbers))
    _fill(sheet, last + 2, Record="action", Rec_No=other, Action_ID="x-2", Action="Something else.")
    return book


def main() -> int:
    filled().save(HERE / "filled.xlsx")
    mistakes().save(HERE / "mistakes.xlsx")
    misplaced().save(HERE / "misplaced.xlsx")
    print(f"wrote filled.xlsx, mistakes.xlsx and misplaced.xlsx in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
