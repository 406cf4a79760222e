"""A force's published page (plain text or HTML) into a draft plan, with a report of every line.

Each line of the page gets exactly one disposition, so that nothing is lost:

- ``boilerplate``: site furniture (cookie notices, "skip to content"), listed and left out;
- ``heading``: a bare "Response" heading that only structures the page;
- ``quoted``: the page quoting a recommendation, found by fuzzy matching against the catalogue's
  wording (forces paraphrase, abbreviate dates, number or do not number them);
- ``introduction``: text before the first quoted recommendation, kept as the plan's introduction;
- ``action`` or ``narrative``: text after a quoted recommendation, kept in its response (a line
  that says what someone *will* do is an action; other text is the narrative);
- ``unassigned``: text after the last response that does not read as one, for a person to place.

Every assignment carries the confidence of the match that placed it; those under the review
threshold are flagged. The result is a draft: a person checks it.
"""

import os
import re
from enum import StrEnum
from html.parser import HTMLParser
from typing import Any

import attrs
from attrs import frozen
from rapidfuzz import fuzz

from ..catalogue import Catalogue
from ..catalogue._load import or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem, UnknownAgency
from ..files import read_limited
from ..model import ActionPlan, Recommendation

__all__ = ["Disposition", "ImportReport", "ImportResult", "Line", "import_page", "page_lines"]

MATCH = 78.0
"""A line scoring at least this against a recommendation's wording is taken as quoting it."""
REVIEW = 90.0
"""Assignments whose confidence is below this are flagged for review."""

_BOILERPLATE = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bcookies?\b",
        r"^skip to (main )?content",
        r"^sorry, there was a technical problem",
        r"^this site is a beta\b",
        r"^quickly exit this site",
        r"^(leave|exit) this site$",
        r"^(back to top|print this page|share this page)$",
    )
]
_HEADING = re.compile(r"^(our )?(initial )?response:?$", re.IGNORECASE)
# "To Chief Constables:", "To chief constables and police and crime commissioners ...:"
_ADDRESSEE = re.compile(
    r"^to (the )?(chief constables?|police and crime commissioners?|pccs?|all)\b[^:]{0,120}:\s*",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(
    r"^by,?\s+(\d{1,2}(st|nd|rd|th)?\s+\w+\s+\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\w+\s+\d{2,4})"
    r"(\s*\([^)]*\))?,?\s*",
    re.IGNORECASE,
)
_NUMBERED = re.compile(
    r"^(recommendation|rec\.?)?\s*(\d{1,2})(\.\d+)?\s*[:.)\-\u2013]\s+", re.IGNORECASE
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_ACTION = re.compile(r"\bwill\b|\bwe (are|have|plan)\b", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "dt",
        "dd",
        "blockquote",
        "div",
        "tr",
        "br",
        "section",
        "article",
        "caption",
        "main",
        "header",
        "footer",
        "nav",
        "body",
    }
)


class Disposition(StrEnum):
    BOILERPLATE = "boilerplate"
    HEADING = "heading"
    QUOTED = "quoted"
    INTRODUCTION = "introduction"
    NARRATIVE = "narrative"
    ACTION = "action"
    UNASSIGNED = "unassigned"


@frozen(kw_only=True)
class Line:
    number: int
    text: str
    disposition: Disposition
    recommendation: int | None = None
    target: str | None = None
    """The JSON pointer in the draft plan where the text went."""
    confidence: float | None = None

    @property
    def needs_review(self) -> bool:
        return self.confidence is not None and self.confidence < REVIEW

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "line": self.number,
            "disposition": str(self.disposition),
            "text": self.text,
        }
        if self.recommendation is not None:
            result["recommendation"] = self.recommendation
        if self.target is not None:
            result["target"] = self.target
        if self.confidence is not None:
            result["confidence"] = round(self.confidence, 1)
            result["review"] = self.needs_review
        return result


@frozen(kw_only=True)
class ImportReport:
    source: str | None
    responder: str
    lines: tuple[Line, ...]
    found: tuple[int, ...]
    not_found: tuple[int, ...]
    """Recommendations addressed to the responder that the page does not quote."""
    notes: tuple[str, ...]

    @property
    def unassigned(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.disposition is Disposition.UNASSIGNED)

    @property
    def for_review(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.needs_review)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "responder": self.responder,
            "found": list(self.found),
            "not_found": list(self.not_found),
            "notes": list(self.notes),
            "counts": {
                d.value: sum(1 for line in self.lines if line.disposition is d) for d in Disposition
            },
            "lines": [line.to_dict() for line in self.lines],
        }

    def format_text(self) -> str:
        out = [
            f"{self.source or 'page'}: {len(self.lines)} lines; recommendations found: "
            + (", ".join(map(str, self.found)) or "none"),
        ]
        if self.not_found:
            out.append(
                "addressed to the responder but not found: " + ", ".join(map(str, self.not_found))
            )
        for line in self.lines:
            if line.disposition is Disposition.UNASSIGNED:
                out.append(f"  line {line.number}: unassigned: {line.text[:100]}")
            elif line.needs_review:
                out.append(
                    f"  line {line.number}: check: {line.disposition} for recommendation "
                    f"{line.recommendation} (confidence {line.confidence:.0f}): {line.text[:80]}"
                )
        out.extend(f"  note: {note}" for note in self.notes)
        counts = {d: sum(1 for line in self.lines if line.disposition is d) for d in Disposition}
        out.append("  " + ", ".join(f"{d.value} {n}" for d, n in counts.items()))
        return "\n".join(out)


@frozen(kw_only=True)
class ImportResult:
    plan: ActionPlan
    report: ImportReport


# -- reading the page ---------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.lines.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template", "title"):
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template", "title"):
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def page_lines(text: str) -> list[str]:
    """The page as lines of text: HTML by its block elements, plain text by its lines."""
    if re.search(r"<(html|body|p|div|h[1-6]|li|table)\b", text, re.IGNORECASE):
        parser = _Text()
        parser.feed(text)
        parser.close()
        return parser.lines
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


# -- matching -------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    text = text.translate(_QUOTES)
    text = _ADDRESSEE.sub("", text.strip())
    text = _DATE_LEAD.sub("", text)
    return " ".join(text.lower().split())


def _candidates(rec: Recommendation) -> list[str]:
    wording = list(rec.wording.value or ())
    points = list(rec.sub_points.value or ())
    sentences = [
        sentence
        for paragraph in wording
        for sentence in re.split(r"(?<=[.:])\s+(?=[A-Z])", paragraph)
        if len(sentence) >= 40 and sentence not in wording
    ]
    texts = [*wording, *points, *sentences]
    if len(wording) > 1 or points:
        texts.append(" ".join(wording))
        texts.append(" ".join([*wording, *points]))
    return [_normal(t) for t in texts if t.strip()]


def _score(line: str, candidate: str) -> float:
    best = fuzz.ratio(line, candidate)
    if candidate and 0.6 <= len(line) / len(candidate) <= 1.67:
        best = max(best, fuzz.partial_ratio(line, candidate) - 3)
    return float(best)


def _best_match(
    line: str, candidates: dict[int, list[str]], number_hint: int | None
) -> tuple[int | None, float]:
    normal = _normal(line)
    if len(normal) < 25:
        return None, 0.0
    best_number, best = None, 0.0
    for number, texts in candidates.items():
        score = max((_score(normal, text) for text in texts), default=0.0)
        if number_hint == number:
            score = min(score + 8, 100.0)
        if score > best:
            best_number, best = number, score
    return (best_number, best) if best >= MATCH else (None, best)


# -- import ---------------------------------------------------------------------------------------


def import_page(
    text: str,
    *,
    responder: str,
    source: str | None = None,
    source_url: str | None = None,
    catalogue: Catalogue | None = None,
) -> ImportResult:
    """A draft plan from the text or HTML of a published page, and the report of every line."""
    cat = or_shipped(catalogue)
    try:
        cat.responder(responder)
    except UnknownAgency as error:
        raise LoadError([Problem(pointer="", message=str(error))], source=source) from None
    addressed = [rec.number for rec in cat.addressed_to(responder)]
    # Every recommendation with known wording is a candidate: a page may quote one not addressed
    # to it (and the validator will then say so).
    candidates = {rec.number: _candidates(rec) for rec in cat.recommendations if rec.wording.value}

    raw_lines = page_lines(text)
    # First pass: which lines quote a recommendation, and with what confidence.
    matches: list[tuple[int | None, float]] = []
    for text_line in raw_lines:
        if _is_boilerplate(text_line) or _HEADING.match(text_line):
            matches.append((None, 0.0))
            continue
        numbered = _NUMBERED.match(text_line)
        hint = int(numbered.group(2)) if numbered else None
        body = text_line[numbered.end() :] if numbered else text_line
        matches.append(_best_match(body, candidates, hint))
    last_quote = max((i for i, (n, _) in enumerate(matches) if n is not None), default=-1)

    lines: list[Line] = []
    introduction: list[str] = []
    responses: dict[int, dict[str, Any]] = {}
    order: list[int] = []
    notes: list[str] = []
    current: int | None = None
    current_score = 0.0
    in_quote = False
    closed = False
    quoted_at: dict[int, list[int]] = {}

    for index, (text_line, (number, score)) in enumerate(zip(raw_lines, matches, strict=True)):
        line_no = index + 1
        if _is_boilerplate(text_line):
            lines.append(Line(number=line_no, text=text_line, disposition=Disposition.BOILERPLATE))
            continue
        if _HEADING.match(text_line):
            lines.append(
                Line(
                    number=line_no,
                    text=text_line,
                    disposition=Disposition.HEADING,
                    recommendation=current,
                )
            )
            continue
        if number is not None:
            if number != current or not in_quote:
                quoted_at.setdefault(number, []).append(line_no)
            current, current_score, in_quote = number, score, True
            if number not in responses:
                responses[number] = {"recommendation": number}
                order.append(number)
            lines.append(
                Line(
                    number=line_no,
                    text=text_line,
                    disposition=Disposition.QUOTED,
                    recommendation=number,
                    confidence=score,
                )
            )
            continue
        in_quote = False
        if current is None:
            introduction.append(text_line)
            lines.append(
                Line(
                    number=line_no,
                    text=text_line,
                    disposition=Disposition.INTRODUCTION,
                    target=f"/introduction/{len(introduction) - 1}",
                )
            )
            continue
        # After the last quoted recommendation, the page's own closing text begins at the first
        # line that does not read as the responder's work; from there on, a person decides.
        if index > last_quote and (closed or not _reads_as_response(text_line)):
            closed = True
            lines.append(Line(number=line_no, text=text_line, disposition=Disposition.UNASSIGNED))
            continue
        response = responses[current]
        position = order.index(current)
        if _ACTION.search(text_line):
            actions = response.setdefault("actions", [])
            actions.append({"id": f"{current}-{len(actions) + 1}", "description": text_line})
            disposition = Disposition.ACTION
            target = f"/responses/{position}/actions/{len(actions) - 1}/description"
        else:
            earlier = response.get("narrative")
            response["narrative"] = f"{earlier}\n\n{text_line}" if earlier else text_line
            disposition = Disposition.NARRATIVE
            target = f"/responses/{position}/narrative"
        lines.append(
            Line(
                number=line_no,
                text=text_line,
                disposition=disposition,
                recommendation=current,
                target=target,
                confidence=current_score,
            )
        )

    for number, places in quoted_at.items():
        if len(places) > 1:
            notes.append(
                f"recommendation {number} is quoted {len(places)} times (lines "
                f"{', '.join(map(str, places))}); what follows each is kept in its one response"
            )
    for number in order:
        response = responses[number]
        if not response.get("narrative") and not response.get("actions"):
            response["transcription_note"] = (
                "Imported: the page quotes this recommendation and gives no response text under it."
            )
    plan: dict[str, Any] = {
        "responder": responder,
        "transcription_note": "Draft imported from a published page by superplan; check every assignment.",
        "responses": [responses[number] for number in order],
    }
    if introduction:
        plan["introduction"] = introduction
    if source_url:
        plan["source_url"] = source_url
    draft = from_dict(plan)
    found = tuple(order)
    report = ImportReport(
        source=source,
        responder=responder,
        lines=tuple(lines),
        found=found,
        not_found=tuple(n for n in addressed if n not in found),
        notes=tuple(notes),
    )
    return ImportResult(plan=draft, report=report)


def _is_boilerplate(line: str) -> bool:
    return len(line) < 400 and any(pattern.search(line) for pattern in _BOILERPLATE)


def _reads_as_response(line: str) -> bool:
    """Text about the responder's own work: what it does, will do, or has done."""
    return bool(
        _ACTION.search(line)
        or re.search(r"\b(we|our|us|complete|completed|police)\b", line, re.IGNORECASE)
    )


def import_page_file(
    path: str | os.PathLike[str],
    *,
    responder: str,
    source_url: str | None = None,
    catalogue: Catalogue | None = None,
) -> ImportResult:
    """:func:`import_page` on a file (UTF-8 text or HTML)."""
    name = os.fspath(path)
    try:
        raw = read_limited(path)  # under the size limit; FIFOs and devices are safe
    except OSError as error:
        raise LoadError(
            [Problem(pointer="", message=f"the file cannot be read ({error.strerror})")],
            source=name,
        ) from None
    note = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older sites save pages as Windows-1252; say so, since a character may have been guessed.
        text = raw.decode("cp1252", errors="replace")
        note = "the page is not UTF-8 text; it was read as Windows-1252: check accented characters"
    result = import_page(
        text, responder=responder, source=name, source_url=source_url, catalogue=catalogue
    )
    if note is None:
        return result
    report = attrs.evolve(result.report, notes=(note, *result.report.notes))
    return attrs.evolve(result, report=report)
