// The site as readers get it: served over http (the DSFR's module scripts
// and masks do not run from file://), in headless Chromium, at 390 and
// 1280 px, in light and dark mode. On each page it fails on:
// - any console warning or error, uncaught exception, failed request or
//   HTTP error (a missing favicon counts);
// - any axe violation (WCAG 2.1 A and AA), in light and in dark;
// - at 390 px, a map target or a target of the list that stands in for the
//   map smaller than 24×24 CSS px (WCAG 2.5.8), and a phone menu that does
//   not open;
// - in dark mode, a page that stays light, or a chart, map or picture of a
//   chart that is mostly near-white pixels (a white block).
// usage: node live.mjs OUTPUT_DIR page.html [page.html ...]
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error("usage: node live.mjs OUTPUT_DIR page.html [page.html ...]");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
  ".woff2": "font/woff2", ".woff": "font/woff", ".xml": "application/xml", ".pdf": "application/pdf",
  ".zip": "application/zip", ".csv": "text/csv", ".webmanifest": "application/manifest+json", ".txt": "text/plain",
};
const root = path.resolve(outDir);
const server = createServer(async (req, res) => {
  let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

// Targets that must be 24×24 at least on a phone: links drawn on maps, the
// entries of the list that replaces the map, and the menu button.
const TARGETS = "svg a, .map-phone a, .territory-links a, .site-menu summary";

let failures = 0;
const fail = (msg) => { failures += 1; console.log(`  ${msg}`); };

async function open(context, rel) {
  const page = await context.newPage();
  const messages = [];
  page.on("console", (m) => { if (["warning", "error", "assert"].includes(m.type())) messages.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => messages.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => messages.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => { if (r.status() >= 400) messages.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(base + rel, { waitUntil: "load" });
  // The DSFR starts its components after load; favicons come late too.
  await page.waitForTimeout(400);
  return { page, messages };
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
  );
}

function report(label, messages, result) {
  for (const m of messages) fail(`${label}: ${m}`);
  if (!result) return;
  for (const v of result.violations) {
    fail(`${label}: axe ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}`);
  }
}

// Share of near-white pixels in a PNG, decoded by the browser itself.
async function whiteShare(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width; c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let white = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 225 && d[i + 1] > 225 && d[i + 2] > 225) white += 1;
    return white / (d.length / 4);
  }, png.toString("base64"));
}

async function darkCheck(page, label) {
  // The DSFR follows the system setting ("système") by setting
  // data-fr-theme; a site without it relies on prefers-color-scheme.
  await page.evaluate(() => {
    const html = document.documentElement;
    if (html.hasAttribute("data-fr-scheme") && html.getAttribute("data-fr-theme") !== "dark") html.setAttribute("data-fr-theme", "dark");
  });
  await page.waitForTimeout(100);
  const bg = await page.evaluate(() => {
    // The first opaque background from body up; else the canvas, which is
    // dark only where the page declares a dark colour scheme.
    for (const el of [document.body, document.documentElement]) {
      const c = getComputedStyle(el).backgroundColor.match(/[\d.]+/g).map(Number);
      if (c.length < 4 || c[3] > 0) return (c[0] + c[1] + c[2]) / 3;
    }
    return /dark/.test(getComputedStyle(document.documentElement).colorScheme) ? 0 : 255;
  });
  if (bg > 80) fail(`${label}: the page stays light in dark mode (background ${bg.toFixed(0)}/255)`);
  const boxes = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll(".chart, .map .chart-svg, .map-phone img, .locator-map svg, .visual img, main svg")) {
      const r = el.getBoundingClientRect();
      if (!el.getClientRects().length || r.width * r.height < 2500 || getComputedStyle(el).visibility === "hidden") continue;
      out.push({ what: `${el.tagName.toLowerCase()}.${(el.getAttribute("class") || "").split(" ")[0]}${el.src ? " " + el.src.split("/").pop() : ""}`, x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width, h: r.height });
    }
    return out.slice(0, 12);
  });
  for (const b of boxes) {
    const png = await page.screenshot({ clip: { x: b.x, y: b.y, width: Math.min(b.w, 1280), height: Math.min(b.h, 1200) }, fullPage: true });
    const share = await whiteShare(page, png);
    if (share > 0.3) fail(`${label}: a white block in dark mode: ${b.what} is ${(share * 100).toFixed(0)} % near-white`);
  }
  return boxes.length;
}

async function targetCheck(page, label) {
  const small = await page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
      if (r.width < 24 - 0.01 || r.height < 24 - 0.01) out.push(`${(el.getAttribute("aria-label") || el.textContent).trim().slice(0, 40)} (${r.width.toFixed(1)}×${r.height.toFixed(1)} px)`);
    }
    return out;
  }, TARGETS);
  if (small.length) fail(`${label}: ${small.length} target(s) under 24×24 px, e.g. ${small.slice(0, 4).join("; ")}`);
  // The phone menu opens (without JavaScript: a <details>) and shows links.
  const menu = await page.$(".site-menu summary");
  if (menu && (await menu.isVisible())) {
    await menu.click();
    const links = await page.$$eval(".site-menu nav a", (as) => as.filter((a) => a.getClientRects().length && a.getBoundingClientRect().height >= 24).length);
    if (!links) fail(`${label}: the phone menu does not show its links when opened`);
    await menu.click();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const width of [390, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: scheme });
      for (const rel of pages) {
        const label = `${width}px ${scheme} ${rel}`;
        const { page, messages } = await open(context, rel);
        let extra = "";
        if (scheme === "dark") extra = `, ${await darkCheck(page, label)} picture(s) sampled`;
        if (width === 390 && scheme === "light") await targetCheck(page, label);
        // axe once per width and once per scheme: phones in light, desktops
        // in dark. Desktops in light are audit.mjs's run on the same pages,
        // and a colour that fails in dark fails at any width (this halves
        // the check, 28 axe runs to 14, about 30 s a site).
        const result = (width === 390) === (scheme === "light") ? await axe(page) : null;
        const found = result ? `${result.violations.length} axe violation(s)` : "axe run at the other width";
        console.log(`${label}: ${messages.length} console message(s), ${found}${extra}`);
        report(label, messages, result);
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failures ? 1 : 0);
