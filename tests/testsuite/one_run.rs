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
    assert!(err.contains("8 error(s), 1 warning(s)"), "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn a_broken_record_does_not_hide_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::errors::copy_dir(
        &fixture("eight-mistakes").join("content"),
        &site.join("content"),
    );
    // A syntax error in one file; a semantic error in another.
    std::fs::write(
        site.join("content/territories/cassé.yaml"),
        "name: \"Cassé\"\nregion: [R1\n",
    )
    .unwrap();
    let o = bilan(&["check", "--root", site.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("cassé.yaml:"), "{err}");
    assert!(
        err.contains("premier-territoire.yaml:3:1: error: region `R9`"),
        "{err}"
    );
    assert!(err.contains("premier-territoire.yaml:16:21:"), "{err}");
}
