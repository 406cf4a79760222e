"""Where things are in JSON text: a pointer's line and column.

Run only when there is something to report. :func:`locate` works on text that already parsed as
JSON; a member is placed at its key (where a person looks for it), an array item at its first
character.
"""

import json.decoder
import re
from collections.abc import Iterable
from typing import Any

import orjson

from ._lexical import LITERALS, SPACE, scanstring

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


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
    skip = json.JSONDecoder().raw_decode
    space = SPACE.match
    position = space(text, 1 if text.startswith("\ufeff") else 0).end()  # type: ignore[union-attr]
    # An explicit stack instead of recursion (the text may be deeply nested): for each open
    # container, whether it is an array, its pointer, and the index of the current item.
    stack: list[tuple[bool, str, int]] = []
    pointer = ""  # of the value about to be read
    place = position  # where that value is placed: a member at its key, an item at itself
    expect_value = True
    try:
        while position < len(text) and len(found) < len(wanted):
            char = text[position]
            if expect_value:
                if pointer in wanted and pointer not in found:
                    found[pointer] = place
                if pointer not in on_the_way:
                    _, position = skip(text, position)
                    expect_value = False
                    continue
                if char == "{" or char == "[":
                    is_array = char == "["
                    position = space(text, position + 1).end()  # type: ignore[union-attr]
                    if text[position] == ("]" if is_array else "}"):
                        position += 1
                        expect_value = False
                        continue
                    stack.append((is_array, pointer, 0))
                    if is_array:
                        pointer, place = f"{pointer}/0", position
                    else:
                        pointer, place, position = _member(text, position, pointer)
                    continue
                if char == '"':
                    _, position = scanstring(text, position + 1)
                else:
                    literal = next((w for w in LITERALS if text.startswith(w, position)), None)
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
            position = space(text, position).end()  # type: ignore[union-attr]
            if position >= len(text) or not stack:
                break
            char = text[position]
            if char == ",":
                position = space(text, position + 1).end()  # type: ignore[union-attr]
                is_array, container, index = stack[-1]
                if is_array:
                    stack[-1] = (is_array, container, index + 1)
                    pointer, place = f"{container}/{index + 1}", position
                else:
                    pointer, place, position = _member(text, position, container)
                expect_value = True
            elif char in "}]":
                position += 1
                stack.pop()
                expect_value = False
            else:
                break
    except (IndexError, ValueError):  # pragma: no cover - the text parsed as JSON already
        pass
    return _lines_and_columns(text, found)


def _lines_and_columns(text: str, offsets: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Each offset as a line and column: the text's lines counted once, in order."""
    placed: dict[str, tuple[int, int]] = {}
    line, counted = 1, 0
    for pointer, offset in sorted(offsets.items(), key=lambda item: item[1]):
        line += text.count("\n", counted, offset)
        counted = offset
        placed[pointer] = (line, offset - (text.rfind("\n", 0, offset) + 1) + 1)
    return placed


def _member(text: str, position: int, container: str) -> tuple[str, int, int]:
    """Read a member's key at ``position`` (its opening quote) and the colon after it: the
    member's pointer, where it is placed (its key), and where its value starts."""
    key, after = scanstring(text, position + 1)
    colon = SPACE.match(text, after).end()  # type: ignore[union-attr]
    start = SPACE.match(text, colon + 1).end()  # type: ignore[union-attr]
    return f"{container}/{_escape(key)}", position, start


def locate_in_layout(
    value: Any, pointers: Iterable[str], text: str | bytes | None = None
) -> dict[str, tuple[int, int]]:
    """:func:`locate`, for text that is ``value`` written in the canonical layout (two-space
    indent, one member or item to a line, as ``orjson.dumps(value, option=OPT_INDENT_2)`` writes
    it): every place follows from the value, with no reading of the text. A member at depth d
    starts at column 2d + 1, and a value takes as many lines as orjson writes for it.

    A value's line is counted from the lines written before it; given ``text`` (that very text),
    a value in the latter half of a list may be counted back from the text's last line instead,
    from the lines written after it (the text's lines are counted once, at C speed)."""
    found: dict[str, tuple[int, int]] = {}
    lines = _Lines(text)
    for pointer in pointers:
        place = _place(value, pointer, lines)
        if place is not None:
            found[pointer] = place
    return found


class _Lines:
    """The lines each member or item of a container takes, counted once for all pointers, and
    the text's last line, counted when first needed."""

    __slots__ = ("_counted", "_last", "text")

    def __init__(self, text: str | bytes | None) -> None:
        self.text = text
        self._counted: dict[int, dict[int, int]] = {}
        self._last: int | None = None

    def last(self) -> int:
        if self._last is None:
            text = self.text
            assert text is not None
            if isinstance(text, str):
                self._last = text.count("\n") + (not text.endswith("\n"))
            else:  # bytes.replace finds line breaks by memchr, bytes.count looks at every byte
                breaks = len(text) - len(text.replace(b"\n", b""))
                self._last = breaks + (not text.endswith(b"\n"))
        return self._last

    def between(self, node: dict[str, Any] | list[Any], start: int, stop: int) -> int:
        """The lines members or items ``start`` to ``stop`` (not included) take, each written
        out once whichever pointers ask."""
        counted = self._counted.setdefault(id(node), {})
        values: list[Any] = list(node.values()) if isinstance(node, dict) else node
        total = 0
        for index in range(start, stop):
            found = counted.get(index)
            if found is None:
                found = counted[index] = _lines_of(values[index])
            total += found
        return total


def _place(value: Any, pointer: str, lines: _Lines) -> tuple[int, int] | None:
    steps = _steps(value, pointer)
    if steps is None:
        return None
    # Where the value is in the latter half of the first list on the way to it, its line is
    # counted back from the text's last line: only what follows it is written out.
    first_list = next(((node, index) for node, index in steps if type(node) is list), None)
    backwards = (
        lines.text is not None
        and first_list is not None
        and first_list[1] > len(first_list[0]) // 2
    )
    if not backwards:
        line = 1
        for node, index in steps:
            line += 1 + lines.between(node, 0, index)
        return line, 2 * len(steps) + 1
    end = lines.last()  # the line of the closing bracket of the node on the way
    for node, index in steps:
        end -= 1 + lines.between(node, index + 1, len(node))
    target = steps[-1][0]
    values = list(target.values()) if type(target) is dict else target
    return end - _lines_of(values[steps[-1][1]]) + 1, 2 * len(steps) + 1


def _steps(value: Any, pointer: str) -> list[tuple[Any, int]] | None:
    """Each container on the way to ``pointer`` with the place in it that the way takes, or None
    where the pointer names nothing."""
    steps: list[tuple[Any, int]] = []
    node = value
    for step in pointer.split("/")[1:] if pointer else ():
        if type(node) is dict:
            key = step.replace("~1", "/").replace("~0", "~")
            if key not in node:
                return None
            steps.append((node, list(node).index(key)))
            node = node[key]
        elif type(node) is list:
            if not step.isascii() or not step.isdigit() or (step != "0" and step[0] == "0"):
                return None
            index = int(step)
            if index >= len(node):
                return None
            steps.append((node, index))
            node = node[index]
        else:
            return None
    return steps


def _lines_of(value: Any) -> int:
    """The lines a value takes in the canonical layout."""
    if type(value) is not dict and type(value) is not list:
        return 1
    written = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    # The newlines, counted by what dropping them leaves: bytes.replace finds them by memchr,
    # while bytes.count looks at every byte (half again as long on a 60 KB plan).
    return len(written) - len(written.replace(b"\n", b"")) + 1
