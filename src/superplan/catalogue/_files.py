"""The shapes of the catalogue's data files and of a catalogue amendment file."""

from attrs import field, frozen

from ..model import (
    SCHEMA_VERSION,
    Agency,
    Certainty,
    Force,
    Milestone,
    Recommendation,
    RecommendationRef,
    Report,
    Source,
)

__all__ = [
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
    schema_version: str = SCHEMA_VERSION
    recommendations: tuple[Recommendation, ...]


@frozen(kw_only=True)
class RecommendationAmendment:
    """Corrections to one recommendation, each taken from ``source``.

    Give only the fields you amend; each replaces the catalogue's value and records the source.
    """

    recommendation: RecommendationRef
    source: str
    """The id of a source in this file's ``sources`` or in the catalogue's."""
    certainty: Certainty = Certainty.CONFIRMED
    note: str | None = None
    numbering: Certainty | None = None
    short_title: str | None = None
    addressees: tuple[str, ...] | None = None
    deadline: str | None = None
    wording: tuple[str, ...] | None = None
    sub_points: tuple[str, ...] | None = None


@frozen(kw_only=True)
class CatalogueAmendments:
    """A catalogue amendment file: sources a user holds, and what they correct or supply."""

    schema: str | None = None
    schema_version: str = SCHEMA_VERSION
    sources: tuple[Source, ...] = ()
    recommendations: tuple[RecommendationAmendment, ...] = field(default=())
