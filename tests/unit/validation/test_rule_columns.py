"""The catalogue rules read actions and update dates as columns and work out paths only for what
they report: these hold the quick whole-column answers, and the paths worked out afterwards, to
exactly what a rule must say, at the places where the two could part."""

import datetime as dt
from typing import Any

import pytest
from hypothesis import example, given, settings, strategies as st

import superplan as sp
from superplan.model import PartialDate
from superplan.validation import web_address

PLAN = {"$schema": "urn:superplan:schema:action-plan:1.0", "schema_version": "1.0"}


def found(document: dict[str, Any], *codes: str) -> list[tuple[str, str]]:
    """(code, pointer) of each finding of the given codes, in the report's order."""
    report = sp.validate(document)
    return [(f.code, f.pointer) for f in report.findings if f.code in codes]


def answer(recommendation: Any, actions: list[Any], **response: Any) -> dict[str, Any]:
    return {"recommendation": recommendation, "actions": actions, **response}


def act(action_id: Any = "a", **fields: Any) -> dict[str, Any]:
    return {"id": action_id, "description": "D.", **fields}


def plan(*responses: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**PLAN, "responder": "kent", "responses": list(responses), **fields}


def test_an_action_path_counts_only_the_objects_in_its_list():
    # What is not an object is passed over by the walk (the schema speaks of it), so the
    # action's place among the columns is not its index in the list.
    document = plan(
        answer(7, ["x", act("a"), 3, act("a")]),
        answer(8, [None, act("b", part="9.1")]),
    )
    assert found(document, "SP207", "SP209") == [
        ("SP207", "/responses/0/actions/3/id"),
        ("SP209", "/responses/1/actions/1/part"),
    ]


@pytest.mark.parametrize(
    ("ids", "pointers"),
    [
        (["a", "b", "c"], []),
        ([None, None, "a"], []),  # alike, but not text: not ids to compare
        ([1, 1.0, True], []),
        ([["a"], "a", "a"], ["/responses/0/actions/2/id"]),  # unhashable: one by one
        (["a", "b", "a", "b", "a"], [f"/responses/0/actions/{i}/id" for i in (2, 3, 4)]),
    ],
)
def test_duplicate_ids_whole_column_and_one_by_one(ids, pointers):
    document = plan(answer(7, [act(action_id) for action_id in ids]))
    assert found(document, "SP207") == [("SP207", p) for p in pointers]


def test_the_first_of_a_duplicate_id_is_named_across_responses():
    document = plan(answer(7, [act("x")]), answer(8, ["y", act("x")]))
    (finding,) = [f for f in sp.validate(document).findings if f.code == "SP207"]
    assert finding.pointer == "/responses/1/actions/1/id"
    assert "/responses/0/actions/0" in finding.message


@pytest.mark.parametrize(
    ("dues", "pointers"),
    [
        ([{"milestone": "six-months"}, {"date": "2025-01"}, None], []),
        ([{"milestone": ["six-months"]}, {"milestone": "nope"}], ["/responses/0/actions/1"]),
        ([{"milestone": 5}, {"milestone": "nope"}], ["/responses/0/actions/1"]),
        ([{"milestone": "nope", "reason": "Because."}], ["/responses/0/actions/0"]),
    ],
)
def test_unknown_milestones_whole_column_and_one_by_one(dues, pointers):
    actions = [act(str(i), **({} if due is None else {"due": due})) for i, due in enumerate(dues)]
    document = plan(answer(7, actions))
    assert found(document, "SP208") == [("SP208", p + "/due/milestone") for p in pointers]


@pytest.mark.parametrize(
    ("part", "fires"),
    [
        ("7.1", False),
        ("7.12", False),
        ("07.1", False),
        ("70.1", True),
        ("8.1", True),
        ("x.1", False),
        ("71", False),
        ("\u0667.1", False),  # an Arabic-Indic seven is not a digit of a plan
    ],
)
def test_parts_of_the_responses_own_recommendation_pass_at_once(part, fires):
    document = plan(answer(7, [act(part=part)]))
    expected = [("SP209", "/responses/0/actions/0/part")] if fires else []
    assert found(document, "SP209") == expected


def test_late_due_dates_by_recommendation_with_a_reason_left_alone():
    # The same due date is late for recommendation 7 (due 2025-03-27) and not for 22 (due
    # 2025-09-27); a month is late only when its first day is past the deadline.
    due = {"date": "2025-06-01"}
    document = plan(
        answer(7, [act("a", due=due), act("b", due={**due, "reason": "Waiting on law."})]),
        answer(22, [act("c", due=due), act("d", due={"date": "2025-10"})]),
        answer(10, [act("e", due={"date": ["2030-01-01"]}), act("f", due={"date": "2025-03"})]),
        answer(11, [act("g", due={"date": "2025-04"}), act("h", due={"milestone": "six-months"})]),
    )
    assert found(document, "SP215") == [
        ("SP215", "/responses/0/actions/0/due"),
        ("SP215", "/responses/1/actions/1/due"),
        ("SP215", "/responses/3/actions/0/due"),
    ]


def test_complete_without_evidence_only_where_status_says_complete():
    document = plan(
        answer(
            7,
            [
                act("a", status="complete"),
                act("b", status="complete", evidence=["Report."]),
                act("c", status="in-progress"),
                "not an action",
                act("d", status="complete", updates=[{"date": "2025-01", "note": "Done."}]),
                act("e", status="complete"),
            ],
        )
    )
    assert found(document, "SP216") == [
        ("SP216", "/responses/0/actions/0/status"),
        ("SP216", "/responses/0/actions/5/status"),
    ]


def test_update_order_within_each_list_not_across_lists():
    updates = [{"date": "2025-03-01"}, {"date": "2025-02"}]  # out of order
    document = plan(
        answer(
            7,
            [
                act("a", updates=[{"date": "2025-06-01"}]),
                act("b", updates=[{"date": "2025-01-01"}, {"date": "2025-02-01"}]),  # in order
                act("c", updates=["x", {"date": "2025-02-30"}, *updates]),
            ],
            updates=[{"date": "2026-01-01"}],
        )
    )
    # The list of action b starts before the list before it ends: no finding. The update
    # path counts the list's objects, an impossible date among them.
    assert found(document, "SP213", "SP210") == [
        ("SP210", "/responses/0/actions/2/updates/1/date"),
        ("SP213", "/responses/0/actions/2/updates/3/date"),
    ]


def test_update_paths_of_responses_and_parts():
    document = plan(
        answer(
            7,
            [],
            updates=[{"date": "2025-04-01"}, {"date": "2025-03-01"}],
            parts=[{"part": "7.1", "updates": [{"date": "2025-02"}, {"date": "2024-12"}]}],
        ),
        published="2025-01-15",
        as_of="2025-03-15",
    )
    # In document order: a response's parts come before its updates.
    assert found(document, "SP212", "SP213", "SP214") == [
        ("SP212", "/responses/0/parts/0/updates/1/date"),
        ("SP213", "/responses/0/parts/0/updates/1/date"),
        ("SP214", "/responses/0/updates/0/date"),
        ("SP213", "/responses/0/updates/1/date"),
    ]


def test_many_findings_take_linear_time():
    # Paths are worked out once for all, however many findings ask for them.
    actions = [act("x", status="complete", part="3.1") for _ in range(3000)]
    report = sp.validate(plan(answer(7, actions)))
    assert report.counts()["SP207"] == 2999
    assert report.counts()["SP216"] == 3000
    assert report.findings[-1].pointer == "/responses/0/actions/2999/status"


def test_a_due_with_a_reason_does_not_speak_for_a_like_due_without_one():
    # A StrEnum member equals its text as a key, but is not text to the catalogue: a due given
    # with a reason is passed over before anything is judged or remembered of it.
    from enum import StrEnum

    class Milestone(StrEnum):
        TWELVE = "twelve-months"

    def two(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
        return plan(answer(7, [act("a", due=first), act("b", due=second)]))

    reasoned_member = two(
        {"milestone": Milestone.TWELVE, "reason": "R."}, {"milestone": "twelve-months"}
    )
    reasoned_text = two(
        {"milestone": "twelve-months", "reason": "R."}, {"milestone": Milestone.TWELVE}
    )
    assert found(reasoned_member, "SP215") == [("SP215", "/responses/0/actions/1/due")]
    assert found(reasoned_text, "SP215") == []


def test_many_findings_in_laid_out_text_are_placed_in_linear_time():
    # Past a few, places are found by one reading of the text, not each from the parsed value.
    actions = [act("x", status="complete") for _ in range(3000)]
    text = sp.dumps(sp.from_dict(plan(answer(7, actions))))
    report = sp.validate(text)
    last = report.findings[-1]
    assert (last.code, last.pointer) == ("SP216", "/responses/0/actions/2999/status")
    assert text.splitlines()[last.line - 1].strip() == '"status": "complete"'
    assert last.column == text.splitlines()[last.line - 1].index('"status"') + 1


# -- web addresses: the usual form passes at once; every other is read in full -------------------

_URLS = st.one_of(
    st.from_regex(r"https?://[A-Za-z0-9.-]*[A-Za-z0-9-](/[!-~]*)?", fullmatch=True),
    st.text(st.sampled_from("hHtTpPsS:/[]@.-#?x1 \t\x00é"), max_size=24),
    st.sampled_from(
        ["javascript:alert(1)", "http://[::1", "http://x:port/", "HTTP://X", "ftp://x"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(url=_URLS)
@example(url="https://www.kent.police.uk/plan?page=2#top")
@example(url="http://x/a b")
@example(url="http://x/\x7f")
@example(url="http://x./y")
@example(url="http://x:8080/")
def test_a_link_is_reported_where_web_address_refuses_it(url):
    link = [{"title": "T", "url": url}]
    document = plan(
        answer(7, [act("a", links=link)], links=link, parts=[{"id": "7.1", "links": link}]),
        links=link,
    )
    expected = [
        ("SP221", pointer)
        for pointer in (
            "/links/0/url",
            "/responses/0/links/0/url",
            "/responses/0/parts/0/links/0/url",
            "/responses/0/actions/0/links/0/url",
        )
    ]
    # A value the schema refuses (an empty one, say) is said once, by the schema.
    refused = {f.pointer for f in sp.validate(document).findings if f.code.startswith("SP1")}
    wanted = [] if web_address(url) else [e for e in expected if e[1] not in refused]
    assert sorted(found(document, "SP221")) == sorted(wanted)  # the report sets the order


# -- dates before the report: only text that sorts before the report's day is read --------------


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(2023, 2025),
    month=st.integers(1, 12),
    day=st.one_of(st.none(), st.integers(1, 31)),
)
def test_a_due_date_before_the_report_is_reported_exactly_when_surely_before(year, month, day):
    text = f"{year:04d}-{month:02d}" + ("" if day is None else f"-{day:02d}")
    try:
        date = PartialDate.parse(text)
    except ValueError:
        date = None  # not in the calendar: SP210 speaks of it, not SP220
    report_day = sp.catalogue().report.published
    document = plan(answer(7, [act("a", due={"date": text})]))
    fires = date is not None and date.surely_before(report_day)
    assert found(document, "SP220") == ([("SP220", "/responses/0/actions/0/due")] if fires else [])


ITEMS = st.lists(st.sampled_from(["x", 3, None, "action"]), max_size=4)


@given(st.lists(st.one_of(ITEMS, st.just("no actions"), st.just("not a response")), max_size=5))
def test_each_action_path_is_the_index_of_its_object_in_its_response(shapes):
    from superplan.validation._context import _Walk

    responses: list[Any] = []
    for shape in shapes:
        if shape == "not a response":
            responses.append(7)
        elif shape == "no actions":
            responses.append({"recommendation": 1})
        else:
            items = [act() if item == "action" else item for item in shape]
            responses.append({"recommendation": 1, "actions": items})
    walk = _Walk({"responses": responses})
    expected = [
        ("responses", number, "actions", index)
        for number, response in enumerate(responses)
        if isinstance(response, dict)
        for index, item in enumerate(response.get("actions", []))
        if isinstance(item, dict)
    ]
    assert len(walk.actions) == len(expected)
    # Asked in any order, each place gives its path.
    for place in [*reversed(range(len(expected))), *range(len(expected))]:
        assert walk.action_path(place) == expected[place]


DAYS_AND_MONTHS = st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2026, 2, 28)).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7]])
)


@given(st.lists(DAYS_AND_MONTHS, max_size=8))
def test_the_span_of_update_dates_from_their_texts_is_their_span(texts):
    from superplan.model import span
    from superplan.validation._context import update_span

    dates = [PartialDate.parse(text) for text in texts]
    assert update_span(texts, dates) == span(dates)
