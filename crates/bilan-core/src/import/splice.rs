//! Replacing a record's `projects:` list in its text, every other line and
//! comment kept byte for byte, and writing records atomically.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
    let Some((start, end)) = block_range(&lines) else {
        let mut out = source.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(block);
        return out;
    };
    let mut out: String = lines[..start].concat();
    out.push_str(block);
    out.push_str(&lines[end..].concat());
    out
}

/// Where the `projects:` block of `lines` starts and ends (exclusive).
pub(crate) fn block_range(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines
        .iter()
        .position(|l| l.starts_with("projects:") || l.starts_with("\"projects\":"))?;
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
    Some((start, end))
}

/// Writes every record or none: each new text goes to a temporary file
/// beside its record (the link's target for a record that is a link inside
/// the site, so the link stays a link), and only when all are written are
/// they renamed into place. A rename that fails puts back the records
/// already replaced. No temporary file is left behind.
pub(crate) fn write_all(writes: &[(PathBuf, String, String)]) -> Result<()> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let cleanup = |staged: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in staged {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (path, _, text) in writes {
        match stage(path, text) {
            Ok(pair) => staged.push(pair),
            Err(e) => {
                cleanup(&staged);
                return Err(e.context("no record was changed"));
            }
        }
    }
    for (i, (tmp, real)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, real) {
            cleanup(&staged[i..]);
            // Put back what was already replaced.
            for ((_, real), (_, old, _)) in staged[..i].iter().zip(writes) {
                if let Ok((tmp, _)) = stage(real, old) {
                    let _ = std::fs::rename(&tmp, real);
                }
            }
            return Err(
                anyhow::Error::from(e).context(crate::tr!("import-cannot-replace", path = real))
            );
        }
    }
    Ok(())
}

/// The new text of `path` in a temporary file beside the file it really
/// is; returns (temporary file, real path).
fn stage(path: &Path, text: &str) -> Result<(PathBuf, PathBuf)> {
    let real =
        std::fs::canonicalize(path).with_context(|| crate::tr!("cannot-read", path = &path))?;
    let dir = real.parent().unwrap_or(Path::new("."));
    let name = real
        .file_name()
        .map_or_else(|| "record".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.bilan-import-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(anyhow::Error::from(e).context(crate::tr!("cannot-write", path = &tmp)));
    }
    if let Ok(meta) = std::fs::metadata(&real) {
        // Keep the record's permissions.
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    Ok((tmp, real))
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

    #[test]
    fn all_records_or_none_and_no_temporary_file_left() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
        std::fs::write(&a, "old a").unwrap();
        std::fs::write(&b, "old b").unwrap();
        let missing = dir.path().join("gone/c.yaml");
        let writes = vec![
            (a.clone(), "old a".to_string(), "new a".to_string()),
            (missing, String::new(), "new c".to_string()),
            (b.clone(), "old b".to_string(), "new b".to_string()),
        ];
        let err = write_all(&writes).unwrap_err();
        assert!(
            format!("{err:#}").contains("no record was changed"),
            "{err:#}"
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old b");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        write_all(&[writes[0].clone(), writes[2].clone()]).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new b");
    }
}
