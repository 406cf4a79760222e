"""``superplan rules`` and ``superplan schema``: what the findings mean, the published schemas."""

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

from ._base import EXIT_OK, EXIT_USAGE, Parser, command, say, shown

if TYPE_CHECKING:
    from ..validation import Rule


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from ..validation import RULES, render_rules_markdown

    if args.code is not None:
        return _explain_rule(args.code, args.format, out)
    if args.format == "markdown":
        out.write(render_rules_markdown())
    elif args.format == "json":
        json.dump([_rule_dict(r) for r in RULES], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for r in RULES:
            out.write(f"{r.code}  {r.severity:<7}  {r.name:<26}  {r.title}\n")
    return EXIT_OK


def _rule_dict(rule: "Rule") -> dict[str, object]:
    from ..validation import docs_url

    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "title": rule.title,
        "message": rule.message,
        "hint": rule.hint,
        "example": repr(rule.bad) if isinstance(rule.bad, bytes) else rule.bad,
        "fixed": repr(rule.fixed) if isinstance(rule.fixed, bytes) else rule.fixed,
        "docs": docs_url(rule.code),
    }


def _plain(example: object) -> str:
    """A rule's example document for a terminal: raw text as it is, JSON indented."""
    if isinstance(example, bytes):
        return repr(example)
    if isinstance(example, str):
        return example
    return json.dumps(example, ensure_ascii=False, indent=2)


def _explain_rule(code: str, form: str, out: TextIO) -> int:
    import difflib
    import textwrap

    from ..validation import PLACEHOLDER as _PLACEHOLDER, RULES, docs_url, rule_section as _section

    wanted = code.strip().lower()
    rule = next((r for r in RULES if wanted in (r.code.lower(), r.name)), None)
    if rule is None:
        names = [r.code for r in RULES] + [r.name for r in RULES]
        near = difflib.get_close_matches(
            code.strip().upper(), names, n=3
        ) or difflib.get_close_matches(wanted, names, n=3)
        also = f"; did you mean {' or '.join(near)}?" if near else ""
        print(
            f"superplan: there is no finding code {code!r}{also} (`superplan rules` lists them)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if form == "json":
        json.dump(_rule_dict(rule), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    if form == "markdown":
        out.write(_section(rule) + "\n")
        return EXIT_OK
    weight = (
        "an error: the plan is wrong, and fails validation"
        if rule.severity == "error"
        else "a warning: probably a mistake or something missing; it fails only with --strict"
    )
    lines = [
        f"{rule.code} {rule.title} ({rule.name})",
        "",
        f"What it means: {rule.title}. This is {weight}.",
        "What validate says: " + _PLACEHOLDER.sub(r"<\1>", rule.message),
    ]
    if rule.bad is not None:
        lines += ["", "An example that triggers it:", textwrap.indent(_plain(rule.bad), "  ")]
    lines += ["", "How to fix it: " + _PLACEHOLDER.sub(r"<\1>", rule.hint)]
    if rule.fixed is not None:
        lines += ["", "Fixed:", textwrap.indent(_plain(rule.fixed), "  ")]
    lines += ["", f"Docs: {docs_url(rule.code)}"]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:

    from .._files import output_folder, write_output
    from .._json import canonical_json
    from .._schema import SCHEMA_NAMES, schema

    if args.path:
        return _schema_path(args.name or "action-plan", out)
    if args.write:
        folder = output_folder(args.write)
        for name in SCHEMA_NAMES:
            write_output(
                folder / f"{name}.schema.json", canonical_json(schema(name)), folder=folder
            )
        say(out, f"wrote {len(SCHEMA_NAMES)} schemas to {shown(folder)}")
        return EXIT_OK
    if args.name is None:
        out.write("\n".join(SCHEMA_NAMES) + "\n")
        return EXIT_OK
    try:
        out.write(canonical_json(schema(args.name)))
    except LookupError as error:
        print(f"superplan: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _schema_path(name: str, out: TextIO) -> int:
    from .._files import schema_file
    from .._schema import SCHEMA_NAMES

    if name not in SCHEMA_NAMES:
        print(f"superplan: no schema {name!r}; one of: {', '.join(SCHEMA_NAMES)}", file=sys.stderr)
        return EXIT_USAGE
    path = schema_file(name)
    if path is None:
        print(
            "superplan: this installation has no schema files; write them with "
            "`superplan schema --write DIR`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    out.write(f"{path}\n")
    return EXIT_OK


def _cmd_docs(args: argparse.Namespace, out: TextIO) -> int:

    from .._files import docs_folder, output_folder, write_output

    folder = docs_folder()
    if folder is None:
        print("superplan: this installation has no documentation files", file=sys.stderr)
        return EXIT_USAGE
    if args.path:
        out.write(f"{folder}\n")
        return EXIT_OK
    target = output_folder(args.out)
    pages = sorted(folder.glob("*.md"))
    for page in pages:
        write_output(target / page.name, page.read_bytes(), folder=target)
    # The pages' pictures and example files go with them, so that every link still works.
    others = 0
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(f for f in sub.rglob("*") if f.is_file() and not f.is_symlink())
        for file in files:
            relative = file.relative_to(folder)
            for depth in range(1, len(relative.parts)):
                output_folder(target.joinpath(*relative.parts[:depth]))
            write_output(target / relative, file.read_bytes(), folder=target)
        others += len(files)
    also = f" and {others} other files" if others else ""
    say(
        out,
        f"wrote {len(pages)} pages{also} to {shown(target)}; start at {shown(target / 'index.md')}",
    )
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser, and
#: checks that the files they name exist).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "rules": (
        ("superplan rules", "every finding code"),
        ("superplan rules SP205", "one code: meaning, example, fix and docs"),
    ),
    "docs": (
        ("superplan docs --out superplan-docs", "the documentation, offline, as Markdown"),
        ("superplan docs --path", "where the installed documentation is"),
    ),
    "schema": (
        ("superplan schema", "the schemas' names"),
        ("superplan schema action-plan --path", "the schema file, for an editor's settings"),
        ("superplan schema --write schemas", "every schema, as files"),
    ),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's commands to the command line."""
    rules = command(
        commands,
        "rules",
        EXAMPLES["rules"],
        "explain the finding codes validate can report (all, or one)",
    )
    rules.add_argument("code", nargs="?", metavar="CODE", help="one code (SP205) or name")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(handler=_cmd_rules)

    docs = command(
        commands, "docs", EXAMPLES["docs"], "write the documentation (Markdown) for reading offline"
    )
    where = docs.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help="copy the documentation into DIR")
    where.add_argument("--path", action="store_true", help="print where it is installed")
    docs.set_defaults(handler=_cmd_docs)
    schema = command(
        commands, "schema", EXAMPLES["schema"], "print a published JSON Schema, or write them all"
    )
    schema.add_argument("name", nargs="?", help="a schema name; leave out to list them")
    schema.add_argument("--write", metavar="DIR", help="write every schema into DIR")
    schema.add_argument(
        "--path",
        action="store_true",
        help="print the path of the installed schema file (for an editor's settings)",
    )
    schema.set_defaults(handler=_cmd_schema)
