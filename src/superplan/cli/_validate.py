"""``superplan validate``: check plan files against the schema and the catalogue."""

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from ._base import EXIT_USAGE, Parser, add_max_bytes, command, say
from ._folder import FolderRun

if TYPE_CHECKING:
    pass


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from ..validation import merge

    run = FolderRun(args.paths)
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
            say(out, report.format_text(hints=not args.no_hints))
        say(out, summary)
    return run.exit_code(problems=bool(failing))


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "validate": (
        ("superplan validate examples/", "every *.json plan in a folder"),
        ("superplan validate --strict examples/north-yorkshire-police.json", "warnings fail too"),
        (
            "superplan validate examples/ --amendments tests/data/amendments/full-report.json",
            "with the full report's wording supplied",
        ),
    )
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    validate = command(
        commands,
        "validate",
        EXAMPLES["validate"],
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
    add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)
