//! The map as SVG: inline on the home page (links into the site), as
//! files with their title, legend and credit, each region's own map, and
//! the drawing for an A4 page.

use super::Layout;
use crate::charts::xml_escape;

/// Room above a map file's drawing for its title.
const TOP: f64 = 44.0;

pub(super) fn path_data(rings: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut last: Option<(i64, i64)> = None;
        for (i, &(x, y)) in ring.iter().enumerate() {
            // Tenths of a pixel: sharp enough, and stable text for snapshots.
            let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if last == Some(p) {
                continue;
            }
            let cmd = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!(
                "{cmd}{:.1} {:.1}",
                p.0 as f64 / 10.0,
                p.1 as f64 / 10.0
            ));
            last = Some(p);
        }
        d.push('Z');
    }
    d
}

/// The map as SVG. `root` prefixes every link (`""` inline on the home page,
/// `"../"` for `charts/carte.svg`). Territories are links with their names as
/// accessible labels, so the root is not `role="img"`.
pub fn svg(layout: &Layout, root: &str, id: &str, title: &str, desc: &str) -> String {
    svg_of(layout, Some(root), id, (title, desc), None, None)
}

/// Five classes of a sequential blue scale (ColorBrewer "Blues"), told apart
/// by lightness alone, so colour-blind readers see the order too.
pub const SCALE: [&str; 5] = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

/// The map with each territory filled by `paint` (colour, accessible name),
/// keyed by the place's key; the others keep the land colour.
pub fn painted_svg(
    layout: &Layout,
    root: &str,
    id: &str,
    title: &str,
    desc: &str,
    paint: &std::collections::BTreeMap<String, (String, String)>,
) -> String {
    let mut s = svg_of(layout, Some(root), id, (title, desc), None, None);
    for (p, _) in &layout.territories {
        let Some((colour, label)) = paint.get(&p.key) else {
            continue;
        };
        let name = xml_escape(&p.name);
        let old = format!("aria-label=\"{name}\"><title>{name}</title><path ");
        let new = format!(
            "aria-label=\"{label}\"><title>{label}</title><path fill=\"{colour}\" ",
            label = xml_escape(label)
        );
        s = s.replacen(&old, &new, 1);
    }
    s
}

/// What a map visual says around the drawing: its title, its legend (the
/// highlighted territories, then the others) and its source and credit.
pub struct MapText {
    /// Shown at the top.
    pub title: String,
    /// Legend labels: highlighted territories, then (region maps) the others.
    pub legend: Vec<String>,
    /// Source and credit, at the foot.
    pub credit: String,
}

/// The map as a file: `root` for links into the site (`charts/carte.svg`),
/// `None` for a standalone file (the zip), whose links would point nowhere;
/// with its title, legend, source and credit drawn in.
pub fn file_svg(
    layout: &Layout,
    root: Option<&str>,
    id: &str,
    desc: &str,
    text: &MapText,
) -> String {
    svg_of(layout, root, id, (&text.title, desc), None, Some(text))
}

/// The map of one region's territories, highlighted among the others, for
/// its regional kit: a standalone file, without links.
pub fn region_svg(layout: &Layout, region: &str, id: &str, desc: &str, text: &MapText) -> String {
    svg_of(
        layout,
        None,
        id,
        (&text.title, desc),
        Some(region),
        Some(text),
    )
}

impl MapText {
    /// The source and credit, wrapped to the map's width (about 130
    /// characters of 12 px text in 960 units).
    fn credit_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in self.credit.split(' ') {
            match lines.last_mut() {
                Some(l) if l.chars().count() + word.chars().count() < 130 => {
                    l.push(' ');
                    l.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        lines
    }

    /// Height under the map: legend, then the credit lines.
    fn foot(&self) -> f64 {
        48.0 + 16.0 * self.credit_lines().len() as f64
    }
}

/// The map: with links from `root` when it is part of the site, without
/// when it travels alone; `region`'s territories highlighted when given.
fn svg_of(
    layout: &Layout,
    root: Option<&str>,
    id: &str,
    (title, desc): (&str, &str),
    region: Option<&str>,
    text: Option<&MapText>,
) -> String {
    svg_sized(layout, root, id, (title, desc), region, (text, 12.0))
}

/// The map for an A4 page (PDFs): no title, legend or credit, which the
/// page gives in words, and inset names in 17 px text, so that they print
/// at 8 pt or more on the 483 pt text width.
pub fn paper_svg(
    layout: &Layout,
    region: Option<&str>,
    id: &str,
    title: &str,
    desc: &str,
) -> String {
    svg_sized(layout, None, id, (title, desc), region, (None, 17.0))
}

fn svg_sized(
    layout: &Layout,
    root: Option<&str>,
    id: &str,
    (title, desc): (&str, &str),
    region: Option<&str>,
    (text, label_size): (Option<&MapText>, f64),
) -> String {
    let p = &layout.palette;
    let (bg, ink, land, border, bar) = (
        p.background.hex(),
        p.ink.hex(),
        p.land.hex(),
        p.border.hex(),
        p.bar.hex(),
    );
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>\n",
        xml_escape(title),
        xml_escape(desc),
        w = layout.width,
        h = layout.height + text.map_or(0.0, |t| TOP + t.foot()),
    );
    if let Some(t) = text {
        s.push_str(&map_text(t, layout.height, p));
        s.push_str(&format!("<g transform=\"translate(0 {TOP})\">\n"));
    }
    for (f, name) in &layout.frames {
        s.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{border}\"/>\n<text class=\"inset-label\" x=\"{}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"{label_size}\" fill=\"{ink}\">{}</text>\n",
            f.0, f.1, f.2 - f.0, f.3 - f.1, f.0 + 6.0, f.1 + 3.0 + label_size, xml_escape(name)
        ));
    }
    s.push_str(&format!(
        "<g fill=\"{land}\" stroke=\"{border}\" stroke-width=\"0.6\" fill-rule=\"evenodd\">\n"
    ));
    for r in &layout.regions {
        s.push_str(&format!("<path d=\"{}\"/>\n", path_data(r)));
    }
    s.push_str(&format!("</g>\n<g class=\"territories\" fill=\"{bar}\" stroke=\"{bg}\" stroke-width=\"0.5\" fill-rule=\"evenodd\">\n"));
    for (p, rings) in &layout.territories {
        let name = xml_escape(&p.name);
        let dim = region.is_some_and(|r| r != p.region);
        let fill = if dim {
            format!(" fill=\"{border}\" fill-opacity=\"0.35\"")
        } else {
            String::new()
        };
        match root {
            Some(root) => s.push_str(&format!("<a href=\"{root}{}\" aria-label=\"{name}\"><title>{name}</title><path d=\"{}\"{fill}/></a>\n", xml_escape(&p.href), path_data(rings))),
            None => s.push_str(&format!("<path d=\"{}\"{fill}><title>{name}</title></path>\n", path_data(rings))),
        }
    }
    s.push_str("</g>\n");
    if text.is_some() {
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// A map drawn for the home page (plain or coloured) as a picture: the
/// same shapes and colours without links, names or inset labels. Phones
/// show it beside the list of territories by region, since a territory on
/// a 350 px map is a target of a few pixels (WCAG 2.5.8 asks for 24).
pub fn picture(inline: &str) -> String {
    let mut s = String::with_capacity(inline.len());
    for line in inline.lines() {
        if line.starts_with("<text class=\"inset-label\"") {
            continue;
        }
        let shape = line
            .strip_prefix("<a ")
            .and_then(|l| l.find("<path ").map(|i| &l[i..]))
            .and_then(|l| l.find("/>").map(|j| &l[..j + 2]));
        s.push_str(shape.unwrap_or(line));
        s.push('\n');
    }
    s
}

/// Title at the top; legend, source and credit at the foot.
fn map_text(t: &MapText, map_h: f64, p: &crate::theme::Palette) -> String {
    let (ink, muted, bar, border) = (p.ink.hex(), p.muted.hex(), p.bar.hex(), p.border.hex());
    let mut s = format!(
        "<text x=\"16\" y=\"30\" font-family=\"sans-serif\" font-size=\"20\" font-weight=\"bold\" fill=\"{ink}\">{}</text>\n",
        xml_escape(&t.title)
    );
    let y = TOP + map_h + 18.0;
    let mut x = 16.0;
    for (i, label) in t.legend.iter().enumerate() {
        let swatch = if i == 0 {
            format!("fill=\"{bar}\"")
        } else {
            format!("fill=\"{border}\" fill-opacity=\"0.35\"")
        };
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"16\" height=\"16\" {swatch}/>\n<text x=\"{}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"14\" fill=\"{ink}\">{}</text>\n",
            x + 22.0,
            y + 13.0,
            xml_escape(label)
        ));
        x += 60.0 + 8.0 * label.chars().count() as f64;
    }
    for (i, line) in t.credit_lines().iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"16\" y=\"{}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"{muted}\">{}</text>\n",
            y + 44.0 + 16.0 * i as f64,
            xml_escape(line)
        ));
    }
    s
}
