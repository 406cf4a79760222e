"""The ``superplan`` command: a thin layer over the library.

Exit codes: 0 success, 1 findings in the input, 2 a usage or input/output problem (a bad path, an
unreadable or too large file, an output that cannot be written), 3 a bug in superplan, 130
interrupted (Ctrl-C).
"""

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .catalogue import Catalogue
    from .importers import ImportResult
    from .model import ActionPlan, Addressee
    from .validation import Rule, ValidationReport

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

#: Problems (by kind) with reading or writing a file rather than with what it holds: exit 2.
_IO_KINDS = frozenset({"unreadable-file", "unreadable", "unreadable-xlsx", "too-large"})
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


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist). Each is (command line, what it does).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "": (
        ("superplan validate examples/", "check every plan in a folder"),
        ("superplan rules SP205", "what a finding code means and how to fix it"),
        ("superplan template --responder cleveland --out cleveland.xlsx", "a plan to fill in"),
    ),
    "catalogue": (
        ("superplan catalogue", "the 29 recommendations"),
        ("superplan catalogue --addressee north-yorkshire", "those one force must answer"),
    ),
    "show": (
        ("superplan show 19", "recommendation 19 in full"),
        ("superplan show online-stalking --format json", "the same, by slug, as JSON"),
    ),
    "validate": (
        ("superplan validate examples/", "every *.json plan in a folder"),
        ("superplan validate --strict examples/north-yorkshire-police.json", "warnings fail too"),
        (
            "superplan validate examples/ --amendments tests/data/amendments/full-report.json",
            "with the full report's wording supplied",
        ),
    ),
    "render": (
        ("superplan render examples/ --out site", "an HTML page per plan, and an index"),
        ("superplan render examples/ --format markdown --out pages", "the same in Markdown"),
    ),
    "site": (("superplan site --out reference", "the catalogue as a website"),),
    "diff": (
        (
            "superplan diff examples/merseyside-police.json examples/merseyside-police.json",
            "what changed between two versions of a plan",
        ),
        ("superplan diff old.json new.json --format json", "the same, as JSON"),
    ),
    "summarise": (
        ("superplan summarise examples/ --as-of 2025-03-27", "the national matrix"),
        (
            "superplan summarise examples/ --as-of 2025-03-27 --out national.csv",
            "a CSV for analysts, with CSVW metadata beside it",
        ),
    ),
    "import": (
        ("superplan import table cleveland.xlsx --out cleveland.json", "a filled-in template"),
        (
            "superplan import page tests/data/pages/merseyside-police-action-plan.txt "
            "--responder merseyside --out draft.json",
            "a draft plan from a published page",
        ),
    ),
    "import page": (
        (
            "superplan import page tests/data/pages/north-yorkshire-police-action-plan.txt --responder north-yorkshire "
            "--out draft.json",
            "a draft plan from a page's text",
        ),
        (
            "superplan import page https://www.kent.police.uk/stalking-action-plan/ --responder kent "
            "--save-page kent.html --out kent.json",
            "fetch a published page, keep a copy, and draft its plan",
        ),
    ),
    "import pages": (
        (
            "superplan import pages tests/data/pages-layouts --responder surrey --out drafts",
            "a draft per page of a folder, and a table of what each gave",
        ),
        (
            "superplan import pages urls.txt --out drafts --format csv",
            "pages listed one a line (a URL or file, then its responder's slug)",
        ),
    ),
    "import table": (
        ("superplan import table cleveland.xlsx --out cleveland.json", "a filled-in template"),
        ("superplan import table plan.csv --out plan.json", "a table `export` wrote"),
    ),
    "export": (
        ("superplan export examples/merseyside-police.json --out merseyside.xlsx", "a workbook"),
        ("superplan export examples/merseyside-police.json --out merseyside.csv", "a CSV table"),
    ),
    "template": (
        ("superplan template --responder cleveland --out cleveland.xlsx", "a workbook to fill in"),
        ("superplan template --responder kent --format csv --out kent.csv", "the same as CSV"),
    ),
    "rules": (
        ("superplan rules", "every finding code"),
        ("superplan rules SP205", "one code: meaning, example, fix and docs"),
    ),
    "docs": (
        ("superplan docs --out superplan-docs", "the documentation, offline, as Markdown"),
        ("superplan docs --path", "where the installed documentation is"),
    ),
    "schema": (
        ("superplan schema", "the schemas' names"),
        ("superplan schema action-plan --path", "the schema file, for an editor's settings"),
        ("superplan schema --write schemas", "every schema, as files"),
    ),
}


def _epilog(command: str) -> str:
    lines = ["examples:"]
    for invocation, meaning in EXAMPLES[command]:
        lines += [f"  {invocation}", f"      {meaning}"]
    return "\n".join(lines)


def _add_globals(parser: argparse.ArgumentParser, *, late: bool) -> None:
    """The options every command takes, before the command or after it.

    After the command they are stored under ``late_*`` names (absent unless given), so that they
    neither overwrite nor are overwritten by the same options given before it.
    """
    prefix, default = ("late_", argparse.SUPPRESS) if late else ("", None)
    parser.add_argument(
        "--amendments",
        dest=prefix + "amendments",
        metavar="FILE",
        action="append",
        default=default,
        help="apply a catalogue amendment file (may be given more than once)",
    )
    parser.add_argument(
        "--language",
        dest=prefix + "language",
        metavar="LANG",
        default=default,
        help="the language of pages: a shipped language (en) or a translation file",
    )
    parser.add_argument(
        "--no-progress",
        dest=prefix + "no_progress",
        action="store_true",
        default=default if late else False,
        help="never show progress (it is shown only when stderr is a terminal)",
    )


def _merge_globals(args: argparse.Namespace) -> None:
    args.amendments = (args.amendments or []) + vars(args).pop("late_amendments", [])
    args.language = vars(args).pop("late_language", None) or args.language or "en"
    args.no_progress = vars(args).pop("late_no_progress", False) or args.no_progress


def _command(
    group: "argparse._SubParsersAction[_Parser]",
    name: str,
    help_text: str,
    *,
    key: str | None = None,
    description: str | None = None,
) -> argparse.ArgumentParser:
    parser = group.add_parser(
        name,
        help=help_text,
        description=description or help_text[0].upper() + help_text[1:] + ".",
        epilog=_epilog(key or name),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_globals(parser, late=True)
    return parser


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="superplan",
        description="The stalking super-complaint's recommendations, and the plans that answer "
        "them.\nThe options below may also be given after the command.",
        epilog=_epilog(""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"superplan {_version()}")
    _add_globals(parser, late=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    cat = _command(commands, "catalogue", "list the 29 recommendations")
    cat.add_argument("--format", choices=("text", "json"), default="text")
    cat.add_argument(
        "--addressee",
        metavar="SLUG",
        help="only those a responder or addressee must answer (a force, e.g. north-yorkshire)",
    )
    cat.set_defaults(handler=_cmd_catalogue)

    show = _command(commands, "show", "one recommendation in full")
    show.add_argument("recommendation", help="its number (1 to 29) or slug")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_cmd_show)

    validate = _command(
        commands,
        "validate",
        "check action plan files (JSON) against the schema and the catalogue",
        description="Check action plan files (JSON) against the schema and the catalogue. "
        "Exit codes: 0 all files pass, 1 a file has errors (or, with --strict, "
        "warnings), 2 the command was used wrongly or a file could not be read (or is too "
        "large), 3 a bug in superplan.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="make warnings fail too")
    validate.add_argument("--no-hints", action="store_true", help="leave out what-to-do lines")
    _add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)

    render = _command(commands, "render", "write a page for each action plan, and an index page")
    render.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    render.add_argument("--format", choices=("html", "markdown"), default="html")
    render.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    _add_max_bytes(render)
    render.set_defaults(handler=_cmd_render)

    site = _command(commands, "site", "write the catalogue's reference site (HTML)")
    site.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    site.set_defaults(handler=_cmd_site)

    diff = _command(
        commands,
        "diff",
        "compare two versions of one plan",
        description="Compare two versions of one plan. Exit codes: 0 no differences, "
        "1 differences, 2 trouble (unreadable input, or two different responders' plans).",
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="html: a comparison page, words changed marked as taken out and put in",
    )
    diff.set_defaults(handler=_cmd_diff)

    summarise = _command(
        commands, "summarise", "roll many plans up as of a date: the national matrix"
    )
    summarise.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    summarise.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
    summarise.add_argument(
        "--format",
        choices=("table", "csv", "json", "html"),
        default=None,
        help="default: table on the screen; with --out, what the file's extension says",
    )
    summarise.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of the screen (a CSV gets FILE-metadata.json, CSVW, beside it)",
    )
    _add_max_bytes(summarise)
    summarise.set_defaults(handler=_cmd_summarise)

    importer = commands.add_parser(
        "import",
        help="make a draft plan from a table or a web page",
        description="Make a plan from a table (CSV or XLSX) or a draft from a published page.",
        epilog=_epilog("import"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = importer.add_subparsers(
        dest="kind", metavar="KIND", parser_class=_Parser, required=True
    )
    page = _command(
        kinds,
        "page",
        "a published page (a file of plain text or HTML, or an http(s) URL to fetch)",
        key="import page",
    )
    page.add_argument("file", metavar="FILE_OR_URL")
    page.add_argument("--responder", required=True, metavar="SLUG")
    page.add_argument("--source-url", metavar="URL", help="where the page is published")
    page.add_argument("--out", metavar="FILE", help="write the draft plan here (default: stdout)")
    page.add_argument("--report", metavar="FILE", help="write the import report here (JSON)")
    page.add_argument(
        "--allow-empty",
        action="store_true",
        help="write a draft even when the page has no recommendation-level content",
    )
    page.add_argument(
        "--save-page", metavar="FILE", help="keep a copy of the fetched page here (a URL only)"
    )
    _add_vocabulary(page)
    _add_max_bytes(page)
    page.set_defaults(handler=_cmd_import_page)
    pages = _command(
        kinds,
        "pages",
        "many published pages (a folder, or a list of URLs or files) into drafts, with a table "
        "of what each gave",
        key="import pages",
    )
    pages.add_argument("pages", metavar="FOLDER_OR_LIST")
    pages.add_argument("--out", dest="out_dir", required=True, metavar="DIR",
                       help="write a draft per page here")  # fmt: skip
    pages.add_argument("--responder", metavar="SLUG", help="the responder of every page")
    pages.add_argument("--format", choices=("text", "csv", "json"), default="text")
    pages.add_argument("--report", metavar="FILE", help="write the table here too")
    _add_vocabulary(pages)
    _add_max_bytes(pages)
    pages.set_defaults(handler=_cmd_import_pages)
    table = _command(
        kinds,
        "table",
        "a CSV or XLSX table (superplan's own shape, a filled-in template, or mapped)",
        key="import table",
    )
    table.add_argument("file", metavar="FILE")
    table.add_argument("--responder", metavar="SLUG", help="needed for a mapped table")
    table.add_argument("--mapping", metavar="FILE", help="a column mapping (JSON) for other shapes")
    table.add_argument("--out", metavar="FILE", help="write the plan here (default: stdout)")
    table.add_argument("--report", metavar="FILE", help="write how the table was read here (JSON)")
    _add_vocabulary(table)
    table.set_defaults(handler=_cmd_import_table)

    export = _command(
        commands,
        "export",
        "write a plan as a CSV or XLSX table",
        description="Write a plan as a CSV or XLSX table. The format follows --out's extension "
        "(.csv or .xlsx); --format, if given, must agree with it.",
    )
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--format", choices=TABLE_FORMATS, default=None)
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=_cmd_export)

    template = _command(
        commands,
        "template",
        "write a plan template for one responder to fill in (XLSX or CSV)",
        description="Write a plan template for one responder: a row per recommendation "
        "addressed to it, with the catalogue's title, deadline and official wording (or "
        "'not held'), drop-down lists for the answers, and an instructions sheet. "
        "`superplan import table` reads the filled-in file back as a plan.",
    )
    template.add_argument(
        "--responder", required=True, metavar="SLUG", help="a force (cleveland) or other responder"
    )
    template.add_argument("--format", choices=TABLE_FORMATS, default=None)
    template.add_argument("--out", required=True, metavar="FILE")
    template.set_defaults(handler=_cmd_template)

    rules = _command(
        commands, "rules", "explain the finding codes validate can report (all, or one)"
    )
    rules.add_argument("code", nargs="?", metavar="CODE", help="one code (SP205) or name")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(handler=_cmd_rules)

    docs = _command(commands, "docs", "write the documentation (Markdown) for reading offline")
    where = docs.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help="copy the documentation into DIR")
    where.add_argument("--path", action="store_true", help="print where it is installed")
    docs.set_defaults(handler=_cmd_docs)

    schema = _command(commands, "schema", "print a published JSON Schema, or write them all")
    schema.add_argument("name", nargs="?", help="a schema name; leave out to list them")
    schema.add_argument("--write", metavar="DIR", help="write every schema into DIR")
    schema.add_argument(
        "--path",
        action="store_true",
        help="print the path of the installed schema file (for an editor's settings)",
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


TABLE_FORMATS = ("csv", "xlsx")


def _add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES})",
    )


def _add_vocabulary(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--headers",
        metavar="FILE",
        help="more column-heading synonyms (JSON, the shape of the shipped headers.json)",
    )
    parser.add_argument(
        "--statuses",
        metavar="FILE",
        help="more status words (JSON, the shape of the shipped statuses.json)",
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
    _merge_globals(args)
    handler: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        _check_outputs(args)  # before any work: an --out mistake costs nothing
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


#: Output options that name a folder (all others name a file).
_FOLDER_OUTPUTS = {("render", "out"), ("site", "out"), ("docs", "out"), ("schema", "write")}


def _check_outputs(args: argparse.Namespace) -> None:
    """One rule for every command's output paths (``--out``, ``--report``, ``--write``): the
    parent folder must exist, a folder must not be a file (and the other way round), and it must
    be writable. Raises :class:`OutputError` (exit 2) naming the path and what to do."""
    from ._output import check_output_file, output_folder
    from .errors import OutputError
    from .files import STDIN

    given = [getattr(args, name, None) for name in ("file", "plan", "old", "new")]
    given += list(getattr(args, "paths", None) or [])
    inputs = {os.path.realpath(p) for p in given if isinstance(p, str) and p != STDIN}
    for option in ("out", "report", "write"):
        value = getattr(args, option, None)
        if not isinstance(value, str):
            continue
        if (args.command, option) in _FOLDER_OUTPUTS:
            output_folder(value)
            continue
        check_output_file(value)
        if os.path.realpath(value) in inputs:
            raise OutputError(
                value,
                "this is an input of the command; writing here would replace it, so give "
                "another name",
            )


def _bad_argument(argv: list[str]) -> str | None:
    """An argument no path or name can hold (a NUL byte, bytes that are not UTF-8), escaped."""
    from .errors import printable
    from .files import path_problem

    for argument in argv:
        if argument == "":
            return "an empty argument was given; give a path or a name"
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
        from .files import STDIN, GivenPath, expand_paths

        self.given = paths
        self.paths: list[Path | GivenPath] = []
        self.bugs = 0
        self.unreadable = 0
        seen: set[str] = set()
        for path in expand_paths(paths):
            # A file given twice (or found twice) is read once: a roll-up would count it twice.
            name = os.fspath(path)
            # realpath would take "plan.json/" for "plan.json": such a name is its own key.
            key = name if name == STDIN or isinstance(path, GivenPath) else os.path.realpath(name)
            if key in seen:
                _complain(f"{path}: given more than once; read once")
                continue
            seen.add(key)
            self.paths.append(path)

    def reports(
        self, args: argparse.Namespace, doing: str, things: str
    ) -> "Iterator[ValidationReport]":
        from ._meter import metered
        from .validation import validate

        cat = _catalogue(args)
        for path in metered(self.paths, doing, things, enabled=not args.no_progress):
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
    from ._words import whole_number
    from .catalogue._describe import describe
    from .convert import dumps

    cat = _catalogue(args)
    number = whole_number(args.recommendation)
    ref: int | str = args.recommendation if number is None else number
    rec = cat.recommendation(ref)
    if args.format == "json":
        out.write(dumps(rec))
        return EXIT_OK
    _say(out, describe(rec, cat).removesuffix("\n"))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from .validation._findings import merge

    run = _FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    reports = list(run.reports(args, "validating", "files"))
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
    sources: dict[int, str] = {}
    failed = 0
    for report in run.reports(args, "reading", "plans"):
        if report.plan is None or not report.valid:
            failed += 1
            _say(out, report.format_text(hints=False))
        else:
            plans.append(report.plan)
            sources[id(report.plan)] = report.source or ""

    def tripped(plan: "ActionPlan", error: Exception) -> None:  # a bug: say so, go on
        run.bugs += 1
        _internal_error(error, about=f"{sources[id(plan)]}: rendering: ")

    written = write_pages(
        plans, Path(args.out), kind=args.format, catalogue=cat, language=texts, on_error=tripped
    )
    for path in written:
        _say(out, f"wrote {path}")
    # A page an earlier run wrote stays as it was (nothing the user has is removed); say so, so
    # that an out-of-date page is not published unawares.
    for path in sorted(set(Path(args.out).glob(f"*{written[-1].suffix}")) - set(written)):
        _complain(f"{path}: not written by this run, left as it was; the index does not link it")
    if failed:
        _say(out, f"{failed} file(s) not rendered: fix the errors above.")
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
        old, new = load_plan(args.old), load_plan(args.new)
        result = diff(old, new, catalogue=_catalogue(args))
    except (LoadError, DiffError) as error:
        _complain(str(error))
        return EXIT_USAGE
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "html":
        from pathlib import Path

        from .render import render_diff_html

        names = (Path(args.old).name, Path(args.new).name)
        try:
            page = render_diff_html(
                old, new, catalogue=_catalogue(args), language=args.language, names=names
            )
        except LoadError as error:  # a bad translation file
            print(f"superplan: {error}", file=sys.stderr)
            return EXIT_USAGE
        out.write(page)
    else:
        _say(out, result.format_text())
    return EXIT_OK if result.empty else EXIT_PROBLEMS


def _cmd_summarise(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from ._output import write_output
    from .model import to_date
    from .progress import summarise

    try:
        as_of = to_date(args.as_of)
    except (TypeError, ValueError) as error:
        _complain(f"--as-of: {error}")
        return EXIT_USAGE
    kind, problem = _output_format(args.format, args.out, SUMMARY_FORMATS, default="table")
    if problem:
        _complain(problem)
        return EXIT_USAGE
    run = _FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    cat = _catalogue(args)
    plans = []
    sources: list[str] = []
    skipped = 0
    for report in run.reports(args, "reading", "plans"):
        if report.plan is None or not report.valid:
            skipped += 1
            for line in report.format_text(hints=False).splitlines()[:-1]:
                _complain(line)
            _complain(f"left out {report.source}: {report.summary()}")
        else:
            plans.append(report.plan)
            sources.append(report.source or "(standard input)")
    summary = summarise(plans, as_of, catalogue=cat)
    # Where a responder gave more than one plan (or none counts), say which file was used and
    # why, and which were left out: never one dropped without a word.
    for choice in summary.choices:
        if choice.used is None:
            _complain(f"{choice.responder}: no plan counted; {choice.reason}")
        elif choice.left_out:
            _complain(f"{choice.responder}: used {sources[choice.used]}, {choice.reason}")
        for index, why in choice.left_out:
            _complain(f"{choice.responder}: left out {sources[index]}: {why}")
    if kind == "csv":
        text = summary.to_csv()
    elif kind == "json":
        text = summary.to_json()
    elif kind == "html":
        from .render._summary_page import render_summary_html

        text = render_summary_html(summary, language=args.language)
    else:
        text = summary.format_table()
    if args.out:
        _say(out, f"wrote {write_output(args.out, text)}")
        if kind == "csv":
            from ._csvw import metadata_path, roll_up_metadata

            described = metadata_path(args.out)
            write_output(described, roll_up_metadata(text, Path(args.out).name, as_of))
            _say(out, f"wrote {described}")
    elif kind == "table":
        _say(out, text.removesuffix("\n"))
    else:
        out.write(text)
    return run.exit_code(problems=bool(skipped))


def _write_plan(plan: "ActionPlan", destination: str | None, out: TextIO) -> None:

    from ._output import write_output
    from .convert import dumps

    text = dumps(plan)
    if destination:
        write_output(destination, text)
        _say(out, f"wrote {destination}")
    else:
        out.write(text)


def _cmd_import_page(args: argparse.Namespace, out: TextIO) -> int:
    from ._output import check_output_file, write_output
    from .errors import OutputError
    from .importers import import_page_file, vocabulary
    from .importers._fetch import import_page_url, is_url

    cat = _catalogue(args)
    cat.responder(args.responder)  # an unknown responder is a usage error (exit 2), nothing read
    words = vocabulary(args.headers, args.statuses)
    if is_url(args.file):
        if args.save_page:
            check_output_file(args.save_page)
        result, fetched = import_page_url(
            args.file, responder=args.responder, max_bytes=args.max_bytes, catalogue=cat,
            vocab=words,
        )  # fmt: skip
        if args.save_page:
            write_output(args.save_page, fetched.body)
            _say(sys.stderr, f"saved the page as {args.save_page}")
    elif args.save_page:
        raise OutputError(args.save_page, "--save-page keeps a fetched page; this page is a file")
    else:
        result = import_page_file(
            args.file,
            responder=args.responder,
            source_url=args.source_url,
            catalogue=cat,
            vocab=words,
            max_bytes=args.max_bytes,
        )
    _say(sys.stderr, result.report.format_text())
    if args.report:
        report = json.dumps(result.report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_output(args.report, report)
    if result.report.empty and not args.allow_empty:
        _complain(
            "no draft written: the page has no recommendation-level content "
            "(--allow-empty writes one anyway)"
        )
        return EXIT_PROBLEMS
    _write_plan(result.plan, args.out, out)
    # A draft is written even when it does not yet validate: a person finishes it.
    return (
        EXIT_PROBLEMS
        if _findings(result.plan, cat, "the draft") or result.report.empty
        else EXIT_OK
    )


def _cmd_import_pages(args: argparse.Namespace, out: TextIO) -> int:
    from ._output import output_folder, write_output
    from .convert import dumps
    from .importers import vocabulary
    from .importers._batch import import_pages, page_sources, summary_table

    cat = _catalogue(args)
    if args.responder is not None:
        cat.responder(args.responder)
    folder = output_folder(args.out_dir)
    words = vocabulary(args.headers, args.statuses)
    sources = page_sources(args.pages, max_bytes=args.max_bytes)

    def write(name: str, result: "ImportResult") -> str:
        path = folder / name
        write_output(path, dumps(result.plan), folder=folder)
        return str(path)

    rows = []
    for row, _result in import_pages(
        sources, write=write, catalogue=cat, vocab=words, responder=args.responder,
        max_bytes=args.max_bytes,
    ):  # fmt: skip
        _say(sys.stderr, f"{row.source}: {row.status}{': ' + row.note if row.note else ''}")
        rows.append(row)
    table = summary_table(rows, args.format)
    out.write(table)
    if args.report:
        write_output(args.report, table)
    return EXIT_OK if rows and all(row.status == "draft" for row in rows) else EXIT_PROBLEMS


def _cmd_import_table(args: argparse.Namespace, out: TextIO) -> int:
    from ._output import write_output
    from .importers import ColumnMapping, import_table, vocabulary

    cat = _catalogue(args)
    if args.responder is not None:
        cat.responder(args.responder)  # unknown: a usage error (exit 2), nothing read or written
    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    words = vocabulary(args.headers, args.statuses)
    imported = import_table(
        args.file, responder=args.responder, mapping=mapping, catalogue=cat, vocab=words
    )
    _say(sys.stderr, imported.format_text())
    if args.report:
        write_output(
            args.report, json.dumps(imported.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )
    if _findings(imported.plan, cat, "the imported plan"):
        _complain("no plan written: fix the table and import it again")
        return EXIT_PROBLEMS
    _write_plan(imported.plan, args.out, out)
    return EXIT_OK


def _findings(plan: "ActionPlan", cat: "Catalogue", what: str) -> bool:
    """Print the plan's validation errors (to stderr); True if there are any."""
    from .validation import validate

    report = validate(plan, catalogue=cat)
    if report.valid:
        return False
    _complain(f"{what} does not validate:")
    _say(sys.stderr, report.format_text())
    return True


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import load_plan
    from .importers import export_table

    kind, problem = _output_format(args.format, args.out, TABLE_FORMATS, default="csv")
    if problem:
        _complain(problem)
        return EXIT_USAGE
    export_table(load_plan(args.plan), args.out, kind=kind, catalogue=_catalogue(args))
    _say(out, f"wrote {args.out}")
    return EXIT_OK


SUMMARY_FORMATS = ("table", "csv", "json", "html")
_EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".html": "html", ".htm": "html"}


def _output_format(
    given: str | None, out: str | None, allowed: Sequence[str], *, default: str
) -> tuple[str, str | None]:
    """The format to write: the one ``--out``'s extension names, else ``--format``, else the
    default; and a problem to report when ``--format`` contradicts the extension."""
    from pathlib import Path

    named = _EXTENSIONS.get(Path(out).suffix.lower()) if out else None
    if named is not None and named in allowed:
        if given is not None and given != named:
            return named, (
                f"--format {given} contradicts --out {out} (a .{named} name); "
                f"leave out --format, or name the file .{given}"
            )
        return named, None
    return given or default, None


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from ._template import write_template

    kind, problem = _output_format(args.format, args.out, TABLE_FORMATS, default="xlsx")
    if problem:
        _complain(problem)
        return EXIT_USAGE
    cat = _catalogue(args)
    try:
        write_template(args.responder, args.out, kind=kind, catalogue=cat)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"superplan: cannot write --out {args.out}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    count = len(cat.addressed_to(args.responder))
    what = "recommendation" if count == 1 else "recommendations"
    _say(out, f"wrote {args.out}: {count} {what} for {args.responder} to answer")
    return EXIT_OK


def _cmd_docs(args: argparse.Namespace, out: TextIO) -> int:

    from ._output import output_folder, write_output
    from ._shipped import docs_folder

    folder = docs_folder()
    if folder is None:
        print("superplan: this installation has no documentation files", file=sys.stderr)
        return EXIT_USAGE
    if args.path:
        out.write(f"{folder}\n")
        return EXIT_OK
    target = output_folder(args.out)
    pages = sorted(folder.glob("*.md"))
    for page in pages:
        write_output(target / page.name, page.read_bytes(), folder=target)
    out.write(f"wrote {len(pages)} pages to {target}; start at {target / 'index.md'}\n")
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from .validation import RULES
    from .validation._docs import render_rules_markdown

    if args.code is not None:
        return _explain_rule(args.code, args.format, out)
    if args.format == "markdown":
        out.write(render_rules_markdown())
    elif args.format == "json":
        json.dump([_rule_dict(r) for r in RULES], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for r in RULES:
            out.write(f"{r.code}  {r.severity:<7}  {r.name:<26}  {r.title}\n")
    return EXIT_OK


def _rule_dict(rule: "Rule") -> dict[str, object]:
    from .validation._findings import DOCS_PAGE

    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "title": rule.title,
        "message": rule.message,
        "hint": rule.hint,
        "example": repr(rule.bad) if isinstance(rule.bad, bytes) else rule.bad,
        "fixed": repr(rule.fixed) if isinstance(rule.fixed, bytes) else rule.fixed,
        "docs": f"{DOCS_PAGE}#{rule.code.lower()}",
    }


def _plain(example: object) -> str:
    """A rule's example document for a terminal: raw text as it is, JSON indented."""
    if isinstance(example, bytes):
        return repr(example)
    if isinstance(example, str):
        return example
    return json.dumps(example, ensure_ascii=False, indent=2)


def _explain_rule(code: str, form: str, out: TextIO) -> int:
    import difflib
    import textwrap

    from ._shipped import docs_folder
    from .validation import RULES
    from .validation._docs import _PLACEHOLDER, _section
    from .validation._findings import DOCS_PAGE

    wanted = code.strip().lower()
    rule = next((r for r in RULES if wanted in (r.code.lower(), r.name)), None)
    if rule is None:
        names = [r.code for r in RULES] + [r.name for r in RULES]
        near = difflib.get_close_matches(
            code.strip().upper(), names, n=3
        ) or difflib.get_close_matches(wanted, names, n=3)
        also = f"; did you mean {' or '.join(near)}?" if near else ""
        print(
            f"superplan: there is no finding code {code!r}{also} (`superplan rules` lists them)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    anchor = f"{DOCS_PAGE}#{rule.code.lower()}"
    if form == "json":
        json.dump(_rule_dict(rule), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    if form == "markdown":
        out.write(_section(rule) + "\n")
        return EXIT_OK
    folder = docs_folder()
    installed = f" (installed: {folder / 'rules.md'}#{rule.code.lower()})" if folder else ""
    weight = (
        "an error: the plan is wrong, and fails validation"
        if rule.severity == "error"
        else "a warning: probably a mistake or something missing; it fails only with --strict"
    )
    lines = [
        f"{rule.code} {rule.title} ({rule.name})",
        "",
        f"What it means: {rule.title}. This is {weight}.",
        "What validate says: " + _PLACEHOLDER.sub(r"<\1>", rule.message),
    ]
    if rule.bad is not None:
        lines += ["", "An example that triggers it:", textwrap.indent(_plain(rule.bad), "  ")]
    lines += ["", "How to fix it: " + _PLACEHOLDER.sub(r"<\1>", rule.hint)]
    if rule.fixed is not None:
        lines += ["", "Fixed:", textwrap.indent(_plain(rule.fixed), "  ")]
    lines += ["", f"Docs: {anchor}{installed}"]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:

    from ._jsontext import canonical_json
    from ._output import output_folder, write_output
    from ._schema import SCHEMA_NAMES, schema

    if args.path:
        return _schema_path(args.name or "action-plan", out)
    if args.write:
        folder = output_folder(args.write)
        for name in SCHEMA_NAMES:
            write_output(
                folder / f"{name}.schema.json", canonical_json(schema(name)), folder=folder
            )
        out.write(f"wrote {len(SCHEMA_NAMES)} schemas to {folder}\n")
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


def _schema_path(name: str, out: TextIO) -> int:
    from ._schema import SCHEMA_NAMES
    from ._shipped import schema_file

    if name not in SCHEMA_NAMES:
        print(f"superplan: no schema {name!r}; one of: {', '.join(SCHEMA_NAMES)}", file=sys.stderr)
        return EXIT_USAGE
    path = schema_file(name)
    if path is None:
        print(
            "superplan: this installation has no schema files; write them with "
            "`superplan schema --write DIR`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    out.write(f"{path}\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
