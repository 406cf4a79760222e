"""superplan's own table read back: every cell checked against the format (each heading
once, a record's values only in its own columns, words and dates as an analyst types them,
reference columns unedited) before the rows become a plan.
"""

import json
from collections.abc import Mapping
from typing import Any

from .._wording import shorten
from ..catalogue import Catalogue
from ..errors import LoadError
from ..model import Acceptance, ActionStatus, Compliance, Recommendation
from ..tables import (
    NOT_HELD,
    OWN_FIELDS,
    RECORD_COLUMNS,
    REFERENCE_COLUMNS,
    Record,
    Sheet,
    column_letter,
    ref_cell,
)
from ._cells import WORDS, cell_json
from ._dates import due_cell, iso_date, not_a_date, parse_date
from ._table_report import CellProblems
from ._vocabulary import Vocabulary, normal_words, vocabulary

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
        _check_ref(record, row, columns, problems)
        _check_dates(record, row, columns, cat, problems)
        _check_more_cell(record, row, columns, problems)
        _check_plan_json(record, row, columns, problems)
        _check_words(record, row, columns, words_of, problems)
        if row.get("Record") == "plan" and row.get("Field", "").strip() in _PLAN_DATES:
            _plan_date(record, row, columns, problems)
        rows.append(row)
    problems.raise_if_any()
    return rows


def _check_ref(
    record: Record, row: dict[str, str], columns: Mapping[str, int], problems: CellProblems
) -> None:
    if row.get("Rec No", "").strip() and ref_cell(row["Rec No"]) is None:
        problems.add(
            record.row,
            columns["Rec No"],
            '"' + row["Rec No"] + '" is not a recommendation number (digits 0-9) or slug',
            "bad-reference",
        )


def _check_dates(
    record: Record,
    row: dict[str, str],
    columns: Mapping[str, int],
    cat: Catalogue,
    problems: CellProblems,
) -> None:
    """The Due and Update date cells read as dates (or a milestone), written back as ISO."""
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


def _check_more_cell(
    record: Record, row: dict[str, str], columns: Mapping[str, int], problems: CellProblems
) -> None:
    more = row.get("More", "").strip()
    if not more:
        return
    try:
        parsed = cell_json(more)
    except LoadError as error:
        problems.add(record.row, columns["More"], _json_refusal("", error), "bad-json")
        return
    if not isinstance(parsed, dict):
        problems.add(
            record.row, columns["More"], "is not a JSON object of further fields", "bad-json"
        )
    else:
        _check_more(record, row, parsed, columns, problems)


def _check_plan_json(
    record: Record, row: dict[str, str], columns: Mapping[str, int], problems: CellProblems
) -> None:
    """A plan row's value that is not text (its extensions, its leads...) is JSON."""
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


def _check_words(
    record: Record,
    row: dict[str, str],
    columns: Mapping[str, int],
    words_of: Vocabulary,
    problems: CellProblems,
) -> None:
    """Acceptance, compliance and status cells: a value, or words that mean one for sure."""
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
    if not value or iso_date(value) is not None:
        return  # an ISO date written out is taken as it is, any year; the model judges it
    found = parse_date(value)
    if found is not None and found.precision == "day":
        row["Value"] = found.iso
    elif value and found is None:
        problems.add(
            record.row,
            columns.get("Value", 0),
            f'"{value}" is not a date; write the day it was, such as 22/11/2024',
            "bad-date",
        )


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
