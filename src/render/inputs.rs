//! The key of everything the renderers read ([`super::Report`]): the
//! content and theme as loaded ([`crate::fingerprint`]), the options,
//! "today" as far as any file shows it, and the bilan binary. Charts come
//! from the content, and their PNGs, which a build leaves out of the model,
//! are drawn by the renderers that write them. A rebuild with the same key
//! keeps the renderers' files as they are (see `renderers::render_or_keep`).

use chrono::{DateTime, Utc};

use crate::cache::Fnv;
use crate::content::Content;
use crate::theme::Theme;

use super::RenderOptions;

/// The inputs key of a build of `content` with `theme`.
pub(super) fn key(
    content: &Content,
    theme: &Theme,
    opts: &RenderOptions,
    base_url: &str,
) -> String {
    let mut h = Fnv::new();
    h.part(crate::cache::binary().as_bytes());
    crate::fingerprint::content(content, &mut h);
    crate::fingerprint::theme(theme, &mut h);
    let RenderOptions {
        drafts,
        now,
        base_url: _, // resolved into `base_url`
    } = opts;
    h.part(&[u8::from(*drafts)]);
    h.part(base_url.as_bytes());
    today(content, *now, &mut h);
    h.hex()
}

/// What every territory's charts read besides the territory's own record
/// ([`crate::charts::territory_files`]): the site's settings (its metrics,
/// language and source line come from `site.yaml`), the theme (its
/// palette) and the binary.
pub(super) fn territory_charts(content: &Content, theme: &Theme) -> String {
    let mut h = Fnv::new();
    h.part(crate::cache::binary().as_bytes());
    h.part(content.site_source.as_bytes());
    crate::fingerprint::theme(theme, &mut h);
    h.hex()
}

/// "Today" as files show it: its date (PDFs, kits, the feed and the pages'
/// "generated on" print it) and which embargoes have passed (what is
/// published, and what is announced).
fn today(content: &Content, now: DateTime<Utc>, h: &mut Fnv) {
    h.part(now.date_naive().to_string().as_bytes());
    let passed = content
        .narratives
        .iter()
        .chain(content.press.iter())
        .filter_map(|p| p.embargo)
        .map(|t| if t <= now { b'1' } else { b'0' });
    h.part(&passed.collect::<Vec<u8>>());
}
