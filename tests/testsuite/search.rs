//! Search: the index the build writes, the box in every header, and the
//! search page and territory filters driven in headless Chromium from
//! `file://` (with the audit tools; `scripts/test` makes them mandatory).

use std::process::Command;

use crate::audit::{audit_dir, tools_ready};
use crate::support::*;

#[test]
fn every_page_has_a_search_box_that_works_as_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    for (path, bytes) in read_tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let root = if path == "404.html" {
            "/".to_string()
        } else {
            "../".repeat(path.matches('/').count())
        };
        let form = format!(
            "<form role=\"search\" class=\"site-search menu-wide\" action=\"{root}recherche/index.html\" method=\"get\">"
        );
        assert!(html.contains(&form), "{path} has no search box");
        assert!(html.contains("<input type=\"search\" id=\"recherche-site\" name=\"q\""));
    }
    let meta = page(&out, "recherche/meta.js");
    assert!(meta.starts_with("BILAN_SEARCH.meta({\"docs\":"), "{meta}");
    assert!(out.join("recherche/t-du.js").is_file() && out.join("recherche/d-0.js").is_file());
}

/// One JSON line of the script's output, by its first key.
fn line<'a>(lines: &'a [serde_json::Value], key: &str) -> &'a serde_json::Value {
    lines
        .iter()
        .find(|l| l.get(key).is_some())
        .unwrap_or_else(|| panic!("no `{key}` line in {lines:?}"))
}

#[test]
fn queries_typed_in_chromium_find_the_expected_first_results() {
    if let Err(why) = tools_ready() {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but the audit tools are missing ({why})"
        );
        eprintln!("search test skipped: {why}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let o = Command::new("node")
        .current_dir(audit_dir())
        .arg("search.mjs")
        .arg(&out)
        .args([
            "dunkerque",
            "vallee de l arve",
            "HAUT-JURA",
            "chateau",
            "métallurgie",
            "xyzzyqq",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let first = |q: &str, group: &str| {
        let l = lines.iter().find(|l| l["query"] == q).unwrap();
        l["groups"][group].as_str().map(String::from)
    };
    assert_eq!(
        first("dunkerque", "Territoires").as_deref(),
        Some("Dunkerque")
    );
    assert_eq!(
        first("vallee de l arve", "Territoires").as_deref(),
        Some("Vallée de l'Arve")
    );
    assert_eq!(
        first("HAUT-JURA", "Territoires").as_deref(),
        Some("Haut-Jura")
    );
    assert_eq!(
        first("chateau", "Territoires").as_deref(),
        Some("Château-Thierry")
    );
    assert!(
        first("métallurgie", "Projets").is_some(),
        "a sector finds its projects"
    );
    let none = lines.iter().find(|l| l["query"] == "xyzzyqq").unwrap();
    assert_eq!(none["status"], "Aucun résultat");
    assert_eq!(
        line(&lines, "axe")["axe"],
        serde_json::json!([]),
        "axe with results shown"
    );
    assert_eq!(
        line(&lines, "keyboard")["keyboard"],
        "Dunkerque",
        "Tab reaches the results"
    );
    let filter = &line(&lines, "filter")["filter"];
    assert_eq!(filter["shown"], 4, "?region=84&q=vallee filters the table");
    assert_eq!(filter["status"], "4 territoires affichés sur 149");
}
