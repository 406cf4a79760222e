// Drives the web checker (`superplan serve`) in headless Chromium as a person would: opens the
// upload page, chooses a workbook, checks it, reads the findings, downloads the plan as JSON and
// follows a finding's rule link. At 320 and 1280 CSS pixels wide, runs axe-core's
// WCAG 2.x A and AA rules on each page visited and measures sideways scrolling.
// Then submits the plan to the store, shows the national roll-up, and audits other pages too.
// Reads {"url", "workbook", "download", "asOf", "pages": {name: path}} on stdin; prints a JSON
// object of what it found.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const widths = [320, 1280];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

async function audit(page, name) {
  const out = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const facts = await page.evaluate(() => ({
      viewportWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      h1: document.querySelectorAll("h1").length,
      scripts: document.querySelectorAll("script").length,
    }));
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const outcome = await window.axe.run(document, {
        runOnly: {
          type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
      });
      return outcome.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
      }));
    });
    // axe's own script tag is not the page's: take it out again before the next width.
    await page.evaluate(() => document.querySelectorAll("script").forEach((s) => s.remove()));
    out.push({ page: name, width, ...facts, violations });
  }
  return out;
}

const result = { audits: [], consoleErrors: [] };
try {
  // axe-core is added to each page as a script: the checker's policy would refuse it (as it must).
  const context = await browser.newContext({
    acceptDownloads: true, bypassCSP: true, viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => result.consoleErrors.push(String(e)));

  await page.goto(input.url, { waitUntil: "load" });
  result.audits.push(...await audit(page, "upload"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setInputFiles("#file", input.workbook);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  result.reportStatus = await page.evaluate(() => document.querySelector("h1").textContent);
  result.summary = await page.evaluate(() => document.querySelector(".panel").innerText);
  result.findings = await page.evaluate(() =>
    [...document.querySelectorAll("#findings-table tbody tr")].map((tr) => ({
      where: tr.cells[0].innerText.trim(),
      finding: tr.cells[1].innerText.trim(),
      rule: tr.cells[1].querySelector("a") ? tr.cells[1].querySelector("a").getAttribute("href") : null,
    })));
  result.audits.push(...await audit(page, "report"));
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("text=Download as JSON"),
  ]);
  await download.saveAs(input.download);
  result.downloadName = download.suggestedFilename();

  const link = page.locator("#findings-table tbody a").first();
  result.followed = await link.getAttribute("href");
  await Promise.all([page.waitForNavigation(), link.click()]);
  result.rulePage = { url: page.url(), h1: await page.locator("h1").innerText() };
  result.audits.push(...await audit(page, "rule"));
  await page.setViewportSize({ width: 1280, height: 900 });

  // Nothing chosen: the upload page again, with an error summary.
  await page.goto(input.url, { waitUntil: "load" });
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  result.nothingChosen = await page.locator(".error-summary").innerText();
  result.audits.push(...await audit(page, "upload-error"));
  await page.setViewportSize({ width: 1280, height: 900 });

  // Check the workbook again and submit it to the store; then the national roll-up.
  await page.goto(input.url, { waitUntil: "load" });
  await page.setInputFiles("#file", input.workbook);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  await Promise.all([page.waitForNavigation(), page.click("text=Submit the plan")]);
  result.stored = await page.locator(".panel").innerText();
  result.audits.push(...await audit(page, "stored"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(new URL("roll-up", input.url).href, { waitUntil: "load" });
  result.audits.push(...await audit(page, "roll-up-form"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.fill("#as_of", input.asOf);
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  result.rollUp = await page.locator("h1").innerText();
  result.audits.push(...await audit(page, "roll-up"));

  // The other pages, as they are.
  for (const [name, path] of Object.entries(input.pages)) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(new URL(path, input.url).href, { waitUntil: "load" });
    result.audits.push(...await audit(page, name));
  }

  await context.close();
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
