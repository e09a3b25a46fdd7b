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
            "{}",
            crate::l10n::with_hint(
                crate::tr!("dsfr-missing", file = &dist.join("dsfr.min.css")),
                crate::tr!("dsfr-missing-hint", root = root)
            )
        );
    }
    let sources = crate::sandbox::Sources::of(root);
    let css = read(root, &dist, "dsfr.min.css", &sources, diags)?.unwrap_or_default();
    let mut wanted: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
    let (references, climbing) = css_references(&String::from_utf8_lossy(&css));
    wanted.extend(references);
    for url in climbing {
        diags.push(
            crate::diag::Diagnostic::error(
                format!("{DIST}/dsfr.min.css"),
                crate::tr!("dsfr-url-climbs", url = url),
            )
            .hint(crate::tr!("dsfr-url-climbs-hint")),
        );
    }
    wanted.sort();
    wanted.dedup();
    let mut out = Vec::with_capacity(wanted.len());
    for rel in wanted {
        if let Some(bytes) = read(root, &dist, &rel, &sources, diags)? {
            out.push(StaticFile {
                rel: format!("{OUT_DIR}/{rel}"),
                bytes,
            });
        }
    }
    Ok(out)
}

/// A file of the package, if it exists, is a regular file and its real
/// path stays inside the package.
fn read(
    root: &Path,
    dist: &Path,
    rel: &str,
    sources: &crate::sandbox::Sources,
    diags: &mut Diagnostics,
) -> Result<Option<Vec<u8>>> {
    let path: PathBuf = dist.join(rel);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let package = dist.parent().unwrap_or(dist);
    if let Err(d) = crate::sandbox::publishable(root, package, &path, sources) {
        diags.push(d);
        return Ok(None);
    }
    std::fs::read(&path)
        .map(Some)
        .with_context(|| crate::tr!("cannot-read", path = &path))
}

/// The local files a stylesheet in `dist/` refers to with `url(…)`: fonts
/// and icons; then the references that climb out of the package (an
/// error). Data URLs and absolute URLs are left out, and so are paths with
/// `..` that stay inside the package, which the DSFR never uses.
fn css_references(css: &str) -> (Vec<String>, Vec<String>) {
    let (mut local, mut climbing) = (Vec::new(), Vec::new());
    let urls = css
        .split("url(")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|u| u.trim().trim_matches(['"', '\'']))
        .map(|u| u.split(['?', '#']).next().unwrap_or(u))
        .filter(|u| !u.is_empty() && !u.contains(':') && !u.starts_with('/'));
    for u in urls {
        // `dist/` is one level below the package's root.
        let mut depth: i64 = 1;
        let mut climbs = false;
        for part in u.split('/') {
            match part {
                ".." => depth -= 1,
                "" | "." => {}
                _ => depth += 1,
            }
            climbs |= depth < 0;
        }
        if climbs {
            climbing.push(u.to_string());
        } else if !u.split('/').any(|part| part == ".." || part.is_empty()) {
            local.push(u.to_string());
        }
    }
    (local, climbing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheet_references_are_local_files_only() {
        let css = r#"@font-face{src:url(fonts/Marianne-Bold.woff2) format("woff2"),url("fonts/Marianne-Bold.woff")}.a{background:url(icons/system/close-line.svg?v=1)}.b{background:url("data:image/svg+xml;charset=utf8,<svg/>")}.c{background:url(https://example.org/x.svg)}.d{background:url(../../etc/passwd)}.e{background:url(/abs.svg)}"#;
        let (local, climbing) = css_references(css);
        assert_eq!(
            local,
            [
                "fonts/Marianne-Bold.woff2",
                "fonts/Marianne-Bold.woff",
                "icons/system/close-line.svg"
            ]
        );
        assert_eq!(climbing, ["../../etc/passwd"]);
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
