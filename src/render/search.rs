//! What the search page finds: territories, projects, narratives and press
//! releases, as documents for [`crate::search`]. Territories come first, so
//! a document's kind follows from its position.

use super::figures;
use super::Report;
use crate::format;
use crate::routes;
use crate::search::{Doc, Kind};
use rayon::prelude::*;

/// Every published thing a reader may look for, in kind order.
pub(super) fn docs(ctx: &Report) -> Vec<Doc> {
    let (content, lang, t) = (ctx.content, ctx.lang, &ctx.labels);
    let site = &content.site;
    // Built in parallel (the narratives' plain text is most of the work);
    // `collect` keeps the order, which the index relies on.
    let territory = |f: &std::sync::Arc<crate::records::TerritoryFile>| {
        let r = &f.record;
        let region = site
            .region(&r.region)
            .map_or(r.region.as_str(), |x| x.name.as_str());
        let figures = figures::totals_figures(content, ctx.agg.territory(&f.slug), t, false);
        let mut sub = vec![region.to_string()];
        sub.extend(
            figures
                .iter()
                .map(|fig| format!("{} {}", fig.value, fig.label)),
        );
        let departments: Vec<String> = r
            .departments
            .iter()
            .map(|d| site.department_label(d))
            .collect();
        Doc {
            kind: Kind::Territory,
            title: r.name.clone(),
            href: routes::territory(&f.slug),
            sub: sub.join(" · "),
            text: format!(
                "{} {} {} {} {} {}",
                r.intercommunalities.join(" "),
                r.communes.join(" "),
                departments.join(" "),
                region,
                r.code.as_deref().unwrap_or_default(),
                f.slug
            ),
        }
    };
    let mut out: Vec<Doc> = content.territories.par_iter().map(territory).collect();
    let projects = content.territories.par_iter().flat_map_iter(|f| {
        f.record.projects.iter().map(move |p| {
            let mut sub = vec![f.record.name.clone()];
            sub.extend(p.company.clone());
            sub.extend(p.sector.clone());
            sub.extend(p.year.map(|y| y.to_string()));
            Doc {
                kind: Kind::Project,
                title: p.title.clone(),
                href: routes::territory(&f.slug),
                sub: sub.join(" · "),
                text: format!(
                    "{} {}",
                    p.company.as_deref().unwrap_or_default(),
                    p.sector.as_deref().unwrap_or_default()
                ),
            }
        })
    });
    out.par_extend(projects);
    let pages: Vec<(&crate::records::Page, bool)> = ctx
        .narratives
        .iter()
        .filter(|p| p.stem != "_index")
        .map(|p| (*p, false))
        .chain(ctx.press.iter().map(|p| (*p, true)))
        .collect();
    out.par_extend(pages.into_par_iter().map(|(p, is_release)| {
        Doc {
            kind: Kind::Page,
            title: p.meta.title.clone(),
            href: if is_release {
                routes::release(&p.stem)
            } else {
                routes::narrative_home(p)
            },
            sub: p
                .meta
                .date
                .map(|d| format::date(lang, d))
                .unwrap_or_default(),
            text: crate::markdown::plain_text(&p.body),
        }
    }));
    // Journalists of local papers look for their département.
    for code in routes::department_codes(&content.territories) {
        let view = super::departments::department_view(content, ctx.agg, ctx.rows, code, t);
        let names: Vec<&str> = view.territories.iter().map(|r| r.name.as_str()).collect();
        out.push(Doc {
            kind: Kind::Page,
            title: format!("{} {}", t.get("department"), view.name),
            href: routes::department(code),
            sub: view.count.clone(),
            text: names.join(" "),
        });
    }
    out
}
