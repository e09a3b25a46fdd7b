//! The default site in `content/`: the Territoires d'industrie report.

use crate::support::*;
use bilan::diag::Diagnostics;

#[test]
fn builds_every_page_with_real_names_and_working_links() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&repo(), &out, &[]);
    let err = stderr(&o);
    assert!(
        err.contains("declared territories is 146 but the records add up to 149"),
        "{err}"
    );

    let mut diags = Diagnostics::default();
    let content = bilan::content::load(&repo(), &mut diags).unwrap().unwrap();
    assert_eq!(content.territories.len(), 149);
    for t in &content.territories {
        let html = page(&out, &format!("territoires/{}/index.html", t.slug));
        assert!(
            // The name as French typography prints it (l’Ain, Oyonnax – Bugey).
            html.contains(&format!(
                "<h1>{}</h1>",
                html_escape(&bilan::typo_or(&content, &t.record.name))
            )),
            "{}",
            t.slug
        );
    }
    let regions = read_tree(&out.join("regions"));
    assert_eq!(regions.len(), 17, "{:?}", regions.keys());

    let home = page(&out, "index.html");
    assert!(
        home.contains("27\u{202f}250"),
        "home shows jobs with a narrow no-break space"
    );
    assert!(home.contains("5,4\u{202f}Md€"));
    assert!(
        home.replace(['\u{202f}', '\u{a0}'], " ")
            .contains("146 au 11 octobre 2021"),
        "declared 146 is shown with its date"
    );

    let files = read_tree(&out);
    let broken = bilan::links::check(&files);
    assert!(broken.is_empty(), "{broken:?}");
    for name in [
        "404.html",
        "sitemap.xml",
        "presse/index.html",
        "territoires/index.html",
        "programme/index.html",
        "methode/index.html",
    ] {
        assert!(files.contains_key(name), "{name}");
    }
}

#[test]
fn every_page_showing_projects_says_they_are_illustrative() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    for (path, bytes) in read_tree(&out) {
        let html = String::from_utf8_lossy(&bytes);
        if html.contains("<td>Entreprise illustrative")
            || path.starts_with("regions/")
            || path == "territoires/index.html"
        {
            assert!(
                html.contains("Les chiffres par projet sont illustratifs"),
                "{path}"
            );
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&repo(), &a, &[]);
    build(&repo(), &b, &[]);
    assert!(read_tree(&a) == read_tree(&b));
}

#[test]
fn rebuild_keeps_unchanged_files_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let mtime = |rel: &str| {
        std::fs::metadata(out.join(rel))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = mtime("territoires/haut-jura/index.html");
    let o = build(&repo(), &out, &[]);
    assert!(stderr(&o).contains(" 0 written,"), "{}", stderr(&o));
    assert_eq!(mtime("territoires/haut-jura/index.html"), before);
}

#[test]
fn embargoed_release_waits_for_its_time() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let release = "presse/2021-10-11-bilan-trois-ans/index.html";
    let early = ["--now", "2021-10-11T08:59:00+02:00"];
    let o = try_build(&repo(), &out, &[early[0], early[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join(release).exists());
    assert!(!page(&out, "sitemap.xml").contains("2021-10-11-bilan"));
    assert!(!page(&out, "presse/index.html").contains("bilan-trois-ans"));
    let o = try_build(&repo(), &out, &[early[0], early[1], "--drafts"]);
    assert!(o.status.success());
    assert!(out.join(release).exists());
}

#[test]
fn one_record_edit_rewrites_only_the_pages_that_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::errors::copy_dir(&repo().join("content"), &root.join("content"));
    let out = root.join("output");
    build(&root, &out, &[]);
    let before = read_tree(&out);
    let mtimes =
        |dir: &std::path::Path| -> std::collections::BTreeMap<String, std::time::SystemTime> {
            walkdir::WalkDir::new(dir)
                .into_iter()
                .map(|e| e.unwrap())
                .filter(|e| e.file_type().is_file())
                .map(|e| {
                    (
                        e.path()
                            .strip_prefix(dir)
                            .unwrap()
                            .to_string_lossy()
                            .into_owned(),
                        e.metadata().unwrap().modified().unwrap(),
                    )
                })
                .collect()
        };
    let t0 = mtimes(&out);

    let record = root.join("content/territories/haut-jura.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replacen("    jobs_created: 6\n", "    jobs_created: 7\n", 1),
    )
    .unwrap();
    let o = build(&root, &out, &[]);
    let err = stderr(&o);
    assert!(
        err.contains("jobs_created: 27\u{202f}250 → 27\u{202f}251"),
        "{err}"
    );
    let after = read_tree(&out);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let t1 = mtimes(&out);
    for (path, time) in &t1 {
        let same = before.get(path) == after.get(path);
        assert_eq!(
            same,
            t0.get(path) == Some(time),
            "{path}: mtime must change exactly when bytes do"
        );
    }
    let html: Vec<&&String> = changed.iter().filter(|p| p.ends_with(".html")).collect();
    let expected = [
        "departements/39/index.html",
        "index.html",
        "presse/kit/index.html",
        "presse/kit/regions/27/index.html",
        "regions/27/index.html",
        "territoires/haut-jura/index.html",
        "territoires/index.html",
    ];
    assert_eq!(
        html.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        expected,
        "{err}"
    );
    assert!(
        err.contains("7 pages: departements/39/index.html, index.html, presse/kit/index.html, presse/kit/regions/27/index.html, regions/27/index.html"),
        "{err}"
    );
}

/// Issue 23: after a data update, a headline card's note gives the declared
/// figure and the records' total at a precision that tells them apart, and
/// `programme.show: computed` puts the records' total first.
#[test]
fn cards_tell_the_declared_figure_from_the_records_total() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::errors::copy_dir(&repo().join("content"), &root.join("content"));
    let record = root.join("content/territories/haut-jura.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    // 213 more jobs, and 1,000 € more investment: too little for `5,4 Md€`.
    let text = text.replacen("    jobs_created: 6\n", "    jobs_created: 219\n", 1);
    let text = text.replacen(
        "    investment_eur: 1274000\n",
        "    investment_eur: 1275000\n",
        1,
    );
    std::fs::write(&record, text).unwrap();
    let out = tmp.path().join("out");
    build(&root, &out, &[]);
    let home = page(&out, "index.html").replace(['\u{202f}', '\u{a0}'], " ");
    assert!(
        home.contains("27 250 au 11 octobre 2021 ; 27 463 dans les fiches à ce jour."),
        "{home}"
    );
    assert!(
        home.contains("5 400 000 000 € au 11 octobre 2021")
            && home.contains("5 400 001 000 € dans les fiches"),
        "the amounts differ at full precision"
    );
    let site = root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        yaml.replacen(
            "  illustrative_projects:",
            "  show: computed\n  illustrative_projects:",
            1,
        ),
    )
    .unwrap();
    build(&root, &out, &[]);
    let home = page(&out, "index.html").replace(['\u{202f}', '\u{a0}'], " ");
    assert!(
        home.contains("27 463 dans les fiches à ce jour ; 27 250 au 11 octobre 2021"),
        "{home}"
    );
}
