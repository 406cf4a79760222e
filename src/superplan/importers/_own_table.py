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
