"""A response's actions and parts as a plan page shows them: for each, its due date (or "Not
stated"), its delivery status and its schedule tag, and its own updates beside it; and whether
the plan's quotation of the recommendation differs in substance from the report's wording."""

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..catalogue import Catalogue
from ..model import Action, Link, Part, Response
from ..progress import ActionProgress, RecommendationProgress, word_segments
from ._messages import Messages
from ._tags import schedule_tag, status_tag, timeline

__all__ = ["action_rows", "links", "part_rows", "quote_differs", "schedule_note"]

Escape = Callable[[str], str]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_PREAMBLE = re.compile(
    r"^\s*(?:to\s+[^:.]{1,120}:\s*)?(?:by,?\s+\d{1,2}\s+[a-z]+\s+\d{4}(?:\s*\([^)]*\))?,?\s*)?",
    re.IGNORECASE,
)
"""What plans put before the report's words: "To Chief Constables:", "By 27 March 2025,"."""
_ALLOWANCE = 3
"""Words a quotation may add or change (a name expanded, "CC" for chief constables) and still
be the report's wording: beyond this, and beyond 5% of its words, it differs in substance."""


def _words(text: str) -> list[str]:
    return _WORD.findall(_PREAMBLE.sub("", text, count=1).lower())


def quote_differs(wording: Sequence[str], quoted: str) -> bool:
    """True when the plan's quotation says something the report's wording does not: words
    added or changed beyond a small allowance. Leaving words out (a quotation that stops before
    the report's list), case, punctuation, blanks, and a leading "To Chief Constables:" or
    "By 27 March 2025," (on either side) are not differences of substance."""
    said, ours = _words(quoted), _words(" ".join(wording))
    if not said:
        return False
    added = sum(
        len(after.split())
        for op, _, after in word_segments(" ".join(ours), " ".join(said))
        if op == "change"
    )
    return added > max(_ALLOWANCE, len(said) // 20)


def links(items: tuple[Link, ...], e: Escape, safe: Callable[[str], str | None]) -> list[Any]:
    """Each link's words (its title, else its address) and its address when it is safe to link."""
    return [{"text": e(link.title or link.url), "url": safe(link.url)} for link in items]


def schedule_note(item: ActionProgress | RecommendationProgress, t: Messages, e: Escape) -> str:
    """Why a schedule verdict is uncertain, where it is (the benefit of the doubt, said)."""
    if item.certain or not item.reason:
        return ""
    return e(t("schedule_uncertain", reason=item.reason))


def _standing(
    progress: ActionProgress | None, day: dt.date | None, t: Messages, e: Escape
) -> dict[str, Any]:
    if progress is None or day is None:
        return {"schedule": None, "schedule_note": ""}
    return {
        "schedule": schedule_tag(str(progress.schedule), t, e),
        "schedule_note": schedule_note(progress, t, e),
    }


def _due(action: Action | Part, cat: Catalogue, t: Messages) -> str:
    """When an action (or a part, schema 1.2) is due, in words at its precision."""
    if action.due is None:
        return ""
    if action.due.date is not None:
        text = t.date(action.due.date)
        if action.due.not_before:
            text = t("due_not_before", date=text)
    else:
        slug = action.due.milestone or ""
        date = cat.milestone_date(slug)
        if date is None:
            text = slug
        else:
            milestone = cat.milestone(slug).title.lower()
            text = t("deadline_value", date=t.date(date), milestone=milestone)
    return text + (f" ({action.due.reason})" if action.due.reason else "")


def _completion(action: Action, t: Messages) -> str:
    said = []
    if action.planned_completion is not None:
        said.append(t("planned_completion", date=t.date(action.planned_completion)))
    if action.actual_completion is not None:
        said.append(t("actual_completion", date=t.date(action.actual_completion)))
    return "; ".join(said)


def _progress_of(
    response: Response, progress: RecommendationProgress | None
) -> tuple[list[ActionProgress | None], list[ActionProgress | None]]:
    """The progress of each part and each action, in the plan's order."""
    found = list(progress.actions) if progress is not None else []
    parts = found[: len(response.parts)]
    actions = found[len(response.parts) :]
    pad: list[ActionProgress | None] = [None] * len(response.actions)
    return (
        [*parts, *[None] * (len(response.parts) - len(parts))],
        [*actions, *pad][: len(response.actions)],
    )


def part_rows(
    response: Response,
    progress: RecommendationProgress | None,
    day: dt.date | None,
    t: Messages,
    e: Escape,
    safe: Callable[[str], str | None],
    cat: Catalogue,
) -> list[dict[str, Any]]:
    rows = []
    for part, found in zip(response.parts, _progress_of(response, progress)[0], strict=True):
        row = _part(part, found, day, t, e, safe)
        row["due"] = e(_due(part, cat, t))
        rows.append(row)
    return rows


def _part(
    part: Part,
    found: ActionProgress | None,
    day: dt.date | None,
    t: Messages,
    e: Escape,
    safe: Callable[[str], str | None],
) -> dict[str, Any]:
    return {
        "part": e(part.part),
        "requirement": e(part.requirement or ""),
        "owner": e(part.owner or ""),
        "status": status_tag(part.status, part.status_text, t, e),
        "evidence": [e(item) for item in part.evidence],
        "links": links(part.links, e, safe),
        "updates": timeline([("", part.updates)], t, e),
        **_standing(found, day, t, e),
    }


def action_rows(
    response: Response,
    progress: RecommendationProgress | None,
    day: dt.date | None,
    cat: Catalogue,
    t: Messages,
    e: Escape,
    safe: Callable[[str], str | None],
) -> list[dict[str, Any]]:
    rows = []
    for action, found in zip(response.actions, _progress_of(response, progress)[1], strict=True):
        rows.append(
            {
                "id": e(action.id),
                "part": e(action.part or ""),
                "description": e(action.description),
                "lang": action.lang or "",
                "owner": e(action.owner or ""),
                "due": e(_due(action, cat, t)),
                "completion": e(_completion(action, t)),
                "status": status_tag(action.status, action.status_text, t, e),
                "evidence": [e(item) for item in action.evidence],
                "links": links(action.links, e, safe),
                "updates": timeline([("", action.updates)], t, e),
                **_standing(found, day, t, e),
            }
        )
    return rows
