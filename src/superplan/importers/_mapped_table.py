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
from ..tables import Record, Sheet, column_letter
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
    reading = _MappedReading(sheet, mapping, unmapped, origins if origins is not None else {})
    for record, row in zip(sheet.records, rows, strict=True):
        reading.add(record, row)
    reading.problems.raise_if_any()
    plan: dict[str, Any] = {
        "responder": responder,
        "responses": [reading.by_ref[r] for r in reading.order],
    }
    if reading.kept:
        plan["extensions"] = {"unmapped_columns": reading.kept}
    return from_dict(plan), tuple(reading.notes)


class _Row:
    """One row's values by field, the column each came from, and its evidence."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.given_in: dict[str, str] = {}
        self.evidence: list[str] = []


class _MappedReading:
    """A mapped table read row by row into responses keyed by recommendation."""

    def __init__(
        self,
        sheet: Sheet,
        mapping: ColumnMapping,
        unmapped: Sequence[str],
        found: dict[str, int],
    ) -> None:
        self.mapping, self.unmapped, self.found = mapping, unmapped, found
        self.problems = CellProblems(sheet)
        self.index = {heading: i for i, heading in enumerate(sheet.header)}
        self.ref_heading = next(
            (h for h, f in mapping.columns.items() if f == "recommendation"), None
        )
        self.by_ref: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        self.counters: dict[str, int] = {}
        self.kept: dict[str, list[dict[str, Any]]] = {}
        self.notes: list[str] = []
        self.head: str | None = None

    def add(self, record: Record, row: Mapping[str, str]) -> None:
        got = self._values(record, row)
        ref = got.values.get("recommendation", "")
        if ref:
            ref = ref.split()[0].rstrip(".:")
            first = ref.split(".")[0]
            self.head = first if first.isascii() and first.isdigit() else ref
            self._keep_whole_ref(record, ref)
        self._keep_unmapped(record, row)
        update_notes = [
            (update, row.get(heading, "").strip())
            for heading, update in self.mapping.updates.items()
            if row.get(heading, "").strip()
        ]
        head = self.head
        if head is None:
            if got.values or got.evidence or update_notes:
                self.problems.add(
                    record.row,
                    self.index.get(self.ref_heading or "", 0),
                    "this row names no recommendation, and none comes before it, so its values "
                    "would be lost; give its recommendation number",
                    "no-recommendation",
                )
            return
        target = self._fill(record, row, got, head, ref)
        for update, note in update_notes:
            target.setdefault("updates", []).append({**update, "note": note})

    def _values(self, record: Record, row: Mapping[str, str]) -> _Row:
        got = _Row()
        for heading, field_name in self.mapping.columns.items():
            text = row.get(heading, "").strip()
            if field_name == "ignore" or not text or heading not in self.index:
                continue
            if field_name == "evidence":
                got.evidence.append(text)
            elif field_name in got.values and got.values[field_name] != text:
                other = got.given_in[field_name]
                self.problems.add(
                    record.row,
                    self.index[heading],
                    f'this column and column {column_letter(self.index[other])} "{other}" both '
                    f"map to {field_name}, and their values differ, so one would be lost; map "
                    "one of them to another field, or to ignore",
                    "mapping-clash",
                )
            else:
                got.values[field_name] = text
                got.given_in[field_name] = heading
        return got

    def _keep_whole_ref(self, record: Record, ref: str) -> None:
        heading = self.ref_heading
        written = record.get(self.index[heading]).strip() if heading else ""
        if heading and says_more_than_number(written):  # keep every word
            self.kept.setdefault(heading, []).append(
                {"row": record.row, "recommendation": _ref(self.head or ""), "value": written}
            )
            self.notes.append(kept_note(record.row, heading, written, ref))

    def _keep_unmapped(self, record: Record, row: Mapping[str, str]) -> None:
        for heading in self.unmapped:
            if row.get(heading, "").strip():
                self.kept.setdefault(heading, []).append(
                    {
                        "row": record.row,
                        "recommendation": _ref(self.head) if self.head is not None else None,
                        "value": row[heading].strip(),
                    }
                )

    def _fill(
        self, record: Record, row: Mapping[str, str], got: _Row, head: str, ref: str
    ) -> dict[str, Any]:
        """Put the row's values in its recommendation's response (and a new action, if the row
        describes one); the record the row's updates belong to."""
        if head not in self.by_ref:
            self.by_ref[head] = {"recommendation": _ref(head)}
            self.found[f"/responses/{len(self.order)}"] = record.row
            self.order.append(head)
        response = self.by_ref[head]
        values = got.values
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
                self.problems.add(
                    record.row,
                    self.index[got.given_in[key]],
                    f"recommendation {head}'s {key} is already given as {response[key]!r}; "
                    f"this row says {values[key]!r}; give it once",
                    "contradiction",
                )
            response[key] = values[key]
        if described:
            return self._action(record, got, head, ref, response)
        self._stranded(record, row, got)
        return response

    def _action(
        self, record: Record, got: _Row, head: str, ref: str, response: dict[str, Any]
    ) -> dict[str, Any]:
        values = got.values
        self.counters[head] = self.counters.get(head, 0) + 1
        action: dict[str, Any] = {
            "id": values.get("action_id") or f"{head}-{self.counters[head]}",
            "description": values["description"],
        }
        part = values.get("part") or (ref if "." in ref else "")
        _set(action, "part", part)
        _set(action, "owner", values.get("owner", ""))
        due = _due(values.get("due", ""), "")
        if due:
            action["due"] = due
        _set(action, "status", values.get("status", ""))
        if got.evidence:
            action["evidence"] = got.evidence
        actions = response.setdefault("actions", [])
        self.found[f"/responses/{self.order.index(head)}/actions/{len(actions)}"] = record.row
        actions.append(action)
        return action

    def _stranded(self, record: Record, row: Mapping[str, str], got: _Row) -> None:
        """Values only an action can hold, on a row that describes no action: refused."""
        stranded = [f for f in _ACTION_ONLY if f in got.values] + (
            ["evidence"] if got.evidence else []
        )
        for field_name in stranded:
            heading = got.given_in.get(field_name) or next(
                h for h, f in self.mapping.columns.items() if f == field_name and row.get(h, "")
            )
            self.problems.add(
                record.row,
                self.index[heading],
                f"this row has no action text (no column mapped to description has a value), "
                f"so its {_ACTION_ONLY[field_name]} would be lost; give the action, or move "
                "the value to the action's row",
                "stranded-value",
            )
