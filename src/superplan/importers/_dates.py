"""Dates as forces write them, kept at the precision they were given.

"Nov-24" is a month (``2024-11``), "21 November 2024" and "27/03/2025" are days, "March 2026
update" names a month, and "March 26 earliest" is a month that the work will not come before.
Only ASCII digits count as digits: a date written in another script is left as text.
"""

import re
from typing import TYPE_CHECKING, Any

import pendulum
from attrs import frozen

if TYPE_CHECKING:
    from ..catalogue import Catalogue

__all__ = ["FoundDate", "due_cell", "find_date", "iso_date", "not_a_date", "parse_date"]

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "ionawr"),
            ("february", "feb", "chwefror"),
            ("march", "mar", "mawrth"),
            ("april", "apr", "ebrill"),
            ("may", "mai"),
            ("june", "jun", "mehefin"),
            ("july", "jul", "gorffennaf"),
            ("august", "aug", "awst"),
            ("september", "sep", "sept", "medi"),
            ("october", "oct", "hydref"),
            ("november", "nov", "tachwedd"),
            ("december", "dec", "rhagfyr"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_D = "[0-9]"
_YEAR = rf"({_D}{{4}}|{_D}{{2}})"
_PATTERNS = (
    # 2025-03-27, 2025-03
    ("iso-day", re.compile(rf"(?<![0-9])({_D}{{4}})-({_D}{{2}})-({_D}{{2}})(?![0-9])")),
    ("iso-month", re.compile(rf"(?<![0-9-])({_D}{{4}})-({_D}{{2}})(?![0-9-])")),
    # 27/03/2025, 27.03.25 (UK order: day first)
    ("dmy", re.compile(rf"(?<![0-9/.])({_D}{{1,2}})[/.]({_D}{{1,2}})[/.]{_YEAR}(?![0-9/.])")),
    # 21 November 2024, 21st Nov 24
    (
        "day-month-year",
        re.compile(
            rf"(?<![0-9])({_D}{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}[\s,]+{_YEAR}(?![0-9])",
            re.IGNORECASE,
        ),
    ),
    # Nov-24, March 2026, Mar 26
    (
        "month-year",
        re.compile(rf"(?<![a-z]){_MONTH}(?:\s*[-/\s]\s*|\s+){_YEAR}(?![0-9])", re.IGNORECASE),
    ),
)
_NOT_BEFORE = re.compile(
    r"\b(earliest|at the earliest|not before|no earlier than)\b", re.IGNORECASE
)


@frozen
class FoundDate:
    """A date found in text: its ISO form at the precision given, and where it was."""

    iso: str
    """``YYYY-MM-DD`` or ``YYYY-MM``."""
    start: int
    end: int
    not_before: bool = False

    @property
    def precision(self) -> str:
        return "day" if len(self.iso) == 10 else "month"


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _checked(year: int, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or not 1990 <= year <= 2100:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        pendulum.Date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_date(text: str) -> FoundDate | None:
    """The first date written in ``text``, at the precision given; None if there is none."""
    best: FoundDate | None = None
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groups()
            if kind == "iso-day":
                iso = _checked(int(groups[0]), int(groups[1]), int(groups[2]))
            elif kind == "iso-month":
                iso = _checked(int(groups[0]), int(groups[1]), None)
            elif kind == "dmy":
                iso = _checked(_year(groups[2]), int(groups[1]), int(groups[0]))
            elif kind == "day-month-year":
                iso = _checked(_year(groups[2]), _MONTHS[groups[1].lower()], int(groups[0]))
            else:
                iso = _checked(_year(groups[1]), _MONTHS[groups[0].lower()], None)
            if iso is None:
                continue
            if best is None or match.start() < best.start:
                best = FoundDate(iso, match.start(), match.end())
            break
    if best is None:
        return None
    if _NOT_BEFORE.search(text):
        return FoundDate(best.iso, best.start, best.end, not_before=True)
    return best


def parse_date(text: str) -> FoundDate | None:
    """``text`` read as one date (allowing words such as "earliest" or "update" around it)."""
    found = find_date(text)
    if found is None:
        return None
    rest = (text[: found.start] + " " + text[found.end :]).strip(" ,.-()")
    if rest and not re.fullmatch(
        r"(by|from|due|update[sd]?|target|earliest|at the earliest|"
        r"not before|no earlier than|end of|\s)*",
        rest,
        re.IGNORECASE,
    ):
        return None
    return found


def iso_date(text: str) -> str | None:
    """``text`` when it is, in full, an ISO date in the calendar (``YYYY-MM-DD`` or ``YYYY-MM``,
    years 0001 to 9999, as a plan may hold): written out, not guessed, so any year is taken
    (the plausible years :func:`find_date` looks for are for dates guessed from prose)."""
    value = text.strip()
    if _ISO_DAY.fullmatch(value):
        try:
            pendulum.Date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return None
        return value
    if _ISO_MONTH.fullmatch(value) and int(value[:4]) >= 1 and 1 <= int(value[5:]) <= 12:
        return value
    return None


def due_cell(text: str, cat: "Catalogue") -> dict[str, Any] | None:
    """A due cell: an ISO or UK date (day or month precision), or a milestone. None if neither."""
    value = text.strip()
    if _ISO_DAY.fullmatch(value) or _ISO_MONTH.fullmatch(value):
        iso = iso_date(value)
        return {"date": iso} if iso is not None else None
    slug = value.lower().replace(" ", "-")
    for milestone in cat.milestones:
        title = _words(milestone.title)
        if slug == milestone.slug or _words(value) in (title, title.removesuffix(_FROM)):
            return {"milestone": milestone.slug}
    found = parse_date(value)
    if found is None:
        # A slug names a milestone (validation says if the catalogue does not know it).
        return {"milestone": value} if _SLUG.fullmatch(value) else None
    due: dict[str, Any] = {"date": found.iso}
    if found.not_before:
        due["not_before"] = True
    return due


def not_a_date(text: str, cat: "Catalogue") -> str:
    if re.search(r"[0-9]", text):
        return f'"{text.strip()}" is not a date'
    slugs = ", ".join(m.slug for m in cat.milestones)
    return f'"{text.strip()}" is not a date or a milestone (one of: {slugs})'


#: A milestone's title ends so ("56 days from publication"); "56 days" names it too.
_FROM = " from publication"


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))
