"""Dates as plans give them: a day, or a month kept at month precision (:class:`PartialDate`), and
ISO day dates read strictly (:func:`to_date`).
"""

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from .._wording import describe_value

if TYPE_CHECKING:
    import pendulum

# pendulum is imported where a pendulum date is built, not above: reading and comparing dates
# needs only the standard library, and checking a plan should not pay for importing pendulum.

# ASCII digits only, as the schema's pattern says: \d would also take other scripts' digits.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


_PARTIAL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def to_date(value: dt.date | str) -> "pendulum.Date":
    """Return ``value`` as a :class:`pendulum.Date`; strings must be ISO ``YYYY-MM-DD``.

    A date is a date: datetimes are refused rather than silently truncated, so that no time
    zone can move a deadline by a day.
    """
    import pendulum

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
def _parse_date(value: str) -> "pendulum.Date":
    # Cached: plans repeat the same few dates many times, and a Date is immutable.
    import pendulum

    day = to_day(value)
    return pendulum.Date(day.year, day.month, day.day)


@lru_cache(maxsize=8192)
def to_day(text: str) -> dt.date:
    """An ISO ``YYYY-MM-DD`` text as a standard library date, read as strictly as
    :func:`to_date` reads it (the same errors), without importing pendulum. (Cached, as plans
    repeat the same few dates.)"""
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"expected a date written YYYY-MM-DD, got {text!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date in the calendar") from None


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

    __slots__ = ("_day", "_first", "_last", "_month", "_text", "_year")
    _year: int
    _month: int
    _day: int | None
    _first: dt.date  # the bounds, worked out once: plans compare the same dates many times
    _last: dt.date
    _text: str

    def __init__(self, year: int, month: int, day: int | None = None) -> None:
        for name, value in (("year", year), ("month", month), ("day", day)):
            if value is not None and (value.__class__ is not int):
                raise TypeError(f"the {name} must be a whole number, got {describe_value(value)}")
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
        raise TypeError(f"expected a date (YYYY-MM or YYYY-MM-DD), got {describe_value(value)}")

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
    def exact(self) -> "pendulum.Date | None":
        """The day itself at day precision; None at month precision."""
        import pendulum

        return None if self._day is None else pendulum.Date(self._year, self._month, self._day)

    @property
    def earliest(self) -> "pendulum.Date":
        """The first day it may stand for."""
        import pendulum

        first = self._first
        return pendulum.Date(first.year, first.month, first.day)

    @property
    def latest(self) -> "pendulum.Date":
        """The last day it may stand for."""
        import pendulum

        last = self._last
        return pendulum.Date(last.year, last.month, last.day)

    @property
    def sort_key(self) -> "tuple[pendulum.Date, pendulum.Date]":
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
        return str(self)

    def __str__(self) -> str:
        try:
            return self._text
        except AttributeError:  # written once, when first asked: a plan writes each many times
            text = _format(self._year, self._month, self._day)
            object.__setattr__(self, "_text", text)
            return text

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
