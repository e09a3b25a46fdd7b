//! The pipeline, top to bottom: load → validate → aggregate → render →
//! check links → write. Each step is timed when `BILAN_LOG=time` is set.

mod advice;
mod now;

pub use now::resolve_now;

use advice::{check_base_url, held_back, link_diagnostics};

use crate::error::Error;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};

use crate::aggregate::aggregate;
use crate::cache::{Deferred, DiskCache, NoCache, Store};
use crate::charts;
use crate::content;
use crate::diag::{log_time, Diagnostics};
use crate::output::{self, Discard, Sink, Staging, WriteStats};
use crate::render::{self, RenderOptions};
use crate::theme;
use crate::validate::validate_records;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// Where to write; `<root>/output` when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Include drafts and embargoed releases.
    pub drafts: bool,
    /// "Today" as given on the command line (RFC 3339 or `YYYY-MM-DD`).
    pub now: Option<String>,
    /// Treat warnings as errors.
    pub strict: bool,
    /// A local preview (`serve`): publishing advice is not repeated.
    pub preview: bool,
    /// The cache folder (`--cache-dir`); see [`crate::cache::location`].
    pub cache_dir: Option<PathBuf>,
}

/// How a run ended, when it got as far as reading the content.
#[derive(Debug)]
pub struct Outcome {
    /// Every problem found.
    pub diagnostics: Diagnostics,
    /// What was written, when the build succeeded (`None` for `check`).
    pub written: Option<WriteStats>,
    /// Number of files in the rendered site.
    pub files: usize,
    /// Wall time.
    pub millis: u128,
    /// Charts drawn (programme, map, regions, territories).
    pub charts: usize,
    /// Totals that moved since the previous build: (count or metric key,
    /// before, after), the figures in the site's number format.
    pub moved: Vec<(String, String, String)>,
    /// HTML pages written anew (changed or added), when the build wrote.
    pub changed_pages: Vec<String>,
    /// External links found (`check` lists them; they are never fetched).
    pub external_links: Vec<String>,
    /// Earlier sites that could not be removed (a protected file in them).
    pub leftovers: Vec<PathBuf>,
    /// Releases held back: drafts and releases under embargo.
    pub held_back: Vec<HeldBack>,
    /// Files in the output folder that bilan did not write, kept.
    pub kept: Vec<String>,
    /// True when the previous build's file list was missing, so every
    /// file the new site does not have was kept (`kept`).
    pub unrecorded: bool,
    /// The cache folder, when it lies inside the site (entries verified),
    /// with the entries that failed verification.
    pub cache_inside: Option<(PathBuf, Vec<String>)>,
}

/// A release this build does not publish (or, with `--drafts`, shows as a
/// preview with a banner).
#[derive(Debug, Clone)]
pub struct HeldBack {
    /// Its file.
    pub path: PathBuf,
    /// Its embargo (RFC 3339), or `None` for a draft.
    pub embargo: Option<String>,
    /// True when `--drafts` shows it anyway.
    pub shown: bool,
}

impl Outcome {
    fn empty(diagnostics: Diagnostics, start: Instant) -> Outcome {
        Outcome {
            diagnostics,
            written: None,
            files: 0,
            millis: start.elapsed().as_millis(),
            charts: 0,
            moved: Vec::new(),
            changed_pages: Vec::new(),
            external_links: Vec::new(),
            leftovers: Vec::new(),
            held_back: Vec::new(),
            kept: Vec::new(),
            unrecorded: false,
            cache_inside: None,
        }
    }

    /// A run stopped by problems in the content, after rendering `files`.
    fn stopped(diagnostics: Diagnostics, start: Instant, files: usize) -> Outcome {
        Outcome {
            files,
            ..Outcome::empty(diagnostics, start)
        }
    }

    /// This outcome with the run's problems and wall time.
    fn with(self, diagnostics: Diagnostics, start: Instant) -> Outcome {
        Outcome {
            diagnostics,
            millis: start.elapsed().as_millis(),
            ..self
        }
    }

    /// True when the content is valid under `strict`.
    pub fn ok(&self, strict: bool) -> bool {
        !(self.diagnostics.has_errors() || strict && self.diagnostics.warning_count() > 0)
    }
}

/// Validates everything and writes the site. Content problems come back in
/// the outcome; `Err` means bad usage or an I/O failure.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    run(opts, true)
}

/// Validates everything, renders in memory and checks internal links;
/// writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Outcome> {
    run(opts, false)
}

/// The site in memory, loaded, checked and totalled, with its theme and
/// charts: what a render needs. `serve` keeps it between edits.
pub struct Model {
    /// The content.
    pub content: content::Content,
    /// Its totals.
    pub agg: crate::aggregate::Aggregates,
    /// The theme.
    pub theme: theme::Theme,
    /// The charts (their PNGs left out when the store defers them).
    pub charts: charts::ChartSet,
    /// Every problem found so far.
    pub diagnostics: Diagnostics,
    /// The loader's own problems, which a reload of some files updates.
    load_diags: Diagnostics,
    /// The Markdown's problems, which a reload of records keeps.
    markdown_diags: Diagnostics,
}

/// Loads the site, or, given the previous model and the files changed since,
/// reads only those files again when they are all territory records.
/// `Err` holds the problems that stop the build.
pub fn prepare(
    opts: &BuildOptions,
    store: &dyn Store,
    previous: Option<(&Model, &[PathBuf])>,
) -> crate::error::Result<Model> {
    use crate::error::Error;
    let start = Instant::now();
    let mut load_diags = Diagnostics::default();
    let reloaded = previous.and_then(|(m, changed)| {
        load_diags = m.load_diags.clone();
        content::reload(&opts.root, &m.content, changed, &mut load_diags)
            .map(|c| (c, m.markdown_diags.clone()))
    });
    let (content, markdown_diags) = match reloaded {
        Some(c) => c,
        None => {
            load_diags = Diagnostics::default();
            match content::load_with(&opts.root, store, &mut load_diags)? {
                Some(c) => {
                    let md = crate::validate::markdown(&c);
                    (c, md)
                }
                None => return Err(Error::Content(load_diags)),
            }
        }
    };
    log_time(start, "Loaded content");
    let mut diags = load_diags.clone();
    let agg = aggregate(&content.territories, content.metrics.len());
    diags.extend(validate_records(&content, &agg));
    diags.extend(markdown_diags.clone());
    log_time(start, "Validated and aggregated");
    let theme = theme::load(&opts.root, &content.site.theme, &mut diags)?;
    if diags.has_errors() || (opts.strict && diags.warning_count() > 0) {
        return Err(Error::Content(diags));
    }
    let labels = crate::i18n::Labels::new(content.site.language);
    let previous_charts = previous.map(|(m, _)| &m.charts);
    let (charts, chart_diags) = charts::all(
        &content,
        &agg,
        &labels,
        theme.palette,
        store,
        previous_charts,
    );
    diags.extend(chart_diags);
    log_time(start, "Drew charts");
    if diags.has_errors() {
        return Err(Error::Content(diags));
    }
    Ok(Model {
        content,
        agg,
        theme,
        charts,
        diagnostics: diags,
        load_diags,
        markdown_diags,
    })
}

fn run(opts: &BuildOptions, write: bool) -> Result<Outcome> {
    let start = Instant::now();
    let now = resolve_now(opts.now.as_deref())?;
    if let Some(problem) = opts
        .base_url
        .as_deref()
        .and_then(crate::config::base_url_problem)
    {
        bail!(
            "{}",
            bilan_core::l10n::with_hint(
                format!("--base-url {problem}"),
                bilan_core::tr!("base-url-hint")
            )
        );
    }
    let out_dir = output_dir(opts);
    if write {
        output::check_target(&opts.root, &out_dir)?;
    }
    // `check` writes nothing, not even to the cache.
    let disk_cache = if write {
        let explicit = opts.cache_dir.as_deref();
        Some(DiskCache::open(&opts.root, explicit, Some(&out_dir))?)
    } else {
        None
    };
    // The chart PNGs wait for the renderers that write them: a build that
    // keeps those files never reads the pictures.
    let deferred = disk_cache.as_ref().map(|c| Deferred(c));
    let store: &dyn Store = match &deferred {
        Some(c) => c,
        None => &NoCache,
    };
    let model = match prepare(opts, store, None) {
        Ok(m) => m,
        Err(crate::error::Error::Content(diags)) => return Ok(Outcome::stopped(diags, start, 0)),
        Err(crate::error::Error::Io(e)) => return Err(e),
    };
    let mut outcome = emit(&model, opts, now, disk_cache.as_ref(), start)?;
    if let Some(cache) = &disk_cache {
        if outcome.written.is_some() {
            cache.prune();
        }
        if cache.verifies() {
            outcome.cache_inside = Some((cache.dir().to_path_buf(), cache.rejected()));
        }
    }
    Ok(outcome)
}

/// Where `opts` writes the site.
pub fn output_dir(opts: &BuildOptions) -> PathBuf {
    opts.output
        .clone()
        .unwrap_or_else(|| opts.root.join("output"))
}

/// Renders `model` (the renderers that write chart PNGs draw those its
/// store deferred) and, given a cache (which keeps the build state), swaps
/// it into the output folder; without one, writes nothing.
pub fn emit(
    model: &Model,
    opts: &BuildOptions,
    now: DateTime<Utc>,
    cache: Option<&DiskCache>,
    start: Instant,
) -> Result<Outcome> {
    let store: &dyn Store = match cache {
        Some(c) => c,
        None => &NoCache,
    };
    let Model {
        content,
        agg,
        theme,
        charts,
        ..
    } = model;
    let mut diags = model.diagnostics.clone();
    let out_dir = output_dir(opts);
    let render_opts = render_options(opts, now);
    // Files stream into a staging folder beside the output; it is swapped in
    // only at the end, and removed if anything fails before (see `Staging`).
    let previous_state = cache.map(|c| c.state(&out_dir)).unwrap_or_default();
    let staging = match cache {
        Some(c) => Some(
            Staging::begin(&out_dir, previous_state.clone())
                .with_context(|| bilan_core::tr!("cannot-prepare", path = &out_dir))?
                // Entries of a cache inside the site are signed; the output's
                // files are not, so they stay out of it. `serve` rewrites its
                // own folder on every edit and never prunes: it keeps from it.
                .keeping_in((!c.verifies() && !opts.preview).then(|| c.dir().to_path_buf())),
        ),
        None => None,
    };
    let sink: &dyn Sink = match &staging {
        Some(s) => s,
        None => &Discard,
    };
    let held_back = held_back(content, now, opts.drafts);
    let rendered = match render::render(content, agg, charts, theme, &render_opts, sink, store) {
        Ok(r) => r,
        Err(Error::Content(render_diags)) => {
            diags.extend(render_diags);
            return Ok(Outcome::stopped(diags, start, 0));
        }
        Err(Error::Io(e)) => {
            return Err(e.context(format!("cannot write the site to {}", out_dir.display())))
        }
    };
    log_time(start, "Rendered and staged");
    if let (Some(c), true) = (cache, rendered.kept_whole > 0) {
        // Files kept as they were still come from those cache entries.
        c.keep_used(&previous_state);
    }
    diags.extend(link_diagnostics(&rendered, content, cache.is_some()));
    // Publishing advice, for a site that would publish: not for a preview,
    // and not on top of errors.
    if !opts.preview && !diags.has_errors() {
        check_base_url(content, opts.base_url.as_deref(), &mut diags);
    }
    let n = rendered.paths.len();
    let (Some(staging), Some(cache)) = (staging, cache) else {
        let external_links = rendered.external_links.into_iter().collect();
        return Ok(Outcome {
            files: n,
            external_links,
            held_back,
            ..Outcome::empty(diags, start)
        });
    };
    if opts.strict && diags.warning_count() > 0 {
        return Ok(Outcome::stopped(diags, start, n));
    }
    let totals = crate::aggregate::summary(content, &agg.programme);
    let save = |state: &str| cache.save_state(&out_dir, &format!("{state}{}", cache.used_lines()));
    let (outcome, moved, entries) = commit(staging, &rendered, &totals, &out_dir, &save)?;
    cache.mark_used(&entries);
    log_time(start, "Swapped in");
    let moved = moved
        .into_iter()
        .map(|(key, before, after)| {
            let (before, after) = (
                shown_total(content, &key, before),
                shown_total(content, &key, after),
            );
            (key, before, after)
        })
        .collect();
    Ok(Outcome {
        charts: chart_count(content, charts),
        held_back,
        moved,
        ..outcome.with(diags, start)
    })
}

/// A total of the change report in the site's number format: `27 463`,
/// `7 700 000 €` (every digit, so that a small change shows).
fn shown_total(content: &content::Content, key: &str, v: u64) -> String {
    let lang = content.site.language;
    match content.metrics.index(key) {
        Some(i) => content.metrics.0[i].format_in(lang, v, crate::format::Scale::Units),
        None => crate::format::int(lang, v),
    }
}

/// The render options of `opts` at `now`.
pub fn render_options(opts: &BuildOptions, now: DateTime<Utc>) -> RenderOptions {
    RenderOptions {
        drafts: opts.drafts,
        now,
        base_url: opts.base_url.clone(),
    }
}

/// Totals that moved since the previous build: (key, before, after).
type Moved = Vec<(String, u64, u64)>;

/// Swaps the staged site in and says what changed since the last build,
/// with the cache entries the writer used.
fn commit(
    staging: Staging,
    rendered: &render::Rendered,
    totals: &BTreeMap<String, u64>,
    out_dir: &std::path::Path,
    save_state: &dyn Fn(&str) -> Result<()>,
) -> Result<(Outcome, Moved, Vec<String>)> {
    let summary =
        serde_json::to_string(totals).context("cannot record the totals of this build")?;
    let (stats, changes) = staging
        .commit(&rendered.paths, &summary, save_state)
        .with_context(|| format!("cannot write the site to {}", out_dir.display()))?;
    let moved = crate::aggregate::moved(changes.previous_summary.as_deref(), totals);
    let outcome = Outcome {
        written: Some(stats),
        files: rendered.paths.len(),
        leftovers: changes.leftovers,
        kept: changes.kept,
        unrecorded: changes.unrecorded,
        changed_pages: if changes.previous_summary.is_some() {
            changes.pages
        } else {
            Vec::new()
        },
        ..Outcome::empty(Diagnostics::default(), Instant::now())
    };
    Ok((outcome, moved, changes.entries))
}

/// Charts drawn: programme, map, regions, and one per territory with
/// projects when a metric is charted by project.
fn chart_count(content: &content::Content, charts: &charts::ChartSet) -> usize {
    let by_project = content
        .metrics
        .iter()
        .filter(|(_, m)| m.charts.contains(&crate::metrics::ChartKind::Project))
        .count();
    let with_projects = content
        .territories
        .iter()
        .filter(|t| !t.record.projects.is_empty())
        .count();
    charts.programme.len()
        + usize::from(charts.map.is_some())
        + charts.regions.values().map(Vec::len).sum::<usize>()
        + by_project * with_projects
}
