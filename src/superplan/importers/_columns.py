"""Which column of a table on a page is which: the header row read by meaning, the numbers
that name a recommendation or part, and a row one cell longer than its header aligned where its
cells fit best."""

import re

from attrs import define

from ._dates import parse_date
from ._document import TableRow
from ._vocabulary import ColumnMeaning, Vocabulary, normal_words

__all__ = [
    "PART_CELL",
    "Layout",
    "align",
    "find_layout",
    "headerless_layout",
    "is_repeated_header",
    "leading_number",
    "shift",
]

_KEY_FIELDS = frozenset(
    {"recommendation", "recommendation_text", "part", "requirement", "action", "narrative"}
)
# "7", "7.1", "Rec 7", "Recommendation 7.2:", "R7" - ASCII digits only: "٣" is not 3.
_LEADING = re.compile(
    r"^\s*(?:rec(?:ommendation)?\.?\s*|r(?=[0-9])|argymhelliad\s*)?"
    r"([0-9]{1,2})(?:\.([0-9]{1,2}))?(?![0-9])[\s.:)\-\u2013]*",
    re.IGNORECASE,
)


def leading_number(text: str) -> tuple[int | None, str | None, str]:
    """A leading recommendation (and part) number, and the text after it."""
    match = _LEADING.match(text)
    if match is None:
        return None, None, text
    number = int(match.group(1))
    if not 1 <= number <= 29:
        return None, None, text
    part = f"{number}.{int(match.group(2))}" if match.group(2) else None
    return number, part, text[match.end() :].strip()


@define
class Layout:
    columns: list[ColumnMeaning]
    header: tuple[str, ...]
    table: int
    headerless: bool = False

    @property
    def name(self) -> str:
        fields = {c.field for c in self.columns}
        if "part" in fields or "requirement" in fields:
            return "npcc-template"
        if "action" in fields:
            return "action-table"
        return "three-column"


def find_layout(row: TableRow, vocab: Vocabulary) -> Layout | None:
    """The row's cells read as a header row, if they are one."""
    meanings = [
        vocab.column(cell.text) if cell.text else ColumnMeaning("", None, 0.0) for cell in row.cells
    ]
    known = [m for m in meanings if m.field is not None and m.confidence >= 80]
    fields = {m.field for m in known}
    long_cells = sum(1 for cell in row.cells if len(cell.text) > 60)
    if len(known) >= 2 and fields & _KEY_FIELDS and long_cells == 0:
        return Layout(columns=meanings, header=_key(row), table=row.table)
    return None


def headerless_layout(row: TableRow) -> Layout | None:
    """A table with no header whose first cell names a recommendation: number | response | status."""
    cells = [cell.text for cell in row.cells]
    if len(cells) < 2 or leading_number(cells[0])[0] is None:
        return None
    names = ["recommendation_text", "narrative", "status_or_update"][: len(cells)]
    names += ["update"] * (len(cells) - len(names))
    return Layout(
        columns=[ColumnMeaning(f"column {i + 1}", n, 60.0) for i, n in enumerate(names)],
        header=(),
        table=row.table,
        headerless=True,
    )


_NUMBERISH = frozenset({"recommendation", "part"})
_LONG_TEXT = frozenset(
    {"recommendation_text", "requirement", "action", "update", "narrative", "evidence",
     "status_or_update", None}
)  # fmt: skip
PART_CELL = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}")


def _fit(field: str | None, text: str, vocab: Vocabulary) -> float:
    """How well a cell's text suits a column's field (higher is better; 0 for no field)."""
    if not text or field is None:
        return 0.0
    number, _part, rest = leading_number(text)
    bare = number is not None and not rest
    if field in _NUMBERISH:
        return 2.0 if bare else -2.0
    if field in ("date", "due"):
        return 2.0 if parse_date(text) is not None else -1.0
    if field == "status":
        return 2.0 if vocab.status("delivery", text)[0] is not None else -1.0
    if field == "owner":
        return 1.0 if len(text) <= 60 and not bare else -1.0
    if field in _LONG_TEXT:
        return -2.0 if bare else 1.0 if len(text) > 30 else -0.5
    return 0.0


def align(columns: list[ColumnMeaning], cells: list[str], vocab: Vocabulary) -> list[ColumnMeaning]:
    """Columns for a row with one cell more than the header has headings: a column is added
    where the cells fit their columns best (a number under a number's heading, long text under
    a text heading). Beside a part column ("Sub recommendation" over "7.1" and its wording)
    the added column is the part's requirement; first, over bare numbers, the recommendation's
    number; elsewhere it is an unnamed column, kept in the narrative."""
    best: tuple[float, int, str | None] = (float("-inf"), len(columns), None)
    for position in range(len(columns) + 1):
        for added in _added_fields(columns, position):
            fields = [c.field for c in columns]
            fields.insert(position, added)
            score = sum(_fit(f, text, vocab) for f, text in zip(fields, cells, strict=True))
            if score > best[0]:
                best = (score, position, added)
    _, position, added = best
    heading = columns[position - 1].heading if added == "requirement" else ""
    result = list(columns)
    result.insert(position, ColumnMeaning(heading, added, 60.0))
    return result


def shift(columns: list[ColumnMeaning], cells: list[str], vocab: Vocabulary) -> list[ColumnMeaning]:
    """The columns a row shorter than the header fills: its cells start where they fit best
    (a row whose first cells were merged down from the row above starts further right, its
    "7.2" under the part heading); the first columns when nothing fits better."""
    best_score, best = float("-inf"), 0
    for offset in range(len(columns) - len(cells) + 1):
        window = columns[offset : offset + len(cells)]
        score = sum(_fit(c.field, text, vocab) for c, text in zip(window, cells, strict=True))
        if score > best_score:
            best_score, best = score, offset
    return columns[best:]


def _added_fields(columns: list[ColumnMeaning], position: int) -> tuple[str | None, ...]:
    if position > 0 and columns[position - 1].field == "part":
        return ("requirement",)
    if position == 0 and not any(c.field == "recommendation" for c in columns):
        return ("recommendation", None)
    return (None,)


def _key(row: TableRow) -> tuple[str, ...]:
    return tuple(normal_words(cell.text) for cell in row.cells)


def is_repeated_header(row: TableRow, layout: Layout) -> bool:
    return bool(layout.header) and _key(row) == layout.header
