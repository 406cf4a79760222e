"""A table's cells turned into plan values: a recommendation reference, a due date, an update,
the More cell's fields. Shared by superplan's own table and tables in other shapes.
"""

import re
from collections.abc import Mapping
from typing import Any

from .._json import parse_json
from ..tables import ref_cell

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


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


#: The key under which a row keeps the words a status cell gave, where they are not the value.
WORDS = "words:"


def cell_json(text: str) -> Any:
    """A cell's JSON, read by the strict reader: no duplicate key (the later would silently
    win), no NaN, no number that would read as another, no lone surrogate, nothing nested past
    the limit. Raises :class:`LoadError` saying what and where in the cell."""
    return parse_json(text, max_bytes=None)
