"""The national roll-up as an HTML page, with a bar chart in SVG that needs no colour to read."""

import os
from typing import Any

from ..progress._summary import NationalSummary
from ._env import environment
from ._messages import Messages, messages

__all__ = ["render_summary_html"]

_PARTS = (
    # (states, fill, text colour, the message key of its label)
    (("complete", "ongoing"), "#1d4f91", "#ffffff", "summary_complete"),
    (("in-progress",), "url(#p-progress)", "#0b0c0c", "summary_in_progress"),
    (("not-started", "not-applicable"), "url(#p-not-started)", "#0b0c0c", "summary_not_started"),
    (("unanswered",), "#ffffff", "#0b0c0c", "summary_unanswered"),
)
_LABEL_WIDTH = 150
_BAR_WIDTH = 480
_ROW = 28


def _chart(summary: NationalSummary, t: Messages) -> dict[str, Any]:
    rows = summary.per_recommendation()
    most = max([row["addressed"] for row in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        y = 10 + index * _ROW
        x = float(_LABEL_WIDTH)
        parts = []
        for states, fill, ink, key in _PARTS:
            label = t(key)
            count = sum(row[state] for state in states)
            if not count:
                continue
            width = round(_BAR_WIDTH * count / most, 1)
            parts.append(
                {
                    "x": x,
                    "width": width,
                    "fill": fill,
                    "ink": ink,
                    "count": count,
                    "title": f"{label}: {count}",
                }
            )
            x += width
        bars.append(
            {
                "y": y,
                "label": t("summary_bar_label", number=row["recommendation"]),
                "parts": parts,
                "end": x,
                "overdue": row["overdue"],
            }
        )
    legend_y = 10 + len(rows) * _ROW + 10
    legend = [
        {"x": 150 * i, "fill": fill, "label": t(key)} for i, (_, fill, _, key) in enumerate(_PARTS)
    ]
    return {
        "bars": bars,
        "legend": legend,
        "legend_y": legend_y,
        "width": _LABEL_WIDTH + _BAR_WIDTH + 110,
        "height": legend_y + 30,
    }


def render_summary_html(
    summary: NationalSummary, *, language: str | os.PathLike[str] | Messages = "en"
) -> str:
    """The roll-up as a self-contained page: chart, figures, matrix, gaps and themes."""
    from .. import __version__

    t = language if isinstance(language, Messages) else messages(language)
    as_of = t.date(summary.as_of)
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
            chart=_chart(summary, t),
            rows=summary.per_recommendation(),
            missing=list(summary.missing().items()),
            themes=summary.overdue_themes(),
        )
    )
