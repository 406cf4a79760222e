"""Which responders a recommendation is addressed to have no plan among those given: the
national body's check of a folder of submissions."""

from collections.abc import Iterable

from ..catalogue import Catalogue, given_or_shipped
from ..model import ActionPlan, AgencyKind, RecommendationRef

__all__ = ["without_plans"]


def without_plans(
    plans: Iterable[ActionPlan],
    *,
    recommendation: RecommendationRef | None = None,
    catalogue: Catalogue | None = None,
) -> dict[str, tuple[int, ...]]:
    """Each responder with no plan among ``plans`` that some recommendation is addressed to
    (only ``recommendation``, when given), with the numbers of the recommendations it must
    answer, in the catalogue's order of responders. Raises
    :class:`~superplan.UnknownRecommendation` for a recommendation the catalogue does not have.

    >>> import superplan as sp
    >>> missing = without_plans([], recommendation=27)
    >>> missing["home-office"]
    (27,)
    """
    cat = given_or_shipped(catalogue)
    wanted = cat.recommendation(recommendation).number if recommendation is not None else None
    planned = {plan.responder for plan in plans}
    result: dict[str, tuple[int, ...]] = {}
    for responder in cat.responders:
        if responder.slug in planned or _is_group(cat, responder.slug):
            continue  # a group answers through its members' plans
        numbers = tuple(
            rec.number
            for rec in cat.addressed_to(responder.slug)
            if wanted is None or rec.number == wanted
        )
        if numbers:
            result[responder.slug] = numbers
    return result


def _is_group(cat: Catalogue, slug: str) -> bool:
    try:
        return cat.agency(slug).kind is AgencyKind.GROUP
    except LookupError:  # a force or a local policing body: not an agency of the catalogue
        return False
