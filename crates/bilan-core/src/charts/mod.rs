//! Charts drawn at build time: specs from the totals, SVG with its text kept
//! as `<text>`, a `<title>` and a `<desc>`, a PNG at print resolution, and
//! the data as a table for readers who cannot see the chart. No I/O.

mod bars;
pub mod card;
mod describe;
mod draw;
pub mod favicon;
mod flat_svg;
pub mod map;
mod maps;
mod paint;
mod per_territory;
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
    /// The same chart for an A4 page (PDFs): narrower, so its text prints
    /// at 8 pt or more, without the source line the document gives once.
    #[serde(skip)]
    pub paper: String,
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
    /// A print PNG beside a 1,200×630 card (region charts), for papers.
    #[serde(skip)]
    pub print: Option<Vec<u8>>,
    /// Where that print PNG is published.
    pub print_file: Option<String>,
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
const DRAWING_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/charts-4");

/// A PNG that could not be encoded, as a problem with its output file.
fn png_error(name: &str, e: &anyhow::Error) -> Diagnostic {
    Diagnostic::error(
        routes::chart(name, "png"),
        crate::tr!("chart-png-failed", error = format!("{e:#}")),
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

use maps::{coloured_map, map_chart};
pub use maps::{locator, ColouredMap, MapChart, Outlines};
pub use per_territory::{territory_files, Payload};

/// Every chart of the site.
#[derive(Debug, Clone, Default)]
pub struct ChartSet {
    /// Programme charts, in display order.
    pub programme: Vec<Chart>,
    /// The map, when outlines are configured.
    pub map: Option<MapChart>,
    /// Per region code.
    pub regions: std::collections::BTreeMap<String, Vec<Chart>>,
    /// What each region's charts were drawn from (see [`all`]).
    pub region_keys: std::collections::BTreeMap<String, String>,
    /// What the map was drawn from, and the problems found then.
    pub map_key: String,
    /// Problems with the map outlines, kept with a map drawn before.
    pub map_diags: Diagnostics,
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
    // The same drawing fails, with an error naming the record, when the
    // build writes the territory's chart files (`territory_files`), so no
    // build publishes a page that lost its chart.
    bars::territory(content, file, &bars::Style::new(content, t, palette), None).unwrap_or_default()
}

/// A region's code and its charts, or why they could not be drawn.
type RegionCharts = (String, anyhow::Result<Vec<Chart>>);

/// A département's inline charts: each metric charted by region, by
/// territory (its territories count in full).
pub fn department(
    content: &Content,
    agg: &Aggregates,
    members: &[&TerritoryFile],
    code: &str,
    name: &str,
    t: &Labels,
    palette: Palette,
) -> Vec<Chart> {
    bars::department(
        content,
        agg,
        members,
        code,
        name,
        &bars::Style::new(content, t, palette),
    )
}

/// A chart's SVG and PNG files, by output path.
pub fn chart_files(c: Chart) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(c.svg_file, c.svg.into_bytes())];
    if let Some(png) = c.png {
        out.push((c.png_file, png));
    }
    if let (Some(print), Some(file)) = (c.print, c.print_file) {
        out.push((file, print));
    }
    out
}

/// Everything a region's charts are drawn from: the site's settings (labels,
/// typography, metrics, source line), the palette, and its territories'
/// names and totals.
fn region_key(
    content: &Content,
    agg: &Aggregates,
    members: &[&TerritoryFile],
    code: &str,
    palette: Palette,
) -> String {
    let mut text = format!("{DRAWING_VERSION}\n{code}\n{palette:?}\n");
    for f in members {
        let totals = agg.territory(&f.slug);
        text.push_str(&f.record.name);
        for (i, _) in content.metrics.iter() {
            text.push_str(&format!(" {:?}", totals.sum(i).value()));
        }
        text.push('\n');
    }
    cache::hash(&[content.site_source.as_bytes(), text.as_bytes()])
}

/// Everything the map is drawn from but the values: the site's settings,
/// kit.yaml (the credit), the outlines, the palette, and each territory's
/// code, name, region and page.
fn map_key(content: &Content, palette: Palette) -> String {
    let mut places = String::new();
    for f in &content.territories {
        let r = &f.record;
        places.push_str(&format!(
            "{}|{:?}|{}|{}\n",
            f.slug, r.code, r.name, r.region
        ));
    }
    fn text(f: &Option<crate::content::TextFile>) -> &str {
        f.as_ref().map_or("", |f| f.text.as_str())
    }
    let how = format!("{DRAWING_VERSION}\n{palette:?}");
    cache::hash(&[
        how.as_bytes(),
        content.site_source.as_bytes(),
        content.kit_source.as_bytes(),
        text(&content.map_regions).as_bytes(),
        text(&content.map_territories).as_bytes(),
        places.as_bytes(),
    ])
}

/// A programme chart with its PNG, drawn or from the cache when a
/// deferring store left it out: a build that keeps the chart files never
/// reads those pictures.
pub fn programme_filled(c: &Chart, store: &dyn Store) -> Result<Chart, Diagnostic> {
    let mut c = c.clone();
    if c.png.is_none() {
        fill(&mut c, raster::PRINT, store)?;
    }
    Ok(c)
}

/// A region chart with its PNGs (see [`programme_filled`]).
pub fn region_filled(c: &Chart, store: &dyn Store) -> Result<Chart, Diagnostic> {
    let mut c = c.clone();
    if c.png.is_none() {
        fill(&mut c, raster::CARD, store)?;
    }
    Ok(c)
}

fn fill(c: &mut Chart, fit: raster::Fit, store: &dyn Store) -> Result<(), Diagnostic> {
    c.png = Some(rasterised(store, &c.svg, fit).map_err(|e| png_error(&c.name, &e))?);
    if c.print_file.is_some() {
        let print = rasterised(store, &c.svg, raster::PRINT);
        c.print = Some(print.map_err(|e| png_error(&c.name, &e))?);
    }
    Ok(())
}

/// `svg` as a PNG fitted by `fit`, from the cache when drawn before.
fn rasterised(store: &dyn Store, svg: &str, fit: raster::Fit) -> anyhow::Result<Vec<u8>> {
    let key = png_key(svg, fit);
    if let Some(bytes) = store.get(&key) {
        return Ok(bytes);
    }
    let bytes = raster::png(svg, fit)?;
    store.put(&key, &bytes);
    Ok(bytes)
}

/// The cache key of `svg` rasterised with `fit`.
fn png_key(svg: &str, fit: raster::Fit) -> String {
    let how = format!("{fit:?}");
    format!(
        "{}.png",
        cache::hash(&[DRAWING_VERSION.as_bytes(), how.as_bytes(), svg.as_bytes()])
    )
}

/// Draws every chart. Problems with the map outlines come back as diagnostics.
/// A region whose charts in `previous` were drawn from the same inputs keeps
/// them (`serve`: an edit redraws its own region's charts, not all of them).
pub fn all(
    content: &Content,
    agg: &Aggregates,
    t: &Labels,
    palette: Palette,
    store: &dyn Store,
    previous: Option<&ChartSet>,
) -> (ChartSet, Diagnostics) {
    use rayon::prelude::*;
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
            let members: Vec<(&str, Vec<&TerritoryFile>)> = members.into_iter().collect();
            members
                .into_par_iter()
                .map(|(code, files)| {
                    let key = region_key(content, agg, &files, code, palette);
                    let kept = previous
                        .filter(|p| p.region_keys.get(code) == Some(&key))
                        .and_then(|p| p.regions.get(code));
                    let charts = match kept {
                        Some(charts) => Ok(charts.clone()),
                        None => bars::region(content, agg, &files, code, &st, store),
                    };
                    ((code.to_string(), charts), (code.to_string(), key))
                })
                .unzip()
        },
    );
    let (drawn, region_keys): (Vec<RegionCharts>, _) = regions;
    let mut regions = std::collections::BTreeMap::new();
    for (code, charts) in drawn {
        match charts {
            Ok(charts) => {
                regions.insert(code, charts);
            }
            // Never a region without its charts and without a word.
            Err(e) => diags.push(Diagnostic::error(
                "content/site.yaml",
                crate::tr!(
                    "chart-region-failed",
                    code = &code,
                    error = format!("{e:#}")
                ),
            )),
        }
    }
    for d in png_errors {
        diags.push(d);
    }
    let map_key = map_key(content, palette);
    let (map, map_diags) = match previous.filter(|p| p.map_key == map_key) {
        Some(p) => (p.map.clone(), p.map_diags.clone()),
        None => {
            let mut found = Diagnostics::default();
            (map_chart(content, t, palette, store, &mut found), found)
        }
    };
    diags.extend(map_diags.clone());
    let map = map.map(|mut m| {
        m.coloured = coloured_map(content, agg, t, &m);
        m
    });
    (
        ChartSet {
            programme,
            map,
            regions,
            region_keys,
            map_key,
            map_diags,
        },
        diags,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;

    /// A test site's content.
    fn fixture(name: &str) -> Content {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures")
            .join(name);
        let mut d = Diagnostics::default();
        crate::content::load(&root, &mut d).unwrap().unwrap()
    }

    /// Every chart of `c`, PNGs left out, as `serve` draws them.
    fn draw(c: &Content, previous: Option<&ChartSet>) -> ChartSet {
        let agg = aggregate(&c.territories, c.metrics.len());
        let t = Labels::new(c.site.language);
        let store = cache::Deferred(&cache::NoCache);
        all(c, &agg, &t, Palette::default(), &store, previous).0
    }

    /// The charts of every region, as SVG text, by region code.
    fn svgs(set: &ChartSet) -> Vec<(String, Vec<String>)> {
        set.regions
            .iter()
            .map(|(code, charts)| (code.clone(), charts.iter().map(|c| c.svg.clone()).collect()))
            .collect()
    }

    /// What `serve` does after an edit: charts drawn with the previous set
    /// at hand are exactly those drawn from scratch; none is stale.
    #[test]
    fn charts_kept_from_the_previous_set_are_never_stale() {
        let content = fixture("second-programme");
        let first = draw(&content, None);
        let mut edited = content.clone();
        let i = edited
            .territories
            .iter()
            .position(|t| t.slug == "estuaire")
            .unwrap();
        let mut estuaire = (*edited.territories[i]).clone();
        estuaire.record.projects[1].values[0] = Some(1234);
        edited.territories[i] = std::sync::Arc::new(estuaire);
        let kept = draw(&edited, Some(&first));
        let fresh = draw(&edited, None);
        assert_eq!(svgs(&kept), svgs(&fresh));
        assert_ne!(
            svgs(&kept),
            svgs(&first),
            "the edit shows in its region's chart"
        );
        assert_eq!(kept.region_keys["B"], first.region_keys["B"]);
        assert_ne!(kept.region_keys["A"], first.region_keys["A"]);
    }

    /// The map is kept across an edit of values, and drawn again when a
    /// territory's name changes; either way it is the map drawn from scratch.
    #[test]
    fn a_kept_map_is_the_map_drawn_from_scratch() {
        let content = fixture("english");
        let map_svg = |set: &ChartSet| set.map.as_ref().map(|m| m.file_svg.clone()).unwrap();
        let first = draw(&content, None);
        let edit = |f: &dyn Fn(&mut crate::records::TerritoryFile)| {
            let mut c = content.clone();
            let mut one = (*c.territories[0]).clone();
            f(&mut one);
            c.territories[0] = std::sync::Arc::new(one);
            c
        };
        let values = edit(&|f| f.record.projects[0].values[0] = Some(4321));
        let kept = draw(&values, Some(&first));
        assert_eq!(kept.map_key, first.map_key, "values do not change the map");
        assert_eq!(map_svg(&kept), map_svg(&draw(&values, None)));
        let renamed = edit(&|f| f.record.name = "Nom nouveau".into());
        let redrawn = draw(&renamed, Some(&first));
        assert_ne!(redrawn.map_key, first.map_key);
        assert!(map_svg(&redrawn).contains("Nom nouveau"));
    }
}
