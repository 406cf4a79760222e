"""Walking a page's lines and table rows in order, putting each where it belongs in the draft.

:class:`PageWalker` holds the state of one import (the recommendation being answered, the table
being read, the part being described) and has one method per kind of line: furniture, a
recommendation heading, a quotation, a part line (``7.1 - Evidence requirements ...: ...``), a
labelled line (``Owner: ...``), the introduction, Welsh text, and response text. When the walk is
over it decides whether the page is a plan at all: a page that quotes recommendations but answers
none of them (a news article, a statement) is reported as having no recommendation-level content.
"""

import re
from typing import Any

import attrs

from ..catalogue import Catalogue, given_or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem, UnknownAgency
from ._document import PageLine, TableRow, read_page
from ._draft import Draft
from ._fields import (
    LABEL_FIELDS,
    LABELLED,
    PUNCTUATION,
    FieldWriter,
    clean,
    part_line,
    recommendation_heading,
)
from ._layout import (
    Layout,
    TableReader,
    find_layout,
    headerless_layout,
    is_repeated_header,
    leading_number,
)
from ._match import NUMBERED, Matcher, candidates
from ._prose import (
    ACTION,
    HEADING,
    LEAD,
    WELSH_HINT,
    assessment_in_prose,
    is_boilerplate,
    lead,
    reads_as_response,
    reported_speech,
    welsh,
)
from ._report import Disposition, ImportReport, ImportResult, Line
from ._shapes import reshape
from ._vocabulary import Vocabulary, vocabulary

__all__ = ["PageWalker"]

# "7.1 - Evidence requirements of progress/completion: Processes should ..."
_CUT = 40.0
"""The most confidence a value from a row the capture cut off can have."""
_NOT_A_PLAN = (
    "no recommendation-level content found: the page quotes recommendation(s) {numbers} but "
    "gives no response to any of them (it reads as a news article or statement)"
)


class PageWalker:
    """One page's import: :meth:`run` walks the page and gives the draft and its report."""

    def __init__(
        self,
        text: str,
        *,
        responder: str,
        source: str | None,
        source_url: str | None,
        catalogue: Catalogue | None,
        vocab: Vocabulary | None,
    ) -> None:
        cat = given_or_shipped(catalogue)
        self.words = vocab or vocabulary()
        try:
            cat.responder(responder)
        except UnknownAgency as error:
            raise LoadError([Problem(pointer="", message=str(error))], source=source) from None
        self.responder, self.source, self.source_url = responder, source, source_url
        self.addressed = [rec.number for rec in cat.addressed_to(responder)]
        # Every recommendation with known wording is a candidate: a page may quote one not
        # addressed to it (and the validator will then say so).
        self.matcher = Matcher(
            {rec.number: candidates(rec) for rec in cat.recommendations if rec.wording.value},
            _deadlines(cat),
        )
        page = read_page(text)
        self.page_texts = page.line_texts
        self.items = reshape(page.items, self.words)
        self.main_lang = page.lang
        self.main_code = (page.lang or "en").split("-")[0]
        # Looking for Welsh line by line is only worth it on a page with some Welsh at all.
        self.welsh_words = self.main_code != "cy" and WELSH_HINT.search(text) is not None
        self.draft = Draft()
        self.fields = FieldWriter(self.draft, self.words)
        self.lines: list[Line] = []
        self.notes: list[str] = []
        self.current: int | None = None
        self.current_score = 0.0
        self.part: str | None = None
        self.in_quote = False
        self.closed = False
        self.structured = False
        self.has_table_content = False
        self.quoted_at: dict[int, list[int]] = {}
        self.answered: set[int] = set()
        self.reader: TableReader | None = None
        self.layouts: dict[int, str] = {}
        self.matches: dict[int, tuple[int | None, float]] = {}
        self.languages: dict[int, str | None] = {}
        self.furniture: set[int] = set()
        self.last_quote = 0

    # -- the walk -------------------------------------------------------------------------------

    def run(self) -> ImportResult:
        self._first_pass()
        for item in self.items:
            if isinstance(item, TableRow):
                self._table_row(item)
            else:
                self.reader = None
                self._line(item)
        return self._finish()

    def _first_pass(self) -> None:
        """Which free lines quote a recommendation, and how surely; which are furniture."""
        for item in self.items:
            if isinstance(item, TableRow):
                continue
            line = item.text
            if item.chrome or is_boilerplate(line):
                self.furniture.add(item.number)
                continue
            if HEADING.match(line) or part_line(line):
                continue
            numbered = NUMBERED.match(line)
            hint = int(numbered.group(2)) if numbered and numbered.group(2).isascii() else None
            body = line[numbered.end() :] if numbered else line
            lang = self._language(item)
            self.languages[item.number] = lang
            if lang == "cy":
                number, _, _ = leading_number(line)
                self.matches[item.number] = (number, 85.0) if number is not None else (None, 0.0)
                continue
            self.matches[item.number] = self.matcher.best(body, hint)
        self.last_quote = max((n for n, (r, _) in self.matches.items() if r is not None), default=0)

    def _add(self, number: int, disposition: Disposition, text: str, **extra: Any) -> None:
        self.lines.append(Line(number=number, text=text, disposition=disposition, **extra))

    def _language(self, item: PageLine) -> str | None:
        if item.lang is not None:
            code = item.lang.split("-")[0]
            return code if code != self.main_code else None
        if self.welsh_words and welsh(item.text):
            return "cy"
        return None

    # -- tables -----------------------------------------------------------------------------

    def _table_row(self, item: TableRow) -> None:
        reader = self.reader
        if reader is None or reader.layout.table != item.table:
            self.reader = None
            if self._header(item):
                return
        elif is_repeated_header(item, reader.layout):
            self._row_lines(item, Disposition.HEADING, recommendation=reader.current)
            return
        if self.reader is not None and self._data_row(item):
            return
        # A table that is not a plan table (or a row before any recommendation): as text.
        for number in item.lines:
            text = self.page_texts[number - 1]
            if self.current is None:
                self.draft.introduction.append(text)
                self._add(
                    number,
                    Disposition.INTRODUCTION,
                    text,
                    target=f"/introduction/{len(self.draft.introduction) - 1}",
                )
            else:
                self._add(number, Disposition.UNASSIGNED, text)

    def _new_reader(self, layout: Layout) -> TableReader:
        reader = TableReader(
            layout=layout,
            draft=self.draft,
            vocab=self.words,
            match=self.matcher.best,
            prose=assessment_in_prose,
            loose=self.matcher.loose,
        )
        reader.current = self.current
        return reader

    def _header(self, item: TableRow) -> bool:
        """Starts reading a new table: True if ``item`` was its header row."""
        layout = find_layout(item, self.words)
        if layout is not None:
            self.reader = self._new_reader(layout)
            self.layouts[item.table] = layout.name
            self._row_lines(item, Disposition.HEADING, recommendation=self.current)
            return True
        layout = headerless_layout(item)
        if layout is not None:
            self.reader = self._new_reader(layout)
            self.layouts[item.table] = "three-column (no header row)"
        return False

    def _data_row(self, item: TableRow) -> bool:
        assert self.reader is not None
        first = len(self.draft.captures)
        number, score, filled = self.reader.row(item, self.main_lang)
        if number is None:
            return False
        if item.cut:
            score = min(score, _CUT)
            self.draft.captures[first:] = [
                attrs.evolve(c, confidence=min(c.confidence, _CUT))
                for c in self.draft.captures[first:]
            ]
            self.notes.append(
                f"the last row (table {item.table}, row {item.row}, line {item.number}) looks cut "
                "off mid-row: what it holds is kept, at low confidence"
            )
        self.has_table_content = True
        if set(filled) - {"recommendation_as_quoted"}:  # the row answers, not only quotes
            self.answered.add(number)
        self.current, self.current_score, self.part = number, score, None
        self._row_lines(
            item,
            Disposition.ROW,
            recommendation=number,
            target=self.draft.responses[number].pointer,
            confidence=score,
        )
        return True

    def _row_lines(self, item: TableRow, disposition: Disposition, **extra: Any) -> None:
        for number in item.lines:
            self._add(number, disposition, self.page_texts[number - 1], **extra)

    # -- free lines ---------------------------------------------------------------------------

    def _line(self, item: PageLine) -> None:
        number, text = item.number, item.text
        if number in self.furniture:
            self._add(number, Disposition.BOILERPLATE, text)
            return
        if HEADING.match(text) or PUNCTUATION.fullmatch(text):
            self._add(number, Disposition.HEADING, text, recommendation=self.current)
            return
        heading = recommendation_heading(item)
        if heading is not None:
            self._heading(item, heading)
            return
        part = part_line(text)
        if (
            part is not None
            and 1 <= int(part.group(1)) <= 29
            and (
                part.group(0)[part.end(2) :].lstrip()[:1] in ("-", "\u2013", ":", ".", ")")
                or int(part.group(1)) == self.current
            )
        ):
            self._part_line(item, part)
            return
        found, score = self.matches.get(number, (None, 0.0))
        if item.heading and self.current is not None and number > self.last_quote and found is None:
            self.structured = False  # a heading of the page's own closing section
        if found is not None:
            self._quote(item, found, score)
            return
        self.in_quote = False
        if self.current is None:
            self._introduction(item)
        elif self.languages.get(number) == "cy":
            self._translation(item)
        elif not self._labelled(item):
            self._response_line(item)

    def _heading(self, item: PageLine, number: int) -> None:
        """ "Recommendation 13" as a heading: what follows, to the next heading, answers it."""
        self.current, self.current_score, self.in_quote = number, 95.0, False
        self.structured, self.part = True, None
        self.draft.response(number)
        self.quoted_at.setdefault(number, []).append(item.number)
        self._add(
            item.number, Disposition.HEADING, item.text, recommendation=number, confidence=95.0
        )

    def _quote(self, item: PageLine, number: int, score: float) -> None:
        line_no, text = item.number, clean(item.text)
        if number != self.current or not (self.in_quote or self.structured):
            self.quoted_at.setdefault(number, []).append(line_no)
        self.current, self.current_score, self.in_quote, self.part = number, score, True, None
        response = self.draft.response(number)
        if self.languages.get(line_no) == "cy":
            response.translations.setdefault("cy", []).append(text)
            target = f"{response.pointer}/translations"
        else:
            response.quoted.append(text)
            target = f"{response.pointer}/recommendation_as_quoted"
        self.draft.capture(
            number, target, "recommendation_as_quoted", text, f"line {line_no}", line_no, score
        )
        self._add(
            line_no,
            Disposition.QUOTED,
            item.text,
            recommendation=number,
            confidence=score,
            target=target,
        )
        self._links(response.links, item, number, f"{response.pointer}/links")

    def _introduction(self, item: PageLine) -> None:
        text = item.text
        found = LEAD.match(text)
        if found is not None:
            self.draft.leads.append(lead(found.group(1), clean(found.group(2))))
            self.draft.capture(
                None,
                f"/leads/{len(self.draft.leads) - 1}",
                "lead",
                text,
                f"line {item.number}",
                item.number,
                85.0,
            )
        self.draft.introduction.append(text)
        self._add(
            item.number,
            Disposition.INTRODUCTION,
            text,
            target=f"/introduction/{len(self.draft.introduction) - 1}",
        )
        self._links(self.draft.links, item, None, "/links")

    def _translation(self, item: PageLine) -> None:
        assert self.current is not None
        response = self.draft.response(self.current)
        response.translations.setdefault("cy", []).append(item.text)
        target = f"{response.pointer}/translations"
        self.draft.capture(
            self.current,
            target,
            "translation",
            item.text,
            f"line {item.number}",
            item.number,
            self.current_score,
        )
        self._add(
            item.number,
            Disposition.TRANSLATION,
            item.text,
            recommendation=self.current,
            target=target,
            confidence=self.current_score,
        )

    def _part_line(self, item: PageLine, found: "re.Match[str]") -> None:
        """``7.1 - Evidence requirements of progress/completion: ...``: a part, and its
        requirement (or the field its label names)."""
        number = int(found.group(1))
        key = f"{number}.{int(found.group(2))}"
        if number != self.current:
            self.current, self.current_score = number, 85.0
            self.quoted_at.setdefault(number, []).append(item.number)
        self.in_quote, self.part = False, key
        response = self.draft.response(number)
        position, part = response.part(key)
        pointer = f"{response.pointer}/parts/{position}"
        self.draft.capture(
            number, f"{pointer}/part", "part", key, f"line {item.number}", item.number, 90.0
        )
        text = clean(found.group(3))
        labelled = LABELLED.match(text)
        name = "requirement"
        if labelled is not None:
            meaning = self.words.column(labelled.group(1))
            if meaning.field in LABEL_FIELDS and meaning.confidence >= 80:
                name, text = meaning.field, clean(labelled.group(2))
        target = self.fields.put(
            response, part, pointer, name, text, item, part=key, score=self.current_score
        )
        self.answered.add(number)
        self._add(
            item.number,
            Disposition.ROW,
            item.text,
            recommendation=number,
            target=target,
            confidence=85.0,
        )

    def _labelled(self, item: PageLine) -> bool:
        """``Owner: Head of Crime`` under a recommendation (or a part): that field. False if the
        line is not a labelled value."""
        found = LABELLED.match(item.text) if ":" in item.text[:52] else None
        if found is None or self.current is None:
            return False
        meaning = self.words.column(found.group(1))
        if meaning.field not in LABEL_FIELDS or meaning.confidence < 88:
            return False
        name, text = meaning.field, clean(found.group(2))
        if name == "requirement" and self.part is None:
            return False
        response = self.draft.response(self.current)
        holder, pointer = response.data, response.pointer
        if self.part is not None:
            position, holder = response.part(self.part)
            pointer = f"{response.pointer}/parts/{position}"
        target = self.fields.put(
            response,
            holder,
            pointer,
            name,
            text,
            item,
            meaning.date,
            part=self.part,
            score=self.current_score,
        )
        self.answered.add(self.current)
        self._add(
            item.number,
            Disposition.ROW,
            item.text,
            recommendation=self.current,
            target=target,
            confidence=80.0,
        )
        return True

    def _response_line(self, item: PageLine) -> None:
        assert self.current is not None
        line_no, text = item.number, clean(item.text)
        # After the last quoted recommendation, the page's own closing text begins at the first
        # line that does not read as the responder's work; from there on, a person decides.
        if (
            line_no > self.last_quote
            and not self.has_table_content
            and not self.structured
            and (self.closed or not reads_as_response(text))
        ):
            self.closed = True
            self._add(line_no, Disposition.UNASSIGNED, item.text)
            return
        response = self.draft.response(self.current)
        speech = reported_speech(text)
        if ACTION.search(text) and not speech:
            target = self.fields.action(response, text, item, self.part, self.current_score)
            disposition = Disposition.ACTION
        else:
            response.narrative.append(text)
            disposition = Disposition.NARRATIVE
            target = f"{response.pointer}/narrative"
            self.draft.capture(
                self.current,
                target,
                "narrative",
                text,
                f"line {line_no}",
                line_no,
                self.current_score,
            )
        before = len(response.data)
        assessment_in_prose(self.draft, response, text, line_no, self.words)
        if len(response.data) > before or (
            not speech and (self.structured or reads_as_response(text))
        ):
            self.answered.add(self.current)
        self._links(response.links, item, self.current, f"{response.pointer}/links")
        self._add(
            line_no,
            disposition,
            item.text,
            recommendation=self.current,
            target=target,
            confidence=self.current_score,
        )

    def _links(
        self, into: list[dict[str, str]], item: PageLine, number: int | None, pointer: str
    ) -> None:
        for link in item.links:
            into.append({"title": link.title, "url": link.url})
            self.draft.capture(
                number, pointer, "link", link.url, f"line {item.number}", item.number, 95.0
            )

    # -- the end ------------------------------------------------------------------------------

    def _finish(self) -> ImportResult:
        draft = self.draft
        for number, places in self.quoted_at.items():
            if len(places) > 1:
                self.notes.append(
                    f"recommendation {number} is quoted {len(places)} times (lines "
                    f"{', '.join(map(str, places))}); what follows each is kept in its one response"
                )
        if draft.responses and not self.answered:
            self._not_a_plan()
        for response in draft.responses.values():
            if not (
                response.narrative
                or response.actions
                or response.parts
                or response.updates
                or response.data
            ):
                response.data["transcription_note"] = (
                    "Imported: the page quotes this recommendation and gives no response text "
                    "under it."
                )
        if not draft.responses and not any(n.startswith("no recommendation") for n in self.notes):
            self.notes.append(
                f"no recommendation-level content found; the page links to: {self._linked()}"
            )
        plan = draft.build(
            responder=self.responder,
            transcription_note=(
                "Draft imported from a published page by superplan; check every assignment."
            ),
            source_url=self.source_url,
            lang=self.main_lang if self.main_code != "en" else None,
        )
        found = tuple(draft.responses)
        links = _page_links(draft)
        report = ImportReport(
            source=self.source,
            responder=self.responder,
            lines=tuple(self.lines),
            found=found,
            not_found=tuple(n for n in self.addressed if n not in found),
            notes=tuple(self.notes),
            captures=tuple(draft.captures),
            layouts=tuple(f"table {table}: {name}" for table, name in self.layouts.items()),
            links=tuple((link["title"], link["url"]) for link in links),
        )
        return ImportResult(plan=from_dict(plan), report=report, data=plan)

    def _linked(self) -> str:
        links = _page_links(self.draft)
        return ", ".join(f"{link['title']} <{link['url']}>" for link in links) or "nothing"

    def _not_a_plan(self) -> None:
        """The page quotes recommendations but answers none: no draft responses; its lines are
        left for a person, and its links kept."""
        draft = self.draft
        numbers = ", ".join(map(str, draft.responses))
        draft.links[:] = [
            {"title": link.title, "url": link.url}
            for item in self.items
            if isinstance(item, PageLine) and not item.chrome
            for link in item.links
        ]
        draft.responses.clear()
        draft.captures[:] = [c for c in draft.captures if c.recommendation is None]
        self.lines = [
            attrs.evolve(line, disposition=Disposition.UNASSIGNED, target=None)
            if line.recommendation is not None and line.disposition is not Disposition.BOILERPLATE
            else line
            for line in self.lines
        ]
        self.notes.append(
            _NOT_A_PLAN.format(numbers=numbers) + f"; the page links to: {self._linked()}"
        )


def _deadlines(cat: Catalogue) -> dict[int, str]:
    """Each recommendation's deadline as an ISO date, where the catalogue knows it."""
    dates = {m.slug: m.stated_date.isoformat() for m in cat.milestones}
    return {
        rec.number: dates[rec.deadline.value]
        for rec in cat.recommendations
        if rec.deadline.value in dates
    }


def _page_links(draft: Draft) -> list[dict[str, str]]:
    links = list(draft.links)
    for response in draft.responses.values():
        links.extend(response.links)
    return links
