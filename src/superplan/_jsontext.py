"""Strict JSON text in, canonical JSON text out.

Strict: UTF-8 only, no NaN or Infinity, no duplicate keys (the later value would silently win),
no empty input. Canonical: two-space indent, keys in the order given, a final newline, non-ASCII
kept as itself so that published text diffs cleanly.
"""

import json
from typing import Any

from .errors import LoadError, Problem

__all__ = ["canonical_json", "parse_json", "sort_keys_deep"]

_BOM = "\ufeff"


class _Refused(ValueError):
    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find which key, for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(
                    "duplicate-key", f"the key {key!r} appears twice in one object; keep one"
                )
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise _Refused("not-a-number", f"{name} is not a JSON number; write a number or null")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def parse_json(data: str | bytes) -> Any:
    """Parse JSON text strictly; raise :class:`LoadError` with line and column on failure."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
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
    else:
        text = data
    # A byte order mark carries no content; editors on Windows add one.
    text = text.removeprefix(_BOM)
    if not text.strip():
        message = "the input is empty; expected a JSON object"
        raise LoadError([Problem(pointer="", message=message, kind="empty")])
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg}"
        problem = Problem(
            pointer="", message=message, line=error.lineno, column=error.colno, kind="not-json"
        )
        raise LoadError([problem]) from None
    except _Refused as error:
        raise LoadError([Problem(pointer="", message=str(error), kind=error.kind)]) from None
    except RecursionError:
        message = "the JSON is nested too deeply to read"
        raise LoadError([Problem(pointer="", message=message, kind="too-deep")]) from None


def sort_keys_deep(value: Any) -> Any:
    """A copy of free-form JSON with every object's keys sorted, so that equal values print alike."""
    if isinstance(value, dict):
        return {key: sort_keys_deep(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [sort_keys_deep(item) for item in value]
    return value


def canonical_json(value: Any) -> str:
    """The canonical text of an unstructured value: same value, same bytes."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
