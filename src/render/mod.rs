//! The render stage: content, totals and charts in; every output file (as
//! bytes) out, handed to a [`Sink`]. No I/O: the writer decides what reaches
//! the disk.
//!
//! [`render`] reads as its steps: set up Tera, build the report model
//! ([`Report`]), run the renderers of the files that are not pages
//! (`renderers`: charts, exports, search index, PDFs, regional kits, kit
//! bundle), render the pages in parallel and then the feeds (`html`;
//! `pages` has one function per page kind), write the static files, and
//! check the anchors. Each renderer keeps its previous files when the
//! build's inputs (`inputs`) did not change. Paths come from
//! [`crate::routes`].

mod cards;
mod departments;
mod dossier;
mod figures;
mod html;
mod inputs;
mod kit;
mod kitview;
mod legal;
mod live;
mod pages;
mod recorded;
mod regional;
mod renderers;
mod search;
mod site;
mod statics;
mod views;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use tera::{Context, Tera};

use crate::aggregate::Aggregates;
use crate::charts::ChartSet;
use crate::content::Content;
use crate::format;
use crate::i18n::Labels;
use crate::links::BrokenLink;
use crate::output::Sink;
use crate::records::Page;
use crate::routes::{self, PageKind};
use crate::text::Language;
use crate::theme::{template_error, Theme};
use site::{conformity_label, nav, page_sources, register_filters, SiteView};
use views::{RegionView, TerritoryRow};

pub use live::{Answer, OnDemand};

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
    /// The page's own social card (its chart), else the site's.
    og_image: Option<String>,
    context: Context,
    /// The hash of everything in `context`, for pages a rebuild may keep
    /// without rendering them (see [`recorded`]).
    recorded: Option<String>,
}

/// Byte sizes of downloadable files, for the press kit page.
type Sizes = BTreeMap<String, usize>;

/// The report model every renderer reads (mdBook's `RenderContext`): the
/// content, its totals and charts, the formatted views (territory rows,
/// regions, labels), the pages with their paths, and the kits as data.
/// Immutable once made; the kit views are made on first use, once.
struct Report<'a> {
    content: &'a Content,
    agg: &'a Aggregates,
    charts: &'a ChartSet,
    theme: &'a Theme,
    labels: Labels,
    lang: Language,
    base_url: String,
    narratives: Vec<&'a Page>,
    /// Narratives shown on a territory's page, by territory slug: their
    /// indices in `content.narratives`.
    attached: &'a HashMap<String, Vec<usize>>,
    /// Published releases, newest first.
    press: Vec<&'a Page>,
    /// One row per territory, in content order.
    rows: &'a [std::sync::Arc<TerritoryRow>],
    regions: &'a [RegionView],
    /// "Today", for embargo banners in `--drafts` previews.
    now: DateTime<Utc>,
    /// Where drawn PNGs are cached between builds.
    store: Option<&'a dyn crate::cache::Store>,
    /// The key of everything the renderers of files read, when a rebuild
    /// may keep their files (see [`inputs`]).
    inputs: Option<String>,
    /// Every page, with its path and kind.
    pages: &'a [(String, PageKind)],
    kit: std::sync::OnceLock<kitview::KitView<'a>>,
    regional: std::sync::OnceLock<Vec<kitview::RegionalKitView<'a>>>,
}

impl<'a> Report<'a> {
    /// The national kit: what its page, its PDF and its zip show.
    fn kit(&self) -> &kitview::KitView<'a> {
        self.kit.get_or_init(|| kitview::kit_view(self))
    }

    /// Region `i`'s kit: what its page, its PDF and its zip show.
    fn regional(&self, i: usize) -> &kitview::RegionalKitView<'a> {
        &self.regional.get_or_init(|| {
            (0..self.regions.len())
                .map(|i| kitview::regional_kit_view(self, i))
                .collect()
        })[i]
    }
}

pub use crate::error::Error;

/// What was rendered: every path (for stale-file counts) and broken links.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file of the site.
    pub paths: BTreeSet<String>,
    /// Relative links that point at no file of the site, or at a missing
    /// `#anchor`, each with the content file it comes from when known.
    pub broken_links: Vec<(BrokenLink, Option<PathBuf>)>,
    /// External links, listed for `bilan check`; never fetched.
    pub external_links: BTreeSet<String>,
    /// How many renderers kept the previous build's files, made from the
    /// same inputs.
    pub kept_whole: usize,
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
    store: &dyn crate::cache::Store,
) -> Result<Rendered, Error> {
    let mut tera = setup_tera(theme, content.site.language)?;
    let views = Views::new(content, agg, opts);
    let mut ctx = context(content, agg, charts, theme, opts, &views);
    ctx.store = Some(store);
    ctx.inputs = Some(inputs::key(content, theme, opts, &ctx.base_url));
    let global = insert_globals(&mut tera, &ctx, opts);

    // Each renderer registers the paths it makes; static files go out last,
    // and one over a registered path is an error.
    let recording = statics::Recording::new(sink);
    let mut made = renderers::Made::default();
    for stage in renderers::STAGES {
        let out = renderers::run_stage(&ctx, stage, &made, &recording)?;
        made.absorb(out);
    }
    let static_files = statics::by_path(&ctx);
    made.sizes.extend(
        static_files
            .iter()
            .map(|(p, (_, b))| (p.to_string(), b.len())),
    );
    let paths = all_paths(&ctx, &made.sizes);
    let html = html::Html {
        tera: &tera,
        global,
        paths: &paths,
    };
    let pages = renderers::run_stage(&ctx, &[&html], &made, &recording)?;
    recording.put_statics(&static_files)?;
    let done = pages.pages;
    let broken_links = broken_links(&ctx, done.broken, done.anchors, &done.ids);
    Ok(Rendered {
        paths,
        broken_links,
        external_links: done.external,
        kept_whole: made.kept_whole,
    })
}

/// Every file of the site: those made so far (with the static files), the
/// pages and the feeds.
fn all_paths(ctx: &Report, sizes: &Sizes) -> BTreeSet<String> {
    let mut paths: BTreeSet<String> = sizes.keys().cloned().collect();
    paths.extend(ctx.pages.iter().map(|(p, _)| p.clone()));
    paths.extend([routes::SITEMAP, routes::FEED, routes::ROBOTS].map(String::from));
    paths
}

/// Tera with the theme's templates, autoescaping and number filters.
fn setup_tera(theme: &Theme, lang: Language) -> Result<Tera, Error> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str())),
    )
    .map_err(|e| crate::error::Error::one(template_error(&e, theme)))?;
    register_filters(&mut tera, lang);
    Ok(tera)
}

/// The views made once per model, which [`Report`] borrows: `serve` keeps
/// them, so that a request's cost does not grow with the site.
struct Views {
    rows: Vec<std::sync::Arc<TerritoryRow>>,
    regions: Vec<RegionView>,
    /// Every page, with its path and kind.
    pages: Vec<(String, PageKind)>,
    /// The published narratives shown on each territory's page, by slug:
    /// their indices in the content. Made once, not per page `serve`
    /// renders (at 14,600 narratives, 6 ms a request).
    attached: HashMap<String, Vec<usize>>,
}

impl Views {
    fn new(content: &Content, agg: &Aggregates, opts: &RenderOptions) -> Views {
        let labels = Labels::new(content.site.language);
        let rows = views::territory_rows(content, agg, &labels);
        let regions = views::region_views(content, agg, &rows, &labels);
        let (narratives, press) = published(content, opts);
        let codes: Vec<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        let pages = routes::pages(&content.territories, &codes, &narratives, &press);
        let mut attached: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in content.narratives.iter().enumerate() {
            let slug = p.meta.territory.as_deref();
            if let Some(slug) = slug.filter(|_| is_published(p, opts)) {
                attached.entry(slug.to_string()).or_default().push(i);
            }
        }
        Views {
            rows,
            regions,
            pages,
            attached,
        }
    }
}

/// The narratives and the releases published under `opts`, releases newest
/// first.
fn published<'a>(content: &'a Content, opts: &RenderOptions) -> (Vec<&'a Page>, Vec<&'a Page>) {
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
    (narratives, press)
}

/// The report model of `content`, over its views.
fn context<'a>(
    content: &'a Content,
    agg: &'a Aggregates,
    charts: &'a ChartSet,
    theme: &'a Theme,
    opts: &RenderOptions,
    views: &'a Views,
) -> Report<'a> {
    let site = &content.site;
    let base_url = opts.base_url.clone().unwrap_or_else(|| site.base_url());
    let (narratives, press) = published(content, opts);
    Report {
        content,
        agg,
        charts,
        theme,
        labels: Labels::new(site.language),
        lang: site.language,
        base_url: format!("{}/", base_url.trim_end_matches('/')),
        narratives,
        attached: &views.attached,
        press,
        rows: &views.rows,
        regions: &views.regions,
        now: opts.now,
        store: None,
        inputs: None,
        pages: &views.pages,
        kit: std::sync::OnceLock::new(),
        regional: std::sync::OnceLock::new(),
    }
}

/// What every template sees: the site, labels, metrics, navigation, date.
/// Returns the hash of all of it, with the templates and the typography
/// rules: the part of every page's key that is not its own.
fn insert_globals(tera: &mut Tera, ctx: &Report, opts: &RenderOptions) -> String {
    let site = &ctx.content.site;
    let mut globals = recorded::Recorded::new();
    globals.insert(
        "site",
        &SiteView {
            title: site.title.clone(),
            description: site.description.clone(),
            lang: ctx.lang.code().into(),
            base_url: ctx.base_url.clone(),
            absolute: ctx.base_url.starts_with("http://") || ctx.base_url.starts_with("https://"),
            programme: site.programme.name.clone(),
            illustrative: site.programme.illustrative_projects,
            social_image: Some(routes::SOCIAL_CARD.to_string()),
            accessibility: conformity_label(site.accessibility.effective_status(), &ctx.labels)
                .to_string(),
            theme: site.theme.clone(),
            ministry: site.dsfr.ministry.clone(),
            tagline: site
                .dsfr
                .tagline
                .clone()
                .unwrap_or_else(|| site.programme.name.clone()),
            favicon: site.favicon.clone(),
        },
    );
    globals.insert("t", &ctx.labels.0);
    globals.insert("metrics", &ctx.content.metrics);
    let headline: Vec<&crate::metrics::Metric> =
        ctx.content.metrics.headline().map(|(_, m)| m).collect();
    globals.insert("headline_metrics", &headline);
    globals.insert(
        "table_caption",
        &views::table_caption(ctx.content, &ctx.labels),
    );
    globals.insert("nav", &nav(ctx));
    globals.insert("links", &site::links());
    globals.insert(
        "generated_on",
        &format::date(ctx.lang, opts.now.date_naive()),
    );
    globals.also(format!("{:?}", site.typography()).as_bytes());
    globals.also(ctx.base_url.as_bytes());
    site::render_inputs(ctx.theme, &mut globals);
    let key = globals.key();
    tera.global_context().extend(globals.into_context());
    key
}

/// Broken links, with anchors checked now that every page's ids are known,
/// each named with the content file behind its page.
fn broken_links(
    ctx: &Report,
    mut broken: Vec<BrokenLink>,
    anchors: Vec<(String, String, String, String)>,
    ids: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<(BrokenLink, Option<PathBuf>)> {
    // An anchor is checked when its target page was rendered in this run
    // (always, for `bilan check`); pages reused as they were keep their ids.
    for (page, target, fragment, written) in anchors {
        if ids.get(&target).is_some_and(|set| !set.contains(&fragment)) {
            broken.push(BrokenLink {
                page,
                target: written,
            });
        }
    }
    broken.sort_by(|a, b| (&a.page, &a.target).cmp(&(&b.page, &b.target)));
    let sources = page_sources(ctx);
    broken
        .into_iter()
        .map(|b| {
            let source = sources.get(&b.page).cloned();
            (b, source)
        })
        .collect()
}
