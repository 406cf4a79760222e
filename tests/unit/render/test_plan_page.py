"""The plan page a reader understands in ten seconds (issue 24): the task list, each section
opening with where it stands, the wording once, per-action due dates and schedule tags, one
vocabulary of absence, public wording."""

import re

import superplan as sp
from superplan.render import render_html, render_markdown
from superplan.render._items import quote_differs

CAT = sp.catalogue()


def _plan(**extra):
    return sp.from_dict(
        {
            "responder": "kent",
            "published": "2024-11-22",
            "as_of": "2025-01-13",
            "responses": [
                {
                    "recommendation": 7,
                    "narrative": "We are changing our systems.",
                    "actions": [
                        {
                            "id": "7-1",
                            "description": "Change the system.",
                            "due": {"date": "2025-01-04"},
                            "status": "in-progress",
                            "updates": [{"date": "2025-01-10", "note": "Supplier engaged."}],
                        },
                        {"id": "7-2", "description": "Train staff."},
                    ],
                },
            ],
            **extra,
        }
    )


def _section(page, number):
    return page.split(f'<h2 id="recommendation-{number}">')[1].split("</section>")[0]


def test_the_task_list_has_a_row_per_addressed_recommendation_with_deadline_and_tags():
    page = render_html(_plan())
    tasks = page.split('<ul class="task-list">')[1].split("</ul>")[0]
    rows = re.findall(r'<a href="#recommendation-(\d+)"', tasks)
    assert [int(n) for n in rows] == [r.number for r in CAT.addressed_to("kent")]
    seven = tasks.split('href="#recommendation-7"')[1].split("</li>")[0]
    assert "Deadline: 27 March 2025 (six months from publication)" in seven
    assert '<strong class="tag tag-none">No status stated</strong>' in seven
    assert '<strong class="tag tag-grey">Not yet due</strong>' in seven
    ten = tasks.split('href="#recommendation-10"')[1].split("</li>")[0]
    assert '<strong class="tag tag-none">Not answered</strong>' in ten
    assert "Not yet due" not in ten  # an unanswered one is named once


def test_each_section_says_where_it_stands_before_the_wording():
    seven = _section(render_html(_plan()), 7)
    assert (
        seven.index("<dt>Status</dt>")
        < seven.index("<dt>Deadline</dt>")
        < seven.index("<blockquote>")
    )
    assert seven.count("By 27 March 2025, where required, seek changes") == 1  # the wording once


def test_an_action_due_before_the_plans_date_and_in_progress_is_overdue():
    seven = _section(render_html(_plan()), 7)
    first = seven.split('data-label="Ref.">7-1</td>')[1].split("</tr>")[0]
    assert '<strong class="tag tag-red">Overdue</strong>' in first
    assert "Supplier engaged." in first  # its update beside it
    second = seven.split('data-label="Ref.">7-2</td>')[1].split("</tr>")[0]
    # empty owner and due date say so, on every screen
    assert '<td role="cell" data-label="Owner" class="unstated">Not stated</td>' in second
    assert 'data-label="Due" class="unstated">Not stated</td>' in second
    assert '<strong class="tag tag-none">No status stated</strong>' in second
    md = render_markdown(_plan())
    assert (
        "| 7-2 | Train staff. | Not stated | Not stated | **No status stated**, **Not yet due** |"
        in md
    )


def test_the_plans_quotation_is_shown_only_where_it_differs_in_substance():
    wording = list(CAT.recommendation(7).wording.value or ())
    assert not quote_differs(wording, "To Chief Constables: " + wording[0])
    assert not quote_differs(wording, wording[0].upper())  # case and punctuation
    # a word or two changed is within the allowance (a name spelled out, "CC" for chief
    # constables); a different instruction is not
    assert not quote_differs(wording, "By 27 March 2025, CC seek changes to crime recording.")
    different = "By 27 March 2025, replace the crime recording system entirely with paper records."
    assert quote_differs(wording, different)
    same = _plan(
        responses=[
            {"recommendation": 7, "narrative": "n", "recommendation_as_quoted": wording[0]},
            {"recommendation": 10, "narrative": "n", "recommendation_as_quoted": different},
        ]
    )
    page = render_html(same)
    assert "The recommendation as the plan quotes it" not in _section(page, 7)
    ten = _section(page, 10)
    assert "<details><summary>The recommendation as the plan quotes it" in ten
    assert "paper records" in ten


def test_notes_on_the_record_are_collapsed_and_in_plain_words():
    plan = _plan(transcription_note="Taken from the page as captured.")
    page = render_html(plan)
    main = page.split('<main id="main">')[1].split("</main>")[0]
    about = main.split('<h2 id="about-record">About this record</h2>')[1]
    assert about.startswith("\n<details><summary>")
    assert "Taken from the page as captured." in about
    assert "The wording of the recommendations is the report’s, as given in:" in about
    for word in ("superplan", "source_url", "recommendation_as_quoted", "extensions"):
        assert word not in main, word
    assert "Wording as given in" not in main  # no longer under every recommendation


def test_at_a_glance_counts_with_plurals_and_names_which():
    glance = render_html(_plan()).split('id="at-a-glance"')[1].split("</nav>")[0]
    assert "recommendation(s)" not in glance
    assert '1 recommendation: <a href="#recommendation-7">7</a>' in glance
    assert "15 recommendations: " in glance
