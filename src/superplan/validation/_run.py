"""Running the rules' checks on a document, each finding in words."""

from collections.abc import Iterator
from functools import lru_cache

from ._checks import Check
from ._context import Context
from ._findings import Finding
from ._rule import Rule
from ._rules import RULES


def run_checks(
    ctx: Context, *, structured: bool = False, quiet: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """Every catalogue and consistency finding for a document; ``structured``: the model has
    structured it, so the checks whose findings the model refuses cannot fire; ``quiet``: the
    codes of rules shown not to fire (see ``_quiet``)."""
    for each, check in _to_run(structured, quiet):
        for path, params in check(ctx):
            yield each.finding(ctx.pointer(path), **params)


@lru_cache(maxsize=64)
def _to_run(structured: bool, quiet: frozenset[str]) -> tuple[tuple[Rule, Check], ...]:
    """Each rule whose check runs, with it: worked out once for each (structured, quiet), as
    plans of one kind ask alike."""
    return tuple(
        (each, each.check)
        for each in RULES
        if each.check is not None
        and not (structured and each.model_refuses)
        and each.code not in quiet
    )
