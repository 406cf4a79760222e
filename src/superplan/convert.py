"""The one configured cattrs converter, and lossless JSON in and out of the model.

Structuring is strict: a string is never read as a number, a number never as text, a string never
as a list of characters, a datetime never as a date. Unknown keys are refused (``extensions`` is the
place for anything else). Every failure becomes a :class:`~superplan.LoadError` whose problems name
the JSON pointer and what was expected.
"""

import datetime as dt
import enum
import json
import os
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs
import cattrs
import orjson
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._files import read_limited
from ._json import (
    MAX_DEPTH,
    canonical_json,
    check_value,
    json_pointer,
    locate,
    parse_json,
    pointer_order,
    sort_keys_deep,
)
from ._wording import describe_value, shorten
from .errors import InvalidField, LoadError, Problem
from .model import JSON_NAMES, ActionPlan, PartialDate, RecommendationRef, to_date

__all__ = [
    "converter",
    "dumps",
    "from_dict",
    "load_plan",
    "loads",
    "to_dict",
]

T = TypeVar("T")

#: Attributes whose JSON key differs from their Python name.
_RENAMED = JSON_NAMES  # one table, in the model


def _expect(value: Any, kind: type | tuple[type, ...], wanted: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_types(kind)):
        raise TypeError(f"expected {wanted}, got {describe_value(value)}")


def _as_types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _structure_str(value: Any, _: type) -> str:
    if value.__class__ is str:  # the common case, first and cheaply
        return value
    _expect(value, str, "text")
    return typing.cast(str, value)


def _structure_int(value: Any, _: type) -> int:
    _expect(value, int, "a whole number")
    return typing.cast(int, value)


def _structure_bool(value: Any, _: type) -> bool:
    _expect(value, bool, "true or false")
    return typing.cast(bool, value)


def _structure_date(value: Any, _: type) -> pendulum.Date:
    if value.__class__ is not str:
        _expect(value, str, "a date written YYYY-MM-DD")
    return to_date(value)


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if value.__class__ is not str:
        _expect(value, str, "a date written YYYY-MM-DD or a month written YYYY-MM")
    return PartialDate.parse(value)


def _structure_ref(value: Any, _: type) -> RecommendationRef:
    _expect(value, (int, str), "a recommendation number (1 to 29) or slug")
    return typing.cast(RecommendationRef, value)


def _structure_json_object(value: Any, _: type) -> dict[str, Any]:
    _expect(value, dict, "an object")
    # What dumps could not write, refused now by the same check (keys that are not text, so
    # {1: ..., "1": ...}; nesting past the limit, an object that contains itself included).
    problem = check_value(value, MAX_DEPTH - 1)
    if problem is not None:
        raise InvalidField(_pointer_path(problem.pointer), problem.message)
    return typing.cast(dict[str, Any], value)


def _pointer_path(pointer: str) -> tuple[str, ...]:
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:])


def _is_json_object(type_: Any) -> bool:
    return bool(type_ == Mapping[str, Any])


def _is_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple


def _tuple_hook(conv: cattrs.Converter, type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    args = typing.get_args(type_)
    if len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        item_hook: Callable[[Any, Any], Any] | None = None
        detailed = conv.detailed_validation

        def structure_items(value: Any, _: Any) -> tuple[Any, ...]:
            nonlocal item_hook
            _expect(value, list, "a list")
            if not detailed:
                if item_hook is None:
                    item_hook = conv.get_structure_hook(item)
                return tuple([item_hook(v, item) for v in value])
            # The detailed converter lets cattrs note the index of each failing item.
            return tuple(conv.structure(value, list[item]))  # type: ignore[valid-type]

        return structure_items

    def structure_fixed(value: Any, _: Any) -> tuple[Any, ...]:
        _expect(value, list, f"a list of {len(args)} items")
        if len(value) != len(args):
            raise ValueError(f"expected a list of {len(args)} items, got {len(value)}")
        return tuple(conv.structure(item, arg) for item, arg in zip(value, args, strict=True))

    return structure_fixed


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _is_str_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.StrEnum)


def _optional_hook(conv: cattrs.Converter, type_: Any) -> Callable[[Any, Any], Any]:
    inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    hook: Callable[[Any, Any], Any] | None = None
    if not conv.detailed_validation and not _is_str_enum(inner):
        # Every inner hook but the enum one ignores its type argument: use it directly.
        return conv.get_structure_hook(inner)

    # null is not a value in this format: an absent key is the only way to say "none", so the
    # inner hook sees null and says what it expected instead.
    def structure_optional(value: Any, _: Any) -> Any:
        nonlocal hook
        if hook is None:  # looked up on first use: the inner type may still be being built
            hook = conv.get_structure_hook(inner)
        return hook(value, inner)

    return structure_optional


def _structure_enum(value: Any, type_: type[enum.StrEnum]) -> enum.StrEnum:
    try:
        return type_(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in type_)
        _expect(value, str, f"one of {allowed}")
        raise ValueError(f"expected one of {allowed}, got {value!r}") from None


def _attrs_structure_hook(conv: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    renames: dict[str, Any] = {
        field.name: override(rename=key)
        for field in attrs.fields(cls)
        if (key := _RENAMED.get(field.name)) is not None
    }
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, conv, **renames)
    if not conv.detailed_validation:
        return generated  # the fast converter: anything odd fails, and the detailed one explains

    def structure_object(value: Any, _: Any) -> Any:
        _expect(value, dict, "an object")
        return generated(value, cls)

    return structure_object


def _attrs_unstructure_hook(conv: cattrs.Converter, cls: type) -> Callable[[Any], Any]:
    overrides: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name in _RENAMED:
            overrides[field.name] = override(rename=_RENAMED[field.name])
        elif field.name == "schema_version":
            # Always written: a reader needs to know which version it holds.
            overrides[field.name] = override(omit_if_default=False)
    generated: Callable[[Any], Any] = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=True, **overrides
    )
    if not any(field.name in _RENAMED for field in attrs.fields(cls)):
        return generated
    # cattrs writes always-present keys before optional ones; "$schema" must lead all the same.
    order = [_RENAMED.get(field.name, field.name) for field in attrs.fields(cls)]

    def unstructure_in_order(obj: Any) -> dict[str, Any]:
        values = generated(obj)
        return {key: values[key] for key in order if key in values}

    return unstructure_in_order


def _make_converter(*, detailed: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    # Single dispatch picks the closest class, so StrEnum (a str) needs its own entry.
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_structure_hook(RecommendationRef, _structure_ref)
    conv.register_structure_hook_func(_is_json_object, _structure_json_object)
    conv.register_structure_hook_factory(_is_tuple, lambda t: _tuple_hook(conv, t))
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(conv, t))
    conv.register_structure_hook_factory(attrs.has, lambda cls: _attrs_structure_hook(conv, cls))

    conv.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    conv.register_unstructure_hook(pendulum.Date, lambda value: value.isoformat())
    conv.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook_func(_is_json_object, sort_keys_deep)
    conv.register_unstructure_hook_factory(_is_tuple, lambda _: _unstructure_list(conv))
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: _attrs_unstructure_hook(conv, cls)
    )
    return conv


def _unstructure_list(conv: cattrs.Converter) -> Callable[[Any], list[Any]]:
    def unstructure(values: Any) -> list[Any]:
        return [conv.unstructure(value) for value in values]

    return unstructure


converter: cattrs.Converter = _make_converter()
"""The converter every superplan function uses. Configure nothing else."""

# The same rules without cattrs' per-field error bookkeeping: tried first, since most documents
# are sound; when it refuses, the detailed converter runs to say exactly where and why.
_fast_converter: cattrs.Converter = _make_converter(detailed=False)


# ---------------------------------------------------------------------------------------------
# cattrs errors -> problems with JSON pointers
# ---------------------------------------------------------------------------------------------


def _message(error: BaseException) -> str:
    if isinstance(error, InvalidField):
        return error.message  # the pointer says where; the message says what
    text = str(error)
    # attrs validators and our hooks write messages for people; keep them as they are.
    return text or type(error).__name__


def _problems(error: BaseException, path: tuple[str | int, ...]) -> Iterator[Problem]:
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields, key=str):
            if not isinstance(key, str):  # a dict built in Python: JSON keys are text
                yield Problem(
                    pointer=json_pointer(path),
                    message=f"the key {shorten(repr(key))} is not text; JSON keys are text",
                    kind="not-json",
                )
                continue
            yield Problem(
                pointer=json_pointer((*path, key)),
                message=f"unknown key {shorten(key)!r}; remove it, or move it under 'extensions'",
                kind="unknown-key",
            )
        return
    if isinstance(error, BaseValidationError):
        for sub in error.exceptions:
            notes = getattr(sub, "__notes__", [])
            note = next(
                (
                    n
                    for n in notes
                    if isinstance(n, AttributeValidationNote | IterableValidationNote)
                ),
                None,
            )
            if isinstance(note, AttributeValidationNote):
                key = _RENAMED.get(note.name, note.name)
                if isinstance(sub, KeyError) and not isinstance(sub, BaseValidationError):
                    yield Problem(
                        pointer=json_pointer(path),
                        message=f"the required key {key!r} is missing",
                        kind="missing-key",
                    )
                else:
                    yield from _problems(sub, (*path, key))
            elif isinstance(note, IterableValidationNote):
                yield from _problems(sub, (*path, note.index))
            else:
                yield from _problems(sub, path)
        return
    if isinstance(error, InvalidField):
        keys = tuple(_RENAMED.get(k, k) if isinstance(k, str) else k for k in error.path)
        path = (*path, *keys)
    kind = "wrong-type" if isinstance(error, TypeError) else "invalid-value"
    yield Problem(pointer=json_pointer(path), message=_message(error), kind=kind)


def try_structure(data: Any, cls: type[T]) -> T | None:
    """The model object, or None when the data does not fit (with no account of why): the
    cheap first try, used by validation's fast route."""
    try:
        return _fast_converter.structure(data, cls)
    except Exception:  # any refusal means "no"; callers explain it their own way
        return None


def structure_sound(data: Any, cls: type[T]) -> T | None:
    """The model object of a document the published schema has proven sound, or None when the
    model refuses it even so (a date not in the calendar): structured once, with none of the
    checks the schema made already."""
    try:
        return _sound_converter.structure(data, cls)
    except Exception:  # any refusal means "no"; callers explain it their own way
        return None


def _as_is(value: Any, _: Any) -> Any:
    return value


def _make_sound_converter() -> cattrs.Converter:
    """The fast converter for schema-proven documents: text, true/false and free-form objects
    are taken as they are (the schema checked their types). Whole numbers are still checked: the schema counts 7.0 as an integer, the model does not."""
    conv = _make_converter(detailed=False)
    conv.register_structure_hook(str, _as_is)
    conv.register_structure_hook(bool, _as_is)
    conv.register_structure_hook_func(_is_json_object, _as_is)
    return conv


_sound_converter = _make_sound_converter()


def _structure(data: Any, cls: type[T]) -> T:
    found = try_structure(data, cls)
    if found is not None:
        return found
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as error:
        problems = sorted(_problems(error, ()), key=lambda p: pointer_order(p.pointer))
        raise LoadError(problems) from None
    except (TypeError, ValueError) as error:
        kind = "wrong-type" if isinstance(error, TypeError) else "invalid-value"
        raise LoadError([Problem(pointer="", message=_message(error), kind=kind)]) from None


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


@overload
def from_dict(data: Any) -> ActionPlan: ...
@overload
def from_dict(data: Any, cls: type[T]) -> T: ...
def from_dict(data: Any, cls: Any = ActionPlan) -> Any:
    """Structure parsed JSON (dicts, lists, strings, numbers) into a model object.

    Raises :class:`~superplan.LoadError` listing every problem with its JSON pointer.
    """
    return _structure(data, cls)


def to_dict(obj: Any) -> Any:
    """Unstructure a model object into plain JSON values, keys in canonical order."""
    return converter.unstructure(obj)


@overload
def loads(data: str | bytes) -> ActionPlan: ...
@overload
def loads(data: str | bytes, cls: type[T]) -> T: ...
def loads(data: str | bytes, cls: Any = ActionPlan) -> Any:
    """Read JSON text (or UTF-8 bytes) into a model object; an action plan unless ``cls`` says.

    Problems carry the line and column of the value in the text, as well as its pointer.
    """
    parsed = parse_json(data)
    try:
        return _structure(parsed, cls)
    except LoadError as error:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        places = locate(text, {p.pointer for p in error.problems})
        placed = [
            attrs.evolve(p, line=places[p.pointer][0], column=places[p.pointer][1])
            if p.pointer in places
            else p
            for p in error.problems
        ]
        raise LoadError(placed) from None


def dumps(obj: Any) -> str:
    """The canonical JSON text of a model object: the same object always gives the same text."""
    try:
        return orjson.dumps(_dump_converter.unstructure(obj), option=_ORJSON_OPTIONS).decode()
    except (orjson.JSONEncodeError, TypeError, _Unwritable):
        # What orjson will not write (text with lone surrogates, keys that are not text) the
        # json module writes, or refuses, exactly as it always has.
        return reference_dumps(obj)


def reference_dumps(obj: Any) -> str:
    """:func:`dumps` by the json module: the reference the fast route is proved against."""
    return canonical_json(to_dict(obj))


# orjson writes two-space indents, ": " and ", " separators and non-ASCII as itself, exactly as
# canonical_json does; a property test proves the bytes equal on thousands of plans.
_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_LEAVES = (str, int, bool)


def _same(value: Any) -> Any:
    return value


def _unstructure_for_orjson(conv: cattrs.Converter, type_: Any) -> Callable[[Any], Any]:
    (item, *_) = typing.get_args(type_) or (Any,)
    if item in _LEAVES or _is_str_enum(item):
        return _same  # orjson writes a tuple of these as the list the converter would give
    hook: Callable[[Any], Any] | None = None

    def unstructure(values: Any) -> list[Any]:
        nonlocal hook
        if hook is None:  # looked up on first use: the item type may still be being built
            hook = conv.get_unstructure_hook(item)
        return [hook(value) for value in values]

    return unstructure


class _Unwritable(Exception):
    """Free-form JSON that strict JSON cannot hold: the reference route refuses it with its
    pointer (orjson would write NaN as null and take nesting past the one limit)."""


def _free_form(value: Any) -> Any:
    """Free-form JSON for orjson, once checked against the one set of limits (extensions sit one
    level inside their object)."""
    if check_value(value, MAX_DEPTH - 1) is not None:
        raise _Unwritable
    return _free_form_items(value)


def _free_form_items(value: Any) -> Any:
    """Keys sorted as :func:`sort_keys_deep` sorts them, and numbers orjson would write otherwise
    (floats, integers past 64 bits) as the json module writes them."""
    if isinstance(value, dict):
        return {key: _free_form_items(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [_free_form_items(item) for item in value]
    if value.__class__ is float or (value.__class__ is int and not -(2**63) <= value < 2**64):
        return orjson.Fragment(json.dumps(value, allow_nan=False))
    return value


def _partial_date_text(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _unstructure_optional_for_orjson(conv: cattrs.Converter, type_: Any) -> Callable[[Any], Any]:
    """``X | None``: a text, number or StrEnum member (or None) as itself, for orjson writes it
    alike; a PartialDate as its text. (cattrs would call the inner hook through a wrapper for
    every value: a sixth of a plan's writing.)"""
    inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    if inner in _LEAVES or _is_str_enum(inner):
        return _same
    if inner is PartialDate:
        return _partial_date_text
    hook: Callable[[Any], Any] | None = None

    def unstructure(value: Any) -> Any:
        nonlocal hook
        if value is None:
            return None
        if hook is None:  # looked up on first use: the inner type may still be being built
            hook = conv.get_unstructure_hook(inner)
        return hook(value)

    return unstructure


def _make_dump_converter() -> cattrs.Converter:
    """The converter's unstructuring, leaving to orjson what it writes natively and identically."""
    conv = _make_converter()
    conv.register_unstructure_hook(enum.StrEnum, _same)
    conv.register_unstructure_hook_factory(
        _is_optional, lambda t: _unstructure_optional_for_orjson(conv, t)
    )
    conv.register_unstructure_hook_func(_is_json_object, _free_form)
    conv.register_unstructure_hook_factory(_is_tuple, lambda t: _unstructure_for_orjson(conv, t))
    return conv


_dump_converter = _make_dump_converter()


def read_file(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes under the size limit (``-`` is standard input); a file that cannot
    be read, or is too large, is a :class:`LoadError` naming it."""
    return read_limited(path)


@overload
def load_path(path: str | os.PathLike[str]) -> ActionPlan: ...
@overload
def load_path(path: str | os.PathLike[str], cls: type[T]) -> T: ...
def load_path(path: str | os.PathLike[str], cls: Any = ActionPlan) -> Any:
    """Read a JSON file into a model object; errors name the file."""
    try:
        return loads(read_file(path), cls)
    except LoadError as error:
        raise error.with_source(os.fspath(path)) from None


def load_plan(path: str | os.PathLike[str]) -> ActionPlan:
    """Read an action plan from a JSON file.

    Raises :class:`~superplan.LoadError` naming the file, and for each problem its JSON pointer
    (and line and column for malformed JSON) and what was expected.
    """
    return load_path(path, ActionPlan)
