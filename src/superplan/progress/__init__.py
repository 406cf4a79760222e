"""Plans over time: progress as of a date, versions compared, many plans rolled up."""

from .._spreadsheet import neutralise
from ._diff import Change, ChangeKind, DiffError, PlanDiff, diff, word_diff
from ._status import (
    ActionProgress,
    PlanProgress,
    RecommendationProgress,
    Timeliness,
    status_as_of,
)
from ._summary import Cell, NationalSummary, summarise

__all__ = [
    "ActionProgress",
    "Cell",
    "Change",
    "ChangeKind",
    "DiffError",
    "NationalSummary",
    "PlanDiff",
    "PlanProgress",
    "RecommendationProgress",
    "Timeliness",
    "diff",
    "neutralise",
    "status_as_of",
    "summarise",
    "word_diff",
]
