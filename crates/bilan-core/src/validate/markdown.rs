//! Markdown checks: dangerous links and raw HTML, in pages and in the texts
//! of site.yaml and kit.yaml, placed at their line and column.

use crate::content::Content;
use crate::diag::{key_line, Diagnostic, Diagnostics};
use crate::markdown::Finding;
use crate::tr;

/// Raw HTML (left out unless the site allows it) and script or data URLs
/// (never published) in every Markdown text, at their line and column.
pub(super) fn check_markdown(content: &Content, d: &mut Diagnostics) {
    use rayon::prelude::*;
    let raw_allowed = content.site.markdown.raw_html;
    let pages: Vec<&crate::records::Page> = content
        .narratives
        .iter()
        .chain(content.press.iter())
        .collect();
    let found: Vec<Diagnostics> = pages
        .par_iter()
        .map(|page| {
            let mut d = Diagnostics::default();
            let first_line = page.body_line();
            let index = crate::diag::LineIndex::new(&page.body);
            let place = |offset: usize| {
                let (line, col) = index.locate(offset);
                (first_line + line - 1, col)
            };
            report_markdown(&page.body, &page.path, &place, raw_allowed, &mut d);
            if let Some((offset, c)) = crate::url::xml_forbidden(&page.body) {
                let (line, col) = place(offset);
                d.push(
                    Diagnostic::error(
                        &page.path,
                        tr!("forbidden-char", code = format!("U+{:04X}", c as u32)),
                    )
                    .at(line, col)
                    .hint(tr!("forbidden-char-hint")),
                );
            }
            d
        })
        .collect();
    for f in found {
        d.extend(f);
    }
    let site = &content.site;
    let in_yaml: [(&str, Option<&String>); 3] = [
        ("notes:", site.programme.notes.as_ref()),
        ("results:", site.accessibility.results.as_ref()),
        ("exceptions:", site.accessibility.exceptions.as_ref()),
    ];
    for (key, text) in in_yaml {
        let line = key_line(&content.site_source, key);
        if let Some(text) = text {
            let path = std::path::Path::new("content/site.yaml");
            report_markdown(text, path, &|_| (line, 1), raw_allowed, d);
        }
    }
    if let Some(text) = content.kit.as_ref().and_then(|k| k.presentation.as_ref()) {
        let path = std::path::Path::new("content/press/kit.yaml");
        report_markdown(text, path, &|_| (1, 1), raw_allowed, d);
    }
}

/// Reports what [`crate::markdown::scan`] finds in `text`, placed by `place`
/// (byte offset → line, column); at most three raw-HTML warnings per text.
fn report_markdown(
    text: &str,
    path: &std::path::Path,
    place: &dyn Fn(usize) -> (usize, usize),
    raw_allowed: bool,
    d: &mut Diagnostics,
) {
    let mut raw = 0;
    for finding in crate::markdown::scan(text) {
        match finding {
            Finding::DangerousUrl(offset, url) => {
                let (line, col) = place(offset);
                d.push(
                    Diagnostic::error(path, tr!("dangerous-link", url = url))
                        .at(line, col)
                        .hint(tr!("dangerous-link-hint")),
                );
            }
            Finding::RawHtml(offset, html) if !raw_allowed => {
                raw += 1;
                if raw <= 3 {
                    let (line, col) = place(offset);
                    d.push(
                        Diagnostic::warning(path, tr!("raw-html", html = html))
                            .at(line, col)
                            .hint(tr!("raw-html-hint")),
                    );
                }
            }
            Finding::RawHtml(..) => {}
            Finding::DroppedAttribute(offset, attribute) => {
                let (line, col) = place(offset);
                d.push(
                    Diagnostic::warning(path, tr!("heading-attribute", attribute = attribute))
                        .at(line, col)
                        .hint(tr!("heading-attribute-hint")),
                );
            }
        }
    }
    if raw > 3 {
        d.push(Diagnostic::warning(
            path,
            tr!("raw-html-more", count = raw - 3),
        ));
    }
}
