"""The shipped catalogue agrees with shared/reference/recommendations.md, field by field."""

import json
import re
from importlib import resources

import attrs
import pendulum
import pytest

import superplan as sp
from superplan import model as _files  # the catalogue data files are shaped in the model

from ...conftest import DATA

CAT = sp.catalogue()
PAGES = DATA / "pages"
SEEDS = {
    "ny": (PAGES / "north-yorkshire-police-action-plan.txt").read_text(encoding="utf-8"),
    "mer": (PAGES / "merseyside-police-action-plan.txt").read_text(encoding="utf-8"),
}

# From the reference's table and summary.
CONFIRMED_NUMBER = {7, 10, 15, 16, 21, 25, 27}
NUMBER_FROM_ORDER = {11, 12, 13, 14, 28, 29}
NUMBER_IN_RANGE = {17: (17, 18), 18: (18, 19), 19: (19, 20), 22: (22, 23), 23: (23, 24)}
UNKNOWN_SLOTS = {1, 2, 3, 4, 5, 6, 8, 9, 20, 24, 26}
CHIEF_CONSTABLES = {7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 28, 29}
WORDING_KNOWN = CHIEF_CONSTABLES | {15, 27}


def test_there_are_29_recommendations_numbered_1_to_29():
    assert [rec.number for rec in CAT.recommendations] == list(range(1, 30))


def test_the_catalogue_has_no_broken_references():
    assert list(CAT.problems()) == []


def test_the_catalogue_is_cached():
    assert sp.catalogue() is CAT


def test_a_force_answers_the_chief_constables_recommendations_and_27():
    assert len(CHIEF_CONSTABLES) == 15
    numbers = [rec.number for rec in CAT.addressed_to("north-yorkshire")]
    assert numbers == sorted(CHIEF_CONSTABLES | {27})
    assert [r.number for r in CAT.addressed_to("chief-constables")] == numbers


def test_local_policing_bodies_answer_15_16_25_and_27():
    assert [rec.number for rec in CAT.addressed_to("merseyside-pcc")] == [15, 16, 25, 27]


def test_27_goes_to_every_addressee_some_by_inference():
    addressees = {a.agency: a.certainty for a in CAT.recommendation(27).addressees}
    recipients = {a.slug for a in CAT.agencies if sp.AgencyRole.ADDRESSEE in a.roles}
    assert set(addressees) == recipients
    assert (
        addressees["chief-constables"]
        == addressees["police-and-crime-commissioners"]
        == "confirmed"
    )
    assert {s for s, c in addressees.items() if c == "inferred"} == {
        "home-office",
        "npcc",
        "apcc",
        "ministry-of-justice",
        "cps",
    }
    assert [r.number for r in CAT.addressed_to("cps")] == [27]
    assert CAT.addressed_to("cps", include_inferred=False) == ()


@pytest.mark.parametrize("number", range(1, 30))
def test_numbering_marks_match_the_reference(number):
    numbering = CAT.recommendation(number).numbering
    if number in CONFIRMED_NUMBER:
        assert numbering.certainty == "confirmed"
        assert numbering.range is None
    elif number in NUMBER_FROM_ORDER:
        assert numbering.certainty == "inferred"
        assert numbering.range is None
    elif number in NUMBER_IN_RANGE:
        assert numbering.certainty == "inferred"
        assert numbering.range == NUMBER_IN_RANGE[number]
    else:
        assert number in UNKNOWN_SLOTS
        assert numbering.certainty == "inferred"
    assert numbering.sources


@pytest.mark.parametrize("number", range(1, 30))
def test_wording_is_held_only_where_a_source_gives_it(number):
    rec = CAT.recommendation(number)
    if number in WORDING_KNOWN:
        assert rec.wording.certainty == "confirmed"
        assert rec.wording.value
        assert rec.wording.sources
        assert rec.deadline.certainty == "confirmed"
        # The deadline date the wording states agrees with the milestone the catalogue gives.
        date = CAT.deadline(number)
        assert date is not None
        assert date.format("D MMMM YYYY") in " ".join(rec.wording.value)
    else:
        assert rec.wording.value is None
        assert rec.wording.certainty == "unknown"
        assert rec.wording.note


@pytest.mark.parametrize("number", sorted(UNKNOWN_SLOTS))
def test_unknown_slots_hold_nothing_but_their_negative_knowledge(number):
    rec = CAT.recommendation(number)
    assert rec.addressees == ()
    assert rec.addressees_note is None  # the knowledge is data, not a sentence
    assert [(n.agency, n.certainty) for n in rec.not_addressed_to] == [
        ("chief-constables", "inferred"),
        ("police-and-crime-commissioners", "inferred"),
    ]
    chief_constables, pccs = rec.not_addressed_to
    # The NPCC progress report's count of 15 is the evidence, with the plans that list them.
    assert chief_constables.sources == ("npcc-progress", "ny", "mer", "reference-notes")
    assert pccs.sources == ("apcc-summary", "reference-notes")
    assert rec.short_title.value is None
    assert rec.deadline.value is None
    assert rec.title == f"Recommendation {number}"


def test_negative_knowledge_is_held_only_where_the_addressees_are_unknown():
    for rec in CAT.recommendations:
        if rec.number in UNKNOWN_SLOTS:
            assert rec.not_addressed_to
        else:
            assert rec.not_addressed_to == ()
            assert rec.addressees
        assert not set(rec.addressee_slugs) & {n.agency for n in rec.not_addressed_to}


def test_no_text_states_an_inference_as_fact():
    for rec in CAT.recommendations:
        assert rec.addressees_note is None
        for fact in rec.not_addressed_to:
            assert fact.certainty == "inferred"
            assert fact.note
            assert not fact.note.lower().startswith("not addressed")


def test_every_listed_source_is_cited_and_every_cited_source_listed():
    listed = {source.id for source in CAT.sources}
    cited = {source_id for _, source_id in CAT.citations()}
    assert cited == listed
    assert CAT.uncited_sources() == ()
    # The three that were listed and never cited now back a fact each.
    assert {"npcc-progress", "report-foreword", "stalking-review-tor"} <= cited


def test_the_citation_checks_can_fail():
    extra = sp.Source(id="never-cited", title="A source nobody cites")
    assert attrs.evolve(CAT, sources=(*CAT.sources, extra)).uncited_sources() == ("never-cited",)
    rec = CAT.recommendation(7)
    broken = attrs.evolve(rec, wording=attrs.evolve(rec.wording, sources=("nowhere",)))
    recs = tuple(broken if r.number == 7 else r for r in CAT.recommendations)
    problems = list(attrs.evolve(CAT, recommendations=recs).problems())
    assert [(p.pointer, p.message) for p in problems] == [
        ("/recommendations/6/wording/sources", "cites the unknown source 'nowhere'")
    ]


@pytest.mark.parametrize("number", sorted(WORDING_KNOWN))
def test_wording_starts_at_the_recommendations_own_text(number):
    rec = CAT.recommendation(number)
    first = rec.wording.value[0]
    assert re.match(r"By,? [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2}", first), first
    assert not first.lower().startswith("to ")


@pytest.mark.parametrize("number", sorted(WORDING_KNOWN))
def test_each_part_of_the_wording_is_in_the_sources_it_cites(number):
    rec = CAT.recommendation(number)
    notes = " ".join(rec.notes)
    for source_id in set(rec.wording.sources) & set(SEEDS):
        for paragraph in rec.wording.value:
            if paragraph not in SEEDS[source_id]:
                # A source that words it differently is cited only with a note saying how.
                assert source_id == "mer", paragraph
                assert "Merseyside" in notes, paragraph
    heading = rec.addressee_heading
    if heading is not None:
        assert heading.sources == ("ny",)
        assert heading.value.startswith("To ")
        assert heading.value.endswith(":")
        assert f"{heading.value} {rec.wording.value[0]}" in SEEDS["ny"]
        # The heading is evidence for the addressees, and the addressees cite that source.
        assert all("ny" in a.sources for a in rec.addressees)


def test_16_and_25_are_stored_like_the_others():
    for number, heading in (
        (16, "To Chief Constables, PCCs and their mayor equivalents:"),
        (25, "To chief constables and police and crime commissioners and their mayor equivalents:"),
    ):
        rec = CAT.recommendation(number)
        assert rec.wording.value[0].startswith("By 27 March 2025, ")
        assert rec.addressee_heading.value == heading
        assert rec.addressee_slugs == ("chief-constables", "police-and-crime-commissioners")
    # The APCC summary carries 16's number and opening, not the heading: the note says so.
    assert "opening words" in CAT.recommendation(16).wording.note
    assert CAT.recommendation(25).wording.sources == ("ny", "mer")
    assert CAT.recommendation(7).addressee_heading.value == "To Chief Constables:"


@pytest.mark.parametrize("number", range(1, 30))
def test_sub_points_are_only_the_reports_listed_points(number):
    """A list needs wording that introduces it; paragraphs that follow the wording are wording."""
    rec = CAT.recommendation(number)
    wording = rec.wording.value
    introduces_list = wording is not None and any(p.rstrip().endswith(":") for p in wording)
    if rec.sub_points.value:
        assert introduces_list
    if rec.sub_points.value == ():
        assert wording is not None
        assert not introduces_list
        assert rec.sub_points.note == "The wording introduces no list."
    if introduces_list:
        assert rec.sub_points.value != ()
    if wording is not None and not introduces_list:
        assert rec.sub_points.value == ()


def test_7s_follow_on_paragraphs_are_wording_like_10_15_17_23_and_27():
    rec = CAT.recommendation(7)
    assert len(rec.wording.value) == 3
    assert rec.wording.value[1].startswith("Processes should be put in place")
    assert rec.wording.value[2].startswith("While any necessary system changes are pending")
    assert rec.sub_points.value == ()
    for number in (10, 15, 17, 23, 27):
        assert len(CAT.recommendation(number).wording.value) == 2


def test_21_is_the_npcc_lead_with_no_wording():
    rec = CAT.recommendation(21)
    assert [(a.agency, a.certainty) for a in rec.addressees] == [("npcc", "confirmed")]
    assert rec.wording.value is None
    assert CAT.deadline(21) is None


def test_short_titles_and_themes_are_marked_editorial():
    for rec in CAT.recommendations:
        if rec.short_title.value is not None:
            assert rec.short_title.certainty == "editorial"
            assert rec.short_title.sources == ("superplan-editors",)


def test_wording_is_quoted_exactly_including_the_sources_quirks():
    assert CAT.recommendation("online-stalking").wording.value[0].startswith("By, 27 March 2025,")
    assert "victims’ code" in CAT.recommendation(14).wording.value[0]
    assert CAT.recommendation(10).sub_points.certainty == "unknown"


@pytest.mark.parametrize(
    ("slug", "stated"),
    [
        ("fifty-six-days", (2024, 11, 22)),
        ("six-months", (2025, 3, 27)),
        ("twelve-months", (2025, 9, 27)),
    ],
)
def test_milestones_computed_from_their_rule_match_the_stated_dates(slug, stated):
    milestone = CAT.milestone(slug)
    assert milestone.date_from(CAT.report.published) == pendulum.date(*stated)
    assert milestone.stated_date == pendulum.date(*stated)


def test_the_report():
    assert CAT.report.published == pendulum.date(2024, 9, 27)
    assert CAT.report.authors == ("hmicfrs", "iopc", "college-of-policing")
    assert all(CAT.agency(slug).roles for slug in CAT.report.authors)


def test_the_college_of_policing_is_an_author_not_an_addressee():
    college = CAT.agency("college-of-policing")
    assert sp.AgencyRole.ADDRESSEE not in college.roles
    assert not any("college-of-policing" in rec.addressee_slugs for rec in CAT.recommendations)


def test_43_forces_of_which_4_welsh_with_welsh_names():
    assert len(CAT.forces) == 43
    assert len({force.slug for force in CAT.forces}) == 43
    welsh = [f for f in CAT.forces if f.country == "wales"]
    assert [f.slug for f in welsh] == ["dyfed-powys", "gwent", "north-wales", "south-wales"]
    assert all(f.name_cy for f in welsh)
    assert CAT.force("north-yorkshire").name == "North Yorkshire Police"


def test_lookups_fail_with_suggestions():
    with pytest.raises(sp.UnknownRecommendation, match="there is no recommendation 30"):
        CAT.recommendation(30)
    with pytest.raises(LookupError, match="did you mean 'online-stalking'"):
        CAT.recommendation("onlin-stalking")
    with pytest.raises(sp.UnknownAgency, match="did you mean 'north-yorkshire'"):
        CAT.responder("north-yorkshir")
    with pytest.raises(sp.UnknownAgency):
        CAT.force("home-office")
    assert CAT.recommendation("13") is CAT.recommendation(13)
    assert CAT.recommendation("stalking-protection-orders").number == 13


def test_slugs_are_unique_and_stable():
    slugs = [rec.slug for rec in CAT.recommendations]
    assert len(set(slugs)) == 29
    assert CAT.recommendation(7).slug == "crime-recording"
    assert CAT.recommendation(19).slug == "online-stalking"


FILES = {
    "report.json": _files.ReportFile,
    "sources.json": _files.SourcesFile,
    "milestones.json": _files.MilestonesFile,
    "agencies.json": _files.AgenciesFile,
    "forces.json": _files.ForcesFile,
    "recommendations.json": _files.RecommendationsFile,
}


@pytest.mark.parametrize(("name", "cls"), FILES.items())
def test_data_files_are_canonical(name, cls):
    data = resources.files("superplan.catalogue").joinpath("data", name).read_text("utf-8")
    assert sp.dumps(sp.loads(data, cls)) == data
    json.loads(data)  # plain JSON, readable by anything
