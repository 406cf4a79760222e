"""Hardening: documents generated from our own schemas, arbitrary input, the adversarial corpus."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import superplan as sp
from superplan.cli import main
from superplan.validation import DEFAULT_MAX_BYTES

from .conftest import DATA
from .schema_strategies import from_schema

SCHEMA_FINDINGS = {"SP101", "SP102", "SP103", "SP104", "SP105", "SP106", "SP107", "SP108"}


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=from_schema(sp.schema("action-plan")))
def test_documents_generated_from_the_schema_load_and_round_trip(document):
    report = sp.validate(document)
    # the schema and the model agree: a schema-valid document never fails on shape...
    assert not SCHEMA_FINDINGS & set(report.codes), report.format_text()
    # ...and whenever it has no errors, it loads and round-trips exactly
    if report.valid:
        plan = sp.from_dict(document)
        assert sp.loads(sp.dumps(plan)) == plan
        assert sp.dumps(sp.loads(sp.dumps(plan))) == sp.dumps(plan)


@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=from_schema(sp.schema("catalogue-amendments")))
def test_generated_amendment_files_are_read_or_refused_cleanly(document, tmp_path_factory):
    path = tmp_path_factory.mktemp("a") / "amend.json"
    path.write_text(json.dumps(document))
    problems: tuple = ()
    try:
        cat = sp.catalogue(amendments=path)
    except sp.LoadError as error:
        problems = error.problems  # refused with reasons: unknown ids, slugs, duplicates
        assert problems
    else:
        assert list(cat.problems()) == []


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_arbitrary_bytes_give_a_report_or_our_error(data):
    report = sp.validate(data)
    assert isinstance(report, sp.ValidationReport)
    problems: tuple = ()
    try:
        sp.loads(data)
    except sp.LoadError as error:
        problems = error.problems
    assert all(p.message for p in problems)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


ODD_VALUES = [None, True, -1, 1.5, "", "  ", "x" * 3, [], {}, [1], {"z": 1}, "2025-02-30"]


@settings(max_examples=150, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.data())
def test_small_mutations_of_a_valid_plan_are_caught(data):
    document = json.loads((DATA / "valid" / "kent-pcc.json").read_text())
    paths = [p for p in _paths(document) if p and p[0] != "extensions"]
    path = data.draw(st.sampled_from(paths))
    mutation = data.draw(st.sampled_from(["replace", "delete", "add-key"]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    before = json.dumps(document, sort_keys=True)
    if mutation == "replace":
        parent[last] = data.draw(st.sampled_from(ODD_VALUES))
    elif mutation == "delete":
        del parent[last]
    else:
        target = parent[last]
        if not isinstance(target, dict):
            return
        target["unexpected_key"] = 1
    if json.dumps(document, sort_keys=True) == before:
        return
    report = sp.validate(document)
    fast, full = report, sp.validate(document, fast=False)
    assert fast.codes == full.codes
    if report.valid:
        # Only changes the standard allows can pass: dropping something optional, or a value of
        # the right kind. Whatever passes must load and mean what it says.
        plan = sp.from_dict(document)
        assert sp.loads(sp.dumps(plan)) == plan


# -- the adversarial corpus ------------------------------------------------------------------------

ADVERSARIAL = DATA / "adversarial"
CORPUS = sorted(ADVERSARIAL.glob("*.json"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_adversarial_file_gives_its_expected_outcome(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    report = sp.validate(path)
    assert [f.describe() for f in report.findings] == expected


def test_the_corpus_is_not_empty():
    assert len(CORPUS) >= 8


def test_a_huge_string_within_the_limit_is_kept_whole(tmp_path):
    text = "stalking " * 400_000  # 3.6 MB of text in one field
    path = tmp_path / "huge.json"
    path.write_text(
        json.dumps({"responder": "kent", "responses": [{"recommendation": 7, "narrative": text}]})
    )
    report = sp.validate(path)
    assert report.valid
    assert report.plan is not None
    assert report.plan.responses[0].narrative == text


def test_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.json"
    with path.open("w") as handle:
        handle.write('{"responder": "kent", "introduction": ["')
        handle.write("x" * (DEFAULT_MAX_BYTES + 10))
        handle.write('"]}')
    assert sp.validate(path).codes == ("SP002",)
    assert main(["validate", str(path)]) == 1


def test_a_hundred_thousand_actions():
    actions = [{"id": f"a{i}", "description": "Review."} for i in range(100_000)]
    document = {"responder": "kent", "responses": [{"recommendation": 7, "actions": actions}]}
    report = sp.validate(document)
    assert report.valid
    assert len(report.plan.responses[0].actions) == 100_000
    actions[99_999]["id"] = "a0"
    duplicate = sp.validate(document)
    assert [(f.code, f.pointer) for f in duplicate.errors] == [
        ("SP207", "/responses/0/actions/99999/id")
    ]


def test_deep_nesting_in_every_route():
    deep: dict = {}
    node = deep
    for _ in range(5000):
        node["x"] = {}
        node = node["x"]
    document = {"responder": "kent", "extensions": deep}
    assert sp.validate(document).codes == ("SP008",)
    assert sp.validate(document, fast=False).codes == ("SP008",)
    assert sp.validate(json.dumps([[]] * 3)).codes == ("SP009",)
    assert sp.validate("[" * 200_000).codes in (("SP005",), ("SP008",))


def test_output_folder_names_cannot_escape(tmp_path):
    # --out is the user's own choice; the files inside it are named from responder slugs, which
    # cannot hold "/" or "..". A responder of ".." is refused before anything is written.
    bad = tmp_path / "plan.json"
    bad.write_text('{"responder": "../../etc"}')
    out = tmp_path / "out"
    assert main(["render", str(bad), "--out", str(out)]) == 1
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted([bad, out / "index.html"])
    assert not (tmp_path.parent / "etc").exists()


def test_every_text_field_with_injection_round_trips_untouched():
    hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script> [x](javascript:alert(1)) \u202e\u0000"
    document = {
        "schema_version": "1.0",
        "responder": "kent",
        "title": hostile,
        "introduction": [hostile],
        "transcription_note": hostile,
        "responses": [
            {
                "recommendation": 7,
                "narrative": hostile,
                "transcription_note": hostile,
                "actions": [
                    {
                        "id": hostile,
                        "description": hostile,
                        "owner": hostile,
                        "evidence": [hostile],
                        "updates": [{"date": "2025-01-01", "label": hostile, "note": hostile}],
                    }
                ],
            }
        ],
    }
    plan = sp.from_dict(document)
    assert sp.to_dict(plan) == document  # nothing changed, nothing lost
    assert sp.loads(sp.dumps(plan)) == plan
