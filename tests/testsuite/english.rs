//! `language: en` switches every label, number and date format.

use crate::support::*;

#[test]
fn english_site_has_english_labels_numbers_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture("english"), &out, &[]);
    let err = stderr(&o);
    assert!(
        err.contains("Estuary"),
        "the territory without an outline is named: {err}"
    );
    let home = page(&out, "index.html");
    assert!(home.contains("<html lang=\"en\">"));
    for english in [
        "Key figures",
        "jobs created",
        "12,250",
        "€5.4bn",
        "Territories by region",
        "Skip to content",
        "Accessibility: partially compliant",
    ] {
        assert!(home.contains(english), "home lacks {english}");
    }
    assert!(
        page(&out, "charts/projets-par-annee.svg").contains("1 project\n"),
        "singular for one"
    );
    let release = page(&out, "presse/2025-03-01-report/index.html");
    assert!(release.contains("1 March 2025"), "English date");
    let bay = page(&out, "territoires/bay/index.html");
    assert!(
        bay.contains("€5.4bn") && bay.contains("Elected official"),
        "English amounts and labels"
    );
    for (path, bytes) in read_tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for french in [
            "Chiffres clés",
            "Télécharger",
            "Territoires par région",
            "Généré le",
            "emplois créés",
            "\u{202f}:",
            "Aller au contenu",
            "Accueil",
        ] {
            assert!(!html.contains(french), "{path} has French: {french}");
        }
    }
    let kit = page(&out, "presse/kit/index.html");
    assert!(kit.contains("Press kit") && kit.contains("Download"));
}
