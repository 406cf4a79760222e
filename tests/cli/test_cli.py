"""The command line: exit codes, one line per problem, never a traceback."""

import json
import subprocess
import sys

import pytest

import superplan as sp
from superplan.cli import main

from ..conftest import EXAMPLES


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"superplan {sp.__version__}\n"


def test_catalogue_text_lists_all_29(capsys):
    code, out, _ = run(capsys, "catalogue")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["No.", "Slug", "Deadline"]
    assert out.rstrip().endswith(
        "29 recommendation(s). '?' marks a number or addressee inferred, not confirmed."
    )
    assert any(line.startswith("7    crime-recording") for line in lines)


def test_catalogue_json_for_a_force(capsys):
    code, out, _ = run(capsys, "catalogue", "--format", "json", "--addressee", "north-yorkshire")
    assert code == 0
    numbers = [rec["number"] for rec in json.loads(out)]
    assert numbers == [7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 22, 23, 25, 27, 28, 29]


def test_catalogue_unknown_addressee_is_a_usage_error(capsys):
    code, _, err = run(capsys, "catalogue", "--addressee", "north-yorks")
    assert code == 2
    assert err == (
        "superplan: there is no agency, force or responder 'north-yorks'; "
        "did you mean 'north-yorkshire' or 'north-yorkshire-pcc'?\n"
    )


def test_show_by_number_and_slug(capsys):
    code, out, _ = run(capsys, "show", "19")
    assert code == 0
    assert out.startswith(
        "Recommendation 19: Recognise and respond to online elements of stalking\n"
    )
    assert "Number: inferred (known only to lie in 19-20)" in out
    assert "Deadline: 27 March 2025 (six months from publication)" in out
    _, out_by_slug, _ = run(capsys, "show", "online-stalking")
    assert out_by_slug == out


def test_show_unknown_wording_says_so(capsys):
    code, out, _ = run(capsys, "show", "3")
    assert code == 0
    assert "Official wording: not held by the catalogue." in out


def test_show_json_is_the_catalogue_entry(capsys):
    _, out, _ = run(capsys, "show", "7", "--format", "json")
    assert sp.loads(out, sp.Recommendation) == sp.catalogue().recommendation(7)


def test_show_with_amendments(capsys, root):
    path = root / "tests/data/amendments/full-report.json"
    code, out, _ = run(capsys, "--amendments", str(path), "show", "1")
    assert code == 0
    assert "PLACEHOLDER WORDING FOR TESTS ONLY." in out


def test_validate_examples(capsys, root):
    code, out, _ = run(capsys, "validate", str(root / "examples"))
    assert code == 0
    assert out.splitlines()[-1].startswith(f"{len(EXAMPLES)} file(s) checked")


def test_validate_bad_file_one_line_per_problem(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"responder": "kent", "responses": [{"recommendation": 0, "x": 1}]}')
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:1:59: error SP102 /responses/0/x: unknown key 'x'" in out
    assert "Traceback" not in out + err


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["show"], ["catalogue", "--format", "xml"]])
def test_usage_errors_exit_2(capsys, args):
    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    assert "usage: superplan" in capsys.readouterr().err


def test_the_installed_command_runs():
    result = subprocess.run(
        [sys.executable, "-m", "superplan.cli", "show", "27"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Send the 56-day written response" in result.stdout
