"""What the checker does with a submission, apart from HTTP: read it (JSON, CSV or XLSX) from
bytes held in memory, check it, and place every finding where a person finds it (sheet, row and
column for a table; line, column and pointer for JSON). Nothing here touches the disk.

Every way a submission can be refused is a :class:`Refused` carrying the HTTP status, a title
and a sentence saying what to do; the web layer turns it into a page or a problem detail.
"""

import io
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO, Any

import attrs
from attrs import frozen

from .._json import parse_json
from ..catalogue import Catalogue
from ..convert import dumps
from ..errors import LoadError, Problem, UnknownAgency
from ..importers import import_table
from ..model import ActionPlan
from ..progress import gives_answer
from ..tables import COLUMN_OF, Sheet, export_table, read_sheet
from ..validation import ValidationReport, validate

__all__ = [
    "Checked",
    "Refused",
    "Shown",
    "check_submission",
    "check_xlsx_size",
    "convert_plan",
    "json_plan",
    "kind_of",
    "plan_from_canonical",
]

#: Finding codes that say the text could not be read as a JSON document at all.
READ_CODES = frozenset(f"SP0{n:02d}" for n in range(1, 12))

#: What an upload may declare itself as, by kind. Browsers send ``application/octet-stream``
#: (or nothing) for a type they do not know, and Windows calls a CSV file an Excel one.
_TYPES = {
    "json": {"application/json", "text/json", "text/plain"},
    "csv": {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"},
    "xlsx": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
        "application/x-zip-compressed",
    },
}
_ANY = {"", "application/octet-stream", "binary/octet-stream"}
_EXTENSIONS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".txt": None}

#: An XLSX is a zip of XML. Its parts inflate, and a small file can hold a huge sheet (a "zip
#: bomb"): the parts' declared sizes are checked before the workbook is opened, and Python's
#: zip reader never inflates a part past its declared size.
XLSX_INFLATION = 8
"""An XLSX may inflate to this many times the upload limit, in all its parts."""
XLSX_RATIO = 100
"""A part larger than 1 MiB may inflate to at most this many times its compressed size."""
XLSX_PARTS = 1000


class Refused(Exception):
    """A submission refused before or instead of a report: HTTP status, title and detail."""

    def __init__(
        self, status: int, title: str, detail: str, problems: Sequence["Shown"] = ()
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.problems = tuple(problems)


@frozen(kw_only=True)
class Shown:
    """One finding or reading problem as a person reads it."""

    severity: str
    """``error`` or ``warning``."""
    code: str | None
    """The finding code (``SP205``), or None for a problem reading a table's cells."""
    title: str
    message: str
    hint: str
    place: str
    """Where, in words: ``sheet "Plan", row 7, column O "Due"`` or ``line 3, column 9``."""
    pointer: str
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "title": self.title,
            "message": self.message,
            "hint": self.hint,
            "place": self.place,
            "pointer": self.pointer,
        }
        if self.line is not None:
            out["line"] = self.line
            out["column"] = self.column
        return out


@frozen(kw_only=True)
class Checked:
    """A submission read and checked."""

    name: str
    kind: str
    """``json``, ``csv`` or ``xlsx``."""
    report: ValidationReport
    shown: tuple[Shown, ...]
    plan: ActionPlan | None
    """The plan, when the submission fits the model (valid or not)."""
    notes: tuple[str, ...] = ()
    """How a table was read (another sheet left unread, a legacy encoding)."""

    @property
    def readable(self) -> bool:
        """False when the text could not be read as a JSON document at all."""
        return not READ_CODES.intersection(self.report.codes)

    @property
    def answered(self) -> tuple[int, int] | None:
        """(recommendations answered, recommendations addressed), when the responder is known."""
        return None if self.plan is None else _answered(self.plan, self._catalogue)

    _catalogue: Catalogue


def _answered(plan: ActionPlan, cat: Catalogue) -> tuple[int, int] | None:
    try:
        addressed = cat.addressed_to(plan.responder)
    except LookupError:
        return None
    wanted = {rec.number for rec in addressed}
    given = set()
    for response in plan.responses:
        rec = cat.find(response.recommendation)
        if rec is not None and gives_answer(response):  # an empty response answers nothing
            given.add(rec.number)
    return len(wanted & given), len(wanted)


def kind_of(name: str, declared: str, data: bytes) -> str:
    """``json``, ``csv`` or ``xlsx``: what an upload is, by its name and its first bytes, or
    :class:`Refused` (415) when its declared type or its name says it is something else."""
    declared = declared.split(";", 1)[0].strip().lower()
    lowered = name.lower()
    by_name: str | None = None
    for extension, kind in _EXTENSIONS.items():
        if lowered.endswith(extension):
            by_name = kind
    if "." in lowered.rsplit("/", 1)[-1] and by_name is None and not lowered.endswith(".txt"):
        raise Refused(
            415,
            "Not a plan file",
            f"{name!r} is not a JSON, CSV or XLSX file; upload a plan saved as .json, .csv or "
            ".xlsx",
        )
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if data[:2] == b"PK":
        by_bytes = "xlsx"
    elif start in (b"{", b"["):
        by_bytes = "json"
    else:
        by_bytes = "csv"
    if by_name == "xlsx" and by_bytes != "xlsx":
        raise Refused(
            415,
            "Not a workbook",
            f"{name!r} is named .xlsx but is not an XLSX workbook (an XLSX file is a zip "
            "archive); save it from your spreadsheet as Excel Workbook (.xlsx)",
        )
    if by_bytes == "xlsx" and by_name not in (None, "xlsx"):
        raise Refused(
            415,
            "Wrong kind of file",
            f"{name!r} is a zip archive (such as an XLSX workbook), not {by_name!s} text; "
            "name a workbook .xlsx",
        )
    kind = by_name or by_bytes
    if declared not in _ANY and declared not in _TYPES[kind]:
        raise Refused(
            415,
            "Wrong content type",
            f"the file {name!r} was sent as {declared!r}, which is not a type for {kind.upper()}; "
            "upload a plan as JSON, CSV or XLSX",
        )
    return kind


def _responder_problem(cat: Catalogue, chosen: str | None) -> None:
    if chosen:
        try:
            cat.responder(chosen)
        except UnknownAgency as error:
            raise Refused(400, "Unknown responder", str(error)) from None


def check_submission(
    data: bytes,
    *,
    name: str,
    kind: str,
    responder: str | None,
    catalogue: Catalogue,
    max_bytes: int,
) -> Checked:
    """Read and check one submission held in memory."""
    if not data.strip():
        raise Refused(400, "Empty file", f"{name!r} is empty: choose the file again, or paste JSON")
    if len(data) > max_bytes:
        raise Refused(
            413,
            "File too large",
            f"{name!r} is {len(data)} bytes; the limit is {max_bytes} bytes",
        )
    responder = responder or None
    _responder_problem(catalogue, responder)
    if kind == "json":
        return _check_json(data, name, responder, catalogue, max_bytes)
    return _check_table(data, name, kind, responder, catalogue, max_bytes)


def _check_json(
    data: bytes, name: str, responder: str | None, cat: Catalogue, max_bytes: int
) -> Checked:
    report = validate(data, catalogue=cat, max_bytes=max_bytes)
    given = _document_responder(data) if responder else None
    if responder and given is not None and given != responder:
        raise Refused(
            422,
            "Plan for another responder",
            f"{name!r} is a plan for {given!r}, not for {responder!r}, the responder chosen; "
            "choose its own responder (or none: a JSON plan names its responder)",
        )
    if responder and given is None and not READ_CODES.intersection(report.codes):
        document = parse_json(data)
        if isinstance(document, dict) and "responder" not in document:
            # The file does not say whose plan it is: the responder chosen is put in (lines
            # and columns are then those of the document as it was given, without it).
            report = validate({"responder": responder, **document}, catalogue=cat)
    report = attrs.evolve(report, source=name)
    shown = tuple(_shown_json(report))
    return Checked(
        name=name,
        kind="json",
        report=report,
        shown=shown,
        plan=report.plan,
        catalogue=cat,
    )


def _document_responder(data: bytes) -> str | None:
    try:
        document = parse_json(data)
    except LoadError:
        return None
    value = document.get("responder") if isinstance(document, dict) else None
    return value if isinstance(value, str) else None


def _shown_json(report: ValidationReport) -> Iterable[Shown]:
    for finding in report.findings:
        place = []
        if finding.line is not None:
            place.append(f"line {finding.line}, column {finding.column}")
        place.append(f"at {finding.pointer}" if finding.pointer else "the whole document")
        yield Shown(
            severity=str(finding.severity),
            code=finding.code,
            title=finding.title,
            message=finding.message,
            hint=finding.hint,
            place=", ".join(place),
            pointer=finding.pointer,
            line=finding.line,
            column=finding.column,
        )


# -- tables --------------------------------------------------------------------------------------


def check_xlsx_size(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse a workbook whose parts would inflate far past the upload limit, or whose sheets
    hold far more rows or cells than any plan (413), before it is opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            total = sum(part.file_size for part in parts)
            too_big = total > XLSX_INFLATION * max_bytes or len(parts) > XLSX_PARTS
            inflated = any(
                part.file_size > 1024 * 1024
                and part.file_size > XLSX_RATIO * max(part.compress_size, 1)
                for part in parts
            )
            if too_big or inflated:
                raise Refused(
                    413,
                    "Workbook too large",
                    f"{name!r} would inflate to {total} bytes when opened (a workbook may "
                    f"inflate to {XLSX_INFLATION * max_bytes} bytes, and no part more than "
                    f"{XLSX_RATIO} times); a plan's workbook is far smaller: remove the extra "
                    "rows or sheets",
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as stream:
                        rows, cells = _count_cells(stream)
                    if rows > XLSX_ROWS or cells > XLSX_CELLS:
                        raise Refused(
                            413,
                            "Workbook too large",
                            f"{name!r} has a sheet of {rows} rows and {cells} cells; a plan "
                            f"has far fewer (the limits are {XLSX_ROWS} rows and {XLSX_CELLS} "
                            "cells): remove the rows and columns that hold nothing",
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise Refused(
            422,
            "Not a readable workbook",
            f"{name!r} is not a readable XLSX workbook (its zip structure is damaged); "
            "save it again from your spreadsheet",
        ) from None


XLSX_ROWS = 50_000
"""The most rows a worksheet may hold (a national plan's table has a few hundred)."""
XLSX_CELLS = 500_000
"""The most cells a worksheet may hold."""


def _count_cells(stream: IO[bytes]) -> tuple[int, int]:
    """Rows and cells in a worksheet's XML, counted as it is inflated (never held whole)."""
    rows = cells = 0
    tail = b""
    while chunk := stream.read(1024 * 1024):
        text = tail + chunk
        # The last four bytes are read again with the next chunk, so that a tag cut between
        # two chunks is counted: a row tag (five bytes) cannot lie whole within them, and a
        # cell tag that does is taken off here, to be counted once, next time.
        tail = text[-4:]
        rows += text.count(b"<row ") + text.count(b"<row>")
        cells += _cell_tags(text) - _cell_tags(tail)
        if rows > XLSX_ROWS or cells > XLSX_CELLS:
            break
    return rows, cells + _cell_tags(tail)


def _cell_tags(text: bytes) -> int:
    return text.count(b"<c ") + text.count(b"<c>")


def _check_table(
    data: bytes, name: str, kind: str, responder: str | None, cat: Catalogue, max_bytes: int
) -> Checked:
    if kind == "xlsx" or data[:2] == b"PK":  # the table reader takes any zip for a workbook
        check_xlsx_size(data, name, max_bytes)
    try:
        imported = import_table(name, responder=None, catalogue=cat, data=data)
    except LoadError as first:
        if responder is None or _kinds(first) & {"unreadable-xlsx", "empty", "json-not-table"}:
            raise _table_refusal(first, name) from None
        try:
            imported = import_table(name, responder=responder, catalogue=cat, data=data)
        except LoadError as error:
            raise _table_refusal(error, name) from None
    plan = imported.plan
    if responder is not None and plan.responder != responder:
        raise Refused(
            422,
            "Plan for another responder",
            f"{name!r} is a plan for {plan.responder!r}, not for {responder!r}, the responder "
            "chosen; choose its own responder, or upload the right file",
        )
    report = validate(plan, catalogue=cat)
    report = ValidationReport(source=name, findings=report.findings, plan=plan)
    places: dict[str, str] = {}
    if report.findings and imported.route == "own":
        sheet = read_sheet(name, data=data)
        places = _table_places(sheet, plan, {f.pointer for f in report.findings})
    shown = tuple(
        Shown(
            severity=str(f.severity),
            code=f.code,
            title=f.title,
            message=f.message,
            hint=f.hint,
            place=places.get(f.pointer) or "the table as a whole",
            pointer=f.pointer,
        )
        for f in report.findings
    )
    return Checked(
        name=name,
        kind=kind,
        report=report,
        shown=shown,
        plan=plan,
        notes=imported.notes,
        catalogue=cat,
    )


def _kinds(error: LoadError) -> set[str]:
    return {problem.kind or "" for problem in error.problems}


def _table_refusal(error: LoadError, name: str) -> Refused:
    problems = tuple(_table_problem(problem) for problem in error.problems)
    kinds = _kinds(error)
    if "needs-responder" in kinds:
        return Refused(
            422,
            "Whose plan is this?",
            "this table is not in superplan's own shape (it has no 'Record' column): choose the "
            "responder whose plan it is, and it is read by its column headings",
        )
    if "too-large" in kinds:
        return Refused(413, "File too large", problems[0].message)
    what = "table" if len(problems) == 1 else "table's cells"
    return Refused(
        422,
        "The table could not be read",
        f"{name!r}: {len(problems)} problem(s) reading the {what}; each says where",
        problems,
    )


def _table_problem(problem: Problem) -> Shown:
    message = problem.message
    place = ""
    # Cell problems say their place first: 'sheet "Plan", row 7, column C "Due": ...'.
    if message.startswith(("sheet ", "row ")) and ": " in message:
        place, message = message.split(": ", 1)
    return Shown(
        severity="error",
        code=None,
        title="cannot be read",
        message=message,
        hint="Correct the cell and upload the file again.",
        place=place or (f"at {problem.pointer}" if problem.pointer else "the whole table"),
        pointer=problem.pointer,
    )


def _table_places(sheet: Sheet, plan: ActionPlan, pointers: set[str]) -> dict[str, str]:
    """Where each finding's record sits in superplan's own table, as the sheet shows it.

    The table holds one row per record in the plan's order (see ``superplan.importers._own_table``): the
    i-th ``response`` row is response i, and its ``action`` rows follow it in order.
    """
    header = sheet.header
    rows: dict[str, int] = {}
    response = -1
    actions = 0
    updates: dict[str, int] = {}
    evidence: dict[str, int] = {}
    for record in sheet.records:
        kind = record.get(header.index("Record")).strip() if "Record" in header else ""
        field = record.get(header.index("Field")).strip() if "Field" in header else ""
        action_id = record.get(header.index("Action ID")) if "Action ID" in header else ""
        if kind == "plan" and field:
            rows.setdefault(f"/{field}", record.row)
        elif kind == "response":
            response += 1
            actions = 0
            updates, evidence = {}, {}
            rows[f"/responses/{response}"] = record.row
        elif kind == "action" and response >= 0:
            rows[f"/responses/{response}/actions/{actions}"] = record.row
            updates[action_id] = 0
            evidence[action_id] = 0
            actions += 1
        elif kind in ("update", "evidence") and response >= 0:
            counts = updates if kind == "update" else evidence
            key = "updates" if kind == "update" else "evidence"
            if not action_id:
                if kind == "update":
                    index = counts.get("", 0)
                    rows[f"/responses/{response}/updates/{index}"] = record.row
                    counts[""] = index + 1
            elif action_id in counts:
                index = counts[action_id]
                at = _action_index(plan, response, action_id)
                if at is not None:
                    rows[f"/responses/{response}/actions/{at}/{key}/{index}"] = record.row
                counts[action_id] = index + 1
    placed = {}
    for pointer in pointers:
        parts = pointer.split("/")
        for end in range(len(parts), 1, -1):
            row = rows.get("/".join(parts[:end]))
            if row is None:
                continue
            owner = parts[end - 2]
            key = parts[end] if end < len(parts) else ""
            if owner in ("", "evidence"):
                heading = "Value"
            else:
                record_kind = {"responses": "response", "actions": "action", "updates": "update"}
                heading = COLUMN_OF.get(record_kind.get(owner, ""), {}).get(key, "")
                if key and not heading:
                    heading = "More"
            if heading in header:
                placed[pointer] = sheet.where(row, header.index(heading))
            else:
                where = f"row {row}"
                placed[pointer] = f'sheet "{sheet.sheet}", {where}' if sheet.sheet else where
            break
    return placed


def _action_index(plan: ActionPlan, response: int, action_id: str) -> int | None:
    if response >= len(plan.responses):
        return None
    for index, action in enumerate(plan.responses[response].actions):
        if action.id == action_id:
            return index
    return None


# -- conversion ----------------------------------------------------------------------------------


def plan_from_canonical(
    text: str, catalogue: Catalogue, max_bytes: int, *, valid: bool = False
) -> ActionPlan:
    """A plan sent back by the report page (its canonical JSON): it must load (and with
    ``valid``, pass), or Refused."""
    raw = text.encode("utf-8", "surrogatepass")
    if not raw.strip():
        raise Refused(400, "No plan", "no plan was sent; check a file first")
    report = validate(raw, catalogue=catalogue, max_bytes=max_bytes)
    if valid and not report.valid:
        raise Refused(
            422,
            "Not accepted",
            f"the plan has errors ({report.summary()}): correct them and check it again",
            tuple(_shown_json(report)),
        )
    if report.plan is None:
        first = report.findings[0].message if report.findings else "it does not fit the model"
        raise Refused(422, "Not a plan", f"the plan sent cannot be read: {first}")
    return report.plan


def convert_plan(plan: ActionPlan, to: str, catalogue: Catalogue) -> tuple[bytes, str, str]:
    """The plan as ``json``, ``csv`` or ``xlsx``: bytes, media type and file name."""
    stem = plan.responder
    if to == "json":
        return dumps(plan).encode("utf-8"), "application/json", f"{stem}.json"
    if to == "csv":
        return (
            export_table(plan, kind="csv", catalogue=catalogue),
            "text/csv; charset=utf-8",
            f"{stem}.csv",
        )
    if to == "xlsx":
        return (
            export_table(plan, kind="xlsx", catalogue=catalogue),
            _XLSX_TYPE,
            f"{stem}.xlsx",
        )
    raise Refused(400, "Unknown format", f"cannot convert to {to!r}; use json, csv or xlsx")


_XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def json_plan(data: bytes, catalogue: Catalogue, max_bytes: int) -> ActionPlan:
    """A JSON plan given for conversion: it must load (422 with the first finding if not)."""
    report = validate(data, catalogue=catalogue, max_bytes=max_bytes)
    if report.plan is None:
        raise Refused(
            422,
            "Not a plan",
            "the JSON does not load as a plan; POST it to /api/validate to see every finding",
            tuple(_shown_json(report)),
        )
    return report.plan
