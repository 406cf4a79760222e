"""``superplan validate``: check plan files against the schema and the catalogue; in the forms CI
systems read (``--format github|sarif|junit``), with the rules chosen (``--select``,
``--ignore``, ``[tool.superplan]`` in ``pyproject.toml``), in several processes for a folder
(``--jobs``), streaming: a file's report is printed and let go as soon as it is ready."""

import argparse
import json
import sys
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple, TextIO

from ._base import EXIT_USAGE, Parser, add_max_bytes, command, say
from ._folder import FolderRun, usable_cores
from ._meter import watched as _watched

if TYPE_CHECKING:
    from ..validation import ValidationReport
    from ._choice import Choice


#: Without --jobs, runs of fewer files than this are checked in one process: starting a pool
#: costs about as much as checking a few dozen plans.
POOL_FROM = 32

#: The formats CI systems read: each is written whole, from every file's findings, at the end.
_CI_FORMATS = ("github", "sarif", "junit")


class _Options(NamedTuple):
    format: str
    hints: bool
    choice: "Choice"


class _Printed(NamedTuple):
    """All that ``validate`` keeps of a file's report: what it prints of it, its counts, and for
    the CI formats its findings (without the plan)."""

    text: str
    valid: bool
    warned: bool
    passes: bool
    counts: dict[str, int]
    findings: "ValidationReport | None"


def _printed(report: "ValidationReport", options: _Options) -> _Printed:
    choice = options.choice
    report = report.filtered(select=choice.select, ignore=choice.ignore)
    findings = None
    if options.format == "json":
        # One entry of the "files" list, as json.dump(..., indent=2) writes it two levels in.
        entry = json.dumps(report.to_dict(docs_base=choice.docs_url), indent=2, ensure_ascii=False)
        text = "    " + entry.replace("\n", "\n    ")
    elif options.format in _CI_FORMATS:
        text = ""
        import attrs  # here, not at the top: --help builds this parser and must stay light

        findings = attrs.evolve(report, plan=None)  # all a CI format needs, and it pickles
    else:
        shown = report.format_text(
            hints=options.hints, show_all=choice.show_all, docs_base=choice.docs_url
        )
        text = _said(shown)
    return _Printed(
        text,
        report.valid,
        report.valid and bool(report.warnings),
        report.passes(strict=choice.strict),
        report.counts(),
        findings,
    )


def _said(text: str) -> str:
    """What :func:`say` writes for ``text``."""
    from ..errors import printable

    return "\n".join(printable(line) for line in text.split("\n")) + "\n"


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from ._choice import Choice

    choice = Choice.from_args(args)
    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    options = _Options(format=args.format, hints=not args.no_hints, choice=choice)
    jobs = args.jobs
    if jobs is None:  # by default, a pool only where it pays for starting its processes
        jobs = usable_cores() if len(run.paths) >= POOL_FROM else 1
    results = run.kept(
        args, "validating", "files", _printed, options, jobs=jobs, responder=args.responder
    )
    tally = _Tally()
    if args.format == "json":
        out.write('{\n  "files": [')
    # When stdout is the terminal the progress line is drawn on, the line is rubbed out before
    # each report is printed (and drawn again after it).
    shared = _watched(out)
    for printed in results:
        if shared:
            run.clear()
        if args.format == "json":
            out.write(",\n" if tally.files else "\n")
        out.write(printed.text)
        tally.add(printed)
    summary = (
        f"{tally.files} file(s) checked: {tally.files - tally.with_errors} valid, "
        f"{tally.with_errors} with errors, {tally.warned} valid with warnings"
    )
    if args.format == "json":
        _end_json(out, tally, choice.strict)
    elif args.format in _CI_FORMATS:
        _write_ci(out, args.format, tally.reports, choice)
        if args.format == "github":
            say(sys.stderr, summary)
    else:
        say(out, summary)
    return run.exit_code(problems=bool(tally.failing))


class _Tally:
    """The counts a run's summary gives, and the findings the CI formats write at its end."""

    def __init__(self) -> None:
        self.files = self.with_errors = self.warned = self.failing = 0
        self.codes: Counter[str] = Counter()
        self.reports: list[ValidationReport] = []

    def add(self, printed: _Printed) -> None:
        self.files += 1
        self.with_errors += not printed.valid
        self.warned += printed.warned
        self.failing += not printed.passes
        self.codes.update(printed.counts)
        if printed.findings is not None:
            self.reports.append(printed.findings)


def _end_json(out: TextIO, tally: _Tally, strict: bool) -> None:
    payload = {
        "files": tally.files,
        "valid": tally.files - tally.with_errors,
        "with_errors": tally.with_errors,
        "with_warnings": tally.warned,
        "strict": strict,
        "passed": not tally.failing,
        "counts": dict(tally.codes.most_common()),
    }
    shown = json.dumps(payload, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    out.write(("\n  ]" if tally.files else "]") + ',\n  "summary": ' + shown + "\n}\n")


def _write_ci(out: TextIO, form: str, reports: "list[ValidationReport]", choice: "Choice") -> None:
    from ..validation import github_report, junit_report, sarif_report

    if form == "junit":
        out.write(junit_report(reports, strict=choice.strict, docs_base=choice.docs_url))
    else:
        write = github_report if form == "github" else sarif_report
        out.write(write(reports, docs_base=choice.docs_url))


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
    validate.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="check files in N processes at once (default: one per usable core, for 32 files or "
        "more); the output is the same, in the same order",
    )
    add_max_bytes(validate)
    validate.set_defaults(handler=_cmd_validate)
