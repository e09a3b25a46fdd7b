//! The press kit as data: what its page, its PDF and its zip show, in the
//! site's language, built once from the model (STYLE.md, lesson 14). Each
//! output only lays it out, so the three cannot drift: the same figures
//! and notes, the same quotes in the language's quotation marks, the same
//! photo credits, visuals, releases and contact lines.

use serde::Serialize;

use super::{views, Report};
use crate::records::{Contact, Page, Photo};
use crate::routes;
use crate::text::Language;

/// The national press kit.
pub(super) struct KitView<'a> {
    /// Headline figures, each with its note.
    pub(super) figures: Vec<super::figures::Figure>,
    /// The presentation, in Markdown.
    pub(super) presentation: Option<&'a str>,
    pub(super) quotes: Vec<QuoteView<'a>>,
    pub(super) photos: Vec<PhotoView<'a>>,
    /// Programme charts, then the map.
    pub(super) visuals: Vec<VisualView<'a>>,
    pub(super) releases: Vec<ReleaseView<'a>>,
    pub(super) contacts: Vec<ContactView<'a>>,
    /// Who made the data and visuals.
    pub(super) credits: Option<&'a str>,
    /// Under which licence they may be reused.
    pub(super) licence: Option<&'a str>,
}

/// A quote, with its text between the language's quotation marks.
#[derive(Serialize)]
pub(super) struct QuoteView<'a> {
    pub(super) role: &'a str,
    pub(super) text: &'a str,
    #[serde(skip)]
    pub(super) quoted: String,
}

/// A photo: its record, its file's name and bytes, and its credit line.
#[derive(Serialize)]
pub(super) struct PhotoView<'a> {
    pub(super) file: &'a str,
    pub(super) caption: &'a str,
    pub(super) credit: &'a str,
    pub(super) alt: &'a str,
    pub(super) licence: Option<&'a str>,
    /// The file name in the zip's `photos/`.
    #[serde(skip)]
    pub(super) name: &'a str,
    #[serde(skip)]
    pub(super) bytes: &'a [u8],
}

impl PhotoView<'_> {
    /// `Usine © Photographe · CC BY 4.0`, under the photo in the PDF.
    pub(super) fn caption_line(&self) -> String {
        let licence = self.licence.map(|l| format!(" · {l}")).unwrap_or_default();
        format!("{} © {}{licence}", self.caption, self.credit)
    }
}

/// A chart or the map: its file stem, title, description and drawing.
pub(super) struct VisualView<'a> {
    pub(super) name: String,
    pub(super) title: &'a str,
    pub(super) desc: &'a str,
    /// The drawing the PDF embeds: sized for A4, without the source line
    /// the document gives once.
    pub(super) paper: &'a str,
    /// The SVG the zip holds in place of the published file (the map's,
    /// without its links into the site), if any.
    pub(super) standalone: Option<&'a str>,
}

/// A release: its page and its number-and-date line.
pub(super) struct ReleaseView<'a> {
    pub(super) page: &'a Page,
    /// `N° 1522 · 11 octobre 2021`.
    pub(super) meta: String,
}

/// A contact: its record, and the line the PDF and the zip print.
#[derive(Serialize)]
pub(super) struct ContactView<'a> {
    pub(super) name: &'a str,
    pub(super) email: Option<&'a str>,
    pub(super) phone: Option<&'a str>,
    #[serde(skip)]
    pub(super) line: String,
}

impl<'a> ContactView<'a> {
    pub(super) fn of(c: &'a Contact) -> ContactView<'a> {
        ContactView {
            name: &c.name,
            email: c.email.as_deref(),
            phone: c.phone.as_deref(),
            line: crate::presskit::contact_line(c),
        }
    }
}

/// `text` between the quotation marks of `lang`.
pub(super) fn quoted(lang: Language, text: &str) -> String {
    match lang {
        Language::Fr => format!("« {text} »"),
        Language::En => format!("“{text}”"),
    }
}

/// The kit of `ctx`'s model.
pub(super) fn kit_view<'a>(ctx: &Report<'a>) -> KitView<'a> {
    let content = ctx.content;
    let kit = content.kit.as_ref();
    let photos: Vec<&'a Photo> = kit.map(|k| k.photos.iter().collect()).unwrap_or_default();
    let mut visuals: Vec<VisualView<'a>> = ctx
        .charts
        .programme
        .iter()
        .map(|c| VisualView {
            name: c.name.clone(),
            title: &c.title,
            desc: &c.desc,
            paper: &c.paper,
            standalone: None,
        })
        .collect();
    if let Some(m) = &ctx.charts.map {
        visuals.push(VisualView {
            name: routes::MAP.into(),
            title: &m.title,
            desc: &m.desc,
            paper: &m.paper_svg,
            standalone: Some(&m.standalone_svg),
        });
    }
    KitView {
        figures: super::figures::headline_figures(content, ctx.agg, &ctx.labels),
        presentation: kit.and_then(|k| k.presentation.as_deref()),
        quotes: kit
            .map(|k| {
                k.quotes
                    .iter()
                    .map(|q| QuoteView {
                        role: &q.role,
                        text: &q.text,
                        quoted: quoted(ctx.lang, &q.text),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        photos: photos
            .into_iter()
            .filter_map(|p| {
                let f = content.statics.iter().find(|s| s.rel == p.file)?;
                Some(PhotoView {
                    file: &p.file,
                    caption: &p.caption,
                    credit: &p.credit,
                    alt: &p.alt,
                    licence: p.licence.as_deref(),
                    name: p.file.rsplit('/').next().unwrap_or(&p.file),
                    bytes: &f.bytes,
                })
            })
            .collect(),
        visuals,
        releases: ctx
            .press
            .iter()
            .map(|p| ReleaseView {
                page: p,
                meta: super::kit::release_meta(ctx, p),
            })
            .collect(),
        contacts: kit
            .map(|k| k.contacts.iter().map(ContactView::of).collect())
            .unwrap_or_default(),
        credits: kit.and_then(|k| k.credits.as_deref()),
        licence: kit.and_then(|k| k.licence.as_deref()),
    }
}

/// A region's press kit: what its page, its PDF and its zip show.
pub(super) struct RegionalKitView<'a> {
    pub(super) region: &'a views::RegionView,
    /// `Dossier de presse régional — Bretagne`.
    pub(super) title: String,
    /// The region's charts (SVG, and their PNG files).
    pub(super) charts: &'a [crate::charts::Chart],
    pub(super) map: Option<RegionMap<'a>>,
    /// One line per territory, in the words of the pages: `Haut-Jura —
    /// 13 projets, 224 emplois créés, 30,1 M€ d'investissement`.
    pub(super) territory_lines: Vec<String>,
    pub(super) contacts: Vec<ContactView<'a>>,
}

/// A region's map: its file stem, drawing, print PNG and words.
pub(super) struct RegionMap<'a> {
    pub(super) name: String,
    pub(super) svg: &'a str,
    pub(super) png: &'a [u8],
    /// The map zoomed on the region, for its PDF.
    pub(super) paper: &'a str,
    pub(super) title: String,
    pub(super) alt: String,
}

/// The kit of region `i` of `ctx`'s model.
pub(super) fn regional_kit_view<'a>(ctx: &Report<'a>, i: usize) -> RegionalKitView<'a> {
    let (t, lang) = (&ctx.labels, ctx.lang);
    let (regions, chart_set): (&'a [views::RegionView], &'a crate::charts::ChartSet) =
        (ctx.regions, ctx.charts);
    let region = &regions[i];
    let charts = chart_set
        .regions
        .get(&region.code)
        .map_or(&[][..], Vec::as_slice);
    let map = chart_set
        .map
        .as_ref()
        .and_then(|m| m.regions.get(&region.code))
        .map(|m| RegionMap {
            name: routes::region_map(&region.code),
            svg: m.svg.as_str(),
            png: m.png.as_slice(),
            paper: m.paper.as_str(),
            title: format!("{} — {}", t.get("map_region"), region.name),
            alt: t.get("map_region_desc").to_string(),
        });
    let territory_lines = region
        .territories
        .iter()
        .map(|row| {
            // The same words as the pages: "1 projet", "0 emploi créé".
            let projects = crate::i18n::count_label(
                lang,
                row.raw_projects,
                t.get("project_lc"),
                t.get("projects_lc"),
            );
            let figures: Vec<String> =
                std::iter::once(format!("{} {projects}", row.totals.projects))
                    .chain(
                        ctx.content
                            .metrics
                            .headline()
                            .zip(&row.totals.headline)
                            .map(|((_, m), c)| match c.raw.parse::<u64>() {
                                Ok(v) => format!("{} {}", c.text, m.label_for(lang, v)),
                                Err(_) => format!("{}{} {}", m.label, t.get("colon"), c.text),
                            }),
                    )
                    .collect();
            format!("{} — {}", row.name, figures.join(", "))
        })
        .collect();
    RegionalKitView {
        region,
        title: format!("{} — {}", t.get("regional_kit"), region.name),
        charts,
        map,
        territory_lines,
        // The region's own press contacts when kit.yaml gives them.
        contacts: ctx
            .content
            .kit
            .as_ref()
            .map(|k| {
                let own = k.regions.get(&region.code).map(|r| &r.contacts);
                let list = own.filter(|c| !c.is_empty()).unwrap_or(&k.contacts);
                list.iter().map(ContactView::of).collect()
            })
            .unwrap_or_default(),
    }
}

/// The names inside a kit's zip, in the site's language: the national and
/// the regional zips and their READMEs all take them from here.
pub(super) struct ZipNames {
    pub(super) pdf: &'static str,
    pub(super) texts: &'static str,
    pub(super) visuals: &'static str,
    pub(super) data: &'static str,
    pub(super) releases: &'static str,
    pub(super) photos: &'static str,
}

/// The zip names of `lang`.
pub(super) fn zip_names(lang: Language) -> ZipNames {
    match lang {
        Language::Fr => ZipNames {
            pdf: "dossier-de-presse.pdf",
            texts: "textes",
            visuals: "visuels",
            data: "donnees",
            releases: "communiques",
            photos: "photos",
        },
        Language::En => ZipNames {
            pdf: "press-kit.pdf",
            texts: "texts",
            visuals: "visuals",
            data: "data",
            releases: "releases",
            photos: "photos",
        },
    }
}
