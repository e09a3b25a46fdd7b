//! The share cards of the site, its regions and its territories, from the
//! model's figures (the same the pages show): the words each card says,
//! drawn by [`crate::charts::card`].

use rayon::prelude::*;

use super::renderers::{Made, Renderer};
use super::{Error, Report};
use crate::charts::card::{self, Card};
use crate::output::Sink;
use crate::routes;
use crate::text::Language;

/// `13,8 %` or `13.8%`: a share of the programme's total. A share that
/// rounds to none or to all of it, without being so, says it is less or
/// more: "0,0 %" would tell a reader that a territory with jobs has none.
fn percent(lang: Language, share: f64) -> String {
    let tenths = (share * 1000.0).round() as u64;
    let (bound, tenths) = match tenths {
        0 if share > 0.0 => (Some(true), 1),
        1000 if share < 1.0 => (Some(false), 999),
        _ => (None, tenths),
    };
    let (whole, tenth) = (tenths / 10, tenths % 10);
    match (lang, bound) {
        (Language::Fr, None) => format!("{whole},{tenth}\u{202f}%"),
        (Language::Fr, Some(true)) => format!("moins de {whole},{tenth}\u{202f}%"),
        (Language::Fr, Some(false)) => format!("plus de {whole},{tenth}\u{202f}%"),
        (Language::En, None) => format!("{whole}.{tenth}%"),
        (Language::En, Some(true)) => format!("less than {whole}.{tenth}%"),
        (Language::En, Some(false)) => format!("more than {whole}.{tenth}%"),
    }
}

/// What every card shares: the site's title, the colours and the note.
struct Common {
    site: String,
    note: String,
    palette: crate::theme::Palette,
}

impl Common {
    fn card(&self, kicker: String, name: String, figure: (String, String)) -> Card {
        Card {
            site: self.site.clone(),
            kicker,
            name,
            value: figure.0,
            label: figure.1,
            context: String::new(),
            share: None,
            note: self.note.clone(),
            palette: self.palette,
        }
    }
}

/// The headline metric (the first one) and the programme's total of it.
fn headline<'a>(report: &Report<'a>) -> Option<(usize, &'a crate::metrics::Metric, u64)> {
    let (i, m) = report.content.metrics.headline().next()?;
    Some((i, m, report.agg.programme.sum(i).value().unwrap_or(0)))
}

/// A page's figure of the headline metric (in its own unit, not its
/// table column's), and its share of the total.
fn figure_of(report: &Report, raw: &str) -> Option<((String, String), f64)> {
    let (_, m, total) = headline(report)?;
    let v: u64 = raw.parse().ok()?;
    let text = m.format(report.lang, v);
    let label = crate::typo_or(report.content, m.label_for(report.lang, v));
    let share = if total == 0 {
        0.0
    } else {
        v as f64 / total as f64
    };
    Some(((text, label), share))
}

/// `c` leads with the page's figure of the headline metric, and its
/// context (`parts`, then the share of the programme) says how much that is.
fn lead_with(
    report: &Report,
    c: &mut Card,
    mut parts: Vec<String>,
    totals: &super::views::TotalsView,
) {
    let lead = totals
        .headline
        .first()
        .and_then(|h| figure_of(report, &h.raw));
    if let Some((figure, share)) = lead {
        (c.value, c.label) = figure;
        c.share = Some(share);
        let of_programme = report.labels.get("share_of_programme");
        parts.push(format!("{} {of_programme}", percent(report.lang, share)));
    }
    c.context = parts.join(" · ");
}

/// Every card, by output path.
fn cards(report: &Report) -> Vec<(String, Card)> {
    let (content, t, lang) = (report.content, &report.labels, report.lang);
    let tx = |s: &str| crate::typo_or(content, s);
    // The site's title is on the card already: the source and whether the
    // figures per project are illustrative.
    let p = &content.site.programme;
    let illustrative = p
        .illustrative_projects
        .then(|| t.get("chart_illustrative").to_string());
    let note = p
        .source
        .iter()
        .cloned()
        .chain(illustrative)
        .collect::<Vec<_>>()
        .join(" · ");
    let common = Common {
        site: tx(&content.site.title),
        note: tx(&note),
        palette: report.theme.palette,
    };
    let mut out = vec![(routes::SOCIAL_CARD.to_string(), site_card(report, &common))];
    for r in report.regions {
        let parts = vec![r.count.clone()];
        let mut c = common.card(
            tx(t.get("region")),
            tx(&r.name),
            (r.totals.projects.clone(), String::new()),
        );
        lead_with(report, &mut c, parts, &r.totals);
        out.push((routes::region_card(&r.code), c));
    }
    for (row, f) in report.rows.iter().zip(&content.territories) {
        let kicker = format!("{} · {}", tx(t.get("territory")), tx(&row.region));
        let mut c = common.card(
            kicker,
            tx(&row.name),
            (row.totals.projects.clone(), String::new()),
        );
        let projects = crate::i18n::count_label(
            lang,
            row.raw_projects,
            t.get("project_lc"),
            t.get("projects_lc"),
        );
        let parts = vec![format!("{} {projects}", row.totals.projects)];
        lead_with(report, &mut c, parts, &row.totals);
        out.push((routes::territory_card(&f.slug), c));
    }
    out
}

/// The site's card: the programme's name, its first metric's figure (the
/// one the home page leads with), and the other headline figures.
fn site_card(report: &Report, common: &Common) -> Card {
    let content = report.content;
    let tx = |s: &str| crate::typo_or(content, s);
    let figures = super::figures::headline_figures(content, report.agg, &report.labels);
    // territories, projects, then the metrics: the first metric leads.
    let lead = if figures.len() > 2 { 2 } else { 0 };
    let mut card = common.card(
        tx(report.labels.get("key_figures")),
        tx(&content.site.programme.name),
        figures
            .get(lead)
            .map(|f| (f.value.clone(), tx(&f.label)))
            .unwrap_or_default(),
    );
    let others: Vec<String> = figures
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != lead)
        .map(|(_, f)| format!("{} {}", f.value, tx(&f.label)))
        .collect();
    card.context = others.join(" · ");
    if let Some(note) = figures.get(lead).and_then(|f| f.note.as_deref()) {
        card.note = tx(note);
    }
    card
}

/// The share cards: the site's, each region's and each territory's.
pub(super) struct Cards;

impl Renderer for Cards {
    fn name(&self) -> &'static str {
        "share cards"
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let store = report.store.unwrap_or(&crate::cache::NoCache);
        let sizes: Vec<Result<(String, usize), Error>> = cards(report)
            .into_par_iter()
            .map(|(path, c)| {
                let png =
                    card::png(&c, store).map_err(|e| Error::encode(&path, format!("{e:#}")))?;
                sink.put(&path, &png).map_err(Error::Io)?;
                Ok((path, png.len()))
            })
            .collect();
        let mut made = Made::default();
        for s in sizes {
            let (path, size) = s?;
            made.sizes.insert(path, size);
        }
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_read_in_each_language() {
        use crate::text::Language;
        assert_eq!(super::percent(Language::Fr, 0.1384), "13,8\u{202f}%");
        assert_eq!(super::percent(Language::En, 0.1384), "13.8%");
        assert_eq!(super::percent(Language::Fr, 1.0), "100,0\u{202f}%");
    }

    /// A territory among 1,460 holds 0.04 % of the jobs: "0,0 %" would say
    /// it holds none.
    #[test]
    fn a_share_too_small_to_show_says_so() {
        use crate::text::Language;
        assert_eq!(
            super::percent(Language::Fr, 0.0004),
            "moins de 0,1\u{202f}%"
        );
        assert_eq!(super::percent(Language::En, 0.0004), "less than 0.1%");
        assert_eq!(super::percent(Language::Fr, 0.0005), "0,1\u{202f}%");
        assert_eq!(super::percent(Language::Fr, 0.0), "0,0\u{202f}%");
        // Nor does a share just short of the whole round up to all of it.
        assert_eq!(
            super::percent(Language::Fr, 0.9996),
            "plus de 99,9\u{202f}%"
        );
        assert_eq!(super::percent(Language::En, 0.9996), "more than 99.9%");
    }
}
