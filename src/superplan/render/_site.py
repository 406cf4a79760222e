"""The catalogue's static reference site, and the reference of the published schemas."""

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._files import output_folder, write_output
from .._schema import (
    DATE_PATTERN,
    NON_BLANK_PATTERN,
    PART_PATTERN,
    SCHEMA_NAMES,
    SLUG_PATTERN,
    schema,
)
from ..catalogue import Catalogue, given_or_shipped
from ._env import environment
from ._messages import Messages, messages
from ._views import recommendation_view, safe_url

__all__ = ["build_site", "schema_rows"]


def _version() -> str:
    from .._version import __version__

    return __version__


# -- the schema reference ------------------------------------------------------------------------

_PATTERN_WORDS = {
    SLUG_PATTERN: "slug (a-z, 0-9, hyphens)",
    DATE_PATTERN: "date, YYYY-MM-DD",
    PART_PATTERN: "part, like 7.1",
    NON_BLANK_PATTERN: "text, not blank",
}
_TYPE_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "true or false",
    "object": "object",
    "array": "list",
}


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.rsplit("/", 1)[1]
        return root["$defs"][name], name
    return node, None


def _type_words(node: dict[str, Any], root: dict[str, Any]) -> str:
    node, name = _resolve(node, root)
    if name is not None:
        return f"object ({name})"
    if "enum" in node:
        return "one of: " + ", ".join(str(v) for v in node["enum"])
    if "anyOf" in node:
        return " or ".join(_type_words(branch, root) for branch in node["anyOf"])
    kind = node.get("type")
    if kind == "array":
        if "prefixItems" in node:
            return f"list of {len(node['prefixItems'])} " + _type_words(
                node["prefixItems"][0], root
            )
        items = node.get("items")
        return "list of " + (_type_words(items, root) if isinstance(items, dict) else "values")
    if "pattern" in node and node["pattern"] in _PATTERN_WORDS:
        return _PATTERN_WORDS[node["pattern"]]
    if kind == "integer" and "minimum" in node and "maximum" in node:
        return f"whole number, {node['minimum']} to {node['maximum']}"
    return _TYPE_WORDS.get(str(kind), str(kind or "any value"))


def schema_rows(document: dict[str, Any]) -> list[dict[str, str]]:
    """Every field of a schema, depth first: path, type, required, description, example."""
    rows: list[dict[str, str]] = []

    def walk(node: dict[str, Any], prefix: str, seen: frozenset[str]) -> None:
        node, name = _resolve(node, document)
        if name is not None:
            if name in seen:
                return
            seen = seen | {name}
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            walk(node["items"], prefix + "[]", seen)
            return
        required = set(node.get("required", ()))
        for key, child in node.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            resolved, _ = _resolve(child, document)
            examples = child.get("examples") or resolved.get("examples") or ()
            rows.append(
                {
                    "field": path,
                    "type": _type_words(child, document),
                    "required": "yes" if key in required else "no",
                    "description": child.get("description") or resolved.get("description") or "",
                    "example": json.dumps(examples[0], ensure_ascii=False) if examples else "",
                }
            )
            walk(child, path, seen)

    walk(document, "", frozenset())
    return rows


# -- the site -------------------------------------------------------------------------------------


def _page(template: str, t: Messages, title: str, **context: Any) -> str:
    return (
        environment("html")
        .get_template(template)
        .render(t=t, version=_version(), page_title=title, home="index.html", **context)
    )


def _pages(cat: Catalogue, t: Messages) -> Iterator[tuple[str, str]]:
    report = cat.report
    authors = ", ".join(cat.agency(slug).name for slug in report.authors)
    milestones = [
        {
            "date": t.date(cat.milestone_date(m.slug)),
            "rule": m.title,
            "slug": m.slug,
        }
        for m in cat.milestones
    ]
    rows = []
    for rec in cat.recommendations:
        view = recommendation_view(rec, cat, t)
        rows.append(
            {
                "number": rec.number,
                "title": rec.title,
                "href": f"recommendation-{rec.number}.html",
                "addressees": view["addressees"],
                "deadline": view["deadline"],
                "known": t("yes") if rec.wording.value else t("no"),
            }
        )
    yield (
        "index.html",
        _page(
            "site_index.html.j2",
            t,
            t("site_title"),
            report=report,
            report_published=t.date(report.published),
            authors=authors,
            milestones=milestones,
            recommendations=rows,
        ),
    )

    for rec in cat.recommendations:
        view = recommendation_view(rec, cat, t)
        number = t.value("certainty_values", rec.numbering.certainty)
        if rec.numbering.range:
            low, high = rec.numbering.range
            number += "; " + t("number_range", low=low, high=high)
        facts = [
            (t("number_label"), number),
            (t("the_recommendation"), t.value("certainty_values", rec.wording.certainty)),
            (t("deadline"), t.value("certainty_values", rec.deadline.certainty)),
        ]
        facts += [
            (
                t("not_addressed_to", agency=cat.agency(fact.agency).name),
                t.value("certainty_values", fact.certainty),
            )
            for fact in rec.not_addressed_to
        ]
        cited = dict.fromkeys(
            (
                *rec.numbering.sources,
                *rec.wording.sources,
                *rec.sub_points.sources,
                *(s for a in rec.addressees for s in a.sources),
                *(s for n in rec.not_addressed_to for s in n.sources),
                *(rec.addressee_heading.sources if rec.addressee_heading else ()),
                *rec.deadline.sources,
            )
        )
        sources = [
            {"title": cat.source(s).title, "url": safe_url(cat.source(s).url)} for s in cited
        ]
        notes = [n for n in (rec.wording.note, rec.sub_points.note, rec.deadline.note) if n]
        notes += [n.note for n in rec.not_addressed_to if n.note]
        notes += list(rec.notes)
        related = [
            {"title": cat.recommendation(n).title, "href": f"recommendation-{n}.html"}
            for n in rec.related
        ]
        yield (
            f"recommendation-{rec.number}.html",
            _page(
                "site_recommendation.html.j2",
                t,
                view["heading"],
                rec=view,
                facts=facts,
                notes=notes,
                related=related,
                sources=sources,
            ),
        )

    agency_rows = [
        [
            a.name,
            {"code": a.slug},
            "; ".join(t.value("role_values", role) for role in a.roles),
        ]
        for a in cat.agencies
    ]
    yield (
        "agencies.html",
        _page(
            "site_table.html.j2",
            t,
            t("agencies_title"),
            heading=t("agencies_title"),
            intro=None,
            tables=[
                {
                    "caption": t("agencies_caption"),
                    "columns": [t("col_agency"), t("col_slug"), t("col_roles")],
                    "rows": agency_rows,
                    "facts": [],
                    "heading": None,
                }
            ],
        ),
    )

    force_rows = [
        [
            f.name,
            {"code": f.slug},
            t.value("country_values", f.country),
            {"text": f.name_cy, "lang": "cy"} if f.name_cy else "",
        ]
        for f in cat.forces
    ]
    yield (
        "forces.html",
        _page(
            "site_table.html.j2",
            t,
            t("forces_title"),
            heading=t("forces_title"),
            intro=None,
            tables=[
                {
                    "caption": t("forces_caption"),
                    "columns": [
                        t("col_force"),
                        t("col_slug"),
                        t("col_country"),
                        t("col_welsh_name"),
                    ],
                    "rows": force_rows,
                    "facts": [],
                    "heading": None,
                }
            ],
        ),
    )

    schema_links: list[list[Any]] = []
    for name in SCHEMA_NAMES:
        document = schema(name)
        heading = t("schema_heading", name=name)
        schema_links.append([{"text": name, "href": f"schema-{name}.html"}, document["$id"]])
        field_rows: list[list[Any]] = [
            [{"code": r["field"]}, r["type"], r["required"], r["description"], r["example"]]
            for r in schema_rows(document)
        ]
        yield (
            f"schema-{name}.html",
            _page(
                "site_table.html.j2",
                t,
                heading,
                heading=heading,
                intro=document.get("description"),
                tables=[
                    {
                        "caption": t("schema_caption", name=name),
                        "columns": [
                            t("col_field"),
                            t("col_type"),
                            t("col_required"),
                            t("col_description"),
                            t("col_example"),
                        ],
                        "rows": field_rows,
                        "facts": [(t("schema_id"), document["$id"])],
                        "heading": None,
                    }
                ],
            ),
        )
    yield (
        "schemas.html",
        _page(
            "site_table.html.j2",
            t,
            t("schemas_title"),
            heading=t("schemas_title"),
            intro=t("schemas_intro"),
            tables=[
                {
                    "caption": t("schemas_title"),
                    "columns": [t("col_field"), t("schema_id")],
                    "rows": schema_links,
                    "facts": [],
                    "heading": None,
                }
            ],
        ),
    )


def build_site(
    out: str | os.PathLike[str],
    *,
    catalogue: Catalogue | None = None,
    language: str | os.PathLike[str] = "en",
) -> list[Path]:
    """Write the catalogue's reference site (HTML, no JavaScript) into ``out``."""
    folder = output_folder(out)
    cat = given_or_shipped(catalogue)
    written = []
    for name, text in _pages(cat, messages(language)):
        path = folder / name
        write_output(path, text, folder=folder)
        written.append(path)
    return written
