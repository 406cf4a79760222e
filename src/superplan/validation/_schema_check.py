"""The schema layer: the published JSON Schema, walked in full, its errors said in plain words.

jsonschema reports a failed ``anyOf`` or ``oneOf`` as the failure of every branch; that noise is
folded here into the single most useful finding.
"""

import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .._schema import DATE_PATTERN, NON_BLANK_PATTERN, PART_PATTERN, SLUG_PATTERN, _schema
from .._words import describe, one_of, shorten
from ..errors import json_pointer
from ..model import RECOMMENDATION_COUNT
from ._findings import Finding
from ._rules import rule

__all__ = ["schema_findings", "schema_validator"]

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}

_PATTERN_MESSAGES = {
    SLUG_PATTERN: "expected a lowercase slug such as 'north-yorkshire', got {value!r}",
    DATE_PATTERN: "expected a date written YYYY-MM-DD, got {value!r}",
    NON_BLANK_PATTERN: "must not be empty or only white space",
    PART_PATTERN: "expected a part written like '7.1', got {value!r}",
}


@cache
def schema_validator(name: str = "action-plan") -> Draft202012Validator:
    """The compiled validator of a published schema (formats are annotations, as in ajv's default)."""
    return Draft202012Validator(_schema(name))


def schema_findings(data: Any, name: str = "action-plan") -> Iterator[Finding]:
    """Every schema finding for a document, folded and in plain words."""
    seen: set[tuple[str, str]] = set()
    for error in schema_validator(name).iter_errors(data):
        for finding in _findings(error):
            key = (finding.code, finding.pointer)
            if key not in seen:
                seen.add(key)
                yield finding


def _type_words(types: Any) -> str:
    names = types if isinstance(types, list) else [types]
    return " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)


def _findings(error: ValidationError) -> Iterator[Finding]:
    pointer = json_pointer(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    if keyword in ("anyOf", "oneOf"):
        yield from _folded(error, pointer)
    elif keyword == "required":
        for key in typing.cast(list[str], error.validator_value):
            if isinstance(instance, dict) and key not in instance:
                yield rule("SP101").finding(pointer, key=key)
    elif keyword == "additionalProperties":
        allowed = typing.cast(dict[str, Any], error.schema).get("properties", {})
        for key in typing.cast(dict[str, Any], instance):
            if key not in allowed:
                where = json_pointer((*error.absolute_path, key))
                yield rule("SP102").finding(where, key=shorten(key))
    elif keyword == "type":
        yield rule("SP103").finding(
            pointer, expected=_type_words(error.validator_value), got=describe(instance)
        )
    elif keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        got = repr(instance) if isinstance(instance, str) else describe(instance)
        yield rule("SP104").finding(pointer, allowed=one_of(allowed), got=got)
    elif keyword == "pattern":
        template = _PATTERN_MESSAGES.get(
            str(error.validator_value), "{value!r} does not match the pattern {pattern}"
        )
        message = template.format(value=instance, pattern=error.validator_value)
        yield rule("SP105").finding(pointer, message=message)
    elif keyword in ("minimum", "maximum", "minItems", "maxItems"):
        yield rule("SP106").finding(pointer, message=_range_message(error))
    else:
        yield rule("SP107").finding(pointer, message=error.message)


def _range_message(error: ValidationError) -> str:
    schema = error.schema
    assert isinstance(schema, dict)
    if "minimum" in schema and "maximum" in schema:
        low, high = schema["minimum"], schema["maximum"]
        what = "a recommendation number" if (low, high) == (1, RECOMMENDATION_COUNT) else "a number"
        return f"expected {what} from {low} to {high}, got {error.instance}"
    if error.validator in ("minItems", "maxItems") and schema.get("minItems") == schema.get(
        "maxItems"
    ):
        count = len(typing.cast(list[Any], error.instance))
        return f"expected a list of {schema['minItems']} items, got {count}"
    return str(error.message)


def _folded(error: ValidationError, pointer: str) -> Iterator[Finding]:
    branches = error.validator_value
    assert isinstance(branches, list)
    if all(set(branch) == {"required"} for branch in branches):
        # "exactly one of these keys": say so, rather than which branch failed how.
        keys = [key for branch in branches for key in branch["required"]]
        choices = " and ".join(repr(key) for key in keys)
        yield rule("SP107").finding(pointer, message=f"give exactly one of {choices}")
        return
    context = list(error.context or ())
    if context and all(sub.validator == "type" for sub in context):
        types = [sub.validator_value for sub in context]
        yield rule("SP103").finding(
            pointer,
            expected=" or ".join(_type_words(t) for t in types),
            got=describe(error.instance),
        )
        return
    # Prefer what went wrong in a branch whose type fitted (7.5 against a number, not a slug).
    fitted = [sub for sub in context if sub.validator != "type"]
    best = best_match(fitted or context) if context else None
    if best is None:
        yield rule("SP107").finding(pointer, message=error.message)
    else:
        yield from _findings(best)
