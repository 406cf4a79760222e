"""JSON text in and out, under one set of limits: the strict reader, the quick reader, the
canonical writer, and the places (line, column, pointer) of what a report names.

- :mod:`._lexical`: what JSON text may hold (sizes, depth, exact numbers, surrogates);
- :mod:`._read`: the strict reader (:func:`parse_json`), which refuses rather than guesses;
- :mod:`._faults`: the first refusal in text the reader refused, placed;
- :mod:`._quick`: orjson's fast route, and when its answer can be trusted;
- :mod:`._values`: Python values checked as JSON;
- :mod:`._write`: the canonical writer;
- :mod:`._places`: a pointer's line and column;
- :mod:`._pointer`: pointers written and ordered.
"""

from ._lexical import (
    MAX_BYTES,
    MAX_DEPTH,
    exact_float,
    has_unicode_escape,
    surrogate_message,
    too_large,
    utf8_size,
)
from ._places import locate, locate_in_layout
from ._pointer import json_pointer, pointer_order
from ._quick import (
    canonical,
    exact_in_places,
    negative_zero,
    plain,
    read_exactly,
    read_quickly,
    wide_space,
)
from ._read import parse_json
from ._values import check_value, levels, only_json_types, sort_keys_deep
from ._write import canonical_json

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "canonical",
    "canonical_json",
    "check_value",
    "exact_float",
    "exact_in_places",
    "has_unicode_escape",
    "json_pointer",
    "levels",
    "locate",
    "locate_in_layout",
    "negative_zero",
    "only_json_types",
    "parse_json",
    "plain",
    "pointer_order",
    "read_exactly",
    "read_quickly",
    "sort_keys_deep",
    "surrogate_message",
    "too_large",
    "utf8_size",
    "wide_space",
]
