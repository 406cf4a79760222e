"""Progress: status as of a date, versions compared, many plans rolled up, synthetic plans."""

import csv
import datetime as dt
import io
import json

import pendulum
import pytest

import superplan as sp
from superplan.cli import main
from superplan.progress import (
    RAG_TABLE,
    Delivery,
    DiffError,
    Rag,
    ScheduleState,
    diff,
    status_as_of,
    summarise,
    word_diff,
)
from superplan.progress._status import _schedule
from superplan.progress._summary import CATEGORIES, STATES
from superplan.render._summary_page import render_summary_html
from superplan.tables import neutralise
from superplan.testing import synthetic_plans

from ...conftest import EXAMPLES

NY = sp.load_plan(EXAMPLES[1])
MER = sp.load_plan(EXAMPLES[0])

# -- status as of a date: the two examples, worked by hand ------------------------------------
# Neither page states a date. North Yorkshire states no status at all: every recommendation is
# "not stated", and once its deadline passes "deadline passed, not stated", never overdue.
# Merseyside's page says "Recommendation complete." for 28 and 29 (no date): complete, met on time
# with the benefit of the doubt (certain=False). Deadlines: 27 and 28 on 22 Nov 2024, 22 on 27 Sep
# 2025, the rest on 27 Mar 2025; due soon means within the 30 days before.

SIX_MONTH = [7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 23, 25, 29]
NYD, SOON, PASSED = "not-yet-due", "due-soon", "deadline-passed-not-stated"

EXPECTED_NY = {
    "2024-11-01": {**dict.fromkeys([*SIX_MONTH, 22], NYD), 27: SOON, 28: SOON},
    "2024-11-22": {**dict.fromkeys([*SIX_MONTH, 22], NYD), 27: SOON, 28: SOON},
    "2024-11-23": {**dict.fromkeys([*SIX_MONTH, 22], NYD), 27: PASSED, 28: PASSED},
    "2025-03-01": {**dict.fromkeys(SIX_MONTH, SOON), 22: NYD, 27: PASSED, 28: PASSED},
    "2025-03-27": {**dict.fromkeys(SIX_MONTH, SOON), 22: NYD, 27: PASSED, 28: PASSED},
    "2025-09-27": {**dict.fromkeys(SIX_MONTH, PASSED), 22: SOON, 27: PASSED, 28: PASSED},
    "2025-10-01": dict.fromkeys([*SIX_MONTH, 22, 27, 28], PASSED),
}
MET = "met-on-time"
EXPECTED_MERSEYSIDE = {day: {**states, 28: MET, 29: MET} for day, states in EXPECTED_NY.items()}


@pytest.mark.parametrize("day", list(EXPECTED_NY))
def test_north_yorkshire_schedule_per_recommendation(day):
    progress = status_as_of(NY, day)
    assert {r.number: str(r.schedule) for r in progress.recommendations} == EXPECTED_NY[day]
    assert {r.delivery for r in progress.recommendations} == {Delivery.NOT_STATED}
    assert progress.overdue == ()
    # 28 and 29: the page has a heading for each with nothing under it, so not answered
    assert {r.number for r in progress.recommendations if not r.answered} == {28, 29}


@pytest.mark.parametrize("day", list(EXPECTED_MERSEYSIDE))
def test_merseyside_schedule_per_recommendation(day):
    progress = status_as_of(MER, day)
    assert {r.number: str(r.schedule) for r in progress.recommendations} == (
        EXPECTED_MERSEYSIDE[day]
    )
    done = {r.number: r for r in progress.recommendations if r.delivery is Delivery.COMPLETE}
    assert set(done) == {28, 29}
    assert all(r.status_text == "Recommendation complete." for r in done.values())
    assert all(not r.certain and "does not say when" in r.reason for r in done.values())
    assert all(r.rag is Rag.GREEN for r in done.values())
    answered = {r.number for r in progress.recommendations if r.answered}
    # 11 "Response" headings have nothing under them, and 27 has no heading: not answered
    assert answered == {18, 19, 28, 29}
    assert progress.overdue == ()


def test_north_yorkshire_action_due_in_march_2025_is_due_by_its_end():
    a, b = status_as_of(NY, "2025-03-28").recommendation(7).actions
    assert (str(a.deadline), str(a.schedule)) == ("2025-03", "due-soon")  # "By March 25"
    assert (str(b.deadline), str(b.schedule)) == ("2025-03-27", PASSED)
    a, _ = status_as_of(NY, "2025-04-01").recommendation(7).actions
    assert a.schedule is ScheduleState.DEADLINE_PASSED_NOT_STATED  # still not overdue


def test_the_examples_quote_the_recommendations_as_the_pages_do_and_name_no_folder():
    ny7 = NY.response_to(7).recommendation_as_quoted
    assert ny7.startswith("To Chief Constables: By 27 March 2025, where required")
    mer19 = MER.response_to(19).recommendation_as_quoted
    assert mer19.startswith("By, 27 March 2025,")  # the page's own comma, kept
    for plan in (NY, MER):
        text = sp.dumps(plan)
        assert "seeds" not in text
        assert "shared/" not in text
        assert plan.schema_version == "1.1"


# -- status as of a date ----------------------------------------------------------------------


def plan_with_history():
    return sp.from_dict(
        {
            "responder": "kent",
            "published": "2024-11-22",
            "as_of": "2025-06-30",
            "responses": [
                {
                    "recommendation": 7,
                    "actions": [
                        {
                            "id": "a",
                            "description": "Done late.",
                            "updates": [
                                {"date": "2024-12-01", "status": "in-progress"},
                                # still in progress after the deadline: the evidence for late
                                {"date": "2025-04-01", "status": "in-progress"},
                                {"date": "2025-04-10", "status": "complete"},
                            ],
                        },
                        {
                            "id": "b",
                            "description": "Own date, still going.",
                            "due": {"date": "2025-06-01"},
                            "status": "in-progress",
                        },
                        {"id": "c", "description": "Not for us.", "status": "not-applicable"},
                        {
                            "id": "d",
                            "description": "Milestone, no status.",
                            "due": {"milestone": "twelve-months"},
                        },
                    ],
                },
                {
                    "recommendation": 10,
                    "status": "ongoing",
                    "status_text": "BAU",
                    "updates": [{"date": "2025-01-15", "status": "complete"}],
                },
            ],
        }
    )


def test_delivery_is_what_was_stated_and_schedule_follows_the_dated_statements():
    plan = plan_with_history()
    early = status_as_of(plan, "2025-01-01").recommendation(7)
    a, b, c, d = early.actions
    assert (a.delivery, a.schedule) == (Delivery.IN_PROGRESS, ScheduleState.NOT_YET_DUE)
    # b's own status is dated at the plan's as_of (30 June): on 1 January nothing is stated.
    assert (b.delivery, b.schedule) == (Delivery.NOT_STATED, ScheduleState.NOT_YET_DUE)
    assert c.delivery is Delivery.NOT_STATED
    assert (d.delivery, d.deadline) == (Delivery.NOT_STATED, sp.PartialDate(2025, 9, 27))

    late = status_as_of(plan, dt.date(2025, 7, 1)).recommendation(7)
    a, b, c, d = late.actions
    assert (a.delivery, a.schedule, a.done_on) == (
        Delivery.COMPLETE,
        ScheduleState.MET_LATE,
        sp.PartialDate(2025, 4, 10),
    )
    assert (b.delivery, b.schedule, b.days_overdue) == (
        Delivery.IN_PROGRESS,
        ScheduleState.OVERDUE,
        30,
    )
    assert (c.schedule, c.rag) == (ScheduleState.NOT_APPLICABLE, Rag.NOT_APPLICABLE)
    assert (d.delivery, d.schedule) == (Delivery.NOT_STATED, ScheduleState.NOT_YET_DUE)
    # The response states nothing, and action d states nothing: the whole is not stated.
    assert (late.delivery, late.delivery_from) == (Delivery.NOT_STATED, None)
    assert late.schedule is ScheduleState.DEADLINE_PASSED_NOT_STATED
    assert late.rag is Rag.NOT_STATED
    assert b.rag is Rag.RED


def test_a_response_status_comes_from_its_own_statements_first():
    plan = plan_with_history()
    assert status_as_of(plan, "2025-01-10").recommendation(10).delivery is Delivery.NOT_STATED
    rec = status_as_of(plan, "2025-02-01").recommendation(10)
    assert (rec.delivery, rec.schedule, rec.delivery_from) == (
        Delivery.COMPLETE,
        ScheduleState.MET_ON_TIME,
        "response",
    )
    rec = status_as_of(plan, "2025-07-01").recommendation(10)
    assert (rec.delivery, rec.status_text) == (Delivery.ONGOING, "BAU")
    assert rec.done_on == sp.PartialDate(2025, 1, 15)  # done since its first done statement


def _plan(*responses, **dates):
    return sp.ActionPlan(responder="kent", responses=responses, **dates)


def test_a_plan_with_no_status_anywhere_is_not_stated_never_not_started_or_overdue():
    plan = _plan(sp.Response(recommendation=7, narrative="Recommendation complete."))
    for day in ("2024-12-01", "2025-03-20", "2026-01-01"):
        progress = status_as_of(plan, day)
        for rec in progress.recommendations:
            assert rec.delivery is Delivery.NOT_STATED
            assert rec.schedule is not ScheduleState.OVERDUE
            assert rec.rag is Rag.NOT_STATED
    late = status_as_of(plan, "2026-01-01")
    assert late.recommendation(7).schedule is ScheduleState.DEADLINE_PASSED_NOT_STATED
    assert late.overdue == ()
    assert late.counts()["not-started"] == 0
    assert late.counts()["not-stated"] == len(late.recommendations)
    assert status_as_of(plan, "2025-03-20").recommendation(7).schedule is ScheduleState.DUE_SOON
    assert status_as_of(plan, "2024-12-01").recommendation(7).schedule is (
        ScheduleState.NOT_YET_DUE
    )


@pytest.mark.parametrize(
    ("done", "schedule", "certain"),
    [
        ("2025-03-27", ScheduleState.MET_ON_TIME, True),
        ("2025-02", ScheduleState.MET_ON_TIME, True),  # surely before 27 March
        # Stated done after the deadline, with no word of it being unfinished then: a statement's
        # date is when it was made, not when the work finished; the benefit of the doubt.
        ("2025-03-28", ScheduleState.MET_ON_TIME, False),
        ("2025-04", ScheduleState.MET_ON_TIME, False),
        # In the deadline's month: cannot tell; the benefit of the doubt, marked uncertain.
        ("2025-03", ScheduleState.MET_ON_TIME, False),
    ],
)
def test_done_in_the_deadlines_month_is_on_time_but_uncertain(done, schedule, certain):
    update = sp.ProgressUpdate(date=done, status="complete")
    plan = _plan(sp.Response(recommendation=7, updates=[update]), published="2024-11-22")
    rec = status_as_of(plan, "2025-06-01").recommendation(7)
    assert rec.schedule is schedule
    assert rec.certain is certain
    if not rec.certain:
        assert "2025-03" in rec.reason


def test_a_month_statement_counts_once_its_month_is_over():
    update = sp.ProgressUpdate(date="2025-03", status="in-progress")
    plan = _plan(sp.Response(recommendation=7, updates=[update]), published="2024-11-22")
    assert status_as_of(plan, "2025-03-30").recommendation(7).delivery is Delivery.NOT_STATED
    assert status_as_of(plan, "2025-03-31").recommendation(7).delivery is Delivery.IN_PROGRESS
    assert status_as_of(plan, "2025-04-01").recommendation(7).schedule is ScheduleState.OVERDUE


def test_a_month_deadline_is_the_end_of_that_month_and_not_before_is_no_deadline():
    by_march = sp.Action(id="a", description="d", due=sp.Due(date="2025-04"), status="in-progress")
    earliest = sp.Action(
        id="b", description="d", due=sp.Due(date="2026-03", not_before=True), status="in-progress"
    )
    plan = _plan(sp.Response(recommendation=7, actions=[by_march, earliest]))
    a, b = status_as_of(plan, "2025-04-30").recommendation(7).actions
    assert (a.deadline, a.schedule) == (sp.PartialDate(2025, 4), ScheduleState.DUE_SOON)
    assert (b.deadline, b.not_before) == (sp.PartialDate(2025, 3, 27), sp.PartialDate(2026, 3))
    assert b.schedule is ScheduleState.OVERDUE  # the recommendation's deadline stands
    a, _ = status_as_of(plan, "2025-05-01").recommendation(7).actions
    assert (a.schedule, a.days_overdue) == (ScheduleState.OVERDUE, 1)


def test_an_actual_completion_date_decides_on_time_or_late():
    action = sp.Action(id="a", description="d", status="complete", actual_completion="2025-03-14")
    plan = _plan(sp.Response(recommendation=7, actions=[action]), as_of="2025-06-01")
    rec = status_as_of(plan, "2025-06-01").recommendation(7)
    assert (rec.actions[0].schedule, rec.actions[0].done_on) == (
        ScheduleState.MET_ON_TIME,
        sp.PartialDate(2025, 3, 14),
    )
    assert (rec.delivery, rec.delivery_from, rec.schedule) == (
        Delivery.COMPLETE,
        "actions",
        ScheduleState.MET_ON_TIME,
    )


def test_parts_count_like_actions_and_the_timeline_is_newest_first():
    part = sp.Part(
        part="7.1",
        updates=[
            sp.ProgressUpdate(date="2024-11", label="Nov-24", status="in-progress"),
            sp.ProgressUpdate(label="Force update", note="No date given."),
            sp.ProgressUpdate(date="2025-03-27", label="March update", status="complete"),
        ],
        status_text="Action complete",
    )
    response = sp.Response(
        recommendation=7,
        parts=[part],
        updates=[sp.ProgressUpdate(date="2025-01-10", note="Response-level news.")],
    )
    plan = _plan(response, published="2024-11-22")
    rec = status_as_of(plan, "2025-04-01").recommendation(7)
    assert [(i.kind, i.id, i.delivery) for i in rec.actions] == [("part", "7.1", Delivery.COMPLETE)]
    assert (rec.delivery, rec.delivery_from) == (Delivery.COMPLETE, "actions")
    assert [(str(e.date) if e.date else None, e.source) for e in rec.timeline] == [
        ("2025-03-27", "part 7.1"),
        ("2025-01-10", "response"),
        ("2024-11", "part 7.1"),
        (None, "part 7.1"),
    ]


def test_the_rag_table_covers_every_pair_and_never_reds_what_is_not_stated():
    deadlines = [None, sp.PartialDate(2025, 3, 27), sp.PartialDate(2025, 3)]
    done_dates = [None, sp.PartialDate(2025, 1), sp.PartialDate(2025, 3), sp.PartialDate(2025, 5)]
    days = [pendulum.date(2025, 1, 1), pendulum.date(2025, 3, 20), pendulum.date(2025, 6, 1)]
    reached = {
        (delivery, _schedule(delivery, deadline, done, day, unfinished).state)
        for delivery in Delivery
        for deadline in deadlines
        for done in done_dates
        for unfinished in done_dates
        for day in days
    }
    assert reached <= set(RAG_TABLE)  # every pair that can occur has its RAG
    assert {s for _, s in reached} == set(ScheduleState)
    assert {RAG_TABLE[Delivery.NOT_STATED, s] for s in ScheduleState} == {Rag.NOT_STATED}
    assert RAG_TABLE[Delivery.IN_PROGRESS, ScheduleState.OVERDUE] is Rag.RED
    assert RAG_TABLE[Delivery.NOT_STARTED, ScheduleState.DUE_SOON] is Rag.RED
    assert RAG_TABLE[Delivery.IN_PROGRESS, ScheduleState.DUE_SOON] is Rag.AMBER
    assert RAG_TABLE[Delivery.IN_PROGRESS, ScheduleState.NOT_YET_DUE] is Rag.GREEN
    assert RAG_TABLE[Delivery.COMPLETE, ScheduleState.MET_LATE] is Rag.GREEN


def test_a_date_is_a_date():
    with pytest.raises(TypeError, match="not a date and time"):
        status_as_of(NY, dt.datetime(2025, 3, 27, 23, 59, tzinfo=dt.UTC))
    assert status_as_of(NY, "2025-03-27") == status_as_of(NY, pendulum.date(2025, 3, 27))


# -- diff -------------------------------------------------------------------------------------


def edited(plan: sp.ActionPlan) -> sp.ActionPlan:
    data = sp.to_dict(plan)
    data["title"] = "Our stalking action plan"
    r7 = data["responses"][0]
    r7["actions"][0]["description"] = r7["actions"][0]["description"].replace(
        "By March 25", "By April 25"
    )
    r7["actions"][1]["status"] = "complete"
    r7["actions"][1]["updates"] = [{"date": "2025-03-27", "status": "complete", "note": "Done."}]
    r7["actions"].append({"id": "7-3", "description": "A new action."})
    del data["responses"][1]["actions"][2]  # 10-3
    data["responses"].append({"recommendation": 15, "narrative": "Not ours, but noted."})
    data["responses"] = [r for r in data["responses"] if r["recommendation"] != 29]
    return sp.from_dict(data)


def test_diff_lists_exactly_the_edits_made():
    new = edited(NY)
    result = diff(NY, new)
    got = [(c.kind.value, c.what, c.recommendation, c.action) for c in result.changes]
    assert got == [
        ("changed", "title", None, None),
        ("changed", "description", 7, "7-1"),
        ("changed", "status", 7, "7-2"),
        ("added", "update", 7, "7-2"),
        ("added", "action", 7, "7-3"),
        ("removed", "action", 10, "10-3"),
        ("added", "response", 15, None),
        ("removed", "response", 29, None),
    ]
    description = result.changes[1]
    assert description.words is not None
    assert "By [-March-]{+April+} 25" in description.words
    status = result.changes[2]
    assert (status.old, status.new, status.dated) == (None, "complete", "2025-03-27")
    assert diff(NY, NY).empty
    assert diff(new, new).changes == ()


def test_diff_matches_a_number_and_its_slug():
    data = sp.to_dict(NY)
    data["responses"][0]["recommendation"] = "crime-recording"
    assert diff(NY, sp.from_dict(data)).changes == ()


def test_diff_refuses_two_responders():
    with pytest.raises(
        DiffError, match="same plan; these are by 'north-yorkshire' and 'merseyside'"
    ):
        diff(NY, MER)


def test_word_diff():
    assert word_diff("we will review the policy", "we will update the policy") == (
        "we will [-review-]{+update+} the policy"
    )
    assert word_diff("a b", "a b c") == "a b{+ c+}"


def test_cli_diff(tmp_path, capsys):
    new = tmp_path / "new.json"
    new.write_text(sp.dumps(edited(NY)))
    assert main(["diff", str(EXAMPLES[1]), str(new)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "north-yorkshire: 8 changes"
    assert main(["diff", str(EXAMPLES[1]), str(EXAMPLES[1])]) == 0
    assert main(["diff", str(EXAMPLES[1]), str(EXAMPLES[0])]) == 2


def test_cli_diff_json(tmp_path, capsys):
    new = tmp_path / "new.json"
    new.write_text(sp.dumps(edited(NY)))
    main(["diff", "--format", "json", str(EXAMPLES[1]), str(new)])
    payload = json.loads(capsys.readouterr().out)
    assert payload["responder"] == "north-yorkshire"
    assert len(payload["changes"]) == 8
    assert payload["changes"][0] == {
        "kind": "changed",
        "what": "title",
        "where": "/title",
        "new": "Our stalking action plan",
    }
    assert payload["changes"][1]["words"].startswith("By [-March-]{+April+} 25, we will ensure")


# -- summarise --------------------------------------------------------------------------------

NATIONAL = synthetic_plans(n_forces=43, seed=11)


def test_synthetic_plans_are_valid_varied_and_deterministic():
    assert len(NATIONAL) == 43
    assert len({p.responder for p in NATIONAL}) == 43
    reports = [sp.validate(p) for p in NATIONAL]
    assert all(r.valid for r in reports)
    assert synthetic_plans(n_forces=43, seed=11) == NATIONAL
    assert synthetic_plans(n_forces=43, seed=12) != NATIONAL
    statuses = {a.status for p in NATIONAL for r in p.responses for a in r.actions}
    assert len(statuses) >= 4
    lengths = [len(r.narrative or "") for p in NATIONAL for r in p.responses]
    assert min(lengths) < 150 < max(lengths)
    assert len(synthetic_plans(n_forces=50, seed=1)) == 50


def test_summary_of_43_synthetic_plans_and_the_examples():
    others = [p for p in NATIONAL if p.responder not in ("north-yorkshire", "merseyside")]
    # Every synthetic plan is dated by mid-2026: all count.
    summary = summarise([*others, NY, MER], "2026-08-01")
    slugs = [slug for slug, _ in summary.responders]
    assert len(slugs) == 43
    assert slugs[-2:] == ["north-yorkshire", "merseyside"]
    assert summary.notes == ()
    assert summary.numbers == (7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 27, 28, 29)
    # Merseyside's empty "Response" headings and its missing 27 are all not answered
    assert summary.missing()["merseyside"] == [7, 10, 11, 12, 13, 14, 16, 17, 22, 23, 25, 27]
    per_rec = {row["recommendation"]: row for row in summary.per_recommendation()}
    assert per_rec[7]["addressed"] == 43
    assert sum(per_rec[7][state] for state in STATES) == 43
    assert sum(summary.per_status().values()) == 43 * 16
    assert summary.overdue_themes()[0][1] >= summary.overdue_themes()[-1][1]
    assert summary.cell("merseyside", 27).state == "unanswered"
    assert summary.cell("merseyside", 7).state == "unanswered"

    table = summary.format_table()
    assert table.splitlines()[0] == "Progress as of 2026-08-01"
    assert "merseyside gives no response to: 7, 10, 11, 12, 13, 14, 16, 17, 22, 23, 25, 27" in table

    rows = list(csv.DictReader(io.StringIO(summary.to_csv())))
    assert len(rows) == 43 * 16
    assert set(rows[0]) >= {"responder", "recommendation", "state", "schedule", "days_overdue"}

    data = json.loads(summary.to_json())
    assert data["missing"]["merseyside"] == [7, 10, 11, 12, 13, 14, 16, 17, 22, 23, 25, 27]

    html = render_summary_html(summary)
    assert '<figure class="chart" aria-labelledby="chart-caption">' in html
    assert "<script" not in html
    assert html.count("<caption") == 3


def test_the_latest_of_two_plans_by_one_responder_counts():
    synthetic_ny = next(p for p in NATIONAL if p.responder == "north-yorkshire")
    undated = sp.ActionPlan(responder="north-yorkshire", title="Undated")
    summary = summarise([synthetic_ny, undated], "2026-08-01")
    assert summary.titles["north-yorkshire"] == synthetic_ny.title  # it has dates
    assert summary.notes == (
        f"north-yorkshire: plan 1 of those given is used, the latest version dated on or before "
        f"2026-08-01 (dated {synthetic_ny.as_of})",
        "north-yorkshire: plan 2 of those given is left out: has no date, and a dated version "
        "counts",
    )


def _version(as_of, status):
    return sp.ActionPlan(
        responder="kent",
        title=f"As of {as_of}",
        published="2024-11-22",
        as_of=as_of,
        responses=[sp.Response(recommendation=7, status=status)],
    )


def test_at_an_as_of_date_a_plan_dated_later_is_not_counted():
    first = _version("2024-11-22", "not-started")
    second = _version("2025-02-01", "in-progress")
    third = _version("2025-06-01", "complete")
    plans = [third, first, second]  # the order given does not matter
    early = summarise(plans, "2024-12-01")
    assert early.cell("kent", 7).state == "not-started"
    assert early.titles["kent"] == "As of 2024-11-22"
    assert early.choices[0].used == 1
    assert (0, "dated 2025-06-01, after the as-of date 2024-12-01: not counted") in (
        early.choices[0].left_out
    )
    assert summarise(plans, "2025-03-01").cell("kent", 7).state == "in-progress"
    assert summarise(plans, "2025-06-01").cell("kent", 7).state == "complete"
    none = summarise([third], "2025-01-01")
    # Kent is still a row, with no plan as of the day and its later version's date; so is
    # every other force (issue 24: a roll-up never reads as the whole country by leaving out)
    assert none.responders[0] == ("kent", "Kent Police")
    assert len(none.responders) == 43
    assert none.without_plan[0] == "kent"
    assert none.later == {"kent": ("2025-06-01",)}
    assert none.cell("kent", 7).state == "no-plan"
    assert summarise([third], "2025-01-01", everyone=False).responders == ()
    assert none.notes == (
        "kent: no plan counted; every version is dated after 2025-01-01",
        "kent: plan 1 of those given is left out: dated 2025-06-01, after the as-of date "
        "2025-01-01: not counted",
    )


def test_two_plans_with_the_same_date_say_which_was_used():
    a, b = _version("2025-02-01", "in-progress"), _version("2025-02-01", "complete")
    summary = summarise([a, b], "2025-03-01")
    assert summary.cell("kent", 7).state == "complete"
    assert summary.notes[-1] == (
        "kent: plan 1 of those given is left out: dated 2025-02-01 like the plan used; "
        "the one given later is used"
    )


def test_table_and_chart_figures_come_from_one_tally():
    plans = [
        _version("2025-02-01", "not-applicable"),
        sp.ActionPlan(
            responder="essex", responses=[sp.Response(recommendation=7, narrative="We will.")]
        ),
        sp.ActionPlan(responder="kent-pcc"),
    ]
    summary = summarise(plans, "2025-06-01")
    rows = {row.recommendation: row for row in summary.tally()}
    assert rows[7].categories["not-applicable"] == 1
    assert rows[7].categories["not-stated"] == 1
    assert rows[7].categories["not-started"] == 0
    per_rec = {r["recommendation"]: r for r in summary.per_recommendation()}
    for number, row in rows.items():
        assert {k: per_rec[number][k] for k in CATEGORIES} == row.categories
        assert per_rec[number]["overdue"] == row.overdue
        assert sum(row.categories.values()) == row.addressed
    assert summary.per_status() == {
        k: sum(r.categories[k] for r in rows.values()) for k in CATEGORIES
    }
    assert summary.cell("essex", 7).symbol == "?"


def test_csv_neutralises_formula_looking_text():
    hostile = sp.ActionPlan(
        responder="kent",
        title='=HYPERLINK("http://example.com","click")',
        responses=[
            sp.Response(recommendation=7, narrative="+SUM(A1:A9)"),
            sp.Response(recommendation=10, narrative="@cmd"),
        ],
    )
    rows = list(csv.reader(io.StringIO(summarise([hostile], "2025-01-01").to_csv())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://example.com","click")' in cells
    assert "'+SUM(A1:A9)" in cells
    assert "'@cmd" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert neutralise("-1") == "'-1"
    assert neutralise("plain") == "plain"


def test_cli_summarise_every_format(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    for plan in NATIONAL[:5]:
        (folder / f"{plan.responder}.json").write_text(sp.dumps(plan))
    for fmt in ("table", "csv", "json", "html"):
        out = tmp_path / f"summary.{fmt}"
        assert (
            main(
                [
                    "summarise",
                    str(folder),
                    str(EXAMPLES[0]),
                    "--as-of",
                    "2025-03-27",
                    "--format",
                    fmt,
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
        assert out.stat().st_size > 500
    assert main(["summarise", str(folder), "--as-of", "27/03/2025"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["summarise", str(bad), str(folder), "--as-of", "2025-03-27"]) == 1
    assert "left out" in capsys.readouterr().err


def test_the_text_diff_says_values_in_words_never_as_json():
    old = sp.ActionPlan(
        responder="kent",
        responses=[
            sp.Response(
                recommendation=7,
                actions=[sp.Action(id="a", description="d", due=sp.Due(milestone="six-months"))],
            )
        ],
    )
    new = sp.ActionPlan(
        responder="kent",
        responses=[
            sp.Response(
                recommendation=7,
                status_text="Complete – BAU",  # noqa: RUF001 - the force's own dash
                parts=[sp.Part(part="7.1", owner="Head of Crime")],
                actions=[
                    sp.Action(
                        id="a",
                        description="d",
                        due=sp.Due(date="2026-03", not_before=True),
                        evidence=("Audit report", "Policy"),
                        updates=[
                            sp.ProgressUpdate(date="2025-03", status="complete", note="Done.")
                        ],
                    )
                ],
            )
        ],
    )
    text = diff(old, new).format_text()
    assert '{"' not in text
    assert '":' not in text
    assert "changed due of recommendation 7, action 'a': milestone “six-months” -> " in text
    assert "date “2026-03”, not before yes" in text
    assert (
        "changed evidence of recommendation 7, action 'a': (none) -> “Audit report”; “Policy”"
        in text
    )
    assert "added update: 2025-03, complete: “Done.” (recommendation 7, action 'a'" in text
    assert "added part (recommendation 7, part 7.1, at /responses/0/parts/0)" in text
