//! Where the site may be written: never over the user's own files.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _, Result};

use super::MARKER;

/// Refuses output folders whose replacement would destroy the user's files.
pub fn check_target(root: &Path, out: &Path) -> Result<()> {
    let root = absolute(root)?;
    let out = absolute(out)?;
    let danger = [
        (root.clone(), "the site root"),
        (root.join("content"), "the content folder"),
        (root.join("themes"), "the themes folder"),
        (root.join("templates"), "the templates folder"),
    ];
    for (place, what) in &danger {
        if &out == place || out.starts_with(place) && place != &root {
            bail!(
                "refusing to write into {} ({what}): choose another --output",
                out.display()
            );
        }
    }
    if root.starts_with(&out) {
        bail!(
            "refusing to write into {}: it contains the site root; choose another --output",
            out.display()
        );
    }
    if out.exists() {
        if !out.is_dir() {
            bail!("--output {} is a file, not a folder", out.display());
        }
        let mut entries =
            fs::read_dir(&out).with_context(|| format!("cannot read {}", out.display()))?;
        if entries.next().is_some() && !out.join(MARKER).is_file() {
            bail!(
                "refusing to replace {}: it is not empty and was not created by bilan\n  = hint: choose an empty or new folder for --output",
                out.display()
            );
        }
    }
    Ok(())
}

/// `path` made absolute and free of `.` and `..`, without requiring it to exist.
pub(super) fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve symlinks in the part that exists, so two spellings of one folder compare equal.
    let mut existing = joined.clone();
    let mut tail = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                tail.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for name in tail.iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::CurDir) | None => {}
            _ => out.push(name),
        }
    }
    Ok(out)
}
