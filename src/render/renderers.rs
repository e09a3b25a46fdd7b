//! Every output is a renderer of the report model (mdBook's `Renderer`):
//! charts, cards, exports, the search index, the PDFs, the regional kits,
//! the kit bundle, the pages in the site's theme with the feeds. Each reads
//! the [`Report`] and what the renderers before it made, and hands its
//! files to the sink, which registers every path under the renderer's name
//! (see [`super::statics`]). A renderer whose inputs are the previous
//! build's keeps its files instead of making them ([`render_or_keep`]).
//! Adding an output is one renderer and one line in [`STAGES`].

use rayon::prelude::*;

use super::html::PagesDone;
use super::{kit, search, Error, Files, Report, Sizes};
use crate::opendata;
use crate::output::Sink;
use crate::routes;

/// What renderers made for the ones after them.
#[derive(Default)]
pub(super) struct Made {
    /// Files a later renderer bundles (charts, exports, PDFs), by path.
    pub(super) kept: Files,
    /// The size of every file made, for the pages that list downloads.
    pub(super) sizes: Sizes,
    /// What rendering the pages found (links, dates), for the feeds and
    /// the link check.
    pub(super) pages: PagesDone,
    /// How many renderers kept their previous files.
    pub(super) kept_whole: usize,
    /// Files a later renderer bundles that were kept, not made: their
    /// bytes are read back when needed.
    pub(super) unread: Vec<String>,
}

impl Made {
    pub(super) fn absorb(&mut self, other: Made) {
        self.kept.extend(other.kept);
        self.sizes.extend(other.sizes);
        self.kept_whole += other.kept_whole;
        self.unread.extend(other.unread);
        let p = other.pages;
        self.pages.dated.extend(p.dated);
        self.pages.broken.extend(p.broken);
        self.pages.ids.extend(p.ids);
        self.pages.anchors.extend(p.anchors);
        self.pages.external.extend(p.external);
    }

    /// Puts `path` into `sink`, and keeps it for later renderers.
    fn keep(&mut self, sink: &dyn Sink, path: String, bytes: Vec<u8>) -> Result<(), Error> {
        sink.put(&path, &bytes).map_err(Error::Io)?;
        self.sizes.insert(path.clone(), bytes.len());
        self.kept.insert(path, bytes);
        Ok(())
    }

    /// Puts `path` into `sink`; only its size is kept.
    fn put(&mut self, sink: &dyn Sink, path: String, bytes: &[u8]) -> Result<(), Error> {
        sink.put(&path, bytes).map_err(Error::Io)?;
        self.sizes.insert(path, bytes.len());
        Ok(())
    }
}

/// One kind of output, made from the report model.
pub(super) trait Renderer: Sync {
    /// Its name, in timings (`BILAN_LOG=time`) and collision errors.
    fn name(&self) -> &'static str;
    /// Makes its files into `sink`, from `report` and what the renderers
    /// of earlier stages made (`before`).
    fn render(&self, report: &Report, before: &Made, sink: &dyn Sink) -> Result<Made, Error>;
    /// True when later renderers bundle its files (they need the bytes).
    fn bundled(&self) -> bool {
        false
    }
    /// True when what it made raised no warning, so a rebuild may keep its
    /// files without losing one (the pages' broken links).
    fn quiet(&self, _made: &Made) -> bool {
        true
    }
}

/// The renderers of the files that are not pages, stage by stage; the
/// renderers of one stage run in parallel. Exports (encoded on one thread)
/// run beside the territory charts, which fill the other cores; the search
/// index comes after, so that its documents and the exports' tables are
/// never in memory together (the peak of a large build).
pub(super) const STAGES: &[&[&dyn Renderer]] = &[
    &[&Charts, &Exports, &TerritoryCharts, &super::cards::Cards],
    &[&SearchIndex],
    &[&Pdfs, &RegionalKits],
    &[&KitBundle],
];

/// Runs `renderers` in parallel, each through a sink that registers its
/// paths under its name.
pub(super) fn run_stage(
    report: &Report,
    renderers: &[&dyn Renderer],
    before: &Made,
    sink: &super::statics::Recording,
) -> Result<Made, Error> {
    let made: Vec<Result<Made, Error>> = renderers
        .par_iter()
        .map(|r| {
            let started = std::time::Instant::now();
            let (out, kept) = render_or_keep(report, *r, before, sink);
            let how = if kept { "kept" } else { "of which" };
            crate::diag::log_time(started, &format!("  {how} {}", r.name()));
            out
        })
        .collect();
    let mut all = Made::default();
    for m in made {
        all.absorb(m?);
    }
    Ok(all)
}

/// Runs `r`, or keeps all its previous files when they were made from the
/// same inputs ([`Report::inputs`]); true when kept.
fn render_or_keep(
    report: &Report,
    r: &dyn Renderer,
    before: &Made,
    sink: &super::statics::Recording,
) -> (Result<Made, Error>, bool) {
    let key = report
        .inputs
        .as_deref()
        .map(|inputs| crate::cache::hash(&[inputs.as_bytes(), r.name().as_bytes()]));
    let Some(key) = key else {
        return (r.render(report, before, &sink.by(r.name())), false);
    };
    let sink = sink.keyed(r.name(), key);
    match sink.keep_previous() {
        Err(e) => (Err(Error::Io(e)), false),
        Ok(Some(files)) => {
            let mut made = Made {
                kept_whole: 1,
                ..Made::default()
            };
            for (path, size) in files {
                if r.bundled() {
                    made.unread.push(path.clone());
                }
                made.sizes.insert(path, size as usize);
            }
            (Ok(made), true)
        }
        Ok(None) => {
            let out = r.render(report, before, &sink);
            if out.as_ref().is_ok_and(|made| r.quiet(made)) {
                sink.finish();
            }
            (out, false)
        }
    }
}

/// The programme's charts, the map and the region charts.
struct Charts;

impl Renderer for Charts {
    fn name(&self) -> &'static str {
        "charts"
    }

    fn bundled(&self) -> bool {
        true
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let mut made = Made::default();
        let charts = report.charts;
        let store = report.store.unwrap_or(&crate::cache::NoCache);
        for c in &charts.programme {
            let c = crate::charts::programme_filled(c, store).map_err(Error::one)?;
            made.keep(sink, routes::chart(&c.name, "svg"), c.svg.clone().into())?;
            if let Some(png) = &c.png {
                made.keep(sink, routes::chart(&c.name, "png"), png.clone())?;
            }
        }
        if let Some(m) = &charts.map {
            made.keep(
                sink,
                routes::chart(routes::MAP, "svg"),
                m.file_svg.clone().into(),
            )?;
            made.keep(sink, routes::chart(routes::MAP, "png"), m.png.clone())?;
            let shown = m.coloured.as_ref().map_or(&m.svg, |c| &c.svg);
            made.keep(
                sink,
                m.picture_file.clone(),
                crate::charts::map::picture(shown).into(),
            )?;
        }
        for c in charts.regions.values().flatten() {
            let c = crate::charts::region_filled(c, store).map_err(Error::one)?;
            for (path, bytes) in crate::charts::chart_files(c) {
                made.put(sink, path, &bytes)?;
            }
        }
        favicon(report, &mut made, sink)?;
        Ok(made)
    }
}

/// The site's icon from its initials, unless site.yaml names one or a
/// static file of the same path brings its own. A `theme: dsfr` site
/// shows the State's icon, which its pages link from the DSFR package:
/// initials there would be off-brand.
fn favicon(report: &Report, made: &mut Made, sink: &dyn Sink) -> Result<(), Error> {
    use crate::charts::favicon;
    let site = &report.content.site;
    if site.favicon.is_some() || site.theme == "dsfr" {
        return Ok(());
    }
    let brought = |path: &str| {
        let theme = report.theme.statics.iter().any(|f| f.rel == path);
        theme || report.content.statics.iter().any(|f| f.rel == path)
    };
    let svg = favicon::svg(&favicon::initials(&site.title), &report.theme.palette);
    if !brought(routes::FAVICON_ICO) {
        let ico =
            favicon::ico(&svg).map_err(|e| Error::encode(routes::FAVICON_ICO, format!("{e:#}")))?;
        made.keep(sink, routes::FAVICON_ICO.to_string(), ico)?;
    }
    if !brought(routes::FAVICON_SVG) {
        made.keep(sink, routes::FAVICON_SVG.to_string(), svg.into())?;
    }
    Ok(())
}

/// Each territory's charts, streamed out as they are drawn (a cached PNG
/// is linked, never read).
struct TerritoryCharts;

impl Renderer for TerritoryCharts {
    fn name(&self) -> &'static str {
        "territory charts"
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let emit = |path: &str, payload: crate::charts::Payload| match payload {
            crate::charts::Payload::Bytes(bytes) => {
                sink.put(path, bytes).map(|()| bytes.len() as u64)
            }
            crate::charts::Payload::File(file) => sink.put_file(path, file),
        };
        let store = report.store.unwrap_or(&crate::cache::NoCache);
        let shared = super::inputs::territory_charts(report.content, report.theme);
        let sizes = crate::charts::territory_files(
            report.content,
            &report.labels,
            report.theme.palette,
            store,
            Some(&shared),
            &emit,
        )?;
        Ok(Made {
            sizes: sizes.into_iter().collect(),
            ..Made::default()
        })
    }
}

/// One export: its path, its format and its bytes.
type Encoded = (String, routes::ExportFormat, Vec<u8>);

/// The open data exports, every table in every format. JSON only goes to
/// the sink; the kit bundle takes the others.
struct Exports;

impl Renderer for Exports {
    fn name(&self) -> &'static str {
        "exports"
    }

    fn bundled(&self) -> bool {
        true
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let tables = opendata::tables(report.content, report.agg);
        let jobs: Vec<(&opendata::Table, routes::ExportFormat)> = tables
            .iter()
            .flat_map(|t| routes::EXPORT_FORMATS.map(|ext| (t, ext)))
            .collect();
        let encoded: Vec<Result<Encoded, Error>> = jobs
            .into_par_iter()
            .map(|(table, ext)| {
                let path = routes::export(table.name, ext);
                opendata::encode(table, ext)
                    .map(|bytes| (path.clone(), ext, bytes))
                    .map_err(|e| Error::encode(&path, format!("{e:#}")))
            })
            .collect();
        let mut made = Made::default();
        for e in encoded {
            let (path, ext, bytes) = e?;
            if ext == routes::ExportFormat::Json {
                made.put(sink, path, &bytes)?;
            } else {
                made.keep(sink, path, bytes)?;
            }
        }
        Ok(made)
    }
}

/// The search index's files.
struct SearchIndex;

impl Renderer for SearchIndex {
    fn name(&self) -> &'static str {
        "search index"
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let mut made = Made::default();
        for (name, bytes) in crate::search::files(&search::docs(report)) {
            made.put(sink, routes::search_file(&name), &bytes)?;
        }
        Ok(made)
    }
}

/// The dossier de presse and each release's PDF.
struct Pdfs;

impl Renderer for Pdfs {
    fn name(&self) -> &'static str {
        "PDFs"
    }

    fn bundled(&self) -> bool {
        true
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let mut made = Made::default();
        for (path, bytes) in super::dossier::pdfs(report)? {
            made.keep(sink, path, bytes)?;
        }
        Ok(made)
    }
}

/// Each region's map, PDF and zip.
struct RegionalKits;

impl Renderer for RegionalKits {
    fn name(&self) -> &'static str {
        "regional kits"
    }

    fn render(&self, report: &Report, _: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        let mut made = Made::default();
        for (path, bytes) in super::regional::files(report)? {
            made.put(sink, path, &bytes)?;
        }
        Ok(made)
    }
}

/// The kit's zip, from the files the other renderers kept.
struct KitBundle;

impl Renderer for KitBundle {
    fn name(&self) -> &'static str {
        "kit zip"
    }

    fn render(&self, report: &Report, before: &Made, sink: &dyn Sink) -> Result<Made, Error> {
        // Files kept from the last build (this zip was not, or it would
        // have been kept too) are read back; a rare case, so copied.
        let merged;
        let files = if before.unread.is_empty() {
            &before.kept
        } else {
            let mut all = before.kept.clone();
            for path in &before.unread {
                let bytes = sink.read_back(path).ok_or_else(|| {
                    Error::Io(anyhow::anyhow!(
                        "cannot read back {path} for {}",
                        routes::KIT_ZIP
                    ))
                })?;
                all.insert(path.clone(), bytes);
            }
            merged = all;
            &merged
        };
        let bundle = kit::bundle(report, files)
            .map_err(|e| Error::Io(anyhow::anyhow!("cannot build {}: {e}", routes::KIT_ZIP)))?;
        let mut made = Made::default();
        made.put(sink, routes::KIT_ZIP.into(), &bundle)?;
        Ok(made)
    }
}
