"""Text captures of pages: plain lines and the tables that text extraction leaves behind.

Extracting text from a page's HTML leaves tables in several shapes, all read here:

- rows on one line, cells separated by ``|`` (``| 7 | wording |``) or by tabs, with or without a
  ``|---|`` rule under the header row;
- **one cell a line**, each line ending `` |`` (``Rec No. |``, ``7.1 | requirement |``, ``Chief
  Constables |``), mixed with rows written on one line; a lone ``|`` line marks a row's edge;
- key/value rows (``Recommendation owner: | Chief constables |``);
- a row split over several lines (a cell with a line break, a ``|`` row not yet closed, or a tab
  row with too few cells).

A row ends where the next one visibly starts: a line opening with ``|``, a rule, a line whose
first cell is a bare recommendation number (``7 |``), a key/value row, or once it has as many
cells as the table has columns (known from its header row or rule). A capture that stops inside a
row (a truncated paste) leaves that row marked ``cut``. Every line belongs to exactly one item.
"""

import re

from ._items import Item, Page, PageCell, PageLine, TableRow

__all__ = ["read_text"]

_RULE = re.compile(r"\s*\|?[\s:|+-]*-{3,}[\s:|+-]*\|?\s*")
_BARE_NUMBER = re.compile(r"(?:rec(?:ommendation)?\.?\s*)?([0-9]{1,2})[.:]?", re.IGNORECASE)
_KEY = re.compile(r"[^|:]{1,60}:")


def _is_rule(line: str) -> bool:
    return "---" in line and bool(_RULE.fullmatch(line))


def _rule_columns(line: str) -> int:
    return sum(1 for piece in line.strip().strip("|").split("|") if "-" in piece)


def _bare_number(cell: str) -> bool:
    """A cell that only names a recommendation ("7", "Rec 10"): a row's first cell."""
    match = _BARE_NUMBER.fullmatch(cell.strip())
    return match is not None and 1 <= int(match.group(1)) <= 29


class _Row:
    """A row being read: its cells, its lines, whether its last cell is still open."""

    def __init__(self, number: int, *, cellwise: bool) -> None:
        self.cells: list[str] = []
        self.lines: list[int] = [number]
        self.open = False
        self.cellwise = cellwise
        """Read a cell a line (ends with ``|``): a plain line inside it continues it."""
        self.header = False

    def extend(self, cells: list[str], *, continues: bool) -> None:
        if continues and self.cells:
            self.cells[-1] = f"{self.cells[-1]}\n{cells[0]}".strip()
            cells = cells[1:]
        self.cells.extend(cells)


class _TextReader:
    def __init__(self, closing: list[bool], ruled: list[bool]) -> None:
        self.closing = closing
        """Per line number: a line ending with ``|`` follows soon, or this is the last line."""
        self.rule_next = ruled
        """Per line number: the next line is a rule (this one is a header row)."""
        self.items: list[Item] = []
        self.texts: list[str] = []
        self.row: _Row | None = None
        self.width = 0
        self.table = 0
        self.row_index = 0
        self.in_table = False
        self.tabbed = False
        self.ruled = False

    # -- rows --------------------------------------------------------------------------------

    def flush(self) -> None:
        row, self.row = self.row, None
        if row is None:
            return
        cells = row.cells
        if not any(cell.strip() for cell in cells):
            # A row edge ("|") with nothing in it: its lines join the table's last row.
            self._attach(row.lines)
            return
        if not self.in_table:
            self.in_table = True
            self.table += 1
            self.row_index = 0
        self.row_index += 1
        self.width = max(self.width, len(cells))
        self.items.append(
            TableRow(
                number=row.lines[0],
                lines=tuple(row.lines),
                table=self.table,
                row=self.row_index,
                cells=tuple(PageCell(text=c.strip()) for c in cells),
                cut=row.open,
            )
        )

    def _attach(self, numbers: list[int]) -> None:
        last = self.items[-1] if self.items else None
        if isinstance(last, TableRow) and self.in_table:
            self.items[-1] = _with_lines(last, numbers)
        else:
            for number in numbers:
                self.items.append(PageLine(number=number, text=self.texts[number - 1]))

    def end_table(self) -> None:
        self.flush()
        self.in_table = False
        self.width = 0
        self.tabbed = False

    def start(self, number: int, cells: list[str], *, cellwise: bool, closed: bool) -> None:
        self.flush()
        self.row = _Row(number, cellwise=cellwise)
        self.row.cells = cells
        self.row.open = not closed and self.closing[number]

    # -- lines -------------------------------------------------------------------------------

    def line(self, number: int, line: str) -> None:
        self.texts.append(" ".join(line.split()))
        stripped = line.strip()
        row = self.row
        if row is not None and row.open and not row.cellwise:
            self._continue_pipe(number, stripped)
            return
        if _is_rule(stripped):
            self._rule(number, stripped)
            return
        if "\t" in line:
            self._tabbed(number, line)
            return
        if stripped == "|":
            # The edge of a row: ends the row being read, or opens the next.
            if row is not None and row.cells:
                row.lines.append(number)
                row.open = False
                self.flush()
            else:
                self.flush()
                self.row = _Row(number, cellwise=True)
            return
        if stripped.startswith("|"):
            closed = stripped.endswith("|") and len(stripped) > 1
            inner = stripped[1:-1] if closed else stripped[1:]
            if row is not None and not row.cells:  # the "|" edge line opened this row
                row.lines.append(number)
                row.cells = [c.strip() for c in inner.split("|")]
                row.open = row.cellwise = not closed and self.closing[number]
                return
            self.start(number, [c.strip() for c in inner.split("|")], cellwise=False, closed=closed)
            return
        if stripped.endswith("|") or (
            " | " in stripped
            and (
                row is not None
                or self.in_table
                or self.rule_next[number]
                or _KEY.fullmatch(stripped.split(" | ")[0].strip())
            )
        ):
            self._cells(number, stripped)
            return
        self._plain(number, stripped)

    def _continue_pipe(self, number: int, stripped: str) -> None:
        """A ``|`` row whose last cell runs on over more lines until the closing ``|``."""
        assert self.row is not None
        closed = stripped.endswith("|")
        pieces = (stripped[:-1] if closed else stripped).split("|")
        self.row.lines.append(number)
        self.row.extend([p.strip() for p in pieces], continues=True)
        self.row.open = not closed and self.closing[number]

    def _rule(self, number: int, stripped: str) -> None:
        columns = _rule_columns(stripped)
        row = self.row
        if row is not None and row.cells:
            row.lines.append(number)
            row.open = False
            self.flush()
        elif row is not None:
            row.lines.append(number)
            self.row = None
            self._attach(row.lines)
        else:
            self._attach([number])
        self.width = max(self.width, columns)
        self.ruled = True
        last = self.items[-1] if self.items else None
        if not isinstance(last, TableRow):
            # A rule with no table above it: a line of its own, as written.
            self.in_table = False

    def _tabbed(self, number: int, line: str) -> None:
        cells = [c.strip() for c in line.split("\t")]
        row = self.row
        last = self.items[-1] if self.items else None
        if (
            row is None
            and self.tabbed
            and isinstance(last, TableRow)
            and len(last.cells) < self.width
            and not line.startswith("\t")
        ):
            # A tab row cut short by a line break inside a cell: this line continues it.
            joined = [c.text for c in last.cells]
            joined[-1] = f"{joined[-1]}\n{cells[0]}".strip()
            joined.extend(cells[1:])
            self.items[-1] = _with_cells(last, joined, number)
            return
        if not self.tabbed:
            self.end_table()
        self.tabbed = True
        self.start(number, cells, cellwise=False, closed=True)
        self.flush()

    def _cells(self, number: int, stripped: str) -> None:
        closed = stripped.endswith("|")
        body = stripped[:-1] if closed else stripped
        cells = [c.strip() for c in body.split("|")]
        key_value = len(cells) == 2 and _KEY.fullmatch(cells[0]) is not None
        if self.tabbed:
            self.end_table()
        row = self.row
        if row is not None and row.open:
            # The open cell (a plain line read as a cell's start) ends here.
            row.lines.append(number)
            row.extend(cells, continues=True)
            row.open = not closed and self.closing[number]
            return
        joins = (
            row is not None
            and not key_value
            and not _bare_number(cells[0])
            and (
                (len(row.cells) < self.width if self.width else row.cellwise)
                or self._header_short(row)
            )
        )
        if joins and row is not None:
            row.lines.append(number)
            row.cells.extend(cells)
            row.open = not closed and self.closing[number]
            row.cellwise = True
            return
        self.start(number, cells, cellwise=True, closed=closed)
        if key_value and closed:
            self.flush()

    def _header_short(self, row: _Row) -> bool:
        """A numbered row, a cell a line, already as wide as the header, goes on: the header
        has no heading over the numbers (it is a column short); the table is one wider."""
        if self.ruled or not row.cellwise or not row.cells or not _bare_number(row.cells[0]):
            return False
        self.width += 1
        return True

    def _plain(self, number: int, stripped: str) -> None:
        row = self.row
        if row is not None and row.open:
            row.lines.append(number)
            row.extend([stripped], continues=True)
            return
        short = row is not None and row.cellwise and self.width > 0 and len(row.cells) < self.width
        if row is not None and short and self.closing[number]:
            # A cell with a line break in it, or the start of a cell the capture cut off.
            row.lines.append(number)
            row.cells.append(stripped)
            row.open = True
            return
        self.end_table()
        self.items.append(PageLine(number=number, text=self.texts[-1]))

    def page(self) -> Page:
        self.end_table()
        return Page(items=tuple(self.items), kind="text", line_texts=tuple(self.texts))


def _with_lines(row: TableRow, numbers: list[int]) -> TableRow:
    return TableRow(
        number=row.number,
        lines=(*row.lines, *numbers),
        table=row.table,
        row=row.row,
        cells=row.cells,
        lang=row.lang,
        cut=row.cut,
    )


def _with_cells(row: TableRow, cells: list[str], number: int) -> TableRow:
    return TableRow(
        number=row.number,
        lines=(*row.lines, number),
        table=row.table,
        row=row.row,
        cells=tuple(PageCell(text=c) for c in cells),
        lang=row.lang,
    )


_REACH = 50
"""How many lines a cell may run on over before its closing ``|``."""


def read_text(text: str) -> Page:
    """A text capture as numbered lines and table rows (blank lines are not numbered)."""
    lines = [line for line in text.splitlines() if line.strip()]
    # A row left open (no closing "|") runs on only if a closing line follows soon, or if the
    # capture ends there (cut off); otherwise one stray "|" would swallow the rest of the page.
    closing = [False] * (len(lines) + 2)
    next_close = len(lines) + _REACH + 2
    for index in range(len(lines), 0, -1):
        closing[index] = next_close - index <= _REACH or index == len(lines)
        if lines[index - 1].rstrip().endswith("|"):
            next_close = index
    ruled = [False] * (len(lines) + 2)
    for index in range(1, len(lines)):
        ruled[index] = _is_rule(lines[index].strip())
    reader = _TextReader(closing, ruled)
    for number, line in enumerate(lines, start=1):
        reader.line(number, line)
    return reader.page()
