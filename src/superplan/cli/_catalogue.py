"""``superplan catalogue`` and ``superplan show``: the recommendations."""

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from ._base import EXIT_OK, Parser, catalogue_of, command, say

if TYPE_CHECKING:
    from ..model import Addressee


def _cmd_catalogue(args: argparse.Namespace, out: TextIO) -> int:
    from ..convert import to_dict

    cat = catalogue_of(args)
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
        say(out, "  ".join([*cells, row[-1]]).rstrip())
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
    from .._wording import whole_number
    from ..catalogue import describe_recommendation as describe
    from ..convert import dumps

    cat = catalogue_of(args)
    number = whole_number(args.recommendation)
    ref: int | str = args.recommendation if number is None else number
    rec = cat.recommendation(ref)
    if args.format == "json":
        out.write(dumps(rec))
        return EXIT_OK
    say(out, describe(rec, cat).removesuffix("\n"))
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "catalogue": (
        ("superplan catalogue", "the 29 recommendations"),
        ("superplan catalogue --addressee north-yorkshire", "those one force must answer"),
    ),
    "show": (
        ("superplan show 19", "recommendation 19 in full"),
        ("superplan show online-stalking --format json", "the same, by slug, as JSON"),
    ),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    cat = command(commands, "catalogue", EXAMPLES["catalogue"], "list the 29 recommendations")
    cat.add_argument("--format", choices=("text", "json"), default="text")
    cat.add_argument(
        "--addressee",
        metavar="SLUG",
        help="only those a responder or addressee must answer (a force, e.g. north-yorkshire)",
    )
    cat.set_defaults(handler=_cmd_catalogue)

    show = command(commands, "show", EXAMPLES["show"], "one recommendation in full")
    show.add_argument("recommendation", help="its number (1 to 29) or slug")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_cmd_show)
