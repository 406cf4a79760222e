"""A force's published page (plain text or HTML) into a draft plan, with a report of every line.

Each line of the page gets exactly one disposition, so that nothing is lost:

- ``boilerplate``: site furniture (cookie notices, "skip to content"), listed and left out;
- ``heading``: a bare "Response" heading, a table's header row, that only structures the page;
- ``quoted``: the page quoting a recommendation, found by fuzzy matching against the catalogue's
  wording (forces paraphrase, abbreviate dates, number or do not number them);
- ``introduction``: text before the first quoted recommendation, kept as the plan's introduction;
- ``action`` or ``narrative``: text after a quoted recommendation, kept in its response (a line
  that says what someone *will* do is an action; other text is the narrative);
- ``row``: a table row, or a part line or labelled value, read into the draft field by field;
- ``translation``: text in the page's other language;
- ``unassigned``: text after the last response that does not read as one, for a person to place.

Every assignment carries the confidence of the match that placed it; those under the review
threshold are flagged. The result is a draft: a person checks it. The walk itself is
:class:`~._walker.PageWalker`'s; the shapes of tables are read by ``_text``, ``_shapes`` and
``_layout``.
"""

import gc
import os

import attrs

from .._files import decode_text, read_limited
from ..catalogue import Catalogue
from ..errors import LoadError, Problem
from ._document import read_page
from ._match import MATCH
from ._report import REVIEW, Disposition, ImportReport, ImportResult, Line
from ._vocabulary import Vocabulary
from ._walker import PageWalker

__all__ = [
    "MATCH",
    "REVIEW",
    "Disposition",
    "ImportReport",
    "ImportResult",
    "Line",
    "import_page",
    "import_page_file",
    "page_lines",
]


def page_lines(text: str) -> list[str]:
    """The page as numbered lines: HTML by its blocks and table rows, plain text by its lines."""
    return list(read_page(text).line_texts)


def import_page(
    text: str,
    *,
    responder: str,
    source: str | None = None,
    source_url: str | None = None,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
) -> ImportResult:
    """A draft plan from the text or HTML of a published page, and the report of every line."""
    # The import builds many small objects that hold no cycles; pausing the cyclic collector
    # keeps its repeated sweeps of a growing heap from making long pages superlinear.
    paused = gc.isenabled()
    gc.disable()
    try:
        walker = PageWalker(
            text,
            responder=responder,
            source=source,
            source_url=source_url,
            catalogue=catalogue,
            vocab=vocab,
        )
        return walker.run()
    finally:
        if paused:
            gc.enable()


def import_page_file(
    path: str | os.PathLike[str],
    *,
    responder: str,
    source_url: str | None = None,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
    max_bytes: int | None = None,
) -> ImportResult:
    """:func:`import_page` on a file (UTF-8 text or HTML), refused past ``max_bytes`` (by
    default the library's limit)."""
    name = os.fspath(path)
    try:
        # Under the size limit; FIFOs and devices are safe.
        raw = read_limited(path) if max_bytes is None else read_limited(path, max_bytes)
    except OSError as error:
        raise LoadError(
            [Problem(pointer="", message=f"the file cannot be read ({error.strerror})")],
            source=name,
        ) from None
    note = None
    text, legacy = decode_text(raw, name)
    if legacy:  # older sites save pages as Windows-1252: say so
        note = "the page is not UTF-8 text; it was read as Windows-1252: check accented characters"
    result = import_page(
        text,
        responder=responder,
        source=name,
        source_url=source_url,
        catalogue=catalogue,
        vocab=vocab,
    )
    if note is None:
        return result
    report = attrs.evolve(result.report, notes=(note, *result.report.notes))
    return attrs.evolve(result, report=report)
