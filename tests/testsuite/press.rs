//! Press releases, the press kit, its bundle, open data and feeds.

use std::io::Read;

use crate::support::*;

const RELEASE_TITLE: &str = "un bilan à trois ans et de nouveaux moyens";

fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            (f.name().unwrap().to_string(), buf)
        })
        .collect()
}

#[test]
fn embargoed_release_is_absent_from_every_output_and_the_zip() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = try_build(&repo(), &out, &["--now", "2021-10-11T08:59:59+02:00"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The build names the release it holds back, with its embargo.
    let err = stderr(&o);
    assert!(
        err.contains("content/press/2021-10-11-bilan-trois-ans.md: under embargo until 2021-10-11T09:00:00+02:00: not published; the first build after that time publishes it"),
        "{err}"
    );
    let files = read_tree(&out);
    for (path, bytes) in &files {
        assert!(
            !String::from_utf8_lossy(bytes).contains(RELEASE_TITLE),
            "{path} shows the embargoed release"
        );
    }
    for (name, bytes) in zip_entries(&files["presse/kit.zip"]) {
        assert!(!name.starts_with("communiques/"), "{name} is in the zip");
        assert!(
            !String::from_utf8_lossy(&bytes).contains(RELEASE_TITLE),
            "{name}"
        );
    }

    let o = try_build(
        &repo(),
        &out,
        &["--now", "2021-10-11T08:59:59+02:00", "--drafts"],
    );
    assert!(o.status.success());
    let files = read_tree(&out);
    for path in [
        "presse/2021-10-11-bilan-trois-ans/index.html",
        "presse/index.html",
        "feed.xml",
        "sitemap.xml",
    ] {
        let text = String::from_utf8_lossy(&files[path]);
        assert!(
            text.contains(RELEASE_TITLE) || text.contains("2021-10-11-bilan-trois-ans"),
            "{path}"
        );
    }
    assert!(zip_entries(&files["presse/kit.zip"])
        .iter()
        .any(|(n, _)| n == "communiques/2021-10-11-bilan-trois-ans.md"));
    // The preview says it is under embargo, and until when.
    let preview = String::from_utf8_lossy(&files["presse/2021-10-11-bilan-trois-ans/index.html"]);
    assert!(
        preview.contains("Sous embargo jusqu’au 11\u{a0}octobre 2021 à 09:00 (UTC+02:00)")
            || preview.contains("Sous embargo jusqu’au 11 octobre 2021 à 09:00 (UTC+02:00)"),
        "embargo banner"
    );
    assert!(stderr(&o).contains("shown in this preview, with a banner"));
    // After the embargo, no banner and nothing held back.
    let o = try_build(
        &repo(),
        &out,
        &["--now", "2021-10-11T09:00:00+02:00", "--drafts"],
    );
    assert!(!stderr(&o).contains("embargo"), "{}", stderr(&o));
    assert!(!page(&out, "presse/2021-10-11-bilan-trois-ans/index.html").contains("Sous embargo"));
}

#[test]
fn exports_add_up_to_the_figures_on_the_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let mut reader = csv::Reader::from_path(out.join("donnees/projets.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (jobs_col, inv_col) = (col("jobs_created"), col("investment_eur"));
    let (mut jobs, mut inv, mut rows) = (0u64, 0u64, 0);
    for r in reader.records() {
        let r = r.unwrap();
        jobs += r[jobs_col].parse::<u64>().unwrap();
        inv += r[inv_col].parse::<u64>().unwrap();
        rows += 1;
    }
    assert_eq!((rows, jobs, inv), (1400, 27_250, 5_400_000_000));
    let shown = bilan::format::int(bilan::config::Language::Fr, jobs);
    assert!(page(&out, "index.html").contains(&shown));
    assert!(page(&out, "presse/kit/index.html").contains(&shown));

    let json: serde_json::Value =
        serde_json::from_str(&page(&out, "donnees/territoires.json")).unwrap();
    let territories = json.as_array().unwrap();
    assert_eq!(territories.len(), 149);
    // Lists are arrays in JSON (issue 23), joined only in CSV and XLSX.
    let aix = territories
        .iter()
        .find(|t| t["slug"] == "aix-marseille-provence")
        .unwrap();
    assert_eq!(aix["departments"], serde_json::json!(["13", "84"]), "{aix}");
    assert!(aix["intercommunalities"].is_array(), "{aix}");
    assert!(aix["communes"].is_array(), "{aix}");
    assert_eq!(
        territories
            .iter()
            .map(|t| t["jobs_created"].as_u64().unwrap())
            .sum::<u64>(),
        27_250
    );
    let data_page = page(&out, "donnees/index.html");
    for column in [
        "jobs_created",
        "investment_eur",
        "region_code",
        "illustrative",
    ] {
        assert!(
            data_page.contains(&format!("<code>{column}</code>")),
            "{column} is explained"
        );
    }
}

#[test]
fn kit_page_and_bundle_have_everything_a_journalist_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let kit = page(&out, "presse/kit/index.html");
    for needle in [
        "Citation illustrative",
        "presse@example.org",
        "kit.zip",
        "emplois-par-region.png",
        "carte.svg",
        "Ko)",
        "Mo)",
    ] {
        assert!(kit.contains(needle), "kit page lacks {needle}");
    }
    assert_eq!(kit.matches("<img ").count(), kit.matches(" alt=\"").count());
    let entries = zip_entries(&std::fs::read(out.join("presse/kit.zip")).unwrap());
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for needle in [
        "README.txt",
        "visuels/carte.png",
        "visuels/carte.svg",
        "visuels/emplois-par-region.png",
        "donnees/projets.csv",
        "communiques/2021-10-11-bilan-trois-ans.md",
    ] {
        assert!(names.contains(&needle), "zip lacks {needle}: {names:?}");
    }
    let readme = String::from_utf8(entries[0].1.clone()).unwrap();
    for needle in [
        "Licence Ouverte",
        "11 octobre 2021",
        "ANCT",
        "Communiqué de presse n° 1522",
    ] {
        assert!(readme.contains(needle), "README lacks {needle}:\n{readme}");
    }
}

#[test]
fn social_metadata_is_absolute_with_an_absolute_base_url() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &["--base-url", "https://example.org/bilan"]);
    let t = page(&out, "territoires/haut-jura/index.html");
    assert!(t.contains("<meta property=\"og:image\" content=\"https://example.org/bilan/charts/partage/territoires/haut-jura.png\">"), "{t}");
    let home = page(&out, "index.html");
    assert!(
        home.contains(
            "<meta property=\"og:image\" content=\"https://example.org/bilan/charts/partage.png\">"
        ),
        "{home}"
    );
    assert!(t.contains(
        "<meta property=\"og:url\" content=\"https://example.org/bilan/territoires/haut-jura/\">"
    ));
    assert!(page(&out, "sitemap.xml")
        .contains("<loc>https://example.org/bilan/territoires/haut-jura/</loc>"));
    let feed = page(&out, "feed.xml");
    assert!(roxmltree::Document::parse(&feed).is_ok());
    assert!(feed.contains("<id>https://example.org/bilan/presse/2021-10-11-bilan-trois-ans/</id>"));
    for (path, bytes) in read_tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(html.contains("property=\"og:title\""), "{path}");
    }
}

/// Issue 23: XLSX cells carry number formats (thousands separators, and
/// euros where the unit is euros) and stay numbers; years stay plain.
#[test]
fn xlsx_exports_carry_number_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&repo(), &out, &[]);
    for name in ["territoires", "projets"] {
        let bytes = std::fs::read(out.join(format!("donnees/{name}.xlsx"))).unwrap();
        let entries = zip_entries(&bytes);
        let text = |path: &str| {
            String::from_utf8(
                entries
                    .iter()
                    .find(|(p, _)| p == path)
                    .unwrap_or_else(|| panic!("{name}: no {path}"))
                    .1
                    .clone(),
            )
            .unwrap()
        };
        let styles = text("xl/styles.xml");
        assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
        assert!(styles.contains("&quot;€&quot;"), "{styles}");
        // Numbers are written as numbers (`<v>`), with a style (`s=`).
        let sheet = text("xl/worksheets/sheet1.xml");
        assert!(sheet.contains(" s=\""), "{name}: no styled cell");
        assert!(
            !sheet.contains("t=\"s\"><v>9069000"),
            "{name}: an amount as text"
        );
    }
}
