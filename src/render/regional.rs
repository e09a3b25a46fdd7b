//! Regional press kits, `presse/kit/regions/<code>/`: for a regional paper,
//! the region's key figures, charts and map (its territories highlighted),
//! the list of its territories, and its own PDF and zip.

use crate::error::Error;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::views::RegionView;
use super::{Ctx, Files, Job, Sizes};
use crate::diag::Diagnostic;
use crate::opendata::{self, Cell, Table};
use crate::pdf::{self, Block, Spec};
use crate::presskit;
use crate::routes;

/// Every region's map, PDF and zip, by output path.
pub(super) fn files(ctx: &Ctx) -> Result<Files, Error> {
    let tables = opendata::tables(ctx.content, ctx.agg);
    let per_region: Vec<Result<Files, Error>> = ctx
        .regions
        .par_iter()
        .map(|r| region_files(ctx, r, &tables))
        .collect();
    let mut out = Files::new();
    for f in per_region {
        out.extend(f?);
    }
    Ok(out)
}

fn region_files(ctx: &Ctx, r: &RegionView, tables: &[Table; 2]) -> Result<Files, Error> {
    let mut files = Files::new();
    let map = ctx.charts.map.as_ref().and_then(|m| m.regions.get(&r.code));
    if let Some((svg, png)) = map {
        let name = routes::region_map(&r.code);
        files.insert(routes::chart(&name, "svg"), svg.clone().into_bytes());
        files.insert(routes::chart(&name, "png"), png.clone());
    }
    let pdf_path = routes::region_kit_pdf(&r.code);
    let store = ctx.store.unwrap_or(&crate::cache::NoCache);
    let spec = spec(ctx, r, map.map(|(svg, _)| svg.as_str()));
    let bytes = pdf::render_cached(&spec, store).map_err(|e| {
        crate::error::Error::one(Diagnostic::error(
            &pdf_path,
            format!("cannot write this PDF: {e}"),
        ))
    })?;
    let mut entries = vec![
        ("README.txt".to_string(), readme(ctx, r).into_bytes()),
        ("dossier-de-presse.pdf".to_string(), bytes.clone()),
    ];
    for c in charts(ctx, r) {
        entries.push((
            format!("visuels/{}.svg", c.name),
            c.svg.clone().into_bytes(),
        ));
        if let Some(png) = &c.png {
            entries.push((format!("visuels/{}.png", c.name), png.clone()));
        }
    }
    if let Some((svg, png)) = map {
        let name = routes::region_map(&r.code);
        entries.push((format!("visuels/{name}.svg"), svg.clone().into_bytes()));
        entries.push((format!("visuels/{name}.png"), png.clone()));
    }
    for t in tables {
        let rows = region_rows(t, &r.code);
        let csv = opendata::csv(&rows).map_err(|e| Error::Io(anyhow::anyhow!("{e}")))?;
        entries.push((format!("donnees/{}.csv", t.name), csv));
    }
    let zip_path = routes::region_kit_zip(&r.code);
    let zip = presskit::zip(&entries)
        .map_err(|e| Error::Io(anyhow::anyhow!("cannot build {zip_path}: {e}")))?;
    files.insert(pdf_path, bytes);
    files.insert(zip_path, zip);
    Ok(files)
}

/// The rows of `table` whose region is `code`.
fn region_rows<'a>(table: &Table<'a>, code: &str) -> Table<'a> {
    let col = table.columns.iter().position(|c| c.name == "region_code");
    Table {
        name: table.name,
        columns: table.columns.clone(),
        rows: table
            .rows
            .iter()
            .filter(|row| col.is_some_and(|i| matches!(&row[i], Cell::Text(t) if t == code)))
            .cloned()
            .collect(),
    }
}

fn charts<'a>(ctx: &'a Ctx, r: &RegionView) -> &'a [crate::charts::Chart] {
    ctx.charts
        .regions
        .get(&r.code)
        .map_or(&[][..], Vec::as_slice)
}

fn readme(ctx: &Ctx, r: &RegionView) -> String {
    let t = &ctx.labels;
    let contents = match ctx.lang {
        crate::config::Language::Fr => "- dossier-de-presse.pdf : le dossier de la région, en A4\n- visuels/ : graphiques et carte, en SVG et PNG\n- donnees/ : les territoires et projets de la région, en CSV",
        crate::config::Language::En => "- dossier-de-presse.pdf: the region's kit, A4\n- visuels/: charts and map, as SVG and PNG\n- donnees/: the region's territories and projects, as CSV",
    };
    format!(
        "{} — {}\n{}\n\n{contents}\n",
        t.get("regional_kit"),
        r.name,
        ctx.content.site.programme.name
    )
}

fn spec(ctx: &Ctx, r: &RegionView, map: Option<&str>) -> Spec {
    let t = &ctx.labels;
    let tx = |s: &str| crate::typo_or(ctx.content, s);
    let mut b = vec![Block::Cover {
        title: tx(&r.name),
        lines: vec![
            tx(t.get("regional_kit")),
            tx(&ctx.content.site.programme.name),
        ],
    }];
    b.push(Block::Heading(1, tx(t.get("key_figures"))));
    b.push(Block::Figures(
        r.figures
            .iter()
            .map(|f| (f.value.clone(), tx(&f.label)))
            .collect(),
    ));
    if ctx.content.site.programme.illustrative_projects {
        b.push(Block::Small(tx(t.get("illustrative_notice"))));
    }
    b.push(Block::Heading(
        1,
        tx(&format!("{} ({})", t.get("region_territories"), r.count)),
    ));
    let lang = ctx.lang;
    for row in &r.territories {
        // The same words as the pages: "1 projet", "0 emploi créé".
        let projects = crate::i18n::count_label(
            lang,
            row.raw_projects,
            t.get("project_lc"),
            t.get("projects_lc"),
        );
        let figures: Vec<String> = std::iter::once(format!("{} {projects}", row.totals.projects))
            .chain(
                ctx.content
                    .metrics
                    .headline()
                    .zip(&row.totals.headline)
                    .map(|((_, m), c)| match c.raw.parse::<u64>() {
                        Ok(v) => format!("{} {}", c.text, m.label_for(lang, v)),
                        Err(_) => format!("{}{} {}", m.label, t.get("colon"), c.text),
                    }),
            )
            .collect();
        b.push(Block::Bullet(tx(&format!(
            "{} — {}",
            row.name,
            figures.join(", ")
        ))));
    }
    b.push(Block::PageBreak);
    b.push(Block::Heading(1, tx(t.get("visuals"))));
    for c in charts(ctx, r) {
        b.push(Block::Svg {
            svg: c.svg.clone(),
            caption: tx(&c.title),
            alt: c.desc.clone(),
        });
    }
    if let Some(svg) = map {
        b.push(Block::Svg {
            svg: svg.to_string(),
            caption: tx(&format!("{} — {}", t.get("map_region"), r.name)),
            alt: tx(t.get("map_region_desc")),
        });
    }
    let kit = ctx.content.kit.clone().unwrap_or_default();
    if !kit.contacts.is_empty() {
        b.push(Block::Heading(1, tx(t.get("contacts"))));
        for c in &kit.contacts {
            let line = crate::presskit::contact_line(c);
            b.push(Block::Bullet(tx(&line)));
        }
    }
    Spec {
        title: format!("{} — {}", t.get("regional_kit"), r.name),
        lang: ctx.lang.code().into(),
        footer: tx(&format!("{} — {}", t.get("regional_kit"), r.name)),
        date: super::dossier::pdf_date(ctx),
        blocks: b,
    }
}

#[derive(Serialize)]
struct Download {
    href: String,
    size: String,
}

/// A region's kit page.
pub(super) fn page(ctx: &Ctx, path: &str, i: usize, sizes: &Sizes) -> Job {
    let r = &ctx.regions[i];
    let t = &ctx.labels;
    let size = |p: &str| {
        sizes
            .get(p)
            .map(|&n| presskit::size(ctx.lang, n))
            .unwrap_or_default()
    };
    let mut c = Context::new();
    c.insert("region", r);
    c.insert("figures", &r.figures);
    c.insert("charts", charts(ctx, r));
    let pdf = routes::region_kit_pdf(&r.code);
    let zip = routes::region_kit_zip(&r.code);
    c.insert(
        "pdf",
        &Download {
            size: size(&pdf),
            href: pdf,
        },
    );
    c.insert(
        "zip",
        &Download {
            size: size(&zip),
            href: zip,
        },
    );
    let map = routes::region_map(&r.code);
    let has_map = ctx
        .charts
        .map
        .as_ref()
        .is_some_and(|m| m.regions.contains_key(&r.code));
    c.insert(
        "map",
        &has_map.then(|| {
            serde_json::json!({
                "svg": routes::chart(&map, "svg"),
                "png": routes::chart(&map, "png"),
                "title": format!("{} — {}", t.get("map_region"), r.name),
                "alt": t.get("map_region_desc"),
            })
        }),
    );
    let card = charts(ctx, r).first().map(|c| c.png_file.clone());
    Job::new(
        path,
        "kit_region.html",
        "press",
        format!("{} — {}", t.get("regional_kit"), r.name),
        format!("{} — {}", t.get("regional_kit"), r.name),
        c,
    )
    .card(card)
}
