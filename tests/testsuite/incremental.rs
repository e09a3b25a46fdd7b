//! Fast paths must equal slow ones: random sequences of edits to a fixture
//! site (figures, names, regions and codes of records, map outlines,
//! site.yaml, narratives, templates, static files, kit.yaml, records added
//! and removed, nothing at all). After each edit the incremental build (same
//! output, same cache) and a build into the same output folder emptied
//! first (same cache) must equal a clean build (new output) byte for byte,
//! and now and then a clean build with an empty cache too.
//!
//! The seed is fixed; `BILAN_PROPTEST_CASES` sets the number of sequences
//! (200 by default, as in CI).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::errors::copy_dir;
use crate::support::*;

pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }
}

fn records(site: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(site.join("content/territories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn replace_line(path: &Path, starts: &str, with: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with(starts) {
                let indent = &l[..l.len() - l.trim_start().len()];
                format!("{indent}{with}")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(path, out.join("\n") + "\n").unwrap();
}

/// Applies one random edit; returns what it did, for the failure message.
pub(crate) fn edit(site: &Path, rng: &mut Rng) -> String {
    let recs = records(site);
    let rec = &recs[rng.below(recs.len())];
    let name = rec.file_name().unwrap().to_string_lossy().into_owned();
    let n = rng.below(1000);
    match rng.below(13) {
        0 => {
            let text = std::fs::read_to_string(rec).unwrap();
            let re = text.replacen("jobs_created: ", &format!("jobs_created: {n}0"), 1);
            // `jobs_created: 12000` becomes `jobs_created: {n}012000`.
            std::fs::write(rec, re).unwrap();
            format!("figure of {name}")
        }
        1 => {
            replace_line(rec, "name:", &format!("name: \"Harbour {n}\""));
            format!("name of {name}")
        }
        2 => {
            let text = std::fs::read_to_string(rec).unwrap();
            let flipped = if text.contains("region: \"N\"") {
                text.replace("region: \"N\"", "region: \"S\"")
            } else {
                text.replace("region: \"S\"", "region: \"N\"")
            };
            std::fs::write(rec, flipped).unwrap();
            format!("region of {name}")
        }
        3 => {
            replace_line(rec, "code:", &format!("code: \"c{n}\""));
            format!("code of {name}")
        }
        4 => {
            // Outlines for the first two records' codes, moved a little.
            let codes: Vec<String> = recs
                .iter()
                .take(2)
                .map(|r| {
                    let t = std::fs::read_to_string(r).unwrap();
                    t.lines()
                        .find_map(|l| l.strip_prefix("code: "))
                        .unwrap_or("\"none\"")
                        .trim_matches('"')
                        .to_string()
                })
                .collect();
            let dx = n as f64 / 1000.0;
            let features: Vec<String> = codes
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let x = i as f64 * 1.5 + dx;
                    format!(
                        r#"{{"type":"Feature","properties":{{"code":"{c}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},50],[{x1},50],[{x1},51],[{x},51],[{x},50]]]}}}}"#,
                        x1 = x + 1.0
                    )
                })
                .collect();
            std::fs::write(
                site.join("content/map/outlines.geojson"),
                format!(
                    r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                    features.join(",")
                ),
            )
            .unwrap();
            "outlines".into()
        }
        5 => {
            replace_line(
                &site.join("content/site.yaml"),
                "title:",
                &format!("title: \"Harbours {n}\""),
            );
            "site title".into()
        }
        6 => {
            std::fs::write(
                site.join("content/narratives/method.md"),
                format!("---\ntitle: \"Method\"\nweight: 1\ndate: 2025-03-01\n---\n## Sources\n\nFigures, version {n}.\n"),
            )
            .unwrap();
            "narrative".into()
        }
        7 => {
            let t = site.join("templates/territory.html");
            if t.exists() && n.is_multiple_of(2) {
                std::fs::remove_file(&t).unwrap();
                "template removed".into()
            } else {
                let base = std::fs::read_to_string(
                    repo().join("crates/bilan-core/themes/default/templates/territory.html"),
                )
                .unwrap();
                std::fs::create_dir_all(t.parent().unwrap()).unwrap();
                std::fs::write(&t, format!("{base}\n<!-- v{n} -->\n")).unwrap();
                "template overridden".into()
            }
        }
        8 => {
            let dir = site.join("content/static");
            std::fs::create_dir_all(&dir).unwrap();
            let existing: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            if !existing.is_empty() && n.is_multiple_of(2) {
                std::fs::remove_file(&existing[0]).unwrap();
                "static file removed".into()
            } else {
                std::fs::write(dir.join(format!("extra-{n}.txt")), format!("{n}")).unwrap();
                "static file added".into()
            }
        }
        9 => {
            replace_line(
                &site.join("content/press/kit.yaml"),
                "presentation:",
                &format!("presentation: \"Ports, version {n}.\""),
            );
            "kit.yaml".into()
        }
        10 => {
            let text = std::fs::read_to_string(&recs[0]).unwrap();
            let added = site.join(format!("content/territories/t{n}.yaml"));
            let text = text
                .lines()
                .map(|l| {
                    if l.starts_with("name:") {
                        format!("name: \"Added {n}\"")
                    } else if l.starts_with("code:") {
                        format!("code: \"t{n}\"")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(&added, text + "\n").unwrap();
            format!("record t{n} added")
        }
        // A rebuild of the same content keeps the files of every renderer
        // as the previous build made them.
        11 => "nothing".into(),
        _ => {
            if recs.len() > 1 {
                std::fs::remove_file(rec).unwrap();
                format!("{name} removed")
            } else {
                "nothing (one record left)".into()
            }
        }
    }
}

/// A random edit that changes a file (`serve` waits for a new version).
pub(crate) fn change(site: &Path, rng: &mut Rng) -> String {
    loop {
        let what = edit(site, rng);
        if what != "nothing" {
            return what;
        }
    }
}

fn build_into(site: &Path, out: &Path, cache: &Path) -> (Option<i32>, String) {
    let o = bilan(&[
        "build",
        "--root",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--cache-dir",
        cache.to_str().unwrap(),
        "--now",
        "2025-06-01T12:00:00+02:00",
    ]);
    (o.status.code(), stderr(&o))
}

fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| match (a.get(k), b.get(k)) {
            (Some(_), None) => format!("{k}: only in the incremental build"),
            (None, Some(_)) => format!("{k}: only in the clean build"),
            _ => format!("{k}: bytes differ"),
        })
        .collect()
}

#[test]
fn incremental_builds_equal_clean_builds_after_random_edits() {
    let cases: usize = std::env::var("BILAN_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english"), &site);
    let (inc, restored, cache) = (
        tmp.path().join("inc"),
        tmp.path().join("restored"),
        tmp.path().join("cache"),
    );
    let mut rng = Rng(0x00b1_1a40);
    let (code, err) = build_into(&site, &inc, &cache);
    assert_eq!(code, Some(0), "{err}");
    let mut history = Vec::new();
    for case in 0..cases {
        for _ in 0..1 + rng.below(3) {
            history.push(format!("{case}: {}", edit(&site, &mut rng)));
            let (inc_code, inc_err) = build_into(&site, &inc, &cache);
            // The clean build writes a new output folder, so it keeps
            // nothing; now and then it draws everything anew too.
            let clean = tmp.path().join(format!("clean-{}", history.len()));
            let fresh = tmp.path().join(format!("fresh-{case}"));
            let clean_cache = if case % 25 == 24 { &fresh } else { &cache };
            let (clean_code, clean_err) = build_into(&site, &clean, clean_cache);
            let _ = std::fs::remove_dir_all(&fresh);
            // The same output folder emptied first, as in a CI that
            // restores only the cache: what it keeps comes from the cache.
            let _ = std::fs::remove_dir_all(&restored);
            let (restored_code, restored_err) = build_into(&site, &restored, &cache);
            let last = history[history.len().saturating_sub(6)..].join("\n");
            assert_eq!(
                (inc_code, restored_code),
                (clean_code, clean_code),
                "after:\n{last}\n{inc_err}\n{restored_err}\n{clean_err}"
            );
            if clean_code != Some(0) {
                continue;
            }
            let clean_tree = read_tree(&clean);
            for (name, tree) in [("incremental", &inc), ("restored", &restored)] {
                let diff = differences(&read_tree(tree), &clean_tree);
                assert!(
                    diff.is_empty(),
                    "{name} and clean builds differ after:\n{last}\n{}",
                    diff.join("\n")
                );
            }
            let _ = std::fs::remove_dir_all(&clean);
        }
    }
    eprintln!(
        "{cases} sequences, {} edits: incremental = restored = clean",
        history.len()
    );
}

/// Builds `site` at `now` into `out`, with the timings on stderr.
fn build_at(site: &Path, out: &Path, cache: &Path, now: &str) -> String {
    let o = command()
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .arg("--cache-dir")
        .arg(cache)
        .args(["--now", now])
        .env("BILAN_LOG", "time")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    stderr(&o)
}

#[test]
fn files_are_kept_only_while_their_day_and_the_embargoes_passed_are_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english"), &site);
    std::fs::write(
        site.join("content/press/2025-06-02-second.md"),
        "---\ntitle: \"Second report\"\ndate: 2025-06-02\nembargo: \"2025-06-02T09:00:00+02:00\"\n---\nMore harbours.\n",
    )
    .unwrap();
    let (inc, cache) = (tmp.path().join("inc"), tmp.path().join("cache"));
    // (now, whether the files of the build before may be kept)
    let nows = [
        ("2025-06-01T12:00:00+02:00", false),
        ("2025-06-01T12:00:00+02:00", true),
        ("2025-06-01T18:00:00+02:00", true),
        ("2025-06-02T08:59:59+02:00", false),
        ("2025-06-02T09:00:00+02:00", false),
        ("2025-06-02T12:00:00+02:00", true),
    ];
    for (i, (now, keeps)) in nows.into_iter().enumerate() {
        let log = build_at(&site, &inc, &cache, now);
        assert_eq!(log.contains("kept exports"), keeps, "{now}:\n{log}");
        let clean = tmp.path().join(format!("clean-{i}"));
        build_at(&site, &clean, &tmp.path().join(format!("cache-{i}")), now);
        let diff = differences(&read_tree(&inc), &read_tree(&clean));
        assert!(diff.is_empty(), "{now}: {}", diff.join("\n"));
    }
    let kit = std::fs::read(inc.join("presse/kit.zip")).unwrap();
    assert!(
        kit.windows(6).any(|w| w == b"second"),
        "the release out of embargo is in the kit"
    );
}

#[test]
fn a_rebuild_repeats_every_broken_link_and_keeps_the_pages_once_they_are_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english"), &site);
    let page = site.join("content/narratives/links.md");
    std::fs::write(
        &page,
        "---\ntitle: \"Links\"\n---\nSee [nowhere](../nowhere/) and [here](#missing).\n",
    )
    .unwrap();
    let (out, cache) = (tmp.path().join("out"), tmp.path().join("cache"));
    let now = "2025-06-01T12:00:00+02:00";
    for _ in 0..2 {
        let log = build_at(&site, &out, &cache, now);
        assert!(log.contains("`../nowhere/`"), "{log}");
        assert!(log.contains("`#missing`"), "{log}");
        assert!(!log.contains("kept pages"), "{log}");
    }
    std::fs::write(&page, "---\ntitle: \"Links\"\n---\nNo links.\n").unwrap();
    build_at(&site, &out, &cache, now);
    let log = build_at(&site, &out, &cache, now);
    assert!(log.contains("kept pages"), "{log}");
}

const NOW: &str = "2025-06-01T12:00:00+02:00";

/// The English fixture built into `dir/out` with the cache `dir/cache`:
/// both folders, and the files written.
fn english_built(dir: &Path) -> (PathBuf, PathBuf, BTreeMap<String, Vec<u8>>) {
    let (out, cache) = (dir.join("out"), dir.join("cache"));
    build_at(&fixture("english"), &out, &cache, NOW);
    let files = read_tree(&out);
    (out, cache, files)
}

#[test]
fn a_build_into_an_emptied_output_folder_keeps_the_files_from_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, cache, first) = english_built(tmp.path());
    std::fs::remove_dir_all(&out).unwrap();
    let log = build_at(&fixture("english"), &out, &cache, NOW);
    for renderer in ["pages", "exports", "PDFs", "kit zip", "territory charts"] {
        assert!(log.contains(&format!("kept {renderer}")), "{log}");
    }
    assert!(differences(&read_tree(&out), &first).is_empty());
}

#[test]
fn a_kit_zip_made_again_bundles_the_files_kept_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, cache, first) = english_built(tmp.path());
    // The zips gone from the output and the cache, nothing else.
    for dir in [&out, &cache] {
        for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if e.path().extension().is_some_and(|x| x == "zip") {
                std::fs::remove_file(e.path()).unwrap();
            }
        }
    }
    let log = build_at(&fixture("english"), &out, &cache, NOW);
    assert!(log.contains("of which kit zip"), "{log}");
    assert!(log.contains("kept exports"), "{log}");
    let diff = differences(&read_tree(&out), &first);
    assert!(diff.is_empty(), "{}", diff.join("\n"));
}

/// An edited record's territory charts are drawn again; every other
/// territory's come back from the cache as they were, and a cached file
/// gone missing means that territory's charts are drawn again.
#[test]
fn an_edit_draws_again_only_its_own_territory_charts() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english"), &site);
    let records = site.join("content/territories");
    let cliffs = std::fs::read_to_string(records.join("cliffs.yaml")).unwrap();
    let dunes = cliffs
        .replace("White Cliffs", "Dunes")
        .replace("\"cliffs\"", "\"dunes\"");
    std::fs::write(
        records.join("dunes.yaml"),
        dunes.replace("27300000", "12000000"),
    )
    .unwrap();
    let (out, cache) = (tmp.path().join("out"), tmp.path().join("cache"));
    build_at(&site, &out, &cache, NOW);
    // A chart drawn is stored in the cache anew (a new file), one kept is
    // not: the inode of the cache entry holding each territory's SVG.
    let entry = |slug: &str| {
        let svg = std::fs::read(out.join(format!("charts/territoire-{slug}.svg"))).unwrap();
        let found = std::fs::read_dir(&cache).unwrap().flatten();
        let found = found.filter(|e| std::fs::read(e.path()).is_ok_and(|b| b == svg));
        // The renderer's own link to it too (see `keeping_in`): one file.
        found
            .map(|e| e.metadata().unwrap().ino())
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (bay, cliffs) = (entry("bay"), entry("cliffs"));
    assert_eq!(cliffs.len(), 1, "cliffs' SVG is one file of the cache");
    let record = records.join("bay.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replacen("investment_eur: ", "investment_eur: 7", 1),
    )
    .unwrap();
    // And one of dunes' cached files lost, as a user or a CI cache may.
    let dunes_svg = std::fs::read(out.join("charts/territoire-dunes.svg")).unwrap();
    for e in std::fs::read_dir(&cache).unwrap().flatten() {
        if std::fs::read(e.path()).is_ok_and(|b| b == dunes_svg) {
            std::fs::remove_file(e.path()).unwrap();
        }
    }

    let log = build_at(&site, &out, &cache, NOW);
    // bay and dunes of the four.
    assert!(
        log.contains("territories whose charts were drawn: 2 of 4"),
        "{log}"
    );
    assert_eq!(
        entry("cliffs"),
        cliffs,
        "cliffs' charts come from the cache"
    );
    assert_ne!(entry("bay"), bay, "bay's charts are drawn again");
    assert_eq!(
        entry("dunes").len(),
        1,
        "dunes' charts are drawn and cached again"
    );
    let clean = tmp.path().join("clean");
    build_at(&site, &clean, &tmp.path().join("clean-cache"), NOW);
    let diff = differences(&read_tree(&out), &read_tree(&clean));
    assert!(diff.is_empty(), "{}", diff.join("\n"));
}

/// Records are parsed once and kept in the cache, but only those read
/// without a problem: a record read with one (here a date that is not one,
/// whose line is left out so that the rest is still checked in the same
/// run) is parsed again by the next build, which reports it again.
#[test]
fn a_record_read_with_a_problem_is_reported_again_by_every_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english"), &site);
    let record = site.join("content/territories/bay.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let broken = text.replace("labelled_on: 2022-03-01", "labelled_on: someday");
    std::fs::write(&record, &broken).unwrap();
    let (out, cache) = (tmp.path().join("out"), tmp.path().join("cache"));
    let first = build_into(&site, &out, &cache);
    assert_eq!(first.0, Some(1), "{}", first.1);
    assert!(first.1.contains("bay.yaml:4:14: error"), "{}", first.1);
    assert_eq!(build_into(&site, &out, &cache), first);
    // Fixed, it is kept; broken again, it is reported again.
    std::fs::write(&record, &text).unwrap();
    assert_eq!(build_into(&site, &out, &cache).0, Some(0));
    assert_eq!(build_into(&site, &out, &cache).0, Some(0));
    std::fs::write(&record, &broken).unwrap();
    assert_eq!(build_into(&site, &out, &cache), first);
}
