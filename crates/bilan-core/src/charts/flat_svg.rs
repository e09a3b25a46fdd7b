//! A bar chart's SVG read back as flat marks, so its PNG is drawn straight
//! into pixels ([`super::paint`]) instead of through resvg (a cold build of
//! 1,460 territories went from 11.2 s to 3.3 s). Only the vocabulary the
//! bar charts use is read (rectangles, straight horizontal or vertical
//! lines, one-line text in DejaVu Sans, opaque colours); anything else, a
//! map for one, gives `None` and the caller draws the SVG through resvg.
//! Either way the PNG shows what the SVG says (a test compares the two on
//! the default site's charts).

use roxmltree::Node;

use super::paint::Mark;
use super::raster::Fit;
use crate::theme::Rgb;

/// The PNG of `svg` fitted by `fit` when it is flat, as the bytes.
pub(crate) fn png(svg: &str, fit: Fit) -> Option<anyhow::Result<Vec<u8>>> {
    let (marks, size) = marks(svg, fit)?;
    Some(super::paint::draw(&marks, size))
}

/// Where the drawing goes in the picture: `scale` then `shift`.
#[derive(Clone, Copy)]
struct Place {
    scale: f32,
    dx: f32,
    dy: f32,
}

impl Place {
    fn x(self, x: f32) -> f32 {
        x * self.scale + self.dx
    }
    fn y(self, y: f32) -> f32 {
        y * self.scale + self.dy
    }
}

/// The marks of `svg` in a picture fitted as `fit` (as
/// [`super::raster::png`] places it) and the picture's size.
fn marks(svg: &str, fit: Fit) -> Option<(Vec<Mark>, (u32, u32))> {
    let doc = roxmltree::Document::parse(svg).ok()?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" || !only(root, &["width", "height", "viewBox"]) {
        return None;
    }
    let (sw, sh) = (
        number(root.attribute("width")?)?,
        number(root.attribute("height")?)?,
    );
    if let Some(v) = root.attribute("viewBox") {
        let v: Vec<f32> = v.split_whitespace().map(number).collect::<Option<_>>()?;
        if v != [0.0, 0.0, sw, sh] {
            return None;
        }
    }
    let (size, place) = match fit {
        Fit::Scale(s) => (
            ((sw * s).ceil() as u32, (sh * s).ceil() as u32),
            Place {
                scale: s,
                dx: 0.0,
                dy: 0.0,
            },
        ),
        Fit::Canvas(w, h) => {
            let (s, dx, dy) = super::raster::canvas_place((sw, sh), (w, h));
            ((w, h), Place { scale: s, dx, dy })
        }
    };
    let white = Rgb(255, 255, 255);
    let mut out = vec![Mark::Rect {
        x: 0.0,
        y: 0.0,
        w: size.0 as f32,
        h: size.1 as f32,
        colour: white,
    }];
    for node in root.children() {
        if node.is_text() {
            if node.text().is_some_and(|t| t.trim().is_empty()) {
                continue;
            }
            return None;
        }
        match node.tag_name().name() {
            "title" | "desc" => {}
            "rect" => out.push(rect(node, place)?),
            "polyline" => out.extend(polyline(node, place)?),
            "text" => out.push(text(node, place)?),
            _ => return None,
        }
    }
    Some((out, size))
}

/// Presentation attributes that every mark may carry with their plain
/// value: anything else changes the drawing.
fn plain(node: Node<'_, '_>) -> bool {
    let is = |name: &str, ok: &[&str]| node.attribute(name).is_none_or(|v| ok.contains(&v));
    is("opacity", &["1"]) && is("fill-opacity", &["1"]) && is("stroke-opacity", &["1"])
}

/// Whether `node` has no attribute outside `allowed` (and the plain or
/// descriptive ones), none in a namespace (`xml:space` changes white space).
fn only(node: Node<'_, '_>, allowed: &[&str]) -> bool {
    const HARMLESS: [&str; 6] = [
        "opacity",
        "fill-opacity",
        "stroke-opacity",
        "id",
        "role",
        "aria-labelledby",
    ];
    node.attributes().all(|a| {
        a.namespace().is_none() && (allowed.contains(&a.name()) || HARMLESS.contains(&a.name()))
    }) && plain(node)
}

fn number(s: &str) -> Option<f32> {
    let s = s.trim();
    let s = s.strip_suffix("px").unwrap_or(s);
    s.parse::<f32>().ok().filter(|v| v.is_finite())
}

fn colour(s: &str) -> Option<Rgb> {
    let hex = s.strip_prefix('#').filter(|h| h.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

fn attr(node: Node<'_, '_>, name: &str) -> Option<f32> {
    number(node.attribute(name)?)
}

fn rect(node: Node<'_, '_>, p: Place) -> Option<Mark> {
    let allowed = ["x", "y", "width", "height", "fill", "stroke"];
    if !only(node, &allowed) || node.attribute("stroke").is_some_and(|s| s != "none") {
        return None;
    }
    let (x, y) = (
        attr(node, "x").unwrap_or(0.0),
        attr(node, "y").unwrap_or(0.0),
    );
    let (w, h) = (attr(node, "width")?, attr(node, "height")?);
    Some(Mark::Rect {
        x: p.x(x),
        y: p.y(y),
        w: w * p.scale,
        h: h * p.scale,
        colour: colour(node.attribute("fill")?)?,
    })
}

/// A line of horizontal and vertical segments, as one rectangle each (a
/// line `stroke-width` wide centred on the segment, butt ends).
fn polyline(node: Node<'_, '_>, p: Place) -> Option<Vec<Mark>> {
    let allowed = ["fill", "stroke", "stroke-width", "points"];
    if !only(node, &allowed) || node.attribute("fill") != Some("none") {
        return None;
    }
    let ink = colour(node.attribute("stroke")?)?;
    let half = attr(node, "stroke-width").unwrap_or(1.0) / 2.0;
    let numbers: Vec<f32> = (node.attribute("points")?)
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(number)
        .collect::<Option<_>>()?;
    if numbers.len() < 4 || !numbers.len().is_multiple_of(2) {
        return None;
    }
    let points: Vec<(f32, f32)> = numbers.chunks(2).map(|c| (c[0], c[1])).collect();
    let mut out = Vec::new();
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let (left, top, right, bottom) = if x0 == x1 {
            (x0 - half, y0.min(y1), x0 + half, y0.max(y1))
        } else if y0 == y1 {
            (x0.min(x1), y0 - half, x0.max(x1), y0 + half)
        } else {
            return None;
        };
        out.push(Mark::Rect {
            x: p.x(left),
            y: p.y(top),
            w: (right - left) * p.scale,
            h: (bottom - top) * p.scale,
            colour: ink,
        });
    }
    Some(out)
}

fn text(node: Node<'_, '_>, p: Place) -> Option<Mark> {
    let allowed = [
        "x",
        "y",
        "dy",
        "text-anchor",
        "font-family",
        "font-size",
        "font-weight",
        "fill",
        "class",
    ];
    let family = node.attribute("font-family").unwrap_or("sans-serif");
    if !only(node, &allowed) || !["sans-serif", "DejaVu Sans"].contains(&family) {
        return None;
    }
    let mut children = node.children();
    let content = children.next().filter(|c| c.is_text())?.text()?;
    if children.next().is_some() {
        return None;
    }
    // SVG's default white space: line breaks go, tabs become spaces, runs
    // of spaces become one, and the ends are trimmed.
    let flat: String = content
        .chars()
        .filter(|c| !matches!(c, '\n' | '\r'))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let line = flat
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let size = attr(node, "font-size").unwrap_or(16.0);
    let bold = match node.attribute("font-weight") {
        None | Some("normal" | "400") => false,
        Some("bold" | "700") => true,
        Some(_) => return None,
    };
    if line.chars().any(|c| !super::paint::has_glyph(c, bold)) {
        return None;
    }
    let shift = match node.attribute("dy") {
        None => 0.0,
        Some(d) if d.ends_with("em") => number(d.strip_suffix("em")?)? * size,
        Some(d) if d.ends_with("ex") => number(d.strip_suffix("ex")?)? * size / 2.0,
        Some(d) => number(d)?,
    };
    let width = super::paint::text_width(&line, size, bold);
    let x = attr(node, "x").unwrap_or(0.0);
    let start = match node.attribute("text-anchor") {
        None | Some("start") => x,
        Some("middle") => x - width / 2.0,
        Some("end") => x - width,
        Some(_) => return None,
    };
    Some(Mark::Text {
        x: p.x(start),
        y: p.y(attr(node, "y").unwrap_or(0.0) + shift),
        size: size * p.scale,
        bold,
        colour: colour(node.attribute("fill").unwrap_or("#000000"))?,
        text: line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::paint::compare::alike;
    use crate::charts::raster::{through_resvg, CARD, PRINT};
    use crate::diag::Diagnostics;

    fn default_site() -> crate::content::Content {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut d = Diagnostics::default();
        crate::content::load(root, &mut d).unwrap().unwrap()
    }

    /// Every bar chart of the default site is flat, and its PNG drawn
    /// directly shows what resvg draws: the programme's at print size and
    /// as cards, one region chart in four and one territory chart in ten
    /// as cards (all of them take 80 s unoptimised; they are drawn alike).
    #[test]
    fn every_bar_chart_of_the_default_site_is_drawn_as_resvg_draws_it() {
        let content = default_site();
        let agg = crate::aggregate::aggregate(&content.territories, content.metrics.len());
        let t = crate::i18n::Labels::new(content.site.language);
        let palette = crate::theme::Palette::default();
        let store = crate::cache::Deferred(&crate::cache::NoCache);
        let (set, _) = crate::charts::all(&content, &agg, &t, palette, &store, None);
        let mut charts: Vec<(String, String, Fit)> = Vec::new();
        for c in &set.programme {
            charts.push((c.name.clone(), c.svg.clone(), PRINT));
            charts.push((c.name.clone(), c.svg.clone(), CARD));
        }
        for (i, c) in set.regions.values().flatten().enumerate() {
            assert!(marks(&c.svg, CARD).is_some(), "{} is not flat", c.name);
            if i % 4 == 0 {
                charts.push((c.name.clone(), c.svg.clone(), CARD));
            }
        }
        let st = crate::charts::bars::Style::new(&content, &t, palette);
        for (i, f) in content.territories.iter().enumerate() {
            for c in crate::charts::bars::territory(&content, f, &st, Some(&store)).unwrap() {
                assert!(marks(&c.svg, CARD).is_some(), "{} is not flat", c.name);
                if i % 10 == 0 {
                    charts.push((c.name.clone(), c.svg.clone(), CARD));
                }
            }
        }
        assert!(charts.len() > 25, "{} charts", charts.len());
        for (name, svg, fit) in &charts {
            let direct = png(svg, *fit).unwrap_or_else(|| panic!("{name} is not flat"));
            alike(&direct.unwrap(), &through_resvg(svg, *fit).unwrap(), name);
        }
    }

    #[test]
    fn anything_but_flat_marks_is_left_to_resvg() {
        let wrap = |inner: &str| {
            format!(
                "<svg width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" \
                 xmlns=\"http://www.w3.org/2000/svg\">{inner}</svg>"
            )
        };
        let flat = wrap("<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"#102030\"/>");
        assert!(marks(&flat, PRINT).is_some());
        for other in [
            "<path d=\"M0 0L10 10\"/>",
            "<rect width=\"3\" height=\"4\" fill=\"#102030\" opacity=\"0.5\"/>",
            "<rect width=\"3\" height=\"4\" fill=\"red\"/>",
            "<rect width=\"3\" height=\"4\" fill=\"#102030\" transform=\"rotate(3)\"/>",
            "<polyline fill=\"none\" stroke=\"#000000\" points=\"0,0 10,10\"/>",
            "<text x=\"1\" y=\"2\" font-family=\"serif\">a</text>",
            "<text x=\"1\" y=\"2\">a<tspan>b</tspan></text>",
            "<text x=\"1\" y=\"2\" xml:space=\"preserve\">a  b</text>",
            "<text x=\"1\" y=\"2\">漢</text>",
            "<g><rect width=\"3\" height=\"4\" fill=\"#102030\"/></g>",
        ] {
            assert!(marks(&wrap(other), PRINT).is_none(), "{other}");
        }
        let other_view = flat.replace("0 0 100 50", "0 0 50 25");
        assert!(marks(&other_view, PRINT).is_none());
    }

    /// Twenty text colours need 300 palette entries: the flat drawing
    /// refuses, and the picture is drawn through resvg instead of failing.
    #[test]
    fn a_flat_picture_with_too_many_colours_goes_through_resvg() {
        let texts: String = (0..20)
            .map(|i| {
                format!(
                    "<text x=\"2\" y=\"{}\" font-size=\"9\" fill=\"#{:02X}2040\">Ligne {i}</text>",
                    10 * i + 10,
                    i * 12
                )
            })
            .collect();
        let svg = format!(
            "<svg width=\"100\" height=\"220\" xmlns=\"http://www.w3.org/2000/svg\">{texts}</svg>"
        );
        assert!(marks(&svg, PRINT).is_some());
        assert!(png(&svg, PRINT).unwrap().is_err());
        let drawn = crate::charts::raster::png(&svg, PRINT).unwrap();
        assert_eq!(drawn, through_resvg(&svg, PRINT).unwrap());
    }

    #[test]
    fn text_is_placed_and_spaced_as_svg_says() {
        let svg = "<svg width=\"200\" height=\"50\" xmlns=\"http://www.w3.org/2000/svg\">\
                   <text x=\"100\" y=\"10\" dy=\"0.5ex\" text-anchor=\"end\" font-size=\"20\" \
                   fill=\"#1E1E1E\" font-weight=\"bold\">\n  A &amp;\tB  \n</text></svg>";
        let (marks, size) = marks(svg, Fit::Scale(2.0)).unwrap();
        assert_eq!(size, (400, 100));
        let Mark::Text {
            x,
            y,
            size,
            bold,
            text,
            ..
        } = &marks[1]
        else {
            panic!("{marks:?}")
        };
        assert_eq!(text, "A & B");
        assert!(*bold);
        assert_eq!(*size, 40.0);
        assert_eq!(*y, 2.0 * (10.0 + 5.0));
        let width = crate::charts::paint::text_width("A & B", 20.0, true);
        assert!((x - 2.0 * (100.0 - width)).abs() < 1e-3);
    }
}
