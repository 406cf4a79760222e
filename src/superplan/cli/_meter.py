"""Progress on long work, written to stderr only when a person is watching it.

A command over many files shows ``validating 12/400 plans`` on one line that it keeps rewriting,
and clears it when done. When stderr is not a terminal (a CI log, a pipe, a file) nothing at all is
written, so that logs stay clean and output stays the same wherever it goes.
"""

import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import TextIO, TypeVar

__all__ = ["MIN_ITEMS", "metered"]

T = TypeVar("T")

#: Fewer items than this finish too quickly for progress to help.
MIN_ITEMS = 20
#: At most this many redraws a second; redrawing costs more than validating a small plan.
_REDRAWS_PER_SECOND = 10


def _watched(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or odd stream is not a terminal
        return False


def metered(
    items: Iterable[T],
    verb: str,
    noun: str,
    *,
    stream: TextIO | None = None,
    enabled: bool = True,
) -> Iterator[T]:
    """Yield ``items``, drawing ``verb done/total noun`` on ``stream`` (stderr) if it is a terminal."""
    target = sys.stderr if stream is None else stream
    total = len(items) if isinstance(items, Sized) else None
    if not enabled or not _watched(target) or (total is not None and total < MIN_ITEMS):
        yield from items
        return
    last = 0.0
    done = 0
    width = 0
    try:
        for item in items:
            now = time.monotonic()
            if now - last >= 1 / _REDRAWS_PER_SECOND:
                last = now
                text = f"{verb} {done}/{total} {noun}" if total else f"{verb} {done} {noun}"
                width = max(width, len(text))
                target.write("\r" + text.ljust(width))
                target.flush()
            yield item
            done += 1
    finally:
        if width:
            target.write("\r" + " " * width + "\r")
            target.flush()
