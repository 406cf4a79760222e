"""Applying a catalogue amendment file: wording and corrections from a source the user holds."""

import os
import unicodedata
from collections.abc import Iterator
from typing import Any

import attrs

from .._json import json_pointer, locate, parse_json, pointer_order
from .._schema import shape_errors as schema_findings
from ..convert import from_dict, read_file
from ..errors import LoadError, Problem
from ..model import (
    CATALOGUE_FORMAT_VERSIONS,
    Addressee,
    CatalogueAmendments,
    Certainty,
    Fact,
    Numbering,
    Recommendation,
    RecommendationAmendment,
)
from ._catalogue import Catalogue

__all__ = ["apply_amendments", "is_blank"]

#: The fields an amendment may set, in the order they are applied and reported.
_FACT_FIELDS = ("short_title", "deadline", "wording", "sub_points")
_ALLOWED_CERTAINTY = (Certainty.CONFIRMED, Certainty.INFERRED)
#: Unicode categories that put nothing visible on the page: separators, controls, format
#: characters (zero-width space, joiners, bidi marks), marks with no base, surrogates.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"})
#: Letters and symbols that fonts draw as blank (Hangul fillers, the braille blank).
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank(text: str) -> bool:
    """True if ``text`` shows nothing a reader could see: empty, white space, zero-width or
    other invisible characters only."""
    return all(
        ch.isspace() or ch in _BLANK_CHARACTERS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES
        for ch in text
    )


def apply_amendments(base: Catalogue, path: str | os.PathLike[str]) -> Catalogue:
    """A new catalogue: ``base`` with the amendment file at ``path`` applied."""
    source_name = os.fspath(path)
    text, amendments = _read(path)
    problems = list(_problems(base, amendments))
    if problems:
        places = locate(text, {p.pointer for p in problems})
        located = [
            attrs.evolve(p, line=places[p.pointer][0], column=places[p.pointer][1])
            if p.pointer in places
            else p
            for p in problems
        ]
        located.sort(key=lambda p: (p.line or 0, p.column or 0))  # in the order of the file
        raise LoadError(located, source=source_name)

    numbers = _new_numbers(base, amendments)
    moved = {rec.number: numbers[rec.slug] for rec in base.recommendations}
    by_slug = {rec.slug: rec for rec in base.recommendations}
    for amendment in amendments.recommendations:
        slug = base.recommendation(amendment.recommendation).slug
        by_slug[slug] = _amend(by_slug[slug], amendment, source_name)
    renumbered = [
        attrs.evolve(
            rec,
            number=numbers[rec.slug],
            related=tuple(moved[n] for n in rec.related),
        )
        for rec in by_slug.values()
    ]
    return attrs.evolve(
        base,
        recommendations=tuple(sorted(renumbered, key=lambda rec: rec.number)),
        sources=(*base.sources, *amendments.sources),
        amendments=(*base.amendments, source_name),
    )


def _read(path: str | os.PathLike[str]) -> tuple[str, CatalogueAmendments]:
    """Parse, check against the published amendments schema, then structure."""
    try:
        raw = read_file(path)
        data = parse_json(raw)
        text = raw.decode("utf-8")
        found = list(schema_findings(data, "catalogue-amendments"))
        places = locate(text, {f.pointer for f in found}) if found else {}
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
        return text, from_dict(data, CatalogueAmendments)
    except LoadError as error:
        raise error.with_source(os.fspath(path)) from None


def _new_numbers(base: Catalogue, amendments: CatalogueAmendments) -> dict[str, int]:
    """Every recommendation's number once the file's ``number`` entries are applied, by slug."""
    numbers = {rec.slug: rec.number for rec in base.recommendations}
    for amendment in amendments.recommendations:
        rec = base.find(amendment.recommendation)
        if amendment.number is not None and rec is not None:
            numbers[rec.slug] = amendment.number
    return numbers


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
        # A source that names the addressees outweighs the catalogue's negative knowledge.
        changes["not_addressed_to"] = tuple(
            n for n in rec.not_addressed_to if n.agency not in amendment.addressees
        )
    if amendment.numbering is not None or amendment.number is not None:
        changes["numbering"] = _numbering(rec, amendment, path)
    return attrs.evolve(rec, **changes)


def _numbering(rec: Recommendation, amendment: RecommendationAmendment, path: str) -> Numbering:
    certainty = amendment.numbering or amendment.certainty
    number = amendment.number if amendment.number is not None else rec.number
    shipped = rec.numbering.shipped_number or rec.number
    low, high = rec.numbering.range or (number, number)
    keep_range = certainty is not Certainty.CONFIRMED and low <= number <= high
    return attrs.evolve(
        rec.numbering,
        certainty=certainty,
        sources=(amendment.source,),
        range=rec.numbering.range if keep_range else None,
        note=amendment.note,
        amended_by=path,
        shipped_number=shipped if shipped != number else None,
    )


def _problems(base: Catalogue, amendments: CatalogueAmendments) -> Iterator[Problem]:
    if amendments.schema_version not in CATALOGUE_FORMAT_VERSIONS:
        yield Problem(
            pointer="/schema_version",
            message=(
                f"this release reads catalogue amendment files of version "
                f"{' or '.join(CATALOGUE_FORMAT_VERSIONS)}, not {amendments.schema_version!r}"
            ),
        )
    known_sources = {source.id for source in base.sources}
    for i, source in enumerate(amendments.sources):
        if source.id in known_sources:
            yield Problem(
                pointer=json_pointer(("sources", i, "id")),
                message=f"the source id {source.id!r} is already used; choose another",
            )
        known_sources.add(source.id)
        for name in ("title", "url", "note"):
            value = getattr(source, name)
            if value is not None and is_blank(value):
                yield _blank_problem(("sources", i, name))

    renumbers = any(a.number is not None for a in amendments.recommendations)
    agencies = {agency.slug for agency in base.agencies}
    milestones = {milestone.slug for milestone in base.milestones}
    seen: dict[tuple[str, str], int] = {}
    for i, amendment in enumerate(amendments.recommendations):
        at = ("recommendations", i)
        rec = base.find(amendment.recommendation)
        if rec is None:
            yield Problem(
                pointer=json_pointer((*at, "recommendation")),
                message=f"there is no recommendation {amendment.recommendation!r} (1 to 29 or a slug)",
            )
            continue
        if renumbers and not isinstance(amendment.recommendation, str):
            yield Problem(
                pointer=json_pointer((*at, "recommendation")),
                message=(
                    "this file changes numbers, so name each recommendation by its slug "
                    f"(recommendation {rec.number} is {rec.slug!r})"
                ),
            )
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
            for name in (*_FACT_FIELDS, "addressees", "numbering", "number")
            if getattr(amendment, name) is not None
        ]
        if not amended:
            yield Problem(
                pointer=json_pointer(at),
                message="this amendment changes nothing; give at least one field to amend",
            )
        for name in amended:
            if (rec.slug, name) in seen:
                yield Problem(
                    pointer=json_pointer((*at, name)),
                    message=(
                        f"recommendation {rec.number}'s {name} is already amended at "
                        f"/recommendations/{seen[rec.slug, name]}; amend it once"
                    ),
                )
            seen[rec.slug, name] = i
        yield from _value_problems(at, amendment, agencies, milestones)
        yield from _list_problems(at, rec, amendment)
    yield from _numbering_problems(base, amendments)


def _blank_problem(path: tuple[str | int, ...]) -> Problem:
    return Problem(
        pointer=json_pointer(path),
        message="this value is empty or shows nothing (white space or invisible characters only)",
    )


def _value_problems(
    at: tuple[str | int, ...],
    amendment: RecommendationAmendment,
    agencies: set[str],
    milestones: set[str],
) -> Iterator[Problem]:
    for name in ("note", "short_title"):
        value = getattr(amendment, name)
        if value is not None and is_blank(value):
            yield _blank_problem((*at, name))
    if amendment.addressees == ():
        yield Problem(
            pointer=json_pointer((*at, "addressees")),
            message="addressees needs at least one agency; leave the key out to keep the catalogue's",
        )
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
        if value is None:
            continue
        if not value:
            what = "paragraph" if name == "wording" else "listed point"
            yield Problem(
                pointer=json_pointer((*at, name)),
                message=f"{name} needs at least one {what}; leave the key out to keep the catalogue's",
            )
        for k, paragraph in enumerate(value):
            if is_blank(paragraph):
                yield Problem(
                    pointer=json_pointer((*at, name, k)),
                    message="a paragraph must not be empty or show nothing (white space or invisible characters only)",
                )


def _list_problems(
    at: tuple[str | int, ...], rec: Recommendation, amendment: RecommendationAmendment
) -> Iterator[Problem]:
    """Sub-points are the report's listed points: they need wording that introduces a list."""
    wording = amendment.wording if amendment.wording is not None else rec.wording.value
    if not amendment.sub_points or not wording:
        return
    if not any(paragraph.rstrip().endswith(":") for paragraph in wording):
        yield Problem(
            pointer=json_pointer((*at, "sub_points")),
            message=(
                f"recommendation {rec.number}'s wording introduces no list (no paragraph ends "
                "with ':'); paragraphs that follow the wording belong in 'wording'"
            ),
        )


def _numbering_problems(base: Catalogue, amendments: CatalogueAmendments) -> Iterator[Problem]:
    """The numbers after this file must still be 1 to 29, held once each."""
    numbers = _new_numbers(base, amendments)
    holders: dict[int, list[str]] = {}
    for slug, number in numbers.items():
        holders.setdefault(number, []).append(slug)
    entry = {}
    for i, amendment in enumerate(amendments.recommendations):
        rec = base.find(amendment.recommendation)
        if amendment.number is not None and rec is not None:
            entry[rec.slug] = i
    for number, slugs in sorted(holders.items()):
        if len(slugs) < 2:
            continue
        for slug in slugs:
            if slug not in entry:
                continue
            others = ", ".join(repr(other) for other in slugs if other != slug)
            unmoved = [other for other in slugs if other not in entry]
            advice = (
                f"; give {unmoved[0]!r} a new number too (a swap or rotation lists every move)"
                if unmoved
                else ""
            )
            yield Problem(
                pointer=json_pointer(("recommendations", entry[slug], "number")),
                message=f"number {number} would be held by {slug!r} and by {others}{advice}",
            )
