"""The model's field rules: validators and converters that name the field and what it allows,
the patterns the schemas share, and :func:`doc` for a field's description and examples.
"""

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

import attrs
import pendulum

from .._wording import describe_value, one_of
from ..errors import InvalidField, WrongType
from ._dates import PartialDate, to_date
from ._vocabulary import (
    JSON_NAMES as JSON_NAMES,
    LANG_PATTERN as LANG_PATTERN,
    PART_PATTERN as PART_PATTERN,
    RECOMMENDATION_COUNT as RECOMMENDATION_COUNT,
    SLUG_PATTERN as SLUG_PATTERN,
)

_SLUG = re.compile(SLUG_PATTERN)


_LANG = re.compile(LANG_PATTERN)


_PART = re.compile(PART_PATTERN)


T = TypeVar("T")


RecommendationRef = int | str
"""A recommendation named by its number (1..29) or by its stable slug."""


def _owner(instance: object) -> str:
    return type(instance).__name__


def _matching(
    pattern: "re.Pattern[str]", kind: str, expected: str, *, optional: bool
) -> "Callable[[object, attrs.Attribute[Any], Any], None]":
    """A validator: text that ``pattern`` matches in full (or None, where ``optional``); a value
    of another kind is a :class:`WrongType` saying ``kind``, text that does not match an
    :class:`InvalidField` saying ``expected``."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None and optional:
            return
        if value.__class__ is not str:
            _wrong_type(instance, attribute, value, kind)
        if not pattern.fullmatch(value):
            raise InvalidField(
                attribute.name, f"expected {expected}, got {value!r}", owner=_owner(instance)
            )

    return check


# The text fields checked against a pattern (the schema layer maps each to its ``pattern``).
check_slug = _matching(
    _SLUG, "a slug (text)", "a lowercase slug such as 'north-yorkshire'", optional=False
)
check_optional_lang = _matching(
    _LANG,
    "a language tag such as 'cy'",
    "a language tag such as 'cy' or 'en-GB' (BCP 47)",
    optional=True,
)
check_part = _matching(
    _PART, "a part written like '7.1'", "a part written like '7.1'", optional=True
)


def check_slugs(
    instance: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]
) -> None:
    for item in value:
        check_slug(instance, attribute, item)


def check_recommendation_number(
    instance: object, attribute: "attrs.Attribute[Any]", value: int
) -> None:
    if value.__class__ is not int:
        _wrong_type(instance, attribute, value, "a whole number")
    if not 1 <= value <= RECOMMENDATION_COUNT:
        raise InvalidField(
            attribute.name,
            f"expected a recommendation number from 1 to {RECOMMENDATION_COUNT}, got {value}",
            owner=_owner(instance),
        )


def _recommendation_ref(
    instance: object, attribute: "attrs.Attribute[Any]", value: RecommendationRef
) -> None:
    if value.__class__ is int:
        check_recommendation_number(instance, attribute, value)
    elif value.__class__ is str:
        check_slug(instance, attribute, value)
    elif isinstance(value, bool):
        raise WrongType(
            attribute.name,
            "expected a recommendation number or slug, got true/false",
            owner=_owner(instance),
        )
    else:
        _wrong_type(instance, attribute, value, "a recommendation number (1 to 29) or slug")


def _wrong_type(
    instance: object, attribute: "attrs.Attribute[Any]", value: Any, wanted: str
) -> None:
    raise WrongType(
        attribute.name, f"expected {wanted}, got {describe_value(value)}", owner=_owner(instance)
    )


def check_non_blank(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")
    if not value.strip():
        raise InvalidField(
            attribute.name, "must not be empty or only white space", owner=_owner(instance)
        )


def check_optional_non_blank(
    instance: object, attribute: "attrs.Attribute[Any]", value: str | None
) -> None:
    if value is not None:
        check_non_blank(instance, attribute, value)


def check_each_non_blank(
    instance: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]
) -> None:
    if value.__class__ is not tuple:
        _wrong_type(instance, attribute, value, "a list")
    for item in value:
        check_non_blank(instance, attribute, item)


def _optional_text(instance: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is not None and value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")


def _text(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")


def check_lang(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value is None:
        _wrong_type(instance, attribute, value, "a language tag such as 'cy'")
    check_optional_lang(instance, attribute, value)


def _flag(instance: object, attribute: "attrs.Attribute[Any]", value: bool) -> None:
    if value.__class__ is not bool:
        _wrong_type(instance, attribute, value, "true or false")


def _mapping(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if not isinstance(value, Mapping):
        _wrong_type(instance, attribute, value, "a mapping (a JSON object)")


def _optional_of(kind: type, wanted: str) -> Any:
    """A validator: None or an instance of ``kind``."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None and value.__class__ is not kind and not isinstance(value, kind):
            _wrong_type(instance, attribute, value, wanted)

    return check


def _each_of(kind: type, wanted: str) -> Any:
    """A validator: every item an instance of ``kind``."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
        if value.__class__ is not tuple:
            _wrong_type(instance, attribute, value, "a list")
        for item in value:
            if item.__class__ is not kind and not isinstance(item, kind):
                _wrong_type(instance, attribute, item, f"{wanted} in each item")

    return check


def _as_tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values)


def _to_tuple(values: Any) -> tuple[Any, ...]:
    """A list (or any iterable but text and mappings) as a tuple; anything else is left for the
    validator to refuse (``tuple("abc")`` would be three one-letter items)."""
    if values.__class__ is tuple:
        return values
    if values.__class__ is list or (
        hasattr(values, "__iter__") and not isinstance(values, str | bytes | Mapping)
    ):
        return tuple(values)
    return values  # type: ignore[no-any-return]


def _to_partial_date(value: Any) -> "PartialDate | None":
    if value is None or value.__class__ is PartialDate:
        return value
    try:
        return PartialDate.of(value)
    except (TypeError, ValueError):
        return value  # type: ignore[no-any-return]  # refused, with the reason, by the validator


def _is_partial_date(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None or value.__class__ is PartialDate:
        return
    try:
        PartialDate.of(value)
    except TypeError as error:
        raise WrongType(attribute.name, str(error), owner=_owner(instance)) from None
    except ValueError as error:
        raise InvalidField(attribute.name, str(error), owner=_owner(instance)) from None


def _to_date(value: Any) -> pendulum.Date | None:
    if value is None or value.__class__ is pendulum.Date:
        return value
    try:
        return to_date(value)
    except (TypeError, ValueError):
        return value  # type: ignore[no-any-return]  # refused, with the reason, by the validator


def _is_date(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None or value.__class__ is pendulum.Date:
        return
    try:
        to_date(value)
    except TypeError as error:
        raise WrongType(attribute.name, str(error), owner=_owner(instance)) from None
    except ValueError as error:
        raise InvalidField(attribute.name, str(error), owner=_owner(instance)) from None
    _wrong_type(instance, attribute, value, "a date")  # pragma: no cover - to_date converts all


def _member(kind: type[StrEnum], value: Any) -> Any:
    """``value`` as a member of ``kind`` when it is one or names one; else as it is."""
    if value is None or value.__class__ is kind:
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _one_of(kind: type[StrEnum]) -> Any:
    """A validator: None or a member of ``kind``; the error lists the allowed values."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None or value.__class__ is kind:
            return
        allowed = one_of(member.value for member in kind)
        error = InvalidField if isinstance(value, str) else WrongType
        raise error(
            attribute.name, f"expected one of {allowed}, got {value!r}", owner=_owner(instance)
        )

    return check


def doc(text: str, *examples: Any) -> dict[str, Any]:
    """Field metadata: its description and example values, for the JSON Schemas and the docs."""
    return {"description": text, "examples": list(examples)} if examples else {"description": text}


_LANG_DOC = doc("The language of the text, as a BCP 47 tag, when it is not English.", "cy")
