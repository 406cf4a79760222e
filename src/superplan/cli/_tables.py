"""``superplan import table``, ``export`` and ``template``: plans as spreadsheets, both ways."""

import argparse
from typing import TYPE_CHECKING, TextIO

from ._base import (
    EXIT_OK,
    EXIT_USAGE,
    TABLE_FORMATS,
    Parser,
    catalogue_of,
    command,
    complain,
    output_format,
    wrote,
)

if TYPE_CHECKING:
    pass


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from ..convert import load_plan
    from ..tables import export_table

    kind, problem = output_format(args.format, args.out, TABLE_FORMATS, default="csv")
    if problem:
        complain(problem)
        return EXIT_USAGE
    export_table(load_plan(args.plan), args.out, kind=kind, catalogue=catalogue_of(args))
    wrote(out, args.out)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from ..tables import write_template

    kind, problem = output_format(args.format, args.out, TABLE_FORMATS, default="xlsx")
    if problem:
        complain(problem)
        return EXIT_USAGE
    cat = catalogue_of(args)
    try:
        write_template(args.responder, args.out, kind=kind, catalogue=cat)
    except OSError as error:
        reason = error.strerror or str(error)
        complain(f"cannot write --out {args.out}: {reason}")
        return EXIT_USAGE
    count = len(cat.addressed_to(args.responder))
    what = "recommendation" if count == 1 else "recommendations"
    wrote(out, args.out, f": {count} {what} for {args.responder} to answer")
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "export": (
        ("superplan export examples/merseyside-police.json --out merseyside.xlsx", "a workbook"),
        ("superplan export examples/merseyside-police.json --out merseyside.csv", "a CSV table"),
    ),
    "template": (
        ("superplan template --responder cleveland --out cleveland.xlsx", "a workbook to fill in"),
        ("superplan template --responder kent --format csv --out kent.csv", "the same as CSV"),
    ),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    export = command(
        commands,
        "export",
        EXAMPLES["export"],
        "write a plan as a CSV or XLSX table",
        description="Write a plan as a CSV or XLSX table. The format follows --out's extension "
        "(.csv or .xlsx); --format, if given, must agree with it.",
    )
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--format", choices=TABLE_FORMATS, default=None)
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=_cmd_export)

    template = command(
        commands,
        "template",
        EXAMPLES["template"],
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
