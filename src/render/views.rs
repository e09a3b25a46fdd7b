//! View models: what each template receives. Numbers arrive formatted and
//! totals computed, so templates never loop to add things up. Every `href` is
//! relative to the site root; templates prefix it with `root`, which makes
//! links work from a sub-folder and from `file://`.

use serde::Serialize;

use crate::aggregate::{Aggregates, Totals};
use crate::config::{Language, SiteConfig};
use crate::content::{suggest_slug, Content};
use crate::format;
use crate::i18n::{count_label, Labels};
use crate::records::{Page, TerritoryFile};

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

/// A headline figure.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Figure {
    /// Formatted value (`27 250`).
    pub(crate) value: String,
    /// What it counts.
    pub(crate) label: String,
    /// Where the figure comes from, when it is the declared one rather than
    /// the records' total.
    pub(crate) note: Option<String>,
}

/// Totals, formatted.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TotalsView {
    /// Territories.
    pub(crate) territories: String,
    /// Projects.
    pub(crate) projects: String,
    /// Jobs created.
    pub(crate) jobs: String,
    /// Investment, short form.
    pub(crate) investment: String,
    /// Aid, short form.
    pub(crate) aid: String,
}

/// One line of a territory table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TerritoryRow {
    /// Name.
    pub(crate) name: String,
    /// Page.
    pub(crate) href: String,
    /// Region name.
    pub(crate) region: String,
    /// Region page.
    pub(crate) region_href: String,
    /// Formatted totals.
    pub(crate) totals: TotalsView,
    /// Raw values, for sorting (`data-` attributes).
    pub(crate) raw: Totals,
}

/// A region on the home page or its own page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegionView {
    /// Code.
    pub(crate) code: String,
    /// Name.
    pub(crate) name: String,
    /// Page.
    pub(crate) href: String,
    /// Its territories, by name.
    pub(crate) territories: Vec<TerritoryRow>,
    /// "3 territoires".
    pub(crate) count: String,
    /// Headline figures.
    pub(crate) figures: Vec<Figure>,
    /// Formatted totals.
    pub(crate) totals: TotalsView,
}

/// A project line.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProjectRow {
    /// Title.
    pub(crate) title: String,
    /// Company.
    pub(crate) company: String,
    /// Sector.
    pub(crate) sector: String,
    /// Year.
    pub(crate) year: String,
    /// Investment, short form.
    pub(crate) investment: String,
    /// Aid, short form.
    pub(crate) aid: String,
    /// Jobs.
    pub(crate) jobs: String,
}

/// A rendered Markdown page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView {
    /// Title.
    pub(crate) title: String,
    /// Page, when it has its own.
    pub(crate) href: String,
    /// Formatted date.
    pub(crate) date: Option<String>,
    /// Summary (front matter, or the first paragraph).
    pub(crate) summary: String,
    /// Release number.
    pub(crate) number: Option<String>,
    /// Body as HTML.
    pub(crate) html: String,
}

/// Formats totals for display.
pub(crate) fn totals_view(lang: Language, t: &Totals) -> TotalsView {
    TotalsView {
        territories: format::int(lang, t.territories),
        projects: format::int(lang, t.projects),
        jobs: format::int(lang, t.jobs_created),
        investment: format::eur_short(lang, t.investment_eur),
        aid: format::eur_short(lang, t.aid_eur),
    }
}

/// Page path of a region.
pub(crate) fn region_href(code: &str) -> String {
    format!("regions/{}/index.html", suggest_slug(code))
}

/// Territory rows in list order, each with its totals.
pub(crate) fn territory_rows(content: &Content, agg: &Aggregates) -> Vec<TerritoryRow> {
    let lang = content.site.language;
    content
        .territories
        .iter()
        .zip(&agg.territories)
        .map(|(t, totals)| TerritoryRow {
            name: t.record.name.clone(),
            href: crate::content::territory_href(&t.slug),
            region: region_name(&content.site, &t.record.region),
            region_href: region_href(&t.record.region),
            totals: totals_view(lang, totals),
            raw: *totals,
        })
        .collect()
}

fn region_name(site: &SiteConfig, code: &str) -> String {
    site.region(code)
        .map_or_else(|| code.to_string(), |r| r.name.clone())
}

/// Sorts by name the way a reader expects: accents and case folded.
pub(crate) fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|i| suggest_slug(name(i)));
}

/// Regions that have territories, by name, each with its rows.
pub(crate) fn region_views(
    content: &Content,
    agg: &Aggregates,
    rows: &[TerritoryRow],
    t: &Labels,
) -> Vec<RegionView> {
    let lang = content.site.language;
    let mut out: Vec<RegionView> = agg
        .regions
        .iter()
        .map(|(code, totals)| {
            let mut territories: Vec<TerritoryRow> = content
                .territories
                .iter()
                .zip(rows)
                .filter(|(t, _)| &t.record.region == code)
                .map(|(_, r)| r.clone())
                .collect();
            sort_by_name(&mut territories, |r| &r.name);
            RegionView {
                code: code.clone(),
                name: region_name(&content.site, code),
                href: region_href(code),
                territories,
                count: format!(
                    "{} {}",
                    format::int(lang, totals.territories),
                    count_label(
                        lang,
                        totals.territories,
                        t.get("territory_lc"),
                        t.get("territories_lc")
                    )
                ),
                figures: totals_figures(lang, totals, t, true),
                totals: totals_view(lang, totals),
            }
        })
        .collect();
    sort_by_name(&mut out, |r| &r.name);
    out
}

/// Project lines of one territory, in record order.
pub(crate) fn project_rows(lang: Language, t: &TerritoryFile) -> Vec<ProjectRow> {
    t.record
        .projects
        .iter()
        .map(|p| ProjectRow {
            title: p.title.clone(),
            company: p.company.clone().unwrap_or_default(),
            sector: p.sector.clone().unwrap_or_default(),
            year: p.year.map(|y| y.to_string()).unwrap_or_default(),
            investment: format::eur_short(lang, p.investment_eur),
            aid: format::eur_short(lang, p.aid_eur),
            jobs: format::int(lang, p.jobs_created),
        })
        .collect()
}

/// Figures for a region or territory page.
pub(crate) fn totals_figures(
    lang: Language,
    totals: &Totals,
    t: &Labels,
    with_territories: bool,
) -> Vec<Figure> {
    let fig = |value: String, label: &str| Figure {
        value,
        label: label.to_string(),
        note: None,
    };
    let mut out = Vec::new();
    if with_territories {
        out.push(fig(
            format::int(lang, totals.territories),
            count_label(
                lang,
                totals.territories,
                t.get("territory_lc"),
                t.get("territories_lc"),
            ),
        ));
    }
    out.push(fig(
        format::int(lang, totals.projects),
        count_label(
            lang,
            totals.projects,
            t.get("project_supported"),
            t.get("projects_supported"),
        ),
    ));
    out.push(fig(
        format::int(lang, totals.jobs_created),
        count_label(
            lang,
            totals.jobs_created,
            t.get("job_created_lc"),
            t.get("jobs_created_lc"),
        ),
    ));
    out.push(fig(
        format::eur_short(lang, totals.investment_eur),
        t.get("investment_lc"),
    ));
    out
}

/// The headline figures: computed from the records, or the declared figure
/// with its source where the two differ.
pub(crate) fn headline_figures(content: &Content, agg: &Aggregates, t: &Labels) -> Vec<Figure> {
    let site = &content.site;
    let lang = site.language;
    let declared = &site.programme.declared;
    let total = &agg.programme;
    let source = site.programme.source.clone();
    let figure =
        |declared: Option<u64>, computed: u64, label: &str, fmt: &dyn Fn(u64) -> String| {
            match declared {
                Some(d) if d != computed => Figure {
                    value: fmt(d),
                    label: label.to_string(),
                    note: Some(format!(
                        "{}{}. {} {}.",
                        t.get("declared_figure"),
                        source
                            .as_ref()
                            .map(|s| format!(" ({s})"))
                            .unwrap_or_default(),
                        t.get("records_add_up"),
                        fmt(computed)
                    )),
                },
                _ => Figure {
                    value: fmt(computed),
                    label: label.to_string(),
                    note: None,
                },
            }
        };
    let int = |n| format::int(lang, n);
    let eur = |n| format::eur_short(lang, n);
    vec![
        figure(
            declared.territories,
            total.territories,
            t.get("territories_lc"),
            &int,
        ),
        figure(
            declared.projects,
            total.projects,
            t.get("projects_supported"),
            &int,
        ),
        figure(
            declared.jobs_created,
            total.jobs_created,
            t.get("jobs_created_lc"),
            &int,
        ),
        figure(
            declared.investment_eur,
            total.investment_eur,
            t.get("investment_lc"),
            &eur,
        ),
    ]
}

/// A view of a Markdown page; `html` is rendered by the caller.
pub(crate) fn page_view(lang: Language, page: &Page, href: String, html: String) -> PageView {
    PageView {
        title: page.meta.title.clone(),
        href,
        date: page.meta.date.map(|d| format::date(lang, d)),
        summary: page
            .meta
            .summary
            .clone()
            .unwrap_or_else(|| crate::markdown::first_paragraph(&page.body)),
        number: page.meta.number.clone(),
        html,
    }
}
