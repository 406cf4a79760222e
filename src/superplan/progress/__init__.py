"""Plans over time: status as of a date (delivery, schedule, RAG), versions compared, many plans
rolled up. Computed from a plan and the catalogue; the model never calls up into this layer."""

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
    "without_plans",
    "word_diff",
]
