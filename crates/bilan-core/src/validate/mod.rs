//! Semantic checks over loaded content: what parses but cannot be right.

use std::collections::{BTreeMap, BTreeSet};

mod markdown;
mod site_checks;
mod urls;

use crate::aggregate::Aggregates;
use crate::content::Content;
use crate::diag::{closest, key_line, line_containing, Diagnostic, Diagnostics};
use crate::format;
use crate::metrics::{Unit, COUNTS};
use crate::tr;

/// Years outside this range are typos, not history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Values above these are beyond what a programme plausibly reports for one
/// project (a thousand billion euros, a billion of anything): likely typos.
const PLAUSIBLE_EUR: u64 = 1_000_000_000_000;
const PLAUSIBLE_COUNT: u64 = 1_000_000_000;

/// Runs every check and returns what it found.
pub fn validate(content: &Content, agg: &Aggregates) -> Diagnostics {
    let mut d = validate_records(content, agg);
    d.extend(markdown(content));
    d
}

/// Everything but the Markdown of the pages, which an edit of records
/// cannot change (`serve` keeps that part between such edits).
pub fn validate_records(content: &Content, agg: &Aggregates) -> Diagnostics {
    let mut d = Diagnostics::default();
    check_site(content, &mut d);
    check_territories(content, &mut d);
    check_pages(content, &mut d);
    d.extend(crate::routes::collisions(content));
    check_totals(content, agg, &mut d);
    d
}

/// The Markdown of pages and of the texts in site.yaml and kit.yaml.
pub fn markdown(content: &Content) -> Diagnostics {
    let mut d = Diagnostics::default();
    markdown::check_markdown(content, &mut d);
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
                tr!("region-code-twice", code = &r.code),
            ));
        }
    }
    if site.title.trim().is_empty() {
        d.push(Diagnostic::error(path, tr!("field-empty", field = "title")));
    }
    if site.programme.name.trim().is_empty() {
        d.push(Diagnostic::error(
            path,
            tr!("field-empty", field = "programme.name"),
        ));
    }
    site_checks::check_legal(content, d);
    site_checks::check_photos(content, d);
    site_checks::check_kit_regions(content, d);
    site_checks::check_favicon(content, d);
    site_checks::check_colour_by(content, d);
    urls::check_urls(content, d);
}

fn check_territories(content: &Content, d: &mut Diagnostics) {
    use rayon::prelude::*;
    // The one check across records, in their order: a code's second user
    // is told.
    let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
    let twice: Vec<Option<Diagnostic>> = (content.territories.iter())
        .map(|t| {
            let code = t.record.code.as_deref()?;
            let other = codes.insert(code, &t.slug)?;
            Some(
                Diagnostic::error(&t.path, tr!("code-used-twice", code = code, other = other))
                    .at(key_line(&t.source, "code:"), 1),
            )
        })
        .collect();
    // The rest looks at one record at a time: in parallel, kept in order
    // (at 14,600 territories, 70 ms on one core of each `serve` update).
    let each: Vec<Diagnostics> = (content.territories.par_iter())
        .zip(twice.into_par_iter())
        .map(|(t, twice)| {
            let mut d = Diagnostics::default();
            check_territory(content, t, twice, &mut d);
            d
        })
        .collect();
    for one in each {
        d.extend(one);
    }
}

fn check_territory(
    content: &Content,
    t: &crate::records::TerritoryFile,
    twice: Option<Diagnostic>,
    d: &mut Diagnostics,
) {
    let r = &t.record;
    if r.name.trim().is_empty() {
        d.push(
            Diagnostic::error(&t.path, tr!("field-empty", field = "name"))
                .at(key_line(&t.source, "name:"), 1),
        );
    }
    check_text_lengths(t, d);
    check_region(&content.site, t, d);
    check_members(t, d);
    if let Some(twice) = twice {
        d.push(twice);
    }
    // Where each project starts, looked up only for a project with a
    // problem: most records have none.
    let lines = std::cell::OnceCell::new();
    let line = |i: usize| {
        let lines = lines.get_or_init(|| project_lines(&t.source));
        lines.get(i).copied().unwrap_or(1)
    };
    for (i, p) in r.projects.iter().enumerate() {
        if p.title.trim().is_empty() {
            d.push(
                Diagnostic::error(&t.path, tr!("project-title-empty", project = i + 1))
                    .at(line(i), 1),
            );
        }
        if let Some(year) = p.year {
            if !YEARS.contains(&year) {
                d.push(
                    Diagnostic::error(
                        &t.path,
                        tr!(
                            "project-year-outside",
                            project = i + 1,
                            year = year.to_string(),
                            first = YEARS.start().to_string(),
                            last = YEARS.end().to_string()
                        ),
                    )
                    .at(line(i), 1)
                    .hint(tr!("project-year-outside-hint")),
                );
            }
        }
        check_values(content, t, i, p, &line, d);
    }
}

/// A record's region must be one of site.yaml's; the hint tells a name from
/// a code and suggests the closest.
fn check_region(
    site: &crate::config::SiteConfig,
    t: &crate::records::TerritoryFile,
    d: &mut Diagnostics,
) {
    let r = &t.record;
    let at = |key: &str| key_line(&t.source, key);
    if site.region(&r.region).is_none() {
        let by_name = site.regions.iter().find(|x| x.name == r.region);
        let hint = match by_name {
            Some(x) => tr!("region-is-name", name = &x.name, code = &x.code),
            None => match closest(&r.region, site.regions.iter().map(|x| x.code.as_str())) {
                Some(c) => tr!("did-you-mean", name = c),
                None => tr!(
                    "region-use-codes",
                    codes = site
                        .regions
                        .iter()
                        .take(20)
                        .map(|x| x.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        };
        d.push(
            Diagnostic::error(&t.path, tr!("region-unknown", region = &r.region))
                .at(at("region:"), 1)
                .hint(hint),
        );
    }
}

/// Text longer than a spreadsheet cell holds is cut in the XLSX exports.
fn check_text_lengths(t: &crate::records::TerritoryFile, d: &mut Diagnostics) {
    let r = &t.record;
    let texts = r
        .projects
        .iter()
        .flat_map(|p| [Some(&p.title), p.company.as_ref(), p.sector.as_ref()]);
    let longest = std::iter::once(Some(&r.name))
        .chain(texts)
        .flatten()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    if longest > crate::opendata::XLSX_CELL_MAX {
        d.push(
            Diagnostic::warning(&t.path, tr!("text-too-long-for-xlsx", length = longest))
                .hint(tr!("text-too-long-for-xlsx-hint")),
        );
    }
}

/// A commune is never presented as an intercommunality: an entry ending
/// with an INSEE commune code, `Istres (13047)`, belongs under `communes:`.
fn check_members(t: &crate::records::TerritoryFile, d: &mut Diagnostics) {
    let looks_like_commune = |name: &str| {
        let code = name
            .trim_end()
            .strip_suffix(')')
            .and_then(|n| n.rsplit_once('('))
            .map(|(_, code)| code);
        code.is_some_and(|c| {
            c.len() == 5
                && c.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'A' || b == b'B')
                && c.bytes().skip(2).all(|b| b.is_ascii_digit())
        })
    };
    for name in t
        .record
        .intercommunalities
        .iter()
        .filter(|n| looks_like_commune(n))
    {
        d.push(
            Diagnostic::warning(&t.path, tr!("commune-as-intercommunality", name = name))
                .at(line_containing(&t.source, name), 1)
                .hint(tr!("commune-as-intercommunality-hint")),
        );
    }
}

/// A project's metric values: plausible, and within their `at_most` bound.
fn check_values(
    content: &Content,
    t: &crate::records::TerritoryFile,
    i: usize,
    p: &crate::records::Project,
    line: &dyn Fn(usize) -> usize,
    d: &mut Diagnostics,
) {
    let lang = content.site.language;
    let metrics = &content.metrics;
    for (k, m) in metrics.iter() {
        let Some(v) = p.value(k) else { continue };
        let limit = match m.unit {
            Unit::Eur => PLAUSIBLE_EUR,
            Unit::Count => PLAUSIBLE_COUNT,
        };
        if v > limit {
            d.push(
                Diagnostic::warning(
                    &t.path,
                    tr!(
                        "value-implausible",
                        project = i + 1,
                        key = &m.key,
                        value = exact(lang, m, v)
                    ),
                )
                .at(line(i), 1)
                .hint(tr!("value-implausible-hint")),
            );
        }
        let bound = m.at_most.as_deref().and_then(|o| metrics.index(o));
        if let Some(b) = bound.and_then(|b| p.value(b).map(|bv| (b, bv))) {
            if v > b.1 {
                d.push(
                    Diagnostic::warning(
                        &t.path,
                        tr!(
                            "value-above-bound",
                            project = i + 1,
                            key = &m.key,
                            value = exact(lang, m, v),
                            bound = &metrics.0[b.0].key,
                            bound_value = exact(lang, &metrics.0[b.0], b.1)
                        ),
                    )
                    .at(line(i), 1)
                    .hint(tr!("value-above-bound-hint")),
                );
            }
        }
    }
}

/// A value in full, for messages: `1 000 000 €`, `27 250`.
fn exact(lang: crate::config::Language, m: &crate::metrics::Metric, v: u64) -> String {
    match m.unit {
        Unit::Eur => format!("{} €", format::int(lang, v)),
        Unit::Count => format::int(lang, v),
    }
}

fn check_pages(content: &Content, d: &mut Diagnostics) {
    let slugs: BTreeSet<&str> = content
        .territories
        .iter()
        .map(|t| t.slug.as_str())
        .collect();
    for page in content.narratives.iter() {
        let Some(slug) = &page.meta.territory else {
            continue;
        };
        let line = key_line(&page.front, "territory:") + 1;
        if content.unreadable.contains(slug.as_str()) {
            d.push(
                Diagnostic::warning(&page.path, tr!("page-territory-unreadable", slug = slug))
                    .at(line, 1)
                    .hint(tr!("page-territory-unreadable-hint")),
            );
            continue;
        }
        if !slugs.contains(slug.as_str()) {
            let mut diag =
                Diagnostic::error(&page.path, tr!("page-territory-unknown", slug = slug))
                    .at(key_line(&page.front, "territory:") + 1, 1);
            if let Some(c) = closest(slug, slugs.iter().copied()) {
                diag = diag.hint(tr!("did-you-mean", name = c));
            }
            d.push(diag);
        }
    }
}

/// Sums that do not fit, and declared figures that differ from the records.
fn check_totals(content: &Content, agg: &Aggregates, d: &mut Diagnostics) {
    for t in &content.territories {
        let totals = agg.territory(&t.slug);
        for (i, m) in content.metrics.iter() {
            if totals.sum(i).overflow {
                d.push(
                    Diagnostic::error(&t.path, tr!("territory-sum-overflow", key = &m.key))
                        .hint(tr!("territory-sum-overflow-hint")),
                );
            }
        }
    }
    if d.has_errors() {
        return;
    }
    for (i, m) in content.metrics.iter() {
        if agg.programme.sum(i).overflow {
            let mut largest: Vec<(u64, &std::path::Path)> = content
                .territories
                .iter()
                .map(|t| (agg.territory(&t.slug).total(i), t.path.as_path()))
                .collect();
            largest.sort_by_key(|x| std::cmp::Reverse(x.0));
            let names: Vec<String> = largest
                .iter()
                .take(3)
                .map(|(_, p)| p.display().to_string())
                .collect();
            d.push(Diagnostic::error(
                "content/site.yaml",
                tr!(
                    "programme-sum-overflow",
                    key = &m.key,
                    files = names.join(", ")
                ),
            ));
        }
    }
    // With a record missing, the totals are wrong: comparing them with the
    // declared figures would only mislead.
    if content.unreadable.is_empty() {
        check_declared(content, agg, d);
    }
}

fn check_declared(content: &Content, agg: &Aggregates, d: &mut Diagnostics) {
    let metrics = &content.metrics;
    for (name, &declared) in &content.site.programme.declared {
        let line = key_line(&content.site_source, &format!("{name}:"));
        let computed = match name.as_str() {
            "territories" => agg.programme.territories,
            "projects" => agg.programme.projects,
            key => match metrics.index(key) {
                Some(i) => agg.programme.total(i),
                None => {
                    let known = COUNTS.iter().map(|s| s.to_string()).chain(metrics.keys());
                    let mut e = Diagnostic::error(
                        "content/site.yaml",
                        tr!("declared-unknown", name = name),
                    )
                    .at(line, 1);
                    let known: Vec<String> = known.collect();
                    e = match closest(name, known.iter().map(String::as_str)) {
                        Some(c) => e.hint(tr!("did-you-mean", name = c)),
                        None => e.hint(tr!("declared-unknown-hint", known = known.join(", "))),
                    };
                    d.push(e);
                    continue;
                }
            },
        };
        if declared != computed {
            d.push(
                Diagnostic::warning(
                    "content/site.yaml",
                    match content.site.programme.show {
                        crate::config::Show::Declared => tr!(
                            "declared-differs-shown",
                            name = name,
                            declared = declared,
                            computed = computed
                        ),
                        crate::config::Show::Computed => tr!(
                            "declared-differs-computed",
                            name = name,
                            declared = declared,
                            computed = computed
                        ),
                    },
                )
                .at(line, 1),
            );
        }
    }
}

/// The 1-based line where the `index`-th item of `projects:` starts.
/// The 1-based line where each item of `projects:` starts, in one pass.
fn project_lines(source: &str) -> Vec<usize> {
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
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_keys_and_projects() {
        let src =
            "name: a\nregion: x\nprojects:\n  - title: a\n    actions:\n      - b\n  - title: c\n";
        assert_eq!(key_line(src, "region:"), 2);
        assert_eq!(project_lines(src), [4, 7]);
    }
}
