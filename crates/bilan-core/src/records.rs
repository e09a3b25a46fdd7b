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
    /// Names of the member intercommunalities (EPCI, EPT).
    #[serde(default)]
    pub intercommunalities: Vec<String>,
    /// Communes that are members on their own, outside any listed
    /// intercommunality: `Fos-sur-Mer (13039)`.
    #[serde(default)]
    pub communes: Vec<String>,
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

/// One funded project. Its figures are the site's metrics (see
/// [`crate::metrics`]), so its fields are known only once site.yaml is read:
/// records are parsed inside [`with_metric_keys`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// What the project does.
    pub title: String,
    /// The company carrying it.
    pub company: Option<String>,
    /// Industrial sector.
    pub sector: Option<String>,
    /// Year of the decision.
    pub year: Option<i32>,
    /// One value per metric, in the metric table's order; `None` is "not
    /// reported", which is never the same as 0.
    pub values: Vec<Option<u64>>,
}

impl Project {
    /// The value of metric `i`, when reported.
    pub fn value(&self, i: usize) -> Option<u64> {
        self.values.get(i).copied().flatten()
    }
}

thread_local! {
    /// The metric keys projects accept while a record is parsed on this
    /// thread; `None` accepts any key (used when site.yaml itself is broken,
    /// so its records can still be checked for syntax).
    static METRIC_KEYS: std::cell::RefCell<Option<Vec<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` (which parses records) with projects accepting exactly `keys`
/// as metrics. serde's derive cannot take a run-time field list, and the
/// loader parses on many threads, so the list is per thread.
pub fn with_metric_keys<R>(keys: Option<&[String]>, f: impl FnOnce() -> R) -> R {
    let previous = METRIC_KEYS.with(|k| k.replace(keys.map(<[String]>::to_vec)));
    let out = f();
    METRIC_KEYS.with(|k| *k.borrow_mut() = previous);
    out
}

/// A project field, as named in a record.
enum ProjectKey {
    Title,
    Company,
    Sector,
    Year,
    Metric(usize),
    Ignored,
}

struct ProjectKeySeed;

impl<'de> serde::de::DeserializeSeed<'de> for ProjectKeySeed {
    type Value = ProjectKey;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<ProjectKey, D::Error> {
        // Deserialised as the key itself, so an unknown field is reported at
        // the key's line and column.
        d.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for ProjectKeySeed {
    type Value = ProjectKey;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a project field")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<ProjectKey, E> {
        Ok(match key {
            "title" => ProjectKey::Title,
            "company" => ProjectKey::Company,
            "sector" => ProjectKey::Sector,
            "year" => ProjectKey::Year,
            other => match METRIC_KEYS.with(|k| {
                k.borrow()
                    .as_ref()
                    .map(|keys| (keys.iter().position(|m| m == other), keys.clone()))
            }) {
                None => ProjectKey::Ignored,
                Some((Some(i), _)) => ProjectKey::Metric(i),
                Some((None, keys)) => {
                    let expected: Vec<String> = crate::metrics::PROJECT_FIELDS
                        .iter()
                        .map(|s| s.to_string())
                        .chain(keys)
                        .map(|k| format!("`{k}`"))
                        .collect();
                    return Err(E::custom(format!(
                        "unknown field `{other}`, expected one of {}",
                        expected.join(", ")
                    )));
                }
            },
        })
    }
}

impl<'de> Deserialize<'de> for Project {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Project, D::Error> {
        d.deserialize_map(ProjectVisitor)
    }
}

struct ProjectVisitor;

impl<'de> serde::de::Visitor<'de> for ProjectVisitor {
    type Value = Project;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a mapping of `field: value` lines")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Project, A::Error> {
        use serde::de::Error;
        let n = METRIC_KEYS.with(|k| k.borrow().as_ref().map_or(0, Vec::len));
        let mut p = Project {
            title: String::new(),
            company: None,
            sector: None,
            year: None,
            values: vec![None; n],
        };
        let mut has_title = false;
        while let Some(key) = map.next_key_seed(ProjectKeySeed)? {
            match key {
                ProjectKey::Title => {
                    p.title = map.next_value()?;
                    has_title = true;
                }
                ProjectKey::Company => p.company = map.next_value()?,
                ProjectKey::Sector => p.sector = map.next_value()?,
                ProjectKey::Year => p.year = map.next_value()?,
                ProjectKey::Metric(i) => p.values[i] = map.next_value()?,
                ProjectKey::Ignored => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        if !has_title {
            return Err(A::Error::missing_field("title"));
        }
        Ok(p)
    }
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

impl Page {
    /// The file's line where the Markdown body begins: after the opening
    /// `---`, the front matter and the closing `---`.
    pub fn body_line(&self) -> usize {
        self.front.lines().count() + 3
    }

    /// Where the body first writes `target` as a link (`](target`,
    /// `<target>`, `]: target`), as the file's line and column: messages
    /// about the rendered page then point at what the editor wrote.
    pub fn link_at(&self, target: &str) -> Option<(usize, usize)> {
        let offset = ["](", "<", "]: "].iter().find_map(|before| {
            let at = self.body.find(&format!("{before}{target}"))?;
            Some(at + before.len())
        })?;
        let (line, col) = crate::diag::LineIndex::new(&self.body).locate(offset);
        Some((self.body_line() + line - 1, col))
    }
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
    /// Photos for the press: files under `content/static`.
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// Per region code, what its regional kit says in place of the
    /// national kit (its own press contacts).
    #[serde(default)]
    pub regions: std::collections::BTreeMap<String, RegionKit>,
}

/// `regions: {code: …}` in kit.yaml: one region's own kit settings.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegionKit {
    /// The region's press contacts, printed in its kit in place of the
    /// national ones.
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

/// A photo of the press kit.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// Its path under `content/static` (JPEG or PNG).
    pub file: String,
    /// What it shows, in a sentence, under it.
    pub caption: String,
    /// Who took it.
    pub credit: String,
    /// Its text alternative, for readers who cannot see it (required).
    pub alt: String,
    /// Its licence, when it may be reused.
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
