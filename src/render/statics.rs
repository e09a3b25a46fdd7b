//! Static files (the theme's, then the site's `content/static/`) go out
//! after every generated file, through a sink that recorded each generated
//! path where it was made. A static file over any generated path (a page,
//! a chart, a card, a PDF, a regional kit, a search file) is an error
//! naming it: it never silently replaces the generated file, and never
//! reaches the writer's refusal as an I/O failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Result;

use super::{Error, Report};
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::{Kept, Sink};

/// Every static file by output path, with where it comes from: the site's
/// own file replaces the theme's of the same name, as in Hugo and Zola.
pub(super) fn by_path<'a>(ctx: &Report<'a>) -> BTreeMap<&'a str, (PathBuf, &'a [u8])> {
    let mut out = BTreeMap::new();
    let theme = ctx.theme.statics.iter().map(|f| {
        (
            f.rel.as_str(),
            (
                Path::new("themes")
                    .join(&ctx.content.site.theme)
                    .join("static")
                    .join(&f.rel),
                f.bytes.as_slice(),
            ),
        )
    });
    let site = ctx.content.statics.iter().map(|f| {
        (
            f.rel.as_str(),
            (Path::new("content/static").join(&f.rel), f.bytes.as_slice()),
        )
    });
    out.extend(theme.chain(site));
    out
}

/// The registry of generated paths: the sink every renderer writes
/// through, which records each path under the renderer that made it.
pub(super) struct Recording<'a> {
    inner: &'a dyn Sink,
    paths: Mutex<BTreeMap<String, &'static str>>,
}

impl<'a> Recording<'a> {
    pub(super) fn new(inner: &'a dyn Sink) -> Recording<'a> {
        Recording {
            inner,
            paths: Mutex::new(BTreeMap::new()),
        }
    }

    /// The sink of the renderer `name`.
    pub(super) fn by(&self, name: &'static str) -> Registering<'_> {
        Registering {
            registry: self,
            name,
            key: None,
            made: Mutex::new(Vec::new()),
        }
    }

    /// The sink of the renderer `name` making its files from the inputs
    /// `key`: each file is remembered under it, for the next build.
    pub(super) fn keyed(&self, name: &'static str, key: String) -> Registering<'_> {
        Registering {
            registry: self,
            name,
            key: Some(key),
            made: Mutex::new(Vec::new()),
        }
    }

    /// Registers `rel` as made by `name`; a path two renderers make is a
    /// bug in bilan, said with both names before either file is written.
    fn record(&self, rel: &str, name: &'static str) -> Result<()> {
        let mut paths = self.paths.lock().unwrap_or_else(|e| e.into_inner());
        match paths.insert(rel.to_string(), name) {
            Some(first) => anyhow::bail!("`{rel}` is made twice, by the {first} and by the {name}"),
            None => Ok(()),
        }
    }

    /// Writes the static files that no generated file has taken; the others
    /// are errors at their source.
    pub(super) fn put_statics(
        &self,
        statics: &BTreeMap<&str, (PathBuf, &[u8])>,
    ) -> Result<(), Error> {
        let generated = self.paths.lock().unwrap_or_else(|e| e.into_inner());
        let mut diags = Diagnostics::default();
        for (rel, (source, bytes)) in statics {
            if generated.contains_key(*rel) {
                diags.push(
                    Diagnostic::error(
                        source,
                        bilan_core::tr!("static-replaces-generated", file = *rel),
                    )
                    .hint(bilan_core::tr!("static-replaces-hint")),
                );
            } else {
                self.inner.put(rel, bytes).map_err(Error::Io)?;
            }
        }
        if diags.has_errors() {
            return Err(Error::Content(diags));
        }
        Ok(())
    }
}

/// One renderer's sink: registers each path, then hands it on.
pub(super) struct Registering<'a> {
    registry: &'a Recording<'a>,
    name: &'static str,
    /// The inputs key of all its files, when they are kept as a whole.
    key: Option<String>,
    /// The files it made, when keyed.
    made: Mutex<Vec<String>>,
}

impl Registering<'_> {
    /// The previous build's files of this renderer, kept as they were when
    /// made from the same inputs; registered like written ones.
    pub(super) fn keep_previous(&self) -> Result<Option<Vec<Kept>>> {
        let Some(key) = &self.key else {
            return Ok(None);
        };
        let Some(kept) = self.registry.inner.reuse_group(self.name, key) else {
            return Ok(None);
        };
        for (rel, _) in &kept {
            self.registry.record(rel, self.name)?;
        }
        Ok(Some(kept))
    }

    /// Records that every file was made, so that the next build may keep
    /// them.
    pub(super) fn finish(self) {
        if let Some(key) = &self.key {
            let made = self.made.into_inner().unwrap_or_else(|e| e.into_inner());
            self.registry.inner.remember_group(self.name, key, made);
        }
    }

    fn remember_made(&self, rel: &str) {
        if self.key.is_some() {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            made.push(rel.to_string());
        }
    }
}

impl Sink for Registering<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.registry.record(rel, self.name)?;
        self.registry.inner.put(rel, bytes)?;
        self.remember_made(rel);
        Ok(())
    }

    fn put_file(&self, rel: &str, from: &Path) -> Result<u64> {
        self.registry.record(rel, self.name)?;
        let size = self.registry.inner.put_file(rel, from)?;
        self.remember_made(rel);
        Ok(size)
    }

    fn reuse(&self, rel: &str, key: &str) -> bool {
        // A reused page is registered like a written one. One whose path
        // another renderer took is rendered instead, so that its write
        // fails with both names.
        let kept =
            self.registry.inner.reuse(rel, key) && self.registry.record(rel, self.name).is_ok();
        if kept {
            self.remember_made(rel);
        }
        kept
    }

    fn remember(&self, rel: &str, key: &str) {
        self.registry.inner.remember(rel, key);
    }

    fn previous_paths(&self) -> Option<&str> {
        self.registry.inner.previous_paths()
    }

    fn read_back(&self, rel: &str) -> Option<Vec<u8>> {
        self.registry.inner.read_back(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_two_renderers_make_is_an_error_naming_both() {
        let registry = Recording::new(&crate::output::Discard);
        registry.by("charts").put("charts/a.png", b"1").unwrap();
        registry.by("charts").put("charts/b.png", b"2").unwrap();
        let err = registry
            .by("exports")
            .put("charts/a.png", b"3")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "`charts/a.png` is made twice, by the charts and by the exports"
        );
    }
}
