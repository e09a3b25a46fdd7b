//! An import changes only the lines whose values changed: a record's
//! `projects:` block is patched in place, field by field, keeping each
//! project's field order, quoting and comments, so that one changed cell
//! gives a one-line diff. A block written in a shape this does not follow
//! (flow style, multi-line values) is written anew by [`super::splice`].

use std::fmt::Write as _;

use super::splice;
use crate::metrics::Metrics;
use crate::records::Project;

/// `source` with its projects replaced by `projects`, changing as few
/// lines as it can.
pub(crate) fn projects(source: &str, projects: &[Project], metrics: &Metrics) -> String {
    let text = patched(source, projects, metrics).unwrap_or_else(|| {
        splice::replace_projects(source, &splice::projects_yaml(projects, metrics))
    });
    // A record saved on Windows keeps its line endings on the new lines:
    // a mix would show every line as changed.
    let crlf = source.matches("\r\n").count();
    if crlf == 0 || crlf * 2 < source.matches('\n').count() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// One project of the block as written: its lines, and for each field
/// line, its index in `lines`, key and raw value.
struct Item<'s> {
    lines: Vec<&'s str>,
    fields: Vec<(usize, &'s str, &'s str)>,
    /// The indentation of its field lines.
    indent: usize,
}

fn patched(source: &str, projects: &[Project], metrics: &Metrics) -> Option<String> {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let (start, end) = splice::block_range(&lines)?;
    if lines[start].trim_end() != "projects:" || projects.is_empty() {
        return None;
    }
    let (head, items) = items(&lines[start + 1..end])?;
    let mut out: String = lines[..=start].concat();
    out.push_str(&head.concat());
    for p in projects {
        let wanted = fields(p, metrics);
        // A project keeps its lines when its title is found in the block;
        // a new one is written anew.
        let titled = |item: &&Item| {
            item.fields
                .iter()
                .any(|&(_, k, raw)| k == "title" && same(raw, &wanted[0].1))
        };
        match items.iter().find(titled) {
            Some(item) => out.push_str(&patch(item, &wanted, metrics)?),
            None => {
                let block = splice::projects_yaml(std::slice::from_ref(p), metrics);
                out.push_str(block.strip_prefix("projects:\n")?);
            }
        }
    }
    out.push_str(&lines[end..].concat());
    Some(out)
}

/// The block's lines before its first item, and its items; `None` when a
/// line is not a `- key: value` or `key: value` of one scalar.
fn items<'s>(lines: &[&'s str]) -> Option<(Vec<&'s str>, Vec<Item<'s>>)> {
    let mut head = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for &line in lines {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            match items.last_mut() {
                Some(item) => item.lines.push(line),
                None => head.push(line),
            }
            continue;
        }
        let (field, at) = match trimmed.strip_prefix("- ") {
            Some(rest) => {
                items.push(Item {
                    lines: Vec::new(),
                    fields: Vec::new(),
                    indent: indent + 2,
                });
                (rest, indent + 2)
            }
            None => (trimmed, indent),
        };
        let item = items.last_mut()?;
        if at != item.indent {
            return None;
        }
        let (key, value) = field.split_once(':')?;
        let value = value.trim();
        let simple = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !simple || value.is_empty() || value.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
            return None;
        }
        item.fields.push((item.lines.len(), key, value));
        item.lines.push(line);
    }
    Some((head, items))
}

/// The fields of `p` as the importer writes them: key and YAML value.
fn fields(p: &Project, metrics: &Metrics) -> Vec<(String, String)> {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = vec![("title".to_string(), q(&p.title))];
    if let Some(c) = &p.company {
        out.push(("company".into(), q(c)));
    }
    if let Some(s) = &p.sector {
        out.push(("sector".into(), q(s)));
    }
    if let Some(y) = p.year {
        out.push(("year".into(), y.to_string()));
    }
    for (i, m) in metrics.iter() {
        if let Some(v) = p.value(i) {
            out.push((m.key.clone(), v.to_string()));
        }
    }
    out
}

/// `item` with each field set to its wanted value: a line whose value is
/// the same is kept as written, a changed one gets the new value, a field
/// no longer wanted goes, and a new field comes after the last one.
fn patch(item: &Item, wanted: &[(String, String)], metrics: &Metrics) -> Option<String> {
    let mut lines: Vec<Option<String>> = item.lines.iter().map(|l| Some(l.to_string())).collect();
    for &(at, key, raw) in &item.fields {
        let line = item.lines[at];
        match wanted.iter().find(|(k, _)| k == key) {
            Some((_, new)) if same(raw, new) => {}
            Some((_, new)) => {
                let prefix = &line[..line.find(':')? + 1];
                lines[at] = Some(format!("{prefix} {new}\n"));
            }
            None if known(key, metrics) => lines[at] = None,
            None => {}
        }
    }
    let last = item.fields.last().map_or(0, |f| f.0);
    let mut extra = String::new();
    for (key, value) in wanted {
        if !item.fields.iter().any(|f| f.1 == key) {
            let _ = writeln!(extra, "{}{key}: {value}", " ".repeat(item.indent));
        }
    }
    let mut out = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        out.push_str(line.as_deref().unwrap_or(""));
        if i == last {
            out.push_str(&extra);
        }
    }
    Some(out)
}

/// True for the fields an import writes: a project's own, or a metric's.
/// Other keys in a record are the team's, and stay.
fn known(key: &str, metrics: &Metrics) -> bool {
    ["title", "company", "sector", "year"].contains(&key)
        || metrics.iter().any(|(_, m)| m.key == key)
}

/// True when the scalar written as `raw` has the value `new` (a JSON
/// string or a number): `Acme`, `'Acme'` and `"Acme"` are the same.
fn same(raw: &str, new: &str) -> bool {
    let raw = strip_comment(raw);
    let value: Option<String> = if raw.starts_with('"') {
        serde_json::from_str(raw).ok()
    } else if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        Some(inner.replace("''", "'"))
    } else {
        Some(raw.to_string())
    };
    let new_value: String = serde_json::from_str(new).unwrap_or_else(|_| new.to_string());
    value.is_some_and(|v| v == new_value)
}

/// A plain or quoted scalar without its trailing ` # comment`.
fn strip_comment(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    match bytes.first() {
        Some(b'"') => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return &raw[..=i],
                    _ => i += 1,
                }
            }
            raw
        }
        Some(b'\'') => {
            // Inside single quotes, `''` is one quote.
            let mut i = 1;
            while i < bytes.len() {
                match (bytes[i], bytes.get(i + 1)) {
                    (b'\'', Some(b'\'')) => i += 2,
                    (b'\'', _) => return &raw[..=i],
                    _ => i += 1,
                }
            }
            raw
        }
        _ => raw.split(" #").next().unwrap_or(raw).trim_end(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = "name: Haut-Jura\nprojects:\n  # suivis\n  - title: Scierie\n    jobs_created: 13 # au 1er juin\n    company: 'L''Atelier'\n    investment_eur: 200000\n  - title: \"Fonderie\"\n    jobs_created: 4\nactions: []\n";

    fn project(title: &str, company: Option<&str>, jobs: u64, eur: Option<u64>) -> Project {
        Project {
            title: title.into(),
            company: company.map(Into::into),
            sector: None,
            year: None,
            values: vec![Some(jobs), eur, None],
        }
    }

    fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        assert_eq!(a.len(), b.len(), "{b:?}");
        a.iter()
            .zip(&b)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| (x.to_string(), y.to_string()))
            .collect()
    }

    /// A record saved with Windows line endings keeps them on every line,
    /// patched or written anew (a mix shows as a change of every line).
    #[test]
    fn a_crlf_record_stays_crlf() {
        let metrics = Metrics::defaults(crate::config::Language::Fr);
        let crlf = RECORD.replace('\n', "\r\n");
        let new = [
            project("Scierie", Some("L'Atelier"), 13, Some(7_700_000)),
            project("Forge", None, 1, None),
        ];
        let flow = "name: X\r\nprojects:\r\n  - { title: Scierie, jobs_created: 1 }\r\n";
        for source in [crlf.as_str(), flow] {
            let out = projects(source, &new, &metrics);
            assert!(out.contains("Forge"), "{out:?}");
            assert_eq!(
                out.matches('\n').count(),
                out.matches("\r\n").count(),
                "{out:?}"
            );
        }
        let lf = projects(RECORD, &new, &metrics);
        assert!(!lf.contains('\r'));
    }

    #[test]
    fn one_changed_value_changes_one_line() {
        let metrics = Metrics::defaults(crate::config::Language::Fr);
        let new = [
            project("Scierie", Some("L'Atelier"), 13, Some(7_700_000)),
            project("Fonderie", None, 4, None),
        ];
        let out = projects(RECORD, &new, &metrics);
        assert_eq!(
            changed_lines(RECORD, &out),
            [(
                "    investment_eur: 200000".to_string(),
                "    investment_eur: 7700000".to_string()
            )]
        );
    }

    #[test]
    fn fields_come_and_go_and_projects_are_added_and_removed() {
        let metrics = Metrics::defaults(crate::config::Language::Fr);
        let new = [
            project("Scierie", None, 13, Some(200_000)),
            project("Fonderie", None, 4, Some(10)),
            project("Forge", None, 1, None),
        ];
        let out = projects(RECORD, &new, &metrics);
        assert_eq!(
            out,
            "name: Haut-Jura\nprojects:\n  # suivis\n  - title: Scierie\n    jobs_created: 13 # au 1er juin\n    investment_eur: 200000\n  - title: \"Fonderie\"\n    jobs_created: 4\n    investment_eur: 10\n  - title: \"Forge\"\n    jobs_created: 1\nactions: []\n"
        );
        let fewer = projects(RECORD, &new[..1], &metrics);
        assert_eq!(
            fewer,
            "name: Haut-Jura\nprojects:\n  # suivis\n  - title: Scierie\n    jobs_created: 13 # au 1er juin\n    investment_eur: 200000\nactions: []\n"
        );
    }

    #[test]
    fn a_block_in_another_shape_is_written_anew() {
        let metrics = Metrics::defaults(crate::config::Language::Fr);
        let flow = "name: a\nprojects: [{ title: A, jobs_created: 1 }]\n";
        let out = projects(flow, &[project("A", None, 2, None)], &metrics);
        assert_eq!(
            out,
            "name: a\nprojects:\n  - title: \"A\"\n    jobs_created: 2\n"
        );
    }
}
