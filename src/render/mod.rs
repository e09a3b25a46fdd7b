//! The render stage: content and totals in, files (as bytes) out. No I/O:
//! the writer decides what reaches the disk.

mod views;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::aggregate::Aggregates;
use crate::charts::ChartSet;
use crate::config::Language;
use crate::content::Content;
use crate::diag::Diagnostics;
use crate::format;
use crate::markdown;
use crate::records::Page;
use crate::theme::{template_error, Theme};

use crate::i18n::Labels;
use views::{NavItem, PageView};

/// Choices made on the command line.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Build drafts and embargoed releases.
    pub drafts: bool,
    /// "Today", for embargoes and the "generated on" stamp.
    pub now: DateTime<Utc>,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
}

/// The rendered site: output path (`/`-separated) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// One page to render.
struct Job {
    path: String,
    template: &'static str,
    section: String,
    title: String,
    context: Context,
}

/// True when a page is published under these options.
pub fn is_published(page: &Page, opts: &RenderOptions) -> bool {
    if opts.drafts {
        return true;
    }
    !page.meta.draft && page.embargo.is_none_or(|t| t <= opts.now)
}

/// Renders every page, then adds static files and the sitemap.
pub fn render(
    content: &Content,
    agg: &Aggregates,
    charts: &ChartSet,
    theme: &Theme,
    opts: &RenderOptions,
) -> Result<Files, Diagnostics> {
    let site = &content.site;
    let lang = site.language;
    let labels = Labels::new(lang);
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    let to_diags = |e: &tera::Error| {
        let mut d = Diagnostics::default();
        d.push(template_error(e, theme));
        d
    };
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str())),
    )
    .map_err(|e| to_diags(&e))?;
    register_filters(&mut tera, lang);

    let base_url = opts.base_url.clone().unwrap_or_else(|| site.base_url());
    let base_url = format!("{}/", base_url.trim_end_matches('/'));
    let narratives: Vec<&Page> = content
        .narratives
        .iter()
        .filter(|p| is_published(p, opts))
        .collect();
    let mut press: Vec<&Page> = content
        .press
        .iter()
        .filter(|p| is_published(p, opts))
        .collect();
    press.sort_by(|a, b| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| a.stem.cmp(&b.stem))
    });
    let press_href = |p: &Page| format!("presse/{}/index.html", p.stem);

    let mut nav = vec![
        NavItem {
            label: labels.get("home").into(),
            href: "index.html".into(),
            section: "home".into(),
        },
        NavItem {
            label: labels.get("territories").into(),
            href: "territoires/index.html".into(),
            section: "territories".into(),
        },
    ];
    let mut in_nav: Vec<&&Page> = narratives
        .iter()
        .filter(|p| p.meta.weight.is_some() && p.meta.territory.is_none())
        .collect();
    in_nav.sort_by_key(|p| (p.meta.weight, p.stem.clone()));
    for p in in_nav {
        nav.push(NavItem {
            label: p.meta.title.clone(),
            href: format!("{}/index.html", p.stem),
            section: p.stem.clone(),
        });
    }
    nav.push(NavItem {
        label: labels.get("press").into(),
        href: "presse/index.html".into(),
        section: "press".into(),
    });

    let globals = tera.global_context();
    globals.insert(
        "site",
        &SiteView {
            title: site.title.clone(),
            description: site.description.clone(),
            lang: lang.code().into(),
            base_url: base_url.clone(),
            programme: site.programme.name.clone(),
            illustrative: site.programme.illustrative_projects,
        },
    );
    globals.insert("t", &labels.0);
    globals.insert("nav", &nav);
    globals.insert("generated_on", &format::date(lang, opts.now.date_naive()));

    let rows = views::territory_rows(content, agg);
    let regions = views::region_views(content, agg, &rows, &labels);
    let md = |p: &Page| markdown::render(&p.body, lang);
    let mut jobs = Vec::new();

    // Home.
    let mut ctx = Context::new();
    let intro = narratives
        .iter()
        .find(|p| p.stem == "_index")
        .map(|p| views::page_view(lang, p, String::new(), md(p)));
    ctx.insert("intro", &intro);
    ctx.insert("figures", &views::headline_figures(content, agg, &labels));
    ctx.insert(
        "notes_html",
        &site
            .programme
            .notes
            .as_deref()
            .map(|n| markdown::render(n, lang)),
    );
    ctx.insert("regions", &regions);
    ctx.insert("totals", &views::totals_view(lang, &agg.programme));
    let latest: Vec<PageView> = press
        .iter()
        .take(3)
        .map(|p| views::page_view(lang, p, press_href(p), String::new()))
        .collect();
    ctx.insert("latest_press", &latest);
    ctx.insert("charts", &charts.programme);
    ctx.insert("map", &charts.map);
    jobs.push(Job {
        path: "index.html".into(),
        template: "index.html",
        section: "home".into(),
        title: String::new(),
        context: ctx,
    });

    // Territories index.
    let mut sorted_rows = rows.clone();
    views::sort_by_name(&mut sorted_rows, |r| &r.name);
    let mut ctx = Context::new();
    ctx.insert("rows", &sorted_rows);
    ctx.insert("totals", &views::totals_view(lang, &agg.programme));
    jobs.push(Job {
        path: "territoires/index.html".into(),
        template: "territories.html",
        section: "territories".into(),
        title: labels.get("all_territories").into(),
        context: ctx,
    });

    // One page per territory.
    for ((t, row), totals) in content.territories.iter().zip(&rows).zip(&agg.territories) {
        let mut ctx = Context::new();
        let attached: Vec<PageView> = narratives
            .iter()
            .filter(|p| p.meta.territory.as_deref() == Some(t.slug.as_str()))
            .map(|p| views::page_view(lang, p, String::new(), md(p)))
            .collect();
        ctx.insert(
            "territory",
            &TerritoryView {
                name: t.record.name.clone(),
                code: t.record.code.clone(),
                departments: t.record.departments.clone(),
                intercommunalities: t.record.intercommunalities.clone(),
                labelled_on: t.record.labelled_on.map(|d| format::date(lang, d)),
                elected: t.record.leads.as_ref().and_then(|l| l.elected.clone()),
                industrial: t.record.leads.as_ref().and_then(|l| l.industrial.clone()),
                actions: t.record.actions.clone(),
            },
        );
        ctx.insert("row", row);
        ctx.insert("totals", &views::totals_view(lang, totals));
        ctx.insert(
            "figures",
            &views::totals_figures(lang, totals, &labels, false),
        );
        ctx.insert("projects", &views::project_rows(lang, t));
        ctx.insert("chart", &charts.territories.get(&t.slug));
        ctx.insert("narratives", &attached);
        jobs.push(Job {
            path: format!("territoires/{}/index.html", t.slug),
            template: "territory.html",
            section: "territories".into(),
            title: t.record.name.clone(),
            context: ctx,
        });
    }

    // One page per region that has territories.
    for region in &regions {
        let mut ctx = Context::new();
        ctx.insert("region", region);
        ctx.insert("figures", &region.figures);
        ctx.insert(
            "charts",
            &charts
                .regions
                .get(&region.code)
                .cloned()
                .unwrap_or_default(),
        );
        jobs.push(Job {
            path: region.href.clone(),
            template: "region.html",
            section: "territories".into(),
            title: region.name.clone(),
            context: ctx,
        });
    }

    // Narratives with their own page.
    for p in narratives
        .iter()
        .filter(|p| p.stem != "_index" && p.meta.territory.is_none())
    {
        let mut ctx = Context::new();
        let path = format!("{}/index.html", p.stem);
        ctx.insert("page", &views::page_view(lang, p, path.clone(), md(p)));
        jobs.push(Job {
            path,
            template: "narrative.html",
            section: p.stem.clone(),
            title: p.meta.title.clone(),
            context: ctx,
        });
    }

    // Press releases.
    let releases: Vec<PageView> = press
        .iter()
        .map(|p| views::page_view(lang, p, press_href(p), md(p)))
        .collect();
    for (view, page) in releases.iter().zip(&press) {
        let mut ctx = Context::new();
        ctx.insert("page", view);
        ctx.insert("contacts", &page.meta.contacts);
        jobs.push(Job {
            path: view.href.clone(),
            template: "press.html",
            section: "press".into(),
            title: view.title.clone(),
            context: ctx,
        });
    }
    let mut ctx = Context::new();
    ctx.insert("releases", &releases);
    jobs.push(Job {
        path: "presse/index.html".into(),
        template: "press_index.html",
        section: "press".into(),
        title: labels.get("press_releases").into(),
        context: ctx,
    });

    jobs.push(Job {
        path: "404.html".into(),
        template: "404.html",
        section: "404".into(),
        title: labels.get("not_found_title").into(),
        context: Context::new(),
    });

    let rendered: Vec<Result<(String, Vec<u8>), tera::Error>> = jobs
        .into_par_iter()
        .map(|mut job| {
            // The 404 page is served from any depth, so it links from the site root.
            let root = if job.path == "404.html" {
                base_url.clone()
            } else {
                "../".repeat(job.path.matches('/').count())
            };
            job.context.insert("root", &root);
            job.context.insert("path", &job.path);
            job.context.insert("section", &job.section);
            job.context.insert("title", &job.title);
            tera.render(job.template, &job.context)
                .map(|html| (job.path, html.into_bytes()))
        })
        .collect();
    let mut files = Files::new();
    let mut diags = Diagnostics::default();
    for r in rendered {
        match r {
            Ok((path, bytes)) => {
                files.insert(path, bytes);
            }
            Err(e) => diags.push(template_error(&e, theme)),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let sitemap = sitemap(&files, &base_url);
    files.insert("sitemap.xml".into(), sitemap.into_bytes());
    for c in &charts.programme {
        files.insert(format!("charts/{}.svg", c.name), c.svg.clone().into_bytes());
        if let Some(png) = &c.png {
            files.insert(format!("charts/{}.png", c.name), png.clone());
        }
    }
    if let Some(m) = &charts.map {
        files.insert("charts/carte.svg".into(), m.file_svg.clone().into_bytes());
        files.insert("charts/carte.png".into(), m.png.clone());
    }
    for f in theme.statics.iter().chain(&content.statics) {
        files.insert(f.rel.clone(), f.bytes.clone());
    }
    Ok(files)
}

/// Every HTML page but the 404, at its pretty URL.
fn sitemap(files: &Files, base_url: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in files.keys().filter(|p| p.ends_with("index.html")) {
        let pretty = path.trim_end_matches("index.html");
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base_url}{pretty}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Filters for theme authors who format raw numbers themselves.
fn register_filters(tera: &mut Tera, lang: Language) {
    tera.register_filter("int", move |n: i64, _: Kwargs, _: &State| {
        format::int(lang, n.max(0) as u64)
    });
    tera.register_filter("eur", move |n: i64, _: Kwargs, _: &State| {
        format::eur_short(lang, n.max(0) as u64)
    });
    tera.register_filter("eur_long", move |n: i64, _: Kwargs, _: &State| {
        format::eur_long(lang, n.max(0) as u64)
    });
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    description: String,
    lang: String,
    base_url: String,
    programme: String,
    illustrative: bool,
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
