//! The PDFs of the press kit, read back with poppler (pdftotext, pdffonts,
//! pdfinfo), as a journalist's tools would read them.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// poppler-utils, installed by `tests/audit/install`; mandatory under
/// BILAN_AUDIT.
fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    assert!(
        ok || std::env::var_os("BILAN_AUDIT").is_none(),
        "BILAN_AUDIT is set but pdftotext is missing: run tests/audit/install"
    );
    ok
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let o = Command::new(name)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn info(pdf: &Path) -> String {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every font of `pdf` is embedded (pdffonts' `emb` column says yes).
fn fonts_embedded(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdffonts").arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let rows: Vec<String> = text.lines().skip(2).map(String::from).collect();
    assert!(!rows.is_empty(), "{}: no font listed", pdf.display());
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "{}: font not embedded: {row}", pdf.display());
    }
    rows
}

#[test]
fn every_pdf_has_its_text_embedded_fonts_tags_title_and_language() {
    if !poppler() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    // Every PDF of the site: fonts embedded, tagged, A4.
    let all: Vec<String> = read_tree(&out)
        .into_keys()
        .filter(|p| p.ends_with(".pdf"))
        .collect();
    assert!(all.len() >= 2 + 17, "{all:?}");
    for p in &all {
        let pdf = out.join(p);
        fonts_embedded(&pdf);
        let meta = info(&pdf);
        assert!(
            meta.contains("Tagged:          yes") && meta.contains("(A4)"),
            "{p}: {meta}"
        );
    }
    let kit = out.join("presse/kit/dossier-de-presse.pdf");
    let release = out.join("presse/2021-10-11-bilan-trois-ans/2021-10-11-bilan-trois-ans.pdf");
    for pdf in [&kit, &release] {
        fonts_embedded(pdf);
        let meta = info(pdf);
        assert!(meta.contains("Tagged:          yes"), "{meta}");
        assert!(
            meta.contains("Page size:       595.28 x 841.89 pts (A4)"),
            "{meta}"
        );
        let structure = Command::new("pdfinfo")
            .arg("-struct")
            .arg(pdf)
            .output()
            .unwrap();
        let structure = String::from_utf8_lossy(&structure.stdout);
        assert!(
            structure.contains("Figure") || pdf == &release,
            "{structure}"
        );
        let xmp = Command::new("pdfinfo")
            .arg("-meta")
            .arg(pdf)
            .output()
            .unwrap();
        let xmp = String::from_utf8_lossy(&xmp.stdout);
        assert!(
            xmp.contains("<dc:language><rdf:Bag><rdf:li>fr</rdf:li>"),
            "language set: {xmp}"
        );
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "PDF/UA-1: {xmp}"
        );
    }
    let text = tool("pdftotext", &["-layout"], &kit);
    for expected in [
        "27 250",
        "1 400",
        "5,4 Md€",
        "146",
        "Territoires d'industrie",
        "un bilan à trois ans",
        "presse@example.org",
        "Emplois créés par région",
        "Carte des territoires",
    ] {
        // French typography prints `d’industrie`; the words are the same.
        let flat = text.replace(['\u{202f}', '\u{a0}'], " ").replace('’', "'");
        assert!(
            flat.contains(expected),
            "the dossier lacks {expected}:\n{text}"
        );
    }
    assert!(info(&kit)
        .replace('’', "'")
        .contains("Title:           Dossier de presse — Territoires d'industrie"));
    let release_text = tool("pdftotext", &[], &release);
    assert!(
        release_text.contains("un bilan à trois ans"),
        "{release_text}"
    );
    // The kit page links the PDFs with their sizes, and so does the release.
    let page_html = page(&out, "presse/kit/index.html");
    assert!(page_html.contains("kit/dossier-de-presse.pdf") && page_html.contains("(PDF, "));
    let release_html = page(&out, "presse/2021-10-11-bilan-trois-ans/index.html");
    assert!(release_html.contains("2021-10-11-bilan-trois-ans.pdf"));
}

#[test]
fn pdfs_and_zips_are_the_same_bytes_for_the_same_input() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&repo(), &a, &[]);
    build(&repo(), &b, &[]);
    let (ta, tb) = (read_tree(&a), read_tree(&b));
    let mut compared = 0;
    for (path, bytes) in &ta {
        if path.ends_with(".pdf") || path.ends_with(".zip") {
            assert!(
                tb.get(path) == Some(bytes),
                "{path} differs between two builds"
            );
            compared += 1;
        }
    }
    assert!(compared >= 3, "{compared}");
}

#[test]
fn the_zip_is_the_whole_kit() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let file = std::fs::File::open(out.join("presse/kit.zip")).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for expected in [
        "README.txt",
        "dossier-de-presse.pdf",
        "textes/presentation.md",
        "textes/citations.txt",
        "textes/contacts.txt",
        "visuels/CREDITS.txt",
        "visuels/carte.png",
        "visuels/carte.svg",
        "donnees/projets.csv",
        "donnees/projets.xlsx",
        "communiques/2021-10-11-bilan-trois-ans.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "the zip lacks {expected}: {names:?}"
        );
    }
}

/// The figure values a page shows, in order.
fn figure_values(html: &str) -> Vec<String> {
    html.split("class=\"figure-value\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect()
}

#[test]
fn every_region_has_its_kit_page_zip_and_pdf_with_its_own_totals() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let regions = std::fs::read_dir(out.join("regions")).unwrap();
    let mut checked = 0;
    for entry in regions {
        let code = entry.unwrap().file_name().to_string_lossy().into_owned();
        let region_page = page(&out, &format!("regions/{code}/index.html"));
        let kit_dir = format!("presse/kit/regions/{code}");
        let kit_page = page(&out, &format!("{kit_dir}/index.html"));
        assert!(
            region_page.contains(&format!("../../{kit_dir}/index.html")),
            "{code}: the region page links its kit"
        );
        let want = figure_values(&region_page);
        assert!(!want.is_empty());
        assert_eq!(
            figure_values(&kit_page),
            want,
            "{code}: the kit page shows the region's totals"
        );
        // The zip's data holds the region's territories only, adding up to its totals.
        let file = std::fs::File::open(out.join(format!("{kit_dir}/kit.zip"))).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut csv_text = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("donnees/territoires.csv").unwrap(),
            &mut csv_text,
        )
        .unwrap();
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let region_col = headers.iter().position(|h| h == "region_code").unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(
            rows.iter()
                .all(|r| r[region_col].to_lowercase() == code.to_lowercase()),
            "{code}: only its rows"
        );
        assert_eq!(
            rows.len().to_string(),
            want[0].replace('\u{202f}', ""),
            "{code}: territory count"
        );
        assert!(zip.by_name("dossier-de-presse.pdf").is_ok());
        // The PDF says the same figures.
        if poppler() {
            let text = tool(
                "pdftotext",
                &[],
                &out.join(format!("{kit_dir}/dossier-de-presse.pdf")),
            );
            for v in &want {
                let v = v.replace('\u{202f}', " ");
                assert!(
                    text.replace('\u{202f}', " ").contains(&v),
                    "{code}: the PDF lacks {v}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 17, "{checked} regions");
}

/// A 1×1 PNG, enough to stand for a photo.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[test]
fn photos_are_on_the_kit_page_in_the_pdf_and_in_the_zip_and_need_a_file_and_alt() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::errors::copy_dir(&repo().join("content"), &site.join("content"));
    std::fs::create_dir_all(site.join("content/static/photos")).unwrap();
    std::fs::write(site.join("content/static/photos/usine.png"), TINY_PNG).unwrap();
    let kit = site.join("content/press/kit.yaml");
    let text = std::fs::read_to_string(&kit).unwrap();
    let photo = "photos:\n  - { file: \"photos/usine.png\", caption: \"Une ligne de production\", credit: \"Camille Martin\", alt: \"Des machines dans un atelier\", licence: \"CC BY 4.0\" }\n";
    std::fs::write(&kit, format!("{text}{photo}")).unwrap();
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let html = page(&out, "presse/kit/index.html");
    assert!(
        html.contains("<img src=\"../../photos/usine.png\" alt=\"Des machines dans un atelier\""),
        "{html}"
    );
    assert!(html.contains("Camille Martin"));
    let file = std::fs::File::open(out.join("presse/kit.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    assert!(zip.by_name("photos/usine.png").is_ok());
    let mut credits = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("visuels/CREDITS.txt").unwrap(),
        &mut credits,
    )
    .unwrap();
    assert!(
        credits.contains("Camille Martin") && credits.contains("CC BY 4.0"),
        "{credits}"
    );
    if poppler() {
        let text = tool(
            "pdftotext",
            &[],
            &out.join("presse/kit/dossier-de-presse.pdf"),
        );
        assert!(text.contains("Une ligne de production"), "{text}");
    }
    // A missing file, or an empty alt, is an error naming kit.yaml.
    std::fs::write(
        &kit,
        format!(
            "{text}{}",
            photo
                .replace("usine.png", "absente.png")
                .replace("Des machines dans un atelier", " ")
        ),
    )
    .unwrap();
    let o = try_build(&site, &tmp.path().join("out2"), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/press/kit.yaml:")
            && err.contains("photo `photos/absente.png` is not in content/static"),
        "{err}"
    );
    assert!(
        err.contains("photo `photos/absente.png` has an empty `alt`"),
        "{err}"
    );
}

/// The regional kits say "1 projet", never "1 projets", and an English
/// site's regional kits are English everywhere: PDF and zip README.
#[test]
fn regional_kits_use_plurals_and_the_sites_language() {
    let tmp = tempfile::tempdir().unwrap();
    for (site, lang) in [(repo(), "fr"), (fixture("english"), "en")] {
        let out = tmp.path().join(lang);
        build(&site, &out, &[]);
        let kits = out.join("presse/kit/regions");
        for entry in std::fs::read_dir(&kits).unwrap() {
            let dir = entry.unwrap().path();
            let file = std::fs::File::open(dir.join("kit.zip")).unwrap();
            let mut zip = zip::ZipArchive::new(file).unwrap();
            let mut readme = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("README.txt").unwrap(), &mut readme)
                .unwrap();
            if lang == "en" {
                for french in [
                    "visuels",
                    "donnees",
                    "dossier-de-presse",
                    "graphiques",
                    "région",
                    "Dossier",
                ] {
                    assert!(!readme.contains(french), "{}: {readme}", dir.display());
                }
                let names: Vec<String> = (0..zip.len())
                    .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
                    .collect();
                let french = ["visuels/", "donnees/", "dossier-de-presse.pdf"];
                assert!(
                    names
                        .iter()
                        .all(|n| !french.iter().any(|f| n.starts_with(f))),
                    "{}: {names:?}",
                    dir.display()
                );
            }
            if !poppler() {
                continue;
            }
            let text = tool("pdftotext", &[], &dir.join("dossier-de-presse.pdf"))
                .replace(['\u{202f}', '\u{a0}'], " ");
            let bad: &[&str] = if lang == "fr" {
                &[" 1 projets", " 0 projets", " 1 emplois", " 0 emplois"]
            } else {
                &[
                    " 1 projects",
                    " 1 jobs created",
                    "projets",
                    "emplois",
                    "Dossier de presse régional",
                ]
            };
            for b in bad {
                assert!(!text.contains(b), "{}: `{b}` in\n{text}", dir.display());
            }
        }
    }
}

/// The kit page, the kit PDF and the kit zip come from one kit view: the
/// same quotes (in the site's quotation marks in the PDF and the zip), the
/// same contact lines, the same visuals.
#[test]
fn the_kit_page_pdf_and_zip_say_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    for (site, lang) in [(repo(), "fr"), (fixture("english"), "en")] {
        let out = tmp.path().join(lang);
        build(&site, &out, &[]);
        let file = std::fs::File::open(out.join("presse/kit.zip")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut read = |name: &str| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
            s
        };
        let (quotes, contacts, credits) = if lang == "fr" {
            (
                "textes/citations.txt",
                "textes/contacts.txt",
                "visuels/CREDITS.txt",
            )
        } else {
            (
                "texts/quotes.txt",
                "texts/contacts.txt",
                "visuals/CREDITS.txt",
            )
        };
        let (quotes, contacts, credits) = (read(quotes), read(contacts), read(credits));
        let (open, close) = if lang == "fr" {
            ("« ", " »")
        } else {
            ("“", "”")
        };
        // Typography aside (no-break spaces, apostrophes), the same words.
        let plain = |t: &str| -> String {
            t.replace("&#39;", "'")
                .replace('’', "'")
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
                .collect()
        };
        let page = plain(&page(&out, "presse/kit/index.html"));
        let quote_lines: Vec<&str> = quotes.lines().filter(|l| l.starts_with(open)).collect();
        assert!(!quote_lines.is_empty(), "{lang}: {quotes}");
        for q in &quote_lines {
            assert!(q.ends_with(close), "{lang}: {q}");
            let text = &q[open.len()..q.len() - close.len()];
            assert!(page.contains(&plain(text)), "{lang}: the page lacks {text}");
        }
        for v in ["emplois-par-region", "carte"] {
            assert!(
                credits.contains(&format!("{v}.png")) || lang == "en",
                "{lang}: {credits}"
            );
        }
        if poppler() {
            let text = tool(
                "pdftotext",
                &[],
                &out.join("presse/kit/dossier-de-presse.pdf"),
            )
            .replace(['\u{202f}', '\u{a0}', '\n'], " ");
            for line in contacts.lines() {
                let line = line.replace(['\u{202f}', '\u{a0}'], " ");
                let first = line.split(" · ").next().unwrap();
                assert!(text.contains(first), "{lang}: the PDF lacks {first}");
            }
            assert!(
                text.contains(open.trim()),
                "{lang}: the PDF quotes with {open}"
            );
        }
    }
}
