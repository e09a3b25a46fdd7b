//! What a user sees for broken content: every problem, with file, line and
//! column, in one run, and exit status 1.

use crate::support::*;

#[test]
fn two_broken_files_are_reported_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = bilan(&[
        "build",
        "--root",
        fixture("invalid-two-files").to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "nothing written");
    insta::assert_snapshot!(stderr(&o));
}

#[test]
fn missing_site_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let o = bilan(&["build", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o).replace(tmp.path().to_str().unwrap(), "[ROOT]");
    insta::assert_snapshot!(err);
}

#[test]
fn check_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    let o = bilan(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!root.join("output").exists());
}

/// Copies a fixture so a test may change it.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for (rel, bytes) in read_tree(from) {
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(dest, bytes).unwrap();
    }
}

#[test]
fn new_site_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mon-site");
    let o = bilan(&["new", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("bilan build --root"));
    let o = bilan(&["build", "--root", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // One warning: the address to fill in, at the placeholder's line.
    let err = stderr(&o);
    assert_eq!(err.matches(": warning:").count(), 1, "{err}");
    assert!(
        err.contains("`base_url` is `/`") && err.contains("--base-url"),
        "{err}"
    );
    let yaml = std::fs::read_to_string(dir.join("content/site.yaml")).unwrap();
    assert!(yaml.contains("À REMPLIR") && yaml.contains("base_url: \"/\""));
    // CI files that rebuild on a schedule, so embargoed releases go out.
    let gitlab = std::fs::read_to_string(dir.join(".gitlab-ci.yml")).unwrap();
    assert!(
        gitlab.contains("pages:") && gitlab.contains("Schedules") && gitlab.contains("--base-url")
    );
    let github = std::fs::read_to_string(dir.join(".github/workflows/pages.yml")).unwrap();
    assert!(
        github.contains("schedule:") && github.contains("cron:") && github.contains("deploy-pages")
    );
    let out = dir.join("output");
    for rel in [
        "index.html",
        "territoires/premier-territoire/index.html",
        "territoires/second-territoire/index.html",
        "programme/index.html",
        "presse/premier-communique/index.html",
    ] {
        assert!(out.join(rel).is_file(), "{rel}");
    }
    // One project: singular words wherever a count is printed.
    for rel in ["index.html", "presse/kit/index.html", "donnees/index.html"] {
        let html = page(&out, rel);
        for wrong in ["1 projets", "1 lignes", "1 territoires", "1 emplois"] {
            assert!(!html.contains(wrong), "{rel} says {wrong}");
        }
    }
    assert!(
        page(&out, "index.html").contains("1</span> <span class=\"figure-label\">projet soutenu")
    );
    assert!(page(&out, "donnees/index.html").contains("1 ligne)"));
    let again = bilan(&["new", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "refuses a non-empty folder");
}
