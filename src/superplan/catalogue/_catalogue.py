"""The catalogue: the report, its recommendations, milestones, agencies and forces, with accessors."""

from collections.abc import Iterable, Iterator

import pendulum
from attrs import field, frozen

from .._json import json_pointer
from ..errors import Problem, UnknownAgency, UnknownRecommendation
from ..model import (
    RECOMMENDATION_COUNT,
    Agency,
    Force,
    Milestone,
    Recommendation,
    RecommendationRef,
    Report,
    Responder,
    ResponderKind,
    Source,
)
from ._find import find_recommendation

__all__ = ["Catalogue"]

#: A local policing body's responder slug is its force's slug with this suffix.
PCC_SUFFIX = "-pcc"
FORCE_GROUP = "chief-constables"
PCC_GROUP = "police-and-crime-commissioners"


@frozen(kw_only=True)
class Catalogue:
    """Everything superplan knows about the report, as shipped or as amended.

    Build it with :func:`superplan.catalogue`; look things up with the methods below.
    """

    report: Report
    recommendations: tuple[Recommendation, ...]
    milestones: tuple[Milestone, ...]
    agencies: tuple[Agency, ...]
    forces: tuple[Force, ...]
    sources: tuple[Source, ...]
    amendments: tuple[str, ...] = ()
    """The amendment files applied, in order."""

    _by_number: dict[int, Recommendation] = field(init=False, eq=False, repr=False)
    _by_slug: dict[str, Recommendation] = field(init=False, eq=False, repr=False)
    _responders: dict[str, Responder] = field(init=False, eq=False, repr=False)
    _milestone_dates: dict[str, pendulum.Date] = field(init=False, eq=False, repr=False)
    # Validation asks for the same responders' recommendations plan after plan.
    _addressed: dict[tuple[str, bool], tuple[Recommendation, ...]] = field(
        init=False, eq=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_number", {r.number: r for r in self.recommendations})
        object.__setattr__(self, "_by_slug", {r.slug: r for r in self.recommendations})
        object.__setattr__(self, "_responders", _responders(self.agencies, self.forces))
        dates = {m.slug: m.date_from(self.report.published) for m in self.milestones}
        object.__setattr__(self, "_milestone_dates", dates)

    # -- recommendations -----------------------------------------------------------------------

    def find(self, ref: object) -> Recommendation | None:
        """The recommendation a reference names (number, slug, or a number written as text),
        or None, also for a reference of the wrong type."""
        return find_recommendation(ref, self._by_number, self._by_slug)

    def recommendation(self, ref: RecommendationRef) -> Recommendation:
        """A recommendation by number (1..29) or stable slug.

        Raises :class:`~superplan.UnknownRecommendation` (a ``LookupError``) if there is none.
        """
        found = self.find(ref)
        if found is None:
            suggestions = (
                _close_matches(ref, list(self._by_slug), n=2) if isinstance(ref, str) else ()
            )
            raise UnknownRecommendation(ref, suggestions)
        return found

    def has_recommendation(self, ref: RecommendationRef) -> bool:
        """True if ``ref`` names a recommendation."""
        return self.find(ref) is not None

    def addressed_to(
        self, slug: str, *, include_inferred: bool = True
    ) -> tuple[Recommendation, ...]:
        """The recommendations a responder or addressee must answer, in number order.

        ``slug`` may be a force (``north-yorkshire``: it answers as the chief constables), a local
        policing body (``north-yorkshire-pcc``), a national agency (``home-office``) or an addressee
        group (``chief-constables``). With ``include_inferred=False``, only addressees that a source
        confirms count.
        """
        found = self._addressed.get((slug, include_inferred))
        if found is None:
            answers_as = set(self.responder(slug).answers_as)
            found = tuple(
                rec
                for rec in self.recommendations
                if any(
                    a.agency in answers_as and (include_inferred or a.certainty == "confirmed")
                    for a in rec.addressees
                )
            )
            self._addressed[(slug, include_inferred)] = found
        return found

    def deadline(self, ref: RecommendationRef) -> pendulum.Date | None:
        """The date a recommendation is due, computed from its milestone's rule, if known."""
        return self.milestone_date(self.recommendation(ref).deadline.value)

    def milestone_date(self, slug: str | None) -> pendulum.Date | None:
        """A milestone's date (computed once from its rule), or None for no or an unknown slug."""
        return self._milestone_dates.get(slug) if slug is not None else None

    # -- agencies, forces, responders, milestones, sources ---------------------------------------

    def agency(self, slug: str) -> Agency:
        """An agency (addressee, author or recipient) by slug."""
        for agency in self.agencies:
            if agency.slug == slug:
                return agency
        raise UnknownAgency(slug, self._suggest(slug, (a.slug for a in self.agencies)))

    def force(self, slug: str) -> Force:
        """One of the 43 territorial forces by slug."""
        for force in self.forces:
            if force.slug == slug:
                return force
        raise UnknownAgency(slug, self._suggest(slug, (f.slug for f in self.forces)))

    def responder(self, slug: str) -> Responder:
        """Whoever may publish a plan, or be addressed: force, local policing body, agency, group."""
        try:
            return self._responders[slug]
        except KeyError:
            raise UnknownAgency(slug, self._suggest(slug, self._responders)) from None

    @property
    def responders(self) -> tuple[Responder, ...]:
        """Every responder slug the catalogue knows, in a stable order."""
        return tuple(self._responders.values())

    def milestone(self, slug: str) -> Milestone:
        """A milestone by slug (``fifty-six-days``, ``six-months``, ``twelve-months``)."""
        for milestone in self.milestones:
            if milestone.slug == slug:
                return milestone
        raise LookupError(f"there is no milestone {slug!r}")

    def source(self, source_id: str) -> Source:
        """A cited source by id."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise LookupError(f"there is no source {source_id!r}")

    @staticmethod
    def _suggest(slug: str, candidates: Iterable[str]) -> list[str]:
        return _close_matches(slug, list(candidates), n=2, cutoff=0.6)

    # -- integrity ------------------------------------------------------------------------------

    def problems(self) -> Iterator[Problem]:
        """Every broken reference inside the catalogue (none in the shipped data; a test checks)."""
        agencies = {a.slug for a in self.agencies}
        milestones = {m.slug for m in self.milestones}
        sources = {s.id for s in self.sources}
        numbers = [r.number for r in self.recommendations]
        if sorted(numbers) != list(range(1, RECOMMENDATION_COUNT + 1)):
            yield Problem(
                pointer="/recommendations",
                message=f"expected recommendations numbered 1 to {RECOMMENDATION_COUNT} once each",
            )
        if len(self._by_slug) != len(self.recommendations):
            yield Problem(pointer="/recommendations", message="two recommendations share a slug")
        for i, rec in enumerate(self.recommendations):
            base = ("recommendations", i)
            for j, addressee in enumerate(rec.addressees):
                if addressee.agency not in agencies:
                    yield Problem(
                        pointer=json_pointer((*base, "addressees", j, "agency")),
                        message=f"unknown agency {addressee.agency!r}",
                    )
            if rec.deadline.value is not None and rec.deadline.value not in milestones:
                yield Problem(
                    pointer=json_pointer((*base, "deadline", "value")),
                    message=f"unknown milestone {rec.deadline.value!r}",
                )
            for k, number in enumerate(rec.related):
                if number not in self._by_number or number == rec.number:
                    yield Problem(
                        pointer=json_pointer((*base, "related", k)),
                        message=f"{number} is not another recommendation",
                    )
            for j, non_addressee in enumerate(rec.not_addressed_to):
                if non_addressee.agency not in agencies:
                    yield Problem(
                        pointer=json_pointer((*base, "not_addressed_to", j, "agency")),
                        message=f"unknown agency {non_addressee.agency!r}",
                    )
                if non_addressee.agency in rec.addressee_slugs:
                    yield Problem(
                        pointer=json_pointer((*base, "not_addressed_to", j, "agency")),
                        message=f"{non_addressee.agency!r} is listed as an addressee too",
                    )
        for pointer, source_id in self.citations():
            if source_id not in sources:
                yield Problem(pointer=pointer, message=f"cites the unknown source {source_id!r}")

    def citations(self) -> Iterator[tuple[str, str]]:
        """Every source id the catalogue cites, with the pointer of the list that cites it."""

        def cited(path: tuple[str | int, ...], ids: Iterable[str]) -> Iterator[tuple[str, str]]:
            pointer = json_pointer((*path, "sources"))
            return ((pointer, source_id) for source_id in ids)

        yield from cited(("report",), self.report.sources)
        for i, milestone in enumerate(self.milestones):
            yield from cited(("milestones", i), milestone.sources)
            yield from cited(("milestones", i, "stated_as"), milestone.stated_as.sources)
        for i, agency in enumerate(self.agencies):
            yield from cited(("agencies", i), agency.sources)
        for i, force in enumerate(self.forces):
            yield from cited(("forces", i), force.sources)
        for i, rec in enumerate(self.recommendations):
            base = ("recommendations", i)
            yield from cited((*base, "numbering"), rec.numbering.sources)
            for name in ("short_title", "deadline", "wording", "sub_points"):
                yield from cited((*base, name), getattr(rec, name).sources)
            if rec.addressee_heading is not None:
                yield from cited((*base, "addressee_heading"), rec.addressee_heading.sources)
            for j, addressee in enumerate(rec.addressees):
                yield from cited((*base, "addressees", j), addressee.sources)
            for j, non_addressee in enumerate(rec.not_addressed_to):
                yield from cited((*base, "not_addressed_to", j), non_addressee.sources)

    def uncited_sources(self) -> tuple[str, ...]:
        """The ids of listed sources that no fact cites (none in the shipped data; a test checks)."""
        cited = {source_id for _, source_id in self.citations()}
        return tuple(source.id for source in self.sources if source.id not in cited)

    def moved_numbers(self) -> dict[int, Recommendation]:
        """Numbers an amendment moved, each with the recommendation the shipped catalogue gives
        that number to (which now has another number)."""
        return {
            rec.numbering.shipped_number: rec
            for rec in self.recommendations
            if rec.numbering.shipped_number is not None
            and rec.numbering.shipped_number != rec.number
        }


def _responders(agencies: Iterable[Agency], forces: Iterable[Force]) -> dict[str, Responder]:
    responders: dict[str, Responder] = {}
    for agency in agencies:
        responders[agency.slug] = Responder(
            slug=agency.slug,
            name=agency.name,
            kind=ResponderKind.AGENCY,
            answers_as=(agency.slug,),
        )
    for force in forces:
        responders[force.slug] = Responder(
            slug=force.slug, name=force.name, kind=ResponderKind.FORCE, answers_as=(FORCE_GROUP,)
        )
    for force in forces:
        slug = force.slug + PCC_SUFFIX
        responders[slug] = Responder(
            slug=slug,
            name=f"Police and crime commissioner (or equivalent) for the {force.name} area",
            kind=ResponderKind.LOCAL_POLICING_BODY,
            answers_as=(PCC_GROUP,),
        )
    return responders


def _close_matches(word: str, candidates: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    import difflib  # here, not above: only a mistake needs it, and start-up is faster without

    return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
