"""Where a JSON pointer's value starts in the source text: line and column, for messages.

Run only when there is something to report, on text that already parsed as JSON. A member is
placed at its key (where a person looks for it), an array item at its first character.
"""

import json.decoder
import re
from collections.abc import Callable, Iterable

from .errors import json_pointer

__all__ = ["locate"]

_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # the C string scanner
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = ("true", "false", "null")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _member(text: str, position: int, path: list[str | int], note: Callable[[int], None]) -> int:
    """Read a member's key at ``position`` (its opening quote) and the colon after it; returns
    where its value starts."""
    key, after = _scanstring(text, position + 1)
    path.append(key)
    note(position)
    colon = _SPACE.match(text, after).end()  # type: ignore[union-attr]
    return _SPACE.match(text, colon + 1).end()  # type: ignore[union-attr]


def locate(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Line and column (from 1) of each pointer found in ``text``; others are left out."""
    wanted = set(pointers)
    if not wanted:
        return {}
    found: dict[str, int] = {}
    # Every pointer on the way to a wanted one: any other value is skipped whole, at C speed.
    on_the_way = {""}
    for pointer in wanted:
        parts = pointer.split("/")
        on_the_way.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    decoder = json.JSONDecoder()
    position = _SPACE.match(text, 1 if text.startswith("\ufeff") else 0).end()  # type: ignore[union-attr]
    # An explicit stack instead of recursion: the text may be deeply nested.
    stack: list[tuple[str, list[str | int], int]] = []
    path: list[str | int] = []

    def note(offset: int) -> None:
        pointer = json_pointer(path)
        if pointer in wanted and pointer not in found:
            found[pointer] = offset

    expect_value = True
    try:
        while position < len(text) and len(found) < len(wanted):
            char = text[position]
            if expect_value:
                if not stack or stack[-1][0] == "array":
                    note(position)
                if json_pointer(path) not in on_the_way:
                    _, position = decoder.raw_decode(text, position)
                    expect_value = False
                    continue
                if char == "{":
                    stack.append(("object", list(path), position))
                    position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                    if text[position] == "}":
                        position += 1
                        stack.pop()
                        expect_value = False
                    else:
                        position = _member(text, position, path, note)
                    continue
                if char == "[":
                    stack.append(("array", list(path), position))
                    position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                    if text[position] == "]":
                        position += 1
                        stack.pop()
                        expect_value = False
                    else:
                        path.append(0)
                    continue
                if char == '"':
                    _, position = _scanstring(text, position + 1)
                else:
                    literal = next((w for w in _LITERALS if text.startswith(w, position)), None)
                    if literal is not None:
                        position += len(literal)
                    else:
                        match = _NUMBER.match(text, position)
                        if match is None:
                            break
                        position = match.end()
                expect_value = False
                continue
            # after a value: a comma, or the end of its container
            position = _SPACE.match(text, position).end()  # type: ignore[union-attr]
            if position >= len(text) or not stack:
                break
            char = text[position]
            kind = stack[-1][0]
            if char == ",":
                position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                if kind == "array":
                    index = path.pop()
                    assert isinstance(index, int)
                    path.append(index + 1)
                else:
                    path.pop()
                    position = _member(text, position, path, note)
                expect_value = True
            elif char in "}]":
                position += 1
                _, saved, _ = stack.pop()
                path = saved
                expect_value = False
            else:
                break
    except (IndexError, ValueError):  # pragma: no cover - the text parsed as JSON already
        pass
    return {pointer: _line_column(text, offset) for pointer, offset in found.items()}
