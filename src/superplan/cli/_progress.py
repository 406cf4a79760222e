"""``superplan diff`` and ``superplan summarise``: versions compared, the national roll-up."""

import argparse
import json
import os
from typing import TYPE_CHECKING, TextIO

from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Parser,
    add_max_bytes,
    catalogue_of,
    command,
    complain,
    output_format,
    say,
    wrote,
)
from ._folder import FolderRun

if TYPE_CHECKING:
    pass


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from ..convert import load_plan
    from ..errors import LoadError
    from ..progress import DiffError, diff

    try:
        old, new = load_plan(args.old), load_plan(args.new)
        result = diff(old, new, catalogue=catalogue_of(args))
    except (LoadError, DiffError) as error:
        complain(str(error))
        return EXIT_USAGE
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "html":
        from pathlib import Path

        from ..render import render_diff_html

        names = (Path(args.old).name, Path(args.new).name)
        try:
            page = render_diff_html(
                old, new, catalogue=catalogue_of(args), language=args.language, names=names
            )
        except LoadError as error:  # a bad translation file
            complain(str(error))
            return EXIT_USAGE
        out.write(page)
    else:
        say(out, result.format_text())
    return EXIT_OK if result.empty else EXIT_PROBLEMS


def _cmd_summarise(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from .._files import write_output
    from ..model import to_date
    from ..progress import summarise

    try:
        as_of = to_date(args.as_of)
    except (TypeError, ValueError) as error:
        complain(f"--as-of: {error}")
        return EXIT_USAGE
    kind, problem = output_format(args.format, args.out, SUMMARY_FORMATS, default="table")
    if problem:
        complain(problem)
        return EXIT_USAGE
    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    cat = catalogue_of(args)
    plans = []
    sources: list[str] = []
    skipped = 0
    for report in run.reports(args, "reading", "plans"):
        if report.plan is None or not report.valid:
            skipped += 1
            for line in report.format_text(hints=False).splitlines()[:-1]:
                complain(line)
            complain(f"left out {report.source}: {report.summary()}")
        else:
            plans.append(report.plan)
            sources.append(report.source or "(standard input)")
    summary = summarise(plans, as_of, catalogue=cat)
    # Where a responder gave more than one plan (or none counts), say which file was used and
    # why, and which were left out: never one dropped without a word.
    for choice in summary.choices:
        if choice.used is None:
            complain(f"{choice.responder}: no plan counted; {choice.reason}")
        elif choice.left_out:
            complain(f"{choice.responder}: used {sources[choice.used]}, {choice.reason}")
        for index, why in choice.left_out:
            complain(f"{choice.responder}: left out {sources[index]}: {why}")
    if kind in ("xlsx", "ods"):
        import csv
        import io

        from ..tables import ods_bytes, xlsx_bytes

        rows = list(csv.reader(io.StringIO(summary.to_csv())))
        write = xlsx_bytes if kind == "xlsx" else ods_bytes
        say(out, f"wrote {write_output(args.out, write(rows, sheet='Roll-up'))}")
        return run.exit_code(problems=bool(skipped))
    if kind == "csv":
        text = summary.to_csv()
    elif kind == "json":
        text = summary.to_json()
    elif kind == "html":
        from ..render import render_summary_html

        text = render_summary_html(summary, language=args.language)
    else:
        text = summary.format_table()
    if args.out:
        wrote(out, write_output(args.out, text))
        if kind == "csv" and os.path.isfile(args.out):  # (not beside /dev/stdout, a pipe...)
            from ..progress import metadata_path, roll_up_metadata

            described = metadata_path(args.out)
            write_output(described, roll_up_metadata(text, Path(args.out).name, as_of))
            wrote(out, described)
    elif kind == "table":
        say(out, text.removesuffix("\n"))
    else:
        out.write(text)
    return run.exit_code(problems=bool(skipped))


SUMMARY_FORMATS = ("table", "csv", "json", "html", "xlsx", "ods")


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
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
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    diff = command(
        commands,
        "diff",
        EXAMPLES["diff"],
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

    summarise = command(
        commands,
        "summarise",
        EXAMPLES["summarise"],
        "roll many plans up as of a date: the national matrix",
    )
    summarise.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    summarise.add_argument("--as-of", required=True, metavar="DATE", help="YYYY-MM-DD")
    summarise.add_argument(
        "--format",
        choices=SUMMARY_FORMATS,
        default=None,
        help="default: table on the screen; with --out, what the file's extension says "
        "(.csv, .json, .html, .xlsx, .ods, .txt)",
    )
    summarise.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of the screen (a CSV gets FILE-metadata.json, CSVW, beside it)",
    )
    add_max_bytes(summarise)
    summarise.set_defaults(handler=_cmd_summarise)
