//! Semantic checks over loaded content: what parses but cannot be right.

use std::collections::{BTreeMap, BTreeSet};

use crate::aggregate::Aggregates;
use crate::content::Content;
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::format;

/// Years outside this range are typos, not history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Output folders the generator owns; a narrative may not take their place.
pub const RESERVED: [&str; 8] = [
    "accessibilite",
    "territoires",
    "regions",
    "presse",
    "donnees",
    "charts",
    "static",
    "404",
];

/// Runs every check and returns what it found.
pub fn validate(content: &Content, agg: &Aggregates) -> Diagnostics {
    let mut d = Diagnostics::default();
    check_site(content, &mut d);
    check_territories(content, &mut d);
    check_pages(content, &mut d);
    check_declared(content, agg, &mut d);
    d
}

fn check_site(content: &Content, d: &mut Diagnostics) {
    let site = &content.site;
    let path = "content/site.yaml";
    let mut seen = BTreeSet::new();
    for r in &site.regions {
        if !seen.insert(r.code.as_str()) {
            d.push(Diagnostic::error(
                path,
                format!("region code `{}` is listed twice", r.code),
            ));
        }
    }
    if site.title.trim().is_empty() {
        d.push(Diagnostic::error(path, "`title` is empty"));
    }
    if site.programme.name.trim().is_empty() {
        d.push(Diagnostic::error(path, "`programme.name` is empty"));
    }
    let base = &site.base_url;
    if !(base.starts_with('/') || site.has_absolute_base()) {
        d.push(
            Diagnostic::error(
                path,
                format!("`base_url` `{base}` is neither `/` nor an absolute URL"),
            )
            .hint("write `/` or a URL such as `https://example.org/bilan/`"),
        );
    }
}

fn check_territories(content: &Content, d: &mut Diagnostics) {
    let site = &content.site;
    let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
    for t in &content.territories {
        let r = &t.record;
        let at = |key: &str| key_line(&t.source, key);
        if r.name.trim().is_empty() {
            d.push(Diagnostic::error(&t.path, "`name` is empty").at(at("name:"), 1));
        }
        if site.region(&r.region).is_none() {
            let by_name = site.regions.iter().find(|x| x.name == r.region);
            let hint = match by_name {
                Some(x) => format!("`{}` is the name; write its code, `{}`", x.name, x.code),
                None => match closest(&r.region, site.regions.iter().map(|x| x.code.as_str())) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "use one of the codes in content/site.yaml ({}), or add the region there",
                        site.regions
                            .iter()
                            .take(20)
                            .map(|x| x.code.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
            };
            d.push(
                Diagnostic::error(
                    &t.path,
                    format!(
                        "region `{}` is not one of the regions in content/site.yaml",
                        r.region
                    ),
                )
                .at(at("region:"), 1)
                .hint(hint),
            );
        }
        if let Some(code) = &r.code {
            if let Some(other) = codes.insert(code, &t.slug) {
                d.push(
                    Diagnostic::error(&t.path, format!("code `{code}` is also used by `{other}`"))
                        .at(at("code:"), 1),
                );
            }
        }
        for (i, p) in r.projects.iter().enumerate() {
            let line = project_line(&t.source, i);
            if p.title.trim().is_empty() {
                d.push(
                    Diagnostic::error(&t.path, format!("project {}: `title` is empty", i + 1))
                        .at(line, 1),
                );
            }
            if let Some(year) = p.year {
                if !YEARS.contains(&year) {
                    d.push(
                        Diagnostic::error(
                            &t.path,
                            format!(
                                "project {}: year {year} is outside {}–{}",
                                i + 1,
                                YEARS.start(),
                                YEARS.end()
                            ),
                        )
                        .at(line, 1)
                        .hint("write the year as four digits, for example `2021`"),
                    );
                }
            }
            if p.aid_eur > p.investment_eur {
                let lang = site.language;
                d.push(
                    Diagnostic::warning(
                        &t.path,
                        format!(
                            "project {}: aid ({} €) is greater than investment ({} €)",
                            i + 1,
                            format::int(lang, p.aid_eur),
                            format::int(lang, p.investment_eur)
                        ),
                    )
                    .at(line, 1)
                    .hint("check for a missing or extra digit"),
                );
            }
        }
    }
}

fn check_pages(content: &Content, d: &mut Diagnostics) {
    let slugs: BTreeSet<&str> = content
        .territories
        .iter()
        .map(|t| t.slug.as_str())
        .collect();
    let mut outputs: BTreeMap<&str, &std::path::Path> = BTreeMap::new();
    for page in content
        .narratives
        .iter()
        .filter(|p| p.meta.territory.is_none())
    {
        if let Some(other) = outputs.insert(&page.stem, &page.path) {
            d.push(
                Diagnostic::error(
                    &page.path,
                    format!(
                        "this narrative and {} would both write `{}/index.html`",
                        other.display(),
                        page.stem
                    ),
                )
                .hint("rename or move one of them"),
            );
        }
    }
    for page in &content.narratives {
        if let Some(slug) = &page.meta.territory {
            if !slugs.contains(slug.as_str()) {
                let mut diag = Diagnostic::error(
                    &page.path,
                    format!("`territory: {slug}` matches no file in content/territories/"),
                )
                .at(key_line(&page.front, "territory:") + 1, 1);
                if let Some(c) = closest(slug, slugs.iter().copied()) {
                    diag = diag.hint(format!("did you mean `{c}`?"));
                }
                d.push(diag);
            }
        } else {
            let first = page.stem.split('/').next().unwrap_or_default();
            if RESERVED.contains(&first) {
                d.push(
                    Diagnostic::error(
                        &page.path,
                        format!(
                            "this narrative would write into `{first}/`, which the generator owns"
                        ),
                    )
                    .hint("move it to another folder or rename it"),
                );
            }
        }
    }
    for page in &content.press {
        if page.stem == "kit" {
            d.push(
                Diagnostic::error(&page.path, "`presse/kit/` is the press kit page")
                    .hint("rename the release"),
            );
        }
    }
}

fn check_declared(content: &Content, agg: &Aggregates, d: &mut Diagnostics) {
    let declared = &content.site.programme.declared;
    let lang = content.site.language;
    let pairs = [
        (
            "territories",
            declared.territories,
            agg.programme.territories,
        ),
        ("projects", declared.projects, agg.programme.projects),
        (
            "jobs_created",
            declared.jobs_created,
            agg.programme.jobs_created,
        ),
        (
            "investment_eur",
            declared.investment_eur,
            agg.programme.investment_eur,
        ),
    ];
    for (name, declared, computed) in pairs {
        if let Some(declared) = declared {
            if declared != computed {
                d.push(
                    Diagnostic::warning(
                        "content/site.yaml",
                        format!(
                            "declared {name} is {} but the records add up to {}; pages show the declared figure with its source",
                            format::int(lang, declared),
                            format::int(lang, computed)
                        ),
                    )
                    .at(key_line(&content.site_source, &format!("{name}:")), 1),
                );
            }
        }
    }
}

/// The 1-based line of the first line starting (after indentation) with `key`.
fn key_line(source: &str, key: &str) -> usize {
    source
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(1, |i| i + 1)
}

/// The 1-based line where the `index`-th item of `projects:` starts.
fn project_line(source: &str, index: usize) -> usize {
    let mut lines = source
        .lines()
        .enumerate()
        .skip_while(|(_, l)| !l.starts_with("projects:"));
    lines.next();
    lines
        .filter(|(_, l)| l.trim_start().starts_with("- "))
        .map(|(i, l)| (i, l.len() - l.trim_start().len()))
        .scan(None, |indent, (i, ind)| {
            let first = *indent.get_or_insert(ind);
            Some((i, ind == first))
        })
        .filter(|&(_, top)| top)
        .nth(index)
        .map_or(1, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_keys_and_projects() {
        let src =
            "name: a\nregion: x\nprojects:\n  - title: a\n    actions:\n      - b\n  - title: c\n";
        assert_eq!(key_line(src, "region:"), 2);
        assert_eq!(project_line(src, 0), 4);
        assert_eq!(project_line(src, 1), 7);
        assert_eq!(project_line(src, 5), 1);
    }
}
