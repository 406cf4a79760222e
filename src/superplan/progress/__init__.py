"""Plans over time: status as of a date (delivery, schedule, RAG), versions compared, many plans
rolled up. Computed from a plan and the catalogue; the model never calls up into this layer."""

from .._spreadsheet import neutralise
from ._absence import ABSENCE, Absence, AbsenceTerm, absence_of
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
    "neutralise",
    "rag",
    "status_as_of",
    "summarise",
    "word_diff",
    "word_segments",
]
