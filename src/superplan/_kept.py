"""Values kept for objects while those objects live: by identity, never keeping them alive."""

import weakref
from typing import Generic, TypeVar

__all__ = ["KeptFor"]

Owner = TypeVar("Owner")
Value = TypeVar("Value")


class KeptFor(Generic[Owner, Value]):
    """A value for each owner object alive, found by the owner's identity (an owner need not be
    hashable, and a frozen attrs class hashes every field), dropped when the owner is collected.
    Made for what is worked out once per catalogue and shared by every plan checked against it."""

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[Owner], Value]] = {}

    def get(self, owner: Owner) -> Value | None:
        entry = self._entries.get(id(owner))
        # (An id is reused once its owner is gone: the weak reference tells the two apart.)
        return entry[1] if entry is not None and entry[0]() is owner else None

    def keep(self, owner: Owner, value: Value) -> Value:
        key = id(owner)
        entries = self._entries

        def forget(_: "weakref.ref[Owner]") -> None:
            entries.pop(key, None)

        entries[key] = (weakref.ref(owner, forget), value)
        return value
