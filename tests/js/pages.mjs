// Opens pages in headless Chromium and reports, for each: console errors, the number of h1
// elements, whether every link of its contents list reaches an element on the page, and the
// axe-core violations of the WCAG 2.x A and AA rules. Reads {"pages": [{"url", "screenshot"?}]}
// on stdin; prints a JSON array of results.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const results = [];
try {
  for (const entry of input.pages) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const consoleErrors = [];
    page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    const response = await page.goto(entry.url, { waitUntil: "load" });
    const facts = await page.evaluate(() => {
      const nav = document.querySelector('nav[aria-labelledby="contents"]');
      const links = nav ? [...nav.querySelectorAll('a[href^="#"]')] : [];
      const broken = links
        .map((a) => decodeURIComponent(a.getAttribute("href").slice(1)))
        .filter((id) => !document.getElementById(id));
      return {
        h1: document.querySelectorAll("h1").length,
        lang: document.documentElement.lang,
        contentsLinks: links.length,
        brokenContentsLinks: broken,
        scripts: document.querySelectorAll("script").length,
      };
    });
    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async () => {
      const outcome = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      });
      return {
        violations: outcome.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
        })),
        passes: outcome.passes.length,
      };
    });
    if (entry.screenshot) await page.screenshot({ path: entry.screenshot, fullPage: true });
    results.push({ url: entry.url, ok: response ? response.ok() || response.status() === 0 : true,
                   consoleErrors, ...facts, ...axe });
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
