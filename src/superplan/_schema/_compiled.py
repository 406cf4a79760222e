"""The compiled route: jsonschema-rs checks a document against the same published schema, and its
errors are said in the same plain words as the reference route's.

Each error names the schema keyword that failed and where it sits in the schema, so the words come
from the schema itself; only where an explanation needs jsonschema's own error tree or wording
(a failed ``anyOf`` or ``oneOf`` of typed branches, a keyword we do not word) is the reference
validator asked, on that value alone.
"""

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import jsonschema_rs

from .._json import json_pointer
from ._messages import (
    ShapeError,
    exactly_one_of,
    missing,
    no_match,
    not_allowed,
    range_message,
    unknown,
    wrong_type,
)
from ._places import resolve
from ._shipped import published

__all__ = ["compiled_errors", "is_sound"]


#: How the published patterns say "and nothing after": a lookahead that ajv and Python read alike
#: (``$`` would let a final newline through in Python). jsonschema-rs sends a pattern with a
#: lookahead to its backtracking engine; ``\\z`` means the same to its fast one.
_NOTHING_AFTER = "(?![\\s\\S])"

#: A pattern that is one negated class alone, unanchored (``[^ \\t\\n\\r\\f\\v]``: "holds a
#: character other than these"), as the published schema writes "not blank": plain characters
#: and escapes, no nested class, and no ``^`` first (which ``[^...]`` would read as negation).
_ONE_NEGATED_CLASS = re.compile(r"\[\^(?!\^)((?:[^\]\\\[]|\\.)+)\]")


def _in_rust_dialect(node: Any) -> Any:
    """The schema with each pattern written as the Rust regex crate reads it fastest, meaning
    the same: an ending as ``\\z``, and "holds a character outside a set" anchored at the start
    (``^[set]*[^set]``), which the regex crate checks in a third of the time of an unanchored
    search for the class."""
    if isinstance(node, dict):
        return {
            key: _rust_pattern(value)
            if key == "pattern" and isinstance(value, str)
            else _in_rust_dialect(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_in_rust_dialect(item) for item in node]
    return node


def _rust_pattern(pattern: str) -> str:
    if pattern.endswith(_NOTHING_AFTER):
        return pattern.removesuffix(_NOTHING_AFTER) + "\\z"
    negated = _ONE_NEGATED_CLASS.fullmatch(pattern)
    if negated is not None:
        # The first character outside the set is preceded by characters in it alone.
        return f"^[{negated.group(1)}]*{pattern}"
    return pattern


@cache
def _validator(name: str) -> Any:
    # Formats are annotations, as in the reference route and ajv's default. Error paths are
    # the published schema's: only pattern text differs.
    return jsonschema_rs.validator_for(_in_rust_dialect(published(name)), validate_formats=False)


def is_sound(data: Any, name: str = "action-plan") -> bool:
    """Whether a document has the shape of the published schema ``name`` (compiled)."""
    return bool(_validator(name).is_valid(data))


def compiled_errors(data: Any, name: str = "action-plan") -> Iterator[ShapeError]:
    """Every schema error of a document, by the compiled validator, in plain words."""
    root = published(name)
    for error in _validator(name).iter_errors(data):
        *holder_path, keyword = error.schema_path
        yield from _explain(name, root, _at(root, holder_path), str(keyword), error)


def _at(root: dict[str, Any], path: Sequence[str | int]) -> Any:
    node: Any = root
    for step in path:
        node = node[step]
        if isinstance(node, dict) and "$ref" in node and len(node) == 1:
            node = resolve(root, node["$ref"])
    return node


def _explain(
    name: str, root: dict[str, Any], schema: Any, keyword: str, error: Any
) -> Iterator[ShapeError]:
    path = list(error.instance_path)
    pointer = json_pointer(path)
    instance = error.instance
    value: Any = schema.get(keyword) if isinstance(schema, dict) else None
    if keyword == "required":
        yield from missing(value, instance, pointer)
    elif keyword == "additionalProperties":
        yield from unknown(schema.get("properties", {}), instance, path)
    elif keyword == "type":
        yield wrong_type(value, instance, pointer)
    elif keyword in ("enum", "const"):
        yield not_allowed(value if keyword == "enum" else [value], instance, pointer)
    elif keyword == "pattern":
        yield no_match(str(value), instance, pointer)
    elif keyword in ("minimum", "maximum", "minItems", "maxItems") and (
        message := range_message(keyword, schema, instance)
    ):
        yield ShapeError("SP106", pointer, {"message": message})
    elif keyword in ("anyOf", "oneOf") and (choice := exactly_one_of(value, pointer)):
        yield choice
    else:
        # jsonschema's error tree or wording is needed: ask it, about this value alone. (Imported
        # here: most documents never need it, and it is slow to import.)
        from ._reference import explain, schema_validator

        reference = schema_validator(name).evolve(schema=schema)
        for sub in reference.iter_errors(instance):
            if sub.validator == keyword and not sub.path:
                yield from explain(sub, path)
