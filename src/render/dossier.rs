//! The PDFs of the press kit: the dossier de presse (cover, key figures,
//! presentation, quotes, every chart and the map as vectors, the releases,
//! contacts) and one PDF per release. Laid out by [`crate::pdf`].

use crate::error::Error;
use rayon::prelude::*;

use super::{Files, Report};
use crate::diag::Diagnostic;
use crate::format;
use crate::pdf::{self, markdown_blocks, Block, Cover, Spec};
use crate::records::Page;
use crate::routes;

/// A PDF's creation date: the build's day, so a PDF rebuilt the same day
/// from the same content is the same file (and comes from the cache).
pub(super) fn pdf_date(ctx: &Report) -> chrono::DateTime<chrono::Utc> {
    ctx.now
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map_or(ctx.now, |d| d.and_utc())
}

/// French typography on text bound for a PDF (English passes as is).
fn tx(ctx: &Report, s: &str) -> String {
    crate::typo_or(ctx.content, s)
}

/// Every PDF of the kit, by output path, built in parallel.
pub(super) fn pdfs(ctx: &Report) -> Result<Files, Error> {
    let mut jobs: Vec<(String, Spec)> = vec![(routes::KIT_PDF.to_string(), kit_spec(ctx))];
    for p in &ctx.press {
        jobs.push((routes::release_pdf(&p.stem), release_spec(ctx, p)));
    }
    jobs.into_par_iter()
        .map(|(path, spec)| {
            let store = ctx.store.unwrap_or(&crate::cache::NoCache);
            pdf::render_cached(&spec, store)
                .map(|bytes| (path.clone(), bytes))
                .map_err(|e| {
                    crate::error::Error::one(Diagnostic::error(
                        &path,
                        bilan_core::tr!("pdf-failed", error = e.to_string()),
                    ))
                })
        })
        .collect()
}

/// A release's blocks: title, number and date, text, contacts.
fn release_blocks(ctx: &Report, p: &Page, level: u8) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(level, tx(ctx, &p.meta.title))];
    let meta = super::kit::release_meta(ctx, p);
    if !meta.is_empty() {
        blocks.push(Block::Small(tx(ctx, &meta)));
    }
    blocks.extend(
        markdown_blocks(&p.body, level)
            .into_iter()
            .map(|b| typeset(ctx, b)),
    );
    if !p.meta.contacts.is_empty() {
        blocks.push(Block::Heading(2, tx(ctx, ctx.labels.get("contacts"))));
        for c in &p.meta.contacts {
            blocks.push(Block::Bullet(tx(ctx, &crate::presskit::contact_line(c))));
        }
    }
    blocks
}

fn typeset(ctx: &Report, b: Block) -> Block {
    match b {
        Block::Heading(l, t) => Block::Heading(l, tx(ctx, &t)),
        Block::Paragraph(t) => Block::Paragraph(tx(ctx, &t)),
        Block::Bullet(t) => Block::Bullet(tx(ctx, &t)),
        other => other,
    }
}

fn release_spec(ctx: &Report, p: &Page) -> Spec {
    Spec {
        title: p.meta.title.clone(),
        lang: ctx.lang.code().into(),
        footer: tx(
            ctx,
            &format!(
                "{} — {}",
                ctx.labels.get("press_release"),
                ctx.content.site.programme.name
            ),
        ),
        date: pdf_date(ctx),
        blocks: release_blocks(ctx, p, 1),
    }
}

/// The State's brand block on the cover with `theme: dsfr`, none else.
pub(super) fn brand(ctx: &Report) -> Vec<String> {
    match ctx.content.site.theme.as_str() {
        "dsfr" => ctx.content.site.dsfr.ministry.clone(),
        _ => Vec::new(),
    }
}

/// Headline figures for a PDF, each with its note, typeset.
pub(super) fn figures(ctx: &Report, figures: &[super::figures::Figure]) -> Vec<pdf::Figure> {
    figures
        .iter()
        .map(|f| pdf::Figure {
            value: f.value.clone(),
            label: tx(ctx, &f.label),
            note: f.note.as_deref().map(|n| tx(ctx, n)),
        })
        .collect()
}

/// The press contacts at the foot of a cover, if any.
pub(super) fn cover_foot(ctx: &Report, lines: &[String]) -> Option<(String, Vec<String>)> {
    (!lines.is_empty()).then(|| {
        let lines = lines.iter().map(|l| tx(ctx, l)).collect();
        (tx(ctx, ctx.labels.get("contacts")), lines)
    })
}

/// Where the visuals' figures come from and who made them, once for all
/// of them (the charts on paper leave out their own source line).
pub(super) fn sources(ctx: &Report, credits: Option<&str>) -> Vec<Block> {
    let t = &ctx.labels;
    let mut out = Vec::new();
    if let Some(source) = ctx.charts.programme.first().map(|c| &c.source) {
        out.push(Block::Small(tx(
            ctx,
            &format!("{}{} {source}.", t.get("source"), t.get("colon")),
        )));
    }
    if let Some(c) = credits {
        out.push(Block::Small(tx(ctx, &crate::presskit::credit_line(t, c))));
    }
    out
}

/// The whole kit, in the order a journalist reads it: a cover with the
/// headline figures and the contacts, then one idea per page (the
/// programme, the visuals, the releases), laid out from the kit view the
/// page and the zip read too.
fn kit_spec(ctx: &Report) -> Spec {
    let (t, site) = (&ctx.labels, &ctx.content.site);
    let kit = ctx.kit();
    let programme = &site.programme.name;
    let contacts: Vec<String> = kit.contacts.iter().map(|c| c.line.clone()).collect();
    let mut b = vec![Block::Cover(Cover {
        brand: brand(ctx),
        title: tx(ctx, programme),
        lines: vec![
            tx(ctx, t.get("press_kit")),
            tx(ctx, &site.title),
            format!(
                "{} {}",
                t.get("generated_on"),
                format::date(ctx.lang, ctx.now.date_naive())
            ),
        ],
        figures: figures(ctx, &kit.figures),
        notice: site
            .programme
            .illustrative_projects
            .then(|| tx(ctx, t.get("illustrative_notice"))),
        foot: cover_foot(ctx, &contacts),
    })];
    if let Some(p) = kit.presentation {
        b.push(Block::Heading(1, tx(ctx, t.get("presentation"))));
        b.extend(markdown_blocks(p, 1).into_iter().map(|x| typeset(ctx, x)));
    }
    if !kit.quotes.is_empty() {
        b.push(Block::Heading(1, tx(ctx, t.get("quotes"))));
        for q in &kit.quotes {
            b.push(Block::Quote {
                text: tx(ctx, &q.quoted),
                by: tx(ctx, q.role),
            });
        }
    }
    if !kit.photos.is_empty() {
        b.push(Block::Heading(1, tx(ctx, t.get("photos"))));
        for p in &kit.photos {
            b.push(Block::Photo {
                bytes: p.bytes.to_vec(),
                caption: tx(ctx, &p.caption_line()),
                alt: p.alt.to_string(),
            });
        }
    }
    b.push(Block::PageBreak);
    b.push(Block::Heading(1, tx(ctx, t.get("visuals"))));
    for v in &kit.visuals {
        // Charts print their title; the map on paper does not.
        let caption = match v.name == routes::MAP {
            true => tx(ctx, v.title),
            false => String::new(),
        };
        b.push(Block::Svg {
            svg: v.paper.to_string(),
            caption,
            alt: v.desc.to_string(),
        });
    }
    b.extend(sources(ctx, kit.credits));
    if !kit.releases.is_empty() {
        b.push(Block::PageBreak);
        b.push(Block::Heading(1, tx(ctx, t.get("press_releases"))));
        for r in &kit.releases {
            b.extend(release_blocks(ctx, r.page, 2));
        }
    }
    Spec {
        title: format!("{} — {programme}", t.get("press_kit")),
        lang: ctx.lang.code().into(),
        footer: tx(ctx, &format!("{} — {programme}", t.get("press_kit"))),
        date: pdf_date(ctx),
        blocks: b,
    }
}
