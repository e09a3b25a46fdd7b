//! Pages rendered one at a time, on request, from a model kept in memory:
//! `bilan serve` answers a page from the current content at once, so no page
//! is ever stale, and an edit costs only the pages a reader then opens.

use crate::error::Error;
use std::collections::HashMap;

use tera::Tera;

use super::html::render_job;
use super::{context, insert_globals, pages, setup_tera, Views};
use super::{RenderOptions, Sizes};
use crate::aggregate::Aggregates;
use crate::charts::ChartSet;
use crate::content::Content;
use crate::routes::PageKind;
use crate::theme::Theme;

/// The model's pages, ready to be rendered one by one.
pub struct OnDemand {
    tera: Tera,
    pages: HashMap<String, PageKind>,
    opts: RenderOptions,
    /// Territory rows, region views and the page list, made once per
    /// model: a request's cost does not grow with the number of territories.
    views: Views,
}

/// What a request for a page gets.
pub enum Answer {
    /// The page.
    Page(String),
    /// Not a page this renderer makes alone: a file, or a page listing
    /// files with their sizes (the kits, releases), which needs the whole
    /// site written first.
    NotHere,
}

impl OnDemand {
    /// Sets up the templates and the page list of this model.
    pub fn new(
        content: &Content,
        agg: &Aggregates,
        charts: &ChartSet,
        theme: &Theme,
        opts: RenderOptions,
    ) -> Result<OnDemand, Error> {
        let mut tera = setup_tera(theme, content.site.language)?;
        let views = Views::new(content, agg, &opts);
        let ctx = context(content, agg, charts, theme, &opts, &views);
        insert_globals(&mut tera, &ctx, &opts);
        let pages = views.pages.iter().cloned().collect();
        Ok(OnDemand {
            tera,
            pages,
            opts,
            views,
        })
    }

    /// The page at `path` (`/`-separated, as in the output), rendered from
    /// the same model this renderer was made from.
    pub fn page(
        &self,
        content: &Content,
        agg: &Aggregates,
        charts: &ChartSet,
        theme: &Theme,
        path: &str,
    ) -> Result<Answer, Error> {
        let Some(&kind) = self.pages.get(path) else {
            return Ok(Answer::NotHere);
        };
        if matches!(
            kind,
            PageKind::Kit | PageKind::RegionKit(_) | PageKind::Release(_)
        ) {
            return Ok(Answer::NotHere);
        }
        let ctx = context(content, agg, charts, theme, &self.opts, &self.views);
        let job = pages::build(&ctx, path, kind, &Sizes::new());
        render_job(&ctx, &self.tera, job).map(Answer::Page)
    }
}
