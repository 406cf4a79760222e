"""The typed model: the report's catalogue and the responders' action plans.

Every class is a frozen, slotted, keyword-only attrs class. The plan's classes refuse a wrong
value when they are built, naming the field and what it allows (``Response(acceptance="yes")`` is a
ValueError listing the three acceptances); cross-document checks (is recommendation 13 addressed to
this force?) live in the validation layer, because they need the catalogue. No I/O happens here,
and nothing here calls up into the layers that read the model (progress, rendering, validation).

- :mod:`._vocabulary`: the format versions, field patterns and status words (no class built);
- :mod:`._dates`: :class:`PartialDate` and strict ISO dates;
- :mod:`._fields`: the field rules (validators, converters, :func:`doc`), shared patterns;
- :mod:`._catalogue`: the report, milestones, agencies, forces, recommendations;
- :mod:`._plan`: action plans, responses, parts, actions, updates;
- :mod:`._catalogue_files`: the shapes of the catalogue's data files and of amendment files.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

__all__ = [
    "CATALOGUE_FORMAT_VERSION",
    "CATALOGUE_FORMAT_VERSIONS",
    "JSON_NAMES",
    "LANG_PATTERN",
    "PART_PATTERN",
    "RECOMMENDATION_COUNT",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "SLUG_PATTERN",
    "VERSIONED_SCHEMAS",
    "Acceptance",
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Addressee",
    "AgenciesFile",
    "Agency",
    "AgencyKind",
    "AgencyRole",
    "CatalogueAmendments",
    "Certainty",
    "Compliance",
    "Country",
    "DeliveryStatus",
    "Due",
    "Fact",
    "Force",
    "ForcesFile",
    "GroupMembers",
    "InvalidField",
    "Lead",
    "Link",
    "Milestone",
    "MilestonesFile",
    "NonAddressee",
    "Numbering",
    "Part",
    "PartialDate",
    "Precision",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationAmendment",
    "RecommendationRef",
    "RecommendationsFile",
    "Report",
    "ReportFile",
    "Responder",
    "ResponderKind",
    "Response",
    "Source",
    "SourcesFile",
    "Translation",
    "WrongType",
    "check_each_non_blank",
    "check_lang",
    "check_non_blank",
    "check_optional_lang",
    "check_optional_non_blank",
    "check_part",
    "check_recommendation_number",
    "check_slug",
    "check_slugs",
    "doc",
    "span",
    "to_date",
]

#: Each name and the module it lives in, imported on first use: checking a plan needs only the
#: dates and the words, not the attrs classes (which take a while to build).
_EXPORTS = {
    "InvalidField": "..errors",
    "WrongType": "..errors",
    "Addressee": "._catalogue",
    "Agency": "._catalogue",
    "AgencyKind": "._catalogue",
    "AgencyRole": "._catalogue",
    "Certainty": "._catalogue",
    "Country": "._catalogue",
    "Fact": "._catalogue",
    "Force": "._catalogue",
    "GroupMembers": "._catalogue",
    "Milestone": "._catalogue",
    "NonAddressee": "._catalogue",
    "Numbering": "._catalogue",
    "Recommendation": "._catalogue",
    "Report": "._catalogue",
    "Responder": "._catalogue",
    "ResponderKind": "._catalogue",
    "Source": "._catalogue",
    "AgenciesFile": "._catalogue_files",
    "CatalogueAmendments": "._catalogue_files",
    "ForcesFile": "._catalogue_files",
    "MilestonesFile": "._catalogue_files",
    "RecommendationAmendment": "._catalogue_files",
    "RecommendationsFile": "._catalogue_files",
    "ReportFile": "._catalogue_files",
    "SourcesFile": "._catalogue_files",
    "PartialDate": "._dates",
    "Precision": "._dates",
    "span": "._dates",
    "to_date": "._dates",
    "to_day": "._dates",
    "RecommendationRef": "._fields",
    "check_each_non_blank": "._fields",
    "check_lang": "._fields",
    "check_non_blank": "._fields",
    "check_optional_lang": "._fields",
    "check_optional_non_blank": "._fields",
    "check_part": "._fields",
    "check_recommendation_number": "._fields",
    "check_slug": "._fields",
    "check_slugs": "._fields",
    "doc": "._fields",
    "Action": "._plan",
    "ActionPlan": "._plan",
    "Due": "._plan",
    "Lead": "._plan",
    "Link": "._plan",
    "Part": "._plan",
    "ProgressUpdate": "._plan",
    "Response": "._plan",
    "Translation": "._plan",
    "Acceptance": "._vocabulary",
    "ActionStatus": "._vocabulary",
    "CATALOGUE_FORMAT_VERSION": "._vocabulary",
    "CATALOGUE_FORMAT_VERSIONS": "._vocabulary",
    "Compliance": "._vocabulary",
    "DeliveryStatus": "._vocabulary",
    "JSON_NAMES": "._vocabulary",
    "LANG_PATTERN": "._vocabulary",
    "PART_PATTERN": "._vocabulary",
    "RECOMMENDATION_COUNT": "._vocabulary",
    "SCHEMA_VERSION": "._vocabulary",
    "SCHEMA_VERSIONS": "._vocabulary",
    "SLUG_PATTERN": "._vocabulary",
    "VERSIONED_SCHEMAS": "._vocabulary",
}

__getattr__ = lazy_attributes(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:
    from ..errors import (
        InvalidField as InvalidField,
        WrongType as WrongType,
    )
    from ._catalogue import (
        Addressee as Addressee,
        Agency as Agency,
        AgencyKind as AgencyKind,
        AgencyRole as AgencyRole,
        Certainty as Certainty,
        Country as Country,
        Fact as Fact,
        Force as Force,
        GroupMembers as GroupMembers,
        Milestone as Milestone,
        NonAddressee as NonAddressee,
        Numbering as Numbering,
        Recommendation as Recommendation,
        Report as Report,
        Responder as Responder,
        ResponderKind as ResponderKind,
        Source as Source,
    )
    from ._catalogue_files import (
        AgenciesFile as AgenciesFile,
        CatalogueAmendments as CatalogueAmendments,
        ForcesFile as ForcesFile,
        MilestonesFile as MilestonesFile,
        RecommendationAmendment as RecommendationAmendment,
        RecommendationsFile as RecommendationsFile,
        ReportFile as ReportFile,
        SourcesFile as SourcesFile,
    )
    from ._dates import (
        PartialDate as PartialDate,
        Precision as Precision,
        span as span,
        to_date as to_date,
        to_day as to_day,
    )
    from ._fields import (
        RecommendationRef as RecommendationRef,
        check_each_non_blank as check_each_non_blank,
        check_lang as check_lang,
        check_non_blank as check_non_blank,
        check_optional_lang as check_optional_lang,
        check_optional_non_blank as check_optional_non_blank,
        check_part as check_part,
        check_recommendation_number as check_recommendation_number,
        check_slug as check_slug,
        check_slugs as check_slugs,
        doc as doc,
    )
    from ._plan import (
        Action as Action,
        ActionPlan as ActionPlan,
        Due as Due,
        Lead as Lead,
        Link as Link,
        Part as Part,
        ProgressUpdate as ProgressUpdate,
        Response as Response,
        Translation as Translation,
    )
    from ._vocabulary import (
        CATALOGUE_FORMAT_VERSION as CATALOGUE_FORMAT_VERSION,
        CATALOGUE_FORMAT_VERSIONS as CATALOGUE_FORMAT_VERSIONS,
        JSON_NAMES as JSON_NAMES,
        LANG_PATTERN as LANG_PATTERN,
        PART_PATTERN as PART_PATTERN,
        RECOMMENDATION_COUNT as RECOMMENDATION_COUNT,
        SCHEMA_VERSION as SCHEMA_VERSION,
        SCHEMA_VERSIONS as SCHEMA_VERSIONS,
        SLUG_PATTERN as SLUG_PATTERN,
        VERSIONED_SCHEMAS as VERSIONED_SCHEMAS,
        Acceptance as Acceptance,
        ActionStatus as ActionStatus,
        Compliance as Compliance,
        DeliveryStatus as DeliveryStatus,
    )
