"""The catalogue's classes: the report, its milestones, agencies, forces and recommendations, each
fact with its source and how certain it is.
"""

import datetime as dt
from enum import StrEnum
from typing import Generic

import attrs
import pendulum
from attrs import field, frozen

from ._dates import to_date
from ._fields import (
    RECOMMENDATION_COUNT,
    T,
    _as_tuple,
    check_non_blank,
    check_recommendation_number,
    check_slug,
    check_slugs,
)


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

    id: str = field(validator=check_slug)
    title: str = field(validator=check_non_blank)
    url: str | None = None
    note: str | None = None


@frozen(kw_only=True)
class Fact(Generic[T]):
    """A catalogue value with its provenance: the value (or none), how sure, and where from.

    ``amended_by`` names the amendment file that supplied the value, when one did.
    """

    value: T | None = None
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
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


@frozen(kw_only=True)
class Report:
    """The joint report on the super-complaint."""

    title: str = field(validator=check_non_blank)
    published: pendulum.Date = field(converter=to_date)
    authors: tuple[str, ...] = field(converter=_as_tuple, validator=check_slugs)
    super_complainant: str
    on_behalf_of: str
    url: str | None = None
    recommendation_count: int = RECOMMENDATION_COUNT
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)


@frozen(kw_only=True)
class Milestone:
    """A deadline the report sets: a rule from publication and the date the report states."""

    slug: str = field(validator=check_slug)
    title: str = field(validator=check_non_blank)
    offset_days: int | None = None
    offset_months: int | None = None
    stated_date: pendulum.Date = field(converter=to_date)
    stated_as: Fact[str]
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)

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

    slug: str = field(validator=check_slug)
    name: str = field(validator=check_non_blank)
    abbreviation: str | None = None
    kind: AgencyKind
    roles: tuple[AgencyRole, ...] = field(converter=_as_tuple)
    members: GroupMembers | None = None
    note: str | None = None
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)

    def __attrs_post_init__(self) -> None:
        if (self.kind is AgencyKind.GROUP) != (self.members is not None):
            raise ValueError("a group agency, and only a group agency, names its members")


class Country(StrEnum):
    ENGLAND = "england"
    WALES = "wales"


@frozen(kw_only=True)
class Force:
    """One of the 43 territorial police forces of England and Wales."""

    slug: str = field(validator=check_slug)
    name: str = field(validator=check_non_blank)
    name_cy: str | None = None
    """The force's Welsh name, for the four Welsh forces."""
    country: Country
    police_uk_id: str | None = field(default=None, validator=attrs.validators.optional(check_slug))
    """The force's identifier in data.police.uk's API (``/api/forces``), to join other police data."""
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
    """The sources the entry cites: where ``police_uk_id`` was read."""


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

    slug: str = field(validator=check_slug)
    name: str
    kind: ResponderKind
    answers_as: tuple[str, ...] = field(converter=_as_tuple, validator=check_slugs)


@frozen(kw_only=True)
class Numbering:
    """How well a recommendation's number is established."""

    certainty: Certainty
    range: tuple[int, int] | None = None
    """The slots the number is known to lie in, where only a range is known."""
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
    note: str | None = None
    amended_by: str | None = None
    """The amendment file that last set the number or its certainty, when one did."""
    shipped_number: int | None = field(
        default=None, validator=attrs.validators.optional(check_recommendation_number)
    )
    """The number the shipped catalogue gives, where an amendment moved the recommendation."""


@frozen(kw_only=True)
class Addressee:
    """An agency a recommendation is addressed to, with how well that is established."""

    agency: str = field(validator=check_slug)
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
    note: str | None = None
    amended_by: str | None = None


@frozen(kw_only=True)
class NonAddressee:
    """An agency a recommendation is not addressed to, with how sure that is and where from.

    Negative knowledge: a responder answering as this agency gets a warning (SP230).
    """

    agency: str = field(validator=check_slug)
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
    note: str | None = None
    amended_by: str | None = None


@frozen(kw_only=True)
class Recommendation:
    """One of the report's 29 recommendations, with the provenance of every field."""

    number: int = field(validator=check_recommendation_number)
    slug: str = field(validator=check_slug)
    numbering: Numbering
    short_title: Fact[str]
    addressees: tuple[Addressee, ...] = field(default=(), converter=_as_tuple)
    addressees_note: str | None = None
    """Free text about the addressees. Kept so that older catalogue files stay valid; the shipped
    catalogue states negative knowledge in ``not_addressed_to`` instead."""
    not_addressed_to: tuple[NonAddressee, ...] = field(default=(), converter=_as_tuple)
    """Agencies the recommendation is known or inferred not to be addressed to."""
    addressee_heading: Fact[str] | None = None
    """The line a source puts before the wording to name the addressees ("To Chief Constables:"),
    quoted exactly: evidence for ``addressees``, never part of the wording."""
    deadline: Fact[str]
    """The slug of the milestone the recommendation is due by."""
    wording: Fact[tuple[str, ...]]
    """The official wording, paragraph by paragraph, quoted exactly."""
    sub_points: Fact[tuple[str, ...]]
    """The report's listed sub-points, where the wording introduces a list."""
    themes: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=check_slugs)
    related: tuple[int, ...] = field(default=(), converter=_as_tuple)
    notes: tuple[str, ...] = field(default=(), converter=_as_tuple)

    @property
    def addressee_slugs(self) -> tuple[str, ...]:
        return tuple(addressee.agency for addressee in self.addressees)

    @property
    def title(self) -> str:
        """A label for people: the short title, or 'Recommendation N' where none is known."""
        return self.short_title.value or f"Recommendation {self.number}"
