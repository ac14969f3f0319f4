//! Maps: PNG and SVG painted from one [`Scene`] of a [`MapSpec`].
//!
//! In: a `MapSpec` (plain data built by `layers`) and the gazetteer's outlines.
//! Out: PNG bytes and SVG text (the caller writes them to disk atomically).
//!
//! The scene is laid out once per canvas ([`Scene::build_with`], in steps: frame → views and
//! insets → basemap → markers → flows → legend → labels): every shape in pixels, a value that
//! can be printed and tested. [`drawing::drawing`] turns it into named groups of shapes, circles
//! and texts (what is painted, in what colour and order), which two painters walk: the PNG
//! painter over tiny-skia ([`png_of`]; its scene is laid out at twice its size and painted at
//! half, in bands in parallel) and the SVG writer ([`svg_of`]; `map.html` uses the same writer
//! for its map). A caller that makes several files lays each scene out once and paints it for
//! each (`write_map` does). Every size scales with the image width (designed at 1600 pixels).
//! Nothing here reads files: the font is embedded.

pub mod classes;
pub mod drawing;
pub mod extent;
mod flows;
pub mod geometry;
pub mod labels;
pub mod options;
pub mod projection;
mod raster;
mod scene;
pub mod style;
pub mod svg;
pub(crate) mod text;

pub use options::Options;
pub use scene::{
    Area, AreaLabel, Basemap, FlowLine, Inset, Legend, LegendClass, MarkerMark, ScaleBar, Scene,
};

use crate::action::Action;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use geo::{Coord, Point};
use std::path::PathBuf;

/// Everything a map shows, in lon/lat degrees; built by `spec::map_spec`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    /// The title at the top.
    pub title: String,
    /// Size of the PNG in pixels (the SVG uses the same user units). Default: 1600×1000.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// One marker per event place.
    pub markers: Vec<Marker>,
    /// Involved countries, filled by role.
    pub countries: Vec<CountryFill>,
    /// Flows from the coordinating hub(s).
    pub flows: Vec<Flow>,
    /// The attribution line (sources and credits).
    pub attribution: String,
    /// Countries shaded by a value instead of filled by role. Default: none.
    pub choropleth: Option<Choropleth>,
    /// The language of the legend's words (`--label-lang`). Default: English.
    pub lang: crate::lang::Lang,
}

/// A choropleth: countries shaded by the class of their value (see [`classes`]). The
/// countries with a value also decide the `auto` extent; role fills (`countries`) are not
/// drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Choropleth {
    /// What the value is, the legend's heading, e.g. "Articles with an action".
    pub title: String,
    /// One value per country, any order; a country with a value below the first break
    /// (0) or none keeps the plain land colour.
    pub values: Vec<ChoroplethValue>,
    /// Each class's lower bound, ascending (e.g. [`classes::count_breaks`]).
    pub breaks: Vec<f64>,
    /// The countries with the highest values get a label "Name value" at their label point,
    /// highest first, each only where it fits clear of the others and the legend (one that
    /// does not is passed over for the next), none in the lowest class when there are
    /// several, at most this many.
    pub labels: usize,
}

/// A country's value on a choropleth.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoroplethValue {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// English name (labels and alt text).
    pub name: String,
    /// The value (e.g. a count of articles).
    pub value: f64,
}

impl Choropleth {
    /// The largest value (0 when there are none).
    pub(crate) fn max(&self) -> f64 {
        self.values
            .iter()
            .map(|v| v.value)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    }

    /// The class of a country: `None` when it has no value or one below the first break.
    pub(crate) fn class_of(&self, code: &str) -> Option<usize> {
        if code.is_empty() {
            return None;
        }
        self.values
            .iter()
            .find(|v| v.code.eq_ignore_ascii_case(code))
            .and_then(|v| classes::class_of(&self.breaks, v.value))
    }

    /// One label per class ("1", "2–4", "25+").
    pub(crate) fn class_labels(&self) -> Vec<String> {
        classes::labels(&self.breaks, self.max())
    }

    /// The values with a class, highest first (ties by name).
    pub(crate) fn ranked(&self) -> Vec<&ChoroplethValue> {
        let mut out: Vec<&ChoroplethValue> = self
            .values
            .iter()
            .filter(|v| classes::class_of(&self.breaks, v.value).is_some())
            .collect();
        out.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.name.cmp(&b.name)));
        out
    }
}

/// A marker at an event place.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Longitude, latitude.
    pub point: Point<f64>,
    /// The label (place name).
    pub label: String,
    /// The actions at this place, in `Action` order, never empty; the first gives the symbol.
    pub actions: Vec<Action>,
}

/// An involved country and its role.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryFill {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// The first of its actions in `Action` order.
    pub role: Action,
}

/// A flow line, already cut into parts at ±180°.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Parts, each a line of lon/lat coordinates.
    pub parts: Vec<Vec<Coord<f64>>>,
    /// The index of the marker it starts at (the hub's) in [`MapSpec::markers`].
    pub from: usize,
    /// The index of the marker it ends at.
    pub to: usize,
}

/// A PNG up to this many pixels wide is laid out on a canvas this many times larger and
/// painted at that fraction of its size: its outlines keep sub-pixel detail.
const SUPERSAMPLE: u32 = 2;
/// Largest width or height accepted, pixels.
const MAX_SIDE: u32 = 16_384;
/// Largest canvas accepted, pixels (width × height, after `--scale`): 100 megapixels, such as
/// 10000×10000 (`--size 2500x2500 --scale 4`) or 12800×7800. Painting one takes about 7 bytes
/// a pixel at the peak (README, "Map size and memory").
pub const MAX_PIXELS: u64 = 100_000_000;

/// Draws the map as PNG bytes, `spec.width`×`spec.height` pixels, RGB, with the default
/// [`Options`].
pub fn png(spec: &MapSpec, gazetteer: &Gazetteer) -> Result<Vec<u8>> {
    png_with(spec, &Options::default(), gazetteer)
}

/// Draws the map as PNG bytes, `spec.width`×`spec.height` pixels, RGB, anti-aliased. Maps up
/// to 3200 pixels wide are laid out at twice their size ([`png_canvas`]) and painted at half
/// of it; larger ones (print sizes) at their size.
pub fn png_with(spec: &MapSpec, options: &Options, gazetteer: &Gazetteer) -> Result<Vec<u8>> {
    check_size(spec, std::path::Path::new("map.png"))?;
    let scene = Scene::build_with(
        spec,
        options,
        gazetteer,
        png_canvas(spec.width, spec.height),
    )?;
    png_of(&scene, (spec.width, spec.height))
}

/// The canvas a `width`×`height` PNG's scene is laid out on: twice its size up to 3200 pixels
/// wide, its size beyond.
pub fn png_canvas(width: u32, height: u32) -> (u32, u32) {
    let k = if width <= 3200 { SUPERSAMPLE } else { 1 };
    (width * k, height * k)
}

/// Rows of a band of the PNG painted on its own (in parallel with the others). Bands are cut
/// by the image's size alone, never by the number of threads: a band's anti-aliasing may
/// differ by a shade here and there from an image painted whole, and the PNG must be the
/// same on every machine.
const BAND_ROWS: u32 = 500;

/// Paints a scene as PNG bytes of `size` pixels (the scene's canvas scaled down to it: a
/// scene from [`png_canvas`], or any other canvas of the same shape). The image is painted in
/// horizontal bands of `BAND_ROWS` in parallel: each band paints the whole scene, clipped
/// to its rows.
pub fn png_of(scene: &Scene, size: (u32, u32)) -> Result<Vec<u8>> {
    use rayon::prelude::*;
    let path = PathBuf::from("map.png");
    let scale = size.0 as f32 / scene.size.0.max(1) as f32;
    let (w, h) = (
        (scene.size.0 as f32 * scale).round() as u32,
        (scene.size.1 as f32 * scale).round() as u32,
    );
    // One RGB image; each band is painted on a pixmap of its own and copied into its rows, so
    // the memory is the image's 3 bytes a pixel plus a band per thread.
    let row = w as usize * 3;
    let mut rgb = vec![0u8; row * h as usize];
    let drawing = drawing::drawing(scene);
    rgb.par_chunks_mut(row * BAND_ROWS as usize)
        .enumerate()
        .try_for_each(|(b, rows)| {
            let top = b as u32 * BAND_ROWS;
            let mut pixmap = raster::pixmap(w, BAND_ROWS.min(h - top))?;
            raster::paint(&drawing, &mut pixmap, scale, top)?;
            raster::copy_rgb(&pixmap, rows);
            Ok(())
        })
        .map_err(|e: String| render_error(&path, e))?;
    encode_png(&rgb, w, h).map_err(|e| render_error(&path, e))
}

/// Draws the map as SVG text with the default [`Options`].
pub fn svg(spec: &MapSpec, gazetteer: &Gazetteer) -> Result<String> {
    svg_with(spec, &Options::default(), gazetteer)
}

/// Draws the map as SVG text, `spec.width`×`spec.height` user units: a group per layer with
/// an id, coordinates to 0.01 pixel, title, legend and labels as `<text>` (see [`mod@svg`]).
pub fn svg_with(spec: &MapSpec, options: &Options, gazetteer: &Gazetteer) -> Result<String> {
    check_size(spec, std::path::Path::new("map.svg"))?;
    let scene = Scene::build_with(spec, options, gazetteer, (spec.width, spec.height))?;
    svg_of(&scene)
}

/// Paints a scene as SVG text, its canvas in user units.
pub fn svg_of(scene: &Scene) -> Result<String> {
    Ok(svg::document(&drawing::drawing(scene)))
}

/// Alt text for the map: the title, a sentence on a choropleth's shading (its classes and the
/// highest countries), then one sentence per action present (in `Action` order) naming its
/// places, then one for the flows. Plain text ending in a newline, for publications that
/// embed the PNG or SVG (`map.txt`).
pub fn alt_text(spec: &MapSpec) -> String {
    let mut out = String::new();
    let title = spec.title.trim();
    if !title.is_empty() {
        out.push_str(title);
        if !title.ends_with(['.', '…', '!', '?']) {
            out.push('.');
        }
        out.push('\n');
    }
    if let Some(choropleth) = &spec.choropleth {
        out.push_str(&shading_sentence(choropleth));
        if spec.markers.is_empty() {
            out.push('\n');
            return out;
        }
        out.push(' ');
    }
    if spec.markers.is_empty() {
        out.push_str("A map with no events marked.\n");
        return out;
    }
    let places = spec.markers.len();
    let countries = spec.countries.len();
    out.push_str(&format!(
        "A map marking {places} place{} in {countries} countr{}.",
        if places == 1 { "" } else { "s" },
        if countries == 1 { "y" } else { "ies" },
    ));
    for action in Action::ALL {
        let names: Vec<&str> = spec
            .markers
            .iter()
            .filter(|m| m.actions.contains(&action))
            .map(|m| m.label.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        let verb = match action {
            Action::Seizure => "Seizures",
            Action::Raid => "Raids",
            Action::Arrest => "Arrests",
            Action::Takedown => "Takedowns",
            Action::Coordination => "Coordination",
            Action::Participation => "Participation",
        };
        let symbol = match style::symbol(action) {
            style::Symbol::Square => "squares",
            style::Symbol::Triangle => "triangles",
            style::Symbol::Diamond => "diamonds",
            style::Symbol::Cross => "crosses",
            style::Symbol::Star => "a star",
            style::Symbol::Circle => "dots",
        };
        out.push_str(&format!(" {verb} ({symbol}): {}.", join_names(&names)));
    }
    if !spec.flows.is_empty() {
        let hubs: Vec<&str> = spec
            .markers
            .iter()
            .filter(|m| m.actions.first() == Some(&Action::Coordination))
            .map(|m| m.label.as_str())
            .collect();
        let from = if hubs.is_empty() {
            "the coordinating hub".to_string()
        } else {
            join_names(&hubs)
        };
        out.push_str(&format!(
            " Arrows run from {from} to {} place{}.",
            spec.flows.len(),
            if spec.flows.len() == 1 { "" } else { "s" }
        ));
    }
    out.push('\n');
    out
}

/// Countries named in a choropleth's alt text before the rest are only counted.
const ALT_TEXT_COUNTRIES: usize = 10;

/// "Countries shaded by articles with an action in 3 classes (1, 2–4 and 5+): Netherlands 7,
/// Spain 3 and France 1."
fn shading_sentence(choropleth: &Choropleth) -> String {
    let ranked = choropleth.ranked();
    if ranked.is_empty() {
        return "A map with no country shaded.".to_string();
    }
    let mut heading = choropleth.title.trim().trim_end_matches('.').to_string();
    // "Articles with …" reads "articles with …" mid-sentence; "EU funds" stays.
    let mut chars = heading.chars();
    if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
        if first.is_uppercase() && !second.is_uppercase() {
            heading = first
                .to_lowercase()
                .chain(heading.chars().skip(1))
                .collect();
        }
    }
    let labels = choropleth.class_labels();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let mut named: Vec<String> = ranked
        .iter()
        .take(ALT_TEXT_COUNTRIES)
        .map(|v| format!("{} {}", v.name, classes::number(v.value)))
        .collect();
    if ranked.len() > ALT_TEXT_COUNTRIES {
        named.push(format!("{} more", ranked.len() - ALT_TEXT_COUNTRIES));
    }
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    format!(
        "Countries shaded by {heading} in {} class{} ({}): {}.",
        labels.len(),
        if labels.len() == 1 { "" } else { "es" },
        join_names(&labels),
        join_names(&named)
    )
}

/// "a", "a and b", "a, b and c".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An error naming `path` when the map's size is outside 100 to 16,384 pixels a side, or over
/// [`MAX_PIXELS`] in all.
pub(crate) fn check_size(spec: &MapSpec, path: &std::path::Path) -> Result<()> {
    let message =
        if spec.width < 100 || spec.height < 100 || spec.width > MAX_SIDE || spec.height > MAX_SIDE
        {
            format!(
                "size {}×{} is outside 100 to {MAX_SIDE} pixels a side",
                spec.width, spec.height
            )
        } else if u64::from(spec.width) * u64::from(spec.height) > MAX_PIXELS {
            format!(
                "size {}×{} is over the limit of {} megapixels",
                spec.width,
                spec.height,
                MAX_PIXELS / 1_000_000
            )
        } else {
            return Ok(());
        };
    Err(Error::Render {
        path: path.to_path_buf(),
        message,
    })
}

fn render_error(path: &std::path::Path, e: impl std::fmt::Display) -> Error {
    Error::Render {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// PNG bytes of an RGB image (8 bits a channel), compressed fast (`fdeflate`).
fn encode_png(
    rgb: &[u8],
    width: u32,
    height: u32,
) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Detail;
    use plotters::style::RGBColor;
    use std::sync::OnceLock;
    use text::{measure, shorten};

    fn gazetteer() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
    }

    fn marker(lon: f64, lat: f64, label: &str, actions: &[Action]) -> Marker {
        Marker {
            point: Point::new(lon, lat),
            label: label.to_string(),
            actions: actions.to_vec(),
        }
    }

    fn france(width: u32, height: u32) -> MapSpec {
        MapSpec {
            title: "Raids in France".to_string(),
            width,
            height,
            markers: vec![marker(2.35, 48.85, "Paris", &[Action::Raid])],
            countries: vec![CountryFill {
                code: "FR".to_string(),
                role: Action::Raid,
            }],
            flows: vec![],
            attribution: "Map data: Natural Earth".to_string(),
            choropleth: None,
            lang: crate::lang::Lang::En,
        }
    }

    /// Like the seed article: eight places on both sides of the Atlantic.
    pub(super) fn seed() -> MapSpec {
        use Action::*;
        let hague = (4.3, 52.08);
        let markers = vec![
            marker(5.6, 52.4, "Netherlands", &[Seizure, Participation]),
            marker(-101.0, 57.0, "Canada", &[Seizure]),
            marker(-98.0, 39.0, "United States", &[Seizure]),
            marker(25.2, 42.7, "Bulgaria", &[Raid]),
            marker(2.5, 46.5, "France", &[Raid]),
            marker(24.9, 45.8, "Romania", &[Raid]),
            marker(-2.1, 54.4, "United Kingdom", &[Takedown]),
            marker(hague.0, hague.1, "Europol (The Hague)", &[Coordination]),
        ];
        let hub = markers.len() - 1;
        let flows = markers[..hub]
            .iter()
            .enumerate()
            .map(|(i, m)| Flow {
                parts: vec![great_circle(hague, (m.point.x(), m.point.y()))],
                from: hub,
                to: i,
            })
            .collect();
        let countries = [
            ("NL", Seizure),
            ("CA", Seizure),
            ("US", Seizure),
            ("BG", Raid),
            ("FR", Raid),
            ("RO", Raid),
            ("GB", Takedown),
        ]
        .into_iter()
        .map(|(code, role)| CountryFill {
            code: code.to_string(),
            role,
        })
        .collect();
        MapSpec {
            title: "Europol-led operation takes down Islamic State propaganda servers in eight countries"
                .to_string(),
            width: 1600,
            height: 1000,
            markers,
            countries,
            flows,
            attribution: "Source: Europol press release · Map data: Natural Earth · opmap".to_string(),
            choropleth: None,
            lang: crate::lang::Lang::En,
        }
    }

    /// Points along the great circle from `a` to `b` (lon, lat degrees), every ~1°.
    fn great_circle(a: (f64, f64), b: (f64, f64)) -> Vec<Coord<f64>> {
        let v = |(lon, lat): (f64, f64)| {
            let (lon, lat) = (lon.to_radians(), lat.to_radians());
            [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
        };
        let (p, q) = (v(a), v(b));
        let d = projection::arc_degrees(a, b);
        let n = (d.ceil() as usize).max(1);
        let omega = d.to_radians();
        (0..=n)
            .map(|i| {
                let t = i as f64 / n as f64;
                let (sa, sb) = if omega > 1e-9 {
                    (
                        ((1.0 - t) * omega).sin() / omega.sin(),
                        (t * omega).sin() / omega.sin(),
                    )
                } else {
                    (1.0 - t, t)
                };
                let c: Vec<f64> = (0..3).map(|k| sa * p[k] + sb * q[k]).collect();
                Coord {
                    x: c[1].atan2(c[0]).to_degrees(),
                    y: c[2].atan2(c[0].hypot(c[1])).to_degrees(),
                }
            })
            .collect()
    }

    /// The contents of every `<text>` element.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = &t[t.find('>')? + 1..t.find("</text>")?];
                Some(body.trim().to_string())
            })
            .collect()
    }

    #[test]
    fn svg_has_title_legend_and_labels_as_text() {
        let spec = seed();
        let svg = svg(&spec, gazetteer()).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("width=\"1600\"") && svg.contains("height=\"1000\""));
        let texts = texts(&svg);
        let has = |s: &str| texts.iter().any(|t| t == s);
        assert!(has(&spec.title), "title in {texts:?}");
        assert!(has("Actions"), "legend title");
        for entry in [
            "Seizure",
            "Raid",
            "Takedown",
            "Coordination",
            "Participation",
        ] {
            assert!(has(entry), "legend entry {entry}");
        }
        assert!(!has("Arrest"), "no arrest in this story");
        for m in &spec.markers {
            assert!(has(&m.label), "label {}", m.label);
        }
        assert!(has("Europol (The Hague)"));
        assert!(
            svg.contains("stroke=\"#FFFFFF\" stroke-width=\"5\" stroke-linejoin=\"round\" paint-order=\"stroke\""),
            "label halos are a stroke beneath the text"
        );
        assert!(
            !svg.contains("#FFFFFE") && !svg.contains("#fffffe"),
            "no sentinel colour"
        );
        assert!(svg.len() < 400_000, "{} bytes", svg.len());
        assert_eq!(
            svg,
            super::svg(&spec, gazetteer()).unwrap(),
            "deterministic"
        );
    }

    #[test]
    fn png_has_the_size_asked_and_fills_the_country() {
        let spec = france(800, 500);
        let bytes = png(&spec, gazetteer()).unwrap();
        let decoder = ::png::Decoder::new(std::io::Cursor::new(&bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (800, 500));
        assert_eq!(info.color_type, ::png::ColorType::Rgb);

        // A point in the Massif Central, clear of the marker, its label and the legend.
        let scene = Scene::build(&spec, gazetteer(), (800, 500)).unwrap();
        let (x, y) = scene.view.pixel(2.0, 45.6).unwrap();
        for label in &scene.layout.labels {
            assert!(label.rect.inflate(4.0).distance(x, y) > 0.0);
        }
        assert!(
            scene
                .legend
                .as_ref()
                .unwrap()
                .rect
                .inflate(4.0)
                .distance(x, y)
                > 0.0
        );
        let i = (y.round() as usize * 800 + x.round() as usize) * 3;
        let RGBColor(r, g, b) = style::tint(Action::Raid);
        assert_eq!(
            &pixels[i..i + 3],
            &[r, g, b],
            "France is tinted at ({x}, {y})"
        );
        assert_eq!(bytes, png(&spec, gazetteer()).unwrap(), "deterministic");
    }

    #[test]
    fn png_is_the_same_whatever_the_threads() {
        let spec = seed();
        let with = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| png(&spec, gazetteer()).unwrap())
        };
        let one = with(1);
        assert!(one == with(3), "bands are cut by size, not by threads");
    }

    #[test]
    fn scene_keeps_every_label_clear() {
        for (w, h) in [(1600, 1000), (800, 500)] {
            let mut spec = seed();
            (spec.width, spec.height) = (w, h);
            let scene = Scene::build(&spec, gazetteer(), (w, h)).unwrap();
            let legend = scene.legend.as_ref().unwrap();
            assert_eq!(scene.layout.labels.len(), spec.markers.len());
            for (i, a) in scene.layout.labels.iter().enumerate() {
                assert!(
                    scene.view.plot.contains_rect(&a.rect),
                    "{w}: label {i} in the frame"
                );
                assert!(
                    !a.rect.intersects(&legend.rect),
                    "{w}: label {i} off the legend"
                );
                for b in &scene.layout.labels[i + 1..] {
                    assert!(!a.rect.intersects(&b.rect), "{w}: labels overlap");
                }
                for m in &scene.markers {
                    assert!(a.rect.distance(m.at.0, m.at.1) > scene.sizes.marker);
                }
            }
            let counts: Vec<(Action, usize)> = legend.entries.clone();
            assert_eq!(
                counts,
                vec![
                    (Action::Seizure, 3),
                    (Action::Raid, 3),
                    (Action::Takedown, 1),
                    (Action::Coordination, 1),
                    (Action::Participation, 1)
                ]
            );
        }
    }

    #[test]
    fn choropleth_shades_by_class_and_paints_enclaves_over_their_host() {
        let value = |code: &str, name: &str, value: f64| ChoroplethValue {
            code: code.to_string(),
            name: name.to_string(),
            value,
        };
        let spec = MapSpec {
            title: "Southern Africa".to_string(),
            markers: vec![],
            countries: vec![],
            flows: vec![],
            choropleth: Some(Choropleth {
                title: "Articles".to_string(),
                values: vec![
                    value("LS", "Lesotho", 1.0),
                    value("ZA", "South Africa", 30.0),
                    value("NA", "Namibia", 0.0),
                ],
                breaks: classes::count_breaks(30.0),
                labels: 5,
            }),
            ..france(1600, 1000)
        };
        let scene = Scene::build(&spec, gazetteer(), (1600, 1000)).unwrap();
        let colors = classes::colors(options::Theme::Light, 5);
        let of = |code: &str| -> Vec<usize> {
            (0..scene.land.len())
                .filter(|&i| scene.land[i].code == code)
                .collect()
        };
        let (za, ls, na) = (of("ZA"), of("LS"), of("NA"));
        assert!(!za.is_empty() && !ls.is_empty() && !na.is_empty());
        assert!(za.iter().all(|&i| scene.land[i].color == colors[4]));
        assert!(ls.iter().all(|&i| scene.land[i].color == colors[0]));
        // A value of 0 has no class: plain land.
        assert!(na
            .iter()
            .all(|&i| scene.land[i].color == scene.palette.land));
        // South Africa's hole for Lesotho is painted before Lesotho, not over it.
        let last_za = *za.last().unwrap();
        let holes: Vec<usize> = (last_za..scene.land.len())
            .filter(|&i| scene.land[i].code.is_empty())
            .collect();
        assert!(!holes.is_empty(), "South Africa has a hole");
        assert!(holes.iter().all(|&h| ls.iter().all(|&l| l > h)));
        let legend = scene.legend.as_ref().unwrap();
        let labels: Vec<&str> = legend.classes.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["1", "2–4", "5–9", "10–24", "25+"]);
        assert_eq!(
            alt_text(&spec),
            "Southern Africa.\nCountries shaded by articles in 5 classes (1, 2–4, 5–9, 10–24 and \
             25+): South Africa 30 and Lesotho 1.\n"
        );
        assert_eq!(scene.area_labels[0].text, "South Africa 30");
    }

    /// Crowded small countries at world scale: each label keeps off the others' label points,
    /// so every one is placed, some set off with a leader from a dot on their country.
    #[test]
    fn crowded_choropleth_labels_take_leaders_instead_of_dropping_out() {
        let names = [
            ("NL", "Netherlands"),
            ("BE", "Belgium"),
            ("DE", "Germany"),
            ("GB", "United Kingdom"),
            ("FR", "France"),
            ("LU", "Luxembourg"),
            ("CH", "Switzerland"),
            ("US", "United States"),
            ("AU", "Australia"),
        ];
        let values: Vec<ChoroplethValue> = names
            .iter()
            .enumerate()
            .map(|(i, (code, name))| ChoroplethValue {
                code: code.to_string(),
                name: name.to_string(),
                value: 100.0 - i as f64,
            })
            .collect();
        let spec = MapSpec {
            title: "Crowded".to_string(),
            markers: vec![],
            countries: vec![],
            flows: vec![],
            choropleth: Some(Choropleth {
                title: "Articles".to_string(),
                values,
                breaks: vec![1.0, 50.0],
                labels: 8,
            }),
            ..france(1600, 1000)
        };
        let scene = Scene::build(&spec, gazetteer(), (1600, 1000)).unwrap();
        let labels = &scene.area_labels;
        assert_eq!(
            labels.len(),
            8,
            "{:?}",
            labels.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
        assert!(
            labels.iter().any(|l| l.leader.is_some()),
            "some labels need a leader"
        );
        let point_of = |code: &str| {
            let c = gazetteer().country(code).unwrap();
            let p = gazetteer().place(c.place).point;
            scene.view.pixel(p.x(), p.y()).unwrap()
        };
        for (i, a) in labels.iter().enumerate() {
            assert!(
                scene.view.plot.contains_rect(&a.rect),
                "{} outside the map",
                a.text
            );
            for (j, b) in labels.iter().enumerate() {
                if i != j {
                    assert!(!a.rect.intersects(&b.rect), "{} over {}", a.text, b.text);
                    let (x, y) = point_of(&b.code);
                    assert!(
                        a.rect.distance(x, y) > 0.0,
                        "{} covers {}'s point",
                        a.text,
                        b.text
                    );
                    if let Some((p, q)) = a.leader {
                        assert!(
                            geometry::clip_segment(p, q, &b.rect).is_none(),
                            "{}'s leader crosses {}",
                            a.text,
                            b.text
                        );
                    }
                }
            }
            if let Some((p, q)) = a.leader {
                // From the edge of the dot on the country's point to the label's box.
                let (x, y) = point_of(&a.code);
                let r = scene::AREA_ANCHOR;
                assert!(((p.0 - x).hypot(p.1 - y) - r).abs() < 0.01, "{}", a.text);
                assert!(a.rect.distance(q.0, q.1) < 0.01, "{}", a.text);
            }
        }
    }

    #[test]
    fn long_titles_are_shortened_at_a_word() {
        style::register_fonts().unwrap();
        let short = shorten("Police seize servers in eight countries", 28.0, true, 300.0).unwrap();
        assert!(short.ends_with('…'));
        assert!(measure(&short, 28.0, true).unwrap().0 <= 300.0);
        assert!("Police seize servers in eight countries".starts_with(short.trim_end_matches('…')));
        assert_eq!(shorten("Short", 28.0, true, 300.0).unwrap(), "Short");
    }

    #[test]
    #[ignore = "writes /tmp/render-check/map.{png,svg} to look at"]
    fn render_check() {
        let spec = seed();
        let g = gazetteer();
        g.outlines(Detail::Regional).unwrap();
        g.outlines(Detail::World).unwrap();
        let t = std::time::Instant::now();
        let png = png(&spec, g).unwrap();
        let t_png = t.elapsed();
        let t = std::time::Instant::now();
        let svg = svg(&spec, g).unwrap();
        let t_svg = t.elapsed();
        std::fs::create_dir_all("/tmp/render-check").unwrap();
        std::fs::write("/tmp/render-check/map.png", &png).unwrap();
        std::fs::write("/tmp/render-check/map.svg", &svg).unwrap();
        // A crop at full resolution, to look at details.
        let mut reader = ::png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        let (cx, cy, cw, ch) = (1000usize, 400usize, 600usize, 400usize);
        let crop: Vec<u8> = (cy..cy + ch)
            .flat_map(|y| pixels[(y * 1600 + cx) * 3..(y * 1600 + cx + cw) * 3].to_vec())
            .collect();
        std::fs::write(
            "/tmp/render-check/crop.png",
            encode_png(&crop, cw as u32, ch as u32).unwrap(),
        )
        .unwrap();
        let mut small = spec.clone();
        (small.width, small.height) = (800, 500);
        std::fs::write(
            "/tmp/render-check/map-800.png",
            super::png(&small, g).unwrap(),
        )
        .unwrap();
        let world = MapSpec {
            markers: vec![
                marker(151.2, -33.9, "Sydney", &[Action::Arrest]),
                marker(-74.0, 40.7, "New York", &[Action::Raid]),
                marker(2.35, 48.85, "Paris", &[Action::Coordination]),
            ],
            countries: vec![CountryFill {
                code: "AU".into(),
                role: Action::Arrest,
            }],
            flows: vec![],
            ..spec.clone()
        };
        std::fs::write(
            "/tmp/render-check/world.png",
            super::png(&world, g).unwrap(),
        )
        .unwrap();
        std::fs::write(
            "/tmp/render-check/france.png",
            super::png(&france(1600, 1000), g).unwrap(),
        )
        .unwrap();
        eprintln!(
            "png {:?} ({} bytes), svg {:?} ({} bytes)",
            t_png,
            png.len(),
            t_svg,
            svg.len()
        );
    }
}
