"""The model's words and numbers that need no class built: the format versions, the field
patterns, and the plan's status words. Kept apart from the attrs classes so that checking a plan
(``superplan validate FILE``) can read them without building the model.
"""

from enum import StrEnum

RECOMMENDATION_COUNT = 29
"""The report makes 29 numbered recommendations."""


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


PART_PATTERN = r"^[1-9][0-9]*\.[1-9][0-9]*$"


#: A BCP 47 language tag, loosely: a primary language and optional subtags (cy, en-GB, cy-Latn).
LANG_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$"


JSON_NAMES = {"schema": "$schema"}
"""Attributes whose JSON key is not their Python name (the converter and the schemas use this)."""


SCHEMA_VERSION = "1.2"
"""The submission schema version this release writes."""


SCHEMA_VERSIONS = ("1.0", "1.1", SCHEMA_VERSION)
"""The submission schema versions this release reads (each older file means the same)."""


CATALOGUE_FORMAT_VERSION = "1.1"
"""The version of the recommendations and amendment formats. 1.1 adds a recommendation's
``not_addressed_to`` and ``addressee_heading`` and an amendment's ``number``; every 1.0 file is
a valid 1.1 file and means the same."""

CATALOGUE_FORMAT_VERSIONS = ("1.0", CATALOGUE_FORMAT_VERSION)
"""The versions of those formats this release reads."""

VERSIONED_SCHEMAS = {
    "catalogue-recommendations": CATALOGUE_FORMAT_VERSION,
    "catalogue-amendments": CATALOGUE_FORMAT_VERSION,
}
"""Published schemas whose version is not the submission format's."""


class Acceptance(StrEnum):
    """Whether a responder accepts a recommendation."""

    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly-accepted"
    NOT_ACCEPTED = "not-accepted"


class Compliance(StrEnum):
    """A responder's own assessment of how far it already complies."""

    COMPLIES = "complies"
    PARTLY_COMPLIES = "partly-complies"
    DOES_NOT_COMPLY = "does-not-comply"
    NOT_YET_ASSESSED = "not-yet-assessed"


class DeliveryStatus(StrEnum):
    """Where an action, a part or a response as a whole stands, as the responder states it.

    There is no "not stated" member: a status the responder did not give is left out (``None``),
    and is never read as "not started".
    """

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETE = "complete"
    ONGOING = "ongoing"
    """Business as usual: done, and kept up."""
    NOT_APPLICABLE = "not-applicable"


ActionStatus = DeliveryStatus
"""The 1.0 name of :class:`DeliveryStatus`, kept for code written against it."""
