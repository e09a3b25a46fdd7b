//! The cover page and the grid of key figures, as a ministry's dossier de
//! presse sets them: the brand at the top, the title, the headline figures
//! in large type with their notes, and the press contacts at the foot.

use std::num::NonZeroU16;

use krilla::geom::{Point, Rect};
use krilla::tagging::{Tag, TagGroup};

use super::layout::{Op, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W, SMALL};
use super::{Cover, Figure};

/// Line height of the brand block's capitals.
const BRAND_LEAD: f32 = 14.0;

impl Writer {
    pub(super) fn cover(&mut self, c: &Cover, groups: &mut Vec<TagGroup>) {
        self.brand(&c.brand, groups);
        self.y = 240.0;
        let g = self.open(groups, Tag::Hn(NonZeroU16::MIN, Some(c.title.clone())));
        self.outline
            .push((c.title.clone(), self.pages, self.y - 40.0));
        self.page.push(Op::Rect {
            rect: Rect::from_xywh(MARGIN, self.y - 28.0, 60.0, 6.0).unwrap(),
            colour: ACCENT,
        });
        self.text_lines(&c.title, (true, 30.0, INK), 0.0, g, groups);
        self.y += 10.0;
        for l in &c.lines {
            let g = self.open(groups, Tag::P);
            self.text_lines(l, (false, 14.0, MUTED), 0.0, g, groups);
        }
        self.y += 36.0;
        self.figures(&c.figures, 28.0, groups);
        if let Some(notice) = &c.notice {
            let g = self.open(groups, Tag::P);
            self.text_lines(notice, (false, SMALL, MUTED), 0.0, g, groups);
        }
        if let Some((heading, lines)) = &c.foot {
            self.cover_foot(heading, lines, groups);
        }
        self.flush(groups);
    }

    /// The State's brand block in capitals (`theme: dsfr`), else a band of
    /// the accent colour across the top.
    fn brand(&mut self, brand: &[String], groups: &mut Vec<TagGroup>) {
        if brand.is_empty() {
            self.page.push(Op::Rect {
                rect: Rect::from_xywh(0.0, 0.0, PAGE_W, 14.0).unwrap(),
                colour: ACCENT,
            });
            return;
        }
        let g = self.open(groups, Tag::P);
        for (i, line) in brand.iter().enumerate() {
            self.page.push(Op::Text {
                at: Point::from_xy(MARGIN, MARGIN + BRAND_LEAD * (i + 1) as f32),
                bold: true,
                size: 12.0,
                colour: INK,
                text: self.bold.drawable(&line.to_uppercase()),
                group: g,
            });
        }
    }

    /// The press contacts at the foot of the cover.
    fn cover_foot(&mut self, heading: &str, lines: &[String], groups: &mut Vec<TagGroup>) {
        let wrapped: Vec<Vec<String>> = lines
            .iter()
            .map(|l| self.regular.wrap(l, 9.5, Self::WIDTH))
            .collect();
        let count: usize = wrapped.iter().map(Vec::len).sum();
        let height = 22.0 + 13.0 * count as f32;
        // At the foot, unless the figures above reach down that far.
        self.y = self.y.max(Self::BOTTOM - height);
        self.page.push(Op::Rect {
            rect: Rect::from_xywh(MARGIN, self.y, Self::WIDTH, 0.8).unwrap(),
            colour: MUTED,
        });
        let g = self.open(groups, Tag::P);
        self.page.push(Op::Text {
            at: Point::from_xy(MARGIN, self.y + 16.0),
            bold: true,
            size: 10.5,
            colour: INK,
            text: self.bold.drawable(heading),
            group: g,
        });
        self.y += 22.0;
        for line in wrapped.into_iter().flatten() {
            let g = self.open(groups, Tag::P);
            self.y += 13.0;
            self.page.push(Op::Text {
                at: Point::from_xy(MARGIN, self.y - 3.0),
                bold: false,
                size: 9.5,
                colour: INK,
                text: line,
                group: g,
            });
        }
    }

    /// Key figures, two to a row: the value in large type, its label, and
    /// its note under it, so each note stays with its own figure.
    pub(super) fn figures(
        &mut self,
        figures: &[Figure],
        value_size: f32,
        groups: &mut Vec<TagGroup>,
    ) {
        let per_row = 2usize;
        let col = Self::WIDTH / per_row as f32;
        let text_w = col - 24.0;
        for row in figures.chunks(per_row) {
            let cells: Vec<(Vec<String>, Vec<String>)> = row
                .iter()
                .map(|f| {
                    let label = self.regular.wrap(&f.label, 10.0, text_w);
                    let note = f
                        .note
                        .as_deref()
                        .map(|n| self.regular.wrap(n, SMALL, text_w))
                        .unwrap_or_default();
                    (label, note)
                })
                .collect();
            let tallest = cells
                .iter()
                .map(|(l, n)| 13.0 * l.len() as f32 + 11.0 * n.len() as f32)
                .fold(0.0, f32::max);
            let height = value_size * 1.25 + tallest + 8.0;
            self.room(height + 14.0, groups);
            let top = self.y;
            for (i, (f, (label, note))) in row.iter().zip(cells).enumerate() {
                let x = MARGIN + col * i as f32;
                self.figure(f, (x, top), (label, note), value_size, height, groups);
            }
            self.y = top + height + 14.0;
        }
    }

    fn figure(
        &mut self,
        f: &Figure,
        (x, top): (f32, f32),
        (label, note): (Vec<String>, Vec<String>),
        value_size: f32,
        height: f32,
        groups: &mut Vec<TagGroup>,
    ) {
        let g = self.open(groups, Tag::P);
        self.page.push(Op::Rect {
            rect: Rect::from_xywh(x, top + 4.0, 3.0, height).unwrap(),
            colour: ACCENT,
        });
        let mut y = top + value_size * 1.1;
        self.page.push(Op::Text {
            at: Point::from_xy(x + 12.0, y),
            bold: true,
            size: value_size,
            colour: ACCENT,
            text: self.bold.drawable(&f.value),
            group: g,
        });
        y += 6.0;
        for l in label {
            y += 13.0;
            self.page.push(Op::Text {
                at: Point::from_xy(x + 12.0, y - 2.0),
                bold: false,
                size: 10.0,
                colour: INK,
                text: l,
                group: g,
            });
        }
        for l in note {
            y += 11.0;
            self.page.push(Op::Text {
                at: Point::from_xy(x + 12.0, y),
                bold: false,
                size: SMALL,
                colour: MUTED,
                text: l,
                group: g,
            });
        }
    }
}
