//! The `opmap` command line: clap parsing, calls into the library, errors and exit codes.
//!
//! Exit codes: 0 success (also when nothing was found); 2 usage; 3 unreadable or invalid
//! input; 4 output could not be written; 1 an internal error (a bug: please report it).

use anyhow::Context;
use clap::{Parser, Subcommand};
use opmap::article::{self, ReadOptions};
use opmap::error::Error;
use opmap::gazetteer::Gazetteer;
use opmap::lang::Lang;
use opmap::resolve::Located;
use opmap::{layers, MapOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: extraction and serialisation make many small, short-lived strings; the system
/// allocator spent a sixth of a batch run in malloc and free (bench/batch.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed article's name: its path in the repository, which its events and the map's
/// subtitle give as their source.
const SEED: &str = "seeds/europol-amaq-takedown.txt";
/// The seed article itself, inside the binary, so that `opmap` with no arguments works in any
/// folder (after `cargo install` too).
const SEED_TEXT: &[u8] = include_bytes!("../seeds/europol-amaq-takedown.txt");

/// Turn a news article about a multinational operation into maps.
///
/// With no arguments: maps the bundled seed article (seeds/europol-amaq-takedown.txt) into
/// ./output/.
#[derive(Debug, Parser)]
#[command(name = "opmap", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract events from articles and write GeoJSON layers and PNG/SVG maps.
    Map {
        /// Article(s) to read (`-` for stdin).
        #[arg(required = true)]
        articles: Vec<String>,
        #[command(flatten)]
        map: MapArgs,
        /// Refuse an article larger than this many bytes.
        #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
        max_bytes: u64,
        /// The articles' language: en, de, fr, nl or es (default: told from each text).
        #[arg(long, value_name = "LANG")]
        lang: Option<opmap::lang::Lang>,
    },
    /// Print the events FeatureCollection (what events.geojson holds) to stdout.
    Extract {
        /// Article(s) to read (`-` for stdin).
        #[arg(required = true)]
        articles: Vec<String>,
        /// Print a readable report of each event and its evidence instead of GeoJSON.
        #[arg(long)]
        explain: bool,
        /// Print GeoJSON Text Sequences (RFC 8142): each feature after an RS byte (0x1E),
        /// followed by a newline, instead of one FeatureCollection.
        #[arg(long, conflicts_with = "explain")]
        seq: bool,
        /// Refuse an article larger than this many bytes.
        #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
        max_bytes: u64,
        /// Leave out events whose confidence is below X (0–1; see the README for each rule's).
        #[arg(long, default_value_t = 0.0, value_name = "X", value_parser = parse_confidence)]
        min_confidence: f64,
        /// The articles' language: en, de, fr, nl or es (default: told from each text).
        #[arg(long, value_name = "LANG")]
        lang: Option<opmap::lang::Lang>,
    },
    /// Draw the countries/flows layers and the maps from an events GeoJSON file.
    Render {
        /// An events.geojson written by opmap (and possibly edited).
        events: PathBuf,
        #[command(flatten)]
        map: MapArgs,
    },
    /// Print every place mention of the articles, in text order: a GeoJSON Point per mention
    /// with its words, byte and character offsets, kind, resolved place and GeoNames id, and
    /// its fate in the extraction (the ids of the events it produced, or the filter that
    /// dropped it).
    Places {
        /// Article(s) to read (`-` for stdin).
        #[arg(required = true)]
        articles: Vec<String>,
        /// Print GeoJSON Text Sequences (RFC 8142): each feature after an RS byte (0x1E),
        /// followed by a newline, instead of one FeatureCollection.
        #[arg(long)]
        seq: bool,
        /// Output format: geojson or csv.
        #[arg(long, default_value = "geojson", value_name = "FORMAT")]
        format: PlacesFormat,
        /// Add each mention's candidates: every place its name could stand for, with the
        /// chosen one flagged.
        #[arg(long)]
        candidates: bool,
        /// Refuse an article larger than this many bytes.
        #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
        max_bytes: u64,
        /// The articles' language: en, de, fr, nl or es (default: told from each text).
        #[arg(long, value_name = "LANG")]
        lang: Option<opmap::lang::Lang>,
    },
    /// Print what the gazetteer makes of each name.
    Resolve {
        /// Names to look up ("the Netherlands", "FBI", "Paris", "FR").
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Map many articles at once: folders, JSON Lines files or `-` (JSON Lines on stdin) into
    /// one event stream (events.geojsonl), an aggregate map and summary.csv. Exits 5 when an
    /// article was skipped.
    Batch(BatchArgs),
}

/// `opmap batch`'s arguments.
#[derive(Debug, clap::Args)]
struct BatchArgs {
    /// Folders (their .txt, .md and .html files), JSON Lines files (.jsonl, .ndjson) or `-`.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Directory the files are written into (created if needed).
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Read every file input as JSON Lines, whatever its extension.
    #[arg(long)]
    jsonl: bool,
    /// The field of a JSON record holding the article's text. Default: text. Only for
    /// JSON Lines and .json inputs (an input read as prose is an error).
    #[arg(long, value_name = "FIELD")]
    text_field: Option<String>,
    /// Skip an article (file or JSON line) larger than this many bytes.
    #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,
    /// No progress bar, warnings or closing summary (skipped articles are still reported).
    #[arg(long, short)]
    quiet: bool,
    /// Extraction threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Leave out events whose confidence is below X (0–1; see the README for each rule's).
    #[arg(long, default_value_t = 0.0, value_name = "X", value_parser = parse_confidence)]
    min_confidence: f64,
    /// The map's title. Default: "N articles: countries with an action".
    #[arg(long)]
    title: Option<String>,
    /// Keep only articles dated on or after DATE (YYYY-MM-DD); undated articles are left
    /// out when --since or --until is given.
    #[arg(long, value_name = "DATE")]
    since: Option<opmap::dates::Date>,
    /// Keep only articles dated on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<opmap::dates::Date>,
    /// Every article's language: en, de, fr, nl or es (default: a record's `lang`, else
    /// told from each text).
    #[arg(long, value_name = "LANG")]
    lang: Option<opmap::lang::Lang>,
    /// Aggregate files to write, comma-separated: geojson (countries.geojson), csv
    /// (summary.csv), png, svg, html, qgis (the .qml styles, map.qgs and basemap.geojson,
    /// with countries.geojson), chart (chart.*, and timeline.* when articles have dates),
    /// or all. events.geojsonl is always written.
    #[arg(long, default_value = "all", value_name = "LIST")]
    formats: opmap::formats::Formats,
    #[command(flatten)]
    view: ViewArgs,
}

/// What `opmap places` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PlacesFormat {
    /// GeoJSON: a FeatureCollection, or GeoJSON Text Sequences with `--seq`.
    Geojson,
    /// CSV: a row per mention, with `lon` and `lat`.
    Csv,
}

#[derive(Debug, clap::Args)]
struct MapArgs {
    /// Directory the files are written into (created if needed).
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// The map's title. Default: the article's headline, else its operation and date, else a
    /// summary ("Seizures and raids in 6 countries").
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    view: ViewArgs,
    /// Flows: hub (arrows from the one hub, the first-named international body or the
    /// single lead country, to each place outside its country) or none.
    #[arg(long, default_value = "hub", value_name = "MODE")]
    flows: opmap::hub::Flows,
    /// Inset for a distant second cluster of events (see DESIGN.md): auto or off.
    #[arg(long, default_value = "auto", value_name = "MODE")]
    inset: opmap::render::options::InsetMode,
    /// Files to write, comma-separated: geojson, csv, png, svg, html, chart (chart.png, .svg,
    /// .txt: actions per country), qgis (the .qml styles,
    /// map.qgs and basemap.geojson, with the layers they open), or all.
    #[arg(long, default_value = "all", value_name = "LIST")]
    formats: opmap::formats::Formats,
    /// Leave out events whose confidence is below X (0–1; see the README for each rule's).
    #[arg(long, default_value_t = 0.0, value_name = "X", value_parser = parse_confidence)]
    min_confidence: f64,
    /// The language of the map's country labels and legend: en, or auto (the article's:
    /// German, French, Dutch or Spanish names and words for an article in that language).
    #[arg(long, default_value = "en", value_name = "MODE")]
    label_lang: LabelLang,
}

/// `--label-lang`: English labels, or the article's language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum LabelLang {
    /// English.
    #[default]
    En,
    /// The article's language.
    Auto,
}

/// A confidence threshold: a number from 0 to 1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number (expected 0 to 1)"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is outside 0 to 1"))
    }
}

/// How a map looks, for `map`, `render` and `batch` alike.
#[derive(Debug, clap::Args)]
struct ViewArgs {
    /// The line under the title. Default: "Source: " and the input's path.
    #[arg(long)]
    subtitle: Option<String>,
    /// Projection: auto (Lambert azimuthal equal-area for regions, Equal Earth for the world),
    /// equal-earth, laea, mercator or plate-carree.
    #[arg(long, default_value = "auto", value_name = "NAME")]
    projection: opmap::render::options::ProjectionChoice,
    /// Extent: auto (fitted to the events, or a batch map's countries), world, europe, or
    /// W,S,E,N in degrees.
    #[arg(
        long,
        default_value = "auto",
        value_name = "EXTENT",
        allow_hyphen_values = true
    )]
    extent: opmap::render::options::ExtentChoice,
    /// Colour theme: light or dark.
    #[arg(long, default_value = "light", value_name = "THEME")]
    theme: opmap::render::options::Theme,
    /// Map size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1600x1000", value_name = "WxH")]
    size: opmap::render::options::Size,
    /// Draw N times larger for print (same layout; 3 gives 4800x3000 from 1600x1000), 1 to 4.
    #[arg(long, default_value = "1", value_name = "N", value_parser = opmap::render::options::parse_scale)]
    scale: u32,
}

impl ViewArgs {
    /// An error when the canvas (`--size` times `--scale`) is over [`render::MAX_PIXELS`].
    ///
    /// [`render::MAX_PIXELS`]: opmap::render::MAX_PIXELS
    fn check(&self) -> Result<(), String> {
        let (w, h) = (
            u64::from(self.size.width * self.scale),
            u64::from(self.size.height * self.scale),
        );
        let limit = opmap::render::MAX_PIXELS;
        if w * h <= limit {
            return Ok(());
        }
        Err(format!(
            "--size {} at --scale {} makes a {w}x{h} canvas, {:.0} megapixels: over the limit of \
             {} megapixels (width x height after --scale); choose a smaller --size or --scale",
            self.size,
            self.scale,
            (w * h) as f64 / 1e6,
            limit / 1_000_000
        ))
    }

    /// The render options (the inset mode aside), with `source` as the subtitle unless one
    /// was given, and the final pixel size (`--size` times `--scale`).
    fn render(
        self,
        inset: opmap::render::options::InsetMode,
        source: String,
    ) -> (opmap::render::Options, u32, u32) {
        let options = opmap::render::Options {
            projection: self.projection,
            extent: self.extent,
            inset,
            theme: self.theme,
            scale: self.scale,
            subtitle: Some(self.subtitle.unwrap_or(source)),
        };
        (
            options,
            self.size.width * self.scale,
            self.size.height * self.scale,
        )
    }
}

impl MapArgs {
    /// The labels' language: English, or with `--label-lang auto` the article's `lang`.
    fn labels(&self, lang: Option<Lang>) -> Lang {
        match self.label_lang {
            LabelLang::En => Lang::En,
            LabelLang::Auto => lang.unwrap_or(Lang::En),
        }
    }

    /// The defaults, writing into `out`.
    fn defaults(out: PathBuf) -> MapArgs {
        MapArgs {
            out,
            title: None,
            view: ViewArgs {
                subtitle: None,
                projection: Default::default(),
                extent: Default::default(),
                theme: Default::default(),
                size: Default::default(),
                scale: 1,
            },
            inset: Default::default(),
            flows: Default::default(),
            formats: Default::default(),
            min_confidence: 0.0,
            label_lang: LabelLang::En,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse().and_then(checked) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("opmap: {}", describe(&err));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The error and its causes, joined by ": ", leaving out a cause whose text the message
/// before it already quotes (our errors name their source in their own message).
fn describe(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// The command line after the checks that span several options (the canvas size), as a usage
/// error before anything is read or written.
fn checked(cli: Cli) -> Result<Cli, clap::Error> {
    let (name, view) = match &cli.command {
        Some(Command::Map { map, .. }) => ("map", &map.view),
        Some(Command::Render { map, .. }) => ("render", &map.view),
        Some(Command::Batch(BatchArgs { view, .. })) => ("batch", view),
        _ => return Ok(cli),
    };
    if let Err(message) = view.check() {
        use clap::CommandFactory;
        let mut command = Cli::command();
        command.build();
        let sub = command
            .find_subcommand_mut(name)
            .expect("the subcommand exists");
        return Err(sub.error(clap::error::ErrorKind::ValueValidation, message));
    }
    Ok(cli)
}

fn exit_code(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<Error>() {
        Some(Error::Usage { .. }) => 2,
        Some(
            Error::ReadArticle { .. }
            | Error::NotText { .. }
            | Error::TooLarge { .. }
            | Error::InvalidGeoJson { .. }
            | Error::InvalidFeature { .. },
        ) => 3,
        Some(Error::WriteOutput { .. } | Error::Render { .. }) => 4,
        _ => 1,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        return map_seed();
    };
    match command {
        Command::Map {
            articles,
            map,
            max_bytes,
            lang,
        } => {
            let gazetteer = load_gazetteer()?;
            let (mut located, first, dropped) =
                extract_all(&gazetteer, &articles, (max_bytes, lang))?;
            opmap::resolve::retain_confident(&mut located, map.min_confidence);
            let left_out = opmap::actions::left_out_summary(&dropped);
            if let Some(summary) = &left_out {
                eprintln!("{summary}");
            }
            let date = first.date;
            let labels = map.labels(first.lang);
            let title = map.title.clone().unwrap_or_else(|| {
                opmap::title::title_in(&first.text, first.title.as_deref(), &located, date, labels)
            });
            let sources: Vec<&str> = articles.iter().map(String::as_str).collect();
            let source = opmap::title::subtitle_in(date.map(|d| d.date), &sources, labels);
            write_map(&gazetteer, &located, map, (title, source, labels), left_out)
        }
        Command::Extract {
            articles,
            explain,
            seq,
            max_bytes,
            min_confidence,
            lang,
        } => extract(&articles, explain, seq, (max_bytes, min_confidence, lang)),
        Command::Render { events, map } => {
            let gazetteer = load_gazetteer()?;
            let display = events.display().to_string();
            let text = std::fs::read_to_string(&events).map_err(|source| Error::ReadArticle {
                path: display.clone(),
                source,
            })?;
            let mut located = opmap::events_file::parse(&gazetteer, &display, &text)?;
            opmap::resolve::retain_confident(&mut located, map.min_confidence);
            let title = map
                .title
                .clone()
                .unwrap_or_else(|| opmap::title_from_path(&events));
            let date = located.iter().find_map(|e| e.date).map(|d| d.date);
            let labels = map.labels(located.iter().find_map(|e| e.lang));
            let source = opmap::title::subtitle_in(date, &[&display], labels);
            write_map(&gazetteer, &located, map, (title, source, labels), None)
        }
        Command::Batch(args) => run_batch(args),
        Command::Places {
            articles,
            seq,
            format,
            candidates,
            max_bytes,
            lang,
        } => places(&articles, seq, format, candidates, (max_bytes, lang)),
        Command::Resolve { names } => resolve(&names),
    }
}

/// `opmap batch`: many articles into one event stream and an aggregate map (exit 5 when an
/// article was skipped).
fn run_batch(args: BatchArgs) -> anyhow::Result<()> {
    let BatchArgs {
        inputs,
        out,
        jsonl,
        text_field,
        max_bytes,
        quiet,
        threads,
        min_confidence,
        title,
        since,
        until,
        lang,
        formats,
        view,
    } = args;
    let gazetteer = load_gazetteer()?;
    let source = format!("Source: {}", inputs.join(", "));
    let (render, width, height) = view.render(Default::default(), source);
    let options = opmap::batch::Options {
        out_dir: out,
        jsonl,
        text_field,
        max_bytes,
        threads,
        quiet,
        title,
        width,
        height,
        render,
        min_confidence,
        lang,
        since,
        until,
        formats,
    };
    let summary = opmap::batch::run(&gazetteer, &inputs, &options)?;
    if !summary.skipped.is_empty() {
        std::process::exit(opmap::batch::EXIT_SKIPPED.into());
    }
    Ok(())
}

/// `opmap extract`: the events FeatureCollection (or sequence, or the `--explain` report) on
/// stdout.
fn extract(
    articles: &[String],
    explain: bool,
    seq: bool,
    (max_bytes, min_confidence, lang): (u64, f64, Option<Lang>),
) -> anyhow::Result<()> {
    let gazetteer = load_gazetteer()?;
    if explain {
        for path in articles {
            let article = read_article(path, (max_bytes, lang))?;
            let x = extract_article(&gazetteer, &article);
            to_stdout(|out| {
                out.write_all(opmap::explain::report(&gazetteer, &article, &x).as_bytes())
            })?;
        }
    } else {
        let (mut located, _, _) = extract_all(&gazetteer, articles, (max_bytes, lang))?;
        opmap::resolve::retain_confident(&mut located, min_confidence);
        to_stdout(|out| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            if seq {
                opmap::formats::seq::write_events(&located, &mut out)?;
            } else {
                layers::write_events(&located, &mut out)?;
            }
            out.flush()
        })?;
    }
    Ok(())
}

/// `opmap places`: every place mention of the articles, as GeoJSON or CSV on stdout.
fn places(
    articles: &[String],
    seq: bool,
    format: PlacesFormat,
    candidates: bool,
    (max_bytes, lang): (u64, Option<Lang>),
) -> anyhow::Result<()> {
    if seq && format == PlacesFormat::Csv {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--seq prints GeoJSON Text Sequences: it does not go with --format csv",
            )
            .exit();
    }
    let gazetteer = load_gazetteer()?;
    // Every article is read before anything is printed: a bad one prints nothing.
    let mut extracted = Vec::with_capacity(articles.len());
    for path in articles {
        let article = read_article(path, (max_bytes, lang))?;
        let x = extract_article(&gazetteer, &article);
        extracted.push((article, x));
    }
    let records = opmap::mentions::records(&gazetteer, &extracted);
    let csv = match format {
        PlacesFormat::Csv => Some(opmap::mentions::csv(&records, candidates)?),
        PlacesFormat::Geojson => None,
    };
    to_stdout(|out| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        match &csv {
            Some(csv) => out.write_all(csv.as_bytes())?,
            None if seq => opmap::mentions::write_seq(&records, candidates, &mut out)?,
            None => opmap::mentions::write_geojson(&records, candidates, &mut out)?,
        }
        out.flush()
    })
}

/// `opmap resolve`: what the gazetteer makes of each name, one line per reading.
fn resolve(names: &[String]) -> anyhow::Result<()> {
    let gazetteer = load_gazetteer()?;
    to_stdout(|stdout| {
        for name in names {
            let found = gazetteer.lookup(name);
            if found.is_empty() {
                writeln!(stdout, "{name}\tnot found")?;
            }
            for id in found {
                let p = gazetteer.place(id);
                writeln!(
                    stdout,
                    "{name}\t{}\t{}\t{}\t{:.6}\t{:.6}",
                    p.country,
                    p.name,
                    p.kind.as_str(),
                    p.point.x(),
                    p.point.y()
                )?;
            }
        }
        Ok(())
    })
}

/// `opmap` with no arguments: maps the bundled seed article into `./output/` and says where.
fn map_seed() -> anyhow::Result<()> {
    let gazetteer = load_gazetteer()?;
    let article = article::decode(SEED, SEED_TEXT.to_vec())
        .context("decoding the bundled seed article (a bug: please report it)")?;
    let extraction = opmap::extract(&gazetteer, &article);
    let title = opmap::title::title(
        &article.text,
        article.about.title.as_deref(),
        &extraction.located,
        extraction.date,
    );
    let out = PathBuf::from("output");
    let source = opmap::title::subtitle(extraction.date.map(|d| d.date), &[SEED]);
    let left_out = opmap::actions::left_out_summary(&extraction.dropped);
    if let Some(summary) = &left_out {
        eprintln!("{summary}");
    }
    write_map(
        &gazetteer,
        &extraction.located,
        MapArgs::defaults(out.clone()),
        (title, source, Lang::En),
        left_out,
    )?;
    let at = std::fs::canonicalize(&out).unwrap_or(out);
    eprintln!(
        "opmap: mapped the bundled seed article into {}{}",
        at.display(),
        std::path::MAIN_SEPARATOR
    );
    Ok(())
}

/// Runs `write` on a locked stdout and flushes it; a failure is an output error (exit 4),
/// except a closed pipe, which `main` turns into a quiet exit 0.
fn to_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    write(&mut stdout)
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::WriteOutput {
            path: PathBuf::from("stdout"),
            source,
        })?;
    Ok(())
}

fn load_gazetteer() -> anyhow::Result<Gazetteer> {
    Gazetteer::load().context("loading the embedded gazetteer (a bug: please report it)")
}

/// Reads an article (in `lang` when given) and prints its reader's warnings.
fn read_article(
    path: &str,
    (max_bytes, lang): (u64, Option<Lang>),
) -> anyhow::Result<article::Article> {
    let mut article = article::read(path, &ReadOptions { max_bytes })?;
    for warning in &article.warnings {
        eprintln!("opmap: warning: {warning}");
    }
    if let Some(lang) = lang {
        article.about.lang = Some(lang.code().to_string());
    }
    Ok(article)
}

/// Extracts an article, warning when it is in a language opmap does not read.
fn extract_article(gazetteer: &Gazetteer, article: &article::Article) -> opmap::Extraction {
    let x = opmap::extract(gazetteer, article);
    if let Some(warning) = opmap::language_warning(&article.path, &x.language) {
        eprintln!("opmap: warning: {warning}");
    }
    x
}

/// The located events of every article, the first article's text and the mentions left out
/// as background.
fn extract_all(
    gazetteer: &Gazetteer,
    paths: &[String],
    read: (u64, Option<Lang>),
) -> anyhow::Result<(Vec<Located>, First, Vec<opmap::actions::Dropped>)> {
    let mut located = Vec::new();
    let mut dropped = Vec::new();
    let mut first: Option<First> = None;
    for path in paths {
        let article = read_article(path, read)?;
        let x = extract_article(gazetteer, &article);
        if first.as_ref().is_none_or(|f| f.text.is_empty()) {
            first = Some(First {
                title: article.about.title.clone(),
                text: article.text,
                date: x.date,
                lang: x.language.lang,
            });
        }
        located.extend(x.located);
        dropped.extend(x.dropped);
    }
    Ok((located, first.unwrap_or_default(), dropped))
}

/// What the first article of a `map` run gives its title and subtitle.
#[derive(Default)]
struct First {
    /// Its text.
    text: String,
    /// The title its reader found (an HTML `<title>`, a record's `title`).
    title: Option<String>,
    /// Its date.
    date: Option<opmap::dates::ArticleDate>,
    /// Its language, when opmap reads it.
    lang: Option<Lang>,
}

fn write_map(
    gazetteer: &Gazetteer,
    located: &[Located],
    map: MapArgs,
    (title, source, labels): (String, String, Lang),
    left_out: Option<String>,
) -> anyhow::Result<()> {
    let (render, width, height) = map.view.render(map.inset, source);
    let options = MapOptions {
        out_dir: map.out,
        title,
        width,
        height,
        formats: map.formats,
        flows: map.flows,
        left_out,
        render,
        labels,
    };
    if located.is_empty() {
        eprintln!("opmap: no events found: no action tied to a place");
    }
    let written = opmap::write_map(gazetteer, located, &options)?;
    for c in layers::country_actions(located) {
        let actions: Vec<&str> = c.actions.iter().map(|a| a.as_str()).collect();
        eprintln!("  {} {}: {}", c.code, c.name, actions.join(", "));
    }
    for file in &written.files {
        eprintln!("wrote {}", file.display());
    }
    for skipped in &written.skipped {
        eprintln!("not written: {skipped}");
    }
    for removed in &written.removed {
        let name = removed.file_name().unwrap_or_default().to_string_lossy();
        eprintln!("removed stale {name} (an earlier run's)");
    }
    if !written.outside.is_empty() {
        eprintln!(
            "opmap: warning: outside --extent, not on the map: {}",
            written.outside.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
