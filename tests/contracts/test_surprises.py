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
from superplan.cli import main
from superplan.importers import import_table
from superplan.tables import write_template

from ..conftest import DATA, ROOT

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


def test_validate_of_a_workbook_points_to_import_table(capsys, tmp_path):
    book = tmp_path / "plan.xlsx"
    write_template("kent", book)
    code, out, _ = run(capsys, "validate", book)
    assert code == 1
    assert (
        f"{book}: error SP005 (top level): this is an XLSX workbook, not a JSON action plan" in out
    )
    assert f"`superplan import table {book} --out plan.json`" in out
    assert "UTF-8" not in out
    table = tmp_path / "plan.csv"
    table.write_text("Record,Rec No\nplan,\n", encoding="utf-8")
    assert "this is a CSV table" in sp.validate(table).findings[0].message


# -- the developer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "got"),
    [
        ([1], "a list"),
        (None, "null"),
        (5, "the number 5"),
        ("null", "null"),
        ("5", "the number 5"),
        (b"[]", "a list"),
        (object(), "object"),
    ],
)
def test_validate_never_raises_for_what_is_not_a_plan(given, got):
    report = sp.validate(given)
    assert report.codes == ("SP009",)
    assert report.findings[0].message == f"expected a JSON object at the top level, got {got}"


def test_validate_text_never_reads_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "null").write_text('{"responder": "kent"}', encoding="utf-8")
    assert sp.validate_text("null").codes == ("SP009",)  # the text, not the file named so
    assert sp.validate("null").codes != ("SP009",)  # a str naming a file is still a path
    assert sp.validate_text(Path("null")).codes == ("SP009",)  # type: ignore[arg-type]
    plan = '{"responder": "kent", "responses": [{"recommendation": 7, "acceptance": "accepted"}]}'
    assert sp.validate_text(plan).valid
    assert sp.validate_text(plan.encode()).valid


def test_validate_checks_the_expected_responder():
    merseyside = ROOT / "examples/merseyside-police.json"
    report = sp.validate(merseyside, responder="kent")
    [found] = [f for f in report.findings if f.code == "SP222"]
    assert found.message == "this is 'merseyside''s plan; 'kent''s was expected"
    assert found.pointer == "/responder"
    assert found.severity == "error"
    assert "SP222" not in sp.validate(merseyside, responder="merseyside").codes
    with pytest.raises(sp.UnknownAgency):
        sp.validate(merseyside, responder="kentt")


def test_cli_validate_responder_and_coverage(capsys, tmp_path):
    code, out, _ = run(
        capsys, "validate", ROOT / "examples/merseyside-police.json", "--responder", "kent"
    )
    assert code == 1
    assert "SP222" in out
    code, out, _ = run(capsys, "coverage", ROOT / "examples", "--kind", "force")
    assert code == 1
    lines = out.splitlines()
    assert "merseyside: no plan" not in out
    assert lines[-1] == "41 responder(s) with no plan among 2 plan(s) read"
    assert (
        "kent: no plan; must answer 7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 27, 28, 29"
        in lines
    )
    code, out, _ = run(
        capsys, "coverage", ROOT / "examples", "--recommendation", "21", "--format", "json"
    )
    data = json.loads(out)
    assert data["without_plans"] == [{"responder": "npcc", "recommendations": [21]}]
    assert sp.progress.without_plans([], recommendation="crime-recording", catalogue=sp.catalogue())


def test_schema_messages_are_in_words():
    from superplan._schema._messages import no_match

    patterns = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("pattern"), str):
                patterns.add(value["pattern"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in sp.SCHEMA_NAMES:
        walk(sp.schema(name))
    assert len(patterns) >= 6
    for pattern in patterns:
        message = no_match(pattern, "27/03/2025!", "/x").message
        assert pattern not in message
        assert not any(sign in message for sign in ("(?!", "[0-9]", "^[", "pattern")), message
    bad = {
        "responder": "kent",
        "published": "27/03/2025",
        "responses": [{"recommendation": 7, "lang": "english", "acceptance": "accepted"}],
    }
    for fast in (True, False):
        found = sp.validate(bad, fast=fast).filtered(select=["SP105"]).findings
        assert [f.message for f in found] == [
            "expected a date written YYYY-MM-DD, got '27/03/2025' "
            "(for the day 27/03/2025, write 2025-03-27)",
            "expected a language tag such as 'en' or 'cy' (Welsh), got 'english'",
        ]


def test_response_to_by_number_text_or_slug():
    plan = sp.from_dict(
        {
            "responder": "kent",
            "responses": [
                {"recommendation": "crime-recording", "acceptance": "accepted"},
                {"recommendation": "10", "acceptance": "accepted"},
                {"recommendation": 11, "acceptance": "accepted"},
            ],
        }
    )
    assert plan.response_to(7) is plan.responses[0]
    assert plan.response_to("7") is plan.responses[0]
    assert plan.response_to(10) is plan.responses[1]
    assert plan.response_to("online-stalking") is None
    assert plan.response_to(11) is plan.responses[2]
    assert plan.response_to(99) is None
    swapped = sp.catalogue(ROOT / "docs/examples/swap-19-and-20.json")
    other = sp.from_dict({"responder": "kent", "responses": [{"recommendation": 19}]})
    found = swapped.recommendation(19).slug
    assert other.response_to(found, catalogue=swapped) is other.responses[0]


def test_api_objects_are_consistent():
    import pendulum

    plan = sp.load_plan(ROOT / "examples/merseyside-police.json")
    progress = sp.status_as_of(plan, pendulum.date(2025, 3, 27))
    data = progress.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["responder"] == "merseyside"
    assert data["as_of"] == "2025-03-27"
    assert data["counts"] == progress.counts()
    report = sp.validate({"responder": "kent", "responses": []})
    as_dict = report.to_dict()
    assert as_dict["error_count"] == len(report.errors) == 0
    assert as_dict["warning_count"] == len(report.warnings) == len(report.findings)
    assert report.codes == ("SP205",)
    assert as_dict["codes"] == ["SP205"]
    assert report.counts() == {"SP205": len(report.findings)}
    assert issubclass(sp.InvalidField, sp.SuperplanError)
    assert issubclass(sp.DiffError, sp.SuperplanError)
    assert issubclass(sp.TableError, sp.LoadError)
    summary = sp.summarise([plan], pendulum.date(2025, 3, 27))
    with pytest.raises(sp.UnknownAgency, match="'nobody'"):
        summary.cell("nobody", 7)
    with pytest.raises(sp.UnknownRecommendation):
        summary.cell("merseyside", 70)
    assert summary.cell("merseyside", 7).number == 7


def test_out_decides_the_format_everywhere(capsys, tmp_path):
    from superplan.tables import export_table

    plan = sp.load_plan(ROOT / "examples/merseyside-police.json")
    assert export_table(plan, tmp_path / "api.xlsx")[:2] == b"PK"
    assert export_table(plan, tmp_path / "api.csv")[:3] == b"\xef\xbb\xbf"
    with pytest.raises(ValueError, match=r"\.ods"):
        export_table(plan, tmp_path / "api.ods")
    with pytest.raises(ValueError, match="contradicts"):
        export_table(plan, tmp_path / "api.xlsx", kind="csv")
    # The command line's name for it works too: format= is kind=.
    assert export_table(plan, format="xlsx")[:2] == b"PK"
    with pytest.raises(ValueError, match="disagree"):
        export_table(plan, format="xlsx", kind="csv")
    assert write_template("kent", tmp_path / "t.csv")[:3] == b"\xef\xbb\xbf"
    for args in (
        ("export", ROOT / "examples/merseyside-police.json", "--out", tmp_path / "x.ods"),
        ("template", "--responder", "kent", "--out", tmp_path / "c.json"),
        ("summarise", ROOT / "examples", "--as-of", "2025-03-27", "--out", tmp_path / "n.md"),
    ):
        code, _, err = run(capsys, *args)
        assert code == 2
        assert "this command does not write" in err
        assert not any(tmp_path.glob(f"*{Path(args[-1]).suffix}"))
    code, _, _ = run(
        capsys,
        "summarise",
        ROOT / "examples",
        "--as-of",
        "2025-03-27",
        "--out",
        tmp_path / "n.xlsx",
    )
    assert code == 0
    book = load_workbook(tmp_path / "n.xlsx")
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:2] == ("responder", "police_uk_id")
    assert len(rows) > 10
    code, _, _ = run(
        capsys, "summarise", ROOT / "examples", "--as-of", "2025-03-27", "--out", tmp_path / "n.ods"
    )
    assert code == 0
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(tmp_path / "n.ods") as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        content = ET.fromstring(archive.read("content.xml"))
    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    ods_rows = content.iter(f"{table}table-row")
    first = [p.text for p in next(ods_rows).iter(f"{text}p")]
    assert first == list(rows[0])
    assert sum(1 for _ in ods_rows) == len(rows) - 1


# -- CI and tooling ---------------------------------------------------------------------------------

MANY = ROOT / "tests/data/invalid/many-problems-at-once.json"


def test_select_and_ignore(capsys):
    code, out, _ = run(capsys, "validate", MANY, "--format", "json", "--select", "SP2")
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert codes
    assert all(c.startswith("SP2") for c in codes)
    code, out, _ = run(
        capsys, "validate", MANY, "--format", "json", "--ignore", "SP1", "--ignore", "SP2"
    )
    assert not any(
        f["code"].startswith(("SP1", "SP2")) for f in json.loads(out)["files"][0]["findings"]
    )
    code, _, err = run(capsys, "validate", MANY, "--ignore", "SP999")
    assert code == 2
    assert "'SP999' begins no finding code" in err
    report = sp.validate(MANY)
    assert report.filtered(ignore=["sp1"]).codes == tuple(
        c for c in report.codes if not c.startswith("SP1")
    )


def test_pyproject_settings(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"responder": "home-office", "responses": []}), encoding="utf-8")
    code, _, _ = run(capsys, "validate", plan)
    assert code == 0  # one warning (SP205)
    (tmp_path / "pyproject.toml").write_text("[tool.superplan]\nstrict = true\n", encoding="utf-8")
    assert run(capsys, "validate", plan)[0] == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.superplan]\nstrict = true\nignore = ["SP205"]\ndocs-url = "https://docs.example/superplan/"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", plan, "--format", "json")
    assert code == 0
    assert json.loads(out)["files"][0]["findings"] == []
    code, out, _ = run(capsys, "validate", MANY, "--format", "json")
    assert json.loads(out)["files"][0]["findings"][0]["docs"].startswith(
        "https://docs.example/superplan/rules/#sp"
    )
    (tmp_path / "pyproject.toml").write_text("[tool.superplan]\nstrickt = true\n", encoding="utf-8")
    code, _, err = run(capsys, "validate", plan)
    assert code == 2
    assert "has no setting 'strickt'" in err


def test_one_finding_per_rule_per_file_unless_show_all(capsys, tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"responder": "kent", "responses": []}), encoding="utf-8")
    _, out, _ = run(capsys, "validate", plan, "--no-hints")
    count = len(sp.catalogue().addressed_to("kent"))
    assert sum("warning SP205" in line for line in out.splitlines()) == 1
    assert f"{plan}: ... and {count - 1} more SP205 (--show-all lists them)" in out
    _, out, _ = run(capsys, "validate", plan, "--no-hints", "--show-all")
    assert sum("warning SP205" in line for line in out.splitlines()) == count


def test_ci_formats(capsys, tmp_path):
    code, out, _ = run(
        capsys, "validate", MANY, "--format", "github", "--docs-url", "https://d.example/"
    )
    assert code == 1
    lines = out.splitlines()
    report = sp.validate(MANY)
    assert len(lines) == len(report.findings)
    first = report.findings[0]
    assert lines[0].startswith(
        f"::{first.severity} file={MANY},line={first.line},col={first.column},title={first.code} "
    )
    assert lines[0].endswith(f"https://d.example/rules/#{first.code.lower()}")
    code, out, _ = run(capsys, "validate", MANY, "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [f.code for f in report.findings]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == first.line
    import xml.etree.ElementTree as ET

    valid = ROOT / "examples/north-yorkshire-police.json"
    code, out, _ = run(capsys, "validate", MANY, valid, "--format", "junit")
    suite = ET.fromstring(out)
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "1"
    failing = [c for c in suite if c.find("failure") is not None]
    assert [c.get("name") for c in failing] == [str(MANY)]


def test_a_findings_docs_is_a_full_url(monkeypatch):
    finding = sp.validate({"responder": "kent", "responses": []}).findings[0]
    assert finding.docs.startswith("file:///")
    assert finding.docs.endswith("/rules.md#sp205")
    assert Path(finding.docs.removeprefix("file://").split("#")[0]).is_file()
    monkeypatch.setenv("SUPERPLAN_DOCS_URL", "https://docs.example/superplan")
    assert finding.docs == "https://docs.example/superplan/rules/#sp205"
    assert (
        finding.to_dict(docs_base="https://x.example/rules.md")["docs"]
        == "https://x.example/rules.md#sp205"
    )


# -- docs -----------------------------------------------------------------------------------------


def test_api_reference_covers_every_public_member():
    from .apidoc import SECTIONS, members, render_api_markdown, undocumented

    assert (ROOT / "docs/api.md").read_text(encoding="utf-8") == render_api_markdown()
    assert undocumented() == []
    named = [name for _, names in SECTIONS for name in names]
    assert sorted(named) == sorted(sp.__all__)
    page = render_api_markdown()
    assert ":class:" not in page
    assert ":::" not in page
    for name in ("errors", "warnings", "to_dict", "codes", "filtered"):
        assert f"| `{name}` |" in page.split("### `ValidationReport`")[1].split("### ")[0]
    for member in sp.DeliveryStatus:
        assert f"| `{member.name}` | `= {member.value!r}` |" in page
    assert {m: s for m, s, _ in members(sp.ValidationReport)}["to_dict"].startswith(
        "to_dict(self, *"
    )


def test_docs_out_writes_pages_images_and_examples(capsys, tmp_path):
    code, _out, _ = run(capsys, "docs", "--out", tmp_path / "d")
    assert code == 0
    assert (tmp_path / "d/images/plan-response-390.png").is_file()
    assert (tmp_path / "d/examples/swap-19-and-20.json").is_file()
    assert ":::" not in (tmp_path / "d/api.md").read_text(encoding="utf-8")


def test_help_examples_name_no_repository_test_files():
    from superplan.cli._main import EXAMPLES

    for examples in EXAMPLES.values():
        for invocation, _ in examples:
            assert "tests/" not in invocation


@pytest.mark.slow  # builds the whole site (mkdocs)
def test_built_docs_show_no_sphinx_roles(tmp_path):
    pytest.importorskip("mkdocs")
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert ":class:" not in text, page
        assert ":func:" not in text, page


def test_findings_of_a_mapped_table_name_their_rows(capsys, tmp_path):
    table = tmp_path / "force.csv"
    table.write_text(
        "Rec No,Action,Owner,Due date\n"
        "7,Train investigators,Head of Crime,31/03/2025\n"
        "crime-recordin,Audit,Crime Registrar,2025-03\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "Rec No": "recommendation",
                    "Action": "description",
                    "Owner": "owner",
                    "Due date": "due",
                }
            }
        ),
        encoding="utf-8",
    )
    args = ["import", "table", table, "--responder", "kent", "--mapping", mapping]
    code, _, err = run(capsys, *args, "--out", tmp_path / "p.json", "--report", tmp_path / "r.json")
    assert code == 1
    assert (
        f"superplan: {table}: row 3: error SP203 there is no recommendation 'crime-recordin'"
        in err.splitlines()
    )
    assert f"superplan: {table}: row 2: warning SP215 " in err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["rows"] == {
        "/responses/0": 2,
        "/responses/0/actions/0": 2,
        "/responses/1": 3,
        "/responses/1/actions/0": 3,
    }
