"""The compiled quiet checks: where a rule's compiled condition holds, its Python check has nothing
to say (the condition is sufficient); and on the usual plan every condition holds, so that the
Python checks they stand for are not run."""

import copy
import datetime as dt
import gc
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import jsonschema_rs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan._schema import is_sound, schema_id, schema_ids
from superplan.model import PartialDate
from superplan.testing import synthetic_plans
from superplan.validation import rule
from superplan.validation._context import Context
from superplan.validation._quiet import CONDITIONS, QuietChecks, not_after, not_before

ROOT = Path(__file__).resolve().parents[3]
CAT = sp.catalogue()
QUIET = QuietChecks(CAT)

DEADLINES = [CAT.milestone_date(m.slug) for m in CAT.milestones]
AROUND = sorted(
    {
        day + dt.timedelta(days=shift)
        for day in [*DEADLINES, CAT.report.published]
        if day is not None
        for shift in (-40, -1, 0, 1, 40)
    }
)
DATE_TEXTS = st.one_of(
    st.sampled_from([day.isoformat() for day in AROUND]),
    st.sampled_from([day.isoformat()[:7] for day in AROUND]),
    st.sampled_from(["2025-02-30", "2024-13", "2025-00-10", "0000-01", "2025-03-27"]),
    st.sampled_from([20250327, None, "", "27 March 2025"]),
)
MILESTONES = st.sampled_from([m.slug for m in CAT.milestones] + ["next-spring", 3, None])
URLS = st.sampled_from(
    ["https://www.kent.police.uk/plan", "http://x/a b", "javascript:alert(1)", "http://x:y/"]
)
RECOMMENDATIONS = st.sampled_from(
    [7, 10, 1, 27, 28, 29, "crime-recording", "victims-rights", "7", "no-such-thing", 7.0, True]
)


def _due() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "milestone": MILESTONES,
            "date": DATE_TEXTS,
            "reason": st.sampled_from(["Waiting on the law.", "", 0, ["R."]]),
        },
    ).filter(lambda due: "milestone" in due or "date" in due)


def _links() -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(st.builds(lambda url: {"title": "T", "url": url}, URLS), max_size=2)


def _update() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda date: {"date": date, "note": "N."}, DATE_TEXTS)


def _action(index: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(f"a{index}"), "description": st.just("D.")},
        optional={
            "due": _due(),
            "status": st.sampled_from(["complete", "in-progress", 5]),
            "evidence": st.sampled_from([["E."], [], "", "E.", {}]),
            "updates": st.lists(_update(), min_size=1, max_size=2),
            "links": _links(),
        },
    )


def _response(index: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"recommendation": RECOMMENDATIONS},
        optional={
            "actions": st.lists(_action(index), max_size=3).map(
                lambda actions: [{**a, "id": f"{a['id']}-{i}"} for i, a in enumerate(actions)]
            ),
            "links": _links(),
            "narrative": st.just("We will."),
            "lang": st.just("cy"),
        },
    )


PLANS = st.fixed_dictionaries(
    {
        "$schema": st.sampled_from(
            [*schema_ids("action-plan"), "../schemas/action-plan.schema.json", "urn:other"]
        ),
        "schema_version": st.sampled_from(["1.0", "1.2", "9.9"]),
        "responder": st.just("kent"),
        "responses": st.lists(st.integers(0, 3).flatmap(_response), min_size=1, max_size=4),
    },
    optional={
        "published": DATE_TEXTS.filter(lambda text: not isinstance(text, str) or len(text) != 7),
        "as_of": DATE_TEXTS.filter(lambda text: not isinstance(text, str) or len(text) != 7),
        "source_url": URLS,
        "links": _links(),
    },
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(plan=PLANS)
def test_a_rule_whose_condition_holds_has_nothing_to_say(plan):
    # Of a plan of any shape: the conditions ask for the types they rely on.
    quiet = QUIET.quiet(plan)
    ctx = Context(plan, CAT)
    for code in sorted(CONDITIONS):
        check = rule(code).check
        assert check is not None
        if code in quiet:
            assert list(check(ctx)) == [], code


def test_each_condition_stands_for_a_rule_and_is_wanted():
    # Each compiled condition is the rule's own (by code), and fails where its rule speaks: a
    # condition that held everywhere would stand for a rule it cannot see.
    loud = {
        "SP201": {"schema_version": "9.9"},
        "SP215": {"responses": [{"recommendation": 7, "actions": [_act(due={"date": "2026-01"})]}]},
        "SP218": {"$schema": "urn:other"},
        "SP219": {"responses": [{"recommendation": 7}]},
        "SP220": {"published": "2024-01-01"},
        "SP221": {"source_url": "javascript:alert(1)"},
    }
    loud["SP217"] = {"responses": [{"recommendation": "7", "actions": [_act()]}]}
    assert set(loud) == set(CONDITIONS) - {"SP231"}  # (below: the shipped catalogue moves none)
    for code, fields in loud.items():
        plan = {**_plan(), **fields}
        assert is_sound(plan), code
        assert code not in QUIET.quiet(plan), code
        assert code in [f.code for f in sp.validate(plan).findings], code


def test_the_national_set_meets_every_condition():
    for plan in synthetic_plans(n_forces=43, seed=1):
        assert QUIET.quiet(sp.to_dict(plan)) == QUIET.codes


def test_conditions_are_compiled_from_the_second_plan_checked_against_a_catalogue():
    # A single check from the command line does not pay to compile what it would use once.
    from superplan.validation._quiet import quiet_codes

    other = copy.copy(CAT)  # a catalogue no plan was checked against yet
    plan = _plan()
    assert quiet_codes(other, plan) == frozenset()
    assert quiet_codes(other, plan) == QUIET.codes


def _act(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "description": "D.", **fields}


def _plan() -> dict[str, Any]:
    return {
        "$schema": schema_id("action-plan"),
        "schema_version": "1.2",
        "responder": "kent",
        "responses": [{"recommendation": 7, "actions": [_act()]}],
    }


# -- the date patterns, as the Rust regex engine reads them ----------------------------------


def _matches(pattern: str, text: str) -> bool:
    return bool(jsonschema_rs.validator_for({"pattern": pattern}).is_valid(text))


@pytest.mark.parametrize("bound", ["2024-09-27", "2025-03-27", "2025-11-22", "2000-01-01"])
def test_the_date_patterns_hold_only_dates_not_surely_before_or_after(bound):
    day = PartialDate.parse(bound)
    after, before = not_before(bound), not_after(bound)
    start = dt.date.fromisoformat(bound) - dt.timedelta(days=75)
    texts = [(start + dt.timedelta(days=i)).isoformat() for i in range(150)]
    texts += [*sorted({text[:7] for text in texts}), "2025-02-30", "2025-13", "9999-12-31"]
    for text in texts:
        try:
            date: PartialDate | None = PartialDate.parse(text)
        except ValueError:
            date = None  # not in the calendar: no rule compares it
        if _matches(after, text):
            assert date is None or not date.surely_before(day), (bound, text)
        elif date is not None:  # exact, for dates in the calendar
            assert date.surely_before(day), (bound, text)
        if _matches(before, text):
            assert date is None or not date.surely_after(day), (bound, text)
        elif date is not None:
            assert date.surely_after(day), (bound, text)


def test_a_number_an_amendment_moved_is_left_to_the_python_check():
    swapped = sp.catalogue(amendments=ROOT / "docs" / "examples" / "swap-19-and-20.json")
    checks = QuietChecks(swapped)
    by_number = {**_plan(), "responses": [{"recommendation": 19, "actions": [_act()]}]}
    by_slug = {**_plan(), "responses": [{"recommendation": "online-stalking", "actions": [_act()]}]}
    assert "SP231" not in checks.quiet(by_number)
    assert "SP231" in [f.code for f in sp.validate(by_number, catalogue=swapped).findings]
    assert "SP231" in checks.quiet(by_slug)
    assert "SP231" in QUIET.quiet(by_number)  # the shipped catalogue moved nothing


# -- what the review of the quiet checks found (each failed before its fix) -----------------------


class _Text(str):
    """A str subclass, as a plan given as an ActionPlan may hold (jsonschema-rs takes none)."""


def test_a_plan_given_as_an_object_with_text_subclasses_is_checked_again_and_again():
    plan = sp.loads(sp.dumps(synthetic_plans(n_forces=1, seed=2)[0]))
    odd = attrs.evolve(plan, source_url=_Text("https://example.org/plan"))
    reference = [f.describe() for f in sp.validate(odd, fast=False).findings]
    for _ in range(3):  # the conditions are compiled from the second check on
        assert [f.describe() for f in sp.validate(odd).findings] == reference


def test_a_huge_depth_limit_costs_nothing_in_the_canonical_layout():
    # An unknown member: the plan is refused by the schema, and read exactly by its layout.
    layout = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    text = orjson.dumps({**_plan(), "bogus": 1}, option=layout).decode()
    for limit in (sys.maxsize, 2**40, 10**8):
        assert sp.validate(text, max_depth=limit).codes == sp.validate(text).codes


def test_long_references_are_not_kept_between_plans():
    def plan(i: int) -> dict[str, Any]:  # made afresh: only what superplan keeps stays
        return {**_plan(), "responses": [{"recommendation": "x" * 100_000 + str(i)}]}

    sp.validate(plan(0))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(1, 60):
        sp.validate(plan(i))
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 1_000_000, kept  # 59 references of 100 KB each were 5.9 MB kept


def test_a_link_given_as_a_text_subclass_is_still_judged():
    plan = {**_plan(), "links": [{"title": "T", "url": _Text("javascript:alert(1)")}]}
    assert "SP221" in sp.validate(plan).codes


def test_conditions_compile_for_a_catalogue_whose_deadlines_are_not_milestones():
    undated = attrs.evolve(
        CAT,
        recommendations=tuple(
            attrs.evolve(r, deadline=attrs.evolve(r.deadline, value="no-such-milestone"))
            if r.deadline.value
            else r
            for r in CAT.recommendations
        ),
    )
    assert QuietChecks(undated).quiet(_plan()) == QUIET.codes
