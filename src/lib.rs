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
pub mod error;
pub mod events_file;
pub mod explain;
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
}

/// What a map run wrote, and what it skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Written {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// Layers not written because they would be empty, with why.
    pub skipped: Vec<String>,
}

/// Builds the layers and the maps from located events and writes them atomically into
/// `options.out_dir`: `events.geojson`, `countries.geojson`, `flows.geojson` (each only when
/// it has features), `map.png`, `map.svg`.
pub fn write_map(
    gazetteer: &Gazetteer,
    located: &[Located],
    options: &MapOptions,
) -> Result<Written> {
    let layers = layers::build(gazetteer, located)?;
    let spec = layers::map_spec(located, &options.title, options.width, options.height);
    let png = render::png(&spec, gazetteer)?;
    let svg = render::svg(&spec, gazetteer)?;
    output::create_dir(&options.out_dir)?;
    let mut written = Written::default();
    let write = |name: &str, bytes: &[u8], written: &mut Written| -> Result<()> {
        let path = options.out_dir.join(name);
        output::write_atomic(&path, bytes)?;
        written.files.push(path);
        Ok(())
    };
    for (name, layer) in [
        ("events.geojson", &layers.events),
        ("countries.geojson", &layers.countries),
        ("flows.geojson", &layers.flows),
    ] {
        if layer.features.is_empty() {
            written.skipped.push(format!("{name} (no features)"));
        } else {
            write(
                name,
                layers::to_geojson_string(layer).as_bytes(),
                &mut written,
            )?;
        }
    }
    write("map.png", &png, &mut written)?;
    write("map.svg", svg.as_bytes(), &mut written)?;
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
