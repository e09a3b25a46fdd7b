//! What every page shares: the site view, navigation, template filters, the
//! hash of everything a page shows besides its own data, and which content
//! file stands behind each page.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Kwargs, State, Tera};

use super::views::NavItem;
use super::Report;
use crate::format;
use crate::i18n::Labels;
use crate::records::Page;
use crate::routes;
use crate::text::Language;
use crate::theme::Theme;

/// The content file behind each page that has one, to name it in link errors.
pub(super) fn page_sources(ctx: &Report) -> BTreeMap<String, std::path::PathBuf> {
    let mut out = BTreeMap::new();
    for f in &ctx.content.territories {
        out.insert(routes::territory(&f.slug), f.path.clone());
    }
    for p in &ctx.narratives {
        // A narrative is what readers write links in: it wins over the record.
        out.insert(routes::narrative_home(p), p.path.clone());
    }
    for p in &ctx.press {
        out.insert(routes::release(&p.stem), p.path.clone());
    }
    out
}

/// What every page's template sees outside the contexts recorded by
/// [`super::recorded`]: the template texts, and the bilan binary itself (a
/// new version may render differently).
pub(super) fn render_inputs(theme: &Theme, recorded: &mut super::recorded::Recorded) {
    recorded.also(crate::cache::binary().as_bytes());
    for (name, (text, _)) in &theme.templates {
        recorded.also(name.as_bytes());
        recorded.also(text.as_bytes());
    }
}

pub(super) fn nav(ctx: &Report) -> Vec<NavItem> {
    let t = &ctx.labels;
    let item = |label: &str, href: &str, section: &str| NavItem {
        label: label.into(),
        href: href.into(),
        section: section.into(),
    };
    let mut nav = vec![
        item(t.get("home"), routes::HOME, "home"),
        item(t.get("territories"), routes::TERRITORIES, "territories"),
    ];
    let mut in_nav: Vec<&&Page> = ctx
        .narratives
        .iter()
        .filter(|p| p.meta.weight.is_some() && p.meta.territory.is_none())
        .collect();
    in_nav.sort_by_key(|p| (p.meta.weight, p.stem.clone()));
    for p in in_nav {
        nav.push(item(&p.meta.title, &routes::narrative(&p.stem), &p.stem));
    }
    nav.push(item(t.get("press"), routes::PRESS, "press"));
    nav.push(item(t.get("open_data"), routes::DATA, "data"));
    nav
}

/// Fixed pages and files templates link to, as `{{ root }}{{ links.kit }}`.
pub(super) fn links() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("home", routes::HOME),
        ("territories", routes::TERRITORIES),
        ("press", routes::PRESS),
        ("kit", routes::KIT),
        ("kit_zip", routes::KIT_ZIP),
        ("data", routes::DATA),
        ("accessibility", routes::ACCESSIBILITY),
        ("legal", routes::LEGAL),
        ("privacy", routes::PRIVACY),
        ("site_plan", routes::SITE_PLAN),
        ("feed", routes::FEED),
        ("search", routes::SEARCH),
        ("search_index", routes::SEARCH_INDEX),
    ])
}

/// Filters for theme authors who format raw numbers themselves.
pub(super) fn register_filters(tera: &mut Tera, lang: Language) {
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
pub(super) struct SiteView {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) lang: String,
    pub(super) base_url: String,
    /// True when `base_url` is an absolute URL (social metadata needs one).
    pub(super) absolute: bool,
    pub(super) programme: String,
    pub(super) illustrative: bool,
    /// Site-relative PNG shown on social cards.
    pub(super) social_image: Option<String>,
    /// The conformity status, shown in every footer as RGAA requires.
    pub(super) accessibility: String,
    /// The theme's name (`default`, `dsfr`).
    pub(super) theme: String,
    /// The lines of the State brand block (`theme: dsfr`).
    pub(super) ministry: Vec<String>,
    /// The header's tagline (`theme: dsfr`).
    pub(super) tagline: String,
    /// The site's own icon (`favicon:` in site.yaml), if any.
    pub(super) favicon: Option<String>,
}

/// "partiellement conforme" and the like.
pub(super) fn conformity_label(status: crate::config::ConformityStatus, t: &Labels) -> &str {
    use crate::config::ConformityStatus;
    match status {
        ConformityStatus::Full => t.get("a11y_status_full"),
        ConformityStatus::Partial => t.get("a11y_status_partial"),
        ConformityStatus::None => t.get("a11y_status_none"),
    }
}
