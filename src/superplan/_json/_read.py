import json
import re
from typing import Any

from ..errors import LoadError, Problem
from ._faults import first_fault
from ._lexical import (
    MAX_BYTES,
    MAX_DEPTH,
    exact_float,
    has_surrogate,
    line_column,
    may_hold_surrogate,
    too_large,
    utf8_size,
)
from ._pointer import json_pointer
from ._values import suspect, too_deep

_BOM = "\ufeff"


# "-0" is read by Python as the integer 0, losing the sign; only then is the slower route needed.
_NEGATIVE_ZERO = re.compile(r"-0(?![0-9.eE])")


class _Refused(ValueError):
    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate-key", "a key appears twice")
    return result


def _no_constant(name: str) -> Any:
    raise _Refused("not-a-number", name)


def _float_hook(text: str) -> float:
    try:
        return exact_float(text)
    except ValueError:
        raise _Refused("inexact-number", text) from None


def _int_hook(text: str) -> int | float:
    # Only used when the text holds "-0": kept as negative zero, which writes back as -0.0.
    return -0.0 if text == "-0" else int(text)


def _decode(data: str | bytes) -> str:
    if not isinstance(data, bytes):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        line, column = line_column(prefix, len(prefix))
        problem = Problem(
            pointer="",
            message=f"the file is not UTF-8 text (byte {error.start + 1}); save it as UTF-8",
            line=line,
            column=column,
            kind="not-utf8",
        )
        raise LoadError([problem]) from None


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
        if may_hold_surrogate(text, decoded):
            if suspect(value, max_depth):
                _raise_fault(text, max_depth)
        elif text.count("{") + text.count("[") > max_depth and too_deep(value, max_depth):
            _raise_fault(text, max_depth)
    elif isinstance(value, str) and has_surrogate(value):
        _raise_fault(text, max_depth)
    return value


def _raise_fault(text: str, max_depth: int) -> None:
    """Raise the first refusal in ``text``, placed; return if there is none."""

    fault = first_fault(text, max_depth=max_depth)
    if fault is None:
        return
    line, column = line_column(text, fault.offset)
    problem = Problem(
        pointer=json_pointer(fault.path),
        message=fault.message,
        line=line,
        column=column,
        kind=fault.kind,
    )
    raise LoadError([problem]) from None
