"""Golden files: the roll-up with forces that have no plan as of its date, and the diff summary.

A change to these outputs is reviewed as a change to the files: regenerate them deliberately
with ``SUPERPLAN_REGENERATE=1 pytest tests/test_golden_pages.py`` and read the diff.
"""

import json
import os
import re

import pytest

import superplan as sp
from superplan.progress import ABSENCE, Absence, absence_of, summarise
from superplan.render import messages
from superplan.render._summary_page import render_summary_html

from ...conftest import DATA, ROOT

GOLDEN = DATA / "golden"


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


# -- the diff page: versions by their dates, a summary by kind, nothing hidden ------------------

NY = sp.load_plan(ROOT / "examples" / "north-yorkshire-police.json")


def _versions() -> tuple[sp.ActionPlan, sp.ActionPlan]:
    old = sp.to_dict(NY)
    old["published"] = "2024-11-22"
    new = json.loads(json.dumps(old))
    new["published"] = "2025-03-27"
    by_number = {r["recommendation"]: r for r in new["responses"]}
    seven = by_number[7]
    seven["status"] = "complete"
    seven["actions"][0]["description"] = seven["actions"][0]["description"].replace(
        "By March 25, we will ensure", "We have made sure"
    )
    seven["actions"][0]["due"] = {"date": "2025-06"}  # after 7's deadline of 27 March 2025
    seven.setdefault("updates", []).append(
        {"date": "2025-03", "status": "complete", "note": "Done."}
    )
    del by_number[10]["actions"][2]
    by_number[11]["actions"].append({"id": "11-6", "description": "Audit the <flag> monthly."})
    new["responses"] = [r for r in new["responses"] if r["recommendation"] != 29]
    return sp.from_dict(old), sp.from_dict(new)


def test_the_diff_summary_and_page():
    from superplan.render import render_diff_html

    old, new = _versions()
    page = render_diff_html(old, new, names=("ny-old.json", "ny-new.json"))
    main = _main(page)
    # named by their dates; the files in small print
    assert (
        "Between the version published 22 November 2024 and the version published 27 March" in main
    )
    assert '<small class="file">File: ny-old.json</small>' in main
    # the summary, by kind
    summary = main.split('<ul class="summary">')[1].split("</ul>")[0]
    assert 'data-kind="responses-removed" data-count="1">1 response removed' in summary
    assert 'data-kind="status-changed" data-count="1">1 status changed' in summary
    # a status change as tags, a removed response with what it said, a due date past the deadline
    assert (
        '<strong class="tag tag-none">No status stated</strong>\nbecame\n'
        '<strong class="tag tag-green">Complete</strong>'
    ) in main.replace(" <", "\n<").replace("> ", ">\n")
    assert "Now after the recommendation’s deadline of 27 March 2025" in main
    removed = main.split('id="recommendation-29"')[1]
    assert "What was removed:" in removed
    _check("diff-summary.html", main)
