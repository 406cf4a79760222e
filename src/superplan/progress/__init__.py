"""Plans over time: status as of a date (delivery, schedule, RAG), versions compared, many plans
rolled up. Computed from a plan and the catalogue; the model never calls up into this layer."""

from ._absence import ABSENCE, Absence, AbsenceTerm, absence_of
from ._coverage import without_plans
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
    gives_answer,
    rag,
    status_as_of,
)
from ._summary import CATEGORIES, Cell, NationalSummary, PlanChoice, Tally, summarise
from ._words import word_segments

__all__ = [
    "ABSENCE",
    "CATEGORIES",
    "DUE_SOON_DAYS",
    "RAG_TABLE",
    "Absence",
    "AbsenceTerm",
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
    "absence_of",
    "diff",
    "gives_answer",
    "rag",
    "status_as_of",
    "summarise",
    "without_plans",
    "word_diff",
    "word_segments",
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
