"""The first refusal in JSON text the strict reader refused: where it is and why.

Run only when there is something to report: a walk of the text, slower than the parser.
"""

import re
import sys

from attrs import frozen

from .._wording import shorten
from ._lexical import LITERALS, SPACE, exact_float, scanstring, surrogate_message


@frozen
class Fault:
    """The first thing in a JSON text that the strict reader refuses: what, where and why."""

    kind: str
    message: str
    offset: int
    path: tuple[str | int, ...]


_NUMBER_PARTS = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")


_CONSTANTS = ("NaN", "Infinity", "-Infinity")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _number_fault(text: str, position: int, path: list[str | int]) -> Fault | int:
    """The fault in the number at ``position``, or where the number ends."""
    match = _NUMBER_PARTS.match(text, position)
    if match is None:
        return -1
    whole, fraction, exponent = match.groups()
    if fraction is None and exponent is None:
        limit = sys.get_int_max_str_digits()
        digits = len(whole.lstrip("-"))
        if limit and digits > limit:
            message = (
                f"this number has {digits} digits, more than the {limit} a number may have; "
                "write it as text (in quotes)"
            )
            return Fault("inexact-number", message, position, tuple(path))
        return match.end()
    try:
        exact_float(match.group())
    except ValueError as error:
        message = (
            f"the number {shorten(match.group(), 40)} cannot be kept exactly ({error}); "
            "write it as text (in quotes)"
        )
        return Fault("inexact-number", message, position, tuple(path))
    return match.end()


def first_fault(text: str, *, max_depth: int) -> Fault | None:
    """The first refusal in ``text`` in document order: nesting past ``max_depth``, a duplicate
    key, NaN or Infinity, a number that cannot be kept exactly, a lone surrogate. None when there
    is none before the end or before the first syntax error (the parser's message says that)."""
    # A scanner: one loop over the text on purpose (a state machine split across functions
    # would pass its state back and forth on every token).
    position = SPACE.match(text, 1 if text.startswith("\ufeff") else 0).end()  # type: ignore[union-attr]
    keys: list[set[str] | None] = []  # per open container: an object's keys so far, or None
    path: list[str | int] = []

    def key_at(start: int) -> Fault | int:
        """Read the member key at ``start``; the fault in it, or where its value starts."""
        if text[start] != '"':
            return -1
        key, after = scanstring(text, start + 1)
        if _LONE_SURROGATE.search(key):
            return Fault("lone-surrogate", surrogate_message(key), start, (*path, key))
        seen = keys[-1]
        assert seen is not None
        if key in seen:
            message = f"the key {shorten(key)!r} appears twice in one object; keep one"
            return Fault("duplicate-key", message, start, (*path, key))
        seen.add(key)
        path.append(key)
        colon = SPACE.match(text, after).end()  # type: ignore[union-attr]
        if text[colon] != ":":
            return -1
        return SPACE.match(text, colon + 1).end()  # type: ignore[union-attr]

    try:
        while True:
            # a value starts at `position`
            char = text[position]
            if char in "{[":
                if len(keys) >= max_depth:
                    message = f"nested more than {max_depth} levels deep"
                    return Fault("too-deep", message, position, tuple(path))
                inner = SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                if text[inner] == ("}" if char == "{" else "]"):
                    position = inner + 1
                elif char == "{":
                    keys.append(set())
                    found = key_at(inner)
                    if not isinstance(found, int) or found < 0:
                        return found if isinstance(found, Fault) else None
                    position = found
                    continue
                else:
                    keys.append(None)
                    path.append(0)
                    position = inner
                    continue
            elif char == '"':
                start = position
                value, position = scanstring(text, position + 1)
                if _LONE_SURROGATE.search(value):
                    return Fault("lone-surrogate", surrogate_message(value), start, tuple(path))
            elif text.startswith(LITERALS, position):
                position += next(len(w) for w in LITERALS if text.startswith(w, position))
            elif text.startswith(_CONSTANTS, position):
                name = next(w for w in _CONSTANTS if text.startswith(w, position))
                message = f"{name} is not a JSON number; write a number or null"
                return Fault("not-a-number", message, position, tuple(path))
            else:
                number = _number_fault(text, position, path)
                if isinstance(number, Fault):
                    return number
                if number < 0:
                    return None
                position = number
            # after a value: a comma, or the ends of containers
            while True:
                position = SPACE.match(text, position).end()  # type: ignore[union-attr]
                if not keys or position >= len(text):
                    return None
                char = text[position]
                if char == ",":
                    after = SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
                    last = path.pop()
                    if keys[-1] is None:
                        assert isinstance(last, int)
                        path.append(last + 1)
                        position = after
                    else:
                        found = key_at(after)
                        if not isinstance(found, int) or found < 0:
                            return found if isinstance(found, Fault) else None
                        position = found
                    break
                if char in "}]" and (char == "}") == (keys[-1] is not None):
                    keys.pop()
                    path.pop()
                    position += 1
                    continue
                return None
    except (IndexError, ValueError):  # a syntax error: the parser's own message says where
        return None
