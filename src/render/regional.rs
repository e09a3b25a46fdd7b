//! Regional press kits, `presse/kit/regions/<code>/`: for a regional paper,
//! the region's key figures, charts and map (its territories highlighted),
//! the list of its territories, and its own PDF and zip.

use crate::error::Error;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::dossier;
use super::kitview::RegionalKitView;
use super::{Files, Job, Report, Sizes};
use crate::diag::Diagnostic;
use crate::opendata::{self, Cell, Table};
use crate::pdf::{self, Block, Cover, Spec};
use crate::presskit;
use crate::routes;

/// Every region's map, PDF and zip, by output path.
pub(super) fn files(ctx: &Report) -> Result<Files, Error> {
    let tables = opendata::tables(ctx.content, ctx.agg);
    let per_region: Vec<Result<Files, Error>> = (0..ctx.regions.len())
        .into_par_iter()
        .map(|i| region_files(ctx, ctx.regional(i), &tables))
        .collect();
    let mut out = Files::new();
    for f in per_region {
        out.extend(f?);
    }
    Ok(out)
}

fn region_files(ctx: &Report, kit: &RegionalKitView, tables: &[Table; 2]) -> Result<Files, Error> {
    let r = kit.region;
    let mut files = Files::new();
    if let Some(m) = &kit.map {
        files.insert(routes::chart(&m.name, "svg"), m.svg.as_bytes().to_vec());
        files.insert(routes::chart(&m.name, "png"), m.png.to_vec());
    }
    let pdf_path = routes::region_kit_pdf(&r.code);
    let store = ctx.store.unwrap_or(&crate::cache::NoCache);
    let bytes = pdf::render_cached(&spec(ctx, kit), store).map_err(|e| {
        crate::error::Error::one(Diagnostic::error(
            &pdf_path,
            bilan_core::tr!("pdf-failed", error = e.to_string()),
        ))
    })?;
    let n = super::kitview::zip_names(ctx.lang);
    let mut entries = vec![
        ("README.txt".to_string(), readme(ctx, kit).into_bytes()),
        (n.pdf.to_string(), bytes.clone()),
    ];
    for c in kit.charts {
        let c = crate::charts::region_filled(c, store).map_err(Error::one)?;
        entries.push((
            format!("{}/{}.svg", n.visuals, c.name),
            c.svg.clone().into_bytes(),
        ));
        // The print PNG, not the 1,200×630 card, for papers.
        if let Some(png) = c.print.as_ref().or(c.png.as_ref()) {
            entries.push((format!("{}/{}.png", n.visuals, c.name), png.clone()));
        }
    }
    if let Some(m) = &kit.map {
        entries.push((
            format!("{}/{}.svg", n.visuals, m.name),
            m.svg.as_bytes().to_vec(),
        ));
        entries.push((format!("{}/{}.png", n.visuals, m.name), m.png.to_vec()));
    }
    for t in tables {
        let rows = region_rows(t, &r.code);
        let csv = opendata::csv(&rows).map_err(|e| Error::Io(anyhow::anyhow!("{e}")))?;
        entries.push((format!("{}/{}.csv", n.data, t.name), csv));
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
        lang: table.lang,
    }
}

fn readme(ctx: &Report, kit: &RegionalKitView) -> String {
    let n = super::kitview::zip_names(ctx.lang);
    let (pdf, visuals, data) = (n.pdf, n.visuals, n.data);
    let contents = match ctx.lang {
        crate::config::Language::Fr => format!("- {pdf} : le dossier de la région, en A4\n- {visuals}/ : graphiques et carte, en SVG et PNG\n- {data}/ : les territoires et projets de la région, en CSV"),
        crate::config::Language::En => format!("- {pdf}: the region's kit, A4\n- {visuals}/: charts and map, as SVG and PNG\n- {data}/: the region's territories and projects, as CSV"),
    };
    format!(
        "{}\n{}\n\n{contents}\n",
        kit.title, ctx.content.site.programme.name
    )
}

/// The regional PDF, laid out from the view its page and zip read too.
fn spec(ctx: &Report, kit: &RegionalKitView) -> Spec {
    let (t, r) = (&ctx.labels, kit.region);
    let tx = |s: &str| crate::typo_or(ctx.content, s);
    let contacts: Vec<String> = kit.contacts.iter().map(|c| c.line.clone()).collect();
    let mut b = vec![Block::Cover(Cover {
        brand: dossier::brand(ctx),
        title: tx(&r.name),
        lines: vec![
            tx(t.get("regional_kit")),
            tx(&ctx.content.site.programme.name),
            format!(
                "{} {}",
                t.get("generated_on"),
                crate::format::date(ctx.lang, ctx.now.date_naive())
            ),
        ],
        figures: dossier::figures(ctx, &r.figures),
        notice: ctx
            .content
            .site
            .programme
            .illustrative_projects
            .then(|| tx(t.get("illustrative_notice"))),
        foot: dossier::cover_foot(ctx, &contacts),
    })];
    b.push(Block::Heading(
        1,
        tx(&format!("{} ({})", t.get("region_territories"), r.count)),
    ));
    for line in &kit.territory_lines {
        b.push(Block::Bullet(tx(line)));
    }
    b.push(Block::PageBreak);
    b.push(Block::Heading(1, tx(t.get("visuals"))));
    if let Some(m) = &kit.map {
        b.push(Block::Svg {
            svg: m.paper.to_string(),
            caption: tx(&m.title),
            alt: tx(&m.alt),
        });
    }
    for c in kit.charts {
        // The chart prints its own title.
        b.push(Block::Svg {
            svg: c.paper.clone(),
            caption: String::new(),
            alt: c.desc.clone(),
        });
    }
    let credits = ctx.content.kit.as_ref().and_then(|k| k.credits.as_deref());
    b.extend(dossier::sources(ctx, credits));
    Spec {
        title: kit.title.clone(),
        lang: ctx.lang.code().into(),
        footer: tx(&kit.title),
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
pub(super) fn page(ctx: &Report, path: &str, i: usize, sizes: &Sizes) -> Job {
    let kit = ctx.regional(i);
    let r = kit.region;
    let size = |p: &str| {
        sizes
            .get(p)
            .map(|&n| presskit::size(ctx.lang, n))
            .unwrap_or_default()
    };
    let mut c = Context::new();
    c.insert("region", r);
    c.insert("figures", &r.figures);
    c.insert("charts", kit.charts);
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
    c.insert(
        "map",
        &kit.map.as_ref().map(|m| {
            serde_json::json!({
                "svg": routes::chart(&m.name, "svg"),
                "png": routes::chart(&m.name, "png"),
                "title": m.title,
                "alt": m.alt,
            })
        }),
    );
    let card = Some(routes::region_card(&kit.region.code));
    Job::new(
        path,
        "kit_region.html",
        "press",
        kit.title.clone(),
        kit.title.clone(),
        c,
    )
    .card(card)
}
