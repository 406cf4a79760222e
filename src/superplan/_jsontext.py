"""Strict JSON text in, canonical JSON text out, under one set of limits.

Strict: UTF-8 only, no NaN or Infinity, no duplicate keys (the later value would silently win),
no lone surrogates (half a character, which no file can hold), no number that would read as a
different number, nothing nested deeper than :data:`MAX_DEPTH`, no empty input. Every refusal is a
:class:`LoadError` whose problem has a ``kind``, the JSON pointer, and the line and column.

Canonical: two-space indent, keys in the order given, a final newline, non-ASCII kept as itself so
that published text diffs cleanly.

The contract (``tests/test_hardening.py`` holds it): :func:`parse_json` returns exactly the values
the text holds or raises a :class:`LoadError`; it never raises anything else, whatever the input.
"""

import json
import math
import operator
import re
from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from itertools import chain, compress
from typing import Any

from .errors import DumpError, LoadError, Problem, json_pointer

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "canonical_json",
    "check_value",
    "exact_float",
    "has_unicode_escape",
    "only_json_types",
    "parse_json",
    "sort_keys_deep",
]

MAX_BYTES = 5 * 1024 * 1024
"""Inputs larger than this (5 MiB) are refused; a large national plan is under 1 MiB."""

MAX_DEPTH = 64
"""The one nesting limit for reading, checking and writing. An action plan nests about eight
levels deep; far deeper is a mistake or an attack (and would exhaust Python's stack)."""

_BOM = "\ufeff"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# "-0" is read by Python as the integer 0, losing the sign; only then is the slower route needed.
_NEGATIVE_ZERO = re.compile(r"-0(?![0-9.eE])")


class _Refused(ValueError):
    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a surrogate (which UTF-8 cannot encode); at C speed."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def has_unicode_escape(text: str) -> bool:
    """Whether JSON text holds a ``\\u`` escape, found backslash by backslash (an escaped
    backslash is passed over). CPython finds one character at memchr's speed but two far more
    slowly, and a plan has few backslashes: this is about 70 times faster on a plan than
    ``"\\\\u" in text``."""
    at = text.find("\\")
    while at != -1:
        if text[at + 1 : at + 2] == "u":
            return True
        at = text.find("\\", at + 2)
    return False


def _may_hold_surrogate(text: str, decoded: bool) -> bool:
    """Whether parsing ``text`` may give a lone surrogate: only through a ``\\uD800``-style
    escape (a valid pair becomes one character), or a raw one in a str given directly."""
    if has_unicode_escape(text) and _SURROGATE_ESCAPE.search(text):
        return True
    return not decoded and has_surrogate(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate-key", "a key appears twice")
    return result


def _no_constant(name: str) -> Any:
    raise _Refused("not-a-number", name)


def exact_float(text: str) -> float:
    """The float a JSON number's text means, when it can be held exactly; else :class:`ValueError`.

    Exactly: the float written back (its shortest form) is the same decimal number. ``0.1`` and
    ``1E5`` are kept; ``1e400`` (too large) and ``0.10000000000000000001`` (too precise) are not.
    """
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("too large to hold")
    try:
        same = repr(value) == text or Decimal(repr(value)) == Decimal(text)
    except ArithmeticError:  # an exponent past what a Decimal holds (0e4044444444444444444444)
        raise ValueError("its exponent is too large to compare it exactly") from None
    if not same:
        raise ValueError(f"would read as {value!r}")
    return value


def _float_hook(text: str) -> float:
    try:
        return exact_float(text)
    except ValueError:
        raise _Refused("inexact-number", text) from None


def _int_hook(text: str) -> int | float:
    # Only used when the text holds "-0": kept as negative zero, which writes back as -0.0.
    return -0.0 if text == "-0" else int(text)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _decode(data: str | bytes) -> str:
    if not isinstance(data, bytes):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        line, column = _line_column(prefix, len(prefix))
        problem = Problem(
            pointer="",
            message=f"the file is not UTF-8 text (byte {error.start + 1}); save it as UTF-8",
            line=line,
            column=column,
            kind="not-utf8",
        )
        raise LoadError([problem]) from None


def utf8_size(data: str | bytes) -> int:
    """The size of ``data`` in bytes, as UTF-8 (a str is measured without being copied when it
    is surely small enough)."""
    if isinstance(data, bytes):
        return len(data)
    return len(data.encode("utf-8", "surrogatepass"))


def too_large(size: int | str, limit: int) -> LoadError:
    """The error for an input of ``size`` bytes (or ``"more than N"``) over ``limit``."""
    message = f"the input is {size} bytes, over the limit of {limit} bytes"
    return LoadError([Problem(pointer="", message=message, kind="too-large")])


def parse_json(
    data: str | bytes, *, max_bytes: int | None = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    """Parse JSON text strictly; raise :class:`LoadError` with pointer, line and column on failure.

    ``max_bytes=None`` lifts the size limit (for text already read under one).
    """
    # A str of n characters is n to 4n bytes: measured only when it could be over.
    if max_bytes is not None and (len(data) * (1 if isinstance(data, bytes) else 4)) > max_bytes:
        size = utf8_size(data)
        if size > max_bytes:
            raise too_large(size, max_bytes)
    text = _decode(data)
    decoded = isinstance(data, bytes)
    # A byte order mark carries no content; editors on Windows add one.
    text = text.removeprefix(_BOM)
    if not text.strip():
        message = "the input is empty; expected a JSON object"
        raise LoadError([Problem(pointer="", message=message, kind="empty")])
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_float_hook,
            parse_int=_int_hook if _NEGATIVE_ZERO.search(text) else None,
        )
    except json.JSONDecodeError as error:
        _raise_fault(text, max_depth)  # a refusal earlier in the text is the one to report
        message = f"not valid JSON: {error.msg}"
        problem = Problem(
            pointer="", message=message, line=error.lineno, column=error.colno, kind="not-json"
        )
        raise LoadError([problem]) from None
    except (ValueError, RecursionError):  # refused by a hook, a number too long, too deep
        _raise_fault(text, max_depth)
        raise LoadError(  # pragma: no cover - the walk finds every refusal the parser makes
            [Problem(pointer="", message="the JSON cannot be read", kind="not-json")]
        ) from None
    if isinstance(value, dict | list):
        # The parser's hooks refused NaN, Infinity and inexact numbers already.
        if _may_hold_surrogate(text, decoded):
            if _suspect(value, max_depth):
                _raise_fault(text, max_depth)
        elif text.count("{") + text.count("[") > max_depth and _too_deep(value, max_depth):
            _raise_fault(text, max_depth)
    elif isinstance(value, str) and has_surrogate(value):
        _raise_fault(text, max_depth)
    return value


def _raise_fault(text: str, max_depth: int) -> None:
    """Raise the first refusal in ``text``, placed; return if there is none."""
    from ._locate import first_fault  # the slow walk, only for refusals

    fault = first_fault(text, max_depth=max_depth)
    if fault is None:
        return
    line, column = _line_column(text, fault.offset)
    problem = Problem(
        pointer=json_pointer(fault.path),
        message=fault.message,
        line=line,
        column=column,
        kind=fault.kind,
    )
    raise LoadError([problem]) from None


_JSON_TYPES = frozenset({str, int, float, bool, type(None), dict, list})
_IS_STR, _IS_FLOAT = partial(operator.is_, str), partial(operator.is_, float)
_IS_DICT, _IS_LIST = partial(operator.is_, dict), partial(operator.is_, list)


def levels(value: Any) -> Iterator[tuple[list[Any], set[type]]]:
    """The values at each level below a parsed value (the first level is what its object or
    array holds), with the set of their types; level by level, each step done by C built-ins.
    There are as many levels as containers nest (an empty one counts). Subclasses of dict and
    list, which no reader gives, are looked into too."""
    dicts: list[Any] = [value] if isinstance(value, dict) else []
    lists: list[Any] = [value] if isinstance(value, list) else []
    while dicts or lists:
        values = list(
            chain(chain.from_iterable(map(dict.values, dicts)), chain.from_iterable(lists))
        )
        types = set(map(type, values))
        yield values, types
        # Most values are text and numbers: containers are picked out only where there are.
        if types.issubset(_LEAVES):
            return
        dicts = list(filter(_IS_A_DICT, values))
        lists = list(filter(_IS_A_LIST, values))


_LEAVES = frozenset((str, int, float, bool, type(None)))
_IS_A_DICT, _IS_A_LIST = dict.__instancecheck__, list.__instancecheck__


def _too_deep(value: Any, max_depth: int) -> bool:
    """Whether a parsed value nests past ``max_depth``."""
    return any(depth > max_depth for depth, _ in enumerate(levels(value), 1))


def only_json_types(value: Any, max_depth: int = MAX_DEPTH) -> bool:
    """Whether a value is made of JSON's own types alone (no subclass, such as a StrEnum
    member, and no tuple) and holds nothing :func:`check_value` refuses: the quick look it
    takes first, at C speed. jsonschema-rs takes nothing else."""
    return not _suspect(value, max_depth)


def _suspect(value: Any, max_depth: int) -> bool:
    """Whether a parsed value may hold something :func:`check_value` refuses. Level by level,
    with every per-value step done by C built-ins: quick enough to run on every large document."""
    dicts: list[Any] = [value] if type(value) is dict else []
    lists: list[Any] = [value] if type(value) is list else []
    if not dicts and not lists:
        return type(value) not in _JSON_TYPES or check_value(value, max_depth) is not None
    depth = 0
    while dicts or lists:
        depth += 1
        if depth > max_depth:
            return True
        keys = list(chain.from_iterable(dicts))
        values = list(
            chain(chain.from_iterable(map(dict.values, dicts)), chain.from_iterable(lists))
        )
        types = list(map(type, values))
        if not _JSON_TYPES.issuperset(types) or not all(map(_IS_STR, map(type, keys))):
            return True
        strings = compress(values, map(_IS_STR, types))
        if has_surrogate("".join(chain(keys, strings))):
            return True
        if not all(map(math.isfinite, compress(values, map(_IS_FLOAT, types)))):
            return True
        dicts = list(compress(values, map(_IS_DICT, types)))
        lists = list(compress(values, map(_IS_LIST, types)))
    return False


def check_value(value: Any, max_depth: int = MAX_DEPTH) -> Problem | None:
    """The first thing in a parsed value that could not be written as strict JSON and read back
    the same (nesting past ``max_depth``, NaN or infinity, a lone surrogate, a key that is not
    text, a value that is not JSON), or None. Walks without recursion."""
    if type(value) in (dict, list) and not _suspect(value, max_depth):  # (a subclass: walked)
        return None
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return _surrogate_problem(item, path)
        elif isinstance(item, bool | int) or item is None:
            continue
        elif isinstance(item, float):
            if not math.isfinite(item):
                message = f"{item} is not a JSON number; write a number, or leave the key out"
                return Problem(pointer=json_pointer(path), message=message, kind="not-a-number")
        elif isinstance(item, dict | list | tuple):
            if len(path) >= max_depth:
                return Problem(
                    pointer=json_pointer(path),
                    message=f"nested more than {max_depth} levels deep",
                    kind="too-deep",
                )
            if isinstance(item, dict):
                for key, member in item.items():
                    if not isinstance(key, str):
                        message = f"the key {key!r} is not text"
                        return Problem(pointer=json_pointer(path), message=message, kind="not-json")
                    if _SURROGATE.search(key):
                        return _surrogate_problem(key, (*path, key))
                    if member.__class__ is not str or _SURROGATE.search(member):
                        stack.append((member, (*path, key)))
            else:
                stack.extend(
                    (member, (*path, index))
                    for index, member in enumerate(item)
                    if member.__class__ is not str or _SURROGATE.search(member)
                )
        else:
            message = f"{type(item).__name__} is not a JSON value"
            return Problem(pointer=json_pointer(path), message=message, kind="not-json")
    return None


def _surrogate_problem(text: str, path: tuple[str | int, ...]) -> Problem:
    return Problem(
        pointer=json_pointer(path), message=surrogate_message(text), kind="lone-surrogate"
    )


def surrogate_message(text: str) -> str:
    """What to say about text holding a lone surrogate."""
    found = _SURROGATE.search(text)
    code = f"\\u{ord(found.group()):04x}" if found else "?"
    return (
        f"the text holds a lone surrogate ({code}), half of a character, which no file can "
        "hold; remove it or write the whole character"
    )


def sort_keys_deep(value: Any) -> Any:
    """A copy of free-form JSON with every object's keys sorted, so that equal values print alike.
    Without recursion: a value too deep to write is refused by the writer, with its pointer."""

    def copy_of(item: Any) -> Any:
        if isinstance(item, dict):
            copied: Any = {}
        elif isinstance(item, list | tuple):
            copied = []
        else:
            return item
        stack.append((item, copied))
        return copied

    stack: list[tuple[Any, Any]] = []
    root = copy_of(value)
    while stack:
        source, target = stack.pop()
        if isinstance(source, dict):
            for key in sorted(source, key=str):
                target[key] = copy_of(source[key])
        else:
            target.extend(copy_of(item) for item in source)
    return root


# In canonical text each level indents two spaces, so a container nested past MAX_DEPTH starts a
# line indented 2 * MAX_DEPTH or more: found at C speed, without walking the value.
_TOO_DEEP_LINE = "\n" + " " * (2 * MAX_DEPTH)


def canonical_json(value: Any) -> str:
    """The canonical text of an unstructured value: same value, same bytes.

    Raises :class:`LoadError` (with the pointer) for a value that strict JSON cannot hold or that
    would not read back the same: NaN, a lone surrogate, nesting past :data:`MAX_DEPTH`.
    """
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except (ValueError, TypeError, RecursionError):
        text = ""
    if not text or _TOO_DEEP_LINE in text or has_surrogate(text):
        problem = check_value(value)
        if problem is not None:
            raise DumpError([problem])
        if not text:  # pragma: no cover - check_value finds everything json.dumps refuses
            raise DumpError([Problem(pointer="", message="cannot be written", kind="not-json")])
    return text
