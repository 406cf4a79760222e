"""Shape errors and their plain words, shared by the compiled and the reference routes."""

import re
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

from .._json import json_pointer
from .._wording import describe_value, one_of, shorten
from ..model import RECOMMENDATION_COUNT
from ._published import (
    DATE_PATTERN,
    LANG_PATTERN,
    NON_BLANK_PATTERN,
    PART_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
)

__all__ = [
    "MESSAGES",
    "Path",
    "ShapeError",
    "exactly_one_of",
    "missing",
    "no_match",
    "not_allowed",
    "range_message",
    "type_words",
    "unknown",
    "wrong_type",
]

Path = Sequence[str | int]

MESSAGES = {
    "SP101": "the required key {key!r} is missing",
    "SP102": "unknown key {key!r}; remove it, or move it under 'extensions'",
    "SP103": "expected {expected}, got {got}",
    "SP104": "expected one of {allowed}, got {got}",
    "SP105": "{message}",
    "SP106": "{message}",
    "SP107": "{message}",
}
"""The message of each shape code: a template whose fields come with each error."""


@frozen
class ShapeError:
    """One way a document departs from its schema: a code (SP1xx), where, and the message's values."""

    code: str
    pointer: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**self.params)


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
    PARTIAL_DATE_PATTERN: "expected a date written YYYY-MM-DD, or a month written YYYY-MM, "
    "got {value!r}",
    LANG_PATTERN: "expected a language tag such as 'en' or 'cy' (Welsh), got {value!r}",
}
#: Where a pattern has no words of its own: the value, and that it is not in the field's form.
#: (A regular expression is never shown: a web form would show it to the public.)
_NO_WORDS = (
    "{value!r} is not written in the form this field takes (see its description in the schema)"
)
_UK_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def type_words(types: Any) -> str:
    names = types if isinstance(types, list) else [types]
    return " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)


def missing(keys: Sequence[str], instance: Any, pointer: str) -> Iterator[ShapeError]:
    for key in keys:
        if isinstance(instance, dict) and key not in instance:
            yield ShapeError("SP101", pointer, {"key": key})


def unknown(allowed: Any, instance: Any, path: Path) -> Iterator[ShapeError]:
    for key in typing.cast(dict[str, Any], instance):
        if key not in allowed:
            yield ShapeError("SP102", json_pointer((*path, key)), {"key": shorten(key)})


def wrong_type(types: Any, instance: Any, pointer: str) -> ShapeError:
    return ShapeError(
        "SP103", pointer, {"expected": type_words(types), "got": describe_value(instance)}
    )


def not_allowed(allowed: Sequence[Any], instance: Any, pointer: str) -> ShapeError:
    got = repr(instance) if isinstance(instance, str) else describe_value(instance)
    return ShapeError("SP104", pointer, {"allowed": one_of(allowed), "got": got})


def no_match(pattern: str, instance: Any, pointer: str) -> ShapeError:
    template = _PATTERN_MESSAGES.get(pattern, _NO_WORDS)
    message = template.format(value=shorten(str(instance)) if template is _NO_WORDS else instance)
    uk = _UK_DATE.fullmatch(instance) if isinstance(instance, str) else None
    if uk is not None and pattern in (DATE_PATTERN, PARTIAL_DATE_PATTERN):
        day, month, year = (int(part) for part in uk.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            message += f" (for the day {instance}, write {year:04d}-{month:02d}-{day:02d})"
    return ShapeError("SP105", pointer, {"message": message})


def range_message(keyword: str, schema: dict[str, Any], instance: Any) -> str | None:
    """The message of a range error in our words, or None where jsonschema's words are kept."""
    if "minimum" in schema and "maximum" in schema:
        low, high = schema["minimum"], schema["maximum"]
        what = "a recommendation number" if (low, high) == (1, RECOMMENDATION_COUNT) else "a number"
        return f"expected {what} from {low} to {high}, got {instance}"
    if keyword in ("minItems", "maxItems") and schema.get("minItems") == schema.get("maxItems"):
        count = len(typing.cast(list[Any], instance))
        return f"expected a list of {schema['minItems']} items, got {count}"
    return None


def exactly_one_of(branches: Any, pointer: str) -> ShapeError | None:
    """A failed choice between required keys: "exactly one of these keys", not which branch failed."""
    if not all(set(branch) == {"required"} for branch in branches):
        return None
    keys = [key for branch in branches for key in branch["required"]]
    choices = " and ".join(repr(key) for key in keys)
    return ShapeError("SP107", pointer, {"message": f"give exactly one of {choices}"})
