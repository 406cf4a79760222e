"""Text in the canonical layout, read by orjson, is what the strict reader reads, numbers and
all: only its depth is left to judge (``read_exactly(..., laid_out=True)``). These hold that
claim to the strict reader on the numbers where the two readers could part."""

import math
from typing import Any

import orjson
import pytest
from hypothesis import example, given, settings, strategies as st

from superplan._json import MAX_DEPTH, parse_json, read_exactly, read_quickly
from superplan.errors import LoadError

NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**64 + 2).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(
        [
            "-0",
            "-0.0",
            "0.0",
            "1.0",
            "1e20",
            "1E5",
            "1e+20",
            "100000.0",
            "1e400",
            "0.1000000000000000055511151231257827",
            "18446744073709551616",
            "-9223372036854775809",
            "5e-324",
            "1.7976931348623157e308",
        ]
    ),
).map(str)


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types, and of the same sign where a float is zero."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return bool(a == b)


@settings(max_examples=500, deadline=None)
@given(token=NUMBERS)
@example(token="-0")
@example(token="1e20")
def test_a_number_in_laid_out_text_reads_as_the_strict_reader_reads_it(token):
    text = f'{{\n  "n": {token}\n}}\n'
    read = read_quickly(text)
    if read is None or not read[1]:
        return  # not in the canonical layout: judged by plain() instead
    value, _ = read
    assert read_exactly(value, text, laid_out=True)
    try:
        strict = parse_json(text)
    except LoadError:
        pytest.fail(f"{token} is laid out as orjson writes it, yet the strict reader refuses it")
    assert same(strict["n"], value["n"]), (token, strict, value)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
@pytest.mark.parametrize("innermost", [[], [1], "x", {}])
def test_laid_out_text_too_deep_is_never_passed(depth, innermost):
    value: Any = innermost
    for _ in range(depth - 1):
        value = [value]
    text = orjson.dumps({"a": value}, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    quick, laid_out = read_quickly(text)  # type: ignore[misc]
    assert laid_out
    try:
        strict = parse_json(text)
    except LoadError:  # too deep: never passed by its layout
        assert not read_exactly(quick, text, laid_out=True)
        return
    if read_exactly(quick, text, laid_out=True):  # (it may refuse a little early: no harm)
        assert read_exactly(quick, text)
        assert strict == quick
