"""The generated pages in a real browser, at 320, 390 and 1280 CSS pixels wide: they load cleanly,
have one h1 and a working contents list, never scroll sideways (WCAG 2.2 1.4.10, reflow) and have
no WCAG 2.x A or AA violations found by axe-core. A screenshot of each page kind at each width,
and the widths measured, are kept under test-artifacts/ (git-ignored; CI keeps them)."""

import json
import os
import shutil
import subprocess

import pytest

import superplan as sp
from superplan.render import build_site, render_html, write_pages

from ..conftest import DATA, EXAMPLES, ROOT

JS = ROOT / "tests" / "js"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
WIDTHS = [320, 390, 1280]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# A real browser takes minutes: part of the whole suite (--slow), not the quick one.
pytestmark = pytest.mark.slow


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

    def run(pages, widths=(1200,)):
        result = subprocess.run(
            ["node", str(JS / "pages.mjs")],
            input=json.dumps({"pages": pages, "widths": list(widths)}),
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


# (file, page kind, needs a contents list)
SITE_PAGES = [
    ("index.html", "site-index", True),
    ("recommendation-10.html", "recommendation", True),
    ("agencies.html", "table", False),
    ("forces.html", "forces", False),
    ("schemas.html", "schemas", False),
    ("schema-action-plan.html", "schema", False),
]


def _later_version(plan: sp.ActionPlan) -> sp.ActionPlan:
    document = sp.to_dict(plan)
    document["published"] = "2025-03-27"
    first = document["responses"][0]
    first["status"] = "complete"
    first["actions"][0]["description"] += " Done: https://www.example.org/" + "long-path/" * 12
    first["actions"].append({"id": "new-action", "description": "A new action."})
    return sp.from_dict(document)


def test_generated_pages_pass_in_a_real_browser_at_every_width(tmp_path, browse):
    from superplan.progress import summarise
    from superplan.render import render_diff_html
    from superplan.render._summary_page import render_summary_html
    from superplan.testing import synthetic_plans

    examples = [sp.load_plan(path) for path in EXAMPLES]
    plans = tmp_path / "plans"
    write_pages(examples, plans)
    site = tmp_path / "site"
    build_site(site)
    summary_page = tmp_path / "summary.html"
    summary_page.write_text(
        render_summary_html(summarise(synthetic_plans(43, seed=5), "2025-09-27"))
    )
    ny = next(plan for plan in examples if plan.responder == "north-yorkshire")
    diff_page = tmp_path / "diff.html"
    diff_page.write_text(render_diff_html(ny, _later_version(ny), names=("v1.json", "v2.json")))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    rich = tmp_path / "gwent.html"
    rich.write_text(render_html(sp.load_plan(DATA / "render" / "gwent-1.1.json")))
    pages = [
        (plans / "north-yorkshire.html", "plan", True),
        (rich, "plan-1.1", True),
        (plans / "index.html", "plan-index", False),
        *((site / name, kind, contents) for name, kind, contents in SITE_PAGES),
        (summary_page, "summary", True),
        (diff_page, "diff", True),
    ]
    requests = [
        {"url": path.as_uri(), "screenshot": str(SCREENSHOTS / f"{kind}-{{width}}.png")}
        for path, kind, _ in pages
    ]
    results = browse(requests, WIDTHS)
    assert len(results) == len(pages) * len(WIDTHS)
    measured = {}
    for index, result in enumerate(results):
        path, kind, needs_contents = pages[index // len(WIDTHS)]
        width = WIDTHS[index % len(WIDTHS)]
        where = f"{path.name} at {width}px"
        measured.setdefault(kind, {})[width] = result["scrollWidth"]
        assert result["width"] == width == result["viewportWidth"], where
        assert result["consoleErrors"] == [], where
        assert result["h1"] == 1, where
        assert result["lang"] == "en-GB", where
        assert result["scripts"] == 0, where
        assert result["brokenContentsLinks"] == [], where
        if needs_contents:
            assert result["contentsLinks"] > 0, where
        # reflow: nothing makes the page scroll sideways
        assert result["scrollWidth"] <= width, (where, result["overflowing"])
        assert result["overflowing"] == [], where
        assert result["violations"] == [], (where, result["violations"])
        assert result["passes"] > 10, where
    (ARTIFACTS / "page-widths.json").write_text(json.dumps(measured, indent=2) + "\n")
    for width in WIDTHS:
        assert (SCREENSHOTS / f"plan-{width}.png").stat().st_size > 10_000


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


def test_the_harness_does_find_sideways_scrolling(tmp_path, browse):
    wide = tmp_path / "wide.html"
    wide.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Wide</title>"
        "<meta name='viewport' content='width=device-width'></head><body><main><h1>Wide</h1>"
        "<table><tr><td>" + "x" * 200 + "</td></tr></table>"
        "<div style='overflow-x:auto'><p style='width:900px'>scrolls inside</p></div>"
        "</main></body></html>"
    )
    (narrow, broad) = browse([{"url": wide.as_uri()}], (320, 1280))
    assert narrow["scrollWidth"] > 320
    # the table is named; the paragraph in its own scroll region is not
    assert [item.split(" ")[0] for item in narrow["overflowing"]] == ["table"]
    assert broad["scrollWidth"] > 1280
