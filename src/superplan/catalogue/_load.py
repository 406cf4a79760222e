"""Reading the shipped catalogue data, once, lazily."""

import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TypeVar

from ..convert import loads
from ..errors import LoadError
from ..model import (
    AgenciesFile,
    ForcesFile,
    MilestonesFile,
    RecommendationsFile,
    ReportFile,
    SourcesFile,
)
from ._amend import apply_amendments
from ._catalogue import Catalogue

__all__ = ["catalogue", "given_or_shipped", "shipped_catalogue"]

T = TypeVar("T")

AmendmentPaths = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def _data(name: str, cls: type[T]) -> T:
    text = resources.files("superplan.catalogue").joinpath("data", name).read_bytes()
    try:
        return loads(text, cls)
    except LoadError as error:  # pragma: no cover - the shipped data is tested
        raise error.with_source(f"superplan/catalogue/data/{name}") from None


@cache
def shipped_catalogue() -> Catalogue:
    """The catalogue as shipped in the package, read on first use and cached."""
    built = Catalogue(
        report=_data("report.json", ReportFile).report,
        recommendations=_data("recommendations.json", RecommendationsFile).recommendations,
        milestones=_data("milestones.json", MilestonesFile).milestones,
        agencies=_data("agencies.json", AgenciesFile).agencies,
        forces=_data("forces.json", ForcesFile).forces,
        sources=_data("sources.json", SourcesFile).sources,
    )
    problems = list(built.problems())
    if problems:  # pragma: no cover - the shipped data is tested
        raise LoadError(problems, source="superplan/catalogue/data")
    return built


def given_or_shipped(given: Catalogue | None) -> Catalogue:
    """``given``, or the shipped catalogue where none is given: the default of every function
    that takes a ``catalogue=`` argument."""
    return given if given is not None else shipped_catalogue()


def catalogue(amendments: AmendmentPaths | None = None) -> Catalogue:
    """The catalogue of the report: recommendations, milestones, agencies, forces.

    The shipped catalogue is read once and cached. ``amendments`` names one or more catalogue
    amendment files (see the docs) applied in order on top of it; each amended field records
    the amendment's source and the file it came from.

    Raises :class:`~superplan.LoadError` if an amendment file is malformed or refers to
    something the catalogue does not have.
    """
    base = shipped_catalogue()
    if amendments is None:
        return base
    paths = [amendments] if isinstance(amendments, str | os.PathLike) else list(amendments)
    result = base
    for path in paths:
        result = apply_amendments(result, path)
    return result
