"""Line and column of a JSON pointer's value in the source text."""

import json

import orjson
from hypothesis import given, settings, strategies as st

from superplan._json import json_pointer, locate, locate_in_layout

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


def pointers(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from pointers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from pointers(item, (*path, index))


def offset(text: str, line: int, column: int) -> int:
    return sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column - 1


@settings(max_examples=200)
@given(value=values, indent=st.sampled_from([None, 0, 2]), ascii_only=st.booleans())
def test_every_pointer_is_placed_at_its_key_or_value(value, indent, ascii_only):
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    paths = list(pointers(value))
    places = locate(text, [json_pointer(p) for p in paths])
    decoder = json.JSONDecoder()
    for path in paths:
        at = offset(text, *places[json_pointer(path)])
        parent = value
        for part in path[:-1]:
            parent = parent[part]
        if path and isinstance(parent, dict):
            key, _ = decoder.raw_decode(text, at)  # a member is placed at its key
            assert key == path[-1]
        else:
            item, _ = decoder.raw_decode(text, at)
            target = value
            for part in path:
                target = target[part]
            assert item == target


def test_a_byte_order_mark_and_unknown_pointers():
    assert locate('\ufeff{"a": 1}', ["/a", "/b"]) == {"/a": (1, 3)}
    assert locate("[1, 2]", []) == {}


# Text characters that might upset a count of lines or columns: escapes, separators, non-ASCII.
layout_text = st.text(st.sampled_from(list('a é😀\n\r\t\x00"\\/\u2028\u0085~')), max_size=5)
layout_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | layout_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(layout_text, inner, max_size=3),
    max_leaves=14,
)


@settings(max_examples=500)
@given(value=layout_values, extra=st.lists(st.text(max_size=4), max_size=3))
def test_the_canonical_layout_is_located_from_the_value_alone(value, extra):
    """locate_in_layout gives exactly what locate reads from the text, for every pointer in the
    value and for pointers that are not (left out by both)."""
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
    wanted = [json_pointer(p) for p in pointers(value)] + ["/" + e for e in extra] + ["/01"]
    expected = locate(text, wanted)
    assert locate_in_layout(value, wanted) == expected
    # Counted back from the text's last line (for what lies in the latter half of a list), as
    # str and as bytes: the same places.
    assert locate_in_layout(value, wanted, text) == expected
    assert locate_in_layout(value, wanted, text.encode()) == expected
