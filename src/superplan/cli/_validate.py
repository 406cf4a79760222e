"""``superplan validate``: check plan files against the schema and the catalogue."""

import argparse
import json
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple, TextIO

from ._base import EXIT_USAGE, Parser, add_max_bytes, command, say
from ._folder import FolderRun, usable_cores
from ._meter import watched as _watched

if TYPE_CHECKING:
    from ..validation import ValidationReport


#: Without --jobs, runs of fewer files than this are checked in one process: starting a pool
#: costs about as much as checking a few dozen plans.
POOL_FROM = 32


class _Options(NamedTuple):
    json: bool
    hints: bool
    strict: bool


class _Printed(NamedTuple):
    """All that ``validate`` keeps of a file's report: what it prints of it, and its counts."""

    text: str
    valid: bool
    warned: bool
    passes: bool
    codes: tuple[str, ...]


def _printed(report: "ValidationReport", options: _Options) -> _Printed:
    if options.json:
        # One entry of the "files" list, as json.dump(..., indent=2) writes it two levels in.
        entry = json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        text = "    " + entry.replace("\n", "\n    ")
    else:
        text = _said(report.format_text(hints=options.hints))
    return _Printed(
        text,
        report.valid,
        report.valid and bool(report.warnings),
        report.passes(strict=options.strict),
        report.codes,
    )


def _said(text: str) -> str:
    """What :func:`say` writes for ``text``."""
    from ..errors import printable

    return "\n".join(printable(line) for line in text.split("\n")) + "\n"


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    options = _Options(json=args.format == "json", hints=not args.no_hints, strict=args.strict)
    jobs = args.jobs
    if jobs is None:  # by default, a pool only where it pays for starting its processes
        jobs = usable_cores() if len(run.paths) >= POOL_FROM else 1
    files = with_errors = warned = failing = 0
    codes: Counter[str] = Counter()
    results = run.kept(args, "validating", "files", _printed, options, jobs=jobs)
    if options.json:
        out.write('{\n  "files": [')
    # When stdout is the terminal the progress line is drawn on, the line is rubbed out before
    # each report is printed (and drawn again after it).
    shared = _watched(out)
    for printed in results:
        if shared:
            run.clear()
        if options.json:
            out.write(",\n" if files else "\n")
        out.write(printed.text)
        files += 1
        with_errors += not printed.valid
        warned += printed.warned
        failing += not printed.passes
        codes.update(printed.codes)
    summary = (
        f"{files} file(s) checked: {files - with_errors} valid, "
        f"{with_errors} with errors, {warned} valid with warnings"
    )
    if options.json:
        payload = {
            "files": files,
            "valid": files - with_errors,
            "with_errors": with_errors,
            "with_warnings": warned,
            "strict": args.strict,
            "passed": not failing,
            "counts": dict(codes.most_common()),
        }
        shown = json.dumps(payload, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(("\n  ]" if files else "]") + ',\n  "summary": ' + shown + "\n}\n")
    else:
        say(out, summary)
    return run.exit_code(problems=bool(failing))


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"give 1 or more, not {value}")
    return value


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "validate": (
        ("superplan validate examples/", "every *.json plan in a folder"),
        (
            "superplan validate --strict --jobs 1 examples/",
            "warnings fail too; one process (by default, one per usable core)",
        ),
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
    validate.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="check files in N processes at once (default: one per usable core, for 32 files or "
        "more); the output is the same, in the same order",
    )
    add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)
