//! The site's icon when it brings none: its initials on the theme's
//! colour, as `favicon.svg` and as `favicon.ico` (one 32 px PNG inside,
//! which every current browser reads), so `/favicon.ico` is never a 404.

use super::raster;
use crate::theme::{Palette, Rgb};

/// Words an initial is never taken from (articles, prepositions).
const SMALL_WORDS: [&str; 16] = [
    "a", "à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "of", "the",
];

/// Up to two initials of the title's first significant words:
/// "Territoires d'industrie — bilan" gives "TI".
pub fn initials(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .take(2)
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Relative luminance (WCAG 2).
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// The icon: a rounded square of the bars' colour, the initials in white,
/// or in the ink colour when the bars' colour is too light for white.
pub fn svg(initials: &str, palette: &Palette) -> String {
    let white = (1.05) / (luminance(palette.bar) + 0.05);
    let text = if white >= 4.5 {
        "#ffffff".to_string()
    } else {
        palette.ink.hex()
    };
    let size = if initials.chars().count() > 1 { 30 } else { 40 };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\n<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"{bar}\"/>\n<text x=\"32\" y=\"{y}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-weight=\"bold\" font-size=\"{size}\" fill=\"{text}\">{}</text>\n</svg>\n",
        super::xml_escape(initials),
        bar = palette.bar.hex(),
        y = 32 + size * 7 / 20,
    )
}

/// `favicon.ico`: an ICO file holding one 32×32 PNG.
pub fn ico(svg: &str) -> anyhow::Result<Vec<u8>> {
    let png = raster::png(svg, raster::Fit::Scale(0.5))?;
    let mut ico = Vec::with_capacity(22 + png.len());
    // ICONDIR: reserved, type 1 (icon), one image.
    ico.extend_from_slice(&[0, 0, 1, 0, 1, 0]);
    // ICONDIRENTRY: 32×32, no palette, 1 plane, 32 bits, size, offset 22.
    ico.extend_from_slice(&[32, 32, 0, 0, 1, 0, 32, 0]);
    ico.extend_from_slice(&(png.len() as u32).to_le_bytes());
    ico.extend_from_slice(&22u32.to_le_bytes());
    ico.extend_from_slice(&png);
    Ok(ico)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_small_words_and_elisions() {
        assert_eq!(
            initials("Territoires d'industrie — bilan à trois ans"),
            "TI"
        );
        assert_eq!(initials("Le programme Action cœur de ville"), "PA");
        assert_eq!(initials("Bay Area Jobs"), "BA");
        assert_eq!(initials("élan"), "É");
        assert_eq!(initials("— —"), "");
    }

    #[test]
    fn the_ico_holds_a_32_pixel_png() {
        let ico = ico(&svg("TI", &Palette::default())).unwrap();
        assert_eq!(&ico[..6], &[0, 0, 1, 0, 1, 0]);
        assert_eq!((ico[6], ico[7]), (32, 32));
        let len = u32::from_le_bytes(ico[14..18].try_into().unwrap()) as usize;
        assert_eq!(ico.len(), 22 + len);
        assert_eq!(&ico[22..26], b"\x89PNG");
        // IHDR: width and height 32.
        assert_eq!(&ico[22 + 16..22 + 24], &[0, 0, 0, 32, 0, 0, 0, 32]);
    }

    #[test]
    fn light_colours_get_dark_initials() {
        let p = Palette {
            bar: Rgb(0xff, 0xe0, 0x80),
            ..Palette::default()
        };
        assert!(svg("TI", &p).contains(&format!("fill=\"{}\">TI", p.ink.hex())));
        assert!(svg("TI", &Palette::default()).contains("fill=\"#ffffff\">TI"));
    }
}
