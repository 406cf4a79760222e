"""``superplan validate FILE`` starts cold in a fraction of check-jsonschema's time (see
benchmarks/startup.py): a valid plan's verdict needs neither pendulum nor the model's attrs
classes, nor the schema generated from them. The catalogue's index and the shipped schema files
stand in for them; a finding that needs more of the catalogue builds it, and reads as before.
"""

import json
import os
import subprocess
import sys

import pytest

import superplan as sp
import superplan.cli._folder as folder_module
from superplan.cli import main
from superplan.testing import synthetic_plans

from ..conftest import ROOT

#: The command line as its console script runs it, reporting the modules it imported.
SCRIPT = """
import contextlib, io, json, sys
from superplan.cli import main
said = io.StringIO()
with contextlib.redirect_stdout(said):
    code = main(["validate", *sys.argv[1:]])
print(json.dumps({"code": code, "said": said.getvalue(), "modules": sorted(sys.modules)}))
"""

#: What a valid plan's verdict must not need.
HEAVY = (
    "pendulum",
    "superplan.model._plan",
    "superplan.model._catalogue",
    "superplan.model._catalogue_files",
    "superplan._schema._generate",
    "superplan.catalogue._catalogue",
    "superplan.convert",
)


def run_cold(*args: str) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SUPERPLAN_CACHE": "off"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


@pytest.fixture(scope="module")
def valid_plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("cold") / "plan.json"
    path.write_text(sp.dumps(synthetic_plans(n_forces=1, seed=1)[0]), encoding="utf-8")
    return path


def test_a_valid_plan_is_checked_without_pendulum_or_the_models_classes(valid_plan):
    done = run_cold(str(valid_plan))
    assert done["code"] == 0
    assert f"{valid_plan}: valid" in str(done["said"])
    modules = set(done["modules"])  # type: ignore[call-overload]
    assert "superplan.validation" in modules  # it did check the plan
    assert sorted(modules.intersection(HEAVY)) == []


CATALOGUE = "superplan.catalogue._catalogue"


@pytest.mark.parametrize(
    ("name", "needed"),
    [
        ("sp202-unknown-responder", CATALOGUE),  # suggestions from the catalogue's responders
        ("sp204-not-addressed", CATALOGUE),  # the addressees' names
        ("sp230-probably-not-addressed", CATALOGUE),  # the not_addressed_to facts
        ("sp220-before-the-report", "pendulum"),  # the report's date, as a pendulum date
        ("sp215-late-due-date", "pendulum"),  # the deadline, as a pendulum date
    ],
)
def test_a_finding_that_needs_more_reads_as_with_the_catalogue_given(
    name, needed, monkeypatch, capsys
):
    path = str(ROOT / "tests" / "data" / "invalid" / f"{name}.json")
    done = run_cold(path)
    # As the command ran before it checked against the catalogue's index: given the catalogue.
    monkeypatch.setattr(folder_module, "amended_catalogue", lambda args: sp.catalogue())
    code = main(["validate", path])
    assert (done["code"], done["said"]) == (code, capsys.readouterr().out)
    assert name[:5].upper() in str(done["said"])
    # What the finding needs was loaded for it (a valid plan's check loads neither).
    assert needed in done["modules"]  # type: ignore[operator]
