//! One test per bug a user reported, named after its issue.
//!
//! Issue 15 ("What a new user hit"): stale outputs, repeated batch ids, a JSON file read as
//! prose, `render` replacing ids, `opmap` outside the repository, an unbounded canvas.

mod common;

use common::*;
use std::path::Path;

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The properties of every record of an RFC 8142 stream.
fn stream(path: &Path) -> Vec<serde_json::Map<String, serde_json::Value>> {
    read_text(path)
        .split('\u{1e}')
        .skip(1)
        .map(|r| {
            let v: serde_json::Value = serde_json::from_str(r).unwrap();
            v["properties"].as_object().unwrap().clone()
        })
        .collect()
}

fn ids_and_articles(path: &Path) -> (Vec<String>, Vec<String>) {
    let records = stream(path);
    let ids = records
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    let mut articles: Vec<String> = records
        .iter()
        .map(|p| p["article"].as_str().unwrap().to_string())
        .collect();
    articles.dedup();
    (ids, articles)
}

fn distinct(ids: &[String]) -> usize {
    let mut sorted = ids.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.len()
}

/// Issue 15: a map run removes the files opmap owns that it does not write this time (an
/// earlier map's `flows.geojson`), says so, and leaves every other file alone.
#[test]
fn issue_15_stale_map_files_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["map", seed().to_str().unwrap(), "--out", "maps"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let maps = dir.path().join("maps");
    assert!(maps.join("flows.geojson").exists());
    std::fs::write(maps.join("notes.txt"), "mine").unwrap();
    std::fs::write(maps.join("my-layer.geojson"), "{}").unwrap();
    std::fs::write(maps.join("skipped.csv"), "from a batch run").unwrap();

    // No coordination, so no flows.
    std::fs::write(
        dir.path().join("raids.txt"),
        "Police raided homes in France.",
    )
    .unwrap();
    let out = run(dir.path(), &["map", "raids.txt", "--out", "maps"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for stale in ["flows.geojson", "flows.qml", "skipped.csv"] {
        assert!(!maps.join(stale).exists(), "{stale} is left: {err}");
        assert!(err.contains(&format!("removed stale {stale}")), "{err}");
    }
    assert_eq!(read_text(&maps.join("notes.txt")), "mine");
    assert_eq!(read_text(&maps.join("my-layer.geojson")), "{}");
    let events = collection(read_text(&maps.join("events.geojson")).as_bytes());
    assert_eq!(pairs(&events), expect(&[("raid", "FR")]));

    // Only csv asked for: the maps and layers of the run before are stale too.
    let out = run(
        dir.path(),
        &["map", "raids.txt", "--out", "maps", "--formats", "csv"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        names_in(&maps),
        ["events.csv", "my-layer.geojson", "notes.txt"]
    );
}

/// Issue 15: a batch run with nothing skipped leaves no `skipped.csv` from an earlier run, and
/// no file of a single map run before it.
#[test]
fn issue_15_stale_batch_files_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            seed().to_str().unwrap(),
            "--out",
            "o",
            "--formats",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // events.csv is a single map's only (a batch run writes map.html too, since issue 12).
    assert!(dir.path().join("o/events.csv").exists());
    std::fs::write(dir.path().join("o/notes.txt"), "mine").unwrap();

    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Police raided homes in France.").unwrap();
    std::fs::write(corpus.join("b.txt"), b"\x00binary").unwrap();
    let out = run(dir.path(), &["batch", "corpus", "--out", "o"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("removed stale events.csv"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("o/skipped.csv").exists());

    std::fs::remove_file(corpus.join("b.txt")).unwrap();
    let out = run(dir.path(), &["batch", "corpus", "--out", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("removed stale skipped.csv"), "{err}");
    assert_eq!(
        names_in(&dir.path().join("o")),
        [
            "basemap.geojson",
            "basemap.qml",
            "chart.png",
            "chart.svg",
            "chart.txt",
            "countries.geojson",
            "countries.qml",
            "events.geojsonl",
            "events.qml",
            "map.html",
            "map.png",
            "map.qgs",
            "map.svg",
            "map.txt",
            "notes.txt",
            "summary.csv"
        ]
    );
}

/// Issue 15: `opmap batch f1 f2`, both folders holding `a.txt`, gave 16 features with 8
/// distinct ids. Each article's name starts with its input's own path when there are several
/// inputs, and a name that still collides gets a suffix.
#[test]
fn issue_15_batch_names_and_ids_are_unique_over_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let story = std::fs::read_to_string(seed()).unwrap();
    for folder in ["f1", "f2"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("a.txt"), &story).unwrap();
    }
    let out = run(dir.path(), &["batch", "f1", "f2/", "--out", "o", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (ids, articles) = ids_and_articles(&dir.path().join("o/events.geojsonl"));
    assert_eq!(articles, ["f1/a.txt", "f2/a.txt"]);
    assert_eq!(ids.len(), 28); // the seed's 14 events, twice
    assert_eq!(distinct(&ids), ids.len(), "{ids:?}");

    // One folder: names stay relative to it.
    let out = run(dir.path(), &["batch", "f1", "--out", "one", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, articles) = ids_and_articles(&dir.path().join("one/events.geojsonl"));
    assert_eq!(articles, ["a.txt"]);

    // The same folder twice, and records sharing an id or a slug: suffixes.
    let out = run(dir.path(), &["batch", "f1", "f1", "--out", "twice", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (ids, articles) = ids_and_articles(&dir.path().join("twice/events.geojsonl"));
    assert_eq!(articles, ["f1/a.txt", "f1/a.txt~2"]);
    assert_eq!(distinct(&ids), ids.len(), "{ids:?}");
    let text = "Police raided homes in France.";
    let lines: String = ["7", "7", "a b", "a-b", "7"]
        .iter()
        .map(|id| format!("{}\n", serde_json::json!({"id": id, "text": text})))
        .collect();
    std::fs::write(dir.path().join("c.jsonl"), lines).unwrap();
    let out = run(dir.path(), &["batch", "c.jsonl", "--out", "j", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (ids, articles) = ids_and_articles(&dir.path().join("j/events.geojsonl"));
    assert_eq!(articles, ["7", "7~2", "a b", "a-b~2", "7~3"]);
    assert_eq!(distinct(&ids), 5, "{ids:?}");
}

/// Issue 15: `opmap batch body.json --text-field body` mapped the raw JSON as one article and
/// exited 0. A `.json` file holding one object or an array of objects is read as records;
/// `--text-field` or `--jsonl` on an input read as prose is a usage error naming it.
#[test]
fn issue_15_json_files_are_records_and_a_mismatch_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let one = serde_json::json!({"id": "story-1", "body": "Police raided homes in France."});
    std::fs::write(
        dir.path().join("body.json"),
        serde_json::to_string_pretty(&one).unwrap(),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "batch",
            "body.json",
            "--text-field",
            "body",
            "--out",
            "o",
            "-q",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, articles) = ids_and_articles(&dir.path().join("o/events.geojsonl"));
    assert_eq!(articles, ["story-1"]);

    let many = serde_json::json!([
        {"text": "Police raided homes in France."},
        {"id": 2, "text": "Officers arrested five people in Italy."}
    ]);
    std::fs::write(dir.path().join("many.json"), many.to_string()).unwrap();
    let out = run(dir.path(), &["batch", "many.json", "--out", "m", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = stream(&dir.path().join("m/events.geojsonl"));
    let got: Vec<(&str, &str)> = records
        .iter()
        .map(|p| {
            (
                p["article"].as_str().unwrap(),
                p["country"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("many.json#1", "FR"), ("2", "IT")]);

    // A text file or a folder with --text-field, a folder with --jsonl: exit 2, nothing written.
    std::fs::write(
        dir.path().join("story.txt"),
        "Police raided homes in France.",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    for (args, named) in [
        (&["story.txt", "--text-field", "body"][..], "story.txt"),
        (&["folder", "--text-field", "body"][..], "folder"),
        (&["folder", "--jsonl"][..], "folder"),
    ] {
        let mut all = vec!["batch"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--out", "bad"]);
        let out = run(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(named), "{err}");
        assert!(err.contains(".jsonl"), "says what to do: {err}");
        assert!(!dir.path().join("bad").exists());
    }
}

/// Issue 15: `opmap render` replaced the user's ids (`e1` became `raid-FR-france`), so a
/// user who corrected events in QGIS could not join them back by id.
#[test]
fn issue_15_render_keeps_the_users_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","id":"e1","geometry":{"type":"Point","coordinates":[2.5,46.5]},"properties":{"action":"raid","country":"FR"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[12.5,42.5]},"properties":{"id":"my-italy","action":"arrest","country":"IT"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[-3.7,40.4]},"properties":{"action":"arrest","country":"ES"}},
{"type":"Feature","id":"arrest-ES-spain","geometry":{"type":"Point","coordinates":[-4.0,40.0]},"properties":{"action":"seizure","country":"ES"}}
]}"#;
    std::fs::write(dir.path().join("edited.geojson"), text).unwrap();
    let out = run(
        dir.path(),
        &[
            "render",
            "edited.geojson",
            "--out",
            "r",
            "--formats",
            "geojson,csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let events = collection(read_text(&dir.path().join("r/events.geojson")).as_bytes());
    let ids: Vec<String> = events
        .features
        .iter()
        .map(|f| f.property("id").unwrap().as_str().unwrap().to_string())
        .collect();
    // The third had none: it gets one, which no user id already holds.
    assert_eq!(
        ids,
        ["e1", "my-italy", "arrest-ES-spain-2", "arrest-ES-spain"]
    );
    for f in &events.features {
        let Some(geojson::feature::Id::String(id)) = &f.id else {
            panic!("no feature id")
        };
        assert_eq!(f.property("id").unwrap(), id.as_str());
    }
    let csv = read_text(&dir.path().join("r/events.csv"));
    assert!(csv.contains("\ne1,raid,FR,"), "{csv}");
}

/// Issue 15: `opmap` with no arguments failed outside the repository (`opmap:
/// seeds/europol-amaq-takedown.txt: No such file or directory`, exit 3). The seed is in the
/// binary; the map goes into `./output/`, and opmap says where.
#[test]
fn issue_15_no_arguments_works_in_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let output = dir.path().join("output");
    for name in ["map.png", "events.geojson", "map.qgs"] {
        assert!(output.join(name).exists(), "{name}");
    }
    let err = stderr(&out);
    let absolute = output.canonicalize().unwrap();
    assert!(
        err.contains(&format!(
            "mapped the bundled seed article into {}",
            absolute.display()
        )),
        "{err}"
    );
    let events = collection(read_text(&output.join("events.geojson")).as_bytes());
    assert_eq!(
        events.features[0].property("article").unwrap(),
        "seeds/europol-amaq-takedown.txt"
    );
}

/// Issue 15: `--scale 4 --size 4096x4096` drew a 16384×16384 PNG using 1.9 GB. A canvas over
/// 100 megapixels after `--scale` is a usage error naming the limit; nothing is written.
#[test]
fn issue_15_canvas_size_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    for args in [
        &[
            "map",
            seed,
            "--size",
            "4096x4096",
            "--scale",
            "4",
            "--out",
            "o",
        ][..],
        &[
            "batch",
            "-",
            "--size",
            "4000x3000",
            "--scale",
            "3",
            "--out",
            "o",
        ][..],
        &[
            "render",
            "x.geojson",
            "--size",
            "2600x2500",
            "--scale",
            "4",
            "--out",
            "o",
        ][..],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("100 megapixels"), "{err}");
        assert!(!dir.path().join("o").exists());
    }
}
