"""Python values checked as JSON: only JSON's own types, not too deep, no lone surrogates."""

import math
import operator
from collections.abc import Iterator
from functools import partial
from itertools import chain, compress
from typing import Any

from ..errors import Problem
from ._lexical import MAX_DEPTH, SURROGATE, has_surrogate, surrogate_message
from ._pointer import json_pointer

_JSON_TYPES = frozenset({str, int, float, bool, type(None), dict, list})


_IS_STR, _IS_FLOAT = partial(operator.is_, str), partial(operator.is_, float)


_IS_DICT, _IS_LIST = partial(operator.is_, dict), partial(operator.is_, list)


def levels(value: Any) -> Iterator[tuple[list[Any], set[type]]]:
    """The values at each level below a parsed value (the first level is what its object or
    array holds), with the set of their types; level by level, each step done by C built-ins.
    There are as many levels as containers nest (an empty one counts). Subclasses of dict and
    list, which no reader gives, are looked into too."""
    dicts: list[Any] = [value] if isinstance(value, dict) else []
    lists: list[Any] = [value] if isinstance(value, list) else []
    while dicts or lists:
        values = list(
            chain(chain.from_iterable(map(dict.values, dicts)), chain.from_iterable(lists))
        )
        types = set(map(type, values))
        yield values, types
        # Most values are text and numbers: containers are picked out only where there are.
        if types.issubset(_LEAVES):
            return
        dicts = list(filter(_IS_A_DICT, values))
        lists = list(filter(_IS_A_LIST, values))


_LEAVES = frozenset((str, int, float, bool, type(None)))


_IS_A_DICT, _IS_A_LIST = dict.__instancecheck__, list.__instancecheck__


def too_deep(value: Any, max_depth: int) -> bool:
    """Whether a parsed value nests past ``max_depth``."""
    return any(depth > max_depth for depth, _ in enumerate(levels(value), 1))


def only_json_types(value: Any, max_depth: int = MAX_DEPTH) -> bool:
    """Whether a value is made of JSON's own types alone (no subclass, such as a StrEnum
    member, and no tuple) and holds nothing :func:`check_value` refuses: the quick look it
    takes first, at C speed. jsonschema-rs takes nothing else."""
    return not suspect(value, max_depth)


def suspect(value: Any, max_depth: int) -> bool:
    """Whether a parsed value may hold something :func:`check_value` refuses. Level by level,
    with every per-value step done by C built-ins: quick enough to run on every large document."""
    dicts: list[Any] = [value] if type(value) is dict else []
    lists: list[Any] = [value] if type(value) is list else []
    if not dicts and not lists:
        return type(value) not in _JSON_TYPES or check_value(value, max_depth) is not None
    depth = 0
    while dicts or lists:
        depth += 1
        if depth > max_depth:
            return True
        keys = list(chain.from_iterable(dicts))
        values = list(
            chain(chain.from_iterable(map(dict.values, dicts)), chain.from_iterable(lists))
        )
        types = list(map(type, values))
        if not _JSON_TYPES.issuperset(types) or not all(map(_IS_STR, map(type, keys))):
            return True
        strings = compress(values, map(_IS_STR, types))
        if has_surrogate("".join(chain(keys, strings))):
            return True
        if not all(map(math.isfinite, compress(values, map(_IS_FLOAT, types)))):
            return True
        dicts = list(compress(values, map(_IS_DICT, types)))
        lists = list(compress(values, map(_IS_LIST, types)))
    return False


def check_value(value: Any, max_depth: int = MAX_DEPTH) -> Problem | None:
    """The first thing in a parsed value that could not be written as strict JSON and read back
    the same (nesting past ``max_depth``, NaN or infinity, a lone surrogate, a key that is not
    text, a value that is not JSON), or None. Walks without recursion."""
    if type(value) in (dict, list) and not suspect(value, max_depth):  # (a subclass: walked)
        return None
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if SURROGATE.search(item):
                return _surrogate_problem(item, path)
        elif isinstance(item, bool | int) or item is None:
            continue
        elif isinstance(item, float):
            if not math.isfinite(item):
                message = f"{item} is not a JSON number; write a number, or leave the key out"
                return Problem(pointer=json_pointer(path), message=message, kind="not-a-number")
        elif isinstance(item, dict | list | tuple):
            if len(path) >= max_depth:
                return Problem(
                    pointer=json_pointer(path),
                    message=f"nested more than {max_depth} levels deep",
                    kind="too-deep",
                )
            if isinstance(item, dict):
                for key, member in item.items():
                    if not isinstance(key, str):
                        message = f"the key {key!r} is not text"
                        return Problem(pointer=json_pointer(path), message=message, kind="not-json")
                    if SURROGATE.search(key):
                        return _surrogate_problem(key, (*path, key))
                    if member.__class__ is not str or SURROGATE.search(member):
                        stack.append((member, (*path, key)))
            else:
                stack.extend(
                    (member, (*path, index))
                    for index, member in enumerate(item)
                    if member.__class__ is not str or SURROGATE.search(member)
                )
        else:
            message = f"{type(item).__name__} is not a JSON value"
            return Problem(pointer=json_pointer(path), message=message, kind="not-json")
    return None


def _surrogate_problem(text: str, path: tuple[str | int, ...]) -> Problem:
    return Problem(
        pointer=json_pointer(path), message=surrogate_message(text), kind="lone-surrogate"
    )


def sort_keys_deep(value: Any) -> Any:
    """A copy of free-form JSON with every object's keys sorted, so that equal values print alike.
    Without recursion: a value too deep to write is refused by the writer, with its pointer."""

    def copy_of(item: Any) -> Any:
        if isinstance(item, dict):
            copied: Any = {}
        elif isinstance(item, list | tuple):
            copied = []
        else:
            return item
        stack.append((item, copied))
        return copied

    stack: list[tuple[Any, Any]] = []
    root = copy_of(value)
    while stack:
        source, target = stack.pop()
        if isinstance(source, dict):
            for key in sorted(source, key=str):
                target[key] = copy_of(source[key])
        else:
            target.extend(copy_of(item) for item in source)
    return root
