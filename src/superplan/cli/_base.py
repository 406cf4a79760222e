"""What every command shares: exit codes, the parser class and common options, writing for a
person to read, and turning an error into its exit code.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..model import ActionPlan


EXIT_OK = 0


EXIT_PROBLEMS = 1


EXIT_USAGE = 2


EXIT_INTERNAL = 3


EXIT_INTERRUPTED = 130


#: Problems (by kind) with reading or writing a file rather than with what it holds: exit 2.
#: (``cell-too-long``: a text the workbook being written cannot hold.)
IO_KINDS = frozenset(
    {"unreadable-file", "unreadable", "unreadable-xlsx", "too-large", "cell-too-long"}
)

#: What the command says when memory runs out (exit 2).
OUT_OF_MEMORY = (
    "out of memory: the input is too large to handle with the memory available; split it, "
    "or give superplan more memory (reading a plan takes about 30 times its size)"
)


#: The findings that say the same of a file in a folder run.
IO_CODES = frozenset({"SP001", "SP002"})


#: Kept in step with superplan.validation.DEFAULT_MAX_BYTES (a test checks); not imported, so
#: that `superplan --version` stays fast.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def version() -> str:
    from .._version import __version__

    return __version__


def epilog(examples: "Sequence[tuple[str, str]]") -> str:
    """A command's ``--help`` examples: each invocation, then what it does."""
    lines = ["examples:"]
    for invocation, meaning in examples:
        lines += [f"  {invocation}", f"      {meaning}"]
    return "\n".join(lines)


def add_globals(parser: argparse.ArgumentParser, *, late: bool) -> None:
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


def merge_globals(args: argparse.Namespace) -> None:
    args.amendments = (args.amendments or []) + vars(args).pop("late_amendments", [])
    args.language = vars(args).pop("late_language", None) or args.language or "en"
    args.no_progress = vars(args).pop("late_no_progress", False) or args.no_progress


def command(
    group: "argparse._SubParsersAction[Parser]",
    name: str,
    examples: "Sequence[tuple[str, str]]",
    help_text: str,
    *,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """A command (or an ``import`` kind) in ``group``, taking the global options too."""
    parser = group.add_parser(
        name,
        help=help_text,
        description=description or help_text[0].upper() + help_text[1:] + ".",
        epilog=epilog(examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_globals(parser, late=True)
    return parser


TABLE_FORMATS = ("csv", "xlsx")


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES})",
    )


def add_vocabulary(parser: argparse.ArgumentParser) -> None:
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


def say(out: TextIO, text: str) -> None:
    """Write lines for a person to read: control, bidi and invisible characters escaped."""
    from ..errors import printable

    out.write("\n".join(printable(line) for line in text.split("\n")) + "\n")


def shown(path: "str | os.PathLike[str]") -> str:
    """A file name inside a line for a person: every control character escaped, line breaks
    too, so that a name cannot start a line of its own."""
    from ..errors import printable

    return printable(os.fspath(path))


def wrote(out: TextIO, path: "str | os.PathLike[str]", more: str = "") -> None:
    """The ``wrote NAME`` line: on ``out``, or on standard error when NAME is a stream
    (``/dev/stdout``, a pipe), so that the line never mixes into the data written there."""
    import stat

    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        special = False
    say(sys.stderr if special else out, f"wrote {shown(path)}{more}")


def complain(text: str) -> None:
    """Problems for a person to read, one line each (a message of many cells is many lines),
    each escaped as :func:`say` does."""
    from ..errors import printable

    for line in text.split("\n"):
        print(printable(f"superplan: {line}"), file=sys.stderr)


def internal_error(error: BaseException, about: str = "") -> int:
    if os.environ.get("SUPERPLAN_DEBUG"):
        raise error
    complain(
        f"{about}internal error ({type(error).__name__}: {error}). This is a bug in superplan; "
        "please report it with the input. Set SUPERPLAN_DEBUG=1 to see details."
    )
    return EXIT_INTERNAL


def silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at nothing so that no second error shows.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def exit_code_for(error: Exception) -> int:
    """1 for problems in what an input holds; 2 for the rest (a file that cannot be read or
    written, an unknown name given on the command line)."""
    from ..errors import LoadError

    if isinstance(error, LoadError):
        io = all(problem.kind in IO_KINDS for problem in error.problems)
        return EXIT_USAGE if io else EXIT_PROBLEMS
    return EXIT_USAGE


def catalogue_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ..catalogue import catalogue

    return catalogue(args.amendments)


def amended_catalogue(args: argparse.Namespace) -> "Catalogue | None":
    """The catalogue amended as ``--amendments`` say, or None when none were given: validation
    then checks against the shipped catalogue's index, and builds the catalogue only if a finding
    needs it."""
    return catalogue_of(args) if args.amendments else None


def check_responder(cat: "Catalogue | None", slug: str) -> None:
    """Raise :class:`~superplan.UnknownAgency` (a usage error) if the catalogue (the shipped one
    for None) knows no responder ``slug``."""
    if cat is None:
        from ..catalogue import shipped_index

        index = shipped_index()
        if index.responder(slug) is not None:
            return  # known: the catalogue itself is not built
        cat = index.full()
    cat.responder(slug)


def write_plan(plan: "ActionPlan", destination: str | None, out: TextIO) -> None:

    from .._files import write_output
    from ..convert import dumps

    text = dumps(plan)
    if destination:
        write_output(destination, text)
        wrote(out, destination)
    else:
        out.write(text)


def print_findings(plan: "ActionPlan", cat: "Catalogue", what: str) -> bool:
    """Print the plan's validation errors (to stderr); True if there are any."""
    from ..validation import validate

    report = validate(plan, catalogue=cat)
    if report.valid:
        return False
    complain(f"{what} does not validate:")
    say(sys.stderr, report.format_text())
    return True


_EXTENSIONS = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".ods": "ods",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".txt": "table",
    ".xls": "xls",
}


def output_format(
    given: str | None, out: str | None, allowed: Sequence[str], *, default: str
) -> tuple[str, str | None]:
    """The format to write: the one ``--out``'s extension names, else ``--format``, else the
    default; and a problem to report when ``--format`` contradicts the extension."""
    from pathlib import Path

    suffix = Path(out).suffix.lower() if out else ""
    named = _EXTENSIONS.get(suffix)
    if named is not None and named not in allowed:
        # Never write one format under another's name (text in an .xlsx, CSV in an .ods).
        return given or default, (
            f"--out {out}: this command does not write {suffix} files; name the file "
            + " or ".join(k for k, v in _EXTENSIONS.items() if v in allowed and k != ".htm")
        )
    if named is not None:
        if given is not None and given != named:
            return named, (
                f"--format {given} contradicts --out {out} (a .{named} name); "
                f"leave out --format, or name the file .{given}"
            )
        return named, None
    return given or default, None
