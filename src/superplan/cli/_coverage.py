"""``superplan coverage``: the responders that recommendations are addressed to and that have no
plan among the files given (the national body's check of a folder of submissions)."""

import argparse
import json
from typing import TextIO

from ._base import EXIT_USAGE, Parser, add_max_bytes, catalogue_of, command, complain, say
from ._folder import FolderRun


def _cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    from .._wording import whole_number
    from ..progress import without_plans

    cat = catalogue_of(args)
    wanted: int | None = None
    if args.recommendation is not None:
        number = whole_number(args.recommendation)
        wanted = cat.recommendation(args.recommendation if number is None else number).number
    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    plans = []
    for report in run.reports(args, "reading", "plans"):
        if report.plan is None or not report.valid:
            complain(f"left out {report.source}: {report.summary()}")
        else:
            plans.append(report.plan)
    missing = without_plans(plans, recommendation=wanted, catalogue=cat)
    if args.kind:
        missing = {s: n for s, n in missing.items() if cat.responder(s).kind == args.kind}
    if args.format == "json":
        rows = [{"responder": s, "recommendations": list(n)} for s, n in missing.items()]
        json.dump({"without_plans": rows, "plans": len(plans)}, out, indent=2)
        out.write("\n")
    else:
        for slug, numbers in missing.items():
            say(out, f"{slug}: no plan; must answer {', '.join(map(str, numbers))}")
        say(out, f"{len(missing)} responder(s) with no plan among {len(plans)} plan(s) read")
    return run.exit_code(problems=bool(missing))


EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "coverage": (
        ("superplan coverage plans/ --kind force", "the forces with no plan in a folder"),
        ("superplan coverage plans/ --recommendation 7", "those recommendation 7 addresses"),
    ),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    coverage = command(
        commands,
        "coverage",
        EXAMPLES["coverage"],
        "which responders have no plan among the files given",
        description="List the responders that recommendations are addressed to and that have "
        "no plan among the files given (every valid plan counts). Exit codes: 0 every "
        "responder has one, 1 some have none, 2 trouble.",
    )
    coverage.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    coverage.add_argument(
        "--recommendation", metavar="N", help="only the responders one recommendation addresses"
    )
    coverage.add_argument(
        "--kind",
        choices=("force", "local-policing-body", "agency"),
        help="only responders of one kind (force: the 43 territorial forces)",
    )
    coverage.add_argument("--format", choices=("text", "json"), default="text")
    add_max_bytes(coverage)
    coverage.set_defaults(handler=_cmd_coverage)
