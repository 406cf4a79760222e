"""The walk that trusts the schema: on every document the schema proves sound, it gathers exactly
what the defensive walk gathers (each column, each date judged, each path), in the same order."""

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan._schema import is_sound
from superplan.testing import synthetic_plans
from superplan.validation._context import _Walk

from ...conftest import DATA
from ...schema_strategies import from_schema

# Dates the schema's pattern lets through, the calendar's and not (the walk judges them).
DATE_TEXTS = st.sampled_from(["2024-11-22", "2025-03", "2025-02-30", "2024-13", "2025-00-10"])


def gathered(walk: _Walk) -> dict[str, Any]:
    """Everything a walk gathers, each path worked out."""
    fields = {name: getattr(walk, name) for name in _Walk.__slots__ if not name.startswith("_")}
    fields["action_paths"] = [walk.action_path(place) for place in range(len(walk.actions))]
    fields["update_paths"] = [walk.update_path(p) for p in range(len(walk.update_dates))]
    return fields


def same_walk(document: dict[str, Any]) -> None:
    assert is_sound(document)
    assert gathered(_Walk(document, sound=True)) == gathered(_Walk(document))


def with_dates(document: Any, dates: list[str]) -> Any:
    """The document with each date it writes replaced, in turn, by one of ``dates``."""
    text = json.dumps(document)
    for date in dates:
        for key in ("date", "assessed_on", "planned_completion", "actual_completion"):
            marker = f'"{key}": "'
            at = text.find(marker)
            if at >= 0:
                start = at + len(marker)
                text = text[:start] + date + text[text.index('"', start) :]
    return json.loads(text)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=from_schema(sp.schema("action-plan")), dates=st.lists(DATE_TEXTS, max_size=4))
def test_the_sound_walk_gathers_what_the_defensive_walk_does(document, dates):
    same_walk(document)
    same_walk(with_dates(document, dates))


@pytest.mark.parametrize("seed", [1, 2])
def test_on_synthetic_national_plans(seed):
    for plan in synthetic_plans(n_forces=5, seed=seed):
        same_walk(json.loads(sp.dumps(plan)))


def test_on_the_fixtures_the_schema_finds_sound():
    checked = 0
    for path in sorted((DATA.parent.parent / "examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(document, dict) and is_sound(document):
            same_walk(document)
            checked += 1
    assert checked >= 2


# -- a document the schema refuses, but for no value of a wrong type ---------------------------

#: What the walk reads, by the key that holds it.
WALKED = {"responses", "actions", "updates", "parts", "due", "date", "assessed_on"}
WALKED |= {"planned_completion", "actual_completion"}
ODD = [None, 5, 2.5, True, "x", "2025-02-30", [], {}, [1], ["x"], {"a": 1}, {"date": 5}, [{}]]


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in ``value``, its own first."""
    found = [path]
    if isinstance(value, dict):
        for key, member in value.items():
            found += places(member, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += places(item, (*path, index))
    return found


def planted(document: Any, path: tuple[Any, ...], odd: Any) -> Any:
    """A copy of the document with ``odd`` in place of the value at ``path``."""
    if not path:
        return odd
    head, *rest = path
    copied = copy.copy(document)
    copied[head] = planted(document[head], tuple(rest), copy.deepcopy(odd))
    return copied


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    document=from_schema(sp.schema("action-plan")),
    choices=st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(ODD)), max_size=3),
    walked_only=st.booleans(),
)
def test_where_no_value_has_a_wrong_type_the_sound_walk_gathers_the_same(
    document, choices, walked_only
):
    from superplan._schema import shape_errors
    from superplan.validation._validate import _TYPES_KEPT

    for pick, odd in choices:
        found = [p for p in places(document)[1:] if not walked_only or p[-1] in WALKED]
        if found:
            document = planted(document, found[pick % len(found)], odd)
    codes = {error.code for error in shape_errors(document, reference=False)}
    if codes <= _TYPES_KEPT:
        assert gathered(_Walk(document, sound=True)) == gathered(_Walk(document))


def test_every_value_the_walk_reads_has_its_type_outside_any_choice():
    """The sound walk relies on the type of what it reads being checked by a ``type`` of its
    own (reported as SP103), never only inside an anyOf or oneOf (whose failure may be worded
    otherwise)."""
    schema = sp.schema("action-plan")
    definitions = schema["$defs"]

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]]
        return node

    seen = 0
    for holder in [schema, *definitions.values()]:
        for key, member in holder.get("properties", {}).items():
            if key in WALKED:
                assert "type" in resolved(member), key
                seen += 1
                items = resolved(member).get("items")
                if items is not None:
                    assert "type" in resolved(items), key
    assert seen >= 10
