//! The dossier de presse as a press officer sends it, read back with
//! poppler: a cover with the figures, the date and the contacts; text of
//! 8 pt or more everywhere, charts included; no page but the last under a
//! third full; credits once; the regional map on its region.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// A word of `pdftotext -bbox`: its page, top, bottom and text.
struct Word {
    page: usize,
    y0: f32,
    y1: f32,
    text: String,
}

fn attr(tag: &str, name: &str) -> f32 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

/// Every word of `pdf` with its box; `None` without poppler.
fn words(pdf: &Path) -> Option<Vec<Word>> {
    let o = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        o.status.success() || std::env::var_os("BILAN_AUDIT").is_none(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut out = Vec::new();
    let mut page = 0;
    for piece in html.split('<').skip(1) {
        if piece.starts_with("page ") {
            page += 1;
        } else if let Some(rest) = piece.strip_prefix("word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            out.push(Word {
                page,
                y0: attr(tag, "yMin"),
                y1: attr(tag, "yMax"),
                text: text.replace("&amp;", "&"),
            });
        }
    }
    Some(out)
}

fn pdfs(out: &Path) -> Vec<std::path::PathBuf> {
    read_tree(out)
        .into_keys()
        .filter(|p| p.ends_with(".pdf"))
        .map(|p| out.join(p))
        .collect()
}

fn page_text(words: &[Word], page: usize) -> String {
    let w: Vec<&str> = words
        .iter()
        .filter(|w| w.page == page)
        .map(|w| w.text.as_str())
        .collect();
    w.join(" ").replace(['\u{202f}', '\u{a0}'], " ")
}

#[test]
fn every_pdf_prints_its_text_at_8_pt_or_more_and_fills_its_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let all = pdfs(&out);
    assert!(all.len() > 10, "{all:?}");
    for pdf in all {
        let Some(words) = words(&pdf) else { return };
        let name = pdf.display();
        // pdftotext's box is as tall as the font size.
        let small: Vec<String> = words
            .iter()
            .filter(|w| w.y1 - w.y0 < 7.95)
            .map(|w| format!("{} ({:.1} pt, page {})", w.text, w.y1 - w.y0, w.page))
            .collect();
        assert!(small.is_empty(), "{name}: text under 8 pt: {small:?}");
        // The footer is at 785.9 pt; the text area runs from 56 to 766.
        let last = words.iter().map(|w| w.page).max().unwrap();
        for page in 1..last {
            let bottom = words
                .iter()
                .filter(|w| w.page == page && w.y1 < 770.0)
                .map(|w| w.y1)
                .fold(0.0, f32::max);
            let filled = (bottom - 56.0) / (766.0 - 56.0);
            assert!(
                filled >= 1.0 / 3.0,
                "{name}: page {page} of {last} is {:.0} % full",
                filled * 100.0
            );
        }
    }
}

#[test]
fn the_cover_gives_the_figures_with_their_notes_the_date_and_the_contacts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let pdf = out.join("presse/kit/dossier-de-presse.pdf");
    let Some(words) = words(&pdf) else {
        return;
    };
    // In the order the PDF's text runs (its tags follow it).
    let raw = Command::new("pdftotext")
        .args(["-raw", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let cover = String::from_utf8_lossy(&raw.stdout).replace(['\u{202f}', '\u{a0}', '\n'], " ");
    for expected in [
        "Territoires d’industrie",
        "Dossier de presse",
        "Mis à jour le 12 octobre 2021",
        "27 250 emplois créés",
        "5,4 Md€ d’investissement industriel",
        // The note stays under its own figure.
        "146 territoires 146 au 11 octobre 2021 ; 149 dans les fiches à ce jour.",
        "Contacts presse",
        "presse@example.org",
    ] {
        assert!(
            cover.contains(expected),
            "cover lacks {expected:?}: {cover}"
        );
    }
    // Credits and the charts' source once, not under every visual.
    let text: String = (1..=words.iter().map(|w| w.page).max().unwrap())
        .map(|p| page_text(&words, p))
        .collect::<Vec<_>>()
        .join(" ");
    for once in [
        "Visuels : générés par bilan.",
        "Source : Territoires d’industrie",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once}: {text}");
    }
    // The regional kit's cover is the region's.
    let words = words_of(&out, "presse/kit/regions/84/dossier-de-presse.pdf");
    let cover = page_text(&words, 1);
    assert!(
        cover.starts_with("Auvergne-Rhône-Alpes Dossier de presse régional"),
        "{cover}"
    );
    assert!(cover.contains("Contacts presse"), "{cover}");
}

/// A copy of the default site under `dir`, with `extra` at the end of its
/// kit.yaml; returns the site and the kit.yaml it had.
fn site_with_kit(dir: &Path, extra: &str) -> (std::path::PathBuf, String) {
    let site = dir.join("site");
    crate::errors::copy_dir(&repo().join("content"), &site.join("content"));
    let kit = site.join("content/press/kit.yaml");
    let text = std::fs::read_to_string(&kit).unwrap();
    std::fs::write(&kit, format!("{text}{extra}")).unwrap();
    (site, text)
}

fn words_of(out: &Path, rel: &str) -> Vec<Word> {
    words(&out.join(rel)).unwrap()
}

#[test]
fn a_region_gets_its_own_contacts_and_a_map_of_itself_only() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, _) = site_with_kit(tmp.path(), "regions:\n  \"84\":\n    contacts:\n      - { name: \"Préfecture de région (exemple)\", email: \"presse-ara@example.org\" }\n");
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    // The map of Auvergne-Rhône-Alpes: its territories, no overseas inset,
    // nothing of La Réunion (04).
    let svg =
        String::from_utf8(std::fs::read(out.join("charts/carte-region-84.svg")).unwrap()).unwrap();
    assert!(!svg.contains("inset-label"), "an inset on a region's map");
    let titles: Vec<String> = svg
        .split("<title>")
        .skip(1)
        .map(|t| {
            let t = t.split('<').next().unwrap();
            // Names are typeset on the map: compare them as written.
            t.replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
                .replace('’', "'")
                .replace(" – ", " - ")
        })
        .collect();
    let records = crate::support::read_tree(&site.join("content/territories"));
    for (file, bytes) in records {
        let yaml = String::from_utf8(bytes).unwrap();
        let field = |key: &str| {
            yaml.lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap()
                .trim()
                .trim_matches('"')
                .to_string()
        };
        let (name, region) = (field("name:"), field("region:"));
        let drawn = titles.contains(&name);
        match region.trim_matches('\'') {
            "84" => assert!(drawn, "{file} missing"),
            "04" => assert!(!drawn, "{file} drawn"),
            _ => {}
        }
    }
    let Some(words) = words(&out.join("presse/kit/regions/84/dossier-de-presse.pdf")) else {
        return;
    };
    let cover = page_text(&words, 1);
    assert!(cover.contains("presse-ara@example.org"), "{cover}");
    assert!(!cover.contains("presse@example.org"), "{cover}");
    let national = words_of(&out, "presse/kit/regions/11/dossier-de-presse.pdf");
    assert!(page_text(&national, 1).contains("presse@example.org"));
}

#[test]
fn an_unknown_region_in_the_kit_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, text) = site_with_kit(tmp.path(), "regions:\n  \"99\":\n    contacts: []\n");
    let o = try_build(&site, &tmp.path().join("out"), &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    let line = text.lines().count() + 2;
    assert!(
        err.contains(&format!(
            "content/press/kit.yaml:{line}:1: error: `regions:` names region `99`"
        )),
        "{err}"
    );
}

#[test]
fn a_state_kit_has_the_brand_block_on_its_cover() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::dsfr::dsfr_site(&repo(), &site);
    crate::dsfr::fake_dist(&site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!(
            "{text}\ndsfr:\n  ministry: [\"Ministère\", \"de la Cohésion\", \"des territoires\"]\n"
        ),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let Some(words) = words(&out.join("presse/kit/dossier-de-presse.pdf")) else {
        return;
    };
    let cover = page_text(&words, 1);
    assert!(
        cover.starts_with("MINISTÈRE DE LA COHÉSION DES TERRITOIRES Territoires d’industrie"),
        "{cover}"
    );
}

/// The width and height in a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn every_page_shares_its_own_card_of_1200_by_630() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let tree = read_tree(&out);
    let card_of = |rel: &str| -> String {
        let html = page(&out, rel);
        let at = html
            .find("<meta property=\"og:image\" content=\"")
            .unwrap_or_else(|| panic!("{rel}: no og:image"));
        let rest = &html[at + 35..];
        let url = &rest[..rest.find('"').unwrap()];
        // Relative to the page (no base_url in the default site).
        let depth = rel.matches('/').count();
        let mut path = url.to_string();
        for _ in 0..depth {
            path = path.strip_prefix("../").unwrap_or(&path).to_string();
        }
        path
    };
    let mut territories = 0;
    for rel in tree.keys().filter(|p| p.ends_with("index.html")) {
        let own = if rel.starts_with("territoires/") && rel.matches('/').count() == 2 {
            territories += 1;
            let slug = rel.split('/').nth(1).unwrap();
            Some(format!("charts/partage/territoires/{slug}.png"))
        } else if rel.starts_with("regions/") || rel.starts_with("presse/kit/regions/") {
            let code = rel
                .trim_end_matches("/index.html")
                .rsplit('/')
                .next()
                .unwrap();
            Some(format!("charts/partage/regions/{code}.png"))
        } else {
            None
        };
        let card = card_of(rel);
        if let Some(own) = own {
            assert_eq!(card, own, "{rel}");
        }
        let bytes = tree
            .get(&card)
            .unwrap_or_else(|| panic!("{rel}: {card} is missing"));
        assert_eq!(png_size(bytes), (1200, 630), "{card}");
    }
    assert_eq!(territories, 149);
    assert_eq!(card_of("index.html"), "charts/partage.png");
}
