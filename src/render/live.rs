//! Pages rendered one at a time, on request, from a model kept in memory:
//! `bilan serve` answers a page from the current content at once, so no page
//! is ever stale, and an edit costs only the pages a reader then opens.

use crate::error::Error;
use std::collections::HashMap;

use tera::Tera;

use super::{context, insert_globals, pages, render_job, setup_tera, views};
use super::{RenderOptions, Sizes};
use crate::aggregate::Aggregates;
use crate::charts::ChartSet;
use crate::content::Content;
use crate::i18n::Labels;
use crate::routes::{self, PageKind};
use crate::theme::Theme;

/// The model's pages, ready to be rendered one by one.
pub struct OnDemand {
    tera: Tera,
    pages: HashMap<String, PageKind>,
    opts: RenderOptions,
    /// Territory rows and region views, made once per model: a request's
    /// cost does not grow with the number of territories.
    rows: Vec<std::sync::Arc<views::TerritoryRow>>,
    regions: Vec<views::RegionView>,
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
        let labels = Labels::new(content.site.language);
        let mut tera = setup_tera(theme, content.site.language)?;
        let rows = views::territory_rows(content, agg, &labels);
        let regions = views::region_views(content, agg, &rows, &labels);
        let ctx = context(content, agg, charts, theme, &opts, &rows, &regions);
        insert_globals(&mut tera, &ctx, &opts);
        let codes: Vec<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        let pages = routes::pages(&content.territories, &codes, &ctx.narratives, &ctx.press)
            .into_iter()
            .collect();
        Ok(OnDemand {
            tera,
            pages,
            opts,
            rows,
            regions,
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
        let ctx = context(
            content,
            agg,
            charts,
            theme,
            &self.opts,
            &self.rows,
            &self.regions,
        );
        let job = pages::build(&ctx, path, kind, &Sizes::new());
        render_job(&ctx, &self.tera, job).map(Answer::Page)
    }
}
