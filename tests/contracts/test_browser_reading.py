"""Pages read as their readers read them, in a real Chromium (issue 24's "done when"):

- at 390 px (a phone), every recommendation's status and deadline are within the first screen
  of its section, and every row of the task list shows its deadline and status;
- no header and no short word breaks mid-word at 320, 390, 800 and 1280 px, and nothing makes
  the page scroll sideways at any of them;
- every focus state meets 3:1 against what surrounds it, its text 4.5:1, computed from the
  colours the browser uses (axe does not check focus states);
- axe-core finds no WCAG 2.x A or AA violation at 320 and 1280 px, in light and in dark mode.

Screenshots go to test-artifacts/screenshots/reading-*.png (git-ignored)."""

import json
import os
import subprocess

import pytest

import superplan as sp
from superplan.progress import summarise
from superplan.render import build_site, render_diff_html, render_html
from superplan.render._summary_page import render_summary_html

from ..conftest import DATA, EXAMPLES
from .test_browser import JS, SCREENSHOTS, _ready

# A real browser takes minutes: part of the whole suite (--slow), not the quick one.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read():
    if not _ready():
        if os.environ.get("CI"):  # CI installs them: a missing browser there is a failure
            pytest.fail("the browser test needs chromium and tests/js/node_modules")
        pytest.skip("chromium, node or tests/js/node_modules missing")

    def run(pages, widths, schemes=("light",)):
        request = {"pages": pages, "widths": list(widths), "schemes": list(schemes), "height": 844}
        result = subprocess.run(
            ["node", str(JS / "reading.mjs")],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def _pages(folder):
    examples = [sp.load_plan(path) for path in EXAMPLES]
    gwent = sp.load_plan(DATA / "render" / "gwent-1.1.json")
    pages = {}
    for plan in [*examples, gwent]:
        path = folder / f"{plan.responder}.html"
        path.write_text(render_html(plan), encoding="utf-8")
        pages[plan.responder] = path
    # a roll-up where most forces have no plan as of its date
    rollup = folder / "summary.html"
    rollup.write_text(render_summary_html(summarise([*examples, gwent], "2025-03-27")))
    pages["summary"] = rollup
    ny = next(p for p in examples if p.responder == "north-yorkshire")
    later = sp.to_dict(ny)
    later["published"] = "2025-03-27"
    later["responses"][0]["status"] = "complete"
    del later["responses"][-1]
    diff = folder / "diff.html"
    diff.write_text(render_diff_html(ny, sp.from_dict(later), names=("v1.json", "v2.json")))
    pages["diff"] = diff
    site = folder / "site"
    build_site(site)
    pages["site-index"] = site / "index.html"
    pages["forces"] = site / "forces.html"
    return pages


def test_pages_read_well_at_every_width_in_light_and_dark(tmp_path, read):
    pages = _pages(tmp_path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    requests = [
        {
            "url": path.as_uri(),
            "screenshot": str(SCREENSHOTS / f"reading-{kind}-{{width}}-{{scheme}}.png"),
        }
        for kind, path in pages.items()
    ]
    light = read(requests, (320, 390, 800, 1280))
    dark = read(requests, (320, 1280), ("dark",))
    plans = {"north-yorkshire", "merseyside", "gwent"}
    kinds = list(pages)
    for index, result in enumerate(light):
        kind = kinds[index // 4]
        where = f"{kind} at {result['width']}px, light"
        assert result["scrollWidth"] <= result["width"], where  # reflow at every width
        assert result["brokenWords"] == [], where
        assert result["focusChecked"] > 3, where
        assert result["focusFailures"] == [], where
        if result["width"] != 390:
            assert result["violations"] == [], (where, result["violations"])
        if kind in plans:
            assert len(result["sections"]) >= 16, where
            assert len(result["tasks"]) >= 16, where
            assert [t for t in result["tasks"] if not t["ok"]] == [], where
            if result["width"] == 390:
                # the first screen of each section says where it stands and by when
                late = [s for s in result["sections"] if not s["ok"]]
                assert late == [], (where, late)
    for index, result in enumerate(dark):
        kind = kinds[index // 2]
        where = f"{kind} at {result['width']}px, dark"
        assert result["violations"] == [], (where, result["violations"])
        assert result["focusFailures"] == [], where
        assert result["brokenWords"] == [], where


def test_the_reading_harness_catches_what_it_looks_for(tmp_path, read):
    # A check that cannot fail proves nothing: each fault must be caught.
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Bad</title>"
        "<meta name='viewport' content='width=device-width'>"
        "<style>th { overflow-wrap: anywhere; width: 1px; } header a:focus { background: #ffdd00;"
        " color: #fff; outline: none; }</style></head><body>"
        "<header style='background:#0b0c0c'><a href='#x'>Home</a></header><main><h1>Bad</h1>"
        "<table><tr><th>Recommendation</th><th>Owner</th></tr></table>"
        "<section aria-labelledby='recommendation-7'><h2 id='recommendation-7'>Seven</h2>"
        "<div style='height:2000px'></div><dl class='standing'><dt>Status</dt>"
        "<dd><strong class='tag'>Complete</strong></dd><dt>Deadline</dt><dd>2025</dd></dl>"
        "</section></main></body></html>"
    )
    (result,) = read([{"url": bad.as_uri()}], (390,))
    assert "th: Recommendation" in result["brokenWords"]
    assert [s["ok"] for s in result["sections"]] == [False]
    assert any(f["element"].startswith("a Home") for f in result["focusFailures"])
