// Opens one page of each type in headless Chromium and runs axe-core with the
// WCAG 2.1 A and AA rules. Prints one line per page and every violation;
// exits 1 if any page has a violation.
// usage: node audit.mjs OUTPUT_DIR page.html [page.html ...]
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error("usage: node audit.mjs OUTPUT_DIR page.html [page.html ...]");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failures = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const rel of pages) {
    const page = await context.newPage();
    const url = pathToFileURL(path.resolve(outDir, rel)).href;
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })
    );
    const count = result.violations.reduce((n, v) => n + v.nodes.length, 0);
    console.log(`axe ${rel}: ${result.violations.length} violation(s), ${count} node(s), ${result.passes.length} rule(s) passed`);
    for (const v of result.violations) {
      failures += 1;
      console.log(`  ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes.slice(0, 5)) {
        console.log(`    ${node.target.join(" ")}: ${node.failureSummary.replace(/\n/g, " ")}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
