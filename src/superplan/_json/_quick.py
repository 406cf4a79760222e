"""Reading JSON text quickly, with exactly the result of the strict reader, or not at all.

orjson reads the text; its value is used only when it is surely what :func:`parse_json` would
give. Otherwise the caller reads the text with :func:`parse_json`, which says what is wrong and
where (line, column and pointer): so the duplicate-key check and the locating run in full only
for a document with a problem. orjson's value can differ from the strict reader's in four ways:

- a duplicate key (orjson keeps the last). Every member is written back with one colon, and the
  colons inside strings are written back as they were read, so a value written with fewer colons
  than the text holds lost a member. (An escaped colon, ``\\u003a``, would hide one: such text is
  left to the strict reader.)
- ``-0``, which orjson reads as 0 and the strict reader as -0.0: see :func:`negative_zero`;
- numbers the strict reader refuses or keeps exactly (too precise, past 64 bits): orjson gives a
  float for these, so a value holding a float is not :func:`plain`;
- nesting past the limit: not :func:`plain` either.

Anything orjson refuses (NaN, a lone surrogate, a byte order mark, bad UTF-8) is left to the
strict reader.

In a document the schema has proven sound, the last three can only hide where the schema leaves a
value's type open (:func:`superplan._schema.doubtful_places`): :func:`exact_in_places` looks there
alone. Any other value is judged by :func:`read_exactly` (:func:`plain`, and :func:`negative_zero`
where a 0 was read).
"""

import re
from functools import partial
from itertools import chain, compress
from operator import is_
from typing import Any, Literal

import orjson

from ._lexical import MAX_DEPTH, has_unicode_escape
from ._values import levels

__all__ = [
    "canonical",
    "exact_in_places",
    "negative_zero",
    "plain",
    "read_exactly",
    "read_quickly",
    "wide_space",
]

# The canonical form superplan writes (see ``convert.dumps``), which orjson writes alike.
_CANONICAL = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
# White space by str.isspace beyond ASCII's " \t\n\r\f\v" (and its escapes in JSON text).
_WIDE_SPACE = re.compile("[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_ESCAPED_WIDE_SPACE = re.compile(
    r"\\u(?:00(?:1[c-fC-F]|85|[aA]0)|1680|200[0-9a-fA-F]|202[89fF]|205[fF]|3000)"
)
_NEGATIVE_ZERO = re.compile(r"-0(?![0-9.eE])")
_IS_INT = partial(is_, int)


def read_quickly(data: str | bytes) -> tuple[Any, bool] | None:
    """orjson's value of ``data`` when it has surely the keys the strict reader would give
    (numbers and depth are judged later: see the module's notes), and whether the text is that
    value in the canonical layout; None for any doubt or refusal."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    if canonical(value, data):
        return value, True  # written back byte for byte: every key read once
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if has_unicode_escape(text) and "\\u003" in text:
        return None
    try:
        written = orjson.dumps(value)
    except (orjson.JSONEncodeError, TypeError):  # orjson reads deeper than it writes
        return None
    if written.count(b":") != text.count(":"):
        return None  # a duplicate key
    return value, False


def canonical(value: Any, data: str | bytes) -> bool:
    """Whether ``data`` is ``value`` written in the canonical layout, byte for byte."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    try:
        return orjson.dumps(value, option=_CANONICAL) == raw
    except (orjson.JSONEncodeError, TypeError):  # orjson reads deeper than it writes
        return False


def wide_space(data: str | bytes) -> bool:
    """Whether the text may hold, as itself or escaped, white space that Python's ``strip``
    removes and the schema's non-blank pattern (ASCII white space only) lets through: then a
    text of it alone is sound by the schema and refused by the model. False positives only
    cost structuring the plan at once."""
    text = data.decode("utf-8", "surrogatepass") if isinstance(data, bytes) else data
    if not text.isascii() and _WIDE_SPACE.search(text):
        return True
    return has_unicode_escape(text) and _ESCAPED_WIDE_SPACE.search(text) is not None


def negative_zero(data: str | bytes) -> bool:
    """Whether the text may write ``-0``, which orjson reads as 0 (the strict reader keeps the
    sign); false positives (inside a string) only cost the slower route."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return _NEGATIVE_ZERO.search(text) is not None


def exact_in_places(
    value: Any,
    places: tuple[tuple[Literal["integer", "free-form"], tuple[str, ...]], ...],
    max_depth: int = MAX_DEPTH,
) -> bool:
    """Whether a schema-sound value read by orjson is, at each doubtful place, exactly what the
    strict reader gives: no float where an integer goes, and free-form values plain, no deeper
    than the limit, and holding no 0 (which may have been written ``-0``)."""
    for kind, path in places:
        found = _at(value, path)
        if kind == "integer":
            if float in map(type, found):  # (compared at C speed: a type is equal only to itself)
                return False
        elif not all(plain(item, max_depth - len(path), zero=False) for item in found):
            return False
    return True


def _at(value: Any, path: tuple[str, ...]) -> list[Any]:
    """The values at ``path`` ("*" for each item of a list) in a value of sound shape."""
    found = [value]
    for step in path:
        if step == "*":
            found = list(chain.from_iterable(v for v in found if type(v) is list))
        else:
            found = [v[step] for v in found if type(v) is dict and step in v]
    return found


def plain(value: Any, max_depth: int = MAX_DEPTH, *, zero: bool = True) -> bool:
    """Whether a value read by orjson holds no float and nests no deeper than ``max_depth`` (and,
    unless ``zero``, no integer 0): then, read from text with no ``-0``, it is exactly what the
    strict reader gives."""
    found = _look(value, max_depth)
    return found is not None and (zero or not found)


def read_exactly(
    value: Any, data: str | bytes, max_depth: int = MAX_DEPTH, *, laid_out: bool = False
) -> bool:
    """Whether orjson's ``value`` of the text ``data`` is exactly what the strict reader gives
    (keys aside: see :func:`read_quickly`): :func:`plain`, and, where it read a 0, no ``-0`` in
    the text (a value with no 0 cannot have been written ``-0``).

    ``laid_out``: the text is ``value`` written in the canonical layout, byte for byte. Then each
    number is written as orjson writes its value back (``-0`` is written ``0``; a float past
    what a float holds exactly, or an integer past 64 bits, in more digits than its shortest
    form), so the strict reader gives the same; only the depth is left to judge, and a value
    ``max_depth`` levels down starts a line with ``2 * max_depth`` spaces (a line break within
    text is written ``\n``)."""
    if laid_out:
        if 2 * max_depth >= len(data):
            return True  # text this short cannot be indented that deep
        deep = "\n" + " " * (2 * max_depth)
        if isinstance(data, bytes):
            return deep.encode() not in data
        return deep not in data
    found = _look(value, max_depth)
    return found is not None and not (found and negative_zero(data))


def _look(value: Any, max_depth: int) -> bool | None:
    """None if a value holds a float or nests deeper than ``max_depth``; otherwise whether it
    holds an integer 0 (looked into as :func:`~superplan._json.levels` does: a dict or list
    subclass, which no reader gives, errs only towards the strict reader)."""
    zero = value.__class__ is int and value == 0
    for depth, (values, types) in enumerate(levels(value), 1):
        if depth > max_depth or float in types:
            return None
        zero = zero or (int in types and _holds_zero(values))
    return zero


def _holds_zero(values: list[Any]) -> bool:
    # ``in`` asks == 0 at C speed, which False and 0.0 answer too: only then one by one.
    return 0 in values and 0 in compress(values, map(_IS_INT, map(type, values)))
