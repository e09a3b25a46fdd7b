//! The hash of everything a build reads: the content as loaded and the
//! theme. Two builds with the same fingerprint (and the same options and
//! binary) make the same files, so a rebuild may keep the previous build's
//! files without making them again.
//!
//! Every field is named in a destructuring `let`, without `..`: a field
//! added to [`Content`], [`Theme`] or what they hold does not compile until
//! it is hashed here, so the key never goes stale the day the content holds
//! one more thing (STYLE.md, lesson 15). Parsed fields come from texts that
//! are hashed (a record from its source, a page from its front matter and
//! body), so hashing the texts covers them.

use crate::cache::Fnv;
use crate::content::{Content, StaticFile, TextFile};
use crate::records::{Page, TerritoryFile};
use crate::theme::Theme;

/// Adds `content` to `h`.
pub fn content(content: &Content, h: &mut Fnv) {
    let Content {
        site: _,    // parsed from `site_source`
        metrics: _, // resolved from `site_source`
        site_source,
        territories,
        unreadable,
        narratives,
        press,
        statics,
        kit: _, // parsed from `kit_source`
        kit_source,
        map_regions,
        map_territories,
    } = content;
    h.part(site_source.as_bytes());
    h.part(&territories.len().to_le_bytes());
    for t in territories {
        territory(t, h);
    }
    for slug in unreadable {
        h.part(slug.as_bytes());
    }
    for (kind, pages) in [("narratives", narratives), ("press", press)] {
        h.part(kind.as_bytes());
        h.part(&pages.len().to_le_bytes());
        for p in pages.iter() {
            page(p, h);
        }
    }
    static_files(statics, h);
    h.part(kit_source.as_bytes());
    for map in [map_regions, map_territories] {
        match map {
            Some(TextFile { path, text }) => {
                h.part(path.to_string_lossy().as_bytes());
                h.part(text.as_bytes());
            }
            None => h.part(b"none"),
        }
    }
}

/// One record file, as read.
pub fn territory(t: &TerritoryFile, h: &mut Fnv) {
    let TerritoryFile {
        slug,
        path,
        record: _, // parsed from `source`
        source,
    } = t;
    h.part(slug.as_bytes());
    h.part(path.to_string_lossy().as_bytes());
    h.part(source.as_bytes());
}

fn page(p: &Page, h: &mut Fnv) {
    let Page {
        stem,
        path,
        meta: _,    // parsed from `front`
        embargo: _, // parsed from `front`
        body,
        front,
    } = p;
    h.part(stem.as_bytes());
    h.part(path.to_string_lossy().as_bytes());
    h.part(front.as_bytes());
    h.part(body.as_bytes());
}

fn static_files(files: &[StaticFile], h: &mut Fnv) {
    h.part(&files.len().to_le_bytes());
    for StaticFile { rel, bytes } in files {
        h.part(rel.as_bytes());
        h.part(bytes);
    }
}

/// Adds `theme` to `h`.
pub fn theme(theme: &Theme, h: &mut Fnv) {
    let Theme {
        palette,
        templates,
        statics,
    } = theme;
    h.part(format!("{palette:?}").as_bytes());
    h.part(&templates.len().to_le_bytes());
    for (name, (text, path)) in templates {
        h.part(name.as_bytes());
        h.part(text.as_bytes());
        h.part(path.to_string_lossy().as_bytes());
    }
    static_files(statics, h);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn site() -> Content {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/english");
        let mut diags = crate::diag::Diagnostics::default();
        crate::content::load(&dir, &mut diags).unwrap().unwrap()
    }

    fn print(c: &Content) -> String {
        let mut h = Fnv::new();
        content(c, &mut h);
        h.hex()
    }

    #[test]
    fn any_text_the_content_holds_changes_the_fingerprint() {
        let c = site();
        let base = print(&c);
        assert_eq!(base, print(&site()), "stable");
        let mut t = (*c.territories[0]).clone();
        t.source.push(' ');
        let edited = Content {
            territories: vec![Arc::new(t)],
            ..c.clone()
        };
        assert_ne!(base, print(&edited));
        let mut statics = (*c.statics).clone();
        statics.push(StaticFile {
            rel: "x.txt".into(),
            bytes: b"x".to_vec(),
        });
        let with_static = Content {
            statics: Arc::new(statics),
            ..c.clone()
        };
        assert_ne!(base, print(&with_static));
        let with_kit = Content {
            kit_source: "presentation: x\n".into(),
            ..c
        };
        assert_ne!(base, print(&with_kit));
    }
}
