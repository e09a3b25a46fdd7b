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
/// Whether a sorted set holds a path starting with `prefix`: the first
/// path at or after it says, in logarithmic time. (A scan of every path for
/// every folder took 7.5 s of a 19.6 s warm build at 14,600 territories.)
fn holds<S: std::borrow::Borrow<str> + Ord>(set: &BTreeSet<S>, prefix: &str) -> bool {
    set.range::<str, _>((
        std::ops::Bound::Included(prefix),
        std::ops::Bound::Unbounded,
    ))
    .next()
    .is_some_and(|p| p.borrow().starts_with(prefix))
}

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
            Some(r) => holds(r, &prefix),
            None => holds(new, &prefix),
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
        .filter(|f| new.contains(*f) || holds(new, &format!("{f}/")))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The range lookup answers as a scan of every path would, on sets of
    /// paths drawn from a few names (so prefixes of each other abound).
    #[test]
    fn a_prefix_is_found_as_a_scan_would_find_it() {
        let names = ["a", "a-b", "ab", "a.b", "b", "territoires", "t", "x/y"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..500 {
            let set: BTreeSet<String> = (0..next(12))
                .map(|_| {
                    let depth = 1 + next(3);
                    (0..depth)
                        .map(|_| names[next(names.len())])
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect();
            for name in names {
                for prefix in [format!("{name}/"), format!("territoires/{name}/")] {
                    let scan = set.iter().any(|p| p.starts_with(&prefix));
                    assert_eq!(holds(&set, &prefix), scan, "{prefix} in {set:?}");
                }
            }
        }
    }
}
