"""JSON Schemas (2020-12) generated from the model: one source of truth for shape and meaning.

The checked-in copies under ``schemas/`` are this module's output; a test fails when they differ.
Every constraint a schema states, the converter enforces too, so that whatever the converter
accepts the schema accepts (the fast validation path relies on it; a property test checks it).
"""

import enum
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

import attrs
import pendulum

from .. import model
from ..model import JSON_NAMES, RECOMMENDATION_COUNT
from ._published import (
    DATE_PATTERN,
    LANG_PATTERN,
    NON_BLANK_PATTERN,
    PART_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    schema_id,
    schema_version,
)

__all__ = ["SCHEMA_NAMES", "schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


#: Published schema name -> the class at its root.
_ROOTS: dict[str, type] = {
    "action-plan": model.ActionPlan,
    "catalogue-amendments": model.CatalogueAmendments,
    "catalogue-report": model.ReportFile,
    "catalogue-sources": model.SourcesFile,
    "catalogue-milestones": model.MilestonesFile,
    "catalogue-agencies": model.AgenciesFile,
    "catalogue-forces": model.ForcesFile,
    "catalogue-recommendations": model.RecommendationsFile,
}
SCHEMA_NAMES = tuple(_ROOTS)

_RENAMED = JSON_NAMES  # one table, in the model

_SLUG = {"type": "string", "pattern": SLUG_PATTERN}
_NON_BLANK = {"type": "string", "pattern": NON_BLANK_PATTERN}
_NUMBER = {"type": "integer", "minimum": 1, "maximum": RECOMMENDATION_COUNT}

#: What each model validator means, as schema keywords for the field's value.
_VALIDATOR_KEYWORDS: dict[Any, dict[str, Any]] = {
    model.check_slug: {"pattern": SLUG_PATTERN},
    model.check_slugs: {"items": _SLUG},
    model.check_non_blank: {"pattern": NON_BLANK_PATTERN},
    model.check_optional_non_blank: {"pattern": NON_BLANK_PATTERN},
    model.check_each_non_blank: {"items": _NON_BLANK},
    model.check_recommendation_number: {"minimum": 1, "maximum": RECOMMENDATION_COUNT},
    model.check_part: {"pattern": PART_PATTERN},
    model.check_lang: {"pattern": LANG_PATTERN},
    model.check_optional_lang: {"pattern": LANG_PATTERN},
}

#: Rules between fields of one object, as schema keywords on the object.
_OBJECT_RULES: dict[type, dict[str, Any]] = {
    model.Due: {"oneOf": [{"required": ["date"]}, {"required": ["milestone"]}]},
    model.Milestone: {"oneOf": [{"required": ["offset_days"]}, {"required": ["offset_months"]}]},
    model.Agency: {
        "if": {"properties": {"kind": {"const": "group"}}},
        "then": {"required": ["members"]},
        "else": {"not": {"required": ["members"]}},
    },
    model.Fact: {
        "if": {"properties": {"certainty": {"const": "unknown"}}},
        "then": {"not": {"required": ["value"]}},
        "else": {"required": ["value"]},
    },
}


def schema(name: str) -> dict[str, Any]:
    """A published JSON Schema by name (see ``SCHEMA_NAMES``), as a fresh dict."""
    import copy

    return copy.deepcopy(_schema(name))


@cache
def _schema(name: str) -> dict[str, Any]:
    try:
        root = _ROOTS[name]
    except KeyError:
        known = ", ".join(SCHEMA_NAMES)
        raise LookupError(f"there is no schema {name!r}; one of: {known}") from None
    builder = _Builder()
    body = builder.object_schema(root)
    document: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(name),
        "title": f"superplan {name} {schema_version(name)}",
        **body,
    }
    if builder.defs:
        document["$defs"] = dict(sorted(builder.defs.items()))
    return document


def _description(cls: type) -> str | None:
    text = (cls.__doc__ or "").strip()
    return text.split("\n\n")[0].replace("\n", " ") if text else None


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def object_schema(self, cls: Any, bindings: Mapping[Any, Any] | None = None) -> dict[str, Any]:
        origin = typing.get_origin(cls) or cls
        if bindings is None:
            params = getattr(origin, "__parameters__", ())
            bindings = dict(zip(params, typing.get_args(cls), strict=False))
        hints = typing.get_type_hints(origin)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(origin):
            key = _RENAMED.get(field.name, field.name)
            hint = hints[field.name]
            value_schema = self.type_schema(_bind(hint, bindings))
            for keyword, value in _validator_keywords(field.validator).items():
                value_schema = {**value_schema, keyword: value}
            description = field.metadata.get("description")
            if description:
                value_schema = {"description": description, **value_schema}
            if field.metadata.get("examples"):
                value_schema["examples"] = list(field.metadata["examples"])
            properties[key] = value_schema
            if field.default is attrs.NOTHING:
                required.append(key)
        result: dict[str, Any] = {"type": "object"}
        description = _description(origin)
        if description:
            result["description"] = description
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        result.update(_OBJECT_RULES.get(origin, {}))
        return result

    def type_schema(self, hint: Any) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
        if hint is int:
            return {"type": "integer"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is pendulum.Date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if hint is model.PartialDate:
            return {"type": "string", "pattern": PARTIAL_DATE_PATTERN}
        if hint == model.RecommendationRef:
            return {"anyOf": [_NUMBER, _SLUG]}
        if hint == Mapping[str, Any]:
            return {"type": "object"}
        if isinstance(hint, type) and issubclass(hint, enum.StrEnum):
            return {"enum": [member.value for member in hint]}
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            # Optional: the key may be left out. null is not a value in this format.
            (inner,) = (arg for arg in args if arg is not type(None))
            return self.type_schema(inner)
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.type_schema(arg) for arg in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if attrs.has(origin or hint):
            name = _def_name(hint)
            if name not in self.defs:
                self.defs[name] = {}  # reserve first: classes may refer to themselves
                self.defs[name] = self.object_schema(hint)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a model change


def _bind(hint: Any, bindings: Mapping[Any, Any]) -> Any:
    if not bindings:
        return hint
    if hint in bindings:
        return bindings[hint]
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if not args:
        return hint
    bound = tuple(_bind(arg, bindings) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[bound]  # noqa: UP007 - built from a tuple of arguments
    return typing.cast(Any, origin)[bound]


def _def_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is None:
        return str(hint.__name__)
    parts = [origin.__name__]
    for arg in typing.get_args(hint):
        parts.append(_type_label(arg))
    return "-".join(parts)


def _type_label(hint: Any) -> str:
    if hint is str:
        return "text"
    if hint is int:
        return "number"
    if typing.get_origin(hint) is tuple:
        return _type_label(typing.get_args(hint)[0]) + "-list"
    return str(getattr(hint, "__name__", hint)).lower()


def _validator_keywords(validator: Any) -> dict[str, Any]:
    if validator is None:
        return {}
    inner = getattr(validator, "validator", None)  # attrs.validators.optional
    if inner is not None:
        return _validator_keywords(inner)
    validators = getattr(validator, "_validators", None)  # attrs.validators.and_
    if validators is not None:
        merged: dict[str, Any] = {}
        for each in validators:
            merged.update(_validator_keywords(each))
        return merged
    return dict(_VALIDATOR_KEYWORDS.get(validator, {}))
