"""superplan: one typed model of the stalking super-complaint, its recommendations and the plans
that answer them.

>>> import superplan as sp
>>> len(sp.catalogue().recommendations)
29
"""

from typing import TYPE_CHECKING

from ._lazy import lazy_attributes

# Bound eagerly, and after its subpackage, so that `superplan.catalogue` is the function.
from .catalogue import catalogue

# Names are imported on first use (PEP 562), so that `import superplan` and the command line
# start fast; type checkers see them all below.
_EXPORTS = {
    "RULES": ".validation",
    "SCHEMA_NAMES": "._schema",
    "Acceptance": ".model",
    "Action": ".model",
    "ActionPlan": ".model",
    "ActionStatus": ".model",
    "Addressee": ".model",
    "Agency": ".model",
    "AgencyKind": ".model",
    "AgencyRole": ".model",
    "Catalogue": ".catalogue",
    "CatalogueAmendments": ".catalogue",
    "Certainty": ".model",
    "Compliance": ".model",
    "Country": ".model",
    "DiffError": ".errors",
    "DeliveryStatus": ".model",
    "Due": ".model",
    "InvalidField": ".errors",
    "Lead": ".model",
    "Link": ".model",
    "Part": ".model",
    "PartialDate": ".model",
    "Precision": ".model",
    "Translation": ".model",
    "WrongType": ".errors",
    "Fact": ".model",
    "Finding": ".validation",
    "Force": ".model",
    "GroupMembers": ".model",
    "LoadError": ".errors",
    "OutputError": ".errors",
    "Milestone": ".model",
    "NonAddressee": ".model",
    "Numbering": ".model",
    "Problem": ".errors",
    "ProgressUpdate": ".model",
    "Recommendation": ".model",
    "RecommendationAmendment": ".catalogue",
    "RecommendationRef": ".model",
    "Report": ".model",
    "Responder": ".model",
    "ResponderKind": ".model",
    "Response": ".model",
    "Rule": ".validation",
    "Severity": ".validation",
    "Source": ".model",
    "SuperplanError": ".errors",
    "TableError": ".errors",
    "UnknownAgency": ".errors",
    "UnknownRecommendation": ".errors",
    "ValidationReport": ".validation",
    "__version__": "._version",
    "build_site": ".render",
    "catalogue": ".catalogue",  # bound above, eagerly
    "diff": ".progress",
    "dumps": ".convert",
    "from_dict": ".convert",
    "load_plan": ".convert",
    "loads": ".convert",
    "render_html": ".render",
    "render_markdown": ".render",
    "schema": "._schema",
    "schema_id": "._schema",
    "schema_ids": "._schema",
    "status_as_of": ".progress",
    "summarise": ".progress",
    "to_dict": ".convert",
    "validate": ".validation",
}

__all__ = [
    "RULES",
    "SCHEMA_NAMES",
    "Acceptance",
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Addressee",
    "Agency",
    "AgencyKind",
    "AgencyRole",
    "Catalogue",
    "CatalogueAmendments",
    "Certainty",
    "Compliance",
    "Country",
    "DeliveryStatus",
    "DiffError",
    "Due",
    "Fact",
    "Finding",
    "Force",
    "GroupMembers",
    "InvalidField",
    "Lead",
    "Link",
    "LoadError",
    "Milestone",
    "NonAddressee",
    "Numbering",
    "OutputError",
    "Part",
    "PartialDate",
    "Precision",
    "Problem",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationAmendment",
    "RecommendationRef",
    "Report",
    "Responder",
    "ResponderKind",
    "Response",
    "Rule",
    "Severity",
    "Source",
    "SuperplanError",
    "TableError",
    "Translation",
    "UnknownAgency",
    "UnknownRecommendation",
    "ValidationReport",
    "WrongType",
    "__version__",
    "build_site",
    "catalogue",
    "diff",
    "dumps",
    "from_dict",
    "load_plan",
    "loads",
    "render_html",
    "render_markdown",
    "schema",
    "schema_id",
    "schema_ids",
    "status_as_of",
    "summarise",
    "to_dict",
    "validate",
]


__getattr__ = lazy_attributes(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from ._schema import (
        SCHEMA_NAMES,
        schema,
        schema_id,
        schema_ids,
    )
    from ._version import (
        __version__,
    )
    from .catalogue import (
        Catalogue,
        CatalogueAmendments,
        RecommendationAmendment,
        catalogue,
    )
    from .convert import (
        dumps,
        from_dict,
        load_plan,
        loads,
        to_dict,
    )
    from .errors import (
        DiffError,
        InvalidField,
        LoadError,
        OutputError,
        Problem,
        SuperplanError,
        TableError,
        UnknownAgency,
        UnknownRecommendation,
        WrongType,
    )
    from .model import (
        Acceptance,
        Action,
        ActionPlan,
        ActionStatus,
        Addressee,
        Agency,
        AgencyKind,
        AgencyRole,
        Certainty,
        Compliance,
        Country,
        DeliveryStatus,
        Due,
        Fact,
        Force,
        GroupMembers,
        Lead,
        Link,
        Milestone,
        NonAddressee,
        Numbering,
        Part,
        PartialDate,
        Precision,
        ProgressUpdate,
        Recommendation,
        RecommendationRef,
        Report,
        Responder,
        ResponderKind,
        Response,
        Source,
        Translation,
    )
    from .progress import (
        diff,
        status_as_of,
        summarise,
    )
    from .render import (
        build_site,
        render_html,
        render_markdown,
    )
    from .validation import (
        RULES,
        Finding,
        Rule,
        Severity,
        ValidationReport,
        validate,
    )
