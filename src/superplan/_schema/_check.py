"""The schema check: does a document have the shape a published schema gives, and if not, why.

It sits below the catalogue and validation (both call it; it calls neither). Two routes give the
same answers, which a differential test checks on thousands of documents:

- the compiled route (jsonschema-rs), the default: the verdict, and the error list, in Rust;
- the reference route (the pure-Python jsonschema), used by ``reference=True``, by the tests, and
  by the compiled route itself for the few errors whose explanation needs jsonschema's error tree
  (a failed ``anyOf`` or ``oneOf`` of typed branches, and messages of keywords it does not word).
"""

from collections.abc import Iterator
from typing import Any

from ._compiled import compiled_errors
from ._messages import ShapeError

__all__ = ["shape_errors"]


def shape_errors(
    data: Any, name: str = "action-plan", *, reference: bool = False
) -> Iterator[ShapeError]:
    """Every shape error of a document, folded and in plain words, each (code, pointer) once."""
    if reference:
        from ._reference import reference_errors  # jsonschema: imported only when asked for

        found = reference_errors(data, name)
    else:
        found = compiled_errors(data, name)
    seen: set[tuple[str, str]] = set()
    for error in found:
        key = (error.code, error.pointer)
        if key not in seen:
            seen.add(key)
            yield error
