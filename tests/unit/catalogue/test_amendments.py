"""Catalogue amendment files: a user who holds the full report supplies what the catalogue lacks."""

import json
import pathlib
import re
import shutil
import tempfile
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings, strategies as st

import superplan as sp
from superplan.catalogue import describe_recommendation as describe
from superplan.catalogue._amend import is_blank
from superplan.cli import main
from superplan.render import build_site, render_html

from ...conftest import DATA, EXAMPLES, ROOT

AMENDMENTS = DATA / "amendments"


def test_an_amendment_supplies_wording_with_its_source():
    path = AMENDMENTS / "full-report.json"
    base = sp.catalogue()
    assert base.recommendation(1).wording.value is None

    amended = sp.catalogue(amendments=path)
    rec = amended.recommendation(1)
    assert rec.wording.value == ("PLACEHOLDER WORDING FOR TESTS ONLY.",)
    assert rec.wording.certainty == "confirmed"
    assert rec.wording.sources == ("full-report",)
    assert rec.wording.amended_by == str(path)
    assert rec.short_title.value == "Test title for recommendation 1"
    assert [(a.agency, a.sources, a.amended_by) for a in rec.addressees] == [
        ("home-office", ("full-report",), str(path))
    ]
    assert rec.addressees_note is None
    assert rec.numbering.certainty == "confirmed"
    assert amended.deadline(1) is not None
    assert amended.deadline(1).isoformat() == "2025-03-27"
    assert [r.number for r in amended.addressed_to("home-office")] == [1, 27]
    assert amended.source("full-report").title.startswith("The police response to stalking")
    assert amended.amendments == (str(path),)

    online = amended.recommendation("online-stalking")
    assert online.sub_points.value == ("PLACEHOLDER SUB-POINT A.", "PLACEHOLDER SUB-POINT B.")
    assert online.numbering.certainty == "confirmed"
    assert online.numbering.range is None
    # Fields the file does not touch keep their values and provenance.
    assert online.wording == base.recommendation(19).wording
    assert list(amended.problems()) == []


def test_amending_leaves_the_shipped_catalogue_untouched():
    sp.catalogue(amendments=AMENDMENTS / "full-report.json")
    assert sp.catalogue().recommendation(1).wording.value is None


def test_amendment_files_apply_in_order(tmp_path):
    second = tmp_path / "second.json"
    second.write_text(
        '{"schema_version": "1.0", "recommendations": '
        '[{"recommendation": 1, "source": "full-report", "certainty": "inferred", "short_title": "Later"}]}'
    )
    amended = sp.catalogue(amendments=[AMENDMENTS / "full-report.json", second])
    assert amended.recommendation(1).short_title.value == "Later"
    assert amended.recommendation(1).short_title.certainty == "inferred"
    assert amended.recommendation(1).wording.sources == ("full-report",)


@pytest.mark.parametrize("name", ["bad-references", "bad-shape", "bad-json"])
def test_malformed_amendment_files_give_the_exact_lines(name, tmp_path, monkeypatch):
    # Copy so that the file name in each line is the bare name the expected file holds.
    shutil.copy(AMENDMENTS / f"{name}.json", tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(sp.LoadError) as caught:
        sp.catalogue(amendments=f"{name}.json")
    expected = (AMENDMENTS / f"{name}.expected").read_text(encoding="utf-8")
    assert str(caught.value) + "\n" == expected


# -- blank and invisible values, renumbering mistakes -------------------------------------------


@pytest.mark.parametrize("name", ["blank-values", "bad-renumbering"])
def test_blank_values_and_bad_renumbering_are_refused_with_the_exact_lines(
    name, tmp_path, monkeypatch
):
    shutil.copy(AMENDMENTS / f"{name}.json", tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(sp.LoadError) as caught:
        sp.catalogue(amendments=f"{name}.json")
    expected = (AMENDMENTS / f"{name}.expected").read_text(encoding="utf-8")
    assert str(caught.value) + "\n" == expected
    assert all(p.line and p.column for p in caught.value.problems)


@pytest.mark.parametrize(
    "value",
    [" ", "\u200b", "\u200b\u200c\u200d", "\ufeff", "\u00a0\t", "\u2066\u2069", "\u3164", ""],
)
@pytest.mark.parametrize("field", ["short_title", "note", "wording", "sub_points"])
def test_every_blank_or_invisible_value_is_refused_at_load(field, value, tmp_path):
    entry = {"recommendation": "online-stalking", "source": "ny", "short_title": "A title."}
    entry[field] = [value] if field in ("wording", "sub_points") else value
    path = write(tmp_path, {"recommendations": [entry]})
    with pytest.raises(sp.LoadError) as caught:
        sp.catalogue(amendments=path)
    (problem,) = caught.value.problems
    where = f"/recommendations/0/{field}" + ("/0" if field in ("wording", "sub_points") else "")
    assert problem.pointer == where
    assert "shows nothing" in problem.message or "must not be empty" in problem.message


@pytest.mark.parametrize("field", ["addressees", "wording", "sub_points"])
def test_empty_lists_are_refused_at_load(field, tmp_path):
    path = write(
        tmp_path,
        {"recommendations": [{"recommendation": "online-stalking", "source": "ny", field: []}]},
    )
    with pytest.raises(sp.LoadError, match=f"/recommendations/0/{field}: {field} needs at least"):
        sp.catalogue(amendments=path)


def test_visible_text_with_invisible_characters_is_kept_exactly(tmp_path):
    title = "Joint\u00a0review\u200b of commissioning"
    path = write(
        tmp_path,
        {"recommendations": [{"recommendation": 16, "source": "ny", "short_title": title}]},
    )
    assert sp.catalogue(amendments=path).recommendation(16).short_title.value == title


def test_an_unknown_format_version_is_refused(tmp_path):
    path = write(tmp_path, {"schema_version": "7.0", "recommendations": []})
    with pytest.raises(sp.LoadError, match="/schema_version: this release reads catalogue"):
        sp.catalogue(amendments=path)


def test_a_1_0_amendment_file_is_valid_under_the_1_1_schema():
    document = json.loads((AMENDMENTS / "full-report.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == "1.0"
    assert sp.schema("catalogue-amendments")["$id"].endswith(":1.1")
    jsonschema.validate(document, sp.schema("catalogue-amendments"))
    assert sp.catalogue(amendments=AMENDMENTS / "full-report.json").recommendation(1).wording.known


def test_sub_points_need_wording_that_introduces_a_list(tmp_path):
    entry = {"recommendation": 7, "source": "ny", "sub_points": ["Processes should be put …"]}
    path = write(tmp_path, {"recommendations": [entry]})
    with pytest.raises(sp.LoadError, match="introduces no list"):
        sp.catalogue(amendments=path)
    # With wording that introduces a list, the same points are the report's listed points.
    entry["wording"] = ["Chief constables should make sure:"]
    assert sp.catalogue(amendments=write(tmp_path, {"recommendations": [entry]})).recommendation(
        7
    ).sub_points.value == ("Processes should be put …",)


def test_named_addressees_replace_negative_knowledge_about_them(tmp_path):
    entry = {"recommendation": 1, "source": "ny", "addressees": ["chief-constables"]}
    rec = sp.catalogue(amendments=write(tmp_path, {"recommendations": [entry]})).recommendation(1)
    assert rec.addressee_slugs == ("chief-constables",)
    assert [n.agency for n in rec.not_addressed_to] == ["police-and-crime-commissioners"]


# -- renumbering --------------------------------------------------------------------------------

EXAMPLE = ROOT / "docs" / "examples" / "swap-19-and-20.json"
SWAPPED = sp.catalogue(amendments=EXAMPLE)
SHIPPED = sp.catalogue()


def write(folder: pathlib.Path, document: dict[str, Any], name: str = "amend.json") -> pathlib.Path:
    path = folder / name
    path.write_text(json.dumps({"schema_version": "1.1", **document}), encoding="utf-8")
    return path


def numbers_once_each(cat: sp.Catalogue) -> bool:
    return sorted(r.number for r in cat.recommendations) == list(range(1, 30))


def test_the_documented_example_swaps_two_inferred_numbers():
    for slug in ("online-stalking", "recommendation-20"):
        assert SHIPPED.recommendation(slug).numbering.certainty == "inferred"
    online, other = SWAPPED.recommendation(20), SWAPPED.recommendation(19)
    assert (online.slug, other.slug) == ("online-stalking", "recommendation-20")
    for rec, was in ((online, 19), (other, 20)):
        assert rec.numbering.shipped_number == was
        assert rec.numbering.amended_by == str(EXAMPLE)
        assert rec.numbering.certainty == "confirmed"
        assert rec.numbering.sources == ("my-copy-of-the-report",)
    # Everything else about them moved with them, unchanged.
    assert online.wording == SHIPPED.recommendation(19).wording
    assert other.not_addressed_to == SHIPPED.recommendation(20).not_addressed_to
    assert numbers_once_each(SWAPPED)
    assert list(SWAPPED.problems()) == []
    shipped_order = [r.slug for r in SHIPPED.recommendations]
    shipped_order[18:20] = ["recommendation-20", "online-stalking"]
    assert [r.slug for r in SWAPPED.recommendations] == shipped_order
    assert {n: r.slug for n, r in SWAPPED.moved_numbers().items()} == {
        19: "online-stalking",
        20: "recommendation-20",
    }
    assert SHIPPED.moved_numbers() == {}
    assert [r.number for r in SWAPPED.addressed_to("north-yorkshire")][8:10] == [18, 20]


def test_show_follows_the_amended_numbers(capsys):
    assert main(["--amendments", str(EXAMPLE), "show", "20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Recommendation 20: Recognise and respond to online elements of stalking")
    assert "Slug: online-stalking\n" in out
    assert f"Number: confirmed; moved from 19 by {EXAMPLE} (the slug stays the same)" in out
    assert main(["--amendments", str(EXAMPLE), "show", "19"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Recommendation 19: Recommendation 19\nSlug: recommendation-20\n")
    assert "Not addressed to:\n  - Chief constables (inferred, not confirmed;" in out
    assert main(["--amendments", str(EXAMPLE), "catalogue"]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()[19:21]]
    assert rows == [["19", "recommendation-20"], ["20", "online-stalking"]]


def test_validation_follows_the_amended_numbers():
    report = sp.validate(EXAMPLES[1], catalogue=SWAPPED)  # north yorkshire answers 19 by number
    assert [(f.code, f.pointer) for f in report.findings] == [
        ("SP205", "/responses"),
        ("SP230", "/responses/9/recommendation"),
        ("SP231", "/responses/9/recommendation"),
    ]
    assert "no response to recommendation 20 (Recognise and respond" in report.findings[0].message
    assert "(certainty: inferred, not confirmed;" in report.findings[1].message
    assert report.findings[2].message == (
        f"the number 19 belonged to 'online-stalking' in the shipped catalogue; {EXAMPLE} "
        "moved it to 20, and 19 is now 'recommendation-20'"
    )
    assert report.valid  # warnings only: the plan may predate the correction
    # Named by its slug, the response follows the recommendation to its new number.
    plan = sp.load_plan(EXAMPLES[1])
    by_slug = attrs.evolve(
        plan,
        responses=tuple(
            attrs.evolve(r, recommendation="online-stalking") if r.recommendation == 19 else r
            for r in plan.responses
        ),
    )
    assert sp.validate(by_slug, catalogue=SWAPPED).codes == ()
    assert sp.validate(EXAMPLES[1]).codes == ()  # the shipped catalogue moves nothing


def test_the_cli_validates_against_the_amended_catalogue(capsys):
    code = main(["--amendments", str(EXAMPLE), "validate", "--strict", str(EXAMPLES[1])])
    out = capsys.readouterr().out
    assert code == 1
    assert "warning SP231 /responses/9/recommendation: the number 19 belonged to" in out


def test_pages_follow_the_amended_numbers(tmp_path):
    html = render_html(sp.load_plan(EXAMPLES[1]), catalogue=SWAPPED)
    assert "Recommendation 20: Recognise and respond to online elements of stalking" in html
    addressed = [int(n) for n in re.findall(r'<h2 id="recommendation-(\d+)"', html)]
    assert addressed == [r.number for r in SWAPPED.addressed_to("north-yorkshire")]
    assert 20 in addressed
    assert 19 not in addressed
    # The plan's answer to "19" is shown as an answer to a recommendation not listed for it.
    others = html[html.index("Responses to other recommendations") :]
    assert "Recommendation 19: Recommendation 19" in others
    assert "The catalogue does not list this recommendation as addressed to" in others
    build_site(tmp_path, catalogue=SWAPPED)
    page = (tmp_path / "recommendation-20.html").read_text(encoding="utf-8")
    assert "Recognise and respond to online elements of stalking" in page
    page = (tmp_path / "recommendation-19.html").read_text(encoding="utf-8")
    assert "Not addressed to Chief constables" in page


def test_a_rotation_moves_related_references_too(tmp_path):
    rotation = {"case-allocation": 18, "investigation-quality": 19, "online-stalking": 17}
    path = write(
        tmp_path,
        {
            "sources": [{"id": "mine", "title": "My copy"}],
            "recommendations": [
                {"recommendation": slug, "source": "mine", "number": n, "certainty": "inferred"}
                for slug, n in rotation.items()
            ],
        },
    )
    cat = sp.catalogue(amendments=path)
    assert {slug: cat.recommendation(slug).number for slug in rotation} == rotation
    assert numbers_once_each(cat)
    assert list(cat.problems()) == []
    # 10 relates to investigation quality, which is now 19.
    assert cat.recommendation("training-and-policy").related == (19,)
    assert cat.recommendation("investigation-quality").related == (10,)
    # Inferred numbers keep their range where the new number lies in it.
    assert cat.recommendation("case-allocation").numbering.range == (17, 18)
    assert cat.recommendation("online-stalking").numbering.range is None


def test_numbers_moved_twice_remember_the_shipped_number_and_moving_back_clears_it(tmp_path):
    back = write(
        tmp_path,
        {
            "sources": [{"id": "second-copy", "title": "A second copy"}],
            "recommendations": [
                {"recommendation": "online-stalking", "source": "second-copy", "number": 19},
                {"recommendation": "recommendation-20", "source": "second-copy", "number": 20},
            ],
        },
    )
    cat = sp.catalogue(amendments=[EXAMPLE, back])
    rec = cat.recommendation("online-stalking")
    assert (rec.number, rec.numbering.shipped_number, rec.numbering.amended_by) == (
        19,
        None,
        str(back),
    )
    assert cat.moved_numbers() == {}
    assert sp.validate(EXAMPLES[1], catalogue=cat).codes == ()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_permutation_keeps_1_to_29_once_each_and_slugs_stable(data):
    slugs = [r.slug for r in SHIPPED.recommendations]
    chosen = data.draw(st.lists(st.sampled_from(slugs), min_size=2, max_size=8, unique=True))
    targets = data.draw(st.permutations([SHIPPED.recommendation(s).number for s in chosen]))
    document = {
        "sources": [{"id": "mine", "title": "My copy"}],
        "recommendations": [
            {"recommendation": slug, "source": "mine", "number": n}
            for slug, n in zip(chosen, targets, strict=True)
        ],
    }
    with tempfile.TemporaryDirectory() as folder:
        cat = sp.catalogue(amendments=write(pathlib.Path(folder), document))
    assert numbers_once_each(cat)
    assert list(cat.problems()) == []
    assert {r.slug for r in cat.recommendations} == set(slugs)
    for slug, n in zip(chosen, targets, strict=True):
        rec = cat.recommendation(slug)
        assert rec.number == n
        assert rec.numbering.amended_by is not None
        shipped = SHIPPED.recommendation(slug).number
        assert rec.numbering.shipped_number == (shipped if shipped != n else None)
    for rec in cat.recommendations:  # related references name the same recommendations
        before = SHIPPED.recommendation(rec.slug)
        assert [cat.recommendation(n).slug for n in rec.related] == [
            SHIPPED.recommendation(n).slug for n in before.related
        ]


# -- the docs' examples -------------------------------------------------------------------------


def json_examples() -> list[tuple[str, Any]]:
    """Every JSON example in the docs and README (rules.md's deliberately wrong ones aside)."""
    found: list[tuple[str, Any]] = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        if page.name == "rules.md":
            continue
        for block in re.findall(r"```json\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            try:
                found.append((page.name, json.loads(block)))
            except json.JSONDecodeError:
                continue  # an excerpt with "..." in place of JSON
    for path in sorted((ROOT / "docs" / "examples").glob("*.json")):
        found.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    return found


def test_the_docs_examples_give_no_recommendation_an_addressee_the_catalogue_does_not_hold():
    examples = json_examples()
    assert any(name == "catalogue.md" for name, _ in examples)
    checked = 0
    for name, document in examples:
        if not isinstance(document, dict):
            continue
        for entry in document.get("recommendations", ()):
            for slug in entry.get("addressees", ()):
                rec = SHIPPED.recommendation(entry["recommendation"])
                assert slug in rec.addressee_slugs, (name, rec.number, slug)
                checked += 1
        responder = document.get("responder")
        for response in document.get("responses", ()):
            rec = SHIPPED.find(response.get("recommendation"))
            if isinstance(responder, str) and rec is not None:
                assert rec in SHIPPED.addressed_to(responder), (name, responder, rec.number)
                checked += 1
    assert checked


def test_the_docs_show_the_shipped_example_as_it_is():
    examples = [document for name, document in json_examples() if name == "catalogue.md"]
    assert json.loads(EXAMPLE.read_text(encoding="utf-8")) in examples


# -- whatever an amendment file holds: a clear refusal at load, or a catalogue that works --------

_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from([" ", "\u200b", "\u3164", "By 27 March 2025:", "ny", "six-months", "x:"]),
)
_VALUE = st.one_of(
    _TEXT,
    st.lists(_TEXT, max_size=3),
    st.integers(min_value=-2, max_value=31),
    st.booleans(),
    st.sampled_from([["chief-constables"], ["home-office", "cps"], []]),
)
_ENTRY = st.fixed_dictionaries(
    {
        "recommendation": st.one_of(
            st.integers(min_value=0, max_value=30),
            st.sampled_from(["online-stalking", "recommendation-20", "crime-recording", "nope"]),
        ),
        "source": st.sampled_from(["ny", "mine", "nowhere"]),
    },
    optional=dict.fromkeys(
        (
            "number",
            "numbering",
            "certainty",
            "note",
            "short_title",
            "addressees",
            "deadline",
            "wording",
            "sub_points",
        ),
        _VALUE,
    ),
)


_SLUGS = [r.slug for r in SHIPPED.recommendations]
_WELL_TYPED_ENTRY = st.fixed_dictionaries(
    {"recommendation": st.sampled_from(_SLUGS), "source": st.sampled_from(["ny", "mine"])},
    optional={
        "certainty": st.sampled_from(["confirmed", "inferred"]),
        "note": _TEXT,
        "short_title": _TEXT,
        "addressees": st.lists(st.sampled_from(["chief-constables", "npcc", "cps"]), max_size=2),
        "deadline": st.sampled_from(["six-months", "twelve-months"]),
        "wording": st.lists(_TEXT, max_size=2),
        "sub_points": st.lists(_TEXT, max_size=2),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    entries=st.one_of(
        st.lists(_ENTRY, max_size=4),
        st.lists(_WELL_TYPED_ENTRY, max_size=4, unique_by=lambda e: e["recommendation"]),
    ),
    swap=st.one_of(
        st.none(), st.lists(st.sampled_from(_SLUGS), min_size=2, max_size=3, unique=True)
    ),
)
def test_any_amendment_file_is_refused_clearly_or_gives_a_working_catalogue(entries, swap):
    if swap:  # a rotation of these recommendations' numbers
        numbers = [SHIPPED.recommendation(slug).number for slug in swap]
        moves = zip(swap, numbers[1:] + numbers[:1], strict=True)
        entries = [
            *entries,
            *({"recommendation": s, "source": "mine", "number": n} for s, n in moves),
        ]
    document = {"sources": [{"id": "mine", "title": "My copy"}], "recommendations": entries}
    with tempfile.TemporaryDirectory() as folder:
        path = write(pathlib.Path(folder), document)
        try:
            cat = sp.catalogue(amendments=path)
        except sp.LoadError as error:
            refusal = error
        else:
            refusal = None
    if refusal is not None:
        event("refused")
        assert refusal.problems
        assert all(p.pointer.startswith("/") for p in refusal.problems)
        assert str(refusal).startswith(str(path))
        return
    event("loaded")
    assert list(cat.problems()) == []
    for rec in cat.recommendations:
        for text in (*(rec.wording.value or ()), rec.short_title.value or "x"):
            assert not is_blank(text)
        assert describe(rec, cat)
    sp.validate(EXAMPLES[1], catalogue=cat)
    render_html(sp.load_plan(EXAMPLES[1]), catalogue=cat)
