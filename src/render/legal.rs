//! The pages every French public site must have: mentions légales, données
//! personnelles, plan du site and the accessibility statement (RGAA). Their
//! facts come from site.yaml (`legal:`, `accessibility:`); what is missing
//! says so, and the build warns (see `validate`).

use serde::Serialize;
use tera::Context;

use super::{Job, Report};
use crate::format;
use crate::markdown;
use crate::routes;

/// An e-mail address or a page, as a link.
#[derive(Serialize)]
struct Contact {
    text: String,
    href: String,
}

fn contact(c: &str) -> Contact {
    let href = crate::url::contact_href(c);
    Contact {
        text: c.to_string(),
        href,
    }
}

pub(super) fn accessibility(ctx: &Report, path: &str) -> Job {
    let (site, t, lang) = (&ctx.content.site, &ctx.labels, ctx.lang);
    let a = &site.accessibility;
    let raw_html = site.markdown.raw_html;
    let render = |m: &Option<String>| m.as_deref().map(|m| markdown::render(m, raw_html));
    let mut c = Context::new();
    c.insert(
        "organisation",
        a.organisation.as_deref().unwrap_or(&site.title),
    );
    c.insert(
        "status",
        super::site::conformity_label(a.effective_status(), t),
    );
    c.insert("results_html", &render(&a.results));
    c.insert("exceptions_html", &render(&a.exceptions));
    c.insert("date", &a.date.map(|d| format::date(lang, d)));
    c.insert("contact", &a.contact.as_deref().map(contact));
    c.insert("audit_date", &a.audit_date.map(|d| format::date(lang, d)));
    Job::new(
        path,
        "accessibility.html",
        "accessibility",
        t.get("accessibility_statement"),
        "",
        c,
    )
    .dated(a.date)
}

/// The mentions légales, from `legal:`.
pub(super) fn legal(ctx: &Report, path: &str) -> Job {
    let t = &ctx.labels;
    let legal = ctx.content.site.legal.clone().unwrap_or_default();
    let mut c = Context::new();
    c.insert("contact", &legal.contact.as_deref().map(contact));
    c.insert("legal", &legal);
    c.insert(
        "licence",
        &ctx.content.kit.as_ref().and_then(|k| k.licence.as_deref()),
    );
    Job::new(path, "legal.html", "legal", t.get("legal_notice"), "", c)
}

/// What the site collects: nothing, which stays true (tested).
pub(super) fn privacy(ctx: &Report, path: &str) -> Job {
    let t = &ctx.labels;
    let legal = ctx.content.site.legal.clone().unwrap_or_default();
    let mut c = Context::new();
    c.insert("contact", &legal.contact.as_deref().map(contact));
    Job::new(path, "privacy.html", "privacy", t.get("privacy"), "", c)
}

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    href: String,
}

/// The plan du site: every page of the site, grouped as the menu is.
pub(super) fn site_plan(ctx: &Report, path: &str) -> Job {
    let t = &ctx.labels;
    let narratives: Vec<Link> = ctx
        .narratives
        .iter()
        .filter(|p| routes::has_own_page(p))
        .map(|p| Link {
            title: &p.meta.title,
            href: routes::narrative(&p.stem),
        })
        .collect();
    let releases: Vec<Link> = ctx
        .press
        .iter()
        .map(|p| Link {
            title: &p.meta.title,
            href: routes::release(&p.stem),
        })
        .collect();
    let labels: Vec<(String, String)> = routes::department_codes(&ctx.content.territories)
        .into_iter()
        .map(|code| {
            (
                ctx.content.site.department_label(code),
                routes::department(code),
            )
        })
        .collect();
    let departments: Vec<Link> = labels
        .iter()
        .map(|(title, href)| Link {
            title,
            href: href.clone(),
        })
        .collect();
    let mut c = Context::new();
    c.insert("narratives", &narratives);
    c.insert("releases", &releases);
    c.insert("regions", &ctx.regions);
    c.insert("departments", &departments);
    Job::new(
        path,
        "site_plan.html",
        "site_plan",
        t.get("site_plan"),
        "",
        c,
    )
}
