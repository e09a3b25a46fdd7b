//! bilan's stages below rendering: loading, validation, totals, charts,
//! the output writer, and the helpers they share. The `bilan` crate renders,
//! builds and serves on top of them, and re-exports every module here.
//!
//! One YAML record per territory and Markdown narratives go in; a static
//! report site comes out. The pipeline runs in stages over plain data:
//! [`content`] loads, [`validate`] checks, [`aggregate`] adds up, [`render`]
//! turns views into pages and [`output`] writes them atomically. [`build`]
//! runs the stages in order.
#![deny(missing_docs)]
// The one exception is `sys`, which documents its single unsafe call.
#![deny(unsafe_code)]

pub mod aggregate;
pub mod cache;
pub mod charts;
pub mod config;
pub mod content;
pub mod diag;
pub mod dsfr;
pub mod error;
pub mod feeds;
pub mod fingerprint;
pub mod format;
pub mod i18n;
pub mod imagesize;
pub mod import;
pub mod l10n;
pub mod links;
pub mod markdown;
pub mod metrics;
pub mod opendata;
pub mod output;
pub mod paths;
pub mod pdf;
pub mod presskit;
pub mod progress;
pub mod records;
pub mod routes;
mod sandbox;
pub mod scaffold;
pub mod search;
mod sys;
pub mod text;
pub mod theme;
pub mod typo;
pub mod url;
pub mod validate;
pub mod yaml;

/// `text` with the site's French typography, or as it is for English.
pub fn typo_or(content: &content::Content, text: &str) -> String {
    match content.site.typography() {
        Some(r) => typo::text(text, r).into_owned(),
        None => text.to_string(),
    }
}
