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
        (root.clone(), "output-in-root"),
        (root.join("content"), "output-in-content"),
        (root.join("themes"), "output-in-themes"),
        (root.join("templates"), "output-in-templates"),
    ];
    for (place, what) in &danger {
        if &out == place || out.starts_with(place) && place != &root {
            let what = crate::l10n::text(what, &[]);
            bail!("{}", crate::tr!("output-refused", dir = &out, what = what));
        }
    }
    if root.starts_with(&out) {
        bail!("{}", crate::tr!("output-contains-root", dir = &out));
    }
    if out.exists() {
        if !out.is_dir() {
            bail!("{}", crate::tr!("output-is-file", dir = &out));
        }
        let mut entries =
            fs::read_dir(&out).with_context(|| crate::tr!("cannot-read", path = &out))?;
        if entries.next().is_some() && !out.join(MARKER).is_file() {
            bail!(
                "{}",
                crate::l10n::with_hint(
                    crate::tr!("output-not-ours", dir = &out),
                    crate::tr!("output-not-ours-hint")
                )
            );
        }
    }
    Ok(())
}
