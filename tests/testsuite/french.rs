//! Messages in the site's language: a French site (the default, or
//! `language: fr`) gets French errors, hints, warnings, summaries, import
//! reports and `--help`; an English site gets English ones whatever `LANG`
//! says; with no site, `LANG` decides. The other test files force English
//! with `BILAN_LANG=en` and snapshot the English wording.

use crate::support::*;

/// `bilan` as a French user runs it: no `BILAN_LANG`, a French `LANG`.
fn french() -> std::process::Command {
    let mut c = command();
    c.env_remove("BILAN_LANG").env("LANG", "fr_FR.UTF-8");
    c
}

/// `bilan check` on the fixture `site`, under the locale `lang`.
fn check(site: &str, lang: &str) -> std::process::Output {
    french()
        .env("LANG", lang)
        .args(["check", "--root", fixture(site).to_str().unwrap()])
        .output()
        .unwrap()
}

#[test]
fn a_record_with_eight_mistakes_reports_all_of_them_in_french() {
    let o = check("eight-mistakes", "fr_FR.UTF-8");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("8 erreurs, 1 avertissement : rien n’a été écrit."),
        "{err}"
    );
    insta::assert_snapshot!(err);
}

#[test]
fn a_french_site_is_reported_in_french_even_under_an_english_locale() {
    let err = stderr(&check("eight-mistakes", "en_GB.UTF-8"));
    assert!(err.contains(": erreur : la région `R9`"), "{err}");
    assert!(err.contains("= conseil :"), "{err}");
}

#[test]
fn an_english_site_is_reported_in_english_even_under_a_french_locale() {
    let err = stderr(&check("english", "fr_FR.UTF-8"));
    assert!(err.contains("Checked "), "{err}");
    assert!(!err.contains("vérifiés"), "{err}");
}

/// A successful build's summary counts in the French format: `1 229`
/// with a narrow no-break space, plural words, `ms`.
#[test]
fn a_french_build_summary_uses_french_words_and_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = french()
        .args(["build", "--root", repo().to_str().unwrap(), "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let summary = err.lines().last().unwrap();
    assert!(summary.contains("fichiers construits"), "{summary}");
    assert!(
        summary.contains("\u{202f}"),
        "thousands separated: {summary}"
    );
    assert!(err.contains("avertissement : `base_url` vaut `/`"), "{err}");
}

#[test]
fn the_import_report_is_in_french() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::errors::copy_dir(&repo().join("content"), &root.join("content"));
    let sheet = fixture("import").join("projets.xlsx");
    let o = french()
        .args([
            "import",
            sheet.to_str().unwrap(),
            "--root",
            root.to_str().unwrap(),
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout)
        .replace(fixture("import").to_str().unwrap(), "[FIXTURES]");
    insta::assert_snapshot!(out);
    let bad = fixture("import").join("cinq-erreurs.csv");
    let o = french()
        .args([
            "import",
            bad.to_str().unwrap(),
            "--root",
            root.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace(fixture("import").to_str().unwrap(), "[FIXTURES]");
    insta::assert_snapshot!("import_errors_in_french", err);
}

/// With no site, `LANG` decides, for `--help` as for the rest.
#[test]
fn help_follows_lang_where_there_is_no_site() {
    let tmp = tempfile::tempdir().unwrap();
    let help = |lang: &str| {
        let o = command()
            .env_remove("BILAN_LANG")
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .current_dir(tmp.path())
            .args(["build", "--help"])
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let fr = help("fr_FR.UTF-8");
    assert!(fr.contains("Utilisation : bilan build"), "{fr}");
    assert!(fr.contains("Publier aussi les brouillons"), "{fr}");
    assert!(fr.contains("Afficher l’aide"), "{fr}");
    let en = help("C.UTF-8");
    assert!(en.contains("Usage: bilan build"), "{en}");
    assert!(en.contains("Also publish drafts"), "{en}");
    insta::assert_snapshot!("build_help_in_french", fr);
}

/// `bilan new` outside any site speaks the user's `LANG`.
#[test]
fn new_speaks_lang() {
    let tmp = tempfile::tempdir().unwrap();
    let o = command()
        .env_remove("BILAN_LANG")
        .env("LANG", "fr_FR.UTF-8")
        .current_dir(tmp.path())
        .args(["new", "site"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Nouveau site créé dans site."), "{out}");
}
