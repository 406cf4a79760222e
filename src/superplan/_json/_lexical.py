"""What JSON text may hold, and its limits: sizes, depth, exact numbers, surrogates.

Shared by the strict reader, the quick reader and the fault scanner, so that all three agree.
"""

import json
import json.decoder
import math
import re
from decimal import Decimal

from ..errors import LoadError, Problem

scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # the C string scanner
SPACE = re.compile(r"[ \t\n\r]*")
LITERALS = ("true", "false", "null")


MAX_BYTES = 5 * 1024 * 1024
"""Inputs larger than this (5 MiB) are refused; a large national plan is under 1 MiB."""


MAX_DEPTH = 64
"""The one nesting limit for reading, checking and writing. An action plan nests about eight
levels deep; far deeper is a mistake or an attack (and would exhaust Python's stack)."""


SURROGATE = re.compile("[\ud800-\udfff]")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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


def may_hold_surrogate(text: str, decoded: bool) -> bool:
    """Whether parsing ``text`` may give a lone surrogate: only through a ``\\uD800``-style
    escape (a valid pair becomes one character), or a raw one in a str given directly."""
    if has_unicode_escape(text) and _SURROGATE_ESCAPE.search(text):
        return True
    return not decoded and has_surrogate(text)


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


def line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


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


def surrogate_message(text: str) -> str:
    """What to say about text holding a lone surrogate."""
    found = SURROGATE.search(text)
    code = f"\\u{ord(found.group()):04x}" if found else "?"
    return (
        f"the text holds a lone surrogate ({code}), half of a character, which no file can "
        "hold; remove it or write the whole character"
    )
