"""Plans as superplan's own table (CSV or XLSX): one row per record, ``plan`` rows (a field and
its value), then for each response a ``response`` row followed by its ``action``, ``evidence``
and ``update`` rows. Export then import gives back the same plan, exactly.
"""

import io
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from .._files import write_output
from ..catalogue import Catalogue, given_or_shipped
from ..convert import to_dict
from ..model import ActionPlan
from ._cells import csv_writer, escape_cell
from ._columns import (
    COLUMNS,
    OWN_FIELDS,
    PLAN_HANDLED,
    PLAN_TEXT_FIELDS,
    ref_text,
    report_wording,
)
from ._workbook import SheetWriter, new_workbook, save_workbook


def plan_to_rows(plan: ActionPlan, *, catalogue: Catalogue | None = None) -> list[dict[str, Any]]:
    """The plan as superplan's own table rows (dicts keyed by :data:`COLUMNS`)."""
    cat = given_or_shipped(catalogue)
    data = to_dict(plan)
    rows: list[dict[str, Any]] = []

    def row(record: str, **cells: Any) -> None:
        rows.append({"Record": record, **cells})

    for key in PLAN_TEXT_FIELDS:
        if key in data:
            row("plan", Field=key, Value=data[key])
    row("plan", Field="responder", Value=data["responder"])
    for paragraph in data.get("introduction", ()):
        row("plan", Field="introduction", Value=paragraph)
    if data.get("extensions"):
        row(
            "plan",
            Field="extensions",
            Value=json.dumps(data["extensions"], ensure_ascii=False, sort_keys=True),
        )
    for key, value in data.items():
        if key not in PLAN_HANDLED:
            row("plan", Field=key, Value=_json(value))

    for response in data.get("responses", ()):
        ref = ref_text(response["recommendation"])
        row(
            "response",
            **{
                "Rec No": ref,
                "Recommendation": report_wording(cat, response["recommendation"]),
                "Acceptance": response.get("acceptance", ""),
                "Compliance": response.get("compliance", ""),
                "Response status": response.get("status", ""),
                "Response": response.get("narrative", ""),
                "Response note": response.get("transcription_note", ""),
                "More": _more(response, _RESPONSE_HANDLED),
            },
        )
        for update in response.get("updates", ()):
            row("update", **{"Rec No": ref, **_update_cells(update)})
        for action in response.get("actions", ()):
            due = action.get("due", {})
            row(
                "action",
                **{
                    "Rec No": ref,
                    "Action ID": action["id"],
                    "Part": action.get("part", ""),
                    "Action": action["description"],
                    "Owner": action.get("owner", ""),
                    "Due": due.get("date") or due.get("milestone") or "",
                    "Due reason": due.get("reason", ""),
                    "Status": action.get("status", ""),
                    "More": _more(action, _ACTION_HANDLED, due=due),
                },
            )
            for item in action.get("evidence", ()):
                row("evidence", **{"Rec No": ref, "Action ID": action["id"], "Value": item})
            for update in action.get("updates", ()):
                row("update", **{"Rec No": ref, "Action ID": action["id"], **_update_cells(update)})
    return [{column: r.get(column, "") for column in COLUMNS} for r in rows]


_RESPONSE_HANDLED = OWN_FIELDS["response"]


_ACTION_HANDLED = OWN_FIELDS["action"] | {"due"}


_UPDATE_HANDLED = OWN_FIELDS["update"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _more(record: Mapping[str, Any], handled: frozenset[str], due: Any = None) -> str:
    extra = {key: value for key, value in record.items() if key not in handled}
    if due and set(due) - {"date", "milestone", "reason"}:
        extra["due"] = due  # a due date's other keys (not_before) travel with it whole
    return _json(extra) if extra else ""


def _update_cells(update: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "More": _more(update, _UPDATE_HANDLED),
        "Update date": update.get("date", ""),
        "Update label": update.get("label", ""),
        "Update status": update.get("status", ""),
        "Update note": update.get("note", ""),
    }


def _csv_cell(value: Any) -> str:
    return escape_cell("" if value is None else str(value))


def export_table(
    plan: ActionPlan,
    path: str | os.PathLike[str] | None = None,
    *,
    kind: str | None = None,
    catalogue: Catalogue | None = None,
    format: str | None = None,  # the command line's --format, by its name
) -> bytes:
    """The plan as a CSV or XLSX table; written to ``path`` when given. Returns the bytes.

    ``kind`` (``csv`` or ``xlsx``; the command line's ``--format``) defaults to what ``path``'s
    extension says (``.xlsx``, ``.csv``), else ``csv``; a ``kind`` the extension contradicts
    (``kind="csv"`` for ``plan.xlsx``), or a path whose extension names no table superplan
    writes (``plan.ods``), raises ``ValueError``: nothing is written under another format's
    name."""
    if format is not None and kind is not None and format != kind:
        raise ValueError(f"format={format!r} and kind={kind!r} disagree; give one")
    kind = kind or format  # ``format`` is ``kind`` by the command line's name for it
    kind = table_kind(path, kind, ("csv", "xlsx"), default="csv")
    rows = plan_to_rows(plan, catalogue=catalogue)
    if kind == "csv":
        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
        data = out.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets see UTF-8
    elif kind == "xlsx":
        data = _xlsx(rows, None if path is None else os.fspath(path))
    else:
        raise ValueError(f"unknown table format {kind!r}; use 'csv' or 'xlsx'")
    if path is not None:
        write_output(path, data)
    return data


_KNOWN_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".ods": "ods", ".xls": "xls", ".json": "json"}


def table_kind(
    path: str | os.PathLike[str] | None,
    kind: str | None,
    allowed: Sequence[str],
    *,
    default: str,
) -> str:
    """The format to write ``path`` in: ``kind`` if given, else what its extension says, else
    ``default``. Raises ``ValueError`` where the two disagree, or the extension names a format
    not in ``allowed``."""
    suffix = os.path.splitext(os.fspath(path))[1].lower() if path is not None else ""
    named = _KNOWN_SUFFIXES.get(suffix)
    if kind is not None and kind not in allowed:
        raise ValueError(f"unknown format {kind!r}; use {' or '.join(map(repr, allowed))}")
    if named is not None and named not in allowed:
        raise ValueError(
            f"{os.fspath(path or '')}: a {suffix} file cannot be written here; name it "
            + " or ".join(f".{a}" for a in allowed)
        )
    if kind is not None and named is not None and kind != named:
        raise ValueError(f"kind={kind!r} contradicts the file name {os.fspath(path or '')!r}")
    return kind or named or default


def _xlsx(rows: list[dict[str, Any]], source: str | None = None) -> bytes:
    book = new_workbook()
    writer = SheetWriter(book, "Plan", COLUMNS, source=source)
    for row in rows:
        writer.append([row[c] for c in COLUMNS])
    writer.sheet.freeze_panes = "A2"
    return save_workbook(book)
