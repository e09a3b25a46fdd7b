//! Flat pictures drawn straight into pixels: share cards and bar charts
//! are flat rectangles and lines of text in a few colours, so they are
//! drawn as palette indices (one byte a pixel) and written as an indexed
//! PNG with a fast deflate. Each glyph is rasterised once per font, size
//! and quarter-pixel position and then copied; no SVG is parsed. The
//! pictures match what resvg draws from the same marks' SVG (tests compare
//! them, [`compare`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

use crate::theme::Rgb;

/// Part of every cached card's key: bumped when the drawing changes.
pub(crate) const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/flat-3");

/// One thing drawn: a card's layout is worked out once as marks, then
/// drawn as SVG (for tests and reading) or straight into pixels, so both
/// show the same card; a bar chart's SVG is read back into marks
/// ([`super::flat_svg`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A flat rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Rgb,
    },
    /// One line of text, `y` being its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: String,
    },
}

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

/// Whether DejaVu Sans has a glyph for `c` (resvg would draw a box
/// otherwise, or fall back to another font).
pub(crate) fn has_glyph(c: char, bold: bool) -> bool {
    faces()[usize::from(bold)].glyph_id(c).0 != 0
}

/// A glyph's coverage as anti-aliasing levels (0 to [`LEVELS`]), worked
/// out once per glyph rather than per copy, placed relative to its pen position on
/// the baseline.
struct Mask {
    left: i32,
    top: i32,
    w: usize,
    h: usize,
    levels: Vec<u8>,
}

type MaskKey = (bool, u32, u16, u8);

thread_local! {
    /// Per thread, so drawing cards in parallel takes no lock.
    static MASKS: RefCell<HashMap<MaskKey, Rc<Mask>>> = RefCell::new(HashMap::new());
}

/// The glyph at `size` rounded to a tenth of a pixel: the mask depends on
/// its key alone, so a picture's pixels never depend on which picture a
/// thread drew first (sizes that round alike once shared the first one's
/// mask, and parallel builds differed by a level here and there).
fn mask(bold: bool, size: f32, glyph: ab_glyph::GlyphId, quarter: u8) -> Rc<Mask> {
    let tenths = (size * 10.0).round() as u32;
    let key = (bold, tenths, glyph.0, quarter);
    MASKS.with(|masks| {
        masks
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(rasterise(bold, tenths as f32 / 10.0, glyph, quarter)))
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
            levels: Vec::new(),
        };
    };
    let bounds = outline.px_bounds();
    let (w, h) = (bounds.width() as usize, bounds.height() as usize);
    let mut levels = vec![0u8; w * h];
    outline.draw(|x, y, c| {
        if let Some(px) = levels.get_mut(y as usize * w + x as usize) {
            let c = (c.clamp(0.0, 1.0) * 255.0).round() as u16;
            *px = ((c * u16::from(LEVELS) + 127) / 255) as u8;
        }
    });
    Mask {
        left: bounds.min.x as i32,
        top: bounds.min.y as i32,
        w,
        h,
        levels,
    }
}

/// The palette: the background first, then each solid colour and, for
/// each text colour over each colour it is drawn on, [`LEVELS`] − 1
/// blends. A picture that needs more than 256 is refused (the caller
/// draws it through resvg).
struct Inks {
    colours: Vec<Rgb>,
    /// For a blend's index: (its text colour's index, the index it was
    /// drawn over, its level); `None` for a solid colour.
    blends: Vec<Option<(u8, u8, u8)>>,
    /// (text index, under index) → first blend's index.
    ramps: HashMap<(u8, u8), u8>,
}

impl Inks {
    fn new(background: Rgb) -> Inks {
        Inks {
            colours: vec![background],
            blends: vec![None],
            ramps: HashMap::new(),
        }
    }

    fn push(&mut self, c: Rgb, blend: Option<(u8, u8, u8)>) -> anyhow::Result<u8> {
        anyhow::ensure!(self.colours.len() < 256, "more than 256 colours");
        self.colours.push(c);
        self.blends.push(blend);
        Ok((self.colours.len() - 1) as u8)
    }

    fn solid(&mut self, c: Rgb) -> anyhow::Result<u8> {
        let found =
            (self.colours.iter().zip(&self.blends)).position(|(&k, b)| k == c && b.is_none());
        match found {
            Some(i) => Ok(i as u8),
            None => self.push(c, None),
        }
    }

    /// The first of the blends of `text` over `under` (both indices).
    fn ramp(&mut self, text: u8, under: u8) -> anyhow::Result<u8> {
        if let Some(&first) = self.ramps.get(&(text, under)) {
            return Ok(first);
        }
        let (c, bg) = (self.colours[text as usize], self.colours[under as usize]);
        let first = self.colours.len() as u8;
        for level in 1..LEVELS {
            let a = f32::from(level) / f32::from(LEVELS);
            let mix = |f: u8, b: u8| (f32::from(f) * a + f32::from(b) * (1.0 - a)).round() as u8;
            let blend = Rgb(mix(c.0, bg.0), mix(c.1, bg.1), mix(c.2, bg.2));
            self.push(blend, Some((text, under, level)))?;
        }
        self.ramps.insert((text, under), first);
        Ok(first)
    }
}

/// The marks drawn into a `size` picture, as PNG bytes. The first mark, a
/// rectangle, gives the background.
pub(crate) fn draw(marks: &[Mark], size: (u32, u32)) -> anyhow::Result<Vec<u8>> {
    let (w, h) = (size.0 as usize, size.1 as usize);
    let background = match marks.first() {
        Some(Mark::Rect { colour, .. }) => *colour,
        _ => Rgb(255, 255, 255),
    };
    let mut inks = Inks::new(background);
    let mut pixels = vec![0u8; w * h];
    // The pixels start as the background (index 0): background rectangles
    // drawn before anything else need not be filled (a chart has two).
    let mut blank = true;
    for mark in marks {
        match mark {
            Mark::Rect {
                x,
                y,
                w: rw,
                h: rh,
                colour,
            } => {
                let i = inks.solid(*colour)?;
                if i == 0 && blank {
                    continue;
                }
                blank = false;
                let ((x0, x1), (y0, y1)) = (span(*x, *rw, w), span(*y, *rh, h));
                for row in y0..y1 {
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
                blank = false;
                let pen = Pen {
                    x: *x,
                    y: *y,
                    size: *size,
                    bold: *bold,
                    ink: inks.solid(*colour)?,
                };
                pen.write(text, &mut pixels, (w, h), &mut inks)?;
            }
        }
    }
    encode(&pixels, size, &inks.colours)
}

/// The pixels `start`..`start + len` covers, within `0..max`: its length
/// rounded (one pixel at least when positive, so a thin line never
/// vanishes) around its rounded centre, so that equal lengths, the grid's
/// lines or the bars' heights, always get as many pixels.
fn span(start: f32, len: f32, max: usize) -> (usize, usize) {
    if len <= 0.0 {
        return (0, 0);
    }
    let n = len.round().max(1.0);
    let a = (start + len / 2.0 - n / 2.0).round();
    let clamp = |v: f32| (v.max(0.0) as usize).min(max);
    (clamp(a), clamp(a + n))
}

/// Where and how one line of text is drawn.
struct Pen {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    /// The text colour's solid index.
    ink: u8,
}

impl Pen {
    fn write(
        &self,
        text: &str,
        pixels: &mut [u8],
        size: (usize, usize),
        inks: &mut Inks,
    ) -> anyhow::Result<()> {
        let font = &faces()[usize::from(self.bold)];
        let scaled = font.as_scaled(scale(font, self.size));
        let mut pen = self.x;
        let baseline = self.y.round() as i32;
        let mut previous = None;
        // Under index → first blend of this text over it (0: not yet
        // asked; 0 is the background, never a blend).
        let mut firsts = [0u8; 256];
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
            let at = (origin + m.left, baseline + m.top);
            self.blit(&m, at, pixels, size, inks, &mut firsts)?;
            pen += scaled.h_advance(glyph);
        }
        Ok(())
    }

    /// Copies a glyph's coverage as palette indices, blended over what is
    /// under it; where two glyphs of the same colour overlap (their
    /// anti-aliased edges), the darker wins.
    fn blit(
        &self,
        m: &Mask,
        (left, top): (i32, i32),
        pixels: &mut [u8],
        (w, h): (usize, usize),
        inks: &mut Inks,
        firsts: &mut [u8; 256],
    ) -> anyhow::Result<()> {
        // The glyph's columns inside the picture.
        let c0 = (-left).clamp(0, m.w as i32) as usize;
        let c1 = (w as i32 - left).clamp(0, m.w as i32) as usize;
        for row in 0..m.h {
            let py = top + row as i32;
            if py < 0 || py as usize >= h || c0 >= c1 {
                continue;
            }
            let line = &m.levels[row * m.w + c0..row * m.w + c1];
            let start = py as usize * w + (left + c0 as i32) as usize;
            for (&level, here) in line.iter().zip(&mut pixels[start..start + line.len()]) {
                if level == 0 {
                    continue;
                }
                let (under, was) = match inks.blends[*here as usize] {
                    Some((text, under, was)) if text == self.ink => (under, was),
                    _ if *here == self.ink => (*here, LEVELS),
                    _ => (*here, 0),
                };
                if level <= was {
                    continue;
                }
                *here = if level >= LEVELS {
                    self.ink
                } else {
                    if firsts[under as usize] == 0 {
                        firsts[under as usize] = inks.ramp(self.ink, under)?;
                    }
                    firsts[under as usize] + level - 1
                };
            }
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn line(size: f32) -> Vec<Mark> {
        let white = Rgb(255, 255, 255);
        vec![
            Mark::Rect {
                x: 0.0,
                y: 0.0,
                w: 400.0,
                h: 40.0,
                colour: white,
            },
            Mark::Text {
                x: 3.3,
                y: 30.0,
                size,
                bold: false,
                colour: Rgb(30, 30, 30),
                text: "Entreprise illustrative 0240 — 11,0 M€ d’investissement".into(),
            },
        ]
    }

    /// Whatever a thread drew before, a picture comes out the same: glyph
    /// masks are kept per thread, and a parallel build hands pictures to
    /// threads in no fixed order.
    #[test]
    fn a_picture_does_not_depend_on_what_its_thread_drew_before() {
        let alone = |size: f32| {
            std::thread::spawn(move || draw(&line(size), (400, 40)).unwrap())
                .join()
                .unwrap()
        };
        for (first, then) in [
            (15.11, 15.19),
            (15.19, 15.11),
            (13.0, 13.04),
            (13.04, 12.96),
        ] {
            let after = std::thread::spawn(move || {
                draw(&line(first), (400, 40)).unwrap();
                draw(&line(then), (400, 40)).unwrap()
            })
            .join()
            .unwrap();
            assert!(after == alone(then), "{then} px after {first} px");
        }
    }
}

/// How tests tell that two pictures show the same thing.
#[cfg(test)]
pub(crate) mod compare {
    /// Each pixel's R + G + B of a PNG, whatever its colour type.
    fn sums(png_bytes: &[u8]) -> (usize, usize, Vec<u16>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let px = buf[..info.buffer_size()]
            .chunks_exact(channels)
            .map(|c| u16::from(c[0]) + u16::from(c[1]) + u16::from(c[2]))
            .collect();
        (info.width as usize, info.height as usize, px)
    }

    /// Each 20×20 block's mean over its pixels and channels.
    fn block_means(w: usize, h: usize, px: &[u16]) -> Vec<f64> {
        let (bw, bh) = (w.div_ceil(20), h.div_ceil(20));
        let mut sum = vec![0u64; bw * bh];
        let mut count = vec![0u64; bw * bh];
        for (i, &p) in px.iter().enumerate() {
            let b = (i / w / 20) * bw + (i % w) / 20;
            sum[b] += u64::from(p);
            count[b] += 3;
        }
        sum.iter()
            .zip(&count)
            .map(|(&s, &n)| s as f64 / n as f64)
            .collect()
    }

    /// Same size, same colours where it matters. Compared in 20×20 blocks
    /// (a glyph edge or a thin line may fall a pixel apart: the direct
    /// drawing puts edges on whole pixels), no block's mean differs by
    /// more than a sixth of full scale, and nearly all match.
    pub(crate) fn alike(direct: &[u8], reference: &[u8], what: &str) {
        let (w, h, direct) = sums(direct);
        let (w2, h2, reference) = sums(reference);
        assert_eq!((w, h), (w2, h2), "{what}");
        let (a, b) = (block_means(w, h, &direct), block_means(w, h, &reference));
        let diffs: Vec<f64> = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).collect();
        let worst = diffs.iter().copied().fold(0.0, f64::max);
        let close = diffs.iter().filter(|&&d| d < 8.0).count();
        assert!(worst < 255.0 / 6.0, "{what}: a block differs by {worst:.1}");
        assert!(
            close * 100 >= diffs.len() * 97,
            "{what}: {close} of {} blocks match",
            diffs.len()
        );
    }
}
