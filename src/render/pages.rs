//! The HTML pages of the site: a cheap list of what pages exist (`specs`),
//! and how to build one page's context (`build`). Contexts are built only
//! when a page is rendered, so a large site never holds them all at once.

use serde::Serialize;
use tera::Context;

use super::views::{self, PageView};
use super::{kit, Ctx, Job, Sizes};
use crate::charts;
use crate::format;
use crate::markdown;
use crate::opendata;
use crate::records::Page;

/// One page of the site, by kind and index into the context's lists.
#[derive(Debug, Clone, Copy)]
pub(super) enum Spec {
    Home,
    Territories,
    Territory(usize),
    Region(usize),
    Narrative(usize),
    Release(usize),
    PressIndex,
    Kit,
    Data,
    Accessibility,
    NotFound,
}

/// Site-relative page of a press release.
pub(super) fn press_href(p: &Page) -> String {
    format!("presse/{}/index.html", p.stem)
}

/// Every page, with its path.
pub(super) fn specs(ctx: &Ctx) -> Vec<(String, Spec)> {
    let mut out = vec![
        ("index.html".to_string(), Spec::Home),
        ("territoires/index.html".to_string(), Spec::Territories),
    ];
    out.extend(
        ctx.content
            .territories
            .iter()
            .enumerate()
            .map(|(i, f)| (crate::content::territory_href(&f.slug), Spec::Territory(i))),
    );
    out.extend(
        ctx.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.href.clone(), Spec::Region(i))),
    );
    out.extend(
        ctx.narratives
            .iter()
            .enumerate()
            .filter(|(_, p)| p.stem != "_index" && p.meta.territory.is_none())
            .map(|(i, p)| (format!("{}/index.html", p.stem), Spec::Narrative(i))),
    );
    out.extend(
        ctx.press
            .iter()
            .enumerate()
            .map(|(i, p)| (press_href(p), Spec::Release(i))),
    );
    out.push(("presse/index.html".into(), Spec::PressIndex));
    out.push(("presse/kit/index.html".into(), Spec::Kit));
    out.push(("donnees/index.html".into(), Spec::Data));
    out.push(("accessibilite/index.html".into(), Spec::Accessibility));
    out.push(("404.html".into(), Spec::NotFound));
    out
}

/// What a page is made from, hashed, for pages that can be reused from the
/// previous build when it has not changed. Territory pages (nearly all pages
/// of a large site) show their record, their narratives and what every page
/// shows (`global`: settings, templates, navigation, date stamp, binary).
/// Other pages show totals over everything and are always rendered.
pub(super) fn input_key(ctx: &Ctx, path: &str, spec: Spec, global: &str) -> Option<String> {
    let Spec::Territory(i) = spec else {
        return None;
    };
    let f = &ctx.content.territories[i];
    let mut parts: Vec<&[u8]> = vec![global.as_bytes(), path.as_bytes(), f.source.as_bytes()];
    for p in ctx.attached.get(f.slug.as_str()).into_iter().flatten() {
        parts.extend([p.stem.as_bytes(), p.front.as_bytes(), p.body.as_bytes()]);
    }
    Some(crate::cache::hash(&parts))
}

pub(super) fn job(
    path: impl Into<String>,
    template: &'static str,
    section: impl Into<String>,
    title: impl Into<String>,
    description: impl Into<String>,
    context: Context,
) -> Job {
    Job {
        path: path.into(),
        template,
        section: section.into(),
        title: title.into(),
        description: description.into(),
        date: None,
        context,
    }
}

fn figures_sentence(figures: &[views::Figure]) -> String {
    figures
        .iter()
        .map(|f| format!("{} {}", f.value, f.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds the context of one page.
pub(super) fn build(ctx: &Ctx, path: &str, spec: Spec, sizes: &Sizes) -> Job {
    let (content, agg, t, lang) = (ctx.content, ctx.agg, &ctx.labels, ctx.lang);
    let site = &content.site;
    let md = |p: &Page| markdown::render(&p.body, lang);
    let mut c = Context::new();
    match spec {
        Spec::Home => {
            let intro = ctx
                .narratives
                .iter()
                .find(|p| p.stem == "_index")
                .map(|p| views::page_view(lang, p, String::new(), md(p)));
            c.insert("intro", &intro);
            c.insert("figures", &views::headline_figures(content, agg, t));
            c.insert(
                "notes_html",
                &site
                    .programme
                    .notes
                    .as_deref()
                    .map(|n| markdown::render(n, lang)),
            );
            c.insert("regions", &ctx.regions);
            c.insert("totals", &views::totals_view(lang, &agg.programme));
            let latest: Vec<PageView> = ctx
                .press
                .iter()
                .take(3)
                .map(|p| views::page_view(lang, p, press_href(p), String::new()))
                .collect();
            c.insert("latest_press", &latest);
            c.insert("charts", &ctx.charts.programme);
            c.insert("map", &ctx.charts.map);
            job(path, "index.html", "home", "", site.description.clone(), c)
        }
        Spec::Territories => {
            let mut sorted = ctx.rows.clone();
            views::sort_by_name(&mut sorted, |r| &r.name);
            c.insert("rows", &sorted);
            c.insert("totals", &views::totals_view(lang, &agg.programme));
            job(
                path,
                "territories.html",
                "territories",
                t.get("all_territories"),
                "",
                c,
            )
        }
        Spec::Territory(i) => {
            let (f, row, totals) = (&content.territories[i], &ctx.rows[i], &agg.territories[i]);
            let r = &f.record;
            let attached: Vec<PageView> = ctx
                .attached
                .get(f.slug.as_str())
                .into_iter()
                .flatten()
                .map(|p| views::page_view(lang, p, String::new(), md(p)))
                .collect();
            c.insert(
                "territory",
                &TerritoryView {
                    name: r.name.clone(),
                    code: r.code.clone(),
                    departments: r.departments.clone(),
                    intercommunalities: r.intercommunalities.clone(),
                    labelled_on: r.labelled_on.map(|d| format::date(lang, d)),
                    elected: r.leads.as_ref().and_then(|l| l.elected.clone()),
                    industrial: r.leads.as_ref().and_then(|l| l.industrial.clone()),
                    actions: r.actions.clone(),
                },
            );
            c.insert("row", row);
            c.insert("totals", &views::totals_view(lang, totals));
            let figures = views::totals_figures(lang, totals, t, false);
            let description = format!(
                "{} ({}){} {}",
                r.name,
                row.region,
                t.get("colon"),
                figures_sentence(&figures)
            );
            c.insert("figures", &figures);
            c.insert("projects", &views::project_rows(lang, f));
            c.insert("chart", &charts::territory(content, f, t));
            c.insert("narratives", &attached);
            job(
                path,
                "territory.html",
                "territories",
                r.name.clone(),
                description,
                c,
            )
        }
        Spec::Region(i) => {
            let region = &ctx.regions[i];
            c.insert("region", region);
            c.insert("figures", &region.figures);
            c.insert(
                "charts",
                &ctx.charts
                    .regions
                    .get(&region.code)
                    .cloned()
                    .unwrap_or_default(),
            );
            let description = format!(
                "{}{} {}",
                region.name,
                t.get("colon"),
                figures_sentence(&region.figures)
            );
            job(
                path,
                "region.html",
                "territories",
                region.name.clone(),
                description,
                c,
            )
        }
        Spec::Narrative(i) => {
            let p = ctx.narratives[i];
            let view = views::page_view(lang, p, path.to_string(), md(p));
            c.insert("page", &view);
            let mut j = job(
                path,
                "narrative.html",
                p.stem.clone(),
                p.meta.title.clone(),
                view.summary.clone(),
                c,
            );
            j.date = p.meta.date;
            j
        }
        Spec::Release(i) => {
            let p = ctx.press[i];
            let view = views::page_view(lang, p, path.to_string(), md(p));
            c.insert("page", &view);
            c.insert("contacts", &p.meta.contacts);
            let mut j = job(
                path,
                "press.html",
                "press",
                view.title.clone(),
                view.summary.clone(),
                c,
            );
            j.date = p.meta.date;
            j
        }
        Spec::PressIndex => {
            let releases: Vec<PageView> = ctx
                .press
                .iter()
                .map(|p| views::page_view(lang, p, press_href(p), String::new()))
                .collect();
            c.insert("releases", &releases);
            let mut j = job(
                path,
                "press_index.html",
                "press",
                t.get("press_releases"),
                "",
                c,
            );
            j.date = ctx.press.first().and_then(|p| p.meta.date);
            j
        }
        Spec::Kit => kit::page(ctx, sizes),
        Spec::Data => data_page(ctx, path),
        Spec::Accessibility => {
            let a = &site.accessibility;
            let status = super::conformity_label(a.status, t);
            c.insert(
                "organisation",
                &a.organisation.clone().unwrap_or_else(|| site.title.clone()),
            );
            c.insert("status", status);
            c.insert(
                "results_html",
                &a.results.as_deref().map(|m| markdown::render(m, lang)),
            );
            c.insert(
                "exceptions_html",
                &a.exceptions.as_deref().map(|m| markdown::render(m, lang)),
            );
            c.insert("date", &a.date.map(|d| format::date(lang, d)));
            let contact = a.contact.clone().map(|c| {
                let href = if c.contains('@') && !c.contains(':') {
                    format!("mailto:{c}")
                } else {
                    c.clone()
                };
                serde_json::json!({ "text": c, "href": href })
            });
            c.insert("contact", &contact);
            let mut j = job(
                path,
                "accessibility.html",
                "accessibility",
                t.get("accessibility_statement"),
                "",
                c,
            );
            j.date = a.date;
            j
        }
        Spec::NotFound => job(path, "404.html", "404", t.get("not_found_title"), "", c),
    }
}

/// `donnees/index.html`: the exports, their columns, licence and source.
fn data_page(ctx: &Ctx, path: &str) -> Job {
    let t = &ctx.labels;
    #[derive(Serialize)]
    struct Column {
        name: &'static str,
        meaning: &'static str,
    }
    #[derive(Serialize)]
    struct Export {
        title: String,
        csv: String,
        json: String,
        rows: String,
        columns: Vec<Column>,
    }
    let export = |file: &str, title: &str, n: u64| Export {
        title: title.to_string(),
        csv: format!("donnees/{file}.csv"),
        json: format!("donnees/{file}.json"),
        rows: format::int(ctx.lang, n),
        columns: opendata::COLUMNS
            .iter()
            .filter(|c| c.0 == file)
            .map(|c| Column {
                name: c.1,
                meaning: if ctx.lang == crate::config::Language::Fr {
                    c.2
                } else {
                    c.3
                },
            })
            .collect(),
    };
    let totals = &ctx.agg.programme;
    let mut c = Context::new();
    c.insert(
        "exports",
        &[
            export("territoires", t.get("territories"), totals.territories),
            export("projets", t.get("projects"), totals.projects),
        ],
    );
    c.insert(
        "kit",
        &ctx.content.kit.as_ref().and_then(|k| k.credits.clone()),
    );
    c.insert(
        "licence",
        &ctx.content.kit.as_ref().and_then(|k| k.licence.clone()),
    );
    c.insert("source", &ctx.content.site.programme.source);
    job(
        path,
        "data.html",
        "data",
        t.get("open_data"),
        t.get("open_data_summary"),
        c,
    )
}

#[derive(Serialize)]
struct TerritoryView {
    name: String,
    code: Option<String>,
    departments: Vec<String>,
    intercommunalities: Vec<String>,
    labelled_on: Option<String>,
    elected: Option<String>,
    industrial: Option<String>,
    actions: Vec<crate::records::Action>,
}
