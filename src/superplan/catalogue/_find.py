"""How a plan names a recommendation, read one way for the catalogue and its index alike."""

from collections.abc import Mapping
from typing import TypeVar

from .._wording import whole_number

__all__ = ["find_recommendation"]

_Found = TypeVar("_Found")


def find_recommendation(
    ref: object, by_number: Mapping[int, _Found], by_slug: Mapping[str, _Found]
) -> _Found | None:
    """What a reference names (a number; a slug; or a number written as text), or None, also for
    a reference of the wrong type: the one reading of a reference, for the catalogue and its
    index alike."""
    if isinstance(ref, bool):
        return None
    if isinstance(ref, int):
        return by_number.get(ref)
    if isinstance(ref, str):
        found = by_slug.get(ref)
        number = whole_number(ref) if found is None else None
        return found if number is None else by_number.get(number)
    return None
