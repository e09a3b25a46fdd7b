//! `content/site.yaml`: site and programme settings.

use chrono::NaiveDate;
use serde::Deserialize;

pub use crate::text::Language;

/// The whole of `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title, shown in every page's header and `<title>`.
    pub title: String,
    /// One sentence describing the site (meta description).
    #[serde(default)]
    pub description: String,
    /// `fr` or `en`.
    #[serde(default)]
    pub language: Language,
    /// `/` or an absolute URL such as `https://example.org/bilan/`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// Theme folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The programme being reported on.
    pub programme: Programme,
    /// The allowed regions.
    pub regions: Vec<Region>,
    /// Names of the départements records list by code (optional): pages
    /// then show `Jura (39)`, and search finds a territory by either.
    #[serde(default)]
    pub departments: Vec<Region>,
    /// What the programme counts (see [`crate::metrics`]); jobs created,
    /// investment and public aid when absent.
    #[serde(default)]
    pub metrics: Option<Vec<MetricSpec>>,
    /// Outlines for the map (optional).
    #[serde(default)]
    pub map: Option<MapConfig>,
    /// The accessibility statement (optional; defaults say "not audited").
    #[serde(default)]
    pub accessibility: Accessibility,
    /// The mentions légales (publisher, director, host, contact).
    #[serde(default)]
    pub legal: Option<Legal>,
    /// How Markdown is rendered.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// French typography options.
    #[serde(default)]
    pub typography: TypographyConfig,
    /// The State brand block of `theme: dsfr`.
    #[serde(default)]
    pub dsfr: DsfrConfig,
    /// The site's icon: a file of `content/static/` (`favicon: logo.svg`).
    /// When absent, bilan draws one from the site's initials on the theme's
    /// colour (`favicon.svg`, `favicon.ico`), unless `content/static/`
    /// holds a file of that name.
    #[serde(default)]
    pub favicon: Option<String>,
}

/// `dsfr:` in site.yaml: what the State brand block says.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DsfrConfig {
    /// The lines of the official name in the Marianne block, as the
    /// ministry writes them: `["Ministère", "de l'Aménagement", "du territoire"]`.
    #[serde(default = "default_ministry")]
    pub ministry: Vec<String>,
    /// The line under the site's name in the header (the programme's name
    /// when absent).
    #[serde(default)]
    pub tagline: Option<String>,
}

impl Default for DsfrConfig {
    fn default() -> DsfrConfig {
        DsfrConfig {
            ministry: default_ministry(),
            tagline: None,
        }
    }
}

fn default_ministry() -> Vec<String> {
    vec!["République".into(), "Française".into()]
}

/// `typography:` in site.yaml (French sites only). Both rules are on by
/// default and change only what is displayed: exports and imports keep
/// every name as the records write it.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypographyConfig {
    /// Typographic apostrophes: `l'usine` is printed `l’usine`.
    #[serde(default = "yes")]
    pub apostrophes: bool,
    /// En dashes: `Oyonnax - Bugey Sud` is printed `Oyonnax – Bugey Sud`.
    #[serde(default = "yes")]
    pub dashes: bool,
}

impl Default for TypographyConfig {
    fn default() -> TypographyConfig {
        TypographyConfig {
            apostrophes: true,
            dashes: true,
        }
    }
}

impl SiteConfig {
    /// The typography pass for this site, or `None` for English.
    pub fn typography(&self) -> Option<crate::typo::Rules> {
        (self.language == Language::Fr).then_some(crate::typo::Rules {
            apostrophes: self.typography.apostrophes,
            dashes: self.typography.dashes,
        })
    }
}

/// `markdown:` in site.yaml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Lets raw HTML in Markdown through (default: left out, with a warning).
    #[serde(default)]
    pub raw_html: bool,
}

/// `legal:` in site.yaml: what the mentions légales page says (French law
/// n° 2004-575, article 6). Every field is plain text.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Legal {
    /// Who publishes the site: the service or body, as it signs.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The publisher's postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// The director of publication (a person's name and title).
    #[serde(default)]
    pub director: Option<String>,
    /// Who hosts the site: name.
    #[serde(default)]
    pub host: Option<String>,
    /// The host's address or telephone number.
    #[serde(default)]
    pub host_address: Option<String>,
    /// How to reach the publisher: an e-mail address or a page.
    #[serde(default)]
    pub contact: Option<String>,
}

/// Fields of the accessibility statement ("déclaration d'accessibilité").
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Who publishes the site (the statement's subject).
    #[serde(default)]
    pub organisation: Option<String>,
    /// `full`, `partial` or `none` (the RGAA conformity levels).
    #[serde(default)]
    pub status: ConformityStatus,
    /// What the last audit found, in a sentence or two (Markdown).
    #[serde(default)]
    pub results: Option<String>,
    /// Content known not to be accessible (Markdown).
    #[serde(default)]
    pub exceptions: Option<String>,
    /// Date of the statement.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Date of the RGAA audit the status rests on. Without one, the
    /// statement says "non conforme", whatever `status` claims.
    #[serde(default)]
    pub audit_date: Option<NaiveDate>,
    /// How to report a problem: an e-mail address or a page.
    #[serde(default)]
    pub contact: Option<String>,
}

impl Accessibility {
    /// The status the statement may claim: none without a dated audit.
    pub fn effective_status(&self) -> ConformityStatus {
        match self.audit_date {
            Some(_) => self.status,
            None => ConformityStatus::None,
        }
    }
}

/// RGAA conformity levels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConformityStatus {
    /// Every criterion is met.
    Full,
    /// At least half of the criteria are met.
    Partial,
    /// No audit, or less than half of the criteria met.
    #[default]
    None,
}

/// Where the map's outlines are, under `content/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapConfig {
    /// Region outlines (background and insets), GeoJSON in WGS84.
    #[serde(default)]
    pub regions: Option<String>,
    /// Territory outlines, GeoJSON in WGS84.
    pub territories: String,
    /// Feature property matched against a territory record's `code`.
    #[serde(default = "default_map_key")]
    pub key: String,
    /// Feature property of the region outlines holding the region code
    /// (names the insets).
    #[serde(default = "default_map_key")]
    pub region_key: String,
    /// A metric key: the home map colours each territory by its total, on
    /// a colour-blind-safe sequential scale with a legend (the membership
    /// map stays available as a file). Absent: the membership map.
    #[serde(default)]
    pub colour_by: Option<String>,
}

fn default_map_key() -> String {
    "code".into()
}

fn default_base_url() -> String {
    "/".into()
}

fn default_theme() -> String {
    "default".into()
}

/// The programme the site reports on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Programme name.
    pub name: String,
    /// Launch date.
    #[serde(default)]
    pub launched_on: Option<NaiveDate>,
    /// The date the declared figures refer to.
    #[serde(default)]
    pub figures_date: Option<NaiveDate>,
    /// Where the declared figures come from (shown next to them).
    #[serde(default)]
    pub source: Option<String>,
    /// Official headline figures, cross-checked against the records: keys
    /// `territories`, `projects` or a metric key.
    #[serde(default)]
    pub declared: std::collections::BTreeMap<String, u64>,
    /// Which figure leads a headline card when the records' total differs
    /// from the declared one; the card's note gives the other.
    #[serde(default)]
    pub show: Show,
    /// When true, every page showing project figures says they are illustrative.
    #[serde(default)]
    pub illustrative_projects: bool,
    /// A note on the figures, shown on the home page (Markdown).
    #[serde(default)]
    pub notes: Option<String>,
}

/// `programme.show`: the declared figure (the official one, by default) or
/// the records' total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Show {
    /// The figure of `programme.declared`, with its date and source.
    #[default]
    Declared,
    /// The total the records add up to today.
    Computed,
}

/// One allowed region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Its code, used by territory records.
    pub code: String,
    /// Its name.
    pub name: String,
}

impl SiteConfig {
    /// The region with this code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// `Jura (39)` for a département code with a known name, else the code.
    pub fn department_label(&self, code: &str) -> String {
        match self.departments.iter().find(|d| d.code == code) {
            Some(d) => format!("{} ({})", d.name, d.code),
            None => code.to_string(),
        }
    }

    /// `base_url` with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }

    /// True when `base_url` is an absolute http(s) URL.
    pub fn has_absolute_base(&self) -> bool {
        self.base_url.starts_with("http://") || self.base_url.starts_with("https://")
    }
}

/// Why `url` cannot be a base URL, if it cannot: one rule for site.yaml
/// and `--base-url`. A base URL is a path from the server root (`/`,
/// `/bilan/`) or an absolute http(s) URL; never another scheme, never
/// `//host` (another site), never a space, quote or angle bracket.
pub fn base_url_problem(url: &str) -> Option<String> {
    crate::url::base_url_problem(url)
}

/// How a metric's values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A whole number of things: `27 250`.
    Count,
    /// Euros: `5,4 Md€`.
    Eur,
}

/// A programme chart drawn for a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// By region on the home page, and by territory on each region page.
    Region,
    /// By project year, with the number of projects.
    Year,
    /// By sector.
    Sector,
    /// The ten territories with the largest values.
    Top,
    /// By project, on each territory page.
    Project,
    /// A line through the values of each project year.
    Line,
}

/// One entry of `metrics:` in site.yaml, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricSpec {
    /// The project field holding the value, and the export column.
    pub key: String,
    /// Written after a number: `27 250 emplois créés`.
    pub label: String,
    /// Written after 1 (and 0 in French); the label when absent.
    #[serde(default)]
    pub singular: Option<String>,
    /// Column headers and chart titles; the label, capitalised, when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// `count` or `eur`.
    pub unit: Unit,
    /// A key-figure card and a column of the territory tables (default true).
    #[serde(default = "yes")]
    pub headline: bool,
    /// The chart files' name part (default: the key with `-` for `_`).
    #[serde(default)]
    pub file: Option<String>,
    /// Programme charts to draw (default: `[region]`).
    #[serde(default)]
    pub charts: Option<Vec<ChartKind>>,
    /// Another metric this one never exceeds in a project (aid is at most
    /// the investment); a project breaking it gets a warning.
    #[serde(default)]
    pub at_most: Option<String>,
}

fn yes() -> bool {
    true
}

/// The language site.yaml under `root` declares (French when it declares
/// none, as the site itself would be), or `None` when there is no site.yaml
/// to read. Read alone, before the site is loaded, so that even the messages
/// about a broken site.yaml are in the site's language. A link is not
/// followed: nothing outside the site is read.
pub fn declared_language(root: &std::path::Path) -> Option<Language> {
    let path = root.join("content").join("site.yaml");
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let declared = text.lines().find_map(|line| {
        let value = line.strip_prefix("language:")?;
        let value = value.split('#').next()?.trim().trim_matches(['"', '\'']);
        Some(value.to_ascii_lowercase())
    });
    Some(match declared.as_deref() {
        Some("en") => Language::En,
        _ => Language::Fr,
    })
}
