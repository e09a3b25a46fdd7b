//! Every problem of a file in one run: a record with eight mistakes of
//! different kinds (unknown region, a text where a list goes, a French
//! date, a French field name at the wrong level and in a project, words
//! where numbers go, a formatted amount) and an aid above its investment
//! reports all nine at once, each at its line and column.

use crate::support::*;

#[test]
fn a_record_with_eight_mistakes_reports_all_of_them_in_one_run() {
    let o = bilan(&[
        "check",
        "--root",
        fixture("eight-mistakes").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("8 errors, 1 warning"), "{err}");
    insta::assert_snapshot!(err);
}

/// `bilan check`'s messages on the eight-mistakes site with one more
/// record, `file` holding `text`.
fn check_with_record(file: &str, text: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::errors::copy_dir(
        &fixture("eight-mistakes").join("content"),
        &site.join("content"),
    );
    std::fs::write(site.join("content/territories").join(file), text).unwrap();
    stderr(&bilan(&["check", "--root", site.to_str().unwrap()]))
}

#[test]
fn a_broken_record_does_not_hide_the_others() {
    // A syntax error in one file; a semantic error in another.
    let err = check_with_record("cassé.yaml", "name: \"Cassé\"\nregion: [R1\n");
    assert!(err.contains("cassé.yaml:"), "{err}");
    assert!(
        err.contains("premier-territoire.yaml:3:1: error: region `R9`"),
        "{err}"
    );
    assert!(err.contains("premier-territoire.yaml:16:21:"), "{err}");
}

/// A syntax error inside a record leaves out only the list item (or the
/// field) it is in: the rest of the file is still checked, in the same
/// run, and the message says which lines were not.
#[test]
fn a_syntax_error_leaves_out_its_lines_and_the_rest_is_checked() {
    let err = check_with_record(
        "deux.yaml",
        "name: \"Deux\"\nregion: \"R1\"\nprojects:\n  - title: \"Ouvert\n    year: 2020\n  - title: \"Fermé\"\n    secteur: \"x\"\n",
    );
    assert!(
        err.contains("deux.yaml:4:1: warning: lines 4–5 (in `projects`) were left out"),
        "{err}"
    );
    assert!(
        err.contains("deux.yaml:7:5: error: projects[0]: unknown field `secteur`"),
        "{err}"
    );
}

/// Off a terminal (CI logs, pipes), a build prints one line per stage as
/// it ends; `BILAN_PROGRESS=off` silences them.
#[test]
fn builds_print_one_line_per_stage_off_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = command()
        .args([
            "build",
            "--root",
            fixture("english").to_str().unwrap(),
            "--output",
        ])
        .arg(&out)
        .env("BILAN_PROGRESS", "")
        .env("CI", "true")
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let stages: Vec<&str> = err.lines().filter(|l| l.starts_with("[bilan] ")).collect();
    for stage in [
        "Loaded content",
        "Drew charts",
        "wrote pages",
        "wrote PDFs",
        "Swapped in",
    ] {
        assert!(stages.iter().any(|l| l.contains(stage)), "{stage}:\n{err}");
    }
    // Each line says how long: `[bilan] wrote pages (12 ms)`.
    assert!(stages.iter().all(|l| l.ends_with(" ms)")), "{err}");
    // The summary comes after the stages.
    assert!(
        err.trim_end().lines().last().unwrap().starts_with("Built "),
        "{err}"
    );
    let quiet = bilan(&[
        "build",
        "--root",
        fixture("english").to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("[bilan] "));
}

/// site.yaml's metrics written one per line, as `bilan new` writes them:
/// a mistake on each of two lines is reported in one run, each naming its
/// own metric, though the one before it was left out to read on.
#[test]
fn mistakes_on_two_metric_lines_are_reported_in_one_run() {
    let (_tmp, site) = new_site();
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let text = text
        .replace("unit: count, file: emplois", "unit: nombre, file: emplois")
        .replace(
            "charts: [region, year, sector, project]",
            "charts: [region, map]",
        );
    std::fs::write(&yaml, text).unwrap();
    let o = bilan(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("site.yaml:15:"), "{err}");
    assert!(err.contains("metrics[0].unit"), "{err}");
    assert!(err.contains("site.yaml:16:"), "{err}");
    assert!(err.contains("metrics[1].charts[1]"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

/// A mistake in a page's front matter does not hide the page's other
/// problems: its body and its other fields are checked in the same run.
#[test]
fn a_bad_front_matter_date_does_not_hide_the_pages_other_problems() {
    let (_tmp, site) = new_site();
    std::fs::write(
        site.join("content/narratives/bilan.md"),
        "---\ntitle: \"Bilan\"\ndate: 2024-13-45\nterritory: nulle-part\n---\nVoir [ce lien](javascript:alert(1)).\n",
    )
    .unwrap();
    let o = bilan(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bilan.md:3:7: error: date"), "{err}");
    assert!(err.contains("nulle-part"), "{err}");
    assert!(err.contains("javascript:alert(1)"), "{err}");
}

/// A mistake on a plain line of site.yaml (`language: frr`) does not hold
/// back the records' checks: both come in one run. A metric's line that
/// does not read does: a record naming that metric would otherwise be
/// reported for a mistake it does not have.
#[test]
fn a_mistake_in_site_yaml_does_not_hide_the_records_mistakes() {
    let (_tmp, site) = new_site();
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("language: fr", "language: frr")).unwrap();
    let record = site.join("content/territories/premier-territoire.yaml");
    let record_text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        record_text.replace("region: \"R1\"", "region: \"R9\""),
    )
    .unwrap();
    let check = || stderr(&bilan(&["check", "--root", site.to_str().unwrap()]));
    let err = check();
    assert!(err.contains("site.yaml:2:11: error"), "{err}");
    assert!(err.contains("premier-territoire.yaml:2:1: error"), "{err}");
    assert!(err.contains("2 errors"), "{err}");

    let text = text.replace("unit: count, file: emplois", "unit: nombre, file: emplois");
    std::fs::write(&yaml, text).unwrap();
    let err = check();
    assert!(err.contains("metrics[0].unit"), "{err}");
    assert!(!err.contains("jobs_created"), "{err}");
}

/// The same for the press kit: a field that does not read does not hide
/// a missing photo.
#[test]
fn a_mistake_in_kit_yaml_does_not_hide_its_other_problems() {
    let (_tmp, site) = new_site();
    std::fs::write(
        site.join("content/press/kit.yaml"),
        "credits: [ANCT, INSEE]\nphotos:\n  - { file: \"photos/usine.jpg\", caption: \"Une usine\", credit: \"X\", alt: \"Une usine\" }\n",
    )
    .unwrap();
    let err = stderr(&bilan(&["check", "--root", site.to_str().unwrap()]));
    assert!(err.contains("kit.yaml:1:10: error: credits"), "{err}");
    assert!(
        err.contains("photo `photos/usine.jpg` is not in content/static"),
        "{err}"
    );
}

/// A site as `bilan new` writes it, in a temporary folder.
fn new_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert!(bilan(&["new", site.to_str().unwrap()]).status.success());
    (tmp, site)
}
