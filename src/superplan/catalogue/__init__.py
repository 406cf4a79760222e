"""The catalogue of the report, shipped as data files in ``data/``.

Light to import: the data, the model and the converter are loaded on first use.
"""

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._finder import FINDER
from .._lazy import lazy_attributes

__all__ = [
    "Catalogue",
    "CatalogueAmendments",
    "RecommendationAmendment",
    "catalogue",
    "given_or_shipped",
]

_EXPORTS = {
    "Catalogue": "._catalogue",
    "describe_recommendation": "._describe",
    "given_or_shipped": "._load",
    "CatalogueIndex": "._index",
    "shipped_index": "._index",
    "IndexedRecommendation": "._index",
    "IndexedResponder": "._index",
    "CatalogueAmendments": "..model",
    "RecommendationAmendment": "..model",
}


def catalogue(
    amendments: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> "Catalogue":
    """The catalogue of the report: recommendations, milestones, agencies, forces.

    The shipped catalogue is read once and cached. ``amendments`` names one or more catalogue
    amendment files applied in order on top of it; each amended field records the amendment's
    source and the file it came from. Raises :class:`~superplan.LoadError` if an amendment file
    is malformed or refers to something the catalogue does not have.
    """
    from ._load import catalogue as load

    return load(amendments)


__getattr__ = lazy_attributes(__name__, _EXPORTS)


class _Shipped:
    """The shipped catalogue's ``find``, read on first use: how a plan numbers a slug."""

    def find(self, ref: object) -> "Recommendation | None":
        return catalogue().find(ref)


FINDER[0] = _Shipped()


if TYPE_CHECKING:
    from ..model import CatalogueAmendments, Recommendation, RecommendationAmendment
    from ._catalogue import Catalogue
    from ._describe import describe_recommendation as describe_recommendation
    from ._index import (
        CatalogueIndex as CatalogueIndex,
        IndexedRecommendation as IndexedRecommendation,
        IndexedResponder as IndexedResponder,
        shipped_index as shipped_index,
    )
    from ._load import given_or_shipped
