//! The press kit: its page (`presse/kit/`) and its bundle (`presse/kit.zip`).
//! Both list the same visuals and data, taken from the files already built.

use serde::Serialize;
use tera::Context;

use super::views;
use super::{Ctx, Files, Job, Sizes};
use crate::config::Language;
use crate::format;
use crate::markdown;
use crate::presskit;
use crate::routes;

#[derive(Serialize)]
struct Visual {
    name: String,
    title: String,
    alt: String,
    svg: String,
    png: String,
    svg_size: String,
    png_size: String,
}

#[derive(Serialize)]
struct Download {
    label: String,
    href: String,
    size: String,
}

/// Programme charts and the map, as (file stem, title, description).
fn visuals(ctx: &Ctx) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = ctx
        .charts
        .programme
        .iter()
        .map(|c| (c.name.clone(), c.title.clone(), c.desc.clone()))
        .collect();
    if let Some(m) = &ctx.charts.map {
        v.push((routes::MAP.into(), m.title.clone(), m.desc.clone()));
    }
    v
}

/// The open data files, CSV and JSON of each export.
fn data_files() -> Vec<String> {
    routes::EXPORTS
        .iter()
        .flat_map(|name| routes::EXPORT_FORMATS.map(|ext| routes::export(name, ext)))
        .collect()
}

/// The zip: README, visuals (PNG and SVG), data (CSV) and releases (Markdown).
pub(super) fn bundle(ctx: &Ctx, files: &Files) -> zip::result::ZipResult<Vec<u8>> {
    let mut entries = vec![("README.txt".to_string(), readme(ctx).into_bytes())];
    for (name, _, _) in visuals(ctx) {
        for ext in ["png", "svg"] {
            if let Some(bytes) = files.get(&routes::chart(&name, ext)) {
                entries.push((format!("visuels/{name}.{ext}"), bytes.clone()));
            }
        }
    }
    for path in data_files()
        .iter()
        .filter(|p| p.ends_with(".csv") || p.ends_with(".xlsx"))
    {
        if let Some(bytes) = files.get(path) {
            entries.push((path.clone(), bytes.clone()));
        }
    }
    for p in &ctx.press {
        let mut md = format!("# {}\n\n", p.meta.title);
        let meta: Vec<String> = [
            p.meta
                .number
                .as_ref()
                .map(|n| format!("{}{n}", ctx.labels.get("release_number"))),
            p.meta.date.map(|d| format::date(ctx.lang, d)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !meta.is_empty() {
            md.push_str(&format!("{}\n\n", meta.join(" · ")));
        }
        md.push_str(p.body.trim_start());
        entries.push((format!("communiques/{}.md", p.stem), md.into_bytes()));
    }
    presskit::zip(&entries)
}

fn readme(ctx: &Ctx) -> String {
    let site = &ctx.content.site;
    let p = &site.programme;
    let kit = ctx.content.kit.clone().unwrap_or_default();
    let dash = "—".to_string();
    let date = p
        .figures_date
        .map(|d| format::date(ctx.lang, d))
        .unwrap_or_else(|| dash.clone());
    let notice = if p.illustrative_projects {
        format!("\n{}\n", ctx.labels.get("illustrative_notice"))
    } else {
        String::new()
    };
    match ctx.lang {
        Language::Fr => format!(
            "{}\nDossier de presse : {}\n\nContenu\n- visuels/ : graphiques et carte, en PNG (impression, 1 920 px de large) et en SVG\n- donnees/ : territoires.csv et projets.csv (UTF-8, séparateur virgule, une ligne d'en-tête)\n- communiques/ : communiqués de presse, en Markdown\n\nSource des chiffres : {}\nDate des chiffres : {date}\nLicence : {}\nCrédits : {}\n{notice}",
            site.title, p.name, p.source.clone().unwrap_or_else(|| dash.clone()), kit.licence.unwrap_or_else(|| dash.clone()), kit.credits.unwrap_or(dash)
        ),
        Language::En => format!(
            "{}\nPress kit: {}\n\nContents\n- visuels/: charts and map, as PNG (print, 1,920 px wide) and SVG\n- donnees/: territoires.csv and projets.csv (UTF-8, comma-separated, one header row)\n- communiques/: press releases, in Markdown\n\nSource of the figures: {}\nDate of the figures: {date}\nLicence: {}\nCredits: {}\n{notice}",
            site.title, p.name, p.source.clone().unwrap_or_else(|| dash.clone()), kit.licence.unwrap_or_else(|| dash.clone()), kit.credits.unwrap_or(dash)
        ),
    }
}

/// The kit page. `sizes` holds the byte sizes of the charts, data and zip.
pub(super) fn page(ctx: &Ctx, path: &str, sizes: &Sizes) -> Job {
    let (t, lang) = (&ctx.labels, ctx.lang);
    let size = |path: &str| {
        sizes
            .get(path)
            .map(|&n| presskit::size(lang, n))
            .unwrap_or_default()
    };
    let kit = ctx.content.kit.clone().unwrap_or_default();
    let visuals: Vec<Visual> = visuals(ctx)
        .into_iter()
        .map(|(name, title, alt)| Visual {
            svg: routes::chart(&name, "svg"),
            png: routes::chart(&name, "png"),
            svg_size: size(&routes::chart(&name, "svg")),
            png_size: size(&routes::chart(&name, "png")),
            name,
            title,
            alt,
        })
        .collect();
    let data: Vec<Download> = data_files()
        .into_iter()
        .map(|p| Download {
            label: p.rsplit('/').next().unwrap_or_default().to_string(),
            size: size(&p),
            href: p,
        })
        .collect();
    let mut c = Context::new();
    c.insert("figures", &views::headline_figures(ctx.content, ctx.agg, t));
    c.insert(
        "presentation_html",
        &kit.presentation
            .as_deref()
            .map(|m| markdown::render(m, ctx.content.site.markdown.raw_html)),
    );
    c.insert("quotes", &kit.quotes);
    c.insert("contacts", &kit.contacts);
    c.insert("credits", &kit.credits);
    c.insert("visuals", &visuals);
    c.insert("data", &data);
    c.insert(
        "zip",
        &Download {
            label: "kit.zip".into(),
            href: routes::KIT_ZIP.into(),
            size: size(routes::KIT_ZIP),
        },
    );
    let releases: Vec<views::PageView> = ctx
        .press
        .iter()
        .map(|p| views::release_entry(lang, p))
        .collect();
    c.insert("releases", &releases);
    Job {
        path: path.into(),
        template: "kit.html",
        section: "press".into(),
        title: t.get("press_kit").into(),
        description: format!(
            "{} — {}",
            t.get("press_kit"),
            ctx.content.site.programme.name
        ),
        date: ctx.press.first().and_then(|p| p.meta.date),
        context: c,
    }
}
