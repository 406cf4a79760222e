"""The schema layer: the published JSON Schemas, generated from the model, and the check of a
document against them.

It sits above the model and below the catalogue and validation (both call it; it calls
neither): a catalogue amendment file is checked against its schema before it is applied.

- :mod:`._generate`: each schema built from the attrs classes (:func:`schema`, :func:`schema_id`);
- :mod:`._check`: :func:`shape_errors`, by the compiled route (jsonschema-rs) or the reference
  route (jsonschema), which a differential test keeps in agreement;
- :mod:`._compiled`, :mod:`._reference`: the two routes;
- :mod:`._places`: where in a document the compiled route's verdict may need the reference route;
- :mod:`._messages`: every schema error in plain words.
"""

from ._check import shape_errors
from ._compiled import compiled_errors, is_sound
from ._generate import (
    DATE_PATTERN,
    NON_BLANK_PATTERN,
    PART_PATTERN,
    SCHEMA_NAMES,
    SLUG_PATTERN,
    schema,
    schema_id,
    schema_ids,
    schema_version,
)
from ._messages import MESSAGES, ShapeError
from ._places import EACH, doubtful_places

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
