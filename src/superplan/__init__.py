"""superplan: one typed model of the stalking super-complaint, its recommendations and the plans
that answer them.

>>> import superplan as sp
>>> len(sp.catalogue().recommendations)
29
"""

from importlib.metadata import PackageNotFoundError, version

from ._schema import SCHEMA_NAMES, schema, schema_id
from .catalogue import Catalogue, CatalogueAmendments, RecommendationAmendment, catalogue
from .convert import dumps, from_dict, load_plan, loads, to_dict
from .errors import LoadError, Problem, SuperplanError, UnknownAgency, UnknownRecommendation
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
    Due,
    Fact,
    Force,
    GroupMembers,
    Milestone,
    Numbering,
    ProgressUpdate,
    Recommendation,
    RecommendationRef,
    Report,
    Responder,
    ResponderKind,
    Response,
    Source,
)
from .progress import diff, status_as_of, summarise
from .render import build_site, render_html, render_markdown
from .validation import RULES, Finding, Rule, Severity, ValidationReport, validate

try:
    __version__ = version("superplan")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

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
    "Due",
    "Fact",
    "Finding",
    "Force",
    "GroupMembers",
    "LoadError",
    "Milestone",
    "Numbering",
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
    "UnknownAgency",
    "UnknownRecommendation",
    "ValidationReport",
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
    "status_as_of",
    "summarise",
    "to_dict",
    "validate",
]
