"""Pages from plans and from the catalogue: content, escaping, translation, the CLI."""

import html
import json
import os
import pathlib
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings, strategies as st

import superplan as sp
from superplan.cli import main
from superplan.progress import summarise
from superplan.render import (
    build_site,
    messages,
    render_diff_html,
    render_html,
    render_markdown,
    write_pages,
)
from superplan.render._env import escape_markdown
from superplan.render._site import schema_rows
from superplan.render._summary_page import render_summary_html
from superplan.render._views import safe_url
from superplan.testing import synthetic_plans

from ...conftest import DATA, EXAMPLES

NY = sp.load_plan(EXAMPLES[1])
GAP = "Here the report gives a list, which is not held here: read the report for the full recommendation."
MER = sp.load_plan(EXAMPLES[0])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_plan_page_shows_every_addressed_recommendation_in_order():
    html = render_html(NY)
    ids = re.findall(r'<h2 id="recommendation-(\d+)"', html)
    assert [int(n) for n in ids] == [
        r.number for r in sp.catalogue().addressed_to("north-yorkshire")
    ]
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert "<script" not in html
    assert "@media print" in html
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("h1") == 1
    assert sum(1 for t, _ in tags.tags if t == "caption") >= 13


def test_plan_page_quotes_the_wording_and_states_what_is_missing():
    html = render_html(MER)
    assert "By, 27 March 2025, take steps to improve how their force" in html  # rec 19, verbatim
    assert GAP in html
    # the page's 11 empty "Response" headings, and recommendation 27, which it does not answer:
    # each is "Not answered" (one name, as in the roll-up), and says so once in the response
    assert html.count("The plan gives no response to this recommendation.") == 12
    assert html.count('<dt>Status</dt><dd><strong class="tag tag-none">Not answered</strong>') == 12
    assert "Recommendation complete." in html
    assert "Merseyside Police encourages OICs" in html
    # recommendation 27 is addressed to forces; Merseyside gives no response to it
    section_27 = html.split('id="recommendation-27"')[1].split("</section>")[0]
    assert "The plan gives no response to this recommendation." in section_27


def test_plan_page_states_when_wording_is_not_held():
    plan = sp.ActionPlan(responder="home-office", responses=[sp.Response(recommendation=1)])
    html = render_html(plan)
    assert "The official wording of this recommendation is not held here" in html
    assert "superplan" not in html.split("<main")[1].split("</main>")[0]  # no tool names
    assert "Responses to other recommendations" in html  # 1's addressees are not known


def test_actions_updates_and_due_dates_are_shown():
    plan = sp.from_dict(
        {
            "responder": "kent",
            "published": "2024-11-22",
            "responses": [
                {
                    "recommendation": 7,
                    "acceptance": "accepted",
                    "compliance": "partly-complies",
                    "actions": [
                        {
                            "id": "7.1-a",
                            "part": "7.1",
                            "description": "Make crimes searchable.",
                            "owner": "Head of Crime",
                            "due": {"milestone": "six-months"},
                            "status": "in-progress",
                            "evidence": ["Change request CR-1"],
                            "updates": [
                                {
                                    "date": "2025-03-27",
                                    "label": "March 2025 update",
                                    "note": "Testing.",
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    )
    html = render_html(plan)
    assert "<dt>Acceptance</dt><dd>Accepted</dd>" in html
    assert "<dt>Own assessment</dt><dd>Partly complies</dd>" in html
    assert "27 March 2025 (six months from publication)" in html
    assert 'data-label="Owner">Head of Crime</td>' in html
    # the action's status, and where it stands against its due date (as of the plan's date)
    assert (
        'data-label="Status"><strong class="tag tag-blue">In progress</strong> '
        '<strong class="tag tag-grey">Not yet due</strong></td>'
    ) in html
    # its update beside it, in its own row
    row = html.split('data-label="Ref.">7.1-a</td>')[1].split("</tr>")[0]
    assert '<time datetime="2025-03-27">27 March 2025</time>: <strong>March 2025 update' in row
    md = render_markdown(plan)
    # "7." could start a numbered list where a value begins a line, so it is escaped; "-" is not
    assert (
        "| 7\\.1-a | Make crimes searchable. (Evidence: Change request CR-1)<br>27 March 2025, "
        "March 2025 update: Testing. | Head of Crime |" in md
    )
    assert "<br>27 March 2025, March 2025 update: Testing. | Head of Crime |" in md


INJECTIONS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</td></tr></table><h1>owned</h1>",
    "[click](javascript:alert(1))",
    "# Heading\n\n- list\n1. item",
    "| a | b |",
    "**bold** _em_ `code` ![img](x.png) <b>b</b> &amp;",
    "javascript:alert(1)",
]


def hostile_plan() -> sp.ActionPlan:
    text = " ".join(INJECTIONS)
    update = {"date": "2025-01-01", "label": text, "note": text}
    return sp.from_dict(
        {
            "responder": "kent",
            "title": text,
            "published": "2024-11-22",
            "source_url": "javascript:alert(1)",
            "introduction": [text, text],
            "transcription_note": text,
            "responses": [
                {
                    "recommendation": 7,
                    "narrative": text,
                    "transcription_note": text,
                    "updates": [update],
                    "actions": [
                        {
                            "id": text,
                            "part": "7.1",
                            "description": text,
                            "owner": text,
                            "due": {"date": "2025-03-27", "reason": text},
                            "evidence": [text],
                            "updates": [update],
                        }
                    ],
                },
                {"recommendation": 10, "narrative": text},
            ],
        }
    )


def test_html_injection_in_every_text_field_is_escaped():
    html = render_html(hostile_plan())
    tags = parse(html)
    names = [t for t, _ in tags.tags]
    assert "script" not in names
    assert "img" not in names
    assert names.count("h1") == 1
    assert "b" not in names
    assert all(not (attrs.get("href") or "").startswith("javascript:") for _, attrs in tags.tags)
    assert not any(key.startswith("on") for _, attrs in tags.tags for key in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html  # the user's "&amp;" is shown as typed


def test_markdown_injection_in_every_text_field_is_escaped():
    md = render_markdown(hostile_plan())
    for line in md.splitlines():
        if re.fullmatch(r'<a id="recommendation-\d+"></a>', line):
            continue  # the page's own anchors
        line = line.replace("<br>", "")  # the page's own line breaks in a table cell
        assert not re.search(r"(?<!\\)<", line), line  # every < from the plan is escaped
        assert not re.search(r"(?<!\\)\]\(javascript:", line), line
        assert not line.startswith("# Heading")
    assert md.count("\n# ") == 0  # one title, at the very top
    assert md.startswith("# ")
    assert "\\<script\\>" in md
    assert "\\[click\\](javascript:alert(1))" in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words.", "plain words."),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("a | b", "a \\| b"),
        ("line one\nline two", "line one line two"),
        ("    four spaces", "four spaces"),
        ("one\r# two", "one \\# two"),
        ("see http://a.org and www.b.org", "see http\\://a.org and www\\.b.org"),
        ("<b>&", "\\<b\\>\\&"),
    ],
)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


def test_page_texts_come_from_the_message_catalogue(tmp_path):
    english = json.loads(
        (pathlib.Path(sp.render.__path__[0]) / "messages" / "en.json").read_text("utf-8")
    )

    def shout(value):
        # Upper-case every text, leaving {placeholders} as they are.
        if isinstance(value, dict):
            return {k: shout(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shout(v) for v in value]
        parts = re.split(r"(\{\w+\})", value)
        return "".join(p if p.startswith("{") else p.upper() for p in parts)

    translated = shout(english)
    translated["language"] = "en-XA"
    path = tmp_path / "xa.json"
    path.write_text(json.dumps(translated), encoding="utf-8")
    html = render_html(MER, language=path)
    assert '<html lang="en-XA">' in html
    assert "THE PLAN GIVES NO RESPONSE TO THIS RECOMMENDATION." in html
    assert "The plan gives no response" not in html
    assert "27 MARCH 2025" in html
    for fixed in ("Contents", "Deadline", "Addressed to", "The recommendation", "Response"):
        assert f">{fixed}<" not in html
    summary = render_summary_html(summarise([MER], "2025-03-27"), language=path)
    assert "PROGRESS BY RECOMMENDATION" in summary
    assert "27 MARCH 2025" in summary
    assert ">Progress by recommendation<" not in summary


def test_an_incomplete_translation_is_refused_with_the_missing_keys(tmp_path):
    path = tmp_path / "cy.json"
    path.write_text(json.dumps({"language": "cy", "contents": "Cynnwys", "surplus": "x"}), "utf-8")
    with pytest.raises(sp.LoadError) as caught:
        messages(path)
    text = str(caught.value)
    assert f"{path}: /skip_link: this text is missing" in text
    assert f"{path}: /surplus: unknown text key" in text
    with pytest.raises(sp.LoadError, match=r"no such language \(shipped: en\) or translation file"):
        messages("xx")


@pytest.mark.parametrize("name", ["../messages/en", "../../render/messages/en", "en/../en"])
def test_a_language_name_is_never_a_path_into_the_package(name):
    # Only a plain language tag names a shipped file; anything else is the user's own path.
    with pytest.raises(sp.LoadError, match="there is no such file"):
        messages(name)


def test_a_translation_file_is_read_under_the_size_limit(tmp_path):
    huge = tmp_path / "cy.json"
    huge.write_bytes(b'{"language": "' + b"x" * (6 * 1024 * 1024) + b'"}')
    with pytest.raises(sp.LoadError, match="over the limit"):
        messages(huge)
    if hasattr(os, "mkfifo"):  # a FIFO with no writer is refused at once, never waited on
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        with pytest.raises(sp.LoadError):
            messages(fifo)


def test_write_pages_names_files_by_responder_only(tmp_path):
    evil = sp.ActionPlan(responder="kent", title="../../escape")
    written = write_pages([NY, MER, evil, evil], tmp_path)
    assert sorted(p.name for p in written) == [
        "index.html",
        "kent-2.html",
        "kent.html",
        "merseyside.html",
        "north-yorkshire.html",
    ]
    assert all(p.parent == tmp_path for p in written)
    index = (tmp_path / "index.html").read_text()
    assert 'href="north-yorkshire.html"' in index


def test_site_has_every_page(tmp_path):
    written = build_site(tmp_path)
    names = {p.name for p in written}
    assert {f"recommendation-{n}.html" for n in range(1, 30)} <= names
    assert {"index.html", "agencies.html", "forces.html", "schemas.html"} <= names
    assert {f"schema-{n}.html" for n in sp.SCHEMA_NAMES} <= names
    forces = (tmp_path / "forces.html").read_text()
    assert forces.count('<tr role="row">') == 44  # the header and 43 forces
    assert "Heddlu Gogledd Cymru" in forces
    schema_page = (tmp_path / "schema-action-plan.html").read_text()
    assert "<code>responses[].actions[].owner</code>" in schema_page
    assert "Head of Public Protection" in schema_page  # the field's example
    rec3 = (tmp_path / "recommendation-3.html").read_text()
    assert "The official wording of this recommendation is not held" in rec3


def test_schema_reference_lists_every_field_with_type_required_and_example():
    rows = {r["field"]: r for r in schema_rows(sp.schema("action-plan"))}
    assert rows["responder"]["required"] == "yes"
    assert rows["responder"]["type"] == "slug (a-z, 0-9, hyphens)"
    assert (
        rows["responses[].recommendation"]["type"]
        == "whole number, 1 to 29 or slug (a-z, 0-9, hyphens)"
    )
    assert rows["responses[].actions[].due.milestone"]["example"] == '"six-months"'
    assert rows["published"]["type"] == "date, YYYY-MM-DD"
    assert rows["responses[].acceptance"]["type"].startswith("one of: accepted")
    assert all(row["description"] for row in rows.values())


def test_cli_render_and_site(tmp_path, capsys):
    assert main(["render", str(EXAMPLES[0].parent), "--out", str(tmp_path / "plans")]) == 0
    assert (tmp_path / "plans" / "north-yorkshire.html").is_file()
    assert (
        main(["render", str(EXAMPLES[1]), "--format", "markdown", "--out", str(tmp_path / "md")])
        == 0
    )
    assert (
        (tmp_path / "md" / "north-yorkshire.md").read_text().startswith("# North Yorkshire Police")
    )
    assert main(["site", "--out", str(tmp_path / "site")]) == 0
    assert "wrote 41 pages" in capsys.readouterr().out


# -- Markdown never turns a plan's text into markup ------------------------------------------------

MARKUP = st.sampled_from(
    [
        *" \t\n\r#|[]()<>*_`~!&\\-+=.:/;\"'{}^$%@",
        "a",
        "1",
        "www.",
        "http://",
        "&amp;",
        "&#65;",
        "1.",
        "---",
        "    ",
        "\xa0",
        "\x0b",
        "\x0c",
        "\u2028",
        "é",
        "a@b.co",
        "x",
    ]
)


def _gfm(text: str) -> str:
    """GitHub's rendering, less its links of e-mail addresses (no escape can stop those)."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    rendered = cmarkgfm.github_flavored_markdown_to_html(text)
    return re.sub(r'<a href="mailto:[^"]*">([^<]*)</a>', r"\1", rendered)


def _as_shown(text: str) -> str:
    return " ".join(re.split(r"\r\n|\r|\n", text))


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKUP, max_size=16).map("".join))
def test_escaped_text_renders_as_exactly_that_text(text):
    shown = _as_shown(text).strip(" \t")
    paragraph = _gfm(escape_markdown(text))
    escaped = html.escape(shown).replace("&#x27;", "'")
    assert paragraph == (f"<p>{escaped}</p>\n" if shown else ""), text
    table = _gfm("| h |\n|---|\n| " + escape_markdown(text) + " |\n")
    (cell,) = re.findall(r"<td>(.*?)</td>", table, re.S)
    assert "<" not in cell
    assert html.unescape(cell).strip() == shown.strip()


def test_adversarial_plans_render_without_markup_or_failure():
    # every document of the adversarial corpus that loads renders, in both forms
    rendered = 0
    for path in sorted((DATA / "adversarial").glob("*.json")):
        report = sp.validate(path)
        if report.plan is None:
            continue
        page = render_html(report.plan)
        md = render_markdown(report.plan)
        assert page.count("<h1>") == 1, path.name
        assert md.startswith("# "), path.name
        rendered += 1
    assert rendered >= 4
    plan = sp.load_plan(DATA / "adversarial" / "markdown-markup-is-text.json")
    md = _gfm(render_markdown(plan))
    assert md.count("<h1>") == 1  # the title, and no heading made of the plan's text
    for tag in ("<h2>CR", "<pre>", "<code>", "<em>", "<b>", "<del>", "<img", '<a href="h'):
        assert tag not in md, tag
    assert md.count("<a href") == 1  # the contents' link to recommendation 27
    assert "&gt; quote" in md
    assert "| a | b |" in md
    assert "&lt;b&gt;tab&lt;/b&gt;" in md
    assert md.count("<ol>") == 1
    assert md.count("<hr") == 1


def test_an_address_that_cannot_be_parsed_is_shown_as_text_not_a_link():
    plan = sp.load_plan(DATA / "adversarial" / "unparseable-url-is-text.json")
    page = render_html(plan)
    assert "<dd>http://[::1</dd>" in page
    assert 'href="http://[::1' not in page
    assert "http\\://\\[::1" in render_markdown(plan)
    for url in ("http://[::1", "http://x:port/", "http://a b", "http://x\nhttp://y", "ftp://x"):
        assert safe_url(url) is None, url
    assert safe_url(" https://example.org/é ") == "https://example.org/é"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "{missing}: {responder}",
            "unknown placeholder {missing} (this text may use: {responder})",
        ),
        ("{0}", "{0} is not a plain name"),
        ("{}", "{} is not a plain name"),
        ("{responder!r}", "{responder!r} is not a plain name"),
        ("{responder.__class__}", "{responder.__class__} is not a plain name"),
        ("{responder:>9}", "{responder:>9} is not a plain name"),
        ("{", "a brace is not closed or opened"),
        ("}", "a brace is not closed or opened"),
    ],
)
def test_a_translation_with_a_bad_placeholder_is_refused(tmp_path, text, problem):
    english = json.loads(
        (pathlib.Path(sp.render.__path__[0]) / "messages" / "en.json").read_text("utf-8")
    )
    english["plan_title"] = text
    path = tmp_path / "xx.json"
    path.write_text(json.dumps(english), encoding="utf-8")
    with pytest.raises(sp.LoadError) as caught:
        messages(path)
    assert f"{path}: /plan_title: " in str(caught.value)
    assert problem in str(caught.value)
    # leaving a placeholder out, and braces written as {{ }}, are fine
    english["plan_title"] = "{{Cynllun}}"
    path.write_text(json.dumps(english), encoding="utf-8")
    assert messages(path)("plan_title", responder="x") == "{Cynllun}"


# -- the wording the catalogue does not hold -------------------------------------------------------


def test_a_list_the_catalogue_does_not_hold_is_announced_where_it_belongs(tmp_path):
    build_site(tmp_path)
    page = (tmp_path / "recommendation-10.html").read_text()
    text = re.sub(r"<[^>]+>", "", page)
    so_it = text.index("relating to stalking so it:")
    gap = text.index(GAP)
    after = text.index("Chief constables should also make sure")
    assert so_it < gap < after
    # the same in the plan page and its Markdown, for a force that answers recommendation 10
    assert GAP in render_html(NY)
    md = render_markdown(NY)
    section = md.split('<a id="recommendation-10"></a>')[1].split('<a id="recommendation-11"')[0]
    assert section.index("so it:") < section.index(GAP) < section.index("Chief constables should")


# -- Welsh ----------------------------------------------------------------------------------------


def test_welsh_force_names_are_marked_as_welsh(tmp_path):
    build_site(tmp_path)
    forces = (tmp_path / "forces.html").read_text()
    assert '<span lang="cy">Heddlu Gogledd Cymru</span>' in forces
    assert forces.count('lang="cy"') == 4
    written = write_pages([sp.ActionPlan(responder="gwent"), NY], tmp_path / "plans")
    index = (tmp_path / "plans" / "index.html").read_text()
    assert '</a> (<span lang="cy">Heddlu Gwent</span>)</td>' in index
    assert index.count('lang="cy"') == 1
    assert '(<span lang="cy">Heddlu Gwent</span>)' in written[0].read_text()
    plans = [sp.ActionPlan(responder="gwent"), sp.ActionPlan(responder="kent")]
    summary = render_summary_html(summarise(plans, "2025-09-27"))
    assert '(<span lang="cy">Heddlu Gwent</span>)' in summary
    assert summary.count('lang="cy"') == 4  # every force is a row: the four Welsh ones too


# -- the roll-up: chart and table from the same figures --------------------------------------------


def _figures_in(page: str, where: str) -> dict[tuple[int, str], int]:
    """{(recommendation, state): count} as written in the chart or the table of a page."""
    found: dict[tuple[int, str], int] = {}
    if where == "chart":
        block = page.split('<ol class="bars">')[1].split("</ol>")[0]
        for number, body in re.findall(r'<li data-recommendation="(\d+)">(.*?)</li>', block, re.S):
            for state, count in re.findall(r'data-state="([\w-]+)" data-count="(\d+)"', body):
                found[int(number), state] = int(count)
    else:
        block = page.split('id="figures-table"')[1].split("</table>")[0]
        for number, body in re.findall(
            r'<tr role="row" data-recommendation="(\d+)">(.*?)</tr>', block
        ):
            for state, count in re.findall(r'data-state="([\w-]+)">(\d+)</td>', body):
                found[int(number), state] = int(count)
    # the chart leaves out the states no responder is in
    return {key: count for key, count in found.items() if count}


def test_the_chart_and_the_table_show_the_same_figures():
    summary = summarise(synthetic_plans(43, seed=5), "2025-09-27")
    page = render_summary_html(summary)
    chart, table = _figures_in(page, "chart"), _figures_in(page, "table")
    assert chart == table
    assert {state for _, state in chart} >= {"complete", "in-progress", "not-applicable"}
    # and both are the roll-up's own numbers (superplan.progress's tally), none merged
    for row in summary.tally():
        n = row.recommendation
        for state, count in row.categories.items():
            assert chart.get((n, state), 0) == count, (n, state)
        assert chart.get((n, "overdue"), 0) == row.overdue
        passed = row.schedules["deadline-passed-not-stated"]
        assert chart.get((n, "deadline-passed-not-stated"), 0) == passed
        schedules = {"overdue", "deadline-passed-not-stated"}
        parts = sum(v for (m, s), v in chart.items() if m == n and s not in schedules)
        assert parts == row.addressed


def test_the_roll_up_counts_only_plans_dated_on_or_before_its_date():
    early = sp.from_dict(
        {
            "responder": "kent",
            "published": "2024-11-22",
            "responses": [{"recommendation": 7, "status": "in-progress"}],
        }
    )
    late = sp.from_dict(
        {
            "responder": "kent",
            "published": "2025-06-01",
            "responses": [{"recommendation": 7, "status": "complete"}],
        }
    )
    after = sp.from_dict({"responder": "gwent", "published": "2025-06-01", "responses": []})
    page = render_summary_html(summarise([early, late, after], "2025-03-27"))
    chart, table = _figures_in(page, "chart"), _figures_in(page, "table")
    assert chart == table
    assert chart[7, "in-progress"] == 1  # Kent's November plan: its June one is not yet out
    assert (7, "complete") not in chart
    # Gwent's only plan is dated after the as-of date: a row of no plan, with that plan's date
    assert (
        '<span lang="cy">Heddlu Gwent</span>)</th><td class="no-plan" colspan="16"><span>'
        "No plan as of 27 March 2025; a later version is dated 1 June 2025</span></td>"
    ) in page


def test_a_roll_up_of_plans_with_no_status_says_not_stated():
    page = render_summary_html(summarise([NY, MER], "2025-09-27"))
    chart = _figures_in(page, "chart")
    # North Yorkshire answers 7 with no status; Merseyside's "Response" heading for 7 has
    # nothing under it: not answered (the same name as on its page)
    assert chart[7, "not-stated"] == 1
    assert chart[7, "unanswered"] == 1
    assert not any(state in ("not-started", "overdue") for _, state in chart)


def test_the_chart_and_the_table_disagreeing_would_be_caught():
    page = render_summary_html(summarise(synthetic_plans(5, seed=1), "2025-09-27"))
    broken = page.replace(
        'data-state="in-progress" data-count="', 'data-state="in-progress" data-count="9', 1
    )
    assert _figures_in(broken, "chart") != _figures_in(broken, "table")


# -- diff as a page -------------------------------------------------------------------------------


def _later_version() -> sp.ActionPlan:
    document = sp.to_dict(NY)
    document["published"] = "2025-03-27"
    by_number = {r["recommendation"]: r for r in document["responses"]}
    seven = by_number[7]
    seven["status"] = "complete"
    seven["actions"][0]["description"] = seven["actions"][0]["description"].replace(
        "By March 25, we will ensure", "We have made sure"
    )
    del by_number[10]["actions"][2]
    by_number[11]["actions"].append({"id": "11-6", "description": "Audit the <flag> monthly."})
    document["responses"] = [r for r in document["responses"] if r["recommendation"] != 29]
    return sp.from_dict(document)


def test_diff_page_shows_changes_per_recommendation_with_ins_and_del():
    page = render_diff_html(NY, _later_version(), names=("v1.json", "v2.json"))
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("h1") == 1
    assert "<script" not in page
    # versions named by their dates, the file names in small print
    assert (
        '<dd>Date of publication not stated<br><small class="file">File: v1.json</small></dd>'
    ) in page
    assert '<dd>Published 27 March 2025<br><small class="file">File: v2.json</small>' in page
    seven = page.split('<h2 id="recommendation-7">')[1].split("</section>")[0]
    # a status that was not given is "no status stated", never "not started"; shown as tags
    assert (
        '<strong>Status:</strong> <strong class="tag tag-none">No status stated</strong> became '
        '<strong class="tag tag-green">Complete</strong>'
    ) in seven
    assert "Not started" not in page
    assert ">By March 25, we will ensure<" in seven
    assert ">We have made sure<" in seven
    assert " our crime recording system" in seven  # unchanged words stay plain
    assert "Action 10-3 removed." in page
    assert "Action 11-6 added." in page
    assert "Audit the &lt;flag&gt; monthly." in page
    assert "Response removed." in page.split('id="recommendation-29"')[1]
    assert "{" not in re.sub(r"<style>.*?</style>", "", page, flags=re.S)  # never JSON
    same = render_diff_html(NY, NY)
    assert "The two versions do not differ." in same
    assert "<del>" not in same


def test_cli_diff_html(tmp_path, capsys):
    later = tmp_path / "later.json"
    later.write_text(sp.dumps(_later_version()), encoding="utf-8")
    assert main(["diff", str(EXAMPLES[1]), str(later), "--format", "html"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert "<ins>" in out
    assert main(["diff", str(EXAMPLES[1]), str(EXAMPLES[1]), "--format", "html"]) == 0
    assert "do not differ" in capsys.readouterr().out


# -- status on plan pages: tags in words, the force's own words, not stated -----------------------

GWENT = sp.load_plan(DATA / "render" / "gwent-1.1.json")


def test_a_plan_with_no_status_anywhere_says_not_stated_never_not_started():
    page = render_html(NY)  # North Yorkshire's plan gives no status at all
    glance = page.split('id="at-a-glance"')[1].split("</ul>")[0]
    assert '<strong class="tag tag-none">No status stated</strong> 14 recommendations:' in glance
    assert '<strong class="tag tag-none">Not answered</strong> 2 recommendations:' in glance
    body = page.split("</style>")[1]
    for invented in ("Not started", "Overdue", "overdue", "tag-red", "tag-yellow"):
        assert invented not in body, invented
    assert "Not started" not in render_markdown(NY)


def test_plan_page_shows_status_tags_own_words_parts_links_and_leads():
    page = render_html(GWENT)
    glance = page.split('id="at-a-glance"')[1].split("</ul>")[0]
    for colour, words, count in [
        ("green", "Complete", 1),
        ("blue", "In progress", 1),
        ("grey", "Not applicable", 1),
        ("none", "No status stated", 1),
        ("none", "Not answered", 12),
    ]:
        noun = "recommendation" if count == 1 else "recommendations"
        assert f'<strong class="tag tag-{colour}">{words}</strong> {count} {noun}:' in glance
    seven = page.split('<h2 id="recommendation-7">')[1].split("</section>")[0]
    assert (
        '<strong class="tag tag-green">Complete</strong> '
        '<span class="own">(the plan says “Complete – BAU”)</span>' in seven  # noqa: RUF001 - the force's own dash
    )
    assert 'Accepted <span class="own">(the plan says “Accepted in full”)</span>' in seven
    assert "Partly complies (assessed November 2024)" in seven
    assert "<dt>Lead</dt><dd>Head of Crime Standards</dd>" in seven
    assert 'href="https://www.example.org/gwent/crime-recording-standard' in seven
    assert "<caption>Recommendation 7 in parts, as the plan divides it</caption>" in seven
    # a part with only its own words is "not stated", its words kept beside it
    assert 'tag-none">No status stated</strong> <span class="own">(the plan says “BAU”)' in seven
    assert "March 2025 at the earliest; planned for February 2025; done 14 February 2025" in seven
    # the plan's leads and documents; a link that cannot be parsed is text
    assert "Executive Lead: ACC Jane Doe; Head of Public Protection" in page
    assert '<a href="https://www.example.org/gwent/plan.pdf">Action plan (PDF)</a>' in page
    assert "<li>http://[::1</li>" in page
    assert '(<span lang="cy">Heddlu Gwent</span>)' in page


def test_the_timeline_is_newest_first_with_undated_updates_last():
    seven = render_html(GWENT).split('<h2 id="recommendation-7">')[1].split("</section>")[0]
    # each item's updates beside it: part 7.1's in its row, newest first, undated last
    part = seven.split('data-label="Part">7.1</td>')[1].split("</tr>")[0]
    timeline = part.split('<ol class="timeline">')[1].split("</ol>")[0]
    order = re.findall(r'<time datetime="([\d-]+)">', timeline)
    assert order == ["2025-02-14", "2024-11"]
    assert "Change requested." in timeline
    # action 7-1's undated update is in its own row, undated entries after dated ones
    action = seven.split('data-label="Ref.">7-1</td>')[1].split("</tr>")[0]
    assert '<span class="when">Undated</span>: <strong>Force update</strong>' in action
    everything = re.findall(r'<time datetime="([\d-]+)">', seven)
    assert set(everything) == {"2025-02-14", "2024-11"}


def test_text_not_in_english_carries_its_language():
    page = render_html(GWENT)
    assert '<div lang="cy"><p><strong lang="en-GB">The response in Welsh</strong></p>' in page
    assert '<span class="text" lang="cy">Diweddariad: hyfforddiant ar y gweill.</span>' in page
    md = render_markdown(GWENT)
    assert "**The response in Welsh**" in md
    assert "Mae ein system cofnodi troseddau" in md
    welsh = sp.from_dict({**sp.to_dict(GWENT), "lang": "cy", "introduction": ["Cyflwyniad."]})
    page = render_html(welsh)
    assert '<h1 lang="cy">' in page
    assert '<p class="text" lang="cy">Cyflwyniad.</p>' in page


def test_a_dated_plan_with_no_status_is_never_called_overdue():
    for plan in (NY, MER):  # Merseyside's text says "Recommendation complete." but states no status
        dated = sp.from_dict({**sp.to_dict(plan), "published": "2024-11-22", "as_of": "2025-09-27"})
        page = render_html(dated)
        body = page.split("</style>")[1]
        assert "Overdue" not in body
        assert "Not started" not in body
        glance = body.split('id="at-a-glance"')[1].split("</nav>")[0]
        assert "Against the deadlines, as of 27 September 2025:" in glance
        assert '<strong class="tag tag-purple">Deadline passed, no status stated</strong>' in glance
        seven = body.split('<h2 id="recommendation-7">')[1].split("</section>")[0]
        if plan is NY:  # answered, with no status
            assert (
                '<dt>Against the deadline</dt><dd><strong class="tag tag-purple">Deadline passed, '
                'no status stated</strong> <span class="own">(as of 27 September 2025)</span>'
            ) in seven
        else:  # Merseyside's heading for 7 has nothing under it: not answered, said once
            assert '<strong class="tag tag-none">Not answered</strong>' in seven
            assert "Against the deadline" not in seven


def test_each_recommendation_shows_its_schedule_state_as_of_the_plan_date():
    page = render_html(GWENT)  # as of 27 March 2025
    expected = {
        7: ("green", "Met on time"),
        10: ("orange", "Due within 30 days"),
        11: ("orange", "Due within 30 days"),
        12: ("grey", "Not applicable"),
    }
    progress = sp.status_as_of(GWENT, GWENT.as_of)
    for number, (colour, words) in expected.items():
        section = page.split(f'<h2 id="recommendation-{number}">')[1].split("</section>")[0]
        shown = (
            f'<dt>Against the deadline</dt><dd><strong class="tag tag-{colour}">{words}</strong>'
        )
        assert shown in section, number
        # the page's words come from superplan.progress
        state = str(progress.recommendation(number).schedule)
        assert words == messages().value("schedule_values", state)
    eleven = page.split('<h2 id="recommendation-11">')[1].split("</section>")[0]
    assert '<dt>Status</dt><dd><strong class="tag tag-none">No status stated</strong>' in eleven
    md = render_markdown(GWENT)
    assert "- **Against the deadline:** **Met on time** (as of 27 March 2025)" in md
