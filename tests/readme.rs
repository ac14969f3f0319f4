//! The README's examples, run as written, so that they cannot drift from what opmap does.
//!
//! Every ` ```sh ` block of README.md is read line by line:
//! - a line starting with `$ ` is a command whose output follows it, up to the next `$ ` line
//!   or the block's end: the test runs it and compares stdout exactly;
//! - any other command line runs in `sh` and must succeed, except the commands of [`SKIPPED`]
//!   (cargo, the network, the repository's own scripts), each for the reason given there;
//! - a block holding a here-document runs whole, as one script.
//!
//! The commands run in a fresh folder holding the files the examples name (`story.txt`,
//! `a.txt`, `b.txt`, `press-releases/`, `archive.jsonl`, `archive.jsonl.gz`, `communique.txt`,
//! `bericht.txt`, `corpus.jsonl`), with the opmap
//! under test first on `PATH`. The `--explain` report shown as a ` ```text ` block is checked
//! against a real run on the seed.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

/// Commands the README shows but this test does not run, by their first word, and why.
const SKIPPED: &[(&str, &str)] = &[
    (
        "cargo",
        "builds and tests the repository itself (this test runs inside `cargo test`)",
    ),
    ("curl", "needs the network"),
    ("bench/", "benchmarks: minutes of CPU, run by hand"),
    (
        "scripts/",
        "CI scripts that install GDAL, QGIS and Chromium",
    ),
    (".ci/run", "the whole CI run, this test included"),
    (
        "python3",
        "the dev-set scorer lives in the team checkout (../shared)",
    ),
];

/// A README code block: its language and lines, and the line number of its first line.
struct Block {
    lang: String,
    first_line: usize,
    lines: Vec<String>,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in readme.lines().enumerate() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) => {
                current = Some(Block {
                    lang: lang.trim().to_string(),
                    first_line: i + 2,
                    lines: Vec::new(),
                })
            }
            (Some(_), Some(_)) => out.extend(current.take()),
            (Some(block), None) => block.lines.push(line.to_string()),
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "README.md: a code block is not closed");
    out
}

/// The files the examples read.
fn fixture(dir: &Path) {
    let story = "Police dismantled a botnet on Tuesday.\n\n\
        Servers were seized in the Netherlands and Germany, while raids were conducted in \
        France and Spain. The operation was coordinated by Europol.\n";
    std::fs::write(dir.join("story.txt"), story).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Servers were seized in the Netherlands and Canada.",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Raids were conducted in France and Spain.",
    )
    .unwrap();
    let releases = dir.join("press-releases");
    std::fs::create_dir_all(releases.join("2024")).unwrap();
    std::fs::write(releases.join("2024/endgame.txt"), story).unwrap();
    std::fs::write(
        releases.join("takedown.html"),
        "<!DOCTYPE html><html><body><p>German police took down the marketplace, while raids \
         were conducted in Romania.</p></body></html>",
    )
    .unwrap();
    let stories = [
        "Servers were seized in the Netherlands and Canada. The operation was coordinated by Europol.",
        "Police raided homes in France and arrested two suspects in Spain.",
        "German police took down the marketplace, while raids were conducted in Romania.",
        "Officers arrested five people in Italy. Authorities in Portugal seized cash.",
    ];
    // Each record has the text under `text` and `body`: the examples read both.
    let archive: String = (0..8)
        .map(|i| {
            let text = stories[i % stories.len()];
            format!(
                "{}\n",
                serde_json::json!({"id": format!("a{i:05}"), "text": text, "body": text})
            )
        })
        .collect();
    std::fs::write(dir.join("archive.jsonl"), &archive).unwrap();
    // The other languages' examples: a French and a German release, a corpus with `lang`.
    std::fs::write(
        dir.join("communique.txt"),
        "Mardi, la police française a interpellé quatre suspects à Lyon, tandis que des \
         perquisitions ont été menées en Belgique et aux Pays-Bas.",
    )
    .unwrap();
    std::fs::write(
        dir.join("bericht.txt"),
        "Am 20. Februar 2024 hat die Polizei in Deutschland und den Niederlanden mehrere \
         Wohnungen durchsucht und zwei Verdächtige festgenommen.",
    )
    .unwrap();
    let record = serde_json::json!({"id": "es1", "lang": "es",
        "text": "La Guardia Civil ha detenido a dos personas en Sevilla."});
    std::fs::write(dir.join("corpus.jsonl"), format!("{record}\n")).unwrap();
    let gz = Command::new("gzip")
        .args(["-k", "archive.jsonl"])
        .current_dir(dir)
        .status()
        .expect("gzip runs");
    assert!(gz.success());
}

/// Runs `script` in `sh` in `dir` with the opmap under test first on PATH.
fn sh(dir: &Path, script: &str) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_opmap")).parent().unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    Command::new("sh")
        .arg("-c")
        .arg(format!("set -e\n{script}"))
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).unwrap())
        .output()
        .expect("sh runs")
}

fn skip_reason(command: &str) -> Option<&'static str> {
    SKIPPED
        .iter()
        .find(|(start, _)| command.starts_with(start))
        .map(|(_, why)| *why)
}

/// The programs a command line pipes through, other than opmap and the shell's own.
fn missing_tool(command: &str) -> Option<&str> {
    command
        .split('|')
        .filter_map(|part| part.split_whitespace().next())
        .find(|tool| {
            *tool != "opmap"
                && Command::new("sh")
                    .arg("-c")
                    .arg(format!("command -v {tool}"))
                    .output()
                    .map_or(true, |o| !o.status.success())
        })
}

#[test]
fn readme_commands_run_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let mut ran = 0;
    let mut compared = 0;
    for block in blocks(&readme).iter().filter(|b| b.lang == "sh") {
        if block.lines.iter().any(|l| l.contains("<<")) {
            let out = sh(dir.path(), &block.lines.join("\n"));
            assert!(
                out.status.success(),
                "README.md:{}: the script fails: {}",
                block.first_line,
                stderr(&out)
            );
            ran += 1;
            continue;
        }
        let mut i = 0;
        while i < block.lines.len() {
            let line_no = block.first_line + i;
            let line = block.lines[i].trim();
            i += 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (command, expected) = match line.strip_prefix("$ ") {
                Some(command) => {
                    let mut expected = String::new();
                    while i < block.lines.len() && !block.lines[i].starts_with("$ ") {
                        expected.push_str(&block.lines[i]);
                        expected.push('\n');
                        i += 1;
                    }
                    (command, Some(expected))
                }
                None => (line, None),
            };
            if let Some(why) = skip_reason(command) {
                eprintln!("README.md:{line_no}: not run ({why}): {command}");
                continue;
            }
            if let Some(tool) = missing_tool(command) {
                eprintln!("README.md:{line_no}: not run ({tool} is not installed): {command}");
                continue;
            }
            let out = sh(dir.path(), command);
            assert!(
                out.status.success(),
                "README.md:{line_no}: `{command}` exits {:?}: {}",
                out.status.code(),
                stderr(&out)
            );
            ran += 1;
            if let Some(expected) = expected {
                let got = String::from_utf8_lossy(&out.stdout);
                assert_eq!(
                    got, expected,
                    "README.md:{line_no}: `{command}` prints something else"
                );
                compared += 1;
            }
        }
    }
    assert!(ran >= 10, "only {ran} README commands ran");
    assert!(compared >= 1, "no README example's output was compared");
}

/// The `--explain` example: the header and each event shown are what opmap prints for the seed.
#[test]
fn readme_explain_example_is_what_opmap_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let example = blocks(&readme)
        .into_iter()
        .find(|b| b.lang == "text" && b.lines.iter().any(|l| l.contains('«')))
        .expect("README.md shows an --explain report");
    let out = run(
        &root(),
        &["extract", "--explain", "seeds/europol-amaq-takedown.txt"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    for (k, line) in example.lines.iter().enumerate() {
        assert!(
            lines.contains(&line.as_str()),
            "README.md:{}: opmap prints no such line: {line}\n{report}",
            example.first_line + k
        );
    }
    assert_eq!(example.lines[0], lines[0], "the header comes first");
}

/// What the README states about installing and building.
#[test]
fn readme_states_install_msrv_and_tracked_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("Cargo.toml declares rust-version")
        .trim_matches('"');
    for needle in [
        "cargo install --path .".to_string(),
        format!("Rust {msrv} or later"),
        "`output/` is tracked in git".to_string(),
        "first build".to_string(),
    ] {
        assert!(
            readme.contains(&needle),
            "README.md does not say `{needle}`"
        );
    }
}
