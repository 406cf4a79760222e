"""Tables in another shape: their cells checked through a column mapping, or the table read by
the meaning of its headings.
"""

from collections.abc import Mapping
from typing import Any

from ..catalogue import Catalogue, given_or_shipped
from ..convert import from_dict
from ..errors import LoadError, Problem
from ..tables import (
    Sheet,
    column_letter,
    ref_cell,
)
from ._columns import Layout
from ._dates import due_cell, not_a_date
from ._document import PageCell, TableRow
from ._draft import Draft
from ._layout import TableReader, find_layout, leading_number
from ._table_report import CellProblems, TableImport, kept_note, says_more_than_number
from ._vocabulary import Vocabulary, vocabulary


def check_mapped_cells(
    sheet: Sheet, columns: Mapping[str, str], cat: Catalogue
) -> list[dict[str, str]]:
    """A table read through a column mapping, cell by cell: recommendation references and due
    dates checked (UK dates read as dates), every error placed by sheet, row and column."""
    problems = CellProblems(sheet)
    index = {heading: i for i, heading in enumerate(sheet.header)}
    rows = sheet.as_dicts()
    for record, row in zip(sheet.records, rows, strict=True):
        for heading, field_name in columns.items():
            value = row.get(heading, "").strip()
            if not value or heading not in index:
                continue
            if field_name == "recommendation":
                first = value.split()[0].rstrip(".:")
                number, part, _ = leading_number(value)
                if number is not None:
                    row[heading] = part or str(number)
                elif ref_cell(first) is None:
                    problems.add(
                        record.row,
                        index[heading],
                        '"' + value + '" is not a recommendation number (digits 0-9) or slug',
                        "bad-reference",
                    )
            elif field_name == "due":
                due = due_cell(value, cat)
                if due is None:
                    problems.add(record.row, index[heading], not_a_date(value, cat), "bad-date")
                else:
                    row[heading] = due.get("date") or due.get("milestone", "")
    problems.raise_if_any()
    return rows


def mapped_by_meaning(
    sheet: Sheet,
    responder: str,
    *,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
) -> TableImport:
    """A table in a force's own shape, its columns read by meaning."""
    cat = given_or_shipped(catalogue)
    words = vocab or vocabulary()
    layout = _layout_of(sheet, words)
    draft = Draft()
    problems = CellProblems(sheet)

    def prose(*_: Any) -> None:
        return None

    reader = TableReader(
        layout=layout,
        draft=draft,
        vocab=words,
        match=lambda text, hint: (None, 0.0),
        prose=prose,
        strict=problems,
        catalogue=cat,
    )
    origins: dict[str, int] = {}
    unmapped, notes = _read_rows(sheet, reader, layout, problems, draft, origins)
    problems.raise_if_any()
    plan = draft.build(responder=responder)
    if unmapped:
        plan["extensions"] = {"unmapped_columns": unmapped}
    columns = tuple(
        (column_letter(i), heading, c.field or "", c.confidence)
        for i, (heading, c) in enumerate(zip(sheet.header, layout.columns, strict=False))
    )
    try:
        result = from_dict(plan)
    except LoadError as error:
        raise error.with_source(sheet.source) from None
    return TableImport(
        plan=result,
        source=sheet.source,
        route="by meaning",
        columns=columns,
        unmapped=tuple(
            h for h, c in zip(sheet.header, layout.columns, strict=False) if not c.field
        ),
        notes=sheet.notes + tuple(notes),
        origins=origins,
        sheet=sheet.sheet,
    )


def _layout_of(sheet: Sheet, words: Vocabulary) -> Layout:
    """What each column of the table means, by its heading; refused where no heading says which
    column holds the recommendation and the response."""
    header = TableRow(
        number=1,
        lines=(1,),
        table=1,
        row=1,
        cells=tuple(PageCell(text=h, header=True) for h in sheet.header),
    )
    layout = find_layout(header, words)
    if layout is None:
        known = [f'"{h}"' for h in sheet.header if words.column(h).field]
        raise LoadError(
            [
                Problem(
                    pointer="",
                    message="the header row does not say which column holds the recommendation "
                    "and the response ("
                    + (("it names " + ", ".join(known)) if known else "no heading is known")
                    + "); give a column mapping (--mapping) or add synonyms (--headers)",
                    kind="unknown-header",
                )
            ],
            source=sheet.source,
        )
    return layout


def _read_rows(
    sheet: Sheet,
    reader: TableReader,
    layout: Layout,
    problems: CellProblems,
    draft: Draft,
    origins: dict[str, int],
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Each row into the draft, and what no column holds (kept, with notes). ``origins`` gets
    the row each response (its first row) and each action came from, so that a finding on the
    plan names its row."""
    unmapped: dict[str, list[dict[str, Any]]] = {}
    notes: list[str] = []
    for record in sheet.records:
        row = TableRow(
            number=record.row,
            lines=(record.row,),
            table=1,
            row=record.row,
            cells=tuple(PageCell(text=c) for c in record.cells),
        )
        number, _, _ = reader.row(row, None)
        _note_rows(draft, number, record.row, origins)
        for index, column in enumerate(layout.columns):
            text = record.get(index).strip()
            says_more = column.field == "recommendation" and says_more_than_number(text)
            if (column.field is None or says_more) and text and index < len(sheet.header):
                heading = sheet.header[index] or column_letter(index)
                unmapped.setdefault(heading, []).append(
                    {"row": record.row, "recommendation": number, "value": text}
                )
            if says_more:
                notes.append(kept_note(record.row, sheet.header[index], text, number))
        if number is None and any(c.strip() for c in record.cells):
            problems.add(
                record.row, 0, "this row names no recommendation, and none comes before it",
                "no-recommendation",
            )  # fmt: skip
    return unmapped, notes


def _note_rows(draft: Draft, number: int | None, row: int, origins: dict[str, int]) -> None:
    """Remember ``row`` as the row of the response it first names, and of the actions it adds."""
    response = draft.responses.get(number) if number is not None else None
    if response is None:
        return
    origins.setdefault(response.pointer, row)
    for index in range(len(response.actions)):
        origins.setdefault(f"{response.pointer}/actions/{index}", row)
