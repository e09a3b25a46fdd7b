//! The default theme's finish: an icon drawn from the site's initials (or
//! the site's own), a phone menu that opens without JavaScript, and the
//! home map as a picture for phones beside the list by region. The
//! browser checks (targets, menu, dark mode) are in `audit.rs`.

use crate::errors::copy_dir;
use crate::support::*;

#[test]
fn the_default_theme_draws_a_favicon_from_the_initials() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&fixture("english"), &out, &[]);
    // "Harbours of Tomorrow": "of" is not an initial.
    let svg = page(&out, "favicon.svg");
    assert!(svg.contains(">HT</text>"), "{svg}");
    let ico = std::fs::read(out.join("favicon.ico")).unwrap();
    assert_eq!(&ico[..6], &[0, 0, 1, 0, 1, 0], "an ICO header");
    assert_eq!(&ico[22..26], b"\x89PNG");
    for rel in ["index.html", "territoires/bay/index.html", "404.html"] {
        let html = page(&out, rel);
        assert!(
            html.contains("favicon.svg\" type=\"image/svg+xml\">")
                && html.contains("favicon.ico\" sizes=\"32x32\">"),
            "{rel} does not link the icon"
        );
    }
}

#[test]
fn a_site_brings_its_own_favicon() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("english").join("content"), &site.join("content"));
    std::fs::create_dir_all(site.join("content/static")).unwrap();
    // A static favicon.ico replaces the drawn one, without a clash error.
    std::fs::write(site.join("content/static/favicon.ico"), b"own icon").unwrap();
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    assert_eq!(std::fs::read(out.join("favicon.ico")).unwrap(), b"own icon");
    assert!(out.join("favicon.svg").is_file());

    // `favicon:` in site.yaml names the icon: nothing is drawn.
    std::fs::write(site.join("content/static/logo.png"), b"png").unwrap();
    std::fs::remove_file(site.join("content/static/favicon.ico")).unwrap();
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\nfavicon: logo.png\n")).unwrap();
    let out = tmp.path().join("out2");
    build(&site, &out, &[]);
    assert!(!out.join("favicon.svg").exists() && !out.join("favicon.ico").exists());
    assert!(page(&out, "index.html").contains("<link rel=\"icon\" href=\"logo.png\">"));

    // A name that is not a static file: an error at its line, with the
    // nearest file's name.
    std::fs::write(&yaml, format!("{text}\nfavicon: logo.pgn\n")).unwrap();
    let o = try_build(&site, &tmp.path().join("out3"), &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    let line = text.lines().count() + 2;
    assert!(
        err.contains(&format!("content/site.yaml:{line}:1: error: `favicon: logo.pgn` is not a file of content/static/"))
            && err.contains("did you mean `logo.png`?"),
        "{err}"
    );
}

#[test]
fn phones_get_a_menu_and_the_map_as_a_picture_beside_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&fixture("english"), &out, &[]);
    let home = page(&out, "index.html");
    // One navigation for wide screens, the same in the phone's <details>.
    let menu = &home[home
        .find("<details class=\"site-menu\">")
        .expect("a phone menu")..];
    let menu = &menu[..menu.find("</details>").unwrap()];
    assert!(menu.contains("<summary>") && menu.contains("id=\"recherche-menu\""));
    let wide = &home[home.find("<nav class=\"menu-wide\"").unwrap()..];
    let links = |s: &str| s[..s.find("</nav>").unwrap()].matches("<a href=").count();
    assert!(links(wide) >= 5);
    assert_eq!(links(wide), links(&menu[menu.find("<nav").unwrap()..]));
    // The map's picture: same shapes, no links, no inset names.
    assert!(home.contains("<div class=\"map-phone\">"));
    assert!(home.contains("src=\"charts/carte-telephone.svg\""));
    assert!(home.contains("href=\"#par-region\""));
    let picture = page(&out, "charts/carte-telephone.svg");
    assert!(picture.starts_with("<svg") && picture.contains("<path "));
    assert!(!picture.contains("<a ") && !picture.contains("inset-label"));
    let inline = home.matches("<a href=\"territoires/").count();
    assert!(inline > 0);
}
