"""``docs/api.md``, written from the code: every public name of ``superplan`` (its ``__all__``),
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
        return f"{name}{inspect.signature(value)}"
    except (TypeError, ValueError):
        return name


def _attribute_docs(cls: type) -> dict[str, str]:
    """Each attrs field's description: its ``doc`` metadata, else the docstring below it."""
    found: dict[str, str] = {}
    if attrs.has(cls):
        for field in attrs.fields(cls):
            doc = field.metadata.get("doc") if field.metadata else None
            if isinstance(doc, dict):
                doc = doc.get("description")
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
        lines += [f"```python\n{kind} {name}({', '.join(bases)})\n```", ""]
        lines += [_first_line(value.__doc__) or f"The `{name}` {kind}.", ""]
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
        described = _first_line(_data_doc(name)) or _first_line(getattr(value, "__doc__", ""))
        if isinstance(value, str) or not described:
            described = _first_line(_data_doc(name))
        lines += [f"```python\n{name}: {type(value).__name__}\n```", "", described, ""]
    return lines


def render_api_markdown() -> str:
    """The API reference page, as Markdown."""
    lines = [
        "# API reference",
        "",
        "<!-- Written by superplan._apidoc.render_api_markdown(); a test holds this page to it. -->",
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


def undocumented() -> list[str]:
    """Public names and members with no description: each is a gap in the reference."""
    gaps = []
    for _, names in SECTIONS:
        for name in names:
            value = _public(name)
            if inspect.isclass(value):
                if not _first_line(value.__doc__):
                    gaps.append(name)
                gaps += [f"{name}.{m}" for m, _, said in members(value) if not said]
            elif callable(value) and not _first_line(value.__doc__):
                gaps.append(name)
            elif not callable(value) and not _first_line(_data_doc(name)):
                gaps.append(name)
    return gaps
