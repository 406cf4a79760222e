"""Findings on a table read by the meaning of its headings name the row they came from (issue 25,
point 3: before, they were JSON pointers)."""

import superplan as sp
from superplan.cli import main
from superplan.importers import import_table

TABLE = (
    "Rec No,Action,Owner,Target date\n"
    "7,Audit crime recording,Head of Crime,31/12/2026\n"
    "10,Train staff,Head of L&D,31/01/2025\n"
)


def test_a_finding_names_the_row_of_its_action(tmp_path):
    table = tmp_path / "plan.csv"
    table.write_text(TABLE, encoding="utf-8")
    imported = import_table(table, responder="kent")
    assert imported.route == "by meaning"
    [late] = [f for f in sp.validate(imported.plan).findings if f.code == "SP215"]
    assert late.pointer == "/responses/0/actions/0/due"
    assert imported.place(late.pointer) == "row 2"
    assert imported.rows() == {
        "/responses/0": 2,
        "/responses/0/actions/0": 2,
        "/responses/1": 3,
        "/responses/1/actions/0": 3,
    }


def test_the_command_line_shows_the_row(tmp_path, capsys):
    table = tmp_path / "plan.csv"
    table.write_text(TABLE, encoding="utf-8")
    assert main(["import", "table", str(table), "--responder", "kent"]) == 0
    err = capsys.readouterr().err
    assert "plan.csv: row 2: warning SP215 this action is due 2026-12-31" in err
