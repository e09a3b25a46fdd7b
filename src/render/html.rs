//! The theme's renderer: every page rendered in parallel from its job
//! (territory pages whose key did not change are reused), and the feeds
//! made from the pages rendered.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

use super::{pages, renderers, views, Error, Job, Report, Sizes};
use crate::diag::Diagnostics;
use crate::feeds;
use crate::links::{self, BrokenLink, PageLinks};
use crate::output::Sink;
use crate::routes;
use crate::theme::template_error;

/// The pages, in the site's theme.
pub(super) struct Html<'t> {
    pub(super) tera: &'t Tera,
    /// The key of what every page sees (see [`insert_globals`]).
    pub(super) global: String,
    /// Every file of the site, for the link check.
    pub(super) paths: &'t BTreeSet<String>,
}

impl renderers::Renderer for Html<'_> {
    fn name(&self) -> &'static str {
        "pages"
    }

    /// The pages, then the sitemap (of the pages rendered), robots.txt and
    /// the Atom feed.
    fn render(
        &self,
        ctx: &Report,
        before: &renderers::Made,
        sink: &dyn Sink,
    ) -> Result<renderers::Made, Error> {
        let pages = render_pages(
            ctx,
            self.tera,
            sink,
            self.paths,
            &before.sizes,
            &self.global,
        )?;
        let started = std::time::Instant::now();
        write_feeds(ctx, sink, &pages.dated)?;
        crate::diag::log_time(started, "  of which feeds");
        Ok(renderers::Made {
            pages,
            ..Default::default()
        })
    }

    /// No broken link, nor a link to an anchor its page lacks (as far as
    /// the pages rendered in this run tell).
    fn quiet(&self, made: &renderers::Made) -> bool {
        let p = &made.pages;
        p.broken.is_empty()
            && p.anchors.iter().all(|(_, target, fragment, _)| {
                p.ids.get(target).is_none_or(|ids| ids.contains(fragment))
            })
    }
}

/// What rendering the pages found.
#[derive(Default)]
pub(super) struct PagesDone {
    /// Pages for the sitemap, with their dates.
    pub(super) dated: Vec<(String, Option<NaiveDate>)>,
    pub(super) broken: Vec<BrokenLink>,
    /// The ids of each page rendered in this run.
    pub(super) ids: BTreeMap<String, BTreeSet<String>>,
    pub(super) anchors: Vec<(String, String, String, String)>,
    pub(super) external: BTreeSet<String>,
}

/// One rendered page: its path, date, broken links, and its links when it
/// was rendered (not reused from the previous build).
type PageDone = (
    String,
    Option<NaiveDate>,
    Vec<BrokenLink>,
    Option<PageLinks>,
);

/// Renders every page in parallel into `sink`; territory pages whose inputs
/// did not change are reused from the previous build.
fn render_pages(
    ctx: &Report,
    tera: &Tera,
    sink: &dyn Sink,
    paths: &BTreeSet<String>,
    sizes: &Sizes,
    global: &str,
) -> Result<PagesDone, Error> {
    // Links of a reused page can only break if the set of files changed.
    let links_stable = sink.previous_paths() == Some(crate::output::paths_hash(paths).as_str());
    let results: Vec<Result<PageDone, Error>> = ctx
        .pages
        .par_iter()
        .map(|(path, kind)| {
            let (path, kind) = (path.clone(), *kind);
            crate::progress::item("pages", ctx.pages.len());
            let job = pages::build(ctx, &path, kind, sizes);
            let date = job.date;
            let key = job.key(global);
            if let Some(k) = &key {
                if links_stable && sink.reuse(&path, k) {
                    return Ok((path, date, Vec::new(), None));
                }
            }
            let html = render_job(ctx, tera, job)?;
            let broken = links::check_page(&path, &html, paths);
            let page_links = links::page_links(&path, &html);
            sink.put(&path, html.as_bytes()).map_err(Error::Io)?;
            if let Some(k) = key {
                sink.remember(&path, &k);
            }
            Ok((path, date, broken, Some(page_links)))
        })
        .collect();
    let mut done = PagesDone::default();
    let mut diags = Diagnostics::default();
    for r in results {
        match r {
            Ok((path, date, broken, page_links)) => {
                if path != routes::NOT_FOUND {
                    done.dated.push((path.clone(), date));
                }
                done.broken.extend(broken);
                if let Some(l) = page_links {
                    done.anchors.extend(l.anchors);
                    done.external.extend(l.external);
                    done.ids.insert(path, l.ids);
                }
            }
            Err(Error::Content(d)) => diags.extend(d),
            Err(io) => return Err(io),
        }
    }
    if diags.has_errors() {
        return Err(Error::Content(diags));
    }
    done.dated.sort();
    Ok(done)
}

/// Renders one page: its own variables, plus what the base layout needs.
pub(super) fn render_job(ctx: &Report, tera: &Tera, job: Job) -> Result<String, Error> {
    let mut c = job.context;
    // The 404 page is served from any depth, so it links from the site root.
    let root = if job.path == routes::NOT_FOUND {
        ctx.base_url.clone()
    } else {
        "../".repeat(job.path.matches('/').count())
    };
    c.insert("root", &root);
    c.insert("path", &job.path);
    c.insert("section", &job.section);
    c.insert("title", &job.title);
    c.insert("description", &job.description);
    c.insert("og_image", &job.og_image);
    c.insert("url", &feeds::pretty(&ctx.base_url, &job.path));
    let html = tera
        .render(job.template, &c)
        .map_err(|e| crate::error::Error::one(template_error(&e, ctx.theme)))?;
    Ok(match ctx.content.site.typography() {
        Some(rules) => match crate::typo::html(&html, rules) {
            std::borrow::Cow::Owned(fixed) => fixed,
            std::borrow::Cow::Borrowed(_) => html,
        },
        None => html,
    })
}

/// The sitemap, robots.txt and the Atom feed of press releases.
fn write_feeds(
    ctx: &Report,
    sink: &dyn Sink,
    dated: &[(String, Option<NaiveDate>)],
) -> Result<(), Error> {
    let put = |path: &str, text: String| sink.put(path, text.as_bytes()).map_err(Error::Io);
    let sitemap = feeds::sitemap(dated.iter().map(|(p, d)| (p.as_str(), *d)), &ctx.base_url);
    put(routes::SITEMAP, sitemap)?;
    let robots = format!(
        "User-agent: *\nAllow: /\nSitemap: {}{}\n",
        ctx.base_url,
        routes::SITEMAP
    );
    put(routes::ROBOTS, robots)?;
    let rules = ctx.content.site.typography();
    let french = |s: &str| match rules {
        Some(r) => crate::typo::text(s, r).into_owned(),
        None => s.to_string(),
    };
    let entries: Vec<feeds::Entry> = ctx
        .press
        .iter()
        .map(|p| {
            let view = views::release_entry(ctx.lang, p);
            feeds::Entry {
                title: french(&p.meta.title),
                path: view.href,
                date: p.meta.date,
                summary: french(&view.summary),
            }
        })
        .collect();
    let feed = feeds::atom(
        &french(&ctx.content.site.title),
        &ctx.base_url,
        &entries,
        ctx.now,
    );
    put(routes::FEED, feed)
}
