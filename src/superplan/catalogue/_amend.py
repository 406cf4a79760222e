"""Applying a catalogue amendment file: wording and corrections from a source the user holds."""

import os
from collections.abc import Iterator
from typing import Any

import attrs

from .._jsontext import parse_json
from .._locate import locate
from .._shape import shape_errors as schema_findings
from ..convert import from_dict, read_file
from ..errors import LoadError, Problem, json_pointer, pointer_order
from ..model import Addressee, Certainty, Fact, Recommendation
from ._catalogue import Catalogue
from ._files import CatalogueAmendments, RecommendationAmendment

__all__ = ["apply_amendments"]

#: The fields an amendment may set, in the order they are applied and reported.
_FACT_FIELDS = ("short_title", "deadline", "wording", "sub_points")
_ALLOWED_CERTAINTY = (Certainty.CONFIRMED, Certainty.INFERRED)


def apply_amendments(base: Catalogue, path: str | os.PathLike[str]) -> Catalogue:
    """A new catalogue: ``base`` with the amendment file at ``path`` applied."""
    source_name = os.fspath(path)
    amendments = _read(path)
    problems = list(_problems(base, amendments))
    if problems:
        raise LoadError(problems, source=source_name)

    by_number = {rec.number: rec for rec in base.recommendations}
    for amendment in amendments.recommendations:
        rec = base.recommendation(amendment.recommendation)
        by_number[rec.number] = _amend(by_number[rec.number], amendment, source_name)
    return attrs.evolve(
        base,
        recommendations=tuple(by_number[n] for n in sorted(by_number)),
        sources=(*base.sources, *amendments.sources),
        amendments=(*base.amendments, source_name),
    )


def _read(path: str | os.PathLike[str]) -> CatalogueAmendments:
    """Parse, check against the published amendments schema, then structure."""
    try:
        raw = read_file(path)
        data = parse_json(raw)
        found = list(schema_findings(data, "catalogue-amendments"))
        places = locate(raw.decode("utf-8"), {f.pointer for f in found}) if found else {}
        shape = [
            Problem(
                pointer=f.pointer,
                message=f.message,
                kind=f.code,
                line=places.get(f.pointer, (None, None))[0],
                column=places.get(f.pointer, (None, None))[1],
            )
            for f in found
        ]
        if shape:
            raise LoadError(sorted(shape, key=lambda p: pointer_order(p.pointer)))
        return from_dict(data, CatalogueAmendments)
    except LoadError as error:
        raise error.with_source(os.fspath(path)) from None


def _amend(rec: Recommendation, amendment: RecommendationAmendment, path: str) -> Recommendation:
    changes: dict[str, Any] = {}
    for name in _FACT_FIELDS:
        value = getattr(amendment, name)
        if value is not None:
            changes[name] = Fact(
                value=value,
                certainty=amendment.certainty,
                sources=(amendment.source,),
                note=amendment.note,
                amended_by=path,
            )
    if amendment.addressees is not None:
        changes["addressees"] = tuple(
            Addressee(
                agency=slug,
                certainty=amendment.certainty,
                sources=(amendment.source,),
                note=amendment.note,
                amended_by=path,
            )
            for slug in amendment.addressees
        )
        changes["addressees_note"] = None
    if amendment.numbering is not None:
        changes["numbering"] = attrs.evolve(
            rec.numbering,
            certainty=amendment.numbering,
            sources=(amendment.source,),
            range=None if amendment.numbering is Certainty.CONFIRMED else rec.numbering.range,
            note=amendment.note,
        )
    return attrs.evolve(rec, **changes)


def _problems(base: Catalogue, amendments: CatalogueAmendments) -> Iterator[Problem]:
    known_sources = {source.id for source in base.sources}
    for i, source in enumerate(amendments.sources):
        if source.id in known_sources:
            yield Problem(
                pointer=json_pointer(("sources", i, "id")),
                message=f"the source id {source.id!r} is already used; choose another",
            )
        known_sources.add(source.id)

    agencies = {agency.slug for agency in base.agencies}
    milestones = {milestone.slug for milestone in base.milestones}
    seen: dict[tuple[int, str], int] = {}
    for i, amendment in enumerate(amendments.recommendations):
        at = ("recommendations", i)
        if not base.has_recommendation(amendment.recommendation):
            yield Problem(
                pointer=json_pointer((*at, "recommendation")),
                message=f"there is no recommendation {amendment.recommendation!r} (1 to 29 or a slug)",
            )
            continue
        number = base.recommendation(amendment.recommendation).number
        if amendment.source not in known_sources:
            yield Problem(
                pointer=json_pointer((*at, "source")),
                message=f"unknown source {amendment.source!r}; list it under 'sources' first",
            )
        if amendment.certainty not in _ALLOWED_CERTAINTY or amendment.numbering in (
            Certainty.UNKNOWN,
            Certainty.EDITORIAL,
        ):
            yield Problem(
                pointer=json_pointer((*at, "certainty")),
                message="an amendment is either 'confirmed' or 'inferred'",
            )
        amended = [
            name
            for name in (*_FACT_FIELDS, "addressees", "numbering")
            if getattr(amendment, name) is not None
        ]
        if not amended:
            yield Problem(
                pointer=json_pointer(at),
                message="this amendment changes nothing; give at least one field to amend",
            )
        for name in amended:
            if (number, name) in seen:
                yield Problem(
                    pointer=json_pointer((*at, name)),
                    message=(
                        f"recommendation {number}'s {name} is already amended at "
                        f"/recommendations/{seen[number, name]}; amend it once"
                    ),
                )
            seen[number, name] = i
        for j, slug in enumerate(amendment.addressees or ()):
            if slug not in agencies:
                yield Problem(
                    pointer=json_pointer((*at, "addressees", j)),
                    message=f"unknown agency {slug!r}; one of: {', '.join(sorted(agencies))}",
                )
        if amendment.deadline is not None and amendment.deadline not in milestones:
            yield Problem(
                pointer=json_pointer((*at, "deadline")),
                message=f"unknown milestone {amendment.deadline!r}; one of: {', '.join(sorted(milestones))}",
            )
        for name in ("wording", "sub_points"):
            value = getattr(amendment, name)
            if value is not None:
                for k, paragraph in enumerate(value):
                    if not paragraph.strip():
                        yield Problem(
                            pointer=json_pointer((*at, name, k)),
                            message="a paragraph must not be empty",
                        )
                if name == "wording" and not value:
                    yield Problem(
                        pointer=json_pointer((*at, name)),
                        message="wording needs at least one paragraph",
                    )
