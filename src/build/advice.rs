//! What a build tells the user beside its errors: a missing public
//! address, the releases it holds back, the links that lead nowhere.

use std::path::PathBuf;

use super::HeldBack;
use crate::content;
use crate::diag::{Diagnostic, Diagnostics};
use crate::render;
use crate::tr;

/// A published site needs its address: with a relative base URL, the
/// sitemap's `<loc>`, the feed's links and `og:image` are relative, which
/// their standards forbid. Said once per build, with the fix.
pub(super) fn check_base_url(
    content: &content::Content,
    cli: Option<&str>,
    diags: &mut Diagnostics,
) {
    let base = cli.unwrap_or(&content.site.base_url);
    if base.starts_with("http://") || base.starts_with("https://") {
        return;
    }
    let line = crate::diag::key_line(&content.site_source, "base_url:");
    diags.push(
        Diagnostic::warning("content/site.yaml", tr!("base-url-relative", base = base))
            .at(line.max(1), 1)
            .hint(tr!("base-url-relative-hint")),
    );
}

/// Releases under embargo at `now`, and drafts: a static site publishes a
/// release only when rebuilt after its embargo, so the build says which
/// ones wait, and until when.
pub(super) fn held_back(
    content: &content::Content,
    now: chrono::DateTime<chrono::Utc>,
    shown: bool,
) -> Vec<HeldBack> {
    content
        .press
        .iter()
        .filter_map(|p| {
            let embargo = match p.embargo {
                Some(t) if t > now => Some(t.to_rfc3339()),
                _ if p.meta.draft => None,
                _ => return None,
            };
            Some(HeldBack {
                path: p.path.clone(),
                embargo,
                shown,
            })
        })
        .collect()
}

/// Broken links: warnings for `build`, errors for `check`; at the line and
/// column of the page's source that writes them, when it is Markdown.
pub(super) fn link_diagnostics(
    rendered: &render::Rendered,
    content: &content::Content,
    write: bool,
) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for (broken, source) in &rendered.broken_links {
        let message = tr!("broken-link", target = &broken.target, page = &broken.page);
        let file = source
            .clone()
            .unwrap_or_else(|| PathBuf::from(&broken.page));
        let at = content
            .narratives
            .iter()
            .chain(content.press.iter())
            .find(|p| p.path == file)
            .and_then(|p| p.link_at(&broken.target));
        let d = if write {
            Diagnostic::warning(file, message)
        } else {
            Diagnostic::error(file, message)
        };
        diags.push(match at {
            Some((line, col)) => d.at(line, col),
            None => d,
        });
    }
    diags
}
