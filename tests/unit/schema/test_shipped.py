"""The check reads each published schema from its shipped file, and generates it from the model
where this installation has none."""

import pytest

import superplan as sp
from superplan._schema import _shipped
from superplan._schema._generate import _schema as generated


@pytest.mark.parametrize("name", sp.SCHEMA_NAMES)
def test_the_shipped_schema_is_read_from_its_file(name, monkeypatch):
    read: list[str] = []
    real = _shipped.schema_file

    def spied(asked: str):  # type: ignore[no-untyped-def]
        read.append(asked)
        return real(asked)

    monkeypatch.setattr(_shipped, "schema_file", spied)
    _shipped.published.cache_clear()
    try:
        assert _shipped.published(name) == generated(name)
        assert read == [name]
    finally:
        _shipped.published.cache_clear()


def test_without_a_shipped_file_the_schema_is_generated(monkeypatch):
    monkeypatch.setattr(_shipped, "schema_file", lambda name: None)
    _shipped.published.cache_clear()
    try:
        assert _shipped.published("action-plan") is generated("action-plan")
        with pytest.raises(LookupError, match="there is no schema 'nothing'"):
            _shipped.published("nothing")
    finally:
        _shipped.published.cache_clear()
