"""A table in another shape read through a column mapping: one action (or response) per row,
and nothing dropped without a word.
"""

import os
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from .._files import read_json
from ..convert import from_dict
from ..errors import LoadError, Problem
from ..model import ActionPlan
from ..tables import Sheet, column_letter
from ._cells import _due, _ref, _set
from ._table_report import (
    CellProblems,
    kept_note,
    says_more_than_number,
)


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
