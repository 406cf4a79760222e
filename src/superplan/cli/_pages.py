"""``superplan render``, ``site`` and ``docs``: pages for plans, the reference site, the docs."""

import argparse
from typing import TYPE_CHECKING, TextIO

from ._base import (
    EXIT_OK,
    EXIT_USAGE,
    OUT_OF_MEMORY,
    Parser,
    add_max_bytes,
    catalogue_of,
    command,
    complain,
    internal_error,
    say,
    shown,
)
from ._folder import FolderRun

if TYPE_CHECKING:
    from ..model import ActionPlan


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from ..render import messages, write_pages

    run = FolderRun(args.paths)
    if run.nothing_found():
        return EXIT_USAGE
    texts = messages(args.language)  # a bad translation file stops here, before any writing
    cat = catalogue_of(args)
    plans = []
    sources: dict[int, str] = {}
    failed = 0
    for report in run.reports(args, "reading", "plans"):
        if report.plan is None or not report.valid:
            failed += 1
            say(out, report.format_text(hints=False))
        else:
            plans.append(report.plan)
            sources[id(report.plan)] = report.source or ""

    def tripped(plan: "ActionPlan", error: Exception) -> None:  # a bug: say so, go on
        if isinstance(error, MemoryError):
            run.unreadable += 1
            complain(f"{sources[id(plan)]}: rendering: {OUT_OF_MEMORY}")
            return
        run.bugs += 1
        internal_error(error, about=f"{sources[id(plan)]}: rendering: ")

    written = write_pages(
        plans, Path(args.out), kind=args.format, catalogue=cat, language=texts, on_error=tripped
    )
    for path in written:
        say(out, f"wrote {shown(path)}")
    # A page an earlier run wrote stays as it was (nothing the user has is removed); say so, so
    # that an out-of-date page is not published unawares.
    for path in sorted(set(Path(args.out).glob(f"*{written[-1].suffix}")) - set(written)):
        complain(f"{path}: not written by this run, left as it was; the index does not link it")
    if failed:
        say(out, f"{failed} file(s) not rendered: fix the errors above.")
    return run.exit_code(problems=bool(failed))


def _cmd_site(args: argparse.Namespace, out: TextIO) -> int:
    from ..render import build_site

    written = build_site(args.out, catalogue=catalogue_of(args), language=args.language)
    say(out, f"wrote {len(written)} pages to {shown(args.out)}")
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "render": (
        ("superplan render examples/ --out site", "an HTML page per plan, and an index"),
        ("superplan render examples/ --format markdown --out pages", "the same in Markdown"),
    ),
    "site": (("superplan site --out reference", "the catalogue as a website"),),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    render = command(
        commands,
        "render",
        EXAMPLES["render"],
        "write a page for each action plan, and an index page",
    )
    render.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    render.add_argument("--format", choices=("html", "markdown"), default="html")
    render.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    add_max_bytes(render)
    render.set_defaults(handler=_cmd_render)

    site = command(
        commands, "site", EXAMPLES["site"], "write the catalogue's reference site (HTML)"
    )
    site.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    site.set_defaults(handler=_cmd_site)
