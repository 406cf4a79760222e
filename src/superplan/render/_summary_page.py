"""The national roll-up as an HTML page: a bar chart drawn in HTML and CSS that reflows to any
width and needs no colour to read, and a table; both are made from the one set of figures."""

import os
from typing import Any

from ..catalogue import Catalogue, given_or_shipped
from ..progress import NationalSummary
from ._env import environment
from ._messages import Messages, messages
from ._views import welsh_name

__all__ = ["figures", "render_summary_html"]

#: The states a responder's answer to a recommendation can be in, in the order shown, each with
#: the message key of its label and the CSS class of its pattern in the chart.
_SERIES = (
    ("complete", "summary_complete", "p-complete"),
    ("ongoing", "summary_ongoing", "p-ongoing"),
    ("in-progress", "summary_in_progress", "p-progress"),
    ("not-started", "summary_not_started", "p-not-started"),
    ("not-applicable", "summary_not_applicable", "p-not-applicable"),
    ("not-stated", "summary_not_stated", "p-not-stated"),
    ("unanswered", "summary_unanswered", "p-unanswered"),
    ("no-plan", "summary_no_plan", "p-no-plan"),
)
_SYMBOL_WORDS = {state: key for state, key, _ in _SERIES} | {
    "not-addressed": "summary_not_addressed"
}


def figures(summary: NationalSummary, t: Messages) -> dict[str, Any]:
    """The numbers the chart and the table both show, from the roll-up's own
    :meth:`~superplan.progress.NationalSummary.tally`: per recommendation, the responders it is
    addressed to and answering, those in each category (every one, none merged), those overdue
    and those whose deadline passed with no status stated; ``series`` names the categories."""
    rows = summary.tally()
    most = max([row.addressed for row in rows] + [1])
    out = []
    for row in rows:
        parts = [
            {
                "state": state,
                "label": t(key),
                "pattern": pattern,
                "count": row.categories.get(state, 0),
                "width": round(100 * row.categories.get(state, 0) / most, 3),
            }
            for state, key, pattern in _SERIES
        ]
        out.append(
            {
                "overdue_width": round(100 * row.overdue / most, 3),
                "recommendation": row.recommendation,
                "addressed": row.addressed,
                "answered": row.answered,
                "overdue": row.overdue,
                "passed": row.schedules.get("deadline-passed-not-stated", 0),
                "parts": parts,
            }
        )
    series = [{"state": s, "label": t(key), "pattern": p} for s, key, p in _SERIES]
    return {"series": series, "rows": out}


def _welsh_names(summary: NationalSummary, cat: Catalogue) -> dict[str, str]:
    names = ((slug, welsh_name(slug, cat)) for slug, _ in summary.responders)
    return {slug: name for slug, name in names if name}


def _and(items: list[str], t: Messages) -> str:
    if len(items) < 2:
        return "".join(items)
    return t("list_and", items=", ".join(items[:-1]), last=items[-1])


def _coverage(summary: NationalSummary, t: Messages) -> str:
    """ "24 of 43 forces and 1 of 5 national agencies" """
    groups = t.texts["coverage"]
    return _and(
        [
            str(groups.get(kind, groups["other"])).format(count=counted, total=total)
            for kind, counted, total in summary.coverage()
        ],
        t,
    )


def _matrix(summary: NationalSummary, t: Messages, as_of: str) -> list[dict[str, Any]]:
    """A row per responder: its cells (a symbol, and its state in words for screen readers),
    or, with no plan counted, "no plan as of DATE" and the dates of later versions."""
    no_plan = str(t.texts["absence_values"]["no-plan"]).format(date=as_of)
    rows = []
    for slug, name in summary.responders:
        row: dict[str, Any] = {"slug": slug, "name": name, "cells": [], "no_plan": None}
        if slug in summary.without_plan:
            later = [t.date(date) for date in summary.later.get(slug, ())]
            row["no_plan"] = no_plan + (
                "; " + t("summary_later_versions", dates=_and(later, t)) if later else ""
            )
        else:
            for number in summary.numbers:
                cell = summary.cell(slug, number)
                words = t(_SYMBOL_WORDS[cell.state])
                if cell.overdue:
                    words = t("summary_cell_overdue", state=words)
                row["cells"].append({"symbol": cell.symbol, "words": words})
        rows.append(row)
    return rows


def _theme(slug: str) -> str:
    """A theme's slug as words ("risk-management": "Risk management")."""
    return slug.replace("-", " ").capitalize()


def render_summary_html(
    summary: NationalSummary,
    *,
    language: str | os.PathLike[str] | Messages = "en",
    catalogue: Catalogue | None = None,
) -> str:
    """The roll-up as a self-contained page: chart, figures, matrix, gaps and themes."""
    from .._version import __version__

    t = language if isinstance(language, Messages) else messages(language)
    as_of = t.date(summary.as_of)
    names = dict(summary.responders)
    return (
        environment("html")
        .get_template("summary.html.j2")
        .render(
            t=t,
            version=__version__,
            page_title=t("summary_title", date=as_of),
            home=None,
            summary=summary,
            as_of=as_of,
            coverage=_coverage(summary, t),
            figures=figures(summary, t),
            matrix=_matrix(summary, t, as_of),
            welsh=_welsh_names(summary, given_or_shipped(catalogue)),
            missing=[
                t(
                    "summary_missing_item",
                    responder=names[slug],
                    numbers=_and([str(n) for n in numbers], t),
                )
                for slug, numbers in summary.missing().items()
            ],
            themes=[(_theme(theme), count) for theme, count in summary.overdue_themes()],
        )
    )
