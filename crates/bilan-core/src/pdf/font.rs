//! The font of the PDFs, DejaVu Sans (bundled, as for the chart PNGs): drawn
//! by krilla, measured with ttf-parser to break lines.

use std::sync::Arc;

use krilla::text::Font;

/// A font for drawing (krilla) and for measuring (ttf-parser).
pub(super) struct Face {
    pub(super) font: Font,
    data: &'static [u8],
}

impl Face {
    pub(super) fn new(data: &'static [u8]) -> anyhow::Result<Face> {
        let font = Font::new(Arc::new(data.to_vec()).into(), 0)
            .ok_or_else(|| anyhow::anyhow!("the bundled font cannot be read"))?;
        Ok(Face { font, data })
    }

    /// The width of `text` at `size`, in points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(face) = ttf_parser::Face::parse(self.data, 0) else {
            return 0.0;
        };
        let units = f32::from(face.units_per_em());
        let advance: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        advance as f32 * size / units
    }

    /// `text` without the characters the font cannot draw (an emoji in a
    /// title): PDF/UA forbids drawing a missing glyph. The web pages keep
    /// them.
    pub(super) fn drawable(&self, text: &str) -> String {
        let Ok(face) = ttf_parser::Face::parse(self.data, 0) else {
            return text.to_string();
        };
        // DejaVu Sans covers ASCII: only other characters are looked up.
        text.chars()
            .filter(|&c| c.is_ascii() || c.is_whitespace() || face.glyph_index(c).is_some())
            .collect()
    }

    /// `text` broken into lines no wider than `max`, at spaces only (the
    /// no-break spaces of French typography hold numbers together).
    pub(super) fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let text = &self.drawable(text);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) > max && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}
