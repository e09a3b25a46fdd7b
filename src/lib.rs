//! bilan: a static-site generator for programme reporting.
//!
//! One YAML record per territory and Markdown narratives go in; a static
//! report site comes out. The pipeline runs in stages over plain data:
//! [`content`] loads, [`validate`] checks, [`aggregate`] adds up, [`render`]
//! turns views into pages and [`output`] writes them atomically. [`build`]
//! runs the stages in order.
#![deny(missing_docs)]
// bilan-core's `sys` is the one module allowed an unsafe call.
#![deny(unsafe_code)]

pub use bilan_core::tr;
pub use bilan_core::{
    aggregate, cache, charts, config, content, diag, dsfr, error, feeds, fingerprint, format, i18n,
    imagesize, import, l10n, links, markdown, metrics, opendata, output, paths, pdf, presskit,
    progress, records, routes, scaffold, search, text, theme, typo, typo_or, url, validate, yaml,
};
pub mod build;
pub mod render;
pub mod serve;

pub use build::{build, check, BuildOptions, Outcome};
