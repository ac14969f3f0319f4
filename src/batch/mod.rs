//! Corpus mode: many articles in, one event stream, one aggregate map and a summary table out.
//!
//! In: inputs (folders of `.txt`/`.md`/`.html` files, JSON Lines files, `-` for JSON Lines on
//! stdin) and [`Options`]. Out, in `options.out_dir`:
//! - `events.geojsonl`: every event of every article as a GeoJSON Text Sequence
//!   ([RFC 8142](https://datatracker.ietf.org/doc/html/rfc8142): each record is 0x1E, one
//!   Feature as in `events.geojson`, `\n`), in input order whatever the thread count. It is
//!   written to `events.geojsonl.partial`, one `write` per article, and renamed at the end, so an
//!   interrupted run leaves every finished article in the partial file and never a truncated
//!   file under the final name;
//! - `countries.geojson`: one MultiPolygon per country with an action in any article, with
//!   `role` as in single maps, the number of articles per action and in all (`articles`);
//! - `summary.csv`: the same counts as a table, one row per country;
//! - `map.png`, `map.svg`: a choropleth of the number of articles with an action per country
//!   (classes by [`render::classes::count_breaks`]), the highest countries labelled with their
//!   count; `map.txt`, its alt text;
//! - `skipped.csv`, only when an article was skipped: each one and why.
//!
//! Input is streamed: a reader thread cuts it into chunks of at most [`CHUNK_ITEMS`] articles
//! and [`CHUNK_BYTES`] bytes, at most two chunks wait in a bounded channel. Each chunk goes to
//! the rayon pool as it arrives; the workers extract its articles and serialise their events to
//! bytes (`collect` keeps input order within the chunk). A writer thread takes the chunks'
//! results in input order from a second bounded channel (one slot per thread) and only copies
//! bytes and adds up counts, so writing overlaps extraction. Memory does not grow with the
//! corpus: only the per-country counts do (at most one row per country).

mod aggregate;
mod extract;
mod input;
mod read;
mod report;

pub use aggregate::{CountryCount, TOP_ARTICLES};
pub use report::{corpus_chart, map_spec};

use crate::article;
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::output;
use crate::render;
use extract::Done;
use extract::{dispatch, write_results};
use input::{read_inputs, resolve_inputs, Input, Item};
use report::Progress;
use report::{report, write_aggregate};
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::{Duration, Instant};

/// The exit code of a run that skipped at least one article.
pub const EXIT_SKIPPED: u8 = 5;
/// At most this many articles per chunk handed to the thread pool.
pub const CHUNK_ITEMS: usize = 256;
/// At most this many input bytes per chunk (a single larger article makes a chunk of its own).
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// Bytes a JSON line may hold beyond twice `--max-bytes` before it is dropped unparsed.
const LINE_SLACK: u64 = 64 * 1024;

/// How to run a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Where the files go (created if needed). Default: `output/`.
    pub out_dir: PathBuf,
    /// Read every file input as JSON Lines, whatever its extension. Default: `false` (only
    /// `.jsonl` and `.ndjson` files, and stdin; `.json` files are read as JSON records too).
    /// With only folders as inputs it is an error ([`Error::Usage`]).
    pub jsonl: bool,
    /// The field of a JSON record that holds an article's text. Default: `None`, the field
    /// `text`. When set, an input read as prose (a text file, or only folders) is an error
    /// ([`Error::Usage`]): the user expects records there.
    pub text_field: Option<String>,
    /// Skip an article (file or JSON line) larger than this many bytes. Default: 256 MiB.
    pub max_bytes: u64,
    /// Extraction threads; 0 means one per core. Default: 0.
    pub threads: usize,
    /// No progress bar, no warnings, no closing summary (skipped articles are still reported).
    /// Default: `false`.
    pub quiet: bool,
    /// The map's title. Default: "N articles: countries with an action".
    pub title: Option<String>,
    /// Size of the map in pixels, already multiplied by `render.scale`. Default: 1600×1000.
    pub width: u32,
    /// Height in pixels. Default: 1000.
    pub height: u32,
    /// How the map is drawn: projection, extent, theme, scale, subtitle
    /// ([`render::Options`]). Default: [`render::Options::default`].
    pub render: render::Options,
    /// Leave out events whose confidence is below this (0–1). Default: 0 (keep all).
    pub min_confidence: f64,
    /// The language of every article (`--lang`), over a record's `lang` and detection.
    pub lang: Option<crate::lang::Lang>,
    /// Keep only articles dated on or after this day (`--since`); an undated article is left
    /// out when this or `until` is set. Default: none.
    pub since: Option<Date>,
    /// Keep only articles dated on or before this day (`--until`). Default: none.
    pub until: Option<Date>,
    /// Which aggregate files to write (`events.geojsonl` always is). Default: all.
    pub formats: crate::formats::Formats,
}

impl Options {
    /// True when an article dated `date` is kept by `--since` and `--until`: always without
    /// them; with either, only a dated article in the range.
    pub(crate) fn keeps(&self, date: Option<Date>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// The field holding a record's text: [`Options::text_field`], else `text`.
    pub(crate) fn text_field(&self) -> &str {
        self.text_field.as_deref().unwrap_or("text")
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            out_dir: PathBuf::from("output"),
            jsonl: false,
            text_field: None,
            max_bytes: article::ReadOptions::default().max_bytes,
            threads: 0,
            quiet: false,
            title: None,
            width: 1600,
            height: 1000,
            formats: crate::formats::Formats::all(),
            render: render::Options::default(),
            min_confidence: 0.0,
            lang: None,
            since: None,
            until: None,
        }
    }
}

/// An article that was not processed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is: a file's path, or `FILE:LINE` of a JSON line (`stdin:LINE` for stdin).
    pub source: String,
    /// Its id (JSON Lines) or relative path (folders), when known; else the same as `source`.
    pub article: String,
    /// Why it was skipped.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.article == self.source {
            write!(f, "{}: {}", self.source, self.reason)
        } else {
            write!(
                f,
                "{} (article {}): {}",
                self.source, self.article, self.reason
            )
        }
    }
}

/// What a batch run did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Articles read and extracted (skipped ones not counted).
    pub articles: u64,
    /// Of those, articles with at least one event.
    pub with_events: u64,
    /// Events written to the stream.
    pub events: u64,
    /// Input bytes of the extracted articles (JSON lines or files as stored).
    pub bytes: u64,
    /// Articles skipped, in input order.
    pub skipped: Vec<Skipped>,
    /// Articles read but left out by `--since`/`--until` (out of the range, or undated).
    pub out_of_range: u64,
    /// Per day, the dated articles with events that report each action (in `Action::ALL`
    /// order): what the timeline counts.
    pub days: BTreeMap<Date, [u64; 6]>,
    /// Warnings (e.g. invalid UTF-8 decoded lossily): the first ones are printed, all counted.
    pub warnings: u64,
    /// Counts per country, by ISO code.
    pub countries: BTreeMap<String, CountryCount>,
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// Files of an earlier run removed from the folder: those opmap owns
    /// ([`output::OWNED`]) that this run did not write (`skipped.csv` when nothing was
    /// skipped, a single map's layers).
    pub removed: Vec<PathBuf>,
    /// Wall time from the first read to the last file written.
    pub elapsed: Duration,
    /// Extraction threads used.
    pub threads: usize,
}

/// Runs a batch: reads every input, extracts the articles in parallel, streams the events and
/// writes the aggregate files into `options.out_dir`.
///
/// A missing input or an unreadable folder is an error before anything is written; a bad
/// article is skipped and listed in [`Summary::skipped`]. Prints the progress bar (when stderr
/// is a terminal), skipped articles, warnings and the closing summary to stderr.
pub fn run(gazetteer: &Gazetteer, inputs: &[String], options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let inputs = resolve_inputs(inputs, options)?;
    let total_bytes: Option<u64> = inputs
        .iter()
        .map(|i| match i {
            Input::Files(files) => Some(files.iter().map(|f| f.2).sum()),
            Input::Jsonl(path, _) | Input::Json(path, _) => {
                std::fs::metadata(path).ok().map(|m| m.len())
            }
            Input::Stdin => None,
        })
        .sum();
    output::create_dir(&options.out_dir)?;
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("opmap-batch-{i}"))
        .build()
        .map_err(|e| Error::ReadArticle {
            path: "thread pool".into(),
            source: std::io::Error::other(e.to_string()),
        })?;
    let progress = Progress::new(total_bytes, options.quiet);
    let mut summary = Summary {
        threads,
        ..Summary::default()
    };

    let partial_path = options.out_dir.join("events.geojsonl.partial");
    let final_path = options.out_dir.join("events.geojsonl");
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source: std::io::Error| Error::WriteOutput { path, source }
    };
    let mut stream = File::create(&partial_path).map_err(write_err(&partial_path))?;

    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let max_bytes = options.max_bytes;
    // A JSON line may hold a bit more than its text (escapes, other fields): the text itself
    // is held to `max_bytes` once parsed, when the record's id is known.
    let jsonl_limit = usize::try_from(max_bytes.saturating_mul(2).saturating_add(LINE_SLACK))
        .unwrap_or(usize::MAX);
    // Chunks in flight, in input order: the writer takes each chunk's results as soon as they
    // are ready while the pool already extracts the next ones.
    let (order_tx, order_rx) = sync_channel::<Receiver<Vec<Done>>>(threads);
    let streamed = std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || read_inputs(inputs, jsonl_limit, tx));
        let writer = scope.spawn(|| {
            write_results(
                order_rx,
                options,
                &mut stream,
                &partial_path,
                &mut summary,
                &progress,
            )
        });
        dispatch(rx, order_tx, &pool, gazetteer, options);
        writer.join().expect("the writer thread does not panic")
    });
    progress.finish();
    streamed?;
    stream
        .sync_all()
        .map_err(write_err(&partial_path))
        .and_then(|()| {
            std::fs::rename(&partial_path, &final_path).map_err(write_err(&final_path))
        })?;
    summary.files.push(final_path);

    write_aggregate(gazetteer, options, &mut summary)?;
    summary.elapsed = started.elapsed();
    if !options.quiet {
        eprint!("{}", report(&summary, &options.out_dir));
    }
    if std::env::var_os("OPMAP_BENCH").is_some() {
        eprintln!(
            "BENCH {{\"process_s\": {:.6}, \"articles\": {}, \"events\": {}}}",
            summary.elapsed.as_secs_f64(),
            summary.articles,
            summary.events
        );
    }
    Ok(summary)
}
