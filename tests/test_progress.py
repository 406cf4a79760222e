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
    DiffError,
    Timeliness,
    diff,
    neutralise,
    status_as_of,
    summarise,
    word_diff,
)
from superplan.progress._summary import STATES
from superplan.render._summary_page import render_summary_html
from superplan.testing import synthetic_plans

from .conftest import EXAMPLES

NY = sp.load_plan(EXAMPLES[1])
MER = sp.load_plan(EXAMPLES[0])
SIX_MONTH = [7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 23, 25, 29]

# -- status as of a date: the examples, worked by hand ----------------------------------------
# Neither example states a status, a date or an update, so everything is "not started" and only
# the deadlines decide timeliness: 27 and 28 are due 22 Nov 2024, 22 on 27 Sep 2025, the rest on
# 27 Mar 2025. 22 Nov 2024 -> 27 Mar 2025 is 125 days; 27 Mar -> 27 Sep 2025 is 184; 309 in all.

EXPECTED = {
    "2024-11-22": dict.fromkeys([*SIX_MONTH, 22, 27, 28], ("due", 0)),
    "2025-03-27": {
        **dict.fromkeys([*SIX_MONTH, 22], ("due", 0)),
        27: ("overdue", 125),
        28: ("overdue", 125),
    },
    "2025-09-27": {
        **dict.fromkeys(SIX_MONTH, ("overdue", 184)),
        22: ("due", 0),
        27: ("overdue", 309),
        28: ("overdue", 309),
    },
}


@pytest.mark.parametrize("day", list(EXPECTED))
@pytest.mark.parametrize("plan", [NY, MER], ids=["north-yorkshire", "merseyside"])
def test_examples_status_as_of_the_three_milestones(plan, day):
    progress = status_as_of(plan, day)
    assert progress.as_of == pendulum.parse(day).date()
    got = {r.number: (str(r.timeliness), r.days_overdue) for r in progress.recommendations}
    assert got == EXPECTED[day]
    assert all(r.state == "not-started" for r in progress.recommendations)
    answered = {r.number for r in progress.recommendations if r.answered}
    expected_answered = set(EXPECTED[day]) - ({27} if plan is MER else set())
    assert answered == expected_answered


def test_ny_actions_inherit_their_recommendations_deadline():
    rec = status_as_of(NY, "2025-09-27").recommendation(7)
    assert [a.id for a in rec.actions] == ["7-1", "7-2"]
    assert all(a.due == pendulum.date(2025, 3, 27) for a in rec.actions)
    assert all(a.timeliness is Timeliness.OVERDUE and a.days_overdue == 184 for a in rec.actions)


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
                            "description": "Milestone.",
                            "due": {"milestone": "twelve-months"},
                        },
                    ],
                },
                {
                    "recommendation": 10,
                    "status": "ongoing",
                    "updates": [{"date": "2025-01-15", "status": "complete"}],
                },
            ],
        }
    )


def test_states_and_timeliness_follow_the_dated_updates():
    plan = plan_with_history()
    early = status_as_of(plan, "2025-01-01").recommendation(7)
    a, b, c, d = early.actions
    assert (a.state, a.timeliness) == ("in-progress", Timeliness.DUE)
    assert (b.state, b.timeliness) == ("not-started", Timeliness.DUE)  # its status is dated 30 June
    assert c.timeliness is Timeliness.NOT_APPLICABLE or c.state == "not-started"
    assert d.due == pendulum.date(2025, 9, 27)

    late = status_as_of(plan, dt.date(2025, 7, 1)).recommendation(7)
    a, b, c, d = late.actions
    assert (a.state, a.timeliness, a.days_late, a.done_on) == (
        "complete",
        Timeliness.MET,
        14,
        pendulum.date(2025, 4, 10),
    )
    assert (b.state, b.timeliness, b.days_overdue) == ("in-progress", Timeliness.OVERDUE, 30)
    assert c.timeliness is Timeliness.NOT_APPLICABLE
    assert (d.state, d.timeliness) == ("not-started", Timeliness.DUE)
    assert late.state == "in-progress"  # rolled up from its actions
    assert late.timeliness is Timeliness.OVERDUE


def test_a_response_status_comes_from_its_own_updates_first():
    plan = plan_with_history()
    assert status_as_of(plan, "2025-01-10").recommendation(10).state == "not-started"
    rec = status_as_of(plan, "2025-02-01").recommendation(10)
    assert (rec.state, rec.timeliness) == ("complete", Timeliness.MET)
    assert status_as_of(plan, "2025-07-01").recommendation(10).state == "ongoing"


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
    assert out.splitlines()[-1] == "north-yorkshire: 8 change(s)"
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
    summary = summarise([*others, NY, MER], "2025-09-27")
    slugs = [slug for slug, _ in summary.responders]
    assert len(slugs) == 43
    assert slugs[-2:] == ["north-yorkshire", "merseyside"]
    assert summary.notes == ()
    assert summary.numbers == (7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 27, 28, 29)
    assert summary.missing()["merseyside"] == [27]
    per_rec = {row["recommendation"]: row for row in summary.per_recommendation()}
    assert per_rec[7]["addressed"] == 43
    assert sum(per_rec[7][state] for state in STATES) == 43
    assert sum(summary.per_status().values()) == 43 * 16
    assert summary.overdue_themes()[0][1] >= summary.overdue_themes()[-1][1]
    assert summary.cell("merseyside", 27).state == "unanswered"

    table = summary.format_table()
    assert table.splitlines()[0] == "Progress as of 2025-09-27"
    assert "merseyside gives no response to: 27" in table

    rows = list(csv.DictReader(io.StringIO(summary.to_csv())))
    assert len(rows) == 43 * 16
    assert set(rows[0]) >= {"responder", "recommendation", "state", "timeliness", "days_overdue"}

    data = json.loads(summary.to_json())
    assert data["missing"]["merseyside"] == [27]

    html = render_summary_html(summary)
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in html
    assert "<script" not in html
    assert html.count("<caption>") == 3


def test_the_latest_of_two_plans_by_one_responder_counts():
    synthetic_ny = next(p for p in NATIONAL if p.responder == "north-yorkshire")
    summary = summarise([synthetic_ny, NY], "2025-09-27")
    assert summary.notes == ("north-yorkshire: more than one plan given; the latest is used",)
    assert summary.titles["north-yorkshire"] == synthetic_ny.title  # it has dates; NY has none


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
