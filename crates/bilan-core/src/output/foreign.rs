//! Files in the output folder that bilan never wrote: a `CNAME`, a
//! `.nojekyll`, the `.git` of a `gh-pages` checkout, anything a person put
//! there. As Hugo keeps them in `public/`, they are carried into every new
//! site (hard-linked, so the previous site stays as it was until the swap).
//! One that a generated file would replace stops the build, named.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context as _, Result};

use super::MARKER;

/// The top-most paths in `out` that bilan did not write: not in
/// `recorded` (the previous build's files) or, with no record, not in the
/// new site. Fails, naming them, when the new site has a file at one of
/// those paths or inside one of those folders.
pub(super) fn find(
    out: &Path,
    recorded: Option<&BTreeSet<&str>>,
    new: &BTreeSet<String>,
) -> Result<Vec<String>> {
    if !out.is_dir() {
        return Ok(Vec::new());
    }
    let ours = |rel: &str| match recorded {
        Some(r) => r.contains(rel),
        None => new.contains(rel),
    };
    // A folder is bilan's when it holds a file bilan wrote.
    let holds_ours = |rel: &str| {
        let prefix = format!("{rel}/");
        match recorded {
            Some(r) => r.iter().any(|p| p.starts_with(&prefix)),
            None => new.iter().any(|p| p.starts_with(&prefix)),
        }
    };
    let mut foreign = Vec::new();
    let mut walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.with_context(|| crate::tr!("cannot-read", path = &out))?;
        let rel = relative(out, entry.path());
        if rel == MARKER {
            continue;
        }
        if entry.file_type().is_dir() {
            if !holds_ours(&rel) {
                foreign.push(rel);
                walk.skip_current_dir();
            }
        } else if !ours(&rel) {
            foreign.push(rel);
        }
    }
    let clashes: Vec<&String> = foreign
        .iter()
        .filter(|f| new.contains(*f) || new.iter().any(|n| n.starts_with(&format!("{f}/"))))
        .collect();
    if !clashes.is_empty() {
        let list: Vec<String> = clashes.iter().map(|c| format!("`{c}`")).collect();
        let (count, files) = (list.len(), list.join(", "));
        bail!(
            "{}",
            crate::l10n::with_hint(
                crate::tr!("foreign-clash", count = count, files = files, dir = out),
                crate::tr!("foreign-clash-hint", count = count)
            )
        );
    }
    Ok(foreign)
}

/// Carries the `foreign` paths of `out` into `staging`: files hard-linked
/// (copied where links fail), links recreated as links, folders walked.
pub(super) fn carry(out: &Path, staging: &Path, foreign: &[String]) -> Result<()> {
    for rel in foreign {
        let from = out.join(rel);
        for entry in walkdir::WalkDir::new(&from).follow_links(false) {
            let entry = entry.with_context(|| crate::tr!("cannot-read", path = &from))?;
            let inner = relative(out, entry.path());
            let dest = staging.join(&inner);
            let kind = entry.file_type();
            let result = if kind.is_dir() {
                fs::create_dir_all(&dest)
            } else {
                if let Some(parent) = dest.parent() {
                    fs::create_dir_all(parent)?;
                }
                if kind.is_symlink() {
                    fs::read_link(entry.path()).and_then(|target| symlink(&target, &dest))
                } else {
                    fs::hard_link(entry.path(), &dest)
                        .or_else(|_| fs::copy(entry.path(), &dest).map(|_| ()))
                }
            };
            result.with_context(|| crate::tr!("foreign-cannot-keep", path = entry.path()))?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, dest: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, dest)
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) -> std::io::Result<()> {
    Ok(())
}

fn relative(out: &Path, path: &Path) -> String {
    path.strip_prefix(out)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
