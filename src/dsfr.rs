//! The State design system (DSFR) for `theme: dsfr`, read from the site's
//! own `npm install @gouvfr/dsfr`.
//!
//! Its code is under Etalab 2.0 with terms of use, and the Marianne font and
//! the State brand are reserved for State services, so bilan never ships,
//! embeds or commits any of it. The loader copies only what pages use from
//! `node_modules/@gouvfr/dsfr/dist`: the stylesheet and the fonts and icons
//! it refers to, the favicon, the scripts and the three pictograms of the
//! display settings. Everything lands under `dsfr/` in the output.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};

use crate::content::StaticFile;
use crate::diag::Diagnostics;

/// The theme name that needs the package.
pub const THEME: &str = "dsfr";
/// Where the package's built files are, under the site folder.
pub const DIST: &str = "node_modules/@gouvfr/dsfr/dist";
/// Where they go in the output.
pub const OUT_DIR: &str = "dsfr";

/// Files copied besides the stylesheet's own references.
const FILES: &[&str] = &[
    "dsfr.min.css",
    "dsfr.module.min.js",
    "dsfr.nomodule.min.js",
    "favicon/apple-touch-icon.png",
    "favicon/favicon.svg",
    "favicon/favicon.ico",
    "favicon/manifest.webmanifest",
    "favicon/android-chrome-192x192.png",
    "favicon/android-chrome-512x512.png",
    "artwork/pictograms/environment/sun.svg",
    "artwork/pictograms/environment/moon.svg",
    "artwork/pictograms/system/system.svg",
];

/// The DSFR's files for the output, or an error that says how to install it.
pub fn assets(root: &Path, diags: &mut Diagnostics) -> Result<Vec<StaticFile>> {
    let dist = root.join(DIST);
    if !dist.join("dsfr.min.css").is_file() {
        bail!(
            "theme `dsfr` needs the State design system (DSFR), which bilan does not ship: {} was not found\n  = hint: in {}, run `npm install @gouvfr/dsfr`; the package asks you to accept its terms of use first (`npm create @gouvfr/dsfr@latest` writes .dsfr.yml, or set DSFR_ACCEPT_LICENSE=1), then build again",
            dist.join("dsfr.min.css").display(),
            root.display()
        );
    }
    let css = read(root, &dist, "dsfr.min.css", diags)?.unwrap_or_default();
    let mut wanted: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
    wanted.extend(css_references(&String::from_utf8_lossy(&css)));
    wanted.sort();
    wanted.dedup();
    let mut out = Vec::with_capacity(wanted.len());
    for rel in wanted {
        if let Some(bytes) = read(root, &dist, &rel, diags)? {
            out.push(StaticFile {
                rel: format!("{OUT_DIR}/{rel}"),
                bytes,
            });
        }
    }
    Ok(out)
}

/// A file of the package, if it exists and stays inside the site.
fn read(root: &Path, dist: &Path, rel: &str, diags: &mut Diagnostics) -> Result<Option<Vec<u8>>> {
    let path: PathBuf = dist.join(rel);
    if !path.is_file() {
        return Ok(None);
    }
    if let Err(d) = crate::sandbox::confined(root, &path) {
        diags.push(d);
        return Ok(None);
    }
    std::fs::read(&path)
        .map(Some)
        .with_context(|| format!("cannot read {}", path.display()))
}

/// The local files a stylesheet refers to with `url(…)`: fonts and icons.
/// Data URLs, absolute URLs and paths that climb out are left out.
fn css_references(css: &str) -> Vec<String> {
    css.split("url(")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|u| u.trim().trim_matches(['"', '\'']))
        .map(|u| u.split(['?', '#']).next().unwrap_or(u))
        .filter(|u| {
            !u.is_empty()
                && !u.contains(':')
                && !u.starts_with('/')
                && !u.split('/').any(|part| part == ".." || part.is_empty())
        })
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheet_references_are_local_files_only() {
        let css = r#"@font-face{src:url(fonts/Marianne-Bold.woff2) format("woff2"),url("fonts/Marianne-Bold.woff")}.a{background:url(icons/system/close-line.svg?v=1)}.b{background:url("data:image/svg+xml;charset=utf8,<svg/>")}.c{background:url(https://example.org/x.svg)}.d{background:url(../../etc/passwd)}.e{background:url(/abs.svg)}"#;
        assert_eq!(
            css_references(css),
            [
                "fonts/Marianne-Bold.woff2",
                "fonts/Marianne-Bold.woff",
                "icons/system/close-line.svg"
            ]
        );
    }

    #[test]
    fn a_missing_package_says_which_command_to_run() {
        let dir = tempfile::tempdir().unwrap();
        let err = assets(dir.path(), &mut Diagnostics::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("npm install @gouvfr/dsfr"), "{err}");
        assert!(
            err.contains("DSFR_ACCEPT_LICENSE=1") && err.contains(".dsfr.yml"),
            "{err}"
        );
        assert!(err.contains("does not ship"), "{err}");
    }
}
