//! The third hostile pass: what a checkout can plant (a cache that is a
//! link, cache entries, a static file over a generated one, links and hard
//! links to the site's sources), what a contributor can slip into Markdown
//! or a URL field, and files a person keeps in the output folder.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::invalid::{build_fails, site_with};
use crate::support::{bilan, build, fixture, repo, stderr};

fn build_at(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--now",
        "2021-10-12",
    ];
    args.extend_from_slice(extra);
    bilan(&args)
}

/// Files outside the site that a cache link points at.
fn victim(dir: &Path) -> std::path::PathBuf {
    let v = dir.join("victim");
    fs::create_dir_all(&v).unwrap();
    fs::write(v.join("0123456789abcdef.png"), "precious").unwrap();
    fs::write(v.join("rapport.odt"), "precious").unwrap();
    v
}

fn untouched(v: &Path) {
    let names: Vec<String> = fs::read_dir(v)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "nothing added or removed: {names:?}");
    for n in ["0123456789abcdef.png", "rapport.odt"] {
        assert_eq!(fs::read_to_string(v.join(n)).unwrap(), "precious");
    }
}

#[test]
fn a_cache_that_is_a_link_is_refused_and_nothing_outside_is_touched() {
    let (tmp, root) = site_with("base");
    let v = victim(tmp.path());
    let link = root.join("cache");
    symlink(&v, &link).unwrap();
    let err = build_fails(&root, 2, &["--cache-dir", link.to_str().unwrap()]);
    insta::assert_snapshot!(err.replace(tmp.path().to_str().unwrap(), "[TMP]"));
    untouched(&v);
    // The same through the environment, as a CI cache would set it.
    let o = crate::support::command()
        .args(["build", "--root", root.to_str().unwrap()])
        .env("BILAN_CACHE_DIR", &link)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    untouched(&v);
    // A cache folder holding a link is refused too.
    fs::remove_file(&link).unwrap();
    fs::create_dir_all(&link).unwrap();
    symlink(v.join("rapport.odt"), link.join("fedcba9876543210.png")).unwrap();
    let err = build_fails(&root, 2, &["--cache-dir", link.to_str().unwrap()]);
    assert!(err.contains("holds a link, fedcba9876543210.png"), "{err}");
    untouched(&v);
}

#[test]
fn a_committed_cache_link_in_the_site_is_never_used() {
    let (tmp, root) = site_with("base");
    let v = victim(tmp.path());
    // An old layout, planted: `.bilan-cache` pointing elsewhere.
    symlink(&v, root.join(".bilan-cache")).unwrap();
    let o = build_at(&root, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    untouched(&v);
}

#[test]
fn the_cache_lives_outside_the_site_by_default() {
    let (tmp, root) = site_with("base");
    let o = crate::support::command()
        .args(["build", "--root", root.to_str().unwrap()])
        .env("XDG_CACHE_HOME", tmp.path().join("xdg"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!root.join(".bilan-cache").exists());
    let sites: Vec<_> = fs::read_dir(tmp.path().join("xdg/bilan"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("site-"))
        .collect();
    assert_eq!(sites.len(), 1, "one folder for the site: {sites:?}");
}

#[test]
fn cache_entries_a_checkout_brings_are_verified_before_use() {
    let (tmp, root) = site_with("base");
    let cache = root.join(".bilan-cache");
    let env = |c: &mut std::process::Command| {
        c.env("BILAN_CACHE_DIR", &cache)
            .env("XDG_CACHE_HOME", tmp.path().join("xdg"));
    };
    let mut first = crate::support::command();
    env(&mut first);
    let o = first
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--now",
            "2021-10-12",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is inside the site folder"),
        "{}",
        stderr(&o)
    );
    let clean = crate::support::read_tree(&root.join("output"));
    // Every entry is replaced by planted bytes, with its digest file kept.
    for e in fs::read_dir(&cache).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".png") || name.ends_with(".pdf") {
            fs::write(&p, b"PLANTED").unwrap();
        }
    }
    fs::remove_dir_all(root.join("output")).unwrap();
    let mut second = crate::support::command();
    env(&mut second);
    let o = second
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--now",
            "2021-10-12",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("did not match their digest"),
        "{}",
        stderr(&o)
    );
    let rebuilt = crate::support::read_tree(&root.join("output"));
    assert_eq!(clean, rebuilt, "the planted bytes were not published");
}

#[test]
fn a_static_file_over_a_generated_card_neither_wins_nor_writes_into_the_cache() {
    let (tmp, root) = site_with("base");
    let cache = tmp.path().join("cache");
    let cache_arg = ["--cache-dir", cache.to_str().unwrap()];
    let o = build_at(&root, &cache_arg);
    assert!(o.status.success(), "{}", stderr(&o));
    let cards: Vec<_> = fs::read_dir(root.join("output/charts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("territoire-") && n.ends_with(".png"))
        .collect();
    let card = &cards[0];
    let cached_before = crate::support::read_tree(&cache);
    fs::create_dir_all(root.join("content/static/charts")).unwrap();
    fs::write(root.join("content/static/charts").join(card), b"PLANTED").unwrap();
    let before = crate::support::read_tree(&root.join("output"));
    let o = build_at(&root, &cache_arg);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("charts/{card}")), "{err}");
    insta::assert_snapshot!(err.replace(card.as_str(), "[CARD]"));
    assert_eq!(before, crate::support::read_tree(&root.join("output")));
    let cached_after = crate::support::read_tree(&cache);
    assert!(
        cached_after.values().all(|b| b != b"PLANTED"),
        "the cache entry was not written through"
    );
    assert_eq!(
        cached_before.keys().filter(|k| k.ends_with(".png")).count(),
        cached_after.keys().filter(|k| k.ends_with(".png")).count()
    );
}

#[test]
fn heading_attributes_keep_only_ids_and_classes() {
    let (_tmp, root) = site_with("base");
    fs::create_dir_all(root.join("content/narratives")).unwrap();
    fs::write(
        root.join("content/narratives/guide.md"),
        "---\ntitle: Guide\n---\n\n## Résultats {#res .note onmouseover=alert(1)}\n\n## Suite {style=\"background:url(x)\" tabindex=1}\n",
    )
    .unwrap();
    let o = build_at(&root, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let warnings: Vec<String> = stderr(&o)
        .lines()
        .filter(|l| l.contains("heading attribute"))
        .map(str::to_string)
        .collect();
    insta::assert_snapshot!(warnings.join("\n"));
    let page = fs::read_to_string(root.join("output/guide/index.html")).unwrap();
    assert!(page.contains(r#"<h2 id="res" class="note">"#), "{page}");
    for bad in [
        "onmouseover",
        "tabindex=\"1\"",
        "tabindex=1",
        "background:url",
    ] {
        assert!(!page.contains(bad), "{bad} in {page}");
    }
}

#[test]
fn every_url_field_refuses_script_urls_at_its_line() {
    let (_tmp, root) = site_with("base");
    let site = fs::read_to_string(root.join("content/site.yaml")).unwrap();
    fs::write(
        root.join("content/site.yaml"),
        format!("{site}legal:\n  contact: \"javascript:alert(1)\"\n"),
    )
    .unwrap();
    let err = build_fails(&root, 1, &[]);
    insta::assert_snapshot!("legal_contact", err);
    fs::write(
        root.join("content/site.yaml"),
        format!("{site}accessibility:\n  contact: \" JaVaScRiPt:alert(1)\"\n"),
    )
    .unwrap();
    let err = build_fails(&root, 1, &[]);
    assert!(err.contains("content/site.yaml:7:"), "{err}");
    fs::write(root.join("content/site.yaml"), &site).unwrap();
    fs::write(
        root.join("content/press/kit.yaml"),
        "contacts:\n  - { name: Presse, email: \"x@y.fr\\\" onmouseover=\\\"alert(1)\" }\n",
    )
    .unwrap();
    let err = build_fails(&root, 1, &[]);
    insta::assert_snapshot!("kit_email", err);
}

#[test]
fn static_links_and_hard_links_to_the_sites_sources_are_refused() {
    let (_tmp, root) = site_with("base");
    fs::write(
        root.join("content/press/secret.md"),
        "---\ntitle: Secret\nembargo: 2099-01-01T00:00:00+01:00\n---\nEMBARGOED-TEXT\n",
    )
    .unwrap();
    fs::write(root.join(".env"), "TOKEN=5e3cr3t\n").unwrap();
    let st = root.join("content/static");
    fs::create_dir_all(st.join("docs")).unwrap();
    symlink("../../press/secret.md", st.join("docs/communique.txt")).unwrap();
    symlink("../../.env", st.join("env.txt")).unwrap();
    symlink("../territories", st.join("fiches")).unwrap();
    fs::hard_link(root.join("content/press/secret.md"), st.join("copie.txt")).unwrap();
    let err = build_fails(&root, 1, &[]);
    assert!(!err.contains("EMBARGOED-TEXT") && !err.contains("5e3cr3t"));
    insta::assert_snapshot!(err);
}

#[test]
fn files_a_person_put_in_the_output_are_kept() {
    let (_tmp, root) = site_with("base");
    let out = root.join("output");
    assert!(build_at(&root, &[]).status.success());
    fs::write(out.join("CNAME"), "bilan.example.gouv.fr\n").unwrap();
    fs::write(out.join(".nojekyll"), "").unwrap();
    fs::create_dir_all(out.join(".git/refs")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    fs::write(out.join("presse/notes.txt"), "mine").unwrap();
    let o = build_at(&root, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Kept in the output, not written by bilan"),
        "{}",
        stderr(&o)
    );
    for (file, text) in [
        ("CNAME", "bilan.example.gouv.fr\n"),
        (".nojekyll", ""),
        (".git/HEAD", "ref: refs/heads/gh-pages\n"),
        ("presse/notes.txt", "mine"),
    ] {
        assert_eq!(fs::read_to_string(out.join(file)).unwrap(), text, "{file}");
    }
    // A file of theirs where the new site needs to write: refused, named,
    // and kept.
    fs::create_dir_all(out.join("guide")).unwrap();
    fs::write(out.join("guide/index.html"), "theirs").unwrap();
    fs::create_dir_all(root.join("content/narratives")).unwrap();
    fs::write(
        root.join("content/narratives/guide.md"),
        "---\ntitle: Guide\n---\nTexte.\n",
    )
    .unwrap();
    let o = build_at(&root, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o).replace(root.to_str().unwrap(), "[ROOT]");
    insta::assert_snapshot!(err);
    assert_eq!(
        fs::read_to_string(out.join("guide/index.html")).unwrap(),
        "theirs"
    );
    assert!(out.join("CNAME").exists());
}

#[test]
fn a_photo_that_declares_a_huge_picture_is_refused_before_decoding() {
    let (_tmp, root) = site_with("base");
    fs::create_dir_all(root.join("content/static/photos")).unwrap();
    // A valid PNG header for 100,000 × 100,000 pixels, and nothing else.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(b"\x08\x02\0\0\0");
    fs::write(root.join("content/static/photos/bombe.png"), png).unwrap();
    fs::write(
        root.join("content/press/kit.yaml"),
        "photos:\n  - { file: photos/bombe.png, caption: Usine, credit: Moi, alt: \"Une usine\" }\n",
    )
    .unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn yaml_aliases_that_expand_too_far_are_refused() {
    let (_tmp, root) = site_with("base");
    let bomb = format!(
        "name: Bombe\nregion: \"84\"\nleads: {{ elected: &a \"{}\" }}\ncommunes: [{}]\n",
        "x".repeat(100_000),
        vec!["*a"; 5_000].join(",")
    );
    fs::write(root.join("content/territories/bombe.yaml"), bomb).unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn a_metric_key_cannot_take_an_export_column() {
    let (_tmp, root) = site_with("base");
    let site = fs::read_to_string(root.join("content/site.yaml")).unwrap();
    fs::write(
        root.join("content/site.yaml"),
        format!("{site}metrics:\n  - {{ key: code, label: \"codes\", unit: count }}\n  - {{ key: jobs_created, label: \"emplois\", unit: count }}\n  - {{ key: investment_eur, label: \"investis\", unit: eur }}\n  - {{ key: aid_eur, label: \"d'aide\", unit: eur }}\n"),
    )
    .unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn characters_xml_forbids_are_errors_at_their_place() {
    let (_tmp, root) = site_with("base");
    fs::create_dir_all(root.join("content/narratives")).unwrap();
    fs::write(
        root.join("content/narratives/guide.md"),
        "---\ntitle: Guide\n---\n\nUn texte \u{7} avec une cloche.\n",
    )
    .unwrap();
    fs::write(
        root.join("content/press/annonce.md"),
        "---\ntitle: \"Annonce \u{fffe}\"\n---\nTexte.\n",
    )
    .unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn static_files_over_any_generated_path_are_errors() {
    let (_tmp, root) = site_with("base");
    let st = root.join("content/static");
    for rel in [
        "charts/partage.png",
        "presse/kit/regions/84/dossier-de-presse.pdf",
        "presse/kit/dossier-de-presse.pdf",
        "recherche/meta.js",
        "donnees/projets.xlsx",
    ] {
        fs::create_dir_all(st.join(rel).parent().unwrap()).unwrap();
        fs::write(st.join(rel), b"PLANTED").unwrap();
    }
    let err = build_fails(&root, 1, &[]);
    insta::assert_snapshot!(err);
}

/// A static file over a generated file is found with the content's other
/// problems, not in a second round once they are fixed: the files every
/// build makes whatever the figures (exports, feeds, kits, cards, release
/// PDFs) are known before anything is drawn.
#[test]
fn static_files_over_generated_files_are_reported_with_the_contents_problems() {
    let (_tmp, root) = site_with("base");
    let st = root.join("content/static");
    for rel in [
        "donnees/projets.xlsx",
        "donnees/territoires.csv",
        "charts/partage.png",
        "charts/partage/territoires/arve.png",
        "charts/partage/regions/84.png",
        "presse/kit.zip",
        "presse/kit/dossier-de-presse.pdf",
        "presse/kit/regions/84/kit.zip",
        "presse/annonce/annonce.pdf",
        "sitemap.xml",
        "feed.xml",
        "robots.txt",
        // Not made: no territory is in region 11, and a static favicon
        // replaces the drawn one on purpose.
        "presse/kit/regions/11/kit.zip",
        "favicon.ico",
    ] {
        fs::create_dir_all(st.join(rel).parent().unwrap()).unwrap();
        fs::write(st.join(rel), b"PLANTED").unwrap();
    }
    // And a mistake in a record, which stops the build before drawing.
    let arve = root.join("content/territories/arve.yaml");
    let text = fs::read_to_string(&arve).unwrap();
    fs::write(&arve, text.replace("year: 2021", "year: 1021")).unwrap();
    let err = build_fails(&root, 1, &[]);
    assert!(err.contains("arve.yaml:4:"), "{err}");
    insta::assert_snapshot!(err);
}

/// The files a build is said to always make are made: otherwise a static
/// file would be refused for a path nothing writes. Drafts are built, as
/// an embargoed release's PDF counts before it is published (its page
/// does too).
#[test]
fn the_files_every_build_makes_are_made() {
    let tmp = tempfile::tempdir().unwrap();
    let (_base, lonely) = site_with("base");
    // A region no territory is in: no kit, no card.
    let yaml = lonely.join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    let region = "  - { code: \"84\", name: \"Auvergne-Rhône-Alpes\" }\n";
    assert!(text.contains(region));
    let more = format!("{region}  - {{ code: \"11\", name: \"Île-de-France\" }}\n");
    fs::write(&yaml, text.replace(region, &more)).unwrap();
    let sites = [
        repo(),
        fixture("english"),
        fixture("second-programme"),
        fixture("other-metrics"),
        lonely,
    ];
    for (n, site) in sites.iter().enumerate() {
        let out = tmp.path().join(n.to_string());
        build(site, &out, &["--drafts"]);
        let mut diags = bilan::diag::Diagnostics::default();
        let content = bilan::content::load(site, &mut diags).unwrap().unwrap();
        let regions: Vec<&str> = content
            .site
            .regions
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        let press: Vec<&bilan::records::Page> = content.press.iter().collect();
        let files = bilan::routes::fixed_files(&content.territories, &regions, &press);
        assert!(files.len() > 15, "{files:?}");
        for rel in files {
            assert!(
                out.join(&rel).is_file(),
                "{}: {rel} is not made",
                site.display()
            );
        }
    }
}

/// A cache folder where its entries would be read as content or published
/// is refused before anything is written: in `content/` (under
/// `content/static/`, a `--drafts` build's entries, an embargoed release's
/// PDF among them, would be published by the next build), in the themes,
/// or in the output folder, which every build replaces.
#[test]
fn a_cache_inside_the_content_or_the_output_is_refused() {
    let (_tmp, root) = site_with("base");
    for (dir, what) in [
        ("content", "the content folder"),
        ("content/static/cache", "the content folder"),
        ("themes/cache", "the themes folder"),
        ("output", "the output folder"),
        ("output/cache", "the output folder"),
    ] {
        let cache = root.join(dir);
        let err = build_fails(&root, 2, &["--cache-dir", cache.to_str().unwrap()]);
        assert!(
            err.contains(&format!(
                "refusing to keep the cache in [ROOT]/{dir} ({what})"
            )),
            "{dir}: {err}"
        );
        assert!(err.contains("--cache-dir"), "{err}");
        let names: Vec<String> = fs::read_dir(root.join("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.contains('.') || n.ends_with(".yaml")),
            "{names:?}"
        );
        assert!(!root.join("content/static").exists() && !root.join("themes").exists());
    }
    // Elsewhere in the site folder a cache is accepted (its entries verified).
    let o = build_at(
        &root,
        &["--cache-dir", root.join(".bilan-cache").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Hidden folders are never content, as hidden files are not: a nested
/// repository's `.git/config` under static, drafts kept in a hidden
/// folder of narratives and an old record in a hidden folder of
/// territories are neither read nor published. `.well-known` is.
#[test]
fn hidden_folders_are_neither_read_nor_published() {
    let (_tmp, root) = site_with("base");
    let c = root.join("content");
    for (rel, text) in [
        (
            "static/.git/config",
            "[remote]\nurl = https://user:token@example.org/x.git\n",
        ),
        ("static/docs/.cache/notes.txt", "notes"),
        ("static/docs/guide.txt", "guide"),
        (
            "static/.well-known/security.txt",
            "Contact: mailto:securite@example.org\n",
        ),
        (
            "narratives/.brouillons/secret.md",
            "---\ntitle: Secret\n---\nNot yet.\n",
        ),
        (
            "territories/.corbeille/ancien.yaml",
            "name: Ancien\nregion: \"99\"\n",
        ),
    ] {
        fs::create_dir_all(c.join(rel).parent().unwrap()).unwrap();
        fs::write(c.join(rel), text).unwrap();
    }
    let o = build_at(&root, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = root.join("output");
    assert!(out.join("docs/guide.txt").is_file());
    // RFC 8615's folder is published: security.txt, domain checks.
    assert!(out.join(".well-known/security.txt").is_file());
    for (rel, _) in crate::support::read_tree(&out) {
        assert!(
            !rel.contains(".git/") && !rel.contains(".cache/") && !rel.contains("brouillons"),
            "{rel} is published"
        );
        assert!(!rel.contains("ancien"), "{rel}");
    }
}
