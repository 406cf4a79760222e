"""Progress on long work, written to stderr only when a person is watching it.

A command over many files shows ``validating 12/400 plans`` on one line that it keeps rewriting,
and clears it when done. When stderr is not a terminal (a CI log, a pipe, a file) nothing at all is
written, so that logs stay clean and output stays the same wherever it goes.
"""

import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import Generic, TextIO, TypeVar

__all__ = ["MIN_ITEMS", "Meter", "metered", "watched"]

T = TypeVar("T")

#: Fewer items than this finish too quickly for progress to help.
MIN_ITEMS = 20
#: At most this many redraws a second; redrawing costs more than validating a small plan.
_REDRAWS_PER_SECOND = 10


def watched(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (a person may be watching it)."""
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
    total: int | None = None,
) -> "Meter[T]":
    """Yield ``items``, drawing ``verb done/total noun`` on ``stream`` (stderr) if it is a terminal.
    ``total`` is how many there are, when ``items`` cannot say."""
    return Meter(items, verb, noun, stream=stream, enabled=enabled, total=total)


class Meter(Generic[T]):
    """An iterator over ``items`` that draws progress (see :func:`metered`); :meth:`clear` rubs
    the line out before something else is written to the same terminal."""

    def __init__(
        self,
        items: Iterable[T],
        verb: str,
        noun: str,
        *,
        stream: TextIO | None = None,
        enabled: bool = True,
        total: int | None = None,
    ) -> None:
        self._items = items
        self._verb, self._noun = verb, noun
        self._target = sys.stderr if stream is None else stream
        if total is None and isinstance(items, Sized):
            total = len(items)
        self._total = total
        self._on = (
            enabled and watched(self._target) and not (total is not None and total < MIN_ITEMS)
        )
        self._width = 0
        self._last = 0.0

    def clear(self) -> None:
        """Rub out the drawn line; it is drawn again before the next item is fetched."""
        if self._width:
            self._target.write("\r" + " " * self._width + "\r")
            self._target.flush()
            self._width = 0
            self._last = 0.0

    def _draw(self, done: int) -> None:
        now = time.monotonic()
        if now - self._last < 1 / _REDRAWS_PER_SECOND:
            return
        self._last = now
        total = self._total
        text = (
            f"{self._verb} {done}/{total} {self._noun}"
            if total
            else f"{self._verb} {done} {self._noun}"
        )
        self._width = max(self._width, len(text))
        self._target.write("\r" + text.ljust(self._width))
        self._target.flush()

    def __iter__(self) -> Iterator[T]:
        if not self._on:
            yield from self._items
            return
        self._last = 0.0
        done = 0
        items = iter(self._items)
        try:
            while True:
                # Drawn before the next item is fetched: the line shows while the work is done
                # (the items may be made lazily: a file read and checked as it is fetched).
                self._draw(done)
                try:
                    item = next(items)
                except StopIteration:
                    return
                yield item
                done += 1
        finally:
            self.clear()
