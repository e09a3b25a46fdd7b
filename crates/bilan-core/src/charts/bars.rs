//! Bar charts: what each chart compares, its bars and its data table (the
//! sentence that describes it is [`super::describe`]). Every chart measures
//! one metric of the table.

use rayon::prelude::*;

use super::draw::{self, Bar, BarChart};
use super::{accessible, Chart, DataTable, HtmlBar};
use crate::aggregate::Aggregates;
use crate::cache::Store;
use crate::content::Content;
use crate::format;
use crate::i18n::Labels;
use crate::metrics::{ChartKind, Metric};
use crate::records::TerritoryFile;
use crate::routes;
use crate::text::Language;
use crate::theme::Palette;

/// What every chart of a site shares.
pub(super) struct Style<'a> {
    pub(super) lang: Language,
    pub(super) t: &'a Labels,
    pub(super) source: String,
    pub(super) palette: Palette,
    /// French typography for titles and labels.
    pub(super) typo: Option<crate::typo::Rules>,
}

impl Style<'_> {
    pub(super) fn new<'a>(content: &Content, t: &'a Labels, palette: Palette) -> Style<'a> {
        let typo = content.site.typography();
        let mut st = Style {
            lang: content.site.language,
            t,
            source: String::new(),
            palette,
            typo,
        };
        st.source = st.typeset(source_line(content, t));
        st
    }

    /// `text` with the site's typography (French only).
    fn typeset(&self, text: String) -> String {
        match self.typo.map(|r| crate::typo::text(&text, r)) {
            Some(std::borrow::Cow::Owned(fixed)) => fixed,
            _ => text,
        }
    }

    /// A chart title from a label with `{}` for the metric's title.
    fn title(&self, key: &str, m: &Metric) -> String {
        let lc = key == "chart_by_year";
        self.t
            .get(key)
            .replace("{}", if lc { &m.title_lc } else { &m.title })
    }
}

type Spec = (String, BarChart, DataTable);

/// The programme-level charts, each with its PNG, in the routes' order.
pub(super) fn programme(
    content: &Content,
    agg: &Aggregates,
    st: &Style,
    store: &dyn Store,
) -> Vec<Result<Chart, crate::diag::Diagnostic>> {
    let region_name = |code: &str| {
        content
            .site
            .region(code)
            .map_or(code.to_string(), |r| r.name.clone())
    };
    let t = st.t;
    let mut specs: Vec<Spec> = routes::programme_charts(&content.metrics)
        .into_iter()
        .map(|(kind, i, name)| {
            let m = &content.metrics.0[i];
            match kind {
                ChartKind::Region => {
                    let items = agg
                        .regions
                        .iter()
                        .map(|(c, tot)| (region_name(c), tot.sum(i).value()));
                    let title = st.title("chart_by_region", m);
                    ranked(name, title, t.get("region"), items.collect(), m, st)
                }
                ChartKind::Sector => {
                    let items = agg
                        .sectors
                        .iter()
                        .map(|(s, tot)| (s.clone(), tot.sum(i).value()));
                    let title = st.title("chart_by_sector", m);
                    ranked(name, title, t.get("sector"), items.collect(), m, st)
                }
                ChartKind::Year => by_year(name, agg, i, m, st),
                ChartKind::Line => {
                    let (name, mut chart, table) = by_year(name, agg, i, m, st);
                    chart.line = true;
                    chart.title = st.typeset(st.title("chart_line_by_year", m));
                    (name, chart, table)
                }
                ChartKind::Top | ChartKind::Project => {
                    let mut items: Vec<(String, Option<u64>)> = content
                        .territories
                        .iter()
                        .map(|f| (f.record.name.clone(), agg.territory(&f.slug).sum(i).value()))
                        .filter(|(_, v)| v.is_some())
                        .collect();
                    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    items.truncate(10);
                    // The title counts the bars drawn: "les 3 premiers".
                    let title = match items.len() {
                        1 => st.title("chart_top_one", m),
                        n => st
                            .title("chart_top", m)
                            .replace("{n}", &format::int(st.lang, n as u64)),
                    };
                    ranked(name, title, t.get("territory"), items, m, st)
                }
            }
        })
        .collect();
    specs.retain(|(_, chart, _)| !chart.bars.is_empty());
    specs
        .into_par_iter()
        .map(|(name, chart, table)| {
            finish_with_files(
                name.clone(),
                chart,
                table,
                st,
                store,
                (super::raster::PRINT, true),
            )
            .map_err(|e| super::png_error(&name, &e))
        })
        .collect()
}

/// Each charted metric by territory, for one region's page and kit, with
/// their files (SVG and PNG).
pub(super) fn region(
    content: &Content,
    agg: &Aggregates,
    members: &[&TerritoryFile],
    code: &str,
    st: &Style,
    store: &dyn Store,
) -> anyhow::Result<Vec<Chart>> {
    content
        .metrics
        .iter()
        .filter(|(_, m)| m.charts.contains(&ChartKind::Region))
        .map(|(i, m)| {
            let region = content.site.region(code).map_or(code, |r| r.name.as_str());
            by_territory(
                routes::region_chart(code, m),
                region,
                agg,
                members,
                i,
                m,
                st,
            )
        })
        .filter(|(_, c, _)| c.bars.iter().any(|b| b.value > 0))
        .map(|(name, chart, table)| {
            let c = finish_with_files(name, chart, table, st, store, (super::raster::CARD, true))?;
            with_print(c, store)
        })
        .collect()
}

/// `c` with a print PNG beside its card: regional papers need a visual
/// at print resolution (1,920 px wide), and the card stays the page's
/// `og:image`.
fn with_print(c: Chart, store: &dyn Store) -> anyhow::Result<Chart> {
    let print = if store.defers() {
        None
    } else {
        Some(super::rasterised(store, &c.svg, super::raster::PRINT)?)
    };
    Ok(Chart {
        print,
        print_file: Some(routes::chart(&format!("{}-impression", c.name), "png")),
        ..c
    })
}

/// Metric `i` by territory of `members`, titled for `place` (a region or
/// a département).
fn by_territory(
    chart: String,
    place: &str,
    agg: &Aggregates,
    members: &[&TerritoryFile],
    i: usize,
    m: &Metric,
    st: &Style,
) -> Spec {
    let items = members
        .iter()
        .map(|f| (f.record.name.clone(), agg.territory(&f.slug).sum(i).value()))
        .collect();
    let title = format!("{} — {place}", st.title("chart_by_territory", m));
    ranked(chart, title, st.t.get("territory"), items, m, st)
}

/// Each metric charted by region, by territory, for a département's page:
/// inline, with no files.
pub(super) fn department(
    content: &Content,
    agg: &Aggregates,
    members: &[&TerritoryFile],
    code: &str,
    name: &str,
    st: &Style,
) -> Vec<Chart> {
    content
        .metrics
        .iter()
        .filter(|(_, m)| m.charts.contains(&ChartKind::Region))
        .map(|(i, m)| {
            by_territory(
                routes::department_chart(code, m),
                name,
                agg,
                members,
                i,
                m,
                st,
            )
        })
        .filter(|(_, c, _)| c.bars.iter().any(|b| b.value > 0))
        .map(|(name, chart, table)| finish(name, chart, table, st))
        .collect()
}

/// A territory's projects, one chart per metric charted by project (inline,
/// no PNG); none without projects.
/// With `store`, the charts get their files (SVG, and the PNG card).
pub(super) fn territory(
    content: &Content,
    file: &TerritoryFile,
    st: &Style,
    store: Option<&dyn Store>,
) -> anyhow::Result<Vec<Chart>> {
    let projects = &file.record.projects;
    let mut first = true;
    let mut out = Vec::new();
    for (i, m) in content
        .metrics
        .iter()
        .filter(|(_, m)| m.charts.contains(&ChartKind::Project))
    {
        let items: Vec<(String, Option<u64>)> = projects
            .iter()
            .map(|p| {
                // The company is short and tells projects apart; the title is in the table.
                let label = match &p.company {
                    Some(c) if !c.is_empty() => c.clone(),
                    _ => p.title.clone(),
                };
                (label, p.value(i))
            })
            .collect();
        let name = routes::territory_chart(&file.slug, m, first);
        // The name travels with the picture when it is shared or downloaded.
        let title = format!("{} — {}", st.title("chart_by_project", m), file.record.name);
        let (name, chart, table) = ranked(name, title, st.t.get("project"), items, m, st);
        if !chart.bars.is_empty() {
            first = false;
            out.push(match store {
                Some(store) => {
                    finish_with_files(name, chart, table, st, store, (super::raster::CARD, false))?
                }
                None => finish(name, chart, table, st),
            });
        }
    }
    Ok(out)
}

fn source_line(content: &Content, t: &Labels) -> String {
    let p = &content.site.programme;
    let mut parts = vec![p.name.clone()];
    if let Some(s) = &p.source {
        parts.push(s.clone());
    }
    if p.illustrative_projects {
        parts.push(t.get("chart_illustrative").into());
    }
    parts.join(" · ")
}

/// A bar chart sorted from the largest value down, with its data table.
/// Items that did not report the metric are left out: they are not zeros.
fn ranked(
    name: String,
    title: String,
    label_header: &str,
    items: Vec<(String, Option<u64>)>,
    m: &Metric,
    st: &Style,
) -> Spec {
    let mut items: Vec<(String, u64)> = items
        .into_iter()
        .filter_map(|(l, v)| v.map(|v| (l, v)))
        .collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let scale = format::Scale::for_max(items.first().map_or(0, |i| i.1));
    // One unit and one number of decimals for every label of the chart.
    let set = label_set(items.iter().map(|i| i.1));
    let bars: Vec<Bar> = items
        .into_iter()
        .map(|(label, value)| Bar {
            text: m.format_among(st.lang, value, set),
            label,
            value,
        })
        .collect();
    let table = DataTable {
        headers: vec![label_header.to_string(), m.title.clone()],
        // One unit per column in the table.
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), m.format_in(st.lang, b.value, scale)])
            .collect(),
    };
    let chart = bar_chart(title, bars, m, st);
    (name, chart, table)
}

/// Metric `i` by project year, with the number of projects of each year.
fn by_year(name: String, agg: &Aggregates, i: usize, m: &Metric, st: &Style) -> Spec {
    let (lang, t) = (st.lang, st.t);
    let projects = |n: u64| {
        format!(
            "{} {}",
            format::int(lang, n),
            crate::i18n::count_label(lang, n, t.get("project_lc"), t.get("projects_lc"))
        )
    };
    let years: Vec<(i32, u64, Option<u64>)> = agg
        .years
        .iter()
        .map(|(y, tot)| (*y, tot.projects, tot.sum(i).value()))
        .collect();
    let scale = format::Scale::for_max(years.iter().filter_map(|y| y.2).max().unwrap_or(0));
    let set = label_set(years.iter().filter_map(|y| y.2));
    let bars: Vec<Bar> = years
        .iter()
        .filter_map(|&(y, n, v)| {
            v.map(|v| Bar {
                label: y.to_string(),
                value: v,
                text: format!("{} · {}", m.format_among(lang, v, set), projects(n)),
            })
        })
        .collect();
    let table = DataTable {
        headers: vec![
            t.get("year").into(),
            t.get("projects").into(),
            m.title.clone(),
        ],
        rows: years
            .iter()
            .map(|&(y, n, v)| {
                vec![
                    y.to_string(),
                    format::int(lang, n),
                    v.map_or_else(
                        || t.get("not_reported").to_string(),
                        |v| m.format_in(lang, v, scale),
                    ),
                ]
            })
            .collect(),
    };
    let chart = bar_chart(st.title("chart_by_year", m), bars, m, st);
    (name, chart, table)
}

/// The unit and decimals of a chart's value labels: the unit of its axis's
/// end, so that labels and ticks never mix `900 000 €` and `1 M€`.
fn label_set(values: impl Iterator<Item = u64> + Clone) -> format::AmountSet {
    let max = values.clone().max().unwrap_or(0);
    let axis = draw::nice_ticks(max).last().copied().unwrap_or(max);
    format::AmountSet::within(values, axis)
}

fn bar_chart(title: String, mut bars: Vec<Bar>, m: &Metric, st: &Style) -> BarChart {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    for b in &mut bars {
        b.label = st.typeset(std::mem::take(&mut b.label));
    }
    let ticks = draw::nice_ticks(max);
    let set = format::AmountSet::of(ticks.iter().copied());
    BarChart {
        title: st.typeset(title),
        ticks: ticks
            .into_iter()
            .map(|v| (v, m.format_among(st.lang, v, set)))
            .collect(),
        bars,
        source: st.source.clone(),
        palette: st.palette,
        line: false,
        width: draw::WIDTH,
    }
}

/// A chart shown inline in its page (drawn in HTML), without files.
fn finish(name: String, chart: BarChart, table: DataTable, st: &Style) -> Chart {
    let desc = st.typeset(super::describe::describe(&chart, st.lang));
    let max = chart.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let bars = chart
        .bars
        .iter()
        .map(|b| HtmlBar {
            label: b.label.clone(),
            text: b.text.clone(),
            // A bar worth something is never drawn empty.
            width: format!(
                "{:.1}",
                (b.value as f64 * 100.0 / max as f64).max(if b.value > 0 { 0.5 } else { 0.0 })
            ),
        })
        .collect();
    Chart {
        svg_file: routes::chart(&name, "svg"),
        png_file: routes::chart(&name, "png"),
        print: None,
        print_file: None,
        name,
        title: chart.title,
        desc,
        svg: String::new(),
        paper: String::new(),
        bars,
        source: chart.source,
        table,
        png: None,
    }
}

/// A chart with its files: the SVG, and the PNG rasterised from it (print
/// size for programme charts; for regions and territories a 1,200×630 card,
/// which their pages also use as `og:image`).
fn finish_with_files(
    name: String,
    chart: BarChart,
    table: DataTable,
    st: &Style,
    store: &dyn Store,
    (fit, with_paper): (super::raster::Fit, bool),
) -> anyhow::Result<Chart> {
    let svg_text = draw::svg(&chart);
    // Territory charts never go in a PDF: only print-sized ones get a page
    // version (programme charts; region charts, through `with_print`).
    let paper_text = match fit {
        super::raster::Fit::Scale(_) => Some(draw::svg(&chart.paper())),
        super::raster::Fit::Canvas(..) if with_paper => Some(draw::svg(&chart.paper())),
        super::raster::Fit::Canvas(..) => None,
    };
    let c = finish(name, chart, table, st);
    let svg = accessible(&svg_text, &c.name, &c.title, &c.desc);
    let paper = paper_text
        .map(|p| accessible(&p, &c.name, &c.title, &c.desc))
        .unwrap_or_default();
    let png = if store.defers() {
        None
    } else {
        Some(super::rasterised(store, &svg, fit)?)
    };
    Ok(Chart {
        png,
        svg,
        paper,
        ..c
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache;
    use crate::metrics::Metrics;

    fn sample(metric: usize) -> Chart {
        let t = Labels::new(Language::Fr);
        let st = Style {
            lang: Language::Fr,
            t: &t,
            source: "Source : test".into(),
            palette: Palette::default(),
            typo: Some(crate::typo::Rules::default()),
        };
        let m = &Metrics::defaults(Language::Fr).0[metric];
        let items = vec![
            (
                "Littoral <nord>".to_string(),
                Some([1250, 12_500_000][metric]),
            ),
            ("Vallée".to_string(), Some([27250, 5_400_000_000][metric])),
            ("Plateau".to_string(), Some([3, 850_000][metric])),
            ("Muet".to_string(), None),
        ];
        let title = ["Emplois créés par région", "Investissement par région"][metric];
        let (name, chart, table) = ranked("exemple".into(), title.into(), "Région", items, m, &st);
        finish_with_files(
            name,
            chart,
            table,
            &st,
            &cache::NoCache,
            (crate::charts::raster::PRINT, true),
        )
        .unwrap()
    }

    #[test]
    fn jobs_chart_svg_snapshot() {
        let c = sample(0);
        assert!(roxmltree::Document::parse(&c.svg).is_ok());
        insta::assert_snapshot!(c.svg);
    }

    #[test]
    fn investment_chart_svg_snapshot() {
        let c = sample(1);
        assert!(roxmltree::Document::parse(&c.svg).is_ok());
        insta::assert_snapshot!(c.svg);
    }

    #[test]
    fn chart_is_accessible_and_sorted() {
        let c = sample(0);
        let doc = roxmltree::Document::parse(&c.svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some("exemple-title exemple-desc")
        );
        let first = |tag: &str| {
            root.children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap()
                .to_string()
        };
        assert_eq!(first("title"), "Emplois créés par région");
        assert_eq!(
            first("desc"),
            "Diagramme en barres horizontales, emplois créés par région\u{a0}: 3 valeurs, de Vallée (27\u{202f}250) à Plateau (3)."
        );
        assert_eq!(c.table.rows[0], ["Vallée", "27\u{202f}250"]);
        assert_eq!(
            c.table.rows.len(),
            3,
            "an item that did not report is not a bar"
        );
        assert!(
            c.svg.contains("\n27\u{202f}250\n</text>"),
            "values are written on the bars"
        );
        let png = c.png.unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
