"""Met late only where a date shows the work finished after the deadline (issue 24, point 6;
DESIGN.md: a plan that says complete without saying when gets the benefit of the doubt)."""

import superplan as sp
from superplan.progress import ScheduleState, status_as_of

DEADLINE = "2025-03-27"  # recommendation 7: six months


def _plan(response, **dates):
    return sp.ActionPlan(responder="kent", responses=(response,), **dates)


def test_complete_with_only_the_plans_date_is_on_time_with_the_doubt_said():
    # The plan, dated after the deadline, says complete and nothing more.
    plan = _plan(sp.Response(recommendation=7, status="complete"), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert rec.schedule is ScheduleState.MET_ON_TIME
    assert rec.certain is False
    assert "does not say when the work was finished" in rec.reason


def test_an_action_complete_with_only_the_plans_date_is_not_met_late():
    action = sp.Action(id="a", description="d", status="complete")
    plan = _plan(sp.Response(recommendation=7, actions=(action,)), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert rec.actions[0].schedule is ScheduleState.MET_ON_TIME
    assert rec.actions[0].certain is False
    assert rec.schedule is ScheduleState.MET_ON_TIME
    assert rec.certain is False


def test_still_in_progress_after_the_deadline_then_complete_is_met_late():
    updates = (
        sp.ProgressUpdate(date="2025-04", status="in-progress"),
        sp.ProgressUpdate(date="2025-06", status="complete"),
    )
    plan = _plan(sp.Response(recommendation=7, updates=updates), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert (rec.schedule, rec.certain) == (ScheduleState.MET_LATE, True)


def test_in_progress_in_the_deadlines_own_month_is_no_evidence_of_late():
    updates = (
        sp.ProgressUpdate(date="2025-03", status="in-progress"),
        sp.ProgressUpdate(date="2025-06", status="complete"),
    )
    plan = _plan(sp.Response(recommendation=7, updates=updates), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert (rec.schedule, rec.certain) == (ScheduleState.MET_ON_TIME, False)


def test_an_actual_completion_after_the_deadline_is_met_late():
    action = sp.Action(id="a", description="d", status="complete", actual_completion="2025-05-02")
    plan = _plan(sp.Response(recommendation=7, actions=(action,)), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert rec.actions[0].schedule is ScheduleState.MET_LATE
    # the whole response, from its one action: late as well, on the same evidence
    assert (rec.schedule, rec.delivery_from) == (ScheduleState.MET_LATE, "actions")


def test_a_not_stated_gap_is_no_evidence_of_late():
    # an update with no status between is not a statement that the work was unfinished
    updates = (
        sp.ProgressUpdate(date="2025-04", note="We will report later."),
        sp.ProgressUpdate(date="2025-06", status="complete"),
    )
    plan = _plan(sp.Response(recommendation=7, updates=updates), as_of="2025-06-30")
    rec = status_as_of(plan, "2025-07-01").recommendation(7)
    assert rec.schedule is ScheduleState.MET_ON_TIME
    assert not rec.certain
