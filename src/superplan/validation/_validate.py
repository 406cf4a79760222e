"""The validation pipeline: read -> parse -> shape -> catalogue rules -> report.

Two routes give the same verdict (a test proves it on every fixture and on generated documents):

- the fast route, for the usual valid document: the strict converter builds the model (it accepts
  nothing the schema refuses), then the catalogue rules run;
- the full route, when the converter refuses: the published schema is walked in full, so that
  every problem is reported at once in plain words, then the catalogue rules run.
"""

import os
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from .._files import read_limited
from .._json import (
    MAX_BYTES,
    MAX_DEPTH,
    check_value,
    exact_in_places,
    locate,
    locate_in_layout,
    only_json_types,
    parse_json,
    plain,
    read_exactly,
    read_quickly,
    too_large,
    wide_space,
)
from .._schema import doubtful_places, is_sound, shape_errors
from .._wording import describe_value
from ..catalogue import CatalogueIndex, shipped_index
from ..errors import LoadError, Problem
from ._context import Context
from ._findings import Finding, Later, Severity, ValidationReport
from ._quiet import quiet_codes
from ._rules import RULES, rule
from ._run import run_checks

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..model import ActionPlan

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_DEPTH", "Source", "validate", "validate_text"]

DEFAULT_MAX_BYTES = MAX_BYTES
"""Inputs larger than this (5 MiB) are refused unread; a large national plan is under 1 MiB."""
DEFAULT_MAX_DEPTH = MAX_DEPTH
"""An action plan nests about eight levels deep; far deeper is a mistake or an attack."""

Source: TypeAlias = "str | bytes | os.PathLike[str] | dict[str, Any] | ActionPlan"

#: Reading problems and the codes they are reported under: a reading rule is named for the kind
#: of problem it reports (``too-large`` is SP002).
_READ_CODES = {r.name: r.code for r in RULES if r.code < "SP100"}


class _NotExact(Exception):
    """A document read quickly needs reading by the strict reader before it is judged."""


class _Refused(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def validate(
    source: Source,
    *,
    catalogue: "Catalogue | None" = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    fast: bool = True,
    responder: str | None = None,
) -> ValidationReport:
    """Check an action plan and report every finding at once.

    ``source`` is a path (``pathlib.Path``, or a ``str`` that does not start with ``{`` or ``[``
    and is not other JSON text naming no file, such as ``"null"``), JSON text (``str`` or UTF-8
    ``bytes``; :func:`validate_text` takes text alone, never a path), parsed JSON (``dict``; any
    other value, such as a list or None, is reported as not a plan) or an :class:`ActionPlan`.
    ``catalogue`` defaults to the shipped one; pass an amended catalogue to check against it.
    ``fast=False`` always walks the full schema (the verdict is the same; it is slower).
    ``responder``: the slug the plan must be from (a submission checked as Kent's that names
    another responder is an error, SP222; a slug the catalogue does not know raises
    :class:`~superplan.UnknownAgency`, as it is the caller's mistake, not the document's).

    Never raises for bad input: every problem is a finding in the report.
    """
    # The shipped catalogue by its index: built only if a rule that fires needs more of it.
    cat: Catalogue | CatalogueIndex = shipped_index() if catalogue is None else catalogue
    if responder is not None:
        _known_responder(cat, responder)
    name: str | None = None
    if not isinstance(source, _SOURCES) and not _is_plan(source):
        # A list, a number, None (or any other value) is not a plan: said so, never raised.
        found = rule("SP009").finding("", got=describe_value(source))
        return ValidationReport(findings=[found])
    if isinstance(source, str) and _json_not_path(source):
        return validate_text(
            source,
            catalogue=catalogue,
            max_bytes=max_bytes,
            max_depth=max_depth,
            fast=fast,
            responder=responder,
        )
    try:
        raw: str | bytes | None = None
        if isinstance(source, dict):
            fast = _plain_dict(source, max_depth) and fast  # checked whatever the route
            data: Any = source
        elif isinstance(source, str | bytes | os.PathLike):
            if isinstance(source, os.PathLike) or (
                isinstance(source, str) and not _looks_like_json(source)
            ):
                name = os.fspath(source)
                raw = _read(name, max_bytes)  # as given: Path drops a final /
                table = _table_kind(name, raw)
                if table is not None:
                    return ValidationReport(source=name, findings=[_table_finding(name, table)])
            else:
                raw = source
            _check_size(raw, max_bytes)
            report = _quick_route(raw, cat, fast, name, max_depth, responder) if fast else None
            if report is not None:
                return report
            data = _parse(raw, max_depth)
        else:  # an ActionPlan (anything else was refused above)
            from ..convert import to_dict  # here: a file's quick route needs no converter

            as_dict = to_dict(source)
            _check_value(as_dict, max_depth)
            return _check(as_dict, cat, fast, None, plan=source, expected=responder)
    except _Refused as refused:
        return ValidationReport(source=name, findings=[refused.finding])
    if not isinstance(data, dict):
        finding = rule("SP009").finding("", got=describe_value(data))
        return ValidationReport(source=name, findings=[finding])
    return _with_lines(_check(data, cat, fast, name, expected=responder), raw)


def _plain_dict(source: dict[str, Any], max_depth: int) -> bool:
    """Whether a dict given directly may go by the compiled route. Text gets the same checks as
    it is parsed; any dict but one of JSON's own types with nothing to refuse is walked (raising
    :class:`_Refused`), and as the compiled validator takes JSON's own types alone, one holding
    others (a StrEnum member, a subclass, a tuple) goes by the reference route."""
    if only_json_types(source, max_depth):
        return True
    _check_value(source, max_depth)
    return False


def _quick_route(
    raw: str | bytes,
    cat: "Catalogue | CatalogueIndex",
    fast: bool,
    name: str | None,
    max_depth: int,
    responder: str | None,
) -> ValidationReport | None:
    """The report from orjson's quick reading of ``raw``, or None where the strict reader must
    read it (not an object, or a value the quick reading may not hold exactly)."""
    read = read_quickly(raw)
    if read is None or type(read[0]) is not dict:
        return None
    quick, laid_out = read
    try:
        report = _check(
            quick,
            cat,
            fast,
            name,
            exact=False,
            max_depth=max_depth,
            raw=raw,
            expected=responder,
            laid_out=laid_out,
        )
    except _NotExact:
        return None  # read again by the strict reader
    return _with_lines(report, raw, quick if laid_out else None)


#: What a source may be but an ActionPlan (see :func:`_is_plan`).
_SOURCES = (str, bytes, os.PathLike, dict)


def _is_plan(source: object) -> bool:
    """Whether ``source`` is an ActionPlan. Asked only of what is none of text, bytes, a path
    or a dict, so that checking a file does not import the plan's classes."""
    from ..model import ActionPlan

    return isinstance(source, ActionPlan)


def _known_responder(cat: "Catalogue | CatalogueIndex", slug: str) -> None:
    """Raise :class:`~superplan.UnknownAgency` for a slug the catalogue does not know: the
    caller's mistake, not the document's. (The catalogue itself says so, with suggestions.)"""
    if isinstance(cat, CatalogueIndex):
        if cat.responder(slug) is not None:
            return
        cat = cat.full()
    cat.responder(slug)


def _json_not_path(text: str) -> bool:
    """A ``str`` that names no file but is JSON text all the same (``"null"``, ``"5"``): read
    as the text it is, not reported as a missing file."""
    if _looks_like_json(text) or len(text) > 4096 or "\x00" in text or os.path.lexists(text):
        return False
    try:
        parse_json(text, max_bytes=None)
    except LoadError:
        return False
    return True


def validate_text(
    text: str | bytes,
    *,
    catalogue: "Catalogue | None" = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    fast: bool = True,
    responder: str | None = None,
) -> ValidationReport:
    """Check an action plan given as JSON text (``str``, or UTF-8 ``bytes``), never read as a
    path: what a web form posts. As :func:`validate`, it never raises for bad input.

    >>> validate_text("null").findings[0].message
    'expected a JSON object at the top level, got null'
    """
    if not isinstance(text, str | bytes):
        found = rule("SP009").finding("", got=describe_value(text))
        return ValidationReport(findings=[found])
    if isinstance(text, str) and not _looks_like_json(text):
        text = text.encode("utf-8", "surrogatepass")  # bytes are never read as a path
    return validate(
        text,
        catalogue=catalogue,
        max_bytes=max_bytes,
        max_depth=max_depth,
        fast=fast,
        responder=responder,
    )


def _with_lines(
    report: ValidationReport, raw: str | bytes | None, laid_out: Any = None
) -> ValidationReport:
    """The report, each finding placed at the line and column of its value in the text (worked
    out from ``laid_out``, the text's value, when the text is known to be its canonical
    layout)."""
    if not report.findings or raw is None:
        return report
    pointers = {f.pointer for f in report.findings if f.line is None}
    if laid_out is not None and len(pointers) <= _FEW:
        places = locate_in_layout(laid_out, pointers, raw)
    else:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        places = locate(text, pointers)
    findings = [
        f._placed(*places[f.pointer]) if f.line is None and f.pointer in places else f
        for f in report.findings
    ]
    return ValidationReport(source=report.source, findings=findings, plan=report._plan)


#: Shape errors that leave every value the type the schema gives it: a key missing (SP101) or
#: unknown (SP102), a value not allowed (SP104), not written as its pattern says (SP105) or out
#: of range (SP106). A value of a wrong type is SP103 (or SP107, where the schema's choices say).
_TYPES_KEPT = frozenset({"SP101", "SP102", "SP104", "SP105", "SP106"})


#: Up to this many places are worked out from the parsed value (each costs a writing of what
#: comes before it, or after it); more are found by one reading of the text, which stays linear.
_FEW = 32


#: A ZIP archive's first bytes: an XLSX or ODS workbook is one.
_ZIP = b"PK\x03\x04"
_TABLE_SUFFIXES = {".xlsx": "an XLSX workbook", ".ods": "an ODS spreadsheet", ".csv": "a CSV table"}


def _table_kind(name: str, raw: bytes) -> str | None:
    """What sort of table a file is, if it is one rather than JSON: by its name, or by a
    workbook's first bytes."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _TABLE_SUFFIXES and not raw.lstrip().startswith((b"{", b"\xef\xbb\xbf{")):
        return _TABLE_SUFFIXES[suffix]
    if raw.startswith(_ZIP):
        return "a workbook (a ZIP archive)"
    return None


def _table_finding(name: str, kind: str) -> Finding:
    finding = rule("SP005").finding(
        "",
        message=f"this is {kind}, not a JSON action plan; validate checks JSON plans",
    )
    return attrs.evolve(
        finding,
        hint=f"Turn the table into a plan first: `superplan import table {name} --out plan.json`, "
        "then `superplan validate plan.json` (import names each problem by sheet, row and column).",
    )


def _looks_like_json(text: str) -> bool:
    stripped = text.lstrip().removeprefix("\ufeff")
    return not stripped or stripped[0] in "{[" or "\n" in text


def _read(path: str, max_bytes: int) -> bytes:
    try:
        return read_limited(path, max_bytes)
    except LoadError as error:
        raise _Refused(_read_finding(error.problems[0], DEFAULT_MAX_DEPTH)) from None


def _check_size(raw: str | bytes, max_bytes: int) -> None:
    if isinstance(raw, str) and len(raw) * 4 <= max_bytes:
        return  # no character takes more than four bytes: no need to encode it to know
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise _Refused(_read_finding(too_large(size, max_bytes).problems[0], DEFAULT_MAX_DEPTH))


def _parse(raw: str | bytes, max_depth: int) -> Any:
    try:
        data = parse_json(raw, max_bytes=None, max_depth=max_depth)  # size checked before
    except LoadError as error:
        raise _Refused(_read_finding(error.problems[0], max_depth)) from None
    return data


def _read_finding(problem: Problem, max_depth: int) -> Finding:
    code = _READ_CODES.get(problem.kind or "", "SP005")
    return rule(code).finding(
        problem.pointer,
        line=problem.line,
        column=problem.column,
        message=problem.message,
        reason=problem.message,
        limit=max_depth,
    )


def _check_value(data: Any, max_depth: int) -> None:
    """Refuse parsed values that text would have been refused for (too deep, NaN, lone
    surrogates), by the same check."""
    problem = check_value(data, max_depth)
    if problem is not None:
        raise _Refused(_read_finding(problem, max_depth))


def _check(
    data: dict[str, Any],
    cat: "Catalogue | CatalogueIndex",
    fast: bool,
    name: str | None,
    *,
    plan: "ActionPlan | None" = None,
    exact: bool = True,
    max_depth: int = DEFAULT_MAX_DEPTH,
    raw: str | bytes | None = None,
    expected: str | None = None,
    laid_out: bool = False,
) -> ValidationReport:
    """The report on a parsed document. ``exact``: read by the strict reader (or given), rather
    than quickly from ``raw`` (see ``superplan._json._quick``), when only a plain value is surely the same;
    ``laid_out``: ``raw`` is the value written in the canonical layout, byte for byte."""
    if fast and plan is None and not exact and is_sound(data):
        return _check_sound(data, cat, name, max_depth=max_depth, raw=raw, expected=expected)
    # The converter (cattrs) is imported here, not above: a valid file read quickly needs none,
    # and `superplan validate FILE` starts faster without it.
    from ..convert import structure_sound
    from ..model import ActionPlan

    # Depth, numbers and characters were checked as the text was parsed (or the dict given);
    # in a document proven sound, only the free-form extensions may hold what they refuse.
    # The compiled conditions hold for a plan of any shape, made of JSON's own types (which
    # jsonschema-rs takes: a plan given as an ActionPlan may hold a str subclass); the reference
    # route runs every rule.
    quiet = frozenset[str]()
    if fast and (plan is None or only_json_types(data, max_depth)):
        quiet = quiet_codes(cat, data)
    sound = fast and plan is None and exact and is_sound(data)
    if sound and plain(data.get("extensions"), max_depth - 1):
        # Proven sound by the compiled schema: structured once, with no second check of shape.
        plan = structure_sound(data, ActionPlan)
    if fast and plan is not None:
        ctx = Context(data, cat, expected=expected, sound=sound)
        findings = list(run_checks(ctx, structured=True, quiet=quiet))
        return ValidationReport(source=name, findings=findings, plan=plan)
    if not exact and (raw is None or not read_exactly(data, raw, max_depth, laid_out=laid_out)):
        raise _NotExact
    return _check_shape(
        data, cat, fast, name, quiet=quiet, plan=plan, expected=expected, proven=sound
    )


def _check_sound(
    data: dict[str, Any],
    cat: "Catalogue | CatalogueIndex",
    name: str | None,
    *,
    max_depth: int,
    raw: str | bytes | None,
    expected: str | None,
) -> ValidationReport:
    """The report on a document read quickly that the compiled schema has proven sound."""
    # A sound document nests far less deep than the limit but where the schema leaves values
    # free; a caller's lower limit is left to the strict reader.
    if max_depth < MAX_DEPTH or not exact_in_places(data, doubtful_places(), max_depth):
        raise _NotExact
    # Proven sound by the compiled schema, and read exactly: every rule runs on the document
    # (the calendar's too), and the plan is structured only when asked for. The schema and the
    # rules refuse all the model refuses but text of white space beyond ASCII's: where the text
    # may hold some, a valid verdict structures the plan at once. (A property test holds them
    # to it.)
    shown = quiet_codes(cat, data)
    ctx = Context(data, cat, expected=expected, sound=True)
    findings = list(run_checks(ctx, quiet=shown))
    later = Later(data)
    valid = not any(finding.severity is Severity.ERROR for finding in findings)
    if valid and raw is not None and wide_space(raw) and later.plan() is None:
        raise _NotExact  # the strict route says what the model refuses, and where
    return ValidationReport(source=name, findings=findings, plan=later)


def _check_shape(
    data: dict[str, Any],
    cat: "Catalogue | CatalogueIndex",
    fast: bool,
    name: str | None,
    *,
    quiet: frozenset[str],
    plan: "ActionPlan | None",
    expected: str | None,
    proven: bool,
) -> ValidationReport:
    """The report on a document the schema may refuse: its shape errors, in plain words, then
    the catalogue rules (but where the schema refused the value), then the plan if it fits.
    ``proven``: the compiled schema has already found it sound."""
    from ..convert import from_dict, try_structure
    from ..model import ActionPlan

    errors = list(shape_errors(data, reference=not fast))
    findings = [rule(error.code).finding(error.pointer, **error.params) for error in errors]
    # Where the compiled schema found no value of the wrong type (only values missing, unknown,
    # not allowed, badly written or out of range), every value has the type the schema gives
    # it, and the walk need not ask (a property test holds the two walks alike then). The
    # reference route walks as ever.
    typed = proven or (fast and all(error.code in _TYPES_KEPT for error in errors))
    ctx = Context(data, cat, expected=expected, sound=typed)
    at = {finding.pointer for finding in findings}
    sound = not findings
    # A value the schema already refused is not judged again by the catalogue rules.
    findings.extend(f for f in run_checks(ctx, quiet=quiet) if f.pointer not in at)
    loaded: ActionPlan | None = None
    if not any(finding.severity is Severity.ERROR for finding in findings):
        try:
            loaded = from_dict(data)
        except LoadError as error:
            findings.extend(
                rule("SP108").finding(problem.pointer, message=problem.message)
                for problem in error.problems
            )
        else:
            loaded = plan or loaded  # the plan given is the plan reported, as it was given
    elif sound:  # it fits the model even so (the errors are the catalogue's): keep the plan
        loaded = try_structure(data, ActionPlan)
    return ValidationReport(source=name, findings=findings, plan=loaded)
