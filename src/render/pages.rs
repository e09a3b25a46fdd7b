//! The HTML pages of the site, one function per page kind. Each builds the
//! context of one page only when it is rendered, so a large site never holds
//! them all at once. Which pages exist, and where, is for [`crate::routes`].

use serde::Serialize;
use tera::Context;

use super::recorded::Recorded;
use super::views::{self, PageView};
use super::{kit, legal, Job, Report, Sizes};
use crate::charts;
use crate::format;
use crate::markdown;
use crate::opendata;
use crate::records::Page;
use crate::routes::{self, PageKind};

impl Job {
    pub(super) fn new(
        path: &str,
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
            og_image: None,
            context,
            recorded: None,
        }
    }

    /// A page whose whole context was recorded: a rebuild may keep the
    /// previous page when its key (see [`Job::key`]) is the same.
    fn recorded(
        path: &str,
        template: &'static str,
        section: &str,
        title: &str,
        description: String,
        c: Recorded,
    ) -> Job {
        let key = c.key();
        let mut job = Job::new(
            path,
            template,
            section,
            title,
            description,
            c.into_context(),
        );
        job.recorded = Some(key);
        job
    }

    /// The page's key, for pages whose context was recorded: everything
    /// its template can read (`global`: the globals and the templates).
    pub(super) fn key(&self, global: &str) -> Option<String> {
        let own = self.recorded.as_deref()?;
        let meta = format!(
            "{}\n{}\n{}\n{}\n{}\n{:?}\n{:?}",
            self.path,
            self.template,
            self.section,
            self.title,
            self.description,
            self.og_image,
            self.date
        );
        Some(crate::cache::hash(&[
            global.as_bytes(),
            own.as_bytes(),
            meta.as_bytes(),
        ]))
    }

    /// Gives the page its own social card.
    pub(super) fn card(mut self, png: Option<String>) -> Job {
        self.og_image = png;
        self
    }

    pub(super) fn dated(mut self, date: Option<chrono::NaiveDate>) -> Job {
        self.date = date;
        self
    }
}

pub(super) fn figures_sentence(figures: &[super::figures::Figure]) -> String {
    figures
        .iter()
        .map(|f| format!("{} {}", f.value, f.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds the context of one page.
pub(super) fn build(ctx: &Report, path: &str, kind: PageKind, sizes: &Sizes) -> Job {
    match kind {
        PageKind::Home => home(ctx, path),
        PageKind::Territories => territories(ctx, path),
        PageKind::Territory(i) => territory(ctx, path, i),
        PageKind::Region(i) => region(ctx, path, i),
        PageKind::Department(i) => super::departments::page(ctx, path, i),
        PageKind::RegionKit(i) => super::regional::page(ctx, path, i, sizes),
        PageKind::Narrative(i) => narrative(ctx, path, ctx.narratives[i]),
        PageKind::Release(i) => release(ctx, path, ctx.press[i], sizes),
        PageKind::PressIndex => press_index(ctx, path),
        PageKind::Kit => kit::page(ctx, path, sizes),
        PageKind::Data => data(ctx, path),
        PageKind::Accessibility => legal::accessibility(ctx, path),
        PageKind::Legal => legal::legal(ctx, path),
        PageKind::Privacy => legal::privacy(ctx, path),
        PageKind::SitePlan => legal::site_plan(ctx, path),
        PageKind::Search => Job::new(
            path,
            "search.html",
            "search",
            ctx.labels.get("search"),
            ctx.labels.get("search_label"),
            Context::new(),
        ),
        PageKind::NotFound => Job::new(
            path,
            "404.html",
            "404",
            ctx.labels.get("not_found_title"),
            "",
            Context::new(),
        ),
    }
}

fn md(ctx: &Report, p: &Page) -> String {
    markdown::render(&p.body, ctx.content.site.markdown.raw_html)
}

fn home(ctx: &Report, path: &str) -> Job {
    let (content, lang) = (ctx.content, ctx.lang);
    let mut c = Context::new();
    let intro = ctx
        .narratives
        .iter()
        .find(|p| p.stem == "_index")
        .map(|p| views::page_view(lang, p, String::new(), md(ctx, p)));
    c.insert("intro", &intro);
    c.insert(
        "figures",
        &super::figures::headline_figures(content, ctx.agg, &ctx.labels),
    );
    c.insert(
        "notes_html",
        &content
            .site
            .programme
            .notes
            .as_deref()
            .map(|n| markdown::render(n, content.site.markdown.raw_html)),
    );
    c.insert("regions", &ctx.regions);
    let latest: Vec<PageView> = ctx
        .press
        .iter()
        .take(3)
        .map(|p| views::release_entry(ctx.lang, p))
        .collect();
    c.insert("latest_press", &latest);
    c.insert("charts", &ctx.charts.programme);
    c.insert("map", &ctx.charts.map);
    Job::new(
        path,
        "index.html",
        "home",
        "",
        content.site.description.as_str(),
        c,
    )
}

fn territories(ctx: &Report, path: &str) -> Job {
    let t = &ctx.labels;
    let mut sorted: Vec<&views::TerritoryRow> = ctx.rows.iter().map(|r| &**r).collect();
    views::sort_by_name(&mut sorted, |r| &r.name);
    let site = &ctx.content.site;
    let option = |code: &str, name: &str| serde_json::json!({ "code": code, "name": name });
    let regions: Vec<serde_json::Value> = ctx
        .regions
        .iter()
        .map(|r| option(&r.code, &r.name))
        .collect();
    let mut codes: Vec<&str> = ctx
        .content
        .territories
        .iter()
        .flat_map(|f| f.record.departments.iter().map(String::as_str))
        .collect();
    codes.sort();
    codes.dedup();
    let departments: Vec<serde_json::Value> = codes
        .iter()
        .map(|c| option(c, &site.department_label(c)))
        .collect();
    let mut c = Context::new();
    c.insert("filter_regions", &regions);
    c.insert("filter_departments", &departments);
    c.insert("rows", &sorted);
    c.insert(
        "totals",
        &views::totals_view(
            ctx.content,
            t,
            &ctx.agg.programme,
            &views::territory_scales(ctx.content, ctx.agg),
        ),
    );
    Job::new(
        path,
        "territories.html",
        "territories",
        t.get("all_territories"),
        "",
        c,
    )
}

#[derive(Serialize)]
struct TerritoryView<'a> {
    name: &'a str,
    code: Option<&'a str>,
    departments: Vec<DepartmentLink>,
    intercommunalities: &'a [String],
    communes: &'a [String],
    labelled_on: Option<String>,
    elected: Option<&'a str>,
    industrial: Option<&'a str>,
    actions: &'a [crate::records::Action],
}

fn territory(ctx: &Report, path: &str, i: usize) -> Job {
    let (content, t, lang) = (ctx.content, &ctx.labels, ctx.lang);
    let (f, row) = (&content.territories[i], &ctx.rows[i]);
    let totals = ctx.agg.territory(&f.slug);
    let r = &f.record;
    let attached: Vec<PageView> = ctx
        .attached
        .get(f.slug.as_str())
        .into_iter()
        .flatten()
        .map(|&n| &content.narratives[n])
        .map(|p| views::page_view(lang, p, String::new(), md(ctx, p)))
        .collect();
    let leads = r.leads.as_ref();
    let mut c = Recorded::new();
    c.insert(
        "territory",
        &TerritoryView {
            name: &r.name,
            code: r.code.as_deref(),
            departments: r
                .departments
                .iter()
                .map(|d| DepartmentLink {
                    label: content.site.department_label(d),
                    href: routes::department(d),
                })
                .collect(),
            intercommunalities: &r.intercommunalities,
            communes: &r.communes,
            labelled_on: r.labelled_on.map(|d| format::date(lang, d)),
            elected: leads.and_then(|l| l.elected.as_deref()),
            industrial: leads.and_then(|l| l.industrial.as_deref()),
            actions: &r.actions,
        },
    );
    c.insert("row", row);
    let (projects, project_totals) = views::project_rows(content, t, f, totals);
    c.insert("totals", &project_totals);
    let figures = super::figures::totals_figures(content, totals, t, false);
    let description = format!(
        "{} ({}){} {}",
        r.name,
        row.region,
        t.get("colon"),
        figures_sentence(&figures)
    );
    c.insert("figures", &figures);
    c.insert("projects", &projects);
    let locator = ctx
        .charts
        .map
        .as_ref()
        .and_then(|m| charts::locator(content, m, f, t));
    c.insert("locator", &locator);
    let charts = charts::territory(content, f, t, ctx.theme.palette);
    let card = Some(routes::territory_card(&f.slug));
    c.insert("charts", &charts);
    c.insert("narratives", &attached);
    Job::recorded(
        path,
        "territory.html",
        "territories",
        &r.name,
        description,
        c,
    )
    .card(card)
}

/// A département a territory covers, with its page.
#[derive(Serialize)]
struct DepartmentLink {
    label: String,
    href: String,
}

fn region(ctx: &Report, path: &str, i: usize) -> Job {
    let region = &ctx.regions[i];
    let mut c = Context::new();
    c.insert("region", region);
    c.insert("region_kit", &routes::region_kit(&region.code));
    c.insert("figures", &region.figures);
    let charts = ctx.charts.regions.get(&region.code);
    c.insert("charts", &charts.map_or(&[][..], Vec::as_slice));
    let description = format!(
        "{}{} {}",
        region.name,
        ctx.labels.get("colon"),
        figures_sentence(&region.figures)
    );
    let card = Some(routes::region_card(&region.code));
    Job::new(
        path,
        "region.html",
        "territories",
        region.name.as_str(),
        description,
        c,
    )
    .card(card)
}

fn narrative(ctx: &Report, path: &str, p: &Page) -> Job {
    let view = views::page_view(ctx.lang, p, path.to_string(), md(ctx, p));
    let summary = view.summary.to_string();
    let mut c = Context::new();
    c.insert("page", &view);
    Job::new(
        path,
        "narrative.html",
        p.stem.as_str(),
        p.meta.title.as_str(),
        summary,
        c,
    )
    .dated(p.meta.date)
}

fn release(ctx: &Report, path: &str, p: &Page, sizes: &Sizes) -> Job {
    let view = views::page_view(ctx.lang, p, path.to_string(), md(ctx, p));
    let summary = view.summary.to_string();
    let mut c = Context::new();
    c.insert("page", &view);
    c.insert("contacts", &p.meta.contacts);
    // Only a `--drafts` preview shows a release still under embargo: say so.
    let embargo = p
        .embargo
        .filter(|t| *t > ctx.now)
        .map(|t| format::date_time(ctx.lang, t));
    c.insert("embargo_until", &embargo);
    let pdf = routes::release_pdf(&p.stem);
    let size = sizes.get(&pdf).map(|&n| crate::presskit::size(ctx.lang, n));
    c.insert("pdf", &serde_json::json!({ "href": pdf, "size": size }));
    c.insert("draft", &p.meta.draft);
    Job::new(
        path,
        "press.html",
        "press",
        p.meta.title.as_str(),
        summary,
        c,
    )
    .dated(p.meta.date)
}

fn press_index(ctx: &Report, path: &str) -> Job {
    let releases: Vec<PageView> = ctx
        .press
        .iter()
        .map(|p| views::release_entry(ctx.lang, p))
        .collect();
    let mut c = Context::new();
    c.insert("releases", &releases);
    Job::new(
        path,
        "press_index.html",
        "press",
        ctx.labels.get("press_releases"),
        "",
        c,
    )
    .dated(ctx.press.first().and_then(|p| p.meta.date))
}

#[derive(Serialize)]
struct ColumnView<'a> {
    name: &'a str,
    meaning: &'a str,
}

#[derive(Serialize)]
struct ExportView<'a> {
    title: &'a str,
    csv: String,
    json: String,
    xlsx: String,
    rows: String,
    columns: Vec<ColumnView<'a>>,
}

/// `donnees/index.html`: the exports, their columns, licence and source.
fn data(ctx: &Report, path: &str) -> Job {
    let (t, lang, content) = (&ctx.labels, ctx.lang, ctx.content);
    let columns = [
        opendata::territory_columns(content),
        opendata::project_columns(content),
    ];
    let counts = [ctx.agg.programme.territories, ctx.agg.programme.projects];
    let titles = [t.get("territories"), t.get("projects")];
    let exports: Vec<ExportView> = routes::EXPORTS
        .iter()
        .zip(&columns)
        .zip(counts.into_iter().zip(titles))
        .map(|((name, cols), (n, title))| ExportView {
            title,
            csv: routes::export(name, routes::ExportFormat::Csv),
            json: routes::export(name, routes::ExportFormat::Json),
            xlsx: routes::export(name, routes::ExportFormat::Xlsx),
            rows: format!(
                "{} {}",
                format::int(lang, n),
                crate::i18n::count_label(lang, n, t.get("row"), t.get("rows"))
            ),
            columns: cols
                .iter()
                .map(|c| ColumnView {
                    name: &c.name,
                    meaning: c.meaning(lang),
                })
                .collect(),
        })
        .collect();
    let kit = content.kit.as_ref();
    let mut c = Context::new();
    c.insert("exports", &exports);
    c.insert("kit", &kit.and_then(|k| k.credits.as_deref()));
    c.insert("licence", &kit.and_then(|k| k.licence.as_deref()));
    c.insert("source", &content.site.programme.source);
    Job::new(
        path,
        "data.html",
        "data",
        t.get("open_data"),
        t.get("open_data_summary"),
        c,
    )
}
