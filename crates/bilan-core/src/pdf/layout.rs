//! Places blocks on A4 pages and draws them with krilla, tagging every piece
//! of content (paragraphs, headings, list items, figures with their text
//! alternative) and marking page footers as artifacts.

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, ListNumbering, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::font::Face;
use super::{Block, Spec};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;
const LEAD: f32 = 1.45;
const INK: (u8, u8, u8) = (0x1e, 0x1e, 0x1e);
const MUTED: (u8, u8, u8) = (0x50, 0x50, 0x50);
const ACCENT: (u8, u8, u8) = (0x00, 0x00, 0x91);

/// What the drawing needs as it goes: pages, the cursor, the tag tree.
struct Writer {
    doc: Document,
    regular: Face,
    bold: Face,
    fonts: Arc<usvg::fontdb::Database>,
    /// Drawing commands of the current page, replayed when it is full.
    page: Vec<Op>,
    y: f32,
    pages: usize,
    footer: String,
    tree: TagTree,
    /// Headings for the outline (bookmarks): text, page index, position.
    outline: Vec<(String, usize, f32)>,
}

/// One drawing command; kept until the page is written.
enum Op {
    Text {
        at: Point,
        bold: bool,
        size: f32,
        colour: (u8, u8, u8),
        text: String,
        group: usize,
    },
    Rect {
        rect: Rect,
        colour: (u8, u8, u8),
    },
    Svg {
        tree: Box<usvg::Tree>,
        at: Point,
        size: Size,
        group: usize,
    },
    Image {
        image: Image,
        at: Point,
        size: Size,
        group: usize,
    },
}

pub(super) fn render(spec: &Spec) -> anyhow::Result<Vec<u8>> {
    let config = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| anyhow::anyhow!("PDF/UA-1 is not available: {e:?}"))?;
    let settings = SerializeSettings {
        configuration: config,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let mut w = Writer {
        doc: Document::new_with(settings),
        regular: Face::new(dejavu::sans::regular())?,
        bold: Face::new(dejavu::sans::bold())?,
        fonts: Arc::new(fonts),
        page: Vec::new(),
        y: MARGIN,
        pages: 0,
        footer: spec.footer.clone(),
        tree: TagTree::new(),
        outline: Vec::new(),
    };
    let mut groups: Vec<TagGroup> = Vec::new();
    for block in &spec.blocks {
        w.block(block, &mut groups)?;
    }
    w.flush(&mut groups);
    let mut list: Option<TagGroup> = None;
    for g in groups {
        // Consecutive list items share one list.
        if matches!(g.tag, krilla::tagging::TagKind::LI(_)) {
            list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Disc)))
                .push(g);
            continue;
        }
        if let Some(l) = list.take() {
            w.tree.push(l);
        }
        w.tree.push(g);
    }
    if let Some(l) = list.take() {
        w.tree.push(l);
    }
    let Writer {
        mut doc,
        tree,
        outline,
        ..
    } = w;
    doc.set_tag_tree(tree);
    // PDF/UA asks for bookmarks: one per heading.
    let mut bookmarks = krilla::outline::Outline::new();
    for (text, page, y) in outline {
        bookmarks.push_child(krilla::outline::OutlineNode::new(
            text,
            krilla::destination::XyzDestination::new(page, Point::from_xy(MARGIN, y)),
        ));
    }
    doc.set_outline(bookmarks);
    let d = spec.date;
    use chrono::{Datelike, Timelike};
    doc.set_metadata(
        Metadata::new()
            .title(spec.title.clone())
            .language(spec.lang.clone())
            .creator("bilan".into())
            .creation_date(
                DateTime::new(d.year() as u16)
                    .month(d.month() as u8)
                    .day(d.day() as u8)
                    .hour(d.hour() as u8)
                    .minute(d.minute() as u8)
                    .second(d.second() as u8)
                    .utc_offset_hour(0),
            )
            .document_id(crate::cache::hash(&[
                spec.title.as_bytes(),
                d.to_rfc3339().as_bytes(),
            ])),
    );
    doc.finish()
        .map_err(|e| anyhow::anyhow!("cannot write the PDF: {e:?}"))
}

impl Writer {
    const BOTTOM: f32 = PAGE_H - MARGIN - 20.0;
    const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

    /// Room for `h` points, on a new page if need be.
    fn room(&mut self, h: f32, groups: &mut [TagGroup]) {
        if self.y + h > Self::BOTTOM && self.y > MARGIN {
            self.flush(groups);
        }
    }

    fn text_lines(
        &mut self,
        text: &str,
        (bold, size, colour): (bool, f32, (u8, u8, u8)),
        indent: f32,
        group: usize,
        groups: &mut [TagGroup],
    ) {
        let face = if bold { &self.bold } else { &self.regular };
        let lines = face.wrap(text, size, Self::WIDTH - indent);
        for line in lines {
            self.room(size * LEAD, groups);
            self.y += size * LEAD;
            self.page.push(Op::Text {
                at: Point::from_xy(MARGIN + indent, self.y - size * 0.3),
                bold,
                size,
                colour,
                text: line,
                group,
            });
        }
    }

    fn open(
        &mut self,
        groups: &mut Vec<TagGroup>,
        tag: impl Into<krilla::tagging::TagKind>,
    ) -> usize {
        groups.push(TagGroup::new(tag));
        groups.len() - 1
    }

    fn block(&mut self, block: &Block, groups: &mut Vec<TagGroup>) -> anyhow::Result<()> {
        match block {
            Block::Cover { title, lines } => {
                self.y = PAGE_H * 0.3;
                let g = self.open(groups, Tag::Hn(NonZeroU16::MIN, Some(title.clone())));
                self.outline
                    .push((title.clone(), self.pages, self.y - 40.0));
                self.page.push(Op::Rect {
                    rect: Rect::from_xywh(MARGIN, self.y - 40.0, 60.0, 6.0).unwrap(),
                    colour: ACCENT,
                });
                self.text_lines(title, (true, 26.0, INK), 0.0, g, groups);
                self.y += 12.0;
                for l in lines {
                    let g = self.open(groups, Tag::P);
                    self.text_lines(l, (false, 14.0, MUTED), 0.0, g, groups);
                }
                self.flush(groups);
            }
            Block::Heading(level, text) => {
                let size = if *level <= 1 { 18.0 } else { 14.0 };
                self.room(size * 4.0, groups);
                self.y += size * 0.8;
                let lvl =
                    NonZeroU16::new(u16::from((*level).max(1)) + 1).unwrap_or(NonZeroU16::MIN);
                let g = self.open(groups, Tag::Hn(lvl, Some(text.clone())));
                self.outline.push((text.clone(), self.pages, self.y));
                self.text_lines(text, (true, size, INK), 0.0, g, groups);
                self.y += 4.0;
            }
            Block::Paragraph(text) => {
                let g = self.open(groups, Tag::P);
                self.text_lines(text, (false, BODY, INK), 0.0, g, groups);
                self.y += BODY * 0.6;
            }
            Block::Small(text) => {
                let g = self.open(groups, Tag::P);
                self.text_lines(text, (false, 8.5, MUTED), 0.0, g, groups);
                self.y += 6.0;
            }
            Block::Bullet(text) => {
                let g = self.open(groups, Tag::LI);
                self.text_lines(
                    &format!("•\u{a0}{text}"),
                    (false, BODY, INK),
                    10.0,
                    g,
                    groups,
                );
                self.y += 2.0;
            }
            Block::Quote { text, by } => {
                let g = self.open(groups, Tag::BlockQuote);
                let top = self.y;
                self.text_lines(text, (false, 12.0, INK), 14.0, g, groups);
                self.text_lines(by, (false, 9.0, MUTED), 14.0, g, groups);
                if self.y > top {
                    self.page.push(Op::Rect {
                        rect: Rect::from_xywh(MARGIN, top + 4.0, 3.0, self.y - top).unwrap(),
                        colour: ACCENT,
                    });
                }
                self.y += 10.0;
            }
            Block::Figures(figures) => self.figures(figures, groups),
            Block::Svg { svg, caption, alt } => self.svg(svg, caption, alt, groups)?,
            Block::Photo {
                bytes,
                caption,
                alt,
            } => self.photo(bytes, caption, alt, groups)?,
            Block::PageBreak => self.flush(groups),
        }
        Ok(())
    }

    fn figures(&mut self, figures: &[(String, String)], groups: &mut Vec<TagGroup>) {
        let per_row = 2usize;
        let col = Self::WIDTH / per_row as f32;
        for row in figures.chunks(per_row) {
            self.room(60.0, groups);
            let top = self.y;
            for (i, (value, label)) in row.iter().enumerate() {
                let x = MARGIN + col * i as f32;
                let g = self.open(groups, Tag::P);
                self.page.push(Op::Rect {
                    rect: Rect::from_xywh(x, top + 4.0, 3.0, 48.0).unwrap(),
                    colour: ACCENT,
                });
                self.page.push(Op::Text {
                    at: Point::from_xy(x + 10.0, top + 28.0),
                    bold: true,
                    size: 22.0,
                    colour: ACCENT,
                    text: self.bold.drawable(value),
                    group: g,
                });
                let label_lines = self.regular.wrap(label, 9.5, col - 20.0);
                for (k, l) in label_lines.into_iter().take(2).enumerate() {
                    self.page.push(Op::Text {
                        at: Point::from_xy(x + 10.0, top + 42.0 + 11.0 * k as f32),
                        bold: false,
                        size: 9.5,
                        colour: MUTED,
                        text: l,
                        group: g,
                    });
                }
            }
            self.y = top + 64.0;
        }
    }

    fn svg(
        &mut self,
        svg: &str,
        caption: &str,
        alt: &str,
        groups: &mut Vec<TagGroup>,
    ) -> anyhow::Result<()> {
        let options = usvg::Options {
            fontdb: self.fonts.clone(),
            font_family: "DejaVu Sans".into(),
            ..usvg::Options::default()
        };
        // The markup is ASCII; only its text can hold what the font lacks.
        let svg = self.regular.drawable(svg);
        let tree = usvg::Tree::from_str(&svg, &options)
            .map_err(|e| anyhow::anyhow!("a chart cannot be read: {e}"))?;
        let (w, h) = (tree.size().width(), tree.size().height());
        let max_h = Self::BOTTOM - MARGIN - 40.0;
        let scale = (Self::WIDTH / w).min(max_h / h);
        let size = Size::from_wh(w * scale, h * scale)
            .ok_or_else(|| anyhow::anyhow!("a chart has no size"))?;
        self.room(size.height() + 30.0, groups);
        let g = self.open(groups, Tag::Figure(Some(alt.to_string())));
        self.page.push(Op::Svg {
            tree: Box::new(tree),
            at: Point::from_xy(MARGIN, self.y + 4.0),
            size,
            group: g,
        });
        self.caption(size.height(), caption, groups);
        Ok(())
    }

    fn photo(
        &mut self,
        bytes: &[u8],
        caption: &str,
        alt: &str,
        groups: &mut Vec<TagGroup>,
    ) -> anyhow::Result<()> {
        let data: krilla::Data = Arc::new(bytes.to_vec()).into();
        let image = Image::from_jpeg(data.clone(), true)
            .or_else(|_| Image::from_png(data, true))
            .map_err(|e| anyhow::anyhow!("a photo cannot be read (JPEG or PNG expected): {e}"))?;
        let (w, h) = image.size();
        let scale = (Self::WIDTH / w as f32).min(300.0 / h as f32);
        let size = Size::from_wh(w as f32 * scale, h as f32 * scale)
            .ok_or_else(|| anyhow::anyhow!("a photo has no size"))?;
        self.room(size.height() + 30.0, groups);
        let g = self.open(groups, Tag::Figure(Some(alt.to_string())));
        self.page.push(Op::Image {
            image,
            at: Point::from_xy(MARGIN, self.y + 4.0),
            size,
            group: g,
        });
        self.caption(size.height(), caption, groups);
        Ok(())
    }

    /// A figure's caption, under the figure just placed (`height` tall).
    fn caption(&mut self, height: f32, caption: &str, groups: &mut Vec<TagGroup>) {
        self.y += height + 8.0;
        let c = self.open(groups, Tag::Caption);
        self.text_lines(caption, (false, 8.5, MUTED), 0.0, c, groups);
        self.y += 10.0;
    }

    /// Writes the current page with its footer.
    fn flush(&mut self, groups: &mut [TagGroup]) {
        if self.page.is_empty() {
            return;
        }
        self.pages += 1;
        let ops = std::mem::take(&mut self.page);
        let footer = self
            .regular
            .drawable(&format!("{} · {}", self.footer, self.pages));
        let page_settings = PageSettings::new(Size::from_wh(PAGE_W, PAGE_H).unwrap());
        let mut page = self.doc.start_page_with(page_settings);
        let mut s = page.surface();
        for op in ops {
            draw(&mut s, op, &self.regular, &self.bold, groups);
        }
        s.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Other,
        )));
        fill(&mut s, MUTED);
        s.draw_text(
            Point::from_xy(MARGIN, PAGE_H - MARGIN + 10.0),
            self.regular.font.clone(),
            8.0,
            &footer,
            false,
            TextDirection::Auto,
        );
        s.end_tagged();
        s.finish();
        page.finish();
        self.y = MARGIN;
    }
}

fn fill(s: &mut Surface, (r, g, b): (u8, u8, u8)) {
    s.set_fill(Some(Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }));
}

fn draw(s: &mut Surface, op: Op, regular: &Face, bold: &Face, groups: &mut [TagGroup]) {
    match op {
        Op::Text {
            at,
            bold: b,
            size,
            colour,
            text,
            group,
        } => {
            let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
            fill(s, colour);
            let face = if b { bold } else { regular };
            s.draw_text(
                at,
                face.font.clone(),
                size,
                &text,
                false,
                TextDirection::Auto,
            );
            s.end_tagged();
            groups[group].push(id);
        }
        Op::Rect { rect, colour } => {
            s.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Layout,
            )));
            fill(s, colour);
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            if let Some(path) = pb.finish() {
                s.draw_path(&path);
            }
            s.end_tagged();
        }
        Op::Svg {
            tree,
            at,
            size,
            group,
        } => {
            let id = s.start_tagged(ContentTag::Other);
            s.push_transform(&Transform::from_translate(at.x, at.y));
            s.draw_svg(&tree, size, SvgSettings::default());
            s.pop();
            s.end_tagged();
            groups[group].push(id);
        }
        Op::Image {
            image,
            at,
            size,
            group,
        } => {
            let id = s.start_tagged(ContentTag::Other);
            s.push_transform(&Transform::from_translate(at.x, at.y));
            s.draw_image(image, size);
            s.pop();
            s.end_tagged();
            groups[group].push(id);
        }
    }
}
