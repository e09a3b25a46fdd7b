//! Files that are not pages: theme and content static files, charts, open
//! data exports, the search index, and the kit bundle made from them.

use crate::error::Error;
use rayon::prelude::*;

use super::{kit, search, Ctx, Files, Sizes};
use crate::opendata;
use crate::output::Sink;
use crate::routes;

/// Files that are not pages: charts, open data, and the kit bundle made
/// from them (static files go out last, see [`super::statics`]).
pub(super) fn assets(ctx: &Ctx, sink: &dyn Sink) -> Result<(Files, Sizes), Error> {
    let mut files = Files::new();
    for c in &ctx.charts.programme {
        files.insert(routes::chart(&c.name, "svg"), c.svg.clone().into_bytes());
        if let Some(png) = &c.png {
            files.insert(routes::chart(&c.name, "png"), png.clone());
        }
    }
    if let Some(m) = &ctx.charts.map {
        let svg = m.file_svg.clone().into_bytes();
        files.insert(routes::chart(routes::MAP, "svg"), svg);
        files.insert(routes::chart(routes::MAP, "png"), m.png.clone());
    }
    let store = ctx.store.unwrap_or(&crate::cache::NoCache);
    if let Some(first) = ctx.charts.programme.first() {
        let card = crate::charts::card(first, store)
            .map_err(|e| Error::encode(routes::SOCIAL_CARD, format!("{e:#}")))?;
        files.insert(routes::SOCIAL_CARD.into(), card);
    }
    for c in ctx.charts.regions.values().flatten() {
        for (path, bytes) in crate::charts::chart_files(c.clone()) {
            files.insert(path, bytes);
        }
    }
    // The exports' spreadsheet encoder runs on one thread: the territory
    // charts, streamed out as they are drawn, fill the other cores. The
    // search index comes after, so that its documents and the exports'
    // tables are never in memory together (the peak of a large build).
    let started = std::time::Instant::now();
    let emit = |path: &str, payload: crate::charts::Payload| match payload {
        crate::charts::Payload::Bytes(bytes) => sink.put(path, bytes).map(|()| bytes.len() as u64),
        crate::charts::Payload::File(file) => sink.put_file(path, file),
    };
    let (exports, territory_files) = rayon::join(
        || exports(ctx, sink),
        || {
            crate::charts::territory_files(
                ctx.content,
                &ctx.labels,
                ctx.theme.palette,
                store,
                &emit,
            )
        },
    );
    crate::diag::log_time(started, "  of which exports and territory charts");
    let mut written = Sizes::new();
    written.extend(territory_files?);
    for (path, export) in exports? {
        match export {
            Export::Kept(bytes) => {
                files.insert(path, bytes);
            }
            Export::Written(size) => {
                written.insert(path, size);
            }
        }
    }
    let started = std::time::Instant::now();
    for (name, bytes) in crate::search::files(&search::docs(ctx)) {
        let path = routes::search_file(&name);
        sink.put(&path, &bytes).map_err(Error::Io)?;
        written.insert(path, bytes.len());
    }
    crate::diag::log_time(started, "  of which search index");
    let started = std::time::Instant::now();
    let pdfs = super::dossier::pdfs(ctx, &files)?;
    crate::diag::log_time(started, "  of which PDFs");
    files.extend(pdfs);
    let started = std::time::Instant::now();
    files.extend(super::regional::files(ctx)?);
    crate::diag::log_time(started, "  of which regional kits");
    let started = std::time::Instant::now();
    let bundle = kit::bundle(ctx, &files)
        .map_err(|e| Error::Io(anyhow::anyhow!("cannot build {}: {e}", routes::KIT_ZIP)))?;
    files.insert(routes::KIT_ZIP.into(), bundle);
    crate::diag::log_time(started, "  of which kit zip");
    Ok((files, written))
}

/// One export file: its bytes, which the kit bundle takes (CSV, XLSX), or
/// the size of what went to the sink at once (JSON).
enum Export {
    Kept(Vec<u8>),
    Written(usize),
}

/// The open data exports, every table in every format, encoded in parallel.
/// JSON goes to `sink` as soon as it is encoded, so that a large site does
/// not hold every encoding at once.
fn exports(ctx: &Ctx, sink: &dyn Sink) -> Result<Vec<(String, Export)>, Error> {
    let tables = opendata::tables(ctx.content, ctx.agg);
    let jobs: Vec<(&opendata::Table, routes::ExportFormat)> = tables
        .iter()
        .flat_map(|t| routes::EXPORT_FORMATS.map(|ext| (t, ext)))
        .collect();
    jobs.into_par_iter()
        .map(|(table, ext)| {
            let path = routes::export(table.name, ext);
            let bytes =
                opendata::encode(table, ext).map_err(|e| Error::encode(&path, format!("{e:#}")))?;
            // JSON goes out at once; the kit bundle takes the others.
            if ext == routes::ExportFormat::Json {
                sink.put(&path, &bytes).map_err(Error::Io)?;
                Ok((path, Export::Written(bytes.len())))
            } else {
                Ok((path, Export::Kept(bytes)))
            }
        })
        .collect()
}
