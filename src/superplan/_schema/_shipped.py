"""The published schemas as shipped: checking a document reads its schema from the shipped file
(a test holds every file to what :mod:`._generate` builds from the model), so that a check need
not build the model's classes to generate it. Where no file was shipped, it is generated.
"""

from functools import cache
from typing import Any

import orjson

from .._files import schema_file

__all__ = ["published"]


@cache
def published(name: str) -> dict[str, Any]:
    """The published schema ``name`` as shipped (not to be changed: it is shared), or generated
    from the model where this installation has no file of it."""
    path = schema_file(name)
    if path is not None:
        found = orjson.loads(path.read_bytes())
        if isinstance(found, dict):
            return found
    from ._generate import _schema  # the model's classes: built only when no file says it

    return _schema(name)
