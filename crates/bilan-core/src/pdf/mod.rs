//! PDF documents (the press kit, each release, each regional kit): A4,
//! tagged for accessibility (PDF/UA-1), language and title set, DejaVu Sans
//! embedded, charts and maps drawn as vectors from their SVG. No browser and
//! no external program: krilla writes the file; `layout` places the blocks.
//!
//! The bytes depend only on the input and `--now` (creation date and
//! document id are set from them), so a rebuild gives the same file.

mod cover;
mod font;
mod layout;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One block of a document, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    /// The cover page: the brand, the title, the headline figures with
    /// their notes, and the press contacts at its foot.
    Cover(Cover),
    /// A heading, level 1 or 2.
    Heading(u8, String),
    /// A paragraph of running text.
    Paragraph(String),
    /// A small, grey paragraph (notes, sources, credits).
    Small(String),
    /// A list item.
    Bullet(String),
    /// A quotation and who said it.
    Quote {
        /// What was said.
        text: String,
        /// Who said it.
        by: String,
    },
    /// Key figures, drawn as a grid, each note under its figure.
    Figures(Vec<Figure>),
    /// A chart or map, from its SVG, with its caption and text alternative.
    Svg {
        /// The SVG source.
        svg: String,
        /// Shown under it; none when empty (a chart that carries its title).
        caption: String,
        /// What it shows, for readers who cannot see it.
        alt: String,
    },
    /// A photo (JPEG or PNG), with its caption and text alternative.
    Photo {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// Shown under it (caption and credit).
        caption: String,
        /// What it shows.
        alt: String,
    },
    /// Starts a new page.
    PageBreak,
}

/// A headline figure: `27 250` `emplois créés`, and where it comes from.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The number, formatted.
    pub value: String,
    /// What it counts.
    pub label: String,
    /// Printed under it, in small type (the declared figure's source).
    pub note: Option<String>,
}

/// What the cover page says, top to bottom.
#[derive(Debug, Clone, Default)]
pub struct Cover {
    /// The State's brand block (`dsfr.ministry`), printed in capitals at
    /// the top; empty outside the `dsfr` theme, which gets a colour band.
    pub brand: Vec<String>,
    /// Large title.
    pub title: String,
    /// Lines under it (kind of document, site, date).
    pub lines: Vec<String>,
    /// The headline figures.
    pub figures: Vec<Figure>,
    /// A note under the figures (illustrative figures).
    pub notice: Option<String>,
    /// At the foot: a heading (`Contacts presse`) and its lines.
    pub foot: Option<(String, Vec<String>)>,
}

/// A whole document.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The document title (metadata and the viewer's title bar).
    pub title: String,
    /// BCP 47 language (`fr`, `en`).
    pub lang: String,
    /// Printed at the foot of every page, with the page number.
    pub footer: String,
    /// Creation date (from `--now`), for the metadata.
    pub date: chrono::DateTime<chrono::Utc>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// Writes the PDF. An error names what could not be drawn.
pub fn render(spec: &Spec) -> anyhow::Result<Vec<u8>> {
    layout::render(spec)
}

/// Bumped when the layout changes, so cached PDFs are written again.
const LAYOUT_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/pdf-2");

/// The PDF from the cache when its spec has not changed, else written.
pub fn render_cached(spec: &Spec, store: &dyn crate::cache::Store) -> anyhow::Result<Vec<u8>> {
    let key = format!("{spec:?}");
    crate::cache::cached(
        store,
        &[LAYOUT_VERSION.as_bytes(), key.as_bytes()],
        "pdf",
        || render(spec),
    )
}

/// Markdown as blocks: headings (one level below `base`), paragraphs and
/// list items; inline markup is kept as plain text.
pub fn markdown_blocks(markdown: &str, base: u8) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut heading: Option<u8> = None;
    let mut in_item = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8 + base).min(2));
            }
            Event::Start(Tag::Item) => in_item = true,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Heading(_)) => {
                out.push(Block::Heading(heading.take().unwrap_or(2), take(&mut text)));
            }
            Event::End(TagEnd::Paragraph) if !in_item => {
                out.push(Block::Paragraph(take(&mut text)));
            }
            Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::End(TagEnd::Item) => {
                in_item = false;
                out.push(Block::Bullet(take(&mut text)));
            }
            _ => {}
        }
    }
    out.retain(|b| !matches!(b, Block::Paragraph(t) | Block::Bullet(t) if t.is_empty()));
    out
}

fn take(s: &mut String) -> String {
    std::mem::take(s).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_headings_paragraphs_and_items() {
        let blocks = markdown_blocks("## Titre\n\nUn *texte* suivi.\n\n- un\n- deux\n", 0);
        let text: Vec<String> = blocks.iter().map(|b| format!("{b:?}")).collect();
        assert_eq!(
            text,
            [
                "Heading(2, \"Titre\")",
                "Paragraph(\"Un texte suivi.\")",
                "Bullet(\"un\")",
                "Bullet(\"deux\")"
            ]
        );
    }

    #[test]
    fn same_input_same_bytes_and_the_text_is_there() {
        let spec = Spec {
            title: "Dossier".into(),
            lang: "fr".into(),
            footer: "Dossier de presse".into(),
            date: chrono::DateTime::from_timestamp(1_634_000_000, 0).unwrap(),
            blocks: vec![
                Block::Cover(Cover {
                    brand: vec!["République".into(), "Française".into()],
                    title: "Territoires d'industrie".into(),
                    lines: vec!["11 octobre 2021".into()],
                    figures: vec![Figure {
                        value: "27\u{202f}250".into(),
                        label: "emplois créés".into(),
                        note: Some("au 11 octobre 2021".into()),
                    }],
                    notice: None,
                    foot: Some(("Contacts presse".into(), vec!["Service de presse".into()])),
                }),
                Block::Paragraph("Un paragraphe ".repeat(80)),
                Block::Svg {
                    svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\"><rect width=\"60\" height=\"20\" fill=\"#000091\"/><text x=\"5\" y=\"40\" font-family=\"DejaVu Sans\" font-size=\"10\">Arve</text></svg>".into(),
                    caption: "Un graphique".into(),
                    alt: "Une barre".into(),
                },
            ],
        };
        let a = render(&spec).unwrap();
        let b = render(&spec).unwrap();
        assert_eq!(a, b, "deterministic");
        assert!(a.starts_with(b"%PDF-"));
    }
}
