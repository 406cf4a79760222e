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

import gc
import os
import re
from collections import Counter
from enum import StrEnum
from itertools import chain
from typing import Any

import attrs
from attrs import frozen
from rapidfuzz import fuzz

from .._files import decode_text, read_limited
from ..catalogue import Catalogue, given_or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem, UnknownAgency
from ..model import ActionPlan, Recommendation
from ._dates import find_date
from ._document import PageLine, TableRow, read_page
from ._draft import Capture, Draft, ResponseDraft
from ._layout import TableReader, find_layout, headerless_layout, is_repeated_header, leading_number
from ._vocabulary import Vocabulary, vocabulary

__all__ = ["Disposition", "ImportReport", "ImportResult", "Line", "import_page", "page_lines"]

MATCH = 78.0
"""A line scoring at least this against a recommendation's wording is taken as quoting it."""
REVIEW = 90.0
"""Assignments whose confidence is below this are flagged for review."""

_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_FURNITURE = re.compile(
    r"skip to (main )?content"
    r"|sorry, there was a technical problem"
    r"|this site is a beta\b"
    r"|quickly exit this site"
    r"|(leave|exit) this site$"
    r"|(back to top|print this page|share this page)$",
    re.IGNORECASE,
)
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


class Disposition(StrEnum):
    BOILERPLATE = "boilerplate"
    HEADING = "heading"
    QUOTED = "quoted"
    INTRODUCTION = "introduction"
    NARRATIVE = "narrative"
    ACTION = "action"
    ROW = "row"
    """A table row, read cell by cell (the report's captures say where each cell went)."""
    TRANSLATION = "translation"
    """Text in the page's other language (Welsh on an English page), kept beside the response."""
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
    captures: tuple[Capture, ...] = ()
    """Every value put into the draft: where it went, where it came from, how sure."""
    layouts: tuple[str, ...] = ()
    """The shape each table on the page was read as."""
    links: tuple[tuple[str, str], ...] = ()
    """Every link the page's content gives (title, URL)."""

    @property
    def empty(self) -> bool:
        """True when the page holds no recommendation-level content (an introduction, a link)."""
        return not self.found

    @property
    def unassigned(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.disposition is Disposition.UNASSIGNED)

    @property
    def for_review(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.needs_review)

    def captured(self, recommendation: int | None) -> tuple[Capture, ...]:
        return tuple(c for c in self.captures if c.recommendation == recommendation)

    def to_dict(self) -> dict[str, Any]:
        per_recommendation = []
        for number in self.found:
            captures = self.captured(number)
            per_recommendation.append(
                {
                    "recommendation": number,
                    "captured": [c.to_dict() for c in captures],
                    "low_confidence": [c.to_dict() for c in captures if c.confidence < REVIEW],
                }
            )
        return {
            "source": self.source,
            "responder": self.responder,
            "found": list(self.found),
            "not_found": list(self.not_found),
            "empty": self.empty,
            "notes": list(self.notes),
            "layouts": list(self.layouts),
            "links": [{"title": t, "url": u} for t, u in self.links],
            "counts": {
                d.value: sum(1 for line in self.lines if line.disposition is d) for d in Disposition
            },
            "recommendations": per_recommendation,
            "plan_level": [c.to_dict() for c in self.captured(None)],
            "unplaced": [line.to_dict() for line in self.unassigned],
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
        out.extend(f"  {layout}" for layout in self.layouts)
        for number in self.found:
            captures = self.captured(number)
            fields: dict[str, int] = {}
            for capture in captures:
                fields[capture.field] = fields.get(capture.field, 0) + 1
            summary = ", ".join(f"{name} {count}" for name, count in fields.items())
            out.append(f"  recommendation {number}: {summary or 'nothing captured'}")
            for capture in captures:
                if capture.confidence < REVIEW:
                    out.append(
                        f"    check: {capture.field} from {capture.source} (line {capture.line}, "
                        f"confidence {capture.confidence:.0f}): {capture.value[:70]}"
                    )
        for line in self.lines:
            if line.disposition is Disposition.UNASSIGNED:
                out.append(f"  line {line.number}: unassigned: {line.text[:100]}")
            elif line.needs_review and line.disposition is Disposition.QUOTED:
                out.append(
                    f"  line {line.number}: check: {line.disposition} for recommendation "
                    f"{line.recommendation} (confidence {line.confidence:.0f}): {line.text[:80]}"
                )
        out.extend(f"  note: {note}" for note in self.notes)
        counts = {d: sum(1 for line in self.lines if line.disposition is d) for d in Disposition}
        out.append("  " + ", ".join(f"{d.value} {n}" for d, n in counts.items() if n))
        return "\n".join(out)


@frozen(kw_only=True)
class ImportResult:
    plan: ActionPlan
    report: ImportReport
    data: dict[str, Any] = attrs.field(factory=dict, eq=False)
    """The draft as JSON data (what ``plan`` was built from)."""


# -- reading the page ---------------------------------------------------------------------------


def page_lines(text: str) -> list[str]:
    """The page as numbered lines: HTML by its blocks and table rows, plain text by its lines."""
    return list(read_page(text).line_texts)


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


class _Matcher:
    """Finds the recommendation a line quotes. Scores under what even a number hint could lift
    to a match are cut off early (rapidfuzz's ``score_cutoff``), which keeps long pages fast."""

    def __init__(self, candidates: dict[int, list[str]]) -> None:
        self.texts = [text for texts in candidates.values() for text in texts if text]
        self.owners = [number for number, texts in candidates.items() for text in texts if text]
        self.lengths = [len(text) for text in self.texts]
        # Words that most candidates share ("the", "stalking", "2025") tell them apart from
        # nothing; only the others are indexed, and counted.
        word_sets = [frozenset(_WORD.findall(text)) for text in self.texts]
        seen: dict[str, int] = {}
        for word_set in word_sets:
            for word in word_set:
                seen[word] = seen.get(word, 0) + 1
        common = max(len(word_sets) // 4, 2)
        self.common = frozenset(word for word, count in seen.items() if count > common)
        self.need: list[float] = []
        self.index: dict[str, list[int]] = {}
        self.sizes = []
        for position, word_set in enumerate(word_sets):
            telling = [word for word in word_set if seen[word] <= common]
            self.sizes.append(len(telling))
            self.need.append(_SHARED_WORDS * max(len(telling), 1))
            for word in telling:
                self.index.setdefault(word, []).append(position)
        self.floor = MATCH - _HINT

    def best(self, line: str, number_hint: int | None) -> tuple[int | None, float]:
        normal = _normal(line)
        if len(normal) < 25:
            return None, 0.0
        scores: dict[int, float] = {}
        size = len(normal)
        words = frozenset(_WORD.findall(normal)) - self.common
        # A quotation shares most of its words with the wording; a line sharing few cannot score
        # a match, so the costly comparisons are made only for candidates sharing enough words.
        postings = [self.index[word] for word in words if word in self.index]
        shared = Counter(chain.from_iterable(postings))
        need = _SHARED_WORDS * len(words)
        for index, count in shared.items():
            if count < need and count < self.need[index]:
                continue
            text = self.texts[index]
            plain = fuzz.ratio(normal, text)
            score = plain if plain >= self.floor else 0.0
            # The partial comparison costs ~50 plain ones; it is made only where it can change
            # the outcome: a line close to the wording but not yet surely quoting it.
            if _PARTIAL_FROM <= plain < REVIEW and 0.6 <= size / self.lengths[index] <= 1.67:
                partial = fuzz.partial_ratio(normal, text, score_cutoff=self.floor + 3) - 3
                score = max(score, partial)
            owner = self.owners[index]
            if score > scores.get(owner, 0.0):
                scores[owner] = score
        best_number, best = None, 0.0
        for number, score in scores.items():
            if number_hint == number:
                score = min(score + _HINT, 100.0)
            if score > best:
                best_number, best = number, score
        return (best_number, best) if best >= MATCH else (None, best)


_HINT = 8.0
_WORD = re.compile(r"[^\W_]+")
_SHARED_WORDS = 0.7
_PARTIAL_FROM = 65.0
"""A line numbered as the recommendation it matches gets this much more confidence."""


# -- import ---------------------------------------------------------------------------------------

_LEAD = re.compile(
    r"^((?:executive|operational|strategic|tactical|senior|chief officer|force|portfolio)\s+lead"
    r"(?:\s+officer)?)\s*[:\-\u2013]\s*(.+)$",
    re.IGNORECASE,
)
_WELSH = frozenset(
    (
        "yr", "yn", "ein", "bydd", "byddwn", "heddlu", "mae", "wedi", "gyda", "hyn", "bod",
        "cynllun", "argymhelliad", "ymateb", "rydym", "erbyn", "drwy", "gan", "eu", "ei", "ac",
        "sydd", "fydd", "hefyd", "gwaith", "swyddogion", "dioddefwyr", "stelcio", "ni'n", "i'r",
        "o'r", "a'r", "dylai", "prif", "gwnstabliaid",
    )
)  # fmt: skip


_WELSH_HINT = re.compile(
    r"\b(yn|ein|mae|wedi|gyda|sydd|bydd|byddwn|rydym|heddlu|drwy|hefyd|erbyn|ymateb)\b",
    re.IGNORECASE,
)


def _welsh(text: str) -> bool:
    """Text in Welsh, by its common words (for text captures, which carry no ``lang``)."""
    if _WELSH_HINT.search(text) is None:
        return False
    words = re.findall(r"[\w']+", text.lower())
    hits = sum(1 for word in words if word in _WELSH)
    return len(words) >= 3 and hits >= 2 and hits >= 0.2 * len(words)


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
        return _import_page(
            text,
            responder=responder,
            source=source,
            source_url=source_url,
            catalogue=catalogue,
            vocab=vocab,
        )
    finally:
        if paused:
            gc.enable()


def _import_page(
    text: str,
    *,
    responder: str,
    source: str | None = None,
    source_url: str | None = None,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
) -> ImportResult:
    cat = given_or_shipped(catalogue)
    words = vocab or vocabulary()
    try:
        cat.responder(responder)
    except UnknownAgency as error:
        raise LoadError([Problem(pointer="", message=str(error))], source=source) from None
    addressed = [rec.number for rec in cat.addressed_to(responder)]
    # Every recommendation with known wording is a candidate: a page may quote one not addressed
    # to it (and the validator will then say so).
    candidates = {rec.number: _candidates(rec) for rec in cat.recommendations if rec.wording.value}
    page = read_page(text)
    main_lang = page.lang
    main_code = (main_lang or "en").split("-")[0]
    # Looking for Welsh line by line is only worth it on a page with some Welsh words at all.
    welsh_words = main_code != "cy" and _WELSH_HINT.search(text) is not None

    matcher = _Matcher(candidates)
    match = matcher.best

    # First pass over the free text: which lines quote a recommendation, and how surely.
    matches: dict[int, tuple[int | None, float]] = {}
    languages: dict[int, str | None] = {}
    furniture: set[int] = set()
    for item in page.items:
        if isinstance(item, TableRow):
            continue
        line = item.text
        if item.chrome or _is_boilerplate(line):
            furniture.add(item.number)
            continue
        if _HEADING.match(line):
            continue
        numbered = _NUMBERED.match(line)
        hint = int(numbered.group(2)) if numbered and numbered.group(2).isascii() else None
        body = line[numbered.end() :] if numbered else line
        languages[item.number] = _language(item, main_code, welsh_words)
        if languages[item.number] == "cy":
            number, _, _ = leading_number(line)
            matches[item.number] = (number, 85.0) if number is not None else (None, 0.0)
            continue
        matches[item.number] = matcher.best(body, hint)
    has_table_content = False
    last_quote = max((n for n, (r, _) in matches.items() if r is not None), default=0)

    draft = Draft()
    lines: list[Line] = []
    notes: list[str] = []
    current: int | None = None
    current_score = 0.0
    in_quote = False
    closed = False
    quoted_at: dict[int, list[int]] = {}
    reader: TableReader | None = None
    layouts: dict[int, str] = {}
    structured = False

    def add(number: int, disposition: Disposition, text_line: str, **extra: Any) -> None:
        lines.append(Line(number=number, text=text_line, disposition=disposition, **extra))

    for item in page.items:
        if isinstance(item, TableRow):
            if reader is None or reader.layout.table != item.table:
                reader = None
                layout = find_layout(item, words)
                if layout is not None:
                    reader = TableReader(
                        layout=layout,
                        draft=draft,
                        vocab=words,
                        match=match,
                        prose=_assessment_in_prose,
                    )
                    reader.current = current
                    layouts[item.table] = layout.name
                    for number in item.lines:
                        add(
                            number,
                            Disposition.HEADING,
                            page.line_texts[number - 1],
                            recommendation=current,
                        )
                    continue
                layout = headerless_layout(item)
                if layout is not None:
                    reader = TableReader(
                        layout=layout,
                        draft=draft,
                        vocab=words,
                        match=match,
                        prose=_assessment_in_prose,
                    )
                    reader.current = current
                    layouts[item.table] = "three-column (no header row)"
            elif is_repeated_header(item, reader.layout):
                for number in item.lines:
                    add(
                        number,
                        Disposition.HEADING,
                        page.line_texts[number - 1],
                        recommendation=reader.current,
                    )
                continue
            if reader is not None:
                row_number, score, _filled = reader.row(item, main_lang)
                if row_number is not None:
                    has_table_content = True
                    current, current_score = row_number, score
                    for number in item.lines:
                        add(
                            number,
                            Disposition.ROW,
                            page.line_texts[number - 1],
                            recommendation=row_number,
                            target=draft.responses[row_number].pointer,
                            confidence=score,
                        )
                    continue
            # A table that is not a plan table (or a row before any recommendation): as text.
            for number in item.lines:
                text_line = page.line_texts[number - 1]
                if current is None:
                    draft.introduction.append(text_line)
                    add(
                        number,
                        Disposition.INTRODUCTION,
                        text_line,
                        target=f"/introduction/{len(draft.introduction) - 1}",
                    )
                else:
                    add(number, Disposition.UNASSIGNED, text_line)
            continue

        reader = None
        line_no, text_line = item.number, item.text
        if line_no in furniture:
            add(line_no, Disposition.BOILERPLATE, text_line)
            continue
        if _HEADING.match(text_line):
            add(line_no, Disposition.HEADING, text_line, recommendation=current)
            continue
        number, score = matches.get(line_no, (None, 0.0))
        lang = languages.get(line_no)
        heading_number = _recommendation_heading(item)
        if heading_number is not None:
            # "Recommendation 13" as a heading: what follows, to the next heading, answers it.
            current, current_score, in_quote, structured = heading_number, 95.0, False, True
            response = draft.response(heading_number)
            quoted_at.setdefault(heading_number, []).append(line_no)
            add(
                line_no,
                Disposition.HEADING,
                text_line,
                recommendation=heading_number,
                confidence=95.0,
            )
            continue
        if item.heading and current is not None and line_no > last_quote and number is None:
            structured = False  # a heading of the page's own closing section
        if number is not None:
            if number != current or not (in_quote or structured):
                quoted_at.setdefault(number, []).append(line_no)
            elif structured and number != current:
                notes.append(
                    f"line {line_no} quotes recommendation {number} under the heading of {current}"
                )
            current, current_score, in_quote = number, score, True
            response = draft.response(number)
            if lang == "cy":
                response.translations.setdefault("cy", []).append(text_line)
                target = f"{response.pointer}/translations"
            else:
                response.quoted.append(text_line)
                target = f"{response.pointer}/recommendation_as_quoted"
            draft.capture(
                number,
                target,
                "recommendation_as_quoted",
                text_line,
                f"line {line_no}",
                line_no,
                score,
            )
            add(
                line_no,
                Disposition.QUOTED,
                text_line,
                recommendation=number,
                confidence=score,
                target=target,
            )
            _take_links(draft, response.links, item, number, f"{response.pointer}/links")
            continue
        in_quote = False
        if current is None:
            lead = _LEAD.match(text_line)
            if lead is not None:
                draft.leads.append(_lead(lead.group(1), lead.group(2)))
                draft.capture(
                    None,
                    f"/leads/{len(draft.leads) - 1}",
                    "lead",
                    text_line,
                    f"line {line_no}",
                    line_no,
                    85.0,
                )
            draft.introduction.append(text_line)
            add(
                line_no,
                Disposition.INTRODUCTION,
                text_line,
                target=f"/introduction/{len(draft.introduction) - 1}",
            )
            _take_links(draft, draft.links, item, None, "/links")
            continue
        response = draft.response(current)
        if lang == "cy":
            response.translations.setdefault("cy", []).append(text_line)
            target = f"{response.pointer}/translations"
            draft.capture(
                current, target, "translation", text_line, f"line {line_no}", line_no, current_score
            )
            add(
                line_no,
                Disposition.TRANSLATION,
                text_line,
                recommendation=current,
                target=target,
                confidence=current_score,
            )
            continue
        # After the last quoted recommendation, the page's own closing text begins at the first
        # line that does not read as the responder's work; from there on, a person decides.
        if (
            line_no > last_quote
            and not has_table_content
            and not structured
            and (closed or not _reads_as_response(text_line))
        ):
            closed = True
            add(line_no, Disposition.UNASSIGNED, text_line)
            continue
        if _ACTION.search(text_line):
            response.actions.append(
                {"id": f"{current}-{len(response.actions) + 1}", "description": text_line}
            )
            disposition = Disposition.ACTION
            target = f"{response.pointer}/actions/{len(response.actions) - 1}/description"
        else:
            response.narrative.append(text_line)
            disposition = Disposition.NARRATIVE
            target = f"{response.pointer}/narrative"
        draft.capture(
            current, target, str(disposition), text_line, f"line {line_no}", line_no, current_score
        )
        _assessment_in_prose(draft, response, text_line, line_no, words)
        _take_links(draft, response.links, item, current, f"{response.pointer}/links")
        add(
            line_no,
            disposition,
            text_line,
            recommendation=current,
            target=target,
            confidence=current_score,
        )

    for number, places in quoted_at.items():
        if len(places) > 1:
            notes.append(
                f"recommendation {number} is quoted {len(places)} times (lines "
                f"{', '.join(map(str, places))}); what follows each is kept in its one response"
            )
    for response in draft.responses.values():
        if not (
            response.narrative
            or response.actions
            or response.parts
            or response.updates
            or response.data
        ):
            response.data["transcription_note"] = (
                "Imported: the page quotes this recommendation and gives no response text under it."
            )
    empty = not draft.responses
    if empty:
        linked = (
            ", ".join(f"{link['title']} <{link['url']}>" for link in _page_links(draft))
            or "nothing"
        )
        notes.append(f"no recommendation-level content found; the page links to: {linked}")
    plan = draft.build(
        responder=responder,
        transcription_note="Draft imported from a published page by superplan; check every assignment.",
        source_url=source_url,
        lang=main_lang if main_code != "en" else None,
    )
    result_plan = from_dict(plan)
    found = tuple(draft.responses)
    report = ImportReport(
        source=source,
        responder=responder,
        lines=tuple(lines),
        found=found,
        not_found=tuple(n for n in addressed if n not in found),
        notes=tuple(notes),
        captures=tuple(draft.captures),
        layouts=tuple(f"table {table}: {name}" for table, name in layouts.items()),
        links=tuple((link["title"], link["url"]) for link in _page_links(draft)),
    )
    return ImportResult(plan=result_plan, report=report, data=plan)


def _recommendation_heading(item: PageLine) -> int | None:
    """The number of a heading that only names a recommendation ("Recommendation 13")."""
    if len(item.text) > 40 or not re.match(
        r"^\s*(rec|recommendation|argymhelliad)\b", item.text, re.IGNORECASE
    ):
        return None
    number, part, rest = leading_number(item.text)
    return number if number is not None and part is None and not rest.strip(" :.-") else None


def _page_links(draft: Draft) -> list[dict[str, str]]:
    links = list(draft.links)
    for response in draft.responses.values():
        links.extend(response.links)
    return links


def _language(item: PageLine, main_code: str, welsh_words: bool = True) -> str | None:
    if item.lang is not None:
        code = item.lang.split("-")[0]
        return code if code != main_code else None
    return "cy" if welsh_words and main_code != "cy" and _welsh(item.text) else None


def _lead(role: str, name: str) -> dict[str, str]:
    return {
        "role": " ".join(role.split()).title().replace("Officer", "officer"),
        "name": name.strip(),
    }


def _take_links(
    draft: Draft, into: list[dict[str, str]], item: PageLine, number: int | None, pointer: str
) -> None:
    for link in item.links:
        into.append({"title": link.title, "url": link.url})
        draft.capture(number, pointer, "link", link.url, f"line {item.number}", item.number, 95.0)


def _assessment_in_prose(
    draft: Draft, response: ResponseDraft, text: str, line_no: int, words: Vocabulary
) -> None:
    """ "We accept this recommendation. Our initial assessment, 21 November 2024, is that we
    comply with most aspects": acceptance and compliance in the force's words, and the date."""
    lower = text.lower()
    if "accept" not in lower and "compli" not in lower and "comply" not in lower:
        return  # most lines say neither; the phrase tables are consulted only when one might
    for kind in ("acceptance", "compliance"):
        if kind in response.data:
            continue
        value, _phrase = words.phrase(kind, text)
        if value is None or (
            kind == "compliance" and not re.search(r"\b(we|force)\b", text, re.IGNORECASE)
        ):
            continue
        response.data[kind] = value
        response.data[f"{kind}_text"] = text
        draft.capture(
            response.number,
            f"{response.pointer}/{kind}",
            kind,
            value,
            f"line {line_no}",
            line_no,
            70.0,
        )
        found = find_date(text)
        if found is not None and kind == "compliance" and "assessed_on" not in response.data:
            response.data["assessed_on"] = found.iso
            draft.capture(
                response.number,
                f"{response.pointer}/assessed_on",
                "assessed_on",
                found.iso,
                f"line {line_no}",
                line_no,
                70.0,
            )


def _is_boilerplate(line: str) -> bool:
    if len(line) >= 400:
        return False
    if ("ookie" in line or "OOKIE" in line) and _COOKIES.search(line):
        return True
    return _FURNITURE.match(line) is not None


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
    vocab: Vocabulary | None = None,
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
