//! `theme: dsfr`: the State design system from the site's own npm install.
//! These tests use a stand-in package (a few files with the DSFR's layout);
//! `audit::dsfr_site_passes_the_audit` builds with the real one.

use std::path::Path;

use crate::errors::copy_dir;
use crate::support::*;

/// A copy of `from` whose site.yaml asks for `theme: dsfr`.
pub(crate) fn dsfr_site(from: &Path, to: &Path) {
    copy_dir(&from.join("content"), &to.join("content"));
    let yaml = to.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let text = if text.contains("theme: default") {
        text.replace("theme: default", "theme: dsfr")
    } else {
        format!("{text}\ntheme: dsfr\n")
    };
    std::fs::write(&yaml, text).unwrap();
}

/// A stand-in for `node_modules/@gouvfr/dsfr/dist`.
pub(crate) fn fake_dist(site: &Path) {
    let dist = site.join("node_modules/@gouvfr/dsfr/dist");
    for (rel, text) in [
        ("dsfr.min.css", "@font-face{src:url(fonts/Marianne-Regular.woff2)}.fr-x{background:url(icons/system/close-line.svg)}.y{background:url(\"data:image/svg+xml;x\")}"),
        ("dsfr.module.min.js", "/* stand-in */"),
        ("dsfr.nomodule.min.js", "/* stand-in */"),
        ("fonts/Marianne-Regular.woff2", "font"),
        ("fonts/Unused.woff2", "not referenced"),
        ("icons/system/close-line.svg", "<svg/>"),
        ("favicon/favicon.svg", "<svg/>"),
        ("favicon/favicon.ico", "ico"),
        ("favicon/apple-touch-icon.png", "png"),
        ("favicon/manifest.webmanifest", "{}"),
        ("legacy/legacy.nomodule.min.js", "not needed"),
        ("artwork/pictograms/environment/sun.svg", "<svg/>"),
        ("artwork/pictograms/environment/moon.svg", "<svg/>"),
        ("artwork/pictograms/system/system.svg", "<svg/>"),
    ] {
        let path = dist.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn without_the_package_the_build_says_which_command_to_run() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    dsfr_site(&fixture("second-programme"), &site);
    let o = try_build(&site, &tmp.path().join("out"), &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("npm install @gouvfr/dsfr"), "{err}");
    assert!(err.contains("DSFR_ACCEPT_LICENSE=1"), "{err}");
    assert!(!tmp.path().join("out").exists(), "nothing written");
}

#[test]
fn copies_only_what_pages_use_and_renders_dsfr_components() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    dsfr_site(&repo(), &site);
    fake_dist(&site);
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let files = read_tree(&out);
    // The State's icon from the package, never one drawn from initials.
    assert!(!files.contains_key("favicon.ico") && !files.contains_key("favicon.svg"));
    let dsfr: Vec<&String> = files.keys().filter(|p| p.starts_with("dsfr/")).collect();
    assert_eq!(
        dsfr,
        [
            "dsfr/artwork/pictograms/environment/moon.svg",
            "dsfr/artwork/pictograms/environment/sun.svg",
            "dsfr/artwork/pictograms/system/system.svg",
            "dsfr/dsfr.min.css",
            "dsfr/dsfr.module.min.js",
            "dsfr/dsfr.nomodule.min.js",
            "dsfr/favicon/apple-touch-icon.png",
            "dsfr/favicon/favicon.ico",
            "dsfr/favicon/favicon.svg",
            "dsfr/favicon/manifest.webmanifest",
            "dsfr/fonts/Marianne-Regular.woff2",
            "dsfr/icons/system/close-line.svg",
        ],
        "the stylesheet's references, the scripts and the favicon; nothing unused"
    );
    let home = page(&out, "index.html");
    for component in [
        "class=\"fr-header\" role=\"banner\"",
        "class=\"fr-logo\">République<br>Française</p>",
        "class=\"fr-footer\" role=\"contentinfo\"",
        // Issue 24: the search dialog is named by its button; external
        // links say they open a new window; the licence is linked.
        "id=\"modale-recherche\" aria-labelledby=\"bouton-recherche\"",
        "title=\"info.gouv.fr - nouvelle fenêtre\"",
        "title=\"Licence Ouverte 2.0 - nouvelle fenêtre\"",
        // The scripts as the package's examples load them.
        "<script type=\"module\" src=\"dsfr/dsfr.module.min.js\"></script>",
        "<script nomodule src=\"dsfr/dsfr.nomodule.min.js\"></script>",
        "fr-footer__bottom-list",
        "fr-card figure-card",
        "fr-callout",
        "fr-accordion__btn",
        "class=\"fr-table fr-table--multiline\"",
        "data-fr-scheme=\"system\"",
        "id=\"parametres-affichage\"",
        "href=\"dsfr/dsfr.min.css\"",
        "dsfr/dsfr.module.min.js",
    ] {
        assert!(home.contains(component), "home lacks {component}");
    }
    let territory = page(&out, "territoires/haut-jura/index.html");
    assert!(
        territory.contains("fr-breadcrumb")
            && territory.contains("aria-current=\"page\">Haut-Jura<")
    );
    // Folded lists are the DSFR's accordion, not a plain <details>.
    assert!(territory.contains("<section class=\"fr-accordion members\">"));
    assert!(!territory.contains("<details"));
    for legal in [
        "mentions-legales/",
        "donnees-personnelles/",
        "plan-du-site/",
        "accessibilite/",
    ] {
        assert!(territory.contains(legal), "footer links {legal}");
    }
    assert!(page(&out, "donnees-personnelles/index.html").contains("stockage local"));
    // The charts' files take the DSFR palette.
    assert!(page(&out, "charts/emplois-par-region.svg").contains("#000091"));
}

#[test]
fn ministry_lines_come_from_site_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    dsfr_site(&fixture("second-programme"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!("{text}dsfr:\n  ministry: [\"Ministère\", \"de la Mer\"]\n  tagline: \"Ports de demain\"\nlegal:\n  publisher: \"Direction des ports\"\n  director: \"Camille Martin\"\n  host: \"Hébergeur\"\n  contact: \"ports@example.org\"\n"),
    )
    .unwrap();
    fake_dist(&site);
    let out = tmp.path().join("out");
    let o = build(
        &site,
        &out,
        &["--base-url", "https://ports.example.gouv.fr/"],
    );
    assert!(!stderr(&o).contains(": warning:"), "{}", stderr(&o));
    let home = page(&out, "index.html");
    assert!(home.contains("<p class=\"fr-logo\">Ministère<br>de la Mer</p>"));
    assert!(home.contains("fr-header__service-tagline\">Ports de demain<"));
}

#[test]
fn a_state_site_without_legal_notice_is_warned() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    dsfr_site(&fixture("second-programme"), &site);
    fake_dist(&site);
    let o = build(
        &site,
        &tmp.path().join("out"),
        &["--base-url", "https://x.example.gouv.fr/"],
    );
    let err = stderr(&o);
    assert!(err.contains("the legal notice lacks `legal.publisher`, `legal.director`, `legal.host`, `legal.contact`"), "{err}");
    assert!(page(&tmp.path().join("out"), "mentions-legales/index.html").contains("non renseigné"));
}

#[test]
fn the_repository_ships_nothing_of_the_dsfr() {
    for entry in walkdir::WalkDir::new(repo())
        .into_iter()
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            !matches!(n.as_ref(), "target" | "node_modules" | ".git" | "output")
        })
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
    {
        let name = entry.file_name().to_string_lossy().to_lowercase();
        assert!(
            !name.ends_with(".woff")
                && !name.ends_with(".woff2")
                && !(name.starts_with("dsfr.")
                    && (name.ends_with(".css") || name.ends_with(".js"))),
            "{}",
            entry.path().display()
        );
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            // The banner of the DSFR's files (split so this file lacks it).
            !text.contains(concat!("restricted use (see terms", " and conditions)")),
            "{} holds DSFR code",
            entry.path().display()
        );
    }
}

/// The package is copied as it is, so a planted link in it could publish
/// an embargoed release or a secret: only regular files whose real path is
/// inside the package are taken, and a stylesheet `url()` that climbs out
/// of it is an error.
#[test]
fn the_package_cannot_publish_the_sites_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    dsfr_site(&fixture("second-programme"), &site);
    fake_dist(&site);
    let dist = site.join("node_modules/@gouvfr/dsfr/dist");
    std::fs::write(site.join(".env"), "TOKEN=5e3cr3t\n").unwrap();
    std::fs::remove_file(dist.join("favicon/favicon.svg")).unwrap();
    std::os::unix::fs::symlink("../../../../../.env", dist.join("favicon/favicon.svg")).unwrap();
    let record = std::fs::read_dir(site.join("content/territories"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::remove_file(dist.join("favicon/favicon.ico")).unwrap();
    std::fs::hard_link(&record, dist.join("favicon/favicon.ico")).unwrap();
    let css = std::fs::read_to_string(dist.join("dsfr.min.css")).unwrap();
    std::fs::write(
        dist.join("dsfr.min.css"),
        format!("{css}.z{{background:url(../../../../content/press/secret.svg)}}"),
    )
    .unwrap();
    let o = try_build(&site, &tmp.path().join("out"), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o).replace(site.to_str().unwrap(), "[SITE]");
    assert!(!err.contains("5e3cr3t"));
    let name = record.file_name().unwrap().to_string_lossy().into_owned();
    insta::assert_snapshot!(err.replace(&name, "[RECORD]"));
    assert!(!tmp.path().join("out").exists(), "nothing written");
}
