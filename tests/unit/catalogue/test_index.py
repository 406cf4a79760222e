"""The catalogue's index (what validation looks up, as plain data) agrees with the catalogue, and
the shipped ``index.json`` is the shipped catalogue's index.

When the shipped catalogue's data changes, write the index again with:

    PYTHONPATH=src python -c "import superplan as sp; from superplan.catalogue._index import \
CatalogueIndex, INDEX_FILE, index_text; \
INDEX_FILE.write_text(index_text(CatalogueIndex.of(sp.catalogue())), encoding='utf-8')"
"""

import datetime as dt

import pytest

import superplan as sp
from superplan.catalogue import CatalogueIndex, shipped_index
from superplan.catalogue._index import INDEX_FILE, index_text

from ...conftest import ROOT

SHIPPED = sp.catalogue()
SWAPPED = sp.catalogue(amendments=ROOT / "docs" / "examples" / "swap-19-and-20.json")

REGENERATE = "stale: write it again as this test module's docstring says"


def test_the_shipped_index_file_is_the_shipped_catalogues_index():
    assert INDEX_FILE.read_text(encoding="utf-8") == index_text(CatalogueIndex.of(SHIPPED)), (
        f"{INDEX_FILE} is {REGENERATE}"
    )
    assert shipped_index().to_data() == CatalogueIndex.of(SHIPPED).to_data()


def test_an_index_is_made_once_per_catalogue():
    assert CatalogueIndex.of(SHIPPED) is CatalogueIndex.of(SHIPPED)
    assert CatalogueIndex.of(SWAPPED) is not CatalogueIndex.of(SHIPPED)
    assert CatalogueIndex.of(SWAPPED).full() is SWAPPED
    assert shipped_index().full() is SHIPPED


@pytest.mark.parametrize("cat", [SHIPPED, SWAPPED], ids=["shipped", "amended"])
def test_the_index_looks_up_what_the_catalogue_does(cat):
    index = CatalogueIndex.of(cat)
    assert index.report_published == dt.date.fromisoformat(cat.report.published.isoformat())
    assert index.milestones == tuple(m.slug for m in cat.milestones)
    for slug in index.milestones:
        assert index.milestone_date(slug) == cat.milestone_date(slug)
    assert index.milestone_date("no-such-milestone") is None
    assert index.milestone_date(None) is None
    assert list(index.responders) == [r.slug for r in cat.responders]
    for responder in cat.responders:
        found = index.responder(responder.slug)
        assert found is not None
        assert (found.slug, found.name, found.answers_as) == (
            responder.slug,
            responder.name,
            responder.answers_as,
        )
        assert index.addressed_to(responder.slug) == {
            rec.number for rec in cat.addressed_to(responder.slug)
        }
    assert index.responder("kentt") is None
    refs: list[object] = [0, 1, 19, 20, 29, 30, "1", "19", " 20", "020", "online-stalking"]
    refs += [rec.slug for rec in cat.recommendations] + [True, 1.0, None, "nothing", ""]
    for ref in refs:
        found, rec = index.find(ref), cat.find(ref)
        assert (found and found.number, found and found.slug) == (
            rec and rec.number,
            rec and rec.slug,
        )
    for entry, rec in zip(index.recommendations, cat.recommendations, strict=True):
        assert (entry.number, entry.slug, entry.title, entry.deadline) == (
            rec.number,
            rec.slug,
            rec.title,
            rec.deadline.value,
        )
        assert entry.addressee_slugs == rec.addressee_slugs
        assert entry.has_addressees is bool(rec.addressees)
        assert entry.has_not_addressed_to is bool(rec.not_addressed_to)
    assert index.moved == tuple(sorted(cat.moved_numbers()))


def test_the_amended_index_knows_the_moved_numbers():
    assert CatalogueIndex.of(SWAPPED).moved == (19, 20)
    assert shipped_index().moved == ()
