//! Content records: territories, narratives and press releases, as read from
//! `content/`.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

/// `content/territories/<slug>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// Territory name.
    pub name: String,
    /// External identifier (joins map outlines).
    #[serde(default)]
    pub code: Option<String>,
    /// A region code from `site.yaml`.
    pub region: String,
    /// Département codes.
    #[serde(default)]
    pub departments: Vec<String>,
    /// Names of the member intercommunalities.
    #[serde(default)]
    pub intercommunalities: Vec<String>,
    /// Date the territory joined the programme.
    #[serde(default)]
    pub labelled_on: Option<NaiveDate>,
    /// The local pair leading the territory.
    #[serde(default)]
    pub leads: Option<Leads>,
    /// Funded projects.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Non-funded actions of the roadmap.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// The elected official and the industrialist who lead a territory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leads {
    /// The elected official.
    #[serde(default)]
    pub elected: Option<String>,
    /// The industrialist.
    #[serde(default)]
    pub industrial: Option<String>,
}

/// One funded project.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// What the project does.
    pub title: String,
    /// The company carrying it.
    #[serde(default)]
    pub company: Option<String>,
    /// Industrial sector.
    #[serde(default)]
    pub sector: Option<String>,
    /// Year of the decision.
    #[serde(default)]
    pub year: Option<i32>,
    /// Total investment, in euros.
    #[serde(default)]
    pub investment_eur: u64,
    /// Public aid, in euros.
    #[serde(default)]
    pub aid_eur: u64,
    /// Jobs created.
    #[serde(default)]
    pub jobs_created: u64,
}

/// A non-funded action of a territory's roadmap.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What the action is.
    pub title: String,
    /// Its theme (for example one of the programme's aims).
    #[serde(default)]
    pub theme: Option<String>,
}

/// Front matter of a narrative or press release.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Page title.
    pub title: String,
    /// Publication date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// One-sentence summary (lists, meta description).
    #[serde(default)]
    pub summary: Option<String>,
    /// Attach the narrative to this territory's page.
    #[serde(default)]
    pub territory: Option<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Order in the navigation (lower first); pages without one are not in it.
    #[serde(default)]
    pub weight: Option<i64>,
    /// Press release number.
    #[serde(default)]
    pub number: Option<String>,
    /// Not published before this instant (RFC 3339), unless `--drafts`.
    #[serde(default)]
    pub embargo: Option<String>,
    /// Press contacts for this release.
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

/// A press contact.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name or service.
    pub name: String,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// A territory record with where it came from.
#[derive(Debug, Clone)]
pub struct TerritoryFile {
    /// The file stem.
    pub slug: String,
    /// Path relative to the site root.
    pub path: PathBuf,
    /// The record.
    pub record: Territory,
    /// The file's text, to place later diagnostics at a line.
    pub source: String,
}

/// A Markdown page: a narrative or a press release.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path under `content/narratives` or `content/press`, without `.md`,
    /// with `/` separators (`a/b` for `narratives/a/b.md`).
    pub stem: String,
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Front matter.
    pub meta: FrontMatter,
    /// The embargo, parsed.
    pub embargo: Option<DateTime<FixedOffset>>,
    /// Markdown body.
    pub body: String,
    /// The front matter's text, to place later diagnostics at a line.
    pub front: String,
}

/// `content/press/kit.yaml`: what the press kit page and bundle feature.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kit {
    /// A few paragraphs presenting the programme (Markdown).
    #[serde(default)]
    pub presentation: Option<String>,
    /// Quotes, attributed to roles.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Press contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Credits for the data and visuals.
    #[serde(default)]
    pub credits: Option<String>,
    /// The licence of the data and visuals (named in the bundle's README).
    #[serde(default)]
    pub licence: Option<String>,
}

/// A quote in the press kit.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Who says it (a role; say so when the quote is illustrative).
    pub role: String,
    /// The quote.
    pub text: String,
}
