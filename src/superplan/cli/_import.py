"""``superplan import page``: a draft plan from a force's published page."""

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Parser,
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
    pass


def _cmd_import_page(args: argparse.Namespace, out: TextIO) -> int:
    from .._files import write_output
    from ..errors import LoadError
    from ..importers import import_page_file, vocabulary

    cat = catalogue_of(args)
    cat.responder(args.responder)  # an unknown responder is a usage error (exit 2), nothing read
    words = vocabulary(args.headers, args.statuses)
    try:
        result = import_page_file(
            args.file,
            responder=args.responder,
            source_url=args.source_url,
            catalogue=cat,
            vocab=words,
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


def _cmd_import_table(args: argparse.Namespace, out: TextIO) -> int:
    from .._files import write_output
    from ..importers import ColumnMapping, import_table, vocabulary

    cat = catalogue_of(args)
    if args.responder is not None:
        cat.responder(args.responder)  # unknown: a usage error (exit 2), nothing read or written
    mapping = ColumnMapping.load(args.mapping) if args.mapping else None
    words = vocabulary(args.headers, args.statuses)
    imported = import_table(
        args.file, responder=args.responder, mapping=mapping, catalogue=cat, vocab=words
    )
    say(sys.stderr, imported.format_text())
    if args.report:
        write_output(
            args.report, json.dumps(imported.to_dict(), ensure_ascii=False, indent=2) + "\n"
        )
    if print_findings(imported.plan, cat, "the imported plan"):
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
            "superplan import page tests/data/pages/merseyside-police-action-plan.txt "
            "--responder merseyside --out draft.json",
            "a draft plan from a published page",
        ),
    ),
    "import page": (
        (
            "superplan import page "
            "tests/data/pages/north-yorkshire-police-action-plan.txt --responder "
            "north-yorkshire --out draft.json",
            "a draft plan from a page's text",
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
        kinds, "page", EXAMPLES["import page"], "a published page, as plain text or HTML"
    )
    page.add_argument("file", metavar="FILE")
    page.add_argument("--responder", required=True, metavar="SLUG")
    page.add_argument("--source-url", metavar="URL", help="where the page is published")
    page.add_argument("--out", metavar="FILE", help="write the draft plan here (default: stdout)")
    page.add_argument("--report", metavar="FILE", help="write the import report here (JSON)")
    page.add_argument(
        "--allow-empty",
        action="store_true",
        help="write a draft even when the page has no recommendation-level content",
    )
    add_vocabulary(page)
    page.set_defaults(handler=_cmd_import_page)
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
