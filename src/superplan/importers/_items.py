"""A page as the importer reads it: numbered lines outside tables, and table rows of cells."""

from typing import Literal

from attrs import field, frozen

__all__ = ["Item", "Page", "PageCell", "PageLine", "PageLink", "TableRow"]


@frozen
class PageLink:
    title: str
    url: str


@frozen(kw_only=True)
class PageLine:
    """A line of text outside any table."""

    number: int
    text: str
    lang: str | None = None
    links: tuple[PageLink, ...] = ()
    heading: bool = False
    chrome: bool = False
    """Site furniture outside the page's content (menus, banners, footers): listed, left out."""


@frozen(kw_only=True)
class PageCell:
    text: str
    links: tuple[PageLink, ...] = ()
    header: bool = False


@frozen(kw_only=True)
class TableRow:
    """One row of a table: its cells and the page lines it spans."""

    number: int
    """The first page line of the row."""
    lines: tuple[int, ...]
    table: int
    row: int
    """1-based, within its table."""
    cells: tuple[PageCell, ...]
    lang: str | None = None
    cut: bool = False
    """The capture stops inside this row (a truncated page or paste): its last cell is partial."""

    @property
    def text(self) -> str:
        return " | ".join(" ".join(cell.text.split()) for cell in self.cells)


Item = PageLine | TableRow


@frozen(kw_only=True)
class Page:
    items: tuple[Item, ...]
    lang: str | None = None
    kind: Literal["html", "text"] = "text"
    line_texts: tuple[str, ...] = field(factory=tuple)
    """The text of every numbered line, for the report."""
