"""JSON pointers (RFC 6901): written from a path, and sorted in document order."""

from collections.abc import Iterable
from functools import lru_cache

from .._wording import whole_number


def json_pointer(path: Iterable[str | int]) -> str:
    """The RFC 6901 JSON pointer for a path of keys and indexes (``""`` is the whole document)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def pointer_order(pointer: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts JSON pointers in document order (indexes as numbers: 2 before 10).
    Kept for the short pointers seen last: a report's findings are put in order more than once,
    and a document's keys may be any length."""
    return _kept_order(pointer) if len(pointer) <= 256 else _order(pointer)


def _order(pointer: str) -> tuple[tuple[int, int | str], ...]:
    parts = pointer.split("/")[1:]
    keys = [(part, whole_number(part)) for part in parts]
    return tuple((1, part) if number is None else (0, number) for part, number in keys)


_kept_order = lru_cache(maxsize=4096)(_order)
