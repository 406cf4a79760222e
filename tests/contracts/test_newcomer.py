"""A new user's first hour: CI that cannot pass by accident, a CLI that guides, files that ship."""

import csv
import datetime as dt
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import superplan as sp
from superplan._json import canonical_json
from superplan._schema import schema, schema_id
from superplan.cli import _meter, main
from superplan.cli._main import EXAMPLES, build_parser
from superplan.progress import summarise
from superplan.progress._csvw import COLUMNS as CSVW_COLUMNS, metadata_path
from superplan.tables._columns import NOT_HELD, TEMPLATE_COLUMNS
from superplan.tables._template import template_rows, write_template
from superplan.validation import RULES
from superplan.validation._findings import docs_url

from ..conftest import DATA, ROOT

NORTH_YORKSHIRE = ROOT / "examples/north-yorkshire-police.json"
MERSEYSIDE = ROOT / "examples/merseyside-police.json"
FULL_REPORT = DATA / "amendments/full-report.json"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -- CI -----------------------------------------------------------------------------------------


def test_ci_stops_at_the_first_failing_step():
    script = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    steps = [
        line
        for line in script.splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "echo"))
    ]
    # `a && b` at the top of a script hides a failing `a` from `set -e`; inside ( ) it does not.
    chained = [line for line in steps if "&&" in line and not line.lstrip().startswith("(")]
    assert chained == []
    mkdocs = [line for line in steps if "mkdocs build" in line]
    assert mkdocs
    assert all("--strict" in line and "--quiet" not in line for line in mkdocs)


@pytest.mark.skipif(
    shutil.which("mkdocs") is None and not Path(sys.prefix, "bin/mkdocs").exists(),
    reason="docs extra not installed",
)
def test_the_docs_build_clean_in_strict_mode(tmp_path):
    mkdocs = shutil.which("mkdocs") or str(Path(sys.prefix, "bin/mkdocs"))
    done = subprocess.run(
        [mkdocs, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr


# -- global options -----------------------------------------------------------------------------


def test_amendments_work_before_and_after_the_command(capsys):
    before = run(capsys, "--amendments", FULL_REPORT, "show", "1")
    after = run(capsys, "show", "1", "--amendments", FULL_REPORT)
    plain = run(capsys, "show", "1")
    assert before == after
    assert before[0] == 0
    assert before[1] != plain[1]  # the amendment supplied wording the shipped catalogue lacks


def test_global_options_given_twice_are_all_kept():
    args = build_parser().parse_args(
        ["--amendments", "a.json", "validate", "x.json", "--amendments", "b.json"]
    )
    from superplan.cli._base import merge_globals

    merge_globals(args)
    assert args.amendments == ["a.json", "b.json"]
    assert args.language == "en"


def test_language_after_the_command(capsys, tmp_path):
    code, _, err = run(
        capsys, "render", NORTH_YORKSHIRE, "--out", tmp_path, "--language", "xx-unknown"
    )
    assert code != 0  # the option was read: the unknown language is reported
    assert "xx-unknown" in err
    code, _, _ = run(capsys, "render", NORTH_YORKSHIRE, "--out", tmp_path, "--language", "en")
    assert code == 0


# -- rules --------------------------------------------------------------------------------------


def test_rules_explains_one_code(capsys):
    code, out, _ = run(capsys, "rules", "SP205")
    assert code == 0
    assert out.startswith("SP205 Addressed recommendation not answered (missing-response)\n")
    assert "What it means:" in out
    assert "An example that triggers it:" in out
    assert "How to fix it: Answer every recommendation addressed to you" in out
    assert f"Docs: {docs_url('SP205')}" in out
    assert docs_url("SP205").startswith("file:///")
    assert docs_url("SP205").endswith("/rules.md#sp205")


def test_rules_by_name_or_lower_case_is_the_same(capsys):
    assert run(capsys, "rules", "sp205") == run(capsys, "rules", "missing-response")


def test_every_rule_can_be_explained(capsys):
    for rule in RULES:
        code, out, _ = run(capsys, "rules", rule.code, "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["code"] == rule.code
        assert data["docs"] == docs_url(rule.code)


def test_the_example_that_triggers_a_rule_does_trigger_it(capsys):
    _, out, _ = run(capsys, "rules", "SP205", "--format", "json")
    example = json.loads(out)["example"]
    assert "SP205" in sp.validate(json.dumps(example)).codes
    fixed = json.loads(out)["fixed"]
    assert "SP205" not in sp.validate(json.dumps(fixed)).codes


def test_an_unknown_code_is_a_usage_error_with_suggestions(capsys):
    code, out, err = run(capsys, "rules", "SP2055")
    assert code == 2
    assert out == ""
    assert "there is no finding code 'SP2055'; did you mean SP205" in err


def test_the_docs_link_resolves_for_an_installed_user(capsys, tmp_path):
    code, out, _ = run(capsys, "rules", "SP205")
    installed = re.search(r"Docs: file://(.+)#sp205\n", out)
    assert installed is not None
    page = Path(installed.group(1)).read_text(encoding="utf-8")
    assert "\n## SP205\n" in page
    code, out, _ = run(capsys, "docs", "--out", tmp_path / "docs")
    assert code == 0
    assert "\n## SP205\n" in (tmp_path / "docs/rules.md").read_text(encoding="utf-8")
    assert (tmp_path / "docs/getting-started.md").is_file()


def test_the_validate_hint_points_at_the_rules_command(capsys):
    _, out, _ = run(capsys, "validate", MERSEYSIDE)
    assert f"More: `superplan rules SP205` or {docs_url('SP205')}" in out


# -- help ---------------------------------------------------------------------------------------


def _help(*command: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "superplan.cli", *command, "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_help_shows_real_examples(command):
    examples = EXAMPLES[command]
    assert 1 <= len(examples) <= 3
    if command in ("", "site"):
        assert len(examples) >= 1
    else:
        assert len(examples) >= 2 or command == "import page"
    text = _help(*command.split())
    assert "examples:" in text
    for invocation, meaning in examples:
        assert invocation in text
        assert meaning in text
        words = shlex.split(invocation)
        assert words[0] == "superplan"
        args = build_parser().parse_args(words[1:])  # raises SystemExit if it does not parse
        if command:
            assert args.command == command.split()[0]
        for word in words[1:]:
            if word.startswith(("examples/", "tests/")):
                assert (ROOT / word).exists(), word


def test_the_help_examples_run(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    runs = [
        ("superplan validate examples/", 0),
        ("superplan rules SP205", 0),
        ("superplan catalogue --addressee north-yorkshire", 0),
        ("superplan show online-stalking --format json", 0),
        ("superplan summarise examples/ --as-of 2025-03-27", 0),
    ]
    for invocation, expected in runs:
        assert any(invocation == line for examples in EXAMPLES.values() for line, _ in examples)
        assert main(shlex.split(invocation)[1:]) == expected, invocation
    capsys.readouterr()


# -- export -------------------------------------------------------------------------------------


def test_export_follows_the_extension(capsys, tmp_path):
    for name, check in (
        ("plan.xlsx", lambda data: data[:2] == b"PK"),
        ("plan.csv", lambda data: data.startswith(b"\xef\xbb\xbfRecord,")),
    ):
        code, out, _ = run(capsys, "export", MERSEYSIDE, "--out", tmp_path / name)
        assert code == 0, out
        assert check((tmp_path / name).read_bytes())


@pytest.mark.parametrize(("given", "name"), [("csv", "plan.xlsx"), ("xlsx", "plan.csv")])
def test_export_refuses_a_format_the_extension_contradicts(capsys, tmp_path, given, name):
    code, out, err = run(capsys, "export", MERSEYSIDE, "--format", given, "--out", tmp_path / name)
    assert code == 2
    assert out == ""
    assert f"--format {given} contradicts --out" in err
    assert not (tmp_path / name).exists()


def test_export_with_another_extension_takes_format(capsys, tmp_path):
    code, _, _ = run(capsys, "export", MERSEYSIDE, "--format", "xlsx", "--out", tmp_path / "p.bin")
    assert code == 0
    assert (tmp_path / "p.bin").read_bytes()[:2] == b"PK"


# -- editors ------------------------------------------------------------------------------------


def test_schema_path_is_the_published_schema(capsys):
    code, out, _ = run(capsys, "schema", "action-plan", "--path")
    assert code == 0
    path = Path(out.strip())
    assert path.name == "action-plan.schema.json"
    assert path.read_text(encoding="utf-8") == canonical_json(schema("action-plan"))
    assert run(capsys, "schema", "--path")[1] == out


def test_schema_path_of_an_unknown_schema(capsys):
    code, _, err = run(capsys, "schema", "actionplan", "--path")
    assert code == 2
    assert "no schema 'actionplan'" in err


@pytest.mark.parametrize("form", ["relative", "absolute", "uri"])
def test_a_plan_naming_the_schema_file_resolves_and_passes_strict(capsys, tmp_path, form):
    import jsonschema

    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    folder = tmp_path / "plans"
    folder.mkdir()
    target = tmp_path / "schemas/action-plan.schema.json"
    named = {
        "relative": "../schemas/action-plan.schema.json",
        "absolute": str(target),
        "uri": target.as_uri(),
    }[form]
    data = json.loads(NORTH_YORKSHIRE.read_text(encoding="utf-8"))
    data["$schema"] = named
    plan = folder / "plan.json"
    plan.write_text(json.dumps(data, indent=2), encoding="utf-8")
    # Resolve $schema as an editor does: a URI, or a path relative to the plan's folder.
    resolved = Path(named.removeprefix("file://")) if named.startswith("file:") else folder / named
    published = json.loads(resolved.read_text(encoding="utf-8"))
    assert published["$id"] == schema_id("action-plan")
    jsonschema.Draft202012Validator(published).validate(data)
    code, out, _ = run(capsys, "validate", "--strict", plan)
    assert code == 0, out
    assert "SP218" not in out


def test_a_plan_naming_another_schema_still_warns():
    data = json.loads(NORTH_YORKSHIRE.read_text(encoding="utf-8"))
    data["$schema"] = "./schemas/catalogue-forces.schema.json"
    assert "SP218" in sp.validate(json.dumps(data)).codes


# -- licence ------------------------------------------------------------------------------------


def test_the_licence_is_mit():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_wheel_holds_the_licence_docs_and_schemas(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("superplan-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        licences = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert licences
        assert archive.read(licences[0]) == (ROOT / "LICENSE").read_bytes()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        assert b"License-Expression: MIT" in archive.read(metadata)
    assert "superplan/docs/rules.md" in names
    assert "superplan/docs/getting-started.md" in names
    assert "superplan/schemas/action-plan.schema.json" in names
    assert "superplan/catalogue/index.json" in names  # what validation looks up, unbuilt


# -- the roll-up's CSV --------------------------------------------------------------------------


def test_the_roll_up_csv_has_csvw_metadata_and_force_ids(capsys, tmp_path):
    target = tmp_path / "national.csv"
    code, out, _ = run(
        capsys, "summarise", ROOT / "examples", "--as-of", "2025-03-27", "--out", target
    )
    assert code == 0
    described = metadata_path(target)
    assert out.splitlines() == [f"wrote {target}", f"wrote {described}"]
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    header = list(rows[0])
    assert header[:2] == ["responder", "police_uk_id"]
    # every force is a row (those without a plan as no plan as of the date), each with its id
    ids = {(r["responder"], r["police_uk_id"]) for r in rows}
    assert len(ids) == 43
    assert {("merseyside", "merseyside"), ("north-yorkshire", "north-yorkshire")} <= ids
    assert all(ident for _, ident in ids)
    metadata = json.loads(described.read_text(encoding="utf-8"))
    assert metadata["url"] == "national.csv"
    assert "http://www.w3.org/ns/csvw" in metadata["@context"]
    columns = metadata["tableSchema"]["columns"]
    assert [c["titles"] for c in columns] == header
    datatypes = {c["name"]: c["datatype"] for c in columns}
    assert datatypes["recommendation"]["base"] == "integer"
    assert datatypes["addressed"] == {"base": "boolean", "format": "yes|no"}
    # Every value fits its column's datatype.
    for row in rows:
        assert 1 <= int(row["recommendation"]) <= 29
        assert row["addressed"] in ("yes", "no")
        assert int(row["days_overdue"]) >= 0


def test_every_roll_up_column_is_described():
    summary = summarise([sp.load_plan(MERSEYSIDE)], "2025-03-27")
    header = next(csv.reader(io.StringIO(summary.to_csv())))
    assert set(header) == set(CSVW_COLUMNS)


def test_every_force_has_its_data_police_uk_id():
    forces = sp.catalogue().forces
    assert len(forces) == 43
    assert all(force.police_uk_id for force in forces)
    assert len({force.police_uk_id for force in forces}) == 43
    assert sp.catalogue().source("data-police-uk-forces").url


def test_summarise_format_contradiction_is_refused(capsys, tmp_path):
    code, _, err = run(
        capsys,
        "summarise",
        MERSEYSIDE,
        "--as-of",
        "2025-03-27",
        "--format",
        "json",
        "--out",
        tmp_path / "n.csv",
    )
    assert code == 2
    assert "contradicts" in err


# -- progress on stderr -------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _many_plans(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    text = NORTH_YORKSHIRE.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"plan-{i:03}.json").write_text(text, encoding="utf-8")
    return folder


def test_progress_is_shown_on_a_terminal(capsys, tmp_path, monkeypatch):
    folder = _many_plans(tmp_path, _meter.MIN_ITEMS + 5)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["validate", str(folder)])
    assert code == 0
    shown = terminal.getvalue()
    assert f"\rvalidating 0/{_meter.MIN_ITEMS + 5} files" in shown
    assert shown.endswith("\r")  # the line is cleared at the end
    assert "validating" not in capsys.readouterr().out


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    folder = _many_plans(tmp_path, _meter.MIN_ITEMS + 5)
    done = subprocess.run(
        [sys.executable, "-m", "superplan.cli", "validate", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == ""


def test_no_progress_when_asked(tmp_path, monkeypatch):
    folder = _many_plans(tmp_path, _meter.MIN_ITEMS + 5)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", str(folder), "--no-progress"]) == 0
    assert terminal.getvalue() == ""


def test_the_meter_yields_every_item_in_order():
    terminal = _Terminal()
    items = list(range(100))
    assert list(_meter.metered(items, "counting", "numbers", stream=terminal)) == items
    assert "counting 0/100 numbers" in terminal.getvalue()
    quiet = io.StringIO()
    assert list(_meter.metered(iter(items), "counting", "numbers", stream=quiet)) == items
    assert quiet.getvalue() == ""


# -- the plan template --------------------------------------------------------------------------


def _column(sheet, name):
    header = [cell.value for cell in sheet[1]]
    return header.index(name) + 1


def _fill(path: Path, number_of_first: int) -> None:
    """Fill a template in as a force would: every response, one action with a due date and an
    update, and the publication date."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Plan"]
    col = {name: _column(sheet, name) for name in TEMPLATE_COLUMNS}
    first_response = None
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, col["Record"]).value != "response":
            continue
        first_response = first_response or row
        number = sheet.cell(row, col["Rec No"]).value
        sheet.cell(row, col["Acceptance"]).value = "accepted"
        sheet.cell(row, col["Compliance"]).value = "partly-complies"
        sheet.cell(row, col["Response status"]).value = "in-progress"
        sheet.cell(row, col["Response"]).value = f"=Our response to {number}, with an = sign first"
        sheet.cell(row, col["Response"]).data_type = "s"
    assert first_response is not None
    sheet.insert_rows(first_response + 1, amount=2)
    action, update = first_response + 1, first_response + 2
    for row, record in ((action, "action"), (update, "update")):
        sheet.cell(row, col["Record"]).value = record
        sheet.cell(row, col["Rec No"]).value = number_of_first
        sheet.cell(row, col["Action ID"]).value = f"{number_of_first}-1"
    sheet.cell(action, col["Action"]).value = "Train every call handler"
    sheet.cell(action, col["Owner"]).value = "Head of Public Protection"
    sheet.cell(action, col["Due"]).value = dt.date(2025, 3, 27)
    sheet.cell(action, col["Status"]).value = "complete"
    sheet.cell(update, col["Update date"]).value = dt.datetime(2025, 3, 1)
    sheet.cell(update, col["Update status"]).value = "complete"
    sheet.cell(update, col["Update note"]).value = "Done"
    last = sheet.max_row + 1
    sheet.cell(last, col["Record"]).value = "plan"
    sheet.cell(last, col["Field"]).value = "published"
    sheet.cell(last, col["Value"]).value = dt.date(2024, 11, 22)
    book.save(path)


def test_the_template_round_trip_for_every_force(capsys, tmp_path):
    cat = sp.catalogue()
    for force in cat.forces:
        workbook = tmp_path / f"{force.slug}.xlsx"
        code, out, _ = run(capsys, "template", "--responder", force.slug, "--out", workbook)
        assert code == 0, out
        addressed = [rec.number for rec in cat.addressed_to(force.slug)]
        _fill(workbook, addressed[0])
        target = tmp_path / f"{force.slug}.json"
        code, out, err = run(capsys, "import", "table", workbook, "--out", target)
        assert code == 0, err
        plan = sp.load_plan(target)
        assert plan.responder == force.slug
        assert plan.published == dt.date(2024, 11, 22)
        assert [r.recommendation for r in plan.responses] == addressed
        assert {str(r.acceptance) for r in plan.responses} == {"accepted"}
        first = plan.responses[0]
        assert first.narrative == f"=Our response to {addressed[0]}, with an = sign first"
        (action,) = first.actions
        assert str(action.due.date) == "2025-03-27"
        assert str(action.updates[0].date) == "2025-03-01"
        report = sp.validate(target)
        assert report.valid, report.format_text()
        assert not report.warnings, report.format_text()


def test_the_template_workbook_guides_the_person_filling_it(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "cleveland.xlsx"
    write_template("cleveland", path)
    book = load_workbook(path)
    assert book.sheetnames == ["Plan", "Instructions"]
    sheet = book["Plan"]
    assert [cell.value for cell in sheet[1]] == list(TEMPLATE_COLUMNS)
    assert sheet.freeze_panes == "C2"
    assert sheet.column_dimensions["E"].width == 60  # the wording
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            lists[cell_range.min_col] = (validation.type, validation.formula1, cell_range.max_row)
    acceptance = _column(sheet, "Acceptance")
    assert lists[acceptance][0] == "list"
    assert lists[acceptance][1] == '"Accepted,Partly accepted,Not accepted"'
    assert lists[acceptance][2] > sheet.max_row - 1  # room for added action rows
    status_values = ",".join(str(s).replace("-", " ").capitalize() for s in sp.ActionStatus)
    for name in ("Response status", "Status", "Update status"):
        assert lists[_column(sheet, name)][:2] == ("list", f'"{status_values}"')
    assert lists[_column(sheet, "Update date")][0] == "date"
    addressed = sp.catalogue().addressed_to("cleveland")
    rows = list(sheet.iter_rows(min_row=2, max_row=len(addressed) + 2, values_only=True))
    assert rows[0][:1] == ("plan",)
    deadline = _column(sheet, "Deadline")
    for rec, row in zip(addressed, rows[1:], strict=True):
        assert row[0] == "response"
        assert row[1] == rec.number
        assert row[2] == rec.title
        assert row[deadline - 1].date() == sp.catalogue().deadline(rec.number)
        cell = sheet.cell(rows.index(row) + 2, deadline)
        assert cell.is_date
        assert cell.number_format == "dd/mm/yyyy"
    notes = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert "superplan import table" in notes
    assert "not held" in notes


def test_the_template_never_invents_wording():
    cat = sp.catalogue()
    seen_not_held = False
    for responder in ("home-office", "cleveland", "npcc"):
        for row in template_rows(responder):
            if row["Record"] != "response":
                continue
            rec = cat.recommendation(row["Rec No"])
            if rec.wording.value is None:
                assert row["Recommendation"] == NOT_HELD
                seen_not_held = True
            else:
                assert row["Recommendation"] == "\n\n".join(rec.wording.value)
    assert seen_not_held


def test_the_csv_template_imports_too(capsys, tmp_path):
    path = tmp_path / "kent.csv"
    code, _, _ = run(capsys, "template", "--responder", "kent", "--out", path)
    assert code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfRecord,Rec No,Title")
    code, out, _ = run(capsys, "import", "table", path)
    assert code == 0
    assert sp.loads(out).responder == "kent"


def test_the_template_for_an_unknown_responder_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "template", "--responder", "clevland", "--out", tmp_path / "x.xlsx")
    assert code == 2
    assert "'cleveland'" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_mistakes_in_a_filled_template_come_back_by_sheet_row_and_column(capsys, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "cleveland.xlsx"
    write_template("cleveland", path)
    book = load_workbook(path)
    sheet = book["Plan"]
    col = {name: _column(sheet, name) for name in TEMPLATE_COLUMNS}
    # Typed over the drop-down, or pasted: words superplan does not know ("yes" and "done" it
    # reads as accepted and complete).
    sheet.cell(3, col["Acceptance"]).value = "perhaps"
    sheet.cell(5, col["Compliance"]).value = "mostly"
    sheet.insert_rows(4)
    for name, value in (("Record", "action"), ("Rec No", 7), ("Action ID", "7-1")):
        sheet.cell(4, col[name]).value = value
    sheet.cell(4, col["Action"]).value = "Train call handlers"
    sheet.cell(4, col["Status"]).value = "nearly"
    book.save(path)
    target = tmp_path / "plan.json"
    code, out, err = run(capsys, "import", "table", path, "--out", target)
    assert code == 1
    assert out == ""
    assert not target.exists()
    lines = err.splitlines()
    # Each error says sheet, row, column letter and heading, then the cell's text.
    assert any(
        'sheet "Plan", row 3, column ' in line and '"Acceptance": "perhaps"' in line
        for line in lines
    )
    assert any(
        'sheet "Plan", row 4, column ' in line and '"Status": "nearly"' in line for line in lines
    )
    assert any('sheet "Plan", row 6, column ' in line and '"Compliance"' in line for line in lines)


def test_a_template_into_a_missing_folder_is_a_usage_error(capsys, tmp_path):
    target = tmp_path / "no-such-folder" / "kent.xlsx"
    code, out, err = run(capsys, "template", "--responder", "kent", "--out", target)
    assert code == 2
    assert out == ""
    assert err == (
        f"superplan: {target}: the folder {target.parent} does not exist; create it first\n"
    )
