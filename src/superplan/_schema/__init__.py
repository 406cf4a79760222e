"""The schema layer: the published JSON Schemas, generated from the model, and the check of a
document against them.

It sits above the model and below the catalogue and validation (both call it; it calls
neither): a catalogue amendment file is checked against its schema before it is applied.

- :mod:`._generate`: each schema built from the attrs classes (:func:`schema`), imported on first
  use: checking a document reads the shipped schema instead;
- :mod:`._shipped`: the schemas as shipped, read by the check;
- :mod:`._published`: their patterns and ``$id``s (:func:`schema_id`);
- :mod:`._check`: :func:`shape_errors`, by the compiled route (jsonschema-rs) or the reference
  route (jsonschema), which a differential test keeps in agreement;
- :mod:`._compiled`, :mod:`._reference`: the two routes;
- :mod:`._places`: where in a document the compiled route's verdict may need the reference route;
- :mod:`._messages`: every schema error in plain words.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes
from ._check import shape_errors
from ._compiled import compiled_errors, is_sound
from ._messages import MESSAGES, ShapeError
from ._places import EACH, doubtful_places
from ._published import (
    DATE_PATTERN,
    NON_BLANK_PATTERN,
    PART_PATTERN,
    SLUG_PATTERN,
    schema_id,
    schema_ids,
    schema_version,
)
from ._shipped import published as published

__all__ = [
    "DATE_PATTERN",
    "EACH",
    "MESSAGES",
    "NON_BLANK_PATTERN",
    "PART_PATTERN",
    "SCHEMA_NAMES",
    "SLUG_PATTERN",
    "ShapeError",
    "compiled_errors",
    "doubtful_places",
    "is_sound",
    "schema",
    "schema_id",
    "schema_ids",
    "schema_version",
    "shape_errors",
]

#: Names that need the model's classes, imported on first use.
_EXPORTS = {"SCHEMA_NAMES": "._generate", "schema": "._generate"}

__getattr__ = lazy_attributes(__name__, _EXPORTS)

if TYPE_CHECKING:
    from ._generate import SCHEMA_NAMES as SCHEMA_NAMES, schema as schema
