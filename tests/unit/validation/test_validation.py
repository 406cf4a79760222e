"""Validation: fixtures with their exact findings, rules with their examples, both routes agree."""

import json
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan._schema._reference import schema_validator
from superplan.cli import main
from superplan.validation import DEFAULT_MAX_BYTES, RULES, rule

from ...conftest import DATA, EXAMPLES
from ...strategies import EVERY_CLASS, json_values

INVALID = sorted((DATA / "invalid").glob("*.json"))
VALID = sorted((DATA / "valid").glob("*.json"))
ids = [p.stem for p in INVALID]


def expected_lines(path: pathlib.Path) -> list[str]:
    return path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_there_is_a_fixture_for_every_rule_that_a_file_can_show():
    assert len(INVALID) >= 25
    covered = {p.stem.split("-")[0].upper() for p in INVALID}
    # SP001 (unreadable), SP002 (too large) and SP108 (the model's last word) are tested below;
    # SP231 needs an amended catalogue (tests/test_amendments.py); SP222 the responder a
    # caller expects (tests/contracts/test_surprises.py).
    assert {r.code for r in RULES} - covered == {"SP001", "SP002", "SP108", "SP222", "SP231"}


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_fixture_gives_exactly_its_findings(path):
    report = sp.validate(path)
    assert [f.describe() for f in report.findings] == expected_lines(path)
    code = path.stem.split("-")[0].upper()
    if code.startswith("SP"):
        assert code in report.codes
        assert report.passes(strict=True) is False


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_cli_json_gives_the_same_codes_and_pointers(path, capsys):
    exit_code = main(["validate", "--format", "json", "--strict", str(path)])
    payload = json.loads(capsys.readouterr().out)
    assert exit_code == 1
    (found,) = payload["files"]
    got = [(f["code"], f["pointer"]) for f in found["findings"]]
    report = sp.validate(path)
    assert got == [(f.code, f.pointer) for f in report.findings]
    assert all(f["docs"].startswith("file:///") for f in found["findings"])
    assert all(f["docs"].endswith(f"/rules.md#{f['code'].lower()}") for f in found["findings"])


@pytest.mark.parametrize("path", [*EXAMPLES, *VALID], ids=lambda p: p.name)
def test_examples_have_no_errors(path):
    report = sp.validate(path)
    assert report.valid, report.format_text()
    assert report.plan == sp.load_plan(path)


def test_the_examples_warnings_are_the_expected_ones():
    assert sp.validate(EXAMPLES[1]).codes == ()  # north yorkshire answers all 16
    merseyside = sp.validate(EXAMPLES[0])
    assert [(f.code, f.message.split(" (")[0]) for f in merseyside.findings] == [
        ("SP205", "no response to recommendation 27")
    ]


@pytest.mark.parametrize("each", [r for r in RULES if r.bad is not None], ids=lambda r: r.code)
def test_every_rule_example_fails_and_its_fix_passes(each):
    def as_input(example):
        return example if isinstance(example, str | bytes) else json.dumps(example)

    assert each.code in sp.validate(as_input(each.bad)).codes
    assert each.code not in sp.validate(as_input(each.fixed)).codes


def test_rules_have_unique_codes_names_and_anchors():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert rule("sp203") is rule("unknown-recommendation")
    with pytest.raises(LookupError):
        rule("SP999")


def test_docs_rules_page_is_generated_from_the_rules(root):
    from superplan.validation._docs import render_rules_markdown

    assert (root / "docs/rules.md").read_text(encoding="utf-8") == render_rules_markdown()


# -- the two routes agree --------------------------------------------------------------------


def verdicts(source):
    fast, full = sp.validate(source), sp.validate(source, fast=False)
    return fast, full


@pytest.mark.parametrize("path", [*INVALID, *VALID, *EXAMPLES], ids=lambda p: p.name)
def test_fast_and_full_routes_agree_on_every_fixture(path):
    fast, full = verdicts(path)
    assert fast.valid == full.valid
    assert fast.codes == full.codes


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan=EVERY_CLASS[sp.ActionPlan])
def test_whatever_the_converter_accepts_the_schema_accepts(plan):
    data = sp.to_dict(plan)
    errors = list(schema_validator("action-plan").iter_errors(data))
    assert errors == []
    fast, full = verdicts(data)
    assert fast.codes == full.codes


MUTATIONS = [
    ("responder", 7),
    ("responder", "Not A Slug"),
    ("published", "2024-02-30"),
    ("published", None),
    ("responses", {}),
    ("extensions", []),
    ("schema_version", 1),
    ("surprise", True),
]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan=EVERY_CLASS[sp.ActionPlan], mutation=st.sampled_from(MUTATIONS))
def test_mutated_plans_are_caught_and_both_routes_agree(plan, mutation):
    key, value = mutation
    data = {**sp.to_dict(plan), key: value}
    fast, full = verdicts(data)
    assert not fast.valid
    assert fast.codes == full.codes


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(value=json_values)
def test_any_json_value_gives_a_report_never_an_exception(value):
    text = json.dumps(value)
    report = sp.validate(text)
    assert isinstance(report, sp.ValidationReport)
    if isinstance(value, dict):
        assert sp.validate(value).codes == report.codes


# -- inputs -------------------------------------------------------------------------------------


def test_validate_takes_every_kind_of_source():
    path = EXAMPLES[1]
    text = path.read_text(encoding="utf-8")
    plan = sp.load_plan(path)
    reports = [
        sp.validate(path),
        sp.validate(str(path)),
        sp.validate(text),
        sp.validate(text.encode()),
        sp.validate(json.loads(text)),
        sp.validate(plan),
    ]
    assert all(r.valid and r.plan == plan for r in reports)
    assert reports[0].source == str(path)


def test_a_missing_file_is_a_finding(tmp_path):
    report = sp.validate(tmp_path / "nope.json")
    assert [f.describe() for f in report.findings] == [
        "error SP001 (top level): there is no such file"
    ]
    assert sp.validate(tmp_path).codes == ("SP001",)


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.json"
    path.write_text('{"responder": "kent", "introduction": ["' + "x" * 2000 + '"]}')
    report = sp.validate(path, max_bytes=1000)
    assert report.codes == ("SP002",)
    assert "over the limit of 1000 bytes" in report.findings[0].message
    assert sp.validate(path.read_text(), max_bytes=1000).codes == ("SP002",)
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_the_cli_default_size_limit_matches_the_library():
    from superplan.cli import _base as cli

    assert cli.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


def test_an_amended_catalogue_changes_the_verdict():
    cat = sp.catalogue(amendments=DATA / "amendments/full-report.json")
    said = {"acceptance": "accepted"}
    doc = {
        "responder": "home-office",
        "responses": [{"recommendation": 1, **said}, {"recommendation": 27, **said}],
    }
    assert sp.validate(doc).codes == ()  # addressees of 1 unknown: not judged
    assert sp.validate(doc, catalogue=cat).codes == ()
    doc["responder"] = "cps"
    assert "SP204" in sp.validate(doc, catalogue=cat).codes


def test_report_to_dict_counts_and_groups():
    report = sp.validate(DATA / "invalid/many-problems-at-once.json")
    data = report.to_dict()
    assert data["valid"] is False
    assert data["error_count"] == 5
    assert data["warning_count"] == 1
    assert sum(data["counts"].values()) == 6
    first = data["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "title",
        "pointer",
        "message",
        "hint",
        "docs",
        "line",
        "column",
    }
    as_dict = json.loads((DATA / "invalid/many-problems-at-once.json").read_text())
    assert sp.validate(as_dict).findings[0].line is None  # parsed JSON has no lines to point to


# -- the command line ----------------------------------------------------------------------------


def test_cli_validate_exit_codes(capsys, tmp_path):
    assert main(["validate", str(EXAMPLES[1])]) == 0
    assert main(["validate", str(EXAMPLES[0])]) == 0  # a warning only
    assert main(["validate", "--strict", str(EXAMPLES[0])]) == 1
    assert main(["validate", str(DATA / "invalid/sp203-unknown-recommendation.json")]) == 1
    assert main(["validate", str(tmp_path)]) == 2  # a folder with no plans
    out = capsys.readouterr()
    assert "no .json files found" in out.err


def test_cli_validate_text_output(capsys):
    path = DATA / "invalid/sp207-duplicate-action-id.json"
    main(["validate", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}:" + expected_lines(path)[0]
    assert lines[1] == f"{path}: 1 error, 0 warnings (SP207 x1)"
    assert lines[2].startswith("  SP207 Action id used twice: Give every action")
    assert lines[-1] == "1 file(s) checked: 0 valid, 1 with errors, 0 valid with warnings"


def test_cli_rules_and_schema(capsys, tmp_path):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("SP001  error")
    assert len(out.splitlines()) == len(RULES)
    assert main(["schema", "action-plan"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == sp.schema_id("action-plan")
    assert main(["schema", "nothing"]) == 2
    assert main(["schema", "--write", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.schema.json"))) == len(sp.SCHEMA_NAMES)


def test_pre_commit_hook_is_declared(root):
    text = (root / ".pre-commit-hooks.yaml").read_text()
    assert "id: superplan-validate" in text
    assert "entry: superplan validate" in text


def test_a_placed_finding_keeps_every_other_field():
    import attrs

    from superplan.validation import Finding, Severity

    values = {
        a.name: f"{a.name}-value" for a in attrs.fields(Finding) if a.name not in {"line", "column"}
    }
    values["severity"] = Severity.WARNING
    finding = Finding(**values)
    assert finding._placed(3, 4) == attrs.evolve(finding, line=3, column=4)
    assert {a.name for a in attrs.fields(Finding)} == {*values, "line", "column"}
