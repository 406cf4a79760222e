import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from .._files import read_json
from ..catalogue import Catalogue, given_or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem, SuperplanError, TableError
from ..model import ActionPlan
from ..tables import PLAN_HANDLED, Sheet, column_letter, read_sheet, ref_cell
from ._table_checks import (
    WORDS,
    CellProblems,
    TableImport,
    cell_json,
    cell_of,
    check_mapped_cells,
    check_own_cells,
    in_sheet_terms,
    kept_note,
    mapped_by_meaning,
    says_more_than_number,
)
from ._vocabulary import Vocabulary

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def read_table(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as dicts of text, keyed by the header row."""
    return read_sheet(path).as_dicts()


@frozen(kw_only=True)
class ColumnMapping:
    """How a table's columns map onto the model, for tables not in superplan's own shape.

    ``columns`` maps a column heading to a field: ``recommendation``, ``part``, ``action_id``,
    ``description``, ``owner``, ``due``, ``status``, ``evidence``, ``narrative``, ``acceptance``,
    ``compliance``, ``ignore``. ``updates`` maps a column heading to the update it holds:
    ``{"label": "March 2026 update", "date": "2026-03-31"}``.
    """

    columns: Mapping[str, str]
    updates: Mapping[str, Mapping[str, str]] = {}

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "ColumnMapping":
        data = read_json(path)
        problems = []
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            problems.append(Problem(pointer="", message="expected an object with 'columns'"))
        else:
            for heading, target in data["columns"].items():
                if target not in _MAPPABLE:
                    problems.append(
                        Problem(
                            pointer=f"/columns/{heading}",
                            message=f"unknown field {target!r}; one of: {', '.join(sorted(_MAPPABLE))}",
                        )
                    )
            for heading, update in (data.get("updates") or {}).items():
                if not isinstance(update, dict) or "date" not in update:
                    problems.append(
                        Problem(
                            pointer=f"/updates/{heading}", message="an update column needs a 'date'"
                        )
                    )
        if problems:
            raise LoadError(problems, source=os.fspath(path))
        return cls(columns=data["columns"], updates=data.get("updates") or {})


_MAPPABLE = frozenset(
    {
        "recommendation",
        "part",
        "action_id",
        "description",
        "owner",
        "due",
        "status",
        "evidence",
        "narrative",
        "acceptance",
        "compliance",
        "ignore",
    }
)


def _ref(text: str) -> int | str:
    value = text.strip()
    # ASCII digits only: "٣" is not recommendation 3 (it is refused as a reference instead).
    if value.isascii() and value.isdigit():
        return int(value)
    quoted = ref_cell(value) if value.startswith('"') else None
    return quoted if isinstance(quoted, str) else value


def _set(target: dict[str, Any], key: str, value: str) -> None:
    if value != "":
        target[key] = value


def _due(text: str, reason: str) -> dict[str, str] | None:
    if not text:
        return None
    due = {"date": text} if _DATE.fullmatch(text) or _MONTH.fullmatch(text) else {"milestone": text}
    if reason:
        due["reason"] = reason
    return due


def _update(row: Mapping[str, str]) -> dict[str, Any]:
    update: dict[str, Any] = {}
    _set(update, "date", row.get("Update date", ""))  # an update may be undated (schema 1.1)
    _set(update, "label", row.get("Update label", ""))
    _set(update, "status", row.get("Update status", ""))
    _set(update, "status_text", row.get(WORDS + "Update status", ""))
    _set(update, "note", row.get("Update note", ""))
    return _with_more(update, row)


def _with_more(record: dict[str, Any], row: Mapping[str, str]) -> dict[str, Any]:
    """The record with the fields its ``More`` cell holds (JSON; checked by the sheet reader)."""
    more = row.get("More", "").strip()
    if more:
        record.update(cell_json(more))
    return record


class ResponderConflict(SuperplanError, ValueError):
    """A responder given by the caller (``--responder``) that the table contradicts: refused,
    naming both, rather than one silently winning (the command line exits 2)."""


def rows_to_plan(
    rows: Sequence[Mapping[str, str]],
    *,
    responder: str | None = None,
    row_numbers: Sequence[int] | None = None,
) -> ActionPlan:
    """Rebuild a plan from superplan's own table rows. Raises :class:`LoadError` naming the row."""
    return placed_rows_to_plan(rows, responder=responder, row_numbers=row_numbers)[0]


def placed_rows_to_plan(
    rows: Sequence[Mapping[str, str]],
    *,
    responder: str | None = None,
    row_numbers: Sequence[int] | None = None,
) -> tuple[ActionPlan, dict[str, int]]:
    """:func:`rows_to_plan`, and the row each record came from, by its JSON pointer."""
    plan: dict[str, Any] = {}
    responses: list[dict[str, Any]] = []
    problems: list[Problem] = []
    origins: dict[str, int] = {}  # JSON pointer of a record -> its row, to name cells in errors
    for position, row in enumerate(rows):
        # Row 1 is the header; a reader that skips blank rows passes the rows' own numbers.
        number = row_numbers[position] if row_numbers is not None else position + 2
        record = row.get("Record", "")
        ref = row.get("Rec No", "")
        _note_origin(origins, record, row.get("Field", ""), responses, number)
        if record == "plan":
            field_name, value = row.get("Field", ""), row.get("Value", "")
            if field_name == "introduction":
                plan.setdefault("introduction", []).append(value)
            elif field_name == "extensions":
                plan["extensions"] = cell_json(value)
            elif field_name in PLAN_HANDLED:
                plan[field_name] = value
            else:
                plan[field_name] = cell_json(value)
        elif record == "response":
            response: dict[str, Any] = {"recommendation": _ref(ref)}
            _set(response, "acceptance", row.get("Acceptance", ""))
            _set(response, "acceptance_text", row.get(WORDS + "Acceptance", ""))
            _set(response, "compliance", row.get("Compliance", ""))
            _set(response, "compliance_text", row.get(WORDS + "Compliance", ""))
            _set(response, "status", row.get("Response status", ""))
            _set(response, "status_text", row.get(WORDS + "Response status", ""))
            _set(response, "narrative", row.get("Response", ""))
            _set(response, "transcription_note", row.get("Response note", ""))
            responses.append(_with_more(response, row))
        elif record in ("action", "evidence", "update"):
            # A row belongs to its recommendation's response wherever that is above it: an
            # action added at the foot of the sheet is as good as one right below the response.
            at = _response_index(responses, ref)
            if at is None:
                problems.append(_no_response(record, ref, number, rows, row_numbers))
                continue
            current = responses[at]
            action_id = row.get("Action ID", "")
            actions = current.get("actions", [])
            if record == "action":
                origins[f"/responses/{at}/actions/{len(actions)}"] = number
                action: dict[str, Any] = {"id": action_id, "description": row.get("Action", "")}
                _set(action, "part", row.get("Part", ""))
                _set(action, "owner", row.get("Owner", ""))
                due = _due(row.get("Due", ""), row.get("Due reason", ""))
                if due:
                    action["due"] = due
                _set(action, "status", row.get("Status", ""))
                _set(action, "status_text", row.get(WORDS + "Status", ""))
                current.setdefault("actions", []).append(_with_more(action, row))
                continue
            if not action_id:  # an update to the response as a whole
                origins[f"/responses/{at}/updates/{len(current.get('updates', ()))}"] = number
                current.setdefault("updates", []).append(_update(row))
                continue
            owner = next(
                (i for i in range(len(actions) - 1, -1, -1) if actions[i]["id"] == action_id),
                None,
            )
            if owner is None:
                problems.append(
                    Problem(
                        pointer=f"/rows/{number}",
                        message=f'row {number}, column "Action ID": this {record} row names the '
                        f"action {action_id!r}, which no action row of recommendation "
                        f"{ref.strip()!r} above it has; put it below its action, or correct "
                        "the Action ID",
                    )
                )
                continue
            key = "evidence" if record == "evidence" else "updates"
            listed = actions[owner].setdefault(key, [])
            origins[f"/responses/{at}/actions/{owner}/{key}/{len(listed)}"] = number
            listed.append(row.get("Value", "") if record == "evidence" else _update(row))
        else:
            problems.append(
                Problem(
                    pointer=f"/rows/{number}",
                    message=f'row {number}, column "Record": unknown record {record!r}; '
                    "expected plan, response, action, evidence or update",
                )
            )
    if problems:
        raise LoadError(problems)
    if responder is not None:
        written = plan.get("responder")
        if written is not None and written != responder:
            at = origins.get("/responder")
            raise ResponderConflict(
                f"--responder {responder} contradicts the table, whose plan row"
                + (f" (row {at})" if at else "")
                + f" gives the responder {written!r}; nothing was imported (leave out "
                "--responder, or correct the table)"
            )
        plan["responder"] = responder
    plan["responses"] = responses
    try:
        return from_dict(plan), origins
    except LoadError as error:
        raise LoadError([_in_cells(p, origins) for p in error.problems]) from None


def _response_index(responses: Sequence[Mapping[str, Any]], ref: str) -> int | None:
    """The place of the last response so far to the recommendation a row names, if any."""
    wanted = _ref(ref)
    for index in range(len(responses) - 1, -1, -1):
        if responses[index]["recommendation"] == wanted:
            return index
    return None


def _no_response(
    record: str,
    ref: str,
    number: int,
    rows: Sequence[Mapping[str, str]],
    row_numbers: Sequence[int] | None,
) -> Problem:
    """What to say of a row whose recommendation has no response row above it."""
    wanted = ref.strip()
    later = next(
        (
            row_numbers[i] if row_numbers is not None else i + 2
            for i, other in enumerate(rows)
            if other.get("Record") == "response" and _ref(other.get("Rec No", "")) == _ref(ref)
        ),
        None,
    )
    if not wanted:
        what = "names no recommendation; give its number in Rec No"
        column = "Rec No"
    elif later is not None:
        what = (
            f"comes before the response row for recommendation {wanted!r} (row {later}); "
            "move it below that row"
        )
        column = "Record"
    else:
        what = (
            f"is for recommendation {wanted!r}, which has no response row; add one "
            f"(Record: response, Rec No: {wanted}) above it, or correct the Rec No"
        )
        column = "Rec No"
    return Problem(
        pointer=f"/rows/{number}",
        message=f'row {number}, column "{column}": this {record} row {what}',
    )


def _note_origin(
    origins: dict[str, int],
    record: str,
    field_name: str,
    responses: Sequence[Mapping[str, Any]],
    number: int,
) -> None:
    """Remember the row that a plan field or a response comes from, by its JSON pointer (the
    rows under a response are noted where they are placed)."""
    if record == "plan":
        origins[f"/{field_name}"] = number
    elif record == "response":
        origins[f"/responses/{len(responses)}"] = number


def _in_cells(problem: Problem, origins: Mapping[str, int]) -> Problem:
    """The problem, with the row and column of the cell it is about in front of its message."""
    cell = cell_of(problem.pointer, origins)
    if cell is None:
        return problem
    row, column = cell
    where = f"row {row}" + (f', column "{column}"' if column else "")
    return Problem(pointer=problem.pointer, message=f"{where}: {problem.message}")


#: Fields a row with no action text (a response row) gives to the response.
_RESPONSE_FIELDS = ("acceptance", "compliance", "owner", "status")
#: Fields only an action has: on a row with no action text they would have nowhere to go.
_ACTION_ONLY = {"part": "part", "action_id": "action id", "due": "due date", "evidence": "evidence"}


def _mapped_rows(
    sheet: Sheet,
    rows: Sequence[Mapping[str, str]],
    mapping: ColumnMapping,
    responder: str,
    *,
    unmapped: Sequence[str] = (),
    origins: dict[str, int] | None = None,
) -> tuple[ActionPlan, tuple[str, ...]]:
    """A draft plan from a table in another shape: one action (or response) per row, and
    notes on what was kept where. Nothing is dropped: a row with no recommendation number
    continues the one above it (or is refused, at the top); two values for one field are both
    kept (narrative paragraphs, evidence) or refused when they disagree (acceptance, status...);
    the text of a Rec No cell beyond the number is kept under ``extensions``. ``origins``,
    when given, gets the row each response (its first row) and action came from."""
    found = origins if origins is not None else {}
    problems = CellProblems(sheet)
    index = {heading: i for i, heading in enumerate(sheet.header)}
    ref_heading = next((h for h, f in mapping.columns.items() if f == "recommendation"), None)
    by_ref: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    counters: dict[str, int] = {}
    kept: dict[str, list[dict[str, Any]]] = {}
    notes: list[str] = []
    head: str | None = None
    for record, row in zip(sheet.records, rows, strict=True):
        values: dict[str, str] = {}
        given_in: dict[str, str] = {}
        evidence: list[str] = []
        for heading, field_name in mapping.columns.items():
            text = row.get(heading, "").strip()
            if field_name == "ignore" or not text or heading not in index:
                continue
            if field_name == "evidence":
                evidence.append(text)
            elif field_name in values and values[field_name] != text:
                other = given_in[field_name]
                problems.add(
                    record.row,
                    index[heading],
                    f'this column and column {column_letter(index[other])} "{other}" both map '
                    f"to {field_name}, and their values differ, so one would be lost; map one "
                    "of them to another field, or to ignore",
                    "mapping-clash",
                )
            else:
                values[field_name] = text
                given_in[field_name] = heading
        ref = values.get("recommendation", "")
        if ref:
            ref = ref.split()[0].rstrip(".:")
            first = ref.split(".")[0]
            head = first if first.isascii() and first.isdigit() else ref
            written = record.get(index[ref_heading]).strip() if ref_heading else ""
            if ref_heading and says_more_than_number(written):  # keep every word
                kept.setdefault(ref_heading, []).append(
                    {"row": record.row, "recommendation": _ref(head), "value": written}
                )
                notes.append(kept_note(record.row, ref_heading, written, ref))
        for heading in unmapped:
            if row.get(heading, "").strip():
                kept.setdefault(heading, []).append(
                    {
                        "row": record.row,
                        "recommendation": _ref(head) if head is not None else None,
                        "value": row[heading].strip(),
                    }
                )
        update_notes = [
            (update, row.get(heading, "").strip())
            for heading, update in mapping.updates.items()
            if row.get(heading, "").strip()
        ]
        if head is None:
            if values or evidence or update_notes:
                problems.add(
                    record.row,
                    index.get(ref_heading or "", 0),
                    "this row names no recommendation, and none comes before it, so its values "
                    "would be lost; give its recommendation number",
                    "no-recommendation",
                )
            continue
        if head not in by_ref:
            by_ref[head] = {"recommendation": _ref(head)}
            found[f"/responses/{len(order)}"] = record.row
            order.append(head)
        response = by_ref[head]
        narrative = values.get("narrative")
        if narrative is not None:
            paragraphs = response.get("narrative", "").split("\n\n")
            if "narrative" not in response:
                response["narrative"] = narrative
            elif narrative not in paragraphs:  # a row's own words: kept as a paragraph
                response["narrative"] += "\n\n" + narrative
        described = "description" in values
        for key in ("acceptance", "compliance") if described else _RESPONSE_FIELDS:
            if key not in values:
                continue
            if key in response and response[key] != values[key]:
                problems.add(
                    record.row,
                    index[given_in[key]],
                    f"recommendation {head}'s {key} is already given as {response[key]!r}; "
                    f"this row says {values[key]!r}; give it once",
                    "contradiction",
                )
            response[key] = values[key]
        if described:
            counters[head] = counters.get(head, 0) + 1
            action: dict[str, Any] = {
                "id": values.get("action_id") or f"{head}-{counters[head]}",
                "description": values["description"],
            }
            part = values.get("part") or (ref if "." in ref else "")
            _set(action, "part", part)
            _set(action, "owner", values.get("owner", ""))
            due = _due(values.get("due", ""), "")
            if due:
                action["due"] = due
            _set(action, "status", values.get("status", ""))
            if evidence:
                action["evidence"] = evidence
            target: dict[str, Any] = action
            actions = response.setdefault("actions", [])
            found[f"/responses/{order.index(head)}/actions/{len(actions)}"] = record.row
            actions.append(action)
        else:
            target = response
            stranded = [f for f in _ACTION_ONLY if f in values] + (["evidence"] if evidence else [])
            for field_name in stranded:
                heading = given_in.get(field_name) or next(
                    h for h, f in mapping.columns.items() if f == field_name and row.get(h, "")
                )
                problems.add(
                    record.row,
                    index[heading],
                    f"this row has no action text (no column mapped to description has a value), "
                    f"so its {_ACTION_ONLY[field_name]} would be lost; give the action, or move "
                    "the value to the action's row",
                    "stranded-value",
                )
        for update, note in update_notes:
            target.setdefault("updates", []).append({**update, "note": note})
    problems.raise_if_any()
    plan: dict[str, Any] = {"responder": responder, "responses": [by_ref[r] for r in order]}
    if kept:
        plan["extensions"] = {"unmapped_columns": kept}
    return from_dict(plan), tuple(notes)


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
    name = os.fspath(path)
    if "Record" in sheet.header:
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
            source=name,
        )
    if mapping is None:
        return mapped_by_meaning(sheet, responder, catalogue=cat, vocab=vocab)
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
