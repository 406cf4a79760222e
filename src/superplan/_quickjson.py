"""Reading JSON text quickly, with exactly the result of the strict reader, or not at all.

orjson reads the text; its value is used only when it is surely what :func:`parse_json` would
give. Otherwise the caller reads the text with :func:`parse_json`, which says what is wrong and
where (line, column and pointer): so the duplicate-key check and the locating run in full only
for a document with a problem. orjson's value can differ from the strict reader's in four ways:

- a duplicate key (orjson keeps the last). Every member is written back with one colon, and the
  colons inside strings are written back as they were read, so a value written with fewer colons
  than the text holds lost a member. (An escaped colon, ``\\u003a``, would hide one: such text is
  left to the strict reader.)
- ``-0``, which orjson reads as 0 and the strict reader as -0.0: such text is left to it too.
- numbers the strict reader refuses or keeps exactly (too precise, past 64 bits): orjson gives a
  float for these, so a value holding a float is not :func:`plain`;
- nesting past the limit: not :func:`plain` either.

Anything orjson refuses (NaN, a lone surrogate, a byte order mark, bad UTF-8) is left to the
strict reader.
"""

import re
from functools import partial
from itertools import chain, compress
from operator import is_
from typing import Any

import orjson

from ._jsontext import MAX_DEPTH

__all__ = ["plain", "read_quickly"]

_NEGATIVE_ZERO = re.compile(r"-0(?![0-9.eE])")
_IS_DICT, _IS_LIST = partial(is_, dict), partial(is_, list)


def read_quickly(data: str | bytes) -> Any | None:
    """orjson's value of ``data`` when it has surely the keys and numbers the strict reader would
    give, except perhaps floats and depth (see :func:`plain`); None for any doubt or refusal."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if "\\u003" in text or _NEGATIVE_ZERO.search(text):
        return None
    if orjson.dumps(value).count(b":") != text.count(":"):
        return None  # a duplicate key
    return value


def plain(value: Any, max_depth: int = MAX_DEPTH) -> bool:
    """Whether a value read by orjson holds no float and nests no deeper than ``max_depth``: then
    it is exactly what the strict reader gives. Level by level, each step done by C built-ins."""
    dicts: list[Any] = [value] if type(value) is dict else []
    lists: list[Any] = [value] if type(value) is list else []
    for _ in range(max_depth):
        if not dicts and not lists:
            return True
        values = list(
            chain(chain.from_iterable(map(dict.values, dicts)), chain.from_iterable(lists))
        )
        types = list(map(type, values))
        if float in types:
            return False
        dicts = list(compress(values, map(_IS_DICT, types)))
        lists = list(compress(values, map(_IS_LIST, types)))
    return not dicts and not lists
