//! opmap turns a news article about a multinational operation into maps.
//!
//! # Brief overview
//!
//! Seven stages, each a module with one job; plain data goes between them:
//!
//! ```text
//! path ─read─► Article ─split─► [Sentence] ─find─► [Mention] ─link─► [Event]
//!      ─locate─► [Located] ─build─► Layers ─render─► map.png, map.svg (+ the .geojson files)
//! ```
//!
//! | stage | module |
//! |---|---|
//! | read article | [`article`] |
//! | split sentences | [`sentences`] |
//! | find place mentions | [`places`] (over the [`gazetteer`]) |
//! | classify and link actions | [`actions`] |
//! | resolve to coordinates | [`resolve`] |
//! | build GeoJSON layers | [`layers`] |
//! | render map | [`render`] |
//!
//! # Example
//!
//! ```
//! use opmap::{article::Article, gazetteer::Gazetteer};
//!
//! let gazetteer = Gazetteer::load().unwrap();
//! let article = Article::from_text(
//!     "story.txt",
//!     "Police acted on Tuesday. Servers were seized in the Netherlands and Canada. \
//!      The operation was coordinated by Europol.",
//! );
//! let extraction = opmap::extract(&gazetteer, &article);
//! let pairs: Vec<(&str, &str)> = extraction
//!     .located
//!     .iter()
//!     .map(|e| (e.action.as_str(), e.country.as_str()))
//!     .collect();
//! assert_eq!(pairs, [("seizure", "NL"), ("seizure", "CA"), ("coordination", "NL")]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod action;
pub mod actions;
pub mod article;
pub mod batch;
pub mod error;
pub mod events_file;
pub mod explain;
pub mod formats;
pub mod gazetteer;
pub mod layers;
pub mod output;
pub mod places;
pub mod render;
pub mod resolve;
pub mod sentences;
pub mod span;

use article::Article;
use error::Result;
use gazetteer::Gazetteer;
use resolve::Located;
use std::path::{Path, PathBuf};

/// Every stage's output for one article (which the caller keeps: it is not copied).
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// Its sentences.
    pub sentences: Vec<sentences::Sentence>,
    /// Place mentions.
    pub mentions: Vec<places::Mention>,
    /// Actions linked to places (several per (action, place) possible).
    pub events: Vec<actions::Event>,
    /// One event per (action, place), located.
    pub located: Vec<Located>,
}

/// Runs the text stages on an article: sentences, mentions, events, located events.
pub fn extract(gazetteer: &Gazetteer, article: &Article) -> Extraction {
    let sentences = sentences::split(&article.text);
    let mentions = places::find(gazetteer, &article.text, &sentences);
    let events = actions::link(gazetteer, &article.text, &sentences, &mentions);
    let located = resolve::locate(gazetteer, article, &sentences, &events);
    Extraction {
        sentences,
        mentions,
        events,
        located,
    }
}

/// How to draw and write a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Where the files go. Default: `output/`.
    pub out_dir: PathBuf,
    /// The map's title.
    pub title: String,
    /// Size of the PNG in pixels. Default: 1600×1000.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Which files to write. Default: all ([`formats::Formats::all`]).
    pub formats: formats::Formats,
    /// How the maps are drawn: projection, extent, inset, theme, scale, subtitle
    /// ([`render::Options`]). `width`/`height` are the final pixel size (already multiplied by
    /// the scale). Default: [`render::Options::default`].
    pub render: render::Options,
}

/// What a map run wrote, and what it skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Written {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// Layers not written because they would be empty, with why.
    pub skipped: Vec<String>,
    /// Places left off the maps because they lie outside a fixed `--extent`.
    pub outside: Vec<String>,
}

/// Builds the layers and the maps from located events and writes them atomically into
/// `options.out_dir`, each format only when `options.formats` asks for it:
/// - `geojson`: `events.geojson`, `countries.geojson`, `flows.geojson`, each only when it has
///   features (an empty layer makes QGIS ask for sublayers; [`Written::skipped`] says why);
/// - `csv`: `events.csv` (when there are events);
/// - `png`, `svg`: `map.png`, `map.svg`;
/// - `html`: `map.html`, a self-contained web map;
/// - `qgis`: a `.qml` style beside each layer written (and the layers themselves),
///   `basemap.geojson` with `basemap.qml`, and `map.qgs`, a project opening them.
pub fn write_map(
    gazetteer: &Gazetteer,
    located: &[Located],
    options: &MapOptions,
) -> Result<Written> {
    use formats::qgis::Layer;
    let formats = options.formats;
    let layers = layers::build(gazetteer, located)?;
    let spec = layers::map_spec(located, &options.title, options.width, options.height);
    // Everything is rendered before the first file is written.
    let look = &options.render;
    let png = formats
        .png
        .then(|| render::png_with(&spec, look, gazetteer))
        .transpose()?;
    let svg = formats
        .svg
        .then(|| render::svg_with(&spec, look, gazetteer))
        .transpose()?;
    // map.html and map.qgs show map.png's view; the web map is laid out at twice its size so
    // that zooming in stays sharp.
    let scene = (formats.html || formats.qgis)
        .then(|| {
            render::Scene::build_with(
                &spec,
                look,
                gazetteer,
                (2 * options.width.max(1), 2 * options.height.max(1)),
            )
        })
        .transpose()?;
    let outside = match (&scene, look.extent) {
        (_, render::options::ExtentChoice::Auto | render::options::ExtentChoice::World) => {
            Vec::new()
        }
        (Some(scene), _) => scene.outside.clone(),
        (None, _) => {
            render::Scene::build_with(&spec, look, gazetteer, (options.width, options.height))?
                .outside
        }
    };
    output::create_dir(&options.out_dir)?;
    let mut written = Written {
        outside,
        ..Written::default()
    };
    let write = |name: &str, bytes: &[u8], written: &mut Written| -> Result<()> {
        let path = options.out_dir.join(name);
        output::write_atomic(&path, bytes)?;
        written.files.push(path);
        Ok(())
    };
    let mut project = Vec::new();
    if formats.layers() {
        for (layer, collection) in [
            (Layer::Events, &layers.events),
            (Layer::Countries, &layers.countries),
            (Layer::Flows, &layers.flows),
        ] {
            let name = layer.name();
            if collection.features.is_empty() {
                written
                    .skipped
                    .push(format!("{name}.geojson (no features)"));
                continue;
            }
            let text = layers::to_geojson_string(collection);
            write(&format!("{name}.geojson"), text.as_bytes(), &mut written)?;
            if formats.qgis {
                write(&format!("{name}.qml"), layer.qml().as_bytes(), &mut written)?;
                project.push(layer);
            }
        }
    }
    if formats.csv {
        if layers.events.features.is_empty() {
            written.skipped.push("events.csv (no events)".to_string());
        } else {
            let csv = formats::csv::events(&layers.events)?;
            write("events.csv", csv.as_bytes(), &mut written)?;
        }
    }
    if let Some(png) = png {
        write("map.png", &png, &mut written)?;
    }
    if let Some(svg) = svg {
        write("map.svg", svg.as_bytes(), &mut written)?;
    }
    if formats.png || formats.svg {
        // Alt text for the PNG/SVG: a sentence per action.
        write("map.txt", render::alt_text(&spec).as_bytes(), &mut written)?;
    }
    if let Some(scene) = &scene {
        if formats.html {
            let html = formats::webmap::html(&spec, scene, &layers.events);
            write("map.html", html.as_bytes(), &mut written)?;
        }
        if formats.qgis {
            // The outlines around what map.png shows (main view and insets); all for a world map.
            let bounds: Option<Vec<_>> = std::iter::once(&scene.view)
                .chain(scene.insets.iter().map(|i| &i.view))
                .map(|v| v.lon_lat_bounds())
                .collect();
            let bounds = bounds.unwrap_or_default();
            let basemap = formats::qgis::basemap(gazetteer, scene.detail, &bounds)?;
            let text = layers::to_geojson_string(&basemap);
            write("basemap.geojson", text.as_bytes(), &mut written)?;
            write("basemap.qml", Layer::Basemap.qml().as_bytes(), &mut written)?;
            project.insert(0, Layer::Basemap);
            // Bottom to top: basemap, countries, flows, events.
            project.sort_by_key(|l| *l as u8);
            let qgs = formats::qgis::project(&options.title, &scene.view, &project);
            write("map.qgs", qgs.as_bytes(), &mut written)?;
        }
    }
    Ok(written)
}

/// A title from an article: its first line, shortened at a word boundary to `max` characters.
pub fn title_from_text(text: &str, max: usize) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    shorten(first, max)
}

/// Shortens a text at a word boundary to at most `max` characters, adding "…".
pub fn shorten(text: &str, max: usize) -> String {
    let text = resolve::collapse(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out
        .trim_end_matches([',', ';', ':', '.', '-', '–', '—'])
        .to_string();
    out + "…"
}

/// The default title for a map drawn from an events file.
pub fn title_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("Events from {stem}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_shorten_at_words() {
        assert_eq!(
            shorten("Police seized servers in three countries", 24),
            "Police seized servers…"
        );
        assert_eq!(title_from_text("\n  Short title\nbody", 80), "Short title");
    }
}
