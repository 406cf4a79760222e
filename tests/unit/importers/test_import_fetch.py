"""``import page URL`` and ``import pages``: fetching over HTTP from a local server on 127.0.0.1
(never the internet), what the draft records of where it came from, and the batch table."""

import csv
import hashlib
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from superplan.cli import main
from superplan.importers import count_captured, fetch_page, guess_responder

from ...conftest import DATA

LAYOUTS = DATA / "pages-layouts"
PAGE = (LAYOUTS / "1-key-value.html").read_bytes()
NEWS = (LAYOUTS / "7-news-article.html").read_bytes()

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/plan": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/news": (200, {"Content-Type": "text/html"}, NEWS),
    "/plan.txt": (
        200,
        {"Content-Type": "text/plain"},
        (LAYOUTS / "4-part-lines.txt").read_bytes(),
    ),
    "/moved": (301, {"Location": "/plan"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/ftp": (302, {"Location": "ftp://127.0.0.1/plan"}, b""),
    "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7"),
    "/missing": (404, {"Content-Type": "text/html"}, b"<p>Not found</p>"),
    "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>"),
    "/legacy": (
        200,
        {"Content-Type": "text/html"},
        "<main><p>Caf\u00e9</p></main>".encode("cp1252"),
    ),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_fetched_page_is_drafted_with_its_url_time_and_sha256(server, tmp_path, capsys):
    out, saved = tmp_path / "draft.json", tmp_path / "page.html"
    code = main(
        ["import", "page", f"{server}/moved", "--responder", "surrey", "--out", str(out),
         "--save-page", str(saved)]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code in (0, 1)  # 1: the draft has findings for a person to finish
    draft = json.loads(out.read_text(encoding="utf-8"))
    assert draft["source_url"] == f"{server}/plan"
    digest = hashlib.sha256(PAGE).hexdigest()
    note = draft["transcription_note"]
    assert f"Retrieved from {server}/plan on " in note
    assert f"SHA-256 {digest}" in note
    assert f"redirected (301) from {server}/moved to {server}/plan" in note
    assert "redirected (301)" in err
    assert saved.read_bytes() == PAGE
    assert [p["part"] for p in draft["responses"][0]["parts"]] == ["13.1", "13.2"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "more than 5 redirects"),
        ("/ftp", "only http and https pages are fetched, not 'ftp'"),
        ("/pdf", "the page is application/pdf, not HTML or text"),
        ("/missing", "the server answered 404 Not Found"),
    ],
)
def test_a_page_that_cannot_be_fetched_exits_2_with_the_reason(server, path, reason, capsys):
    code = main(["import", "page", f"{server}{path}", "--responder", "surrey"])
    assert code == 2
    assert reason in capsys.readouterr().err


def test_the_size_limit_and_schemes_are_checked_before_anything_is_read(server, capsys):
    code = main(["import", "page", f"{server}/big", "--responder", "surrey", "--max-bytes", "100"])
    assert code == 2
    assert "over the limit of 100" in capsys.readouterr().err
    code = main(["import", "page", "file:///etc/passwd", "--responder", "surrey"])
    assert code == 2
    assert "only http and https pages are fetched, not 'file'" in capsys.readouterr().err


def test_nothing_listens_there_exits_2(capsys):
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = main(["import", "page", f"http://127.0.0.1:{port}/plan", "--responder", "surrey"])
    assert code == 2
    assert "the page cannot be fetched" in capsys.readouterr().err


def test_a_page_in_windows_1252_is_read_and_said_so(server):
    fetched = fetch_page(f"{server}/legacy", max_bytes=10_000)
    assert fetched.legacy
    assert "Caf\u00e9" in fetched.text


def test_save_page_is_refused_for_a_file(tmp_path, capsys):
    code = main(
        ["import", "page", str(LAYOUTS / "1-key-value.txt"), "--responder", "surrey",
         "--save-page", str(tmp_path / "copy.txt")]
    )  # fmt: skip
    assert code == 2
    assert "--save-page keeps a fetched page" in capsys.readouterr().err


def test_import_page_honours_max_bytes_for_files(capsys):
    code = main(
        ["import", "page", str(LAYOUTS / "1-key-value.txt"), "--responder", "surrey",
         "--max-bytes", "50"]
    )  # fmt: skip
    assert code == 2
    assert "50" in capsys.readouterr().err


def test_import_pages_drafts_a_folder_and_tables_what_each_gave(tmp_path, capsys):
    out = tmp_path / "drafts"
    code = main(
        ["import", "pages", str(LAYOUTS), "--responder", "surrey", "--out", str(out),
         "--format", "csv"]
    )  # fmt: skip
    assert code == 1  # the news article (and the APCC summary, under surrey) hold no plan
    rows = {
        row["source"].rsplit("/", 1)[-1]: row
        for row in csv.DictReader(io.StringIO(capsys.readouterr().out))
    }
    assert len(rows) == len(list(LAYOUTS.iterdir()))
    kv = rows["1-key-value.txt"]
    assert (kv["status"], kv["recommendations"], kv["parts"], kv["owners"]) == (
        "draft",
        "1",
        "2",
        "3",
    )
    assert (kv["dated_updates"], kv["statuses"], kv["evidence"]) == ("2", "2", "2")
    assert rows["3-dated-columns.html"]["acceptance"] == "2"
    assert rows["5-paraphrase-rows.txt"]["actions"] == "2"
    news = rows["7-news-article.txt"]
    assert news["status"] == "no plan"
    assert "no recommendation-level content" in news["note"]
    assert (out / "1-key-value.json").exists()
    assert (out / "1-key-value-txt.json").exists()
    assert not (out / "7-news-article.json").exists()


def test_import_pages_reads_a_list_of_urls_and_files(server, tmp_path, capsys):
    listing = tmp_path / "pages.txt"
    listing.write_text(
        f"# pages to import\n{server}/plan surrey\n{server}/news surrey\n{server}/missing kent\n"
        f"{LAYOUTS / '2-cells-a-line.txt'} kent\nnowhere.txt\n",
        encoding="utf-8",
    )
    report = tmp_path / "table.json"
    code = main(
        ["import", "pages", str(listing), "--out", str(tmp_path / "d"), "--format", "json",
         "--report", str(report)]
    )  # fmt: skip
    assert code == 1
    rows = json.loads(capsys.readouterr().out)
    assert json.loads(report.read_text(encoding="utf-8")) == rows
    assert [row["status"] for row in rows] == ["draft", "no plan", "error", "draft", "no responder"]
    assert rows[0]["parts"] == 2
    assert "404" in rows[2]["note"]
    assert rows[3]["responder"] == "kent"


def test_import_pages_text_table_lists_the_pages_with_no_plan(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kent.txt").write_bytes((DATA / "pages-real/kent.txt").read_bytes())
    (folder / "surrey-news.html").write_bytes(NEWS)
    code = main(["import", "pages", str(folder), "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert code == 1
    assert "pages with no plan:" in out
    assert "surrey-news.html: no plan: no recommendation-level content" in out
    assert "2 page(s), 1 draft(s)" in out


def test_the_responder_is_found_from_a_file_name_or_an_address():
    import superplan as sp

    cat = sp.catalogue()
    assert guess_responder("north-yorkshire-police-action-plan.txt", cat) == "north-yorkshire"
    assert guess_responder("https://www.kent.police.uk/foi-ai/stalking/", cat) == "kent"
    assert guess_responder("kent-pcc-response.html", cat) == "kent-pcc"
    assert guess_responder("page.html", cat) is None


def test_counts_by_kind():
    data = {
        "leads": [{"role": "Lead", "name": "A"}],
        "responses": [
            {
                "recommendation": 7,
                "acceptance": "accepted",
                "parts": [{"part": "7.1", "owner": "B", "evidence": ["x", "y"], "status": "complete",
                           "updates": [{"date": "2024-11", "note": "n"}, {"note": "undated"}]}],
                "actions": [{"id": "7-1", "description": "d", "owner": "C"}],
            }
        ],
    }  # fmt: skip
    assert count_captured(data) == {
        "recommendations": 1,
        "parts": 1,
        "owners": 3,
        "dated_updates": 1,
        "statuses": 1,
        "actions": 1,
        "acceptance": 1,
        "evidence": 2,
    }
