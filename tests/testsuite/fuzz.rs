//! Property test of the loaders: no input, however broken, makes them panic,
//! and every rejected input comes with a located diagnostic.
//!
//! CI runs 2,000 cases per property; set BILAN_FUZZ_CASES for a longer run.

use std::path::{Path, PathBuf};

use bilan::config::SiteConfig;
use bilan::diag::Diagnostics;
use bilan::records::Territory;
use proptest::prelude::*;

const VALID_RECORD: &str = "name: \"Vallée\"\nregion: \"84\"\ndepartments: [\"74\"]\nprojects:\n  - title: \"Ligne\"\n    year: 2021\n    investment_eur: 1000\n    aid_eur: 10\n    jobs_created: 2\nactions:\n  - { title: \"École\", theme: recruter }\n";
const VALID_PAGE: &str = "---\ntitle: \"Récit\"\ndate: 2021-10-11\nembargo: \"2021-10-11T09:00:00+02:00\"\nterritory: arve\n---\n# Titre\n\nTexte.\n";

fn cases() -> u32 {
    std::env::var("BILAN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// A valid document with a few bytes replaced, inserted or removed: most
/// interesting inputs are near-misses of real ones.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "",
        ":",
        " ",
        "\n",
        "-",
        "- ",
        "  ",
        "\t",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!",
        "|",
        ">",
        "#",
        "---",
        "\u{feff}",
        "\r\n",
        "é",
        "🏭",
        "99999999999999999999",
        "-1",
        "~",
        "null",
        "? ",
        "%",
        "@",
    ]);
    prop::collection::vec((0..base.len(), 0usize..4, pieces), 1..6).prop_map(move |edits| {
        let mut s = base.as_bytes().to_vec();
        for (pos, del, piece) in edits {
            let pos = pos.min(s.len());
            let end = (pos + del).min(s.len());
            s.splice(pos..end, piece.bytes());
        }
        String::from_utf8_lossy(&s).into_owned()
    })
}

fn yaml_soup() -> impl Strategy<Value = String> {
    "[a-z_:\\- \n\\[\\]{}\"'#&*!|>,0-9\u{e9}]{0,300}"
}

fn check_yaml<T: serde::de::DeserializeOwned>(text: &str) {
    let mut d = Diagnostics::default();
    let parsed: Option<T> = bilan::yaml::parse(text, Path::new("f.yaml"), 0, &mut d);
    if parsed.is_none() {
        assert!(d.has_errors(), "rejected without a diagnostic: {text:?}");
    }
}

fn check_page(text: &str) {
    let mut d = Diagnostics::default();
    let page = bilan::content::parse_page(text, "p".into(), PathBuf::from("p.md"), &mut d);
    if page.is_none() {
        assert!(d.has_errors(), "rejected without a diagnostic: {text:?}");
    }
    if let Some(p) = page {
        let _ = bilan::markdown::render(&p.body, false);
        let _ = bilan::markdown::scan(&p.body);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn territory_loader_never_panics(text in prop_oneof![mutated(VALID_RECORD), yaml_soup()]) {
        check_yaml::<Territory>(&text);
    }

    #[test]
    fn site_loader_never_panics(text in prop_oneof![mutated("title: a\nprogramme:\n  name: b\n  declared: { jobs_created: 3 }\nregions:\n  - { code: \"1\", name: r }\n"), yaml_soup()]) {
        check_yaml::<SiteConfig>(&text);
    }

    #[test]
    fn page_loader_never_panics(text in prop_oneof![mutated(VALID_PAGE), "---\n[a-z:\\- \n\"'#&*|>0-9]{0,200}"]) {
        check_page(&text);
    }
}
