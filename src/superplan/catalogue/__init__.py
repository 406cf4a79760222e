"""The catalogue of the report, shipped as data files in ``data/``."""

from ._catalogue import Catalogue
from ._files import CatalogueAmendments, RecommendationAmendment
from ._load import catalogue

__all__ = ["Catalogue", "CatalogueAmendments", "RecommendationAmendment", "catalogue"]
