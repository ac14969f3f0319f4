//! Bad input and faults, one test per row of the README's "Bad input" table: each checks the
//! exit code and that the message names the file (and the feature and property where there is
//! one).

mod common;

use common::*;
use std::path::Path;
use std::process::Stdio;

const STORY: &str = "Servers were seized in the Netherlands and Canada.";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn extract_pairs(dir: &Path, name: &str) -> Vec<(String, String)> {
    let out = run(dir, &["extract", name]);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    pairs(&collection(&out.stdout))
}

#[test]
fn empty_and_whitespace_articles_find_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b" \n\t\r\n "[..])] {
        write(dir.path(), name, bytes);
        let out = run(dir.path(), &["extract", name]);
        assert_eq!(out.status.code(), Some(0));
        assert!(collection(&out.stdout).features.is_empty());
        let out = run(dir.path(), &["map", name, "--out", "m"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stderr(&out).contains("no events found"));
        for layer in ["events.geojson", "countries.geojson", "flows.geojson"] {
            assert!(
                !dir.path().join("m").join(layer).exists(),
                "{name}: empty {layer} written"
            );
        }
    }
}

#[test]
fn binary_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    let out = run(dir.path(), &["extract", "photo.jpg"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("photo.jpg: not a text file (NUL byte at offset 4)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn byte_order_marks_and_crlf_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let want = expect(&[("seizure", "CA"), ("seizure", "NL")]);
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend(STORY.replace(' ', " \r\n").as_bytes());
    write(dir.path(), "bom.txt", &utf8);
    assert_eq!(extract_pairs(dir.path(), "bom.txt"), want);
    for (name, little) in [("le.txt", true), ("be.txt", false)] {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in STORY.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        write(dir.path(), name, &bytes);
        assert_eq!(extract_pairs(dir.path(), name), want, "{name}");
    }
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 owners: servers were seized in Canada.",
    );
    let out = run(dir.path(), &["extract", "latin1.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("latin1.txt: invalid UTF-8 at byte offset 3"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        pairs(&collection(&out.stdout)),
        expect(&[("seizure", "CA")])
    );
}

#[test]
fn html_articles_are_read_as_html() {
    let dir = tempfile::tempdir().unwrap();
    let html =
        "<!doctype html><html><head><title>Canada</title><script>var raids = 'in France';</script>\
                <style>.x{}</style></head><body><nav>Home | Spain</nav><h1>Takedown</h1>\
                <p>Servers were seized in the Netherlands &amp; Canada.</p></body></html>";
    write(dir.path(), "page.html", html.as_bytes());
    assert_eq!(
        extract_pairs(dir.path(), "page.html"),
        expect(&[("seizure", "CA"), ("seizure", "NL")])
    );
    // Detected by its first tag too.
    write(dir.path(), "page.txt", html.as_bytes());
    assert_eq!(extract_pairs(dir.path(), "page.txt").len(), 2);
}

#[test]
fn max_bytes_is_enforced_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", STORY.repeat(100).as_bytes());
    let out = run(dir.path(), &["extract", "--max-bytes", "1000", "big.txt"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("big.txt: larger than the limit of 1000 bytes"),
        "{}",
        stderr(&out)
    );
    let out = run(dir.path(), &["extract", "--max-bytes", "100000", "big.txt"]);
    assert_eq!(out.status.code(), Some(0));
}

fn render_error(dir: &Path, json: &str) -> (Option<i32>, String) {
    write(dir, "events.geojson", json.as_bytes());
    let out = run(dir, &["render", "events.geojson", "--out", "r"]);
    (out.status.code(), stderr(&out))
}

fn feature(id: &str, coords: &str, props: &str) -> String {
    format!(
        r#"{{"type":"Feature","id":"{id}","geometry":{{"type":"Point","coordinates":{coords}}},"properties":{{{props}}}}}"#
    )
}

fn fc(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",\n")
    )
}

#[test]
fn render_names_the_feature_and_property() {
    let dir = tempfile::tempdir().unwrap();
    let good = feature("ok", "[2.5,46.5]", r#""action":"raid","country":"FR""#);
    let cases = [
        (
            feature("e1", "[2.5,46.5]", r#""action":"arson","country":"FR""#),
            "feature 1 (id e1): property `action`: unknown action `arson`",
        ),
        (
            feature("e2", "[2.5,46.5]", r#""action":"raid","country":"ZZ""#),
            "feature 1 (id e2): property `country`: `ZZ` is not an ISO 3166-1 alpha-2 code",
        ),
        (
            feature("e3", "[200.5,95]", r#""action":"raid","country":"FR""#),
            "feature 1 (id e3): geometry: coordinates [200.5, 95] out of range",
        ),
        (
            feature("e4", "[2.5,46.5]", r#""country":"FR""#),
            "feature 1 (id e4): property `action` is missing",
        ),
        (
            feature("e5", "[2.5,46.5]", r#""action":"raid""#),
            "feature 1 (id e5): property `country` is missing",
        ),
    ];
    for (bad, message) in cases {
        let (code, err) = render_error(dir.path(), &fc(&[good.clone(), bad]));
        assert_eq!(code, Some(3), "{err}");
        assert!(
            err.contains(&format!("events.geojson: {message}")),
            "want {message}\ngot {err}"
        );
        assert!(
            !dir.path().join("r").exists(),
            "output written despite the error"
        );
    }
    let (code, err) = render_error(
        dir.path(),
        "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": ",
    );
    assert_eq!(code, Some(3));
    assert!(
        err.contains("events.geojson: not valid JSON") && err.contains("line 3 column"),
        "{err}"
    );
    let (code, err) = render_error(
        dir.path(),
        r#"{"type":"Feature","geometry":null,"properties":{}}"#,
    );
    assert_eq!(code, Some(3));
    assert!(
        err.contains("events.geojson: not a GeoJSON FeatureCollection"),
        "{err}"
    );
    // The good feature alone renders.
    let (code, err) = render_error(dir.path(), &fc(&[good]));
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn unwritable_outputs_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY.as_bytes());
    write(dir.path(), "file", b"x");
    let out = run(dir.path(), &["map", "a.txt", "--out", "file/maps"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("file/maps"), "{}", stderr(&out));
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = opmap(dir.path())
            .args(["extract", "a.txt"])
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4));
        assert!(
            stderr(&out).contains("stdout: No space left on device"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn missing_paths_and_directories_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    for (arg, message) in [
        ("nope.txt", "nope.txt: No such file or directory"),
        ("folder", "folder: is a directory, not an article"),
    ] {
        let out = run(dir.path(), &["extract", arg]);
        assert_eq!(out.status.code(), Some(3));
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }
    let out = run(dir.path(), &["render", "nope.geojson"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("nope.geojson"));
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = opmap(dir.path())
        .args(["extract", seed().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before opmap writes
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}
