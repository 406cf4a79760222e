"""Progress objects as JSON's types: what ``to_dict`` gives on the classes of this layer."""

import datetime as dt
from enum import Enum
from typing import Any

import attrs

from ..convert import to_dict
from ..model import PartialDate, ProgressUpdate

__all__ = ["plain"]


def plain(value: Any) -> Any:
    """``value`` as JSON's types: an attrs object as an object of its fields (a plan's own
    record, such as an update, as the plan writes it), a date as ISO text, a member of an
    enumeration as its value, a tuple as a list."""
    if isinstance(value, ProgressUpdate):
        return to_dict(value)
    if attrs.has(type(value)):
        return {a.name: plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate | dt.date):
        return str(value) if isinstance(value, PartialDate) else value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value
