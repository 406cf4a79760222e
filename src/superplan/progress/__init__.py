"""Plans over time: status as of a date (delivery, schedule, RAG), versions compared, many plans
rolled up. Computed from a plan and the catalogue; the model never calls up into this layer."""

from ._csvw import metadata_path as metadata_path, roll_up_metadata as roll_up_metadata
from ._diff import Change, ChangeKind, DiffError, PlanDiff, diff, word_diff
from ._status import (
    DUE_SOON_DAYS,
    RAG_TABLE,
    ActionProgress,
    Delivery,
    PlanProgress,
    Rag,
    RecommendationProgress,
    ScheduleState,
    TimelineEntry,
    rag,
    status_as_of,
)
from ._summary import CATEGORIES, Cell, NationalSummary, PlanChoice, Tally, summarise

__all__ = [
    "CATEGORIES",
    "DUE_SOON_DAYS",
    "RAG_TABLE",
    "ActionProgress",
    "Cell",
    "Change",
    "ChangeKind",
    "Delivery",
    "DiffError",
    "NationalSummary",
    "PlanChoice",
    "PlanDiff",
    "PlanProgress",
    "Rag",
    "RecommendationProgress",
    "ScheduleState",
    "Tally",
    "TimelineEntry",
    "diff",
    "rag",
    "status_as_of",
    "summarise",
    "word_diff",
]


def __getattr__(name: str) -> object:
    # `neutralise` (spreadsheet-safe text) was re-exported here by accident; it lives in tables.
    if name == "neutralise":
        import warnings

        from ..tables import neutralise

        warnings.warn(
            "superplan.progress.neutralise moved to superplan.tables.neutralise; the old name "
            "goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        return neutralise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
