// Phones: at 390 px wide, every piece of chart text (HTML bars, inline SVG
// text, text inside a visible SVG picture) must render at 11 CSS px or more;
// at 320 px, no page may be wider than the viewport (WCAG 1.4.10, Reflow);
// a stacked table never shows a column's name beside an empty cell.
// Prints one line per page and check; exits 1 on any failure.
// usage: node phones.mjs OUTPUT_DIR page.html [page.html ...]
import { chromium } from "playwright-core";
import { pathToFileURL, fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import path from "node:path";

const MIN_PX = 11;
const [outDir, ...pages] = process.argv.slice(2);
if (!outDir || pages.length === 0) {
  console.error("usage: node phones.mjs OUTPUT_DIR page.html [page.html ...]");
  process.exit(2);
}

// The smallest font size in an SVG file, in its own units, and its width.
function svgFonts(file) {
  const text = readFileSync(file, "utf8");
  const sizes = [...text.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  const hasText = /<text[\s>]/.test(text);
  const box = text.match(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/);
  return { min: hasText && sizes.length ? Math.min(...sizes) : null, width: box ? Number(box[1]) : null };
}

// Table cells whose content is wider than the cell: a long name must wrap,
// never be clipped. (A data table may scroll inside its own box; the
// visually hidden header of a stacked table is left out.)
function tableOverflow() {
  const out = [];
  for (const cell of document.querySelectorAll("table th, table td")) {
    const r = cell.getBoundingClientRect();
    const head = cell.closest("thead");
    const hidden = r.width < 2 || (head && head.getBoundingClientRect().width < 2);
    if (!cell.getClientRects().length || hidden) continue;
    if (cell.scrollWidth > cell.clientWidth + 1) {
      out.push(`${cell.textContent.trim().slice(0, 50)} (${Math.round(r.width)} px wide, content ${cell.scrollWidth} px)`);
    }
  }
  return out.slice(0, 5);
}

// Stacked table cells (a row as a block on phones, each cell with its
// column's name) that show the name beside nothing: an empty cell is
// hidden, as a blank is in the wide table.
function emptyLabels() {
  const out = [];
  for (const cell of document.querySelectorAll("table td[data-label]")) {
    if (cell.textContent.trim() || !cell.getClientRects().length) continue;
    if (getComputedStyle(cell).display === "none") continue;
    if (getComputedStyle(cell, "::before").content.replace(/"/g, "").trim()) {
      out.push(cell.getAttribute("data-label"));
    }
  }
  return [...new Set(out)].slice(0, 5);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failures = 0;
try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 1 });
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
  for (const rel of pages) {
    const url = pathToFileURL(path.resolve(outDir, rel)).href;
    let page = await phone.newPage();
    await page.goto(url, { waitUntil: "load" });
    const found = await page.evaluate(() => {
      const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      const out = { html: [], svg: [], imgs: [] };
      // HTML text inside charts and maps.
      for (const root of document.querySelectorAll(".chart, .map, .visual")) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!n.textContent.trim() || el.closest("svg") || !visible(el)) continue;
          out.html.push({ size: parseFloat(getComputedStyle(el).fontSize), text: n.textContent.trim().slice(0, 40) });
        }
      }
      // Inline SVG text, scaled as drawn.
      for (const t of document.querySelectorAll("svg text")) {
        if (!visible(t)) continue;
        const scale = t.getScreenCTM() ? t.getScreenCTM().a : 1;
        out.svg.push({ size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent.trim().slice(0, 40) });
      }
      // Pictures of charts. A kit thumbnail is a preview, not a reading
      // surface: it links to its full-size file and its chart is given in
      // words beside it, which this checks instead of its text size.
      out.thumbs = [];
      for (const img of document.querySelectorAll("img")) {
        if (!visible(img) || !/\.svg$/.test(img.src)) continue;
        const thumb = img.closest("a.visual-thumb");
        if (thumb) {
          const desc = img.closest("figure")?.querySelector(".visual-desc");
          out.thumbs.push({ src: img.src, href: thumb.getAttribute("href"), words: !!desc && visible(desc) && desc.textContent.trim().length > 20 });
          continue;
        }
        out.imgs.push({ src: img.src, width: img.getBoundingClientRect().width });
      }
      return out;
    });
    for (const c of await page.evaluate(tableOverflow)) {
      failures += 1;
      console.log(`  390px ${rel}: a table cell wider than its column: ${c}`);
    }
    for (const label of await page.evaluate(emptyLabels)) {
      failures += 1;
      console.log(`  390px ${rel}: a stacked cell shows its label "${label}" beside nothing`);
    }
    const sizes = [...found.html, ...found.svg];
    for (const t of found.thumbs) {
      if (!t.words || !t.href) {
        failures += 1;
        console.log(`  a thumbnail without its chart in words or its full-size link: ${t.src}`);
      }
    }
    for (const img of found.imgs) {
      const { min, width } = svgFonts(fileURLToPath(img.src));
      if (min !== null && width) sizes.push({ size: (min * img.width) / width, text: `text in ${path.basename(img.src)}` });
    }
    const small = sizes.filter((s) => s.size < MIN_PX - 0.01);
    const smallest = sizes.length ? Math.min(...sizes.map((s) => s.size)).toFixed(1) : "-";
    console.log(`390px ${rel}: ${sizes.length} chart text(s), smallest ${smallest} px`);
    for (const s of small.slice(0, 5)) {
      failures += 1;
      console.log(`  too small (${s.size.toFixed(1)} px): ${s.text}`);
    }
    await page.close();

    page = await narrow.newPage();
    await page.goto(url, { waitUntil: "load" });
    const reflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
      const culprits = [];
      if (scroll > width) {
        for (const el of document.body.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 1 && el.getClientRects().length) {
            culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} (right ${Math.round(r.right)})`);
          }
        }
      }
      return { width, scroll, culprits: culprits.slice(0, 5) };
    });
    console.log(`320px ${rel}: document ${reflow.scroll} px for a ${reflow.width} px viewport`);
    for (const c of await page.evaluate(tableOverflow)) {
      failures += 1;
      console.log(`  320px ${rel}: a table cell wider than its column: ${c}`);
    }
    if (reflow.scroll > reflow.width) {
      failures += 1;
      for (const c of reflow.culprits) console.log(`  wider than the screen: ${c}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
