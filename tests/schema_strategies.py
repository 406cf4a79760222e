"""Hypothesis strategies for JSON documents, built from superplan's own published schemas.

(hypothesis-jsonschema would be the library for this, but its release does not run with the
current Hypothesis; the schemas use a small subset of JSON Schema, which this covers.)
"""

from typing import Any

import pendulum
from hypothesis import strategies as st

from superplan._schema import DATE_PATTERN


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents valid under ``schema`` (the subset the published schemas use)."""
    return _node(schema, schema.get("$defs", {}))


def _node(node: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        return st.deferred(lambda: _node(defs[node["$ref"].rsplit("/", 1)[1]], defs))
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "anyOf" in node:
        return st.one_of([_node(branch, defs) for branch in node["anyOf"]])
    kind = node.get("type")
    if kind == "object":
        return _object(node, defs)
    if kind == "array":
        items = node.get("items", {})
        return st.lists(_node(items, defs) if items else st.none(), max_size=3)
    if kind == "integer":
        return st.integers(node.get("minimum", -1000), node.get("maximum", 1000))
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        pattern = node.get("pattern")
        if pattern == DATE_PATTERN:
            return st.dates(pendulum.date(2000, 1, 1), pendulum.date(2099, 12, 31)).map(
                lambda d: d.isoformat()
            )
        if pattern:
            return st.from_regex(pattern, fullmatch=pattern.startswith("^")).filter(
                lambda s: len(s) < 200
            )
        return st.text(max_size=30)
    return st.none()


def _object(node: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    properties = node.get("properties", {})
    required = set(node.get("required", ()))
    exclusive = [
        branch["required"] for branch in node.get("oneOf", ()) if set(branch) == {"required"}
    ]
    if not properties:  # a free-form object (extensions)
        return st.dictionaries(st.text(max_size=8), st.integers() | st.text(max_size=8), max_size=3)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        chosen = set(required)
        if exclusive:
            chosen |= set(draw(st.sampled_from(exclusive)))
        banned = {key for keys in exclusive for key in keys} - chosen
        for key in properties:
            if key not in chosen and key not in banned and draw(st.booleans()):
                chosen.add(key)
        return {key: draw(_node(properties[key], defs)) for key in properties if key in chosen}

    return build()
