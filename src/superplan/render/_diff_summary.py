"""What a reader of a diff page meets first: the changes counted by kind, and the flags that
matter (a due date moved past the recommendation's deadline)."""

from typing import Any

from ..catalogue import Catalogue
from ..model import PartialDate
from ..progress import Change, ChangeKind
from ._messages import Messages

__all__ = ["KINDS", "due_past_deadline", "kind_of", "summary_by_kind"]

#: The kinds of change, in the order the summary lists them (each a message group key).
KINDS = (
    "responses-added",
    "responses-removed",
    "status-changed",
    "dates-moved",
    "wording-changed",
    "actions-added",
    "actions-removed",
    "updates-added",
    "updates-removed",
    "other",
)
_DATES = frozenset(
    {"due", "planned_completion", "actual_completion", "assessed_on", "published", "as_of"}
)
_WORDING = frozenset(
    {
        "title",
        "narrative",
        "description",
        "requirement",
        "recommendation_as_quoted",
        "introduction",
        "transcription_note",
        "owner",
        "acceptance_text",
        "compliance_text",
        "status_text",
        "translations",
    }
)


def kind_of(change: Change) -> str:
    """The kind a change is counted under."""
    if change.what in ("response", "action", "update", "part"):
        plural = {"response": "responses", "action": "actions", "part": "actions"}
        noun = plural.get(change.what, "updates")
        if change.kind is ChangeKind.CHANGED:
            return "other"
        return f"{noun}-{change.kind}"
    if change.what in ("status", "acceptance", "compliance"):
        return "status-changed"
    if change.what in _DATES:
        return "dates-moved"
    if change.what in _WORDING:
        return "wording-changed"
    return "other"


def summary_by_kind(changes: tuple[Change, ...], t: Messages) -> list[dict[str, Any]]:
    """How many changes of each kind, in words ("2 responses added")."""
    counts: dict[str, int] = {}
    for change in changes:
        counts[kind_of(change)] = counts.get(kind_of(change), 0) + 1
    return [
        {"kind": kind, "count": counts[kind], "words": t.count(f"diff_kind_{kind}", counts[kind])}
        for kind in KINDS
        if counts.get(kind)
    ]


def _due_date(due: Any, cat: Catalogue) -> PartialDate | None:
    if not isinstance(due, dict) or due.get("not_before"):
        return None
    if due.get("date"):
        try:
            return PartialDate.parse(str(due["date"]))
        except ValueError:
            return None
    found = cat.milestone_date(due.get("milestone"))
    return PartialDate.of(found) if found is not None else None


def due_past_deadline(change: Change, cat: Catalogue) -> PartialDate | None:
    """For a due date moved past its recommendation's deadline: that deadline; else None."""
    if change.what != "due" or change.recommendation is None:
        return None
    rec = cat.find(change.recommendation)
    deadline = cat.deadline(rec.number) if rec is not None else None
    if deadline is None:
        return None
    new, old = _due_date(change.new, cat), _due_date(change.old, cat)
    if new is None or not new.surely_after(deadline):
        return None
    if old is not None and old.surely_after(deadline):
        return None  # it was past the deadline already
    return PartialDate.of(deadline)
