//! PNG from SVG: one drawing, two encodings, so the PNG shows exactly what
//! the SVG says, with kerned text in the bundled DejaVu Sans (no system font
//! is ever read). A flat SVG, a bar chart, is painted directly
//! ([`super::flat_svg`]); anything else goes through resvg, the reference
//! renderer the direct drawing is tested against.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

/// DejaVu Sans, regular and bold, as the only fonts.
pub(crate) fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(dejavu::sans::regular().to_vec());
        db.load_font_data(dejavu::sans::bold().to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// How the drawing fills the picture.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fit {
    /// `scale` times the SVG's own size (print PNGs).
    Scale(f32),
    /// Centred in a `w`×`h` canvas with a margin (social cards, 1200×630).
    Canvas(u32, u32),
}

/// Print PNGs: twice the SVG's size (1,920 px wide for a chart).
pub(crate) const PRINT: Fit = Fit::Scale(super::draw::PNG_SCALE as f32);
/// Social cards, also the download of region and territory charts.
pub(crate) const CARD: Fit = Fit::Canvas(1200, 630);

/// (scale, dx, dy) of a `drawing` centred in a `canvas` with a margin.
pub(crate) fn canvas_place((sw, sh): (f32, f32), (w, h): (u32, u32)) -> (f32, f32, f32) {
    let margin = 24.0;
    let s = ((w as f32 - 2.0 * margin) / sw).min((h as f32 - 2.0 * margin) / sh);
    (s, (w as f32 - sw * s) / 2.0, (h as f32 - sh * s) / 2.0)
}

/// `svg` on a white background as PNG: drawn directly when it is flat (a
/// bar chart, [`super::flat_svg`]), through resvg otherwise.
pub(crate) fn png(svg: &str, fit: Fit) -> anyhow::Result<Vec<u8>> {
    // A flat picture may still need more than 256 colours: resvg then.
    match super::flat_svg::png(svg, fit) {
        Some(Ok(drawn)) => Ok(drawn),
        _ => through_resvg(svg, fit),
    }
}

/// Rasterises `svg` with resvg on a white background and encodes it as PNG.
pub(crate) fn through_resvg(svg: &str, fit: Fit) -> anyhow::Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let (sw, sh) = (tree.size().width(), tree.size().height());
    let (w, h, transform) = match fit {
        Fit::Scale(s) => (
            (sw * s).ceil() as u32,
            (sh * s).ceil() as u32,
            Transform::from_scale(s, s),
        ),
        Fit::Canvas(w, h) => {
            let (s, dx, dy) = canvas_place((sw, sh), (w, h));
            (w, h, Transform::from_row(s, 0.0, 0.0, s, dx, dy))
        }
    };
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| anyhow::anyhow!("the picture has no size"))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // Opaque on white: RGB is enough, and smaller.
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for p in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&p[..3]);
    }
    super::draw::encode_png(&rgb, pixmap.width(), pixmap.height())
        .map_err(|e| anyhow::anyhow!("{e}"))
}
