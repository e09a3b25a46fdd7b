// Sortable tables: a column of numbers sorts largest first on the first
// click and smallest first on the second; a column of names from A to Z.
// usage: node sort.mjs OUTPUT_DIR page.html
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [outDir, rel] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
let failures = 0;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAIL"} ${what}`); if (!ok) failures += 1; };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(path.resolve(outDir, rel)).href, { waitUntil: "load" });
  const column = async (i) => page.evaluate((i) => {
    const rows = [...document.querySelector("table.sortable").tBodies[0].rows];
    return rows.map((r) => r.cells[i].dataset.value !== undefined ? Number(r.cells[i].dataset.value || -1) : r.cells[i].textContent.trim());
  }, i);
  const headers = page.locator("table.sortable thead th button");
  const numeric = await page.evaluate(() => [...document.querySelectorAll("table.sortable thead th")].findIndex((th) => th.classList.contains("num")));
  await headers.nth(numeric).click();
  let values = await column(numeric);
  check(values[0] === Math.max(...values), `first click on a number column: largest first (${values[0]})`);
  check(await page.locator("table.sortable thead th").nth(numeric).getAttribute("aria-sort") === "descending", "aria-sort says descending");
  await headers.nth(numeric).click();
  values = await column(numeric);
  check(values[0] === Math.min(...values), `second click: smallest first (${values[0]})`);
  await headers.nth(0).click();
  const names = await column(0);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, "fr"));
  check(names.join("|") === sorted.join("|"), "first click on the name column: A to Z");
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
