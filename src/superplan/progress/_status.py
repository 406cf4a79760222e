"""Where a plan stands on a given date: three kinds of status, kept apart.

- **Delivery** is only ever what the responder stated: not started, in progress, complete,
  ongoing (business as usual), not applicable, or **not stated** when it gave no status. Never
  "not started" for a status nobody gave.
- **Schedule** is computed as of a date from the deadline and the dated statements: not yet
  due, due soon (within 30 days), overdue, met on time, met late, no deadline, or "deadline passed,
  no status stated" (not the same as overdue: nobody said the work is unfinished).
- **RAG** is derived from delivery and schedule by one table, :data:`RAG_TABLE`.

The rules, in full (docs/progress.md gives them with examples):

1. A *statement* is a status with a date: each progress update that gives a status (at its
   date's precision), and the item's own ``status``. The item's own status, and an undated
   update's, are dated at the plan's ``as_of`` (else ``published``); where the plan gives neither
   date, such a status holds throughout.
2. A statement counts on ``day`` once it is surely made: its date's last possible day is on or
   before ``day`` (a "March 2025" update counts from 31 March 2025).
3. Delivery on ``day`` is the status of the latest statement that counts (ordered by date, a
   month before the days within it), else the undated status, else not stated.
4. A response's delivery is its own; where it states none, it comes from its actions and parts
   only when every one of them states one: all done is complete (ongoing if any is ongoing), all
   not applicable is not applicable, all not started is not started, anything else in progress.
   Otherwise it is not stated.
5. The deadline of a recommendation is its milestone's date. An action's is its own due date
   (a month means "by the end of that month") or milestone, else its recommendation's. A due
   date marked ``not_before`` ("March 26 earliest") is not a deadline: the recommendation's
   deadline stands, and the date is kept as ``not_before``.
6. Done (complete or ongoing) on a date: the action's ``actual_completion`` if given, else the
   first statement of the latest unbroken run of done statements (done *by* then: a statement's
   date is when it was made, not when the work finished). Met on time when that date is surely
   on or before the deadline. Met late only when a date shows the work finished after the
   deadline: an ``actual_completion`` surely after it, or a statement that it was not done
   (not started, in progress) dated surely after it. **Where the dates cannot tell** (done in
   the deadline's month; stated done after the deadline with no earlier word; done at an unknown
   date) superplan gives the benefit of the doubt, says met on time, and marks the verdict
   ``certain=False`` with the reason.
7. Not done: overdue once ``day`` is after the deadline; due soon within the 30 days before it;
   not yet due before that. With delivery not stated: "deadline passed, not stated" once the
   deadline has passed (never overdue), else not yet due or due soon.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

import pendulum
from attrs import frozen

from ..catalogue import Catalogue, given_or_shipped
from ..errors import UnknownAgency
from ..model import (
    Action,
    ActionPlan,
    DeliveryStatus,
    Part,
    PartialDate,
    ProgressUpdate,
    Response,
    to_date,
)
from ._plain import plain

__all__ = [
    "DUE_SOON_DAYS",
    "RAG_TABLE",
    "ActionProgress",
    "Delivery",
    "PlanProgress",
    "Rag",
    "RecommendationProgress",
    "ScheduleState",
    "TimelineEntry",
    "gives_answer",
    "rag",
    "status_as_of",
]

DUE_SOON_DAYS = 30
"""How close to its deadline an unfinished item counts as due soon."""


class Delivery(StrEnum):
    """Delivery as stated, or not stated. The first five are :class:`DeliveryStatus`'s values."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETE = "complete"
    ONGOING = "ongoing"
    NOT_APPLICABLE = "not-applicable"
    NOT_STATED = "not-stated"
    """The responder gave no status: never read as not started."""

    @property
    def done(self) -> bool:
        return self in (Delivery.COMPLETE, Delivery.ONGOING)


class ScheduleState(StrEnum):
    """Where an item stands against its deadline on a date."""

    NOT_YET_DUE = "not-yet-due"
    DUE_SOON = "due-soon"
    """Not done, and the deadline is within 30 days."""
    OVERDUE = "overdue"
    """Stated as not done, and the deadline has passed."""
    MET_ON_TIME = "met-on-time"
    MET_LATE = "met-late"
    NO_DEADLINE = "no-deadline"
    DEADLINE_PASSED_NOT_STATED = "deadline-passed-not-stated"
    """The deadline has passed and no status is stated: not known to be overdue."""
    NOT_APPLICABLE = "not-applicable"
    """The responder states that the item does not apply to it."""


class Rag(StrEnum):
    """A red/amber/green summary, derived from delivery and schedule (never stated by a force:
    a force's own "Green" is kept as its status text)."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NOT_STATED = "not-stated"
    NOT_APPLICABLE = "not-applicable"


def _rag_table() -> dict[tuple[Delivery, ScheduleState], Rag]:
    table: dict[tuple[Delivery, ScheduleState], Rag] = {}
    for schedule in ScheduleState:
        table[Delivery.NOT_STATED, schedule] = Rag.NOT_STATED
        table[Delivery.NOT_APPLICABLE, schedule] = Rag.NOT_APPLICABLE
        for done in (Delivery.COMPLETE, Delivery.ONGOING):
            table[done, schedule] = Rag.GREEN
    table |= {
        (Delivery.IN_PROGRESS, ScheduleState.NOT_YET_DUE): Rag.GREEN,
        (Delivery.IN_PROGRESS, ScheduleState.DUE_SOON): Rag.AMBER,
        (Delivery.IN_PROGRESS, ScheduleState.OVERDUE): Rag.RED,
        (Delivery.IN_PROGRESS, ScheduleState.NO_DEADLINE): Rag.AMBER,
        (Delivery.NOT_STARTED, ScheduleState.NOT_YET_DUE): Rag.AMBER,
        (Delivery.NOT_STARTED, ScheduleState.DUE_SOON): Rag.RED,
        (Delivery.NOT_STARTED, ScheduleState.OVERDUE): Rag.RED,
        (Delivery.NOT_STARTED, ScheduleState.NO_DEADLINE): Rag.AMBER,
    }
    return table


RAG_TABLE: dict[tuple[Delivery, ScheduleState], Rag] = _rag_table()
"""The RAG for each pair of delivery and schedule that can occur (docs/progress.md shows it)."""


def rag(delivery: Delivery, schedule: ScheduleState) -> Rag:
    """The RAG of a delivery and schedule pair, from :data:`RAG_TABLE`."""
    return RAG_TABLE[delivery, schedule]


@frozen(kw_only=True)
class TimelineEntry:
    """One update in a recommendation's timeline, with where it sits in the plan."""

    date: PartialDate | None
    """None for an update the plan gives without a date."""
    source: str
    """``response``, ``part 7.1`` or ``action 7-1``."""
    update: ProgressUpdate


@frozen(kw_only=True)
class ActionProgress:
    """An action's, or a part's, status on one date."""

    id: str
    """The action's id, or the part's number."""
    kind: str
    """``action`` or ``part``."""
    delivery: Delivery
    status_text: str | None
    """The responder's own words for the status given, if any."""
    stated_on: PartialDate | None
    """The date of the statement the delivery comes from; None if undated or not stated."""
    deadline: PartialDate | None
    not_before: PartialDate | None
    schedule: ScheduleState
    rag: Rag
    certain: bool = True
    """False where the dates cannot tell on time from late (see ``reason``)."""
    reason: str | None = None
    done_on: PartialDate | None = None
    """When it was first stated done (or its actual completion date)."""
    unfinished_on: PartialDate | None = None
    """For a done item, the latest date it is known to have been unfinished: a statement that
    it was not done just before it was stated done, or its actual completion date. Met late
    is said only when this date is after the deadline."""
    days_overdue: int = 0


@frozen(kw_only=True)
class RecommendationProgress:
    """A recommendation's status in one plan on one date."""

    number: int
    answered: bool
    delivery: Delivery
    delivery_from: str | None
    """``response`` (its own status), ``actions`` (every action and part stated one) or None."""
    status_text: str | None
    deadline: pendulum.Date | None
    milestone: str | None
    schedule: ScheduleState
    rag: Rag
    certain: bool = True
    reason: str | None = None
    done_on: PartialDate | None = None
    days_overdue: int = 0
    actions: tuple[ActionProgress, ...] = ()
    """The response's parts, then its actions."""
    timeline: tuple[TimelineEntry, ...] = ()
    """Every update of the response, its parts and actions: dated ones newest first, then the
    undated ones in the plan's order."""

    @property
    def overdue(self) -> bool:
        return self.schedule is ScheduleState.OVERDUE


@frozen(kw_only=True)
class PlanProgress:
    """A plan's progress as of one date."""

    responder: str
    as_of: pendulum.Date
    recommendations: tuple[RecommendationProgress, ...]

    def recommendation(self, number: int) -> RecommendationProgress:
        for rec in self.recommendations:
            if rec.number == number:
                return rec
        raise LookupError(f"recommendation {number} is not in this plan's progress")

    @property
    def overdue(self) -> tuple[RecommendationProgress, ...]:
        return tuple(r for r in self.recommendations if r.overdue)

    def to_dict(self) -> dict[str, Any]:
        """The progress as JSON's types: every field, dates as ISO text, states as their
        values, updates as the plan writes them; and ``counts`` (as :meth:`counts`)."""
        return {**plain(self), "counts": self.counts()}

    def counts(self) -> dict[str, int]:
        """How many recommendations are in each delivery state and each schedule state, and
        unanswered: the figures a plan page's summary shows."""
        result = {str(d): 0 for d in Delivery} | {str(s): 0 for s in ScheduleState}
        result["unanswered"] = 0
        for rec in self.recommendations:
            result[str(rec.delivery)] += 1
            result[str(rec.schedule)] += 1
            result["unanswered"] += not rec.answered
        return result


# -- statements --------------------------------------------------------------------------------

_Statement = tuple[PartialDate, DeliveryStatus, str | None]


def _statements(
    updates: Iterable[ProgressUpdate],
    status: DeliveryStatus | None,
    status_text: str | None,
    stated_on: PartialDate | None,
) -> tuple[list[_Statement], tuple[DeliveryStatus, str | None] | None]:
    """Dated statements in date order; and an undated one that holds throughout, if any."""
    dated: list[_Statement] = []
    undated: tuple[DeliveryStatus, str | None] | None = None
    for update in updates:
        if update.status is None:
            continue
        when = update.date or stated_on
        if when is None:
            undated = (update.status, update.status_text)
        else:
            dated.append((when, update.status, update.status_text))
    if status is not None:
        if stated_on is None:
            undated = (status, status_text)
        else:
            dated.append((stated_on, status, status_text))
    dated.sort(key=lambda s: s[0].sort_key)  # stable: the plan's order among equal dates
    return dated, undated


@frozen(kw_only=True)
class _Stated:
    delivery: Delivery
    status_text: str | None
    stated_on: PartialDate | None
    done_since: PartialDate | None
    unfinished_on: PartialDate | None = None
    """The statement just before the run of done ones, if it said not done (met-late evidence)."""


def _stated(
    dated: list[_Statement],
    undated: tuple[DeliveryStatus, str | None] | None,
    day: pendulum.Date,
) -> _Stated:
    made = [s for s in dated if s[0].latest <= day]
    if not made:
        if undated is None:
            return _Stated(
                delivery=Delivery.NOT_STATED, status_text=None, stated_on=None, done_since=None
            )
        return _Stated(
            delivery=Delivery(undated[0]), status_text=undated[1], stated_on=None, done_since=None
        )
    when, status, text = made[-1]
    delivery = Delivery(status)
    done_since = unfinished_on = None
    if delivery.done:
        for date, earlier, _ in reversed(made):
            if not Delivery(earlier).done:
                if earlier in (DeliveryStatus.NOT_STARTED, DeliveryStatus.IN_PROGRESS):
                    unfinished_on = date
                break
            done_since = date
    return _Stated(
        delivery=delivery,
        status_text=text,
        stated_on=when,
        done_since=done_since,
        unfinished_on=unfinished_on,
    )


# -- schedule ----------------------------------------------------------------------------------


@frozen(kw_only=True)
class _Schedule:
    state: ScheduleState
    certain: bool = True
    reason: str | None = None
    days_overdue: int = 0


def _schedule(
    delivery: Delivery,
    deadline: PartialDate | None,
    done_on: PartialDate | None,
    day: pendulum.Date,
    unfinished_on: PartialDate | None = None,
) -> _Schedule:
    """``unfinished_on``: the latest date the work is known to have been unfinished (a
    statement that it was not done, or the actual completion date itself)."""
    if delivery is Delivery.NOT_APPLICABLE:
        return _Schedule(state=ScheduleState.NOT_APPLICABLE)
    if deadline is None:
        return _Schedule(state=ScheduleState.NO_DEADLINE)
    if delivery.done:
        if done_on is not None and done_on.surely_on_or_before(deadline.latest):
            return _Schedule(state=ScheduleState.MET_ON_TIME)
        if unfinished_on is not None and unfinished_on.surely_after(deadline.latest):
            return _Schedule(state=ScheduleState.MET_LATE)
        if done_on is None:
            reason = "stated as done, but the plan does not say when"
        elif done_on.surely_after(deadline.latest):
            reason = (
                f"stated as done by {done_on}, after the deadline of {deadline}, but the plan "
                "does not say when the work was finished"
            )
        else:
            reason = f"done in {done_on}, which may be on or after the deadline of {deadline}"
        return _Schedule(state=ScheduleState.MET_ON_TIME, certain=False, reason=reason)
    # A deadline given as a month means "by the end of that month".
    last_day = deadline.latest
    if day > last_day:
        if delivery is Delivery.NOT_STATED:
            return _Schedule(state=ScheduleState.DEADLINE_PASSED_NOT_STATED)
        return _Schedule(state=ScheduleState.OVERDUE, days_overdue=(day - last_day).days)
    if (last_day - day).days <= DUE_SOON_DAYS:
        return _Schedule(state=ScheduleState.DUE_SOON)
    return _Schedule(state=ScheduleState.NOT_YET_DUE)


# -- items -------------------------------------------------------------------------------------


def _as_partial(day: pendulum.Date | None) -> PartialDate | None:
    return None if day is None else PartialDate.of(day)


def _action_deadline(
    action: Action, deadline: pendulum.Date | None, cat: Catalogue
) -> tuple[PartialDate | None, PartialDate | None]:
    """(the deadline, a not-before date)."""
    due = action.due
    if due is None:
        return _as_partial(deadline), None
    if due.date is not None:
        if due.not_before:
            return _as_partial(deadline), due.date
        return due.date, None
    on = cat.milestone_date(due.milestone) or deadline
    if due.not_before:
        return _as_partial(deadline), _as_partial(cat.milestone_date(due.milestone))
    return _as_partial(on), None


def _item_progress(
    item: Action | Part,
    deadline: PartialDate | None,
    not_before: PartialDate | None,
    stated_on: PartialDate | None,
    day: pendulum.Date,
) -> ActionProgress:
    dated, undated = _statements(item.updates, item.status, item.status_text, stated_on)
    stated = _stated(dated, undated, day)
    done_on, unfinished_on = stated.done_since, stated.unfinished_on
    if isinstance(item, Action) and stated.delivery.done and item.actual_completion is not None:
        done_on = unfinished_on = item.actual_completion
    schedule = _schedule(stated.delivery, deadline, done_on, day, unfinished_on)
    return ActionProgress(
        id=item.id if isinstance(item, Action) else item.part,
        kind="action" if isinstance(item, Action) else "part",
        delivery=stated.delivery,
        status_text=stated.status_text,
        stated_on=stated.stated_on,
        deadline=deadline,
        not_before=not_before,
        schedule=schedule.state,
        rag=rag(stated.delivery, schedule.state),
        certain=schedule.certain,
        reason=schedule.reason,
        done_on=done_on if stated.delivery.done else None,
        unfinished_on=unfinished_on if stated.delivery.done else None,
        days_overdue=schedule.days_overdue,
    )


def _from_items(items: tuple[ActionProgress, ...]) -> Delivery:
    """A response's delivery from its actions and parts, when every one states a status."""
    states = [item.delivery for item in items]
    if not states or Delivery.NOT_STATED in states:
        return Delivery.NOT_STATED
    applicable = [s for s in states if s is not Delivery.NOT_APPLICABLE]
    if not applicable:
        return Delivery.NOT_APPLICABLE
    if all(s.done for s in applicable):
        return Delivery.ONGOING if Delivery.ONGOING in applicable else Delivery.COMPLETE
    if all(s is Delivery.NOT_STARTED for s in applicable):
        return Delivery.NOT_STARTED
    return Delivery.IN_PROGRESS


def _timeline(response: Response) -> tuple[TimelineEntry, ...]:
    entries = [TimelineEntry(date=u.date, source="response", update=u) for u in response.updates]
    for part in response.parts:
        entries += [
            TimelineEntry(date=u.date, source=f"part {part.part}", update=u) for u in part.updates
        ]
    for action in response.actions:
        entries += [
            TimelineEntry(date=u.date, source=f"action {action.id}", update=u)
            for u in action.updates
        ]
    dated = [e for e in entries if e.date is not None]
    # Newest first; among equal dates, the plan's order.
    dated.sort(key=lambda e: e.date.sort_key if e.date else (), reverse=True)
    return tuple(dated + [e for e in entries if e.date is None])


def _recommendation_progress(
    number: int,
    response: Response | None,
    stated_on: PartialDate | None,
    day: pendulum.Date,
    cat: Catalogue,
) -> RecommendationProgress:
    rec = cat.recommendation(number)
    deadline = cat.deadline(number)
    if response is None:
        schedule = _schedule(Delivery.NOT_STATED, _as_partial(deadline), None, day)
        return RecommendationProgress(
            number=number,
            answered=False,
            delivery=Delivery.NOT_STATED,
            delivery_from=None,
            status_text=None,
            deadline=deadline,
            milestone=rec.deadline.value,
            schedule=schedule.state,
            rag=rag(Delivery.NOT_STATED, schedule.state),
        )
    items = tuple(
        _item_progress(part, _as_partial(deadline), None, stated_on, day) for part in response.parts
    ) + tuple(
        _item_progress(action, *_action_deadline(action, deadline, cat), stated_on, day)
        for action in response.actions
    )
    dated, undated = _statements(response.updates, response.status, response.status_text, stated_on)
    stated = _stated(dated, undated, day)
    delivery, done_on, unfinished_on = stated.delivery, stated.done_since, stated.unfinished_on
    source: str | None = "response"
    if delivery is Delivery.NOT_STATED:
        delivery, source = _from_items(items), "actions"
        done = [i.done_on for i in items if i.done_on is not None]
        done_on = max(done, key=lambda d: d.sort_key) if delivery.done and done else None
        if delivery.done and len(done) < sum(i.delivery.done for i in items):
            done_on = None  # one item's completion date is not known: nor is the whole's
        unfinished = [i.unfinished_on for i in items if i.unfinished_on is not None]
        unfinished_on = max(unfinished, key=lambda d: d.sort_key) if unfinished else None
        if delivery is Delivery.NOT_STATED:
            source = None
    schedule = _schedule(delivery, _as_partial(deadline), done_on, day, unfinished_on)
    return RecommendationProgress(
        number=number,
        answered=True,
        delivery=delivery,
        delivery_from=source,
        status_text=stated.status_text,
        deadline=deadline,
        milestone=rec.deadline.value,
        schedule=schedule.state,
        rag=rag(delivery, schedule.state),
        certain=schedule.certain,
        reason=schedule.reason,
        done_on=done_on if delivery.done else None,
        days_overdue=schedule.days_overdue,
        actions=items,
        timeline=_timeline(response),
    )


def gives_answer(response: Response) -> bool:
    """True when a response says something: a narrative, an action, a part, an update, a
    status, a judgement (acceptance, compliance), a lead, a translation or a link. A response
    that only quotes the recommendation or carries a note on the record (a "Response" heading
    with nothing under it) is **not answered**, on pages, in the roll-up and in the API alike."""
    return bool(
        response.narrative
        or response.actions
        or response.parts
        or response.updates
        or response.status
        or response.status_text
        or response.acceptance
        or response.acceptance_text
        or response.compliance
        or response.compliance_text
        or response.owner
        or response.translations
        or response.links
    )


def _responses(plan: ActionPlan, cat: Catalogue) -> Iterator[tuple[int, Response]]:
    for response in plan.responses:
        rec = cat.find(response.recommendation)
        if rec is not None:
            yield rec.number, response


def status_as_of(
    plan: ActionPlan, day: dt.date | str, *, catalogue: Catalogue | None = None
) -> PlanProgress:
    """Where ``plan`` stands on ``day``: every recommendation addressed to its responder (and
    any other it answers) with its delivery, schedule and RAG, and the same for each part and
    action, and the updates newest first. See this module's rules."""
    cat = given_or_shipped(catalogue)
    when = to_date(day)
    stated_on = _as_partial(plan.as_of or plan.published)
    responses: dict[int, Response] = {}
    for number, response in _responses(plan, cat):
        responses.setdefault(number, response)
    # an empty response is no answer; it is still listed (a response to a recommendation not
    # addressed to the responder keeps its row)
    listed = set(responses)
    responses = {n: r for n, r in responses.items() if gives_answer(r)}
    try:
        numbers = {rec.number for rec in cat.addressed_to(plan.responder)}
    except UnknownAgency:
        numbers = set()
    numbers |= listed
    return PlanProgress(
        responder=plan.responder,
        as_of=when,
        recommendations=tuple(
            _recommendation_progress(n, responses.get(n), stated_on, when, cat)
            for n in sorted(numbers)
        ),
    )
