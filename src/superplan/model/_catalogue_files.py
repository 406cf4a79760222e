"""The shapes of the catalogue's data files and of a catalogue amendment file."""

import attrs
from attrs import field, frozen

from ._catalogue import Agency, Certainty, Force, Milestone, Recommendation, Report, Source
from ._fields import RecommendationRef, check_recommendation_number
from ._vocabulary import (
    CATALOGUE_FORMAT_VERSION as CATALOGUE_FORMAT_VERSION,
    CATALOGUE_FORMAT_VERSIONS as CATALOGUE_FORMAT_VERSIONS,
    SCHEMA_VERSION,
    VERSIONED_SCHEMAS as VERSIONED_SCHEMAS,
)

__all__ = [
    "CATALOGUE_FORMAT_VERSION",
    "CATALOGUE_FORMAT_VERSIONS",
    "VERSIONED_SCHEMAS",
    "AgenciesFile",
    "CatalogueAmendments",
    "ForcesFile",
    "MilestonesFile",
    "RecommendationAmendment",
    "RecommendationsFile",
    "ReportFile",
    "SourcesFile",
]


@frozen(kw_only=True)
class ReportFile:
    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    report: Report


@frozen(kw_only=True)
class SourcesFile:
    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    sources: tuple[Source, ...]


@frozen(kw_only=True)
class MilestonesFile:
    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    milestones: tuple[Milestone, ...]


@frozen(kw_only=True)
class AgenciesFile:
    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    agencies: tuple[Agency, ...]


@frozen(kw_only=True)
class ForcesFile:
    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    forces: tuple[Force, ...]


@frozen(kw_only=True)
class RecommendationsFile:
    schema: str | None = None
    schema_version: str = CATALOGUE_FORMAT_VERSION
    recommendations: tuple[Recommendation, ...]


@frozen(kw_only=True)
class RecommendationAmendment:
    """Corrections to one recommendation, each taken from ``source``.

    Give only the fields you amend; each replaces the catalogue's value and records the source.
    ``number`` moves the recommendation to another number (name it by its slug); the numbers a
    file gives must leave 1 to 29 held once each, so a swap or rotation lists every move.
    """

    recommendation: RecommendationRef
    source: str
    """The id of a source in this file's ``sources`` or in the catalogue's."""
    certainty: Certainty = Certainty.CONFIRMED
    note: str | None = None
    numbering: Certainty | None = None
    number: int | None = field(
        default=None, validator=attrs.validators.optional(check_recommendation_number)
    )
    short_title: str | None = None
    addressees: tuple[str, ...] | None = None
    deadline: str | None = None
    wording: tuple[str, ...] | None = None
    sub_points: tuple[str, ...] | None = None


@frozen(kw_only=True)
class CatalogueAmendments:
    """A catalogue amendment file: sources a user holds, and what they correct or supply."""

    schema: str | None = None
    schema_version: str = CATALOGUE_FORMAT_VERSION
    sources: tuple[Source, ...] = ()
    recommendations: tuple[RecommendationAmendment, ...] = field(default=())
