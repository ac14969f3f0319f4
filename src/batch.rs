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

use crate::action::Action;
use crate::article::{self, Article};
use crate::dates::{Date, DateSource};
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::layers;
use crate::output;
use crate::render::{self, Choropleth, ChoroplethValue, MapSpec};
use crate::resolve::Located;
use geojson::JsonValue;
use rayon::prelude::*;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::{Duration, Instant};

/// The exit code of a run that skipped at least one article.
pub const EXIT_SKIPPED: u8 = 5;
/// At most this many articles per chunk handed to the thread pool.
pub const CHUNK_ITEMS: usize = 256;
/// At most this many input bytes per chunk (a single larger article makes a chunk of its own).
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// Bytes a JSON line may hold beyond twice `--max-bytes` before it is dropped unparsed.
const LINE_SLACK: u64 = 64 * 1024;
/// Skipped articles and warnings printed one by one before the rest are only counted.
const REPORT_LIMIT: usize = 20;

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
    pub fn keeps(&self, date: Option<Date>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }

    /// The field holding a record's text: [`Options::text_field`], else `text`.
    pub fn text_field(&self) -> &str {
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

/// One country's counts over the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountryCount {
    /// English name.
    pub name: String,
    /// Articles with at least one action in the country.
    pub articles: u64,
    /// Articles with each action in the country, in `Action::ALL` order.
    pub actions: [u64; 6],
    /// The articles with the most actions in the country (then the first read), at most
    /// [`TOP_ARTICLES`], each with its number of actions there.
    pub top: Vec<(String, u32)>,
}

/// How many top articles map.html names per country.
pub const TOP_ARTICLES: usize = 3;

impl CountryCount {
    /// Counts an article with these actions (bit i = `Action::ALL[i]`) in the country.
    fn add(&mut self, article: &str, mask: u8) {
        self.articles += 1;
        for (i, n) in self.actions.iter_mut().enumerate() {
            *n += u64::from(mask >> i & 1);
        }
        let actions = mask.count_ones();
        if self.top.len() < TOP_ARTICLES || self.top.iter().any(|&(_, n)| n < actions) {
            let at = self.top.partition_point(|&(_, n)| n >= actions);
            self.top.insert(at, (article.to_string(), actions));
            self.top.truncate(TOP_ARTICLES);
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

/// One unit of work, cut from the input by the reader thread.
#[derive(Debug)]
enum Item {
    /// A file of a folder (or a file given on the command line).
    File {
        path: PathBuf,
        /// The article's name: its path relative to its folder.
        name: String,
        size: u64,
    },
    /// One line of a JSON Lines input.
    Record {
        /// `FILE:LINE`.
        source: String,
        line: Vec<u8>,
    },
    /// Something the reader already knows is bad.
    Bad(Skipped, u64),
}

impl Item {
    fn bytes(&self) -> u64 {
        match self {
            Item::File { size, .. } => *size,
            Item::Record { line, .. } => line.len() as u64 + 1,
            Item::Bad(_, bytes) => *bytes,
        }
    }
}

/// What a worker made of an item.
#[derive(Debug)]
struct Done {
    bytes: u64,
    warnings: Vec<String>,
    outcome: std::result::Result<Extracted, Skipped>,
}

/// One article's contribution: its records for the stream and its countries.
#[derive(Debug)]
struct Extracted {
    /// The article's name, as the records give it (made unique by the writer: [`Names`]).
    name: String,
    /// RFC 8142 records, ready to write.
    records: Vec<u8>,
    /// Where each record holds the article's name: its `id` property, `article` property and
    /// feature `id` ([`layers::EventFeature::write_marked`]), to rename it ([`renamed`]).
    marks: Vec<[Range<usize>; 3]>,
    events: u64,
    /// (code, name, bit set of actions, bit i = `Action::ALL[i]`).
    countries: Vec<(String, String, u8)>,
    /// The article's date.
    date: Option<Date>,
    /// False when `--since`/`--until` leave the article out (it then has no records).
    kept: bool,
}

/// A named input: what the user typed, resolved.
#[derive(Debug)]
enum Input {
    /// Files to read one by one, with their names.
    Files(Vec<(PathBuf, String, u64)>),
    /// A JSON Lines file.
    Jsonl(PathBuf, String),
    /// A `.json` file: one object, several, or an array of objects.
    Json(PathBuf, String),
    /// JSON Lines on stdin.
    Stdin,
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

/// Hands each chunk to the pool as it arrives and queues the receiver of its results, in input
/// order; stops when the input ends or the writer is gone.
fn dispatch(
    rx: Receiver<Vec<Item>>,
    order_tx: SyncSender<Receiver<Vec<Done>>>,
    pool: &rayon::ThreadPool,
    gazetteer: &Gazetteer,
    options: &Options,
) {
    pool.in_place_scope(|scope| {
        for chunk in rx {
            let (done_tx, done_rx) = sync_channel(1);
            if order_tx.send(done_rx).is_err() {
                return;
            }
            scope.spawn(move |_| {
                let done: Vec<Done> = chunk
                    .into_par_iter()
                    .map(|item| process(gazetteer, item, options))
                    .collect();
                // The writer may be gone after an output error: nothing left to do then.
                let _ = done_tx.send(done);
            });
        }
    });
}

/// Takes the chunks' results in input order and writes them.
fn write_results(
    order_rx: Receiver<Receiver<Vec<Done>>>,
    options: &Options,
    stream: &mut File,
    partial_path: &Path,
    summary: &mut Summary,
    progress: &Progress,
) -> Result<()> {
    let mut reported = 0usize;
    let mut warned = 0usize;
    let mut names = Names::default();
    for done_rx in order_rx {
        let done = done_rx
            .recv()
            .expect("every dispatched chunk sends its results");
        for d in done {
            progress.advance(d.bytes);
            for w in d.warnings {
                if !options.quiet && warned < REPORT_LIMIT {
                    progress.println(&format!("opmap: warning: {w}"));
                }
                warned += 1;
                summary.warnings += 1;
            }
            match d.outcome {
                Ok(x) if !x.kept => summary.out_of_range += 1,
                Ok(mut x) => {
                    if let Some(name) = names.claim(&x.name) {
                        // A name given before (two folders' `a.txt`, two records with one id):
                        // the records take the name made unique.
                        x.records = renamed(&x.records, &x.marks, &x.name, &name);
                        x.name = name;
                    }
                    summary.articles += 1;
                    summary.bytes += d.bytes;
                    summary.events += x.events;
                    if x.events > 0 {
                        summary.with_events += 1;
                        // One write per article: the partial file only ever ends between
                        // articles (short of a crash inside the write itself).
                        stream
                            .write_all(&x.records)
                            .map_err(|source| Error::WriteOutput {
                                path: partial_path.to_path_buf(),
                                source,
                            })?;
                    }
                    if let (Some(date), false) = (x.date, x.countries.is_empty()) {
                        let day = summary.days.entry(date).or_default();
                        let mask = x.countries.iter().fold(0u8, |m, c| m | c.2);
                        for (i, n) in day.iter_mut().enumerate() {
                            *n += u64::from(mask >> i & 1);
                        }
                    }
                    for (code, name, mask) in x.countries {
                        let count = summary.countries.entry(code).or_default();
                        if count.name.is_empty() {
                            count.name = name;
                        }
                        count.add(&x.name, mask);
                    }
                }
                Err(skipped) => {
                    if reported < REPORT_LIMIT {
                        progress.println(&format!("opmap: skipped {skipped}"));
                    }
                    reported += 1;
                    summary.skipped.push(skipped);
                }
            }
        }
        progress.set_articles(summary.articles);
    }
    if !options.quiet && warned > REPORT_LIMIT {
        progress.println(&format!(
            "opmap: {} more warnings not reported",
            warned - REPORT_LIMIT
        ));
    }
    if reported > REPORT_LIMIT {
        progress.println(&format!(
            "opmap: {} more skipped articles not reported here (all are in skipped.csv)",
            reported - REPORT_LIMIT
        ));
    }
    Ok(())
}

/// Checks and expands the inputs: folders are walked (sorted, hidden entries left out), files
/// are sorted into JSON Lines, JSON and single articles. With several inputs, a folder's
/// articles are named by the folder as given and their path in it (`f1/a.txt`).
///
/// `--text-field` on an input read as prose, or `--jsonl` with only folders, is an
/// [`Error::Usage`] naming the input: the user expects records where opmap would read prose.
fn resolve_inputs(inputs: &[String], options: &Options) -> Result<Vec<Input>> {
    let several = inputs.len() > 1;
    let mut out = Vec::new();
    let mut records = false;
    let mut prose_file = None;
    let mut folder = None;
    for input in inputs {
        if input == "-" {
            out.push(Input::Stdin);
            records = true;
            continue;
        }
        let path = PathBuf::from(input);
        let meta = std::fs::metadata(&path).map_err(|source| Error::ReadArticle {
            path: input.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(&path, &path, &mut files)?;
            if several {
                let prefix = input.trim_end_matches('/');
                for (_, name, _) in &mut files {
                    *name = format!("{prefix}/{name}");
                }
            }
            out.push(Input::Files(files));
            folder.get_or_insert(input);
        } else if options.jsonl || is_jsonl(input) {
            out.push(Input::Jsonl(path, input.clone()));
            records = true;
        } else if is_json(input) {
            out.push(Input::Json(path, input.clone()));
            records = true;
        } else {
            out.push(Input::Files(vec![(path, input.clone(), meta.len())]));
            prose_file.get_or_insert(input);
        }
    }
    if let (Some(field), Some(file)) = (&options.text_field, prose_file) {
        return Err(Error::Usage {
            input: file.clone(),
            message: format!(
                "read as an article (prose), so --text-field {field} does not apply; to read \
                 it as JSON records, give it a .jsonl, .ndjson or .json name or add --jsonl"
            ),
        });
    }
    if let (Some(folder), false) = (folder, records) {
        let option = match (&options.text_field, options.jsonl) {
            (Some(field), _) => format!("--text-field {field}"),
            (None, true) => "--jsonl".to_string(),
            (None, false) => return Ok(out),
        };
        return Err(Error::Usage {
            input: folder.clone(),
            message: format!(
                "a folder, whose .txt, .md and .html files are read as articles, so {option} \
                 does not apply; give JSON records as .jsonl, .ndjson or .json files, or on \
                 stdin with -"
            ),
        });
    }
    Ok(out)
}

fn is_jsonl(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

fn is_json(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".json")
}

/// Extensions of the articles a folder holds.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Collects the article files under `dir` (recursively, in byte order of their names, hidden
/// files and folders and symbolic links to folders left out), named relative to `root`.
fn walk(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, String, u64)>) -> Result<()> {
    let err = |source: std::io::Error| Error::ReadArticle {
        path: dir.display().to_string(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(err)?
        .collect::<std::io::Result<_>>()
        .map_err(err)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, files)?;
            continue;
        }
        let wanted = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()));
        if !wanted {
            continue;
        }
        // A symbolic link to a folder is not followed (no cycles); one to a file is.
        let Ok(meta) = std::fs::metadata(&path) else {
            files.push((path.clone(), relative(root, &path), 0));
            continue;
        };
        if meta.is_file() {
            files.push((path.clone(), relative(root, &path), meta.len()));
        }
    }
    Ok(())
}

/// `path` relative to `root`, with `/` between components.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The reader thread: turns the inputs into chunks and sends them down the bounded channel.
/// Stops early when the receiver is gone (an output error ended the run).
fn read_inputs(inputs: Vec<Input>, line_limit: usize, tx: SyncSender<Vec<Item>>) {
    let mut chunker = Chunker {
        tx,
        items: Vec::new(),
        bytes: 0,
    };
    for input in inputs {
        let going_on = match input {
            Input::Files(files) => files
                .into_iter()
                .all(|(path, name, size)| chunker.push(Item::File { path, name, size })),
            // Data on stdin may come slowly (a feed): hand over what is there before waiting.
            Input::Stdin => {
                let mut reader = BufReader::with_capacity(1 << 20, std::io::stdin());
                read_jsonl(&mut reader, "stdin", line_limit, true, &mut chunker)
            }
            Input::Json(path, name) => read_json(&path, &name, line_limit, &mut chunker),
            Input::Jsonl(path, name) => match File::open(&path) {
                Ok(file) => {
                    let mut reader = BufReader::with_capacity(1 << 20, file);
                    read_jsonl(&mut reader, &name, line_limit, false, &mut chunker)
                }
                Err(e) => chunker.push(Item::Bad(
                    Skipped {
                        source: name.clone(),
                        article: name,
                        reason: format!("cannot read: {e}"),
                    },
                    0,
                )),
            },
        };
        if !going_on {
            return;
        }
    }
    chunker.flush();
}

/// Cuts a JSON Lines stream into records (blank lines left out). With `eager`, the chunk so
/// far is sent whenever the reader's buffer runs dry, so a slow producer's articles are not
/// held back. False when the receiver is gone.
fn read_jsonl<R: Read>(
    reader: &mut BufReader<R>,
    name: &str,
    line_limit: usize,
    eager: bool,
    chunker: &mut Chunker,
) -> bool {
    let mut line_no = 0usize;
    loop {
        let mut line = Vec::new();
        line_no += 1;
        let source = || format!("{name}:{line_no}");
        let item = match read_line(reader, line_limit, &mut line) {
            Ok(Line::End) => return true,
            Ok(Line::Complete) if line.iter().all(u8::is_ascii_whitespace) => None,
            Ok(Line::Complete) => Some(Item::Record {
                source: source(),
                line,
            }),
            Ok(Line::TooLong(len)) => Some(Item::Bad(
                Skipped {
                    article: source(),
                    source: source(),
                    reason: format!(
                        "line larger than {line_limit} bytes (twice --max-bytes plus 64 KiB; \
                         raise it with --max-bytes)"
                    ),
                },
                len,
            )),
            Err(e) => {
                let bad = Skipped {
                    article: source(),
                    source: source(),
                    reason: format!("cannot read the rest of the input: {e}"),
                };
                return chunker.push(Item::Bad(bad, 0));
            }
        };
        if let Some(item) = item {
            if !chunker.push(item) {
                return false;
            }
        }
        if eager && reader.buffer().is_empty() && !chunker.flush() {
            return false;
        }
    }
}

/// Cuts a `.json` file into records: the elements of a top-level array, or the top-level
/// objects one after the other (one, or several as in JSON Lines). A record is named
/// `FILE#N` (N from 1), or `FILE` when the file holds a single object. The file is streamed;
/// a record over `limit` bytes is skipped, and a syntax error skips the rest of the file.
/// False when the receiver is gone.
fn read_json(path: &Path, name: &str, limit: usize, chunker: &mut Chunker) -> bool {
    let mut records = JsonRecords {
        name,
        limit,
        chunker,
        count: 0,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return records.bad(name.to_string(), format!("cannot read: {e}")),
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let first = loop {
        match reader.fill_buf() {
            Ok([]) => break None,
            Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(i) => {
                    let b = buf[i];
                    reader.consume(i);
                    break Some(b);
                }
                None => {
                    let n = buf.len();
                    reader.consume(n);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return records.bad(name.to_string(), format!("cannot read: {e}")),
        }
    };
    match first {
        None => records.bad(name.to_string(), "empty: no JSON records".to_string()),
        Some(b'[') => {
            let mut de = serde_json::Deserializer::from_reader(reader);
            let read =
                serde::Deserializer::deserialize_seq(&mut de, &mut records).and_then(|()| de.end());
            match read {
                Ok(()) => true,
                Err(e) if e.to_string().starts_with(GONE) => false,
                Err(e) => {
                    let source = format!("{name}#{}", records.count + 1);
                    records.bad(
                        source,
                        format!("not valid JSON ({e}); the rest of the file is skipped"),
                    )
                }
            }
        }
        Some(_) => {
            let de = serde_json::Deserializer::from_reader(reader);
            let mut values = de.into_iter::<Box<RawValue>>().peekable();
            while let Some(value) = values.next() {
                records.count += 1;
                let single = records.count == 1 && values.peek().is_none();
                let source = if single {
                    name.to_string()
                } else {
                    format!("{name}#{}", records.count)
                };
                let going_on = match value {
                    Ok(raw) => records.record(source, &raw),
                    Err(e) => {
                        let reason =
                            format!("not valid JSON ({e}); the rest of the file is skipped");
                        return records.bad(source, reason);
                    }
                };
                if !going_on {
                    return false;
                }
            }
            true
        }
    }
}

/// The error a record visitor returns when the receiver is gone.
const GONE: &str = "opmap: the run has ended";

/// Hands the records of a `.json` file to the chunker.
struct JsonRecords<'a> {
    name: &'a str,
    limit: usize,
    chunker: &'a mut Chunker,
    /// Records seen so far.
    count: usize,
}

impl JsonRecords<'_> {
    /// Sends one record (a value as written in the file); false when the receiver is gone.
    fn record(&mut self, source: String, raw: &RawValue) -> bool {
        let line = raw.get().as_bytes().to_vec();
        if line.len() > self.limit {
            let reason = format!(
                "record larger than {} bytes (twice --max-bytes plus 64 KiB; raise it with \
                 --max-bytes)",
                self.limit
            );
            let bytes = line.len() as u64;
            return self.push_bad(source, reason, bytes);
        }
        self.chunker.push(Item::Record { source, line })
    }

    /// Sends a skipped record; false when the receiver is gone.
    fn bad(&mut self, source: String, reason: String) -> bool {
        self.push_bad(source, reason, 0)
    }

    fn push_bad(&mut self, source: String, reason: String, bytes: u64) -> bool {
        let skipped = Skipped {
            article: source.clone(),
            source,
            reason,
        };
        self.chunker.push(Item::Bad(skipped, bytes))
    }
}

/// Sends each element of a top-level JSON array as a record, named `FILE#N`.
impl<'de> serde::de::Visitor<'de> for &mut JsonRecords<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of JSON objects")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            self.count += 1;
            let source = format!("{}#{}", self.name, self.count);
            if !self.record(source, &raw) {
                return Err(serde::de::Error::custom(GONE));
            }
        }
        Ok(())
    }
}

/// Gathers items into chunks bounded in count and bytes.
struct Chunker {
    tx: SyncSender<Vec<Item>>,
    items: Vec<Item>,
    bytes: usize,
}

impl Chunker {
    /// Adds an item, sending the chunk when it is full; false when the receiver is gone.
    fn push(&mut self, item: Item) -> bool {
        self.bytes += usize::try_from(item.bytes()).unwrap_or(usize::MAX);
        self.items.push(item);
        if self.items.len() >= CHUNK_ITEMS || self.bytes >= CHUNK_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        self.bytes = 0;
        if self.items.is_empty() {
            return true;
        }
        self.tx.send(std::mem::take(&mut self.items)).is_ok()
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// No more input.
    End,
    /// A line (without its `\n` or `\r\n`) is in the buffer.
    Complete,
    /// The line was longer than the limit: this many bytes, dropped.
    TooLong(u64),
}

/// Reads one line into `buf`, never holding more than `limit` bytes of it: a longer line is
/// read to its end and dropped.
fn read_line(reader: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    buf.clear();
    let mut seen = 0u64;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if seen == 0 {
                return Ok(Line::End);
            }
            break;
        }
        let (part, newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        seen += part.len() as u64;
        if !too_long {
            if buf.len() + part.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = part.len() + usize::from(newline);
        reader.consume(used);
        if newline {
            seen += 1;
            break;
        }
    }
    if too_long {
        return Ok(Line::TooLong(seen));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete)
}

/// Reads, extracts and serialises one item (runs on a pool thread).
fn process(gazetteer: &Gazetteer, item: Item, options: &Options) -> Done {
    let bytes = item.bytes();
    let mut warnings = Vec::new();
    let outcome = match item {
        Item::Bad(skipped, _) => Err(skipped),
        Item::File { path, name, .. } => read_file(&path, &name, options.max_bytes)
            .map_err(|reason| Skipped {
                source: path.display().to_string(),
                article: name.clone(),
                reason,
            })
            .and_then(|article| finish(gazetteer, article, &name, options, &mut warnings)),
        Item::Record { source, line } => parse_record(&source, line, options, &mut warnings)
            .and_then(|article| finish(gazetteer, article, &source, options, &mut warnings)),
    };
    Done {
        bytes,
        warnings,
        outcome,
    }
}

/// Reads a file as an article named `name` ([`article::from_bytes`]: decoded, HTML turned
/// into text, its title, date and url kept).
fn read_file(path: &Path, name: &str, max_bytes: u64) -> std::result::Result<Article, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    article::from_bytes(name, bytes, &article::ReadOptions { max_bytes }).map_err(|e| reason_of(&e))
}

fn too_large(limit: u64) -> String {
    format!("larger than the limit of {limit} bytes (raise it with --max-bytes)")
}

/// An error's message without the path it starts with (the report names the article itself).
fn reason_of(err: &Error) -> String {
    match err {
        Error::NotText { why, .. } => format!("not a text file ({why})"),
        Error::TooLarge { limit, .. } => too_large(*limit),
        Error::ReadArticle { source, .. } => format!("cannot read: {source}"),
        other => other.to_string(),
    }
}

/// A JSON line parsed into its article (named by its id, or `FILE:LINE`) by
/// [`article::from_record`], with the record's `title`, `date` and `url`.
fn parse_record(
    source: &str,
    line: Vec<u8>,
    options: &Options,
    warnings: &mut Vec<String>,
) -> std::result::Result<Article, Skipped> {
    let skip = |article: &str, reason: String| Skipped {
        source: source.to_string(),
        article: article.to_string(),
        reason,
    };
    let text = match String::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{source}: invalid UTF-8 at byte offset {offset} of the line; decoded lossily (bad bytes replaced with U+FFFD)"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let value: JsonValue =
        serde_json::from_str(&text).map_err(|e| skip(source, format!("not valid JSON ({e})")))?;
    let JsonValue::Object(mut object) = value else {
        return Err(skip(source, "not a JSON object".to_string()));
    };
    let name = match object.get("id") {
        None | Some(JsonValue::Null) => source.to_string(),
        Some(JsonValue::String(s)) if !s.is_empty() => s.clone(),
        Some(JsonValue::String(_)) => source.to_string(),
        Some(other) => other.to_string(),
    };
    let field = options.text_field();
    let body = match object.remove(field) {
        Some(JsonValue::String(s)) => s,
        None | Some(JsonValue::Null) => {
            return Err(skip(&name, format!("no `{field}` field")));
        }
        Some(_) => return Err(skip(&name, format!("`{field}` is not a string"))),
    };
    let scalar = |key: &str| match object.get(key) {
        None | Some(JsonValue::Null) => None,
        Some(JsonValue::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let date = scalar("date");
    let about = article::About {
        title: scalar("title"),
        date_source: date.as_ref().map(|_| DateSource::Jsonl),
        date,
        url: scalar("url"),
        lang: scalar("lang"),
    };
    let limit = article::ReadOptions {
        max_bytes: options.max_bytes,
    };
    article::from_record(&name, body, about, &limit).map_err(|e| skip(&name, reason_of(&e)))
}

/// Extracts an article's events (those at least as confident as `options.min_confidence`)
/// and serialises them as RFC 8142 records with the article's date ([`crate::reader_date`],
/// else its text's) and `url` (empty when its source gives none). `source` says where the article came from.
fn finish(
    gazetteer: &Gazetteer,
    article: Article,
    source: &str,
    options: &Options,
    warnings: &mut Vec<String>,
) -> std::result::Result<Extracted, Skipped> {
    warnings.extend(article.warnings.iter().cloned());
    if article.text.trim().is_empty() {
        return Err(Skipped {
            source: source.to_string(),
            article: article.path.clone(),
            reason: "empty article".to_string(),
        });
    }
    let reader = crate::reader_date(&article.about).unwrap_or_else(|text| {
        warnings.push(format!(
            "{source}: `date` {text:?} is not a date (YYYY-MM-DD); the article's own date is used"
        ));
        None
    });
    let mut article = article;
    if let Some(lang) = options.lang {
        article.about.lang = Some(lang.code().to_string());
    }
    let mut extraction = crate::extract_dated(gazetteer, &article, reader);
    warnings.extend(crate::language_warning(source, &extraction.language));
    let date = extraction.date.map(|d| d.date);
    if !options.keeps(date) {
        extraction.located.clear();
    }
    crate::resolve::retain_confident(&mut extraction.located, options.min_confidence);
    let located = &extraction.located;
    let mut records = Vec::with_capacity(located.len() * 1200);
    let mut marks = Vec::with_capacity(located.len());
    // Ids are unique within an article; the article's name makes them unique in the corpus
    // (the writer makes the names unique: [`Names`]), without a corpus-wide set of ids.
    let suffix = format!("-{}", layers::slug(&article.path));
    let url = article.about.url.as_deref().unwrap_or_default();
    for (e, mut id) in located.iter().zip(layers::event_ids(located)) {
        id.push_str(&suffix);
        let feature = layers::EventFeature::new(e, &id).with_url(url);
        let mark = crate::formats::seq::frame(&mut records, |out| feature.write_marked(out));
        marks.push(mark);
    }
    Ok(Extracted {
        name: article.path,
        records,
        marks,
        events: located.len() as u64,
        countries: countries_of(located),
        date,
        kept: options.keeps(date),
    })
}

/// Records written for an article named `old`, renamed `new`: each id's last part, the slug of
/// `old`, becomes the slug of `new`, and each `article` property `new`. The bytes between the
/// marks are copied as they are.
fn renamed(records: &[u8], marks: &[[Range<usize>; 3]], old: &str, new: &str) -> Vec<u8> {
    let (old_slug, new_slug) = (layers::slug(old), layers::slug(new));
    let quoted = serde_json::to_string(new).expect("a string serialises");
    let article = &quoted.as_bytes()[1..quoted.len() - 1];
    let mut out = Vec::with_capacity(records.len() + marks.len() * 3 * (new.len() + 4));
    let mut from = 0;
    for [id, name, feature_id] in marks {
        for (range, is_id) in [(id, true), (name, false), (feature_id, true)] {
            out.extend_from_slice(&records[from..range.start]);
            let content = &records[range.clone()];
            if is_id {
                debug_assert!(content.ends_with(old_slug.as_bytes()));
                out.extend_from_slice(&content[..content.len() - old_slug.len()]);
                out.extend_from_slice(new_slug.as_bytes());
            } else {
                out.extend_from_slice(article);
            }
            from = range.end;
        }
    }
    out.extend_from_slice(&records[from..]);
    out
}

/// The article names given so far in a run, so that each is unique over the corpus: the
/// hash of each name's slug (what event ids end with), 8 bytes an article.
#[derive(Debug, Default)]
struct Names {
    seen: rustc_hash::FxHashSet<u64>,
}

impl Names {
    /// Takes `name` for an article: `None` when no article had it (nor a name with the same
    /// slug), else the first free name `name~2`, `name~3`, ….
    fn claim(&mut self, name: &str) -> Option<String> {
        if self.seen.insert(slug_hash(name)) {
            return None;
        }
        (2u64..)
            .map(|n| format!("{name}~{n}"))
            .find(|candidate| self.seen.insert(slug_hash(candidate)))
    }
}

/// A hash of a name's slug (SipHash with fixed keys: the same in every run).
fn slug_hash(name: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    layers::slug(name).hash(&mut hasher);
    hasher.finish()
}

/// The countries of an article's events, each with the set of its actions.
fn countries_of(located: &[Located]) -> Vec<(String, String, u8)> {
    let mut out: Vec<(String, String, u8)> = Vec::new();
    for e in located {
        let bit = 1u8 << action_index(e.action);
        match out.iter_mut().find(|c| c.0 == e.country.as_str()) {
            Some(c) => c.2 |= bit,
            None => out.push((e.country.to_string(), e.country_name.clone(), bit)),
        }
    }
    out
}

fn action_index(action: Action) -> usize {
    Action::ALL
        .iter()
        .position(|&a| a == action)
        .expect("every action is in ALL")
}

/// The actions of a bit set, in order.
fn actions_of(count: &CountryCount) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .zip(count.actions)
        .filter(|&(_, n)| n > 0)
        .map(|(a, _)| a)
        .collect()
}

/// Writes the aggregate through the one output path ([`crate::write_outputs`]), each format
/// only when `options.formats` asks for it: `countries.geojson` (`geojson`), `summary.csv`
/// (`csv`), `map.png`, `map.svg`, `map.txt`, `map.html` (a tooltip per country with its counts
/// and top articles), the QGIS styles, basemap and project (`qgis`; the project opens
/// `events.geojsonl` too, temporal over the articles' dates), `chart.*` and, when
/// articles have dates, `timeline.*` (`chart`), and, when any article was skipped,
/// `skipped.csv`; then removes stale files but `events.geojsonl`.
fn write_aggregate(gazetteer: &Gazetteer, options: &Options, summary: &mut Summary) -> Result<()> {
    let title = options.title.clone().unwrap_or_else(|| {
        format!(
            "{} articles: countries with an action",
            thousands(summary.with_events)
        )
    });
    let mut spec = map_spec(&summary.countries, &title);
    (spec.width, spec.height) = (options.width, options.height);
    let mut extra = Vec::new();
    if options.formats.csv {
        extra.push(("summary.csv".to_string(), summary_csv(&summary.countries)));
    }
    if options.formats.chart {
        extra.extend(chart_files(summary, &title, options)?);
    }
    if !summary.skipped.is_empty() {
        extra.push(("skipped.csv".to_string(), skipped_csv(&summary.skipped)));
    }
    let content = crate::MapContent {
        spec,
        layers: crate::LayersFrom::Built(Box::new(layers::Layers {
            events: Vec::new(),
            countries: countries_layer(gazetteer, &summary.countries)?,
            flows: geojson::FeatureCollection::default(),
        })),
        marker_of: Vec::new(),
        notes: notes(gazetteer, &summary.countries),
        extra,
        kept: summary.files.clone(),
        event_stream: Some(
            summary
                .days
                .keys()
                .next()
                .zip(summary.days.keys().next_back())
                .map(|(first, last)| (first.to_string(), last.to_string())),
        ),
    };
    let map_options = crate::MapOptions {
        out_dir: options.out_dir.clone(),
        title,
        width: options.width,
        height: options.height,
        formats: options.formats,
        left_out: None,
        flows: crate::hub::Flows::None,
        render: options.render.clone(),
        labels: crate::lang::Lang::En,
    };
    let written = crate::write_outputs(gazetteer, content, &map_options)?;
    summary.files.extend(written.files);
    summary.removed = written.removed;
    Ok(())
}

/// The corpus' bar chart: the [`crate::charts::bars::TOP`] countries with most articles per
/// action, the others summed; its subtitle is the map's title and source.
pub fn corpus_chart(
    countries: &BTreeMap<String, CountryCount>,
    map_title: &str,
    render: &render::Options,
) -> crate::charts::BarChart {
    use crate::charts;
    let rows = countries.values().map(|c| (c.name.clone(), c.actions));
    let subtitle = charts::subtitle(map_title, render.subtitle.as_deref());
    charts::BarChart::of_counts(rows, charts::bars::TOP, charts::BAR_TITLE, subtitle)
}

/// `chart.*`, the corpus' bar chart ([`corpus_chart`]), and `timeline.*` when articles have
/// dates: a batch run's charts (`--formats chart`).
fn chart_files(
    summary: &Summary,
    title: &str,
    options: &Options,
) -> Result<Vec<(String, Vec<u8>)>> {
    let chart = corpus_chart(&summary.countries, title, &options.render);
    let mut files = crate::charts::bar_files(&chart, options.width, &options.render)?;
    let subtitle = crate::charts::subtitle(title, options.render.subtitle.as_deref());
    if let Some(timeline) = crate::charts::Timeline::of_days(&summary.days, subtitle) {
        files.extend(crate::charts::timeline_files(
            &timeline,
            options.width,
            &options.render,
        )?);
    }
    Ok(files)
}

/// The countries' tooltips on map.html: articles, each action's count, the top articles.
fn notes(
    gazetteer: &Gazetteer,
    countries: &BTreeMap<String, CountryCount>,
) -> Vec<crate::formats::webmap::CountryNote> {
    countries
        .iter()
        .filter(|(_, c)| c.articles > 0)
        .map(|(code, c)| {
            let plural = if c.articles == 1 { "" } else { "s" };
            let mut lines = vec![format!(
                "{} article{plural} with an action",
                thousands(c.articles)
            )];
            lines.extend(
                Action::ALL
                    .iter()
                    .zip(c.actions)
                    .filter(|&(_, n)| n > 0)
                    .map(|(a, n)| format!("{}: {}", a.title(), thousands(n))),
            );
            if !c.top.is_empty() {
                let names: Vec<&str> = c.top.iter().map(|(name, _)| name.as_str()).collect();
                lines.push(format!("Top articles: {}", names.join(", ")));
            }
            let point = gazetteer.country(code).map(|country| {
                let p = gazetteer.place(country.place).point;
                (p.x(), p.y())
            });
            crate::formats::webmap::CountryNote {
                code: code.clone(),
                name: c.name.clone(),
                lines,
                point,
            }
        })
        .collect()
}

/// `countries.geojson`: the single-map countries layer ([`layers::countries`], fed the
/// aggregate's actions) with `articles` and one count per action after the other properties.
fn countries_layer(
    gazetteer: &Gazetteer,
    countries: &BTreeMap<String, CountryCount>,
) -> Result<geojson::FeatureCollection> {
    let rows: Vec<layers::CountryActions> = countries
        .iter()
        .filter_map(|(code, count)| {
            let actions = actions_of(count);
            let code = crate::record::CountryCode::new(code)?;
            (!actions.is_empty()).then(|| {
                let mut counts = vec![("articles", count.articles)];
                counts.extend(Action::ALL.iter().map(|a| a.as_str()).zip(count.actions));
                layers::CountryActions {
                    code,
                    name: count.name.clone(),
                    actions,
                    counts,
                }
            })
        })
        .collect();
    layers::countries(gazetteer, &rows)
}

/// Countries by number of articles, most first (then by code).
fn ranked(countries: &BTreeMap<String, CountryCount>) -> Vec<(&String, &CountryCount)> {
    let mut rows: Vec<_> = countries.iter().collect();
    rows.sort_by(|a, b| b.1.articles.cmp(&a.1.articles).then(a.0.cmp(b.0)));
    rows
}

/// `summary.csv`: `country,country_name,articles,seizure,…,participation`, most articles first.
fn summary_csv(countries: &BTreeMap<String, CountryCount>) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["country", "country_name", "articles"];
    header.extend(Action::ALL.iter().map(|a| a.as_str()));
    w.write_record(&header).expect("writing to memory");
    for (code, count) in ranked(countries) {
        let mut row = vec![code.clone(), count.name.clone(), count.articles.to_string()];
        row.extend(count.actions.iter().map(u64::to_string));
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

fn skipped_csv(skipped: &[Skipped]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["source", "article", "reason"])
        .expect("writing to memory");
    for s in skipped {
        w.write_record([&s.source, &s.article, &s.reason])
            .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// The heading of the aggregate map's legend.
pub const CHOROPLETH_TITLE: &str = "Articles with an action";
/// The aggregate map labels at most this many countries (the highest, where they fit).
pub const CHOROPLETH_LABELS: usize = 8;

/// The aggregate map, 1600×1000: a choropleth of the number of articles with an action in
/// each country, classes by [`render::classes::count_breaks`], no markers (the countries are
/// the data); the highest countries are labelled "Name count" where their labels fit.
pub fn map_spec(countries: &BTreeMap<String, CountryCount>, title: &str) -> MapSpec {
    let values: Vec<ChoroplethValue> = ranked(countries)
        .into_iter()
        .filter(|(_, count)| count.articles > 0)
        .map(|(code, count)| ChoroplethValue {
            code: code.clone(),
            name: count.name.clone(),
            value: count.articles as f64,
        })
        .collect();
    let max = values.iter().map(|v| v.value).fold(0.0, f64::max);
    MapSpec {
        title: title.to_string(),
        width: 1600,
        height: 1000,
        markers: Vec::new(),
        countries: Vec::new(),
        flows: Vec::new(),
        attribution: layers::ATTRIBUTION.to_string(),
        choropleth: Some(Choropleth {
            title: CHOROPLETH_TITLE.to_string(),
            values,
            breaks: render::classes::count_breaks(max),
            labels: CHOROPLETH_LABELS,
        }),
        lang: crate::lang::Lang::En,
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The closing summary printed to stderr.
pub fn report(summary: &Summary, out_dir: &Path) -> String {
    let secs = summary.elapsed.as_secs_f64().max(1e-9);
    let mut out = format!(
        "opmap: {} articles ({:.1} MB) in {:.2} s with {} thread{}: {} articles/s, {:.1} MB/s\n",
        thousands(summary.articles),
        summary.bytes as f64 / 1e6,
        secs,
        summary.threads,
        if summary.threads == 1 { "" } else { "s" },
        thousands((summary.articles as f64 / secs) as u64),
        summary.bytes as f64 / 1e6 / secs,
    );
    out += &format!(
        "  {} with events, {} events, {} countries",
        thousands(summary.with_events),
        thousands(summary.events),
        summary.countries.len()
    );
    if summary.warnings > 0 {
        out += &format!("; {} warnings", thousands(summary.warnings));
    }
    if summary.out_of_range > 0 {
        out += &format!(
            "; {} outside --since/--until or undated, left out",
            thousands(summary.out_of_range)
        );
    }
    if summary.skipped.is_empty() {
        out.push('\n');
    } else {
        out += &format!(
            "; {} skipped (listed in {})\n",
            thousands(summary.skipped.len() as u64),
            out_dir.join("skipped.csv").display()
        );
    }
    let top: Vec<String> = ranked(&summary.countries)
        .into_iter()
        .take(10)
        .map(|(code, c)| format!("{code} {}", thousands(c.articles)))
        .collect();
    if !top.is_empty() {
        out += &format!("  most articles: {}\n", top.join(", "));
    }
    for file in &summary.files {
        out += &format!("wrote {}\n", file.display());
    }
    for file in &summary.removed {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        out += &format!("removed stale {name} (an earlier run's)\n");
    }
    out
}

/// The progress bar: input bytes done (when the total is known), articles and articles/s;
/// drawn only when stderr is a terminal and the run is not quiet.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(total_bytes: Option<u64>, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total_bytes {
                Some(total) => (
                    indicatif::ProgressBar::new(total),
                    "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {msg} ETA {eta}",
                ),
                None => (
                    indicatif::ProgressBar::new_spinner(),
                    "{elapsed_precise} {spinner} {bytes} {msg}",
                ),
            };
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    fn set_articles(&self, articles: u64) {
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} articles, {} articles/s",
                thousands(articles),
                thousands((articles as f64 / secs) as u64)
            ));
        }
    }

    /// Prints a line above the bar (or plainly, without one).
    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<std::result::Result<String, u64>> {
        let mut reader = std::io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line(&mut reader, limit, &mut buf).unwrap() {
                Line::End => return out,
                Line::Complete => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                Line::TooLong(n) => out.push(Err(n)),
            }
        }
    }

    #[test]
    fn lines_are_bounded() {
        assert_eq!(
            lines(b"ab\r\n0123456789\nlast", 5),
            [Ok("ab".into()), Err(11), Ok("last".into())]
        );
        assert_eq!(lines(b"", 5), []);
        assert_eq!(lines(b"\n", 5), [Ok(String::new())]);
    }

    #[test]
    fn records_name_their_article() {
        let options = Options::default();
        let mut warnings = Vec::new();
        let line = br#"{"id": 7, "text": "Raids in France.", "date": "2024-05-30"}"#.to_vec();
        let r = parse_record("a.jsonl:3", line, &options, &mut warnings).unwrap();
        assert_eq!(
            (
                r.path.as_str(),
                r.about.date.as_deref(),
                r.about.url.as_deref()
            ),
            ("7", Some("2024-05-30"), None)
        );
        let bad = parse_record(
            "a.jsonl:4",
            b"{\"id\": \"x\"}".to_vec(),
            &options,
            &mut warnings,
        )
        .unwrap_err();
        assert_eq!(bad.to_string(), "a.jsonl:4 (article x): no `text` field");
        let bad =
            parse_record("a.jsonl:5", b"{oops".to_vec(), &options, &mut warnings).unwrap_err();
        assert!(bad.to_string().starts_with("a.jsonl:5: not valid JSON"));
        assert!(warnings.is_empty());
    }

    #[test]
    fn names_are_made_unique_by_their_slugs() {
        let mut names = Names::default();
        assert_eq!(names.claim("f1/a.txt"), None);
        assert_eq!(names.claim("f2/a.txt"), None);
        assert_eq!(names.claim("f1/a.txt").as_deref(), Some("f1/a.txt~2"));
        // `f1-a.txt` leaves the same id suffix as `f1/a.txt`, and `f1-a.txt~2` as
        // `f1/a.txt~2`: both are taken.
        assert_eq!(names.claim("f1-a.txt").as_deref(), Some("f1-a.txt~3"));
        assert_eq!(names.claim("f1/a.txt").as_deref(), Some("f1/a.txt~4"));
    }

    #[test]
    fn renamed_records_are_the_records_written_under_the_new_name() {
        let g = crate::gazetteer::tests_support::small();
        let text = "Raids were conducted in France. Police arrested two \"suspects\" in France.";
        let write = |name: &str| {
            let mut article = Article::from_text(name, text);
            article.about.date = Some("2024-05-30".to_string());
            finish(&g, article, name, &Options::default(), &mut Vec::new()).unwrap()
        };
        let old = write("f1/a \"b\".txt");
        assert!(old.events >= 2, "{}", String::from_utf8_lossy(&old.records));
        let new = write("f1/a \"b\".txt~2");
        assert_eq!(
            String::from_utf8(renamed(&old.records, &old.marks, &old.name, &new.name)).unwrap(),
            String::from_utf8(new.records).unwrap()
        );
    }

    /// The records a `.json` file is cut into: (source, record or reason).
    fn json_records(text: &str) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, text).unwrap();
        let (tx, rx) = sync_channel(16);
        let mut chunker = Chunker {
            tx,
            items: Vec::new(),
            bytes: 0,
        };
        assert!(read_json(&path, "x.json", 40, &mut chunker));
        assert!(chunker.flush());
        drop(chunker);
        rx.into_iter()
            .flatten()
            .map(|item| match item {
                Item::Record { source, line } => (source, String::from_utf8(line).unwrap()),
                Item::Bad(skipped, _) => (skipped.source, skipped.reason),
                Item::File { .. } => unreachable!("no files"),
            })
            .collect()
    }

    #[test]
    fn json_files_are_cut_into_records() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            json_records(" {\n  \"text\": \"a\"\n}\n"),
            pairs(&[("x.json", "{\n  \"text\": \"a\"\n}")])
        );
        assert_eq!(
            json_records("{\"id\":1}\n{\"id\":2}"),
            pairs(&[("x.json#1", "{\"id\":1}"), ("x.json#2", "{\"id\":2}")])
        );
        assert_eq!(
            json_records(
                "[{\"id\":1}, 5, {\"text\":\"0123456789012345678901234567890123456789\"}]"
            ),
            pairs(&[
                ("x.json#1", "{\"id\":1}"),
                ("x.json#2", "5"),
                (
                    "x.json#3",
                    "record larger than 40 bytes (twice --max-bytes plus 64 KiB; raise it with \
                     --max-bytes)"
                ),
            ])
        );
        let broken = json_records("[{\"id\":1}, {oops}]");
        assert_eq!(
            broken[0],
            ("x.json#1".to_string(), "{\"id\":1}".to_string())
        );
        assert_eq!(broken[1].0, "x.json#2");
        assert!(
            broken[1]
                .1
                .starts_with("not valid JSON (key must be a string"),
            "{broken:?}"
        );
        let empty = json_records("  \n");
        assert_eq!(empty, pairs(&[("x.json", "empty: no JSON records")]));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
