"""The generated pages in a real browser: they load cleanly, have one h1, a working contents list
and no WCAG 2.x A or AA violations found by axe-core. One screenshot per page type is kept under
test-artifacts/screenshots/ (git-ignored)."""

import json
import os
import shutil
import subprocess

import pytest

import superplan as sp
from superplan.render import build_site, write_pages

from .conftest import EXAMPLES, ROOT

JS = ROOT / "tests" / "js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _ready() -> bool:
    return (
        shutil.which("node") is not None
        and os.path.exists(CHROMIUM)
        and (JS / "node_modules" / "playwright-core").is_dir()
        and (JS / "node_modules" / "axe-core").is_dir()
    )


@pytest.fixture(scope="module")
def browse():
    if not _ready():
        if os.environ.get("CI"):
            pytest.fail(
                "the browser test needs chromium and tests/js/node_modules (.ci/run installs them)"
            )
        pytest.skip("chromium, node or tests/js/node_modules missing")

    def run(pages):
        result = subprocess.run(
            ["node", str(JS / "pages.mjs")],
            input=json.dumps({"pages": pages}),
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


# (file, page type, needs a contents list)
SITE_PAGES = [
    ("index.html", "site-index", True),
    ("recommendation-7.html", "recommendation", True),
    ("recommendation-21.html", None, True),
    ("agencies.html", "table", False),
    ("forces.html", None, False),
    ("schemas.html", None, False),
    ("schema-action-plan.html", "schema", False),
    ("schema-catalogue-recommendations.html", None, False),
]


def test_generated_pages_pass_in_a_real_browser(tmp_path, browse):
    plans = tmp_path / "plans"
    write_pages([sp.load_plan(path) for path in EXAMPLES], plans)
    site = tmp_path / "site"
    build_site(site)
    from superplan.progress import summarise
    from superplan.render._summary_page import render_summary_html
    from superplan.testing import synthetic_plans

    summary_page = tmp_path / "summary.html"
    summary_page.write_text(
        render_summary_html(summarise(synthetic_plans(43, seed=5), "2025-09-27"))
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = [
        (plans / "north-yorkshire.html", "plan", True),
        (plans / "merseyside.html", None, True),
        (plans / "index.html", "plan-index", False),
        *((site / name, kind, contents) for name, kind, contents in SITE_PAGES),
        (summary_page, "summary", True),
    ]
    requests = [
        {
            "url": path.as_uri(),
            **({"screenshot": str(SCREENSHOTS / f"{kind}.png")} if kind else {}),
        }
        for path, kind, _ in pages
    ]
    results = browse(requests)
    assert len(results) == len(pages)
    for (path, _, needs_contents), result in zip(pages, results, strict=True):
        where = path.name
        assert result["consoleErrors"] == [], where
        assert result["h1"] == 1, where
        assert result["lang"] == "en-GB", where
        assert result["scripts"] == 0, where
        assert result["brokenContentsLinks"] == [], where
        if needs_contents:
            assert result["contentsLinks"] > 0, where
        assert result["violations"] == [], (where, result["violations"])
        assert result["passes"] > 10, where
    assert (SCREENSHOTS / "plan.png").stat().st_size > 10_000


def test_the_harness_does_find_violations(tmp_path, browse):
    # A check that cannot fail proves nothing: a page with known faults must be caught.
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title></title></head><body>"
        "<h1>One</h1><h1>Two</h1><img src='x.png'><a href='#nowhere'>x</a>"
        "<nav aria-labelledby='contents'><h2 id='contents'>Contents</h2>"
        "<a href='#missing'>missing</a></nav>"
        "<p style='color:#bbb;background:#fff'>faint</p></body></html>"
    )
    (result,) = browse([{"url": bad.as_uri()}])
    ids = {v["id"] for v in result["violations"]}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= ids
    assert result["h1"] == 2
    assert result["brokenContentsLinks"] == ["missing"]
