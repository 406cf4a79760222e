"""The shipped catalogue agrees with shared/reference/recommendations.md, field by field."""

import json
from importlib import resources

import pendulum
import pytest

import superplan as sp
from superplan.catalogue import _files

CAT = sp.catalogue()

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
def test_unknown_slots_hold_nothing_but_say_so(number):
    rec = CAT.recommendation(number)
    assert rec.addressees == ()
    assert "Not addressed to chief constables" in (rec.addressees_note or "")
    assert rec.short_title.value is None
    assert rec.deadline.value is None
    assert rec.title == f"Recommendation {number}"


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
    assert CAT.recommendation(7).sub_points.value[0].startswith("Processes should be put in place")
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
