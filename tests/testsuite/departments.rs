//! Per-département pages (`departements/<code>/`): the territories that
//! cover the département, their figures counted in full, a chart, and the
//! links that reach them (territory pages, site plan, sitemap, search).

use std::collections::BTreeSet;

use crate::support::*;

/// The territory page links of a page (`../../territoires/<slug>/…`).
fn territory_links(html: &str) -> BTreeSet<String> {
    html.match_indices("territoires/")
        .filter_map(|(i, _)| {
            let rest = &html[i + "territoires/".len()..];
            let slug: String = rest
                .chars()
                .take_while(|c| *c != '/' && *c != '"')
                .collect();
            (rest[slug.len()..].starts_with("/index.html") && !slug.is_empty()).then_some(slug)
        })
        .collect()
}

#[test]
fn each_departement_lists_the_territories_that_cover_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let content = repo().join("content/territories");
    let mut expected: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    let mut shared = BTreeSet::new();
    for entry in std::fs::read_dir(&content).unwrap() {
        let path = entry.unwrap().path();
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("departments:"))
            .unwrap_or("departments: []");
        let codes: Vec<String> = line
            .split(['[', ']', ',', '"'])
            .map(str::trim)
            .filter(|c| !c.is_empty() && !c.starts_with("departments"))
            .map(String::from)
            .collect();
        if codes.len() > 1 {
            shared.insert(slug.clone());
        }
        for c in codes {
            expected.entry(c).or_default().insert(slug.clone());
        }
    }
    assert!(expected.len() > 50, "{} départements", expected.len());
    assert!(
        !shared.is_empty(),
        "some territories cover several départements"
    );
    let sitemap = page(&out, "sitemap.xml");
    let plan = page(&out, "plan-du-site/index.html");
    let search: String = std::fs::read_dir(out.join("recherche"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect();
    for (code, slugs) in &expected {
        let rel = format!("departements/{}/index.html", code.to_lowercase());
        let html = page(&out, &rel);
        assert_eq!(&territory_links(&html), slugs, "{rel}");
        if slugs.iter().any(|s| shared.contains(s)) {
            assert!(
                html.contains("couvrent aussi d’autres départements"),
                "{rel}"
            );
        }
        assert!(html.contains("graphique-departement-"), "{rel}: a chart");
        assert!(
            sitemap.contains(&format!("departements/{}/", code.to_lowercase())),
            "{rel}"
        );
        assert!(plan.contains(&format!("departements/{}/index.html", code.to_lowercase())));
        assert!(
            search.contains(&format!("departements/{}/", code.to_lowercase())),
            "{rel}"
        );
        // Each territory page links to this département.
        for slug in slugs {
            let t = page(&out, &format!("territoires/{slug}/index.html"));
            assert!(
                t.contains(&format!(
                    "../../departements/{}/index.html",
                    code.to_lowercase()
                )),
                "{slug}"
            );
        }
    }
}
