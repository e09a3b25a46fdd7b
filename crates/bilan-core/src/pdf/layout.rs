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

pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
pub(super) const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;
const LEAD: f32 = 1.45;
/// The smallest text of a page: notes, captions, footers.
pub(super) const SMALL: f32 = 8.5;
pub(super) const INK: (u8, u8, u8) = (0x1e, 0x1e, 0x1e);
pub(super) const MUTED: (u8, u8, u8) = (0x50, 0x50, 0x50);
pub(super) const ACCENT: (u8, u8, u8) = (0x00, 0x00, 0x91);

/// What the drawing needs as it goes: pages, the cursor, the tag tree.
pub(super) struct Writer {
    doc: Document,
    pub(super) regular: Face,
    pub(super) bold: Face,
    fonts: Arc<usvg::fontdb::Database>,
    /// Drawing commands of the current page, replayed when it is full.
    pub(super) page: Vec<Op>,
    pub(super) y: f32,
    pub(super) pages: usize,
    footer: String,
    tree: TagTree,
    /// Headings for the outline (bookmarks): text, page index, position.
    pub(super) outline: Vec<(String, usize, f32)>,
}

/// One drawing command; kept until the page is written.
pub(super) enum Op {
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
    for (i, block) in spec.blocks.iter().enumerate() {
        // A heading keeps with the start of what follows it.
        if let (Block::Heading(..), Some(next)) = (block, spec.blocks.get(i + 1)) {
            let need = w.heading_height(block) + w.min_height(next);
            w.room(need, &mut groups);
        }
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
    pub(super) const BOTTOM: f32 = PAGE_H - MARGIN - 20.0;
    pub(super) const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
    /// A figure is at most two thirds of a page tall, so a page a figure
    /// does not fit on is always more than a third full.
    const MAX_FIGURE: f32 = (Self::BOTTOM - MARGIN) * 2.0 / 3.0;

    /// Room for `h` points, on a new page if need be.
    pub(super) fn room(&mut self, h: f32, groups: &mut [TagGroup]) {
        if self.y + h > Self::BOTTOM && self.y > MARGIN {
            self.flush(groups);
        }
    }

    /// How much of the page is used, from 0 to 1.
    fn filled(&self) -> f32 {
        (self.y - MARGIN) / (Self::BOTTOM - MARGIN)
    }

    fn heading_height(&self, block: &Block) -> f32 {
        match block {
            Block::Heading(level, _) => {
                let size = if *level <= 1 { 18.0 } else { 14.0 };
                size * 0.8 + size * LEAD + 4.0
            }
            _ => 0.0,
        }
    }

    /// The least of `block` that must share a page with the heading
    /// before it: two lines of text, a row of figures, a whole figure.
    fn min_height(&self, block: &Block) -> f32 {
        match block {
            Block::Paragraph(_) | Block::Quote { .. } => 2.0 * BODY * LEAD,
            Block::Bullet(_) | Block::Small(_) => BODY * LEAD,
            Block::Figures(_) => 80.0,
            Block::Svg { svg, caption, .. } => self.svg_size(svg).map_or(0.0, |(_, size)| {
                size.height() + self.caption_height(caption)
            }),
            Block::Photo { .. } => 200.0,
            Block::Heading(..) | Block::Cover(_) | Block::PageBreak => 0.0,
        }
    }

    pub(super) fn text_lines(
        &mut self,
        text: &str,
        (bold, size, colour): (bool, f32, (u8, u8, u8)),
        indent: f32,
        group: usize,
        groups: &mut [TagGroup],
    ) {
        let face = if bold { &self.bold } else { &self.regular };
        let lines = face.wrap(text, size, Self::WIDTH - indent);
        // No paragraph starts with a lone line at the foot of a page.
        self.room(size * LEAD * lines.len().min(2) as f32, groups);
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            // Nor ends with a lone line at the top of the next.
            if n >= 4 && i == n - 2 {
                self.room(2.0 * size * LEAD, groups);
            }
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

    pub(super) fn open(
        &mut self,
        groups: &mut Vec<TagGroup>,
        tag: impl Into<krilla::tagging::TagKind>,
    ) -> usize {
        groups.push(TagGroup::new(tag));
        groups.len() - 1
    }

    fn block(&mut self, block: &Block, groups: &mut Vec<TagGroup>) -> anyhow::Result<()> {
        match block {
            Block::Cover(cover) => self.cover(cover, groups),
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
                self.text_lines(text, (false, SMALL, MUTED), 0.0, g, groups);
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
            Block::Figures(figures) => self.figures(figures, 22.0, groups),
            Block::Svg { svg, caption, alt } => self.svg(svg, caption, alt, groups)?,
            Block::Photo {
                bytes,
                caption,
                alt,
            } => self.photo(bytes, caption, alt, groups)?,
            // A new section starts a page, unless that would leave this
            // one less than a third full.
            Block::PageBreak if self.filled() >= 1.0 / 3.0 => self.flush(groups),
            Block::PageBreak => self.y += 12.0,
        }
        Ok(())
    }

    /// The chart's drawing and its size on the page: the text width, or
    /// less so that it stays within [`Self::MAX_FIGURE`].
    fn svg_size(&self, svg: &str) -> anyhow::Result<(usvg::Tree, Size)> {
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
        let scale = (Self::WIDTH / w).min(Self::MAX_FIGURE / h);
        let size = Size::from_wh(w * scale, h * scale)
            .ok_or_else(|| anyhow::anyhow!("a chart has no size"))?;
        Ok((tree, size))
    }

    fn svg(
        &mut self,
        svg: &str,
        caption: &str,
        alt: &str,
        groups: &mut Vec<TagGroup>,
    ) -> anyhow::Result<()> {
        let (tree, size) = self.svg_size(svg)?;
        self.room(size.height() + self.caption_height(caption), groups);
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
        self.room(size.height() + self.caption_height(caption), groups);
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
        if caption.is_empty() {
            self.y += 12.0;
            return;
        }
        let c = self.open(groups, Tag::Caption);
        self.text_lines(caption, (false, 9.0, MUTED), 0.0, c, groups);
        self.y += 12.0;
    }

    /// The height a caption takes under its figure.
    fn caption_height(&self, caption: &str) -> f32 {
        let lines = self.regular.wrap(caption, 9.0, Self::WIDTH).len();
        8.0 + 9.0 * LEAD * lines as f32 + 12.0
    }

    /// Writes the current page with its footer.
    pub(super) fn flush(&mut self, groups: &mut [TagGroup]) {
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
