//! The pages a French public site must have, an honest accessibility
//! status, no tracking, and a sitemap and feed that their standards accept.

use std::process::Command;

use crate::audit::audit_dir;
use crate::errors::copy_dir;
use crate::support::*;

const LEGAL_PAGES: [&str; 4] = [
    "mentions-legales/index.html",
    "donnees-personnelles/index.html",
    "plan-du-site/index.html",
    "accessibilite/index.html",
];

fn default_site(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&repo(), &out, extra);
    (tmp, out, stderr(&o))
}

#[test]
fn every_footer_links_the_legal_pages_and_they_say_what_site_yaml_says() {
    let (_tmp, out, _) = default_site(&[]);
    let tree = read_tree(&out);
    let mut pages = 0;
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let footer = &html[html.find("<footer").unwrap_or_else(|| panic!("{path}"))..];
        for target in LEGAL_PAGES {
            let folder = target.trim_end_matches("index.html");
            assert!(footer.contains(folder), "{path}: footer lacks {folder}");
        }
        assert!(footer.contains("Flux RSS/Atom"), "{path}");
        assert!(footer.contains("Mis à jour le"), "{path}");
        pages += 1;
    }
    assert!(pages > 150);
    let legal = page(&out, "mentions-legales/index.html");
    for text in [
        "Mentions légales",
        "Éditeur",
        "site de démonstration",
        "Hébergement",
        "mailto:contact@example.org",
    ] {
        assert!(legal.contains(text), "mentions légales lack {text}");
    }
    let privacy = page(&out, "donnees-personnelles/index.html");
    assert!(privacy.contains("aucune donnée personnelle") && privacy.contains("aucun cookie"));
    let whole = page(&out, "plan-du-site/index.html");
    let plan = &whole[whole.find("<article").unwrap()..whole.find("</article>").unwrap()];
    assert_eq!(
        plan.matches("href=\"../territoires/").count(),
        149 + 1,
        "every territory and the index"
    );
    assert!(
        plan.contains("href=\"../regions/27/index.html\"")
            && plan.contains("../presse/kit/index.html")
    );
}

#[test]
fn no_cookie_no_tracker_no_third_party() {
    let (_tmp, out, _) = default_site(&[]);
    for (path, bytes) in read_tree(&out) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        if path.ends_with(".html") {
            for bad in [
                "<iframe",
                "<script src=\"http",
                "<script src=\"//",
                "rel=\"stylesheet\" href=\"http",
                "<img src=\"http",
            ] {
                assert!(!text.contains(bad), "{path}: {bad}");
            }
        }
        if path.ends_with(".js") || path.ends_with(".html") {
            for bad in [
                "document.cookie",
                "sendbeacon",
                "xmlhttprequest",
                "fetch(\"http",
                "google",
                "matomo",
                "xiti",
            ] {
                assert!(!text.contains(bad), "{path}: {bad}");
            }
        }
    }
}

#[test]
fn accessibility_status_needs_a_dated_audit() {
    let (_tmp, out, _) = default_site(&[]);
    let home = page(&out, "index.html");
    assert!(
        home.contains("Accessibilité\u{202f}: non conforme"),
        "no audit: non conforme"
    );
    assert!(page(&out, "accessibilite/index.html").contains("Aucun audit de conformité"));
    // Claiming more without an audit date: a warning, and still "non conforme".
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("src");
    copy_dir(&fixture("second-programme"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}accessibility:\n  status: full\n")).unwrap();
    let o = build(
        &site,
        &tmp.path().join("o"),
        &["--base-url", "https://example.org/"],
    );
    let err = stderr(&o);
    assert!(
        err.contains("`accessibility.status` claims conformity, but no `audit_date`"),
        "{err}"
    );
    assert!(err.contains("add `audit_date:`"), "{err}");
    assert!(page(&tmp.path().join("o"), "index.html").contains("non conforme"));
    // With an audit date, the claim stands.
    std::fs::write(
        &yaml,
        format!("{text}accessibility:\n  status: full\n  audit_date: 2025-01-10\n"),
    )
    .unwrap();
    let o = build(
        &site,
        &tmp.path().join("o2"),
        &["--base-url", "https://example.org/"],
    );
    assert!(!stderr(&o).contains(": warning:"), "{}", stderr(&o));
    assert!(page(&tmp.path().join("o2"), "index.html").contains("totalement conforme"));
}

#[test]
fn a_relative_base_url_warns_once_with_the_fix() {
    let (_tmp, _out, err) = default_site(&[]);
    assert_eq!(err.matches("`base_url` is `/`").count(), 1, "{err}");
    assert!(
        err.contains("content/site.yaml:") && err.contains("--base-url https://"),
        "{err}"
    );
    let (_tmp, _out, err) = default_site(&["--base-url", "https://www.example.gouv.fr/bilan/"]);
    assert!(!err.contains("base_url"), "{err}");
}

#[test]
fn sitemap_validates_and_feed_parses_with_an_absolute_base() {
    let (_tmp, out, _) = default_site(&["--base-url", "https://www.example.gouv.fr/bilan/"]);
    let schema = audit_dir().join("node_modules/sitemap/schema/sitemap.xsd");
    let tools = schema.exists()
        && Command::new("xmllint").arg("--version").output().is_ok()
        && Command::new("python3")
            .args(["-c", "import feedparser"])
            .status()
            .is_ok_and(|s| s.success());
    if !tools {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but xmllint, feedparser or the sitemap schema is missing: run tests/audit/install"
        );
        return;
    }
    let o = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(out.join("sitemap.xml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sitemap = page(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://www.example.gouv.fr/bilan/mentions-legales/</loc>"));
    let script = "import feedparser, sys\nf = feedparser.parse(sys.argv[1])\nassert not f.bozo, f.bozo_exception\nassert f.feed.title and f.entries, f\nfor e in f.entries:\n    assert e.link.startswith('https://www.example.gouv.fr/bilan/'), e.link\n    assert e.title and e.updated, e\nprint(len(f.entries), f.entries[0].title)\n";
    let o = Command::new("python3")
        .args(["-c", script])
        .arg(out.join("feed.xml"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // The schema check fails on what it should.
    let bad = out.join("bad-sitemap.xml");
    std::fs::write(&bad, "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>2021</lastmod></url></urlset>").unwrap();
    let o = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!o.status.success());
}
