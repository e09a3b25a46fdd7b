//! The metric table: what a programme counts. Every figure the site shows
//! (cards, tables, charts, exports, change report, declared-figure checks,
//! press kit) is derived from this one list, so adding a metric is a block of
//! `site.yaml`, never code.

use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::format;
use crate::text::Language;
use crate::tr;

pub use crate::config::{ChartKind, MetricSpec, Unit};

/// Field keys a project always has; a metric may not take one of them.
pub const PROJECT_FIELDS: [&str; 4] = ["title", "company", "sector", "year"];

/// Keys of `programme.declared` that are not metrics.
pub const COUNTS: [&str; 2] = ["territories", "projects"];

/// The fixed columns of the open-data exports (territories, projects): a
/// metric with one of these keys would overwrite a column in CSV and JSON.
pub const EXPORT_COLUMNS: [&str; 13] = [
    "slug",
    "code",
    "name",
    "region_code",
    "region_name",
    "departments",
    "intercommunalities",
    "communes",
    "territory_slug",
    "territory_name",
    "illustrative",
    "region",
    "territory",
];

/// A metric, every field resolved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Metric {
    /// Project field and export column.
    pub key: String,
    /// After a number, plural.
    pub label: String,
    /// After 1 (and 0 in French).
    pub singular: String,
    /// Headers and chart titles.
    pub title: String,
    /// `title` with a lowercase first letter, for use inside a sentence.
    pub title_lc: String,
    /// How values are written.
    pub unit: Unit,
    /// Shown as a card and in the territory tables.
    pub headline: bool,
    /// Chart file name part.
    pub file: String,
    /// Programme charts.
    pub charts: Vec<ChartKind>,
    /// The key of a metric this one never exceeds in a project.
    pub at_most: Option<String>,
}

impl Metric {
    /// A value, formatted for pages (`27 250`, `5,4 Md€`).
    pub fn format(&self, lang: Language, v: u64) -> String {
        self.format_in(lang, v, format::Scale::for_max(v))
    }

    /// A value in a column whose amounts share `scale`.
    pub fn format_in(&self, lang: Language, v: u64, scale: format::Scale) -> String {
        match self.unit {
            Unit::Count => format::int(lang, v),
            Unit::Eur => format::eur_in(lang, v, scale),
        }
    }

    /// A value among the labels or ticks of one chart, which share `set`.
    pub fn format_among(&self, lang: Language, v: u64, set: format::AmountSet) -> String {
        match self.unit {
            Unit::Count => format::int(lang, v),
            Unit::Eur => set.eur(lang, v),
        }
    }

    /// The label that follows `n`.
    pub fn label_for(&self, lang: Language, n: u64) -> &str {
        crate::i18n::count_label(lang, n, &self.singular, &self.label)
    }
}

/// The metric table of a site, in display order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Metrics(pub Vec<Metric>);

/// The table used when site.yaml has no `metrics:`:
/// (key, unit, headline, file, charts, [label, singular, title] in fr and en).
type Default3 = (
    &'static str,
    Option<&'static str>,
    Unit,
    bool,
    &'static str,
    &'static [ChartKind],
    [&'static str; 3],
    [&'static str; 3],
);
const DEFAULTS: [Default3; 3] = [
    (
        "jobs_created",
        None,
        Unit::Count,
        true,
        "emplois",
        &[ChartKind::Region, ChartKind::Top],
        ["emplois créés", "emploi créé", "Emplois créés"],
        ["jobs created", "job created", "Jobs created"],
    ),
    (
        "investment_eur",
        None,
        Unit::Eur,
        true,
        "investissement",
        &[
            ChartKind::Region,
            ChartKind::Year,
            ChartKind::Sector,
            ChartKind::Project,
        ],
        [
            "d'investissement industriel",
            "d'investissement industriel",
            "Investissement",
        ],
        [
            "of industrial investment",
            "of industrial investment",
            "Investment",
        ],
    ),
    (
        "aid_eur",
        Some("investment_eur"),
        Unit::Eur,
        false,
        "aide",
        &[],
        ["d'aide publique", "d'aide publique", "Aide publique"],
        ["of public aid", "of public aid", "Public aid"],
    ),
];

impl Metrics {
    /// The default table: jobs created, investment and public aid.
    pub fn defaults(lang: Language) -> Metrics {
        Metrics(
            DEFAULTS
                .iter()
                .map(|&(key, at_most, unit, headline, file, charts, fr, en)| {
                    let [label, singular, title] = if lang == Language::Fr { fr } else { en };
                    Metric {
                        key: key.into(),
                        label: label.into(),
                        singular: singular.into(),
                        title: title.into(),
                        title_lc: lowercase_first(title),
                        unit,
                        headline,
                        file: file.into(),
                        charts: charts.to_vec(),
                        at_most: at_most.map(str::to_string),
                    }
                })
                .collect(),
        )
    }

    /// Resolves the `metrics:` of site.yaml (the defaults when absent).
    /// Problems (a bad key, two metrics with one key or file name) are
    /// reported against `site_source`; the offending entries are dropped.
    pub fn resolve(
        specs: Option<&[MetricSpec]>,
        lang: Language,
        site_source: &str,
        diags: &mut Diagnostics,
    ) -> Metrics {
        let Some(specs) = specs else {
            return Metrics::defaults(lang);
        };
        let mut out: Vec<Metric> = Vec::new();
        let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
        for s in specs {
            let nth = seen.entry(&s.key).or_default();
            let line =
                crate::diag::nth_line_containing(site_source, &format!("key: {}", s.key), *nth);
            *nth += 1;
            match check(s, &out) {
                Ok(m) => out.push(m),
                Err(e) => diags.push(e.at(line, 1)),
            }
        }
        for m in &out {
            let Some(other) = &m.at_most else { continue };
            if !out.iter().any(|o| &o.key == other && o.key != m.key) {
                let mut e = Diagnostic::error(
                    "content/site.yaml",
                    tr!("metric-at-most-unknown", other = other, key = &m.key),
                )
                .at(key_line(site_source, &m.key), 1);
                if let Some(c) = closest(other, out.iter().map(|o| o.key.as_str())) {
                    e = e.hint(tr!("did-you-mean", name = c));
                }
                diags.push(e);
            }
        }
        Metrics(out)
    }

    /// The position of `key` in the table.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|m| m.key == key)
    }

    /// The metric keys, in order.
    pub fn keys(&self) -> Vec<String> {
        self.0.iter().map(|m| m.key.clone()).collect()
    }

    /// Metrics with their position, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Metric)> {
        self.0.iter().enumerate()
    }

    /// How many metrics there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the programme counts nothing but projects.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Headline metrics with their position.
    pub fn headline(&self) -> impl Iterator<Item = (usize, &Metric)> {
        self.iter().filter(|(_, m)| m.headline)
    }

    /// The closest declared key to `typo`, for hints.
    pub fn closest(&self, typo: &str) -> Option<String> {
        closest(typo, self.0.iter().map(|m| m.key.as_str())).map(str::to_string)
    }
}

/// One entry of `metrics:`, checked against those before it and resolved.
fn check(s: &MetricSpec, before: &[Metric]) -> Result<Metric, Diagnostic> {
    let err = |m: String| Diagnostic::error("content/site.yaml", m);
    if !is_key(&s.key) {
        return Err(
            err(tr!("metric-key-invalid", key = &s.key)).hint(tr!("metric-key-invalid-hint"))
        );
    }
    if PROJECT_FIELDS.contains(&s.key.as_str()) || COUNTS.contains(&s.key.as_str()) {
        return Err(err(tr!("metric-key-taken", key = &s.key)));
    }
    if EXPORT_COLUMNS.contains(&s.key.as_str()) {
        let mut reserved: Vec<&str> = EXPORT_COLUMNS
            .iter()
            .chain(&PROJECT_FIELDS)
            .chain(&COUNTS)
            .copied()
            .collect();
        reserved.sort_unstable();
        return Err(err(tr!("metric-key-export-column", key = &s.key)).hint(tr!(
            "metric-key-export-column-hint",
            key = &s.key,
            reserved = reserved.join(", ")
        )));
    }
    let file = s.file.clone().unwrap_or_else(|| s.key.replace('_', "-"));
    if !crate::text::is_slug(&file) {
        return Err(
            err(tr!("metric-file-invalid", file = &file)).hint(tr!("metric-file-invalid-hint"))
        );
    }
    if before.iter().any(|m| m.key == s.key) {
        return Err(err(tr!("metric-twice", key = &s.key)));
    }
    if before.iter().any(|m| m.file == file) {
        return Err(err(tr!("metric-file-twice", key = &s.key, file = &file))
            .hint(tr!("metric-file-twice-hint")));
    }
    let title = s.title.clone().unwrap_or_else(|| capitalise(&s.label));
    let mut charts = s.charts.clone().unwrap_or_else(|| vec![ChartKind::Region]);
    charts.sort();
    charts.dedup();
    Ok(Metric {
        key: s.key.clone(),
        singular: s.singular.clone().unwrap_or_else(|| s.label.clone()),
        label: s.label.clone(),
        title_lc: lowercase_first(&title),
        title,
        unit: s.unit,
        headline: s.headline,
        file,
        charts,
        at_most: s.at_most.clone(),
    })
}

/// Lowercase ASCII letters, digits and `_`, starting with a letter.
fn is_key(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn key_line(source: &str, key: &str) -> usize {
    crate::diag::line_containing(source, &format!("key: {key}"))
}

fn capitalise(s: &str) -> String {
    let s = s
        .strip_prefix("d'")
        .or_else(|| s.strip_prefix("d’"))
        .or_else(|| s.strip_prefix("de "))
        .or_else(|| s.strip_prefix("of "))
        .unwrap_or(s);
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `Emplois créés` → `emplois créés`.
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(key: &str, label: &str) -> MetricSpec {
        MetricSpec {
            key: key.into(),
            label: label.into(),
            singular: None,
            title: None,
            unit: Unit::Count,
            headline: true,
            file: None,
            charts: None,
            at_most: None,
        }
    }

    #[test]
    fn defaults_are_the_three_historic_metrics() {
        let m = Metrics::defaults(Language::Fr);
        assert_eq!(m.keys(), ["jobs_created", "investment_eur", "aid_eur"]);
        assert_eq!(m.0[0].title_lc, "emplois créés");
        assert_eq!(m.headline().count(), 2);
    }

    #[test]
    fn resolve_fills_in_and_reports_bad_entries() {
        let mut d = Diagnostics::default();
        let specs = [
            spec("logements", "logements rénovés"),
            spec("subvention_eur", "de subventions"),
            spec("Bad Key", "x"),
            spec("logements", "again"),
            spec("title", "x"),
        ];
        let m = Metrics::resolve(Some(&specs), Language::Fr, "", &mut d);
        assert_eq!(m.keys(), ["logements", "subvention_eur"]);
        assert_eq!(m.0[1].title, "Subventions");
        assert_eq!(m.0[1].file, "subvention-eur");
        assert_eq!(m.0[0].charts, [ChartKind::Region]);
        assert_eq!(d.error_count(), 3);
    }
}
