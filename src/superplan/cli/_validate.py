"""``superplan validate``: check plan files against the schema and the catalogue; in the forms CI
systems read (``--format github|sarif|junit``), with the rules chosen (``--select``,
``--ignore``, ``[tool.superplan]`` in ``pyproject.toml``)."""

import argparse
import json
import sys
from typing import TextIO

from ._base import EXIT_USAGE, Parser, add_max_bytes, command, say
from ._folder import FolderRun


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from ..validation import merge
    from ._choice import Choice

    choice = Choice.from_args(args)
    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    reports = [
        report.filtered(select=choice.select, ignore=choice.ignore)
        for report in run.reports(args, "validating", "files", responder=args.responder)
    ]
    failing = [r for r in reports if not r.passes(strict=choice.strict)]
    with_errors = sum(1 for r in reports if not r.valid)
    warned = sum(1 for r in reports if r.valid and r.warnings)
    summary = (
        f"{len(reports)} file(s) checked: {len(reports) - with_errors} valid, "
        f"{with_errors} with errors, {warned} valid with warnings"
    )
    if args.format in ("github", "sarif", "junit"):
        from ..validation import github_report, junit_report, sarif_report

        if args.format == "junit":
            out.write(junit_report(reports, strict=choice.strict, docs_base=choice.docs_url))
        else:
            write = github_report if args.format == "github" else sarif_report
            out.write(write(reports, docs_base=choice.docs_url))
        if args.format == "github":
            say(sys.stderr, summary)
    elif args.format == "json":
        payload = {
            "files": [report.to_dict(docs_base=choice.docs_url) for report in reports],
            "summary": {
                "files": len(reports),
                "valid": len(reports) - with_errors,
                "with_errors": with_errors,
                "with_warnings": warned,
                "strict": choice.strict,
                "passed": not failing,
                "counts": merge(reports),
            },
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for report in reports:
            text = report.format_text(
                hints=not args.no_hints, show_all=choice.show_all, docs_base=choice.docs_url
            )
            say(out, text)
        say(out, summary)
    return run.exit_code(problems=bool(failing))


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "validate": (
        ("superplan validate examples/", "every *.json plan in a folder"),
        ("superplan validate --strict examples/north-yorkshire-police.json", "warnings fail too"),
        (
            "superplan validate plans/ --format github --ignore SP215",
            "annotations for a GitHub workflow, leaving out one code",
        ),
    )
}


def add_rule_choice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select",
        metavar="CODE",
        action="append",
        help="report only these codes, or codes beginning so (SP2); may be given more than "
        "once; replaces [tool.superplan] select",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODE",
        action="append",
        help="never report these codes, or codes beginning so; adds to [tool.superplan] ignore",
    )
    parser.add_argument(
        "--show-all",
        action="store_true",
        default=None,
        help="every finding of a rule that fires for many recommendations (default: the "
        "first, and how many more)",
    )
    parser.add_argument(
        "--docs-url",
        metavar="URL",
        help="where a finding's docs link points (default: $SUPERPLAN_DOCS_URL, "
        "[tool.superplan] docs-url, else the installed docs)",
    )


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
    validate.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif", "junit"),
        default="text",
        help="github: workflow annotations; sarif: SARIF 2.1.0 (code scanning); junit: JUnit XML",
    )
    validate.add_argument(
        "--strict", action="store_true", default=None, help="make warnings fail too"
    )
    validate.add_argument("--no-hints", action="store_true", help="leave out what-to-do lines")
    add_rule_choice(validate)
    validate.add_argument(
        "--responder",
        metavar="SLUG",
        help="the responder every file must be from (another's plan is an error, SP222)",
    )
    add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)
