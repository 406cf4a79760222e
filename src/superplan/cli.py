"""The ``superplan`` command: a thin layer over the library.

Exit codes: 0 success, 1 findings in the input, 2 a usage or input/output problem (a bad path, an
unreadable or too large file, an output that cannot be written), 3 a bug in superplan, 130
interrupted (Ctrl-C).
"""

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .model import ActionPlan, Addressee
    from .validation import ValidationReport

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

#: Problems (by kind) with reading or writing a file rather than with what it holds: exit 2.
_IO_KINDS = frozenset({"unreadable-file", "too-large", "unwritable"})
#: The findings that say the same of a file in a folder run.
_IO_CODES = frozenset({"SP001", "SP002"})

#: Kept in step with superplan.validation.DEFAULT_MAX_BYTES (a test checks); not imported, so
#: that `superplan --version` stays fast.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _version() -> str:
    from ._version import __version__

    return __version__


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="superplan",
        description="The stalking super-complaint's recommendations, and the plans that answer them.",
    )
    parser.add_argument("--version", action="version", version=f"superplan {_version()}")
    parser.add_argument(
        "--amendments",
        metavar="FILE",
        action="append",
        help="apply a catalogue amendment file (may be given more than once)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    cat = commands.add_parser("catalogue", help="list the 29 recommendations")
    cat.add_argument("--format", choices=("text", "json"), default="text")
    cat.add_argument(
        "--addressee",
        metavar="SLUG",
        help="only those a responder or addressee must answer (a force, e.g. north-yorkshire)",
    )
    cat.set_defaults(handler=_cmd_catalogue)

    show = commands.add_parser("show", help="one recommendation in full")
    show.add_argument("recommendation", help="its number (1 to 29) or slug")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_cmd_show)

    validate = commands.add_parser(
        "validate",
        help="check action plan files (JSON) against the schema and the catalogue",
        description="Exit codes: 0 all files pass, 1 a file has errors (or, with --strict, "
        "warnings), 2 the command was used wrongly or a file could not be read (or is too "
        "large), 3 a bug in superplan.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="make warnings fail too")
    validate.add_argument("--no-hints", action="store_true", help="leave out what-to-do lines")
    _add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)

    render = commands.add_parser(
        "render", help="write a page for each action plan, and an index page"
    )
    render.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    render.add_argument("--format", choices=("html", "markdown"), default="html")
    render.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    _add_language(render)
    _add_max_bytes(render)
    render.set_defaults(handler=_cmd_render)

    site = commands.add_parser("site", help="write the catalogue's reference site (HTML)")
    site.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    _add_language(site)
    site.set_defaults(handler=_cmd_site)

    diff = commands.add_parser(
        "diff",
        help="compare two versions of one plan",
        description="Exit codes: 0 no differences, 1 differences, 2 trouble (unreadable input, "
        "or two different responders' plans).",
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.set_defaults(handler=_cmd_diff)

    summarise = commands.add_parser(
        "summarise", help="roll many plans up as of a date: the national matrix"
    )
    summarise.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    summarise.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
    summarise.add_argument("--format", choices=("table", "csv", "json", "html"), default="table")
    summarise.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    _add_language(summarise)
    _add_max_bytes(summarise)
    summarise.set_defaults(handler=_cmd_summarise)

    importer = commands.add_parser("import", help="make a draft plan from a table or a web page")
    kinds = importer.add_subparsers(
        dest="kind", metavar="KIND", parser_class=_Parser, required=True
    )
    page = kinds.add_parser("page", help="a published page, as plain text or HTML")
    page.add_argument("file", metavar="FILE")
    page.add_argument("--responder", required=True, metavar="SLUG")
    page.add_argument("--source-url", metavar="URL", help="where the page is published")
    page.add_argument("--out", metavar="FILE", help="write the draft plan here (default: stdout)")
    page.add_argument("--report", metavar="FILE", help="write the import report here (JSON)")
    page.set_defaults(handler=_cmd_import_page)
    table = kinds.add_parser("table", help="a CSV or XLSX table")
    table.add_argument("file", metavar="FILE")
    table.add_argument("--responder", metavar="SLUG", help="needed for a mapped table")
    table.add_argument("--mapping", metavar="FILE", help="a column mapping (JSON) for other shapes")
    table.add_argument("--out", metavar="FILE", help="write the plan here (default: stdout)")
    table.set_defaults(handler=_cmd_import_table)

    export = commands.add_parser("export", help="write a plan as a CSV or XLSX table")
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=_cmd_export)

    rules = commands.add_parser("rules", help="list the finding codes validate can report")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(handler=_cmd_rules)

    schema = commands.add_parser("schema", help="print a published JSON Schema, or write them all")
    schema.add_argument("name", nargs="?", help="a schema name; leave out to list them")
    schema.add_argument("--write", metavar="DIR", help="write every schema into DIR")
    schema.set_defaults(handler=_cmd_schema)
    return parser


def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language",
        default="en",
        metavar="LANG",
        help="for pages: a shipped language (en) or a translation file",
    )


def _add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Every way out goes through here: one line
    on stderr for any problem, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # Whatever the terminal's encoding, a character it cannot show is written escaped.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    except KeyboardInterrupt:
        print("superplan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into `head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_OK


def _run(argv: list[str]) -> int:
    from .errors import SuperplanError

    bad = _bad_argument(argv)
    if bad is not None:
        print(f"superplan: {bad}", file=sys.stderr)
        return EXIT_USAGE
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args, sys.stdout)
    except SuperplanError as error:
        _complain(str(error))
        return _exit_code_for(error)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except OSError as error:  # reading or writing failed somewhere not foreseen: still I/O
        where = f"{error.filename}: " if error.filename else ""
        _complain(f"{where}{error.strerror or error}")
        return EXIT_USAGE
    except Exception as error:  # a bug: say so plainly, not as a traceback
        return _internal_error(error)


def _bad_argument(argv: list[str]) -> str | None:
    """An argument no path or name can hold (a NUL byte, bytes that are not UTF-8), escaped."""
    from .errors import printable
    from .files import path_problem

    for argument in argv:
        problem = path_problem(argument)
        if problem is not None:
            return f"'{printable(argument)}': {problem}"
    return None


def _say(out: TextIO, text: str) -> None:
    """Write lines for a person to read: control, bidi and invisible characters escaped."""
    from .errors import printable

    out.write("\n".join(printable(line) for line in text.split("\n")) + "\n")


def _complain(text: str) -> None:
    from .errors import printable

    print(printable(f"superplan: {text}"), file=sys.stderr)


def _internal_error(error: BaseException, about: str = "") -> int:
    if os.environ.get("SUPERPLAN_DEBUG"):
        raise error
    _complain(
        f"{about}internal error ({type(error).__name__}: {error}). This is a bug in superplan; "
        "please report it with the input. Set SUPERPLAN_DEBUG=1 to see details."
    )
    return EXIT_INTERNAL


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at nothing so that no second error shows.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _exit_code_for(error: Exception) -> int:
    """1 for problems in what an input holds; 2 for the rest (a file that cannot be read or
    written, an unknown name given on the command line)."""
    from .errors import LoadError

    if isinstance(error, LoadError):
        io = all(problem.kind in _IO_KINDS for problem in error.problems)
        return EXIT_USAGE if io else EXIT_PROBLEMS
    return EXIT_USAGE


class _FolderRun:
    """The plan files a command was given, each checked on its own: a file that cannot be read,
    or that trips a bug, is reported with its path and the others still go through."""

    def __init__(self, paths: Sequence[str]) -> None:
        from .files import expand_paths

        self.given = paths
        self.paths = list(expand_paths(paths))
        self.bugs = 0
        self.unreadable = 0

    def reports(self, args: argparse.Namespace) -> "Iterator[ValidationReport]":
        from .validation import validate

        cat = _catalogue(args)
        for path in self.paths:
            try:
                report = validate(path, catalogue=cat, max_bytes=args.max_bytes)
            except Exception as error:
                self.bugs += 1
                _internal_error(error, about=f"{path}: ")
                continue
            if _IO_CODES.intersection(report.codes):
                self.unreadable += 1
            yield report

    def nothing_found(self) -> bool:
        if self.paths:
            return False
        _complain("no .json files found in " + " ".join(self.given))
        return True

    def exit_code(self, *, problems: bool) -> int:
        """3 if a file tripped a bug, 2 if one could not be read, 1 for findings, else 0."""
        if self.bugs:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_PROBLEMS if problems else EXIT_OK


def _catalogue(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .catalogue import catalogue

    return catalogue(args.amendments)


def _cmd_catalogue(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import to_dict

    cat = _catalogue(args)
    recs = cat.addressed_to(args.addressee) if args.addressee else cat.recommendations
    if args.format == "json":
        json.dump([to_dict(rec) for rec in recs], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = [("No.", "Slug", "Deadline", "Addressees", "Wording", "Title")]
    for rec in recs:
        deadline = cat.deadline(rec.number)
        addressees = _addressee_summary(rec.addressees)
        rows.append(
            (
                str(rec.number) + ("?" if rec.numbering.certainty != "confirmed" else ""),
                rec.slug,
                deadline.isoformat() if deadline else "unknown",
                addressees or "unknown",
                str(rec.wording.certainty),
                rec.title,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        _say(out, "  ".join([*cells, row[-1]]).rstrip())
    out.write(
        f"\n{len(recs)} recommendation(s). '?' marks a number or addressee inferred, not confirmed.\n"
    )
    return EXIT_OK


def _addressee_summary(addressees: "Sequence[Addressee]") -> str:
    if len(addressees) > 3:
        inferred = sum(1 for a in addressees if a.certainty == "inferred")
        return f"{len(addressees)} addressees ({inferred} inferred)"
    return ", ".join(a.agency + ("?" if a.certainty == "inferred" else "") for a in addressees)


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import dumps

    cat = _catalogue(args)
    from ._words import whole_number

    number = whole_number(args.recommendation)
    ref: int | str = args.recommendation if number is None else number
    rec = cat.recommendation(ref)
    if args.format == "json":
        out.write(dumps(rec))
        return EXIT_OK
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    lines = [f"Recommendation {rec.number}: {rec.title}", f"Slug: {rec.slug}"]
    numbering = f"Number: {rec.numbering.certainty}"
    if rec.numbering.range:
        numbering += f" (known only to lie in {rec.numbering.range[0]}-{rec.numbering.range[1]})"
    lines.append(numbering)
    deadline = cat.deadline(rec.number)
    if deadline is not None and rec.deadline.value is not None:
        milestone = cat.milestone(rec.deadline.value)
        lines.append(f"Deadline: {deadline.format('D MMMM YYYY')} ({milestone.title.lower()})")
    else:
        lines.append(f"Deadline: not known. {rec.deadline.note or ''}".rstrip())
    if rec.addressees:
        lines.append("Addressed to:")
        for addressee in rec.addressees:
            name = cat.agency(addressee.agency).name
            lines.append(f"  - {name} ({addressee.certainty})")
    else:
        lines.append(f"Addressed to: {rec.addressees_note or 'not known'}")
    lines.append("")
    if rec.wording.value is not None:
        lines.append(
            f"Official wording ({rec.wording.certainty}; {', '.join(rec.wording.sources)}):"
        )
        for paragraph in rec.wording.value:
            lines.extend(wrap.wrap(paragraph))
    else:
        lines.append("Official wording: not held by the catalogue.")
        if rec.wording.note:
            lines.extend(wrap.wrap(rec.wording.note))
    if rec.sub_points.value:
        lines.append("Sub-points:")
        for point in rec.sub_points.value:
            lines.extend(wrap.wrap("- " + point))
    elif rec.sub_points.certainty == "unknown" and rec.sub_points.note:
        lines.append("Sub-points: not held by the catalogue.")
        lines.extend(wrap.wrap(rec.sub_points.note))
    lines.append("")
    if rec.themes:
        lines.append("Themes (editorial): " + ", ".join(rec.themes))
    if rec.related:
        lines.append("Related: " + ", ".join(str(n) for n in rec.related))
    for note in rec.notes:
        lines.extend(textwrap.wrap("Note: " + note, width=88))
    _say(out, "\n".join(lines).rstrip())
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from .validation._findings import merge

    run = _FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    reports = list(run.reports(args))
    failing = [r for r in reports if not r.passes(strict=args.strict)]
    with_errors = sum(1 for r in reports if not r.valid)
    warned = sum(1 for r in reports if r.valid and r.warnings)
    summary = (
        f"{len(reports)} file(s) checked: {len(reports) - with_errors} valid, "
        f"{with_errors} with errors, {warned} valid with warnings"
    )
    if args.format == "json":
        payload = {
            "files": [report.to_dict() for report in reports],
            "summary": {
                "files": len(reports),
                "valid": len(reports) - with_errors,
                "with_errors": with_errors,
                "with_warnings": warned,
                "strict": args.strict,
                "passed": not failing,
                "counts": merge(reports),
            },
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for report in reports:
            _say(out, report.format_text(hints=not args.no_hints))
        _say(out, summary)
    return run.exit_code(problems=bool(failing))


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .render import messages, write_pages

    run = _FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    texts = messages(args.language)  # a bad translation file stops here, before any writing
    cat = _catalogue(args)
    plans = []
    failed = 0
    for report in run.reports(args):
        if report.plan is None or not report.valid:
            failed += 1
            _say(out, report.format_text(hints=False))
        else:
            plans.append(report.plan)
    written = write_pages(plans, Path(args.out), kind=args.format, catalogue=cat, language=texts)
    for path in written:
        _say(out, f"wrote {path}")
    if failed:
        out.write(f"{failed} file(s) not rendered: fix the errors above.\n")
    return run.exit_code(problems=bool(failed))


def _cmd_site(args: argparse.Namespace, out: TextIO) -> int:
    from .render import build_site

    written = build_site(args.out, catalogue=_catalogue(args), language=args.language)
    _say(out, f"wrote {len(written)} pages to {args.out}")
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import load_plan
    from .errors import LoadError
    from .progress import DiffError, diff

    try:
        result = diff(load_plan(args.old), load_plan(args.new), catalogue=_catalogue(args))
    except (LoadError, DiffError) as error:
        _complain(str(error))
        return EXIT_USAGE
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _say(out, result.format_text())
    return EXIT_OK if result.empty else EXIT_PROBLEMS


def _cmd_summarise(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .model import to_date
    from .progress import summarise

    try:
        as_of = to_date(args.as_of)
    except (TypeError, ValueError) as error:
        _complain(f"--as-of: {error}")
        return EXIT_USAGE
    run = _FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    cat = _catalogue(args)
    plans = []
    skipped = 0
    for report in run.reports(args):
        if report.plan is None or not report.valid:
            skipped += 1
            for line in report.format_text(hints=False).splitlines()[:-1]:
                _complain(line)
            _complain(f"left out {report.source}: {report.summary()}")
        else:
            plans.append(report.plan)
    summary = summarise(plans, as_of, catalogue=cat)
    if args.format == "csv":
        text = summary.to_csv()
    elif args.format == "json":
        text = summary.to_json()
    elif args.format == "html":
        from .render._summary_page import render_summary_html

        text = render_summary_html(summary, language=args.language)
    else:
        text = summary.format_table()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8", newline="")
        _say(out, f"wrote {args.out}")
    elif args.format == "table":
        _say(out, text.removesuffix("\n"))
    else:
        out.write(text)
    return run.exit_code(problems=bool(skipped))


def _write_plan(plan: "ActionPlan", destination: str | None, out: TextIO) -> None:
    from pathlib import Path

    from .convert import dumps

    text = dumps(plan)
    if destination:
        Path(destination).write_text(text, encoding="utf-8")
        _say(out, f"wrote {destination}")
    else:
        out.write(text)


def _cmd_import_page(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .importers import import_page_file
    from .validation import validate

    cat = _catalogue(args)
    result = import_page_file(
        args.file, responder=args.responder, source_url=args.source_url, catalogue=cat
    )
    _say(sys.stderr, result.report.format_text())
    if args.report:
        Path(args.report).write_text(
            json.dumps(result.report.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
    _write_plan(result.plan, args.out, out)
    return EXIT_OK if validate(result.plan, catalogue=cat).valid else EXIT_PROBLEMS


def _cmd_import_table(args: argparse.Namespace, out: TextIO) -> int:
    from .importers import ColumnMapping, table_to_plan
    from .validation import validate

    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    plan = table_to_plan(args.file, responder=args.responder, mapping=mapping)
    _write_plan(plan, args.out, out)
    return EXIT_OK if validate(plan, catalogue=_catalogue(args)).valid else EXIT_PROBLEMS


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import load_plan
    from .importers import export_table

    export_table(load_plan(args.plan), args.out, kind=args.format, catalogue=_catalogue(args))
    _say(out, f"wrote {args.out}")
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from .validation import RULES
    from .validation._docs import render_rules_markdown

    if args.format == "markdown":
        out.write(render_rules_markdown())
    elif args.format == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": str(r.severity),
                "title": r.title,
                "message": r.message,
                "hint": r.hint,
            }
            for r in RULES
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for r in RULES:
            out.write(f"{r.code}  {r.severity:<7}  {r.name:<26}  {r.title}\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from ._jsontext import canonical_json
    from ._schema import SCHEMA_NAMES, schema

    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for name in SCHEMA_NAMES:
            (folder / f"{name}.schema.json").write_text(canonical_json(schema(name)), "utf-8")
        _say(out, f"wrote {len(SCHEMA_NAMES)} schemas to {folder}")
        return EXIT_OK
    if args.name is None:
        out.write("\n".join(SCHEMA_NAMES) + "\n")
        return EXIT_OK
    try:
        out.write(canonical_json(schema(args.name)))
    except LookupError as error:
        print(f"superplan: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
