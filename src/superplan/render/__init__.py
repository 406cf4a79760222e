"""Pages from the model: a force's published plan, and the catalogue's reference site."""

from ._diff_page import render_diff_html
from ._messages import Messages, messages
from ._pages import IndexEntry, render_html, render_index, render_markdown, write_pages
from ._site import build_site, site_pages as site_pages
from ._summary_page import render_summary_html

__all__ = [
    "IndexEntry",
    "Messages",
    "build_site",
    "messages",
    "render_diff_html",
    "render_html",
    "render_index",
    "render_markdown",
    "render_summary_html",
    "write_pages",
]
