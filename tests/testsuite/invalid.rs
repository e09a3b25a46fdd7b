//! One fixture per class of bad input (`tests/fixtures/invalid/<case>`, laid
//! over `base/`), each with the exact message a user sees locked in a
//! snapshot. Inputs too large or too odd to commit are made here.

use std::path::{Path, PathBuf};

use crate::errors::copy_dir;
use crate::support::*;

/// Copies `base` and the case's files into a fresh site; returns (tempdir, root).
pub(crate) fn site_with(case: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("invalid/base"), &root);
    let case_dir = fixture("invalid").join(case);
    if case_dir.is_dir() {
        copy_dir(&case_dir, &root);
    }
    (tmp, root)
}

/// Builds, expects `code`, checks nothing was written, returns stderr.
pub(crate) fn build_fails(root: &Path, code: i32, extra: &[&str]) -> String {
    let out = root.join("output");
    let mut args = vec!["build", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = bilan(&args);
    let err = stderr(&o).replace(root.to_str().unwrap(), "[ROOT]");
    assert_eq!(o.status.code(), Some(code), "{err}");
    assert!(!out.exists(), "nothing may be written:\n{err}");
    err
}

macro_rules! case {
    ($name:ident, $dir:literal) => {
        case!($name, $dir, 1, &[]);
    };
    ($name:ident, $dir:literal, $code:expr, $extra:expr) => {
        #[test]
        fn $name() {
            let (_tmp, root) = site_with($dir);
            insta::assert_snapshot!(build_fails(&root, $code, $extra));
        }
    };
}

case!(yaml_syntax_error, "yaml-syntax");
case!(type_error, "type-error");
case!(unknown_field_suggests_closest, "unknown-field");
case!(duplicate_key, "duplicate-key");
case!(region_not_in_site_yaml, "unknown-region");
case!(file_name_not_a_slug, "bad-slug");
case!(narrative_for_unknown_territory, "orphan-narrative");
case!(empty_required_field, "empty-required");
case!(missing_required_field, "missing-required");
case!(year_out_of_range, "year-range");
case!(
    aid_over_investment_fails_only_with_strict,
    "aid-over-investment",
    1,
    &["--strict"]
);
case!(malformed_embargo, "bad-embargo");
case!(press_release_without_title, "press-no-title");
case!(two_narratives_same_output, "same-output-path");
case!(empty_file, "empty-file");
case!(list_where_mapping_expected, "list-not-mapping");
case!(broken_template_names_file_line_col, "broken-template");
case!(narrative_over_generated_folder, "reserved-path");
case!(template_including_a_missing_file, "unknown-include");
case!(unknown_metric_suggests_closest, "unknown-metric");
case!(declared_key_is_neither_count_nor_metric, "declared-unknown");
case!(bad_metric_entries, "bad-metric-spec");
case!(region_codes_folding_to_one_path, "region-collision");
case!(two_records_with_one_slug, "duplicate-slug");
case!(static_file_over_a_generated_one, "static-over-generated");
case!(sum_too_large_for_any_total, "overflow");
case!(script_and_data_urls, "script-link");
case!(two_documents_in_one_record, "multi-document");
case!(every_error_and_no_misleading_one, "never-mislead");
case!(base_url_to_another_site, "bad-base-url");
case!(
    base_url_flag_is_checked_like_site_yaml,
    "base",
    2,
    &["--base-url", "javascript:alert(1)//"]
);
case!(template_include_cycle, "include-cycle");
case!(template_extends_cycle, "extends-cycle");

#[test]
fn aid_over_investment_is_only_a_warning() {
    let (_tmp, root) = site_with("aid-over-investment");
    let o = bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: project 1: `aid_eur`"));
}

#[test]
fn unusual_but_valid_input_builds() {
    let (_tmp, root) = site_with("unusual-but-valid");
    let o = bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = page(&root.join("output"), "territoires/coeur/index.html");
    assert!(html.contains("Cœur d’industrie 🏭 “guillemets”"), "{html}");
    assert!(html.contains("Récit 🚀"));
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

#[test]
fn yaml_alias_bomb() {
    let (_tmp, root) = site_with("base");
    let mut bomb =
        String::from("name: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (i, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            "{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    bomb.push_str("region: \"84\"\n");
    write(&root, "content/territories/bomb.yaml", bomb.as_bytes());
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn deeply_nested_yaml() {
    let (_tmp, root) = site_with("base");
    let deep = format!(
        "name: {}{}\nregion: \"84\"\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    write(&root, "content/territories/deep.yaml", deep.as_bytes());
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn invalid_utf8() {
    let (_tmp, root) = site_with("base");
    write(
        &root,
        "content/territories/latin1.yaml",
        b"name: \"Vall\xe9e\"\nregion: \"84\"\n",
    );
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn several_megabyte_record() {
    let (_tmp, root) = site_with("base");
    let mut big = String::from("name: \"Gros\"\nregion: \"84\"\nprojects:\n");
    while big.len() < 4_000_000 {
        big.push_str("  - { title: \"Ligne\", jobs_created: 1, investment_eur: 10 }\n");
    }
    big.push_str("  - { title: \"Fin\", jobs_created: -1 }\n");
    write(&root, "content/territories/big.yaml", big.as_bytes());
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let (_tmp, root) = site_with("base");
    std::fs::create_dir_all(root.join("content/static/a")).unwrap();
    std::os::unix::fs::symlink("..", root.join("content/static/a/loop")).unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn every_problem_in_every_file_in_one_run() {
    let (_tmp, root) = site_with("unknown-field");
    copy_dir(&fixture("invalid/unknown-region"), &root);
    copy_dir(&fixture("invalid/bad-embargo"), &root);
    let err = build_fails(&root, 1, &[]);
    for file in ["typo.yaml", "nowhere.yaml", "embargo.md"] {
        assert!(err.contains(file), "{file} missing from:\n{err}");
    }
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn check_names_the_page_and_target_of_broken_links_and_anchors() {
    let (_tmp, root) = site_with("broken-link");
    let o = bilan(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!root.join("output").exists());
    insta::assert_snapshot!(stderr(&o).replace(root.to_str().unwrap(), "[ROOT]"));
    // `build` only warns: a link does not stop a publication.
    let o = bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("warning: link to `../territoires/arv/index.html`"));
}
