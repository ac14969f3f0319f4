//! The `opmap` command line: clap parsing, calls into the library, errors and exit codes.
//!
//! Exit codes: 0 success (also when nothing was found); 2 usage; 3 unreadable or invalid
//! input; 4 output could not be written; 1 an internal error (a bug: please report it).

use anyhow::Context;
use clap::{Parser, Subcommand};
use opmap::article::{self, ReadOptions};
use opmap::error::Error;
use opmap::gazetteer::Gazetteer;
use opmap::resolve::Located;
use opmap::{layers, MapOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The seed article mapped when opmap runs with no arguments.
const SEED: &str = "seeds/europol-amaq-takedown.txt";

/// Turn a news article about a multinational operation into maps.
///
/// With no arguments: `opmap map seeds/europol-amaq-takedown.txt --out output/`.
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
    },
    /// Print the events FeatureCollection (what events.geojson holds) to stdout.
    Extract {
        /// Article(s) to read (`-` for stdin).
        #[arg(required = true)]
        articles: Vec<String>,
        /// Print a readable report of each event and its evidence instead of GeoJSON.
        #[arg(long)]
        explain: bool,
        /// Refuse an article larger than this many bytes.
        #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
        max_bytes: u64,
    },
    /// Draw the countries/flows layers and the maps from an events GeoJSON file.
    Render {
        /// An events.geojson written by opmap (and possibly edited).
        events: PathBuf,
        #[command(flatten)]
        map: MapArgs,
    },
    /// Print what the gazetteer makes of each name.
    Resolve {
        /// Names to look up ("the Netherlands", "FBI", "Paris", "FR").
        #[arg(required = true)]
        names: Vec<String>,
    },
}

#[derive(Debug, clap::Args)]
struct MapArgs {
    /// Directory the files are written into (created if needed).
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// The map's title. Default: the article's first line.
    #[arg(long)]
    title: Option<String>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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

fn exit_code(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<Error>() {
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
    let command = cli.command.unwrap_or_else(|| Command::Map {
        articles: vec![SEED.to_string()],
        map: MapArgs {
            out: PathBuf::from("output"),
            title: None,
        },
        max_bytes: ReadOptions::default().max_bytes,
    });
    match command {
        Command::Map {
            articles,
            map,
            max_bytes,
        } => {
            let gazetteer = load_gazetteer()?;
            let (located, first_text) = extract_all(&gazetteer, &articles, max_bytes)?;
            let title = map
                .title
                .unwrap_or_else(|| opmap::title_from_text(&first_text, 90));
            write_map(&gazetteer, &located, map.out, title)
        }
        Command::Extract {
            articles,
            explain,
            max_bytes,
        } => {
            let gazetteer = load_gazetteer()?;
            if explain {
                for path in &articles {
                    let article = read_article(path, max_bytes)?;
                    let x = opmap::extract(&gazetteer, &article);
                    to_stdout(|out| out.write_all(opmap::explain::report(&article, &x).as_bytes()))?;
                }
            } else {
                let (located, _) = extract_all(&gazetteer, &articles, max_bytes)?;
                let events = layers::events(&located);
                to_stdout(|out| out.write_all(layers::to_geojson_string(&events).as_bytes()))?;
            }
            Ok(())
        }
        Command::Render { events, map } => {
            let gazetteer = load_gazetteer()?;
            let display = events.display().to_string();
            let text = std::fs::read_to_string(&events).map_err(|source| Error::ReadArticle {
                path: display.clone(),
                source,
            })?;
            let located = opmap::events_file::parse(&gazetteer, &display, &text)?;
            let title = map.title.unwrap_or_else(|| opmap::title_from_path(&events));
            write_map(&gazetteer, &located, map.out, title)
        }
        Command::Resolve { names } => {
            let gazetteer = load_gazetteer()?;
            to_stdout(|stdout| {
                for name in &names {
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
    }
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

fn read_article(path: &str, max_bytes: u64) -> anyhow::Result<article::Article> {
    let article = article::read(path, &ReadOptions { max_bytes })?;
    for warning in &article.warnings {
        eprintln!("opmap: warning: {warning}");
    }
    Ok(article)
}

fn extract_all(
    gazetteer: &Gazetteer,
    paths: &[String],
    max_bytes: u64,
) -> anyhow::Result<(Vec<Located>, String)> {
    let mut located = Vec::new();
    let mut first_text = String::new();
    for path in paths {
        let article = read_article(path, max_bytes)?;
        let x = opmap::extract(gazetteer, &article);
        if first_text.is_empty() {
            first_text = article.text;
        }
        located.extend(x.located);
    }
    Ok((located, first_text))
}

fn write_map(
    gazetteer: &Gazetteer,
    located: &[Located],
    out: PathBuf,
    title: String,
) -> anyhow::Result<()> {
    let options = MapOptions {
        out_dir: out,
        title,
        width: 1600,
        height: 1000,
    };
    if located.is_empty() {
        eprintln!("opmap: no events found: no action tied to a place");
    }
    let written = opmap::write_map(gazetteer, located, &options)?;
    for (code, name, actions) in layers::country_actions(located) {
        let actions: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        eprintln!("  {code} {name}: {}", actions.join(", "));
    }
    for file in &written.files {
        eprintln!("wrote {}", file.display());
    }
    for skipped in &written.skipped {
        eprintln!("not written: {skipped}");
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
