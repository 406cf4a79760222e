"""``superplan import page``, ``import pages`` and ``import table``: draft plans from forces'
published pages (files or URLs, one or many) and plans from tables."""

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Parser,
    add_max_bytes,
    add_vocabulary,
    catalogue_of,
    command,
    complain,
    epilog,
    print_findings,
    say,
    write_plan,
)

if TYPE_CHECKING:
    from ..importers import ImportResult


def _cmd_import_page(args: argparse.Namespace, out: TextIO) -> int:
    from .._files import check_output_file, write_output
    from ..errors import LoadError, OutputError
    from ..importers import import_page_file, import_page_url, is_url, vocabulary

    cat = catalogue_of(args)
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
            say(sys.stderr, f"saved the page as {args.save_page}")
    elif args.save_page:
        raise OutputError(args.save_page, "--save-page keeps a fetched page; this page is a file")
    else:
        try:
            result = import_page_file(
                args.file,
                responder=args.responder,
                source_url=args.source_url,
                catalogue=cat,
                vocab=words,
                max_bytes=args.max_bytes,
            )
        except LoadError as error:  # name the page, where the reader could not
            raise (error if error.source else error.with_source(args.file)) from None
    say(sys.stderr, result.report.format_text())
    if args.report:
        report = json.dumps(result.report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        write_output(args.report, report)
    if result.report.empty and not args.allow_empty:
        complain(
            "no draft written: the page has no recommendation-level content "
            "(--allow-empty writes one anyway)"
        )
        return EXIT_PROBLEMS
    write_plan(result.plan, args.out, out)
    # A draft is written even when it does not yet validate: a person finishes it.
    return (
        EXIT_PROBLEMS
        if print_findings(result.plan, cat, "the draft") or result.report.empty
        else EXIT_OK
    )


def _cmd_import_pages(args: argparse.Namespace, out: TextIO) -> int:
    from .._files import output_folder, write_output
    from ..convert import dumps
    from ..importers import import_pages, page_sources, summary_table, vocabulary

    cat = catalogue_of(args)
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
        say(sys.stderr, f"{row.source}: {row.status}{': ' + row.note if row.note else ''}")
        rows.append(row)
    table = summary_table(rows, args.format)
    out.write(table)
    if args.report:
        write_output(args.report, table)
    return EXIT_OK if rows and all(row.status == "draft" for row in rows) else EXIT_PROBLEMS


def _cmd_import_table(args: argparse.Namespace, out: TextIO) -> int:
    from .._files import write_output
    from ..importers import ColumnMapping, import_table, vocabulary

    cat = catalogue_of(args)
    if args.responder is not None:
        cat.responder(args.responder)  # unknown: a usage error (exit 2), nothing read or written
    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    words = vocabulary(args.headers, args.statuses)
    from ..validation import validate

    imported = import_table(
        args.file, responder=args.responder, mapping=mapping, catalogue=cat, vocab=words
    )
    say(sys.stderr, imported.format_text())
    # Every finding, warnings too, placed where it is in the table (sheet, row and column).
    report = validate(imported.plan, catalogue=cat)
    placed = [(imported.place(f.pointer), f) for f in report.findings]
    if placed:
        complain(
            "the imported plan does not validate:"
            if not report.valid
            else "the imported plan is valid, with warnings:"
        )
    for where, finding in placed:
        text = f"{finding.severity} {finding.code} {finding.message}"
        complain(
            f"{imported.source}: {where}: {text}"
            if where
            else f"{imported.source}: {text} ({finding.pointer or 'the plan'})"
        )
    if args.report:
        data = imported.to_dict()
        data["findings"] = [{**f.to_dict(), "place": where} for where, f in placed]
        write_output(args.report, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    if not report.valid:
        complain("no plan written: fix the table and import it again")
        return EXIT_PROBLEMS
    write_plan(imported.plan, args.out, out)
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "import": (
        ("superplan import table cleveland.xlsx --out cleveland.json", "a filled-in template"),
        (
            "superplan import page action-plan.html --responder merseyside --out draft.json",
            "a draft plan from a published page, saved from the browser",
        ),
    ),
    "import page": (
        (
            "superplan import page action-plan.txt --responder north-yorkshire --out draft.json",
            "a draft plan from a page's text",
        ),
        (
            "superplan import page https://www.kent.police.uk/stalking-action-plan/ --responder "
            "kent --save-page kent.html --out kent.json",
            "fetch a published page, keep a copy, and draft its plan",
        ),
    ),
    "import pages": (
        (
            "superplan import pages saved-pages/ --responder kent --out drafts",
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
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    importer = commands.add_parser(
        "import",
        help="make a draft plan from a table or a web page",
        description="Make a plan from a table (CSV or XLSX) or a draft from a published page.",
        epilog=epilog(EXAMPLES["import"]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = importer.add_subparsers(dest="kind", metavar="KIND", parser_class=Parser, required=True)
    page = command(
        kinds,
        "page",
        EXAMPLES["import page"],
        "a published page (a file of plain text or HTML, or an http(s) URL to fetch)",
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
    add_vocabulary(page)
    add_max_bytes(page)
    page.set_defaults(handler=_cmd_import_page)
    pages = command(
        kinds,
        "pages",
        EXAMPLES["import pages"],
        "many published pages (a folder, or a list of URLs or files) into drafts, with a table "
        "of what each gave",
    )
    pages.add_argument("pages", metavar="FOLDER_OR_LIST")
    pages.add_argument("--out", dest="out_dir", required=True, metavar="DIR",
                       help="write a draft per page here")  # fmt: skip
    pages.add_argument("--responder", metavar="SLUG", help="the responder of every page")
    pages.add_argument("--format", choices=("text", "csv", "json"), default="text")
    pages.add_argument("--report", metavar="FILE", help="write the table here too")
    add_vocabulary(pages)
    add_max_bytes(pages)
    pages.set_defaults(handler=_cmd_import_pages)
    table = command(
        kinds,
        "table",
        EXAMPLES["import table"],
        "a CSV or XLSX table (superplan's own shape, a filled-in template, or mapped)",
    )
    table.add_argument("file", metavar="FILE")
    table.add_argument("--responder", metavar="SLUG", help="needed for a mapped table")
    table.add_argument("--mapping", metavar="FILE", help="a column mapping (JSON) for other shapes")
    table.add_argument("--out", metavar="FILE", help="write the plan here (default: stdout)")
    table.add_argument("--report", metavar="FILE", help="write how the table was read here (JSON)")
    add_vocabulary(table)
    table.set_defaults(handler=_cmd_import_table)
