"""Canonical JSON text out: two-space indent, keys in the order given, a final newline, non-ASCII
kept as itself so that published text diffs cleanly.
"""

import json
from typing import Any

from ..errors import DumpError, Problem
from ._lexical import MAX_DEPTH, has_surrogate
from ._values import check_value

# In canonical text each level indents two spaces, so a container nested past MAX_DEPTH starts a
# line indented 2 * MAX_DEPTH or more: found at C speed, without walking the value.
_TOO_DEEP_LINE = "\n" + " " * (2 * MAX_DEPTH)


def canonical_json(value: Any) -> str:
    """The canonical text of an unstructured value: same value, same bytes.

    Raises :class:`LoadError` (with the pointer) for a value that strict JSON cannot hold or that
    would not read back the same: NaN, a lone surrogate, nesting past :data:`MAX_DEPTH`.
    """
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except (ValueError, TypeError, RecursionError):
        text = ""
    if not text or _TOO_DEEP_LINE in text or has_surrogate(text):
        problem = check_value(value)
        if problem is not None:
            raise DumpError([problem])
        if not text:  # pragma: no cover - check_value finds everything json.dumps refuses
            raise DumpError([Problem(pointer="", message="cannot be written", kind="not-json")])
    return text
