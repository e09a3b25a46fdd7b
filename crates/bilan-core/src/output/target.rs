//! Where the site may be written: never over the user's own files.

use std::fs;
use std::path::Path;

use crate::paths::absolute;

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
