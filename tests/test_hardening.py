"""Hardening: documents generated from our own schemas, arbitrary input, the adversarial corpus."""

import json
import math

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


# -- the JSON reading contract (class 1, 3, 5, 7, 12) -------------------------------------------
# parse_json returns exactly the values the text holds, or raises LoadError with a kind, a pointer,
# a line and a column; nothing else escapes. A faster parser must keep every case below.

REFUSED_TEXT = [
    ('{"a": 1, "a": 2}', "duplicate-key", "/a", 1, 10),
    ('{"x": {"b": [1, 2, NaN]}}', "not-a-number", "/x/b/2", 1, 20),
    ('{"x": [Infinity]}', "not-a-number", "/x/0", 1, 8),
    ('{\n  "x": -Infinity\n}', "not-a-number", "/x", 2, 8),
    ('{"x": 1e400}', "inexact-number", "/x", 1, 7),
    ('{"x": -1E+400}', "inexact-number", "/x", 1, 7),
    ('{"x": 0.1000000000000000000001}', "inexact-number", "/x", 1, 7),
    ('{"x": ' + "9" * 5000 + "}", "inexact-number", "/x", 1, 7),
    ('{"x": [' + "1" * 4301 + "]}", "inexact-number", "/x/0", 1, 8),
    ('{"x": "\\ud800"}', "lone-surrogate", "/x", 1, 7),
    ('{"x": "\\udfff\\ud800"}', "lone-surrogate", "/x", 1, 7),
    ('{"x": ["ok", "a\\ud83d"]}', "lone-surrogate", "/x/1", 1, 14),
    ('{"\\udc00": 1}', "lone-surrogate", "/\udc00", 1, 2),
    ('{"x": "\ud800"}', "lone-surrogate", "/x", 1, 7),  # a raw surrogate in a str
    ('"\\ud800"', "lone-surrogate", "", 1, 1),
    ("[" * 65 + "]" * 65, "too-deep", "/0" * 64, 1, 65),
    ("[" * 200_000, "too-deep", "/0" * 64, 1, 65),
    ('{"e": ' + '{"x": ' * 70 + "1" + "}" * 71, "too-deep", "/e" + "/x" * 63, 1, 385),
    ('{"a": "b\\"", "a": 1}', "duplicate-key", "/a", 1, 14),
    ("\u0663", "not-json", "", 1, 1),  # ٣ is not a JSON number
    ('{"n": \u00b2}', "not-json", "", 1, 7),  # nor is ²
    ('{"n": \uff17}', "not-json", "", 1, 7),  # nor a full-width 7
]


@pytest.mark.parametrize(
    ("text", "kind", "pointer", "line", "column"),
    REFUSED_TEXT,
    ids=[f"{case[1]}-{i}" for i, case in enumerate(REFUSED_TEXT)],
)
def test_refused_json_says_what_and_where(text, kind, pointer, line, column):
    from superplan._jsontext import parse_json

    for data in (text, text.encode("utf-8", "surrogatepass")):
        if isinstance(data, bytes) and "\ud800" in text:
            continue  # raw surrogates cannot be UTF-8 bytes
        with pytest.raises(sp.LoadError) as caught:
            parse_json(data)
        (problem,) = caught.value.problems
        assert (problem.kind, problem.pointer, problem.line, problem.column) == (
            kind,
            pointer,
            line,
            column,
        )
        assert problem.message


KEPT_NUMBERS = [
    ("0.1", 0.1),
    ("1E5", 100000.0),
    ("5e-324", 5e-324),
    ("1.7976931348623157e308", 1.7976931348623157e308),
    ("12345678901234567890123456789", 12345678901234567890123456789),
    ("9" * 4300, int("9" * 4300)),
    ("-0", -0.0),
    ("-0.0", -0.0),
    ("0", 0),
    ("1.50", 1.5),
]


@pytest.mark.parametrize(("text", "value"), KEPT_NUMBERS, ids=[t[:12] for t, _ in KEPT_NUMBERS])
def test_numbers_under_extensions_round_trip_exactly(text, value):
    from decimal import Decimal

    plan = sp.loads('{"responder": "kent", "extensions": {"n": ' + text + "}}")
    kept = plan.extensions["n"]
    assert kept == value
    assert type(kept) is type(value)
    again = sp.loads(sp.dumps(plan)).extensions["n"]
    assert again == kept
    assert type(again) is type(kept)
    if isinstance(value, float):  # -0 keeps its sign
        assert math.copysign(1, kept) == math.copysign(1, again) == math.copysign(1, value)
    written = json.loads(sp.dumps(plan))["extensions"]["n"]
    assert Decimal(str(written)) == Decimal(text)  # the same decimal number, written back


@settings(max_examples=300)
@given(number=st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_every_finite_number_reads_back_as_itself(number):
    from superplan._jsontext import canonical_json, parse_json

    for text in (json.dumps(number), repr(number).replace("inf", "")):
        assert parse_json(text) == number
    assert parse_json(canonical_json({"n": number})) == {"n": number}


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=200) | st.text(max_size=200) | st.text(max_size=200).map(str.encode))
def test_parse_json_raises_only_load_error(data):
    from superplan._jsontext import parse_json

    problems: tuple = ()
    try:
        parse_json(data)
    except sp.LoadError as error:
        problems = error.problems
        assert problems
    assert all(p.kind and p.message for p in problems)


def _nested(depth):
    value: object = 1
    for _ in range(depth):
        value = {"x": value}
    return value


def test_one_nesting_limit_for_loads_validate_dumps_and_export(tmp_path):
    from superplan._jsontext import MAX_DEPTH

    # the plan is level 1, so 63 levels of extensions fit and 64 do not
    fits = {"responder": "kent", "extensions": _nested(MAX_DEPTH - 1)}
    too_deep = {"responder": "kent", "extensions": _nested(MAX_DEPTH)}
    plan = sp.loads(json.dumps(fits))
    assert sp.validate(fits).valid
    assert sp.validate(json.dumps(fits)).valid
    assert sp.loads(sp.dumps(plan)) == plan
    for route in (json.dumps(too_deep), json.dumps(too_deep).encode(), too_deep):
        assert sp.validate(route).codes == ("SP008",)
        assert sp.validate(route, fast=False).codes == ("SP008",)
    with pytest.raises(sp.LoadError, match="nested more than 64 levels deep"):
        sp.loads(json.dumps(too_deep))
    built = sp.ActionPlan(responder="kent", extensions=too_deep["extensions"])
    with pytest.raises(sp.LoadError, match="nested more than 64 levels deep"):
        sp.dumps(built)
    five_thousand = sp.ActionPlan(responder="kent", extensions=_nested(5000))
    with pytest.raises(sp.LoadError) as caught:
        sp.dumps(five_thousand)
    assert caught.value.problems[0].kind == "too-deep"
    assert sp.validate(five_thousand).codes == ("SP008",)


def test_lone_surrogates_are_refused_at_load_and_never_reach_a_writer():
    text = '{"responder": "kent", "title": "Plan \\ud800"}'
    with pytest.raises(sp.LoadError) as caught:
        sp.loads(text)
    assert [(p.kind, p.pointer, p.line, p.column) for p in caught.value.problems] == [
        ("lone-surrogate", "/title", 1, 32)
    ]
    assert sp.validate(text).codes == ("SP010",)
    assert sp.validate({"responder": "kent", "title": "Plan \ud800"}).codes == ("SP010",)
    built = sp.ActionPlan(responder="kent", title="Plan \udfff")
    assert sp.validate(built).codes == ("SP010",)
    with pytest.raises(sp.LoadError, match="lone surrogate"):
        sp.dumps(built)
    # a valid pair, escaped, is one character and is kept
    assert sp.loads('{"responder": "kent", "title": "\\ud83d\\ude00"}').title == "\U0001f600"


@pytest.mark.parametrize(
    "digits", ["\u00b2", "\u00b9\u00b2", "\u0663", "\uff17", "\u2467", "7\u0663"]
)
def test_digit_look_alikes_are_never_numbers(digits):
    document = {
        "responder": "kent",
        "responses": [
            {
                "recommendation": digits,
                "actions": [{"id": "a", "description": "D.", "part": digits + ".1"}],
            }
        ],
    }
    report = sp.validate(document)
    assert not report.valid
    assert sp.validate(document, fast=False).codes == report.codes
    assert sp.catalogue().find(digits) is None
    assert sp.validate(json.dumps({"responder": "kent", "extensions": {digits: 1}})).valid


def test_a_finding_at_a_superscript_key_sorts_without_crashing():
    from superplan.errors import pointer_order

    assert sorted(["/x/\u00b2", "/x/10", "/x/2"], key=pointer_order) == [
        "/x/2",
        "/x/10",
        "/x/\u00b2",
    ]
