"""Where, in a document a schema has proven sound, a fast JSON reader's value may still differ
from the strict reader's: derived from the published schema, so it follows every change to it.

A sound document's shape is fixed everywhere but in two kinds of place:

- an ``integer``: JSON Schema (and ajv) count ``7.0`` as one, the model does not, and a fast
  reader may give a float where the strict one keeps the number exactly;
- a free-form object (``extensions``): any value, nested to any depth, may sit there.

Everywhere else the schema has checked every type, so the fast reader's value is the strict one's.
"""

from collections.abc import Iterator
from functools import cache
from typing import Any, Literal

from ._shipped import published

__all__ = ["EACH", "Place", "doubtful_places", "resolve"]

EACH = "*"
"""A path step meaning every item of a list."""

Place = tuple[Literal["integer", "free-form"], tuple[str, ...]]
"""What may differ (an integer, or anything free-form), and the path to it."""


@cache
def doubtful_places(name: str = "action-plan") -> tuple[Place, ...]:
    """Every place in documents of the schema ``name`` where a value's type is not pinned down."""
    root = published(name)
    return tuple(sorted(set(_walk(root, root, (), frozenset()))))


def _walk(
    root: dict[str, Any], node: Any, path: tuple[str, ...], seen: frozenset[str]
) -> Iterator[Place]:
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in seen:  # a recursive schema: its places are found on the first visit
            return
        yield from _walk(root, resolve(root, ref), path, seen | {ref})
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "integer" in kinds:
        yield "integer", path
    properties = node.get("properties")
    if "object" in kinds and (not properties or node.get("additionalProperties") is not False):
        yield "free-form", path
        return
    for key, sub in (properties or {}).items():
        yield from _walk(root, sub, (*path, key), seen)
    if "items" in node:
        yield from _walk(root, node["items"], (*path, EACH), seen)
    for keyword in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(keyword, ()):
            yield from _walk(root, branch, path, seen)


def resolve(root: dict[str, Any], ref: str) -> Any:
    """The schema node a local ``$ref`` (``#/$defs/Action``) points to."""
    node: Any = root
    for step in ref.removeprefix("#/").split("/"):
        node = node[step.replace("~1", "/").replace("~0", "~")]
    return node
