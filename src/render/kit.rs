//! The press kit: its page (`presse/kit/`) and its bundle (`presse/kit.zip`).
//! Both list the same visuals and data, taken from the files already built.

use serde::Serialize;
use tera::Context;

use super::kitview::{zip_names, KitView};
use super::views;
use super::{Files, Job, Report, Sizes};
use crate::format;
use crate::markdown;
use crate::presskit;
use crate::routes;
use crate::text::Language;

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

/// The open data files, CSV and JSON of each export.
fn data_files() -> Vec<String> {
    routes::EXPORTS
        .iter()
        .flat_map(|name| routes::EXPORT_FORMATS.map(|ext| routes::export(name, ext)))
        .collect()
}

/// The zip, the whole kit: README, the dossier PDF, the kit's texts
/// (presentation, quotes, contacts), visuals (PNG and SVG) with a credits
/// file, data (CSV, XLSX) and releases (PDF and Markdown).
pub(super) fn bundle(ctx: &Report, files: &Files) -> zip::result::ZipResult<Vec<u8>> {
    let kit = ctx.kit();
    let n = zip_names(ctx.lang);
    let mut entries = vec![("README.txt".to_string(), readme(ctx, kit).into_bytes())];
    if let Some(pdf) = files.get(routes::KIT_PDF) {
        entries.push((n.pdf.to_string(), pdf.clone()));
    }
    entries.extend(texts(ctx, kit));
    for v in &kit.visuals {
        for ext in ["png", "svg"] {
            // The map's SVG travels without its links into the site.
            let standalone = v.standalone.filter(|_| ext == "svg").map(str::as_bytes);
            if let Some(bytes) =
                standalone.or(files.get(&routes::chart(&v.name, ext)).map(Vec::as_slice))
            {
                entries.push((format!("{}/{}.{ext}", n.visuals, v.name), bytes.to_vec()));
            }
        }
    }
    for p in &kit.photos {
        entries.push((format!("{}/{}", n.photos, p.name), p.bytes.to_vec()));
    }
    entries.push((
        format!("{}/CREDITS.txt", n.visuals),
        credits(ctx, kit).into_bytes(),
    ));
    for path in data_files()
        .iter()
        .filter(|p| p.ends_with(".csv") || p.ends_with(".xlsx"))
    {
        if let Some(bytes) = files.get(path) {
            entries.push((path.clone(), bytes.clone()));
        }
    }
    for r in &kit.releases {
        let p = r.page;
        let mut md = format!("# {}\n\n", p.meta.title);
        if !r.meta.is_empty() {
            md.push_str(&format!("{}\n\n", r.meta));
        }
        md.push_str(p.body.trim_start());
        entries.push((format!("{}/{}.md", n.releases, p.stem), md.into_bytes()));
        if let Some(pdf) = files.get(&routes::release_pdf(&p.stem)) {
            entries.push((format!("{}/{}.pdf", n.releases, p.stem), pdf.clone()));
        }
    }
    presskit::zip(&entries)
}

/// A release's number and date: `N° 1522 · 11 octobre 2021`.
pub(super) fn release_meta(ctx: &Report, p: &crate::records::Page) -> String {
    [
        p.meta
            .number
            .as_ref()
            .map(|n| format!("{}{n}", ctx.labels.get("release_number"))),
        p.meta.date.map(|d| format::date(ctx.lang, d)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The kit's own words as text files: presentation, quotes (in the
/// site's quotation marks), contacts.
fn texts(ctx: &Report, kit: &KitView) -> Vec<(String, Vec<u8>)> {
    let t = &ctx.labels;
    let n = zip_names(ctx.lang);
    let mut out = Vec::new();
    if let Some(p) = kit.presentation {
        out.push((
            format!("{}/presentation.md", n.texts),
            format!("# {}\n\n{}\n", t.get("presentation"), p.trim()).into_bytes(),
        ));
    }
    if !kit.quotes.is_empty() {
        let quotes: Vec<String> = kit
            .quotes
            .iter()
            .map(|q| format!("{}\n— {}\n", q.quoted, q.role))
            .collect();
        out.push((
            format!(
                "{}/{}",
                n.texts,
                match ctx.lang {
                    Language::Fr => "citations.txt",
                    Language::En => "quotes.txt",
                }
            ),
            quotes.join("\n").into_bytes(),
        ));
    }
    if !kit.contacts.is_empty() {
        let lines: Vec<&str> = kit.contacts.iter().map(|c| c.line.as_str()).collect();
        out.push((
            format!("{}/contacts.txt", n.texts),
            format!("{}\n", lines.join("\n")).into_bytes(),
        ));
    }
    out
}

/// Who made the visuals and photos, and where their figures come from.
fn credits(ctx: &Report, kit: &KitView) -> String {
    let site = &ctx.content.site;
    let t = &ctx.labels;
    let mut lines = vec![format!("{} — {}", t.get("visuals"), site.programme.name)];
    for v in &kit.visuals {
        lines.push(format!("{0}.png, {0}.svg: {1}", v.name, v.title));
    }
    if let Some(s) = &site.programme.source {
        lines.push(format!("{}{} {s}", t.get("source"), t.get("colon")));
    }
    if let Some(c) = kit.credits {
        lines.push(crate::presskit::credit_line(t, c));
    }
    if let Some(l) = kit.licence {
        lines.push(format!("{}{} {l}", t.get("licence"), t.get("colon")));
    }
    for p in &kit.photos {
        let licence = p.licence.map(|l| format!(" ({l})")).unwrap_or_default();
        lines.push(format!(
            "{}/{}: {} — © {}{licence}",
            zip_names(ctx.lang).photos,
            p.name,
            p.caption,
            p.credit
        ));
    }
    format!("{}\n", lines.join("\n"))
}

fn readme(ctx: &Report, kit: &KitView) -> String {
    let site = &ctx.content.site;
    let p = &site.programme;
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
    let n = zip_names(ctx.lang);
    let (pdf, texts, visuals, data, releases) = (n.pdf, n.texts, n.visuals, n.data, n.releases);
    match ctx.lang {
        Language::Fr => format!(
            "{}\nDossier de presse : {}\n\nContenu\n- {pdf} : le dossier complet, en A4\n- {texts}/ : présentation, citations et contacts, en texte\n- {visuals}/ : graphiques et carte, en PNG (impression, 1 920 px de large) et en SVG, avec CREDITS.txt\n- {data}/ : territoires et projets, en CSV (UTF-8, séparateur virgule, une ligne d'en-tête) et en XLSX\n- {releases}/ : communiqués de presse, en PDF et en Markdown\n\nSource des chiffres : {}\nDate des chiffres : {date}\nLicence : {}\nCrédits : {}\n{notice}",
            site.title, p.name, p.source.clone().unwrap_or_else(|| dash.clone()), kit.licence.unwrap_or(&dash), kit.credits.unwrap_or(&dash)
        ),
        Language::En => format!(
            "{}\nPress kit: {}\n\nContents\n- {pdf}: the whole kit, A4\n- {texts}/: presentation, quotes and contacts, as text\n- {visuals}/: charts and map, as PNG (print, 1,920 px wide) and SVG, with CREDITS.txt\n- {data}/: territories and projects, as CSV (UTF-8, comma-separated, one header row) and XLSX\n- {releases}/: press releases, as PDF and Markdown\n\nSource of the figures: {}\nDate of the figures: {date}\nLicence: {}\nCredits: {}\n{notice}",
            site.title, p.name, p.source.clone().unwrap_or_else(|| dash.clone()), kit.licence.unwrap_or(&dash), kit.credits.unwrap_or(&dash)
        ),
    }
}

/// The kit page. `sizes` holds the byte sizes of the charts, data and zip.
pub(super) fn page(ctx: &Report, path: &str, sizes: &Sizes) -> Job {
    let (t, lang) = (&ctx.labels, ctx.lang);
    let size = |path: &str| {
        sizes
            .get(path)
            .map(|&n| presskit::size(lang, n))
            .unwrap_or_default()
    };
    let kit = ctx.kit();
    let visuals: Vec<Visual> = kit
        .visuals
        .iter()
        .map(|v| Visual {
            svg: routes::chart(&v.name, "svg"),
            png: routes::chart(&v.name, "png"),
            svg_size: size(&routes::chart(&v.name, "svg")),
            png_size: size(&routes::chart(&v.name, "png")),
            name: v.name.clone(),
            title: v.title.to_string(),
            alt: v.desc.to_string(),
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
    c.insert("figures", &kit.figures);
    c.insert(
        "presentation_html",
        &kit.presentation
            .map(|m| markdown::render(m, ctx.content.site.markdown.raw_html)),
    );
    c.insert("quotes", &kit.quotes);
    c.insert("photos", &kit.photos);
    c.insert("contacts", &kit.contacts);
    c.insert("credits", &kit.credits);
    let credit_line = kit
        .credits
        .map(|credits| crate::presskit::credit_line(&ctx.labels, credits));
    c.insert("credit_line", &credit_line);
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
    c.insert(
        "pdf",
        &Download {
            label: "dossier-de-presse.pdf".into(),
            href: routes::KIT_PDF.into(),
            size: size(routes::KIT_PDF),
        },
    );
    let release_pdfs: Vec<Download> = kit
        .releases
        .iter()
        .map(|r| Download {
            label: r.page.meta.title.clone(),
            href: routes::release_pdf(&r.page.stem),
            size: size(&routes::release_pdf(&r.page.stem)),
        })
        .collect();
    c.insert("release_pdfs", &release_pdfs);
    let regions: Vec<serde_json::Value> = ctx
        .regions
        .iter()
        .map(|r| serde_json::json!({ "name": r.name, "kit": routes::region_kit(&r.code) }))
        .collect();
    c.insert("regions", &regions);
    let releases: Vec<views::PageView> = kit
        .releases
        .iter()
        .map(|r| views::release_entry(lang, r.page))
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
        og_image: None,
        context: c,
        recorded: None,
    }
}
