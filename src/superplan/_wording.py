"""Saying JSON values in plain words, for messages people read."""

from typing import Any

__all__ = ["describe_value", "one_of", "shorten", "whole_number"]


def describe_value(value: Any) -> str:
    """A JSON value in a few words: ``the text 'abc'``, ``the number 5``, ``a list``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def shorten(text: str, limit: int = 60) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis, for quoting in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_of(values: Any) -> str:
    """``'a', 'b' or 'c'``."""
    quoted = [repr(value) for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def whole_number(text: str) -> int | None:
    """The whole number ``text`` writes in ASCII digits (``"7"`` → 7), else None.

    ``str.isdigit`` also accepts other scripts' digits and superscripts (``"٣"``, ``"²"``), and
    ``int`` reads some of them and fails on others: neither is how a plan or the schema writes a
    number, so every place that reads a number from text uses this instead.
    """
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
