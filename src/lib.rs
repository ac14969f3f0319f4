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
//! | build GeoJSON layers | [`layers`] (each event an [`record::EventRecord`]) |
//! | what the map shows | [`spec`] |
//! | render map | [`render`] |
//! | write every output | [`write_outputs`] (through [`formats`]) |
//!
//! Below them: [`record`] (an event's typed values and its one output record, read back by
//! [`events_file`]) and [`style`] (each action's colour, symbol and label). Data flows one way:
//! layers do not import render or formats.
//!
//! # Public API
//!
//! What the binary, the tests, the benches and the fuzz targets use: [`extract`] and
//! [`Extraction`]; [`write_map`], [`write_outputs`], [`MapContent`], [`MapOptions`],
//! [`Written`]; [`article::read`], [`article::from_bytes`], [`article::from_record`];
//! [`gazetteer::Gazetteer`]; [`layers::build`] and the layer writers
//! ([`layers::events_geojson`], [`layers::write_events`], [`layers::to_geojson_string`]);
//! [`spec::map_spec`]; [`events_file::parse`]; [`batch::run`]; [`render`]'s scene and
//! painters; [`formats`]' writers.
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
mod bytes;
pub mod charts;
pub mod dates;
pub mod error;
pub mod events_file;
pub mod explain;
pub mod formats;
pub mod gazetteer;
pub mod hub;
pub mod lang;
pub mod layers;
pub mod mentions;
pub mod output;
pub mod places;
pub mod record;
pub mod render;
pub mod resolve;
pub mod sentences;
pub mod span;
pub mod spec;
pub mod style;
pub mod title;

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
    /// Place mentions left out as background, each with the filter that dropped it.
    pub dropped: Vec<actions::Dropped>,
    /// `participation` events left out because their country has a more specific action.
    pub folded: Vec<actions::Event>,
    /// One event per (action, place), located.
    pub located: Vec<Located>,
    /// The article's date, which every located event carries too.
    pub date: Option<dates::ArticleDate>,
    /// The article's language ([`lang::Language`]): declared, or told from the text. In a
    /// language opmap does not read, nothing is extracted (no mentions, no events).
    pub language: lang::Language,
}

/// Runs the text stages on an article: sentences, mentions, events, located events, and its
/// date ([`dates::of_article`]): its reader's ([`reader_date`]) when that is a date, else the
/// text's.
pub fn extract(gazetteer: &Gazetteer, article: &Article) -> Extraction {
    extract_dated(
        gazetteer,
        article,
        reader_date(&article.about).unwrap_or(None),
    )
}

/// The date an article's reader found ([`article::About::date`]), parsed: source `jsonl` for a
/// JSON Lines record's `date`, `html-meta` for an HTML page's date meta tag. `Ok(None)` when
/// the source gives none; `Err` with the text when it is not a date.
pub fn reader_date(
    about: &article::About,
) -> std::result::Result<Option<dates::ArticleDate>, String> {
    let Some(text) = about
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    else {
        return Ok(None);
    };
    let date = text.parse().map_err(|_| text.to_string())?;
    let source = about.date_source.unwrap_or(dates::DateSource::HtmlMeta);
    Ok(Some(dates::ArticleDate { date, source }))
}

/// [`extract`], with the date the article's reader found (a JSON record's `date`, an HTML
/// meta date), which wins over the text's.
pub(crate) fn extract_dated(
    gazetteer: &Gazetteer,
    article: &Article,
    reader: Option<dates::ArticleDate>,
) -> Extraction {
    let language = lang::Language::of_article(&article.text, article.about.lang.as_deref());
    let Some(lang) = language.lang else {
        return Extraction {
            sentences: sentences::split(&article.text),
            mentions: Vec::new(),
            events: Vec::new(),
            dropped: Vec::new(),
            folded: Vec::new(),
            located: Vec::new(),
            date: None,
            language,
        };
    };
    actions::lexicon::with(lang, || {
        let sentences = sentences::split(&article.text);
        let mentions = places::find(gazetteer, &article.text, &sentences, lang);
        let actions::Linked {
            events,
            dropped,
            folded,
        } = actions::link(gazetteer, &article.text, &sentences, &mentions);
        let mut located = resolve::locate(gazetteer, article, &sentences, &events);
        let date = dates::of_article(&article.text, reader);
        for e in &mut located {
            e.date = date;
            e.lang = Some(lang);
        }
        Extraction {
            sentences,
            mentions,
            events,
            dropped,
            folded,
            located,
            date,
            language,
        }
    })
}

/// The warning for an article in a language opmap does not read (`None` for one it reads):
/// "PATH: written in Italian (it, detected 0.98): opmap reads en, de, fr, nl and es; no events".
pub fn language_warning(path: &str, language: &lang::Language) -> Option<String> {
    if language.lang.is_some() {
        return None;
    }
    let how = language.how();
    Some(format!(
        "{path}: written in {} ({}, {how}): opmap reads English, German, French, Dutch and \
         Spanish; no events",
        language.name, language.code
    ))
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
    /// A line for the alt text (map.txt) saying how many places were left out as background
    /// ([`actions::left_out_summary`]). Default: none.
    pub left_out: Option<String>,
    /// Which flows the map and `flows.geojson` show (`--flows`). Default: from the one hub
    /// ([`hub::Flows::Hub`]).
    pub flows: hub::Flows,
    /// How the maps are drawn: projection, extent, inset, theme, scale, subtitle
    /// ([`render::Options`]). `width`/`height` are the final pixel size (already multiplied by
    /// the scale). Default: [`render::Options::default`].
    pub render: render::Options,
    /// The language of the map's labels and legend (`--label-lang`): country names and the
    /// legend's words in it. Default: English.
    pub labels: lang::Lang,
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
    /// Files of an earlier run removed from the folder: those opmap owns
    /// ([`output::OWNED`]) that this run did not write.
    pub removed: Vec<PathBuf>,
}

/// Builds the layers and the maps from located events and writes them atomically into
/// `options.out_dir` through [`write_outputs`], each format only when `options.formats` asks
/// for it:
/// - `geojson`: `events.geojson`, `countries.geojson`, `flows.geojson`, each only when it has
///   features (an empty layer makes QGIS ask for sublayers; [`Written::skipped`] says why);
/// - `csv`: `events.csv` (when there are events);
/// - `png`, `svg`: `map.png`, `map.svg`;
/// - `html`: `map.html`, a self-contained web map;
/// - `qgis`: a `.qml` style beside each layer written (and the layers themselves),
///   `basemap.geojson` with `basemap.qml`, and `map.qgs`, a project opening them;
/// - `chart`: `chart.png`, `chart.svg`, `chart.txt`, the bar chart of actions per country
///   ([`charts`]).
///
/// Once every file is in place, the files opmap owns that this run did not write (an earlier
/// map's `flows.geojson`, a batch run's `summary.csv`) are removed: [`output::remove_stale`].
pub fn write_map(
    gazetteer: &Gazetteer,
    located: &[Located],
    options: &MapOptions,
) -> Result<Written> {
    // Country labels in the labels' language; the layers keep the gazetteer's names.
    let relabelled: Vec<Located>;
    let labelled = if options.labels == lang::Lang::En {
        located
    } else {
        relabelled = located
            .iter()
            .map(|e| {
                let mut e = e.clone();
                if e.place_kind == gazetteer::PlaceKind::Country {
                    if let Some(name) =
                        gazetteer::country_name_in(e.country.as_str(), options.labels)
                    {
                        e.place = name.to_string();
                    }
                }
                e
            })
            .collect();
        &relabelled
    };
    let mut spec = spec::map_spec_with(
        labelled,
        &options.title,
        (options.width, options.height),
        options.flows,
    );
    spec.lang = options.labels;
    let content = MapContent {
        spec,
        layers: LayersFrom::Events(located),
        marker_of: layers::site_indices(located).0,
        notes: Vec::new(),
        extra: Vec::new(),
        kept: Vec::new(),
        event_stream: None,
    };
    write_outputs(gazetteer, content, options)
}

/// What [`write_outputs`] writes: the map's content and the files that go with it.
#[derive(Debug, Clone)]
pub struct MapContent<'a> {
    /// What the maps show ([`spec::map_spec`], or a batch run's choropleth).
    pub spec: render::MapSpec,
    /// The layers, or the events to build them from (in parallel with the maps' layout).
    pub layers: LayersFrom<'a>,
    /// Each event's marker in the scene ([`layers::site_indices`]).
    pub marker_of: Vec<usize>,
    /// A note per country for map.html's tooltips (a batch run's counts and top articles).
    pub notes: Vec<formats::webmap::CountryNote>,
    /// More files, written after the layers (a batch run's `summary.csv`, `skipped.csv`).
    pub extra: Vec<(String, Vec<u8>)>,
    /// Files of this run written before (a batch run's `events.geojsonl`): not stale.
    pub kept: Vec<PathBuf>,
    /// A batch run's `events.geojsonl` and the first and last date of its articles: the QGIS
    /// project opens it as its events layer, temporal over `date` when there are dates.
    pub event_stream: Option<Option<(String, String)>>,
}

/// Where [`MapContent`]'s layers come from.
#[derive(Debug, Clone)]
pub enum LayersFrom<'a> {
    /// Built from these events ([`layers::build_with`], the flows as [`MapOptions::flows`]).
    Events(&'a [Located]),
    /// Built already (a batch run's countries layer, with no events or flows layer).
    Built(Box<layers::Layers>),
}

/// The one output path: lays out each scene once and writes the chosen formats
/// (`options.formats`) of `content` atomically into `options.out_dir`, then removes the files
/// opmap owns that neither this call nor `content.kept` wrote ([`output::remove_stale`]).
/// Used by `map` and `render` ([`write_map`]) and by `batch`.
pub fn write_outputs(
    gazetteer: &Gazetteer,
    content: MapContent<'_>,
    options: &MapOptions,
) -> Result<Written> {
    use render::{options::ExtentChoice, Scene};
    let formats = options.formats;
    let spec = &content.spec;
    let look = &options.render;
    let size = (options.width, options.height);
    if formats.png {
        render::check_size(spec, Path::new("map.png"))?;
    }
    if formats.svg {
        render::check_size(spec, Path::new("map.svg"))?;
    }
    // Each scene is laid out once and shared. map.html and map.qgs show map.png's view; the
    // web map is laid out at twice the map's size so that zooming in stays sharp, which is the
    // canvas the PNG is laid out on too (up to 3200 pixels wide).
    let web = formats.html || formats.qgis;
    let png_canvas = render::png_canvas(size.0, size.1);
    let web_canvas = (2 * size.0.max(1), 2 * size.1.max(1));
    let fixed = !matches!(look.extent, ExtentChoice::Auto | ExtentChoice::World);
    let build = |canvas: (u32, u32)| Scene::build_with(spec, look, gazetteer, canvas);
    let ((layers, svg_scene), (png_scene, web_scene)) = rayon::join(
        || {
            rayon::join(
                || layers_of(gazetteer, &content.layers, options.flows),
                // A fixed extent's left-out places come from a scene even when nothing is drawn.
                || {
                    (formats.svg || (fixed && !formats.png && !web))
                        .then(|| build(size))
                        .transpose()
                },
            )
        },
        || {
            let png = formats.png.then(|| build(png_canvas)).transpose();
            let shared = formats.png && png_canvas == web_canvas;
            let web = (web && !shared).then(|| build(web_canvas)).transpose();
            (png, web)
        },
    );
    let (layers, svg_scene, png_scene, web_scene) = (layers?, svg_scene?, png_scene?, web_scene?);
    let web_scene = match (&web_scene, web) {
        (Some(scene), _) => Some(scene),
        (None, true) => png_scene.as_ref(),
        (None, false) => None,
    };
    let outside = match look.extent {
        ExtentChoice::Auto | ExtentChoice::World => Vec::new(),
        _ => web_scene
            .or(svg_scene.as_ref())
            .or(png_scene.as_ref())
            .map(|scene| scene.outside.clone())
            .unwrap_or_default(),
    };

    // Every file's bytes, made in parallel (the PNG beside all the rest), in writing order.
    let (png, rest) = rayon::join(
        || {
            png_scene
                .as_ref()
                .map(|scene| render::png_of(scene, size))
                .transpose()
        },
        || {
            map_files(
                gazetteer,
                (&content, &layers),
                svg_scene.as_ref(),
                web_scene,
                options,
            )
        },
    );
    let (png, (before, after, skipped)) = (png?, rest?);
    let mut files = before;
    files.extend(png.map(|png| ("map.png".to_string(), png)));
    files.extend(after);
    files.extend(event_chart(&content, options)?);
    output::create_dir(&options.out_dir)?;
    let paths: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (options.out_dir.join(name), bytes))
        .collect();
    output::write_all_atomic(&paths)?;
    let files: Vec<PathBuf> = paths.into_iter().map(|(path, _)| path).collect();
    let mut owned = files.clone();
    owned.extend(content.kept.iter().cloned());
    let removed = output::remove_stale(&options.out_dir, &owned)?;
    Ok(Written {
        files,
        skipped,
        outside,
        removed,
    })
}

/// The bytes of every file but map.png, by name: the files before map.png (layers, their
/// styles, events.csv) and after it (map.svg, map.txt, map.html, the QGIS basemap and
/// project), and the layers skipped. The SVG, the web map and the QGIS files are made in
/// parallel. The layers are `content`'s, built.
#[allow(clippy::type_complexity)]
fn map_files(
    gazetteer: &Gazetteer,
    (content, layers): (&MapContent<'_>, &layers::Layers),
    svg_scene: Option<&render::Scene>,
    web_scene: Option<&render::Scene>,
    options: &MapOptions,
) -> Result<(Vec<(String, Vec<u8>)>, Vec<(String, Vec<u8>)>, Vec<String>)> {
    use formats::qgis::Layer;
    let formats = options.formats;
    let mut before: Vec<(String, Vec<u8>)> = Vec::new();
    let mut skipped = Vec::new();
    let mut project = Vec::new();
    let ((svg, html), (layer_texts, basemap)) = rayon::join(
        || {
            let svg = svg_scene.map(render::svg_of).transpose();
            let html = web_scene.filter(|_| formats.html).map(|scene| {
                formats::webmap::html(
                    &content.spec,
                    scene,
                    &layers.events,
                    &content.marker_of,
                    &content.notes,
                )
            });
            (svg, html)
        },
        || {
            let layer_texts = formats.layers().then(|| layer_texts(layers));
            let basemap = web_scene
                .filter(|_| formats.qgis)
                .map(|scene| basemap_text(gazetteer, scene))
                .transpose();
            (layer_texts.unwrap_or_default(), basemap)
        },
    );
    let (svg, basemap) = (svg?, basemap?);
    // A batch run writes its events elsewhere (events.geojsonl) and has no flows: no layer
    // of a map of events is missing there.
    let of_events = matches!(content.layers, LayersFrom::Events(_));
    if formats.layers() {
        for (layer, text) in [Layer::Events, Layer::Countries, Layer::Flows]
            .into_iter()
            .zip(layer_texts)
        {
            let name = layer.name();
            let Some(text) = text else {
                if of_events {
                    skipped.push(format!("{name}.geojson (no features)"));
                }
                continue;
            };
            before.push((format!("{name}.geojson"), text.into_bytes()));
            if formats.qgis {
                before.push((format!("{name}.qml"), layer.qml().into_bytes()));
                project.push(layer);
            }
        }
    }
    if formats.qgis && content.event_stream.is_some() {
        before.push((
            "events.qml".to_string(),
            Layer::EventStream.qml().into_bytes(),
        ));
        project.push(Layer::EventStream);
    }
    if formats.csv && of_events {
        if layers.events.is_empty() {
            skipped.push("events.csv (no events)".to_string());
        } else {
            let csv = formats::csv::events(&layers.events)?;
            before.push(("events.csv".to_string(), csv.into_bytes()));
        }
    }
    before.extend(content.extra.iter().cloned());
    let mut after: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(svg) = svg {
        after.push(("map.svg".to_string(), svg.into_bytes()));
    }
    if formats.png || formats.svg {
        after.push((
            "map.txt".to_string(),
            map_alt_text(&content.spec, options).into_bytes(),
        ));
    }
    if let Some(html) = html {
        after.push(("map.html".to_string(), html.into_bytes()));
    }
    if let (Some(scene), Some(basemap)) = (web_scene, basemap) {
        after.push(("basemap.geojson".to_string(), basemap.into_bytes()));
        after.push(("basemap.qml".to_string(), Layer::Basemap.qml().into_bytes()));
        project.insert(0, Layer::Basemap);
        // Bottom to top: basemap, countries, flows, events.
        project.sort_by_key(|l| *l as u8);
        let dates = match &content.event_stream {
            Some(dates) => dates.clone(),
            None => formats::qgis::date_range(
                layers.events.iter().map(|e| e.properties.date.as_deref()),
            ),
        };
        let qgs = formats::qgis::project(&options.title, &scene.view, &project, dates.as_ref());
        after.push(("map.qgs".to_string(), qgs.into_bytes()));
    }
    Ok((before, after, skipped))
}

/// The layers of `from`: built from its events (the flows as `flows` says), or as built.
fn layers_of(
    gazetteer: &Gazetteer,
    from: &LayersFrom<'_>,
    flows: hub::Flows,
) -> Result<layers::Layers> {
    match from {
        LayersFrom::Events(located) => layers::build_with(gazetteer, located, flows),
        LayersFrom::Built(layers) => Ok((**layers).clone()),
    }
}

/// `chart.png`, `chart.svg`, `chart.txt` of a map of events when `options.formats` asks for
/// `chart`; none otherwise (a batch run brings its own charts in [`MapContent::extra`]).
fn event_chart(content: &MapContent<'_>, options: &MapOptions) -> Result<Vec<(String, Vec<u8>)>> {
    let LayersFrom::Events(located) = &content.layers else {
        return Ok(Vec::new());
    };
    if !options.formats.chart {
        return Ok(Vec::new());
    }
    let look = &options.render;
    let subtitle = charts::subtitle(&options.title, look.subtitle.as_deref());
    let chart = charts::BarChart::of_events(located, charts::BAR_TITLE, subtitle);
    charts::bar_files(&chart, options.width, look)
}

/// Alt text for the PNG/SVG (`map.txt`): a sentence per action, then the places left out.
fn map_alt_text(spec: &render::MapSpec, options: &MapOptions) -> String {
    let mut alt = render::alt_text(spec);
    if let Some(line) = &options.left_out {
        alt.push_str(line);
        alt.push_str(".\n");
    }
    alt
}

/// The text of each layer (events, countries, flows), `None` for an empty one.
fn layer_texts(layers: &layers::Layers) -> Vec<Option<String>> {
    let events = (!layers.events.is_empty()).then(|| layers::events_geojson(&layers.events));
    std::iter::once(events)
        .chain(
            [&layers.countries, &layers.flows]
                .into_iter()
                .map(|c| (!c.features.is_empty()).then(|| layers::to_geojson_string(c))),
        )
        .collect()
}

/// `basemap.geojson`: the outlines around what map.png shows (main view and insets); all for a
/// world map.
fn basemap_text(gazetteer: &Gazetteer, scene: &render::Scene) -> Result<String> {
    let bounds: Option<Vec<_>> = std::iter::once(&scene.view)
        .chain(scene.insets.iter().map(|i| &i.view))
        .map(|v| v.lon_lat_bounds())
        .collect();
    let bounds = bounds.unwrap_or_default();
    formats::qgis::basemap(gazetteer, scene.detail, &bounds).map(|b| layers::to_geojson_string(&b))
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
pub(crate) fn shorten(text: &str, max: usize) -> String {
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

    #[test]
    fn the_reader_date_says_where_it_came_from() {
        use dates::DateSource;
        let page = "<html><head><title>Servers seized</title>\
                    <meta name=\"date\" content=\"2024-05-30T10:00:00Z\"></head>\
                    <body><p>Police seized servers in the Netherlands on 2 May 2023.</p></body></html>";
        let article = article::from_bytes("a.html", page.into(), &Default::default()).unwrap();
        let date = reader_date(&article.about).unwrap().unwrap();
        assert_eq!(
            (date.date.to_string(), date.source),
            ("2024-05-30".to_string(), DateSource::HtmlMeta)
        );
        let record = article::About {
            date: Some("2022-01-02".to_string()),
            date_source: Some(DateSource::Jsonl),
            ..article.about.clone()
        };
        assert_eq!(
            reader_date(&record).unwrap().unwrap().source,
            DateSource::Jsonl
        );
        let bad = article::About {
            date: Some("2022".to_string()),
            ..record
        };
        assert_eq!(reader_date(&bad), Err("2022".to_string()));
        assert_eq!(reader_date(&article::About::default()), Ok(None));
    }
}
