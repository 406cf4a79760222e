"""How a table was read: the result (:class:`TableImport`), cell errors gathered by sheet, row and
column (:class:`CellProblems`), and the notes for what was kept where.
"""

import re
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from ..errors import LoadError, Problem, TableError
from ..model import ActionPlan
from ..tables import (
    COLUMN_OF,
    Sheet,
    column_letter,
)
from ._layout import leading_number


@frozen(kw_only=True)
class TableImport:
    """The plan a table gave, and how it was read."""

    plan: ActionPlan
    source: str
    route: str
    """``own`` (superplan's table), ``mapping`` (the user's), or ``by meaning``."""
    columns: tuple[tuple[str, str, str, float], ...]
    """(column letter, heading, field, confidence) for every column."""
    unmapped: tuple[str, ...]
    notes: tuple[str, ...] = ()
    origins: Mapping[str, int] = {}
    """The row each record of the plan came from, by its JSON pointer (superplan's own table)."""
    header: tuple[str, ...] = ()
    sheet: str | None = None
    """The worksheet's name (None for CSV)."""

    def place(self, pointer: str) -> str | None:
        """Where in the table the value at ``pointer`` came from: ``sheet "Plan", row 7,
        column F "Acceptance"`` (or the row alone, for a whole record); None if no row gave it."""
        cell = cell_of(pointer, self.origins)
        if cell is None:
            return None
        row, heading = cell
        where = f"row {row}"
        if heading in self.header:
            where += f', column {column_letter(self.header.index(heading))} "{heading}"'
        return f'sheet "{self.sheet}", {where}' if self.sheet is not None else where

    def rows(self) -> dict[str, int]:
        """The row each record came from, by its JSON pointer, in the table's order."""
        return dict(sorted(self.origins.items(), key=lambda item: item[1]))

    def format_text(self) -> str:
        out = [f"{self.source}: read as {self.route}"]
        if self.route != "own":
            for letter, heading, field_name, confidence in self.columns:
                shown = field_name or "(kept under extensions: unmapped_columns)"
                sure = f" (confidence {confidence:.0f})" if field_name and confidence < 100 else ""
                out.append(f'  column {letter} "{heading}": {shown}{sure}')
        if self.unmapped:
            out.append(
                "  unmapped columns kept under extensions.unmapped_columns: "
                + ", ".join(f'"{h}"' for h in self.unmapped)
            )
        out.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "route": self.route,
            "columns": [
                {"column": c, "heading": h, "field": f, "confidence": round(s, 1)}
                for c, h, f, s in self.columns
            ],
            "unmapped": list(self.unmapped),
            "notes": list(self.notes),
            "rows": self.rows(),
        }


#: Cell errors of one kind given in full; past these, one line says how many more there are.
SHOWN_PER_KIND = 20


def cell_of(pointer: str, origins: Mapping[str, int]) -> tuple[int, str] | None:
    """The row, and the heading of the column, that the value at ``pointer`` came from (the
    heading is empty for a whole record); None where no row gave it."""
    parts = pointer.split("/")
    for end in range(len(parts), 1, -1):
        row = origins.get("/".join(parts[:end]))
        if row is None:
            continue
        owner = parts[end - 2]  # "" for a plan field, else the list the record is in
        if owner in ("", "evidence"):
            return row, "Value"
        kind = {"responses": "response", "actions": "action", "updates": "update"}[owner]
        key = parts[end] if end < len(parts) else ""
        # A field with no column of its own can only have come from the More cell.
        return row, COLUMN_OF[kind].get(key, "More" if key else "")
    return None


class CellProblems:
    """Collects cell errors, each placed by sheet, row and column: the first
    :data:`SHOWN_PER_KIND` of each kind, then a count ("… and 2,499,990 more like this")."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.problems: list[Problem] = []
        self.counts: dict[str, int] = {}

    def add(self, row: int, column: int, message: str, kind: str) -> None:
        heading = self.sheet.header[column] if column < len(self.sheet.header) else ""
        self.keep(
            Problem(
                pointer=f"/rows/{row}/{heading or column_letter(column)}",
                message=f"{self.sheet.where(row, column)}: {message}",
                kind=kind,
            )
        )

    def keep(self, problem: Problem) -> None:
        """Keep a problem whose message is already placed (or count it, past the cap)."""
        kind = problem.kind or "other"
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if self.counts[kind] <= SHOWN_PER_KIND:
            self.problems.append(problem)

    def raise_if_any(self) -> None:
        if self.problems:
            raise TableError(self.problems + self.more(), source=self.sheet.source)

    def more(self) -> list[Problem]:
        """One problem per kind that had more than were kept, saying how many more."""
        return [
            Problem(
                pointer="",
                message=f"… and {count - SHOWN_PER_KIND:,} more like this ({kind})",
                kind=kind,
            )
            for kind, count in self.counts.items()
            if count > SHOWN_PER_KIND
        ]


_ROW_COLUMN = re.compile(r'^row ([0-9]+)(?:, column "([^"]*)")?: (.*)$', re.DOTALL)


def in_sheet_terms(error: LoadError, sheet: Sheet) -> LoadError:
    """Problems placed as "row 7, column "Due"" (by the row reader), placed on the sheet:
    ``sheet "Plan", row 7, column O "Due"``; others keep their pointer."""
    placed = CellProblems(sheet)
    others = []
    for problem in error.problems:
        match = _ROW_COLUMN.match(problem.message)
        heading = match.group(2) if match else None
        if match is None or (heading and heading not in sheet.header):
            others.append(problem)
            continue
        row, message = int(match.group(1)), match.group(3)
        column = sheet.header.index(heading) if heading else 0
        if heading:
            placed.add(row, column, message, problem.kind or "bad-value")
        else:
            where = f'sheet "{sheet.sheet}", row {row}' if sheet.sheet else f"row {row}"
            placed.keep(
                Problem(pointer=problem.pointer, message=f"{where}: {message}", kind=problem.kind)
            )
    if not placed.problems:
        return error.with_source(sheet.source)
    for problem in others:
        placed.keep(
            Problem(
                pointer=problem.pointer,
                message=problem.describe(),
                kind=problem.kind,
            )
        )
    return TableError(placed.problems + placed.more(), source=sheet.source)


def says_more_than_number(cell: str) -> bool:
    """Whether a Rec No cell says more than its number (and part) or slug: words that reading
    the number alone would lose ("7 (also covers 10 and 23)", "7.2 text"). "Rec 7:" does not."""
    number, _, rest = leading_number(cell)
    if number is None:
        rest = cell.split(maxsplit=1)[1] if len(cell.split()) > 1 else ""
    return bool(rest.strip(" .:;,-()[]"))


def kept_note(row: int, heading: str, text: str, read_as: object) -> str:
    """The import report's note that a Rec No cell's whole text was kept."""
    return (
        f'row {row}: the "{heading}" cell says more than the recommendation number '
        f"({text!r}); read as {read_as}, and the whole text kept under "
        "extensions.unmapped_columns"
    )
