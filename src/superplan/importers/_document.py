"""A page as numbered lines and table rows, from HTML (parsed as HTML) or a text capture.

HTML is read with selectolax's Lexbor parser (a full HTML5 parser): the ``main`` landmark (or
the ``article``, or else the body) is the content, and navigation, site headers and footers,
asides, forms and scripts are left out. Entities are decoded, ``<br>`` is a line break, links
are kept with their text, and each line carries the ``lang`` of the element it came from.

Text captures (and the tables text extraction leaves behind) are read by ``_text``. Every line of
the page belongs to exactly one item, so that nothing is lost. A page cut off inside its last
table (no ``</table>`` after it) has that table's last row marked ``cut``.
"""

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ..errors import LoadError, Problem
from ._items import Item, Page, PageCell, PageLine, PageLink, TableRow
from ._text import read_text

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["Item", "Page", "PageCell", "PageLine", "PageLink", "TableRow", "read_page"]

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "title",
        "head",
        "svg",
        "iframe",
        "button",
        "select",
    }
)
_CHROME = frozenset({"nav", "aside", "form", "footer", "dialog"})
_OUTER_CHROME = _CHROME | {"header"}
_BLOCKS = frozenset(
    {
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "div", "section",
        "article", "caption", "main", "header", "footer", "body", "ul", "ol", "dl", "pre",
        "figure", "figcaption", "details", "summary", "address", "hr", "table",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HTML = re.compile(r"<(html|body|p|div|h[1-6]|li|table|main|article)\b", re.IGNORECASE)


def read_page(text: str) -> Page:
    if _HTML.search(text):
        return _read_html(text)
    return read_text(text)


# -- HTML ----------------------------------------------------------------------------------------


#: The deepest nesting of elements a page may have. Parsing HTML takes time quadratic in the
#: nesting (a page of 1.2 MB nested <ul><li> took 73 s); real pages nest a few dozen deep.
MAX_NESTING = 512

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
#: Elements that hold nothing, and those whose end tag may be left out (the next sibling ends
#: them): neither makes the nesting deeper.
_FLAT = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "li", "p", "dt", "dd", "tr", "td", "th", "option", "optgroup"}
    | {"thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc"}
)


def _nesting(text: str) -> int:
    """How deep the page's elements nest, as far as its tags say (one pass, no parsing)."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, empty = match.groups()
        if empty or name.lower() in _FLAT:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _read_html(text: str) -> Page:
    from selectolax.lexbor import LexborHTMLParser

    if _nesting(text) > MAX_NESTING:
        message = (
            f"the page's elements are nested more than {MAX_NESTING} levels deep, which no "
            "published page needs; save the page's text (or its table) and import that"
        )
        raise LoadError([Problem(pointer="", message=message, kind="too-deep")])

    tree = LexborHTMLParser(text)
    html_node = tree.css_first("html")
    page_lang = _lang(html_node.attributes.get("lang") if html_node is not None else None)
    root = tree.css_first("main") or tree.css_first("[role=main]") or tree.css_first("article")
    chrome = _CHROME if root is not None else _OUTER_CHROME
    body = tree.body
    items: list[Item] = []
    texts: list[str] = []
    if body is None:
        return Page(items=(), lang=page_lang, kind="html", line_texts=())
    if root is None:
        root = body
    builder = _Lines(items, texts)
    table_count = 0
    # An explicit stack, so that deeply nested markup cannot exhaust Python's recursion.
    # Entries: (node or None for "block ends", lang, chrome).
    stack: list[tuple[LexborNode | None, str | None, bool]] = [(body, page_lang, root is not body)]
    while stack:
        node, lang, outside = stack.pop()
        if node is None:
            builder.flush(lang, outside)
            continue
        tag = node.tag
        if tag == "-text":
            builder.add(node.text_content or "")
            continue
        if tag in _SKIP or tag == "-comment":
            continue
        if node.mem_id == root.mem_id:
            outside = False
        elif tag in chrome:
            outside = True
        own = _lang(node.attributes.get("lang")) if node.attributes else None
        here = own or lang
        if tag == "br":
            builder.flush(here, outside)
            continue
        if tag == "table" and not outside:
            builder.flush(lang, outside)
            table_count += 1
            _table(node, table_count, here, items, texts)
            continue
        if tag == "a":
            href = node.attributes.get("href")
            title = " ".join((node.text(deep=True) or "").split())
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                builder.link(PageLink(title=title or href, url=href))
        if tag in _BLOCKS or tag in _HEADINGS or tag in chrome or tag == "tr":
            builder.flush(lang, outside)
            if tag in _HEADINGS:
                builder.heading = True
            stack.append((None, here, outside))
        stack.extend((child, here, outside) for child in reversed(list(_children(node))))
    builder.flush(page_lang, False)
    if _cut_inside_table(text) and items and isinstance(items[-1], TableRow):
        items[-1] = attrs.evolve(items[-1], cut=True)
    return Page(items=tuple(items), lang=page_lang, kind="html", line_texts=tuple(texts))


def _cut_inside_table(text: str) -> bool:
    """The HTML stops inside a table: its last ``<table`` is never closed (a truncated copy)."""
    lower = text[-200_000:].lower()
    opened = lower.rfind("<table")
    return opened >= 0 and lower.find("</table", opened) < 0


def _children(node: "LexborNode") -> Iterator["LexborNode"]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    return value.strip().replace("_", "-").lower() or None


class _Lines:
    """Collects the text of inline content into lines, one per block."""

    def __init__(self, items: list[Item], texts: list[str]) -> None:
        self.items = items
        self.texts = texts
        self.parts: list[str] = []
        self.links: list[PageLink] = []
        self.heading = False

    def add(self, text: str) -> None:
        self.parts.append(text)

    def link(self, link: PageLink) -> None:
        self.links.append(link)

    def flush(self, lang: str | None, chrome: bool) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.texts.append(text)
            self.items.append(
                PageLine(
                    number=len(self.texts),
                    text=text,
                    lang=lang,
                    links=() if chrome else tuple(self.links),
                    heading=self.heading,
                    chrome=chrome,
                )
            )
        elif self.links:
            # A link with no text of its own (an image link) still counts as a line.
            title = self.links[0].title
            self.texts.append(title)
            self.items.append(
                PageLine(
                    number=len(self.texts),
                    text=title,
                    lang=lang,
                    links=() if chrome else tuple(self.links),
                    chrome=chrome,
                )
            )
        self.parts = []
        self.links = []
        self.heading = False


def _cell_text(node: "LexborNode") -> tuple[str, tuple[PageLink, ...]]:
    """A cell's text with its line breaks (``<br>``, paragraphs, list items) kept."""
    parts: list[str] = []
    links: list[PageLink] = []
    stack: list[LexborNode | str] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
            continue
        tag = current.tag
        if tag == "-text":
            parts.append(current.text_content or "")
            continue
        if tag in _SKIP or tag == "-comment":
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag == "a":
            href = current.attributes.get("href")
            title = " ".join((current.text(deep=True) or "").split())
            if href and not href.startswith(("#", "javascript:", "mailto:")):
                links.append(PageLink(title=title or href, url=href))
        block = tag in _BLOCKS or tag in _HEADINGS
        if block:
            parts.append("\n")
            stack.append("\n")
        stack.extend(reversed(list(_children(current))))
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line), tuple(links)


def _table(
    node: "LexborNode", table: int, lang: str | None, items: list[Item], texts: list[str]
) -> None:
    rows = [row for row in node.css("tr") if _same(_nearest_table(row), node)]
    caption = node.css_first("caption")
    if caption is not None:
        text = " ".join((caption.text(deep=True) or "").split())
        if text:
            texts.append(text)
            items.append(PageLine(number=len(texts), text=text, lang=lang, heading=True))
    for index, row in enumerate(rows, start=1):
        cells = []
        for cell in _children(row):
            tag = cell.tag
            if tag not in ("td", "th"):
                continue
            text, links = _cell_text(cell)
            cells.append(PageCell(text=text, links=links, header=tag == "th"))
            span = cell.attributes.get("colspan")
            if span and span.isascii() and span.isdigit():
                cells.extend(PageCell(text="") for _ in range(min(int(span), 50) - 1))
        if not any(c.text for c in cells):
            continue
        row_lang = _lang(row.attributes.get("lang")) or lang
        item = TableRow(
            number=len(texts) + 1,
            lines=(len(texts) + 1,),
            table=table,
            row=index,
            cells=tuple(cells),
            lang=row_lang,
        )
        texts.append(item.text)
        items.append(item)


def _nearest_table(node: "LexborNode") -> "LexborNode | None":
    current = node.parent
    while current is not None and current.tag != "table":
        current = current.parent
    return current


def _same(a: "LexborNode | None", b: "LexborNode") -> bool:
    return a is not None and a.mem_id == b.mem_id
