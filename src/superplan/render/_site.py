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
from ..model import Recommendation
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


def _page(template: str, t: Messages, title: str, current: str = "", **context: Any) -> str:
    """A page of the site; ``current`` names it for the navigation (``aria-current``)."""
    return (
        environment("html")
        .get_template(template)
        .render(
            t=t,
            version=_version(),
            page_title=title,
            home="index.html",
            current=current,
            **context,
        )
    )


def _table_page(
    name: str,
    t: Messages,
    title: str,
    table: dict[str, Any],
    intro: str | None = None,
    current: str = "",
) -> tuple[str, str]:
    """A page of one table: agencies, forces, a schema's fields, the list of schemas."""
    table = {"facts": [], "heading": None, **table}
    page = _page(
        "site_table.html.j2",
        t,
        title,
        current or name,
        heading=title,
        intro=intro,
        tables=[table],
    )
    return name, page


def _index_page(cat: Catalogue, t: Messages) -> tuple[str, str]:
    """The home page: the report, its deadlines and its 29 recommendations."""
    report = cat.report
    authors = ", ".join(cat.agency(slug).name for slug in report.authors)
    milestones = [
        {"date": t.date(cat.milestone_date(m.slug)), "rule": m.title, "slug": m.slug}
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
    page = _page(
        "site_index.html.j2",
        t,
        t("site_title"),
        "index.html",
        report=report,
        report_published=t.date(report.published),
        authors=authors,
        milestones=milestones,
        recommendations=rows,
    )
    return "index.html", page


def _recommendation_facts(rec: Recommendation, cat: Catalogue, t: Messages) -> list[Any]:
    """How well each fact of a recommendation is known."""
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
    return facts


def _recommendation_page(rec: Recommendation, cat: Catalogue, t: Messages) -> tuple[str, str]:
    """One recommendation: what is known of it and how well, its wording, notes and sources."""
    view = recommendation_view(rec, cat, t)
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
    sources = [{"title": cat.source(s).title, "url": safe_url(cat.source(s).url)} for s in cited]
    notes = [n for n in (rec.wording.note, rec.sub_points.note, rec.deadline.note) if n]
    notes += [n.note for n in rec.not_addressed_to if n.note]
    notes += list(rec.notes)
    related = [
        {"title": cat.recommendation(n).title, "href": f"recommendation-{n}.html"}
        for n in rec.related
    ]
    page = _page(
        "site_recommendation.html.j2",
        t,
        view["heading"],
        "index.html",
        rec=view,
        facts=_recommendation_facts(rec, cat, t),
        notes=notes,
        related=related,
        sources=sources,
    )
    return f"recommendation-{rec.number}.html", page


def _agencies_page(cat: Catalogue, t: Messages) -> tuple[str, str]:
    rows = [
        [a.name, {"code": a.slug}, "; ".join(t.value("role_values", role) for role in a.roles)]
        for a in cat.agencies
    ]
    table = {
        "caption": t("agencies_caption"),
        "columns": [t("col_agency"), t("col_slug"), t("col_roles")],
        "rows": rows,
    }
    return _table_page("agencies.html", t, t("agencies_title"), table)


def _forces_page(cat: Catalogue, t: Messages) -> tuple[str, str]:
    rows = [
        [
            f.name,
            {"code": f.slug},
            t.value("country_values", f.country),
            {"text": f.name_cy, "lang": "cy"} if f.name_cy else "",
        ]
        for f in cat.forces
    ]
    table = {
        "caption": t("forces_caption"),
        "columns": [t("col_force"), t("col_slug"), t("col_country"), t("col_welsh_name")],
        "rows": rows,
    }
    return _table_page("forces.html", t, t("forces_title"), table)


def _schema_page(name: str, t: Messages) -> tuple[str, str]:
    """One schema's fields: type, whether required, meaning, example."""
    document = schema(name)
    rows: list[list[Any]] = [
        [{"code": r["field"]}, r["type"], r["required"], r["description"], r["example"]]
        for r in schema_rows(document)
    ]
    table = {
        "caption": t("schema_caption", name=name),
        "columns": [
            t("col_field"),
            t("col_type"),
            t("col_required"),
            t("col_description"),
            t("col_example"),
        ],
        "rows": rows,
        "facts": [(t("schema_id"), document["$id"])],
    }
    heading = t("schema_heading", name=name)
    return _table_page(
        f"schema-{name}.html", t, heading, table, document.get("description"), "schemas.html"
    )


def _schemas_page(t: Messages) -> tuple[str, str]:
    links: list[list[Any]] = [
        [{"text": name, "href": f"schema-{name}.html"}, schema(name)["$id"]]
        for name in SCHEMA_NAMES
    ]
    table = {
        "caption": t("schemas_title"),
        "columns": [t("col_field"), t("schema_id")],
        "rows": links,
    }
    return _table_page("schemas.html", t, t("schemas_title"), table, t("schemas_intro"))


def _pages(cat: Catalogue, t: Messages) -> Iterator[tuple[str, str]]:
    """Every page of the site, one function each: (file name, HTML)."""
    yield _index_page(cat, t)
    for rec in cat.recommendations:
        yield _recommendation_page(rec, cat, t)
    yield _agencies_page(cat, t)
    yield _forces_page(cat, t)
    for name in SCHEMA_NAMES:
        yield _schema_page(name, t)
    yield _schemas_page(t)


site_pages = _pages
"""Every page of the reference site, (file name, HTML), in memory (the web checker serves them)."""


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
