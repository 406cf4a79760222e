"""Tables on a page, read by meaning: where each cell of a data row goes in the draft (a part, an action, or the response itself).

Three shapes are known. The NPCC template (recommendation, "7.1" parts with their evidence
requirements, owner, force update, date, status, evidence, accept/comply) gives **parts**; a
table with an action column gives **actions**; the three-column table (recommendation |
response | status or update) gives the **response** its narrative, status and updates. A row
that names no recommendation continues the one above it (merged cells).
"""

import re
from collections.abc import Callable
from typing import Any

from attrs import define, field

from ._columns import (
    PART_CELL,
    Layout,
    align,
    find_layout,
    headerless_layout,
    is_repeated_header,
    leading_number,
    shift,
)
from ._dates import FoundDate, due_cell, find_date, not_a_date, parse_date
from ._document import TableRow
from ._draft import Draft, ResponseDraft
from ._vocabulary import ColumnMeaning, Vocabulary

__all__ = [
    "Layout",
    "TableReader",
    "find_layout",
    "headerless_layout",
    "is_repeated_header",
    "leading_number",
]

_DUE_WORDS = re.compile(
    r"\b(implement\w*|complet\w*|deliver\w*|due|deadline|target|expected|in place by)\b",
    re.IGNORECASE,
)
_ACTION_LABEL = re.compile(r"^\s*action\s*[:\-\u2013]\s*", re.IGNORECASE)


def _unlabelled(text: str) -> str:
    """An action's text without a leading "ACTION:" label."""
    return _ACTION_LABEL.sub("", text, count=1) or text


_STATED = ("recommendation", "recommendation_text")
"""Columns where a row states its recommendation, in words if not by number."""

Matcher = Callable[[str, int | None], tuple[int | None, float]]


@define
class TableReader:
    """Puts each data row of one table into the draft, recording where every value came from."""

    layout: Layout
    draft: Draft
    vocab: Vocabulary
    match: Matcher
    prose: Callable[[Draft, ResponseDraft, str, int, Vocabulary], None]
    """Reads acceptance and compliance said in running text."""
    strict: Any = None
    """For table files: a collector of cell errors (a due date that is not one is an error,
    and unmapped columns are left to the caller); pages are read leniently instead."""
    catalogue: Any = None
    loose: Matcher | None = None
    """Finds the nearest recommendation to a paraphrase, for a row that names none."""
    current: int | None = None
    counters: dict[int, int] = field(factory=dict)
    action: tuple[dict[str, Any], str] | None = None
    """The action of the row being read (beside its part, when the row has both)."""

    aligned: list[ColumnMeaning] | None = None
    row_columns: list[ColumnMeaning] = field(factory=list)
    """The columns of the row being read (the layout's, or as aligned to a longer row)."""

    def columns_for(self, cells: list[str]) -> list[ColumnMeaning]:
        """The layout's columns, aligned to a row with one cell more than the header has
        headings (a header row one column short: see :func:`align`), or to a row short on the
        left (cells merged down from the row above: see :func:`shift`)."""
        if self.strict is not None:
            return self.layout.columns
        if self.aligned is None and len(cells) == len(self.layout.columns) + 1:
            self.aligned = align(self.layout.columns, cells, self.vocab)
        columns = self.aligned or self.layout.columns
        if len(cells) < len(columns):
            return shift(columns, cells, self.vocab)
        return columns

    def source(self, row: TableRow, column: int) -> str:
        columns = self.row_columns or self.layout.columns
        heading = columns[column].heading if column < len(columns) else f"column {column + 1}"
        return f"table {row.table}, row {row.row}, column {heading!r}"

    def row(self, row: TableRow, main_lang: str | None) -> tuple[int | None, float, list[str]]:
        """Read one data row; returns its recommendation, confidence and the fields it filled."""
        cells = [cell.text.strip() for cell in row.cells]
        columns = self.columns_for(cells)
        values: dict[str, list[tuple[int, str]]] = {}
        for index, text in enumerate(cells):
            if index >= len(columns) or not text:
                continue
            name = columns[index].field or "unmapped"
            values.setdefault(name, []).append((index, text))
        self.row_columns = columns
        number, part, confidence, quoted = self._recommendation(values)
        if number is None:
            if self.current is None:
                return None, 0.0, []
            number, confidence = self.current, 70.0
        self.current = number
        response = self.draft.response(number)
        welsh = _other_language(row.lang, main_lang)
        if welsh:
            texts = [text for _, text in sorted(i for v in values.values() for i in v)]
            response.translations.setdefault(welsh, []).append("\n".join(texts))
            self.draft.capture(
                number, f"{response.pointer}/translations", "translation", " | ".join(texts),
                f"table {row.table}, row {row.row}", row.number, confidence,
            )  # fmt: skip
            return number, confidence, ["translation"]
        filled: list[str] = []
        if quoted:
            index, text = quoted
            response.quoted.append(text)
            self._note(
                row,
                index,
                number,
                f"{response.pointer}/recommendation_as_quoted",
                "recommendation_as_quoted",
                text,
                confidence,
            )
            filled.append("recommendation_as_quoted")
        self.action = None
        target, pointer = self._target(row, response, values, part, number, filled)
        for name, entries in values.items():
            for index, text in entries:
                self._cell(row, index, name, text, response, target, pointer, number, filled)
        for index, cell in enumerate(row.cells):
            for link in cell.links:
                holder = target if target is not response.data else None
                if holder is not None:
                    holder.setdefault("links", []).append({"title": link.title, "url": link.url})
                else:
                    response.links.append({"title": link.title, "url": link.url})
                self._note(row, index, number, f"{pointer}/links", "links", link.url, 90.0)
        return number, confidence, filled

    # -- where a row goes ----------------------------------------------------------------------

    def _recommendation(
        self, values: dict[str, list[tuple[int, str]]]
    ) -> tuple[int | None, str | None, float, tuple[int, str] | None]:
        number: int | None = None
        part: str | None = None
        confidence = 0.0
        quoted: tuple[int, str] | None = None
        for name in ("recommendation", "part", "requirement", "recommendation_text"):
            for index, text in values.get(name, ()):
                found, found_part, rest = leading_number(text)
                if found is not None and number is None:
                    number, confidence = found, 100.0 if name != "recommendation_text" else 95.0
                if found_part and part is None and (name != "recommendation_text" or not rest):
                    part = found_part
                if name == "recommendation" and found is None and len(text) > 40:
                    quoted = quoted or (index, text)  # the force's own paraphrase
                if name == "recommendation_text" and rest and len(rest) > 20:
                    quoted = (index, rest)
                    if number is None:
                        hit, score = self.match(rest, None)
                        if hit is not None:
                            number, confidence = hit, score
        if number is None:
            number, part, confidence = self._unnamed(values)
        if number is not None and "part" in values and part is None:
            text = values["part"][0][1]
            if text and len(text) < 12:
                part = (
                    text
                    if "." in text
                    else f"{number}.{text}"
                    if text.isascii() and text.isdigit()
                    else text
                )
        return number, part, confidence, quoted

    def _unnamed(
        self, values: dict[str, list[tuple[int, str]]]
    ) -> tuple[int | None, str | None, float]:
        """A row whose recommendation column names none (it starts with the force's own
        paraphrase): a cell that is a part number ("7.1" is recommendation 7), else the
        recommendation its recommendation cell (or, before any recommendation, its longest
        text) is nearest to, flagged for review. A row with neither continues the one above."""
        cells = sorted((index, text) for entries in values.values() for index, text in entries)
        for _, text in cells:
            if PART_CELL.fullmatch(text.rstrip(".:")):
                number, part, _rest = leading_number(text)
                if number is not None:
                    return number, part, 85.0
        if self.loose is None:
            return None, None, 0.0
        stated = [t for n in _STATED for _, t in values.get(n, ()) if len(t) >= 40]
        if not stated and self.current is None:
            stated = [t for _, t in cells if len(t) >= 40]
        best: tuple[int | None, float] = (None, 0.0)
        for text in stated:
            found = self.match(text, None)
            if found[0] is None:
                found = self.loose(text, None)
            if found[0] is not None and found[1] > best[1]:
                best = found
        return best[0], None, min(best[1], 75.0)

    def _target(
        self,
        row: TableRow,
        response: ResponseDraft,
        values: dict[str, list[tuple[int, str]]],
        part: str | None,
        number: int,
        filled: list[str],
    ) -> tuple[dict[str, Any], str]:
        """The part, action or response that this row's cells describe."""
        has_part = part is not None or "requirement" in values
        part_dict: dict[str, Any] | None = None
        part_pointer = ""
        if has_part:
            key = part
            if key is None:
                key = f"{number}.{len(response.parts) + 1}"
                self.draft.capture(
                    number, f"{response.pointer}/parts", "part", key,
                    f"table {row.table}, row {row.row}", row.number, 50.0,
                )  # fmt: skip
            position, part_dict = response.part(key)
            part_pointer = f"{response.pointer}/parts/{position}"
            filled.append("part")
        if "action" in values:
            text = "\n".join(_unlabelled(t) for _, t in values["action"])
            self.counters[number] = self.counters.get(number, 0) + 1
            action: dict[str, Any] = {
                "id": f"{number}-{self.counters[number]}",
                "description": text,
            }
            if part_dict is not None:
                action["part"] = part_dict["part"]
            response.actions.append(action)
            self.action = (action, f"{response.pointer}/actions/{len(response.actions) - 1}")
            if part_dict is not None and self.strict is None:
                # On a page, the row's owner, updates and status describe the part (the NPCC
                # template's columns); its action stands beside it, naming the part.
                return part_dict, part_pointer
            return self.action
        if part_dict is not None:
            return part_dict, part_pointer
        return response.data, response.pointer

    def _note(
        self,
        row: TableRow,
        index: int,
        number: int,
        pointer: str,
        name: str,
        value: str,
        confidence: float,
    ) -> None:
        self.draft.capture(
            number, pointer, name, value, self.source(row, index), row.number, confidence
        )

    def _cell(
        self,
        row: TableRow,
        index: int,
        name: str,
        text: str,
        response: ResponseDraft,
        target: dict[str, Any],
        pointer: str,
        number: int,
        filled: list[str],
    ) -> None:
        column = self.row_columns[index]
        sure = column.confidence

        def note(pointer: str, name: str, value: str, confidence: float = sure) -> None:
            self._note(row, index, number, pointer, name, value, confidence)

        if name in ("recommendation", "recommendation_text", "part"):
            return
        if name == "requirement":
            holder = (
                response.parts.get(target.get("part", "")) if target is not response.data else None
            )
            holder = holder if holder is not None else target
            _, _, rest = leading_number(text)
            holder["requirement"] = rest or text
            note(f"{pointer}/requirement", "requirement", text)
        elif name == "action":
            action, at = self.action or (target, pointer)
            note(f"{at}/description", "action", text)
            self._due_in_words(row, index, text, action, at, number)
        elif name == "owner":
            key = "owner"
            if target.get(key):
                target[key] = f"{target[key]}; {text}"
            else:
                target[key] = text
            note(f"{pointer}/owner", "owner", text)
        elif name == "narrative":
            if target is response.data:
                response.narrative.append(text)
                note(f"{pointer}/narrative", "narrative", text)
                self.prose(self.draft, response, text, row.number, self.vocab)
            else:
                self._update(row, index, text, target, pointer, number, column, None)
        elif name in ("update", "status_or_update"):
            if name == "status_or_update":
                status, status_sure = self.vocab.status("delivery", text)
                if status is not None and status_sure >= 100:
                    self._status(row, index, text, target, pointer, number)
                    filled.append("status")
                    return
            self._update(row, index, text, target, pointer, number, column, self._row_date(row))
            self._assessment_said(row, text, response, column)
        elif name == "status":
            self._status(row, index, text, target, pointer, number)
        elif name == "evidence":
            items = [line.strip() for line in text.split("\n") if line.strip()]
            target.setdefault("evidence", []).extend(items)
            note(f"{pointer}/evidence", "evidence", text)
        elif name == "due":
            self._due(row, index, text, target, pointer, number, response)
        elif name == "date":
            if not any(
                self.row_columns[i].field in ("update", "status_or_update", "narrative")
                for i in range(len(row.cells))
                if i < len(self.row_columns)
            ):
                self._due(row, index, text, target, pointer, number, response)
            return  # otherwise the date dates the row's update (read with it)
        elif name in ("acceptance", "compliance"):
            self._assessment(row, index, text, response, number)
        elif self.strict is not None:
            return  # a table file keeps unmapped columns under extensions
        else:  # a column the vocabulary does not know: kept, in the response's narrative
            heading = column.heading or f"column {index + 1}"
            response.narrative.append(f"{heading}: {text}")
            note(f"{response.pointer}/narrative", "unmapped column", text, 40.0)
        filled.append(name)

    def _due_in_words(
        self,
        row: TableRow,
        index: int,
        text: str,
        action: dict[str, Any],
        pointer: str,
        number: int,
    ) -> None:
        """ "Implementation March 26 earliest" inside an action's text: its due date, as
        written (a month, not before), flagged for review."""
        if "due" in action or "description" not in action:
            return
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if not _DUE_WORDS.search(sentence):
                continue
            found = find_date(sentence)
            if found is None:
                continue
            due: dict[str, Any] = {"date": found.iso}
            if found.not_before:
                due["not_before"] = True
            action["due"] = due
            self._note(row, index, number, f"{pointer}/due", "due", sentence.strip(), 60.0)
            return

    def _assessment_said(
        self, row: TableRow, text: str, response: ResponseDraft, column: ColumnMeaning
    ) -> None:
        """Acceptance and compliance said in an update or response cell ("We accept this
        recommendation. Our initial assessment is that we partially comply."), assessed on the
        date the column's heading gives."""
        had = "compliance" in response.data
        self.prose(self.draft, response, text, row.number, self.vocab)
        if had or "compliance" not in response.data or "assessed_on" in response.data:
            return
        if column.date is not None:
            response.data["assessed_on"] = column.date.iso
            self.draft.capture(
                response.number,
                f"{response.pointer}/assessed_on",
                "assessed_on",
                column.date.iso,
                f"table {row.table}, row {row.row}, column {column.heading!r}",
                row.number,
                80.0,
            )

    def _row_date(self, row: TableRow) -> tuple[int, FoundDate] | None:
        for index, column in enumerate(self.row_columns):
            if column.field == "date" and index < len(row.cells):
                found = parse_date(row.cells[index].text)
                if found is not None:
                    return index, found
        return None

    def _update(
        self,
        row: TableRow,
        index: int,
        text: str,
        target: dict[str, Any],
        pointer: str,
        number: int,
        column: ColumnMeaning,
        row_date: tuple[int, FoundDate] | None,
    ) -> None:
        update: dict[str, Any] = {}
        confidence = column.confidence
        if row_date is not None:
            update["date"] = row_date[1].iso
        elif column.date is not None:
            update["date"] = column.date.iso
        else:
            leading = find_date(text[:40])
            if leading is not None and leading.start == 0:
                update["date"] = leading.iso
                confidence = min(confidence, 80.0)
        if column.heading and not self.layout.headerless:
            update["label"] = column.heading
        update["note"] = text
        status, status_sure = self.vocab.status("delivery", text.split("\n")[0][:60])
        if status is not None and status_sure >= 80:
            update["status"] = status
            update["status_text"] = text.split("\n")[0]
        updates = target.setdefault("updates", [])
        updates.append(update)
        self._note(
            row, index, number, f"{pointer}/updates/{len(updates) - 1}", "update", text, confidence
        )
        if "date" in update:
            self._note(
                row,
                index if row_date is None else row_date[0],
                number,
                f"{pointer}/updates/{len(updates) - 1}/date",
                "update date",
                update["date"],
                confidence,
            )

    def _status(
        self,
        row: TableRow,
        index: int,
        text: str,
        target: dict[str, Any],
        pointer: str,
        number: int,
    ) -> None:
        status, sure = self.vocab.status("delivery", text)
        target["status_text"] = text
        self._note(row, index, number, f"{pointer}/status_text", "status_text", text, 95.0)
        if status is not None:
            target["status"] = status
            self._note(row, index, number, f"{pointer}/status", "status", status, sure)
        else:
            self._note(
                row,
                index,
                number,
                f"{pointer}/status",
                "status",
                "(not normalised: the words are kept as status_text)",
                30.0,
            )

    def _due(
        self,
        row: TableRow,
        index: int,
        text: str,
        target: dict[str, Any],
        pointer: str,
        number: int,
        response: ResponseDraft,
    ) -> None:
        due: dict[str, Any] | None = None
        if self.strict is not None:
            due = due_cell(text, self.catalogue)
            if due is None:
                self.strict.add(row.row, index, not_a_date(text, self.catalogue), "bad-date")
                return
        else:
            found = parse_date(text)
            if found is not None:
                due = {"date": found.iso}
                if found.not_before:
                    due["not_before"] = True
        if self.action is not None and target is not self.action[0]:
            target, pointer = self.action
        if due is not None and target is not response.data:
            # An action's due date, or a part's (schema 1.2): never left as text.
            target["due"] = due
            self._note(row, index, number, f"{pointer}/due", "due", text, 95.0)
            return
        # A due date with nowhere to go (no action) or that is not a date: kept in the narrative.
        heading = self.row_columns[index].heading or "Due"
        response.narrative.append(f"{heading}: {text}")
        self._note(
            row, index, number, f"{response.pointer}/narrative", "due (as written)", text, 50.0
        )

    def _assessment(
        self, row: TableRow, index: int, text: str, response: ResponseDraft, number: int
    ) -> None:
        pieces = [p for p in re.split(r"[/\n,;]| and ", text) if p.strip()]
        for kind in ("acceptance", "compliance"):
            for piece in pieces:
                value, sure = self.vocab.status(kind, piece)
                if value is None:
                    value, _phrase = self.vocab.phrase(kind, piece)
                    sure = 75.0 if value else 0.0
                if value is not None:
                    response.data[kind] = value
                    response.data[f"{kind}_text"] = text
                    self._note(row, index, number, f"{response.pointer}/{kind}", kind, value, sure)
                    break
        found = find_date(text)
        if found is not None:
            response.data["assessed_on"] = found.iso
            self._note(
                row,
                index,
                number,
                f"{response.pointer}/assessed_on",
                "assessed_on",
                found.iso,
                90.0,
            )
        if "acceptance" not in response.data and "compliance" not in response.data:
            response.narrative.append(text)
            self._note(
                row,
                index,
                number,
                f"{response.pointer}/narrative",
                "acceptance (not recognised)",
                text,
                40.0,
            )


def _other_language(lang: str | None, main: str | None) -> str | None:
    if lang and lang.split("-")[0] == "cy" and (main or "en").split("-")[0] != "cy":
        return "cy"
    return None
