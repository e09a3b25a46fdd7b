//! The model `serve` keeps in memory, and the writer behind it.
//!
//! An edit re-reads only the changed records ([`crate::build::prepare`] with
//! the previous model), recomputes the totals and charts without their PNGs,
//! and publishes a new [`Snapshot`]: from then on every page is rendered on
//! request from it, so no page can be stale. A writer thread then renders
//! the whole site from the same snapshot into the private folder, PNGs
//! included, for the files that are not pages (exports, charts, PDFs);
//! requests for those wait until the snapshot they belong to is written.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Model};
use crate::cache::{Deferred, DiskCache};
use crate::render::OnDemand;

/// One version of the site: the model and its page renderer.
pub(super) struct Snapshot {
    pub(super) model: Model,
    pub(super) pages: OnDemand,
    pub(super) version: u64,
}

/// What the pages poll, and what the writer has done.
#[derive(Default)]
pub(super) struct Status {
    /// The newest good snapshot.
    pub(super) version: u64,
    /// The newest snapshot written to the private folder.
    pub(super) written: u64,
    /// The last update's problems, when it failed.
    pub(super) error: Option<String>,
    /// Set when serve stops: the writer takes no new snapshot.
    stopping: bool,
}

/// The site as `serve` holds it.
pub(super) struct Live {
    opts: BuildOptions,
    current: RwLock<Option<Arc<Snapshot>>>,
    pub(super) status: Mutex<Status>,
    changed: Condvar,
}

impl Live {
    pub(super) fn new(opts: BuildOptions) -> Live {
        Live {
            opts,
            current: RwLock::new(None),
            status: Mutex::new(Status::default()),
            changed: Condvar::new(),
        }
    }

    /// The newest good snapshot, if any update succeeded.
    pub(super) fn current(&self) -> Option<Arc<Snapshot>> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes in an edit: `changed` files, or everything when `None`.
    pub(super) fn update(&self, changed: Option<&[PathBuf]>) {
        let start = Instant::now();
        let previous = self.current();
        // After a failed update, the model kept is older than the files:
        // edits made since it (a site.yaml now valid again) are not in the
        // changed list, so read everything.
        let failed = self.status().error.is_some();
        let prev = previous
            .as_ref()
            .zip(changed)
            .filter(|_| !failed)
            .map(|(s, c)| (&s.model, c));
        let result = DiskCache::open(&self.opts.root, self.opts.cache_dir.as_deref(), None)
            .map_err(crate::error::Error::Io)
            .and_then(|cache| build::prepare(&self.opts, &Deferred(&cache), prev))
            .and_then(|model| {
                let now = build::resolve_now(self.opts.now.as_deref())?;
                Ok((model, build::render_options(&self.opts, now)))
            });
        let model = match result {
            Ok((model, render_opts)) => {
                let m = &model;
                OnDemand::new(&m.content, &m.agg, &m.charts, &m.theme, render_opts)
                    .map(|pages| (model, pages))
                    .map_err(render_error_text)
            }
            Err(e) => Err(render_error_text(e)),
        };
        let mut status = self.status();
        match model {
            Ok((model, pages)) => {
                status.version += 1;
                status.error = None;
                let snapshot = Snapshot {
                    model,
                    pages,
                    version: status.version,
                };
                *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(snapshot));
                crate::progress::done();
                let millis = start.elapsed().as_millis() as u64;
                eprintln!("{}", bilan_core::tr!("serve-updated", millis = millis));
            }
            Err(text) => {
                crate::progress::done();
                eprintln!("{text}\n{}", bilan_core::tr!("serve-failed"));
                status.error = Some(text);
            }
        }
        self.changed.notify_all();
    }

    /// Writes each new snapshot to `out`, forever: the newest one first when
    /// several piled up.
    pub(super) fn write_loop(&self, out: &Path) {
        let mut opts = self.opts.clone();
        opts.output = Some(out.to_path_buf());
        // The writer draws every card of a cold cache (minutes for a large
        // site) on threads of its own, one fewer than the cores: an edit's
        // update runs on rayon's global threads and never queues behind it.
        let threads =
            std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("bilan-writer-{i}"))
            .build();
        loop {
            let snapshot = {
                let mut status = self.status();
                while status.written >= status.version && !status.stopping {
                    status = self.changed.wait(status).unwrap_or_else(|e| e.into_inner());
                }
                if status.stopping {
                    return;
                }
                self.current()
            };
            let Some(snapshot) = snapshot else { continue };
            let problems = match &pool {
                Ok(pool) => pool.install(|| write(&snapshot, &opts)),
                Err(_) => write(&snapshot, &opts),
            };
            let mut status = self.status();
            status.written = status.written.max(snapshot.version);
            if let Some(text) = problems {
                status.error = Some(text);
            }
            self.changed.notify_all();
        }
    }

    /// Stops the writer: the file it is writing fails, it takes no new
    /// snapshot, and [`Self::write_loop`] returns.
    pub(super) fn stop(&self) {
        crate::output::stop_writing();
        self.status().stopping = true;
        self.changed.notify_all();
    }

    /// Waits until the snapshot `version` is written (or a newer one);
    /// false after `limit`.
    pub(super) fn wait_written(&self, version: u64, limit: Duration) -> bool {
        let status = self.status();
        let (status, _) = self
            .changed
            .wait_timeout_while(status, limit, |s| s.written < version)
            .unwrap_or_else(|e| e.into_inner());
        status.written >= version
    }
}

/// Renders `snapshot` into the private folder, drawing the PNGs its model
/// deferred; the problems that stopped it, if any.
fn write(snapshot: &Snapshot, opts: &BuildOptions) -> Option<String> {
    let start = Instant::now();
    let store = match DiskCache::open(&opts.root, opts.cache_dir.as_deref(), None) {
        Ok(store) => store,
        Err(e) => return Some(format!("error: {e:#}")),
    };
    let now = match build::resolve_now(opts.now.as_deref()) {
        Ok(now) => now,
        Err(e) => return Some(format!("error: {e:#}")),
    };
    match build::emit(&snapshot.model, opts, now, Some(&store), start) {
        Ok(outcome) if outcome.ok(false) => {
            crate::progress::done();
            for d in outcome.diagnostics.sorted() {
                eprintln!("{d}");
            }
            // No pruning here: the map and the charts an update fetched
            // went through another store, and pruning would drop them. The
            // next `bilan build` prunes.
            let w = outcome.written.unwrap_or_default();
            let millis = start.elapsed().as_millis() as u64;
            let (written, unchanged, removed) = (w.written, w.unchanged, w.removed);
            eprintln!(
                "{}",
                bilan_core::tr!(
                    "serve-wrote",
                    written = written,
                    unchanged = unchanged,
                    removed = removed,
                    millis = millis
                )
            );
            None
        }
        Ok(outcome) => {
            crate::progress::done();
            let text = text(&outcome.diagnostics);
            eprintln!("{text}\n{}", bilan_core::tr!("serve-failed"));
            Some(text)
        }
        Err(e) => Some(format!("error: {e:#}")),
    }
}

/// A page or model that could not be rendered, as the overlay shows it.
pub(super) fn render_error_text(e: crate::render::Error) -> String {
    match e {
        crate::render::Error::Content(d) => text(&d),
        crate::render::Error::Io(e) => format!("error: {e:#}"),
    }
}

fn text(diags: &crate::diag::Diagnostics) -> String {
    let lines: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    lines.join("\n")
}
