import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
DATA = ROOT / "tests" / "data"


@pytest.fixture
def root() -> pathlib.Path:
    return ROOT
