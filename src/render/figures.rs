//! Figures: the key-figure cards of the home page, the kit, regions,
//! départements and territories, with the note that tells a declared
//! figure from the records' total.

use serde::Serialize;

use crate::aggregate::{Aggregates, Totals};
use crate::content::Content;
use crate::format;
use crate::i18n::{count_label, Labels};
use crate::metrics::Metric;
use crate::opendata::shown_total;
use crate::text::Language;

/// A headline figure.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Figure {
    /// Formatted value (`27 250`).
    pub(crate) value: String,
    /// What it counts.
    pub(crate) label: String,
    /// Where the figure comes from, when it is the declared one rather than
    /// the records' total, or how many projects reported it.
    pub(crate) note: Option<String>,
}

fn count_figure(lang: Language, n: u64, one: &str, many: &str) -> Figure {
    Figure {
        value: format::int(lang, n),
        label: count_label(lang, n, one, many).to_string(),
        note: None,
    }
}

/// The card of metric `i`: its total, "not reported", and how many projects
/// reported it when not all did.
fn metric_figure(content: &Content, t: &Labels, totals: &Totals, i: usize) -> Figure {
    let lang = content.site.language;
    let m = &content.metrics.0[i];
    let sum = totals.sum(i);
    match shown_total(totals.projects, sum.value()) {
        None => Figure {
            value: t.get("not_reported").to_string(),
            label: m.label.clone(),
            note: None,
        },
        Some(v) => Figure {
            value: m.format(lang, v),
            label: m.label_for(lang, v).to_string(),
            note: (sum.reported < totals.projects && totals.projects > 0).then(|| {
                count_label(
                    lang,
                    sum.reported,
                    t.get("reported_for_one"),
                    t.get("reported_for"),
                )
                .replacen("{}", &format::int(lang, sum.reported), 1)
                .replacen("{}", &format::int(lang, totals.projects), 1)
            }),
        },
    }
}

/// Figures for a region or territory page.
pub(crate) fn totals_figures(
    content: &Content,
    totals: &Totals,
    t: &Labels,
    with_territories: bool,
) -> Vec<Figure> {
    let lang = content.site.language;
    let mut out = Vec::new();
    if with_territories {
        out.push(count_figure(
            lang,
            totals.territories,
            t.get("territory_lc"),
            t.get("territories_lc"),
        ));
    }
    out.push(count_figure(
        lang,
        totals.projects,
        t.get("project_supported"),
        t.get("projects_supported"),
    ));
    out.extend(
        content
            .metrics
            .headline()
            .map(|(i, _)| metric_figure(content, t, totals, i)),
    );
    out
}

/// The headline figures: computed from the records, or the declared figure
/// with its source where the two differ.
pub(crate) fn headline_figures(content: &Content, agg: &Aggregates, t: &Labels) -> Vec<Figure> {
    let site = &content.site;
    let lang = site.language;
    let total = &agg.programme;
    let mut figures = totals_figures(content, total, t, true);
    let mut keys: Vec<(&str, Option<u64>, Option<&Metric>)> = vec![
        ("territories", Some(total.territories), None),
        ("projects", Some(total.projects), None),
    ];
    keys.extend(
        content
            .metrics
            .headline()
            .map(|(i, m)| (m.key.as_str(), total.sum(i).value(), Some(m))),
    );
    for ((key, computed, metric), figure) in keys.into_iter().zip(&mut figures) {
        let Some(&declared) = site.programme.declared.get(key) else {
            continue;
        };
        if computed == Some(declared) {
            continue;
        }
        let (declared_text, computed_text) = distinct(lang, metric, declared, computed);
        let when = match (site.programme.figures_date, &site.programme.source) {
            (Some(d), _) => format!("{} {}", t.get("declared_as_of"), format::date(lang, d)),
            (None, Some(s)) => format!("({s})"),
            (None, None) => format!("({})", t.get("declared_officially")),
        };
        let in_records = t.get("in_records_today");
        let computed_text = computed_text.unwrap_or_else(|| t.get("not_reported").to_string());
        let fmt = |n: u64| metric.map_or_else(|| format::int(lang, n), |m| m.format(lang, n));
        match (site.programme.show, computed) {
            (crate::config::Show::Computed, Some(c)) => {
                figure.value = fmt(c);
                figure.note = Some(format!(
                    "{computed_text} {in_records}{} {declared_text} {when}.",
                    t.get("semicolon")
                ));
            }
            _ => {
                figure.value = fmt(declared);
                figure.note = Some(format!(
                    "{declared_text} {when}{} {computed_text} {in_records}.",
                    t.get("semicolon")
                ));
            }
        }
    }
    figures
}

/// The declared figure and the records' total, written at the first
/// precision that tells them apart: `5,4 Md€` and `5,4 Md€` become
/// `5 400 000 000 €` and `5 325 283 000 €`.
fn distinct(
    lang: Language,
    metric: Option<&Metric>,
    declared: u64,
    computed: Option<u64>,
) -> (String, Option<String>) {
    let short = |n: u64| metric.map_or_else(|| format::int(lang, n), |m| m.format(lang, n));
    let exact = |n: u64| {
        metric.map_or_else(
            || format::int(lang, n),
            |m| m.format_in(lang, n, format::Scale::Units),
        )
    };
    match computed {
        Some(c) if short(c) != short(declared) => (short(declared), Some(short(c))),
        Some(c) => (exact(declared), Some(exact(c))),
        None => (short(declared), None),
    }
}
