"""A national roll-up of many plans as of one date: the responder-by-recommendation matrix."""

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pendulum
from attrs import field, frozen

from .._spreadsheet import neutralise
from ..catalogue import Catalogue
from ..catalogue._load import or_shipped
from ..errors import UnknownAgency
from ..model import ActionPlan, to_date
from ._status import Timeliness, status_as_of

__all__ = ["Cell", "NationalSummary", "neutralise", "summarise"]


#: What each state is called in the matrix, in one or two characters that need no colour.
SYMBOLS = {
    "complete": "C",
    "ongoing": "O",
    "in-progress": "P",
    "not-started": "N",
    "not-applicable": "NA",
    "unanswered": "x",
    "not-addressed": "-",
}


@frozen(kw_only=True)
class Cell:
    responder: str
    number: int
    addressed: bool
    answered: bool
    state: str
    """An action status, or ``unanswered``, or ``not-addressed``."""
    timeliness: Timeliness | None
    days_overdue: int = 0
    narrative: str | None = None

    @property
    def symbol(self) -> str:
        mark = SYMBOLS[self.state]
        return mark + "!" if self.timeliness is Timeliness.OVERDUE else mark


@frozen(kw_only=True)
class NationalSummary:
    """Many plans rolled up as of one date."""

    as_of: pendulum.Date
    responders: tuple[tuple[str, str], ...]
    """(slug, name), in the order given."""
    titles: dict[str, str]
    numbers: tuple[int, ...]
    cells: dict[tuple[str, int], Cell]
    notes: tuple[str, ...] = ()
    police_uk_ids: dict[str, str] = field(factory=dict)
    """Each force's data.police.uk identifier, by slug (other responders have none)."""

    def cell(self, responder: str, number: int) -> Cell:
        return self.cells[responder, number]

    def per_recommendation(self) -> list[dict[str, Any]]:
        """For each recommendation: how many responders it is addressed to, answered, in each
        state, and overdue."""
        rows = []
        for number in self.numbers:
            cells = [c for (_, n), c in self.cells.items() if n == number and c.addressed]
            states = Counter(c.state for c in cells)
            rows.append(
                {
                    "recommendation": number,
                    "addressed": len(cells),
                    "answered": sum(c.answered for c in cells),
                    "overdue": sum(c.timeliness is Timeliness.OVERDUE for c in cells),
                    **{state: states.get(state, 0) for state in STATES},
                }
            )
        return rows

    def per_status(self) -> dict[str, int]:
        counts = Counter(c.state for c in self.cells.values() if c.addressed)
        return {state: counts.get(state, 0) for state in STATES}

    def missing(self) -> dict[str, list[int]]:
        """Responders, and the addressed recommendations they give no response to."""
        result: dict[str, list[int]] = {}
        for slug, _ in self.responders:
            numbers = [
                n
                for n in self.numbers
                if self.cells[slug, n].addressed and not self.cells[slug, n].answered
            ]
            if numbers:
                result[slug] = numbers
        return result

    def overdue_themes(self, cat: Catalogue | None = None) -> list[tuple[str, int]]:
        """Themes by how many responder-recommendation pairs are overdue, most first."""
        cat = or_shipped(cat)
        counts: Counter[str] = Counter()
        for cell in self.cells.values():
            if cell.timeliness is Timeliness.OVERDUE:
                counts.update(cat.recommendation(cell.number).themes)
        return counts.most_common()

    # -- outputs -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "recommendations": list(self.numbers),
            "responders": [
                {
                    "responder": slug,
                    "police_uk_id": self.police_uk_ids.get(slug),
                    "name": name,
                    "title": self.titles.get(slug),
                    "cells": {
                        str(n): {
                            "state": self.cells[slug, n].state,
                            "timeliness": self.cells[slug, n].timeliness,
                            "days_overdue": self.cells[slug, n].days_overdue,
                        }
                        for n in self.numbers
                    },
                }
                for slug, name in self.responders
            ],
            "per_recommendation": self.per_recommendation(),
            "per_status": self.per_status(),
            "missing": self.missing(),
            "overdue_themes": dict(self.overdue_themes()),
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        """One row per responder and recommendation, safe to open in a spreadsheet."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "responder",
                "police_uk_id",
                "responder_name",
                "plan_title",
                "recommendation",
                "addressed",
                "answered",
                "state",
                "timeliness",
                "days_overdue",
                "narrative",
            ]
        )
        names = dict(self.responders)
        for slug, _ in self.responders:
            for number in self.numbers:
                cell = self.cells[slug, number]
                writer.writerow(
                    [
                        neutralise(slug),
                        self.police_uk_ids.get(slug, ""),
                        neutralise(names[slug]),
                        neutralise(self.titles.get(slug, "")),
                        number,
                        "yes" if cell.addressed else "no",
                        "yes" if cell.answered else "no",
                        cell.state,
                        cell.timeliness or "",
                        cell.days_overdue,
                        neutralise(cell.narrative or ""),
                    ]
                )
        return out.getvalue()

    def format_table(self) -> str:
        """The matrix for a terminal: a row per responder, a column per recommendation."""
        width = max([len(slug) for slug, _ in self.responders] + [9])
        header = "responder".ljust(width) + " " + " ".join(f"{n:>3}" for n in self.numbers)
        lines = [f"Progress as of {self.as_of.isoformat()}", header]
        for slug, _ in self.responders:
            marks = " ".join(f"{self.cells[slug, n].symbol:>3}" for n in self.numbers)
            lines.append(slug.ljust(width) + " " + marks)
        lines.append("")
        lines.append(
            "C complete, O ongoing, P in progress, N not started, NA not applicable, "
            "x not answered, - not addressed; ! overdue"
        )
        lines.append("")
        status = self.per_status()
        lines.append("By state: " + ", ".join(f"{k} {v}" for k, v in status.items()))
        overdue = sum(1 for c in self.cells.values() if c.timeliness is Timeliness.OVERDUE)
        lines.append(f"Overdue: {overdue}")
        for slug, numbers in self.missing().items():
            lines.append(f"{slug} gives no response to: {', '.join(map(str, numbers))}")
        lines.extend(self.notes)
        return "\n".join(lines) + "\n"


STATES = (
    "complete",
    "ongoing",
    "in-progress",
    "not-started",
    "not-applicable",
    "unanswered",
)


def summarise(
    plans: Iterable[ActionPlan],
    as_of: dt.date | str,
    *,
    catalogue: Catalogue | None = None,
) -> NationalSummary:
    """Roll many plans up as of ``as_of``. Where two plans share a responder, the later one (by
    ``as_of``, then ``published``, then order given) counts, and a note says so."""
    cat = or_shipped(catalogue)
    day = to_date(as_of)
    chosen: dict[str, ActionPlan] = {}
    notes: list[str] = []
    for plan in plans:
        previous = chosen.get(plan.responder)
        if previous is not None:
            notes.append(f"{plan.responder}: more than one plan given; the latest is used")
            if _date_key(plan) < _date_key(previous):
                continue
        chosen[plan.responder] = plan
    responders: list[tuple[str, str]] = []
    numbers: set[int] = set()
    progress = {}
    for slug, plan in chosen.items():
        try:
            name = cat.responder(slug).name
        except UnknownAgency:
            name = slug
        responders.append((slug, name))
        progress[slug] = status_as_of(plan, day, catalogue=cat)
        numbers |= {r.number for r in progress[slug].recommendations}
    ordered = tuple(sorted(numbers))
    cells: dict[tuple[str, int], Cell] = {}
    for slug, _ in responders:
        by_number = {r.number: r for r in progress[slug].recommendations}
        try:
            addressed = {r.number for r in cat.addressed_to(slug)}
        except UnknownAgency:
            addressed = set()
        plan = chosen[slug]
        for number in ordered:
            rec = by_number.get(number)
            if rec is None:
                cells[slug, number] = Cell(
                    responder=slug,
                    number=number,
                    addressed=False,
                    answered=False,
                    state="not-addressed",
                    timeliness=None,
                )
                continue
            response = plan.response_to(number) or plan.response_to(cat.recommendation(number).slug)
            cells[slug, number] = Cell(
                responder=slug,
                number=number,
                addressed=number in addressed,
                answered=rec.answered,
                state=str(rec.state) if rec.answered else "unanswered",
                timeliness=rec.timeliness,
                days_overdue=rec.days_overdue,
                narrative=response.narrative if response is not None else None,
            )
    return NationalSummary(
        as_of=day,
        responders=tuple(responders),
        titles={slug: plan.title for slug, plan in chosen.items() if plan.title},
        numbers=ordered,
        cells=cells,
        notes=tuple(notes),
        police_uk_ids={
            force.slug: force.police_uk_id
            for force in cat.forces
            if force.slug in chosen and force.police_uk_id
        },
    )


def _date_key(plan: ActionPlan) -> tuple[pendulum.Date, pendulum.Date]:
    floor = pendulum.date(1, 1, 1)
    return (plan.as_of or floor, plan.published or floor)
