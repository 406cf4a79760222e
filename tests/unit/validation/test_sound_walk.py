"""The walk that trusts the schema: on every document the schema proves sound, it gathers exactly
what the defensive walk gathers (each column, each date judged, each path), in the same order."""

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
