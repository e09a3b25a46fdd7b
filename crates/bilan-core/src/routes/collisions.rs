//! Two things that would write one path: records with one slug, regions
//! whose codes fold to one folder, narratives and releases over generated
//! pages, static files over pages and over the files every build makes.
//! Static files over the others are found where those are made
//! (`render::statics`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{
    fixed_files, has_own_page, narrative, pages, region_slug, release, territory, PageKind, KIT,
    RESERVED,
};
use crate::content::Content;
use crate::diag::{line_containing, Diagnostic, Diagnostics};
use crate::records::{Page, TerritoryFile};
use crate::tr;

/// Every page the generator writes, from the same list the renderer
/// uses, with the content file behind it, if any (for collision
/// messages), and the files every build makes. The others (charts, search
/// files) are recorded where they are made, and a static file over one of
/// them is reported then (see `render::statics`).
fn generated(content: &Content) -> BTreeMap<String, Option<PathBuf>> {
    let mut out: BTreeMap<String, Option<PathBuf>> = BTreeMap::new();
    let narratives: Vec<&Page> = content.narratives.iter().collect();
    let press: Vec<&Page> = content.press.iter().collect();
    let regions: Vec<&str> = content
        .site
        .regions
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    for (path, kind) in pages(&content.territories, &regions, &narratives, &press) {
        let owner = match kind {
            PageKind::Territory(i) => Some(content.territories[i].path.clone()),
            PageKind::Narrative(i) => Some(narratives[i].path.clone()),
            PageKind::Release(i) => Some(press[i].path.clone()),
            _ => None,
        };
        out.entry(path).or_insert(owner);
    }
    for path in fixed_files(&content.territories, &regions, &press) {
        out.entry(path).or_insert(None);
    }
    out
}

/// Two things that would write one path: records with one slug, regions
/// whose codes fold to one folder (or to none), narratives and releases
/// over generated pages, static files over generated files.
pub fn collisions(content: &Content) -> Diagnostics {
    let mut d = Diagnostics::default();
    let mut slugs: BTreeMap<&str, &TerritoryFile> = BTreeMap::new();
    for t in &content.territories {
        if let Some(first) = slugs.insert(&t.slug, t) {
            d.push(
                Diagnostic::error(
                    &t.path,
                    tr!(
                        "slug-twice",
                        other = &first.path,
                        slug = &t.slug,
                        output = territory(&t.slug)
                    ),
                )
                .hint(tr!("slug-twice-hint")),
            );
        }
    }
    region_collisions(content, &mut d);
    page_collisions(content, &mut d);
    let generated = generated(content);
    for f in content.statics.iter() {
        if let Some(owner) = generated.get(&f.rel) {
            d.push(
                Diagnostic::error(
                    format!("content/static/{}", f.rel),
                    match owner {
                        Some(o) => tr!("static-replaces-page", file = &f.rel, source = o),
                        None => tr!("static-replaces-generated", file = &f.rel),
                    },
                )
                .hint(tr!("static-replaces-hint")),
            );
        }
    }
    d
}

fn region_collisions(content: &Content, d: &mut Diagnostics) {
    let mut folders: BTreeMap<String, &str> = BTreeMap::new();
    for r in &content.site.regions {
        let slug = region_slug(&r.code);
        let line = line_containing(&content.site_source, &format!("\"{}\"", r.code));
        let at = |m: String| Diagnostic::error("content/site.yaml", m).at(line, 1);
        if slug.is_empty() {
            d.push(
                at(tr!("region-code-empty-slug", code = &r.code))
                    .hint(tr!("region-code-empty-slug-hint")),
            );
        } else if let Some(other) = folders.insert(slug.clone(), &r.code) {
            if other != r.code {
                d.push(
                    at(tr!(
                        "region-codes-collide",
                        first = other,
                        second = &r.code,
                        slug = &slug
                    ))
                    .hint(tr!("region-codes-collide-hint")),
                );
            }
        }
    }
}

fn page_collisions(content: &Content, d: &mut Diagnostics) {
    let mut outputs: BTreeMap<&str, &std::path::Path> = BTreeMap::new();
    for page in content.narratives.iter().filter(|p| has_own_page(p)) {
        if let Some(other) = outputs.insert(&page.stem, &page.path) {
            d.push(
                Diagnostic::error(
                    &page.path,
                    tr!(
                        "narratives-collide",
                        other = other.display().to_string(),
                        output = narrative(&page.stem)
                    ),
                )
                .hint(tr!("narratives-collide-hint")),
            );
        }
        let first = page.stem.split('/').next().unwrap_or_default();
        if RESERVED.contains(&first) {
            d.push(
                Diagnostic::error(&page.path, tr!("narrative-reserved", folder = first))
                    .hint(tr!("narrative-reserved-hint")),
            );
        }
    }
    for page in content.press.iter() {
        if release(&page.stem) == KIT {
            d.push(
                Diagnostic::error(&page.path, tr!("release-is-kit"))
                    .hint(tr!("release-is-kit-hint")),
            );
        }
    }
}
