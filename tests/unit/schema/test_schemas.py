"""The published schemas: generated from the model, checked in, and portable to other validators."""

import json
import os
import pathlib
import shutil
import subprocess
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from jsonschema import Draft202012Validator

import superplan as sp
from superplan._json import canonical_json, parse_json
from superplan._schema._reference import schema_validator

from ...conftest import DATA, EXAMPLES, ROOT
from ...strategies import EVERY_CLASS

SCHEMAS = ROOT / "schemas"
JS = ROOT / "tests" / "js"


@pytest.mark.parametrize("name", sp.SCHEMA_NAMES)
def test_checked_in_schema_is_what_the_model_generates(name):
    path = SCHEMAS / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == canonical_json(sp.schema(name)), (
        f"{path} is stale: run `superplan schema --write schemas`"
    )


def test_no_stray_schema_files():
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(
        f"{name}.schema.json" for name in sp.SCHEMA_NAMES
    )


@pytest.mark.parametrize("name", sp.SCHEMA_NAMES)
def test_schemas_are_valid_2020_12_with_stable_ids(name):
    document = sp.schema(name)
    Draft202012Validator.check_schema(document)
    # the catalogue's own formats have their own version; the rest follow the submission's
    version = "1.1" if name in ("catalogue-recommendations", "catalogue-amendments") else "1.2"
    assert document["$id"] == f"urn:superplan:schema:{name}:{version}"
    assert sp.schema_id(name) == document["$id"]


def test_schema_returns_a_copy_and_refuses_unknown_names():
    sp.schema("action-plan")["title"] = "changed"
    assert sp.schema("action-plan")["title"] == "superplan action-plan 1.2"
    with pytest.raises(LookupError, match="there is no schema 'plan'"):
        sp.schema("plan")


CATALOGUE_FILES = {
    "report.json": "catalogue-report",
    "sources.json": "catalogue-sources",
    "milestones.json": "catalogue-milestones",
    "agencies.json": "catalogue-agencies",
    "forces.json": "catalogue-forces",
    "recommendations.json": "catalogue-recommendations",
}


def catalogue_data(name):
    text = resources.files("superplan.catalogue").joinpath("data", name).read_text("utf-8")
    return json.loads(text)


@pytest.mark.parametrize(("file", "name"), CATALOGUE_FILES.items())
def test_shipped_catalogue_data_is_valid_against_its_schema(file, name):
    assert list(schema_validator(name).iter_errors(catalogue_data(file))) == []


def test_amendment_fixture_is_valid_against_its_schema():
    data = json.loads((DATA / "amendments/full-report.json").read_text())
    assert list(schema_validator("catalogue-amendments").iter_errors(data)) == []


def test_schema_refuses_what_the_model_refuses():
    validator = schema_validator("action-plan")
    assert not validator.is_valid({"responder": "kent", "title": None})  # null is not a value
    assert not validator.is_valid({"responder": "kent", "title": " \t"})
    assert not validator.is_valid({"responder": "kent", "responses": [{"recommendation": 0}]})
    assert validator.is_valid(
        {"responder": "kent", "responses": [{"recommendation": "online-stalking"}]}
    )


# -- portability: ajv gives the same verdicts -------------------------------------------------


def _ajv_ready() -> bool:
    return shutil.which("node") is not None and (JS / "node_modules" / "ajv").is_dir()


def _documents():
    docs = []
    for path in [
        *EXAMPLES,
        *sorted((DATA / "valid").glob("*.json")),
        *sorted((DATA / "invalid").glob("*.json")),
    ]:
        try:
            data = parse_json(path.read_bytes())
        except sp.LoadError:
            continue  # not strict JSON: no schema verdict to compare
        docs.append((path.name, "action-plan", data))
    for file, name in CATALOGUE_FILES.items():
        docs.append((file, name, catalogue_data(file)))
        broken = catalogue_data(file)
        broken["unexpected"] = 1
        docs.append((f"{file} with an unknown key", name, broken))
    for path in sorted((DATA / "amendments").glob("*.json")):
        try:
            docs.append((path.name, "catalogue-amendments", parse_json(path.read_bytes())))
        except sp.LoadError:
            continue
    return docs


def test_ajv_and_jsonschema_agree_on_every_document():
    if not _ajv_ready():
        if os.environ.get("CI"):
            pytest.fail("ajv is not installed: .ci/run installs it with npm in tests/js")
        pytest.skip("ajv not installed (cd tests/js && npm install --no-package-lock)")
    docs = _documents()
    assert len(docs) > 40
    payload = {
        "schemas": {name: sp.schema(name) for name in sp.SCHEMA_NAMES},
        "documents": [{"schema": schema, "data": data} for _, schema, data in docs],
    }
    result = subprocess.run(
        ["node", str(JS / "verdicts.mjs")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    ajv = json.loads(result.stdout)
    python = [schema_validator(schema).is_valid(data) for _, schema, data in docs]
    disagreements = [name for (name, _, _), a, p in zip(docs, ajv, python, strict=True) if a != p]
    assert disagreements == []
    assert any(python)  # the set holds valid documents...
    assert not all(python)  # ...and invalid ones


def test_schemas_ship_in_the_wheel_config(root: pathlib.Path):
    text = (root / "pyproject.toml").read_text()
    assert '"schemas" = "superplan/schemas"' in text


def _ajv_verdicts(docs):
    payload = {
        "schemas": {name: sp.schema(name) for name in sp.SCHEMA_NAMES},
        "documents": [{"schema": "action-plan", "data": data} for data in docs],
    }
    result = subprocess.run(
        ["node", str(JS / "verdicts.mjs")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


#: Schema 1.1 values each validator must refuse alike: the new fields' patterns and types.
_BROKEN_1_1 = [
    {"responder": "kent", "lang": "Welsh"},
    {"responder": "kent", "responses": [{"recommendation": 7, "assessed_on": "2024-1"}]},
    {"responder": "kent", "responses": [{"recommendation": 7, "assessed_on": "Nov-24"}]},
    {"responder": "kent", "responses": [{"recommendation": 7, "parts": [{"part": "seven"}]}]},
    {"responder": "kent", "responses": [{"recommendation": 7, "parts": [{"owner": "x"}]}]},
    {"responder": "kent", "responses": [{"recommendation": 7, "translations": [{"lang": "cy"}]}]},
    {"responder": "kent", "leads": [{"name": "ACC Jane Doe"}]},
    {"responder": "kent", "links": [{"title": "no address"}]},
    {"responder": "kent", "source_urls": "https://example.org"},
    {"responder": "kent", "responses": [{"recommendation": 7, "status_text": ""}]},
    {
        "responder": "kent",
        "responses": [
            {
                "recommendation": 7,
                "actions": [
                    {"id": "a", "description": "d", "due": {"date": "2026-03", "not_before": "yes"}}
                ],
            }
        ],
    },
]


@settings(max_examples=1, database=None, suppress_health_check=list(HealthCheck), deadline=None)
@given(plans=st.lists(EVERY_CLASS[sp.ActionPlan], min_size=30, max_size=30))
def test_ajv_agrees_on_generated_1_1_documents(plans):
    if not _ajv_ready():
        pytest.skip("ajv not installed (cd tests/js && npm install --no-package-lock)")
    docs = [sp.to_dict(plan) for plan in plans] + _BROKEN_1_1
    python = [schema_validator("action-plan").is_valid(doc) for doc in docs]
    assert python == [True] * len(plans) + [False] * len(_BROKEN_1_1)
    assert _ajv_verdicts(docs) == python
