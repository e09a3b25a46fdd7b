//! Share cards drawn straight into pixels: a card is flat rectangles and a
//! few lines of text in five colours, so it is drawn as palette indices
//! (one byte a pixel) and written as an indexed PNG with a fast deflate.
//! Each glyph is rasterised once per font, size and quarter-pixel position
//! and then copied; no SVG is written or parsed. The picture matches the
//! SVG that resvg draws from the same layout (a test compares them).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

use super::card::Mark;
use crate::theme::Rgb;

/// Part of every cached card's key: bumped when the drawing changes.
pub(crate) const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/card-direct-1");

/// Anti-aliasing levels between a text colour and the background.
const LEVELS: u8 = 16;

/// DejaVu Sans regular and bold, parsed once.
fn faces() -> &'static [FontRef<'static>; 2] {
    static FACES: OnceLock<[FontRef<'static>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        let face = |bytes: &'static [u8]| {
            FontRef::try_from_slice(bytes).expect("the bundled DejaVu Sans parses")
        };
        [face(dejavu::sans::regular()), face(dejavu::sans::bold())]
    })
}

/// The width of `text` in DejaVu Sans at `size` px, kerned: where the
/// layout measures a line is where [`Pen::write`] puts its glyphs.
pub(crate) fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let font = &faces()[usize::from(bold)];
    let scaled = font.as_scaled(scale(font, size));
    let mut width = 0.0;
    let mut previous = None;
    for ch in text.chars() {
        let glyph = font.glyph_id(ch);
        if let Some(p) = previous {
            width += scaled.kern(p, glyph);
        }
        width += scaled.h_advance(glyph);
        previous = Some(glyph);
    }
    width
}

/// A glyph's coverage (0–255), placed relative to its pen position on
/// the baseline.
struct Mask {
    left: i32,
    top: i32,
    w: usize,
    h: usize,
    coverage: Vec<u8>,
}

type MaskKey = (bool, u32, u16, u8);

thread_local! {
    /// Per thread, so drawing cards in parallel takes no lock.
    static MASKS: RefCell<HashMap<MaskKey, Rc<Mask>>> = RefCell::new(HashMap::new());
}

fn mask(bold: bool, size: f32, glyph: ab_glyph::GlyphId, quarter: u8) -> Rc<Mask> {
    let key = (bold, (size * 10.0) as u32, glyph.0, quarter);
    MASKS.with(|masks| {
        masks
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(rasterise(bold, size, glyph, quarter)))
            .clone()
    })
}

/// `size` is the em size in pixels, as SVG's `font-size`.
fn scale(font: &FontRef<'_>, size: f32) -> PxScale {
    let em = font.units_per_em().unwrap_or(2048.0);
    PxScale::from(size * font.height_unscaled() / em)
}

fn rasterise(bold: bool, size: f32, glyph: ab_glyph::GlyphId, quarter: u8) -> Mask {
    let font = &faces()[usize::from(bold)];
    let positioned = glyph.with_scale_and_position(
        scale(font, size),
        ab_glyph::point(f32::from(quarter) / 4.0, 0.0),
    );
    let Some(outline) = font.outline_glyph(positioned) else {
        // A space: nothing to draw.
        return Mask {
            left: 0,
            top: 0,
            w: 0,
            h: 0,
            coverage: Vec::new(),
        };
    };
    let bounds = outline.px_bounds();
    let (w, h) = (bounds.width() as usize, bounds.height() as usize);
    let mut coverage = vec![0u8; w * h];
    outline.draw(|x, y, c| {
        if let Some(px) = coverage.get_mut(y as usize * w + x as usize) {
            *px = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    });
    Mask {
        left: bounds.min.x as i32,
        top: bounds.min.y as i32,
        w,
        h,
        coverage,
    }
}

/// The palette: the background first, then each colour's solid index
/// and, for text colours, [`LEVELS`] − 1 blends over the background.
struct Inks {
    colours: Vec<Rgb>,
    /// Text colour → its first blend's index.
    ramps: Vec<(Rgb, u8)>,
}

impl Inks {
    fn new(background: Rgb) -> Inks {
        Inks {
            colours: vec![background],
            ramps: Vec::new(),
        }
    }

    fn solid(&mut self, c: Rgb) -> u8 {
        match self.colours.iter().position(|&k| k == c) {
            Some(i) => i as u8,
            None => {
                self.colours.push(c);
                (self.colours.len() - 1) as u8
            }
        }
    }

    /// (solid, first blend) of a text colour.
    fn ramp(&mut self, c: Rgb) -> (u8, u8) {
        let solid = self.solid(c);
        if let Some(&(_, first)) = self.ramps.iter().find(|(k, _)| *k == c) {
            return (solid, first);
        }
        let bg = self.colours[0];
        let first = self.colours.len() as u8;
        for level in 1..LEVELS {
            let a = f32::from(level) / f32::from(LEVELS);
            let mix = |f: u8, b: u8| (f32::from(f) * a + f32::from(b) * (1.0 - a)).round() as u8;
            self.colours
                .push(Rgb(mix(c.0, bg.0), mix(c.1, bg.1), mix(c.2, bg.2)));
        }
        self.ramps.push((c, first));
        (solid, first)
    }
}

/// The marks drawn into a `size` picture, as PNG bytes.
pub(crate) fn draw(marks: &[Mark], size: (u32, u32)) -> anyhow::Result<Vec<u8>> {
    let (w, h) = (size.0 as usize, size.1 as usize);
    let background = match marks.first() {
        Some(Mark::Rect { colour, .. }) => *colour,
        _ => Rgb(255, 255, 255),
    };
    let mut inks = Inks::new(background);
    let mut pixels = vec![0u8; w * h];
    for mark in marks {
        match mark {
            Mark::Rect {
                x,
                y,
                w: rw,
                h: rh,
                colour,
            } => {
                let i = inks.solid(*colour);
                let clamp = |v: f32, max: usize| (v.round().max(0.0) as usize).min(max);
                let (x0, x1) = (clamp(*x, w), clamp(x + rw, w));
                for row in clamp(*y, h)..clamp(y + rh, h) {
                    pixels[row * w + x0..row * w + x1].fill(i);
                }
            }
            Mark::Text {
                x,
                y,
                size,
                bold,
                colour,
                text,
            } => {
                let ramp = inks.ramp(*colour);
                let pen = Pen {
                    x: *x,
                    y: *y,
                    size: *size,
                    bold: *bold,
                    ramp,
                };
                pen.write(text, &mut pixels, w, h);
            }
        }
    }
    encode(&pixels, size, &inks.colours)
}

/// Where and how one line of text is drawn.
struct Pen {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    /// (solid index, first blend index).
    ramp: (u8, u8),
}

impl Pen {
    fn write(&self, text: &str, pixels: &mut [u8], w: usize, h: usize) {
        let font = &faces()[usize::from(self.bold)];
        let scaled = font.as_scaled(scale(font, self.size));
        let mut pen = self.x;
        let baseline = self.y.round() as i32;
        let mut previous = None;
        for ch in text.chars() {
            let glyph = font.glyph_id(ch);
            if let Some(p) = previous {
                pen += scaled.kern(p, glyph);
            }
            previous = Some(glyph);
            let whole = pen.floor();
            let quarter = ((pen - whole) * 4.0).round() as u8;
            let (origin, quarter) = if quarter == 4 {
                (whole as i32 + 1, 0)
            } else {
                (whole as i32, quarter)
            };
            let m = mask(self.bold, self.size, glyph, quarter);
            self.blit(&m, origin, baseline, pixels, w, h);
            pen += scaled.h_advance(glyph);
        }
    }

    /// Copies a glyph's coverage as palette indices; where two glyphs of
    /// the same colour overlap (their anti-aliased edges), the darker wins.
    fn blit(&self, m: &Mask, origin: i32, baseline: i32, pixels: &mut [u8], w: usize, h: usize) {
        let (solid, blend) = self.ramp;
        let level_of = |i: u8| -> u8 {
            if i == solid {
                LEVELS
            } else if (blend..blend + LEVELS - 1).contains(&i) {
                i - blend + 1
            } else {
                0
            }
        };
        for row in 0..m.h {
            let py = baseline + m.top + row as i32;
            if py < 0 || py as usize >= h {
                continue;
            }
            for col in 0..m.w {
                let px = origin + m.left + col as i32;
                let c = m.coverage[row * m.w + col];
                if c == 0 || px < 0 || px as usize >= w {
                    continue;
                }
                let level = ((u16::from(c) * u16::from(LEVELS) + 127) / 255) as u8;
                if level == 0 {
                    continue;
                }
                let at = py as usize * w + px as usize;
                if level > level_of(pixels[at]) {
                    pixels[at] = if level >= LEVELS {
                        solid
                    } else {
                        blend + level - 1
                    };
                }
            }
        }
    }
}

/// An 8-bit indexed PNG with png's fastest deflate. Rows are written as
/// their difference from the row above (`Up`): most of a card's rows
/// repeat the one above, so they become zeros, which that deflate packs
/// best. Measured on 200 cards (`examples/card_cost.rs`): unfiltered,
/// 121 KB a card; `Up`, 47 KB and the fastest; zlib level 1, 45 KB but
/// about 0.4 ms more.
fn encode(pixels: &[u8], (w, h): (u32, u32), colours: &[Rgb]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    let palette: Vec<u8> = colours.iter().flat_map(|c| [c.0, c.1, c.2]).collect();
    encoder.set_palette(palette);
    encoder.set_deflate_compression(png::DeflateCompression::FdeflateUltraFast);
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}
