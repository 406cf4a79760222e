// Opens pages in headless Chromium at each viewport width asked for and reports, per page and
// width: console errors, the number of h1 elements, whether every link of its contents list
// reaches an element on the page, the document's scroll width against the viewport's (WCAG 2.2
// 1.4.10 reflow: no horizontal scrolling at 320 CSS px) with the elements that stick out, and the
// axe-core violations of the WCAG 2.x A and AA rules.
// Reads {"widths": [320, ...], "pages": [{"url", "screenshot"?}]} on stdin, where a screenshot
// path may hold "{width}"; prints a JSON array of results, pages in order, widths within each.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const widths = input.widths || [1200];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

// What a page is, measured in the page itself.
function measure() {
  const nav = document.querySelector('nav[aria-labelledby="contents"]');
  const links = nav ? [...nav.querySelectorAll('a[href^="#"]')] : [];
  const broken = links
    .map((a) => decodeURIComponent(a.getAttribute("href").slice(1)))
    .filter((id) => !document.getElementById(id));
  const viewport = document.documentElement.clientWidth;
  // Elements whose right edge passes the viewport, outside any scroll region of their own:
  // the ones that make the page scroll sideways. Only the outermost are named.
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (["auto", "scroll", "hidden"].includes(style.overflowX) && p !== document.body
          && p !== document.documentElement) return true;
    }
    return false;
  };
  const wide = [];
  const insideWide = (el) => wide.some((w) => w.contains(el));
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > viewport + 1 && !inScroller(el) && !insideWide(el)) wide.push(el);
  }
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "")
    + ` (${Math.round(el.getBoundingClientRect().right)}px) `
    + (el.textContent || "").trim().slice(0, 40);
  return {
    h1: document.querySelectorAll("h1").length,
    lang: document.documentElement.lang,
    contentsLinks: links.length,
    brokenContentsLinks: broken,
    scripts: document.querySelectorAll("script").length,
    viewportWidth: viewport,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing: wide.slice(0, 8).map(describe),
  };
}

const results = [];
try {
  for (const entry of input.pages) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const consoleErrors = [];
      page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
      page.on("pageerror", (error) => consoleErrors.push(String(error)));
      const response = await page.goto(entry.url, { waitUntil: "load" });
      const facts = await page.evaluate(measure);
      await page.addScriptTag({ path: axePath });
      const axe = await page.evaluate(async () => {
        const outcome = await window.axe.run(document, {
          runOnly: {
            type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
          },
        });
        // The test adds axe's own script tag; it is not the page's.
        return {
          violations: outcome.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
          })),
          passes: outcome.passes.length,
        };
      });
      if (entry.screenshot) {
        await page.screenshot({ path: entry.screenshot.replace("{width}", String(width)), fullPage: true });
      }
      results.push({
        url: entry.url, width, ok: response ? response.ok() || response.status() === 0 : true,
        consoleErrors, ...facts, ...axe,
      });
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
