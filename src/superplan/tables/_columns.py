"""superplan's own table format, defined once: its columns, which record reads which column, and
which field each column holds. Export, the template, import and its cell checks all read it.

Each row of the table is one record (``plan``, ``response``, ``action``, ``evidence`` or
``update``), named in the ``Record`` column; a record reads only its own columns (a value in
another would be lost, so import refuses it).
"""

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._json import parse_json
from ..errors import LoadError

if TYPE_CHECKING:
    from ..catalogue import Catalogue

#: The export's columns, in order.
COLUMNS = (
    "Record",
    "Rec No",
    "Recommendation",
    "Acceptance",
    "Compliance",
    "Response status",
    "Response",
    "Response note",
    "Action ID",
    "Part",
    "Action",
    "Owner",
    "Due",
    "Due reason",
    "Status",
    "Update date",
    "Update label",
    "Update status",
    "Update note",
    "Field",
    "Value",
    "More",
)
"""``More`` holds, as JSON, a record's fields that have no column of their own (schema 1.1's
parts, owners, status words, links, translations...), so that export then import loses nothing."""

#: What the wording column says where the catalogue holds no official wording.
NOT_HELD = "not held"
TEMPLATE_SHEET = "Plan"
INSTRUCTIONS_SHEET = "Instructions"

#: The template's columns: the importer's own names, plus the reference columns it passes over.
TEMPLATE_COLUMNS = (
    "Record",
    "Rec No",
    "Title",
    "Deadline",
    "Recommendation",
    "Acceptance",
    "Compliance",
    "Response status",
    "Response",
    "Action ID",
    "Part",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Update date",
    "Update label",
    "Update status",
    "Update note",
    "Field",
    "Value",
)
#: Columns a person reads but does not fill in.
REFERENCE_COLUMNS = ("Title", "Deadline", "Recommendation")

#: The fields each record's own columns (and the records that follow it) give: its More cell
#: may not give them again, or one of the two would be lost. (An action's ``due`` may travel
#: whole in More when it has keys with no column, as long as it agrees with the Due columns.)
OWN_FIELDS: Mapping[str, frozenset[str]] = {
    "response": frozenset(
        {"recommendation", "acceptance", "compliance", "status", "narrative"}
        | {"transcription_note", "updates", "actions"}
    ),
    "action": frozenset({"id", "part", "description", "owner", "status", "evidence", "updates"}),
    "update": frozenset({"date", "label", "status", "note"}),
}

#: The columns each kind of row is read from; a value in another column would be lost.
RECORD_COLUMNS: Mapping[str, frozenset[str]] = {
    "plan": frozenset({"Record", "Field", "Value"}),
    "response": frozenset(
        {"Record", "Rec No", "Acceptance", "Compliance", "Response status"}
        | {"Response", "Response note", "More"}
        | set(REFERENCE_COLUMNS)
    ),
    "action": frozenset(
        {"Record", "Rec No", "Action ID", "Part", "Action", "Owner", "Due", "Due reason"}
        | {"Status", "More"}
    ),
    "evidence": frozenset({"Record", "Rec No", "Action ID", "Value"}),
    "update": frozenset(
        {"Record", "Rec No", "Action ID", "Update date", "Update label", "Update status"}
        | {"Update note", "More"}
    ),
}

#: The table column that holds each field, by record: how an error names its cell.
COLUMN_OF: Mapping[str, Mapping[str, str]] = {
    "response": {
        "recommendation": "Rec No",
        "acceptance": "Acceptance",
        "compliance": "Compliance",
        "status": "Response status",
        "narrative": "Response",
        "transcription_note": "Response note",
    },
    "action": {
        "id": "Action ID",
        "part": "Part",
        "description": "Action",
        "owner": "Owner",
        "due": "Due",
        "status": "Status",
    },
    "update": {
        "date": "Update date",
        "label": "Update label",
        "status": "Update status",
        "note": "Update note",
    },
}

#: The plan fields a ``plan`` row gives as text, in the order export writes them.
PLAN_TEXT_FIELDS = (
    "$schema",
    "schema_version",
    "title",
    "published",
    "as_of",
    "source_url",
    "transcription_note",
)

#: The plan fields a ``plan`` row gives as text (all others as JSON in its Value cell).
PLAN_HANDLED = frozenset(
    {*("$schema", "schema_version", "title", "published", "as_of", "source_url")}
    | {"transcription_note", "responder", "introduction", "extensions", "responses"}
)


_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def ref_cell(text: str) -> int | str | None:
    """A ``Rec No`` cell: ASCII digits are a number, a slug is a slug, and a JSON string
    (``"18"``, as export writes a reference that is text but would read as something else) is
    that text; anything else is None."""
    value = text.strip()
    if value.isascii() and value.isdigit():
        return int(value)
    if _SLUG.fullmatch(value):
        return value
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        try:
            quoted = parse_json(value.encode("utf-8"))
        except LoadError:
            return None
        return quoted if isinstance(quoted, str) else None
    return None


def ref_text(ref: int | str) -> int | str:
    """A recommendation reference as its ``Rec No`` cell: text that :func:`ref_cell` would not
    give back as the same text (``"18"``, ``"07"``, ``"7.5"``) is written as a JSON string."""
    if isinstance(ref, str) and ref_cell(ref) != ref:
        return json.dumps(ref, ensure_ascii=False)
    return ref


def report_wording(cat: "Catalogue", ref: int | str | None) -> str:
    """What the ``Recommendation`` reference column holds for ``ref``: the official wording, or
    nothing where the catalogue does not hold the recommendation."""
    rec = cat.find(ref) if ref is not None else None
    return "\n\n".join(rec.wording.value or ()) if rec is not None else ""
