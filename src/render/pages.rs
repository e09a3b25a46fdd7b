//! The HTML pages of the site and what each template receives.

use serde::Serialize;
use tera::Context;

use super::views::{self, PageView};
use super::{Ctx, Job};
use crate::format;
use crate::markdown;
use crate::opendata;
use crate::records::Page;

/// Site-relative page of a press release.
pub(super) fn press_href(p: &Page) -> String {
    format!("presse/{}/index.html", p.stem)
}

fn job(
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

/// Every page but the press kit.
pub(super) fn jobs(ctx: &Ctx) -> Vec<Job> {
    let (content, agg, t, lang) = (ctx.content, ctx.agg, &ctx.labels, ctx.lang);
    let site = &content.site;
    let md = |p: &Page| markdown::render(&p.body, lang);
    let regions = views::region_views(content, agg, &ctx.rows, t);
    let mut jobs = Vec::new();

    let mut c = Context::new();
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
    c.insert("regions", &regions);
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
    jobs.push(job(
        "index.html",
        "index.html",
        "home",
        "",
        site.description.clone(),
        c,
    ));

    let mut sorted = ctx.rows.clone();
    views::sort_by_name(&mut sorted, |r| &r.name);
    let mut c = Context::new();
    c.insert("rows", &sorted);
    c.insert("totals", &views::totals_view(lang, &agg.programme));
    jobs.push(job(
        "territoires/index.html",
        "territories.html",
        "territories",
        t.get("all_territories"),
        "",
        c,
    ));

    for ((f, row), totals) in content
        .territories
        .iter()
        .zip(&ctx.rows)
        .zip(&agg.territories)
    {
        let r = &f.record;
        let attached: Vec<PageView> = ctx
            .narratives
            .iter()
            .filter(|p| p.meta.territory.as_deref() == Some(f.slug.as_str()))
            .map(|p| views::page_view(lang, p, String::new(), md(p)))
            .collect();
        let mut c = Context::new();
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
        let description = figures
            .iter()
            .map(|f| format!("{} {}", f.value, f.label))
            .collect::<Vec<_>>()
            .join(", ");
        c.insert("figures", &figures);
        c.insert("projects", &views::project_rows(lang, f));
        c.insert("chart", &ctx.charts.territories.get(&f.slug));
        c.insert("narratives", &attached);
        jobs.push(job(
            format!("territoires/{}/index.html", f.slug),
            "territory.html",
            "territories",
            r.name.clone(),
            format!("{} ({}) : {description}", r.name, row.region),
            c,
        ));
    }

    for region in &regions {
        let mut c = Context::new();
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
        let description = region
            .figures
            .iter()
            .map(|f| format!("{} {}", f.value, f.label))
            .collect::<Vec<_>>()
            .join(", ");
        jobs.push(job(
            region.href.clone(),
            "region.html",
            "territories",
            region.name.clone(),
            format!("{} : {description}", region.name),
            c,
        ));
    }

    for p in ctx
        .narratives
        .iter()
        .filter(|p| p.stem != "_index" && p.meta.territory.is_none())
    {
        let path = format!("{}/index.html", p.stem);
        let view = views::page_view(lang, p, path.clone(), md(p));
        let mut c = Context::new();
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
        jobs.push(j);
    }

    let releases: Vec<PageView> = ctx
        .press
        .iter()
        .map(|p| views::page_view(lang, p, press_href(p), md(p)))
        .collect();
    for (view, page) in releases.iter().zip(&ctx.press) {
        let mut c = Context::new();
        c.insert("page", view);
        c.insert("contacts", &page.meta.contacts);
        let mut j = job(
            view.href.clone(),
            "press.html",
            "press",
            view.title.clone(),
            view.summary.clone(),
            c,
        );
        j.date = page.meta.date;
        jobs.push(j);
    }
    let mut c = Context::new();
    c.insert("releases", &releases);
    c.insert("has_kit", &true);
    let mut j = job(
        "presse/index.html",
        "press_index.html",
        "press",
        t.get("press_releases"),
        "",
        c,
    );
    j.date = ctx.press.first().and_then(|p| p.meta.date);
    jobs.push(j);

    jobs.push(data_page(ctx));
    jobs.push(job(
        "404.html",
        "404.html",
        "404",
        t.get("not_found_title"),
        "",
        Context::new(),
    ));
    jobs
}

/// `donnees/index.html`: the exports, their columns, licence and source.
fn data_page(ctx: &Ctx) -> Job {
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
    let (territories, projects) = opendata::rows(ctx.content, ctx.agg);
    let export = |file: &str, title: &str, n: usize| Export {
        title: title.to_string(),
        csv: format!("donnees/{file}.csv"),
        json: format!("donnees/{file}.json"),
        rows: format::int(ctx.lang, n as u64),
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
    let mut c = Context::new();
    c.insert(
        "exports",
        &[
            export("territoires", t.get("territories"), territories.len()),
            export("projets", t.get("projects"), projects.len()),
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
        "donnees/index.html",
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
