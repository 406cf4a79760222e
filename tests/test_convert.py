"""Lossless, canonical JSON: round trips, strictness, and errors with pointers."""

import datetime as dt
import json

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import superplan as sp
from superplan._jsontext import canonical_json

from .conftest import EXAMPLES
from .strategies import EVERY_CLASS

CLASSES = list(EVERY_CLASS.items())


@pytest.mark.parametrize(("cls", "strategy"), CLASSES, ids=[str(c) for c, _ in CLASSES])
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_loads_dumps_round_trip(cls, strategy, data):
    obj = data.draw(strategy)
    text = sp.dumps(obj)
    assert sp.loads(text, cls) == obj
    # the text is canonical: dumping what was read gives the same bytes
    assert sp.dumps(sp.loads(text, cls)) == text


@settings(max_examples=60)
@given(plan=EVERY_CLASS[sp.ActionPlan])
def test_dict_round_trip(plan):
    assert sp.from_dict(sp.to_dict(plan)) == plan
    assert sp.from_dict(json.loads(sp.dumps(plan))) == plan


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    plan = sp.load_plan(path)
    assert sp.dumps(plan) == text


def test_canonical_output_is_plain():
    plan = sp.ActionPlan(responder="kent", extensions={"b": 1, "a": {"z": 1, "y": "’"}})
    text = sp.dumps(plan)
    assert text.endswith("}\n")
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "’" in text  # kept as itself, not \u2019
    assert list(json.loads(text)) == ["schema_version", "responder", "extensions"]
    assert list(json.loads(text)["extensions"]) == ["a", "b"]


def test_schema_key_leads_and_round_trips():
    plan = sp.loads('{"responder": "kent", "$schema": "urn:x", "schema_version": "1.0"}')
    assert plan.schema == "urn:x"
    assert sp.dumps(plan).startswith('{\n  "$schema": "urn:x",\n  "schema_version": "1.0",')


def test_equal_plans_give_equal_bytes_whatever_the_extension_order():
    a = sp.ActionPlan(responder="kent", extensions={"x": 1, "y": 2})
    b = sp.ActionPlan(responder="kent", extensions={"y": 2, "x": 1})
    assert a == b
    assert sp.dumps(a) == sp.dumps(b)


def test_dates_are_pendulum_dates_and_refuse_datetimes():
    update = sp.ProgressUpdate(date=dt.date(2025, 3, 27))
    assert isinstance(update.date, pendulum.Date)
    with pytest.raises(TypeError, match="not a date and time"):
        sp.ProgressUpdate(date=dt.datetime(2025, 3, 27, 23, 30))


def _problems(data):
    with pytest.raises(sp.LoadError) as caught:
        sp.from_dict(data)
    return [p.describe() for p in caught.value.problems]


def test_a_number_written_as_text_is_kept_as_written():
    # "7" is a reference by slug-like text: kept exactly, resolved by the catalogue.
    plan = sp.from_dict({"responder": "kent", "responses": [{"recommendation": "7"}]})
    assert plan.responses[0].recommendation == "7"
    assert '"recommendation": "7"' in sp.dumps(plan)
    assert sp.catalogue().recommendation("7").number == 7


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"responder": "kent", "responses": [{"recommendation": 7.5}]},
            [
                "/responses/0/recommendation: expected a recommendation number (1 to 29) or slug, got the number 7.5"
            ],
        ),
        (
            {"responder": "kent", "published": 20241122},
            ["/published: expected a date written YYYY-MM-DD, got the number 20241122"],
        ),
        (
            {"responder": "kent", "published": "22/11/2024"},
            ["/published: expected a date written YYYY-MM-DD, got '22/11/2024'"],
        ),
        (
            {"responder": "kent", "published": "2025-02-30"},
            ["/published: '2025-02-30' is not a date in the calendar"],
        ),
        (
            {"responder": "kent", "responses": [{"recommendation": 7, "narrative": ["a"]}]},
            ["/responses/0/narrative: expected text, got a list"],
        ),
        (
            {"responder": "kent", "introduction": "one paragraph"},
            ["/introduction: expected a list, got the text 'one paragraph'"],
        ),
        (
            {"responder": "kent", "responses": [{"recommendation": 7, "acceptance": "yes"}]},
            [
                "/responses/0/acceptance: expected one of 'accepted', 'partly-accepted', "
                "'not-accepted', got 'yes'"
            ],
        ),
        (
            {"responder": "kent", "colour": "blue", "responses": [{"recommendation": 7, "x": 1}]},
            [
                "/colour: unknown key 'colour'; remove it, or move it under 'extensions'",
                "/responses/0/x: unknown key 'x'; remove it, or move it under 'extensions'",
            ],
        ),
        (
            {"responses": [{"actions": [{"id": "a"}]}]},
            [
                "(top level): the required key 'responder' is missing",
                "/responses/0: the required key 'recommendation' is missing",
                "/responses/0/actions/0: the required key 'description' is missing",
            ],
        ),
        (
            {"responder": "Kent Police"},
            ["/responder: expected a lowercase slug such as 'north-yorkshire', got 'Kent Police'"],
        ),
        (
            {"responder": "kent", "responses": [{"recommendation": 30}]},
            ["/responses/0/recommendation: expected a recommendation number from 1 to 29, got 30"],
        ),
        (
            {"responder": "kent", "responses": [{"recommendation": True}]},
            [
                "/responses/0/recommendation: expected a recommendation number (1 to 29) or slug, got true"
            ],
        ),
        (
            {
                "responder": "kent",
                "responses": [
                    {
                        "recommendation": 7,
                        "actions": [{"id": "a", "description": "d", "part": "7a"}],
                    }
                ],
            },
            ["/responses/0/actions/0/part: expected a part written like '7.1', got '7a'"],
        ),
        (
            {"responder": "kent", "published": "2025-01-30", "as_of": "2024-01-01"},
            ["/as_of: 2024-01-01 is before the plan's publication date (2025-01-30)"],
        ),
        (
            {
                "responder": "kent",
                "published": "2024-11-22",
                "responses": [{"recommendation": 7, "updates": [{"date": "2024-11-01"}]}],
            },
            [
                "/responses/0/updates/0/date: this update is dated 2024-11-01, before the plan "
                "was published (2024-11-22)"
            ],
        ),
        (
            {"responder": "kent", "responses": [{"recommendation": 7, "narrative": "  "}]},
            ["/responses/0/narrative: must not be empty or only white space"],
        ),
        (
            {"responder": "kent", "extensions": []},
            ["/extensions: expected an object, got a list"],
        ),
        ([], ["(top level): expected an object, got a list"]),
    ],
)
def test_structuring_errors_name_the_pointer_and_the_expectation(data, expected):
    assert _problems(data) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", "(top level): the input is empty; expected a JSON object"),
        (b"   \n", "(top level): the input is empty; expected a JSON object"),
        (
            b'{"responder": "kent",\n  }',
            "2:3: (top level): not valid JSON: Expecting property name enclosed in double quotes",
        ),
        (
            b'{"responder": "kent", "responder": "essex"}',
            "1:23: /responder: the key 'responder' appears twice in one object; keep one",
        ),
        (
            b'{"responder": "kent", "extensions": {"x": NaN}}',
            "1:43: /extensions/x: NaN is not a JSON number; write a number or null",
        ),
        (
            b'{"responder": "k\xe9nt"}',
            "1:17: (top level): the file is not UTF-8 text (byte 17); save it as UTF-8",
        ),
        (b"[" * 100000, "1:65: " + "/0" * 64 + ": nested more than 64 levels deep"),
    ],
)
def test_malformed_json_gets_one_clear_line(text, expected):
    with pytest.raises(sp.LoadError) as caught:
        sp.loads(text)
    assert [p.describe() for p in caught.value.problems] == [expected]


def test_a_byte_order_mark_is_ignored():
    assert sp.loads(b'\xef\xbb\xbf{"responder": "kent"}').responder == "kent"


def test_load_plan_names_the_file(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"responder": "kent", "responses": [{"recommendation": 0}]}')
    with pytest.raises(sp.LoadError) as caught:
        sp.load_plan(path)
    assert str(caught.value) == (
        f"{path}:1:38: /responses/0/recommendation: expected a recommendation number from 1 to 29, got 0"
    )
    with pytest.raises(sp.LoadError, match="there is no such file"):
        sp.load_plan(tmp_path / "missing.json")
    with pytest.raises(sp.LoadError, match="this is a folder, not a file"):
        sp.load_plan(tmp_path)


def test_canonical_json_refuses_nan():
    with pytest.raises(sp.LoadError, match="/x: nan is not a JSON number"):
        canonical_json({"x": float("nan")})


def test_dates_take_ascii_digits_only_as_the_schema_does():
    # Python's \d matches other scripts' digits; the schema's [0-9] does not. Both must refuse.
    arabic_indic = "\u0662\u0660\u0662\u0664-\u0661\u0661-\u0662\u0662"
    with pytest.raises(sp.LoadError, match="expected a date written YYYY-MM-DD"):
        sp.from_dict({"responder": "kent", "published": arabic_indic})
    document = {
        "responder": "home-office",
        "published": arabic_indic,
        "responses": [{"recommendation": 27}],
    }
    assert sp.validate(document).codes == sp.validate(document, fast=False).codes == ("SP105",)
