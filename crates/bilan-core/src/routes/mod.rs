//! Output paths: the one place they are spelled. Every page, chart, export
//! and feed gets its path from here, as Zola computes a page's path once at
//! load; [`collisions`] then checks that no two things claim one path.
//!
//! Paths are relative to the output root, with `/` separators; page paths
//! end in `index.html` so links work from `file://`.

use crate::content::suggest_slug;
use crate::metrics::{ChartKind, Metric, Metrics};
use crate::records::{Page, TerritoryFile};

mod collisions;
pub use collisions::collisions;

/// Top-level names the generator owns; a narrative or a static folder may
/// not take them.
pub const RESERVED: [&str; 18] = [
    "index.html",
    "dsfr",
    "recherche",
    "accessibilite",
    "mentions-legales",
    "donnees-personnelles",
    "plan-du-site",
    "territoires",
    "regions",
    "presse",
    "donnees",
    "charts",
    "static",
    "404",
    "404.html",
    "sitemap.xml",
    "feed.xml",
    "robots.txt",
];

pub use crate::paths::MARKER;
/// The home page.
pub const HOME: &str = "index.html";
/// All territories.
pub const TERRITORIES: &str = "territoires/index.html";
/// Press releases.
pub const PRESS: &str = "presse/index.html";
/// The search page.
pub const SEARCH: &str = "recherche/index.html";
/// The press kit page.
pub const KIT: &str = "presse/kit/index.html";
/// The press kit bundle.
pub const KIT_ZIP: &str = "presse/kit.zip";
/// The press kit as an A4 PDF.
pub const KIT_PDF: &str = "presse/kit/dossier-de-presse.pdf";
/// The open data page.
pub const DATA: &str = "donnees/index.html";
/// The accessibility statement.
pub const ACCESSIBILITY: &str = "accessibilite/index.html";
/// The mentions légales.
pub const LEGAL: &str = "mentions-legales/index.html";
/// What the site does with personal data (nothing).
pub const PRIVACY: &str = "donnees-personnelles/index.html";
/// The plan du site: every page, in HTML.
pub const SITE_PLAN: &str = "plan-du-site/index.html";
/// The not-found page, served from any depth.
pub const NOT_FOUND: &str = "404.html";
/// The XML sitemap.
pub const SITEMAP: &str = "sitemap.xml";
/// The Atom feed.
pub const FEED: &str = "feed.xml";
/// Crawler rules.
pub const ROBOTS: &str = "robots.txt";
/// The site's icon, drawn when the site brings none.
pub const FAVICON_SVG: &str = "favicon.svg";
/// The same icon for browsers and tools that ask for `/favicon.ico`.
pub const FAVICON_ICO: &str = "favicon.ico";
/// The site's share card (1,200×630): its title and headline figures.
pub const SOCIAL_CARD: &str = "charts/partage.png";

/// A region's share card (`og:image` of its page and its kit page).
pub fn region_card(code: &str) -> String {
    format!("charts/partage/regions/{}.png", region_slug(code))
}

/// A territory's share card (`og:image` of its page).
pub fn territory_card(slug: &str) -> String {
    format!("charts/partage/territoires/{slug}.png")
}
/// The map's file name under `charts/`.
pub const MAP: &str = "carte";
/// The home map as a picture for phones: no links, no inset names (see
/// [`crate::charts::map::picture`]).
pub const MAP_PICTURE: &str = "carte-telephone";
/// The open data exports: territories and projects.
pub const EXPORTS: [&str; 2] = ["territoires", "projets"];
/// A format of the open-data exports: every use matches on it, so a new
/// format cannot be written as another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8.
    Csv,
    /// JSON: an array of objects.
    Json,
    /// An Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// Every format, in the order pages list them.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Xlsx];

    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The formats of each export.
pub const EXPORT_FORMATS: [ExportFormat; 3] = ExportFormat::ALL;

/// One territory's page.
pub fn territory(slug: &str) -> String {
    format!("territoires/{slug}/index.html")
}

/// A region code as a path segment: `84`, `x-1`; empty when nothing is left.
pub fn region_slug(code: &str) -> String {
    suggest_slug(code)
}

/// One region's page.
pub fn region(code: &str) -> String {
    format!("regions/{}/index.html", region_slug(code))
}

/// One département's page.
pub fn department(code: &str) -> String {
    format!("departements/{}/index.html", region_slug(code))
}

/// The départements the territories cover, by code (sorted, once each):
/// the département pages, by index.
pub fn department_codes(territories: &[std::sync::Arc<TerritoryFile>]) -> Vec<&str> {
    let mut codes: Vec<&str> = territories
        .iter()
        .flat_map(|t| t.record.departments.iter().map(String::as_str))
        .filter(|c| !region_slug(c).is_empty())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// A region's press kit page.
pub fn region_kit(code: &str) -> String {
    format!("presse/kit/regions/{}/index.html", region_slug(code))
}

/// A region's press kit as a PDF.
pub fn region_kit_pdf(code: &str) -> String {
    format!(
        "presse/kit/regions/{}/dossier-de-presse.pdf",
        region_slug(code)
    )
}

/// A region's press kit bundle.
pub fn region_kit_zip(code: &str) -> String {
    format!("presse/kit/regions/{}/kit.zip", region_slug(code))
}

/// A narrative's page (`a/b` → `a/b/index.html`).
pub fn narrative(stem: &str) -> String {
    format!("{stem}/index.html")
}

/// A press release's page.
pub fn release(stem: &str) -> String {
    format!("presse/{stem}/index.html")
}

/// One press release as a PDF, beside its page.
pub fn release_pdf(stem: &str) -> String {
    format!("presse/{stem}/{stem}.pdf")
}

/// The folder of the search index files.
pub const SEARCH_INDEX: &str = "recherche/";

/// The search index's first file, which names the others.
pub const SEARCH_META: &str = "meta.js";

/// A file of the search index: `recherche/<name>`.
pub fn search_file(name: &str) -> String {
    format!("{SEARCH_INDEX}{name}")
}

/// A chart file: `charts/<name>.<ext>`.
pub fn chart(name: &str, ext: &str) -> String {
    format!("charts/{name}.{ext}")
}

/// An open data export: `donnees/<name>.<ext>`.
pub fn export(name: &str, format: ExportFormat) -> String {
    format!("donnees/{name}.{}", format.ext())
}

/// The name of a programme chart of metric `m`. `first_year` tells whether
/// this is the first by-year chart, which keeps the historic name.
pub fn programme_chart(kind: ChartKind, m: &Metric, first_year: bool) -> String {
    match kind {
        ChartKind::Region => format!("{}-par-region", m.file),
        ChartKind::Sector => format!("{}-par-secteur", m.file),
        ChartKind::Top => format!("territoires-{}", m.file),
        ChartKind::Year if first_year => "projets-par-annee".into(),
        ChartKind::Year => format!("{}-par-annee", m.file),
        ChartKind::Project => format!("projets-{}", m.file),
        ChartKind::Line => format!("{}-courbe-par-annee", m.file),
    }
}

/// The name of a region's map (its territories highlighted).
pub fn region_map(code: &str) -> String {
    format!("carte-region-{}", region_slug(code))
}

/// The name of a region page's chart of metric `m` by territory.
pub fn region_chart(code: &str, m: &Metric) -> String {
    format!("region-{}-{}", region_slug(code), m.file)
}

/// The name (and element id) of a département page's chart by territory;
/// drawn inline, it has no files.
pub fn department_chart(code: &str, m: &Metric) -> String {
    format!("departement-{}-{}", region_slug(code), m.file)
}

/// The name of a territory page's chart by project; the first keeps the
/// historic name.
pub fn territory_chart(slug: &str, m: &Metric, first: bool) -> String {
    if first {
        format!("territoire-{slug}")
    } else {
        format!("territoire-{slug}-{}", m.file)
    }
}

/// Programme chart names in display order: by region, by year, by sector,
/// top territories; within each, metrics in table order.
pub fn programme_charts(metrics: &Metrics) -> Vec<(ChartKind, usize, String)> {
    let mut out = Vec::new();
    for kind in [
        ChartKind::Region,
        ChartKind::Year,
        ChartKind::Line,
        ChartKind::Sector,
        ChartKind::Top,
    ] {
        let mut first = true;
        for (i, m) in metrics.iter().filter(|(_, m)| m.charts.contains(&kind)) {
            out.push((kind, i, programme_chart(kind, m, first)));
            first = false;
        }
    }
    out
}

/// One page of the site, by kind and index into the lists it was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `index.html`.
    Home,
    /// All territories.
    Territories,
    /// A territory, by index in the territory list.
    Territory(usize),
    /// A region, by index in the region list.
    Region(usize),
    /// A region's press kit, by index in the region list.
    RegionKit(usize),
    /// A département, by index in [`department_codes`].
    Department(usize),
    /// A narrative with a page of its own, by index in the narrative list.
    Narrative(usize),
    /// A press release, by index in the release list.
    Release(usize),
    /// Press releases.
    PressIndex,
    /// The press kit.
    Kit,
    /// The open data page.
    Data,
    /// The accessibility statement.
    Accessibility,
    /// The mentions légales.
    Legal,
    /// The personal data page.
    Privacy,
    /// The plan du site.
    SitePlan,
    /// The search page.
    Search,
    /// The not-found page.
    NotFound,
}

/// Every page, with its path: territories, region codes, narratives and
/// releases are the published lists the indexes refer to.
pub fn pages(
    territories: &[std::sync::Arc<TerritoryFile>],
    regions: &[&str],
    narratives: &[&Page],
    press: &[&Page],
) -> Vec<(String, PageKind)> {
    let mut out = vec![
        (HOME.to_string(), PageKind::Home),
        (TERRITORIES.to_string(), PageKind::Territories),
    ];
    out.extend(
        territories
            .iter()
            .enumerate()
            .map(|(i, f)| (territory(&f.slug), PageKind::Territory(i))),
    );
    out.extend(
        regions
            .iter()
            .enumerate()
            .map(|(i, code)| (region(code), PageKind::Region(i))),
    );
    out.extend(
        department_codes(territories)
            .iter()
            .enumerate()
            .map(|(i, code)| (department(code), PageKind::Department(i))),
    );
    out.extend(
        regions
            .iter()
            .enumerate()
            .map(|(i, code)| (region_kit(code), PageKind::RegionKit(i))),
    );
    out.extend(
        narratives
            .iter()
            .enumerate()
            .filter(|(_, p)| has_own_page(p))
            .map(|(i, p)| (narrative(&p.stem), PageKind::Narrative(i))),
    );
    out.extend(
        press
            .iter()
            .enumerate()
            .map(|(i, p)| (release(&p.stem), PageKind::Release(i))),
    );
    out.extend([
        (PRESS.to_string(), PageKind::PressIndex),
        (KIT.to_string(), PageKind::Kit),
        (DATA.to_string(), PageKind::Data),
        (ACCESSIBILITY.to_string(), PageKind::Accessibility),
        (LEGAL.to_string(), PageKind::Legal),
        (PRIVACY.to_string(), PageKind::Privacy),
        (SITE_PLAN.to_string(), PageKind::SitePlan),
        (SEARCH.to_string(), PageKind::Search),
        (NOT_FOUND.to_string(), PageKind::NotFound),
    ]);
    out
}

/// The files besides pages that every build makes whatever the figures
/// say: exports, feeds, the kits and their PDFs, the share cards, the
/// search index's first file. A static
/// file over one of them is then reported with the content's other
/// problems, before anything is drawn. Charts, whose files depend on the
/// figures, are left to the writer (see `render::statics`), as is the
/// favicon, which a static one replaces on purpose. Every release counts,
/// embargoed or not, as its page does in [`collisions`].
pub fn fixed_files(
    territories: &[std::sync::Arc<TerritoryFile>],
    regions: &[&str],
    press: &[&Page],
) -> Vec<String> {
    let mut out: Vec<String> = EXPORTS
        .iter()
        .flat_map(|name| EXPORT_FORMATS.map(|f| export(name, f)))
        .collect();
    out.extend([SITEMAP, FEED, ROBOTS, SOCIAL_CARD, KIT_ZIP, KIT_PDF].map(String::from));
    out.push(search_file(SEARCH_META));
    out.extend(territories.iter().map(|t| territory_card(&t.slug)));
    // A region's card and kit are made once a territory is in it.
    let used = |code: &&&str| territories.iter().any(|t| t.record.region == ***code);
    for code in regions.iter().filter(used) {
        out.extend([
            region_card(code),
            region_kit_pdf(code),
            region_kit_zip(code),
        ]);
    }
    out.extend(press.iter().map(|p| release_pdf(&p.stem)));
    out
}

/// True for narratives rendered as a page of their own (not the home
/// introduction, not attached to a territory).
pub fn has_own_page(p: &Page) -> bool {
    p.stem != "_index" && p.meta.territory.is_none()
}

/// The page a narrative's text appears on.
pub fn narrative_home(p: &Page) -> String {
    match p.meta.territory.as_deref() {
        Some(slug) => territory(slug),
        None if p.stem == "_index" => HOME.into(),
        None => narrative(&p.stem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_names_keep_the_historic_ones() {
        let m = Metrics::defaults(crate::config::Language::Fr);
        let names: Vec<String> = programme_charts(&m).into_iter().map(|c| c.2).collect();
        assert_eq!(
            names,
            [
                "emplois-par-region",
                "investissement-par-region",
                "projets-par-annee",
                "investissement-par-secteur",
                "territoires-emplois"
            ]
        );
        assert_eq!(region("X-1"), "regions/x-1/index.html");
        assert_eq!(region_slug("!!!"), "");
    }
}
