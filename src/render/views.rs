//! View models: what each template receives. Numbers arrive formatted and
//! totals computed, so templates never loop to add things up. Views borrow
//! from the loaded content rather than copy it. Every `href` is relative to
//! the site root; templates prefix it with `root`, which makes links work
//! from a sub-folder and from `file://`.

use std::borrow::Cow;

use std::sync::Arc;

use serde::Serialize;

use crate::aggregate::{Aggregates, Totals};
use crate::content::{suggest_slug, Content};
use crate::format::{self, Scale};
use crate::i18n::{count_label, Labels};
use crate::metrics::Metric;
use crate::opendata::shown_total;
use crate::records::{Page, TerritoryFile};
use crate::routes;
use crate::text::Language;

use super::figures::{totals_figures, Figure};

/// A navigation entry.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NavItem {
    /// Shown text.
    pub(crate) label: String,
    /// Site-relative target.
    pub(crate) href: String,
    /// Section key; the page whose `section` matches marks it current.
    pub(crate) section: String,
}

/// A number in a table: its text, and its raw value for sorting (empty when
/// not reported).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Cell {
    pub(crate) text: String,
    pub(crate) raw: String,
}

/// A value of metric `m`, or "not reported".
fn cell(lang: Language, t: &Labels, m: &Metric, v: Option<u64>, scale: Scale) -> Cell {
    match v {
        Some(v) => Cell {
            text: m.format_in(lang, v, scale),
            raw: v.to_string(),
        },
        None => Cell {
            text: t.get("not_reported").to_string(),
            raw: String::new(),
        },
    }
}

/// Totals, formatted: one cell per metric, and those of headline metrics.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TotalsView {
    pub(crate) territories: String,
    pub(crate) projects: String,
    /// Every metric, in table order.
    pub(crate) cells: Vec<Cell>,
    /// Headline metrics only (the territory tables' columns).
    pub(crate) headline: Vec<Cell>,
}

/// Per metric, the unit of a column holding these values: one unit per
/// column, from its largest value.
pub(crate) fn scales<'v>(
    content: &Content,
    values: impl Iterator<Item = &'v [Option<u64>]>,
) -> Vec<Scale> {
    let mut max = vec![0u64; content.metrics.0.len()];
    for row in values {
        for (m, v) in max.iter_mut().zip(row) {
            *m = (*m).max(v.unwrap_or(0));
        }
    }
    max.into_iter().map(Scale::for_max).collect()
}

/// Each territory's totals, by metric: what the territory tables show.
fn territory_values(content: &Content, agg: &Aggregates) -> Vec<Vec<Option<u64>>> {
    content
        .territories
        .iter()
        .map(|f| {
            let totals = agg.territory(&f.slug);
            content
                .metrics
                .iter()
                .map(|(i, _)| totals.sum(i).value())
                .collect()
        })
        .collect()
}

/// The units of the territory tables' columns.
pub(crate) fn territory_scales(content: &Content, agg: &Aggregates) -> Vec<Scale> {
    let values = territory_values(content, agg);
    scales(content, values.iter().map(Vec::as_slice))
}

/// Formats totals for display, amounts in the units of their columns.
pub(crate) fn totals_view(
    content: &Content,
    t: &Labels,
    totals: &Totals,
    scales: &[Scale],
) -> TotalsView {
    let lang = content.site.language;
    let cells: Vec<(bool, Cell)> = content
        .metrics
        .iter()
        .map(|(i, m)| {
            let v = shown_total(totals.projects, totals.sum(i).value());
            (m.headline, cell(lang, t, m, v, scales[i]))
        })
        .collect();
    TotalsView {
        territories: format::int(lang, totals.territories),
        projects: format::int(lang, totals.projects),
        headline: cells
            .iter()
            .filter(|(h, _)| *h)
            .map(|(_, c)| c.clone())
            .collect(),
        cells: cells.into_iter().map(|(_, c)| c).collect(),
    }
}

/// One line of a territory table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TerritoryRow {
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) region: String,
    pub(crate) region_href: String,
    pub(crate) region_code: String,
    /// Département codes, space-separated (for the filters).
    pub(crate) departments: String,
    /// Name, intercommunalities and communes, for the text filter.
    pub(crate) filter_text: String,
    pub(crate) totals: TotalsView,
    /// Project count, for sorting.
    pub(crate) raw_projects: u64,
}

/// A region on the home page or its own page. Views own what they show
/// (rows are shared), so `serve` keeps them beside the content it came
/// from and builds them once per model, not on every request.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegionView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) href: String,
    /// Its territories, by name.
    pub(crate) territories: Vec<Arc<TerritoryRow>>,
    /// "3 territoires".
    pub(crate) count: String,
    pub(crate) figures: Vec<Figure>,
    pub(crate) totals: TotalsView,
}

/// `3 territoires`, `1 territoire`.
pub(crate) fn territory_count(lang: Language, n: u64, t: &Labels) -> String {
    format!(
        "{} {}",
        format::int(lang, n),
        count_label(lang, n, t.get("territory_lc"), t.get("territories_lc"))
    )
}

/// A project line.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProjectRow<'a> {
    pub(crate) title: &'a str,
    pub(crate) company: &'a str,
    pub(crate) sector: &'a str,
    pub(crate) year: String,
    /// One cell per metric, in table order.
    pub(crate) cells: Vec<Cell>,
}

/// A rendered Markdown page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView<'a> {
    pub(crate) title: &'a str,
    /// Page, when it has its own.
    pub(crate) href: String,
    pub(crate) date: Option<String>,
    /// Summary (front matter, or the first paragraph).
    pub(crate) summary: Cow<'a, str>,
    pub(crate) number: Option<&'a str>,
    /// Body as HTML.
    pub(crate) html: String,
}

fn region_name<'a>(content: &'a Content, code: &'a str) -> &'a str {
    content.site.region(code).map_or(code, |r| r.name.as_str())
}

/// Territory rows in list order, each with its totals.
pub(crate) fn territory_rows(
    content: &Content,
    agg: &Aggregates,
    t: &Labels,
) -> Vec<Arc<TerritoryRow>> {
    use rayon::prelude::*;
    let scales = territory_scales(content, agg);
    // In parallel: at 14,600 territories, 70 ms of each `serve` update.
    content
        .territories
        .par_iter()
        .map(|f| {
            let totals = agg.territory(&f.slug);
            Arc::new(TerritoryRow {
                name: f.record.name.clone(),
                href: routes::territory(&f.slug),
                region: region_name(content, &f.record.region).to_string(),
                region_href: routes::region(&f.record.region),
                region_code: f.record.region.clone(),
                departments: f.record.departments.join(" "),
                filter_text: format!(
                    "{} {} {}",
                    f.record.name,
                    f.record.intercommunalities.join(" "),
                    f.record.communes.join(" ")
                ),
                totals: totals_view(content, t, totals, &scales),
                raw_projects: totals.projects,
            })
        })
        .collect()
}

/// Sorts by name the way a reader expects: accents and case folded.
pub(crate) fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|i| suggest_slug(name(i)));
}

/// Regions that have territories, by name, each with its rows.
pub(crate) fn region_views(
    content: &Content,
    agg: &Aggregates,
    rows: &[Arc<TerritoryRow>],
    t: &Labels,
) -> Vec<RegionView> {
    let lang = content.site.language;
    let scales = territory_scales(content, agg);
    let mut out: Vec<RegionView> = agg
        .regions
        .iter()
        .map(|(code, totals)| {
            let mut territories: Vec<Arc<TerritoryRow>> = rows
                .iter()
                .filter(|r| r.region_code == *code)
                .cloned()
                .collect();
            sort_by_name(&mut territories, |r| &r.name);
            RegionView {
                code: code.clone(),
                name: region_name(content, code).to_string(),
                href: routes::region(code),
                territories,
                count: territory_count(lang, totals.territories, t),
                figures: totals_figures(content, totals, t, true),
                totals: totals_view(content, t, totals, &scales),
            }
        })
        .collect();
    sort_by_name(&mut out, |r| &r.name);
    out
}

/// Project lines of one territory, in record order.
/// A territory's projects, and its totals in the units of their columns.
pub(crate) fn project_rows<'a>(
    content: &Content,
    t: &Labels,
    f: &'a TerritoryFile,
    totals: &Totals,
) -> (Vec<ProjectRow<'a>>, TotalsView) {
    let lang = content.site.language;
    let values: Vec<Vec<Option<u64>>> = f
        .record
        .projects
        .iter()
        .map(|p| content.metrics.iter().map(|(i, _)| p.value(i)).collect())
        .collect();
    let scales = scales(content, values.iter().map(Vec::as_slice));
    let rows = f
        .record
        .projects
        .iter()
        .map(|p| ProjectRow {
            title: &p.title,
            company: p.company.as_deref().unwrap_or_default(),
            sector: p.sector.as_deref().unwrap_or_default(),
            year: p.year.map(|y| y.to_string()).unwrap_or_default(),
            cells: content
                .metrics
                .iter()
                .map(|(i, m)| cell(lang, t, m, p.value(i), scales[i]))
                .collect(),
        })
        .collect();
    (rows, totals_view(content, t, totals, &scales))
}

/// "Territoires, projets, emplois créés et investissement": the caption of
/// a territory table, from its columns.
pub(crate) fn table_caption(content: &Content, t: &Labels) -> String {
    let mut parts: Vec<String> = vec![t.get("territories").into(), t.get("projects_lc").into()];
    parts.extend(content.metrics.headline().map(|(_, m)| m.title_lc.clone()));
    let last = parts.pop().unwrap_or_default();
    if parts.is_empty() {
        return last;
    }
    format!("{} {} {last}", parts.join(", "), t.get("and"))
}

/// A view of a Markdown page; `html` is rendered by the caller.
pub(crate) fn page_view<'a>(
    lang: Language,
    page: &'a Page,
    href: String,
    html: String,
) -> PageView<'a> {
    PageView {
        title: &page.meta.title,
        href,
        date: page.meta.date.map(|d| format::date(lang, d)),
        summary: match &page.meta.summary {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(crate::markdown::first_paragraph(&page.body)),
        },
        number: page.meta.number.as_deref(),
        html,
    }
}

/// A list entry for a release: title, date and link, no body.
pub(crate) fn release_entry(lang: Language, p: &Page) -> PageView<'_> {
    page_view(lang, p, routes::release(&p.stem), String::new())
}
