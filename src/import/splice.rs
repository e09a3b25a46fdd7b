//! Replacing a record's `projects:` list in its text, every other line and
//! comment kept byte for byte, and writing records atomically.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::metrics::Metrics;
use crate::records::Project;

/// `projects` as YAML, one `- title:` block per project: fields in record
/// order (title, company, sector, year), then metrics in table order; a
/// metric not reported is left out.
pub(crate) fn projects_yaml(projects: &[Project], metrics: &Metrics) -> String {
    if projects.is_empty() {
        return "projects: []\n".into();
    }
    let mut out = String::from("projects:\n");
    for p in projects {
        // JSON strings are valid YAML double-quoted scalars.
        let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let _ = writeln!(out, "  - title: {}", q(&p.title));
        if let Some(c) = &p.company {
            let _ = writeln!(out, "    company: {}", q(c));
        }
        if let Some(s) = &p.sector {
            let _ = writeln!(out, "    sector: {}", q(s));
        }
        if let Some(y) = p.year {
            let _ = writeln!(out, "    year: {y}");
        }
        for (i, m) in metrics.iter() {
            if let Some(v) = p.value(i) {
                let _ = writeln!(out, "    {}: {v}", m.key);
            }
        }
    }
    out
}

/// A line that starts a top-level key (`name:`), not a comment or a
/// continuation.
fn top_level_key(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '"' || c == '\'')
        && line.contains(':')
}

/// `source` with its `projects:` block replaced by `block` (which ends with
/// a newline). The block runs from the `projects:` line to the next
/// top-level key; comments and blank lines just before that key stay
/// with it. Without a `projects:` key the block is appended.
pub(crate) fn replace_projects(source: &str, block: &str) -> String {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("projects:") || l.starts_with("\"projects\":"));
    let Some(start) = start else {
        let mut out = source.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(block);
        return out;
    };
    let mut end = lines[start + 1..]
        .iter()
        .position(|l| top_level_key(l))
        .map_or(lines.len(), |i| start + 1 + i);
    // Comments and blank lines at the end of the block belong to what follows.
    while end > start + 1 {
        let l = lines[end - 1].trim_start();
        let at_margin = !lines[end - 1].starts_with([' ', '\t']);
        if l.trim().is_empty() || (l.starts_with('#') && at_margin) {
            end -= 1;
        } else {
            break;
        }
    }
    let mut out: String = lines[..start].concat();
    out.push_str(block);
    out.push_str(&lines[end..].concat());
    out
}

/// Writes `text` to `path` through a temporary file in the same folder,
/// renamed over it: a reader sees the old record or the new one, never half.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "record".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.bilan-import-{}", std::process::id()));
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the record's permissions.
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot replace {}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = "# Fiche du Haut-Jura.\nname: \"Haut-Jura\" # nom officiel\nregion: \"27\"\n\nprojects:\n  # les projets suivis\n  - title: \"Ancien\"\n    jobs_created: 3\n\n# Actions de la feuille de route\nactions:\n  - { title: \"École\" }\n";

    #[test]
    fn only_the_projects_block_changes() {
        let block = "projects:\n  - title: \"Nouveau\"\n";
        let out = replace_projects(RECORD, block);
        assert_eq!(
            out,
            "# Fiche du Haut-Jura.\nname: \"Haut-Jura\" # nom officiel\nregion: \"27\"\n\nprojects:\n  - title: \"Nouveau\"\n\n# Actions de la feuille de route\nactions:\n  - { title: \"École\" }\n"
        );
    }

    #[test]
    fn flow_lists_last_blocks_and_missing_blocks() {
        let block = "projects:\n  - title: \"A\"\n";
        assert_eq!(
            replace_projects("name: a\nprojects: []\nregion: b\n", block),
            "name: a\nprojects:\n  - title: \"A\"\nregion: b\n"
        );
        assert_eq!(
            replace_projects("name: a\nprojects:\n  - title: x\n", block),
            "name: a\nprojects:\n  - title: \"A\"\n"
        );
        assert_eq!(
            replace_projects("name: a\nregion: b", block),
            "name: a\nregion: b\nprojects:\n  - title: \"A\"\n"
        );
    }

    #[test]
    fn projects_as_yaml_parse_back() {
        let metrics = Metrics::defaults(crate::config::Language::Fr);
        let p = Project {
            title: "Ligne \"neuve\" : 2e tranche".into(),
            company: Some("L'Atelier".into()),
            sector: None,
            year: Some(2021),
            values: vec![Some(12), None, Some(5)],
        };
        let yaml = projects_yaml(std::slice::from_ref(&p), &metrics);
        #[derive(serde::Deserialize)]
        struct Doc {
            projects: Vec<Project>,
        }
        let keys = metrics.keys();
        let mut d = crate::diag::Diagnostics::default();
        let doc: Doc = crate::records::with_metric_keys(Some(&keys), || {
            crate::yaml::parse(&yaml, Path::new("x.yaml"), 0, &mut d)
        })
        .unwrap();
        assert_eq!(doc.projects, [p]);
    }
}
