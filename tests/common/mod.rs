//! Shared helpers for the integration tests: run the built binary in a fresh temp dir.

#![allow(dead_code)] // each test file uses a different subset

use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed article's path.
pub fn seed() -> PathBuf {
    root().join("seeds/europol-amaq-takedown.txt")
}

/// A command running the opmap binary in `dir`.
pub fn opmap(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opmap"));
    cmd.current_dir(dir);
    cmd
}

/// Runs opmap with arguments in `dir` and returns its output.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    opmap(dir).args(args).output().expect("opmap runs")
}

/// stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses a FeatureCollection from bytes with the geojson crate.
pub fn collection(bytes: &[u8]) -> geojson::FeatureCollection {
    let text = std::str::from_utf8(bytes).expect("GeoJSON is UTF-8");
    text.parse::<geojson::FeatureCollection>()
        .unwrap_or_else(|e| panic!("not a FeatureCollection: {e}\n{text}"))
}

/// The (action, country) pairs of an events FeatureCollection, sorted and deduplicated.
pub fn pairs(events: &geojson::FeatureCollection) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = events
        .features
        .iter()
        .map(|f| {
            let get = |k: &str| f.property(k).and_then(|v| v.as_str()).unwrap().to_string();
            (get("action"), get("country"))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Builds an owned pair list from string slices.
pub fn expect(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    out.sort();
    out
}

/// The embedded gazetteer, loaded once per test binary.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

/// The sorted, de-duplicated (action, country) pairs opmap extracts from `text`, run through
/// the library as `opmap extract` runs it.
pub fn extracted_pairs(text: &str) -> Vec<(String, String)> {
    let g = gazetteer();
    let extraction = opmap::extract(g, &Article::from_text("article.txt", text));
    let mut out: Vec<(String, String)> = extraction
        .events
        .iter()
        .map(|e| (e.action.to_string(), g.place(e.place).country.clone()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The background filter that dropped the mention whose words are `words` in `text` (`None`
/// when it was kept), run through the library as `opmap extract` runs it. Panics when `text`
/// has no mention of those words.
pub fn filter_of(text: &str, words: &str) -> Option<String> {
    let g = gazetteer();
    let article = Article::from_text("article.txt", text);
    let x = opmap::extract(g, &article);
    let mention = x
        .mentions
        .iter()
        .find(|m| m.span.of(&article.text) == words)
        .unwrap_or_else(|| panic!("no mention `{words}` in: {text}"));
    x.dropped
        .iter()
        .find(|d| d.mention == mention.span)
        .map(|d| d.filter.to_string())
}
