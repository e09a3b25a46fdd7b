//! Drawing a horizontal bar chart with plotters, in pixel coordinates, so the
//! SVG and the print PNG share one layout. The PNG is the same drawing at a
//! larger scale, with a bundled font so it renders on machines without fonts.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::theme::{Palette, Rgb};

/// Logical width of a chart; the PNG is drawn at `PNG_SCALE` times this.
pub(crate) const WIDTH: u32 = 960;
/// 960 × 2 = 1,920 px: above the 1,800 px print requirement.
pub(crate) const PNG_SCALE: u32 = 2;
/// Logical width of a chart laid on an A4 page (483 pt of text width): the
/// smallest text (13 px ticks) then prints at 8.7 pt, where a 960-wide
/// drawing would print at 6.5 pt.
pub(crate) const PAPER_WIDTH: u32 = 720;

const FAMILY: &str = "sans-serif";

const TITLE_H: i32 = 44;
const ROW_H: i32 = 32;
const BAR_H: i32 = 20;
const AXIS_H: i32 = 34;
const FOOT_H: i32 = 28;
const PAD: i32 = 16;

/// One bar: its label, its value and the text written at its end.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: u64,
    pub(crate) text: String,
}

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct BarChart {
    pub(crate) title: String,
    pub(crate) bars: Vec<Bar>,
    /// Axis tick labels for a value.
    pub(crate) ticks: Vec<(u64, String)>,
    pub(crate) source: String,
    /// Colours, from the theme.
    pub(crate) palette: Palette,
    /// Drawn as a line through the values (years), not as bars.
    pub(crate) line: bool,
    /// Logical width: [`WIDTH`], or [`PAPER_WIDTH`] for a page.
    pub(crate) width: u32,
}

impl BarChart {
    /// The same chart for an A4 page: narrower, so its text prints at 8 pt
    /// or more, and without its source line, which the document gives once.
    pub(crate) fn paper(&self) -> BarChart {
        BarChart {
            width: PAPER_WIDTH,
            source: String::new(),
            ..self.clone()
        }
    }

    /// Height of the source line at the foot, none without one.
    fn foot(&self) -> i32 {
        if self.source.is_empty() {
            8
        } else {
            FOOT_H
        }
    }
}

/// Height of a line chart's plot, in logical pixels.
const LINE_PLOT_H: i32 = 300;

/// A theme colour as plotters takes it.
pub(crate) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn register_font() {
    static FONT: Once = Once::new();
    FONT.call_once(|| {
        // Both are valid TrueType files shipped by the dejavu crate.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// The value at the end of the axis: the last tick or the largest value.
fn axis_max(chart: &BarChart) -> u64 {
    chart
        .ticks
        .last()
        .map(|t| t.0)
        .unwrap_or(1)
        .max(chart.bars.iter().map(|b| b.value).max().unwrap_or(1))
        .max(1)
}

/// Height in logical pixels of `chart`.
pub(crate) fn chart_height(chart: &BarChart) -> u32 {
    let plot = if chart.line {
        LINE_PLOT_H
    } else {
        ROW_H * chart.bars.len() as i32
    };
    (TITLE_H + PAD + plot + AXIS_H + chart.foot()) as u32
}

/// A line through the values, one point per item (a year) from left to
/// right, each with its value; ticks on the vertical axis.
fn draw_line<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &BarChart, s: i32) {
    let p = &chart.palette;
    let (ink, muted) = (rgb(p.ink), rgb(p.muted));
    let _ = root.fill(&rgb(p.background));
    let w = chart.width as i32 * s;
    let title = font(18, s, true, ink, Pos::new(HPos::Left, VPos::Top));
    let _ = root.draw_text(&chart.title, &title, (PAD * s, 12 * s));
    let tick_style = font(13, s, false, muted, Pos::new(HPos::Right, VPos::Center));
    let widest_tick = chart
        .ticks
        .iter()
        .map(|(_, t)| {
            root.estimate_text_size(t, &tick_style)
                .map(|(x, _)| x as i32)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let (x0, x1) = (PAD * s + widest_tick + 10 * s, w - 3 * PAD * s);
    let (top, bottom) = ((TITLE_H + PAD) * s, (TITLE_H + PAD + LINE_PLOT_H) * s);
    let max = axis_max(chart);
    let y_of = |v: u64| bottom - ((bottom - top) as f64 * v as f64 / max as f64).round() as i32;
    for (value, text) in &chart.ticks {
        let y = y_of(*value);
        let _ = root.draw(&PathElement::new(
            vec![(x0, y), (x1, y)],
            rgb(p.grid).stroke_width(s as u32),
        ));
        let _ = root.draw_text(text, &tick_style, (x0 - 6 * s, y));
    }
    let n = chart.bars.len().max(1) as i32;
    let step = if n > 1 {
        (x1 - x0 - 40 * s) / (n - 1)
    } else {
        0
    };
    let x_of =
        |i: usize| x0 + 20 * s + step * i as i32 + if n == 1 { (x1 - x0) / 2 - 20 * s } else { 0 };
    let points: Vec<(i32, i32)> = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| (x_of(i), y_of(b.value)))
        .collect();
    let _ = root.draw(&PathElement::new(
        points.clone(),
        rgb(p.bar).stroke_width(3 * s as u32),
    ));
    let label_style = font(13, s, false, ink, Pos::new(HPos::Center, VPos::Top));
    let value_style = font(13, s, true, ink, Pos::new(HPos::Center, VPos::Bottom));
    for (b, &(x, y)) in chart.bars.iter().zip(&points) {
        let _ = root.draw(&Circle::new((x, y), 5 * s, rgb(p.bar).filled()));
        let _ = root.draw_text(&b.label, &label_style, (x, bottom + 8 * s));
        let value = b.text.split(" · ").next().unwrap_or(&b.text);
        let _ = root.draw_text(value, &value_style, (x, y - 8 * s));
    }
    let _ = root.draw(&PathElement::new(
        vec![(x0, bottom), (x1, bottom)],
        ink.stroke_width(s as u32),
    ));
    let foot = font(12, s, false, muted, Pos::new(HPos::Left, VPos::Bottom));
    let h = chart_height(chart) as i32 * s;
    let _ = root.draw_text(&chart.source, &foot, (PAD * s, h - 8 * s));
}

/// The chart as SVG text (without accessibility attributes; see `mod.rs`).
pub(crate) fn svg(chart: &BarChart) -> String {
    register_font();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (chart.width, chart_height(chart)))
            .into_drawing_area();
        if chart.line {
            draw_line(&root, chart, 1);
        } else {
            draw(&root, chart, 1);
        }
        let _ = root.present();
    }
    round_font_sizes(&out)
}

/// plotters prints sizes like `13.000000000000002`; one decimal is plenty.
fn round_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let start = i + KEY.len();
        out.push_str(&rest[..start]);
        let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
        match rest[start..end].parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", (v * 10.0).round() / 10.0)),
            Err(_) => out.push_str(&rest[start..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Encodes an RGB buffer; deterministic for the same pixels.
pub(crate) fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header()?;
        writer.write_image_data(rgb)?;
        writer.finish()?;
    }
    Ok(bytes)
}

fn font(size: i32, s: i32, bold: bool, color: RGBColor, pos: Pos) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    // plotters writes font-size as size / 1.24 in SVG; compensate so the
    // printed size is what we ask for.
    (FAMILY, (size * s) as f64 * 1.24, style)
        .into_font()
        .color(&color)
        .pos(pos)
}

/// Truncates a label to fit `max` pixels, with an ellipsis. The longest
/// prefix that fits is found by bisection over at most `MAX_LABEL` chars
/// (no chart is that wide), so the cost stays linear in the label's length
/// however long a name is.
fn fit<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max: i32,
) -> String {
    const MAX_LABEL: usize = 400;
    let width = |t: &str| {
        root.estimate_text_size(t, style)
            .map(|(w, _)| w as i32)
            .unwrap_or(0)
    };
    let chars: Vec<char> = text.chars().take(MAX_LABEL + 1).collect();
    if chars.len() <= MAX_LABEL && width(text) <= max {
        return text.to_string();
    }
    let candidate = |n: usize| chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
    // The largest n in 0..len whose candidate fits (0 gives a lone "…").
    let (mut lo, mut hi) = (0, chars.len());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if width(&candidate(mid)) <= max {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    candidate(lo)
}

fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &BarChart, s: i32) {
    let p = &chart.palette;
    let (ink, muted) = (rgb(p.ink), rgb(p.muted));
    let _ = root.fill(&rgb(p.background));
    let w = chart.width as i32 * s;
    let left = Pos::new(HPos::Left, VPos::Center);
    let right = Pos::new(HPos::Right, VPos::Center);
    let center = Pos::new(HPos::Center, VPos::Top);

    let title = font(18, s, true, ink, Pos::new(HPos::Left, VPos::Top));
    let _ = root.draw_text(&chart.title, &title, (PAD * s, 12 * s));

    let label_style = font(14, s, false, ink, right);
    let value_style = font(14, s, true, ink, left);
    let widest_label = chart
        .bars
        .iter()
        .map(|b| {
            root.estimate_text_size(&b.label, &label_style)
                .map(|(x, _)| x as i32)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let label_w = widest_label.min(w * 36 / 100) + 10 * s;
    let widest_value = chart
        .bars
        .iter()
        .map(|b| {
            root.estimate_text_size(&b.text, &value_style)
                .map(|(x, _)| x as i32)
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let x0 = PAD * s + label_w;
    let x1 = w - PAD * s - widest_value - 8 * s;
    let top = (TITLE_H + PAD) * s;
    let max = axis_max(chart);
    let x_of = |v: u64| x0 + ((x1 - x0) as f64 * v as f64 / max as f64).round() as i32;
    let bottom = top + ROW_H * s * chart.bars.len() as i32;

    let tick_style = font(13, s, false, muted, center);
    for (value, text) in &chart.ticks {
        let x = x_of(*value);
        let _ = root.draw(&PathElement::new(
            vec![(x, top - 4 * s), (x, bottom)],
            rgb(p.grid).stroke_width(s as u32),
        ));
        let _ = root.draw_text(text, &tick_style, (x, bottom + 6 * s));
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = top + ROW_H * s * i as i32;
        let mid = y + ROW_H * s / 2;
        let label = fit(root, &bar.label, &label_style, label_w - 10 * s);
        let _ = root.draw_text(&label, &label_style, (x0 - 8 * s, mid));
        let end = x_of(bar.value).max(x0 + s);
        let bar_top = mid - BAR_H * s / 2;
        let _ = root.draw(&Rectangle::new(
            [(x0, bar_top), (end, bar_top + BAR_H * s)],
            rgb(p.bar).filled(),
        ));
        let _ = root.draw_text(&bar.text, &value_style, (end + 6 * s, mid));
    }
    let _ = root.draw(&PathElement::new(
        vec![(x0, top - 4 * s), (x0, bottom)],
        ink.stroke_width(s as u32),
    ));
    let foot = font(12, s, false, muted, Pos::new(HPos::Left, VPos::Bottom));
    let h = chart_height(chart) as i32 * s;
    let _ = root.draw_text(&chart.source, &foot, (PAD * s, h - 8 * s));
}

/// Round tick values: 0 and up to six steps of 1, 2 or 5 × 10ⁿ covering
/// `max`, the fewest whose axis ends within a quarter of `max` (an axis to
/// 15 M€ for an 11 M€ maximum leaves a third of the chart empty).
pub(crate) fn nice_ticks(max: u64) -> Vec<u64> {
    if max <= 1 {
        return vec![0, 1];
    }
    let mag = 10f64.powi((max as f64 / 4.0).log10().floor() as i32);
    let steps = [10.0, 5.0, 2.0, 1.0, 0.5, 0.2, 0.1].map(|m| (m * mag).max(1.0) as u64);
    let fits = |step: u64| {
        let n = max.div_ceil(step);
        n <= 6 && (n * step) as f64 <= max as f64 * 1.25
    };
    let step = steps
        .iter()
        .copied()
        .find(|&s| fits(s))
        .or_else(|| steps.iter().copied().find(|&s| max.div_ceil(s) <= 6))
        .unwrap_or(steps[0]);
    (0..=max.div_ceil(step)).map(|i| i * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_max() {
        assert_eq!(nice_ticks(27_250), [0, 10_000, 20_000, 30_000]);
        assert_eq!(
            nice_ticks(5_400_000_000),
            [0, 2_000_000_000, 4_000_000_000, 6_000_000_000]
        );
        assert_eq!(nice_ticks(7), [0, 2, 4, 6, 8]);
        assert_eq!(
            nice_ticks(11_000_000),
            [0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000, 12_000_000]
        );
        assert_eq!(nice_ticks(775_000_000).last(), Some(&800_000_000));
        assert_eq!(nice_ticks(0), [0, 1]);
        assert_eq!(nice_ticks(1), [0, 1]);
    }
}
