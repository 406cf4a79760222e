"""The web checker in a real browser: `superplan serve` started on 127.0.0.1 at a free port, then
headless Chromium (playwright-core, tests/js/checker.mjs) uploads a workbook with mistakes, reads
the findings with their sheet, row and column, downloads the plan as JSON, follows a rule link;
axe-core finds no WCAG 2.x A or AA violation on any of those pages at 320 or 1280 CSS pixels, and
no page scrolls sideways."""

import json
import os
import re
import subprocess
import sys
import time

import pytest

from ..conftest import ROOT
from ..web_plans import MISTAKES, workbook_with_mistakes
from .test_browser import CHROMIUM, JS, _ready

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

# A real browser takes a minute: part of the whole suite (--slow), not the quick one.
pytestmark = pytest.mark.slow

#: Other pages audited as they are: (name, path).
PAGES = {
    "template": "template",
    "rules": "rules",
    "api": "api",
    "catalogue": "catalogue/index.html",
    "recommendation": "catalogue/recommendation-10.html",
    "not-found": "no/such/page",
}
_LISTENING = re.compile(r"checking plans at (http://127\.0\.0\.1:\d+/)")


@pytest.fixture
def server(tmp_path):
    """`superplan serve --port 0` (the system picks a free port), stopped after the test."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "superplan.cli", "serve", "--port", "0", "--no-progress"),
            *("--store", str(tmp_path / "store")),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        url = None
        seen = []
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            seen.append(line)
            match = _LISTENING.search(line)
            if match:
                url = match.group(1)
        assert url, "".join(seen)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


def test_a_workbook_checked_in_chromium(tmp_path, server):
    if not _ready():
        if os.environ.get("CI"):
            pytest.fail("the browser test needs chromium and tests/js/node_modules")
        pytest.skip("chromium, node or tests/js/node_modules missing")
    workbook = tmp_path / "cleveland.xlsx"
    workbook.write_bytes(workbook_with_mistakes())
    download = tmp_path / "downloaded.json"
    result = subprocess.run(
        ["node", str(JS / "checker.mjs")],
        input=json.dumps(
            {
                "url": server,
                "workbook": str(workbook),
                "download": str(download),
                "asOf": "2025-12-31",
                "pages": PAGES,
            }
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "CHROMIUM": CHROMIUM},
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)

    # The findings, each with its place in the workbook.
    # the three mistakes, and SP219 for each of the 14 rows the analyst left empty
    assert "0 errors, 17 warnings" in found["summary"]
    assert "1 of the 16 recommendations addressed to Cleveland Police answered" in found["summary"]
    for code, place in MISTAKES:
        assert any(code in f["finding"] and f["where"] == place for f in found["findings"]), (
            code,
            found["findings"],
        )
    # A rule link leads to the rule's page.
    assert found["followed"] == found["findings"][0]["rule"]
    code = found["followed"].rsplit("/", 1)[1]
    assert found["rulePage"]["h1"].startswith(f"{code}: ")
    # The JSON downloaded is what `superplan import table` makes of the same workbook.
    imported = tmp_path / "imported.json"
    command = [sys.executable, "-m", "superplan.cli", "import", "table", str(workbook)]
    done = subprocess.run(
        [*command, "--out", str(imported)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 0, done.stderr
    assert found["downloadName"] == "cleveland.json"
    assert download.read_bytes() == imported.read_bytes()
    # Nothing chosen is said; the plan is stored, and counted in the roll-up.
    assert "choose a file, or paste a plan as JSON" in found["nothingChosen"]
    assert "The plan was submitted, and kept as cleveland-" in found["stored"]
    kept = list((tmp_path / "store").glob("cleveland-*.json"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == imported.read_bytes()
    assert "2025" in found["rollUp"]
    # Accessible and reflowing at both widths, with no script of its own. The only console
    # errors are the statuses of the pages that refuse (400 nothing chosen, 404 not found).
    assert found["consoleErrors"] == [
        f"Failed to load resource: the server responded with a status of {status}"
        for status in ("400 (Bad Request)", "404 (Not Found)")
    ]
    flow = ("upload", "report", "rule", "upload-error", "stored", "roll-up-form", "roll-up")
    assert {(a["page"], a["width"]) for a in found["audits"]} == {
        (page, width) for page in (*flow, *PAGES) for width in (320, 1280)
    }
    for audit in found["audits"]:
        assert audit["violations"] == [], audit
        assert audit["scrollWidth"] <= audit["viewportWidth"], audit
        assert audit["h1"] == 1, audit
        assert audit["scripts"] == 0, audit
