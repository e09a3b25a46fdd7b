// Compares the DSFR markup bilan writes with the package's own examples
// (`node_modules/@gouvfr/dsfr/example/`, the installed package). For every
// element that carries a DSFR class, each such class must appear in the
// examples, and under a parent that carries one of the classes it has
// under in some example (its nearest ancestor with a DSFR class: the class
// structure of the component), or, for a standalone component, in a slot
// where the examples nest standalone components. Spacing, grid, colour and text utilities
// are not structure and are left out. Prints one line per component, and
// every departure; exits 1 on any.
// usage: node components.mjs EXAMPLE_DIR OUTPUT_DIR page.html [page.html ...]
import { chromium } from "playwright-core";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const [exampleDir, outDir, ...pages] = process.argv.slice(2);
if (!exampleDir || !outDir || pages.length === 0) {
  console.error("usage: node components.mjs EXAMPLE_DIR OUTPUT_DIR page.html [page.html ...]");
  process.exit(2);
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}

// Runs in the page: for every element's DSFR class, the classes of its
// nearest ancestor with a DSFR class (modifiers left out), or "(root)".
function structure(html) {
  const UTILITY = /^fr-(m|p)[tbrlxy]?-|^fr-(col|grid|container|icon|fi|text|h[1-6]|display|hidden|unhidden|sr-only|background|artwork|responsive|ratio|enlarge|raw-link|no-print|mt|mb|my|mx|ml|mr|pt|pb|py|px|pl|pr)(-|$)|^fr-(btn|link|tag|badge)--icon|^fr-(mask|scheme|theme)|^fr-\w+--(sm|md|lg|xl)$/;
  const keep = (el) => [...el.classList].filter((c) => c.startsWith("fr-") && !UTILITY.test(c));
  const doc = new DOMParser().parseFromString(html, "text/html");
  const out = [];
  for (const el of doc.querySelectorAll("[class*='fr-']")) {
    const own = keep(el);
    if (!own.length) continue;
    let up = el.parentElement;
    while (up && !keep(up).length) up = up.parentElement;
    const parents = up ? keep(up).filter((c) => !c.includes("--")) : [];
    out.push({ own, parents: parents.length ? parents : ["(root)"], tag: el.tagName.toLowerCase() });
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failures = 0;
try {
  const page = await browser.newPage({ javaScriptEnabled: true });
  await page.setContent("<!DOCTYPE html><title>parser</title>");
  const parse = (html) => page.evaluate(structure, html);

  // class -> parent classes it appears under in the package's examples.
  const known = new Map();
  const examples = htmlFiles(exampleDir);
  for (const file of examples) {
    for (const e of await parse(readFileSync(file, "utf8"))) {
      for (const c of e.own) {
        if (!known.has(c)) known.set(c, new Set());
        for (const p of e.parents) known.get(c).add(p);
      }
    }
  }
  // A standalone component (one the examples put at the root) may also go
  // in any slot where the examples put a standalone component: a modal's
  // or an accordion's content, for instance.
  const standalone = new Set([...known].filter(([, under]) => under.has("(root)")).map(([c]) => c));
  const slots = new Set();
  for (const c of standalone) for (const p of known.get(c)) slots.add(p);
  console.log(`${examples.length} example file(s), ${known.size} DSFR class(es), ${slots.size} slot(s) for standalone components`);

  // component (block) -> { elements, departures }
  const blocks = new Map();
  for (const rel of pages) {
    for (const e of await parse(readFileSync(path.join(outDir, rel), "utf8"))) {
      for (const c of e.own) {
        const block = c.replace(/^fr-/, "").split(/__|--/)[0];
        if (!blocks.has(block)) blocks.set(block, { elements: 0, departures: new Set() });
        const b = blocks.get(block);
        b.elements += 1;
        const under = known.get(c);
        if (!under) b.departures.add(`<${e.tag} class="${c}">: no example uses this class (${rel})`);
        else if (!e.parents.some((p) => under.has(p) || (standalone.has(c) && slots.has(p)))) {
          b.departures.add(`<${e.tag} class="${c}"> under .${e.parents.join(".")}: the examples put it under ${[...under].slice(0, 6).map((p) => (p === "(root)" ? p : "." + p)).join(", ")} (${rel})`);
        }
      }
    }
  }
  for (const [block, b] of [...blocks].sort()) {
    console.log(`fr-${block}: ${b.elements} element(s), ${b.departures.size ? `${b.departures.size} departure(s)` : "as in the examples"}`);
    for (const d of [...b.departures].slice(0, 8)) {
      failures += 1;
      console.log(`  ${d}`);
    }
  }
  if (blocks.size === 0) {
    failures += 1;
    console.log("no DSFR component found: is this a `theme: dsfr` site?");
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
