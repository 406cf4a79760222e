"""A national roll-up of many plans as of one date: the responder-by-recommendation matrix.

Which plan counts for a responder, at an as-of date: the latest version dated on or before it
(by ``as_of``, else ``published``). Versions dated after it are not counted; a version with
neither date is counted only when no dated version qualifies. Every other version given is
named in the notes with the reason it was left out: nothing is dropped silently.

Who is a row: every responder that gave a plan, and every other responder of the same kinds
that the recommendations address (a roll-up of forces' plans lists all 43 forces; of local
policing bodies, all of them; of national agencies, every addressed agency). A responder with
no plan counted is a row of "no plan as of DATE" (state ``no-plan``), with the dates of any
versions dated later: a roll-up of 24 plans never reads as the whole country.

Every figure (the table's, the chart's, the CSV's) comes from :meth:`NationalSummary.tally`.
"""

import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pendulum
from attrs import field, frozen

from ..catalogue import Catalogue, given_or_shipped
from ..errors import UnknownAgency, UnknownRecommendation
from ..model import ActionPlan, ResponderKind, to_date
from ..tables import csv_writer, neutralise
from ._absence import absence_of
from ._status import Rag, ScheduleState, status_as_of

__all__ = [
    "CATEGORIES",
    "Cell",
    "NationalSummary",
    "PlanChoice",
    "Tally",
    "neutralise",
    "summarise",
]


#: What each state is called in the matrix, in one or two characters that need no colour.
SYMBOLS = {
    "complete": "C",
    "ongoing": "O",
    "in-progress": "P",
    "not-started": "N",
    "not-applicable": "NA",
    "not-stated": "?",
    "unanswered": "x",
    "no-plan": "NP",
    "not-addressed": "-",
}

CATEGORIES = (
    "complete",
    "ongoing",
    "in-progress",
    "not-started",
    "not-applicable",
    "not-stated",
    "unanswered",
    "no-plan",
)
"""The states a responder's answer to an addressed recommendation can be in, in the order every
output lists them: a delivery as stated, not stated (answered, with no status), unanswered, or
no plan (no plan of the responder's counts on the day)."""

STATES = CATEGORIES  # the 1.0 name


@frozen(kw_only=True)
class Cell:
    responder: str
    number: int
    addressed: bool
    answered: bool
    state: str
    """A delivery (``not-stated`` when the response gives none), or ``unanswered``,
    ``no-plan`` or ``not-addressed``."""
    schedule: ScheduleState | None
    rag: Rag | None = None
    days_overdue: int = 0
    narrative: str | None = None

    @property
    def overdue(self) -> bool:
        return self.schedule is ScheduleState.OVERDUE

    @property
    def symbol(self) -> str:
        mark = SYMBOLS[self.state]
        return mark + "!" if self.overdue else mark


@frozen(kw_only=True)
class PlanChoice:
    """Which of a responder's plans counts at the as-of date, and why; and the ones left out."""

    responder: str
    used: int | None
    """The index, in the order given, of the plan that counts; None if none does."""
    reason: str
    left_out: tuple[tuple[int, str], ...] = ()
    """(index, why) for every other plan of this responder."""


@frozen(kw_only=True)
class Tally:
    """The figures for one recommendation: how many responders it is addressed to, in each
    category, and in each schedule state."""

    recommendation: int
    addressed: int
    categories: dict[str, int]
    schedules: dict[str, int]

    @property
    def answered(self) -> int:
        return self.addressed - self.categories["unanswered"] - self.categories["no-plan"]

    @property
    def overdue(self) -> int:
        return self.schedules[ScheduleState.OVERDUE.value]


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
    choices: tuple[PlanChoice, ...] = ()
    police_uk_ids: dict[str, str] = field(factory=dict)
    """Each force's data.police.uk identifier, by slug (other responders have none)."""
    without_plan: tuple[str, ...] = ()
    """Responders that are rows with no plan counted on the day, in row order."""
    later: dict[str, tuple[str, ...]] = field(factory=dict)
    """For a responder with no plan counted: the dates of its versions dated after the day."""
    kinds: dict[str, str] = field(factory=dict)
    """Each row's kind of responder (``force``, ``local-policing-body``, ``agency``)."""

    def coverage(self) -> list[tuple[str, int, int]]:
        """(kind, rows with a plan counted, rows) for each kind of responder, in row order:
        the "24 of 43 forces" of the roll-up's lead text."""
        out: dict[str, list[int]] = {}
        for slug, _ in self.responders:
            counts = out.setdefault(self.kinds.get(slug, "other"), [0, 0])
            counts[0] += slug not in self.without_plan
            counts[1] += 1
        return [(kind, counted, total) for kind, (counted, total) in out.items()]

    def cell(self, responder: str, number: int) -> Cell:
        """One responder's status on one recommendation. Raises
        :class:`~superplan.UnknownAgency` for a responder not in the summary and
        :class:`~superplan.UnknownRecommendation` for a number not in it (both ``LookupError``)."""
        try:
            return self.cells[responder, number]
        except (KeyError, TypeError):
            if all(slug != responder for slug, _ in self.responders):
                raise UnknownAgency(responder) from None
            raise UnknownRecommendation(number) from None

    def tally(self) -> list[Tally]:
        """Per recommendation, the counts every output shows (table, chart and CSV alike)."""
        rows = []
        for number in self.numbers:
            cells = [c for (_, n), c in self.cells.items() if n == number and c.addressed]
            states = Counter(c.state for c in cells)
            # Schedules of answered cells only: an unanswered one is counted once, as not
            # answered, never again as "deadline passed, no status stated".
            schedules = Counter(
                str(c.schedule) for c in cells if c.schedule is not None and c.answered
            )
            rows.append(
                Tally(
                    recommendation=number,
                    addressed=len(cells),
                    categories={state: states.get(state, 0) for state in CATEGORIES},
                    schedules={str(s): schedules.get(str(s), 0) for s in ScheduleState},
                )
            )
        return rows

    def per_recommendation(self) -> list[dict[str, Any]]:
        """For each recommendation: how many responders it is addressed to, answered, in each
        category, and overdue (from :meth:`tally`)."""
        return [
            {
                "recommendation": row.recommendation,
                "addressed": row.addressed,
                "answered": row.answered,
                "overdue": row.overdue,
                "deadline-passed-not-stated": row.schedules["deadline-passed-not-stated"],
                **row.categories,
            }
            for row in self.tally()
        ]

    def per_status(self) -> dict[str, int]:
        """Totals over every recommendation, per category (from :meth:`tally`)."""
        totals = dict.fromkeys(CATEGORIES, 0)
        for row in self.tally():
            for state, count in row.categories.items():
                totals[state] += count
        return totals

    def missing(self) -> dict[str, list[int]]:
        """Responders, and the addressed recommendations they give no response to (a method,
        not an attribute: it is worked out from :attr:`cells` each time)."""
        result: dict[str, list[int]] = {}
        for slug, _ in self.responders:
            numbers = [
                n
                for n in self.numbers
                if self.cells[slug, n].state == "unanswered" and self.cells[slug, n].addressed
            ]
            if numbers:
                result[slug] = numbers
        return result

    def overdue_themes(self, cat: Catalogue | None = None) -> list[tuple[str, int]]:
        """Themes by how many responder-recommendation pairs are overdue, most first."""
        cat = given_or_shipped(cat)
        counts: Counter[str] = Counter()
        for cell in self.cells.values():
            if cell.overdue:
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
                    "plan": slug not in self.without_plan,
                    "later_versions": list(self.later.get(slug, ())),
                    "cells": {
                        str(n): {
                            "state": self.cells[slug, n].state,
                            "absence": absence_of(self.cells[slug, n].state),
                            "schedule": self.cells[slug, n].schedule,
                            "rag": self.cells[slug, n].rag,
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
            "plans": [
                {
                    "responder": c.responder,
                    "used": c.used,
                    "reason": c.reason,
                    "left_out": [{"index": i, "reason": why} for i, why in c.left_out],
                }
                for c in self.choices
            ],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        """One row per responder and recommendation, safe to open in a spreadsheet."""
        out = io.StringIO()
        writer = csv_writer(out, newline="\n")
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
                "schedule",
                "rag",
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
                        cell.schedule or "",
                        cell.rag or "",
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
            "? no status stated, x not answered, NP no plan as of the date, - not addressed; "
            "! overdue"
        )
        lines.append("")
        status = self.per_status()
        lines.append("By state: " + ", ".join(f"{k} {v}" for k, v in status.items()))
        rows = self.tally()
        lines.append(f"Overdue: {sum(row.overdue for row in rows)}")
        passed = sum(row.schedules["deadline-passed-not-stated"] for row in rows)
        lines.append(f"Deadline passed, no status stated: {passed}")
        for slug, numbers in self.missing().items():
            lines.append(f"{slug} gives no response to: {', '.join(map(str, numbers))}")
        for slug in self.without_plan:
            later = self.later.get(slug, ())
            dated = f" (later versions dated {', '.join(later)})" if later else ""
            lines.append(f"{slug}: no plan as of {self.as_of.isoformat()}{dated}")
        lines.extend(self.notes)
        return "\n".join(lines) + "\n"


def _plan_date(plan: ActionPlan) -> pendulum.Date | None:
    return plan.as_of or plan.published


def _choose(responder: str, plans: list[tuple[int, ActionPlan]], day: pendulum.Date) -> PlanChoice:
    """The plan that counts for ``responder`` on ``day``: the latest dated on or before it."""
    dated = [(i, p) for i, p in plans if (d := _plan_date(p)) is not None and d <= day]
    later = [(i, p) for i, p in plans if (d := _plan_date(p)) is not None and d > day]
    undated = [(i, p) for i, p in plans if _plan_date(p) is None]
    left_out: list[tuple[int, str]] = [
        (i, f"dated {_plan_date(p)}, after the as-of date {day}: not counted") for i, p in later
    ]
    if dated:
        # The latest by as_of, then published; among equals, the one given last.
        dated.sort(key=lambda ip: (_plan_date(ip[1]), ip[1].published or _plan_date(ip[1]), ip[0]))
        used_index, used = dated[-1]
        reason = f"the latest version dated on or before {day} (dated {_plan_date(used)})"
        for i, p in dated[:-1]:
            same = _plan_date(p) == _plan_date(used)
            why = (
                f"dated {_plan_date(p)} like the plan used; the one given later is used"
                if same
                else f"dated {_plan_date(p)}, older than the plan used"
            )
            left_out.append((i, why))
        left_out += [(i, "has no date, and a dated version counts") for i, _ in undated]
    elif undated:
        used_index, _ = undated[-1]
        reason = "it has no date (no as_of or published), and no dated version counts"
        left_out += [(i, "has no date; the one given later is used") for i, _ in undated[:-1]]
    else:
        return PlanChoice(
            responder=responder,
            used=None,
            reason=f"every version is dated after {day}",
            left_out=tuple(sorted(left_out)),
        )
    return PlanChoice(
        responder=responder, used=used_index, reason=reason, left_out=tuple(sorted(left_out))
    )


def _notes(choices: list[PlanChoice]) -> list[str]:
    """Which plan was used for each responder and why, and why each other was left out."""
    notes: list[str] = []
    for choice in choices:
        if choice.used is None:
            notes.append(f"{choice.responder}: no plan counted; {choice.reason}")
        elif choice.left_out:
            notes.append(
                f"{choice.responder}: plan {choice.used + 1} of those given is used, "
                f"{choice.reason}"
            )
        for index, why in choice.left_out:
            notes.append(f"{choice.responder}: plan {index + 1} of those given is left out: {why}")
    return notes


def _population(given: list[str], cat: Catalogue) -> list[str]:
    """The rows: the responders given, then every other responder of their kinds that some
    recommendation addresses (groups, such as the chief constables, are not rows)."""
    kinds = set()
    for slug in given:
        try:
            kinds.add(cat.responder(slug).kind)
        except UnknownAgency:
            continue
    rows = list(given)
    for responder in cat.responders:
        if responder.kind not in kinds or responder.slug in rows:
            continue
        if responder.kind is ResponderKind.AGENCY and cat.agency(responder.slug).kind == "group":
            continue
        if cat.addressed_to(responder.slug):
            rows.append(responder.slug)
    return rows


def _cells(
    slug: str, plan: ActionPlan | None, day: pendulum.Date, cat: Catalogue
) -> dict[int, Cell]:
    """A row's cells, by recommendation number: from its plan's progress, or "no plan"."""
    try:
        addressed = {r.number for r in cat.addressed_to(slug)}
    except UnknownAgency:
        addressed = set()
    if plan is None:
        return {
            n: Cell(
                responder=slug,
                number=n,
                addressed=True,
                answered=False,
                state="no-plan",
                schedule=None,
            )
            for n in addressed
        }
    cells = {}
    for rec in status_as_of(plan, day, catalogue=cat).recommendations:
        response = plan.response_to(rec.number) or plan.response_to(
            cat.recommendation(rec.number).slug
        )
        cells[rec.number] = Cell(
            responder=slug,
            number=rec.number,
            addressed=rec.number in addressed,
            answered=rec.answered,
            state=str(rec.delivery) if rec.answered else "unanswered",
            schedule=rec.schedule,
            rag=rec.rag,
            days_overdue=rec.days_overdue,
            narrative=response.narrative if response is not None else None,
        )
    return cells


def summarise(
    plans: Iterable[ActionPlan],
    as_of: dt.date | str,
    *,
    catalogue: Catalogue | None = None,
    everyone: bool = True,
) -> NationalSummary:
    """Roll many plans up as of ``as_of``: each responder counts by its latest plan dated on or
    before it (see this module's rules); the notes say which plan was used and why wherever a
    responder gave more than one, or none counts. With ``everyone`` (the default), every other
    responder of the same kinds that the recommendations address is a row too, with no plan."""
    cat = given_or_shipped(catalogue)
    day = to_date(as_of)
    given = list(plans)
    by_responder: dict[str, list[tuple[int, ActionPlan]]] = {}
    for index, plan in enumerate(given):
        by_responder.setdefault(plan.responder, []).append((index, plan))
    choices = [_choose(slug, versions, day) for slug, versions in by_responder.items()]
    notes = _notes(choices)
    chosen = {c.responder: given[c.used] for c in choices if c.used is not None}
    rows = _population(list(by_responder), cat) if everyone else list(chosen)
    responders: list[tuple[str, str]] = []
    kinds: dict[str, str] = {}
    by_row: dict[str, dict[int, Cell]] = {}
    for slug in rows:
        try:
            found = cat.responder(slug)
            responders.append((slug, found.name))
            kinds[slug] = str(found.kind)
        except UnknownAgency:
            responders.append((slug, slug))
        by_row[slug] = _cells(slug, chosen.get(slug), day, cat)
    ordered = tuple(sorted({n for cells in by_row.values() for n in cells}))
    cells: dict[tuple[str, int], Cell] = {}
    for slug in rows:
        for number in ordered:
            cells[slug, number] = by_row[slug].get(number) or Cell(
                responder=slug,
                number=number,
                addressed=False,
                answered=False,
                state="not-addressed",
                schedule=None,
            )
    later = {
        slug: tuple(
            sorted(
                {
                    str(date)
                    for _, plan in by_responder.get(slug, ())
                    if (date := _plan_date(plan)) is not None and date > day
                }
            )
        )
        for slug in rows
        if slug not in chosen
    }
    return NationalSummary(
        as_of=day,
        responders=tuple(responders),
        titles={slug: plan.title for slug, plan in chosen.items() if plan.title},
        numbers=ordered,
        cells=cells,
        notes=tuple(notes),
        choices=tuple(choices),
        police_uk_ids={
            force.slug: force.police_uk_id
            for force in cat.forces
            if force.slug in by_row and force.police_uk_id
        },
        without_plan=tuple(slug for slug in rows if slug not in chosen),
        later={slug: dates for slug, dates in later.items() if dates},
        kinds=kinds,
    )
