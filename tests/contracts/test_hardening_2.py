"""Hardening, second round (issue 26): each test reproduces one attack and shows it held."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan.cli import main
from superplan.importers import table_to_plan
from superplan.tables import export_table
from superplan.tables._cells import (
    FORMULA_START,
    SEPARATORS,
    escape_cell,
    neutralise,
    unescape_cell,
)

from ..conftest import ROOT
from ..strategies import action_plans

PLAN = ROOT / "examples" / "merseyside-police.json"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def cli(*argv: object) -> int:
    return main([os.fspath(a) for a in argv])


# -- 3: no command writes over an input, however the path is spelled ---------------------------


@pytest.mark.parametrize(
    "spelling",
    ["plans/a.json", "./plans/../plans/a.json", "link.json", "hard.json"],
)
def test_no_output_replaces_an_input_however_it_is_named(tmp_path, monkeypatch, capsys, spelling):
    monkeypatch.chdir(tmp_path)
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLAN, plans / "a.json")
    (tmp_path / "link.json").symlink_to(plans / "a.json")
    os.link(plans / "a.json", tmp_path / "hard.json")
    before = (plans / "a.json").read_bytes()
    code = cli("summarise", "plans", "--as-of", "2025-03-27", "--format", "json", "--out", spelling)
    assert code == 2
    assert "is an input of the command" in capsys.readouterr().err
    assert (plans / "a.json").read_bytes() == before


def test_a_derived_output_never_replaces_an_input(tmp_path, capsys):
    # summarise --out x.csv also writes x.csv-metadata.json: that name is an input here
    shutil.copy(PLAN, tmp_path / "x.csv-metadata.json")
    before = (tmp_path / "x.csv-metadata.json").read_bytes()
    code = cli("summarise", tmp_path, "--as-of", "2025-03-27", "--out", tmp_path / "x.csv")
    assert code == 2
    assert "is an input of the command" in capsys.readouterr().err
    assert (tmp_path / "x.csv-metadata.json").read_bytes() == before


def test_export_refuses_a_link_to_a_file_in_another_folder(tmp_path, capsys):
    (tmp_path / "elsewhere").mkdir()
    target = tmp_path / "elsewhere" / "kept.csv"
    target.write_text("kept\n")
    (tmp_path / "out.csv").symlink_to(target)
    assert cli("export", PLAN, "--out", tmp_path / "out.csv") == 2
    assert "outside" in capsys.readouterr().err
    assert target.read_text() == "kept\n"


# -- 4: character devices and FIFOs are written as streams, never replaced ----------------------


def test_out_to_dev_null_writes_a_stream_and_leaves_the_device(capsys):
    before = os.stat("/dev/null")
    assert cli("export", PLAN, "--out", "/dev/null", "--format", "csv") == 0
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_rdev, after.st_mode) == (
        before.st_ino,
        before.st_rdev,
        before.st_mode,
    )


def test_out_to_a_fifo_streams_to_its_reader(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", os.fspath(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    assert cli("export", PLAN, "--out", fifo) == 0
    data, _ = reader.communicate(timeout=20)
    assert data.startswith(b"\xef\xbb\xbfRecord,Rec No")
    assert fifo.is_fifo()


def test_out_to_a_fifo_with_no_reader_is_refused_not_replaced(tmp_path, capsys):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert cli("export", PLAN, "--out", fifo) == 2
    assert "no reader" in capsys.readouterr().err
    assert fifo.is_fifo()


# -- 16: two outputs naming one file -----------------------------------------------------------


def test_import_page_refuses_out_and_report_naming_one_file(tmp_path, capsys):
    page = ROOT / "tests" / "data" / "pages" / "merseyside-police-action-plan.txt"
    out = tmp_path / "x.json"
    code = cli("import", "page", page, "--responder", "merseyside", "--out", out, "--report", out)
    assert code == 2
    assert "--out and --report name the same file" in capsys.readouterr().err
    assert not out.exists()


# -- 11: out of memory is exit 2 with advice ----------------------------------------------------


def test_out_of_memory_is_exit_2_with_advice(monkeypatch, capsys):
    import superplan.validation as validation

    def starved(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(validation, "validate", starved)
    assert cli("validate", PLAN) == 2
    err = capsys.readouterr().err
    assert "out of memory" in err
    assert "internal error" not in err


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "render"])
def test_out_of_memory_under_a_real_cap_is_exit_2(tmp_path, command):
    big = tmp_path / "big.json"
    plan = json.loads(PLAN.read_text())
    plan["introduction"] = [f"{i} " + "x" * 1000 for i in range(60_000)]  # 60 MB of text
    big.write_text(json.dumps(plan))
    argv = [command, str(big), "--max-bytes", "100000000"]
    if command == "render":
        argv += ["--out", str(tmp_path / "site")]
    script = (
        "import resource, sys\n"
        "from superplan.cli import main\n"
        "import superplan.validation, superplan.render  # loaded before the cap\n"
        "status = open('/proc/self/status').read().split('VmSize:')[1]\n"
        "cap = int(status.split()[0]) * 1024 + 150 * 2**20  # 150 MB more than now\n"
        "resource.setrlimit(resource.RLIMIT_AS, (cap, cap))\n"
        f"sys.exit(main({argv!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=ENV, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2, done.stderr
    assert "out of memory" in done.stderr
    assert "internal error" not in done.stderr


# -- 15: SIGTERM and SIGHUP during a write ------------------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path, signum, code):
    script = (
        "import os, sys, time\n"
        "import superplan._files._write as o\n"
        "real = o._write_all\n"
        "def slow(handle, payload):\n"
        "    real(handle, payload[:10])\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(30)\n"
        "o._write_all = slow\n"
        "from superplan.cli import main\n"
        f"sys.exit(main(['export', {str(PLAN)!r}, '--out', {str(tmp_path / 'x.csv')!r}]))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    child.send_signal(signum)
    _, err = child.communicate(timeout=30)
    assert child.returncode == code
    assert err == ""
    assert list(tmp_path.iterdir()) == []


# -- 17: control characters in output names -----------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("docs", "--out", "{dir}/a\x1b[31mred"),
        ("schema", "--write", "{dir}/a\x1b[31mred"),
        ("export", str(PLAN), "--out", "{dir}/a\nwrote passwd.csv"),
        ("render", str(PLAN), "--out", "{dir}/a\nwrote x"),
    ],
)
def test_control_characters_in_output_names_are_shown_escaped(tmp_path, capsys, argv):
    argv = [a.replace("{dir}", str(tmp_path)) for a in argv]
    assert cli(*argv) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert all(line.startswith("wrote ") for line in out.splitlines()), out


# -- first round: Ctrl-C while validate waits on a FIFO ------------------------------------------


def test_ctrl_c_while_validate_waits_on_a_fifo_exits_130(tmp_path):
    import threading

    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    writer: list[int] = []
    opening = threading.Thread(target=lambda: writer.append(os.open(fifo, os.O_WRONLY)))
    opening.start()  # a writer that connects, then writes nothing: validate waits on it
    child = subprocess.Popen(
        [sys.executable, "-m", "superplan.cli", "validate", os.fspath(fifo)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        opening.join(20)
        time.sleep(1.0)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        for handle in writer:
            os.close(handle)
    assert child.returncode == 130
    assert err == "superplan: interrupted\n"
    assert out == ""


# -- 7: table-import bombs are refused within limits, under a 2 GiB memory cap -------------------

_XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
    'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
    'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"'
    "/></Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"'
    "/></Relationships>",
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="'
    'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="'
    'worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>",
}
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><sheetData>'
)


def _xlsx_bomb(path, rows, shared=("Rec No",)):
    """A workbook written part by part (openpyxl would take minutes): ``rows`` yields the XML of
    each row; ``shared`` the shared strings' texts."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _XLSX_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main">'
            )
            for text in shared:
                part.write(b"<si><t>")
                for start in range(0, len(text), 1 << 20):
                    part.write(text[start : start + (1 << 20)].encode())
                part.write(b"</t></si>")
            part.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(_SHEET_HEAD.encode())
            for row in rows:
                part.write(row.encode())
            part.write(b"</sheetData></worksheet>")


def _million_rows(path):  # rows with values, as many as fit under the unzipped limit
    head = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    _xlsx_bomb(path, [head, *['<row><c t="s"><v>1</v></c></row>'] * 1_000_000], ("Rec No", "x"))


def _last_row(path):  # one cell in the sheet's last row: the rows between are read as empty
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    rows.append('<row r="1048576"><c r="A1048576" t="s"><v>1</v></c></row>')
    _xlsx_bomb(path, rows, ("Rec No", "x"))


def _huge_shared_string(path):
    class Big(str):  # 100 MB of "a", written in pieces
        def __len__(self):
            return 100 * 2**20

        def __getitem__(self, item):
            return "a" * (item.stop - item.start)

    _xlsx_bomb(path, ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], shared=[Big()])


BOMBS = {
    "xlsx-million-rows.xlsx": (_million_rows, "more than 100,000 rows"),
    "xlsx-last-row.xlsx": (_last_row, "more than 100,000 rows"),
    "xlsx-shared-string.xlsx": (_huge_shared_string, "unzips to more than"),
    "csv-rows.csv": (lambda p: p.write_bytes(b"Rec No,Response\n" + b"a\n" * 2_500_000), "rows"),
    "csv-columns.csv": (lambda p: p.write_bytes(b"," * 2_450_000 + b"\n"), "columns"),
    "csv-cells.csv": (
        lambda p: p.write_bytes(b"Rec No,Response\n" + (b"a," * 21 + b"\n") * 99_000),
        "more than",
    ),
}


_SLOW_BOMBS = {"xlsx-million-rows.xlsx", "csv-cells.csv", "csv-rows.csv"}


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in _SLOW_BOMBS else n for n in sorted(BOMBS)],
)
def test_a_table_bomb_is_refused_within_2_gib(tmp_path, name):
    make, says = BOMBS[name]
    path = tmp_path / name
    make(path)
    assert path.stat().st_size <= 5 * 2**20
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))\n"
        "from superplan.cli import main\n"
        f"sys.exit(main(['import', 'table', {str(path)!r}, '--responder', 'kent']))\n"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], env=ENV, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert says in done.stderr
    assert "internal error" not in done.stderr
    assert len(done.stderr) < 10_000
    assert time.monotonic() - started < 120


def test_repeated_cell_errors_are_capped_with_a_count(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("Record,Rec No\n" + "response,not a number\n" * 5000)
    assert cli("import", "table", table) == 1
    err = capsys.readouterr().err
    assert err.count("is not a recommendation number") == 20
    assert "… and 4,980 more like this (bad-reference)" in err


# -- 6, 9 and the first round: one XLSX writer, linear, lossless or refusing -------------------


def _plan_with_actions(count, text="Do it."):
    return sp.ActionPlan(
        responder="kent",
        responses=[
            sp.Response(
                recommendation=7,
                actions=[sp.Action(id=f"7-{n}", description=text) for n in range(count)],
            )
        ],
    )


def test_xlsx_export_never_asks_openpyxl_for_the_sheet_size(monkeypatch):
    # max_row and max_column walk every cell: asked once a row, they made export quadratic
    from openpyxl.worksheet.worksheet import Worksheet

    from superplan.tables import export_table

    asked = []
    for name in ("max_row", "max_column"):
        real = getattr(Worksheet, name)
        monkeypatch.setattr(
            Worksheet, name, property(lambda self, real=real: asked.append(1) or real.fget(self))
        )
    small = len(export_table(_plan_with_actions(10), kind="xlsx")) and len(asked)
    asked.clear()
    export_table(_plan_with_actions(500), kind="xlsx")
    assert len(asked) == small  # the same few calls (openpyxl's own, on saving), not one a row


def test_a_workbook_refusal_names_the_file_and_exits_2(tmp_path, capsys):
    source = tmp_path / "plan.json"
    source.write_text(sp.dumps(_plan_with_actions(1, "x" * 40_000)))
    target = tmp_path / "out.xlsx"
    assert cli("export", source, "--out", target) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"superplan: {target}: ")
    assert 'column K "Action": the text is 40000 characters' in err
    assert not target.exists()


def _amended(tmp_path, wording):
    amendments = tmp_path / "amend.json"
    amendments.write_text(
        json.dumps(
            {
                "$schema": "urn:superplan:schema:catalogue-amendments:1.0",
                "schema_version": "1.0",
                "sources": [{"id": "mine", "title": "The full report, as I hold it"}],
                "recommendations": [{"recommendation": 7, "source": "mine", "wording": [wording]}],
            }
        )
    )
    return amendments


@pytest.mark.parametrize(
    "wording", ["bell\x07 and escape\x1b[31m", "a literal _x0041_ in the text", "cr\rhere\x00"]
)
def test_the_untouched_template_imports_back_whatever_the_wording(tmp_path, capsys, wording):
    amendments = _amended(tmp_path, wording)
    out = tmp_path / "kent.xlsx"
    argv = ("template", "--responder", "kent", "--out", out, "--amendments", amendments)
    assert cli(*argv) == 0
    capsys.readouterr()
    plan = tmp_path / "k.json"
    assert cli("import", "table", out, "--amendments", amendments, "--out", plan) == 0
    assert "edited" not in capsys.readouterr().err  # the reference column reads back as written
    assert [r.recommendation for r in sp.load_plan(plan).responses][:1] == [7]


def test_a_wording_too_long_for_a_template_cell_is_refused_exit_2(tmp_path, capsys):
    amendments = _amended(tmp_path, "w" * 40_000)
    out = tmp_path / "kent.xlsx"
    argv = ("template", "--responder", "kent", "--out", out, "--amendments", amendments)
    assert cli(*argv) == 2
    err = capsys.readouterr().err
    assert f"{out}: " in err
    assert '"Recommendation": the text is 40000 characters' in err
    assert not out.exists()
    csv_out = tmp_path / "kent.csv"
    argv = ("template", "--responder", "kent", "--out", csv_out, "--amendments", amendments)
    assert cli(*argv) == 0  # CSV holds it whole
    assert "w" * 40_000 in csv_out.read_text(encoding="utf-8-sig")


# -- 8, 14, 20 and the first round's "18": export then import gives back any plan -------------


@pytest.mark.slow
@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(plan=action_plans(), kind=st.sampled_from(["csv", "xlsx"]))
def test_export_then_import_gives_back_any_plan(plan, kind, tmp_path_factory):
    # references written as text ("18", "07") included, which came back as numbers
    table = tmp_path_factory.mktemp("t") / f"plan.{kind}"
    export_table(plan, table, kind=kind)
    assert table_to_plan(table) == plan


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_text_references_and_the_calendars_ends_round_trip(tmp_path, kind):
    plan = sp.from_dict(
        {
            "responder": "kent",
            "published": "0001-01-01",
            "as_of": "9999-12-31",
            "responses": [
                {
                    "recommendation": 7,
                    "updates": [{"date": "0001-01", "note": "n"}, {"date": "9999-12"}],
                    "actions": [
                        {
                            "id": "a",
                            "description": "d",
                            "due": {"date": "9999-12"},
                            "updates": [{"date": "0001-01-01"}, {"date": "9999-12-31"}],
                        }
                    ],
                },
                {"recommendation": "18", "actions": [{"id": "b", "description": "x"}]},
                {"recommendation": "07"},
            ],
        }
    )
    table = tmp_path / f"plan.{kind}"
    export_table(plan, table, kind=kind)
    back = table_to_plan(table)
    assert back == plan
    assert [r.recommendation for r in back.responses] == [7, "18", "07"]


def test_a_csv_cell_longer_than_the_csv_modules_limit_round_trips(tmp_path):
    plan = sp.ActionPlan(
        responder="kent",
        responses=[sp.Response(recommendation=7, narrative="long " * 40_000)],  # 200,000
    )
    source = tmp_path / "plan.json"
    source.write_text(sp.dumps(plan))
    table = tmp_path / "plan.csv"
    assert cli("export", source, "--out", table) == 0
    assert cli("import", "table", table, "--out", tmp_path / "back.json") == 0
    assert sp.load_plan(tmp_path / "back.json") == plan


@settings(max_examples=500, deadline=None)
@given(text=st.text(st.sampled_from(list(",;\t=+-@'\r\nx\uff1d ")), max_size=12) | st.text())
def test_no_cell_starts_a_formula_after_any_separator_and_text_comes_back(text):
    for written in (escape_cell(text), neutralise(text)):
        for separator in SEPARATORS:
            for piece in written.split(separator):
                assert not piece.startswith(FORMULA_START), (text, written)
    assert unescape_cell(escape_cell(text)) == text


def test_a_semicolon_locale_never_sees_a_formula_in_exported_csv(tmp_path):
    import csv

    plan = sp.ActionPlan(
        responder="kent",
        responses=[
            sp.Response(recommendation=7, narrative='x;=HYPERLINK("http://e.vil","y")'),
            sp.Response(recommendation=8, narrative=";@SUM(1+1)"),
        ],
    )
    data = export_table(plan, kind="csv").decode("utf-8-sig")
    for line in data.splitlines():
        for cell in line.split(";"):
            assert not cell.startswith(("=", "@", "+", "-")), line
    table = tmp_path / "plan.csv"
    table.write_bytes(data.encode("utf-8-sig"))
    assert table_to_plan(table) == plan
    assert list(csv.reader(data.splitlines()))[1][0] == "plan"


# -- 2: a mapped table loses nothing: kept, or refused at its cell ------------------------------

MAPPING = {
    "columns": {
        "Rec No": "recommendation",
        "Action": "description",
        "Owner": "owner",
        "Response": "narrative",
        "Comment": "narrative",
        "Evidence": "evidence",
        "Evidence 2": "evidence",
    },
    "updates": {"March 2026 update": {"label": "March 2026 update", "date": "2026-03"}},
}


def _mapped(tmp_path, text):
    table = tmp_path / "force.csv"
    table.write_text(text)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING))
    out = tmp_path / "plan.json"
    code = cli("import", "table", table, "--responder", "kent", "--mapping", mapping, "--out", out)
    return code, out


HEADER = "Rec No,Action,Owner,Response,Comment,Evidence,Evidence 2,March 2026 update\n"


def test_a_mapped_table_keeps_continuation_rows_narratives_and_response_owners(tmp_path, capsys):
    code, out = _mapped(
        tmp_path,
        HEADER
        + "7 (also covers 10 and 23),,Head of Crime,We accept.,,,,\n"  # a response row, owned
        + ",Train staff,L&D,,,Course list,Attendance,Done in March\n"  # continues 7
        + "7.2 text,Audit,,Second paragraph.,,,,\n"  # the same recommendation again
        + ",,,,,,,Later note\n",  # an update on a row of its own
    )
    assert code == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "'7 (also covers 10 and 23)'" in err
    plan = json.loads(out.read_text())
    (response,) = plan["responses"]
    assert response["owner"] == "Head of Crime"
    assert response["narrative"] == "We accept.\n\nSecond paragraph."
    first, second = response["actions"]
    assert first["description"] == "Train staff"
    assert first["evidence"] == ["Course list", "Attendance"]
    assert first["updates"][0]["note"] == "Done in March"
    assert second["part"] == "7.2"
    assert response["updates"][0]["note"] == "Later note"  # a row with no action: the response's
    kept = plan["extensions"]["unmapped_columns"]["Rec No"]
    assert [k["value"] for k in kept] == ["7 (also covers 10 and 23)", "7.2 text"]


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (",Train staff,,,,,,\n7,Audit,,,,,,\n", "names no recommendation, and none comes before"),
        ("7,Audit,,One view.,Another view.,,,\n", "both map to narrative"),
        ("7,,,,,Course list,,\n", "its evidence would be lost"),
    ],
)
def test_a_mapped_table_refuses_what_it_cannot_keep(tmp_path, capsys, rows, says):
    code, out = _mapped(tmp_path, HEADER + rows)
    assert code == 1
    assert says in capsys.readouterr().err
    assert not out.exists()


# -- 13: a --responder the table contradicts -------------------------------------------------


def test_a_responder_the_table_contradicts_is_refused_naming_both(tmp_path, capsys):
    template = tmp_path / "cleveland.xlsx"
    assert cli("template", "--responder", "cleveland", "--out", template) == 0
    capsys.readouterr()
    out = tmp_path / "plan.json"
    assert cli("import", "table", template, "--responder", "kent", "--out", out) == 2
    err = capsys.readouterr().err
    assert "--responder kent contradicts the table" in err
    assert "'cleveland'" in err
    assert not out.exists()
    # the same responder, or none, is read as before
    assert cli("import", "table", template, "--responder", "cleveland", "--out", out) == 0


# -- 19 and the first round: from_dict accepts exactly what dumps can write --------------------


def _nested(depth):
    value: dict = {}
    inner = value
    for _ in range(depth - 1):
        inner["a"] = {}
        inner = inner["a"]
    return value


@pytest.mark.parametrize("depth", [1, 50, 62, 63, 64, 65, 100, 5000])
def test_from_dict_accepts_extensions_exactly_when_dumps_and_loads_can_keep_them(depth):
    document = {"responder": "kent", "responses": [], "extensions": _nested(depth)}
    if depth > 63:  # one level for the plan, 63 inside extensions: the one limit of 64
        with pytest.raises(sp.LoadError, match="nested more than"):
            sp.from_dict(document)
        if depth < 500:  # (json.dumps itself cannot write deeper)
            with pytest.raises(sp.LoadError):
                sp.loads(json.dumps(document))  # the reader refuses the same document
    else:
        plan = sp.from_dict(document)
        assert sp.loads(sp.dumps(plan)) == plan


@pytest.mark.parametrize(
    ("extensions", "says"),
    [
        ({1: "a", "1": "b"}, "the key 1 is not text"),
        ({"x": [{2: None}]}, "the key 2 is not text"),
        ({"x": float("nan")}, "not a JSON number"),
        ({"x": object()}, "is not a JSON value"),
    ],
)
def test_extensions_dumps_could_not_write_are_refused_by_from_dict(extensions, says):
    with pytest.raises(sp.LoadError, match=says):
        sp.from_dict({"responder": "kent", "responses": [], "extensions": extensions})


def test_an_extension_that_contains_itself_is_refused_not_dumped_for_ever():
    loop: dict = {}
    loop["me"] = loop
    with pytest.raises(sp.LoadError, match="nested more than"):
        sp.from_dict({"responder": "kent", "responses": [], "extensions": loop})


@pytest.mark.parametrize("key", [1, None, ("a",), 1.5])
def test_a_top_level_key_that_is_not_text_is_a_load_error(key):
    with pytest.raises(sp.LoadError, match="is not text"):
        sp.from_dict({key: "x", "responder": "kent", "responses": []})


# -- 18 and the first round's http://[::1: two new warnings, each with its fixture ------------


@pytest.mark.parametrize(
    ("document", "code", "pointer"),
    [
        ({"published": "0001-01-01"}, "SP220", "/published"),
        ({"published": "2024-11-22", "as_of": "2001-01-01"}, "SP220", "/as_of"),
        ({"published": "2024-11-22", "source_url": "http://[::1"}, "SP221", "/source_url"),
        ({"source_urls": ["https://ok.example", "http://x:port/"]}, "SP221", "/source_urls/1"),
    ],
)
def test_absurd_dates_and_unlinkable_addresses_get_a_warning(document, code, pointer):
    report = sp.validate({"responder": "home-office", "responses": [], **document})
    assert (code, pointer) in [(f.code, f.pointer) for f in report.findings]


def test_dates_after_the_report_and_web_addresses_get_no_such_warning():
    report = sp.validate(
        {
            "responder": "home-office",
            "published": "2024-09-27",
            "as_of": "2024-09",
            "source_url": "https://www.gov.uk/plan",
            "responses": [
                {
                    "recommendation": 27,
                    "actions": [{"id": "a", "description": "d", "due": {"date": "2024-09"}}],
                }
            ],
        }
    )
    assert not {"SP220", "SP221"} & set(report.codes)


# -- 10: a translation file's markup is text in Markdown pages, as in HTML ----------------------

HOSTILE = {
    "responder": "<svg onload=alert(1)>",
    "published": "<iframe src=javascript:alert(1)>",
    "task_list": "[x](javascript:alert(1))",  # a heading the Markdown page shows
    "footer": "**bold** {version} <script>x</script>",
}


def test_a_translation_file_cannot_inject_markup_into_markdown_pages(tmp_path):
    english = json.loads((ROOT / "src/superplan/render/messages/en.json").read_text("utf-8"))
    translation = tmp_path / "xx.json"
    translation.write_text(json.dumps({**english, **HOSTILE, "language": "cy"}), "utf-8")
    out = tmp_path / "pages"
    assert cli("render", PLAN, "--format", "markdown", "--out", out, "--language", translation) == 0
    page = next(p for p in out.glob("*.md") if p.name != "index.md").read_text("utf-8")
    # every markup character the translation brought is escaped (a backslash before it; where
    # the page escapes the label again, a second one: shown, never acted on)
    unescaped = re.compile(r"(?<!\\)(?:<svg|<iframe|<script|\]\(javascript|\*\*bold)")
    assert not unescaped.search(page), unescaped.search(page)
    assert "svg onload=alert(1)" in page  # kept, as text
    assert "javascript:alert(1))" in page
    assert f"{sp.__version__}" in page  # the placeholder still filled in
    assert not unescaped.search((out / "index.md").read_text("utf-8"))


def test_shipped_markdown_pages_are_unchanged_by_the_escaping(tmp_path):
    from superplan.render import render_markdown

    plan = sp.load_plan(PLAN)
    english = (ROOT / "src/superplan/render/messages/en.json").read_text("utf-8")
    copy = tmp_path / "en-copy.json"
    copy.write_text(english, "utf-8")  # the same texts, given as a file
    assert render_markdown(plan, language=copy) == render_markdown(plan)


# -- 12: deeply nested page markup is refused before the quadratic parse -------------------------


def test_a_page_nested_past_the_limit_is_refused_at_once(tmp_path, capsys):
    from superplan.importers._document import MAX_NESTING, _nesting

    page = tmp_path / "nested.html"
    depth = 35_000  # about 1 MB: 73 s of parsing before
    page.write_text(
        "<html><body><main>" + "<ul><li>Rec 7 item " * depth + "</li></ul>" * depth + "</main>"
    )
    assert _nesting(page.read_text()) == 3 + depth  # html, body, main, then each ul
    assert cli("import", "page", page, "--responder", "kent") == 1
    err = capsys.readouterr().err
    assert f"{page}: " in err
    assert f"nested more than {MAX_NESTING} levels deep" in err


@pytest.mark.parametrize(
    "html",
    [
        "<ul>" + "<li>item" * 5000 + "</ul>",  # list items never closed: siblings, not nested
        "<p>" + "<p>para" * 5000,
        "<table>" + "<tr><td>x" * 5000 + "</table>",
        "<div>" + "<br><img src=x><hr/>" * 5000 + "</div>",
    ],
)
def test_long_flat_pages_are_not_taken_for_deep_ones(html):
    from superplan.importers._document import MAX_NESTING, _nesting, read_page

    assert _nesting(html) < 5
    assert MAX_NESTING >= 64
    read_page("<html><body>" + html + "</body></html>")  # read, not refused


def test_summarise_to_a_stream_writes_no_metadata_file_beside_it(tmp_path):
    fifo = tmp_path / "roll-up.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", os.fspath(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    assert cli("summarise", PLAN, "--as-of", "2025-03-27", "--out", fifo) == 0
    data, _ = reader.communicate(timeout=20)
    assert data.startswith(b"responder,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roll-up.csv"]


def test_writing_to_dev_stdout_keeps_the_wrote_line_out_of_the_data(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "superplan.cli", "export", str(PLAN), "--out", "/dev/stdout"],
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert b"wrote" not in done.stdout  # the CSV alone
    assert done.stdout.decode("utf-8-sig").startswith("Record,Rec No")
    assert done.stderr == b"wrote /dev/stdout\n"
