//! The map of territories, drawn from outlines that come with the content
//! (GeoJSON, WGS84). Nothing here knows about France: the main cluster of
//! regions is drawn with an equirectangular projection corrected by the cosine
//! of its latitude, and regions far from it (overseas) get insets.

use serde_json::Value;

use super::xml_escape;
use crate::tr;

mod svg;
use svg::path_data;
pub use svg::{file_svg, painted_svg, paper_svg, picture, region_svg, svg, MapText, SCALE};

/// One outline: rings of (longitude, latitude), holes included.
#[derive(Debug, Clone)]
pub struct Feature {
    /// The value of the key property, as text.
    pub key: String,
    /// Rings of points.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A territory to draw: its outline key, name and page.
#[derive(Debug, Clone)]
pub struct Place {
    /// Matched against the outlines' key property.
    pub key: String,
    /// Accessible label.
    pub name: String,
    /// Site-relative page.
    pub href: String,
    /// Its region's code.
    pub region: String,
}

/// Reads the features of a GeoJSON FeatureCollection, keyed by `key`.
pub fn parse(text: &str, key: &str) -> anyhow::Result<Vec<Feature>> {
    let doc: Value = serde_json::from_str(text)
        .map_err(|e| anyhow::anyhow!("{}", tr!("geojson-invalid", error = e.to_string())))?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| anyhow::anyhow!("{}", tr!("geojson-no-features")))?;
    let mut out = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let props = f.get("properties").and_then(Value::as_object);
        let Some(k) = props.and_then(|p| p.get(key)) else {
            anyhow::bail!("{}", tr!("geojson-no-key", feature = i + 1, key = key));
        };
        let k = match k {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let geometry = f
            .get("geometry")
            .ok_or_else(|| anyhow::anyhow!("{}", tr!("geojson-no-geometry", feature = &k)))?;
        let coords = geometry
            .get("coordinates")
            .ok_or_else(|| anyhow::anyhow!("{}", tr!("geojson-no-coordinates", feature = &k)))?;
        let polygons: Vec<&Value> = match geometry.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![coords],
            Some("MultiPolygon") => coords
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            other => {
                anyhow::bail!(
                    "{}",
                    tr!(
                        "geojson-geometry",
                        feature = &k,
                        geometry = format!("{other:?}")
                    )
                )
            }
        };
        let mut rings = Vec::new();
        for poly in polygons {
            for ring in poly.as_array().into_iter().flatten() {
                let pts: Vec<(f64, f64)> = ring
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                    .collect();
                if pts.len() >= 3 {
                    rings.push(pts);
                }
            }
        }
        out.push(Feature { key: k, rings });
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy)]
struct BBox {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl BBox {
    fn of<'a>(rings: impl IntoIterator<Item = &'a Vec<(f64, f64)>>) -> Option<BBox> {
        let mut b: Option<BBox> = None;
        for &(x, y) in rings.into_iter().flatten() {
            let nb = b.get_or_insert(BBox {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            });
            nb.x0 = nb.x0.min(x);
            nb.y0 = nb.y0.min(y);
            nb.x1 = nb.x1.max(x);
            nb.y1 = nb.y1.max(y);
        }
        b
    }
    fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x0 - 0.5 && x <= self.x1 + 0.5 && y >= self.y0 - 0.5 && y <= self.y1 + 0.5
    }
}

/// Lon/lat → pixels for one panel (the main map or an inset).
#[derive(Debug, Clone, Copy)]
struct Panel {
    geo: BBox,
    kx: f64,
    scale: f64,
    ox: f64,
    oy: f64,
}

impl Panel {
    fn fit(geo: BBox, px: (f64, f64, f64, f64)) -> Panel {
        let kx = geo.center().1.to_radians().cos().max(0.2);
        let (w, h) = ((geo.x1 - geo.x0) * kx, geo.y1 - geo.y0);
        let scale = ((px.2 - px.0) / w.max(1e-9)).min((px.3 - px.1) / h.max(1e-9));
        let ox = px.0 + ((px.2 - px.0) - w * scale) / 2.0;
        let oy = px.1 + ((px.3 - px.1) - h * scale) / 2.0;
        Panel {
            geo,
            kx,
            scale,
            ox,
            oy,
        }
    }
    fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        (
            self.ox + (lon - self.geo.x0) * self.kx * self.scale,
            self.oy + (self.geo.y1 - lat) * self.scale,
        )
    }
}

/// A small map of one region with one territory highlighted, for the
/// territory's page: the region's outline, its programme territories in
/// grey, the territory in the bar colour. No text, so it reads at any size.
pub fn locator(
    region: Option<&Feature>,
    members: &[&Feature],
    highlight: &Feature,
    palette: &crate::theme::Palette,
    label: &str,
) -> Option<String> {
    let mut all: Vec<&Vec<(f64, f64)>> = members.iter().flat_map(|f| f.rings.iter()).collect();
    if let Some(r) = region {
        all.extend(r.rings.iter());
    }
    all.extend(highlight.rings.iter());
    let geo = BBox::of(all)?;
    let size = 240.0;
    let panel = Panel::fit(geo, (4.0, 4.0, size - 4.0, size - 4.0));
    let project = |rings: &Vec<Vec<(f64, f64)>>| -> Vec<Vec<(f64, f64)>> {
        rings
            .iter()
            .map(|r| r.iter().map(|&pt| panel.project(pt)).collect())
            .collect()
    };
    let (land, border, bar, bg) = (
        palette.land.hex(),
        palette.border.hex(),
        palette.bar.hex(),
        palette.background.hex(),
    );
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"locator\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\">\n",
        xml_escape(label)
    );
    if let Some(r) = region {
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"{land}\" stroke=\"{border}\" stroke-width=\"1\" fill-rule=\"evenodd\"/>\n",
            path_data(&project(&r.rings))
        ));
    }
    for f in members {
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"{border}\" fill-opacity=\"0.35\" stroke=\"{bg}\" stroke-width=\"0.5\" fill-rule=\"evenodd\"/>\n",
            path_data(&project(&f.rings))
        ));
    }
    s.push_str(&format!(
        "<path d=\"{}\" fill=\"{bar}\" stroke=\"{bg}\" stroke-width=\"0.5\" fill-rule=\"evenodd\"/>\n</svg>\n",
        path_data(&project(&highlight.rings))
    ));
    Some(s)
}

/// Rings of projected points (pixels).
type Shape = Vec<Vec<(f64, f64)>>;

/// The laid-out map: projected shapes, ready for SVG or PNG.
#[derive(Debug, Clone)]
pub struct Layout {
    width: f64,
    height: f64,
    regions: Vec<Shape>,
    territories: Vec<(Place, Shape)>,
    frames: Vec<((f64, f64, f64, f64), String)>,
    palette: crate::theme::Palette,
}

impl Layout {
    /// The names of the inset frames, top to bottom.
    pub fn insets(&self) -> Vec<String> {
        self.frames.iter().map(|(_, name)| name.clone()).collect()
    }
}

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 820.0;
const INSET_W: f64 = 150.0;

/// Lays out the map. Returns the layout and the places that have no outline.
pub fn layout(
    regions: &[Feature],
    outlines: &[Feature],
    places: &[Place],
    region_name: &dyn Fn(&str) -> Option<String>,
    palette: crate::theme::Palette,
) -> (Layout, Vec<Place>) {
    // Regions far from the median centre are drawn in insets.
    let centers: Vec<(f64, f64)> = regions
        .iter()
        .filter_map(|f| BBox::of(&f.rings))
        .map(|b| b.center())
        .collect();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let mid = (
        median(centers.iter().map(|c| c.0).collect()),
        median(centers.iter().map(|c| c.1).collect()),
    );
    let remote = |b: &BBox| {
        let (x, y) = b.center();
        ((x - mid.0).powi(2) + (y - mid.1).powi(2)).sqrt() > 15.0
    };
    let mut main_boxes = Vec::new();
    let mut insets: Vec<BBox> = Vec::new();
    let mut inset_names: Vec<(BBox, String)> = Vec::new();
    for f in regions {
        if let Some(b) = BBox::of(&f.rings) {
            if remote(&b) {
                insets.push(b);
                inset_names.push((b, region_name(&f.key).unwrap_or_else(|| f.key.clone())));
            } else {
                main_boxes.push(b);
            }
        }
    }
    let shapes: Vec<(&Place, &Feature)> = places
        .iter()
        .filter_map(|p| outlines.iter().find(|o| o.key == p.key).map(|o| (p, o)))
        .collect();
    let missing: Vec<Place> = places
        .iter()
        .filter(|p| !outlines.iter().any(|o| o.key == p.key))
        .cloned()
        .collect();
    // Without region outlines, frame the territories themselves.
    if main_boxes.is_empty() {
        main_boxes.extend(shapes.iter().filter_map(|(_, f)| BBox::of(&f.rings)));
    }
    let main_geo = BBox::of(
        main_boxes
            .iter()
            .map(|b| vec![(b.x0, b.y0), (b.x1, b.y1)])
            .collect::<Vec<_>>()
            .iter(),
    )
    .unwrap_or(BBox {
        x0: 0.0,
        y0: 0.0,
        x1: 1.0,
        y1: 1.0,
    });
    // North to south, so the column of insets reads like a map.
    inset_names.sort_by(|a, b| a.0.center().1.total_cmp(&b.0.center().1).reverse());
    let insets: Vec<BBox> = inset_names.iter().map(|(b, _)| *b).collect();
    let left = if insets.is_empty() {
        10.0
    } else {
        INSET_W + 30.0
    };
    let main = Panel::fit(main_geo, (left, 10.0, WIDTH - 10.0, HEIGHT - 10.0));
    let slot_h = if insets.is_empty() {
        0.0
    } else {
        ((HEIGHT - 20.0) / insets.len() as f64).min(160.0)
    };
    let mut frames = Vec::new();
    let inset_panels: Vec<Panel> = insets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = 10.0 + i as f64 * slot_h;
            let frame = (10.0, y, 10.0 + INSET_W, y + slot_h - 10.0);
            frames.push((frame, inset_names[i].1.clone()));
            Panel::fit(
                *b,
                (frame.0 + 6.0, frame.1 + 20.0, frame.2 - 6.0, frame.3 - 6.0),
            )
        })
        .collect();
    let panel_for = |rings: &Vec<Vec<(f64, f64)>>| {
        BBox::of(rings)
            .and_then(|b| insets.iter().position(|i| i.contains(b.center())))
            .map_or(main, |i| inset_panels[i])
    };
    let project = |rings: &Vec<Vec<(f64, f64)>>| {
        let p = panel_for(rings);
        rings
            .iter()
            .map(|r| r.iter().map(|&pt| p.project(pt)).collect())
            .collect()
    };
    let layout = Layout {
        width: WIDTH,
        height: HEIGHT,
        regions: regions.iter().map(|f| project(&f.rings)).collect(),
        territories: shapes
            .into_iter()
            .map(|(p, f)| (p.clone(), project(&f.rings)))
            .collect(),
        frames,
        palette,
    };
    (layout, missing)
}

/// One region's own map: the region filling the frame, its programme
/// territories, and the neighbours that cross the frame, with no overseas
/// insets. What lies outside the frame is cut by the SVG's own viewport
/// (browsers, resvg and krilla all clip to it): a clip path cost 3.6 s of
/// rasterising on the default site. `None` when nothing of the
/// region has an outline.
pub fn region_layout(
    regions: &[Feature],
    outlines: &[Feature],
    places: &[Place],
    code: &str,
    palette: crate::theme::Palette,
) -> Option<Layout> {
    let shape = |p: &Place| outlines.iter().find(|o| o.key == p.key);
    let own = regions.iter().find(|f| f.key == code);
    let mut rings: Vec<&Vec<(f64, f64)>> = places
        .iter()
        .filter(|p| p.region == code)
        .filter_map(shape)
        .flat_map(|f| f.rings.iter())
        .collect();
    rings.extend(own.into_iter().flat_map(|f| f.rings.iter()));
    let geo = BBox::of(rings)?;
    let crosses = |rings: &Vec<Vec<(f64, f64)>>| {
        BBox::of(rings)
            .is_some_and(|b| b.x0 <= geo.x1 && b.x1 >= geo.x0 && b.y0 <= geo.y1 && b.y1 >= geo.y0)
    };
    let kx = geo.center().1.to_radians().cos().max(0.2);
    let aspect = (geo.y1 - geo.y0) / ((geo.x1 - geo.x0) * kx).max(1e-9);
    let height = ((WIDTH - 20.0) * aspect + 20.0).clamp(320.0, HEIGHT);
    let panel = Panel::fit(geo, (10.0, 10.0, WIDTH - 10.0, height - 10.0));
    let project = |rings: &Vec<Vec<(f64, f64)>>| -> Shape {
        rings
            .iter()
            .map(|r| r.iter().map(|&pt| panel.project(pt)).collect())
            .collect()
    };
    Some(Layout {
        width: WIDTH,
        height,
        regions: regions
            .iter()
            .filter(|f| crosses(&f.rings))
            .map(|f| project(&f.rings))
            .collect(),
        territories: places
            .iter()
            .filter_map(|p| Some((p, shape(p)?)))
            .filter(|(_, f)| crosses(&f.rings))
            .map(|(p, f)| (p.clone(), project(&f.rings)))
            .collect(),
        frames: Vec::new(),
        palette,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,45],[2,45],[2,47],[0,47],[0,45]]]}},
      {"type":"Feature","properties":{"id":"far"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-61,16],[-60,16],[-60,17],[-61,16]]]]}}]}"#;

    #[test]
    fn parses_and_lays_out_with_an_inset() {
        let f = parse(SQUARE, "id").unwrap();
        assert_eq!(f.len(), 2);
        let places = vec![
            Place {
                key: "a".into(),
                name: "A <b>".into(),
                href: "territoires/a/index.html".into(),
                region: "R".into(),
            },
            Place {
                key: "none".into(),
                name: "N".into(),
                href: "territoires/n/index.html".into(),
                region: "R".into(),
            },
        ];
        let (layout, missing) = layout(&f, &f, &places, &|_| None, Default::default());
        assert_eq!(missing.len(), 1);
        assert_eq!(layout.frames.len(), 1, "the far feature gets an inset");
        let svg = svg(&layout, "", "carte", "Carte", "Desc");
        assert!(svg.contains("<a href=\"territoires/a/index.html\" aria-label=\"A &lt;b&gt;\">"));
        let png = crate::charts::raster::png(&svg, crate::charts::raster::Fit::Scale(2.0)).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }

    #[test]
    fn bad_geojson_is_an_error_not_a_panic() {
        assert!(parse("{", "id").is_err());
        assert!(parse("{\"features\": [{\"properties\": {}}]}", "id")
            .unwrap_err()
            .to_string()
            .contains("no `id`"));
        assert!(parse("{\"features\": [{\"properties\": {\"id\": 1}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 0]}}]}", "id").is_err());
    }
}
