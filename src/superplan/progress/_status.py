"""Where a plan stands on a given date: per recommendation and per action, state and timeliness.

A date is a date: every comparison here is between calendar dates, never datetimes, so no time
zone can move a deadline. The rules, in full:

- An action's **state** on a date is the status of its latest update dated on or before it; the
  action's own ``status`` counts as an update dated at the plan's ``as_of`` (or ``published``), or,
  where the plan gives neither, as holding throughout. With nothing to go on: not started.
- An action is **due** by its own due date or milestone, or else by its recommendation's deadline.
- **Timeliness** on a date: ``met`` once complete or ongoing (with the days late, if it was done
  after the due date), ``not-applicable`` for actions that do not apply, ``overdue`` (by how many
  days) when not done and the due date has passed, ``due`` when not done and not yet past, and
  ``no-deadline`` when no due date is known.
- A **response's** state comes from its own updates and status in the same way; where it has
  none, from its actions: all done means complete (ongoing if any is ongoing), any progress means
  in progress, else not started. A recommendation with no response is ``answered=False``.
"""

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

import pendulum
from attrs import frozen

from ..catalogue import Catalogue
from ..catalogue._load import or_shipped
from ..errors import UnknownAgency
from ..model import Action, ActionPlan, ActionStatus, ProgressUpdate, Response, to_date

__all__ = ["ActionProgress", "PlanProgress", "RecommendationProgress", "Timeliness", "status_as_of"]

_DONE = (ActionStatus.COMPLETE, ActionStatus.ONGOING)


class Timeliness(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    MET = "met"
    NO_DEADLINE = "no-deadline"
    NOT_APPLICABLE = "not-applicable"


@frozen(kw_only=True)
class ActionProgress:
    id: str
    state: ActionStatus
    due: pendulum.Date | None
    timeliness: Timeliness
    days_overdue: int = 0
    """Days past the due date, when overdue."""
    days_late: int = 0
    """Days past the due date it was done on, when met late."""
    done_on: pendulum.Date | None = None


@frozen(kw_only=True)
class RecommendationProgress:
    number: int
    answered: bool
    state: ActionStatus
    deadline: pendulum.Date | None
    timeliness: Timeliness
    days_overdue: int = 0
    days_late: int = 0
    actions: tuple[ActionProgress, ...] = ()


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
        return tuple(r for r in self.recommendations if r.timeliness is Timeliness.OVERDUE)


def _facts(
    updates: Iterable[ProgressUpdate], status: ActionStatus | None, stated_on: pendulum.Date | None
) -> tuple[list[tuple[pendulum.Date, ActionStatus]], ActionStatus | None]:
    """Dated statuses, oldest first; and an undated status that holds throughout, if any."""
    # Until the rewrite of this module for partial dates: an update counts from the last day
    # its date may stand for (an undated one does not count here).
    dated = [
        (u.date.latest, u.status) for u in updates if u.status is not None and u.date is not None
    ]
    undated = None
    if status is not None:
        if stated_on is None:
            undated = status
        else:
            dated.append((stated_on, status))
    dated.sort(key=lambda fact: fact[0])
    return dated, undated


def _state_on(
    facts: list[tuple[pendulum.Date, ActionStatus]],
    undated: ActionStatus | None,
    day: pendulum.Date,
) -> tuple[ActionStatus | None, pendulum.Date | None]:
    """The state on ``day``, and the date it was first done (complete or ongoing), if it was."""
    known = [(date, status) for date, status in facts if date <= day]
    if not known:
        return undated, None
    state = known[-1][1]
    done_on = None
    if state in _DONE:
        # The start of the latest unbroken run of done states.
        for date, status in reversed(known):
            if status not in _DONE:
                break
            done_on = date
    return state, done_on


def _timeliness(
    state: ActionStatus,
    due: pendulum.Date | None,
    done_on: pendulum.Date | None,
    day: pendulum.Date,
) -> tuple[Timeliness, int, int]:
    if state is ActionStatus.NOT_APPLICABLE:
        return Timeliness.NOT_APPLICABLE, 0, 0
    if state in _DONE:
        late = (done_on - due).days if (due is not None and done_on is not None) else 0
        return Timeliness.MET, 0, max(late, 0)
    if due is None:
        return Timeliness.NO_DEADLINE, 0, 0
    if day > due:
        return Timeliness.OVERDUE, (day - due).days, 0
    return Timeliness.DUE, 0, 0


def _action_due(
    action: Action, deadline: pendulum.Date | None, cat: Catalogue
) -> pendulum.Date | None:
    if action.due is None:
        return deadline
    if action.due.date is not None:
        return action.due.date.latest
    return cat.milestone_date(action.due.milestone) or deadline


def _action_progress(
    action: Action,
    deadline: pendulum.Date | None,
    stated_on: pendulum.Date | None,
    day: pendulum.Date,
    cat: Catalogue,
) -> ActionProgress:
    facts, undated = _facts(action.updates, action.status, stated_on)
    state, done_on = _state_on(facts, undated, day)
    state = state or ActionStatus.NOT_STARTED
    due = _action_due(action, deadline, cat)
    timeliness, overdue, late = _timeliness(state, due, done_on, day)
    return ActionProgress(
        id=action.id,
        state=state,
        due=due,
        timeliness=timeliness,
        days_overdue=overdue,
        days_late=late,
        done_on=done_on,
    )


def _rolled_up(actions: tuple[ActionProgress, ...]) -> ActionStatus:
    states = [a.state for a in actions if a.state is not ActionStatus.NOT_APPLICABLE]
    if actions and not states:
        return ActionStatus.NOT_APPLICABLE
    if states and all(s in _DONE for s in states):
        return ActionStatus.ONGOING if ActionStatus.ONGOING in states else ActionStatus.COMPLETE
    if any(s is not ActionStatus.NOT_STARTED for s in states):
        return ActionStatus.IN_PROGRESS
    return ActionStatus.NOT_STARTED


def _recommendation_progress(
    number: int,
    response: Response | None,
    stated_on: pendulum.Date | None,
    day: pendulum.Date,
    cat: Catalogue,
) -> RecommendationProgress:
    deadline = cat.deadline(number)
    if response is None:
        timeliness, overdue, _ = _timeliness(ActionStatus.NOT_STARTED, deadline, None, day)
        return RecommendationProgress(
            number=number,
            answered=False,
            state=ActionStatus.NOT_STARTED,
            deadline=deadline,
            timeliness=timeliness,
            days_overdue=overdue,
        )
    actions = tuple(_action_progress(a, deadline, stated_on, day, cat) for a in response.actions)
    facts, undated = _facts(response.updates, response.status, stated_on)
    state, done_on = _state_on(facts, undated, day)
    if state is None:
        state = _rolled_up(actions)
        done_dates = [a.done_on for a in actions if a.done_on is not None]
        done_on = max(done_dates) if state in _DONE and done_dates else None
    timeliness, overdue, late = _timeliness(state, deadline, done_on, day)
    return RecommendationProgress(
        number=number,
        answered=True,
        state=state,
        deadline=deadline,
        timeliness=timeliness,
        days_overdue=overdue,
        days_late=late,
        actions=actions,
    )


def status_as_of(
    plan: ActionPlan, day: dt.date | str, *, catalogue: Catalogue | None = None
) -> PlanProgress:
    """Where ``plan`` stands on ``day``: every recommendation addressed to its responder (and any
    other it answers), with state and timeliness, and the same for each action."""
    cat = or_shipped(catalogue)
    when = to_date(day)
    stated_on = plan.as_of or plan.published
    responses: dict[int, Response] = {}
    for response in plan.responses:
        rec = cat.find(response.recommendation)
        if rec is not None:
            responses.setdefault(rec.number, response)
    try:
        numbers = {rec.number for rec in cat.addressed_to(plan.responder)}
    except UnknownAgency:
        numbers = set()
    numbers |= set(responses)
    return PlanProgress(
        responder=plan.responder,
        as_of=when,
        recommendations=tuple(
            _recommendation_progress(n, responses.get(n), stated_on, when, cat)
            for n in sorted(numbers)
        ),
    )
