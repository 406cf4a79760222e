"""The hook by which the model numbers a recommendation's slug without importing the catalogue
(a layer above it): the catalogue package puts its finder here as it is imported."""

from typing import Protocol

__all__ = ["FINDER", "Finder", "Found"]


class Found(Protocol):
    @property
    def number(self) -> int: ...


class Finder(Protocol):
    """A recommendation by number or slug, or None (what a catalogue's ``find`` does)."""

    def find(self, ref: object) -> Found | None: ...


#: The shipped catalogue's finder, once the catalogue package is imported; None before.
FINDER: list[Finder | None] = [None]
