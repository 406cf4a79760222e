"""The typed model: the report's catalogue and the responders' action plans.

Every class is a frozen, slotted, keyword-only attrs class. Validators catch what the types
cannot; cross-document checks (is recommendation 13 addressed to this force?) live in the
validation layer, because they need the catalogue. No I/O happens here.
"""

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import pendulum
from attrs import field, frozen

if TYPE_CHECKING:
    from .progress import PlanProgress

__all__ = [
    "JSON_NAMES",
    "RECOMMENDATION_COUNT",
    "Acceptance",
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Addressee",
    "Agency",
    "AgencyKind",
    "AgencyRole",
    "Certainty",
    "Compliance",
    "Country",
    "Due",
    "Fact",
    "Force",
    "GroupMembers",
    "InvalidField",
    "Milestone",
    "Numbering",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationRef",
    "Report",
    "Responder",
    "ResponderKind",
    "Response",
    "Source",
    "to_date",
]

RECOMMENDATION_COUNT = 29
"""The report makes 29 numbered recommendations."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PART_PATTERN = r"^[1-9][0-9]*\.[1-9][0-9]*$"
_SLUG = re.compile(SLUG_PATTERN)
# ASCII digits only, as the schema's pattern says: \d would also take other scripts' digits.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_PART = re.compile(PART_PATTERN)

T = TypeVar("T")

JSON_NAMES = {"schema": "$schema"}
"""Attributes whose JSON key is not their Python name (the converter and the schemas use this)."""

RecommendationRef = int | str
"""A recommendation named by its number (1..29) or by its stable slug."""


class InvalidField(ValueError):
    """A value that breaks a rule of the model, with the path of keys to it from its object."""

    def __init__(self, path: tuple[str | int, ...] | str, message: str) -> None:
        self.path = (path,) if isinstance(path, str) else path
        super().__init__(message)


def to_date(value: dt.date | str) -> pendulum.Date:
    """Return ``value`` as a :class:`pendulum.Date`; strings must be ISO ``YYYY-MM-DD``.

    A date is a date: datetimes are refused rather than silently truncated, so that no time
    zone can move a deadline by a day.
    """
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, not a date and time ({value.isoformat()})")
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        return _parse_date(value)
    raise TypeError(f"expected a date, got {type(value).__name__}")


@lru_cache(maxsize=8192)
def _parse_date(value: str) -> pendulum.Date:
    # Cached: plans repeat the same few dates many times, and a Date is immutable.
    match = _DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date in the calendar") from None


def _optional_date(value: dt.date | str | None) -> pendulum.Date | None:
    return None if value is None else to_date(value)


def _slug(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if not _SLUG.fullmatch(value):  # fullmatch: "$" alone would let "kent\n" through
        raise InvalidField(
            attribute.name, f"expected a lowercase slug such as 'north-yorkshire', got {value!r}"
        )


def _slugs(_: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]) -> None:
    for item in value:
        _slug(_, attribute, item)


def _recommendation_number(_: object, attribute: "attrs.Attribute[Any]", value: int) -> None:
    if not 1 <= value <= RECOMMENDATION_COUNT:
        raise InvalidField(
            attribute.name,
            f"expected a recommendation number from 1 to {RECOMMENDATION_COUNT}, got {value}",
        )


def _recommendation_ref(
    _: object, attribute: "attrs.Attribute[Any]", value: RecommendationRef
) -> None:
    if isinstance(value, bool):
        raise InvalidField(
            attribute.name, "expected a recommendation number or slug, got true/false"
        )
    if isinstance(value, int):
        _recommendation_number(_, attribute, value)
    else:
        _slug(_, attribute, value)


def _non_blank(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if not value.strip():
        raise InvalidField(attribute.name, "must not be empty or only white space")


def _optional_non_blank(_: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is not None:
        _non_blank(_, attribute, value)


def _each_non_blank(_: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]) -> None:
    for item in value:
        _non_blank(_, attribute, item)


def _as_tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values)


# ---------------------------------------------------------------------------------------------
# Provenance: what the catalogue knows, and how well
# ---------------------------------------------------------------------------------------------


class Certainty(StrEnum):
    """How well a catalogue value is established."""

    CONFIRMED = "confirmed"
    """Stated by a cited source."""
    INFERRED = "inferred"
    """Worked out from sources (for example a number from the order of the plans)."""
    UNKNOWN = "unknown"
    """No source gives it; the value is absent."""
    EDITORIAL = "editorial"
    """Written by superplan's editors as a label (short titles, themes); never the report's words."""


@frozen(kw_only=True)
class Source:
    """A public source the catalogue cites, by a short id."""

    id: str = field(validator=_slug)
    title: str = field(validator=_non_blank)
    url: str | None = None
    note: str | None = None


@frozen(kw_only=True)
class Fact(Generic[T]):
    """A catalogue value with its provenance: the value (or none), how sure, and where from.

    ``amended_by`` names the amendment file that supplied the value, when one did.
    """

    value: T | None = None
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
    note: str | None = None
    amended_by: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.certainty is Certainty.UNKNOWN and self.value is not None:
            raise ValueError("a fact whose certainty is 'unknown' cannot hold a value")
        if self.certainty is not Certainty.UNKNOWN and self.value is None:
            raise ValueError(f"a fact whose certainty is '{self.certainty}' needs a value")

    @property
    def known(self) -> bool:
        """True when the fact holds a value."""
        return self.value is not None


# ---------------------------------------------------------------------------------------------
# The catalogue: report, milestones, agencies, forces, recommendations
# ---------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class Report:
    """The joint report on the super-complaint."""

    title: str = field(validator=_non_blank)
    published: pendulum.Date = field(converter=to_date)
    authors: tuple[str, ...] = field(converter=_as_tuple, validator=_slugs)
    super_complainant: str
    on_behalf_of: str
    url: str | None = None
    recommendation_count: int = RECOMMENDATION_COUNT
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)


@frozen(kw_only=True)
class Milestone:
    """A deadline the report sets: a rule from publication and the date the report states."""

    slug: str = field(validator=_slug)
    title: str = field(validator=_non_blank)
    offset_days: int | None = None
    offset_months: int | None = None
    stated_date: pendulum.Date = field(converter=to_date)
    stated_as: Fact[str]
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)

    def __attrs_post_init__(self) -> None:
        if (self.offset_days is None) == (self.offset_months is None):
            raise ValueError("a milestone needs exactly one of offset_days and offset_months")

    def date_from(self, published: dt.date) -> pendulum.Date:
        """The milestone's date computed from its rule and a publication date."""
        start = to_date(published)
        if self.offset_days is not None:
            return start.add(days=self.offset_days)
        return start.add(months=self.offset_months or 0)


class AgencyKind(StrEnum):
    """What sort of body an agency is."""

    GOVERNMENT_DEPARTMENT = "government-department"
    PROSECUTOR = "prosecutor"
    POLICE_LEADERSHIP = "police-leadership"
    ASSOCIATION = "association"
    INSPECTORATE = "inspectorate"
    OVERSIGHT_BODY = "oversight-body"
    PROFESSIONAL_BODY = "professional-body"
    GROUP = "group"
    """Not one body but every member of a class (the chief constables of the 43 forces)."""


class AgencyRole(StrEnum):
    """The parts an agency plays in the report."""

    ADDRESSEE = "addressee"
    AUTHOR = "author"
    RESPONSE_RECIPIENT = "response-recipient"


class GroupMembers(StrEnum):
    """Who belongs to a group agency."""

    FORCES = "forces"
    """The chief constables of the 43 territorial forces."""
    LOCAL_POLICING_BODIES = "local-policing-bodies"
    """The police and crime commissioner, or mayor equivalent, of each force area."""


@frozen(kw_only=True)
class Agency:
    """A body named by the report: an addressee, an author or a recipient of responses."""

    slug: str = field(validator=_slug)
    name: str = field(validator=_non_blank)
    abbreviation: str | None = None
    kind: AgencyKind
    roles: tuple[AgencyRole, ...] = field(converter=_as_tuple)
    members: GroupMembers | None = None
    note: str | None = None
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)

    def __attrs_post_init__(self) -> None:
        if (self.kind is AgencyKind.GROUP) != (self.members is not None):
            raise ValueError("a group agency, and only a group agency, names its members")


class Country(StrEnum):
    ENGLAND = "england"
    WALES = "wales"


@frozen(kw_only=True)
class Force:
    """One of the 43 territorial police forces of England and Wales."""

    slug: str = field(validator=_slug)
    name: str = field(validator=_non_blank)
    name_cy: str | None = None
    """The force's Welsh name, for the four Welsh forces."""
    country: Country


class ResponderKind(StrEnum):
    FORCE = "force"
    LOCAL_POLICING_BODY = "local-policing-body"
    AGENCY = "agency"


@frozen(kw_only=True)
class Responder:
    """Who publishes an action plan: a force, a local policing body or a national agency.

    ``answers_as`` lists the addressee slugs whose recommendations it must answer: for a force,
    ``chief-constables``; for a local policing body, ``police-and-crime-commissioners``.
    """

    slug: str = field(validator=_slug)
    name: str
    kind: ResponderKind
    answers_as: tuple[str, ...] = field(converter=_as_tuple, validator=_slugs)


@frozen(kw_only=True)
class Numbering:
    """How well a recommendation's number is established."""

    certainty: Certainty
    range: tuple[int, int] | None = None
    """The slots the number is known to lie in, where only a range is known."""
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
    note: str | None = None


@frozen(kw_only=True)
class Addressee:
    """An agency a recommendation is addressed to, with how well that is established."""

    agency: str = field(validator=_slug)
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
    note: str | None = None
    amended_by: str | None = None


@frozen(kw_only=True)
class Recommendation:
    """One of the report's 29 recommendations, with the provenance of every field."""

    number: int = field(validator=_recommendation_number)
    slug: str = field(validator=_slug)
    numbering: Numbering
    short_title: Fact[str]
    addressees: tuple[Addressee, ...] = field(default=(), converter=_as_tuple)
    addressees_note: str | None = None
    deadline: Fact[str]
    """The slug of the milestone the recommendation is due by."""
    wording: Fact[tuple[str, ...]]
    """The official wording, paragraph by paragraph, quoted exactly."""
    sub_points: Fact[tuple[str, ...]]
    """The report's listed sub-points, where the wording introduces a list."""
    themes: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
    related: tuple[int, ...] = field(default=(), converter=_as_tuple)
    notes: tuple[str, ...] = field(default=(), converter=_as_tuple)

    @property
    def addressee_slugs(self) -> tuple[str, ...]:
        return tuple(addressee.agency for addressee in self.addressees)

    @property
    def title(self) -> str:
        """A label for people: the short title, or 'Recommendation N' where none is known."""
        return self.short_title.value or f"Recommendation {self.number}"


# ---------------------------------------------------------------------------------------------
# Responses: action plans, responses, actions, updates
# ---------------------------------------------------------------------------------------------


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


class ActionStatus(StrEnum):
    """Where an action, or a response as a whole, stands."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETE = "complete"
    ONGOING = "ongoing"
    """Business as usual: done, and kept up."""
    NOT_APPLICABLE = "not-applicable"


def doc(text: str, *examples: Any) -> dict[str, Any]:
    """Field metadata: its description and example values, for the JSON Schemas and the docs."""
    return {"description": text, "examples": list(examples)} if examples else {"description": text}


@frozen(kw_only=True)
class Due:
    """When an action is due: a calendar date or one of the report's milestones."""

    date: pendulum.Date | None = field(
        default=None,
        converter=_optional_date,
        metadata=doc("A calendar date, YYYY-MM-DD.", "2025-03-27"),
    )
    milestone: str | None = field(
        default=None,
        validator=attrs.validators.optional(_slug),
        metadata=doc(
            "A milestone's slug: fifty-six-days, six-months or twelve-months.", "six-months"
        ),
    )
    reason: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "Why the action is due after the recommendation's own deadline, if it is.",
            "The supplier's system release is due in December 2025.",
        ),
    )

    def __attrs_post_init__(self) -> None:
        if (self.date is None) == (self.milestone is None):
            raise InvalidField((), "a due date gives exactly one of 'date' and 'milestone'")


@frozen(kw_only=True)
class ProgressUpdate:
    """A dated statement of progress, such as the six-month update or a "March 2026 update"."""

    date: pendulum.Date = field(
        converter=to_date, metadata=doc("The date of the update, YYYY-MM-DD.", "2025-03-27")
    )
    label: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The name the plan gives the update.", "March 2026 update"),
    )
    status: ActionStatus | None = field(
        default=None, metadata=doc("The status as of this update.", "in-progress")
    )
    note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "What the update says.", "The Stalking Screening Tool is in use in all areas."
        ),
    )


def _part(_: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is not None and not _PART.fullmatch(value):
        raise InvalidField(attribute.name, f"expected a part written like '7.1', got {value!r}")


@frozen(kw_only=True)
class Action:
    """Something a responder will do: what, who (a role, never a person), by when, how it stands."""

    id: str = field(
        validator=_non_blank,
        metadata=doc("An identifier for the action, unique within the plan.", "7-1"),
    )
    part: str | None = field(
        default=None,
        validator=_part,
        metadata=doc(
            "The part of the recommendation the action answers, as the NPCC template numbers it "
            "(7.1). Not the report's own numbering.",
            "7.1",
        ),
    )
    description: str = field(
        validator=_non_blank,
        metadata=doc(
            "What will be done.",
            "We will develop a Stalking Problem Profile which identifies perpetrators / victims / locations.",
        ),
    )
    owner: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The role or team responsible; never a named person.", "Head of Public Protection"
        ),
    )
    due: Due | None = field(
        default=None, metadata=doc("When the action is due.", {"milestone": "six-months"})
    )
    status: ActionStatus | None = field(
        default=None, metadata=doc("Where the action stands.", "complete")
    )
    evidence: tuple[str, ...] = field(
        default=(),
        converter=_as_tuple,
        validator=_each_non_blank,
        metadata=doc("Evidence of progress or completion.", ["Not applicable - system function"]),
    )
    updates: tuple[ProgressUpdate, ...] = field(
        default=(), converter=_as_tuple, metadata=doc("Dated progress updates, oldest first.")
    )


@frozen(kw_only=True)
class Response:
    """A responder's answer to one recommendation."""

    recommendation: RecommendationRef = field(
        validator=_recommendation_ref,
        metadata=doc(
            "The recommendation answered: its number (1 to 29) or its slug.", 7, "crime-recording"
        ),
    )
    acceptance: Acceptance | None = field(
        default=None, metadata=doc("Whether the responder accepts the recommendation.", "accepted")
    )
    compliance: Compliance | None = field(
        default=None,
        metadata=doc("The responder's own assessment of how far it complies.", "partly-complies"),
    )
    narrative: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The response in the responder's own words.",
            "We accept this recommendation. Our initial assessment is that we partially comply.",
        ),
    )
    status: ActionStatus | None = field(
        default=None, metadata=doc("Where the response as a whole stands.")
    )
    actions: tuple[Action, ...] = field(
        default=(), converter=_as_tuple, metadata=doc("The actions the responder will take.")
    )
    updates: tuple[ProgressUpdate, ...] = field(
        default=(),
        converter=_as_tuple,
        metadata=doc("Dated updates on the response as a whole, oldest first."),
    )
    transcription_note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "How the response was captured; e.g. that the published page gave no text for it.",
            "The published page gives no response text for this recommendation.",
        ),
    )


SCHEMA_VERSION = "1.0"
SCHEMA_VERSIONS = (SCHEMA_VERSION,)
"""The submission schema versions this release reads."""


@frozen(kw_only=True)
class ActionPlan:
    """A responder's published action plan: its responses to the recommendations addressed to it."""

    schema: str | None = field(
        default=None,
        metadata=doc(
            "The $id of the JSON Schema the document follows.",
            "urn:superplan:schema:action-plan:1.0",
        ),
    )
    schema_version: str = field(
        default=SCHEMA_VERSION, metadata=doc("The version of the submission format.", "1.0")
    )
    responder: str = field(
        validator=_slug,
        metadata=doc(
            "Who publishes the plan: a force (kent), a local policing body (kent-pcc) "
            "or a national agency (home-office).",
            "north-yorkshire",
        ),
    )
    title: str | None = field(
        default=None, validator=_optional_non_blank, metadata=doc("The plan's own title.")
    )
    published: pendulum.Date | None = field(
        default=None,
        converter=_optional_date,
        metadata=doc("When the plan was first published, YYYY-MM-DD.", "2024-11-22"),
    )
    as_of: pendulum.Date | None = field(
        default=None,
        converter=_optional_date,
        metadata=doc("The date the plan's statuses describe, YYYY-MM-DD.", "2025-03-27"),
    )
    source_url: str | None = field(default=None, metadata=doc("Where the plan is published."))
    introduction: tuple[str, ...] = field(
        default=(),
        converter=_as_tuple,
        validator=_each_non_blank,
        metadata=doc("The plan's opening text, paragraph by paragraph."),
    )
    transcription_note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("How the document was captured, and what its source did not say."),
    )
    responses: tuple[Response, ...] = field(
        default=(), converter=_as_tuple, metadata=doc("One response per recommendation answered.")
    )
    extensions: Mapping[str, Any] = field(
        factory=dict,
        hash=False,
        metadata=doc("Anything outside the standard; kept and written back untouched."),
    )

    def __attrs_post_init__(self) -> None:
        if self.published is not None and self.as_of is not None and self.as_of < self.published:
            raise InvalidField(
                "as_of", f"{self.as_of} is before the plan's publication date ({self.published})"
            )
        if self.published is None:
            return
        for path, update in self.dated_updates():
            if update.date < self.published:
                raise InvalidField(
                    (*path, "date"),
                    f"this update is dated {update.date}, before the plan was published "
                    f"({self.published})",
                )

    def dated_updates(self) -> "Iterator[tuple[tuple[str | int, ...], ProgressUpdate]]":
        """Every progress update in the plan, with its path of keys from the plan."""
        for r, response in enumerate(self.responses):
            for u, update in enumerate(response.updates):
                yield ("responses", r, "updates", u), update
            for a, action in enumerate(response.actions):
                for u, update in enumerate(action.updates):
                    yield ("responses", r, "actions", a, "updates", u), update

    def status_as_of(self, day: dt.date | str) -> "PlanProgress":
        """Where the plan stands on ``day``, per recommendation and per action (see
        :func:`superplan.progress.status_as_of`, which also takes an amended catalogue)."""
        from .progress import status_as_of

        return status_as_of(self, day)

    def response_to(self, recommendation: RecommendationRef) -> Response | None:
        """The response to a recommendation as the plan names it (number or slug), if any."""
        for response in self.responses:
            if response.recommendation == recommendation:
                return response
        return None
