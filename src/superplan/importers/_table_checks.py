"""``import table``: a CSV or XLSX file into a plan, with the column mapping it used and every
cell error given in spreadsheet terms (``plan.xlsx: sheet "Plan", row 7, column C "Due date":
"31/02/2025" is not a date``).

Three routes: superplan's own table (a ``Record`` column) goes back exactly; a table with a
user's column mapping; any other table is mapped by meaning, through the same header vocabulary
as page import. Columns that map to nothing are kept under the plan's ``extensions``
(``unmapped_columns``) and named in the report.
"""

import json
import re
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from .._json import parse_json
from .._wording import shorten
from ..catalogue import Catalogue, given_or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem, TableError
from ..model import Acceptance, ActionPlan, ActionStatus, Compliance, Recommendation
from ..tables import (
    COLUMN_OF,
    NOT_HELD,
    OWN_FIELDS,
    RECORD_COLUMNS,
    REFERENCE_COLUMNS,
    Record,
    Sheet,
    column_letter,
    ref_cell,
)
from ._dates import due_cell, iso_date, not_a_date, parse_date
from ._document import Cell, TableRow
from ._draft import Draft
from ._layout import TableReader, find_layout, leading_number
from ._vocabulary import Vocabulary, normal_words, vocabulary

__all__ = [
    "TableImport",
    "check_mapped_cells",
    "check_own_cells",
    "kept_note",
    "mapped_by_meaning",
    "ref_cell",
    "says_more_than_number",
]


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


_PLAN_TEXT = frozenset(
    {"$schema", "schema_version", "title", "published", "as_of", "source_url"}
    | {"transcription_note", "responder", "introduction"}
)
_ENUMS: Mapping[str, tuple[str, ...]] = {
    "Acceptance": tuple(a.value for a in Acceptance),
    "Compliance": tuple(c.value for c in Compliance),
    "Response status": tuple(s.value for s in ActionStatus),
    "Status": tuple(s.value for s in ActionStatus),
    "Update status": tuple(s.value for s in ActionStatus),
}


_OWN_COLUMNS = frozenset().union(*RECORD_COLUMNS.values())
#: Plan fields a plan row may give, once each (introduction: once a paragraph).
_PLAN_STRUCTURE = frozenset({"responses"})


def _check_layout(sheet: Sheet, problems: "CellProblems") -> None:
    """Every heading once, and every value under a heading superplan reads: otherwise a column
    (or a cell past the headings) would be lost without a word."""
    seen: dict[str, int] = {}
    for index, heading in enumerate(sheet.header):
        if heading and heading in seen:
            first = column_letter(seen[heading])
            problems.add(
                1, index, f"this heading repeats column {first}'s; rename or remove one", "layout"
            )
        seen.setdefault(heading, index)
    width = len(sheet.header)
    for index, heading in enumerate(sheet.header):
        if heading in _OWN_COLUMNS:
            continue
        row = next((r.row for r in sheet.records if r.get(index).strip()), None)
        if row is not None:
            what = "has no heading" if not heading else "is not a column of superplan's table"
            problems.add(
                row,
                index,
                f"this column {what}, so its values would be lost; move them into More "
                "(as JSON) or remove the column",
                "layout",
            )
    for record in sheet.records:
        extra = next((i for i in range(width, len(record.cells)) if record.cells[i].strip()), None)
        if extra is not None:
            problems.add(record.row, extra, "this cell is past the last heading", "layout")


def _check_record(
    record: Record,
    row: Mapping[str, str],
    columns: Mapping[str, int],
    problems: "CellProblems",
) -> None:
    """A row's kind is known, and it has values only in the columns that kind is read from."""
    kind = row.get("Record", "")
    used = RECORD_COLUMNS.get(kind)
    if used is None:
        problems.add(
            record.row,
            columns.get("Record", 0),
            f"unknown record {kind!r}; expected plan, response, action, evidence or update",
            "bad-record",
        )
        return
    for heading, index in columns.items():
        if heading in _OWN_COLUMNS and heading not in used and row.get(heading, "").strip():
            problems.add(
                record.row,
                index,
                f"{_a(kind)} row is not read from this column, so this value would be lost; "
                "move it to the row it belongs to, or clear it",
                "unused-cell",
            )


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _check_more(
    record: Record,
    row: Mapping[str, str],
    parsed: Mapping[str, Any],
    columns: Mapping[str, int],
    problems: "CellProblems",
) -> None:
    """More gives only fields that have no column of their own in a row of its kind."""
    kind = row.get("Record", "")
    own = sorted(OWN_FIELDS.get(kind, frozenset()) & set(parsed))
    if own:
        problems.add(
            record.row,
            columns["More"],
            "gives "
            + ", ".join(repr(k) for k in own)
            + " again, which "
            + ("has" if len(own) == 1 else "have")
            + " a column (or rows) of its own; give each value once",
            "bad-json",
        )
    due = parsed.get("due")
    if kind == "action" and due is not None:
        given = due.get("date") or due.get("milestone") if isinstance(due, dict) else None
        reason = due.get("reason", "") if isinstance(due, dict) else None
        if given != row.get("Due", "") or reason != row.get("Due reason", ""):
            problems.add(
                record.row,
                columns["More"],
                "gives a due date that differs from the Due and Due reason columns; give it once",
                "bad-json",
            )


def check_own_cells(
    sheet: Sheet, cat: Catalogue, vocab: Vocabulary | None = None
) -> list[dict[str, str]]:
    """superplan's own table, cell by cell: the rows as dicts, with UK dates read as dates and
    status words ("In progress", "Action complete") read as their values (the words kept, under
    :data:`WORDS` + the heading, where they are not the value's own label).

    Raises :class:`TableError` listing every cell that is wrong, by sheet, row and column.
    """
    words_of = vocab or vocabulary()
    problems = CellProblems(sheet)
    _check_layout(sheet, problems)
    columns: dict[str, int] = {}
    for index, heading in enumerate(sheet.header):
        columns.setdefault(heading, index)  # a repeated heading is refused above
    rows = []
    plan_fields: dict[str, int] = {}
    for record in sheet.records:
        row = {h: record.get(i) for h, i in columns.items() if h}
        _check_record(record, row, columns, problems)
        if row.get("Record") == "plan":
            _check_plan_row(record, row, columns, plan_fields, problems)
        elif row.get("Record") == "response":
            _check_reference_cells(record, row, columns, cat, problems)
        if row.get("Rec No", "").strip() and ref_cell(row["Rec No"]) is None:
            problems.add(
                record.row,
                columns["Rec No"],
                '"' + row["Rec No"] + '" is not a recommendation number (digits 0-9) or slug',
                "bad-reference",
            )
        if "Due" in columns and row.get("Due", "").strip():
            due = due_cell(row["Due"], cat)
            if due is None:
                problems.add(record.row, columns["Due"], not_a_date(row["Due"], cat), "bad-date")
            else:
                row["Due"] = due.get("date") or due.get("milestone", "")
        if "Update date" in columns and row.get("Update date", "").strip():
            iso = iso_date(row["Update date"])
            found = parse_date(row["Update date"]) if iso is None else None
            if iso is not None:
                row["Update date"] = iso
            elif found is None:
                problems.add(
                    record.row,
                    columns["Update date"],
                    '"' + row["Update date"] + '" is not a date',
                    "bad-date",
                )
            else:
                row["Update date"] = found.iso
        more = row.get("More", "").strip()
        if more:
            try:
                parsed = cell_json(more)
            except LoadError as error:
                problems.add(record.row, columns["More"], _json_refusal("", error), "bad-json")
            else:
                if not isinstance(parsed, dict):
                    problems.add(
                        record.row,
                        columns["More"],
                        "is not a JSON object of further fields",
                        "bad-json",
                    )
                else:
                    _check_more(record, row, parsed, columns, problems)
        plan_json = row.get("Record") == "plan" and row.get("Field") not in _PLAN_TEXT
        if plan_json and row.get("Value", "").strip():
            try:
                cell_json(row["Value"])
            except LoadError as error:
                field = json.dumps(row.get("Field", ""))
                problems.add(
                    record.row,
                    columns["Value"],
                    _json_refusal(f"the value of {field} ", error),
                    "bad-json",
                )
        for heading, allowed in _ENUMS.items():
            value = row.get(heading, "").strip()
            if heading in columns and value and value not in allowed:
                code, words = in_words(heading, value, words_of)
                if code is None:
                    problems.add(
                        record.row,
                        columns[heading],
                        f'"{value}" is not one of: '
                        + ", ".join(label(v) for v in allowed)
                        + " (or "
                        + ", ".join(allowed)
                        + ")",
                        "bad-value",
                    )
                else:
                    row[heading] = code
                    if words:
                        row[WORDS + heading] = words
        if row.get("Record") == "plan" and row.get("Field", "").strip() in _PLAN_DATES:
            _plan_date(record, row, columns, problems)
        rows.append(row)
    problems.raise_if_any()
    return rows


#: The key under which a row keeps the words a status cell gave, where they are not the value.
WORDS = "words:"
#: The vocabulary kind each status column's words are read by.
_WORD_KINDS: Mapping[str, str] = {
    "Acceptance": "acceptance",
    "Compliance": "compliance",
    "Response status": "delivery",
    "Status": "delivery",
    "Update status": "delivery",
}
#: Plan fields that are dates (a day): a UK date there ("22/11/2024") is read as one.
_PLAN_DATES = frozenset({"published", "as_of"})


def label(value: str) -> str:
    """A value as a person reads it: ``partly-accepted`` is "Partly accepted"."""
    return value.replace("-", " ").capitalize()


def in_words(heading: str, text: str, words: Vocabulary) -> tuple[str | None, str]:
    """The value a status cell's words mean (``None`` if they mean none for sure), and the words
    to keep beside it: empty where they are the value's own label ("In progress")."""
    code, sure = words.status(_WORD_KINDS[heading], text)
    if code is None or sure < 100:
        return None, ""
    kept = "" if normal_words(text) == normal_words(label(code)) else " ".join(text.split())
    return code, kept


def _plan_date(
    record: Record, row: dict[str, str], columns: Mapping[str, int], problems: "CellProblems"
) -> None:
    """A plan row's date, as a UK date or ISO; a date with no day is left for the model to
    refuse (a plan is published on a day)."""
    value = row.get("Value", "").strip()
    found = parse_date(value) if value else None
    if found is not None and found.precision == "day":
        row["Value"] = found.iso
    elif value and found is None:
        problems.add(
            record.row,
            columns.get("Value", 0),
            f'"{value}" is not a date; write the day it was, such as 22/11/2024',
            "bad-date",
        )


def cell_json(text: str) -> Any:
    """A cell's JSON, read by the strict reader: no duplicate key (the later would silently
    win), no NaN, no number that would read as another, no lone surrogate, nothing nested past
    the limit. Raises :class:`LoadError` saying what and where in the cell."""
    return parse_json(text, max_bytes=None)


def _json_refusal(what: str, error: LoadError) -> str:
    problem = error.problems[0]
    where = f" (at {shorten(problem.pointer, 40)} in the cell)" if problem.pointer else ""
    return f"{what}is not JSON superplan can keep exactly: {problem.message}{where}"


def _check_reference_cells(
    record: Record,
    row: Mapping[str, str],
    columns: Mapping[str, int],
    cat: Catalogue,
    problems: "CellProblems",
) -> None:
    """The reference columns (the report's title, deadline and wording, shown beside a response
    for reading) are not read: a value there other than the catalogue's would be lost."""
    rec = cat.find(ref_cell(row.get("Rec No", "")) or "")
    for heading in REFERENCE_COLUMNS:
        given = _as_shown(row.get(heading, ""), heading)
        if not given or given in {
            _as_shown(v, heading) for v in _reference_values(cat, rec, heading)
        }:
            continue
        hint = (
            "give the wording as you have it as recommendation_as_quoted in More"
            if heading == "Recommendation"
            else "clear it"
        )
        problems.add(
            record.row,
            columns[heading],
            f"this column shows the report's {heading.lower()} for reading and is not read, so "
            f"an edit here would be lost; {hint}",
            "unused-cell",
        )


def _as_shown(text: str, heading: str) -> str:
    """A reference cell as a spreadsheet may have saved it back: line breaks and spacing
    changed, a date written another way ("27/03/2025")."""
    if heading == "Deadline" and (found := parse_date(text)) is not None:
        return found.iso
    return " ".join(text.split())


def _reference_values(cat: Catalogue, rec: Recommendation | None, heading: str) -> set[str]:
    """What superplan writes in a reference column (as export and the template write it)."""
    if rec is None:
        return set()
    if heading == "Title":
        return {rec.title}
    if heading == "Deadline":
        deadline = cat.deadline(rec.number)
        return {deadline.isoformat() if deadline is not None else NOT_HELD}
    wording = "\n\n".join(rec.wording.value or ())
    return {wording.strip() if wording else NOT_HELD}


def _check_plan_row(
    record: Record,
    row: Mapping[str, str],
    columns: Mapping[str, int],
    seen: dict[str, int],
    problems: "CellProblems",
) -> None:
    """A plan row names a field (once, but for introduction paragraphs) and gives its value."""
    field = row.get("Field", "").strip()
    where = columns.get("Field", 0)
    if not field:
        problems.add(record.row, where, "a plan row names the field it gives here", "bad-field")
        return
    if field in _PLAN_STRUCTURE:
        problems.add(
            record.row,
            where,
            f"{field} are given by their own rows, not by a plan row",
            "bad-field",
        )
    elif field != "introduction" and field in seen:
        problems.add(
            record.row,
            where,
            f"{field!r} is already given in row {seen[field]}; give it once",
            "bad-field",
        )
    seen.setdefault(field, record.row)
    if field not in _PLAN_TEXT and not row.get("Value", "").strip():
        problems.add(
            record.row,
            columns.get("Value", where),
            f"the value of {json.dumps(field)} is empty; give it as JSON, or remove the row",
            "bad-json",
        )


def check_mapped_cells(
    sheet: Sheet, columns: Mapping[str, str], cat: Catalogue
) -> list[dict[str, str]]:
    """A table read through a column mapping, cell by cell: recommendation references and due
    dates checked (UK dates read as dates), every error placed by sheet, row and column."""
    problems = CellProblems(sheet)
    index = {heading: i for i, heading in enumerate(sheet.header)}
    rows = sheet.as_dicts()
    for record, row in zip(sheet.records, rows, strict=True):
        for heading, field_name in columns.items():
            value = row.get(heading, "").strip()
            if not value or heading not in index:
                continue
            if field_name == "recommendation":
                first = value.split()[0].rstrip(".:")
                number, part, _ = leading_number(value)
                if number is not None:
                    row[heading] = part or str(number)
                elif ref_cell(first) is None:
                    problems.add(
                        record.row,
                        index[heading],
                        '"' + value + '" is not a recommendation number (digits 0-9) or slug',
                        "bad-reference",
                    )
            elif field_name == "due":
                due = due_cell(value, cat)
                if due is None:
                    problems.add(record.row, index[heading], not_a_date(value, cat), "bad-date")
                else:
                    row[heading] = due.get("date") or due.get("milestone", "")
    problems.raise_if_any()
    return rows


def mapped_by_meaning(
    sheet: Sheet,
    responder: str,
    *,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
) -> TableImport:
    """A table in a force's own shape, its columns read by meaning."""
    cat = given_or_shipped(catalogue)
    words = vocab or vocabulary()
    header = TableRow(
        number=1,
        lines=(1,),
        table=1,
        row=1,
        cells=tuple(Cell(text=h, header=True) for h in sheet.header),
    )
    layout = find_layout(header, words)
    if layout is None:
        known = [f'"{h}"' for h in sheet.header if words.column(h).field]
        raise LoadError(
            [
                Problem(
                    pointer="",
                    message="the header row does not say which column holds the recommendation "
                    "and the response ("
                    + (("it names " + ", ".join(known)) if known else "no heading is known")
                    + "); give a column mapping (--mapping) or add synonyms (--headers)",
                    kind="unknown-header",
                )
            ],
            source=sheet.source,
        )
    draft = Draft()
    problems = CellProblems(sheet)

    def prose(*_: Any) -> None:
        return None

    reader = TableReader(
        layout=layout,
        draft=draft,
        vocab=words,
        match=lambda text, hint: (None, 0.0),
        prose=prose,
        strict=problems,
        catalogue=cat,
    )
    unmapped: dict[str, list[dict[str, Any]]] = {}
    notes: list[str] = []
    for record in sheet.records:
        row = TableRow(
            number=record.row,
            lines=(record.row,),
            table=1,
            row=record.row,
            cells=tuple(Cell(text=c) for c in record.cells),
        )
        number, _, _ = reader.row(row, None)
        for index, column in enumerate(layout.columns):
            text = record.get(index).strip()
            says_more = column.field == "recommendation" and says_more_than_number(text)
            if (column.field is None or says_more) and text and index < len(sheet.header):
                heading = sheet.header[index] or column_letter(index)
                unmapped.setdefault(heading, []).append(
                    {"row": record.row, "recommendation": number, "value": text}
                )
            if says_more:
                notes.append(kept_note(record.row, sheet.header[index], text, number))
        if number is None and any(c.strip() for c in record.cells):
            problems.add(
                record.row, 0, "this row names no recommendation, and none comes before it",
                "no-recommendation",
            )  # fmt: skip
    problems.raise_if_any()
    plan = draft.build(responder=responder)
    if unmapped:
        plan["extensions"] = {"unmapped_columns": unmapped}
    columns = tuple(
        (column_letter(i), heading, c.field or "", c.confidence)
        for i, (heading, c) in enumerate(zip(sheet.header, layout.columns, strict=False))
    )
    try:
        result = from_dict(plan)
    except LoadError as error:
        raise error.with_source(sheet.source) from None
    return TableImport(
        plan=result,
        source=sheet.source,
        route="by meaning",
        columns=columns,
        unmapped=tuple(
            h for h, c in zip(sheet.header, layout.columns, strict=False) if not c.field
        ),
        notes=sheet.notes + tuple(notes),
    )
