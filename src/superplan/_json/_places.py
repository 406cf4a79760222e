"""Where things are in JSON text: a pointer's line and column.

Run only when there is something to report. :func:`locate` works on text that already parsed as
JSON; a member is placed at its key (where a person looks for it), an array item at its first
character.
"""

import json.decoder
import re
from collections.abc import Iterable
from itertools import islice
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


def locate_in_layout(value: Any, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """:func:`locate`, for text that is ``value`` written in the canonical layout (two-space
    indent, one member or item to a line, as ``orjson.dumps(value, option=OPT_INDENT_2)`` writes
    it): every place follows from the value, with no reading of the text. A member at depth d
    starts at column 2d + 1, and a value takes as many lines as orjson writes for it."""
    found: dict[str, tuple[int, int]] = {}
    # The lines each item (or member's value) takes, by container, as far as counted: pointers
    # into the same list share what comes before them.
    counted: dict[int, list[int]] = {}
    for pointer in pointers:
        place = _place(value, pointer, counted)
        if place is not None:
            found[pointer] = place
    return found


def _place(value: Any, pointer: str, counted: dict[int, list[int]]) -> tuple[int, int] | None:
    line, node, depth = 1, value, 0
    for step in pointer.split("/")[1:] if pointer else ():
        if type(node) is dict:
            key = step.replace("~1", "/").replace("~0", "~")
            if key not in node:
                return None
            line += 1 + _lines_before(node, list(node).index(key), counted)
            node = node[key]
        elif type(node) is list:
            if not step.isascii() or not step.isdigit() or (step != "0" and step[0] == "0"):
                return None
            index = int(step)
            if index >= len(node):
                return None
            line += 1 + _lines_before(node, index, counted)
            node = node[index]
        else:
            return None
        depth += 1
    return line, 2 * depth + 1


def _lines_before(
    node: dict[str, Any] | list[Any], count: int, counted: dict[int, list[int]]
) -> int:
    """The lines the first ``count`` members or items of a container take in the canonical
    layout: one each, and as many more as line breaks orjson writes within each value."""
    lines = counted.setdefault(id(node), [])
    if len(lines) < count:
        values = node.values() if type(node) is dict else node
        lines += map(_lines_of, islice(values, len(lines), count))
    return sum(lines[:count])


def _lines_of(value: Any) -> int:
    """The lines a value takes in the canonical layout."""
    if type(value) is not dict and type(value) is not list:
        return 1
    written = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    # The newlines, counted by what dropping them leaves: bytes.replace finds them by memchr,
    # while bytes.count looks at every byte (half again as long on a 60 KB plan).
    return len(written) - len(written.replace(b"\n", b"")) + 1
