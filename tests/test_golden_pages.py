"""Golden files: the roll-up with forces that have no plan as of its date, and the diff summary.

A change to these outputs is reviewed as a change to the files: regenerate them deliberately
with ``SUPERPLAN_REGENERATE=1 pytest tests/test_golden_pages.py`` and read the diff.
"""

import json
import os
import re
from pathlib import Path

import pytest

import superplan as sp
from superplan.progress import ABSENCE, Absence, absence_of, summarise
from superplan.render import messages
from superplan.render._summary_page import render_summary_html

GOLDEN = Path(__file__).parent / "data" / "golden"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SUPERPLAN_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: regenerate with SUPERPLAN_REGENERATE=1"
    assert text == path.read_text(encoding="utf-8")


def _main(page: str) -> str:
    """The page's main content, one tag a line: what a reader meets, without the version."""
    body = page.split('<main id="main">')[1].split("</main>")[0]
    return re.sub(r">\s*<", ">\n<", body).strip() + "\n"


def _plans() -> list[sp.ActionPlan]:
    kent_early = sp.from_dict(
        {
            "responder": "kent",
            "published": "2024-11-22",
            "responses": [
                {"recommendation": 7, "status": "in-progress"},
                {"recommendation": 10, "narrative": "We will review this."},
            ],
        }
    )
    kent_late = sp.from_dict(
        {
            "responder": "kent",
            "published": "2025-06-01",
            "responses": [{"recommendation": 7, "status": "complete"}],
        }
    )
    gwent_later = sp.from_dict({"responder": "gwent", "published": "2025-06-01"})
    gwent_latest = sp.from_dict({"responder": "gwent", "published": "2025-09-30"})
    return [kent_early, kent_late, gwent_later, gwent_latest]


def test_the_roll_up_with_forces_without_a_plan_as_of_its_date():
    summary = summarise(_plans(), "2025-04-01")
    assert summary.coverage() == [("force", 1, 43)]
    _check("rollup-no-plan.txt", summary.format_table())
    _check("rollup-no-plan.json", summary.to_json())
    page = render_summary_html(summary)
    assert "plans count for 1 of 43 forces" in page
    _check("rollup-no-plan.html", _main(page))


def test_the_vocabulary_of_absence_is_one_table_said_alike_everywhere():
    words = messages("en").texts["absence_values"]
    assert set(words) == {str(a) for a in Absence}
    for absence, term in ABSENCE.items():
        assert words[str(absence)] == term.words
    assert absence_of("unanswered") is Absence.NOT_ANSWERED
    assert absence_of("not-stated") is Absence.NO_STATUS_STATED
    assert absence_of("no-plan") is Absence.NO_PLAN
    assert absence_of("complete") is None
    data = json.loads(summarise(_plans(), "2025-04-01").to_json())
    kent = next(r for r in data["responders"] if r["responder"] == "kent")
    assert kent["cells"]["10"]["absence"] == "no-status-stated"
    gwent = next(r for r in data["responders"] if r["responder"] == "gwent")
    assert gwent["plan"] is False
    assert gwent["later_versions"] == ["2025-06-01", "2025-09-30"]
    assert {c["absence"] for c in gwent["cells"].values()} == {"no-plan"}


@pytest.mark.parametrize("absence", list(Absence))
def test_no_absence_is_ever_called_not_started(absence):
    assert "started" not in ABSENCE[absence].words.lower()
