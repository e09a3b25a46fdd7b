//! Per-département pages (`departements/<code>/`): the territories that
//! cover a département, their figures counted in full (a territory that
//! covers several départements counts on each, and the page says so), and a
//! chart per region-charted metric.

use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::{views, Job, Report};
use crate::aggregate::Aggregates;
use crate::content::Content;
use crate::i18n::Labels;
use crate::routes;

/// A département: the territories that cover it, with their figures
/// counted in full, and those that also cover other départements.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DepartmentView {
    pub(crate) code: String,
    /// `Ain (01)`, or the code when site.yaml does not name it.
    pub(crate) name: String,
    pub(crate) territories: Vec<Arc<views::TerritoryRow>>,
    /// Names of those territories that cover other départements too.
    pub(crate) shared: Vec<String>,
    pub(crate) count: String,
    pub(crate) figures: Vec<super::figures::Figure>,
    pub(crate) totals: views::TotalsView,
}

/// The département `code`: `rows` are in content order.
pub(crate) fn department_view(
    content: &Content,
    agg: &Aggregates,
    rows: &[Arc<views::TerritoryRow>],
    code: &str,
    t: &Labels,
) -> DepartmentView {
    let lang = content.site.language;
    let members: Vec<usize> = content
        .territories
        .iter()
        .enumerate()
        .filter(|(_, f)| f.record.departments.iter().any(|d| d == code))
        .map(|(i, _)| i)
        .collect();
    let totals = agg.combined(
        members
            .iter()
            .map(|&i| content.territories[i].slug.as_str()),
        content.metrics.len(),
    );
    let mut territories: Vec<Arc<views::TerritoryRow>> =
        members.iter().map(|&i| rows[i].clone()).collect();
    views::sort_by_name(&mut territories, |r| &r.name);
    let mut shared: Vec<String> = members
        .iter()
        .map(|&i| &content.territories[i].record)
        .filter(|r| r.departments.len() > 1)
        .map(|r| r.name.clone())
        .collect();
    views::sort_by_name(&mut shared, |n| n);
    DepartmentView {
        code: code.to_string(),
        name: content.site.department_label(code),
        territories,
        shared,
        count: views::territory_count(lang, totals.territories, t),
        figures: super::figures::totals_figures(content, &totals, t, true),
        totals: views::totals_view(content, t, &totals, &views::territory_scales(content, agg)),
    }
}

/// A département's page.
pub(super) fn page(ctx: &Report, path: &str, i: usize) -> Job {
    let content = ctx.content;
    let codes = routes::department_codes(&content.territories);
    let code = codes.get(i).copied().unwrap_or_default();
    let view = department_view(content, ctx.agg, ctx.rows, code, &ctx.labels);
    let members: Vec<&crate::records::TerritoryFile> = content
        .territories
        .iter()
        .filter(|f| f.record.departments.iter().any(|d| d == code))
        .map(|f| &**f)
        .collect();
    let charts = crate::charts::department(
        content,
        ctx.agg,
        &members,
        code,
        &view.name,
        &ctx.labels,
        ctx.theme.palette,
    );
    let mut c = Context::new();
    c.insert("department", &view);
    c.insert("figures", &view.figures);
    c.insert("charts", &charts);
    let description = format!(
        "{}{} {}",
        view.name,
        ctx.labels.get("colon"),
        super::pages::figures_sentence(&view.figures)
    );
    Job::new(
        path,
        "department.html",
        "territories",
        view.name.as_str(),
        description,
        c,
    )
}
