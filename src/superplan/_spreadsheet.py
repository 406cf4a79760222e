"""Text in cells a spreadsheet opens: never run as a formula."""

__all__ = ["FORMULA_START", "escape_cell", "neutralise", "unescape_cell"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Spreadsheets run a cell that starts with one of these as a formula."""


def neutralise(value: str) -> str:
    """Text a spreadsheet shows as text: a leading ``=``, ``+``, ``-``, ``@``, tab or return is
    prefixed with an apostrophe, so that no formula runs. One way: for reports."""
    return "'" + value if value.startswith(FORMULA_START) else value


def escape_cell(value: str) -> str:
    """Like :func:`neutralise`, and reversible: an apostrophe already in front is doubled, so that
    :func:`unescape_cell` gives back exactly the text. For tables that are read back."""
    return "'" + value if value.startswith((*FORMULA_START, "'")) else value


def unescape_cell(value: str) -> str:
    """The text :func:`escape_cell` was given."""
    return (
        value[1:]
        if value.startswith("'") and value[1:].startswith((*FORMULA_START, "'"))
        else value
    )
