"""No surprises (issue 25): the analyst filling the template in Excel, the developer at the
national body calling the API, the maintainer wiring superplan into CI."""

import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import superplan as sp
from superplan._template import write_template
from superplan.cli import main
from superplan.importers import import_table

from .conftest import DATA

ANALYST = DATA / "analyst"
sys.path.insert(0, str(ANALYST))
import build as analyst_build  # noqa: E402  (the fixtures' own builder)

sys.path.remove(str(ANALYST))


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -- the analyst ----------------------------------------------------------------------------------


def test_the_fixtures_are_what_the_builder_writes(tmp_path):
    """The committed workbooks and today's template cannot drift apart: the builder's workbook
    imports to the same plan as the committed one."""
    built = tmp_path / "filled.xlsx"
    analyst_build.filled().save(built)
    assert sp.dumps(import_table(built).plan) == sp.dumps(
        import_table(ANALYST / "filled.xlsx").plan
    )


def test_filled_template_round_trips_to_a_valid_plan(tmp_path, capsys):
    out = tmp_path / "plan.json"
    code, _, err = run(capsys, "import", "table", ANALYST / "filled.xlsx", "--out", out)
    assert code == 0, err
    plan = sp.load_plan(out)
    report = sp.validate(out)
    assert report.valid
    assert report.codes == ("SP215",)  # the one action due after its deadline, kept to be seen
    first = plan.responses[0]
    assert (first.acceptance, first.compliance, first.status) == (
        "accepted",
        "not-yet-assessed",
        "in-progress",
    )
    # Labels from the drop-downs are read as their values; other words are kept beside them.
    assert first.acceptance_text is None
    assert first.status_text is None
    assert plan.responses[2].acceptance_text == "We accept this recommendation"
    assert plan.responses[3].status_text == "BAU"
    assert str(plan.published) == "2024-11-22"
    # The actions added at the foot of the sheet belong to their recommendation's response.
    assert [a.id for a in first.actions] == ["7-1", "7-2"]
    assert [str(a.due.date) for a in first.actions] == ["2025-03-31", "2025-03-27"]
    assert str(first.actions[0].updates[0].date) == "2025-03-27"
    second = plan.responses[1]
    assert second.actions[0].due.milestone == "six-months"
    assert (second.actions[0].status, second.actions[0].status_text) == (
        "complete",
        "Action complete",
    )
    assert second.actions[0].evidence == ("The revised policy, March 2025.",)


def test_blank_template_gives_a_finding_for_each_response(tmp_path, capsys):
    template = tmp_path / "kent.xlsx"
    write_template("kent", template)
    out = tmp_path / "kent.json"
    code, _, err = run(capsys, "import", "table", template, "--out", out)
    assert code == 0  # a plan is written: the analyst is told what it lacks
    lines = [line for line in err.splitlines() if "SP219" in line]
    count = len(sp.catalogue().addressed_to("kent"))
    assert len(lines) == count
    assert lines[0] == (
        f'superplan: {template}: sheet "Plan", row 3: warning SP219 the response to '
        "recommendation 7 (Crime recording: make included (non-principal) crimes documentable "
        "and searchable) states nothing: no acceptance, compliance, status, response text, "
        "action or update"
    )
    assert sp.validate(out).counts() == {"SP219": count}
    code, _, _ = run(capsys, "validate", "--strict", out)
    assert code == 1
    code, _, _ = run(capsys, "validate", out)
    assert code == 0


def test_empty_response_rule():
    plan = {"responder": "kent", "responses": [{"recommendation": 7}, {"recommendation": 10}]}
    found = [f for f in sp.validate(plan).findings if f.code == "SP219"]
    assert [f.pointer for f in found] == ["/responses/0", "/responses/1"]
    assert found[0].severity == "warning"
    for said in (
        {"acceptance": "accepted"},
        {"narrative": "We will."},
        {"transcription_note": "The published plan gives no response to this recommendation."},
        {"actions": [{"id": "7-1", "description": "D."}]},
    ):
        plan = {"responder": "kent", "responses": [{"recommendation": 7, **said}]}
        assert "SP219" not in sp.validate(plan).codes
    quoted = {"recommendation": 7, "recommendation_as_quoted": "Forces should...", "lang": "en"}
    assert "SP219" in sp.validate({"responder": "kent", "responses": [quoted]}).codes


def test_analysts_mistakes_one_line_per_cell(capsys, tmp_path):
    book = ANALYST / "mistakes.xlsx"
    code, out, err = run(capsys, "import", "table", book, "--out", tmp_path / "x.json")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f'superplan: {book}: sheet "Plan", row 3, column F "Acceptance": "Acepted" is not one '
        "of: Accepted, Partly accepted, Not accepted (or accepted, partly-accepted, not-accepted)",
        f'superplan: {book}: sheet "Plan", row 5, column G "Compliance": "Mostly" is not one '
        "of: Complies, Partly complies, Does not comply, Not yet assessed (or complies, "
        "partly-complies, does-not-comply, not-yet-assessed)",
        f'superplan: {book}: sheet "Plan", row 25, column N "Due": "31/02/2025" is not a date',
    ]
    assert "\\x0a" not in err
    assert not (tmp_path / "x.json").exists()


def test_rows_placed_where_they_are_said_to_be(capsys, tmp_path):
    book = ANALYST / "misplaced.xlsx"
    code, _, err = run(capsys, "import", "table", book, "--out", tmp_path / "x.json")
    assert code == 1
    assert err.splitlines() == [
        f'superplan: {book}: sheet "Plan", row 3, column A "Record": this action row comes '
        "before the response row for recommendation '29' (row 19); move it below that row",
        f'superplan: {book}: sheet "Plan", row 26, column B "Rec No": this action row is for '
        "recommendation '1', which has no response row; add one (Record: response, Rec No: 1) "
        "above it, or correct the Rec No",
    ]


def test_export_and_diff_complain_one_line_each(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"responder": "kent", "responses": [{"recommendation": 7, "x": 1, "y": 2}]}')
    for args in (
        ("export", bad, "--out", tmp_path / "x.csv"),
        ("diff", bad, bad),
    ):
        code, _, err = run(capsys, *args)
        assert code in (1, 2)
        assert "\\x0a" not in err
        lines = err.splitlines()
        assert len(lines) >= 2
        assert all(line.startswith("superplan: ") for line in lines)


def test_import_shows_warnings_by_cell_and_reports_rows(capsys, tmp_path):
    report = tmp_path / "report.json"
    code, _, err = run(
        capsys, "import", "table", ANALYST / "filled.xlsx", "--out", tmp_path / "p.json",
        "--report", report,
    )  # fmt: skip
    assert code == 0
    assert (
        f'superplan: {ANALYST / "filled.xlsx"}: sheet "Plan", row 20, column N "Due": warning '
        "SP215 this action is due 2025-03-31, after recommendation 7's deadline (2025-03-27), "
        "and gives no reason"
    ) in err.splitlines()
    data = json.loads(report.read_text())
    assert data["rows"]["/responses/0"] == 3
    assert data["rows"]["/responses/0/actions/0"] == 20
    assert data["rows"]["/published"] == 19
    [finding] = data["findings"]
    assert finding["place"] == 'sheet "Plan", row 20, column N "Due"'
    assert finding["pointer"] == "/responses/0/actions/0/due"


def test_template_content_in_words():
    book = load_workbook(io.BytesIO(_template_bytes()))
    validations = book["Plan"].data_validations.dataValidation
    lists = {str(v.sqref).split(":", 1)[0].rstrip("0123456789"): v for v in validations}
    assert lists["F"].formula1 == '"Accepted,Partly accepted,Not accepted"'
    assert lists["G"].formula1 == '"Complies,Partly complies,Does not comply,Not yet assessed"'
    assert lists["H"].formula1 == '"Not started,In progress,Complete,Ongoing,Not applicable"'
    assert lists["F"].errorTitle == "Acceptance: not in the list"
    assert lists["F"].errorStyle == "warning"  # the analyst's own words are read too
    text = "\n".join(c.value or "" for c in book["Instructions"]["A"])
    assert "Not a " not in text
    for milestone in sp.catalogue().milestones:
        assert milestone.slug in text
    assert "56-days" not in text
    assert "at the end of the sheet" in text


def _template_bytes():
    with tempfile.TemporaryDirectory() as folder:
        return write_template("kent", Path(folder) / "t.xlsx")


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("fifty-six-days", "fifty-six-days"),
        ("56 days", "fifty-six-days"),
        ("56-days", "fifty-six-days"),
        ("six months", "six-months"),
        ("Six months from publication", "six-months"),
        ("twelve-months", "twelve-months"),
    ],
)
def test_milestone_names_import_accepts(typed, meaning):
    from superplan.importers._dates import due_cell

    assert due_cell(typed, sp.catalogue()) == {"milestone": meaning}
