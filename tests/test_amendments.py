"""Catalogue amendment files: a user who holds the full report supplies what the catalogue lacks."""

import shutil

import pytest

import superplan as sp

from .conftest import DATA

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
