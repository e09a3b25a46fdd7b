//! Markdown pages (narratives, press releases): front matter and body.

use std::path::{Path, PathBuf};

use chrono::DateTime;

use super::{check_slug, files, par_load, read_text, relative};
use crate::diag::{Diagnostic, Diagnostics};
use crate::records::{FrontMatter, Page};
use crate::tr;
use crate::yaml;

/// The `.md` pages under `dir`, in path order; `nested` allows sub-folders
/// (narratives), whose path parts must be slugs.
pub(super) fn load_pages(
    root: &Path,
    dir: &Path,
    nested: bool,
    diags: &mut Diagnostics,
) -> Vec<Page> {
    let paths = files(root, dir, diags);
    par_load(&paths, diags, |path, diags| {
        let rel = relative(root, path);
        let ext = path.extension().and_then(|e| e.to_str());
        if ext != Some("md") {
            // kit.yaml lives beside the releases and has its own loader.
            if nested || path.file_name().is_none_or(|n| n != "kit.yaml") {
                diags.push(Diagnostic::warning(&rel, tr!("page-not-md")));
            }
            return None;
        }
        let inner = path.strip_prefix(dir).unwrap_or(path).with_extension("");
        let parts: Vec<String> = inner
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if !nested && parts.len() > 1 {
            diags.push(Diagnostic::warning(&rel, tr!("release-nested")));
            return None;
        }
        // `a/b/index.md` is the page of folder `a/b`, as in Zola and Hugo.
        let stem = match parts.split_last() {
            Some((last, dir)) if nested && last == "index" && !dir.is_empty() => dir.join("/"),
            _ => parts.join("/"),
        };
        if nested && stem == "index" {
            diags.push(
                Diagnostic::error(&rel, tr!("narrative-index")).hint(tr!("narrative-index-hint")),
            );
            return None;
        }
        if stem != "_index" {
            for part in &parts {
                check_slug(part, &rel, diags);
            }
        }
        let text = read_text(root, path, diags)?;
        parse_page(&text, stem, rel, diags)
    })
}

/// Splits `---` front matter from the Markdown body and parses both. Problems
/// go to `diags`; `None` when the page cannot be used.
pub fn parse_page(text: &str, stem: String, rel: PathBuf, diags: &mut Diagnostics) -> Option<Page> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((front, body)) = split_front_matter(text) else {
        diags.push(
            Diagnostic::error(&rel, tr!("no-front-matter"))
                .at(1, 1)
                .hint(tr!("no-front-matter-hint")),
        );
        return None;
    };
    // A field that does not read is left out and reported: the body and
    // the other fields are checked in the same run (the build stops on
    // the error all the same).
    let meta: FrontMatter = yaml::parse_recovering(front, &rel, 1, diags)?;
    if meta.title.trim().is_empty() {
        diags.push(Diagnostic::error(&rel, tr!("field-empty", field = "title")).at(2, 1));
    }
    let embargo = match &meta.embargo {
        None => None,
        Some(raw) => match DateTime::parse_from_rfc3339(raw.trim()) {
            Ok(t) => Some(t),
            Err(err) => {
                let line = front_line(front, "embargo:");
                diags.push(
                    Diagnostic::error(&rel, tr!("embargo-format", error = err.to_string()))
                        .at(line + 1, 1)
                        .hint(tr!("embargo-format-hint")),
                );
                return None;
            }
        },
    };
    Some(Page {
        stem,
        path: rel,
        meta,
        embargo,
        body: body.to_string(),
        front: front.to_string(),
    })
}

fn front_line(front: &str, key: &str) -> usize {
    front
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(1, |i| i + 1)
}

/// `(front matter, body)` when the text starts with a `---` line and has a
/// closing one. CRLF line endings are accepted.
pub fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}
