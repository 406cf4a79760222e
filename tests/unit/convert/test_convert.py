"""Lossless, canonical JSON: round trips, strictness, and errors with pointers."""

import datetime as dt
import json
import re

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan._json import canonical_json
from superplan._schema._reference import schema_validator

from ...conftest import DATA, EXAMPLES
from ...schema_strategies import from_schema
from ...strategies import EVERY_CLASS, documents_1_0

CLASSES = list(EVERY_CLASS.items())


@pytest.mark.parametrize(("cls", "strategy"), CLASSES, ids=[str(c) for c, _ in CLASSES])
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_loads_dumps_round_trip(cls, strategy, data):
    obj = data.draw(strategy)
    text = sp.dumps(obj)
    assert sp.loads(text, cls) == obj
    # the text is canonical: dumping what was read gives the same bytes
    assert sp.dumps(sp.loads(text, cls)) == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
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
    plan = sp.ActionPlan(responder="kent", published=dt.date(2025, 3, 27))
    assert isinstance(plan.published, pendulum.Date)
    update = sp.ProgressUpdate(date=dt.date(2025, 3, 27))
    assert update.date == sp.PartialDate(2025, 3, 27) == dt.date(2025, 3, 27)
    assert update.date.exact == pendulum.date(2025, 3, 27)
    with pytest.raises(TypeError, match="not a date and time"):
        sp.ProgressUpdate(date=dt.datetime(2025, 3, 27, 23, 30))
    with pytest.raises(TypeError, match="not a date and time"):
        sp.ActionPlan(responder="kent", published=dt.datetime(2025, 3, 27, 23, 30))


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
        "responses": [{"recommendation": 27, "acceptance": "accepted"}],
    }
    assert sp.validate(document).codes == sp.validate(document, fast=False).codes == ("SP105",)


# -- schema 1.1 reads every 1.0 document, and it means the same ------------------------------

OLD_SCHEMA = json.loads((DATA / "schema-1.0" / "action-plan.schema.json").read_text("utf-8"))


def _without_empty_lists(value):
    """What 1.0 wrote for a document: an empty list and an absent key meant the same."""
    if isinstance(value, dict):
        return {k: _without_empty_lists(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [_without_empty_lists(v) for v in value]
    return value


def _means_the_same(document):
    report = sp.validate(document)
    assert not {c for c in report.codes if c.startswith("SP1")}, report.format_text()
    if not report.valid:
        return
    plan = sp.from_dict(document)
    # Nothing added, nothing dropped, nothing changed: the model gives back the document...
    extensions = document.get("extensions")
    expected = _without_empty_lists({k: v for k, v in document.items() if k != "extensions"})
    if extensions:
        expected["extensions"] = extensions
    assert sp.to_dict(plan) == expected
    # ...its version as written, and every status left unstated stays unstated.
    assert plan.schema_version == document.get("schema_version", "1.2")
    assert sp.loads(sp.dumps(plan)) == plan


@settings(max_examples=80, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=documents_1_0())
def test_every_1_0_document_still_loads_and_means_the_same(document):
    _means_the_same(document)


@settings(max_examples=80, suppress_health_check=list(HealthCheck), deadline=None)
@given(document=from_schema(OLD_SCHEMA))
def test_whatever_the_1_0_schema_accepted_the_1_1_schema_accepts(document):
    assert schema_validator("action-plan").is_valid(document)
    _means_the_same(document)


@pytest.mark.parametrize(
    "path", [*EXAMPLES, *sorted((DATA / "valid").glob("*.json"))], ids=lambda p: p.name
)
def test_every_valid_file_still_validates(path):
    report = sp.validate(path)
    assert report.valid, report.format_text()
    plan = sp.load_plan(path)
    assert sp.to_dict(plan) == _without_empty_lists(json.loads(path.read_text("utf-8")))


def test_a_1_0_file_keeps_its_version_and_a_new_plan_is_1_2():
    plan = sp.loads('{"schema_version": "1.0", "responder": "kent"}')
    assert plan.schema_version == "1.0"
    assert '"schema_version": "1.0"' in sp.dumps(plan)
    assert sp.ActionPlan(responder="kent").schema_version == "1.2"
    one_oh = {
        "$schema": "urn:superplan:schema:action-plan:1.0",
        "schema_version": "1.0",
        "responder": "kent",
    }
    codes = set(sp.validate(one_oh).codes)
    assert "SP201" not in codes  # a known version
    assert "SP218" not in codes  # the 1.0 schema's $id is still a name for this schema


# -- the model refuses wrong values when built, naming the field and what it allows ------------


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (
            lambda: sp.Response(recommendation=7, acceptance="yes"),
            ValueError,
            "Response.acceptance: expected one of 'accepted', 'partly-accepted' or "
            "'not-accepted', got 'yes'",
        ),
        (
            lambda: sp.Response(recommendation=7, compliance=True),
            TypeError,
            "Response.compliance: expected one of 'complies', ",
        ),
        (
            lambda: sp.Action(id="a", description="d", status="done"),
            ValueError,
            "Action.status: expected one of 'not-started', 'in-progress', 'complete', 'ongoing' "
            "or 'not-applicable', got 'done'",
        ),
        (
            lambda: sp.Action(id="a", description="d", due="2025-03-27"),
            TypeError,
            "Action.due: expected a Due, got the text '2025-03-27'",
        ),
        (
            lambda: sp.ProgressUpdate(date="27/03/2025"),
            ValueError,
            "ProgressUpdate.date: expected a date written YYYY-MM-DD or YYYY-MM, got '27/03/2025'",
        ),
        (
            lambda: sp.ActionPlan(responder="kent", published="2025-03"),
            ValueError,
            "ActionPlan.published: expected a date written YYYY-MM-DD, got '2025-03'",
        ),
        (
            lambda: sp.ActionPlan(responder="kent", published=20250327),
            TypeError,
            "ActionPlan.published: expected a date, got int",
        ),
        (
            lambda: sp.Action(id="a", description="d", evidence="a report"),
            TypeError,
            "Action.evidence: expected a list, got the text 'a report'",
        ),
        (
            lambda: sp.Response(recommendation=7, updates=[{"date": "2025-03-27"}]),
            TypeError,
            "Response.updates: expected a ProgressUpdate in each item, got an object",
        ),
        (
            lambda: sp.Response(recommendation=7.0),
            TypeError,
            "Response.recommendation: expected a recommendation number (1 to 29) or slug",
        ),
        (
            lambda: sp.Response(recommendation=7, narrative=["a"]),
            TypeError,
            "Response.narrative: expected text, got a list",
        ),
        (
            lambda: sp.Response(recommendation=7, lang="Welsh"),
            ValueError,
            "Response.lang: expected a language tag such as 'cy' or 'en-GB' (BCP 47), got 'Welsh'",
        ),
        (
            lambda: sp.Due(date="2026-03", not_before="yes"),
            TypeError,
            "Due.not_before: expected true or false, got the text 'yes'",
        ),
        (
            lambda: sp.ActionPlan(responder="kent", extensions=[1]),
            TypeError,
            "ActionPlan.extensions: expected a mapping",
        ),
        (lambda: sp.Link(title="x"), TypeError, "url"),
    ],
)
def test_constructors_refuse_wrong_values_naming_the_field(build, error, message):
    with pytest.raises(error) as caught:
        build()
    assert str(caught.value).startswith(message) or message in str(caught.value)


def test_constructors_take_an_enum_value_as_text_and_keep_the_member():
    response = sp.Response(recommendation=7, acceptance="accepted", status="complete")
    assert response.acceptance is sp.Acceptance.ACCEPTED
    assert response.status is sp.DeliveryStatus.COMPLETE
    assert sp.ActionStatus is sp.DeliveryStatus  # the 1.0 name still works


def test_loading_reports_the_models_refusals_at_their_pointer_without_repeating_the_field():
    problems = _problems(
        {"responder": "kent", "responses": [{"recommendation": 7, "lang": "Welsh"}]}
    )
    assert problems == [
        "/responses/0/lang: expected a language tag such as 'cy' or 'en-GB' (BCP 47), got 'Welsh'"
    ]


# -- partial dates -----------------------------------------------------------------------------


def test_a_partial_date_keeps_its_precision_and_its_text():
    month, day = sp.PartialDate.parse("2024-11"), sp.PartialDate.parse("2024-11-21")
    assert (str(month), str(day)) == ("2024-11", "2024-11-21")
    assert month.precision is sp.Precision.MONTH
    assert day.precision is sp.Precision.DAY
    assert (month.earliest, month.latest) == (
        pendulum.date(2024, 11, 1),
        pendulum.date(2024, 11, 30),
    )
    assert sp.PartialDate.parse("2024-02").latest == pendulum.date(2024, 2, 29)
    assert month.exact is None
    assert day.exact == pendulum.date(2024, 11, 21)
    assert month != sp.PartialDate(2024, 11, 1)  # a month is not its first day
    assert day == dt.date(2024, 11, 21)
    assert hash(day) == hash(dt.date(2024, 11, 21))
    assert month != dt.date(2024, 11, 1)
    assert sp.dumps(sp.ProgressUpdate(date="2024-11")) == '{\n  "date": "2024-11"\n}\n'


def test_partial_dates_compare_honestly():
    nov = sp.PartialDate.parse("2024-11")
    deadline = pendulum.date(2024, 11, 22)
    # In the deadline's month: neither surely before nor surely after.
    assert not nov.surely_before(deadline)
    assert not nov.surely_after(deadline)
    assert nov.overlaps(deadline)
    assert nov.surely_before("2024-12-01")
    assert nov.surely_after("2024-10-31")
    assert nov.surely_on_or_before("2024-11-30")
    assert not nov.surely_on_or_before("2024-11-29")
    assert nov.surely_on_or_after("2024-11-01")
    assert not nov.surely_on_or_after("2024-11-02")
    assert sp.PartialDate.parse("2024-10").surely_before(nov)
    assert not sp.PartialDate.parse("2024-11-30").surely_before(nov)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13", "'2024-13' is not a date in the calendar"),
        ("2024-00", "'2024-00' is not a date in the calendar"),
        ("2025-02-29", "'2025-02-29' is not a date in the calendar"),
        ("2024-1", "expected a date written YYYY-MM-DD or YYYY-MM, got '2024-1'"),
        ("Nov-24", "expected a date written YYYY-MM-DD or YYYY-MM, got 'Nov-24'"),
        ("\uff12\uff10\uff12\uff14-11", "expected a date written YYYY-MM-DD or YYYY-MM"),
    ],
)
def test_partial_dates_refuse_what_is_not_one(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        sp.PartialDate.parse(text)


def test_a_month_precision_update_in_the_month_of_publication_is_not_before_it():
    plan = sp.ActionPlan(
        responder="kent",
        published="2024-11-22",
        responses=[sp.Response(recommendation=7, updates=[sp.ProgressUpdate(date="2024-11")])],
    )
    assert str(plan.responses[0].updates[0].date) == "2024-11"
    with pytest.raises(ValueError, match="dated 2024-10, before the plan was published"):
        sp.ActionPlan(
            responder="kent",
            published="2024-11-22",
            responses=[
                sp.Response(
                    recommendation=7,
                    parts=[sp.Part(part="7.1", updates=[sp.ProgressUpdate(date="2024-10")])],
                )
            ],
        )
