"""``docs/api.md``, written from the code (``PYTHONPATH=src python -m tests.apidoc`` writes it): every public name of ``superplan`` (its ``__all__``),
with its signature and the first line of its docstring, and, for a class, every public method,
property and field, and every member of an enumeration.

A test holds the checked-in page to this function's output and every public member to having a
description, so the reference cannot leave a member out or drift from the code. Plain Markdown,
so that it reads the same in the built site, on GitHub and as ``superplan docs --out`` writes it.
"""

import enum
import importlib
import inspect
import re
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["SECTIONS", "members", "render_api_markdown", "undocumented"]

#: The page's sections: a title, and the public names it holds (every name of ``__all__`` is in
#: one; a test checks).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The catalogue", ("catalogue", "Catalogue", "CatalogueAmendments", "RecommendationAmendment")),
    (
        "Action plans",
        (
            "ActionPlan",
            "Response",
            "Part",
            "Action",
            "Due",
            "ProgressUpdate",
            "Link",
            "Lead",
            "Translation",
            "PartialDate",
            "Precision",
            "RecommendationRef",
            "Acceptance",
            "Compliance",
            "DeliveryStatus",
            "ActionStatus",
        ),
    ),
    (
        "The report and who answers it",
        (
            "Report",
            "Recommendation",
            "Fact",
            "Certainty",
            "Numbering",
            "Addressee",
            "NonAddressee",
            "Milestone",
            "Agency",
            "AgencyKind",
            "AgencyRole",
            "GroupMembers",
            "Force",
            "Country",
            "Responder",
            "ResponderKind",
            "Source",
        ),
    ),
    ("JSON", ("loads", "dumps", "from_dict", "to_dict", "load_plan")),
    (
        "Validation",
        ("validate", "validate_text", "ValidationReport", "Finding", "Severity", "Rule", "RULES"),
    ),
    ("Schemas", ("schema", "schema_id", "schema_ids", "SCHEMA_NAMES")),
    ("Pages", ("render_html", "render_markdown", "build_site")),
    ("Progress", ("status_as_of", "diff", "summarise")),
    (
        "Errors",
        (
            "SuperplanError",
            "LoadError",
            "Problem",
            "OutputError",
            "UnknownRecommendation",
            "UnknownAgency",
            "InvalidField",
            "WrongType",
            "DiffError",
            "TableError",
        ),
    ),
    ("Version", ("__version__",)),
)

_SOURCES = "The ids of the sources (see `Catalogue.sources`) it is taken from."
_CERTAINTY = "How well it is established: confirmed, inferred or unknown."
_NOTE = "What a reader should know about it, where the sources leave something open."
_AMENDED = "The amendment file that changed it, if one did."
_SLUG = "Its stable lowercase identifier."

#: Descriptions of members the code gives none for in a form this page reads (the catalogue's
#: fields, read from its data files), by ``Class.member``.
DESCRIBED: dict[str, str] = {
    "Catalogue.report": "The report itself: title, publication date, authors.",
    "Catalogue.recommendations": "The 29 recommendations, in number order.",
    "Catalogue.milestones": "The report's deadlines (56 days, six months, twelve months).",
    "Catalogue.agencies": "The bodies the report names: addressees, authors and recipients.",
    "Catalogue.forces": "The 43 territorial police forces of England and Wales.",
    "Catalogue.sources": "The public sources the catalogue cites, by id.",
    "CatalogueAmendments.schema": "The schema the file names (its `$schema`), if any.",
    "CatalogueAmendments.schema_version": "The version of the amendment schema it follows.",
    "CatalogueAmendments.sources": "The sources the user holds (the full report, say).",
    "CatalogueAmendments.recommendations": "The corrections, one entry per recommendation.",
    "RecommendationAmendment.recommendation": "The recommendation amended, by number or slug.",
    "RecommendationAmendment.certainty": "How sure the amendment is of what it supplies.",
    "RecommendationAmendment.note": _NOTE,
    "RecommendationAmendment.numbering": "How sure the number it gives is, if it gives one.",
    "RecommendationAmendment.number": "The recommendation's number, where it corrects it.",
    "RecommendationAmendment.short_title": "A short title, where it supplies one.",
    "RecommendationAmendment.addressees": "The agencies addressed, by slug, where it supplies them.",
    "RecommendationAmendment.deadline": "The milestone the recommendation is due by, by slug.",
    "RecommendationAmendment.wording": "The official wording, paragraph by paragraph.",
    "RecommendationAmendment.sub_points": "The recommendation's sub-points, in the report's words.",
    "PartialDate.isoformat": "The date as written: `YYYY-MM-DD` or `YYYY-MM`.",
    "PartialDate.month": "The month (1 to 12).",
    "PartialDate.precision": "`day` or `month`: the precision the date was given at.",
    "PartialDate.surely_on_or_after": "True when every day the date may stand for is on or after `other`.",
    "PartialDate.surely_on_or_before": "True when every day the date may stand for is on or before `other`.",
    "PartialDate.year": "The year.",
    "Report.title": "The report's full title.",
    "Report.published": "The day it was published (27 September 2024).",
    "Report.authors": "The bodies that wrote it, by slug.",
    "Report.super_complainant": "The body that made the super-complaint.",
    "Report.on_behalf_of": "The body the super-complaint was made on behalf of.",
    "Report.url": "Where the report is published.",
    "Report.recommendation_count": "How many recommendations it makes (29).",
    "Report.sources": _SOURCES,
    "Recommendation.number": "Its number in the report (1 to 29).",
    "Recommendation.slug": _SLUG + " Plans may name the recommendation by it.",
    "Recommendation.numbering": "How well its number is established.",
    "Recommendation.short_title": "A short title, with its provenance.",
    "Recommendation.addressees": "The agencies it is addressed to, each with its provenance.",
    "Recommendation.themes": "The themes it belongs to, for grouping.",
    "Recommendation.related": "The numbers of related recommendations.",
    "Recommendation.notes": "Notes on what the sources say of it.",
    "Recommendation.addressee_slugs": "The slugs of its addressees.",
    "Fact.value": "The value, or None where no source read gives it.",
    "Fact.certainty": _CERTAINTY,
    "Fact.sources": _SOURCES,
    "Fact.note": _NOTE,
    "Fact.amended_by": _AMENDED,
    "Numbering.certainty": _CERTAINTY,
    "Numbering.sources": _SOURCES,
    "Numbering.note": _NOTE,
    "Numbering.shipped_number": "The number the shipped catalogue gave, where an amendment moved it.",
    "Addressee.agency": "The agency addressed, by slug.",
    "Addressee.certainty": _CERTAINTY,
    "Addressee.sources": _SOURCES,
    "Addressee.note": _NOTE,
    "Addressee.amended_by": _AMENDED,
    "NonAddressee.agency": "The agency not addressed, by slug.",
    "NonAddressee.certainty": _CERTAINTY,
    "NonAddressee.sources": _SOURCES,
    "NonAddressee.note": _NOTE,
    "NonAddressee.amended_by": _AMENDED,
    "Milestone.slug": _SLUG,
    "Milestone.title": "Its name, such as '56 days from publication'.",
    "Milestone.offset_days": "Days from publication, for a rule in days.",
    "Milestone.offset_months": "Months from publication, for a rule in months.",
    "Milestone.stated_date": "The date the report states for it.",
    "Milestone.stated_as": "How the sources state the rule, with its provenance.",
    "Milestone.sources": _SOURCES,
    "Agency.slug": _SLUG,
    "Agency.name": "Its name.",
    "Agency.abbreviation": "Its usual abbreviation, if any (NPCC, CPS).",
    "Agency.kind": "What sort of body it is.",
    "Agency.roles": "The parts it plays in the report: addressee, author, recipient.",
    "Agency.members": "For a group (chief constables, PCCs), who its members are.",
    "Agency.note": _NOTE,
    "Agency.sources": _SOURCES,
    "Force.slug": _SLUG,
    "Force.name": "The force's name.",
    "Force.country": "England or Wales.",
    "Responder.slug": _SLUG + " A plan names its responder by it.",
    "Responder.name": "Its name.",
    "Responder.kind": "A force, a local policing body or a national agency.",
    "Responder.answers_as": "The addressee slugs whose recommendations it must answer.",
    "Source.id": "The short id the catalogue cites it by.",
    "Source.title": "Its title.",
    "Source.url": "Where it is published, if online.",
    "Source.note": _NOTE,
    "Country": "The country a force polices: England or Wales.",
    "ResponderKind": "What sort of responder publishes a plan.",
    "RecommendationRef": "A recommendation named by its number (1..29) or by its stable slug.",
    "RULES": "Every finding code, as a `Rule`, in code order (`superplan rules` lists them).",
    "SCHEMA_NAMES": "The names of the published JSON Schemas (`superplan schema` lists them).",
    "__version__": "The version of superplan installed.",
}


_BAR = "\\|"  # a | in a table cell
_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?([^`]+)`")


def _words(text: str) -> str:
    """Docstring text as Markdown: Sphinx roles (``:class:`~superplan.X```) as code."""
    return _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", text)


def _first_line(doc: str | None) -> str:
    if not doc:
        return ""
    paragraph = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return _words(" ".join(paragraph.split()))


def _signature(name: str, value: Any) -> str:
    try:
        return f"{name}{_resolved_signature(value)}"
    except (TypeError, ValueError):
        return name


#: Modules whose public functions write their annotations as text, naming types imported for type
#: checkers alone (checking a file must not import the plan's and the catalogue's classes): the
#: reference names those types as it did when they were imported at run time.
_TYPES_AS_TEXT = {"superplan.validation._validate"}


def _resolved_signature(value: Any) -> inspect.Signature:
    if getattr(value, "__module__", None) in _TYPES_AS_TEXT:
        return inspect.signature(value, eval_str=True, locals=_public_names())
    return inspect.signature(value)


def _public_names() -> dict[str, Any]:
    import superplan

    return {name: getattr(superplan, name) for name in superplan.__all__}


def _attribute_docs(cls: type) -> dict[str, str]:
    """Each attrs field's description: its ``doc`` metadata, else the docstring below it."""
    found: dict[str, str] = {}
    if attrs.has(cls):
        for field in attrs.fields(cls):
            doc = field.metadata.get("description") if field.metadata else None
            if isinstance(doc, str):
                found[field.name] = doc
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return found
    for match in re.finditer(
        r'^    (\w+)(?::[^=\n]*)?(?:=[^\n]*)?\n    (?:"""|r""")(.*?)"""', source, re.M | re.S
    ):
        found.setdefault(match.group(1), match.group(2))
    return found


def members(cls: type) -> Iterator[tuple[str, str, str]]:
    """A class's public members: (name, signature or kind, one-line description)."""
    for name, kind, said in _members(cls):
        yield name, kind, said or DESCRIBED.get(f"{cls.__name__}.{name}", "")


def _members(cls: type) -> Iterator[tuple[str, str, str]]:
    if issubclass(cls, enum.Enum):
        for member in cls:
            described = _first_line(getattr(member, "__doc__", None))
            if described == _first_line(cls.__doc__):
                described = ""
            yield member.name, f"= {member.value!r}", described or f"`{member.value}`."
        return
    fields = _attribute_docs(cls)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            if not field.name.startswith("_"):
                yield field.name, "field", _first_line(fields.get(field.name))
    for name, value in sorted(vars(cls).items()):
        if name.startswith("_") or (attrs.has(cls) and name in attrs.fields_dict(cls)):
            continue
        if isinstance(value, property):
            yield name, "property", _first_line(value.__doc__)
        elif isinstance(value, classmethod | staticmethod):
            yield name, _signature(name, value.__func__), _first_line(value.__func__.__doc__)
        elif inspect.isfunction(value):
            yield name, _signature(name, value), _first_line(value.__doc__)
        elif name in fields:
            yield name, "attribute", _first_line(fields[name])


def _public(name: str) -> Any:
    return getattr(importlib.import_module("superplan"), name)


def _data_doc(name: str) -> str:
    """A module-level constant's description: the docstring written below it in its module."""
    module = importlib.import_module("superplan")
    where = module._EXPORTS.get(name)
    if where is None:
        return ""
    source = inspect.getsource(importlib.import_module(where, "superplan"))
    match = re.search(
        rf'^{re.escape(name)}\b[^\n]*(?:\n(?!""")[^\n]*)*?\n"""(.*?)"""', source, re.M | re.S
    )
    comment = re.search(rf"((?:^#: [^\n]*\n)+)^{re.escape(name)}\b", source, re.M)
    if match:
        return match.group(1)
    if comment:
        return " ".join(line[3:] for line in comment.group(1).splitlines())
    return ""


def _entry(name: str) -> list[str]:
    value = _public(name)
    lines = [f"### `{name}`", ""]
    if inspect.isclass(value):
        kind = "enumeration" if issubclass(value, enum.Enum) else "class"
        if issubclass(value, BaseException):
            kind = "exception"
        bases = [b.__name__ for b in value.__bases__ if b is not object]
        shown = f"{kind} {name}({', '.join(bases)})" if bases else f"{kind} {name}"
        lines += [f"```python\n{shown}\n```", ""]
        lines += [_described(name, value), ""]
        rows = list(members(value))
        if rows:
            lines += ["| Member | Signature | Description |", "| --- | --- | --- |"]
            for member, signature, described in rows:
                shown, said = signature.replace("|", _BAR), described.replace("|", _BAR)
                lines.append(f"| `{member}` | `{shown}` | {said} |")
            lines.append("")
    elif callable(value):
        lines += [f"```python\n{_signature(name, value)}\n```", "", _first_line(value.__doc__), ""]
    else:
        described = _first_line(_data_doc(name)) or DESCRIBED.get(name, "")
        lines += [f"```python\n{name}: {type(value).__name__}\n```", "", described, ""]
    return lines


def _described(name: str, value: Any) -> str:
    own = _first_line(value.__doc__)
    if issubclass(value, enum.Enum) and own == _first_line(enum.Enum.__doc__):
        own = ""  # the docstring every enumeration inherits says nothing of this one
    return own or DESCRIBED.get(name, "")


def render_api_markdown() -> str:
    """The API reference page, as Markdown."""
    lines = [
        "# API reference",
        "",
        "<!-- Written by tests/apidoc.py (PYTHONPATH=src python -m tests.apidoc); a test holds this page to it. -->",
        "",
        "Everything public is importable from `superplan` (`import superplan as sp`); the names "
        "below are its `__all__`. Each class lists its fields, properties and methods; each "
        "enumeration, its members. Modules and names that start with `_` are private.",
        "",
    ]
    for title, names in SECTIONS:
        lines += [f"## {title}", ""]
        for name in names:
            lines += _entry(name)
    return "\n".join(lines).rstrip("\n") + "\n"


def _said_of(name: str, value: Any) -> bool:
    if callable(value):
        return bool(_first_line(value.__doc__))
    return bool(_first_line(_data_doc(name)) or name in DESCRIBED)


def undocumented() -> list[str]:
    """Public names and members with no description: each is a gap in the reference."""
    gaps = []
    for _, names in SECTIONS:
        for name in names:
            value = _public(name)
            if inspect.isclass(value):
                if not _described(name, value):
                    gaps.append(name)
                gaps += [f"{name}.{m}" for m, _, said in members(value) if not said]
            elif not _said_of(name, value):
                gaps.append(name)
    return gaps


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    target = Path(__file__).resolve().parents[1] / "docs" / "api.md"
    target.write_text(render_api_markdown(), encoding="utf-8")
    print(f"wrote {target}")
