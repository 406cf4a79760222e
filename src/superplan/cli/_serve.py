"""``superplan serve``: the submission checker in the browser and its HTTP API. The command
only reads its options; everything else is in :mod:`superplan.web`."""

import argparse
from typing import TextIO

from ._base import (
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    add_max_bytes,
    catalogue_of,
    command,
    complain,
)


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from ..web import MissingExtra, serve

    if not 0 <= args.port <= 65535 or args.max_bytes < 1 or args.timeout <= 0:
        complain("--port must be 0 to 65535, --max-bytes and --timeout above 0")
        return EXIT_USAGE

    def ready(port: int) -> None:
        complain(f"checking plans at http://{args.host}:{port}/ (Ctrl-C stops)")

    try:
        serve(
            host=args.host,
            port=args.port,
            store=args.store,
            max_bytes=args.max_bytes,
            timeout=args.timeout,
            catalogue=catalogue_of(args),
            proxy_headers=args.proxy_headers,
            ready=ready,
        )
    except MissingExtra as error:
        complain(str(error))
        return EXIT_USAGE
    return EXIT_OK


#: Real invocations for each command's ``--help`` (a test runs them through the parser).
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "serve": (
        ("superplan serve", "the checker at http://127.0.0.1:8000/, nothing kept"),
        (
            "superplan serve --port 8080 --store submissions",
            "keep accepted plans in submissions/, for the roll-up page and `superplan summarise`",
        ),
    ),
}


def add_commands(commands: "argparse._SubParsersAction[Parser]") -> None:
    """Add this module's command to the command line."""
    serve = command(
        commands,
        "serve",
        EXAMPLES["serve"],
        "run the submission checker in the browser, and its HTTP API",
        description="Run the submission checker (pages and a JSON API) with uvicorn. Needs the "
        "serve extra: pip install 'superplan[serve]'. Binds to 127.0.0.1 unless --host says "
        "otherwise; see docs/serve.md for running it behind a reverse proxy.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument(
        "--store",
        metavar="DIR",
        help="keep accepted submissions here, as canonical JSON (default: keep nothing)",
    )
    serve.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="the longest one request's work may take (default 30)",
    )
    serve.add_argument(
        "--proxy-headers",
        action="store_true",
        help="trust X-Forwarded-* headers from a reverse proxy on 127.0.0.1",
    )
    add_max_bytes(serve)
    serve.set_defaults(handler=_cmd_serve)
