"""The typed model: the report's catalogue and the responders' action plans.

Every class is a frozen, slotted, keyword-only attrs class. The plan's classes refuse a wrong
value when they are built, naming the field and what it allows (``Response(acceptance="yes")`` is a
ValueError listing the three acceptances); cross-document checks (is recommendation 13 addressed to
this force?) live in the validation layer, because they need the catalogue. No I/O happens here,
and nothing here calls up into the layers that read the model (progress, rendering, validation).
"""

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import Any, Generic, TypeVar

import attrs
import pendulum
from attrs import field, frozen

from ._words import describe, one_of

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
    "DeliveryStatus",
    "Due",
    "Fact",
    "Force",
    "GroupMembers",
    "InvalidField",
    "Lead",
    "Link",
    "Milestone",
    "NonAddressee",
    "Numbering",
    "Part",
    "PartialDate",
    "Precision",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationRef",
    "Report",
    "Responder",
    "ResponderKind",
    "Response",
    "Source",
    "Translation",
    "WrongType",
    "to_date",
]

RECOMMENDATION_COUNT = 29
"""The report makes 29 numbered recommendations."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PART_PATTERN = r"^[1-9][0-9]*\.[1-9][0-9]*$"
_SLUG = re.compile(SLUG_PATTERN)
# ASCII digits only, as the schema's pattern says: \d would also take other scripts' digits.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_PARTIAL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
#: A BCP 47 language tag, loosely: a primary language and optional subtags (cy, en-GB, cy-Latn).
LANG_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$"
_LANG = re.compile(LANG_PATTERN)
_PART = re.compile(PART_PATTERN)

T = TypeVar("T")

JSON_NAMES = {"schema": "$schema"}
"""Attributes whose JSON key is not their Python name (the converter and the schemas use this)."""

RecommendationRef = int | str
"""A recommendation named by its number (1..29) or by its stable slug."""


class InvalidField(ValueError):
    """A value that breaks a rule of the model, with the path of keys to it from its object.

    ``message`` says what is wrong; ``str()`` puts the class and field in front of it
    (``Response.acceptance: expected one of ...``) so that an error raised while building an
    object names what was being built.
    """

    def __init__(
        self, path: tuple[str | int, ...] | str, message: str, *, owner: str | None = None
    ) -> None:
        self.path = (path,) if isinstance(path, str) else path
        self.message = message
        where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in self.path)
        where = f"{owner or ''}{where}".lstrip(".")
        super().__init__(f"{where}: {message}" if where else message)


class WrongType(InvalidField, TypeError):
    """A value of the wrong kind for its field (text where a date belongs, a list for text)."""


def _owner(instance: object) -> str:
    return type(instance).__name__


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


class Precision(StrEnum):
    """How precisely a date is given."""

    MONTH = "month"
    """A month: "Nov-24", "March 2026 update"."""
    DAY = "day"
    """A calendar day."""


class PartialDate:
    """A date kept at the precision it was given: a month (``2024-11``) or a day (``2024-11-21``).

    A month-precision date stands for some day in that month, unknown: it is not the first of
    the month. So it has bounds (:attr:`earliest`, :attr:`latest`) and only honest comparisons:
    ``surely_before`` is true only when every day it may stand for is before the other date.

    >>> nov = PartialDate.parse("2024-11")
    >>> nov.precision, str(nov.earliest), str(nov.latest)
    (<Precision.MONTH: 'month'>, '2024-11-01', '2024-11-30')
    >>> nov.surely_before("2024-11-22"), nov.surely_after("2024-11-22")
    (False, False)
    >>> nov.surely_before("2024-12-01")
    True
    >>> str(nov)
    '2024-11'
    """

    __slots__ = ("_day", "_first", "_last", "_month", "_year")
    _year: int
    _month: int
    _day: int | None
    _first: dt.date  # the bounds, worked out once: plans compare the same dates many times
    _last: dt.date

    def __init__(self, year: int, month: int, day: int | None = None) -> None:
        for name, value in (("year", year), ("month", month), ("day", day)):
            if value is not None and (value.__class__ is not int):
                raise TypeError(f"the {name} must be a whole number, got {describe(value)}")
        if not 1 <= year <= 9999 or not 1 <= month <= 12:
            raise ValueError(f"{_format(year, month, day)!r} is not a date in the calendar")
        if day is not None:
            try:
                first = last = dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"{_format(year, month, day)!r} is not a date in the calendar"
                ) from None
        else:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        object.__setattr__(self, "_year", year)
        object.__setattr__(self, "_month", month)
        object.__setattr__(self, "_day", day)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", last)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a PartialDate cannot be changed")

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Read ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits, as the schema says)."""
        return _parse_partial(text)

    @classmethod
    def of(cls, value: "PartialDate | dt.date | str") -> "PartialDate":
        """``value`` as a PartialDate: a date is day precision; text is parsed; a date and time
        is refused (a time zone could move it by a day)."""
        if value.__class__ is PartialDate:
            return value
        if isinstance(value, str):
            return _parse_partial(value)
        if isinstance(value, dt.datetime):
            raise TypeError(f"expected a date, not a date and time ({value.isoformat()})")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, PartialDate):
            return value
        raise TypeError(f"expected a date (YYYY-MM or YYYY-MM-DD), got {describe(value)}")

    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def day(self) -> int | None:
        """The day of the month, or None at month precision."""
        return self._day

    @property
    def precision(self) -> Precision:
        return Precision.MONTH if self._day is None else Precision.DAY

    @property
    def exact(self) -> pendulum.Date | None:
        """The day itself at day precision; None at month precision."""
        return None if self._day is None else pendulum.Date(self._year, self._month, self._day)

    @property
    def earliest(self) -> pendulum.Date:
        """The first day it may stand for."""
        first = self._first
        return pendulum.Date(first.year, first.month, first.day)

    @property
    def latest(self) -> pendulum.Date:
        """The last day it may stand for."""
        last = self._last
        return pendulum.Date(last.year, last.month, last.day)

    @property
    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date]:
        """For ordering a series of dates (earliest, then latest): not a claim about which came
        first when two overlap."""
        return (self.earliest, self.latest)

    def surely_before(self, other: "PartialDate | dt.date | str") -> bool:
        """Every day this may stand for is before every day ``other`` may stand for."""
        if other.__class__ is PartialDate:  # the usual case, without a call
            return self._last < other._first
        return self._last < _bounds(other)[0]

    def surely_after(self, other: "PartialDate | dt.date | str") -> bool:
        """Every day this may stand for is after every day ``other`` may stand for."""
        if other.__class__ is PartialDate:  # the usual case, without a call
            return self._first > other._last
        return self._first > _bounds(other)[1]

    def surely_on_or_before(self, other: "PartialDate | dt.date | str") -> bool:
        return self._last <= _bounds(other)[0]

    def surely_on_or_after(self, other: "PartialDate | dt.date | str") -> bool:
        return self._first >= _bounds(other)[1]

    def overlaps(self, other: "PartialDate | dt.date | str") -> bool:
        """Neither surely before nor surely after: the two may be the same day."""
        return not self.surely_before(other) and not self.surely_after(other)

    def isoformat(self) -> str:
        return _format(self._year, self._month, self._day)

    def __str__(self) -> str:
        return _format(self._year, self._month, self._day)

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is PartialDate:
            return (self._year, self._month, self._day) == (
                other._year,
                other._month,
                other._day,
            )
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            # A day-precision date is that day; a month is not any one day.
            return self._day is not None and (self._year, self._month, self._day) == (
                other.year,
                other.month,
                other.day,
            )
        return NotImplemented

    def __hash__(self) -> int:
        if self._day is not None:
            return hash(dt.date(self._year, self._month, self._day))
        return hash((self._year, self._month))

    def __reduce__(self) -> tuple[Any, ...]:
        return (PartialDate, (self._year, self._month, self._day))


def _format(year: int, month: int, day: int | None) -> str:
    text = f"{year:04d}-{month:02d}"
    return text if day is None else f"{text}-{day:02d}"


_FIRST, _LAST = attrgetter("_first"), attrgetter("_last")


def span(dates: "Iterable[PartialDate]") -> tuple[dt.date, dt.date] | None:
    """(The earliest last day, the latest first day) over ``dates``; None for none. No date
    is surely before a day on or before the first, nor surely after one on or after the second."""
    dates = dates if isinstance(dates, list) else list(dates)
    if not dates:
        return None
    return min(map(_LAST, dates)), max(map(_FIRST, dates))


def _bounds(value: "PartialDate | dt.date | str") -> tuple[dt.date, dt.date]:
    if value.__class__ is PartialDate:
        return value._first, value._last
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, value
    partial = PartialDate.of(value)
    return partial._first, partial._last


@lru_cache(maxsize=8192)
def _parse_partial(value: str) -> PartialDate:
    # Cached: plans repeat the same few dates many times, and a PartialDate is immutable.
    match = _PARTIAL_DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"expected a date written YYYY-MM-DD or YYYY-MM, got {value!r}")
    year, month, day = match.groups()
    return PartialDate(int(year), int(month), None if day is None else int(day))


def _slug(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value.__class__ is not str:
        _wrong_type(instance, attribute, value, "a slug (text)")
    if not _SLUG.fullmatch(value):
        raise InvalidField(
            attribute.name,
            f"expected a lowercase slug such as 'north-yorkshire', got {value!r}",
            owner=_owner(instance),
        )


def _slugs(instance: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]) -> None:
    for item in value:
        _slug(instance, attribute, item)


def _recommendation_number(instance: object, attribute: "attrs.Attribute[Any]", value: int) -> None:
    if value.__class__ is not int:
        _wrong_type(instance, attribute, value, "a whole number")
    if not 1 <= value <= RECOMMENDATION_COUNT:
        raise InvalidField(
            attribute.name,
            f"expected a recommendation number from 1 to {RECOMMENDATION_COUNT}, got {value}",
            owner=_owner(instance),
        )


def _recommendation_ref(
    instance: object, attribute: "attrs.Attribute[Any]", value: RecommendationRef
) -> None:
    if value.__class__ is int:
        _recommendation_number(instance, attribute, value)
    elif value.__class__ is str:
        _slug(instance, attribute, value)
    elif isinstance(value, bool):
        raise WrongType(
            attribute.name,
            "expected a recommendation number or slug, got true/false",
            owner=_owner(instance),
        )
    else:
        _wrong_type(instance, attribute, value, "a recommendation number (1 to 29) or slug")


def _wrong_type(
    instance: object, attribute: "attrs.Attribute[Any]", value: Any, wanted: str
) -> None:
    raise WrongType(
        attribute.name, f"expected {wanted}, got {describe(value)}", owner=_owner(instance)
    )


def _non_blank(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")
    if not value.strip():
        raise InvalidField(
            attribute.name, "must not be empty or only white space", owner=_owner(instance)
        )


def _optional_non_blank(
    instance: object, attribute: "attrs.Attribute[Any]", value: str | None
) -> None:
    if value is not None:
        _non_blank(instance, attribute, value)


def _each_non_blank(
    instance: object, attribute: "attrs.Attribute[Any]", value: tuple[str, ...]
) -> None:
    if value.__class__ is not tuple:
        _wrong_type(instance, attribute, value, "a list")
    for item in value:
        _non_blank(instance, attribute, item)


def _optional_text(instance: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is not None and value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")


def _text(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value.__class__ is not str and not isinstance(value, str):
        _wrong_type(instance, attribute, value, "text")


def _optional_lang(instance: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is None:
        return
    if value.__class__ is not str:
        _wrong_type(instance, attribute, value, "a language tag such as 'cy'")
    if not _LANG.fullmatch(value):
        raise InvalidField(
            attribute.name,
            f"expected a language tag such as 'cy' or 'en-GB' (BCP 47), got {value!r}",
            owner=_owner(instance),
        )


def _lang(instance: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if value is None:
        _wrong_type(instance, attribute, value, "a language tag such as 'cy'")
    _optional_lang(instance, attribute, value)


def _flag(instance: object, attribute: "attrs.Attribute[Any]", value: bool) -> None:
    if value.__class__ is not bool:
        _wrong_type(instance, attribute, value, "true or false")


def _mapping(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if not isinstance(value, Mapping):
        _wrong_type(instance, attribute, value, "a mapping (a JSON object)")


def _optional_of(kind: type, wanted: str) -> Any:
    """A validator: None or an instance of ``kind``."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is not None and value.__class__ is not kind and not isinstance(value, kind):
            _wrong_type(instance, attribute, value, wanted)

    return check


def _each_of(kind: type, wanted: str) -> Any:
    """A validator: every item an instance of ``kind``."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
        if value.__class__ is not tuple:
            _wrong_type(instance, attribute, value, "a list")
        for item in value:
            if item.__class__ is not kind and not isinstance(item, kind):
                _wrong_type(instance, attribute, item, f"{wanted} in each item")

    return check


def _as_tuple(values: Any) -> tuple[Any, ...]:
    return tuple(values)


# Converters cannot say which field they convert, so those of the plan's classes leave a value
# they cannot take as it is, and the field's validator refuses it by name.


def _to_tuple(values: Any) -> tuple[Any, ...]:
    """A list (or any iterable but text and mappings) as a tuple; anything else is left for the
    validator to refuse (``tuple("abc")`` would be three one-letter items)."""
    if values.__class__ is tuple:
        return values
    if values.__class__ is list or (
        hasattr(values, "__iter__") and not isinstance(values, str | bytes | Mapping)
    ):
        return tuple(values)
    return values  # type: ignore[no-any-return]


def _to_partial_date(value: Any) -> "PartialDate | None":
    if value is None or value.__class__ is PartialDate:
        return value
    try:
        return PartialDate.of(value)
    except (TypeError, ValueError):
        return value  # type: ignore[no-any-return]  # refused, with the reason, by the validator


def _is_partial_date(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None or value.__class__ is PartialDate:
        return
    try:
        PartialDate.of(value)
    except TypeError as error:
        raise WrongType(attribute.name, str(error), owner=_owner(instance)) from None
    except ValueError as error:
        raise InvalidField(attribute.name, str(error), owner=_owner(instance)) from None


def _to_date(value: Any) -> pendulum.Date | None:
    if value is None or value.__class__ is pendulum.Date:
        return value
    try:
        return to_date(value)
    except (TypeError, ValueError):
        return value  # type: ignore[no-any-return]  # refused, with the reason, by the validator


def _is_date(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value is None or value.__class__ is pendulum.Date:
        return
    try:
        to_date(value)
    except TypeError as error:
        raise WrongType(attribute.name, str(error), owner=_owner(instance)) from None
    except ValueError as error:
        raise InvalidField(attribute.name, str(error), owner=_owner(instance)) from None
    _wrong_type(instance, attribute, value, "a date")  # pragma: no cover - to_date converts all


def _member(kind: type[StrEnum], value: Any) -> Any:
    """``value`` as a member of ``kind`` when it is one or names one; else as it is."""
    if value is None or value.__class__ is kind:
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _one_of(kind: type[StrEnum]) -> Any:
    """A validator: None or a member of ``kind``; the error lists the allowed values."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None or value.__class__ is kind:
            return
        allowed = one_of(member.value for member in kind)
        error = InvalidField if isinstance(value, str) else WrongType
        raise error(
            attribute.name, f"expected one of {allowed}, got {value!r}", owner=_owner(instance)
        )

    return check


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
    police_uk_id: str | None = field(default=None, validator=attrs.validators.optional(_slug))
    """The force's identifier in data.police.uk's API (``/api/forces``), to join other police data."""
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
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
    amended_by: str | None = None
    """The amendment file that last set the number or its certainty, when one did."""
    shipped_number: int | None = field(
        default=None, validator=attrs.validators.optional(_recommendation_number)
    )
    """The number the shipped catalogue gives, where an amendment moved the recommendation."""


@frozen(kw_only=True)
class Addressee:
    """An agency a recommendation is addressed to, with how well that is established."""

    agency: str = field(validator=_slug)
    certainty: Certainty
    sources: tuple[str, ...] = field(default=(), converter=_as_tuple, validator=_slugs)
    note: str | None = None
    amended_by: str | None = None


@frozen(kw_only=True)
class NonAddressee:
    """An agency a recommendation is not addressed to, with how sure that is and where from.

    Negative knowledge: a responder answering as this agency gets a warning (SP230).
    """

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
# Responses: action plans, responses, parts, actions, updates
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


def _to_acceptance(value: Any) -> Acceptance | None:
    return _member(Acceptance, value)  # type: ignore[no-any-return]


def _to_compliance(value: Any) -> Compliance | None:
    return _member(Compliance, value)  # type: ignore[no-any-return]


def _to_status(value: Any) -> DeliveryStatus | None:
    return _member(DeliveryStatus, value)  # type: ignore[no-any-return]


_IS_STATUS = _one_of(DeliveryStatus)


def doc(text: str, *examples: Any) -> dict[str, Any]:
    """Field metadata: its description and example values, for the JSON Schemas and the docs."""
    return {"description": text, "examples": list(examples)} if examples else {"description": text}


_STATUS_TEXT = doc(
    "The responder's own words for the status, kept as written beside the normalised value.",
    "Complete – BAU",  # noqa: RUF001 - the force's own dash
    "Green",
)
_LANG_DOC = doc("The language of the text, as a BCP 47 tag, when it is not English.", "cy")


@frozen(kw_only=True)
class Link:
    """A document or page the plan links to: its title as the page gives it, and its address."""

    title: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The link's text.", "Stalking Problem Profile (PDF)"),
    )
    url: str = field(
        validator=_non_blank,
        metadata=doc("The address linked to.", "https://www.example.police.uk/plan.pdf"),
    )


@frozen(kw_only=True)
class Lead:
    """Someone the plan names as leading it, as published: a role, and a name where given."""

    role: str = field(
        validator=_non_blank, metadata=doc("The lead's role as published.", "Executive Lead")
    )
    name: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The name the page gives, where it gives one.", "ACC Jane Doe"),
    )


@frozen(kw_only=True)
class Translation:
    """The response in a second language, as a bilingual page publishes it (Welsh kept as Welsh)."""

    lang: str = field(validator=_lang, metadata=doc("The language, as a BCP 47 tag.", "cy"))
    narrative: str = field(
        validator=_non_blank, metadata=doc("The response's text in that language.")
    )


@frozen(kw_only=True)
class Due:
    """When an action is due: a calendar date (or month) or one of the report's milestones."""

    date: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "A date, YYYY-MM-DD, or a month, YYYY-MM, at the precision the plan gives it.",
            "2025-03-27",
            "2026-03",
        ),
    )
    milestone: str | None = field(
        default=None,
        validator=attrs.validators.optional(_slug),
        metadata=doc(
            "A milestone's slug: fifty-six-days, six-months or twelve-months.", "six-months"
        ),
    )
    not_before: bool = field(
        default=False,
        validator=_flag,
        metadata=doc(
            "True when the date is the earliest the action will be done, not a deadline "
            '("March 26 earliest").',
            True,
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
            raise InvalidField(
                (), "a due date gives exactly one of 'date' and 'milestone'", owner="Due"
            )


@frozen(kw_only=True)
class ProgressUpdate:
    """A statement of progress, such as the six-month update or a "March 2026 update".

    Its date is kept at the precision given ("Nov-24" is ``2024-11``), and may be absent: an
    undated "Force Update" column is an update without a date.
    """

    date: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "The date of the update, YYYY-MM-DD, or its month, YYYY-MM.", "2025-03-27", "2024-11"
        ),
    )
    label: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The name the plan gives the update.", "March 2026 update"),
    )
    status: DeliveryStatus | None = field(
        default=None,
        converter=_to_status,
        validator=_IS_STATUS,
        metadata=doc("The status as of this update.", "in-progress"),
    )
    status_text: str | None = field(
        default=None, validator=_optional_non_blank, metadata=_STATUS_TEXT
    )
    note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "What the update says.", "The Stalking Screening Tool is in use in all areas."
        ),
    )
    lang: str | None = field(default=None, validator=_optional_lang, metadata=_LANG_DOC)


def _part(instance: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is None:
        return
    if value.__class__ is not str:
        _wrong_type(instance, attribute, value, "a part written like '7.1'")
    if not _PART.fullmatch(value):
        raise InvalidField(
            attribute.name,
            f"expected a part written like '7.1', got {value!r}",
            owner=_owner(instance),
        )


_UPDATES = _each_of(ProgressUpdate, "a ProgressUpdate")
_LINKS = _each_of(Link, "a Link")


@frozen(kw_only=True)
class Part:
    """A part of a recommendation as the NPCC template splits it ("7.1"), with its requirement,
    owner, updates, status and evidence: the template's rows that carry no action."""

    part: str = field(
        validator=_part,
        metadata=doc("The part's number in the template, written like 7.1.", "7.1"),
    )
    requirement: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The template's requirement for the part, as written.",
            "Evidence requirements of progress/completion",
        ),
    )
    owner: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("Who the plan names as responsible, as published.", "Head of Crime"),
    )
    due: Due | None = field(
        default=None,
        validator=_optional_of(Due, "a Due"),
        metadata=doc(
            "When the part is due, as the plan gives it (schema 1.2).", {"date": "2026-03"}
        ),
    )
    status: DeliveryStatus | None = field(
        default=None,
        converter=_to_status,
        validator=_IS_STATUS,
        metadata=doc("Where the part stands.", "complete"),
    )
    status_text: str | None = field(
        default=None, validator=_optional_non_blank, metadata=_STATUS_TEXT
    )
    evidence: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_non_blank,
        metadata=doc("Evidence of progress or completion.", ["Stalking policy, March 2025"]),
    )
    updates: tuple[ProgressUpdate, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_UPDATES,
        metadata=doc("Progress updates on the part, oldest first."),
    )
    links: tuple[Link, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_LINKS,
        metadata=doc("Documents the part links to."),
    )


@frozen(kw_only=True)
class Action:
    """Something a responder will do: what, who (a role, as published), by when, how it stands."""

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
        metadata=doc("The role or team responsible, as published.", "Head of Public Protection"),
    )
    due: Due | None = field(
        default=None,
        validator=_optional_of(Due, "a Due"),
        metadata=doc("When the action is due.", {"milestone": "six-months"}),
    )
    planned_completion: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "When the responder plans to complete the action, at the precision given.", "2025-12"
        ),
    )
    actual_completion: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc("When the action was completed, as the responder states it.", "2025-03-14"),
    )
    status: DeliveryStatus | None = field(
        default=None,
        converter=_to_status,
        validator=_IS_STATUS,
        metadata=doc("Where the action stands.", "complete"),
    )
    status_text: str | None = field(
        default=None, validator=_optional_non_blank, metadata=_STATUS_TEXT
    )
    evidence: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_non_blank,
        metadata=doc("Evidence of progress or completion.", ["Not applicable - system function"]),
    )
    updates: tuple[ProgressUpdate, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_UPDATES,
        metadata=doc("Progress updates, oldest first."),
    )
    links: tuple[Link, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_LINKS,
        metadata=doc("Documents the action links to."),
    )
    lang: str | None = field(default=None, validator=_optional_lang, metadata=_LANG_DOC)


@frozen(kw_only=True)
class Response:
    """A responder's answer to one recommendation."""

    recommendation: RecommendationRef = field(
        validator=_recommendation_ref,
        metadata=doc(
            "The recommendation answered: its number (1 to 29) or its slug.", 7, "crime-recording"
        ),
    )
    recommendation_as_quoted: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The recommendation as the responder quotes it, verbatim (paraphrases and typos "
            "kept), so that a reader sees what the responder thought it was answering."
        ),
    )
    acceptance: Acceptance | None = field(
        default=None,
        converter=_to_acceptance,
        validator=_one_of(Acceptance),
        metadata=doc("Whether the responder accepts the recommendation.", "accepted"),
    )
    acceptance_text: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The responder's own words on acceptance.", "We accept this recommendation."),
    )
    compliance: Compliance | None = field(
        default=None,
        converter=_to_compliance,
        validator=_one_of(Compliance),
        metadata=doc("The responder's own assessment of how far it complies.", "partly-complies"),
    )
    compliance_text: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The responder's own words on compliance.",
            "Our initial assessment is that we comply with most aspects.",
        ),
    )
    assessed_on: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc("The date of the compliance assessment, as given.", "2024-11-21"),
    )
    owner: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("The lead role or team for the response, as published.", "Head of Crime"),
    )
    narrative: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "The response in the responder's own words.",
            "We accept this recommendation. Our initial assessment is that we partially comply.",
        ),
    )
    lang: str | None = field(default=None, validator=_optional_lang, metadata=_LANG_DOC)
    translations: tuple[Translation, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Translation, "a Translation"),
        metadata=doc("The response in other languages, as a bilingual page gives it."),
    )
    status: DeliveryStatus | None = field(
        default=None,
        converter=_to_status,
        validator=_IS_STATUS,
        metadata=doc("Where the response as a whole stands; left out when not stated."),
    )
    status_text: str | None = field(
        default=None, validator=_optional_non_blank, metadata=_STATUS_TEXT
    )
    parts: tuple[Part, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Part, "a Part"),
        metadata=doc("The recommendation's parts as the NPCC template splits it."),
    )
    actions: tuple[Action, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Action, "an Action"),
        metadata=doc("The actions the responder will take."),
    )
    updates: tuple[ProgressUpdate, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_UPDATES,
        metadata=doc("Updates on the response as a whole, oldest first."),
    )
    links: tuple[Link, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_LINKS,
        metadata=doc("Documents the response links to."),
    )
    transcription_note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc(
            "How the response was captured; e.g. that the published page gave no text for it.",
            "The published page gives no response text for this recommendation.",
        ),
    )


SCHEMA_VERSION = "1.2"
"""The submission schema version this release writes."""
SCHEMA_VERSIONS = ("1.0", "1.1", SCHEMA_VERSION)
"""The submission schema versions this release reads (each older file means the same)."""


@frozen(kw_only=True)
class ActionPlan:
    """A responder's published action plan: its responses to the recommendations addressed to it."""

    schema: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=doc(
            "The $id of the JSON Schema the document follows.",
            f"urn:superplan:schema:action-plan:{SCHEMA_VERSION}",
        ),
    )
    schema_version: str = field(
        default=SCHEMA_VERSION,
        validator=_text,
        metadata=doc("The version of the submission format.", SCHEMA_VERSION),
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
    lang: str | None = field(
        default=None,
        validator=_optional_lang,
        metadata=doc("The language of the plan's text, as a BCP 47 tag, when not English.", "cy"),
    )
    published: pendulum.Date | None = field(
        default=None,
        converter=_to_date,
        validator=_is_date,
        metadata=doc("When the plan was first published, YYYY-MM-DD.", "2024-11-22"),
    )
    as_of: pendulum.Date | None = field(
        default=None,
        converter=_to_date,
        validator=_is_date,
        metadata=doc("The date the plan's statuses describe, YYYY-MM-DD.", "2025-03-27"),
    )
    source_url: str | None = field(
        default=None, validator=_optional_text, metadata=doc("Where the plan is published.")
    )
    source_urls: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_non_blank,
        metadata=doc("Further pages the plan spans, in order, after source_url."),
    )
    leads: tuple[Lead, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Lead, "a Lead"),
        metadata=doc("The plan's leads as published.", [{"role": "Executive Lead"}]),
    )
    links: tuple[Link, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_LINKS,
        metadata=doc("Documents the plan links to (a plan may be only a linked PDF)."),
    )
    introduction: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_non_blank,
        metadata=doc("The plan's opening text, paragraph by paragraph."),
    )
    transcription_note: str | None = field(
        default=None,
        validator=_optional_non_blank,
        metadata=doc("How the document was captured, and what its source did not say."),
    )
    responses: tuple[Response, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Response, "a Response"),
        metadata=doc("One response per recommendation answered."),
    )
    extensions: Mapping[str, Any] = field(
        factory=dict,
        hash=False,
        validator=_mapping,
        metadata=doc("Anything outside the standard; kept and written back untouched."),
    )

    def __attrs_post_init__(self) -> None:
        if self.published is not None and self.as_of is not None and self.as_of < self.published:
            raise InvalidField(
                "as_of",
                f"{self.as_of} is before the plan's publication date ({self.published})",
                owner="ActionPlan",
            )
        if self.published is None:
            return
        for path, update in self.dated_updates():
            # A month-precision update in the month of publication is not before it.
            if update.date is not None and update.date.surely_before(self.published):
                raise InvalidField(
                    (*path, "date"),
                    f"this update is dated {update.date}, before the plan was published "
                    f"({self.published})",
                    owner="ActionPlan",
                )

    def dated_updates(self) -> "Iterator[tuple[tuple[str | int, ...], ProgressUpdate]]":
        """Every progress update in the plan (dated or not), with its path of keys from the plan:
        the responses', their parts' and their actions'."""
        for r, response in enumerate(self.responses):
            for u, update in enumerate(response.updates):
                yield ("responses", r, "updates", u), update
            for p, part in enumerate(response.parts):
                for u, update in enumerate(part.updates):
                    yield ("responses", r, "parts", p, "updates", u), update
            for a, action in enumerate(response.actions):
                for u, update in enumerate(action.updates):
                    yield ("responses", r, "actions", a, "updates", u), update

    def response_to(self, recommendation: RecommendationRef) -> Response | None:
        """The response to a recommendation as the plan names it (number or slug), if any."""
        for response in self.responses:
            if response.recommendation == recommendation:
                return response
        return None
