"""superplan's own table rows back into a plan, remembering the row each record came from so that
an error names its cell.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from ..convert import from_dict
from ..errors import LoadError, Problem, SuperplanError
from ..model import ActionPlan
from ..tables import PLAN_HANDLED
from ._cells import WORDS, _due, _ref, _set, _update, _with_more, cell_json
from ._table_report import (
    cell_of,
)


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
    rebuilt = _Rebuilt(rows, row_numbers)
    for position, row in enumerate(rows):
        # Row 1 is the header; a reader that skips blank rows passes the rows' own numbers.
        number = row_numbers[position] if row_numbers is not None else position + 2
        rebuilt.add(row, number)
    return rebuilt.plan_for(responder)


class _Rebuilt:
    """A plan being rebuilt from its table, record by record, with the row of each record (its
    JSON pointer to the row) to name the cell of any error."""

    def __init__(self, rows: Sequence[Mapping[str, str]], row_numbers: Sequence[int] | None):
        self.rows, self.row_numbers = rows, row_numbers
        self.plan: dict[str, Any] = {}
        self.responses: list[dict[str, Any]] = []
        self.problems: list[Problem] = []
        self.origins: dict[str, int] = {}

    def add(self, row: Mapping[str, str], number: int) -> None:
        record = row.get("Record", "")
        _note_origin(self.origins, record, row.get("Field", ""), self.responses, number)
        if record == "plan":
            self._plan_row(row)
        elif record == "response":
            self._response_row(row)
        elif record in ("action", "evidence", "update"):
            self._child_row(row, record, number)
        else:
            self.problems.append(
                Problem(
                    pointer=f"/rows/{number}",
                    message=f'row {number}, column "Record": unknown record {record!r}; '
                    "expected plan, response, action, evidence or update",
                )
            )

    def _plan_row(self, row: Mapping[str, str]) -> None:
        field_name, value = row.get("Field", ""), row.get("Value", "")
        if field_name == "introduction":
            self.plan.setdefault("introduction", []).append(value)
        elif field_name in PLAN_HANDLED and field_name != "extensions":
            self.plan[field_name] = value
        else:
            self.plan[field_name] = cell_json(value)

    def _response_row(self, row: Mapping[str, str]) -> None:
        response: dict[str, Any] = {"recommendation": _ref(row.get("Rec No", ""))}
        for key, column in _RESPONSE_COLUMNS:
            _set(response, key, row.get(column, ""))
            if key in _KEPT_WORDS:
                _set(response, key + "_text", row.get(WORDS + column, ""))
        self.responses.append(_with_more(response, row))

    def _child_row(self, row: Mapping[str, str], record: str, number: int) -> None:
        ref = row.get("Rec No", "")
        # A row belongs to its recommendation's response wherever that is above it: an action
        # added at the foot of the sheet is as good as one right below the response.
        at = _response_index(self.responses, ref)
        if at is None:
            self.problems.append(_no_response(record, ref, number, self.rows, self.row_numbers))
            return
        current = self.responses[at]
        action_id = row.get("Action ID", "")
        actions = current.get("actions", [])
        if record == "action":
            self.origins[f"/responses/{at}/actions/{len(actions)}"] = number
            current.setdefault("actions", []).append(_action(row))
        elif not action_id:  # an update to the response as a whole
            updates = current.setdefault("updates", [])
            self.origins[f"/responses/{at}/updates/{len(updates)}"] = number
            updates.append(_update(row))
        else:
            self._under_action(row, record, number, at, actions)

    def _under_action(
        self,
        row: Mapping[str, str],
        record: str,
        number: int,
        at: int,
        actions: list[dict[str, Any]],
    ) -> None:
        action_id = row.get("Action ID", "")
        owner = next(
            (i for i in range(len(actions) - 1, -1, -1) if actions[i]["id"] == action_id), None
        )
        if owner is None:
            self.problems.append(
                Problem(
                    pointer=f"/rows/{number}",
                    message=f'row {number}, column "Action ID": this {record} row names the '
                    f"action {action_id!r}, which no action row of recommendation "
                    f"{row.get('Rec No', '').strip()!r} above it has; put it below its "
                    "action, or correct the Action ID",
                )
            )
            return
        key = "evidence" if record == "evidence" else "updates"
        listed = actions[owner].setdefault(key, [])
        self.origins[f"/responses/{at}/actions/{owner}/{key}/{len(listed)}"] = number
        listed.append(row.get("Value", "") if record == "evidence" else _update(row))

    def plan_for(self, responder: str | None) -> tuple[ActionPlan, dict[str, int]]:
        if self.problems:
            raise LoadError(self.problems)
        plan = self.plan
        if responder is not None:
            written = plan.get("responder")
            if written is not None and written != responder:
                at = self.origins.get("/responder")
                raise ResponderConflict(
                    f"--responder {responder} contradicts the table, whose plan row"
                    + (f" (row {at})" if at else "")
                    + f" gives the responder {written!r}; nothing was imported (leave out "
                    "--responder, or correct the table)"
                )
            plan["responder"] = responder
        plan["responses"] = self.responses
        try:
            return from_dict(plan), self.origins
        except LoadError as error:
            raise LoadError([_in_cells(p, self.origins) for p in error.problems]) from None


#: A response row's fields and their columns, in the order the plan writes them.
_RESPONSE_COLUMNS = (
    ("acceptance", "Acceptance"),
    ("compliance", "Compliance"),
    ("status", "Response status"),
    ("narrative", "Response"),
    ("transcription_note", "Response note"),
)
#: The fields whose cell's own words are kept beside the value (``acceptance_text``...).
_KEPT_WORDS = frozenset({"acceptance", "compliance", "status"})


def _action(row: Mapping[str, str]) -> dict[str, Any]:
    action: dict[str, Any] = {"id": row.get("Action ID", ""), "description": row.get("Action", "")}
    _set(action, "part", row.get("Part", ""))
    _set(action, "owner", row.get("Owner", ""))
    due = _due(row.get("Due", ""), row.get("Due reason", ""))
    if due:
        action["due"] = due
    _set(action, "status", row.get("Status", ""))
    _set(action, "status_text", row.get(WORDS + "Status", ""))
    return _with_more(action, row)


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
