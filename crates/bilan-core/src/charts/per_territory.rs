//! Each territory's chart files (SVG and PNG card), written by the build
//! rather than kept in the model. An edit changes one territory's charts,
//! and the others are made from the same inputs as before: their files are
//! linked from the cache instead of drawn again (at 14,600 territories,
//! drawing every SVG took 2.9 s of each `serve` edit's writing).

use super::{bars, png_key, raster};
use crate::cache::{self, Store};
use crate::content::Content;
use crate::diag::Diagnostic;
use crate::i18n::Labels;
use crate::records::TerritoryFile;
use crate::theme::Palette;

/// A file's content, as bytes or as a file to link (a cached PNG).
pub enum Payload<'a> {
    /// These bytes.
    Bytes(&'a [u8]),
    /// The bytes of this file.
    File(&'a std::path::Path),
}

/// Where one territory's files go, and how.
type Emit<'a> = dyn Fn(&str, Payload) -> anyhow::Result<u64> + Sync + 'a;

/// Draws every territory's chart files in parallel and hands each to `emit`
/// at once, so a large site never holds them all. Returns each file's path
/// and size.
///
/// `shared` is the key of everything a territory's charts read besides its
/// own record (the site's settings, the palette, the binary), or `None` to
/// draw every chart. With it, a territory whose record is as it was when
/// its files were cached gets those files back; a PNG whose SVG has not
/// changed is handed over as its cached file either way, never read.
pub fn territory_files(
    content: &Content,
    t: &Labels,
    palette: Palette,
    store: &dyn Store,
    shared: Option<&str>,
    emit: &Emit,
) -> Result<Vec<(String, usize)>, crate::error::Error> {
    use rayon::prelude::*;
    let st = bars::Style::new(content, t, palette);
    let drew = std::sync::atomic::AtomicUsize::new(0);
    let per_territory: Vec<Vec<(String, usize)>> = content
        .territories
        .par_iter()
        .map(|f| {
            let key = shared.map(|s| territory_key(s, f));
            if let Some(done) = key.as_deref().and_then(|k| cached(store, k, emit)) {
                return done.map_err(crate::error::Error::Io);
            }
            drew.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            drawn(content, f, &st, store, key.as_deref(), emit)
        })
        .collect::<Result<_, crate::error::Error>>()?;
    let total = content.territories.len();
    crate::progress::count(
        "territories whose charts were drawn",
        drew.into_inner(),
        total,
    );
    Ok(per_territory.into_iter().flatten().collect())
}

/// The cache key of `f`'s charts: `shared` and its record file.
fn territory_key(shared: &str, f: &TerritoryFile) -> String {
    let mut h = cache::Fnv::new();
    h.part(b"territory charts");
    h.part(shared.as_bytes());
    crate::fingerprint::territory(f, &mut h);
    h.hex()
}

/// The list of a territory's files in the cache: a line per chart, with
/// its SVG's output path, its PNG's output path and their entries.
fn list_entry(key: &str) -> String {
    format!("{key}.list.txt")
}

/// An SVG's entry, named by its bytes: a chart drawn again the same finds
/// the very file it was, so the output's file stays as it was too (its
/// time changes only when its bytes do).
fn svg_entry(svg: &str) -> String {
    format!(
        "{}.svg",
        cache::hash(&[b"territory chart svg", svg.as_bytes()])
    )
}

/// The files cached under `key`, handed to `emit`; `None` when any of them
/// is missing, and the charts are drawn again.
fn cached(
    store: &dyn Store,
    key: &str,
    emit: &Emit,
) -> Option<anyhow::Result<Vec<(String, usize)>>> {
    let list = String::from_utf8(store.get(&list_entry(key))?).ok()?;
    let mut files = Vec::new();
    for line in list.lines() {
        let mut parts = line.split('\t');
        let (svg_file, png_file) = (parts.next()?, parts.next()?);
        let (svg, png) = (parts.next()?, parts.next()?);
        // Names read back are trusted no further than they must be: chart
        // files under `charts/` and entries of the cache, nothing that
        // reaches elsewhere.
        let entries = is_entry(svg, ".svg") && is_entry(png, ".png");
        if !(is_chart_path(svg_file) && is_chart_path(png_file) && entries) {
            return None;
        }
        files.push((svg_file, store.file(svg)?));
        files.push((png_file, store.file(png)?));
    }
    let emitted = files
        .into_iter()
        .map(|(path, file)| Ok((path.to_string(), emit(path, Payload::File(&file))? as usize)))
        .collect();
    Some(emitted)
}

fn is_chart_path(path: &str) -> bool {
    path.strip_prefix("charts/").is_some_and(|rest| {
        rest.split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
    })
}

fn is_entry(name: &str, ext: &str) -> bool {
    name.strip_suffix(ext)
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Draws `f`'s charts, hands their files to `emit` and, under `key`,
/// caches what [`cached`] finds next time.
fn drawn(
    content: &Content,
    f: &TerritoryFile,
    st: &bars::Style,
    store: &dyn Store,
    key: Option<&str>,
    emit: &Emit,
) -> Result<Vec<(String, usize)>, crate::error::Error> {
    let draw_error = |e: anyhow::Error| {
        crate::error::Error::one(Diagnostic::error(
            &f.path,
            crate::tr!("chart-territory-failed", error = e.to_string()),
        ))
    };
    let io = crate::error::Error::Io;
    let deferred = cache::Deferred(store);
    let charts = bars::territory(content, f, st, Some(&deferred)).map_err(draw_error)?;
    let mut done = Vec::new();
    // What `cached` finds next time; none if a file could not be cached.
    let mut list = key.map(|_| String::new());
    for c in charts {
        // Linked from the cache when it keeps it, as the next build will:
        // the same file either way, so a rebuild rewrites none.
        let svg = svg_entry(&c.svg);
        let linked = key.and_then(|_| {
            store
                .file(&svg)
                .or_else(|| put(store, &svg, c.svg.as_bytes()))
        });
        let size = match linked {
            Some(cached) => emit(&c.svg_file, Payload::File(&cached)),
            None => {
                list = None;
                emit(&c.svg_file, Payload::Bytes(c.svg.as_bytes()))
            }
        }
        .map_err(io)?;
        done.push((c.svg_file.clone(), size as usize));
        let png = png_key(&c.svg, raster::CARD);
        let size = match store.file(&png) {
            Some(cached) => emit(&c.png_file, Payload::File(&cached)),
            None => {
                let bytes = raster::png(&c.svg, raster::CARD).map_err(draw_error)?;
                match put(store, &png, &bytes) {
                    Some(cached) => emit(&c.png_file, Payload::File(&cached)),
                    None => {
                        list = None;
                        emit(&c.png_file, Payload::Bytes(&bytes))
                    }
                }
            }
        }
        .map_err(io)?;
        done.push((c.png_file.clone(), size as usize));
        if let Some(list) = list.as_mut() {
            list.push_str(&format!("{}\t{}\t{svg}\t{png}\n", c.svg_file, c.png_file));
        }
    }
    // The list last: an interrupted build leaves no list naming a missing
    // file (and a file missing anyway means drawing again).
    if let (Some(key), Some(list)) = (key, list) {
        store.put(&list_entry(key), list.as_bytes());
    }
    Ok(done)
}

/// `entry`'s file once `bytes` are stored under it, when the store keeps
/// files: what the output links, from the first build on, so the next
/// build finds the very same file.
fn put(store: &dyn Store, entry: &str, bytes: &[u8]) -> Option<std::path::PathBuf> {
    store.put(entry, bytes);
    store.file(entry)
}

#[cfg(test)]
mod tests {
    /// A list in the cache naming a file outside `charts/`, or an entry
    /// outside the cache, is not followed: the charts are drawn again.
    #[test]
    fn names_read_back_stay_in_charts_and_in_the_cache() {
        use super::{is_chart_path, is_entry};
        assert!(is_chart_path("charts/territoire-bay.svg"));
        for bad in [
            "../x.svg",
            "charts/../x.svg",
            "/etc/passwd",
            "charts//x",
            "x.svg",
        ] {
            assert!(!is_chart_path(bad), "{bad}");
        }
        assert!(is_entry("0123456789abcdef.png", ".png"));
        for bad in ["../0123456789abcdef.png", "0123456789abcdef.svg", "x.png"] {
            assert!(!is_entry(bad, ".png"), "{bad}");
        }
    }
}
