"""Line and column of a JSON pointer's value in the source text."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from superplan._locate import locate
from superplan.errors import json_pointer

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
