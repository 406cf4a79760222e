"""Import: tables both ways, and the two seed pages into draft plans, with nothing lost."""

import datetime as dt
import html
import json
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan.cli import main
from superplan.importers import (
    ColumnMapping,
    Disposition,
    import_page,
    import_page_file,
    import_table,
    page_lines,
    table_to_plan,
    vocabulary,
)
from superplan.tables import export_table

from ...conftest import EXAMPLES, ROOT
from ...strategies import action_plans, plans_1_0

# Copies of shared/seeds: the two forces' published pages as captured from their websites.
PAGES = ROOT / "tests" / "data" / "pages"
NY_PAGE = PAGES / "north-yorkshire-police-action-plan.txt"
MER_PAGE = PAGES / "merseyside-police-action-plan.txt"


# -- tables -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_export_then_import_gives_back_the_same_plan(path, kind, tmp_path):
    table = tmp_path / f"plan.{kind}"
    export_table(sp.load_plan(path), table, kind=kind)
    back = table_to_plan(table)
    assert sp.dumps(back) == path.read_text(encoding="utf-8")


def _no_digit_slugs(plan: sp.ActionPlan) -> bool:
    return not any(
        isinstance(r.recommendation, str) and r.recommendation.isdigit() for r in plan.responses
    )


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan=plans_1_0.filter(_no_digit_slugs), kind=st.sampled_from(["csv", "xlsx"]))
def test_tables_round_trip_any_plan(plan, kind, tmp_path_factory):
    table = tmp_path_factory.mktemp("t") / f"plan.{kind}"
    export_table(plan, table, kind=kind)
    assert table_to_plan(table) == plan


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan=action_plans().filter(_no_digit_slugs), kind=st.sampled_from(["csv", "xlsx"]))
def test_tables_round_trip_schema_1_1_plans_too(plan, kind, tmp_path_factory):
    # parts, owners, status words, links, leads, translations, partial and not-before dates
    table = tmp_path_factory.mktemp("t") / f"plan.{kind}"
    export_table(plan, table, kind=kind)
    assert table_to_plan(table) == plan


def test_csv_keeps_formula_looking_text_as_text(tmp_path):
    plan = sp.ActionPlan(
        responder="kent",
        title="=1+1",
        responses=[
            sp.Response(recommendation=7, narrative="'quoted, with a comma'\nand a new line")
        ],
    )
    table = tmp_path / "plan.csv"
    export_table(plan, table)
    text = table.read_text(encoding="utf-8-sig")
    assert "'=1+1" in text  # a spreadsheet shows it as text
    assert table_to_plan(table) == plan


HAMPSHIRE_LIKE = (
    "Rec No.,Recommendation,Sub recommendation,Rec. Owner,Initial action plan response,March 2026 update\n"
    '7,"By 27/03/25, where required, seek changes ...",7.1,Chief Constables,"We will review Niche.","Complete: search is live."\n'
    '7,,7.2,Head of Crime,"Interim intelligence reports will be used.",\n'
    '10,"By 27/03/25, review and update ...",,Learning and Development,"We will update the training.","Training delivered to 900 officers."\n'
)
MAPPING = {
    "columns": {
        "Rec No.": "recommendation",
        "Recommendation": "ignore",
        "Sub recommendation": "part",
        "Rec. Owner": "owner",
        "Initial action plan response": "description",
    },
    "updates": {"March 2026 update": {"label": "March 2026 update", "date": "2026-03-31"}},
}


def test_a_forces_table_through_a_column_mapping(tmp_path):
    table = tmp_path / "hampshire.csv"
    table.write_text(HAMPSHIRE_LIKE, encoding="utf-8")
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(MAPPING))
    plan = table_to_plan(table, responder="hampshire", mapping=ColumnMapping.load(mapping_file))
    assert [r.recommendation for r in plan.responses] == [7, 10]
    first, second = plan.responses[0].actions
    assert (first.id, first.part, first.owner, first.description) == (
        "7-1",
        "7.1",
        "Chief Constables",
        "We will review Niche.",
    )
    assert first.updates[0].label == "March 2026 update"
    assert first.updates[0].note == "Complete: search is live."
    assert second.updates == ()
    assert sp.validate(plan).valid


def test_mapping_and_table_errors_are_clear(tmp_path):
    bad = tmp_path / "mapping.json"
    bad.write_text(
        json.dumps({"columns": {"Rec No": "recommendation", "Owner": "boss"}, "updates": {"U": {}}})
    )
    with pytest.raises(sp.LoadError) as caught:
        ColumnMapping.load(bad)
    assert str(caught.value).splitlines() == [
        f"{bad}: /columns/Owner: unknown field 'boss'; one of: acceptance, action_id, compliance, description, due, evidence, ignore, narrative, owner, part, recommendation, status",
        f"{bad}: /updates/U: an update column needs a 'date'",
    ]
    table = tmp_path / "other.csv"
    table.write_text("Rec No,Response\n7,We will.\n")
    with pytest.raises(sp.LoadError, match="not in superplan's own shape"):
        table_to_plan(table)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(sp.LoadError, match="not a readable XLSX workbook"):
        table_to_plan(broken)


# -- pages --------------------------------------------------------------------------------------

# By hand, from the pages: North Yorkshire quotes the 15 chief-constable recommendations and 27;
# Merseyside quotes the 15 (28 first, in its introduction, and again at the end) but not 27.
NY_FOUND = (7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 27, 28, 29)  # fmt: skip
MER_FOUND = (28, 7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 29)  # fmt: skip


def _lines(path: pathlib.Path) -> list[str]:
    return [
        " ".join(line.split())
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize(
    ("page", "responder", "found", "boilerplate"),
    [(NY_PAGE, "north-yorkshire", NY_FOUND, 6), (MER_PAGE, "merseyside", MER_FOUND, 7)],
    ids=["north-yorkshire", "merseyside"],
)
def test_seed_page_imports_with_every_quoted_recommendation_and_no_line_lost(
    page, responder, found, boilerplate
):
    result = import_page_file(page, responder=responder)
    report = result.report
    assert report.found == found
    # every line of the page has exactly one disposition, with its text as given
    assert [line.text for line in report.lines] == _lines(page)
    assert [line.number for line in report.lines] == list(range(1, len(report.lines) + 1))
    assert [
        line.number for line in report.lines if line.disposition is Disposition.BOILERPLATE
    ] == list(range(1, boilerplate + 1))
    # and every assigned line is in the draft, where its target says
    data = result.data
    for line in report.lines:
        if line.target is not None:
            node = data
            for part in line.target.strip("/").split("/"):
                node = node[int(part)] if part.isdigit() else node[part]
            assert line.text in node
    validation = sp.validate(result.plan)
    assert validation.valid, validation.format_text()


def test_north_yorkshire_draft_matches_the_hand_encoded_example():
    draft = import_page_file(NY_PAGE, responder="north-yorkshire").plan
    example = sp.load_plan(EXAMPLES[1])
    for response in example.responses:
        imported = draft.response_to(response.recommendation)
        assert imported is not None
        if response.recommendation == 27:
            # the example keeps its one sentence as the narrative; the importer reads "will" as an action
            assert imported.actions[0].description == response.narrative
            continue
        assert [a.description for a in imported.actions] == [
            a.description for a in response.actions
        ]
    report = import_page_file(NY_PAGE, responder="north-yorkshire").report
    assert [line.number for line in report.unassigned] == list(range(81, 89))  # the closing section
    assert report.not_found == ()
    assert report.for_review == ()


def test_merseyside_draft_keeps_its_response_texts_and_flags_the_double_quote():
    result = import_page_file(MER_PAGE, responder="merseyside")
    draft = result.plan
    assert draft.response_to(18).narrative.startswith("Merseyside Police encourages OICs")
    assert draft.response_to(19).narrative.startswith("The Digital Kick Start team")
    assert draft.response_to(29).narrative == "Recommendation complete."
    assert draft.response_to(7).transcription_note.startswith("Imported: the page quotes")
    assert result.report.not_found == (27,)
    assert result.report.notes == (
        "recommendation 28 is quoted 2 times (lines 10, 45); what follows each is kept in its one response",
    )
    headings = [line for line in result.report.lines if line.disposition is Disposition.HEADING]
    assert len(headings) == 14


def test_the_same_page_as_html_imports_the_same():
    lines = _lines(NY_PAGE)
    page = (
        "<!DOCTYPE html><html><head><title>Plan</title><script>var x = 1;</script>"
        "<style>p{}</style></head><body><a href='#main'>Skip to main content</a><main>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</main></body></html>"
    )
    result = import_page(page, responder="north-yorkshire")
    assert result.report.found == NY_FOUND
    assert "var x" not in json.dumps(result.report.to_dict())
    assert result.report.lines[0].disposition is Disposition.BOILERPLATE  # the skip link


def test_low_confidence_is_flagged_for_review():
    page = (
        "Our response to the report.\n"
        "By March 25, make sure the new CoP investigations APP content on case allocation is reflected in the relevant policies for allocating stalking and breach of order cases.\n"
        "We will check our allocation policy.\n"
    )
    result = import_page(page, responder="kent")
    assert result.report.found == (17,)
    flagged = result.report.for_review
    assert flagged
    assert all(line.recommendation == 17 for line in flagged)
    assert "check:" in result.report.format_text()


def test_a_page_not_in_utf8_is_read_and_the_report_says_so(tmp_path):
    page = tmp_path / "page.txt"
    text = NY_PAGE.read_text(encoding="utf-8").replace("Stalking Team", "Stalking T\u00e9am")
    page.write_bytes(text.encode("cp1252", errors="replace"))
    result = import_page_file(page, responder="north-yorkshire")
    assert result.report.found == NY_FOUND
    assert result.report.notes[0].startswith("the page is not UTF-8 text")
    assert any("Stalking T\u00e9am" in line.text for line in result.report.lines)


def test_unknown_responder_is_refused():
    with pytest.raises(sp.LoadError, match="did you mean 'north-yorkshire'"):
        import_page("text", responder="north-yorkshir")


def test_cli_import_and_export(tmp_path, capsys):
    out = tmp_path / "draft.json"
    report = tmp_path / "report.json"
    code = main(
        [
            "import",
            "page",
            str(NY_PAGE),
            "--responder",
            "north-yorkshire",
            "--out",
            str(out),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    assert sp.load_plan(out).responder == "north-yorkshire"
    assert json.loads(report.read_text())["found"] == list(NY_FOUND)
    table = tmp_path / "ny.xlsx"
    assert main(["export", str(EXAMPLES[1]), "--format", "xlsx", "--out", str(table)]) == 0
    back = tmp_path / "back.json"
    assert main(["import", "table", str(table), "--out", str(back)]) == 0
    assert back.read_text() == EXAMPLES[1].read_text()
    assert "recommendations found" in capsys.readouterr().err


# -- layouts: pages in the shapes forces publish ----------------------------------------------

LAYOUTS = PAGES / "layouts"


def _import(name: str, responder: str = "kent"):
    return import_page_file(LAYOUTS / name, responder=responder)


def _resolve(data, pointer: str):
    node = data
    for part in filter(None, pointer.strip("/").split("/")):
        node = node[int(part)] if part.isdigit() else node[part]
    return node


@pytest.mark.parametrize("name", sorted(p.name for p in LAYOUTS.iterdir()))
def test_every_line_of_a_layout_page_has_one_disposition_and_every_capture_lands(name):
    result = _import(name)
    report = result.report
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    assert [line.text for line in report.lines] == page_lines(text)
    assert [line.number for line in report.lines] == list(range(1, len(report.lines) + 1))
    data = sp.to_dict(result.plan)
    for line in report.lines:
        if line.target is not None:
            assert _resolve(data, line.target) is not None
    for capture in report.captures:
        assert capture.confidence <= 100
        assert 1 <= capture.line <= len(report.lines)
        _resolve(data, capture.pointer.rsplit("/", 1)[0])  # its parent exists
    assert sp.validate(result.plan, catalogue=sp.catalogue()).format_text() is not None


def test_npcc_template_html_gives_parts_with_owners_dated_updates_statuses_and_evidence():
    result = _import("npcc-template.html")
    plan = result.plan
    assert [r.recommendation for r in plan.responses] == [7, 13, 29]
    seven = plan.response_to(7)
    assert [p.part for p in seven.parts] == ["7.1", "7.2"]
    first, second = seven.parts
    assert first.requirement == (
        "Crime recording system allows included crimes to be documented and searched"
    )
    assert first.owner == "Head of Crime & Justice"  # the entity decoded
    assert first.status == sp.DeliveryStatus.COMPLETE
    assert first.status_text == "Action complete"
    assert str(first.updates[0].date) == "2024-11"  # "Nov-24" at month precision
    assert first.updates[0].note == "Niche change request raised;\nsearch is live since March."
    assert first.evidence == ("Niche change note",)
    assert [(link.title, link.url) for link in first.links] == [
        ("Niche change note", "/docs/niche-change.pdf")
    ]
    assert str(second.updates[0].date) == "2024-11-21"
    assert second.status == sp.DeliveryStatus.ONGOING
    assert second.status_text == "Ongoing (BAU)"
    assert (seven.acceptance, seven.compliance) == (
        sp.Acceptance.ACCEPTED,
        sp.Compliance.PARTLY_COMPLIES,
    )
    assert seven.acceptance_text == "Accept / Partially comply"
    twenty_nine = plan.response_to(29).parts[0]
    assert twenty_nine.status is None
    assert twenty_nine.status_text == "Green"
    assert [(lead.role, lead.name) for lead in plan.leads] == [
        ("Executive Lead", "ACC Jane Doe"),
        ("Operational Lead", "Detective Superintendent Sam Roe"),
    ]
    # the site's chrome is listed as boilerplate and kept out of the draft
    chrome = [
        line.text for line in result.report.lines if line.disposition is Disposition.BOILERPLATE
    ]
    assert "Share this page" in chrome
    assert "We use cookies to make this site work." in chrome
    assert "Twitter" not in json.dumps(sp.to_dict(plan))
    assert result.report.layouts == ("table 1: npcc-template",)


def test_npcc_template_text_capture_with_repeated_header_and_split_rows():
    result = _import("npcc-template.txt")
    plan = result.plan
    seven = plan.response_to(7)
    assert [p.part for p in seven.parts] == ["7.1", "7.2"]
    updates = seven.parts[1].updates
    assert [(str(u.date), u.label, u.note) for u in updates] == [
        (
            "2024-11",
            "Update Nov-24",
            "Intelligence reports\nare submitted for every stalking crime",
        ),
        ("2026-03", "March 2026 update", "No change"),
    ]
    assert plan.response_to(13).parts[0].owner == "Head of Public Protection"
    headings = [line for line in result.report.lines if line.disposition is Disposition.HEADING]
    assert [line.number for line in headings] == [2, 6]  # the header row, and its repeat
    # a part's due date is its due (schema 1.2), at the precision written, never text
    first, second = seven.parts
    assert (str(first.due.date), first.due.not_before) == ("2026-03", True)
    assert (str(second.due.date), second.due.not_before) == ("2025-03-31", False)
    assert seven.narrative is None


@pytest.mark.parametrize("name", ["three-column.html", "three-column.txt"])
def test_three_column_table_gives_narrative_status_and_updates(name):
    plan = _import(name).plan
    seven = plan.response_to(7)
    assert seven.recommendation_as_quoted.startswith("By 27 March 2025, where required")
    assert "Niche" in seven.narrative
    assert seven.status_text in ("Complete", "In progress")
    assert seven.status in (sp.DeliveryStatus.COMPLETE, sp.DeliveryStatus.IN_PROGRESS)
    fourteen = plan.response_to(14)
    (update,) = fourteen.updates
    assert str(update.date) in ("2025-03", "2024-11")
    assert "audit of 50 cases" in update.note


def test_three_column_html_reads_acceptance_said_in_the_response():
    seven = _import("three-column.html").plan.response_to(7)
    assert seven.acceptance == sp.Acceptance.ACCEPTED
    assert seven.status == sp.DeliveryStatus.COMPLETE


def test_recommendation_headings_with_response_paragraphs():
    result = _import("headings.html")
    plan = result.plan
    thirteen = plan.response_to(13)
    assert [a.description for a in thirteen.actions] == [
        "We will train every supervisor on SPOs.",  # <br> splits the paragraph's two actions
        "We will audit SPO decisions each quarter.",
    ]
    assert thirteen.acceptance == sp.Acceptance.ACCEPTED
    assert thirteen.compliance == sp.Compliance.PARTLY_COMPLIES
    assert str(thirteen.assessed_on) == "2024-11-21"
    assert [(link.title, link.url) for link in thirteen.links] == [
        ("SPO guidance", "/docs/spo-guidance.pdf")
    ]
    assert plan.response_to(23).narrative == "Screening is done by the Stalking Team every morning."
    assert plan.introduction[1] == "We welcome the report & its recommendations."
    assert result.report.unassigned == ()


def test_welsh_is_kept_as_welsh_on_the_same_response():
    plan = _import("bilingual.html").plan
    assert [r.recommendation for r in plan.responses] == [7, 13]
    seven = plan.response_to(7)
    assert seven.actions[0].description.startswith("We will change our crime recording system")
    assert [(t.lang, t.narrative[:20]) for t in seven.translations] == [
        ("cy", "Byddwn yn newid ein ")
    ]
    thirteen = plan.response_to(13)
    assert thirteen.narrative == "Every stalking case is reviewed for an SPO by the Stalking Team."
    assert thirteen.translations[0].narrative.startswith("Mae pob achos stelcio")


def test_welsh_in_a_text_capture_is_recognised_by_its_words():
    page = (
        "Recommendation 13\n"
        "We review every stalking case for an SPO.\n"
        "Rydym yn adolygu pob achos stelcio ar gyfer Gorchymyn Diogelu rhag Stelcio.\n"
    )
    response = import_page(page, responder="kent").plan.response_to(13)
    assert response.narrative == "We review every stalking case for an SPO."
    assert response.translations[0].lang == "cy"


@pytest.mark.parametrize(
    ("name", "links"),
    [
        ("link-only.html", ["/media/stalking-action-plan.pdf"]),
        ("intro-only.txt", []),
    ],
)
def test_a_page_without_a_plan_is_reported_as_such(name, links):
    result = _import(name)
    assert result.report.empty
    assert result.plan.responses == ()
    assert [link.url for link in result.plan.links] == links
    (note,) = result.report.notes
    assert note.startswith("no recommendation-level content found; the page links to: ")
    assert all(url in note for url in links)


def test_cli_refuses_to_write_an_empty_draft_unless_asked(tmp_path, capsys):
    out = tmp_path / "draft.json"
    page = str(LAYOUTS / "link-only.html")
    assert main(["import", "page", page, "--responder", "kent", "--out", str(out)]) == 1
    assert not out.exists()
    assert "no recommendation-level content found" in capsys.readouterr().err
    assert (
        main(["import", "page", page, "--responder", "kent", "--out", str(out), "--allow-empty"])
        == 1
    )
    assert sp.load_plan(out).links[0].url == "/media/stalking-action-plan.pdf"


def test_cli_page_import_refuses_an_unknown_responder_as_a_usage_error(tmp_path, capsys):
    out = tmp_path / "draft.json"
    code = main(
        ["import", "page", str(NY_PAGE), "--responder", "north-yorkshir", "--out", str(out)]
    )
    assert code == 2
    assert not out.exists()
    assert "did you mean 'north-yorkshire'" in capsys.readouterr().err


def test_the_json_report_lists_captures_per_recommendation_and_what_went_nowhere(tmp_path):
    report = _import("npcc-template.html").report.to_dict()
    seven = report["recommendations"][0]
    assert seven["recommendation"] == 7
    owners = [c for c in seven["captured"] if c["field"] == "owner"]
    assert owners[0]["source"] == "table 1, row 2, column 'Owner'"
    assert owners[0]["value"] == "Head of Crime & Justice"
    assert all(c["confidence"] < 90 for c in seven["low_confidence"])
    assert report["unplaced"] == []
    ny = import_page_file(NY_PAGE, responder="north-yorkshire").report.to_dict()
    assert [line["line"] for line in ny["unplaced"]] == list(range(81, 89))


# -- dates and words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "not_before"),
    [
        ("Nov-24", "2024-11", False),
        ("March 2026 update", "2026-03", False),
        ("21 November 2024", "2024-11-21", False),
        ("March 26 earliest", "2026-03", True),
        ("27/03/2025", "2025-03-27", False),
        ("2025-03-27", "2025-03-27", False),
        ("31/02/2025", None, False),
        ("\u0662\u0660\u0662\u0665-\u0660\u0663-\u0662\u0667", None, False),  # Arabic-Indic digits
        ("six-months", None, False),
    ],
)
def test_dates_are_read_at_the_precision_given(text, iso, not_before):
    from superplan.importers._dates import parse_date

    found = parse_date(text)
    assert (found.iso if found else None) == iso
    assert (found.not_before if found else False) == not_before


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_uk_or_month_written_date_reads_back(day):
    from superplan.importers._dates import parse_date

    assert parse_date(day.strftime("%d/%m/%Y")).iso == day.isoformat()
    if day.year >= 2000:  # two-digit years are read as 20xx
        assert parse_date(day.strftime("%b-%y")).iso == day.isoformat()[:7]
    assert parse_date(day.strftime("%d %B %Y")).iso == day.isoformat()


@pytest.mark.parametrize(
    ("heading", "field", "date"),
    [
        ("Owner", "owner", None),
        ("Lead", "owner", None),
        ("Responsible officer", "owner", None),
        ("Update Nov-24", "update", "2024-11"),
        ("RAG", "status", None),
        ("Progress", "update", None),
        ("Evidence", "evidence", None),
        ("Accept/Comply", "acceptance", None),
        ("Evidence requirements of progress/completion", "requirement", None),
        ("March 2026 update", "update", "2026-03"),
        ("21 November 2024", "update", "2024-11-21"),
        ("Shoe size", None, None),
    ],
)
def test_headings_are_recognised_by_meaning(heading, field, date):
    meaning = vocabulary().column(heading)
    assert meaning.field == field
    assert (meaning.date.iso if meaning.date else None) == date


def test_users_add_their_own_header_and_status_words(tmp_path):
    headers = tmp_path / "headers.json"
    headers.write_text(json.dumps({"owner": ["Accountable lead"], "status": ["Shoe size"]}))
    statuses = tmp_path / "statuses.json"
    statuses.write_text(json.dumps({"delivery": {"complete": ["Signed off"]}}))
    words = vocabulary(headers, statuses)
    assert words.column("Shoe size").field == "status"
    assert words.column("Accountable lead").field == "owner"
    assert words.status("delivery", "Signed off") == ("complete", 100.0)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"boss": ["Boss"]}))
    with pytest.raises(sp.LoadError, match="unknown name 'boss'"):
        vocabulary(bad)


# -- import table: sniffing, mapping by meaning, errors in spreadsheet terms --------------------


FORCE_TABLE = [
    ["Rec No", "Action", "Due date", "Owner", "Update Nov-24", "RAG", "Notes"],
    ["7", "Change Niche so included crimes can be searched", "27/03/2025", "Head of Crime", "Change raised", "Green", "see minutes"],
    ["7.2", "Interim intelligence reports", "March 26 earliest", "Intelligence Manager", "", "Ongoing", ""],
    ["13", "Train supervisors on SPOs", "six-months", "Head of Public Protection", "Drafted", "In progress", "room booked"],
]  # fmt: skip


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "utf-8-sig"), ("\t", "cp1252")],
    ids=["comma-utf8", "semicolon-bom", "tab-cp1252"],
)
def test_a_force_table_is_sniffed_and_mapped_by_meaning(tmp_path, delimiter, encoding):
    import csv
    import io

    rows = [list(r) for r in FORCE_TABLE]
    rows[1][3] = "Head of Crime \u2013 Niche"  # an en dash: one byte in cp1252
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    path = tmp_path / "force.csv"
    path.write_bytes(text.getvalue().encode(encoding))
    imported = import_table(path, responder="kent")
    plan = imported.plan
    first, second = plan.response_to(7).actions
    assert first.owner == "Head of Crime \u2013 Niche"
    assert str(first.due.date) == "2025-03-27"
    assert str(second.due.date) == "2026-03"
    assert second.due.not_before
    assert second.part == "7.2"
    assert str(first.updates[0].date) == "2024-11"
    assert first.updates[0].note == "Change raised"
    assert first.status is None
    assert first.status_text == "Green"
    assert plan.response_to(13).actions[0].due.milestone == "six-months"
    assert plan.extensions["unmapped_columns"]["Notes"] == [
        {"row": 2, "recommendation": 7, "value": "see minutes"},
        {"row": 4, "recommendation": 13, "value": "room booked"},
    ]
    text_report = imported.format_text()
    assert 'column C "Due date": due' in text_report
    assert 'column G "Notes": (kept under extensions: unmapped_columns)' in text_report
    assert imported.unmapped == ("Notes",)
    assert (encoding == "cp1252") == any("Windows-1252" in n for n in imported.notes)


def _workbook(path, rows, title="Plan"):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_cell_errors_come_back_in_spreadsheet_terms(tmp_path):
    rows = [["Rec No", "Action", "Due date"]] + [
        ["7", f"Action {n}", "2025-03-27"] for n in range(5)
    ]
    rows.append(["7", "Action 6", "31/02/2025"])  # row 7
    path = tmp_path / "plan.xlsx"
    _workbook(path, rows)
    with pytest.raises(sp.LoadError) as caught:
        import_table(path, responder="kent")
    assert str(caught.value) == (
        f'{path}: sheet "Plan", row 7, column C "Due date": "31/02/2025" is not a date'
    )


def test_own_table_reads_uk_dates_and_refuses_non_ascii_digits(tmp_path):
    plan = sp.ActionPlan(
        responder="kent",
        responses=[
            sp.Response(
                recommendation=7,
                actions=[
                    sp.Action(id="7-1", description="Do it", due=sp.Due(milestone="six-months"))
                ],
            )
        ],
    )
    table = tmp_path / "plan.csv"
    export_table(plan, table)
    text = table.read_text(encoding="utf-8-sig").replace("six-months", "27/03/2025")
    table.write_text(text, encoding="utf-8")
    back = table_to_plan(table)
    assert str(back.responses[0].actions[0].due.date) == "2025-03-27"
    table.write_text(text.replace("response,7,", "response,\u0663,", 1), encoding="utf-8")
    with pytest.raises(sp.LoadError, match='column B "Rec No": "\u0663" is not a recommendation'):
        table_to_plan(table)


def test_a_mapped_table_refuses_non_ascii_digits_too(tmp_path):
    table = tmp_path / "hampshire.csv"
    table.write_text(HAMPSHIRE_LIKE.replace("\n10,", "\n\u0663,"), encoding="utf-8")
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(MAPPING))
    with pytest.raises(sp.LoadError, match=r'row 4, column A "Rec No\.": "\u0663"'):
        table_to_plan(table, responder="hampshire", mapping=ColumnMapping.load(mapping_file))


def test_cli_import_table_tells_json_unknown_responders_and_invalid_plans(tmp_path, capsys):
    out = tmp_path / "plan.json"
    code = main(["import", "table", str(EXAMPLES[1]), "--out", str(out)])
    assert code == 1
    assert not out.exists()
    assert "this is JSON, not a table" in capsys.readouterr().err
    force = tmp_path / "force.csv"
    force.write_text("\n".join(",".join(r) for r in FORCE_TABLE) + "\n", encoding="utf-8")
    code = main(["import", "table", str(force), "--responder", "kentt", "--out", str(out)])
    assert code == 2
    assert not out.exists()
    assert "did you mean 'kent'" in capsys.readouterr().err
    # an unknown recommendation slug: the plan does not validate; findings, no plan written
    table = tmp_path / "hampshire.csv"
    table.write_text(HAMPSHIRE_LIKE.replace("\n10,", "\ncrime-recordin,"), encoding="utf-8")
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(MAPPING))
    args = ["import", "table", str(table), "--responder", "hampshire", "--mapping"]
    code = main([*args, str(mapping_file), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert not out.exists()
    assert "the imported plan does not validate" in err
    assert "crime-recordin" in err
