"""What the published schemas say that needs no model class: their patterns and their ``$id``s."""

from ..model import (
    LANG_PATTERN as MODEL_LANG_PATTERN,
    PART_PATTERN as MODEL_PART_PATTERN,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
    SLUG_PATTERN as MODEL_SLUG_PATTERN,
    VERSIONED_SCHEMAS,
)

__all__ = [
    "DATE_PATTERN",
    "LANG_PATTERN",
    "NON_BLANK_PATTERN",
    "PARTIAL_DATE_PATTERN",
    "PART_PATTERN",
    "SLUG_PATTERN",
    "schema_id",
    "schema_ids",
    "schema_version",
]


def _exact(pattern: str) -> str:
    """``pattern`` with its final ``$`` made exact in Python as in ECMAScript: Python's ``$`` also
    matches before a final newline (so ``"kent\\n"`` would pass as a slug) and ECMAScript has no
    ``\\Z``; "no character follows" means the very end in both."""
    return pattern.removesuffix("$") + r"(?![\s\S])" if pattern.endswith("$") else pattern


DATE_PATTERN = _exact("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: A date at the precision given: a month (YYYY-MM) or a day (YYYY-MM-DD).
PARTIAL_DATE_PATTERN = _exact("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")
SLUG_PATTERN = _exact(MODEL_SLUG_PATTERN)
PART_PATTERN = _exact(MODEL_PART_PATTERN)
LANG_PATTERN = _exact(MODEL_LANG_PATTERN)
#: Holds a character other than ASCII white space. (An explicit class, so that Python's and
#: ECMAScript's regular expressions agree on it.)
NON_BLANK_PATTERN = "[^ \\t\\n\\r\\f\\v]"


def schema_version(name: str) -> str:
    """The version of a published schema (the catalogue's formats have their own)."""
    return VERSIONED_SCHEMAS.get(name, SCHEMA_VERSION)


def schema_id(name: str) -> str:
    """The stable ``$id`` of a published schema, e.g. ``urn:superplan:schema:action-plan:1.0``."""
    return f"urn:superplan:schema:{name}:{schema_version(name)}"


def schema_ids(name: str) -> tuple[str, ...]:
    """Every ``$id`` a document may name for this schema: one per version this release reads
    (a 1.0 document naming the 1.0 schema is as valid as ever)."""
    return tuple(f"urn:superplan:schema:{name}:{version}" for version in SCHEMA_VERSIONS)
