"""The web checker and its API, driven in-process (Starlette's TestClient): every route, good
input and bad. Bad input always gets a 4xx and a message saying what and where, never a 500 or a
traceback; nothing is ever written to disk but an accepted plan in the store folder."""

import html
import io
import json
import re
import tempfile

import pytest

pytest.importorskip("starlette")
pytest.importorskip("python_multipart")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient

import superplan as sp
from superplan.importers import import_table
from superplan.web import create_app

from ...conftest import EXAMPLES
from ...web_plans import MISTAKES, workbook_with_mistakes, xlsx_bomb

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MERSEYSIDE = next(p for p in EXAMPLES if p.name == "merseyside-police.json")
SAME_SITE = {"origin": "http://testserver"}


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def stored(tmp_path):
    folder = tmp_path / "submissions"
    with TestClient(create_app(store=folder), raise_server_exceptions=False) as test_client:
        yield test_client, folder


@pytest.fixture(scope="module")
def mistakes() -> bytes:
    return workbook_with_mistakes()


@pytest.fixture
def no_disk(monkeypatch):
    """Any temporary file made while this is in force fails the test: uploads stay in memory."""

    def refuse(*args, **kwargs):
        raise AssertionError("an upload was written to disk")

    for name in ("SpooledTemporaryFile", "TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, refuse)


def text_of(response) -> str:
    """A page's words, without its markup (entities decoded)."""
    body = re.sub(r"<style>.*?</style>", " ", response.text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def refused(response, status: int, *words: str) -> None:
    """A clear refusal: the status, the words, and no traceback."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert "Traceback" not in response.text
    said = text_of(response) if "html" in response.headers["content-type"] else response.text
    for word in words:
        assert word in said, (word, said[:2000])


def problem_of(response, status: int) -> dict:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


def upload(client, name: str, data: bytes, content_type: str = "application/octet-stream", **form):
    return client.post("/check", files={"file": (name, data, content_type)}, data=form)


# -- pages ---------------------------------------------------------------------------------------


def test_home_page_offers_upload_paste_and_responder(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.text
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page
    assert '<textarea id="text" name="text"' in page
    assert '<option value="cleveland">Cleveland Police</option>' in page
    assert "<script" not in page
    assert "National roll-up" not in page  # no store, no roll-up


def test_security_headers_on_every_response(client):
    for response in (client.get("/"), client.get("/api/catalogue"), client.get("/nowhere")):
        headers = response.headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "script-src" not in policy
        assert "unsafe-inline" not in policy
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["cache-control"] == "no-store"
        assert "set-cookie" not in headers


def test_the_style_element_is_allowed_by_its_hash(client):
    import base64
    import hashlib

    response = client.get("/")
    style = re.search(r"<style>(.*?)</style>", response.text, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["content-security-policy"]


def test_a_json_plan_is_reported_with_lines_and_pointers(client, no_disk):
    document = json.loads(MERSEYSIDE.read_text())
    document["responses"][0]["recommendation"] = 99
    text = json.dumps(document, indent=2)
    response = upload(client, "plan.json", text.encode(), "application/json")
    assert response.status_code == 200
    words = text_of(response)
    assert "the plan does not pass" in words
    assert "1 error" in words
    report = sp.validate(text)
    wrong = next(f for f in report.findings if f.severity == "error")
    assert f"line {wrong.line}, column {wrong.column}, at {wrong.pointer}" in words
    assert f'<a href="/rules/{wrong.code}">{wrong.code}</a>' in response.text
    assert wrong.hint in words
    assert "Download as JSON" not in words or "Preview the plan" in words


def test_a_valid_plan_says_what_is_answered(client):
    response = upload(client, "m.json", MERSEYSIDE.read_bytes(), "application/json")
    words = text_of(response)
    assert "the plan passes, with 1 warning" in words
    # a response that states nothing answers nothing (the vocabulary of absence, as on its page)
    assert "4 of the 16 recommendations addressed to Merseyside Police answered" in words


def test_pasted_json_is_checked(client):
    response = client.post("/check", data={"text": MERSEYSIDE.read_text()})
    assert response.status_code == 200
    assert "pasted JSON" in text_of(response)


def test_a_workbook_with_mistakes_names_sheet_row_and_column(client, mistakes, no_disk):
    response = upload(client, "cleveland.xlsx", mistakes)
    assert response.status_code == 200
    words = text_of(response)
    for code, place in MISTAKES:
        row = re.search(rf"<tr role=\"row\">(.*?{code}.*?)</tr>", response.text, re.DOTALL)
        assert row is not None, code
        assert place in html.unescape(row.group(1))
    assert "SP205" in words
    assert "no response to recommendation" in words
    # What the workbook said is shown as text, never as markup.
    assert "<b>recommendation</b>" not in response.text


def test_a_csv_table_is_checked(client, mistakes, tmp_path):
    path = tmp_path / "c.xlsx"
    path.write_bytes(mistakes)
    plan = import_table(path).plan
    table = sp.dumps(plan)
    csv = client.post(
        "/api/convert?to=csv", content=table, headers={"content-type": "application/json"}
    )
    assert csv.status_code == 200
    response = upload(client, "cleveland.csv", csv.content, "text/csv")
    assert response.status_code == 200
    assert 'row 5, column M "Due"' in text_of(response)  # export's layout: no Title column


def test_preview_and_downloads(client, mistakes, tmp_path):
    response = upload(client, "cleveland.xlsx", mistakes)
    canonical = html.unescape(re.search(r'name="plan" value="([^"]*)"', response.text).group(1))
    path = tmp_path / "cleveland.xlsx"
    path.write_bytes(mistakes)
    expected = sp.dumps(import_table(path).plan)
    assert canonical == expected
    preview = client.post("/preview", data={"plan": canonical})
    assert preview.status_code == 200
    assert "Cleveland Police" in preview.text
    assert "<script" not in preview.text
    as_json = client.post("/download/json", data={"plan": canonical})
    assert as_json.status_code == 200
    assert as_json.headers["content-disposition"] == 'attachment; filename="cleveland.json"'
    assert as_json.text == expected
    as_csv = client.post("/download/csv", data={"plan": canonical})
    assert as_csv.headers["content-type"].startswith("text/csv")
    as_xlsx = client.post("/download/xlsx", data={"plan": canonical})
    assert as_xlsx.headers["content-type"] == XLSX
    for table, suffix in ((as_csv.content, ".csv"), (as_xlsx.content, ".xlsx")):
        back = tmp_path / f"back{suffix}"
        back.write_bytes(table)
        assert sp.dumps(import_table(back).plan) == expected
    refused(client.post("/download/pdf", data={"plan": canonical}), 404, "json, csv or xlsx")
    refused(client.post("/download/json", data={"plan": ""}), 400, "no plan was sent")
    refused(client.post("/preview", data={"plan": "{"}), 422, "cannot be read")


def test_templates(client):
    page = client.get("/template")
    assert page.status_code == 200
    assert "Cleveland Police" in page.text
    workbook = client.get("/template/download", params={"responder": "cleveland"})
    assert workbook.status_code == 200
    assert workbook.headers["content-type"] == XLSX
    assert workbook.content[:2] == b"PK"
    as_csv = client.get("/template/download", params={"responder": "kent", "format": "csv"})
    assert as_csv.status_code == 200
    assert b"Rec No" in as_csv.content
    refused(client.get("/template/download", params={"responder": "atlantis"}), 404, "atlantis")


def test_catalogue_and_rule_pages(client):
    assert client.get("/catalogue", follow_redirects=False).status_code == 303
    index = client.get("/catalogue/index.html")
    assert index.status_code == 200
    assert "recommendation-10.html" in index.text
    assert client.get("/catalogue/recommendation-10.html").status_code == 200
    refused(client.get("/catalogue/secret.txt"), 404, "nothing at")
    refused(client.get("/catalogue/..%2F..%2Fetc%2Fpasswd"), 404)
    rules = client.get("/rules")
    assert rules.status_code == 200
    assert all(f'href="/rules/{rule.code}"' in rules.text for rule in sp.RULES)
    rule = client.get("/rules/sp205")
    assert rule.status_code == 200
    words = text_of(rule)
    assert "SP205: Addressed recommendation not answered" in words
    assert "How to fix it" in words
    refused(client.get("/rules/SP999"), 404)


def test_not_found_and_wrong_method(client):
    refused(client.get("/no/such/page"), 404, "nothing at /no/such/page")
    refused(client.get("/check"), 405, "GET is not allowed")
    problem_of(client.get("/api/nothing"), 404)
    problem_of(client.delete("/api/validate"), 405)


# -- bad input -----------------------------------------------------------------------------------


def test_nothing_given(client):
    refused(client.post("/check", data={"text": "  "}), 400, "choose a file, or paste")


def test_an_empty_upload(client):
    refused(upload(client, "plan.json", b"", "application/json"), 400, "empty")
    problem_of(client.post("/api/validate", files={"file": ("plan.json", b"")}), 400)


def test_a_six_megabyte_file(client, no_disk):
    big = b'{"responder": "kent", "x": "' + b"a" * (6 * 1024 * 1024) + b'"}'
    refused(upload(client, "big.json", big, "application/json"), 413, "larger than the limit")
    body = problem_of(
        client.post("/api/validate", content=big, headers={"content-type": "application/json"}),
        413,
    )
    assert "bytes" in body["detail"]


def test_an_xlsx_zip_bomb(client, no_disk):
    bomb = xlsx_bomb()
    assert len(bomb) < 1024 * 1024  # small as sent, huge when opened
    refused(upload(client, "bomb.xlsx", bomb), 413, "inflate")
    problem_of(client.post("/api/validate", content=bomb, headers={"content-type": XLSX}), 413)


def test_a_zip_bomb_sent_as_csv_is_refused_too(client):
    bomb = xlsx_bomb()
    problem_of(
        client.post("/api/validate", content=bomb, headers={"content-type": "text/csv"}), 413
    )
    problem_of(client.post("/api/convert", content=bomb, headers={"content-type": "text/csv"}), 413)


def test_a_workbook_of_too_many_rows(client):
    refused(upload(client, "rows.xlsx", xlsx_bomb(60_000, numbered=True)), 413, "60000 rows")


def test_a_damaged_workbook(client):
    refused(upload(client, "broken.xlsx", b"PK\x03\x04 not really a zip"), 422, "not a readable")


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "SP008"),
        (b'{"responder": "kent", "n": ' + b"9" * 100_000 + b"}", None),
        (b'{"responder": "kent", "n": 1e999999}', None),
    ],
    ids=["deep", "long-number", "huge-exponent"],
)
def test_a_json_bomb(client, document, code):
    page = upload(client, "bomb.json", document, "application/json")
    assert 400 <= page.status_code < 500
    assert "Traceback" not in page.text
    assert "the plan does not pass" in text_of(page)
    body = problem_of(
        client.post(
            "/api/validate", content=document, headers={"content-type": "application/json"}
        ),
        422,
    )
    codes = body["report"]["counts"]
    assert codes, body
    if code:
        assert code in codes


def test_a_wrong_content_type(client):
    problem_of(
        client.post(
            "/api/validate", content=b"<html></html>", headers={"content-type": "text/html"}
        ),
        415,
    )
    refused(upload(client, "plan.json", MERSEYSIDE.read_bytes(), "image/png"), 415, "image/png")
    refused(upload(client, "plan.pdf", b"%PDF-1.7"), 415, "not a JSON, CSV or XLSX file")
    refused(upload(client, "plan.xlsx", MERSEYSIDE.read_bytes()), 415, "not an XLSX")
    refused(
        client.post("/check", content=b"text=x", headers={"content-type": "text/plain"}),
        415,
        "multipart/form-data",
    )


def test_a_plan_for_another_responder(client, mistakes):
    json_page = upload(
        client, "m.json", MERSEYSIDE.read_bytes(), "application/json", responder="kent"
    )
    refused(json_page, 422, "a plan for 'merseyside', not for 'kent'")
    table_page = upload(client, "c.xlsx", mistakes, responder="kent")
    refused(table_page, 422, "a plan for 'cleveland', not for 'kent'")
    body = problem_of(
        client.post(
            "/api/validate?responder=kent",
            content=MERSEYSIDE.read_bytes(),
            headers={"content-type": "application/json"},
        ),
        422,
    )
    assert "merseyside" in body["detail"]
    refused(
        upload(client, "m.json", MERSEYSIDE.read_bytes(), responder="atlantis"), 400, "atlantis"
    )


def test_a_json_plan_without_responder_takes_the_chosen_one(client):
    document = json.loads(MERSEYSIDE.read_text())
    del document["responder"]
    data = json.dumps(document).encode()
    without = upload(client, "m.json", data, "application/json")
    assert "the plan does not pass" in text_of(without)
    chosen = upload(client, "m.json", data, "application/json", responder="merseyside")
    assert "the plan passes" in text_of(chosen)


def test_a_table_in_another_shape_needs_a_responder(client):
    table = b"Rec No,Response\n7,We accept.\n"
    refused(upload(client, "t.csv", table, "text/csv"), 422, "choose the responder")
    response = upload(client, "t.csv", table, "text/csv", responder="kent")
    assert response.status_code == 200


def test_a_table_with_bad_cells_names_each_cell(client):
    table = write_csv_template("kent").replace(b"response,7,", b"response,seven,", 1)
    response = upload(client, "kent.csv", table, "text/csv")
    refused(response, 422, "row 3")


def write_csv_template(responder: str) -> bytes:
    from superplan.tables import write_template

    return write_template(responder, None, kind="csv")


def test_submitted_text_is_never_markup(client):
    document = json.loads(MERSEYSIDE.read_text())
    document["responses"][0]["narrative"] = '<script>alert("x")</script>'
    document["title"] = "<img src=x onerror=alert(1)>"
    page = upload(client, '<b>name</b>".json', json.dumps(document).encode(), "application/json")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "<b>name</b>" not in page.text
    canonical = html.unescape(re.search(r'name="plan" value="([^"]*)"', page.text).group(1))
    preview = client.post("/preview", data={"plan": canonical})
    assert "<script>alert" not in preview.text
    assert "<img src=x" not in preview.text


def test_the_time_limit(tmp_path):
    with TestClient(create_app(timeout=1e-9), raise_server_exceptions=False) as slow:
        response = upload(slow, "m.json", MERSEYSIDE.read_bytes(), "application/json")
        assert response.status_code == 503
        assert "time limit" in text_of(response)


def test_create_app_refuses_nonsense_settings():
    with pytest.raises(ValueError, match="positive"):
        create_app(max_bytes=0)


def test_nothing_is_written_without_a_store(client, tmp_path, monkeypatch, mistakes):
    monkeypatch.chdir(tmp_path)
    upload(client, "c.xlsx", mistakes)
    client.post("/check", data={"text": MERSEYSIDE.read_text()})
    refused(client.post("/submit", data={"plan": "{}"}, headers=SAME_SITE), 404, "keeps no plans")
    refused(client.get("/roll-up"), 404)
    assert list(tmp_path.iterdir()) == []


# -- the store -----------------------------------------------------------------------------------


def test_an_accepted_plan_is_stored_for_summarise(stored):
    client, folder = stored
    plan = sp.load_plan(MERSEYSIDE)
    canonical = sp.dumps(plan)
    page = upload(client, "m.json", MERSEYSIDE.read_bytes(), "application/json")
    assert "Submit the plan" in page.text
    response = client.post("/submit", data={"plan": canonical}, headers=SAME_SITE)
    assert response.status_code == 200, response.text
    files = sorted(folder.glob("*.json"))
    assert len(files) == 1
    assert re.fullmatch(r"merseyside-\d{4}-\d{2}-\d{2}\.json", files[0].name)
    assert files[0].read_text() == canonical
    again = client.post("/submit", data={"plan": canonical}, headers=SAME_SITE)
    assert "already submitted" in text_of(again)
    changed = sp.to_dict(plan)
    changed["title"] = "A later version"
    later = sp.dumps(sp.from_dict(changed))
    client.post("/submit", data={"plan": later}, headers=SAME_SITE)
    names = {p.name for p in folder.glob("*.json")}
    assert names == {files[0].name, files[0].name.replace(".json", "-2.json")}
    assert not [p for p in folder.iterdir() if p.suffix != ".json"]  # no temporary file left
    from superplan.cli import main

    assert main(["summarise", str(folder), "--as-of", "2025-12-31", "--no-progress"]) == 0


def test_the_roll_up_page(stored):
    client, _ = stored
    client.post("/submit", data={"plan": MERSEYSIDE.read_text()}, headers=SAME_SITE)
    form = client.get("/roll-up")
    assert form.status_code == 200
    assert "1 plan file submitted" in text_of(form)
    assert "National roll-up" in client.get("/").text
    page = client.get("/roll-up", params={"as_of": "2025-12-31"})
    assert page.status_code == 200
    assert "Merseyside" in page.text
    refused(client.get("/roll-up", params={"as_of": "31/12/2025"}), 400, "As of")


def test_the_store_refuses_a_cross_site_form(stored):
    client, folder = stored
    canonical = MERSEYSIDE.read_text()
    refused(client.post("/submit", data={"plan": canonical}), 403, "own page")
    refused(
        client.post(
            "/submit", data={"plan": canonical}, headers={"origin": "https://evil.example"}
        ),
        403,
    )
    refused(
        client.post(
            "/submit",
            data={"plan": canonical},
            headers={**SAME_SITE, "sec-fetch-site": "cross-site"},
        ),
        403,
    )
    assert list(folder.iterdir()) == []


def test_the_store_refuses_a_plan_with_errors(stored):
    client, folder = stored
    document = json.loads(MERSEYSIDE.read_text())
    document["responses"][0]["recommendation"] = 99
    refused(
        client.post("/submit", data={"plan": json.dumps(document)}, headers=SAME_SITE),
        422,
        "has errors",
    )
    assert list(folder.iterdir()) == []


# -- the API -------------------------------------------------------------------------------------


def test_api_validate_json_body(client, no_disk):
    response = client.post(
        "/api/validate",
        content=MERSEYSIDE.read_bytes(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    expected = sp.validate(MERSEYSIDE.read_bytes()).to_dict()
    for finding in expected["findings"]:  # each finding points at this checker's rule page
        finding["docs"] = f"http://testserver/rules/{finding['code']}"
    assert response.json() == {**expected, "source": "request body"}
    assert client.get(response.json()["findings"][0]["docs"]).status_code == 200


def test_api_validate_a_file(client, mistakes):
    response = client.post("/api/validate", files={"file": ("c.xlsx", mistakes, XLSX)})
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is True
    # the three mistakes, and each of the 14 rows the analyst left empty (SP219)
    assert body["counts"] == {"SP205": 1, "SP215": 1, "SP216": 1, "SP219": 14}
    assert body["warning_count"] == 17
    places = {(p["code"], p["place"]) for p in body["places"]}
    assert set(MISTAKES) <= places


def test_api_convert(client, mistakes, tmp_path):
    path = tmp_path / "c.xlsx"
    path.write_bytes(mistakes)
    expected = sp.dumps(import_table(path).plan)
    to_json = client.post("/api/convert", files={"file": ("c.xlsx", mistakes, XLSX)})
    assert to_json.status_code == 200
    assert to_json.text == expected
    to_xlsx = client.post(
        "/api/convert?to=xlsx", content=expected, headers={"content-type": "application/json"}
    )
    assert to_xlsx.status_code == 200
    assert to_xlsx.headers["content-type"] == XLSX
    back = client.post("/api/convert", content=to_xlsx.content, headers={"content-type": XLSX})
    assert back.text == expected
    problem_of(
        client.post(
            "/api/convert?to=pdf", content=expected, headers={"content-type": "application/json"}
        ),
        400,
    )
    body = problem_of(
        client.post(
            "/api/convert",
            content=b'{"responder": 5}',
            headers={"content-type": "application/json"},
        ),
        422,
    )
    assert body["problems"]


def test_api_reference(client):
    catalogue = client.get("/api/catalogue").json()
    assert [rec["number"] for rec in catalogue] == list(range(1, 30))
    rules = client.get("/api/rules").json()
    assert {rule["code"] for rule in rules} == {rule.code for rule in sp.RULES}
    assert client.get("/api/schemas").json() == list(sp.SCHEMA_NAMES)
    schema = client.get("/api/schemas/action-plan")
    assert schema.status_code == 200
    assert schema.json() == sp.schema("action-plan")
    problem_of(client.get("/api/schemas/nope"), 404)
    workbook = client.get("/api/template/cleveland.xlsx")
    assert workbook.status_code == 200
    assert workbook.headers["content-type"] == XLSX
    assert client.get("/api/template/cleveland.csv").status_code == 200
    problem_of(client.get("/api/template/atlantis.xlsx"), 404)
    problem_of(client.get("/api/template/cleveland.docx"), 404)


def test_openapi_describes_every_api_route(client):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert {
        "/api/validate",
        "/api/convert",
        "/api/catalogue",
        "/api/schemas/{name}",
        "/api/template/{file}",
    } <= set(document["paths"])
    page = client.get("/api")
    assert page.status_code == 200
    assert "/api/openapi.json" in page.text


def test_a_bug_is_a_500_problem_without_a_traceback(client, monkeypatch):
    import superplan.web._app as web_app

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(web_app, "check_submission", broken)
    response = client.post(
        "/api/validate",
        content=MERSEYSIDE.read_bytes(),
        headers={"content-type": "application/json"},
    )
    body = problem_of(response, 500)
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" in body["detail"]


# -- the command ---------------------------------------------------------------------------------


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch, capsys):
    import superplan.web as web
    from superplan.cli import main

    monkeypatch.setattr(web, "find_spec", lambda name: None)
    assert main(["serve", "--port", "0"]) == 2
    assert "pip install 'superplan[serve]'" in capsys.readouterr().err


def test_serve_on_a_port_in_use_is_a_clear_error(capsys):
    import socket

    from superplan.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_refuses_a_bad_port(capsys):
    from superplan.cli import main

    assert main(["serve", "--port", "70000"]) == 2
    assert "--port" in capsys.readouterr().err


def test_the_form_reads_from_memory(client, no_disk):
    data = io.BytesIO(MERSEYSIDE.read_bytes() * 1)
    response = client.post("/check", files={"file": ("m.json", data, "application/json")})
    assert response.status_code == 200


def test_superplan_works_without_the_extra(tmp_path):
    import subprocess
    import sys

    from ...conftest import ROOT

    script = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'python_multipart', 'anyio'):\n"
        "    sys.modules[name] = None\n"
        "import superplan, superplan.web\n"
        f"assert superplan.validate({str(MERSEYSIDE)!r}).valid\n"
        "from superplan.cli import main\n"
        "sys.exit(main(['serve', '--port', '0']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2, done.stderr
    assert "needs the serve extra" in done.stderr
    assert "pip install 'superplan[serve]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_nothing_below_the_web_layer_imports_it():
    from ...conftest import ROOT

    package = ROOT / "src" / "superplan"
    for path in package.rglob("*.py"):
        if path.relative_to(package).parts[0] in ("web", "cli", "cli.py"):  # the top layer
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"from \.+web\b|superplan\.web|import starlette", text), path


def test_a_form_of_too_many_parts(client):
    fields = {f"field{n}": "x" for n in range(40)}
    refused(client.post("/check", files={"file": ("m.json", b"{}")}, data=fields), 400, "parts")


def test_a_form_field_that_is_not_utf8(client):
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n'.encode()
        + b"\xff\xfe{}\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    response = client.post(
        "/check",
        content=body,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    refused(response, 400, "not UTF-8")


def test_a_windows_1252_table_is_read_and_said(client):
    table = write_csv_template("kent").decode("utf-8-sig").replace("Kent", "Kent caf\u00e9")
    response = upload(client, "kent.csv", table.encode("cp1252"), "text/csv")
    assert response.status_code == 200
    assert "read as Windows-1252" in text_of(response)
