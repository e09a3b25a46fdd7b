//! Charts and the map on the default site, and PNGs on a machine without fonts.

use crate::support::*;

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

#[test]
fn programme_charts_are_valid_svg_with_print_pngs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let files = read_tree(&out.join("charts"));
    let svgs: Vec<&String> = files.keys().filter(|k| k.ends_with(".svg")).collect();
    assert!(svgs.len() >= 6, "{svgs:?}");
    assert_eq!(
        png_size(&files["partage.png"]),
        (1200, 630),
        "the site's social card"
    );
    // Every region and territory page offers its chart files.
    for (page_path, chart) in [
        (
            "territoires/haut-jura/index.html",
            "charts/territoire-haut-jura",
        ),
        ("regions/27/index.html", "charts/region-27-emplois"),
    ] {
        let html = page(&out, page_path);
        for ext in ["svg", "png"] {
            assert!(
                html.contains(&format!("{chart}.{ext}")),
                "{page_path} offers {chart}.{ext}"
            );
            assert!(out.join(format!("{chart}.{ext}")).is_file());
        }
    }
    // Each page shares its own card (see `dossier.rs`), not a chart.
    let html = page(&out, "territoires/haut-jura/index.html");
    assert!(
        html.contains("og:image\" content=\"../../charts/partage/territoires/haut-jura.png\""),
        "its own card"
    );
    for name in svgs {
        let text = String::from_utf8(files[name].clone()).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert!(root.children().any(|n| n.has_tag_name("title")), "{name}");
        assert!(root.children().any(|n| n.has_tag_name("desc")), "{name}");
        if !name.starts_with("carte") {
            assert_eq!(root.attribute("role"), Some("img"), "{name}");
            assert!(
                doc.descendants().any(|n| n.has_tag_name("text")),
                "{name}: text stays text"
            );
        }
        if name == "carte-telephone.svg" {
            // The home map as phones show it (a picture, no download).
            assert!(!files.contains_key("carte-telephone.png"));
            continue;
        }
        let png = &files[&name.replace(".svg", ".png")];
        if name.starts_with("region-") || name.starts_with("territoire-") {
            // Region and territory charts: a 1,200×630 download.
            assert_eq!(png_size(png), (1200, 630), "{name}");
            continue;
        }
        // The print PNG is the SVG rasterised at twice its size.
        let view: Vec<f64> = root
            .attribute("viewBox")
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(
            png_size(png),
            ((view[2] * 2.0).ceil() as u32, (view[3] * 2.0).ceil() as u32),
            "{name}"
        );
        assert!(png_size(png).0 >= 1800, "{name}: {:?}", png_size(png));
    }
}

#[test]
fn home_has_charts_with_tables_and_a_map_linking_every_territory() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let home = page(&out, "index.html");
    assert!(home.matches("<figure class=\"chart\"").count() >= 5);
    assert_eq!(
        home.matches("<figure class=\"chart\"").count(),
        home.matches("<details class=\"chart-data\">").count()
    );
    let map = &home[home.find("<figure class=\"map\"").unwrap()..];
    let map = &map[..map.find("</figure>").unwrap()];
    let mut links: Vec<&str> = map
        .match_indices("<a href=\"territoires/")
        .map(|(i, _)| &map[i + 9..i + 9 + map[i + 9..].find('"').unwrap()])
        .collect();
    links.sort();
    links.dedup();
    assert_eq!(links.len(), 149);
    for l in links {
        assert!(out.join(l).is_file(), "{l}");
    }
    let file_map = page(&out, "charts/carte.svg");
    assert!(
        file_map.contains("<a href=\"../territoires/"),
        "the file's links work from charts/"
    );
}

#[test]
fn pngs_render_text_without_system_fonts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let root = fixture("second-programme");
    // No fontconfig, no font folders: only the font bundled in the binary.
    let o = crate::support::command()
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--now",
            "2024-01-01",
        ])
        .env_clear()
        .env("FONTCONFIG_FILE", "/nonexistent")
        .env("XDG_DATA_HOME", "/nonexistent")
        .env("XDG_DATA_DIRS", "/nonexistent")
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(out.join("charts/emplois-par-region.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert!(info.width >= 1800);
    // The title is drawn in the top band: some of its pixels must be dark.
    let row = info.width as usize * 3;
    let dark = (24..80)
        .flat_map(|y| (32..800).map(move |x| (y, x)))
        .filter(|&(y, x)| buf[y * row + x * 3] < 100)
        .count();
    assert!(dark > 500, "title text was not drawn ({dark} dark pixels)");
}

#[test]
fn territory_pages_have_a_locator_map_of_their_region() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let html = page(&out, "territoires/haut-jura/index.html");
    let start = html
        .find("<div class=\"locator-map\">")
        .expect("a locator map");
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    assert!(svg.contains("role=\"img\""));
    assert!(
        svg.contains("aria-label=\"Haut-Jura dans sa région, Bourgogne-Franche-Comté\""),
        "{}",
        &svg[..300]
    );
    assert!(!svg.contains("<text"), "no text to shrink on a phone");
    assert!(
        svg.matches("<path").count() > 3,
        "region, neighbours, territory"
    );
}

#[test]
fn the_home_map_can_be_coloured_by_a_metric_with_a_legend() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    crate::errors::copy_dir(&repo().join("content"), &site.join("content"));
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let coloured = text.replace(
        "  region_key: insee_reg\n",
        "  region_key: insee_reg\n  colour_by: jobs_created\n",
    );
    std::fs::write(&yaml, &coloured).unwrap();
    let out = tmp.path().join("out");
    build(&site, &out, &[]);
    let home = page(&out, "index.html");
    assert_eq!(
        home.matches("<span class=\"swatch\"").count(),
        5,
        "a five-class legend"
    );
    assert!(
        home.contains("aria-label=\"Haut-Jura\u{202f}: 224 emplois créés\""),
        "the value in the name"
    );
    assert!(home.contains("#08519c"), "the darkest class is used");
    assert!(
        home.contains("La carte des territoires du programme"),
        "the membership map as an alternative"
    );
    // A key that is not a metric is an error with a suggestion.
    std::fs::write(
        &yaml,
        coloured.replace("colour_by: jobs_created", "colour_by: jobs_creatd"),
    )
    .unwrap();
    let o = try_build(&site, &tmp.path().join("out2"), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did you mean `jobs_created`?"),
        "{}",
        stderr(&o)
    );
}

/// `charts: [line]` draws a line through the values of each year: an SVG
/// with its title, description and points, a print PNG, on the home page
/// and in the kit.
#[test]
fn a_metric_can_ask_for_a_line_by_year() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    crate::errors::copy_dir(&fixture("english"), &root);
    let yaml = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!("{text}metrics:\n  - {{ key: jobs_created, label: \"jobs created\", singular: \"job created\", unit: count, file: jobs, charts: [region, line] }}\n  - {{ key: investment_eur, label: \"of investment\", unit: eur }}\n  - {{ key: aid_eur, label: \"of public aid\", unit: eur }}\n"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&root, &out, &[]);
    let svg = std::fs::read_to_string(out.join("charts/jobs-courbe-par-annee.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let text_of = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text_of("title"), "Jobs created year by year");
    assert!(text_of("desc").starts_with("Line chart, jobs created year by year: 2 points"));
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert_eq!(circles, 2, "one point per year");
    assert!(out.join("charts/jobs-courbe-par-annee.png").is_file());
    assert!(page(&out, "index.html").contains("graphique-jobs-courbe-par-annee"));
    assert!(page(&out, "presse/kit/index.html").contains("charts/jobs-courbe-par-annee.svg"));
}

/// The amounts of one chart's texts (value labels and ticks; not its
/// title or description): `(number, unit)`, such as `("9,4", "M€")`.
fn amounts(svg: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut out = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let text: String = node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<String>()
            .replace('\u{202f}', " ");
        let text = text.trim();
        // Labels of years add "· 3 projets": the amount comes first.
        let amount = text.split(" · ").next().unwrap_or("");
        for unit in ["Md€", "M€", "€"] {
            if let Some(number) = amount.strip_suffix(unit) {
                out.push((
                    number.trim().trim_start_matches("< ").to_string(),
                    unit.into(),
                ));
                break;
            }
        }
        for (prefix, unit) in [("€", "bn"), ("€", "m")] {
            if let Some(n) = amount
                .strip_prefix(prefix)
                .and_then(|a| a.strip_suffix(unit))
            {
                out.push((n.to_string(), unit.into()));
            }
        }
    }
    out
}

/// Issue 23: one unit per chart, and one number of decimals among its
/// value labels; a "top N" title says how many bars are drawn.
#[test]
fn every_chart_keeps_one_unit_and_counts_its_top_bars() {
    let tmp = tempfile::tempdir().unwrap();
    for site in [repo(), fixture("english"), fixture("second-programme")] {
        let out = tmp.path().join(site.file_name().unwrap());
        build(&site, &out, &[]);
        let files = read_tree(&out.join("charts"));
        let mut checked = 0;
        for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".svg")) {
            let svg = String::from_utf8(bytes.clone()).unwrap();
            let found = amounts(&svg);
            let units: std::collections::BTreeSet<&str> =
                found.iter().map(|(_, u)| u.as_str()).collect();
            assert!(units.len() <= 1, "{name}: {found:?}");
            let decimals: std::collections::BTreeSet<usize> = found
                .iter()
                .filter_map(|(n, _)| n.split([',', '.']).nth(1).map(str::len))
                .collect();
            assert!(decimals.len() <= 1, "{name}: {found:?}");
            checked += usize::from(!found.is_empty());
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let title = doc
                .descendants()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text())
                .unwrap_or("");
            let desc = doc
                .descendants()
                .find(|n| n.has_tag_name("desc"))
                .and_then(|n| n.text())
                .unwrap_or("");
            // French elides: "d'Auvergne-Rhône-Alpes", never "de Auvergne".
            for (i, _) in desc.match_indices(" de ") {
                let next = desc[i + 4..].chars().next().unwrap_or(' ');
                assert!(
                    !"AEIOUYÉÈÊÎÔÂŒaeiouyéèêîôâœ".contains(next),
                    "{name}: {desc}"
                );
            }
            let top = title
                .split("les ")
                .nth(1)
                .and_then(|t| t.strip_suffix(" premiers territoires"))
                .or_else(|| {
                    title
                        .split("the top ")
                        .nth(1)
                        .and_then(|t| t.strip_suffix(" territories"))
                });
            if let Some(n) = top {
                assert!(
                    desc.contains(&format!(": {n} valeurs"))
                        || desc.contains(&format!(": {n} values")),
                    "{name}: `{title}` over `{desc}`"
                );
            }
        }
        assert!(
            checked > 3,
            "{}: {checked} charts with amounts",
            site.display()
        );
    }
}

/// Issue 23: each region chart has a print PNG at least 1,800 px wide
/// beside its 1,200×630 card, linked from the region's pages, and the
/// regional kit's zip carries the print one.
#[test]
fn region_charts_have_print_pngs_for_papers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let files = read_tree(&out.join("charts"));
    let prints: Vec<&String> = files
        .keys()
        .filter(|k| k.ends_with("-impression.png"))
        .collect();
    assert!(prints.len() >= 17, "{prints:?}");
    for p in prints {
        assert!(png_size(&files[p]).0 >= 1800, "{p}");
        let card = p.replace("-impression.png", ".png");
        assert_eq!(png_size(&files[&card]), (1200, 630), "{card}");
    }
    let page = page(&out, "regions/84/index.html");
    assert!(
        page.contains("charts/region-84-emplois-impression.png"),
        "the region page links it"
    );
    let zip = std::fs::read(out.join("presse/kit/regions/84/kit.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut png = Vec::new();
    std::io::Read::read_to_end(
        &mut zip.by_name("visuels/region-84-emplois.png").unwrap(),
        &mut png,
    )
    .unwrap();
    assert!(
        png_size(&png).0 >= 1800,
        "the kit's visual is the print one"
    );
}
