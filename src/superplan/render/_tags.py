"""Status in words, as tags: delivery as the plan states it, schedule as computed; and a list of
updates newest first. Shared by every page that shows where something stands."""

from collections.abc import Callable
from typing import Any

from ..model import DeliveryStatus, ProgressUpdate
from ._messages import Messages

__all__ = ["DELIVERY_COLOURS", "SCHEDULE_COLOURS", "schedule_tag", "status_tag", "timeline"]

Escape = Callable[[str], str]


def _same(text: str) -> str:
    return text


#: GOV.UK-style tag colours, for delivery status as the plan states it; the words always say it.
DELIVERY_COLOURS = {
    "complete": "green",
    "ongoing": "turquoise",
    "in-progress": "blue",
    "not-started": "yellow",
    "not-applicable": "grey",
}

#: Tag colours for where an item stands against its deadline.
SCHEDULE_COLOURS = {
    "not-yet-due": "grey",
    "due-soon": "orange",
    "overdue": "red",
    "met-on-time": "green",
    "met-late": "yellow",
    "no-deadline": "grey",
    "deadline-passed-not-stated": "purple",
    "not-applicable": "grey",
}


def absence_words(t: Messages, absence: str, **params: Any) -> str:
    """One of the vocabulary of absence (superplan.progress.ABSENCE), in the page's language."""
    return str(t.texts["absence_values"][absence]).format(**params)


def status_tag(
    status: DeliveryStatus | str | None, own_words: str | None, t: Messages, e: Escape = _same
) -> dict[str, str]:
    """A delivery status as a tag: its words, its colour, and the plan's own words beside it.
    No status is "No status stated", never "Not started"."""
    if status is None or str(status) == "not-stated":
        words, colour = absence_words(t, "no-status-stated"), "none"
    elif str(status) == "unanswered":
        words, colour = absence_words(t, "not-answered"), "none"
    else:
        words, colour = t.value("status_values", status), DELIVERY_COLOURS[str(status)]
    own = e(t("own_words", text=own_words)) if own_words else ""
    return {"words": e(words), "colour": colour, "own": own}


def schedule_tag(state: str, t: Messages, e: Escape = _same) -> dict[str, str]:
    return {
        "words": e(t.value("schedule_values", state)),
        "colour": SCHEDULE_COLOURS[state],
        "own": "",
    }


def timeline(
    sources: list[tuple[str, tuple[ProgressUpdate, ...]]], t: Messages, e: Escape = _same
) -> list[dict[str, Any]]:
    """The updates of one or more items: dated ones newest first, then the undated ones in the
    plan's order; ``about`` names the item where several are listed together."""
    entries = [
        (about, index, update) for about, updates in sources for index, update in enumerate(updates)
    ]
    dated = sorted(
        (entry for entry in entries if entry[2].date is not None),
        key=lambda entry: entry[2].date.sort_key if entry[2].date else (),
        reverse=True,
    )
    undated = [entry for entry in entries if entry[2].date is None]
    return [
        {
            "date": e(t.date(update.date)) if update.date else e(t("undated")),
            "datetime": str(update.date) if update.date else "",
            "about": e(about),
            "label": e(update.label or ""),
            "status": status_tag(update.status, update.status_text, t, e)
            if update.status or update.status_text
            else None,
            "note": e(update.note or ""),
            "lang": update.lang or "",
        }
        for about, _, update in [*dated, *undated]
    ]
