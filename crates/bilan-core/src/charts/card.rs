//! Share cards (`og:image`), 1,200×630: what a post shows before anyone
//! clicks. The site's title, the page's name, one headline figure in large
//! type in the brand colour, and its context (the page's share of the
//! programme, or the other headline figures). Only real figures: never a
//! project or a company, whose figures may be illustrative.
//!
//! Drawn as text and flat rectangles at sizes that still read at the
//! 600×315 that feeds show (the smallest text, 22 px, is then 11 px).

use std::sync::OnceLock;

use super::xml_escape;
use crate::theme::Palette;

/// Width and height of a card, in pixels.
pub const SIZE: (u32, u32) = (1200, 630);

const LEFT: f32 = 72.0;
const TEXT_W: f32 = 1200.0 - LEFT - 64.0;

/// What one card says.
#[derive(Debug, Clone)]
pub struct Card {
    /// The site's title, at the top.
    pub site: String,
    /// What the page is: `Région`, `Territoire d'industrie · Bretagne`.
    pub kicker: String,
    /// The page's name, in bold (two lines at most).
    pub name: String,
    /// The headline figure: `27 250`.
    pub value: String,
    /// What it counts: `emplois créés`.
    pub label: String,
    /// Under it: the share of the programme in words, or other figures.
    pub context: String,
    /// The page's share of the programme's total, from 0 to 1, drawn as a
    /// bar under the context.
    pub share: Option<f64>,
    /// At the foot, small: where the figures come from.
    pub note: String,
    /// The theme's colours (the bar colour is the brand colour).
    pub palette: Palette,
}

/// The width of `text` in DejaVu Sans at `size` px.
fn width(text: &str, size: f32, bold: bool) -> f32 {
    static FACES: OnceLock<[Option<ttf_parser::Face<'static>>; 2]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [
            ttf_parser::Face::parse(dejavu::sans::regular(), 0).ok(),
            ttf_parser::Face::parse(dejavu::sans::bold(), 0).ok(),
        ]
    });
    let Some(face) = &faces[usize::from(bold)] else {
        // Both fonts are bundled; an estimate keeps the card drawable.
        return text.chars().count() as f32 * size * 0.6;
    };
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(u32::from(face.units_per_em()) / 2, u32::from)
        })
        .sum();
    units as f32 * size / f32::from(face.units_per_em())
}

/// `text` cut at a word, with an ellipsis, to fit `max` px.
fn fit(text: &str, size: f32, bold: bool, max: f32) -> String {
    if width(text, size, bold) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width(&format!("{next}…"), size, bold) > max {
            break;
        }
        out = next;
    }
    format!(
        "{}…",
        out.trim_end_matches([',', ';', ':', '-', '–', '—', ' '])
    )
}

/// `text` in lines of at most `max` px, at most `lines` of them, the last
/// one cut with an ellipsis if the text goes on.
fn wrap(text: &str, size: f32, bold: bool, max: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    while i < words.len() && out.len() < lines {
        let mut line = words[i].to_string();
        i += 1;
        while i < words.len() && width(&format!("{line} {}", words[i]), size, bold) <= max {
            line = format!("{line} {}", words[i]);
            i += 1;
        }
        out.push(line);
    }
    if i < words.len() {
        if let Some(last) = out.last_mut() {
            let rest = format!("{last} {}", words[i..].join(" "));
            *last = fit(&rest, size, bold, max);
        }
    }
    out.into_iter().map(|l| fit(&l, size, bold, max)).collect()
}

fn text(x: f32, y: f32, size: f32, bold: bool, fill: &str, s: &str) -> String {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"DejaVu Sans\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>\n",
        xml_escape(s)
    )
}

/// The card as SVG, 1,200×630.
pub fn svg(c: &Card) -> String {
    let p = &c.palette;
    let (bg, ink, muted, brand, track) = (
        p.background.hex(),
        p.ink.hex(),
        p.muted.hex(),
        p.bar.hex(),
        p.grid.hex(),
    );
    let (w, h) = SIZE;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>\n<rect width=\"24\" height=\"{h}\" fill=\"{brand}\"/>\n"
    );
    s.push_str(&text(
        LEFT,
        86.0,
        30.0,
        false,
        &muted,
        &fit(&c.site, 30.0, false, TEXT_W),
    ));
    s.push_str(&text(
        LEFT,
        150.0,
        30.0,
        true,
        &brand,
        &fit(&c.kicker, 30.0, true, TEXT_W),
    ));
    let name = wrap(&c.name, 60.0, true, TEXT_W, 2);
    let mut y = 224.0;
    for line in &name {
        s.push_str(&text(LEFT, y, 60.0, true, &ink, line));
        y += 70.0;
    }
    // The figure sits lower when the name takes one line only.
    let base = if name.len() > 1 { 442.0 } else { 400.0 };
    let value_w = width(&c.value, 120.0, true);
    s.push_str(&text(LEFT, base, 120.0, true, &brand, &c.value));
    let beside = LEFT + value_w + 28.0;
    if beside + width(&c.label, 40.0, false) <= LEFT + TEXT_W {
        s.push_str(&text(beside, base, 40.0, false, &ink, &c.label));
    } else {
        let label = fit(&c.label, 40.0, false, TEXT_W);
        s.push_str(&text(LEFT, base + 48.0, 40.0, false, &ink, &label));
    }
    match c.share {
        Some(share) => {
            let y = 528.0;
            s.push_str(&text(
                LEFT,
                y,
                28.0,
                false,
                &ink,
                &fit(&c.context, 28.0, false, TEXT_W),
            ));
            let filled = (TEXT_W * share.clamp(0.0, 1.0) as f32).max(4.0);
            s.push_str(&format!(
                "<rect x=\"{LEFT}\" y=\"{}\" width=\"{TEXT_W}\" height=\"14\" fill=\"{track}\"/>\n<rect x=\"{LEFT}\" y=\"{}\" width=\"{filled:.1}\" height=\"14\" fill=\"{brand}\"/>\n",
                y + 16.0,
                y + 16.0
            ));
        }
        // Without a bar, the context may take two lines (the site's
        // other headline figures).
        None => {
            for (i, line) in wrap(&c.context, 28.0, false, TEXT_W, 2).iter().enumerate() {
                s.push_str(&text(
                    LEFT,
                    512.0 + 36.0 * i as f32,
                    28.0,
                    false,
                    &ink,
                    line,
                ));
            }
        }
    }
    s.push_str(&text(
        LEFT,
        600.0,
        22.0,
        false,
        &muted,
        &fit(&c.note, 22.0, false, TEXT_W),
    ));
    s.push_str("</svg>\n");
    s
}

/// The card as PNG, from the cache when drawn before.
pub fn png(c: &Card, store: &dyn crate::cache::Store) -> anyhow::Result<Vec<u8>> {
    super::rasterised(store, &svg(c), super::raster::Fit::Scale(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(name: &str) -> Card {
        Card {
            site: "Territoires d’industrie — bilan à trois ans".into(),
            kicker: "Territoire d’industrie · Auvergne-Rhône-Alpes".into(),
            name: name.into(),
            value: "1\u{202f}234".into(),
            label: "emplois créés".into(),
            context: "4,5 % du total du programme (27\u{202f}463)".into(),
            share: Some(0.045),
            note: "Source : bilan à trois ans · répartition par projet illustrative".into(),
            palette: crate::theme::Palette::default(),
        }
    }

    #[test]
    fn a_long_name_takes_two_lines_and_ends_with_an_ellipsis() {
        let long = "Oyonnax - Bugey Sud - Plaine de l'Ain - Pays Bellegardien - Pays de Gex et bien au-delà encore des montagnes";
        let svg = svg(&card(long));
        let bold_60 = svg.matches("font-size=\"60\" font-weight=\"bold\"").count();
        assert_eq!(bold_60, 2, "{svg}");
        assert!(svg.contains("…</text>"), "{svg}");
        for line in svg.lines().filter(|l| l.contains("font-size=\"60\"")) {
            let t = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            assert!(width(t, 60.0, true) <= TEXT_W + 0.5, "{t}");
        }
    }

    #[test]
    fn the_card_is_1200_by_630_and_says_its_figure() {
        let c = card("Vallée de l'Arve");
        let png = png(&c, &crate::cache::NoCache).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let info = decoder.read_info().unwrap().info().clone();
        assert_eq!((info.width, info.height), SIZE);
        let svg = svg(&c);
        assert!(svg.contains(">1\u{202f}234</text>"));
        assert!(svg.contains(">emplois créés</text>"));
    }
}
