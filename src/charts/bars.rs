//! Bar charts: what each chart compares, its bars, its data table and the
//! sentence that describes it.

use rayon::prelude::*;

use super::draw::{self, Bar, BarChart};
use super::{accessible, cached, Chart, DataTable, DRAWING_VERSION};
use crate::aggregate::{Aggregates, Totals};
use crate::cache::Store;
use crate::config::Language;
use crate::content::Content;
use crate::format;
use crate::i18n::Labels;
use crate::records::TerritoryFile;

/// How bars are measured, and so formatted.
#[derive(Debug, Clone, Copy)]
enum Measure {
    Jobs,
    Investment,
}

impl Measure {
    fn value(self, t: &Totals) -> u64 {
        match self {
            Measure::Jobs => t.jobs_created,
            Measure::Investment => t.investment_eur,
        }
    }

    fn format(self, lang: Language, v: u64) -> String {
        match self {
            Measure::Jobs => format::int(lang, v),
            Measure::Investment => format::eur_short(lang, v),
        }
    }

    fn header(self, t: &Labels) -> String {
        match self {
            Measure::Jobs => t.get("jobs_created").into(),
            Measure::Investment => t.get("investment").into(),
        }
    }
}

/// The programme-level charts, each with its PNG.
pub(super) fn programme(
    content: &Content,
    agg: &Aggregates,
    t: &Labels,
    store: &dyn Store,
) -> Vec<Chart> {
    let lang = content.site.language;
    let region_name = |code: &str| {
        content
            .site
            .region(code)
            .map_or(code.to_string(), |r| r.name.clone())
    };
    let regions: Vec<(String, Totals)> = agg
        .regions
        .iter()
        .map(|(c, t)| (region_name(c), *t))
        .collect();
    let sectors: Vec<(String, Totals)> = agg.sectors.iter().map(|(s, t)| (s.clone(), *t)).collect();
    let mut top: Vec<(String, Totals)> = content
        .territories
        .iter()
        .zip(&agg.territories)
        .map(|(f, t)| (f.record.name.clone(), *t))
        .collect();
    top.sort_by(|a, b| {
        b.1.jobs_created
            .cmp(&a.1.jobs_created)
            .then_with(|| a.0.cmp(&b.0))
    });
    top.truncate(10);
    let source = source_line(content, t);

    let mut specs = vec![
        ranked(
            "emplois-par-region",
            t.get("chart_jobs_by_region"),
            t.get("region"),
            &regions,
            Measure::Jobs,
            lang,
            t,
            &source,
        ),
        ranked(
            "investissement-par-region",
            t.get("chart_investment_by_region"),
            t.get("region"),
            &regions,
            Measure::Investment,
            lang,
            t,
            &source,
        ),
        by_year(agg, lang, t, &source),
        ranked(
            "investissement-par-secteur",
            t.get("chart_investment_by_sector"),
            t.get("sector"),
            &sectors,
            Measure::Investment,
            lang,
            t,
            &source,
        ),
        ranked(
            "territoires-emplois",
            t.get("chart_top_jobs"),
            t.get("territory"),
            &top,
            Measure::Jobs,
            lang,
            t,
            &source,
        ),
    ];
    specs.retain(|(_, chart, _)| !chart.bars.is_empty());
    specs
        .into_par_iter()
        .map(|(name, chart, table)| finish(name, chart, table, lang, Some(store)))
        .collect()
}

/// Jobs and investment for each of a region's territories (inline, no PNG).
pub(super) fn region(
    content: &Content,
    rows: &[(&TerritoryFile, Totals)],
    code: &str,
    t: &Labels,
) -> Vec<Chart> {
    let lang = content.site.language;
    let named: Vec<(String, Totals)> = rows
        .iter()
        .map(|(f, t)| (f.record.name.clone(), *t))
        .collect();
    let source = source_line(content, t);
    let slug = crate::content::suggest_slug(code);
    [
        ranked(
            &format!("region-{slug}-emplois"),
            t.get("chart_region_jobs"),
            t.get("territory"),
            &named,
            Measure::Jobs,
            lang,
            t,
            &source,
        ),
        ranked(
            &format!("region-{slug}-investissement"),
            t.get("chart_region_investment"),
            t.get("territory"),
            &named,
            Measure::Investment,
            lang,
            t,
            &source,
        ),
    ]
    .into_iter()
    .filter(|(_, c, _)| c.bars.iter().any(|b| b.value > 0))
    .map(|(name, chart, table)| finish(name, chart, table, lang, None))
    .collect()
}

/// A territory's projects by investment (inline, no PNG); `None` without projects.
pub(super) fn territory(content: &Content, file: &TerritoryFile, t: &Labels) -> Option<Chart> {
    let lang = content.site.language;
    let projects = &file.record.projects;
    if projects.is_empty() {
        return None;
    }
    let mut items: Vec<(String, Totals)> = projects
        .iter()
        .map(|p| {
            // The company is short and tells projects apart; the title is in the table.
            let label = match &p.company {
                Some(c) if !c.is_empty() => c.clone(),
                _ => p.title.clone(),
            };
            (
                label,
                Totals {
                    projects: 1,
                    jobs_created: p.jobs_created,
                    investment_eur: p.investment_eur,
                    aid_eur: p.aid_eur,
                    territories: 0,
                },
            )
        })
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.1.investment_eur));
    let (name, chart, table) = ranked(
        &format!("territoire-{}", file.slug),
        t.get("chart_territory_projects"),
        t.get("project"),
        &items,
        Measure::Investment,
        lang,
        t,
        &source_line(content, t),
    );
    Some(finish(name, chart, table, lang, None))
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
#[allow(clippy::too_many_arguments)]
fn ranked(
    name: &str,
    title: &str,
    label_header: &str,
    items: &[(String, Totals)],
    m: Measure,
    lang: Language,
    t: &Labels,
    source: &str,
) -> (String, BarChart, DataTable) {
    let mut items: Vec<&(String, Totals)> = items.iter().collect();
    items.sort_by(|a, b| {
        m.value(&b.1)
            .cmp(&m.value(&a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let bars: Vec<Bar> = items
        .iter()
        .map(|(l, tot)| Bar {
            label: l.clone(),
            value: m.value(tot),
            text: m.format(lang, m.value(tot)),
        })
        .collect();
    let table = DataTable {
        headers: vec![label_header.to_string(), m.header(t)],
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), b.text.clone()])
            .collect(),
    };
    let chart = bar_chart(title, bars, m, lang, source);
    (name.to_string(), chart, table)
}

fn by_year(
    agg: &Aggregates,
    lang: Language,
    t: &Labels,
    source: &str,
) -> (String, BarChart, DataTable) {
    let m = Measure::Investment;
    let bars: Vec<Bar> = agg
        .years
        .iter()
        .map(|(y, tot)| Bar {
            label: y.to_string(),
            value: tot.investment_eur,
            text: format!(
                "{} · {} {}",
                m.format(lang, tot.investment_eur),
                format::int(lang, tot.projects),
                crate::i18n::count_label(
                    lang,
                    tot.projects,
                    t.get("project_lc"),
                    t.get("projects_lc")
                )
            ),
        })
        .collect();
    let table = DataTable {
        headers: vec![
            t.get("year").into(),
            t.get("projects").into(),
            t.get("investment").into(),
        ],
        rows: agg
            .years
            .iter()
            .map(|(y, tot)| {
                vec![
                    y.to_string(),
                    format::int(lang, tot.projects),
                    m.format(lang, tot.investment_eur),
                ]
            })
            .collect(),
    };
    (
        "projets-par-annee".into(),
        bar_chart(t.get("chart_by_year"), bars, m, lang, source),
        table,
    )
}

fn bar_chart(title: &str, bars: Vec<Bar>, m: Measure, lang: Language, source: &str) -> BarChart {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    BarChart {
        title: title.to_string(),
        ticks: draw::nice_ticks(max)
            .into_iter()
            .map(|v| (v, m.format(lang, v)))
            .collect(),
        bars,
        source: source.to_string(),
    }
}

fn finish(
    name: String,
    chart: BarChart,
    table: DataTable,
    lang: Language,
    png_store: Option<&dyn Store>,
) -> Chart {
    let desc = describe(&chart, lang);
    let svg = accessible(&draw::svg(&chart), &name, &chart.title, &desc);
    let png = png_store.map(|store| {
        cached(
            store,
            &[DRAWING_VERSION.as_bytes(), format!("{chart:?}").as_bytes()],
            || draw::png(&chart),
        )
    });
    Chart {
        name,
        title: chart.title,
        desc,
        svg,
        table,
        png,
    }
}

/// One sentence: what is compared, and the extremes.
fn describe(chart: &BarChart, lang: Language) -> String {
    let n = chart.bars.len();
    let (first, last) = (chart.bars.first(), chart.bars.last());
    match (lang, first, last) {
        (Language::Fr, Some(f), Some(l)) if n > 1 => format!(
            "Diagramme en barres horizontales, {} : {} valeurs, de {} ({}) à {} ({}).",
            lowercase_first(&chart.title),
            n,
            f.label,
            f.text,
            l.label,
            l.text
        ),
        (Language::En, Some(f), Some(l)) if n > 1 => format!(
            "Horizontal bar chart, {}: {} values, from {} ({}) to {} ({}).",
            lowercase_first(&chart.title),
            n,
            f.label,
            f.text,
            l.label,
            l.text
        ),
        (Language::Fr, Some(f), _) => format!(
            "Diagramme en barres, {} : {} ({}).",
            lowercase_first(&chart.title),
            f.label,
            f.text
        ),
        (Language::En, Some(f), _) => format!(
            "Bar chart, {}: {} ({}).",
            lowercase_first(&chart.title),
            f.label,
            f.text
        ),
        (_, None, _) => chart.title.clone(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache;

    fn labels() -> Labels {
        Labels::new(Language::Fr)
    }

    fn totals(jobs: u64, inv: u64) -> Totals {
        Totals {
            territories: 1,
            projects: 2,
            jobs_created: jobs,
            investment_eur: inv,
            aid_eur: 0,
        }
    }

    fn sample(m: Measure) -> Chart {
        let items = vec![
            ("Littoral <nord>".to_string(), totals(1250, 12_500_000)),
            ("Vallée".to_string(), totals(27250, 5_400_000_000)),
            ("Plateau".to_string(), totals(3, 850_000)),
        ];
        let t = labels();
        let (name, chart, table) = ranked(
            "exemple",
            "Emplois créés par région",
            "Région",
            &items,
            m,
            Language::Fr,
            &t,
            "Source : test",
        );
        finish(name, chart, table, Language::Fr, Some(&cache::NoCache))
    }

    #[test]
    fn jobs_chart_svg_snapshot() {
        let c = sample(Measure::Jobs);
        assert!(roxmltree::Document::parse(&c.svg).is_ok());
        insta::assert_snapshot!(c.svg);
    }

    #[test]
    fn investment_chart_svg_snapshot() {
        let c = sample(Measure::Investment);
        assert!(roxmltree::Document::parse(&c.svg).is_ok());
        insta::assert_snapshot!(c.svg);
    }

    #[test]
    fn chart_is_accessible_and_sorted() {
        let c = sample(Measure::Jobs);
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
            "Diagramme en barres horizontales, emplois créés par région : 3 valeurs, de Vallée (27\u{202f}250) à Plateau (3)."
        );
        assert_eq!(c.table.rows[0], ["Vallée", "27\u{202f}250"]);
        assert!(
            c.svg.contains("\n27\u{202f}250\n</text>"),
            "values are written on the bars"
        );
        let png = c.png.unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
