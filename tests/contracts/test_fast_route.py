"""The fast routes give exactly what the reference routes give: the same bytes from ``dumps``, the
same reports from ``validate``."""

import copy
import functools
import json
import math
import pickle
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan._schema import EACH, _places as places_module, doubtful_places
from superplan.convert import reference_dumps
from superplan.testing import synthetic_plans
from superplan.validation._findings import Later

from ..conftest import DATA
from ..schema_strategies import from_schema
from ..strategies import EVERY_CLASS

# Free-form values as extensions may hold them: every kind of number and of text included.
# Characters that escaping could treat differently: controls, quotes, separators, non-ASCII.
odd_text = st.text(st.sampled_from(list('a é😀\x00\x1f\x7f\x85\u2028"\\/\ud800')), max_size=8)
numbers = (
    st.integers()
    | st.integers(min_value=2**63 - 2, max_value=2**64 + 2)
    | st.integers(max_value=-(2**63) + 2)
    | st.floats(allow_nan=False, allow_infinity=False)
)
free_form = st.recursive(
    st.none() | st.booleans() | numbers | odd_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4),
    max_leaves=6,
)
extensions = st.dictionaries(st.text(max_size=6), free_form, max_size=4)


def same_bytes(plan: sp.ActionPlan) -> None:
    try:
        expected = reference_dumps(plan)
    except sp.LoadError as error:  # what the reference refuses, the fast route refuses alike
        with pytest.raises(sp.LoadError, match=re.escape(str(error))):
            sp.dumps(plan)
    else:
        assert sp.dumps(plan) == expected


@functools.cache
def _pool() -> list[sp.ActionPlan]:
    return synthetic_plans(n_forces=43, seed=5)


@st.composite
def realistic_plans(draw: st.DrawFn) -> sp.ActionPlan:
    """A realistic plan (cheap to make, so there can be thousands), with odd text and numbers."""
    plan = draw(st.sampled_from(_pool()))
    start = draw(st.integers(0, max(len(plan.responses) - 3, 0)))
    responses = list(plan.responses[start : start + 3])  # a few: thousands of plans stay quick
    if responses:
        at = draw(st.integers(0, len(responses) - 1))
        narrative = draw(odd_text.filter(lambda t: t.strip() != ""))
        responses[at] = attrs.evolve(responses[at], narrative=narrative)
    return attrs.evolve(plan, responses=tuple(responses), extensions=draw(extensions))


@pytest.mark.slow
@settings(max_examples=2000, suppress_health_check=list(HealthCheck), deadline=None)
@given(plan=realistic_plans())
def test_dumps_gives_the_reference_bytes_on_realistic_plans(plan):
    same_bytes(plan)


@pytest.mark.slow
@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(plan=EVERY_CLASS[sp.ActionPlan], extra=extensions)
def test_dumps_gives_the_reference_bytes_on_every_optional_field(plan, extra):
    same_bytes(plan)
    same_bytes(attrs.evolve(plan, extensions=extra))


def test_dumps_writes_numbers_and_text_as_the_json_module_does():
    plan = attrs.evolve(
        synthetic_plans(n_forces=1, seed=1)[0],
        extensions={"b": [1e16, 1e-7, -0.0, 2**70, -(2**64)], "a": {"z": "\x00é\u2028", "y": True}},
    )
    text = sp.dumps(plan)
    assert text == reference_dumps(plan)
    assert '"a": {\n      "y": true,\n      "z": "\\u0000é\u2028"' in text
    assert "1e+16,\n      1e-07,\n      -0.0,\n      1180591620717411303424," in text


# -- validate: the fast route and the reference route give the same report ----------------------

EVERY_DATA_FILE = sorted(p for p in DATA.rglob("*") if p.is_file())


def same_report(source: Any) -> None:
    fast, reference = sp.validate(source), sp.validate(source, fast=False)
    assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in reference.findings]
    assert fast.plan == reference.plan


@pytest.mark.parametrize("path", EVERY_DATA_FILE, ids=lambda p: str(p.relative_to(DATA)))
def test_both_routes_give_the_same_report_on_every_data_file(path):
    same_report(path)
    same_report(path.read_bytes())


ODD_VALUES = [
    None, True, False, 0, -1, 7, 7.0, 30, 7.5, 2**70, "", " ", "x", "Kent", "kent\n", "7", "7.1",
    "\u00a0", " \u3000 ", "\x1c", "\u2028",
    "2025-02-30", "2025-1-1", "2025-13-01", "not-started", "done", "six-months", "next-spring",
    [], [1], ["x", " "], {}, {"z": 1}, {"date": "2025-03-01"}, {"milestone": "x", "date": "x"},
]  # fmt: skip
ODD_KEYS = ["surprise", "Status", "", "é", "$schema", "extensions"]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A small realistic plan as JSON text, with up to three things wrong in it."""
    plan = draw(st.sampled_from(_pool()))
    start = draw(st.integers(0, max(len(plan.responses) - 2, 0)))
    document = sp.to_dict(attrs.evolve(plan, responses=plan.responses[start : start + 2]))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(list(_paths(document))))
        parent: Any = document
        for step in path[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["replace", "delete", "add-key"]))
        if not path or how == "add-key":
            target = parent if not path else parent[path[-1]]
            if isinstance(target, dict):
                target[draw(st.sampled_from(ODD_KEYS))] = copy.deepcopy(
                    draw(st.sampled_from(ODD_VALUES))
                )
        elif how == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
    indent = draw(st.sampled_from([None, 2, 4]))
    return json.dumps(document, indent=indent, ensure_ascii=draw(st.booleans()))


@pytest.mark.slow
@settings(max_examples=4400, suppress_health_check=list(HealthCheck), deadline=None)
@given(text=documents())
def test_both_routes_give_the_same_report_on_generated_documents(text):
    same_report(text)


@pytest.mark.slow
@settings(max_examples=500, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=from_schema(sp.schema("action-plan")), odd=st.sampled_from(ODD_VALUES))
def test_both_routes_give_the_same_report_on_schema_generated_documents(document, odd):
    same_report(json.dumps(document))
    same_report(json.dumps({**document, "responses": copy.deepcopy(odd)}))


# -- the lazy route: what the schema leaves open, and the plan structured when asked for --------


def test_doubtful_places_are_derived_from_the_published_schema():
    assert doubtful_places("action-plan") == (
        ("free-form", ("extensions",)),
        ("integer", ("responses", EACH, "recommendation")),
    )


def test_doubtful_places_follow_refs_lists_and_branches(monkeypatch):
    schema = {
        "type": "object",
        "properties": {
            "a": {"$ref": "#/$defs/A"},
            "n": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
            "loose": {"type": "object", "properties": {"x": {"type": "string"}}},
        },
        "additionalProperties": False,
        "$defs": {
            "A": {
                "type": "object",
                "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/A"}}},
                "additionalProperties": False,
            }
        },
    }
    monkeypatch.setattr(places_module, "published", lambda name: schema)
    places_module.doubtful_places.cache_clear()
    try:
        # A recursive $ref is followed once; an object open to other keys is free-form.
        assert places_module.doubtful_places("test") == (
            ("free-form", ("loose",)),
            ("integer", ("n",)),
        )
    finally:
        places_module.doubtful_places.cache_clear()


CANONICAL_PLAN = sp.dumps(sp.ActionPlan(responder="kent"))


@pytest.mark.parametrize(
    ("extensions", "kept"),
    [
        ('{"x": -0}', -0.0),  # orjson reads 0; the strict reader keeps the sign
        ('{"x": 0.1}', 0.1),
        ('{"x": 1e400}', None),  # refused: no float holds it
        ('{"x": 123456789012345678901234567890}', 123456789012345678901234567890),
    ],
)
def test_numbers_in_extensions_are_read_exactly_on_the_fast_route(extensions, kept):
    text = CANONICAL_PLAN.replace(
        '"responder": "kent"', f'"extensions": {extensions}, "responder": "kent"'
    )
    same_report(text)
    report = sp.validate(text)
    if kept is None:
        assert not report.valid
    else:
        value = report.plan.extensions["x"]
        assert value == kept
        assert type(value) is type(kept)
        assert math.copysign(1, value) == math.copysign(1, kept)


def test_a_whole_float_where_a_number_goes_is_refused_on_both_routes():
    text = json.dumps({"responder": "kent", "responses": [{"recommendation": 7.0}]}, indent=2)
    same_report(text + "\n")
    assert "SP108" in sp.validate(text + "\n").codes


def test_a_duplicate_key_in_canonical_layout_is_refused():
    text = '{\n  "responder": "kent",\n  "responder": "kent"\n}\n'
    assert sp.validate(text).codes == ("SP006",)


def test_the_plan_is_structured_only_when_asked_for():
    report = sp.validate(CANONICAL_PLAN)
    assert isinstance(report._plan, Later)  # the verdict did not need it
    assert report.plan == sp.loads(CANONICAL_PLAN)
    assert report.plan is report.plan  # structured once
    assert pickle.loads(pickle.dumps(sp.validate(CANONICAL_PLAN))).plan == report.plan


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=from_schema(sp.schema("action-plan")))
def test_a_deferred_plan_is_never_missing_from_a_valid_report(document):
    """The schema and the catalogue rules refuse everything the model refuses: so when the fast
    route defers the plan of a document it finds valid, the plan always comes. (The document is
    made to name a known responder and schema, so that many are valid.)"""
    document = {**document, "responder": "kent", "schema_version": "1.1"}
    document.pop("$schema", None)
    report = sp.validate(json.dumps(document, indent=2) + "\n")
    if isinstance(report._plan, Later) and report.valid:
        assert report.plan is not None
    same_report(json.dumps(document, indent=2) + "\n")


# Found by an attack on the fast route: each gave a different report from the reference route,
# or raised. Now the same.
ROUTE_EDGES = {
    "a caller's depth limit below a sound plan's own depth": (
        '{"responder": "home-office", "responses": [{"recommendation": 27}]}',
        {"max_depth": 2},
    ),
    "text of white space beyond ASCII's (no-break space)": (
        '{"responder": "home-office", "responses": [{"recommendation": 27}], "title": "\\u00a0"}',
        {},
    ),
    "the same, written as itself": (
        '{"responder": "home-office", "responses": [{"recommendation": 27}], "title": "\u3000"}',
        {},
    ),
    "deeper than orjson writes, not as deep as it reads": ("[" * 255 + "]" * 255, {}),
    "the same inside extensions": ('{"extensions": ' + "[" * 600 + "]" * 600 + "}", {}),
}


@pytest.mark.parametrize("case", ROUTE_EDGES)
def test_route_edges_give_the_reference_report(case):
    text, options = ROUTE_EDGES[case]
    fast, reference = sp.validate(text, **options), sp.validate(text, fast=False, **options)
    assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in reference.findings]
    assert fast.plan == reference.plan
    assert not fast.valid


def test_a_plan_given_is_the_plan_reported_on_both_routes():
    plan = attrs.evolve(_pool()[0], extensions={"a": (1, 2)})
    assert sp.validate(plan).plan is plan
    assert sp.validate(plan, fast=False).plan is plan


@given(st.text(alphabet='\\u0a"x\u00a0', max_size=40))
def test_has_unicode_escape_finds_exactly_the_escapes(text):
    from superplan._json import has_unicode_escape

    # An escape is a backslash after an even run of backslashes, followed by "u".
    expected = re.search(r"(?<!\\)(?:\\\\)*\\u", text) is not None
    assert has_unicode_escape(text) is expected


def test_wide_space_sees_an_escaped_no_break_space_behind_other_escapes():
    from superplan._json import wide_space

    assert wide_space('{"title": "\\"\\n\\\\\\u00a0"}')
    assert not wide_space('{"title": "\\"\\n\\\\u00a0"}')  # an escaped backslash, then "u00a0"
    plan = json.loads((DATA.parent.parent / "examples" / "merseyside-police.json").read_text())
    plan["title"] = "TITLE"
    text = json.dumps(plan, indent=2)
    # A no-break space written as an escape, after other escapes: blank to the model (SP108).
    for title, blank in (('\\"\\\\\\u00a0', False), ("\\n\\u00a0", True), ("\\u00a0", True)):
        fast = sp.validate(text.replace("TITLE", title))
        reference = sp.validate(text.replace("TITLE", title), fast=False)
        assert fast.codes == reference.codes
        assert ("SP108" in fast.codes) is blank


def test_patterns_in_the_rust_dialect_mean_what_the_published_ones_do():
    import jsonschema_rs

    from superplan._schema._compiled import _NOTHING_AFTER, _in_rust_dialect
    from superplan._schema._generate import _schema

    def patterns(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
            return own + [p for value in node.values() for p in patterns(value)]
        if isinstance(node, list):
            return [p for item in node for p in patterns(item)]
        return []

    published = patterns(_schema("action-plan"))
    rewritten = patterns(_in_rust_dialect(_schema("action-plan")))
    assert sum(p.endswith(_NOTHING_AFTER) for p in published) >= 10
    assert sum(p.startswith("[^") for p in published) >= 10  # "not blank", anchored in Rust
    assert not any(p.startswith("[^") for p in rewritten)
    values = ["kent", "kent-police", "2024-11-22", "2024-11", "1.2", "en", "cy-GB", "x"]
    values += [v + end for v in values for end in ("\n", "\r\n", "\r", " ", "\u2028", "\x00")]
    values += ["", "\n", " kent", " \t\n\r\f\v", " \t\n\r\f\v\u00a0", "\v\vx", "\u3000", "\f"]
    for old, new in zip(published, rewritten, strict=True):
        compiled = jsonschema_rs.validator_for({"type": "string", "pattern": new})
        for value in values:
            assert compiled.is_valid(value) is (re.search(old, value) is not None), (old, value)


@given(
    st.sampled_from([r"[^ \t\n\r\f\v]", r"[^a-c]", r"[^\]x]", r"[^\\]", r"[^^a]", r"[^a^]"]),
    st.text(st.sampled_from(" \t\n\r\f\va^]\\xb\u00a0c-"), max_size=6),
)
def test_a_lone_negated_class_anchored_in_the_rust_dialect_finds_what_it_did(pattern, value):
    import jsonschema_rs

    from superplan._schema._compiled import _rust_pattern

    compiled = jsonschema_rs.validator_for({"type": "string", "pattern": _rust_pattern(pattern)})
    assert compiled.is_valid(value) is (re.search(pattern, value) is not None)


@pytest.mark.parametrize(
    "extensions",
    [
        '{"x": -0}',  # read as 0 by orjson: the text is read again by the strict reader
        '{"x": 0, "y": "-0"}',  # a 0, and -0 only inside text
        '{"x": [1, -0]}',
        '{"y": "-0 in text alone"}',  # no 0 read: no -0 can have been
        '{"x": false}',  # == 0, but not a number
    ],
)
def test_a_document_with_a_problem_and_a_zero_reads_the_zero_as_written(extensions):
    # The document is not sound (an unknown status), so orjson's value is used only when it is
    # surely what the strict reader gives: where it read a 0, not if the text may write -0.
    text = CANONICAL_PLAN.replace(
        '"responder": "kent"',
        f'"extensions": {extensions}, "responder": "kent", "status": "done"',
    )
    same_report(text)
    assert [f.code for f in sp.validate(text).errors] == ["SP102"]
