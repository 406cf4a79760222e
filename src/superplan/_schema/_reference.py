"""The reference route: the published schema walked by the pure-Python jsonschema, its errors said
in plain words.

jsonschema reports a failed ``anyOf`` or ``oneOf`` as the failure of every branch; that noise is
folded here into the single most useful error.
"""

import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

from .._json import json_pointer
from .._wording import describe_value
from ._messages import (
    Path,
    ShapeError,
    exactly_one_of,
    missing,
    no_match,
    not_allowed,
    range_message,
    type_words,
    unknown,
    wrong_type,
)
from ._shipped import published

__all__ = ["explain", "reference_errors", "schema_validator"]


@cache
def schema_validator(name: str = "action-plan") -> Draft202012Validator:
    """The reference validator of a published schema (formats are annotations, as in ajv's default)."""
    return typing.cast(Draft202012Validator, _Validator(published(name)))


@cache
def _ecmascript(pattern: str) -> re.Pattern[str]:
    # A final "$" matches only at the very end, as in ECMAScript (ajv) and jsonschema-rs; Python's
    # also matches before a final newline, which would let "kent\n" pass as a slug.
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _ecmascript(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]


def reference_errors(data: Any, name: str = "action-plan") -> Iterator[ShapeError]:
    """Every schema error of a document by the reference route, folded and in plain words."""
    for error in schema_validator(name).iter_errors(data):
        yield from explain(error)


def explain(error: ValidationError, prefix: Path = ()) -> Iterator[ShapeError]:
    """A jsonschema error in plain words; ``prefix`` is where its instance sits in the document."""
    path = (*prefix, *error.absolute_path)
    pointer = json_pointer(path)
    keyword = error.validator
    instance = error.instance
    if keyword in ("anyOf", "oneOf"):
        yield from _folded(error, pointer, prefix)
    elif keyword == "required":
        yield from missing(typing.cast(list[str], error.validator_value), instance, pointer)
    elif keyword == "additionalProperties":
        allowed = typing.cast(dict[str, Any], error.schema).get("properties", {})
        yield from unknown(allowed, instance, path)
    elif keyword == "type":
        yield wrong_type(error.validator_value, instance, pointer)
    elif keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        yield not_allowed(typing.cast(list[Any], allowed), instance, pointer)
    elif keyword == "pattern":
        yield no_match(str(error.validator_value), instance, pointer)
    elif keyword in ("minimum", "maximum", "minItems", "maxItems"):
        schema = error.schema
        assert isinstance(schema, dict)
        message = range_message(str(keyword), schema, instance) or str(error.message)
        yield ShapeError("SP106", pointer, {"message": message})
    else:
        yield ShapeError("SP107", pointer, {"message": error.message})


def _folded(error: ValidationError, pointer: str, prefix: Path) -> Iterator[ShapeError]:
    branches = error.validator_value
    assert isinstance(branches, list)
    choice = exactly_one_of(branches, pointer)
    if choice is not None:
        yield choice
        return
    context = list(error.context or ())
    if context and all(sub.validator == "type" for sub in context):
        types = [sub.validator_value for sub in context]
        expected = " or ".join(type_words(t) for t in types)
        yield ShapeError(
            "SP103", pointer, {"expected": expected, "got": describe_value(error.instance)}
        )
        return
    # Prefer what went wrong in a branch whose type fitted (7.5 against a number, not a slug).
    fitted = [sub for sub in context if sub.validator != "type"]
    best = best_match(fitted or context) if context else None
    if best is None:
        yield ShapeError("SP107", pointer, {"message": error.message})
    else:
        yield from explain(best, prefix)
