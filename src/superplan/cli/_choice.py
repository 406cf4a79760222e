"""Which findings ``superplan validate`` reports, and how: the command line's options over the
``[tool.superplan]`` table of ``pyproject.toml`` (see :mod:`superplan._config`)."""

import argparse
from collections.abc import Sequence

from attrs import frozen

from ..errors import LoadError, SuperplanError
from ._config import find_settings

__all__ = ["Choice", "UnknownCode"]


class UnknownCode(SuperplanError):
    """A code given to --select or --ignore (or in [tool.superplan]) that begins no finding
    code, or a [tool.superplan] table superplan cannot use: a usage error."""


def _check_codes(codes: Sequence[str], where: str) -> tuple[str, ...]:
    from ..validation import RULES

    known = [rule.code for rule in RULES]
    for code in codes:
        wanted = code.strip().upper()
        if not wanted or not any(k.startswith(wanted) for k in known):
            import difflib  # here: only a code that begins nothing needs it

            near = difflib.get_close_matches(wanted, known, n=2)
            also = f"; did you mean {' or '.join(near)}?" if near else ""
            raise UnknownCode(
                f"{where}: {code!r} begins no finding code{also} (`superplan rules` lists them)"
            )
    return tuple(code.strip().upper() for code in codes)


@frozen(kw_only=True)
class Choice:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    show_all: bool = False
    docs_url: str | None = None
    settings: str | None = None
    """The pyproject.toml the settings came from, if any."""

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> "Choice":
        try:
            settings, path = find_settings()
        except LoadError as error:
            raise UnknownCode(str(error)) from None
        where = f"{path} [tool.superplan]"
        select = (
            _check_codes(args.select, "--select")
            if args.select
            else _check_codes(settings.get("select", []), f"{where} select")
        )
        ignore = _check_codes(settings.get("ignore", []), f"{where} ignore") + _check_codes(
            args.ignore or [], "--ignore"
        )
        strict = args.strict if args.strict is not None else settings.get("strict", False)
        show_all = args.show_all if args.show_all is not None else settings.get("show-all", False)
        return cls(
            select=select,
            ignore=ignore,
            strict=bool(strict),
            show_all=bool(show_all),
            docs_url=args.docs_url or settings.get("docs-url"),
            settings=path,
        )
