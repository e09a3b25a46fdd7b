//! Charts drawn at build time: specs from the totals, SVG with its text kept
//! as `<text>`, a `<title>` and a `<desc>`, a PNG at print resolution, and
//! the data as a table for readers who cannot see the chart. No I/O.

mod bars;
mod draw;
pub mod map;
mod raster;

use serde::Serialize;

use crate::aggregate::Aggregates;
use crate::cache::{self, Store};
use crate::content::Content;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Labels;
use crate::records::TerritoryFile;
use crate::routes;
use crate::theme::Palette;

/// A chart ready to place in a page and to write as files.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// File stem under `charts/`, and the prefix of its SVG ids.
    pub name: String,
    /// Short title.
    pub title: String,
    /// One sentence saying what the chart shows.
    pub desc: String,
    /// Accessible SVG (programme charts, published as files; pages show
    /// `bars`, whose text stays readable on a phone).
    #[serde(skip)]
    pub svg: String,
    /// The bars as pages draw them, in HTML.
    pub bars: Vec<HtmlBar>,
    /// The source line.
    pub source: String,
    /// The data, as a table.
    pub table: DataTable,
    /// The print PNG (programme charts only).
    #[serde(skip)]
    pub png: Option<Vec<u8>>,
    /// Where the SVG file is published (programme charts).
    pub svg_file: String,
    /// Where the PNG file is published (programme charts).
    pub png_file: String,
}

/// One bar of a chart drawn in HTML: its length is a share of the longest.
#[derive(Debug, Clone, Serialize)]
pub struct HtmlBar {
    /// What the bar stands for.
    pub label: String,
    /// Its value, formatted.
    pub text: String,
    /// Its length, in percent of the longest bar (`42.5`).
    pub width: String,
}

/// A chart's data as rows of formatted cells.
#[derive(Debug, Clone, Serialize)]
pub struct DataTable {
    /// Column headers; the first column holds the row headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// Bumped when the drawing code changes, so cached PNGs are redrawn.
const DRAWING_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/charts-2");

/// Cached bytes for `parts`, or `make()` stored for next time. A failure
/// is returned, never cached.
fn cached(
    store: &dyn Store,
    parts: &[&[u8]],
    make: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    let key = format!("{}.png", cache::hash(parts));
    if let Some(bytes) = store.get(&key) {
        return Ok(bytes);
    }
    let bytes = make()?;
    store.put(&key, &bytes);
    Ok(bytes)
}

/// A PNG that could not be encoded, as a problem with its output file.
fn png_error(name: &str, e: &str) -> Diagnostic {
    Diagnostic::error(
        routes::chart(name, "png"),
        format!("cannot encode this chart as PNG: {e}"),
    )
}

/// Adds `role="img"`, a `<title>` and a `<desc>` to an SVG, with ids
/// prefixed by `id` so several charts can share a page.
pub fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let Some(end) = svg[start..].find('>').map(|i| start + i) else {
        return svg.to_string();
    };
    let open = svg[start..end].trim_end_matches('/');
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        xml_escape(title),
        xml_escape(desc),
        &svg[end + 1..]
    )
}

/// Escapes text for XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The map, inline (links from the site root) and as files.
#[derive(Debug, Clone, Serialize)]
pub struct MapChart {
    /// Title.
    pub title: String,
    /// One sentence.
    pub desc: String,
    /// SVG for the home page.
    pub svg: String,
    /// SVG for `charts/carte.svg` (links go up one folder).
    #[serde(skip)]
    pub file_svg: String,
    /// PNG at print resolution.
    #[serde(skip)]
    pub png: Vec<u8>,
    /// The SVG without links, for the zip and the PDF.
    #[serde(skip)]
    pub standalone_svg: String,
    /// Per region code: its map (SVG, PNG), its territories highlighted.
    #[serde(skip)]
    pub regions: std::collections::BTreeMap<String, (String, Vec<u8>)>,
    /// The outlines, kept for each territory's locator map.
    #[serde(skip)]
    pub outlines: Outlines,
    /// With `map.colour_by`: the home map coloured by that metric.
    pub coloured: Option<ColouredMap>,
    /// The layout, kept to draw the coloured map.
    #[serde(skip)]
    pub layout: Option<std::sync::Arc<map::Layout>>,
    /// The names of the inset frames, top to bottom (overseas regions).
    pub insets: Vec<String>,
    /// Where the SVG file is published.
    pub svg_file: String,
    /// Where the PNG file is published.
    pub png_file: String,
}

/// The home map coloured by a metric, with its legend.
#[derive(Debug, Clone, Serialize)]
pub struct ColouredMap {
    /// The inline SVG.
    pub svg: String,
    /// What is coloured: the metric's title.
    pub metric: String,
    /// Legend: (colour, range of values).
    pub legend: Vec<(String, String)>,
}

/// Quintile classes of each territory's total of `map.colour_by`, each
/// territory's accessible name saying its value.
fn coloured_map(
    content: &Content,
    agg: &Aggregates,
    t: &Labels,
    m: &MapChart,
) -> Option<ColouredMap> {
    let key = content.site.map.as_ref()?.colour_by.as_deref()?;
    let (i, metric) = content.metrics.iter().find(|(_, m)| m.key == key)?;
    let lang = content.site.language;
    let values: Vec<(&TerritoryFile, Option<u64>)> = content
        .territories
        .iter()
        .map(|f| (f, agg.territory(&f.slug).sum(i).value()))
        .collect();
    let mut sorted: Vec<u64> = values.iter().filter_map(|(_, v)| *v).collect();
    sorted.sort_unstable();
    if sorted.is_empty() {
        return None;
    }
    let n = map::SCALE.len();
    // Upper bound of each class: quintiles of the values.
    let bounds: Vec<u64> = (1..=n)
        .map(|k| sorted[(sorted.len() * k / n).saturating_sub(1)])
        .collect();
    let class = |v: u64| bounds.iter().position(|&b| v <= b).unwrap_or(n - 1);
    let mut paint = std::collections::BTreeMap::new();
    for (f, v) in &values {
        let Some(code) = f.record.code.clone() else {
            continue;
        };
        let label = match v {
            Some(v) => format!(
                "{}{} {} {}",
                f.record.name,
                t.get("colon"),
                metric.format(lang, *v),
                metric.label_for(lang, *v)
            ),
            None => format!(
                "{}{} {}",
                f.record.name,
                t.get("colon"),
                t.get("not_reported")
            ),
        };
        let colour = v.map_or_else(
            || m.outlines.palette.land.hex(),
            |v| map::SCALE[class(v)].to_string(),
        );
        paint.insert(code, (colour, crate::typo_or(content, &label)));
    }
    let mut low = sorted[0];
    let legend = bounds
        .iter()
        .enumerate()
        .map(|(k, &b)| {
            let range = format!("{} – {}", metric.format(lang, low), metric.format(lang, b));
            low = b;
            (map::SCALE[k].to_string(), range)
        })
        .collect();
    let layout = m.layout.as_ref()?;
    Some(ColouredMap {
        svg: map::painted_svg(layout, "", routes::MAP, &m.title, &m.desc, &paint),
        metric: metric.title.clone(),
        legend,
    })
}

/// Parsed outlines: regions by code, territories by key.
#[derive(Debug, Clone, Default)]
pub struct Outlines {
    regions: std::collections::BTreeMap<String, map::Feature>,
    territories: std::collections::BTreeMap<String, map::Feature>,
    palette: Palette,
}

/// A territory's locator map: its region, the region's territories, the
/// territory highlighted; `None` without an outline for it.
pub fn locator(
    content: &Content,
    map: &MapChart,
    file: &TerritoryFile,
    t: &Labels,
) -> Option<String> {
    let o = &map.outlines;
    let key = file.record.code.as_deref()?;
    let own = o.territories.get(key)?;
    let region = &file.record.region;
    let members: Vec<&map::Feature> = content
        .territories
        .iter()
        .filter(|f| &f.record.region == region && f.slug != file.slug)
        .filter_map(|f| f.record.code.as_deref().and_then(|k| o.territories.get(k)))
        .collect();
    let region_name = content
        .site
        .region(region)
        .map_or(region.as_str(), |r| r.name.as_str());
    let label = crate::typo_or(
        content,
        &t.get("locator")
            .replace("{territory}", &file.record.name)
            .replace("{region}", region_name),
    );
    map::locator(o.regions.get(region), &members, own, &o.palette, &label)
}

/// Every chart of the site.
#[derive(Debug, Clone, Default)]
pub struct ChartSet {
    /// Programme charts, in display order.
    pub programme: Vec<Chart>,
    /// The map, when outlines are configured.
    pub map: Option<MapChart>,
    /// Per region code.
    pub regions: std::collections::BTreeMap<String, Vec<Chart>>,
}

/// A territory's inline charts of its projects; none without projects.
/// Drawn with its page rather than up front, so large sites never hold
/// thousands of them at once.
pub fn territory(
    content: &Content,
    file: &TerritoryFile,
    t: &Labels,
    palette: Palette,
) -> Vec<Chart> {
    bars::territory(content, file, &bars::Style::new(content, t, palette), None).unwrap_or_default()
}

/// Draws every territory's chart files (SVG and PNG card) in parallel and
/// hands each to `emit` at once, so a large site never holds them all; PNGs
/// come from the cache when their SVG has not changed. Returns each file's
/// path and size.
pub fn territory_files(
    content: &Content,
    t: &Labels,
    palette: Palette,
    store: &dyn Store,
    emit: &(dyn Fn(&str, &[u8]) -> anyhow::Result<()> + Sync),
) -> Result<Vec<(String, usize)>, TerritoryFilesError> {
    use rayon::prelude::*;
    let st = bars::Style::new(content, t, palette);
    let per_territory: Vec<Vec<(String, usize)>> = content
        .territories
        .par_iter()
        .map(|f| {
            let charts = bars::territory(content, f, &st, Some(store)).map_err(|e| {
                TerritoryFilesError::Draw(Diagnostic::error(
                    &f.path,
                    format!("cannot draw this territory's chart: {e}"),
                ))
            })?;
            let mut done = Vec::new();
            for (path, bytes) in charts.into_iter().flat_map(chart_files) {
                emit(&path, &bytes).map_err(TerritoryFilesError::Io)?;
                done.push((path, bytes.len()));
            }
            Ok(done)
        })
        .collect::<Result<_, _>>()?;
    Ok(per_territory.into_iter().flatten().collect())
}

/// Why the territory charts could not all be written.
#[derive(Debug)]
pub enum TerritoryFilesError {
    /// A chart could not be drawn (invalid content).
    Draw(Diagnostic),
    /// The writer failed.
    Io(anyhow::Error),
}

/// A chart's SVG and PNG files, by output path.
pub fn chart_files(c: Chart) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(c.svg_file, c.svg.into_bytes())];
    if let Some(png) = c.png {
        out.push((c.png_file, png));
    }
    out
}

/// The social card of a programme chart: its SVG at 1,200×630.
pub fn card(c: &Chart, store: &dyn Store) -> Result<Vec<u8>, String> {
    cached(
        store,
        &[DRAWING_VERSION.as_bytes(), b"card", c.svg.as_bytes()],
        || raster::png(&c.svg, raster::Fit::Canvas(1200, 630)),
    )
}

/// Draws every chart. Problems with the map outlines come back as diagnostics.
pub fn all(
    content: &Content,
    agg: &Aggregates,
    t: &Labels,
    palette: Palette,
    store: &dyn Store,
) -> (ChartSet, Diagnostics) {
    let mut diags = Diagnostics::default();
    let st = bars::Style::new(content, t, palette);
    let ((programme, png_errors), regions) = rayon::join(
        || {
            let (charts, errors): (Vec<_>, Vec<_>) = bars::programme(content, agg, &st, store)
                .into_iter()
                .partition(Result::is_ok);
            (
                charts.into_iter().flatten().collect::<Vec<Chart>>(),
                errors
                    .into_iter()
                    .filter_map(Result::err)
                    .collect::<Vec<_>>(),
            )
        },
        || {
            let mut members: std::collections::BTreeMap<&str, Vec<&TerritoryFile>> =
                std::collections::BTreeMap::new();
            for f in &content.territories {
                members.entry(&f.record.region).or_default().push(f);
            }
            members
                .into_iter()
                .map(|(code, files)| {
                    let charts =
                        bars::region(content, agg, &files, code, &st, store).unwrap_or_default();
                    (code.to_string(), charts)
                })
                .collect()
        },
    );
    for d in png_errors {
        diags.push(d);
    }
    let map = map_chart(content, t, palette, store, &mut diags).map(|mut m| {
        m.coloured = coloured_map(content, agg, t, &m);
        m
    });
    (
        ChartSet {
            programme,
            map,
            regions,
        },
        diags,
    )
}

/// Source and credit of the map visuals: the outlines' and the figures'.
fn map_credit(content: &Content, t: &Labels) -> String {
    let p = &content.site.programme;
    let mut parts = vec![p.name.clone()];
    if let Some(s) = &p.source {
        parts.push(s.clone());
    }
    if let Some(c) = content.kit.as_ref().and_then(|k| k.credits.as_deref()) {
        parts.push(format!("{}{} {c}", t.get("credit"), t.get("colon")));
    }
    crate::typo_or(content, &parts.join(" · "))
}

/// The map, when site.yaml names outlines; problems with them (unreadable
/// outlines, territories without one) go to `diags`.
fn map_chart(
    content: &Content,
    t: &Labels,
    palette: Palette,
    store: &dyn Store,
    diags: &mut Diagnostics,
) -> Option<MapChart> {
    let (Some(cfg), Some(file)) = (&content.site.map, &content.map_territories) else {
        return None;
    };
    let parsed = map::parse(&file.text, &cfg.key)
        .map_err(|e| diags.push(Diagnostic::error(&file.path, e)))
        .ok();
    let region_shapes = match &content.map_regions {
        Some(r) => map::parse(&r.text, &cfg.region_key)
            .map_err(|e| {
                diags.push(Diagnostic::error(&r.path, e).hint(
                    "set `map.region_key` in site.yaml to the property holding the region code",
                ))
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let outlines = parsed?;
    let places: Vec<map::Place> = content
        .territories
        .iter()
        .map(|f| map::Place {
            key: f.record.code.clone().unwrap_or_default(),
            name: f.record.name.clone(),
            href: routes::territory(&f.slug),
            region: f.record.region.clone(),
        })
        .collect();
    let region_name = |code: &str| content.site.region(code).map(|r| r.name.clone());
    let (layout, missing) = map::layout(&region_shapes, &outlines, &places, &region_name, palette);
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|p| p.name.as_str()).collect();
        diags.push(
            Diagnostic::warning(
                &file.path,
                format!(
                    "{} territories have no outline and are not on the map: {}",
                    names.len(),
                    names.join(", ")
                ),
            )
            .hint(format!(
                "give each territory a `code` matching the `{}` property of an outline",
                cfg.key
            )),
        );
    }
    let regions_text = content.map_regions.as_ref().map_or("", |r| r.text.as_str());
    let typeset = |key: &str| match content.site.typography() {
        Some(r) => crate::typo::text(t.get(key), r).into_owned(),
        None => t.get(key).to_string(),
    };
    let (title, desc) = (typeset("map"), typeset("map_desc"));
    let credit = map_credit(content, t);
    let text = map::MapText {
        title: title.clone(),
        legend: vec![typeset("map_legend")],
        credit: credit.clone(),
    };
    let file_svg = map::file_svg(&layout, Some("../"), routes::MAP, &desc, &text);
    let standalone_svg = map::file_svg(&layout, None, routes::MAP, &desc, &text);
    let raster = |svg: &str| {
        cached(
            store,
            &[DRAWING_VERSION.as_bytes(), b"map", svg.as_bytes()],
            || raster::png(svg, raster::Fit::Scale(draw::PNG_SCALE as f32)),
        )
    };
    let png = raster(&standalone_svg)
        .map_err(|e| diags.push(png_error(routes::MAP, &e)))
        .ok()?;
    let _ = regions_text;
    let mut regions = std::collections::BTreeMap::new();
    for r in &content.site.regions {
        if !places.iter().any(|p| p.region == r.code) {
            continue;
        }
        let text = map::MapText {
            title: crate::typo_or(content, &format!("{} — {}", t.get("map_region"), r.name)),
            legend: vec![typeset("map_legend_region"), typeset("map_legend_others")],
            credit: credit.clone(),
        };
        let name = routes::region_map(&r.code);
        let svg = map::region_svg(&layout, &r.code, &name, &desc, &text);
        match raster(&svg) {
            Ok(png) => {
                regions.insert(r.code.clone(), (svg, png));
            }
            Err(e) => diags.push(png_error(&name, &e)),
        }
    }
    let outlines = Outlines {
        regions: region_shapes
            .iter()
            .map(|f| (f.key.clone(), f.clone()))
            .collect(),
        territories: outlines
            .iter()
            .map(|f| (f.key.clone(), f.clone()))
            .collect(),
        palette,
    };
    Some(MapChart {
        outlines,
        coloured: None,
        layout: Some(std::sync::Arc::new(layout.clone())),
        insets: layout.insets(),
        svg: map::svg(&layout, "", routes::MAP, &title, &desc),
        file_svg,
        standalone_svg,
        regions,
        png,
        title,
        desc,
        svg_file: routes::chart(routes::MAP, "svg"),
        png_file: routes::chart(routes::MAP, "png"),
    })
}
