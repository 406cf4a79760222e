"""Hardening: documents generated from our own schemas, arbitrary input, the adversarial corpus."""

import contextlib
import io
import json
import math
import os
import pathlib
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan.cli import main
from superplan.validation import DEFAULT_MAX_BYTES

from ..conftest import DATA
from ..schema_strategies import from_schema

SCHEMA_FINDINGS = {"SP101", "SP102", "SP103", "SP104", "SP105", "SP106", "SP107", "SP108"}


@pytest.mark.slow
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
CASES = sorted(ADVERSARIAL.glob("*.expected"))


def _case(expected: pathlib.Path) -> tuple[list[str] | None, int | None, list[str]]:
    """A case's command (None: the library's validate), exit code and expected lines.

    Format (see tests/data/adversarial/README.md): optional "# " comment lines, then optionally
    "$ superplan ARGS" ({input} is the case's input file, {out} a fresh folder) and "exit N";
    the rest are the lines it must print (stdout, then stderr)."""
    lines = list(expected.read_text(encoding="utf-8").splitlines())
    lines = [line for line in lines if not line.startswith("# ")]
    if lines and lines[0].startswith("$ superplan"):
        command = lines[0].removeprefix("$ superplan").split()
        code = int(lines[1].removeprefix("exit "))
        return command, code, lines[2:]
    return None, None, lines


def _input(expected: pathlib.Path) -> pathlib.Path | None:
    found = [p for p in ADVERSARIAL.glob(expected.stem + ".*") if p.suffix != ".expected"]
    return found[0] if found else None


@pytest.mark.parametrize("expected", CASES, ids=[p.stem for p in CASES])
def test_adversarial_case_gives_exactly_its_lines(expected, tmp_path, capsys):
    command, code, lines = _case(expected)
    source = _input(expected)
    if command is None:
        assert source is not None
        report = sp.validate(source)
        assert [f.describe() for f in report.findings] == lines
        return
    out = tmp_path / "out"
    argv = [a.replace("{input}", str(source)).replace("{out}", str(out)) for a in command]
    assert main(argv) == code
    captured = capsys.readouterr()
    shown = (captured.out + captured.err).replace(str(out), "{out}")
    if source is not None:
        shown = shown.replace(str(source), "{input}")
    assert shown.splitlines() == lines


@pytest.mark.parametrize("expected", CASES, ids=[p.stem for p in CASES])
def test_every_fuzz_target_survives_every_adversarial_input(expected):
    source = _input(expected)
    if source is None:
        return
    sys.path.insert(0, str(pathlib.Path(__file__).parents[2] / "fuzz"))
    try:
        from targets import TARGETS
    finally:
        sys.path.pop(0)
    data = source.read_bytes()
    for target in TARGETS.values():
        target(data)


def test_the_corpus_is_not_empty():
    assert len(CASES) >= 30


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
    assert main(["validate", str(path)]) == 2  # an input problem, not a finding in the plan


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
    ('{"x": 0e4044444444444444444444444440}', "inexact-number", "/x", 1, 7),
    ('{"x": [1e-4044444444444444444444444440]}', "inexact-number", "/x/0", 1, 8),
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
    from superplan._json import parse_json

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
    from superplan._json import canonical_json, parse_json

    for text in (json.dumps(number), repr(number).replace("inf", "")):
        assert parse_json(text) == number
    assert parse_json(canonical_json({"n": number})) == {"n": number}


@settings(max_examples=300, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=200) | st.text(max_size=200) | st.text(max_size=200).map(str.encode))
def test_parse_json_raises_only_load_error(data):
    from superplan._json import parse_json

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
    from superplan._json import MAX_DEPTH

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
    from superplan._json import pointer_order

    assert sorted(["/x/\u00b2", "/x/10", "/x/2"], key=pointer_order) == [
        "/x/2",
        "/x/10",
        "/x/\u00b2",
    ]


# -- size limits, endless inputs and folder runs (class 11, 12, 14) ----------------------------


def test_dev_zero_is_refused_at_the_limit_without_reading_it_all():
    report = sp.validate(pathlib.Path("/dev/zero"), max_bytes=1000)
    assert [f.describe(report.source) for f in report.findings] == [
        "/dev/zero: error SP002 (top level): the input is more than 1000 bytes, over the "
        "limit of 1000 bytes"
    ]
    with pytest.raises(sp.LoadError, match="over the limit"):
        sp.load_plan("/dev/zero")  # the default limit: reading stops after 5 MiB


def test_an_endless_fifo_is_read_only_up_to_the_limit(tmp_path):
    fifo = tmp_path / "endless.json"
    os.mkfifo(fifo)
    # A reader held open, so that the writer can open before validate does.
    holder = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    writing = threading.Event()

    def writer():
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as handle:
            writing.set()
            while True:
                handle.write(b" " * 65536)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    assert writing.wait(timeout=10)
    try:
        assert sp.validate(fifo, max_bytes=200_000).codes == ("SP002",)
    finally:
        os.close(holder)
    thread.join(timeout=10)
    assert not thread.is_alive()  # the reader closed: the writer got a broken pipe


def test_a_fifo_with_no_writer_reads_as_empty_instead_of_hanging(tmp_path):
    fifo = tmp_path / "lonely.json"
    os.mkfifo(fifo)
    assert sp.validate(fifo).codes == ("SP004",)


def test_standard_input_is_read_under_the_limit(monkeypatch, capsys):
    plan = (DATA / "valid" / "kent-pcc.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(plan)))
    assert main(["validate", "-"]) == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" " * 2000)))
    assert main(["validate", "--max-bytes", "1000", "-"]) == 2
    assert (
        "-: error SP002 (top level): the input is more than 1000 bytes" in capsys.readouterr().out
    )


def test_loads_has_the_size_limit_too():
    from superplan._json import MAX_BYTES

    with pytest.raises(sp.LoadError, match="over the limit") as caught:
        sp.loads(b" " * (MAX_BYTES + 1))
    assert caught.value.problems[0].kind == "too-large"


def _folder_of_trouble(folder: pathlib.Path) -> None:
    folder.mkdir()
    good = (DATA / "valid" / "kent-pcc.json").read_bytes()
    (folder / "a-good.json").write_bytes(good)
    (folder / "b-zero.json").symlink_to("/dev/zero")
    os.mkfifo(folder / "c-fifo.json")
    (folder / "d-broken.json").write_text('{"responder": ')
    (folder / "e-good.json").write_bytes(good)


@pytest.mark.parametrize("command", ["validate", "render", "summarise"])
def test_one_bad_file_never_stops_a_folder_run(tmp_path, capsys, command):
    folder = tmp_path / "plans"
    _folder_of_trouble(folder)
    extra = {
        "validate": [],
        "render": ["--out", str(tmp_path / "site")],
        "summarise": ["--as-of", "2025-06-01", "--format", "json"],
    }[command]
    code = main([command, str(folder), "--max-bytes", "100000", *extra])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert code == 2  # a file could not be read: an input problem
    assert f"{folder}/b-zero.json: error SP002" in text
    assert f"{folder}/c-fifo.json: error SP004" in text
    assert f"{folder}/d-broken.json:1:15: error SP005" in text
    if command == "render":
        assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
            "index.html",
            "kent-pcc-2.html",  # the same responder twice: both kept
            "kent-pcc.html",
        ]
    if command == "summarise":
        assert json.loads(captured.out)  # the two good plans were summarised


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, capsys, monkeypatch):
    from superplan._files import _paths as files

    folder = tmp_path / "plans"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.json").write_text("{}")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        # As the walk goes for a folder it may not list (chmod 0 does not stop root, so the
        # refusal is made here, where os.walk reports it).
        for here, folders, names in real_walk(top, onerror=onerror, **kwargs):
            if pathlib.Path(here).name == "locked":
                onerror(PermissionError(13, "Permission denied", here))
                folders.clear()
                continue
            yield here, folders, names

    monkeypatch.setattr(files.os, "walk", walk)
    assert main(["validate", str(folder)]) == 2
    assert "locked: error SP001" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argument", "shown"),
    [
        ("plan\x00.json", "'plan\\x00.json': the path holds a NUL byte"),
        (
            os.fsdecode(b"caf\xe9.json"),
            "'caf\\xe9.json': the path is not UTF-8 text; rename the file",
        ),
    ],
)
def test_a_path_argument_no_file_can_have_exits_2_shown_escaped(capsys, argument, shown):
    for command in (["validate", argument], ["export", argument, "--out", "x.csv"]):
        assert main(command) == 2
        assert capsys.readouterr().err == f"superplan: {shown}\n"


def test_a_file_name_that_is_not_utf8_in_a_folder_is_read_and_shown_escaped(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9.json")
    with open(name, "wb") as handle:
        handle.write(b'{"responder": "kent", "typo": 1}')
    assert main(["validate", "--no-hints", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "caf\\xe9.json:1:23: error SP102 /typo" in out
    out.encode("utf-8", "strict")  # no raw byte, no surrogate reaches the terminal


def test_show_refuses_digits_from_other_scripts(capsys):
    assert main(["show", "\u0663"]) == 2
    assert capsys.readouterr().err.startswith("superplan: there is no recommendation '\u0663'")
    assert main(["show", "3"]) == 0


def test_a_slug_with_a_trailing_newline_is_refused_by_model_and_schema():
    with pytest.raises(ValueError, match="lowercase slug"):
        sp.ActionPlan(responder="kent\n")
    assert sp.validate({"responder": "kent\n"}).codes == ("SP105",)
    assert sp.validate({"responder": "kent\n"}, fast=False).codes == ("SP105",)
    pattern = sp.schema("action-plan")["properties"]["responder"]["pattern"]
    assert not pattern.endswith("$")  # Python's $ matches before a final newline; ajv's not


def test_terminal_output_escapes_control_characters(tmp_path, capsys):
    hostile = "\x1b[31mred\r\u202egnp.exe\x00"
    path = tmp_path / f"plan{hostile[:5]}.json"
    path.write_text(json.dumps({"responder": "kent", hostile: 1, "title": ""}))
    assert main(["validate", "--no-hints", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\r" not in out
    assert "\u202e" not in out
    assert "\x00" not in out
    assert "plan\\x1b[31m.json" in out  # the path, escaped
    assert "error SP102 /\\x1b[31mred\\x0d\\u202egnp.exe\\x00: unknown key" in out


# -- one way to write outputs: atomic, inside the folder, never empty over full ---------------

EXAMPLE = pathlib.Path(__file__).parents[2] / "examples" / "merseyside-police.json"


def _enospc_after(monkeypatch, limit):
    """Make every write fail with a full disk once ``limit`` bytes have gone out."""
    import errno

    from superplan._files import _write as _output

    real_write = os.write
    sent = [0]

    def write(handle, data):
        if sent[0] + len(data) > limit:
            real_write(handle, bytes(data[: max(limit - sent[0], 0)]))
            sent[0] = limit
            raise OSError(errno.ENOSPC, "No space left on device")
        sent[0] += len(data)
        return real_write(handle, data)

    monkeypatch.setattr(_output.os, "write", write)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_full_disk_mid_write_leaves_the_old_file_intact(tmp_path, monkeypatch, capsys, kind):
    target = tmp_path / f"plan.{kind}"
    target.write_bytes(b"the old file")
    _enospc_after(monkeypatch, 100)
    assert main(["export", str(EXAMPLE), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"superplan: {target}: cannot be written (No space left on device); nothing was changed\n"
    )
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"plan.{kind}"]  # no partial file


def test_a_full_disk_while_rendering_leaves_every_page_whole(tmp_path, monkeypatch):
    site = tmp_path / "site"
    assert main(["render", str(EXAMPLE), "--out", str(site)]) == 0
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    _enospc_after(monkeypatch, 1000)
    assert main(["render", str(EXAMPLE), "--out", str(site)]) == 2
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before


def test_interrupting_a_write_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    from superplan._files import _write as _output
    from superplan.tables import export_table

    def interrupted(handle, data):
        raise KeyboardInterrupt

    table = tmp_path / "plan.csv"
    export_table(sp.load_plan(EXAMPLE), table)
    monkeypatch.setattr(_output.os, "write", interrupted)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "plan.json")]) == 130
    assert capsys.readouterr().err.endswith("superplan: interrupted\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv"]


OUTPUT_COMMANDS = {
    "render": (["render", str(EXAMPLE), "--out"], "folder"),
    "site": (["site", "--out"], "folder"),
    "docs": (["docs", "--out"], "folder"),
    "schema": (["schema", "--write"], "folder"),
    "export": (["export", str(EXAMPLE), "--out"], "file.csv"),
    "summarise": (["summarise", str(EXAMPLE), "--as-of", "2025-06-01", "--out"], "file.csv"),
    "template": (["template", "--responder", "kent", "--out"], "file.xlsx"),
    "import page": (
        [
            "import",
            "page",
            str(DATA / "pages" / "north-yorkshire-police-action-plan.txt"),
            "--responder",
            "north-yorkshire",
            "--out",
        ],
        "file.json",
    ),
    "import table": (["import", "table", "TABLE", "--out"], "file.json"),
}


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
@pytest.mark.parametrize("mistake", ["missing-parent", "wrong-kind"])
def test_every_out_mistake_exits_2_with_the_path_and_what_to_do(tmp_path, capsys, command, mistake):
    argv, kind = OUTPUT_COMMANDS[command]
    from superplan.tables import export_table

    table = tmp_path / "plan.csv"
    export_table(sp.load_plan(EXAMPLE), table)
    argv = [str(table) if a == "TABLE" else a for a in argv]
    name = "out" if kind == "folder" else f"out.{kind.split('.')[1]}"
    if mistake == "missing-parent":
        out = tmp_path / "missing" / name
        expected = f"superplan: {out}: the folder {out.parent} does not exist; create it first\n"
    elif kind == "folder":
        out = tmp_path / "a-file"
        out.write_text("x")
        expected = f"superplan: {out}: this is a file, and a folder is needed; give a folder name\n"
    else:
        out = tmp_path / "a-folder"
        out.mkdir()
        expected = f"superplan: {out}: this is a folder, and a file name is needed\n"
    assert main([*argv, str(out)]) == 2
    assert capsys.readouterr().err == expected
    assert not (tmp_path / "missing").exists()


def test_a_link_out_of_the_output_folder_is_never_followed(tmp_path, capsys):
    outside = tmp_path / "outside.html"
    outside.write_text("precious")
    site = tmp_path / "site"
    site.mkdir()
    (site / "merseyside.html").symlink_to(outside)
    assert main(["render", str(EXAMPLE), "--out", str(site)]) == 2
    assert "outside" in capsys.readouterr().err
    assert outside.read_text() == "precious"


def test_a_link_inside_the_output_folder_is_written_through(tmp_path):
    from superplan._files import write_output

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "real.txt").write_text("old")
    (folder / "link.txt").symlink_to(folder / "real.txt")
    write_output(folder / "link.txt", "new", folder=folder)
    assert (folder / "real.txt").read_text() == "new"
    assert (folder / "link.txt").is_symlink()


def test_a_non_empty_file_is_never_replaced_by_an_empty_one(tmp_path):
    from superplan._files import write_output

    target = tmp_path / "x.txt"
    target.write_text("content")
    with pytest.raises(sp.OutputError, match="would replace a non-empty file with an empty one"):
        write_output(target, "")
    assert target.read_text() == "content"
    write_output(tmp_path / "new.txt", "")  # an empty new file is fine
    write_output(target, "more")
    assert target.read_text() == "more"


def test_an_output_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    from superplan._files import write_output

    target = tmp_path / "page.html"
    target.write_text("old")
    target.chmod(0o644)
    write_output(target, "new")
    assert target.stat().st_mode & 0o777 == 0o644


def test_ctrl_c_exits_130_with_one_line(monkeypatch, capsys):
    from superplan.cli import _main

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(
        _main, "build_parser", lambda real=_main.build_parser: _with_handler(real(), interrupted)
    )
    assert main(["catalogue"]) == 130
    assert capsys.readouterr().err == "superplan: interrupted\n"


def _with_handler(parser, handler):
    parser.set_defaults(handler=handler)
    for action in parser._subparsers._group_actions:  # every command
        for sub in action.choices.values():
            sub.set_defaults(handler=handler)
    return parser


def test_a_bug_in_one_file_of_a_folder_run_exits_3_and_the_rest_go_on(
    tmp_path, monkeypatch, capsys
):
    import superplan.validation as validation_package

    real = validation_package.validate
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.json", "b.json", "c.json"):
        (folder / name).write_bytes(EXAMPLE.read_bytes())

    def sometimes_broken(path, **kwargs):
        if pathlib.Path(path).name == "b.json":
            raise ZeroDivisionError("a bug")
        return real(path, **kwargs)

    monkeypatch.setattr(validation_package, "validate", sometimes_broken)
    assert main(["validate", str(folder)]) == 3
    captured = capsys.readouterr()
    assert f"superplan: {folder}/b.json: internal error (ZeroDivisionError: a bug)" in captured.err
    assert "2 file(s) checked: 2 valid" in captured.out


def test_render_goes_on_past_a_plan_that_trips_a_bug(tmp_path, monkeypatch, capsys):
    from superplan.render import _pages

    real = _pages.render_html
    folder = tmp_path / "plans"
    folder.mkdir()
    for responder in ("kent", "essex", "surrey"):
        plan = json.loads(EXAMPLE.read_bytes())
        plan["responder"] = responder
        (folder / f"{responder}.json").write_text(json.dumps(plan))

    def sometimes_broken(plan, **kwargs):
        if plan.responder == "essex":
            raise ZeroDivisionError("a bug")
        return real(plan, **kwargs)

    monkeypatch.setattr(_pages, "render_html", sometimes_broken)
    site = tmp_path / "site"
    assert main(["render", "--no-progress", str(folder), "--out", str(site)]) == 3
    captured = capsys.readouterr()
    assert (
        f"superplan: {folder}/essex.json: rendering: internal error (ZeroDivisionError: a bug)"
        in captured.err
    )
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "kent.html", "surrey.html"]
    index = (site / "index.html").read_text()
    assert "kent.html" in index
    assert "essex.html" not in index
    with pytest.raises(ZeroDivisionError):  # the library raises unless asked to go on
        _pages.write_pages([sp.load_plan(folder / "essex.json")], tmp_path / "other")


def test_render_names_pages_an_earlier_run_left(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = json.loads(EXAMPLE.read_bytes())
    (folder / "a.json").write_text(json.dumps(plan))
    site = tmp_path / "site"
    assert main(["render", "--no-progress", str(folder), "--out", str(site)]) == 0
    assert "not written by this run" not in capsys.readouterr().err
    page = site / f"{plan['responder']}.html"
    before = page.read_bytes()
    plan["responses"][0]["recommendation"] = 30  # now invalid: no page this time
    (folder / "a.json").write_text(json.dumps(plan))
    assert main(["render", "--no-progress", str(folder), "--out", str(site)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"superplan: {page}: not written by this run, left as it was; the index does not link it\n"
    )
    assert page.read_bytes() == before
    assert page.name not in (site / "index.html").read_text()


@pytest.mark.parametrize("command", ["validate", "render", "summarise"])
def test_a_file_named_with_a_final_slash_is_not_read_as_the_file(tmp_path, capsys, command):
    path = tmp_path / "plan.json"
    path.write_bytes(EXAMPLE.read_bytes())
    argv = [command, "--no-progress", f"{path}/"]
    if command == "render":
        argv += ["--out", str(tmp_path / "site")]
    if command == "summarise":
        argv += ["--as-of", "2025-06-01"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert (
        f"{path}/: error SP001 (top level): this path goes on past a file, as if the file were "
        "a folder"
    ) in captured.out + captured.err
    assert main([command, "--no-progress", str(path), *argv[3:]]) in (0, 1)  # without: read


@pytest.mark.parametrize("suffix", ["/", "//", "/."])
@pytest.mark.parametrize("name", ["plan.json", "[draft].json", "two\nlines.json"])
def test_a_file_named_as_a_folder_is_refused_whatever_its_name_looks_like(
    tmp_path, capsys, name, suffix
):
    name = name.replace("\\n", "\n")
    path = tmp_path / name
    path.write_bytes(EXAMPLE.read_bytes())
    given = f"{path}{suffix}"
    assert main(["validate", "--no-progress", given]) == 2
    out = capsys.readouterr().out
    assert "error SP001 (top level): this path goes on past a file" in out
    assert "SP005" not in out  # read as a path, never as JSON text


def test_a_file_and_the_same_name_as_a_folder_are_both_reported(tmp_path, capsys):
    path = tmp_path / "plan.json"
    path.write_bytes(EXAMPLE.read_bytes())
    for order in ([str(path), f"{path}/"], [f"{path}/", str(path)]):
        assert main(["validate", "--no-progress", "--format", "json", *order]) == 2
        report = json.loads(capsys.readouterr().out)
        assert report["summary"]["files"] == 2
        assert sorted(f["source"] for f in report["files"]) == sorted(order)


@pytest.mark.parametrize("command", ["export", "summarise", "import table"])
def test_an_output_file_named_as_a_folder_is_refused_and_nothing_written(tmp_path, capsys, command):
    target = tmp_path / "old.csv"
    target.write_bytes(b"the old file")
    table = tmp_path / "plan.csv"
    argv = {
        "export": ["export", str(EXAMPLE)],
        "summarise": ["summarise", "--no-progress", str(EXAMPLE), "--as-of", "2025-06-01"],
        "import table": ["import", "table", str(table)],
    }[command]
    if command == "import table":
        from superplan.tables import export_table

        export_table(sp.load_plan(EXAMPLE), table)
    assert main([*argv, "--out", f"{target}/"]) == 2
    assert capsys.readouterr().err == (
        f"superplan: {target}/: a name ending in / names a folder; give a file name\n"
    )
    assert target.read_bytes() == b"the old file"


def test_a_dict_holding_other_types_than_json_s_gets_the_reference_route_s_report():
    import collections

    from superplan.model import ActionStatus

    class Text(str):
        pass

    class Number(int):
        pass

    from superplan.testing import synthetic_plans

    base = json.loads(sp.dumps(synthetic_plans(n_forces=1, seed=1)[0]))  # it has actions

    def changed(change):
        document = json.loads(json.dumps(base))
        change(document)
        return document

    def first_action(document):
        return next(a for r in document["responses"] for a in r.get("actions", []))

    documents = [
        changed(lambda d: d.update(title=Text("A title"))),
        changed(lambda d: d.update(responder=Text(d["responder"]))),
        changed(lambda d: d["responses"][0].update(recommendation=Number(7))),
        changed(lambda d: first_action(d).update(status=ActionStatus.COMPLETE)),
        changed(lambda d: d.update(responses=tuple(d["responses"]))),
        collections.OrderedDict(base),
    ]
    for document in documents:
        fast, reference = sp.validate(document), sp.validate(document, fast=False)
        assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in reference.findings]
        assert fast.plan == reference.plan


def test_validate_keeps_a_final_slash_on_a_path_given_as_text(tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(EXAMPLE.read_bytes())
    assert sp.validate(str(path)).valid
    report = sp.validate(f"{path}/")
    assert report.codes == ("SP001",)


# -- spreadsheets: nothing cut, nothing broken, nothing split (class 2, 6, 13) ---------------


def _plan_with_narrative(text):
    return sp.ActionPlan(
        responder="kent", responses=[sp.Response(recommendation=7, narrative=text)]
    )


def test_a_cell_too_long_for_a_workbook_is_refused_with_its_address(tmp_path, capsys):
    from superplan.tables import export_table

    plan = _plan_with_narrative("x" * 40_000)
    target = tmp_path / "plan.xlsx"
    with pytest.raises(
        sp.LoadError, match=r'sheet "Plan", row 4, column G "Response": the text is 40000'
    ):
        export_table(plan, target, kind="xlsx")
    assert not target.exists()  # never "wrote" a cut cell
    source = tmp_path / "plan.json"
    source.write_text(sp.dumps(plan))
    assert main(["export", str(source), "--out", str(target)]) == 2  # naming the file
    assert "more than the 32767 a spreadsheet cell holds" in capsys.readouterr().err
    assert main(["export", str(source), "--out", str(tmp_path / "plan.csv")]) == 0  # CSV holds it


@pytest.mark.parametrize(
    "text", ["a\uffffb", "\ufffe", "nul\x00", "bell\x07", "cr\rlf\n", "_x0041_ literal", "tab\t"]
)
def test_characters_xml_cannot_hold_round_trip_through_a_workbook(tmp_path, text):
    from superplan.importers import table_to_plan
    from superplan.tables import export_table

    plan = _plan_with_narrative("keep " + text)
    target = tmp_path / "plan.xlsx"
    export_table(plan, target, kind="xlsx")
    assert table_to_plan(target).responses[0].narrative == "keep " + text


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"])
def test_every_csv_quotes_a_cell_holding_cr_or_lf(newline):
    from superplan.progress import summarise
    from superplan.tables import export_table

    plan = _plan_with_narrative(f"one{newline}two")
    for text in (
        export_table(plan, kind="csv").decode("utf-8-sig"),
        summarise([plan], "2025-06-01").to_csv(),
    ):
        assert f'"one{newline}two"' in text


@pytest.mark.parametrize(
    "start", ["=", "+", "-", "@", "\t=", "\r=", "\n=", "\uff1d", "\uff0b", "\uff20"]
)
def test_formula_starts_and_look_alikes_are_neutralised(start):
    from superplan.tables._cells import escape_cell, neutralise, unescape_cell

    text = start + "HYPERLINK(1)"
    # a tab is also a separator: what follows it is neutralised too (issue 26)
    assert neutralise(text) == ("'\t'=HYPERLINK(1)" if start == "\t=" else "'" + text)
    assert unescape_cell(escape_cell(text)) == text


# -- class 6: JSON cells and text cells through a table -----------------------------------------

# Text that a spreadsheet or a lax reader would turn into something else: numbers, booleans,
# null, JSON, formulas and their look-alikes, padding and line breaks.
TEXT_THAT_LOOKS_LIKE_MORE = [
    "7", "007", "7.0", "1e3", "TRUE", "null", "=1+1", "+44 1234", "-5", "@x", "\t=x", "\uff1d1",
    "'quoted", " 7 ", "7\n8", "{}", "[1]", '{"a": 1}',
]  # fmt: skip


def _every_text_field(plan: sp.ActionPlan, text: str) -> sp.ActionPlan:
    """The plan with every free-text field (and every item of a list of text) set to ``text``;
    fields with a fixed form (slugs, dates, ids, URLs, parts, languages) are left as they are."""
    import enum

    import attrs

    fixed = {
        "responder", "schema", "schema_version", "lang", "published", "as_of", "source_url",
        "source_urls", "url", "date", "milestone", "part", "id", "recommendation",
        "planned_completion", "actual_completion", "assessed_on", "not_before",
    }  # fmt: skip

    def fill(obj):
        changes = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            if field.name in fixed:
                continue
            if isinstance(value, str) and not isinstance(value, enum.Enum):
                changes[field.name] = text
            elif isinstance(value, tuple):
                changes[field.name] = tuple(
                    text
                    if isinstance(item, str) and not isinstance(item, enum.Enum)
                    else fill(item)
                    if attrs.has(type(item))
                    else item
                    for item in value
                )
            elif attrs.has(type(value)):
                changes[field.name] = fill(value)
        return attrs.evolve(obj, **changes)

    filled = fill(plan)
    return attrs.evolve(filled, extensions={"kept": text, "number": 7})


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("text", TEXT_THAT_LOOKS_LIKE_MORE)
def test_text_cells_stay_text_through_a_table(tmp_path, kind, text):
    from superplan.importers import import_table
    from superplan.tables import export_table

    plan = _every_text_field(sp.load_plan(EXAMPLE), text)
    table = tmp_path / f"plan.{kind}"
    export_table(plan, table, kind=kind)
    back = import_table(table, responder=plan.responder).plan
    assert back == plan  # every field the same value, and the same type: "7" is not 7


BAD_JSON_CELLS = [
    ('{"x": 1, "x": 2}', "the key 'x' appears twice in one object; keep one (at /x in the cell)"),
    ('{"x": NaN}', "NaN is not a JSON number; write a number or null (at /x in the cell)"),
    ('{"x": 1e400}', "the number 1e400 cannot be kept exactly (too large to hold); write it as text (in quotes) (at /x in the cell)"),
    ("[" * 3000 + "]" * 3000, "nested more than 64 levels deep"),
]  # fmt: skip


@pytest.mark.parametrize(("cell", "says"), BAD_JSON_CELLS)
def test_a_bad_json_cell_in_a_workbook_is_refused_at_its_sheet_row_and_column(
    tmp_path, capsys, cell, says
):
    import openpyxl

    from superplan.tables import export_table

    plan = sp.from_dict({"responder": "kent", "extensions": {"x": 1}})
    table = tmp_path / "plan.xlsx"
    export_table(plan, table, kind="xlsx")
    book = openpyxl.load_workbook(table)
    sheet = book.active
    row = next(r for r in sheet.iter_rows() if r[19].value == "extensions")
    row[20].value = cell
    book.save(table)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "plan.json")]) == 1
    err = capsys.readouterr().err
    assert f'sheet "{sheet.title}", row {row[20].row}, column U "Value"' in err
    assert says in err
    assert not (tmp_path / "plan.json").exists()


def test_summarise_names_the_file_used_for_a_responder_and_the_ones_left_out(tmp_path, capsys):
    # class 8: two plans from one responder; the roll-up counts one and says which, and why.
    older = tmp_path / "older.json"
    newer = tmp_path / "newer.json"
    older.write_text(sp.dumps(sp.from_dict({"responder": "kent", "as_of": "2025-01-10"})))
    newer.write_text(sp.dumps(sp.from_dict({"responder": "kent", "as_of": "2025-05-10"})))
    out = tmp_path / "roll-up.csv"
    argv = ["summarise", str(older), str(newer), "--as-of", "2025-06-01", "--out", str(out)]
    assert main(argv) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"superplan: kent: used {newer}, the latest version dated on or before 2025-06-01 "
        "(dated 2025-05-10)",
        f"superplan: kent: left out {older}: dated 2025-01-10, older than the plan used",
    ]


# -- superplan's own table: every cell is read, or refused where it is --------------------------

TABLE_EDITS = {
    # name: (row kind to edit, column, new value, the message's place and words)
    "More repeats a column": ("action", "More", '{"owner": "Someone else"}', 'column V "More": gives \'owner\' again'),
    "More gives an action's id": ("action", "More", '{"id": "7-9"}', 'column V "More": gives \'id\' again'),
    "More repeats a response's narrative": ("response", "More", '{"narrative": "x"}', 'column V "More": gives \'narrative\' again'),
    "a value in a column the row does not read": ("plan", "Owner", "Head of PPU", 'column L "Owner": a plan row is not read from this column'),
    "an edited wording column": ("response", "Recommendation", "Something else", 'column C "Recommendation": this column shows the report\'s recommendation'),
    "an unknown record": ("action", "Record", "Action", 'column A "Record": unknown record \'Action\''),
}  # fmt: skip


def _own_table(tmp_path: pathlib.Path) -> tuple[pathlib.Path, list[list[str]]]:
    import csv

    from superplan.tables import export_table

    plan = sp.from_dict(
        {
            "responder": "kent",
            "extensions": {"x": 1},
            "responses": [
                {"recommendation": 7, "actions": [{"id": "7-1", "description": "Review."}]}
            ],
        }
    )
    table = tmp_path / "plan.csv"
    export_table(plan, table)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        return table, list(csv.reader(handle))


def _write_rows(table: pathlib.Path, rows: list[list[str]]) -> None:
    import csv

    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("edit", TABLE_EDITS)
def test_a_cell_that_would_be_lost_is_refused_where_it_is(tmp_path, capsys, edit):
    kind, column, value, says = TABLE_EDITS[edit]
    table, rows = _own_table(tmp_path)
    header = rows[0]
    row = next(r for r in rows[1:] if r[0] == kind)
    row[header.index(column)] = value
    _write_rows(table, rows)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "plan.json")]) == 1
    err = capsys.readouterr().err
    assert f"row {rows.index(row) + 1}, {says}" in err
    assert not (tmp_path / "plan.json").exists()


@pytest.mark.parametrize(
    ("layout", "says"),
    [
        ("repeated heading", 'row 1, column W "Owner": this heading repeats column L\'s'),
        ("unknown heading", 'column W "My notes": this column is not a column of superplan\'s table'),
        ("no heading", 'column W "": this column has no heading'),
        ("past the headings", 'column W "": this cell is past the last heading'),
        ("a plan field twice", "'extensions' is already given in row"),
        ("responses as a plan row", "responses are given by their own rows"),
    ],
)  # fmt: skip
def test_a_table_whose_layout_would_lose_values_is_refused(tmp_path, capsys, layout, says):
    table, rows = _own_table(tmp_path)
    action = next(r for r in rows if r[0] == "action")
    if layout == "repeated heading":
        rows[0].append("Owner")
        action.append("Someone")
    elif layout == "unknown heading":
        rows[0].append("My notes")
        action.append("a note")
    elif layout == "no heading":
        rows[0].append("")
        action.append("a value")
    elif layout == "past the headings":
        action.append("a value")
    elif layout == "a plan field twice":
        rows.insert(2, ["plan"] + [""] * 18 + ["extensions", '{"y": 2}', ""])
    else:
        rows.insert(2, ["plan"] + [""] * 18 + ["responses", "[]", ""])
    _write_rows(table, rows)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "plan.json")]) == 1
    assert says in capsys.readouterr().err


def test_a_csv_neither_utf8_nor_windows_1252_is_refused_with_its_line(tmp_path, capsys):
    table, rows = _own_table(tmp_path)
    text = "\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\n"
    line = text[: text.index("Review.")].count("\n") + 1
    raw = text.replace("Review.", "Review\x00").encode("cp1252").replace(b"\x00", b"\x81")
    table.write_bytes(raw)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "plan.json")]) == 1
    err = capsys.readouterr().err
    assert f"line {line}: the file is neither UTF-8 nor Windows-1252 (byte 0x81" in err


def test_workbook_formulas_times_and_other_sheets(tmp_path, capsys):
    import datetime as dt

    import openpyxl

    from superplan.importers import import_table
    from superplan.tables import export_table

    plan = sp.from_dict(
        {
            "responder": "kent",
            "responses": [
                {"recommendation": 7, "actions": [{"id": "7-1", "description": "Review."}]}
            ],
        }
    )
    table = tmp_path / "plan.xlsx"
    export_table(plan, table, kind="xlsx")
    book = openpyxl.load_workbook(table)
    sheet = book.active
    action = next(r for r in sheet.iter_rows() if r[0].value == "action")
    action[11].value = '=A1&"x"'  # a formula no spreadsheet has computed
    book.save(table)
    assert main(["import", "table", str(table), "--out", str(tmp_path / "a.json")]) == 1
    assert (
        f"row {action[11].row}, column L: this cell holds a formula with no computed value"
        in capsys.readouterr().err
    )
    action[11].value = dt.datetime(2025, 3, 1, 14, 30)  # a time of day is kept, not cut
    action[12].value = dt.datetime(2025, 3, 1)  # a date, as spreadsheets store one
    book.create_sheet("Extra")["A1"] = "more rows"
    book.save(table)
    result = import_table(table)
    back = result.plan.responses[0].actions[0]
    assert back.owner == "2025-03-01T14:30:00"
    assert str(back.due.date) == "2025-03-01"
    assert 'the workbook\'s sheet "Extra" was not read' in " ".join(result.notes)


def test_paths_given_oddly(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = sp.dumps(sp.from_dict({"responder": "kent"}))
    (tmp_path / "-").write_text(plan)
    assert main(["validate", "./-"]) == 0  # the file named "-", not standard input
    assert main(["validate", ""]) == 2
    assert capsys.readouterr().err.endswith("an empty argument was given; give a path or a name\n")
    (tmp_path / "a.json").write_text(plan)
    assert main(["summarise", "a.json", "./a.json", "--as-of", "2025-06-01"]) == 0
    assert "superplan: a.json: given more than once; read once" in capsys.readouterr().err
    assert main(["summarise", "a.json", "--as-of", "2025-06-01", "--out", "a.json"]) == 2
    assert "a.json: this is an input of the command" in capsys.readouterr().err
    assert (tmp_path / "a.json").read_text() == plan


def test_a_template_saved_back_by_a_spreadsheet_still_imports(tmp_path, capsys):
    # Reference columns are not read, but an edit there is refused; a spreadsheet writing the
    # same deadline its own way, or the wording with other line breaks, is not an edit.
    import csv

    template = tmp_path / "template.csv"
    assert main(["template", "--responder", "kent", "--out", str(template)]) == 0
    with template.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    deadline, wording = header.index("Deadline"), header.index("Recommendation")
    for row in rows[1:]:
        if row[0] == "response" and row[deadline] == "2025-03-27":
            row[deadline] = "27/03/2025"
            row[wording] = row[wording].replace("\n", "\r\n")
    with template.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    assert main(["import", "table", str(template), "--out", str(tmp_path / "plan.json")]) == 0
    rows[1 + next(i for i, r in enumerate(rows[1:]) if r[0] == "response")][deadline] = "2026-01-01"
    with template.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert main(["import", "table", str(template), "--out", str(tmp_path / "plan2.json")]) == 1
    assert (
        'column D "Deadline": this column shows the report\'s deadline' in capsys.readouterr().err
    )
