"""The ``superplan`` command: a thin layer over the library.

Exit codes: 0 success, 1 the input has problems, 2 the command was used wrongly.
"""

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .model import Addressee

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("superplan")
    except PackageNotFoundError:  # pragma: no cover
        return "0+unknown"


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="superplan",
        description="The stalking super-complaint's recommendations, and the plans that answer them.",
    )
    parser.add_argument("--version", action="version", version=f"superplan {_version()}")
    parser.add_argument(
        "--amendments",
        metavar="FILE",
        action="append",
        help="apply a catalogue amendment file (may be given more than once)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    cat = commands.add_parser("catalogue", help="list the 29 recommendations")
    cat.add_argument("--format", choices=("text", "json"), default="text")
    cat.add_argument(
        "--addressee",
        metavar="SLUG",
        help="only those a responder or addressee must answer (a force, e.g. north-yorkshire)",
    )
    cat.set_defaults(handler=_cmd_catalogue)

    show = commands.add_parser("show", help="one recommendation in full")
    show.add_argument("recommendation", help="its number (1 to 29) or slug")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_cmd_show)

    validate = commands.add_parser("validate", help="check action plan files (JSON)")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders of *.json")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(handler=_cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from .errors import SuperplanError

    parser = _build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args, sys.stdout)
    except SuperplanError as error:
        print(f"superplan: {error}", file=sys.stderr)
        return EXIT_PROBLEMS if _is_input_problem(error) else EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return EXIT_OK


def _is_input_problem(error: Exception) -> bool:
    from .errors import LoadError

    return isinstance(error, LoadError)


def _catalogue(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .catalogue import catalogue

    return catalogue(args.amendments)


def _cmd_catalogue(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import to_dict

    cat = _catalogue(args)
    recs = cat.addressed_to(args.addressee) if args.addressee else cat.recommendations
    if args.format == "json":
        json.dump([to_dict(rec) for rec in recs], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = [("No.", "Slug", "Deadline", "Addressees", "Wording", "Title")]
    for rec in recs:
        deadline = cat.deadline(rec.number)
        addressees = _addressee_summary(rec.addressees)
        rows.append(
            (
                str(rec.number) + ("?" if rec.numbering.certainty != "confirmed" else ""),
                rec.slug,
                deadline.isoformat() if deadline else "unknown",
                addressees or "unknown",
                str(rec.wording.certainty),
                rec.title,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
    out.write(
        f"\n{len(recs)} recommendation(s). '?' marks a number or addressee inferred, not confirmed.\n"
    )
    return EXIT_OK


def _addressee_summary(addressees: "Sequence[Addressee]") -> str:
    if len(addressees) > 3:
        inferred = sum(1 for a in addressees if a.certainty == "inferred")
        return f"{len(addressees)} addressees ({inferred} inferred)"
    return ", ".join(a.agency + ("?" if a.certainty == "inferred" else "") for a in addressees)


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import dumps

    cat = _catalogue(args)
    ref: int | str = (
        int(args.recommendation) if args.recommendation.isdigit() else args.recommendation
    )
    rec = cat.recommendation(ref)
    if args.format == "json":
        out.write(dumps(rec))
        return EXIT_OK
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    lines = [f"Recommendation {rec.number}: {rec.title}", f"Slug: {rec.slug}"]
    numbering = f"Number: {rec.numbering.certainty}"
    if rec.numbering.range:
        numbering += f" (known only to lie in {rec.numbering.range[0]}-{rec.numbering.range[1]})"
    lines.append(numbering)
    deadline = cat.deadline(rec.number)
    if deadline is not None and rec.deadline.value is not None:
        milestone = cat.milestone(rec.deadline.value)
        lines.append(f"Deadline: {deadline.format('D MMMM YYYY')} ({milestone.title.lower()})")
    else:
        lines.append(f"Deadline: not known. {rec.deadline.note or ''}".rstrip())
    if rec.addressees:
        lines.append("Addressed to:")
        for addressee in rec.addressees:
            name = cat.agency(addressee.agency).name
            lines.append(f"  - {name} ({addressee.certainty})")
    else:
        lines.append(f"Addressed to: {rec.addressees_note or 'not known'}")
    lines.append("")
    if rec.wording.value is not None:
        lines.append(
            f"Official wording ({rec.wording.certainty}; {', '.join(rec.wording.sources)}):"
        )
        for paragraph in rec.wording.value:
            lines.extend(wrap.wrap(paragraph))
    else:
        lines.append("Official wording: not held by the catalogue.")
        if rec.wording.note:
            lines.extend(wrap.wrap(rec.wording.note))
    if rec.sub_points.value:
        lines.append("Sub-points:")
        for point in rec.sub_points.value:
            lines.extend(wrap.wrap("- " + point))
    elif rec.sub_points.certainty == "unknown" and rec.sub_points.note:
        lines.append("Sub-points: not held by the catalogue.")
        lines.extend(wrap.wrap(rec.sub_points.note))
    lines.append("")
    if rec.themes:
        lines.append("Themes (editorial): " + ", ".join(rec.themes))
    if rec.related:
        lines.append("Related: " + ", ".join(str(n) for n in rec.related))
    for note in rec.notes:
        lines.extend(textwrap.wrap("Note: " + note, width=88))
    out.write("\n".join(lines).rstrip() + "\n")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from .convert import load_plan
    from .errors import LoadError
    from .files import expand_paths

    results: list[dict[str, object]] = []
    for path in expand_paths(args.paths):
        try:
            load_plan(path)
        except LoadError as error:
            results.append({"path": str(path), "valid": False, "problems": error.problems})
        else:
            results.append({"path": str(path), "valid": True, "problems": ()})
    failed = sum(1 for result in results if not result["valid"])
    if args.format == "json":
        from .convert import to_dict

        payload = [{**r, "problems": [to_dict(p) for p in r["problems"]]} for r in results]  # type: ignore[attr-defined]
        json.dump({"files": payload, "invalid": failed}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for result in results:
            problems = result["problems"]
            if not problems:
                out.write(f"{result['path']}: ok\n")
            for problem in problems:  # type: ignore[attr-defined]
                out.write(problem.describe(str(result["path"])) + "\n")
        out.write(f"{len(results)} file(s) checked, {failed} with problems.\n")
    return EXIT_PROBLEMS if failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
