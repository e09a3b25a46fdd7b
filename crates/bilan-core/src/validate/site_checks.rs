//! Checks of what a public site must say and offer: the legal notice, an
//! honest accessibility status, the kit's photos, the map's metric.

use crate::content::Content;
use crate::diag::{closest, key_line, line_containing, Diagnostic, Diagnostics};
use crate::tr;

/// The mentions légales and the accessibility statement: what French law
/// asks of a public site, and no more conformity than an audit shows.
pub(super) fn check_legal(content: &Content, d: &mut Diagnostics) {
    let site = &content.site;
    let path = "content/site.yaml";
    let legal = site.legal.clone().unwrap_or_default();
    let missing: Vec<&str> = [
        ("publisher", &legal.publisher),
        ("director", &legal.director),
        ("host", &legal.host),
        ("contact", &legal.contact),
    ]
    .into_iter()
    .filter(|(_, v)| v.as_deref().is_none_or(|v| v.trim().is_empty()))
    .map(|(k, _)| k)
    .collect();
    // A State site (DSFR) must have its legal notice; elsewhere, a `legal:`
    // block that was started must be finished.
    let expected = site.legal.is_some() || site.theme == "dsfr";
    if expected && !missing.is_empty() {
        let line = if site.legal.is_some() {
            key_line(&content.site_source, "legal:")
        } else {
            1
        };
        d.push(
            Diagnostic::warning(
                path,
                tr!(
                    "legal-missing",
                    fields = missing
                        .iter()
                        .map(|k| format!("`legal.{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .at(line, 1)
            .hint(tr!("legal-missing-hint")),
        );
    }
    let a = &site.accessibility;
    if a.status != a.effective_status() {
        d.push(
            Diagnostic::warning(path, tr!("accessibility-no-audit"))
                .at(key_line(&content.site_source, "status:"), 1)
                .hint(tr!("accessibility-no-audit-hint")),
        );
    }
}

/// Every photo of the kit is a JPEG or PNG file of `content/static`, with
/// its text alternative.
pub(super) fn check_photos(content: &Content, d: &mut Diagnostics) {
    let Some(kit) = &content.kit else { return };
    let path = "content/press/kit.yaml";
    for p in &kit.photos {
        let line = line_containing(&content.kit_source, &p.file);
        let file = content.statics.iter().find(|s| s.rel == p.file);
        let found = file.is_some();
        let lower = p.file.to_lowercase();
        let image = [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e));
        if let Some(f) = file.filter(|_| image) {
            check_photo_size(&p.file, &f.bytes, line, d);
        }
        if !found {
            d.push(
                Diagnostic::error(path, tr!("photo-missing", file = &p.file))
                    .at(line, 1)
                    .hint(tr!("photo-missing-hint")),
            );
        } else if !image {
            d.push(
                Diagnostic::error(path, tr!("photo-not-image", file = &p.file))
                    .at(line, 1)
                    .hint(tr!("photo-not-image-hint")),
            );
        }
        if p.alt.trim().is_empty() {
            d.push(
                Diagnostic::error(path, tr!("photo-no-alt", file = &p.file))
                    .at(line, 1)
                    .hint(tr!("photo-no-alt-hint")),
            );
        }
    }
}

/// Every region of `regions:` in kit.yaml is a region of site.yaml.
pub(super) fn check_kit_regions(content: &Content, d: &mut Diagnostics) {
    let Some(kit) = &content.kit else { return };
    for code in kit.regions.keys() {
        if content.site.region(code).is_some() {
            continue;
        }
        let codes: Vec<&str> = content
            .site
            .regions
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        d.push(
            Diagnostic::error(
                "content/press/kit.yaml",
                tr!("kit-region-unknown", code = code),
            )
            .at(kit_region_line(&content.kit_source, code), 1)
            .hint(tr!("kit-region-unknown-hint", codes = codes.join(", "))),
        );
    }
}

/// The line of `code:` under `regions:`, quoted or not.
fn kit_region_line(source: &str, code: &str) -> usize {
    let quoted = [
        format!("\"{code}\":"),
        format!("'{code}':"),
        format!("{code}:"),
    ];
    quoted
        .iter()
        .find(|q| source.contains(q.as_str()))
        .map_or(1, |q| line_containing(source, q))
}

/// A photo's size, read from its header before any decoding: a small file
/// that declares a huge picture (a decompression bomb) is refused.
fn check_photo_size(file: &str, bytes: &[u8], line: usize, d: &mut Diagnostics) {
    let path = "content/press/kit.yaml";
    let max = crate::imagesize::MAX_PIXELS;
    match crate::imagesize::dimensions(bytes) {
        Some((w, h)) if u64::from(w) * u64::from(h) > max || w == 0 || h == 0 => d.push(
            Diagnostic::error(
                path,
                tr!(
                    "photo-too-large",
                    file = file,
                    width = w,
                    height = h,
                    megapixels = max / 1_000_000
                ),
            )
            .at(line, 1)
            .hint(tr!("photo-too-large-hint")),
        ),
        Some(_) => {}
        None => d.push(
            Diagnostic::error(path, tr!("photo-unreadable", file = file))
                .at(line, 1)
                .hint(tr!("photo-unreadable-hint")),
        ),
    }
}

/// `map.colour_by` names a metric of the site.
pub(super) fn check_colour_by(content: &Content, d: &mut Diagnostics) {
    let (site, path) = (&content.site, "content/site.yaml");
    if let Some(key) = site.map.as_ref().and_then(|m| m.colour_by.as_deref()) {
        if !content.metrics.iter().any(|(_, m)| m.key == key) {
            let keys: Vec<&str> = content
                .metrics
                .iter()
                .map(|(_, m)| m.key.as_str())
                .collect();
            let mut diag = Diagnostic::error(path, tr!("colour-by-unknown", key = key))
                .at(key_line(&content.site_source, "colour_by:"), 1);
            diag = match closest(key, keys.iter().copied()) {
                Some(s) => diag.hint(tr!("did-you-mean", name = s)),
                None => diag.hint(tr!("use-one-of", names = keys.join(", "))),
            };
            d.push(diag);
        }
    }
}

/// `favicon:` names a file of `content/static/`, which pages link to.
pub(super) fn check_favicon(content: &Content, d: &mut Diagnostics) {
    let Some(icon) = &content.site.favicon else {
        return;
    };
    if content.statics.iter().any(|f| &f.rel == icon) {
        return;
    }
    let files: Vec<&str> = content.statics.iter().map(|f| f.rel.as_str()).collect();
    let hint = match closest(icon, files.iter().copied()) {
        Some(near) => tr!("did-you-mean", name = near),
        None => tr!("favicon-missing-hint"),
    };
    d.push(
        Diagnostic::error("content/site.yaml", tr!("favicon-missing", icon = icon))
            .at(key_line(&content.site_source, "favicon:"), 1)
            .hint(hint),
    );
}
