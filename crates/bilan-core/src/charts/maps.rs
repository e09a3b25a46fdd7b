//! The map as the site uses it: the home map (membership, or coloured by a
//! metric), its files with title, legend and credit, each region's map, and
//! each territory's locator.

use serde::Serialize;

use super::{map, png_error, raster, rasterised};
use crate::aggregate::Aggregates;
use crate::cache::Store;
use crate::content::Content;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Labels;
use crate::records::TerritoryFile;
use crate::routes;
use crate::theme::Palette;
use crate::tr;

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
    /// The SVG without links, for the zip.
    #[serde(skip)]
    pub standalone_svg: String,
    /// The map for an A4 page (see [`map::paper_svg`]).
    #[serde(skip)]
    pub paper_svg: String,
    /// Per region code: its own map, zoomed on it.
    #[serde(skip)]
    pub regions: std::collections::BTreeMap<String, RegionMap>,
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
    /// Where the phones' picture of the home map is published.
    pub picture_file: String,
}

/// A region's own map, zoomed on it, its programme territories
/// highlighted: the file (SVG, print PNG) and the drawing for its PDF.
#[derive(Debug, Clone)]
pub struct RegionMap {
    /// `charts/carte-region-<code>.svg`.
    pub svg: String,
    /// Its PNG at print resolution.
    pub png: Vec<u8>,
    /// For the regional PDF (see [`map::paper_svg`]).
    pub paper: String,
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
pub(super) fn coloured_map(
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
        .map(|f| (&**f, agg.territory(&f.slug).sum(i).value()))
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
    let set = crate::format::AmountSet::of(bounds.iter().copied().chain([low]));
    let legend = bounds
        .iter()
        .enumerate()
        .map(|(k, &b)| {
            let range = format!(
                "{} – {}",
                metric.format_among(lang, low, set),
                metric.format_among(lang, b, set)
            );
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

/// Source and credit of the map visuals: the outlines' and the figures'.
fn map_credit(content: &Content, t: &Labels) -> String {
    let p = &content.site.programme;
    let mut parts = vec![p.name.clone()];
    if let Some(s) = &p.source {
        parts.push(s.clone());
    }
    if let Some(c) = content.kit.as_ref().and_then(|k| k.credits.as_deref()) {
        parts.push(crate::presskit::credit_line(t, c));
    }
    crate::typo_or(content, &parts.join(" · "))
}

/// The map, when site.yaml names outlines; problems with them (unreadable
/// outlines, territories without one) go to `diags`.
pub(super) fn map_chart(
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
        .map_err(|e| diags.push(Diagnostic::error(&file.path, format!("{e:#}"))))
        .ok();
    let region_shapes = match &content.map_regions {
        Some(r) => map::parse(&r.text, &cfg.region_key)
            .map_err(|e| {
                diags.push(
                    Diagnostic::error(&r.path, format!("{e:#}")).hint(tr!("map-region-key-hint")),
                )
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
            name: crate::typo_or(content, &f.record.name),
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
                tr!(
                    "map-missing-outlines",
                    count = names.len(),
                    names = names.join(", ")
                ),
            )
            .hint(tr!("map-missing-outlines-hint", key = &cfg.key)),
        );
    }
    let regions_text = content.map_regions.as_ref().map_or("", |r| r.text.as_str());
    let typeset = |key: &str| crate::typo_or(content, t.get(key));
    let (title, desc) = (typeset("map"), typeset("map_desc"));
    let credit = map_credit(content, t);
    let text = map::MapText {
        title: title.clone(),
        legend: vec![typeset("map_legend")],
        credit: credit.clone(),
    };
    let file_svg = map::file_svg(&layout, Some("../"), routes::MAP, &desc, &text);
    let standalone_svg = map::file_svg(&layout, None, routes::MAP, &desc, &text);
    let raster = |svg: &str| rasterised(store, svg, raster::PRINT);
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
        let Some(zoomed) = map::region_layout(&region_shapes, &outlines, &places, &r.code, palette)
        else {
            continue;
        };
        let svg = map::region_svg(&zoomed, &r.code, &name, &desc, &text);
        let paper = map::paper_svg(&zoomed, Some(&r.code), &name, &text.title, &desc);
        match raster(&svg) {
            Ok(png) => {
                regions.insert(r.code.clone(), RegionMap { svg, png, paper });
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
        paper_svg: map::paper_svg(&layout, None, routes::MAP, &title, &desc),
        regions,
        png,
        title,
        desc,
        svg_file: routes::chart(routes::MAP, "svg"),
        png_file: routes::chart(routes::MAP, "png"),
        picture_file: routes::chart(routes::MAP_PICTURE, "svg"),
    })
}
