//! What a careless or hostile contributor might commit: links that leave
//! the site, paths that climb out of it. Nothing outside the site root is
//! ever read, published or quoted; every case fails with a message naming
//! the link and its target, and writes nothing.

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::invalid::{build_fails, site_with};

/// A file outside the site holding a secret that must never be echoed.
fn secret(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("secret.txt");
    std::fs::write(&path, "title: TOKEN-5e3cr3t\nname: TOKEN-5e3cr3t\n").unwrap();
    path
}

/// The message, with the temporary folders replaced for the snapshot.
fn fails(root: &Path, tmp: &Path) -> String {
    let err = build_fails(root, 1, &[]);
    assert!(!err.contains("TOKEN-5e3cr3t"), "the secret leaked: {err}");
    err.replace(tmp.to_str().unwrap(), "[TMP]")
}

#[test]
fn static_link_to_the_environment_is_refused() {
    let (tmp, root) = site_with("base");
    std::fs::create_dir_all(root.join("content/static")).unwrap();
    symlink("/proc/self/environ", root.join("content/static/env.txt")).unwrap();
    insta::assert_snapshot!(fails(&root, tmp.path()));
}

#[test]
fn linked_records_narratives_and_templates_are_refused() {
    let (tmp, root) = site_with("base");
    let outside = secret(tmp.path());
    for link in [
        "content/territories/vole.yaml",
        "content/narratives/vole.md",
        "templates/404.html",
    ] {
        let path = root.join(link);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(&outside, path).unwrap();
    }
    insta::assert_snapshot!(fails(&root, tmp.path()));
}

#[test]
fn linked_folder_outside_is_not_walked() {
    let (_tmp, root) = site_with("base");
    let elsewhere = tempfile::tempdir().unwrap();
    secret(elsewhere.path());
    std::fs::create_dir_all(root.join("content/static")).unwrap();
    symlink(elsewhere.path(), root.join("content/static/ailleurs")).unwrap();
    let err = fails(&root, elsewhere.path());
    assert!(
        err.contains("content/static/ailleurs: error: this is a link to `[TMP]`, outside the site"),
        "{err}"
    );
    assert_eq!(
        err.matches(": error:").count(),
        1,
        "one message for the folder: {err}"
    );
}

#[test]
fn link_to_the_output_is_refused() {
    let (tmp, root) = site_with("base");
    let first = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(first.status.success());
    std::fs::create_dir_all(root.join("content/static")).unwrap();
    symlink(root.join("output"), root.join("content/static/miroir")).unwrap();
    let before = crate::support::read_tree(&root.join("output"));
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    let err = crate::support::stderr(&o).replace(tmp.path().to_str().unwrap(), "[TMP]");
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "content/static/miroir: error: this is a link into `output`, which bilan generates"
        ),
        "{err}"
    );
    assert_eq!(
        before,
        crate::support::read_tree(&root.join("output")),
        "output untouched"
    );
}

#[test]
fn links_inside_the_site_still_work() {
    let (_tmp, root) = site_with("base");
    std::fs::create_dir_all(root.join("content/static/img")).unwrap();
    std::fs::create_dir_all(root.join("content/static/partage")).unwrap();
    std::fs::write(root.join("content/static/partage/shared.txt"), "partagé").unwrap();
    symlink(
        "../partage/shared.txt",
        root.join("content/static/img/lien.txt"),
    )
    .unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let copied = std::fs::read_to_string(root.join("output/img/lien.txt")).unwrap();
    assert_eq!(copied, "partagé");
}

#[test]
fn theme_and_map_paths_cannot_climb_out() {
    let (tmp, root) = site_with("base");
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        format!("{text}map:\n  territories: ../../secret.txt\n  regions: /etc/passwd\n"),
    )
    .unwrap();
    insta::assert_snapshot!("map_paths", fails(&root, tmp.path()));
    std::fs::write(&site, format!("{text}theme: ../../themes-elsewhere\n")).unwrap();
    insta::assert_snapshot!("theme_path", build_fails(&root, 2, &[]));
}

#[test]
fn exported_formulas_cannot_run_in_a_spreadsheet() {
    let (_tmp, root) = site_with("base");
    std::fs::write(
        root.join("content/territories/arve.yaml"),
        "name: \"=1+1\"\nregion: \"84\"\nprojects:\n  - { title: \"@SUM(A1)\", company: \"=HYPERLINK(\\\"http://x\\\",\\\"clic\\\")\", jobs_created: 1 }\n",
    )
    .unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let out = root.join("output");
    let csv = std::fs::read_to_string(out.join("donnees/projets.csv")).unwrap();
    let row: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(row[1], "'=1+1");
    assert_eq!(row[3], "'@SUM(A1)");
    assert_eq!(row[4], "'=HYPERLINK(\"http://x\",\"clic\")");
    let json = std::fs::read_to_string(out.join("donnees/projets.json")).unwrap();
    assert!(
        json.contains(r#""company":"=HYPERLINK(\"http://x\",\"clic\")""#),
        "{json}"
    );
    let page = std::fs::read_to_string(out.join("donnees/index.html")).unwrap();
    assert!(
        page.contains("précédé d’une apostrophe"),
        "the open-data page says so"
    );
}

#[test]
fn raw_html_is_left_out_with_a_located_warning_unless_allowed() {
    let (_tmp, root) = site_with("base");
    let page = root.join("content/narratives/note.md");
    std::fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::fs::write(
        &page,
        "---\ntitle: \"Note\"\n---\n\nTexte <b>gras</b>.\n\n<script>alert(1)</script>\n",
    )
    .unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    let err = crate::support::stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(
            "content/narratives/note.md:5:7: warning: raw HTML `<b>` is left out of the page"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/narratives/note.md:7:1: warning: raw HTML `<script>alert(1)</script>`"
        ),
        "{err}"
    );
    let html = std::fs::read_to_string(root.join("output/note/index.html")).unwrap();
    assert!(
        !html.contains("<script>alert") && !html.contains("<b>gras"),
        "{html}"
    );
    // The site may let it through.
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, format!("{text}markdown:\n  raw_html: true\n")).unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    let err = crate::support::stderr(&o);
    assert!(o.status.success() && !err.contains("raw HTML"), "{err}");
    let html = std::fs::read_to_string(root.join("output/note/index.html")).unwrap();
    assert!(html.contains("<b>gras</b>"), "{html}");
}

#[test]
fn very_long_fields_build() {
    // Label fitting used to re-measure the whole name once per character
    // removed: 16,000 characters took 16 s and 250,000 never finished.
    let (_tmp, root) = site_with("base");
    let long = |c: &str| c.repeat(250_000);
    std::fs::write(
        root.join("content/territories/arve.yaml"),
        format!(
            "name: \"Vallée {}\"\nregion: \"84\"\nprojects:\n  - {{ title: \"{}\", company: \"{}\", sector: \"{}\", investment_eur: 5, jobs_created: 1 }}\n",
            long("a"),
            long("t"),
            long("c"),
            long("s")
        ),
    )
    .unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
}

#[test]
fn a_huge_bad_value_prints_an_excerpt() {
    let (_tmp, root) = site_with("base");
    let huge = "9".repeat(50_000_000);
    std::fs::write(
        root.join("content/territories/arve.yaml"),
        format!("name: \"Arve\"\nregion: \"84\"\nprojects:\n  - {{ title: \"t\", jobs_created: \"{huge} emplois\" }}\n"),
    )
    .unwrap();
    let err = build_fails(&root, 1, &[]);
    assert!(err.len() < 1_000, "{} bytes of messages", err.len());
    insta::assert_snapshot!(err);
}

#[test]
fn a_control_character_is_located() {
    let (_tmp, root) = site_with("base");
    std::fs::write(
        root.join("content/territories/arve.yaml"),
        "name: \"Arve\"\nregion: \"84\"\nintercommunalities: [\"CC\u{7}\"]\n",
    )
    .unwrap();
    insta::assert_snapshot!(build_fails(&root, 1, &[]));
}

#[test]
fn a_theme_with_only_a_base_template_builds_on_the_built_in_pages() {
    let (_tmp, root) = site_with("base");
    let theme = root.join("themes/sobre/templates");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(
        theme.join("base.html"),
        "<!DOCTYPE html><html lang=\"fr\"><head><title>{{ title }}</title></head><body class=\"sobre\">{% block content %}{% endblock content %}{% block scripts %}{% endblock scripts %}</body></html>\n",
    )
    .unwrap();
    let site = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, format!("{text}theme: sobre\n")).unwrap();
    let o = crate::support::bilan(&["build", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let page = std::fs::read_to_string(root.join("output/territoires/arve/index.html")).unwrap();
    assert!(page.contains("<body class=\"sobre\">") && page.contains("Arve"));
}
