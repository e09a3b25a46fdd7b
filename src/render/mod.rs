//! The render stage: content, totals and charts in; every output file (as
//! bytes) out. No I/O: the writer decides what reaches the disk.
//!
//! `pages` lists the HTML pages, `kit` builds the press kit and its bundle;
//! this module sets up Tera, renders the pages in parallel and assembles the
//! files (assets, open data, feeds).

mod kit;
mod pages;
mod site;
mod views;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;

use tera::{Context, Tera};

use crate::aggregate::Aggregates;
use crate::charts::ChartSet;
use crate::config::Language;
use crate::content::Content;
use crate::diag::Diagnostics;
use crate::feeds;
use crate::format;
use crate::i18n::Labels;
use crate::links::{self, BrokenLink};
use crate::opendata;
use crate::output::Sink;
use crate::records::Page;
use crate::theme::{template_error, Theme};
use site::{conformity_label, global_key, nav, page_sources, register_filters, SiteView};
use views::{RegionView, TerritoryRow};

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

/// True when a page is published under these options.
pub fn is_published(page: &Page, opts: &RenderOptions) -> bool {
    if opts.drafts {
        return true;
    }
    !page.meta.draft && page.embargo.is_none_or(|t| t <= opts.now)
}

/// One page to render.
struct Job {
    path: String,
    template: &'static str,
    section: String,
    title: String,
    /// Meta description (social cards); the site's when empty.
    description: String,
    /// For the sitemap's `lastmod`.
    date: Option<NaiveDate>,
    context: Context,
}

/// Byte sizes of downloadable files, for the press kit page.
type Sizes = BTreeMap<String, usize>;

/// Everything the page builders share.
struct Ctx<'a> {
    content: &'a Content,
    agg: &'a Aggregates,
    charts: &'a ChartSet,
    labels: Labels,
    lang: Language,
    base_url: String,
    narratives: Vec<&'a Page>,
    /// Narratives shown on a territory's page, by territory slug.
    attached: BTreeMap<&'a str, Vec<&'a Page>>,
    /// Published releases, newest first.
    press: Vec<&'a Page>,
    rows: Vec<TerritoryRow>,
    regions: Vec<RegionView>,
}

/// What went wrong while rendering.
#[derive(Debug)]
pub enum RenderError {
    /// Template errors: invalid content (exit status 1).
    Content(Diagnostics),
    /// The sink could not store a file (exit status 2).
    Io(anyhow::Error),
}

/// What was rendered: every path (for stale-file counts) and broken links.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file of the site.
    pub paths: BTreeSet<String>,
    /// Relative links that point at no file of the site, or at a missing
    /// `#anchor`, each with the content file it comes from when known.
    pub broken_links: Vec<(BrokenLink, Option<std::path::PathBuf>)>,
    /// External links, listed for `bilan check`; never fetched.
    pub external_links: BTreeSet<String>,
}

/// Renders the site into `sink`, file by file. Pages are built and rendered
/// in parallel and handed over as soon as they are ready, so memory stays
/// flat however many territories there are.
pub fn render(
    content: &Content,
    agg: &Aggregates,
    charts: &ChartSet,
    theme: &Theme,
    opts: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Rendered, RenderError> {
    let site = &content.site;
    let lang = site.language;
    let one = |e: &tera::Error| {
        let mut d = Diagnostics::default();
        d.push(template_error(e, theme));
        RenderError::Content(d)
    };
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str())),
    )
    .map_err(|e| one(&e))?;
    register_filters(&mut tera, lang);

    let base_url = opts.base_url.clone().unwrap_or_else(|| site.base_url());
    let labels = Labels::new(lang);
    let narratives: Vec<&Page> = content
        .narratives
        .iter()
        .filter(|p| is_published(p, opts))
        .collect();
    let mut attached: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in &narratives {
        if let Some(slug) = p.meta.territory.as_deref() {
            attached.entry(slug).or_default().push(p);
        }
    }
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
    let rows = views::territory_rows(content, agg);
    let regions = views::region_views(content, agg, &rows, &labels);
    let ctx = Ctx {
        content,
        agg,
        charts,
        labels,
        lang,
        base_url: format!("{}/", base_url.trim_end_matches('/')),
        narratives,
        attached,
        press,
        rows,
        regions,
    };

    let globals = tera.global_context();
    globals.insert(
        "site",
        &SiteView {
            title: site.title.clone(),
            description: site.description.clone(),
            lang: lang.code().into(),
            base_url: ctx.base_url.clone(),
            absolute: ctx.base_url.starts_with("http://") || ctx.base_url.starts_with("https://"),
            programme: site.programme.name.clone(),
            illustrative: site.programme.illustrative_projects,
            social_image: charts
                .programme
                .first()
                .map(|c| format!("charts/{}.png", c.name)),
            accessibility: conformity_label(site.accessibility.status, &ctx.labels).to_string(),
        },
    );
    globals.insert("t", &ctx.labels.0);
    globals.insert("nav", &nav(&ctx));
    globals.insert("generated_on", &format::date(lang, opts.now.date_naive()));

    // Assets first: the kit bundle and the kit page need them (and their sizes).
    let mut files = assets(&ctx, theme);
    let bundle = kit::bundle(&ctx, &files)
        .map_err(|e| RenderError::Io(anyhow::anyhow!("cannot build presse/kit.zip: {e}")))?;
    files.insert("presse/kit.zip".into(), bundle);
    let sizes: Sizes = files.iter().map(|(p, b)| (p.clone(), b.len())).collect();

    let specs = pages::specs(&ctx);
    let mut paths: BTreeSet<String> = files.keys().cloned().collect();
    paths.extend(specs.iter().map(|(p, _)| p.clone()));
    paths.extend([
        "sitemap.xml".to_string(),
        "feed.xml".to_string(),
        "robots.txt".to_string(),
    ]);
    files
        .into_par_iter()
        .try_for_each(|(path, bytes)| sink.put(&path, &bytes))
        .map_err(RenderError::Io)?;

    // Links of a reused page can only break if the set of files changed.
    let links_stable = sink.previous_paths() == Some(crate::output::paths_hash(&paths).as_str());
    let global = global_key(&ctx, theme, opts);
    type Done = (
        String,
        Option<NaiveDate>,
        Vec<BrokenLink>,
        Option<links::PageLinks>,
    );
    let results: Vec<Result<Done, RenderError>> = specs
        .into_par_iter()
        .map(|(path, spec)| {
            let key = pages::input_key(&ctx, &path, spec, &global);
            if let Some(k) = &key {
                if links_stable && sink.reuse(&path, k) {
                    return Ok((path, None, Vec::new(), None));
                }
            }
            let mut job = pages::build(&ctx, &path, spec, &sizes);
            // The 404 page is served from any depth, so it links from the site root.
            let root = if job.path == "404.html" {
                ctx.base_url.clone()
            } else {
                "../".repeat(job.path.matches('/').count())
            };
            job.context.insert("root", &root);
            job.context.insert("path", &job.path);
            job.context.insert("section", &job.section);
            job.context.insert("title", &job.title);
            job.context.insert("description", &job.description);
            job.context
                .insert("url", &feeds::pretty(&ctx.base_url, &job.path));
            let html = tera
                .render(job.template, &job.context)
                .map_err(|e| one(&e))?;
            let broken = links::check_page(&job.path, &html, &paths);
            let page_links = links::page_links(&job.path, &html);
            sink.put(&job.path, html.as_bytes())
                .map_err(RenderError::Io)?;
            if let Some(k) = key {
                sink.remember(&job.path, &k);
            }
            Ok((job.path, job.date, broken, Some(page_links)))
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut dated = Vec::new();
    let mut broken_links = Vec::new();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut anchors = Vec::new();
    let mut external_links = BTreeSet::new();
    for r in results {
        match r {
            Ok((path, date, broken, page_links)) => {
                if path != "404.html" {
                    dated.push((path.clone(), date));
                }
                broken_links.extend(broken);
                if let Some(l) = page_links {
                    anchors.extend(l.anchors);
                    external_links.extend(l.external);
                    ids.insert(path, l.ids);
                }
            }
            Err(RenderError::Content(d)) => diags.extend(d),
            Err(io) => return Err(io),
        }
    }
    if diags.has_errors() {
        return Err(RenderError::Content(diags));
    }
    dated.sort();
    let sitemap = feeds::sitemap(dated.iter().map(|(p, d)| (p.as_str(), *d)), &ctx.base_url);
    sink.put("sitemap.xml", sitemap.as_bytes())
        .map_err(RenderError::Io)?;
    let entries: Vec<feeds::Entry> = ctx
        .press
        .iter()
        .map(|p| feeds::Entry {
            title: p.meta.title.clone(),
            path: pages::press_href(p),
            date: p.meta.date,
            summary: views::page_view(lang, p, String::new(), String::new()).summary,
        })
        .collect();
    let robots = format!(
        "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
        ctx.base_url
    );
    sink.put("robots.txt", robots.as_bytes())
        .map_err(RenderError::Io)?;
    let feed = feeds::atom(&site.title, &ctx.base_url, &entries, opts.now);
    sink.put("feed.xml", feed.as_bytes())
        .map_err(RenderError::Io)?;
    // An anchor is checked when its target page was rendered in this run
    // (always, for `bilan check`); pages reused as they were keep their ids.
    for (page, target, fragment, written) in anchors {
        if ids.get(&target).is_some_and(|set| !set.contains(&fragment)) {
            broken_links.push(BrokenLink {
                page,
                target: written,
            });
        }
    }
    broken_links.sort_by(|a, b| (&a.page, &a.target).cmp(&(&b.page, &b.target)));
    let sources = page_sources(&ctx);
    let broken_links = broken_links
        .into_iter()
        .map(|b| {
            let source = sources.get(&b.page).cloned();
            (b, source)
        })
        .collect();
    Ok(Rendered {
        paths,
        broken_links,
        external_links,
    })
}

/// Files that are not pages: theme and content static files, charts, open data.
fn assets(ctx: &Ctx, theme: &Theme) -> Files {
    let mut files = Files::new();
    for f in theme.statics.iter().chain(&ctx.content.statics) {
        files.insert(f.rel.clone(), f.bytes.clone());
    }
    for c in &ctx.charts.programme {
        files.insert(format!("charts/{}.svg", c.name), c.svg.clone().into_bytes());
        if let Some(png) = &c.png {
            files.insert(format!("charts/{}.png", c.name), png.clone());
        }
    }
    if let Some(m) = &ctx.charts.map {
        files.insert("charts/carte.svg".into(), m.file_svg.clone().into_bytes());
        files.insert("charts/carte.png".into(), m.png.clone());
    }
    let (territories, projects) = opendata::rows(ctx.content, ctx.agg);
    files.insert(
        "donnees/territoires.csv".into(),
        opendata::csv(&territories, &opendata::header("territoires")),
    );
    files.insert(
        "donnees/territoires.json".into(),
        opendata::json(&territories),
    );
    files.insert(
        "donnees/projets.csv".into(),
        opendata::csv(&projects, &opendata::header("projets")),
    );
    files.insert("donnees/projets.json".into(), opendata::json(&projects));
    files
}
