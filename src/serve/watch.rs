//! Watching the site for edits: which files changed, and when to update.
//!
//! Raw events, not a debouncer's: reads (`Access` events, including the
//! directory walks below) are no edits, and counting them made every walk
//! trigger the next one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context as _, Result};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::live::Live;

/// The folders whose changes trigger an update.
pub(super) const WATCHED: [&str; 3] = ["content", "themes", "templates"];

/// Edits that arrive within this time of each other make one update.
const SETTLE: Duration = Duration::from_millis(20);

/// A watched file's size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// The watcher, alive until dropped.
pub(super) type Watching = Arc<Mutex<RecommendedWatcher>>;

/// Watches `root` and updates `live` after each edit, until the returned
/// watcher is dropped. The root itself is watched too, so that a watched
/// folder created while serving (a first `templates/` override) is seen.
pub(super) fn watch(root: &Path, live: Arc<Live>) -> Result<Watching> {
    let (tx, rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).context("cannot watch the site")?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .with_context(|| bilan_core::tr!("cannot-watch", path = &root))?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| bilan_core::tr!("cannot-watch", path = &path))?;
        }
    }
    let watching: Watching = Arc::new(Mutex::new(watcher));
    let weak = Arc::downgrade(&watching);
    let root = root.to_path_buf();
    let mut seen = stamps(&root);
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths: Vec<PathBuf> = Vec::new();
            let mut take = |e: notify::Result<notify::Event>| {
                if let Ok(e) = e {
                    if !matches!(e.kind, EventKind::Access(_)) {
                        paths.extend(e.paths);
                    }
                }
            };
            take(first);
            // An editor's save is several events: wait until they settle.
            let mut until = Instant::now() + SETTLE;
            loop {
                match rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
                    Ok(e) => {
                        take(e);
                        until = Instant::now() + SETTLE;
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            paths.sort();
            paths.dedup();
            if watch_new_folders(&root, &paths, &weak) {
                // Its files may have come before the watch: read everything.
                seen = stamps(&root);
                live.update(None);
                continue;
            }
            // Other files at the root (a README, an output folder) are not the site.
            paths.retain(|p| WATCHED.iter().any(|d| p.starts_with(root.join(d))));
            let mut changed = changes(&root, &mut seen, &paths);
            // An editor's swap and backup files, and files in hidden
            // folders, are not edits of the site.
            changed.retain(|p| !crate::content::is_ignored(&root, p));
            if !changed.is_empty() {
                live.update(Some(&content_changes(&root, &changed)));
            }
        }
    });
    Ok(watching)
}

/// Starts watching the watched folders that `paths` show were created at
/// the root; true when there was one.
fn watch_new_folders(
    root: &Path,
    paths: &[PathBuf],
    watching: &Weak<Mutex<RecommendedWatcher>>,
) -> bool {
    let mut added = false;
    for dir in WATCHED {
        let path = root.join(dir);
        if paths.contains(&path) && path.is_dir() {
            if let Some(w) = watching.upgrade() {
                let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                added |= w.watch(&path, RecursiveMode::Recursive).is_ok();
            }
        }
    }
    added
}

/// Every watched file's stamp: an edit is a change of size, time or
/// presence (the watcher also reports mere reads).
fn stamps(root: &Path) -> BTreeMap<PathBuf, Stamp> {
    let mut out = BTreeMap::new();
    for dir in WATCHED {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            if let Ok(meta) = entry.metadata() {
                if meta.is_file() {
                    out.insert(entry.into_path(), (meta.len(), meta.modified().ok()));
                }
            }
        }
    }
    out
}

/// The files among `paths` (what the watcher reported) that were added,
/// removed or changed since `seen`, which is brought up to date. A folder
/// among them (created, moved or deleted) means a walk of everything.
fn changes(root: &Path, seen: &mut BTreeMap<PathBuf, Stamp>, paths: &[PathBuf]) -> Vec<PathBuf> {
    let folder = paths
        .iter()
        .any(|p| p.is_dir() || (!p.exists() && seen.keys().any(|k| k.starts_with(p) && k != p)));
    if folder {
        let now = stamps(root);
        let gone = seen.keys().filter(|p| !now.contains_key(*p));
        let new_or_changed = now
            .iter()
            .filter(|(p, s)| seen.get(*p) != Some(s))
            .map(|(p, _)| p);
        let changed = gone.chain(new_or_changed).cloned().collect();
        *seen = now;
        return changed;
    }
    let mut changed = Vec::new();
    for p in paths {
        let stamp = std::fs::metadata(p)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| (m.len(), m.modified().ok()));
        let before = seen.get(p).copied();
        if stamp != before {
            match stamp {
                Some(s) => seen.insert(p.clone(), s),
                None => seen.remove(p),
            };
            changed.push(p.clone());
        }
    }
    changed
}

/// What an update reads again: only content files; theme edits reload
/// nothing of the content.
fn content_changes(root: &Path, changed: &[PathBuf]) -> Vec<PathBuf> {
    let content = root.join("content");
    changed
        .iter()
        .filter(|p| p.starts_with(&content))
        .cloned()
        .collect()
}
