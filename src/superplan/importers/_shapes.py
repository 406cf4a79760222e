"""Key/value tables, read as the rows they describe.

Some forces publish one small table per part of a recommendation, a label column beside a value
column::

    Recommendation:                     | 7.1
    Evidence requirements of progress:  | Processes should be put in place ...
    Recommendation owner:               | Chief constables
    Force update:                       | Effective use of the system capability ...
    Date:                               | Nov-24
    Status:                             | Action complete

Each such record is turned into one row under a header made of its labels, so that the same
reader that reads horizontal tables by the meaning of their headings reads these too. A record
starts at a label naming the recommendation or part, or where a label comes round again. The
record's row spans the page lines of all its label rows, so every line still has one place.
"""

from collections.abc import Iterable, Iterator

from ._document import Item, PageCell, PageLink, TableRow
from ._vocabulary import ColumnMeaning, Vocabulary

__all__ = ["reshape"]

_KEYS = frozenset({"recommendation", "recommendation_text", "part"})


def _label(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip()


def _pairs(rows: list[TableRow]) -> list[tuple[str, str]] | None:
    pairs = []
    for row in rows:
        cells = [cell.text for cell in row.cells]
        while len(cells) > 2 and not cells[-1].strip():
            cells.pop()
        if len(cells) == 1 and row.cut:
            cells.append("")
        if len(cells) != 2 or not cells[0].strip() or len(cells[0]) > 60 or "\n" in cells[0]:
            return None
        pairs.append((_label(cells[0]), cells[1]))
    return pairs


_MAX_LABELS = 40
"""A key/value table repeats a handful of labels; a two-column table with more distinct first
cells than this is a horizontal table (and is not looked up label by label)."""


def _is_key_value(
    rows: list[TableRow], vocab: Vocabulary
) -> tuple[list[tuple[str, str]], dict[str, ColumnMeaning]] | None:
    """The table's (label, value) pairs and what each label means, if it is a key/value table."""
    if len(rows) < 2:
        return None
    pairs = _pairs(rows)
    if pairs is None:
        return None
    labels = {label for label, _ in pairs}
    if len(labels) > _MAX_LABELS:
        return None
    meaning = {label: vocab.column(label) for label in labels}
    meanings = [meaning[label] for label, _ in pairs]
    known = [m for m in meanings if m.field is not None and m.confidence >= 80]
    colons = sum(1 for row in rows if row.cells[0].text.rstrip().endswith(":"))
    has_key = any(m.field in _KEYS for m in known)
    if not has_key or len(known) < max(2, (len(pairs) * 3 + 4) // 5):
        return None
    # Labels read as labels: most end with ":" or are known headings.
    if colons < len(pairs) // 2 and len(known) < len(pairs):
        return None
    return pairs, meaning


def _records(pairs: list[tuple[str, str]], meaning: dict[str, ColumnMeaning]) -> list[list[int]]:
    """The indexes of the pairs of each record: a record starts at a label naming the
    recommendation or part (when the record already has one), or where a label comes round."""
    records: list[list[int]] = []
    seen: set[str] = set()
    keyed = False
    for index, (label, _) in enumerate(pairs):
        key = meaning[label].field in _KEYS
        if not records or label in seen or (key and keyed):
            records.append([])
            seen, keyed = set(), False
        records[-1].append(index)
        seen.add(label)
        keyed = keyed or key
    return records


def _transposed(rows: list[TableRow], vocab: Vocabulary) -> list[TableRow] | None:
    found = _is_key_value(rows, vocab)
    if found is None:
        return None
    pairs, meaning = found
    labels: list[str] = []
    for label, _ in pairs:
        if label not in labels:
            labels.append(label)
    first = rows[0]
    result = [
        TableRow(
            number=first.number,
            lines=(),
            table=first.table,
            row=0,
            cells=tuple(PageCell(text=label, header=True) for label in labels),
            lang=first.lang,
        )
    ]
    for position, indexes in enumerate(_records(pairs, meaning), start=1):
        values = [""] * len(labels)
        links: list[list[PageLink]] = [[] for _ in labels]
        for index in indexes:
            label, value = pairs[index]
            column = labels.index(label)
            values[column] = f"{values[column]}\n{value}".strip() if values[column] else value
            links[column].extend(link for cell in rows[index].cells for link in cell.links)
        members = [rows[index] for index in indexes]
        result.append(
            TableRow(
                number=members[0].number,
                lines=tuple(line for row in members for line in row.lines),
                table=first.table,
                row=position,
                cells=tuple(
                    PageCell(text=value, links=tuple(links[i])) for i, value in enumerate(values)
                ),
                lang=members[0].lang,
                cut=any(row.cut for row in members),
            )
        )
    return result


def _tables(items: Iterable[Item]) -> Iterator[list[Item]]:
    """The items in runs: each table's rows together, every other item alone."""
    run: list[Item] = []
    for item in items:
        if run and not (
            isinstance(item, TableRow)
            and isinstance(run[-1], TableRow)
            and item.table == run[-1].table
        ):
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def reshape(items: Iterable[Item], vocab: Vocabulary) -> tuple[Item, ...]:
    """The page's items with each key/value table turned into a header and one row per record."""
    result: list[Item] = []
    for run in _tables(items):
        rows = [item for item in run if isinstance(item, TableRow)]
        transposed = _transposed(rows, vocab) if len(rows) == len(run) else None
        result.extend(transposed if transposed is not None else run)
    return tuple(result)
