"""The ``superplan`` command: a thin layer over the library.

Exit codes: 0 success, 1 findings in the input, 2 a usage or input/output problem (a bad path, an
unreadable or too large file, an output that cannot be written), 3 a bug in superplan, 130
interrupted (Ctrl-C).
"""

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from . import (
    _catalogue,
    _coverage,
    _import,
    _pages,
    _progress,
    _reference,
    _serve,
    _tables,
    _validate,
)
from ._base import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    OUT_OF_MEMORY,
    Parser,
    add_globals,
    complain,
    epilog,
    exit_code_for,
    internal_error,
    merge_globals,
    silence_stdout,
    version,
)

if TYPE_CHECKING:
    from collections.abc import Iterator


#: The command modules, in the order ``--help`` lists their commands. Each holds its parser
#: (``add_commands``), its handlers and its ``--help`` examples.
_COMMANDS = (
    _catalogue,
    _validate,
    _coverage,
    _pages,
    _progress,
    _import,
    _tables,
    _reference,
    _serve,
)

#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist). Each is (command line, what it does).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "": (
        ("superplan validate examples/", "check every plan in a folder"),
        ("superplan rules SP205", "what a finding code means and how to fix it"),
        ("superplan template --responder cleveland --out cleveland.xlsx", "a plan to fill in"),
    ),
}
for _module in _COMMANDS:
    EXAMPLES.update(_module.EXAMPLES)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the global options, and every command's parser."""
    parser = Parser(
        prog="superplan",
        description="The stalking super-complaint's recommendations, and the plans that answer "
        "them.\nThe options below may also be given after the command.",
        epilog=epilog(EXAMPLES[""]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"superplan {version()}")
    add_globals(parser, late=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in _COMMANDS:
        module.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Every way out goes through here: one line
    on stderr for any problem, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # Whatever the terminal's encoding, a character it cannot show is written escaped.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        with _signals_interrupt():
            return _run(sys.argv[1:] if argv is None else list(argv))
    except _Terminated as signalled:  # SIGTERM, SIGHUP: quietly, as the shell expects
        return 128 + signalled.signum
    except KeyboardInterrupt:
        print("superplan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into `head`: the reader has all it wanted
        silence_stdout()
        return EXIT_OK


class _Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwound like Ctrl-C (a file being written is removed, the
    old one left as it was), then the command exits 128 + the signal's number, quietly."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_interrupt() -> "Iterator[None]":
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    wanted = [signal.SIGTERM, getattr(signal, "SIGHUP", None)]
    before = {s: signal.signal(s, stop) for s in wanted if s is not None}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def _run(argv: list[str]) -> int:
    from ..errors import SuperplanError

    bad = _bad_argument(argv)
    if bad is not None:
        print(f"superplan: {bad}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    merge_globals(args)
    handler: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        from .._files import protecting

        inputs = _input_files(args)
        _check_outputs(args)  # before any work: an --out mistake costs nothing
        with protecting(inputs):  # no write may replace an input, however it is spelled
            return handler(args, sys.stdout)
    except MemoryError:
        complain(OUT_OF_MEMORY)
        return EXIT_USAGE
    except SuperplanError as error:
        complain(str(error))
        return exit_code_for(error)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except OSError as error:  # reading or writing failed somewhere not foreseen: still I/O
        where = f"{error.filename}: " if error.filename else ""
        complain(f"{where}{error.strerror or error}")
        return EXIT_USAGE
    except Exception as error:  # a bug: say so plainly, not as a traceback
        return internal_error(error)


#: Output options that name a folder (all others name a file).
_FOLDER_OUTPUTS = {("render", "out"), ("site", "out"), ("docs", "out"), ("schema", "write")}


def _input_files(args: argparse.Namespace) -> list[str]:
    """Every file the command reads: the paths given, and the files inside folders given."""
    from .._files import STDIN, expand_paths

    names = ("file", "plan", "old", "new", "mapping", "headers", "statuses", "language")
    given = [getattr(args, name, None) for name in names]
    given += list(getattr(args, "paths", None) or [])
    given += list(getattr(args, "amendments", None) or [])
    named = [p for p in given if isinstance(p, str) and p != STDIN]
    return [os.fspath(p) for p in expand_paths(named)]  # a folder: the *.json files read


def _check_outputs(args: argparse.Namespace) -> None:
    """One rule for every command's output paths (``--out``, ``--report``, ``--write``): the
    parent folder must exist, a folder must not be a file (and the other way round), it must
    be writable, it must not be an input of the command (checked again at each write, by the
    file a path leads to) and two options must not name one file. Raises :class:`OutputError`
    (exit 2) naming the path and what to do."""
    from .._files import check_output_file, file_identity, output_folder, protecting
    from ..errors import OutputError

    written: dict[object, str] = {}
    with protecting(_input_files(args)):
        for option in ("out", "report", "write"):
            value = getattr(args, option, None)
            if not isinstance(value, str):
                continue
            if (args.command, option) in _FOLDER_OUTPUTS:
                output_folder(value)
                continue
            check_output_file(value)
            same = file_identity(value) or os.path.realpath(value)
            if value.startswith("/dev/"):
                continue  # /dev/null, /dev/stdout: streams, which any number may share
            if same in written:
                raise OutputError(
                    value,
                    f"--{written[same]} and --{option} name the same file, and one would be "
                    "lost; give each its own name",
                )
            written[same] = option


def _bad_argument(argv: list[str]) -> str | None:
    """An argument no path or name can hold (a NUL byte, bytes that are not UTF-8), escaped."""
    from .._files import path_problem
    from ..errors import printable

    for argument in argv:
        if argument == "":
            return "an empty argument was given; give a path or a name"
        problem = path_problem(argument)
        if problem is not None:
            return f"'{printable(argument)}': {problem}"
    return None
