//! Open data exports: one row per territory and one row per project, as CSV
//! and JSON with the same stable column names (the record field names), so
//! any sum over them equals the figure shown on the pages.

use serde::Serialize;

use crate::aggregate::Aggregates;
use crate::content::Content;

/// One territory row.
#[derive(Debug, Clone, Serialize)]
pub struct TerritoryRow {
    /// File stem of the record.
    pub slug: String,
    /// External identifier.
    pub code: String,
    /// Name.
    pub name: String,
    /// Region code.
    pub region_code: String,
    /// Region name.
    pub region_name: String,
    /// Département codes, `;`-separated.
    pub departments: String,
    /// Intercommunality names, ` | `-separated.
    pub intercommunalities: String,
    /// Number of projects.
    pub projects: u64,
    /// Jobs created.
    pub jobs_created: u64,
    /// Investment, euros.
    pub investment_eur: u64,
    /// Aid, euros.
    pub aid_eur: u64,
}

/// One project row.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRow {
    /// Territory slug.
    pub territory_slug: String,
    /// Territory name.
    pub territory_name: String,
    /// Region code.
    pub region_code: String,
    /// Project title.
    pub title: String,
    /// Company.
    pub company: String,
    /// Sector.
    pub sector: String,
    /// Year (empty when unknown).
    pub year: Option<i32>,
    /// Investment, euros.
    pub investment_eur: u64,
    /// Aid, euros.
    pub aid_eur: u64,
    /// Jobs created.
    pub jobs_created: u64,
    /// True when the site marks project figures as illustrative.
    pub illustrative: bool,
}

/// The column documentation shown on the open data page: (file, column, meaning).
pub const COLUMNS: &[(&str, &str, &str, &str)] = &[
    (
        "territoires",
        "slug",
        "identifiant de la fiche (nom du fichier)",
        "record identifier (file name)",
    ),
    (
        "territoires",
        "code",
        "identifiant externe du territoire",
        "external identifier of the territory",
    ),
    ("territoires", "name", "nom du territoire", "territory name"),
    (
        "territoires",
        "region_code",
        "code de la région",
        "region code",
    ),
    (
        "territoires",
        "region_name",
        "nom de la région",
        "region name",
    ),
    (
        "territoires",
        "departments",
        "codes des départements, séparés par « ; »",
        "département codes, separated by \";\"",
    ),
    (
        "territoires",
        "intercommunalities",
        "intercommunalités membres, séparées par « | »",
        "member intercommunalities, separated by \"|\"",
    ),
    (
        "territoires",
        "projects",
        "nombre de projets soutenus",
        "number of projects supported",
    ),
    (
        "territoires",
        "jobs_created",
        "emplois créés (somme des projets)",
        "jobs created (sum over projects)",
    ),
    (
        "territoires",
        "investment_eur",
        "investissement en euros (somme des projets)",
        "investment in euros (sum over projects)",
    ),
    (
        "territoires",
        "aid_eur",
        "aide publique en euros (somme des projets)",
        "public aid in euros (sum over projects)",
    ),
    (
        "projets",
        "territory_slug",
        "identifiant de la fiche du territoire",
        "territory record identifier",
    ),
    (
        "projets",
        "territory_name",
        "nom du territoire",
        "territory name",
    ),
    ("projets", "region_code", "code de la région", "region code"),
    ("projets", "title", "intitulé du projet", "project title"),
    ("projets", "company", "entreprise", "company"),
    ("projets", "sector", "secteur", "sector"),
    ("projets", "year", "année", "year"),
    (
        "projets",
        "investment_eur",
        "investissement en euros",
        "investment in euros",
    ),
    (
        "projets",
        "aid_eur",
        "aide publique en euros",
        "public aid in euros",
    ),
    ("projets", "jobs_created", "emplois créés", "jobs created"),
    (
        "projets",
        "illustrative",
        "true si les chiffres du projet sont illustratifs",
        "true when the project's figures are illustrative",
    ),
];

/// The rows of both exports.
pub fn rows(content: &Content, agg: &Aggregates) -> (Vec<TerritoryRow>, Vec<ProjectRow>) {
    let site = &content.site;
    let mut territories = Vec::new();
    let mut projects = Vec::new();
    for (t, totals) in content.territories.iter().zip(&agg.territories) {
        let r = &t.record;
        territories.push(TerritoryRow {
            slug: t.slug.clone(),
            code: r.code.clone().unwrap_or_default(),
            name: r.name.clone(),
            region_code: r.region.clone(),
            region_name: site
                .region(&r.region)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            departments: r.departments.join(";"),
            intercommunalities: r.intercommunalities.join(" | "),
            projects: totals.projects,
            jobs_created: totals.jobs_created,
            investment_eur: totals.investment_eur,
            aid_eur: totals.aid_eur,
        });
        for p in &r.projects {
            projects.push(ProjectRow {
                territory_slug: t.slug.clone(),
                territory_name: r.name.clone(),
                region_code: r.region.clone(),
                title: p.title.clone(),
                company: p.company.clone().unwrap_or_default(),
                sector: p.sector.clone().unwrap_or_default(),
                year: p.year,
                investment_eur: p.investment_eur,
                aid_eur: p.aid_eur,
                jobs_created: p.jobs_created,
                illustrative: site.programme.illustrative_projects,
            });
        }
    }
    (territories, projects)
}

/// CSV with a header row, UTF-8, comma-separated, RFC 4180 quoting.
pub fn csv<T: Serialize>(rows: &[T], header: &[&str]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // Written by hand so an empty export still has its header.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.serialize(r);
    }
    w.into_inner().unwrap_or_default()
}

/// JSON: an array of objects, one per line inside the array.
pub fn json<T: Serialize>(rows: &[T]) -> Vec<u8> {
    let mut out = b"[\n".to_vec();
    for (i, r) in rows.iter().enumerate() {
        out.extend(serde_json::to_vec(r).unwrap_or_default());
        out.extend(if i + 1 < rows.len() {
            &b",\n"[..]
        } else {
            &b"\n"[..]
        });
    }
    out.extend(b"]\n");
    out
}

/// The column names of one export, in order.
pub fn header(file: &str) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter(|c| c.0 == file)
        .map(|c| c.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_keeps_header() {
        #[derive(Serialize)]
        struct R {
            a: String,
            b: Option<i32>,
        }
        let rows = [
            R {
                a: "x, \"y\"".into(),
                b: None,
            },
            R {
                a: "z".into(),
                b: Some(2),
            },
        ];
        assert_eq!(
            String::from_utf8(csv(&rows, &["a", "b"])).unwrap(),
            "a,b\n\"x, \"\"y\"\"\",\nz,2\n"
        );
        assert_eq!(
            String::from_utf8(csv::<R>(&[], &["a", "b"])).unwrap(),
            "a,b\n"
        );
        assert_eq!(
            String::from_utf8(json(&rows)).unwrap(),
            "[\n{\"a\":\"x, \\\"y\\\"\",\"b\":null},\n{\"a\":\"z\",\"b\":2}\n]\n"
        );
    }
}
