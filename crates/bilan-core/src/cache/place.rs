//! Where the cache may be: found from `--cache-dir`, `BILAN_CACHE_DIR` or
//! the user's cache folder; never a link nor holding one; never among the
//! site's sources or in its output, where its entries would be read as
//! content or published.

use std::fs;
use std::path::{Path, PathBuf};

use super::hash;

/// The environment variable that moves the cache (for CI caches).
pub const ENV: &str = "BILAN_CACHE_DIR";

/// The cache folder of the site at `root`: `explicit` (`--cache-dir`), else
/// `BILAN_CACHE_DIR`, else `<user cache>/bilan/<site name>-<hash of its
/// path>` (`$XDG_CACHE_HOME`, else `~/.cache`), else `<root>/.bilan-cache`.
pub fn location(root: &Path, explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let name: String = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    match user_cache() {
        Some(base) => base.join("bilan").join(format!(
            "{name}-{}",
            hash(&[real.to_string_lossy().as_bytes()])
        )),
        None => root.join(".bilan-cache"),
    }
}

pub(super) fn user_cache() -> Option<PathBuf> {
    let abs = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(abs)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(abs)
                .map(|h| h.join(".cache"))
        })
}

/// True when `dir` lies inside the site folder `root`.
pub(super) fn inside(root: &Path, dir: &Path) -> bool {
    let abs = |p: &Path| crate::paths::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    abs(dir).starts_with(abs(root))
}

/// Refuses a cache folder inside the site's sources (content, themes,
/// templates) or inside the output folder `out`: its entries would be read
/// as content or published, a `--drafts` build's with them.
pub(super) fn check_place(root: &Path, dir: &Path, out: Option<&Path>) -> anyhow::Result<()> {
    let abs = |p: &Path| crate::paths::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, dir) = (abs(root), abs(dir));
    let mut places = vec![
        (root.join("content"), "output-in-content"),
        (root.join("themes"), "output-in-themes"),
        (root.join("templates"), "output-in-templates"),
    ];
    places.extend(out.map(|o| (abs(o), "output-folder")));
    match places.iter().find(|(place, _)| dir.starts_with(place)) {
        Some((_, what)) => anyhow::bail!(
            "{}",
            crate::l10n::with_hint(
                crate::tr!(
                    "cache-refused",
                    dir = &dir,
                    what = crate::l10n::text(what, &[])
                ),
                crate::tr!("cache-refused-hint")
            )
        ),
        None => Ok(()),
    }
}

/// Refuses a cache folder that is a link or holds one.
pub(super) fn check_no_links(dir: &Path) -> anyhow::Result<()> {
    let hint = || crate::tr!("cache-link-hint");
    let with_hint = crate::l10n::with_hint;
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => {
            anyhow::bail!(
                "{}",
                with_hint(crate::tr!("cache-is-link", dir = dir), hint())
            )
        }
        Ok(m) if !m.is_dir() => {
            anyhow::bail!(
                "{}",
                with_hint(crate::tr!("cache-not-folder", dir = dir), hint())
            )
        }
        Ok(_) => {}
        Err(_) => return Ok(()),
    }
    let entries = fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", crate::tr!("cannot-read", path = dir)))?;
    for e in entries.flatten() {
        if e.file_type().is_ok_and(|t| t.is_symlink()) {
            let link = e.file_name().to_string_lossy().into_owned();
            let message = crate::tr!("cache-holds-link", dir = dir, link = link);
            anyhow::bail!("{}", with_hint(message, hint()));
        }
    }
    Ok(())
}
