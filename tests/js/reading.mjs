// Reads pages as their readers do, in headless Chromium, and reports per page, width and colour
// scheme (light, dark):
// - brokenWords: words that break across two lines although they are short (20 characters or
//   fewer between blanks) or sit in a header (th, h1-h6): only long tokens such as addresses may
//   wrap mid-word;
// - sections: for each recommendation's section, whether its status and its deadline lie within
//   the first screen of the section (the heading at the top of the viewport);
// - tasks: for each row of the task list, whether its deadline and status tags are shown;
// - focus: for every focusable element, focused, the contrast of its focus indicator against
//   what is around it (at least 3:1, WCAG 2.2 1.4.11 / 2.4.13) and of its text against its own
//   background while focused (at least 4.5:1), computed from the colours the browser uses, since
//   axe does not check focus states;
// - violations: axe-core's WCAG 2.x A and AA violations;
// - scrollWidth: the document's width, to compare with the viewport's (reflow).
// Reads {"widths": [...], "schemes": ["light", "dark"], "height": 844,
//        "pages": [{"url", "screenshot"?}]} on stdin; prints a JSON array of results.
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

function read() {
  const lines = (range) => {
    const tops = new Set();
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) tops.add(Math.round(r.bottom));
    return tops.size;
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  // Words broken across lines.
  const brokenWords = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !visible(parent) || parent.closest(".visually-hidden, style, script")) continue;
    const header = parent.closest("th, h1, h2, h3, h4, h5, h6");
    for (const match of node.data.matchAll(/\S+/g)) {
      const chunk = match[0];
      if (chunk.length > 20 && !header) continue; // a long token may wrap anywhere
      // words within the chunk: a break after a hyphen or slash is a fair break
      let offset = match.index;
      for (const word of chunk.split(/(?<=[-/–—])/)) {
        const letters = word.replace(/[-/–—]$/, "");
        if (letters.length > 1) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + letters.length);
          if (lines(range) > 1) brokenWords.push((header ? header.tagName.toLowerCase() + ": " : "") + letters);
        }
        offset += word.length;
      }
    }
  }
  // Each recommendation's status and deadline within the first screen of its section.
  const screen = window.innerHeight;
  const sections = [];
  for (const section of document.querySelectorAll('section[aria-labelledby^="recommendation-"]')) {
    const heading = document.getElementById(section.getAttribute("aria-labelledby"));
    const standing = section.querySelector("dl.standing");
    if (!heading || !standing) { sections.push({ id: section.getAttribute("aria-labelledby"), ok: false, why: "no standing" }); continue; }
    const top = heading.getBoundingClientRect().top;
    const dts = [...standing.querySelectorAll("dt")];
    const find = (label) => { const dt = dts.find((d) => d.textContent.trim() === label); return dt ? dt.nextElementSibling : null; };
    const status = find("Status");
    const deadline = find("Deadline");
    const bottom = (el) => (el ? el.getBoundingClientRect().bottom - top : Infinity);
    sections.push({
      id: heading.id,
      status: Math.round(bottom(status)),
      deadline: Math.round(bottom(deadline)),
      ok: Boolean(status && deadline && status.querySelector(".tag") && visible(status) && visible(deadline)
        && bottom(status) <= screen && bottom(deadline) <= screen),
    });
  }
  // The task list: a row per recommendation with its deadline and its status tag.
  const tasks = [...document.querySelectorAll("ul.task-list > li")].map((li) => {
    const link = li.querySelector("a[href^='#recommendation-']");
    const hint = li.querySelector(".task-hint");
    const tag = li.querySelector(".task-status .tag");
    return {
      href: link ? link.getAttribute("href") : null,
      ok: Boolean(link && hint && tag && visible(hint) && visible(tag) && /\d{4}|Not known/.test(hint.textContent)),
    };
  });
  const scrollWidth = document.documentElement.scrollWidth;
  return { brokenWords: brokenWords.slice(0, 20), brokenCount: brokenWords.length, sections, tasks, screen, scrollWidth };
}

// Colours, contrast and the focus states.
function focusStates() {
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const background = (el) => {
    for (let p = el; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
  };
  const failures = [];
  const focusables = [...document.querySelectorAll("a[href], summary, [tabindex='0']")];
  let checked = 0;
  for (const el of focusables) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0 && !el.classList.contains("skip")) continue;
    el.focus();
    if (document.activeElement !== el) continue;
    checked += 1;
    const style = getComputedStyle(el);
    const around = background(el.parentElement || el);
    const own = parse(style.backgroundColor);
    const ownBg = own && own.a > 0.5 ? own : around;
    const candidates = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) candidates.push(parse(style.outlineColor));
    if (own && own.a > 0.5) candidates.push(own);
    for (const m of style.boxShadow.matchAll(/rgba?\([^)]+\)/g)) candidates.push(parse(m[0]));
    const indicator = Math.max(0, ...candidates.filter(Boolean).map((c) => contrast(c, around)));
    const text = contrast(parse(style.color), ownBg);
    if (indicator < 3 || text < 4.5) {
      failures.push({ element: el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " " + (el.textContent || "").trim().slice(0, 30), indicator: +indicator.toFixed(2), text: +text.toFixed(2) });
    }
    el.blur();
  }
  return { focusChecked: checked, focusFailures: failures.slice(0, 10) };
}

const results = [];
try {
  for (const entry of input.pages) {
    for (const scheme of input.schemes || ["light"]) {
      for (const width of input.widths || [390]) {
        const page = await browser.newPage({ viewport: { width, height: input.height || 844 }, colorScheme: scheme });
        await page.goto(entry.url, { waitUntil: "load" });
        const facts = await page.evaluate(read);
        const focus = await page.evaluate(focusStates);
        await page.addScriptTag({ path: axePath });
        const axe = await page.evaluate(async () => {
          const outcome = await window.axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
          });
          return outcome.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
        });
        if (entry.screenshot) {
          await page.screenshot({ path: entry.screenshot.replace("{width}", String(width)).replace("{scheme}", scheme) });
        }
        results.push({ url: entry.url, width, scheme, ...facts, ...focus, violations: axe });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
