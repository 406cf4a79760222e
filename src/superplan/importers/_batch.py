"""``import pages``: drafts for many published pages in one run, and one table of what each gave.

The pages are a folder (every ``.html``, ``.htm`` and ``.txt`` file in it) or a list file, one
page a line: a URL or a file path, optionally followed by the responder's slug (``#`` starts a
comment). A page whose responder is not given is matched to one by its file name or address
(``kent.txt``, ``https://www.kent.police.uk/...`` is Kent); a page that matches none is listed,
not guessed. Each page is imported on its own: a page that cannot be read or fetched, or that
holds no plan, is listed in the table with the reason, and the others still go through.

The table counts, per page, what was captured of each kind: recommendations answered, parts,
owners (plan leads included), dated updates, statuses, actions, acceptance or compliance, and
evidence items.
"""

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from attrs import field, frozen

from .._files import decode_text, read_limited
from ..catalogue import Catalogue, given_or_shipped
from ..errors import LoadError
from ._fetch import import_page_url, is_url
from ._page import import_page_file
from ._report import ImportResult
from ._vocabulary import Vocabulary

__all__ = [
    "KINDS",
    "BatchRow",
    "count_captured",
    "guess_responder",
    "import_pages",
    "page_sources",
    "summary_table",
]

KINDS = (
    "recommendations",
    "parts",
    "owners",
    "dated_updates",
    "statuses",
    "actions",
    "acceptance",
    "evidence",
)
_SUFFIXES = (".html", ".htm", ".txt")


@frozen(kw_only=True)
class BatchRow:
    """One page of a batch: where it came from, what it gave, or why it gave nothing."""

    source: str
    responder: str | None
    draft: str | None = None
    """The draft written, if any."""
    status: str
    """``draft``, ``no plan``, ``no responder`` or ``error``."""
    counts: dict[str, int] = field(factory=dict)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "responder": self.responder,
            "status": self.status,
            "draft": self.draft,
            **{kind: self.counts.get(kind, 0) for kind in KINDS},
            "note": self.note,
        }


def count_captured(data: dict[str, Any]) -> dict[str, int]:
    """What a draft holds, by kind."""
    responses = data.get("responses", [])
    holders: list[dict[str, Any]] = []
    for response in responses:
        holders.append(response)
        holders.extend(response.get("parts", []))
        holders.extend(response.get("actions", []))
    return {
        "recommendations": len(responses),
        "parts": sum(len(r.get("parts", [])) for r in responses),
        "owners": len(data.get("leads", [])) + sum(1 for h in holders if h.get("owner")),
        "dated_updates": sum(
            1 for h in holders for u in h.get("updates", []) if u.get("date") is not None
        ),
        "statuses": sum(1 for h in holders if h.get("status") or h.get("status_text")),
        "actions": sum(len(r.get("actions", [])) for r in responses),
        "acceptance": sum(1 for r in responses if r.get("acceptance") or r.get("compliance")),
        "evidence": sum(len(h.get("evidence", [])) for h in holders),
    }


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def guess_responder(source: str, cat: Catalogue) -> str | None:
    """The responder a page's file name or address names (the longest slug that fits)."""
    if is_url(source):
        parts = urlsplit(source)
        words = _tokens(f"{parts.hostname or ''} {parts.path}")
    else:
        words = _tokens(Path(source).stem)
    joined = f" {' '.join(words)} "
    slugs = sorted((r.slug for r in cat.responders), key=len, reverse=True)
    for slug in slugs:
        if f" {' '.join(slug.split('-'))} " in joined:
            return slug
    return None


def page_sources(where: str, *, max_bytes: int) -> list[tuple[str, str | None]]:
    """The pages a folder or list file names, each with the responder given for it (if any)."""
    if os.path.isdir(where):
        names = sorted(
            entry.name
            for entry in os.scandir(where)
            if entry.is_file() and entry.name.lower().endswith(_SUFFIXES)
        )
        return [(os.path.join(where, name), None) for name in names]
    text, _legacy = decode_text(read_limited(where, max_bytes), where)
    base = os.path.dirname(where)
    sources: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not is_url(line.strip()) else line.strip()
        if not line:
            continue
        pieces = line.split()
        page = pieces[0]
        if not is_url(page) and not os.path.isabs(page):
            page = os.path.join(base, page)
        sources.append((page, pieces[1] if len(pieces) > 1 else None))
    return sources


def _draft_name(source: str, used: set[str]) -> str:
    """A file name for a page's draft: the file's own name (or the address's host and path),
    in safe characters, made unique in the run."""
    if is_url(source):
        parts = urlsplit(source)
        stem = "-".join(_tokens(f"{parts.hostname or ''} {parts.path}"))
        suffix = ""
    else:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(source).stem).strip("-")
        suffix = Path(source).suffix.lstrip(".").lower()
    stem = stem[:80] or "page"
    names = [stem, f"{stem}-{suffix}"] if suffix else [stem]
    names += [f"{stem}-{n}" for n in range(2, len(used) + 3)]
    name = next(f"{n}.json" for n in names if f"{n}.json" not in used)
    used.add(name)
    return name


def import_pages(
    sources: list[tuple[str, str | None]],
    *,
    write: Any,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
    responder: str | None = None,
    max_bytes: int,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[tuple[BatchRow, ImportResult | None]]:
    """Import each page; ``write(name, result)`` is called for each page that holds a plan and
    returns where its draft went. Yields a row per page (with its import, when there is one)."""
    cat = given_or_shipped(catalogue)
    known = {r.slug for r in cat.responders}
    used: set[str] = set()
    for source, given in sources:
        slug = given or responder or guess_responder(source, cat)
        if slug is None or slug not in known:
            note = (
                f"no responder {slug!r} in the catalogue"
                if slug
                else "no responder: give its slug after the page in a list file"
            )
            yield BatchRow(source=source, responder=slug, status="no responder", note=note), None
            continue
        try:
            if is_url(source):
                result, _fetched = import_page_url(
                    source,
                    responder=slug,
                    max_bytes=max_bytes,
                    catalogue=cat,
                    vocab=vocab,
                    transport=transport,
                )
            else:
                result = import_page_file(source, responder=slug, catalogue=cat, vocab=vocab)
        except LoadError as error:
            reason = "; ".join(p.message for p in error.problems)
            yield BatchRow(source=source, responder=slug, status="error", note=reason), None
            continue
        counts = count_captured(result.data)
        if result.report.empty:
            notes = [n for n in result.report.notes if n.startswith("no recommendation")]
            row = BatchRow(
                source=source,
                responder=slug,
                status="no plan",
                counts=counts,
                note=notes[0] if notes else "no recommendation-level content",
            )
            yield row, result
            continue
        draft = write(_draft_name(source, used), result)
        yield (
            BatchRow(source=source, responder=slug, draft=draft, status="draft", counts=counts),
            result,
        )


def summary_table(rows: list[BatchRow], form: str) -> str:
    """The rows as a text table, CSV or JSON."""
    if form == "json":
        return json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2) + "\n"
    headings = ["source", "responder", "status", *KINDS]
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*headings, "draft", "note"])
        for row in rows:
            data = row.to_dict()
            writer.writerow([data[h] if data[h] is not None else "" for h in headings]
                            + [row.draft or "", row.note])  # fmt: skip
        return out.getvalue()
    table = [[str(row.to_dict()[h] if row.to_dict()[h] is not None else "-") for h in headings]
             for row in rows]  # fmt: skip
    short = ["page", "responder", "status", "recs", "parts", "owners", "dated", "statuses",
             "actions", "accept", "evidence"]  # fmt: skip
    widths = [max([len(s), *(len(r[i]) for r in table)]) for i, s in enumerate(short)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(short, widths, strict=True)).rstrip()]
    for cells in table:
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    no_plan = [row for row in rows if row.status != "draft"]
    if no_plan:
        lines.append("")
        lines.append("pages with no plan:")
        lines.extend(f"  {row.source}: {row.status}: {row.note}" for row in no_plan)
    totals = {kind: sum(row.counts.get(kind, 0) for row in rows) for kind in KINDS}
    lines.append("")
    lines.append(
        f"{len(rows)} page(s), {len(rows) - len(no_plan)} draft(s); captured: "
        + ", ".join(f"{kind.replace('_', ' ')} {count}" for kind, count in totals.items())
    )
    return "\n".join(lines) + "\n"
