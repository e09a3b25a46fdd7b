// Types queries on the built search page, opened from file://, in headless
// Chromium; prints one JSON line per query: the first result of each kind,
// the status text, and the time from the keystroke to the results. Also runs
// axe on the page with results shown, and checks the territory filters.
// usage: node search.mjs OUTPUT_DIR query [query ...]
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [outDir, ...queries] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const url = (rel) => pathToFileURL(path.resolve(outDir, rel)).href;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const files = new Map();
  page.on("requestfinished", async (req) => {
    const size = (await req.sizes().catch(() => null))?.responseBodySize ?? 0;
    files.set(req.url(), size);
  });
  await page.goto(url("recherche/index.html"), { waitUntil: "load" });
  for (const q of queries) {
    const before = new Set(files.keys());
    await page.fill("#recherche-q", "");
    await page.evaluate(() => { window.BILAN_SEARCH.lastMs = null; });
    // Typed key by key, as a reader would; the time is that of the last key.
    await page.type("#recherche-q", q, { delay: 5 });
    await page.waitForFunction(() => window.BILAN_SEARCH.lastMs !== null, null, { timeout: 10000 });
    await page.waitForTimeout(100);
    const result = await page.evaluate(() => {
      const groups = {};
      document.querySelectorAll("#recherche-resultats h2").forEach((h) => {
        const first = h.nextElementSibling && h.nextElementSibling.querySelector("a");
        groups[h.textContent] = first ? first.textContent : null;
      });
      return { status: document.getElementById("recherche-etat").textContent, groups, ms: window.BILAN_SEARCH.lastMs };
    });
    const loaded = [...files.keys()].filter((u) => !before.has(u) && u.includes("/recherche/") && u.endsWith(".js"));
    console.log(JSON.stringify({ query: q, ...result, loaded: loaded.map((u) => u.split("/recherche/")[1]) }));
  }
  const loaded = [...files.entries()].filter(([u]) => u.includes("/recherche/") && u.endsWith(".js"));
  console.log(JSON.stringify({ files: loaded.length, bytes: loaded.reduce((n, [, b]) => n + b, 0) }));
  // With results shown, the page passes axe.
  await page.fill("#recherche-q", "");
  await page.type("#recherche-q", queries[0]);
  await page.waitForTimeout(300);
  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
  );
  console.log(JSON.stringify({ axe: axe.violations.map((v) => v.id) }));
  // Keyboard: Tab from the search box reaches the first result link.
  await page.focus("#recherche-q");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest("#recherche-resultats") ? document.activeElement.textContent : null);
  console.log(JSON.stringify({ keyboard: focused }));
  // The territories index filtered from its URL.
  const index = await context.newPage();
  await index.goto(url("territoires/index.html") + "?region=84&q=vallee", { waitUntil: "load" });
  await index.waitForTimeout(200);
  const filtered = await index.evaluate(() => {
    const status = document.getElementById("filtres-etat");
    if (!status) { return null; }
    return {
      shown: [...document.querySelectorAll("table.sortable tbody tr")].filter((r) => !r.hidden).length,
      status: status.textContent,
    };
  });
  console.log(JSON.stringify({ filter: filtered }));
} finally {
  await browser.close();
}
