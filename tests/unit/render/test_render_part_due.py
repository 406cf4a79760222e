"""A part's due date (schema 1.2) on plan pages, in words at its precision."""

import superplan as sp
from superplan.render import render_html, render_markdown

PLAN = sp.ActionPlan(
    responder="kent",
    responses=[
        sp.Response(
            recommendation=7,
            parts=[
                sp.Part(part="7.1", requirement="Included crimes can be searched",
                        due=sp.Due(date="2026-03", not_before=True)),
                sp.Part(part="7.2", requirement="Interim measures", due=sp.Due(date="2025-03-31")),
                sp.Part(part="7.3", requirement="No date given"),
            ],
        )
    ],
)  # fmt: skip


def test_a_parts_due_date_is_shown_at_its_precision():
    page = render_html(PLAN)
    assert "<strong>Due:</strong> March 2026 at the earliest" in page
    assert "<strong>Due:</strong> 31 March 2025" in page
    assert page.count("<strong>Due:</strong>") == 2  # a part with no due date shows none
    text = render_markdown(PLAN)
    assert "(Due: March 2026 at the earliest)" in text
    assert "(Due: 31 March 2025)" in text
