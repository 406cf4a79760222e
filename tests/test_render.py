"""Pages from plans and from the catalogue: content, escaping, translation, the CLI."""

import json
import pathlib
import re
from html.parser import HTMLParser

import pytest

import superplan as sp
from superplan.cli import main
from superplan.progress import summarise
from superplan.render import build_site, messages, render_html, render_markdown, write_pages
from superplan.render._env import escape_markdown
from superplan.render._site import schema_rows
from superplan.render._summary_page import render_summary_html

from .conftest import EXAMPLES

NY = sp.load_plan(EXAMPLES[1])
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
    assert (
        "The report lists further points here, which the superplan catalogue does not hold." in html
    )
    # the page's 11 empty "Response" headings, and recommendation 27, which it does not answer
    assert html.count("No response given.") == 12
    assert "Recommendation complete." in html
    assert "Merseyside Police encourages OICs" in html
    # recommendation 27 is addressed to forces; Merseyside gives no response to it
    section_27 = html.split('id="recommendation-27"')[1].split("</section>")[0]
    assert "No response given." in section_27


def test_plan_page_states_when_wording_is_not_held():
    plan = sp.ActionPlan(responder="home-office", responses=[sp.Response(recommendation=1)])
    html = render_html(plan)
    assert (
        "The official wording of this recommendation is not held in the superplan catalogue."
        in html
    )
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
    assert "<td>Head of Crime</td>" in html
    assert "<td>In progress</td>" in html
    assert "<caption>Progress updates on action 7.1-a</caption>" in html
    assert "<strong>March 2025 update</strong>" in html
    md = render_markdown(plan)
    # "7." could start a numbered list where a value begins a line, so it is escaped; "-" is not
    assert (
        "| 7\\.1-a | Make crimes searchable. (Evidence: Change request CR-1) | Head of Crime |"
        in md
    )


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
    assert "NO RESPONSE GIVEN." in html
    assert "No response given." not in html
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
    with pytest.raises(sp.LoadError, match="no such language or translation file"):
        messages("xx")


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
    assert forces.count("<tr>") == 44  # the header and 43 forces
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
