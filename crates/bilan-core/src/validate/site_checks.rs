//! Checks of what a public site must say and offer: the legal notice, an
//! honest accessibility status, the kit's photos, the map's metric.

use crate::content::Content;
use crate::diag::{closest, key_line, line_containing, Diagnostic, Diagnostics};

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
                format!(
                    "the legal notice lacks {}: its page says \"not given\" there",
                    missing.iter().map(|k| format!("`legal.{k}`")).collect::<Vec<_>>().join(", ")
                ),
            )
            .at(line, 1)
            .hint("add them under `legal:` in site.yaml (publisher, director, host, contact), as French law asks of a public site"),
        );
    }
    let a = &site.accessibility;
    if a.status != a.effective_status() {
        d.push(
            Diagnostic::warning(
                path,
                "`accessibility.status` claims conformity, but no `audit_date` says when an audit found it: the statement says \"non conforme\"",
            )
            .at(key_line(&content.site_source, "status:"), 1)
            .hint("add `audit_date:` (the date of the RGAA audit) under `accessibility:`, or set `status: none`"),
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
                Diagnostic::error(path, format!("photo `{}` is not in content/static", p.file))
                    .at(line, 1)
                    .hint("put the file under content/static and give its path from there, for example `photos/usine.jpg`"),
            );
        } else if !image {
            d.push(
                Diagnostic::error(
                    path,
                    format!("photo `{}` is neither a JPEG nor a PNG", p.file),
                )
                .at(line, 1)
                .hint("export it as .jpg or .png"),
            );
        }
        if p.alt.trim().is_empty() {
            d.push(
                Diagnostic::error(path, format!("photo `{}` has an empty `alt`", p.file))
                    .at(line, 1)
                    .hint("say in a sentence what the photo shows, for readers who cannot see it"),
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
                format!("`regions:` names region `{code}`, which site.yaml does not list"),
            )
            .at(kit_region_line(&content.kit_source, code), 1)
            .hint(format!(
                "use one of the codes of site.yaml's regions: {}",
                codes.join(", ")
            )),
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
                format!("photo `{file}` declares {w} × {h} pixels; bilan reads photos of at most {} megapixels", max / 1_000_000),
            )
            .at(line, 1)
            .hint("export a smaller version (3000 pixels wide is plenty for print)"),
        ),
        Some(_) => {}
        None => d.push(
            Diagnostic::error(path, format!("photo `{file}` is not a readable JPEG or PNG"))
                .at(line, 1)
                .hint("export it again as .jpg or .png"),
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
            let mut diag = Diagnostic::error(
                path,
                format!("`map.colour_by: {key}` is not a metric of this site"),
            )
            .at(key_line(&content.site_source, "colour_by:"), 1);
            diag = match closest(key, keys.iter().copied()) {
                Some(s) => diag.hint(format!("did you mean `{s}`?")),
                None => diag.hint(format!("use one of: {}", keys.join(", "))),
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
        Some(near) => format!("did you mean `{near}`?"),
        None => "put the icon (SVG, PNG or ICO) in content/static/ and give its path from there, or remove `favicon:` to let bilan draw one from the site's initials".to_string(),
    };
    d.push(
        Diagnostic::error(
            "content/site.yaml",
            format!("`favicon: {icon}` is not a file of content/static/"),
        )
        .at(key_line(&content.site_source, "favicon:"), 1)
        .hint(hint),
    );
}
