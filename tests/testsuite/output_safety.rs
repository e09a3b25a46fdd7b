//! The published site is never lost: a failed build leaves it as it was,
//! and an output folder holding the user's files is refused.

use crate::errors::copy_dir;
use crate::support::*;

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let out = tmp.path().join("public");
    copy_dir(&fixture("second-programme"), &root);
    build(&root, &out, &[]);
    let before = read_tree(&out);

    // A content error, then a template error found late, during rendering.
    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: Cap\nregion: Z\n",
    )
    .unwrap();
    let o = try_build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(read_tree(&out) == before);

    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: Cap\nregion: A\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/region.html"),
        "{% extends \"base.html\" %}{% block content %}{{ region.nope }}{% endblock content %}",
    )
    .unwrap();
    let o = try_build(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("templates/region.html:1:"),
        "{}",
        stderr(&o)
    );
    assert!(read_tree(&out) == before);
    let mut left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    // The root, the output and the output's lock file: no temporary folder.
    assert_eq!(
        left,
        [".public.bilan-lock", "public", "site"],
        "no temporary folder left"
    );
}

#[test]
fn dangerous_output_is_refused_and_nothing_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    std::fs::create_dir_all(root.join("notes")).unwrap();
    std::fs::write(root.join("notes/keep.txt"), "mine").unwrap();
    let before = read_tree(tmp.path());
    for target in [".", "content", "themes", "..", "notes"] {
        let o = try_build(&root, &root.join(target), &[]);
        assert_eq!(o.status.code(), Some(2), "{target}: {}", stderr(&o));
        assert!(stderr(&o).contains("refusing"), "{target}: {}", stderr(&o));
    }
    assert!(read_tree(tmp.path()) == before);
}

#[test]
fn site_template_overrides_one_theme_template() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Perdu en mer</p>{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&root, &out, &[]);
    assert!(page(&out, "404.html").contains("Perdu en mer"));
    assert!(
        page(&out, "index.html").contains("Ports de demain"),
        "other templates still come from the theme"
    );
}

#[test]
fn killed_build_leaves_a_complete_site() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let reference = tmp.path().join("reference");
    let root = repo();
    // Two "todays" give two sites that differ on every page (the stamp).
    let build_at = |dest: &std::path::Path, now: &str| {
        let o = bilan(&[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            dest.to_str().unwrap(),
            "--now",
            now,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    build_at(&reference, "2021-10-13");
    let new = read_tree(&reference);
    build_at(&out, "2021-10-12");
    let old = read_tree(&out);
    assert!(old != new);
    for delay_ms in [0u64, 3, 8, 15, 25, 40, 60, 90] {
        let mut child = crate::support::command()
            .args([
                "build",
                "--root",
                root.to_str().unwrap(),
                "--output",
                out.to_str().unwrap(),
                "--now",
                "2021-10-13",
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        let now = read_tree(&out);
        assert!(
            now == old || now == new,
            "after a kill at {delay_ms} ms the site is a mix"
        );
        // Put the old site back for the next round.
        build_at(&out, "2021-10-12");
    }
}

#[test]
fn ten_builds_at_once_leave_a_clean_site() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = tmp.path().join("clean");
    build(&fixture("second-programme"), &clean, &[]);
    let expected = read_tree(&clean);
    let out = tmp.path().join("shared");
    for round in 0..5 {
        let children: Vec<std::process::Child> = (0..10)
            .map(|_| {
                crate::support::command()
                    .args(["build", "--root"])
                    .arg(fixture("second-programme"))
                    .arg("--output")
                    .arg(&out)
                    .args(["--now", "2021-10-12T12:00:00+02:00"])
                    .env_remove("SOURCE_DATE_EPOCH")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            match o.status.code() {
                Some(0) => {}
                Some(2) => assert!(err.contains("error"), "exit 2 without a message"),
                other => panic!("round {round}: exit {other:?}\n{err}"),
            }
        }
        let got = read_tree(&out);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "round {round}: same files"
        );
        for (path, bytes) in &expected {
            if path != ".bilan-output" {
                assert!(got[path] == *bytes, "round {round}: {path} differs");
            }
        }
        let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("bilan-new") || n.contains("bilan-old"))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
}

#[test]
fn leftover_staging_folders_are_removed_whatever_their_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let left = tmp.path().join(".site.bilan-new-999999/deep");
    std::fs::create_dir_all(&left).unwrap();
    std::fs::write(left.join("page.html"), "partial").unwrap();
    std::fs::set_permissions(&left, std::fs::Permissions::from_mode(0o500)).unwrap();
    std::fs::set_permissions(
        left.parent().unwrap(),
        std::fs::Permissions::from_mode(0o500),
    )
    .unwrap();
    build(&fixture("second-programme"), &out, &[]);
    assert!(!tmp.path().join(".site.bilan-new-999999").exists());
}

/// `chattr +i` on `path`, or false where the file system or user cannot.
fn immutable(path: &std::path::Path, on: bool) -> bool {
    std::process::Command::new("chattr")
        .arg(if on { "+i" } else { "-i" })
        .arg(path)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_protected_file_in_the_old_site_never_fails_a_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&fixture("second-programme"), &out, &[]);
    let locked = out.join("index.html");
    if !immutable(&locked, true) {
        eprintln!("skipped: chattr +i is not available here");
        return;
    }
    let run = |now: &str| try_build(&fixture("second-programme"), &out, &["--now", now]);
    let first = run("2022-01-01");
    let second = run("2022-01-02");
    // Unlock before asserting, so the temporary folder can be removed.
    let stuck: Vec<std::path::PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("bilan-new"))
        .collect();
    for dir in &stuck {
        immutable(&dir.join("index.html"), false);
    }
    for o in [&first, &second] {
        assert!(o.status.success(), "{}", stderr(o));
    }
    assert!(stderr(&first).contains("holds an earlier site that could not be removed"));
    assert!(
        page(&out, "index.html").contains("2 janvier 2022"),
        "the newest site is in place"
    );
}

#[test]
fn the_published_folder_holds_no_build_state_and_a_no_change_rebuild_touches_nothing() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::errors::copy_dir(
        &fixture("second-programme").join("content"),
        &site.join("content"),
    );
    let out = tmp.path().join("out");
    let cache = tmp.path().join("cache");
    let cache_arg = ["--cache-dir", cache.to_str().unwrap()];
    build(&site, &out, &cache_arg);
    let marker = std::fs::read_to_string(out.join(".bilan-output")).unwrap();
    assert!(
        !marker.contains("page ") && !marker.contains("summary"),
        "{marker}"
    );
    let states: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state-"))
        .collect();
    assert_eq!(
        states.len(),
        1,
        "the build state lives in the cache: {states:?}"
    );
    // A territory's card is its cached file, linked, not a second copy.
    let card = std::fs::read_dir(out.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("territoire-") && name.ends_with(".png")
        })
        .expect("a territory card");
    let cached = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().ino())
        .collect::<Vec<_>>();
    assert!(cached.contains(&std::fs::metadata(&card).unwrap().ino()));
    let stamp = |dir: &std::path::Path| -> std::collections::BTreeMap<String, (u64, i64)> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let m = e.metadata().unwrap();
                (
                    e.path().display().to_string(),
                    (m.ino(), m.mtime_nsec() + m.mtime() * 1_000_000_000),
                )
            })
            .collect()
    };
    let before = stamp(&out);
    let o = build(&site, &out, &cache_arg);
    assert!(stderr(&o).contains(" 0 written,"), "{}", stderr(&o));
    assert!(!site.join(".bilan-cache").exists());
    assert_eq!(
        stamp(&out),
        before,
        "every file, the marker included, is the same file as before"
    );
}
