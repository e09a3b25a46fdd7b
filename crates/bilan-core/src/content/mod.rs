//! The content loader: the only module that reads `content/`.
//!
//! It turns files into records and reports every problem it meets as a
//! diagnostic, so one run shows all of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diag::{relative, Diagnostic, Diagnostics};
use crate::metrics::Metrics;
use crate::records::{self, Kit, Page, TerritoryFile};
use crate::tr;
use crate::yaml;

mod pages;
mod parsed;

use pages::load_pages;
pub use pages::{parse_page, split_front_matter};

/// Everything read from `content/`.
#[derive(Debug, Clone)]
pub struct Content {
    /// `site.yaml`.
    pub site: SiteConfig,
    /// What the programme counts, resolved from `site.yaml`.
    pub metrics: Metrics,
    /// The text of `site.yaml`, to place later diagnostics at a line.
    pub site_source: String,
    /// Territory records, sorted by slug.
    pub territories: Vec<Arc<TerritoryFile>>,
    /// Slugs of territory files that could not be read (their errors are
    /// reported): what refers to them says so instead of guessing.
    pub unreadable: std::collections::BTreeSet<String>,
    /// Narratives, sorted by stem. `_index` is the home introduction.
    pub narratives: Arc<Vec<Page>>,
    /// Press releases, sorted by stem.
    pub press: Arc<Vec<Page>>,
    /// Files under `content/static`, copied as is.
    pub statics: Arc<Vec<StaticFile>>,
    /// `press/kit.yaml`, when present.
    pub kit: Option<Kit>,
    /// Its text, to place diagnostics at a line.
    pub kit_source: String,
    /// Region outlines for the map.
    pub map_regions: Option<TextFile>,
    /// Territory outlines for the map.
    pub map_territories: Option<TextFile>,
}

/// A text file read for a later stage, with its path for messages.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// A file copied to the output unchanged.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Path under `content/static`, with `/` separators.
    pub rel: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads the site under `root`. Problems in content go to `diags`; `Err` is
/// kept for a missing site or an I/O failure. `Ok(None)` means `site.yaml`
/// itself is invalid, so nothing can be built (the other files are still
/// checked, to report everything in one run).
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Option<Content>> {
    load_with(root, &crate::cache::NoCache, diags)
}

/// [`load`], with the territory records read without a problem before
/// taken from `store` instead of parsed again ([`parsed`]).
pub fn load_with(
    root: &Path,
    store: &dyn crate::cache::Store,
    diags: &mut Diagnostics,
) -> Result<Option<Content>> {
    let content = root.join("content");
    let site_path = content.join("site.yaml");
    if !site_path.is_file() {
        bail!(
            "{}",
            crate::l10n::with_hint(tr!("not-a-site", path = &site_path), tr!("not-a-site-hint"))
        );
    }
    let site_text = read_text(root, &site_path, diags);
    let site = site_text
        .as_deref()
        .and_then(|t| yaml::parse_fields::<SiteConfig>(t, &relative(root, &site_path), 0, diags));
    let site_source = site_text.unwrap_or_default();
    let metrics = site
        .as_ref()
        .map(|s| Metrics::resolve(s.metrics.as_deref(), s.language, &site_source, diags));
    // Without a valid site.yaml the metric keys are unknown: records are
    // still read, to report their syntax errors, accepting any key.
    let metric_keys = metrics.as_ref().map(Metrics::keys);

    let paths = files(root, &content.join("territories"), diags);
    let territories = par_load(&paths, diags, |path, diags| {
        load_territory(root, path, metric_keys.as_deref(), store, diags)
    });

    let unreadable = unreadable(&paths, &territories, diags);
    let kit_path = content.join("press/kit.yaml");
    let kit_source = if kit_path.is_file() {
        read_text(root, &kit_path, diags).unwrap_or_default()
    } else {
        String::new()
    };
    let kit = if kit_path.is_file() {
        yaml::parse_fields::<Kit>(&kit_source, &relative(root, &kit_path), 0, diags)
    } else {
        None
    };
    let narratives = load_pages(root, &content.join("narratives"), true, diags);
    let press = load_pages(root, &content.join("press"), false, diags);

    let statics = load_statics(root, &content.join("static"), diags)?;
    let map = site.as_ref().and_then(|s| s.map.clone());
    let regions_file = map.as_ref().and_then(|m| m.regions.as_ref());
    let map_regions = map_file(root, regions_file, &site_source, diags);
    let territories_file = map.as_ref().map(|m| &m.territories);
    let map_territories = map_file(root, territories_file, &site_source, diags);

    Ok(site.zip(metrics).map(|(site, metrics)| Content {
        site,
        metrics,
        site_source,
        territories,
        unreadable,
        narratives: Arc::new(narratives),
        press: Arc::new(press),
        statics: Arc::new(statics),
        kit,
        kit_source,
        map_regions,
        map_territories,
    }))
}

/// Record files that could not be read or parsed, by slug, and those read
/// only in part (their bad lines left out to check the rest): totals over
/// the records would mislead while any is one of these.
fn unreadable(
    paths: &[PathBuf],
    territories: &[Arc<TerritoryFile>],
    diags: &Diagnostics,
) -> std::collections::BTreeSet<String> {
    let broken: std::collections::BTreeSet<&Path> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .map(|d| d.path.as_path())
        .collect();
    let loaded: std::collections::BTreeSet<&str> = territories
        .iter()
        .filter(|t| !broken.contains(t.path.as_path()))
        .map(|t| t.slug.as_str())
        .collect();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| stem(p))
        .filter(|s| !loaded.contains(s.as_str()))
        .collect()
}

/// Reads one territory record; `None` (with diagnostics) when it cannot be used.
fn load_territory(
    root: &Path,
    path: &Path,
    metric_keys: Option<&[String]>,
    store: &dyn crate::cache::Store,
    diags: &mut Diagnostics,
) -> Option<Arc<TerritoryFile>> {
    let rel = relative(root, path);
    if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
        diags.push(
            Diagnostic::warning(&rel, tr!("record-not-yaml")).hint(tr!("record-not-yaml-hint")),
        );
        return None;
    }
    let slug = stem(path);
    check_slug(&slug, &rel, diags);
    let text = read_text(root, path, diags)?;
    let key = parsed::key(&text, metric_keys);
    let record = match parsed::get(store, &key, metric_keys) {
        Some(record) => record,
        None => {
            let before = diags.len();
            let record = records::with_metric_keys(metric_keys, || {
                yaml::parse_recovering(&text, &rel, 0, diags)
            })?;
            if diags.len() == before {
                parsed::put(store, &key, &record);
            }
            record
        }
    };
    Some(Arc::new(TerritoryFile {
        slug,
        path: rel,
        record,
        source: text,
    }))
}

/// `previous` with only the territory records at `changed` read again
/// (edited, added or removed), for `serve`: records are shared, never
/// copied. `diags` holds the previous load's problems and comes back with
/// those of the changed files replaced. `None` when something else changed
/// (site.yaml, pages, static files): the caller loads everything again.
pub fn reload(
    root: &Path,
    previous: &Content,
    changed: &[PathBuf],
    diags: &mut Diagnostics,
) -> Option<Content> {
    let dir = root.join("content").join("territories");
    let changed: Vec<&PathBuf> = changed.iter().filter(|p| !is_litter(p)).collect();
    if changed
        .iter()
        .any(|p| p.parent() != Some(dir.as_path()) || p.is_dir())
    {
        return None;
    }
    let rels: Vec<PathBuf> = changed.iter().map(|p| relative(root, p)).collect();
    diags.retain(|d| !rels.contains(&d.path));
    let keys = previous.metrics.keys();
    let mut territories: Vec<Arc<TerritoryFile>> = previous
        .territories
        .iter()
        .filter(|t| !rels.contains(&t.path))
        .cloned()
        .collect();
    for path in changed.iter().filter(|p| p.is_file()) {
        territories.extend(load_territory(
            root,
            path,
            Some(&keys),
            &crate::cache::NoCache,
            diags,
        ));
    }
    // Same order as a full load.
    territories.sort_by(|a, b| a.path.cmp(&b.path));
    let paths = files(root, &dir, &mut Diagnostics::default());
    Some(Content {
        unreadable: unreadable(&paths, &territories, diags),
        territories,
        ..previous.clone()
    })
}

/// Files under `content/static`, to copy as they are.
fn load_statics(
    root: &Path,
    static_dir: &Path,
    diags: &mut Diagnostics,
) -> Result<Vec<StaticFile>> {
    let mut statics = Vec::new();
    let sources = crate::sandbox::Sources::of(root);
    for path in files(root, static_dir, diags) {
        if let Err(d) = crate::sandbox::publishable(root, static_dir, &path, &sources) {
            diags.push(d);
            continue;
        }
        let rel = path
            .strip_prefix(static_dir)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = fs::read(&path).with_context(|| tr!("cannot-read", path = &path))?;
        statics.push(StaticFile { rel, bytes });
    }
    Ok(statics)
}

/// A map outline file named in site.yaml, relative to `content/`.
fn map_file(
    root: &Path,
    rel: Option<&String>,
    site_source: &str,
    diags: &mut Diagnostics,
) -> Option<TextFile> {
    let rel = rel?;
    let plain = Path::new(rel)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        diags.push(
            Diagnostic::error("content/site.yaml", tr!("map-file-outside", file = rel))
                .at(crate::diag::line_containing(site_source, rel), 1)
                .hint(tr!("map-file-outside-hint")),
        );
        return None;
    }
    let path = root.join("content").join(rel);
    if !path.is_file() {
        diags.push(
            Diagnostic::error("content/site.yaml", tr!("map-file-missing", file = rel))
                .hint(tr!("map-file-missing-hint")),
        );
        return None;
    }
    read_text(root, &path, diags).map(|text| TextFile {
        path: relative(root, &path),
        text,
    })
}

/// Regular files under `dir`, sorted, following symlinks that stay inside
/// the site; a missing folder is empty. Links that leave the site, walk
/// errors (a symlink loop, a permission problem) are reported.
fn files(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    if let Err(d) = crate::sandbox::confined(root, dir) {
        diags.push(d);
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut walk = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        if let Ok(e) = &entry {
            // A hidden folder (a nested repository's `.git`, drafts kept
            // aside, a trash) is never content, as a hidden file is not.
            if e.depth() > 0 && e.file_type().is_dir() && hidden_folder(e.file_name()) {
                walk.skip_current_dir();
                continue;
            }
            if e.path_is_symlink() {
                if let Err(d) = crate::sandbox::confined(root, e.path()) {
                    diags.push(d);
                    if e.file_type().is_dir() {
                        walk.skip_current_dir();
                    }
                    continue;
                }
            }
        }
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if !is_litter(e.path()) {
                    out.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                let msg = if err.loop_ancestor().is_some() {
                    tr!("link-loop")
                } else {
                    tr!("file-unreadable", error = err.to_string())
                };
                diags.push(Diagnostic::error(relative(root, &path), msg));
            }
        }
    }
    out
}

/// Editor backups and OS litter (hidden files and folders, `name~`) are
/// never content.
pub fn is_litter(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// True for a hidden folder's name, which the loaders never enter;
/// `.well-known` (RFC 8615: security.txt, domain checks) is meant to be
/// published.
fn hidden_folder(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.') && name != ".well-known"
}

/// True for what the loaders never read under `root`: litter, and any file
/// in a hidden folder. `serve` ignores its changes.
pub fn is_ignored(root: &Path, path: &Path) -> bool {
    let inner = path.strip_prefix(root).unwrap_or(path);
    is_litter(path)
        || inner
            .parent()
            .is_some_and(|dir| dir.components().any(|c| hidden_folder(c.as_os_str())))
}

fn read_text(root: &Path, path: &Path, diags: &mut Diagnostics) -> Option<String> {
    let rel = relative(root, path);
    if let Err(d) = crate::sandbox::confined(root, path) {
        diags.push(d);
        return None;
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(err) => {
            diags.push(Diagnostic::error(
                rel,
                tr!("file-unreadable", error = err.to_string()),
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            diags.push(
                Diagnostic::error(rel, tr!("not-utf8"))
                    .at(line, col + 1)
                    .hint(tr!("not-utf8-hint")),
            );
            None
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub use crate::text::{is_slug, suggest_slug};

fn check_slug(slug: &str, rel: &Path, diags: &mut Diagnostics) {
    if !is_slug(slug) {
        diags.push(
            Diagnostic::error(rel, tr!("bad-slug", slug = slug))
                .hint(tr!("rename-file", name = suggest_slug(slug))),
        );
    }
}

/// Loads files in parallel, keeping their order and every diagnostic.
fn par_load<T: Send>(
    paths: &[PathBuf],
    diags: &mut Diagnostics,
    load: impl Fn(&Path, &mut Diagnostics) -> Option<T> + Sync,
) -> Vec<T> {
    let results: Vec<(Option<T>, Diagnostics)> = paths
        .par_iter()
        .map(|p| {
            let mut d = Diagnostics::default();
            (load(p, &mut d), d)
        })
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for (item, d) in results {
        diags.extend(d);
        out.extend(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serve` ignores is what the loaders never read.
    #[test]
    fn files_in_hidden_folders_are_ignored_but_well_known() {
        let root = Path::new("/home/u/.sites/bilan");
        let ignored = |rel: &str| is_ignored(root, &root.join(rel));
        assert!(ignored("content/narratives/.brouillons/secret.md"));
        assert!(ignored("content/static/.git/config"));
        assert!(ignored("content/territories/.bay.yaml.swp"));
        assert!(ignored("content/territories/bay.yaml~"));
        assert!(
            !ignored("content/territories/bay.yaml"),
            "the root's own dot"
        );
        assert!(!ignored("content/static/.well-known/security.txt"));
    }

    /// What a load gives, for comparison: slug, name and the diagnostics.
    fn summary(c: &Content, d: &Diagnostics) -> (Vec<(String, String)>, Vec<String>, Vec<String>) {
        let t = c
            .territories
            .iter()
            .map(|t| (t.slug.clone(), t.record.name.clone()))
            .collect();
        let diags = d.sorted().iter().map(|d| d.to_string()).collect();
        (t, c.unreadable.iter().cloned().collect(), diags)
    }

    #[test]
    fn a_reload_of_changed_records_equals_a_full_load() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let fixture = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/second-programme");
        for e in WalkDir::new(&fixture)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
        {
            let to = root.join(e.path().strip_prefix(&fixture).unwrap());
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(e.path(), to).unwrap();
        }
        let mut diags = Diagnostics::default();
        let before = load(root, &mut diags).unwrap().unwrap();
        let dir = root.join("content/territories");
        // Edited, added, removed, broken, and an editor's litter.
        fs::write(
            dir.join("cap.yaml"),
            "name: \"Cap Nouveau\"\nregion: \"A\"\n",
        )
        .unwrap();
        fs::write(dir.join("aval.yaml"), "name: \"Aval\"\nregion: \"B\"\n").unwrap();
        fs::remove_file(dir.join("baie.yaml")).unwrap();
        fs::write(dir.join("zone.yaml"), "name: [\n").unwrap();
        fs::write(dir.join(".cap.yaml.swp"), "x").unwrap();
        let changed: Vec<PathBuf> = [
            "cap.yaml",
            "aval.yaml",
            "baie.yaml",
            "zone.yaml",
            ".cap.yaml.swp",
        ]
        .iter()
        .map(|n| dir.join(n))
        .collect();
        let reloaded = reload(root, &before, &changed, &mut diags).unwrap();
        let mut full_diags = Diagnostics::default();
        let full = load(root, &mut full_diags).unwrap().unwrap();
        assert_eq!(summary(&reloaded, &diags), summary(&full, &full_diags));
        let estuaire = |c: &Content| {
            c.territories
                .iter()
                .find(|t| t.slug == "estuaire")
                .cloned()
                .unwrap()
        };
        assert!(
            Arc::ptr_eq(&estuaire(&before), &estuaire(&reloaded)),
            "estuaire is shared, not read again"
        );
        // Anything but records needs a full load.
        assert!(reload(root, &full, &[root.join("content/site.yaml")], &mut diags).is_none());
    }

    #[test]
    fn slugs() {
        assert!(is_slug("vallee-de-l-arve-2"));
        assert!(!is_slug("Vallée"));
        assert!(!is_slug(""));
        assert_eq!(suggest_slug("Vallée de l'Arve"), "vallee-de-l-arve");
        assert_eq!(suggest_slug("Cœur_de France"), "coeur-de-france");
    }

    #[test]
    fn front_matter_split() {
        assert_eq!(
            split_front_matter("---\ntitle: a\n---\nbody\n"),
            Some(("title: a\n", "body\n"))
        );
        assert_eq!(
            split_front_matter("---\r\ntitle: a\r\n---\r\nbody"),
            Some(("title: a\r\n", "body"))
        );
        assert_eq!(split_front_matter("title: a\n"), None);
        assert_eq!(split_front_matter("---\ntitle: a\n"), None);
    }
}
