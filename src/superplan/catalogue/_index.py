"""What validation looks up in the catalogue, as plain data: responders, recommendations, milestone
dates, the report's date. Checking a valid plan against the shipped catalogue reads it from
``index.json`` (shipped with the package, generated from the shipped catalogue: a test holds the
two together) rather than building the catalogue's attrs classes; a rule that finds something and
needs more of the catalogue asks for the whole of it (:meth:`CatalogueIndex.full`).
"""

import datetime as dt
import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from .._kept import KeptFor
from ._find import find_recommendation

if TYPE_CHECKING:
    from ._catalogue import Catalogue

__all__ = [
    "CatalogueIndex",
    "IndexedRecommendation",
    "IndexedResponder",
    "shipped_index",
]

#: The shipped catalogue's index, generated from it (see tests/unit/catalogue/test_index.py).
INDEX_FILE = Path(__file__).with_name("index.json")


class IndexedResponder:
    """A responder as validation reads it: its slug, its name and the addressees it answers as."""

    __slots__ = ("answers_as", "name", "slug")

    def __init__(self, slug: str, name: str, answers_as: tuple[str, ...]) -> None:
        self.slug = slug
        self.name = name
        self.answers_as = answers_as


class IndexedRecommendation:
    """A recommendation as validation reads it."""

    __slots__ = ("addressee_slugs", "deadline", "has_not_addressed_to", "number", "slug", "title")

    def __init__(
        self,
        *,
        number: int,
        slug: str,
        title: str,
        deadline: str | None,
        addressee_slugs: tuple[str, ...],
        has_not_addressed_to: bool,
    ) -> None:
        self.number = number
        self.slug = slug
        self.title = title
        self.deadline = deadline
        """The slug of the milestone it is due by, if known."""
        self.addressee_slugs = addressee_slugs
        self.has_not_addressed_to = has_not_addressed_to
        """Whether the catalogue records agencies it is known not to be addressed to."""

    @property
    def has_addressees(self) -> bool:
        return bool(self.addressee_slugs)


class CatalogueIndex:
    """The lookups validation makes in one catalogue, with no model class built."""

    __slots__ = (
        "__weakref__",
        "_addressed",
        "_by_number",
        "_by_slug",
        "_catalogue",
        "milestone_dates",
        "milestones",
        "moved",
        "recommendations",
        "report_published",
        "responders",
    )

    def __init__(
        self,
        *,
        report_published: dt.date,
        milestone_dates: dict[str, dt.date],
        responders: dict[str, IndexedResponder],
        recommendations: tuple[IndexedRecommendation, ...],
        moved: tuple[int, ...],
        catalogue: "Catalogue | None" = None,
    ) -> None:
        self.report_published = report_published
        self.milestone_dates = milestone_dates
        """Each milestone's date, by slug, in the catalogue's order."""
        self.milestones = tuple(milestone_dates)
        self.responders = responders
        """Each responder by slug, in the catalogue's order."""
        self.recommendations = recommendations
        self.moved = moved
        """The numbers an amendment moved (see ``Catalogue.moved_numbers``), in order."""
        self._by_number = {rec.number: rec for rec in recommendations}
        self._by_slug = {rec.slug: rec for rec in recommendations}
        self._addressed: dict[str, frozenset[int]] = {}
        # Weakly: the index is kept for as long as its catalogue lives, not the other way round.
        self._catalogue: Callable[[], Catalogue | None] | None = (
            None if catalogue is None else weakref.ref(catalogue)
        )

    @classmethod
    def of(cls, cat: "Catalogue") -> "CatalogueIndex":
        """The index of ``cat``, made once for as long as it lives."""
        return _INDEXES.get(cat) or _INDEXES.keep(cat, cls._made_from(cat))

    @classmethod
    def _made_from(cls, cat: "Catalogue") -> "CatalogueIndex":
        return cls(
            report_published=_day(cat.report.published),
            milestone_dates={
                m.slug: _day(date)
                for m in cat.milestones
                if (date := cat.milestone_date(m.slug)) is not None
            },
            responders={
                r.slug: IndexedResponder(r.slug, r.name, tuple(r.answers_as))
                for r in cat.responders
            },
            recommendations=tuple(
                IndexedRecommendation(
                    number=rec.number,
                    slug=rec.slug,
                    title=rec.title,
                    deadline=rec.deadline.value,
                    addressee_slugs=rec.addressee_slugs,
                    has_not_addressed_to=bool(rec.not_addressed_to),
                )
                for rec in cat.recommendations
            ),
            moved=tuple(sorted(cat.moved_numbers())),
            catalogue=cat,
        )

    def full(self) -> "Catalogue":
        """The catalogue itself: the one this index was made of, or the shipped one (built now,
        if it was not before)."""
        if self._catalogue is None:
            from ._load import shipped_catalogue

            # Held from now on, as the shipped catalogue lives as long as the process anyway
            # (and an import in a function costs a lookup of the module each call).
            shipped = shipped_catalogue()
            self._catalogue = lambda: shipped
            return shipped
        cat = self._catalogue()
        if cat is None:  # pragma: no cover - an index is used only while its catalogue lives
            raise RuntimeError("the catalogue of this index is gone")
        return cat

    def find(self, ref: object) -> IndexedRecommendation | None:
        """As ``Catalogue.find``: by number, by slug, or by a number written as text."""
        return find_recommendation(ref, self._by_number, self._by_slug)

    def responder(self, slug: str) -> IndexedResponder | None:
        return self.responders.get(slug)

    def addressed_to(self, slug: str) -> frozenset[int]:
        """The numbers of the recommendations a known responder must answer (as
        ``Catalogue.addressed_to``, inferred addressees included)."""
        found = self._addressed.get(slug)
        if found is None:
            answers_as = set(self.responders[slug].answers_as)
            found = frozenset(
                rec.number
                for rec in self.recommendations
                if any(agency in answers_as for agency in rec.addressee_slugs)
            )
            self._addressed[slug] = found
        return found

    def milestone_date(self, slug: str | None) -> dt.date | None:
        return self.milestone_dates.get(slug) if slug is not None else None

    def to_data(self) -> dict[str, Any]:
        """The index as JSON data (what ``index.json`` holds)."""
        return {
            "report_published": self.report_published.isoformat(),
            "milestones": {slug: date.isoformat() for slug, date in self.milestone_dates.items()},
            "responders": [
                {"slug": r.slug, "name": r.name, "answers_as": list(r.answers_as)}
                for r in self.responders.values()
            ],
            "recommendations": [
                {
                    "number": rec.number,
                    "slug": rec.slug,
                    "title": rec.title,
                    "deadline": rec.deadline,
                    "addressees": list(rec.addressee_slugs),
                    "not_addressed_to": rec.has_not_addressed_to,
                }
                for rec in self.recommendations
            ],
            "moved": list(self.moved),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "CatalogueIndex":
        """The index ``to_data`` wrote (of the shipped catalogue: its ``full`` is the shipped
        one)."""
        return cls(
            report_published=dt.date.fromisoformat(data["report_published"]),
            milestone_dates={
                slug: dt.date.fromisoformat(text) for slug, text in data["milestones"].items()
            },
            responders={
                r["slug"]: IndexedResponder(r["slug"], r["name"], tuple(r["answers_as"]))
                for r in data["responders"]
            },
            recommendations=tuple(
                IndexedRecommendation(
                    number=rec["number"],
                    slug=rec["slug"],
                    title=rec["title"],
                    deadline=rec["deadline"],
                    addressee_slugs=tuple(rec["addressees"]),
                    has_not_addressed_to=rec["not_addressed_to"],
                )
                for rec in data["recommendations"]
            ),
            moved=tuple(data["moved"]),
        )


_INDEXES: "KeptFor[Catalogue, CatalogueIndex]" = KeptFor()
"""The index of each catalogue alive, by identity."""


def _day(date: dt.date) -> dt.date:
    return dt.date(date.year, date.month, date.day)  # a pendulum Date, as the standard one


@cache
def shipped_index() -> CatalogueIndex:
    """The shipped catalogue's index, read from ``index.json``."""
    return CatalogueIndex.from_data(orjson.loads(INDEX_FILE.read_bytes()))


def index_text(index: CatalogueIndex) -> str:
    """``index.json``'s text for ``index``: two-space indents, a final newline."""
    return orjson.dumps(index.to_data(), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
