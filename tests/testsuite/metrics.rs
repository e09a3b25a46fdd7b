//! A programme that counts other things: homes renovated, shops reopened,
//! grants and works costs, with no jobs and no investment. Everything the
//! site shows must come from its `metrics:` table.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use crate::support::*;

const KEYS: [&str; 4] = ["logements", "commerces", "subvention_eur", "cout_eur"];

fn built() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(
        &fixture("other-metrics"),
        &out,
        &["--base-url", "https://example.org/"],
    );
    (tmp, out, stderr(&o))
}

/// The columns an export must have: its fixed fields, then the metric keys.
fn expected(file: &str, keys: &[&str]) -> Vec<String> {
    let fixed: &[&str] = if file == "territoires" {
        &[
            "slug",
            "code",
            "name",
            "region_code",
            "region_name",
            "departments",
            "intercommunalities",
            "communes",
            "projects",
        ]
    } else {
        &[
            "territory_slug",
            "territory_name",
            "region_code",
            "title",
            "company",
            "sector",
            "year",
        ]
    };
    let mut cols: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    cols.extend(keys.iter().map(|s| s.to_string()));
    if file == "projets" {
        cols.push("illustrative".into());
    }
    cols
}

/// Parses a CSV export back: its header and rows.
fn csv_of(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

/// Checks every export of `out` (and of its kit zip) against `keys`.
pub(crate) fn exports_follow_the_table(out: &Path, keys: &[&str]) {
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(out.join("presse/kit.zip")).unwrap()).unwrap();
    for file in ["territoires", "projets"] {
        let want = expected(file, keys);
        let csv_path = format!("donnees/{file}.csv");
        let (header, rows) = csv_of(&std::fs::read(out.join(&csv_path)).unwrap());
        assert_eq!(header, want, "{csv_path}");
        assert!(!rows.is_empty());
        let mut zipped = Vec::new();
        zip.by_name(&csv_path)
            .unwrap()
            .read_to_end(&mut zipped)
            .unwrap();
        assert_eq!(csv_of(&zipped).0, want, "{csv_path} in the zip");
        let json: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(
            &std::fs::read(out.join(format!("donnees/{file}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json.len(), rows.len());
        for object in &json {
            let cols: Vec<&String> = object.keys().collect();
            let mut sorted_want: Vec<&String> = want.iter().collect();
            sorted_want.sort();
            assert_eq!(cols, sorted_want, "donnees/{file}.json keys");
        }
    }
}

#[test]
fn builds_its_own_figures_charts_and_exports() {
    let (_tmp, out, err) = built();
    assert!(!err.contains(": warning:"), "{err}");
    let home = page(&out, "index.html");
    for card in [
        ">140<",
        "logements rénovés",
        ">14<",
        "commerces rouverts",
        "3\u{202f}M€",
    ] {
        assert!(home.contains(card), "home shows {card}");
    }
    // Three of five projects report shops: the card says so.
    assert!(home.contains("renseigné pour 3 projets sur 5"));
    for chart in [
        "logements-par-region",
        "commerces-par-region",
        "commerces-par-secteur",
        "projets-par-annee",
        "territoires-logements",
    ] {
        assert!(
            out.join(format!("charts/{chart}.svg")).is_file(),
            "{chart}.svg"
        );
        assert!(
            out.join(format!("charts/{chart}.png")).is_file(),
            "{chart}.png"
        );
        assert!(
            home.contains(&format!("graphique-{chart}")),
            "{chart} on home"
        );
    }
    // `cout_eur` is not a headline and draws no chart, but is exported.
    assert!(!home.contains("Coût des travaux"));
    exports_follow_the_table(&out, &KEYS);
    let kit = page(&out, "presse/kit/index.html");
    assert!(kit.contains("logements rénovés") && kit.contains("kit.zip"));
    let region = page(&out, "regions/n/index.html");
    assert!(region.contains("graphique-region-n-logements"));
    assert!(region.contains("Logements rénovés</th>"));
}

#[test]
fn a_metric_left_out_is_not_reported_never_zero() {
    let (_tmp, out, _) = built();
    let html = page(&out, "territoires/bourg-sur-lys/index.html");
    assert!(html.contains("non renseigné"));
    assert!(html.contains("renseigné pour 1 projet sur 2"));
    let roche = page(&out, "territoires/roche-haute/index.html");
    // No project of Roche-Haute reports shops: its card says so, not "0".
    assert!(roche.contains("<span class=\"figure-value\">non renseigné</span> <span class=\"figure-label\">commerces rouverts</span>"), "{roche}");
    let (_, rows) = csv_of(&std::fs::read(out.join("donnees/territoires.csv")).unwrap());
    let roche_row = rows.iter().find(|r| r["slug"] == "roche-haute").unwrap();
    assert_eq!(roche_row["commerces"], "", "not reported is an empty cell");
    assert_eq!(roche_row["logements"], "0", "a reported 0 stays 0");
}

#[test]
fn no_default_metric_appears_anywhere() {
    let (_tmp, out, _) = built();
    for (path, bytes) in read_tree(&out) {
        if path.ends_with(".png") || path.ends_with(".zip") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for trace in [
            "emploi",
            "investissement",
            "aide publique",
            "jobs_created",
            "investment_eur",
            "aid_eur",
            "jobs",
            "investment",
        ] {
            assert!(!text.contains(trace), "{path} mentions {trace}");
        }
    }
}

#[test]
fn change_report_names_the_metrics_that_moved() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::errors::copy_dir(&fixture("other-metrics"), &root);
    let out = tmp.path().join("out");
    build(&root, &out, &[]);
    let record = root.join("content/territories/roche-haute.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, text.replace("logements: 0", "logements: 7")).unwrap();
    let err = stderr(&build(&root, &out, &[]));
    assert!(err.contains("  logements: 140 → 147"), "{err}");
    assert!(
        !err.contains("commerces:"),
        "unchanged metrics are not listed: {err}"
    );
    // The declared 140 now differs from the records: a warning says so.
    assert!(
        err.contains("declared logements is 140 but the records add up to 147"),
        "{err}"
    );
}

#[test]
fn default_site_exports_follow_the_default_table() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let lang = bilan::config::Language::Fr;
    let keys = bilan::metrics::Metrics::defaults(lang).keys();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    exports_follow_the_table(&out, &keys);
}

#[test]
fn xlsx_exports_have_typed_cells_a_frozen_header_and_widths() {
    use calamine::{Data, Reader};
    let (_tmp, out, _) = built();
    for file in ["territoires", "projets"] {
        let path = out.join(format!("donnees/{file}.xlsx"));
        let mut book = calamine::open_workbook_auto(&path).unwrap();
        let range = book.worksheet_range(file).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        // The header is in the site's language; the second sheet maps each
        // label to the key of CSV and JSON.
        let labels: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        let columns = book.worksheet_range("colonnes").unwrap();
        let mapping: Vec<(String, String)> = columns
            .rows()
            .skip(1)
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect();
        assert_eq!(
            labels,
            mapping.iter().map(|m| m.0.clone()).collect::<Vec<_>>(),
            "{file}.xlsx: the second sheet lists the headers in order"
        );
        let header: Vec<String> = mapping.into_iter().map(|m| m.1).collect();
        assert_eq!(header, expected(file, &KEYS), "{file}.xlsx columns");
        assert!(labels.iter().all(|l| !l.contains('_')), "{labels:?}");
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        // Numbers are numbers; "not reported" is an empty cell, never 0.
        let logements: Vec<&Data> = rows[1..].iter().map(|r| &r[col("logements")]).collect();
        assert!(
            logements
                .iter()
                .all(|c| matches!(c, Data::Float(_) | Data::Int(_))),
            "{logements:?}"
        );
        let commerces: Vec<&Data> = rows[1..]
            .iter()
            .map(|r| r.get(col("commerces")).unwrap_or(&Data::Empty))
            .collect();
        assert!(
            commerces.contains(&&Data::Empty),
            "a missing value stays empty"
        );
        // The sheet XML freezes the header row and sets column widths.
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "frozen header"
        );
        assert!(xml.contains("<col "), "column widths");
    }
}
