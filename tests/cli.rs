//! The command line as a user runs it: the seed's pairs, the files `map` writes, exit codes.

mod common;

use common::*;

#[test]
fn seed_extract_has_exactly_the_expected_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = collection(&out.stdout);
    assert_eq!(
        pairs(&events),
        expect(&[
            ("seizure", "NL"),
            ("seizure", "CA"),
            ("seizure", "US"),
            ("raid", "BG"),
            ("raid", "FR"),
            ("raid", "RO"),
            ("takedown", "GB"),
            ("coordination", "NL"),
            ("participation", "GB"),
            ("participation", "US"),
            ("participation", "CA"),
        ])
    );
    // Nothing for background places: London (King's College), nothing of type city there.
    for f in &events.features {
        assert_ne!(f.property("place").unwrap(), "London");
    }
    // The coordination event is Europol's ECTC, at its seat in The Hague.
    let hub = events
        .features
        .iter()
        .find(|f| f.property("action").unwrap() == "coordination")
        .unwrap();
    assert_eq!(hub.property("place_type").unwrap(), "agency");
    let geojson::Value::Point(c) = &hub.geometry.as_ref().unwrap().value else {
        panic!("not a point")
    };
    assert!(
        (c[0] - 4.3).abs() < 0.1 && (c[1] - 52.08).abs() < 0.1,
        "{c:?}"
    );
}

#[test]
fn map_writes_the_five_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["map", seed().to_str().unwrap(), "--out", "maps"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "events.geojson",
        "countries.geojson",
        "flows.geojson",
        "map.png",
        "map.svg",
    ] {
        let path = dir.path().join("maps").join(name);
        assert!(path.metadata().unwrap().len() > 100, "{name} is empty");
    }
    let err = stderr(&out);
    assert!(
        err.contains("NL Netherlands: seizure, coordination"),
        "{err}"
    );
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("maps"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn no_arguments_maps_the_seed_into_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("output/map.png").exists());
    assert!(dir.path().join("output/events.geojson").exists());
}

/// stdin goes through the one article reader too: HTML found by its first tag, the body's text
/// mapped, the head's (a title naming Germany) not.
#[test]
fn stdin_html_is_read_as_html() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let mut child = opmap(dir.path())
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"<!DOCTYPE html><html><head><title>Raids in Germany</title></head>\
              <body><p>Raids were conducted in France &amp; Spain.</p></body></html>",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let events = collection(&out.stdout);
    assert_eq!(pairs(&events), expect(&[("raid", "ES"), ("raid", "FR")]));
}

#[test]
fn stdin_article_is_named_stdin() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let mut child = opmap(dir.path())
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Raids were conducted in France and Spain.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let events = collection(&out.stdout);
    assert_eq!(pairs(&events), expect(&[("raid", "ES"), ("raid", "FR")]));
    assert_eq!(events.features[0].property("article").unwrap(), "stdin");
}

#[test]
fn nothing_found_is_an_empty_collection_and_success() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The weather was fine.").unwrap();
    let out = run(dir.path(), &["extract", "a.txt"]);
    assert!(out.status.success());
    assert!(collection(&out.stdout).features.is_empty());
    let out = run(dir.path(), &["map", "a.txt", "--out", "m"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("no events found"));
    assert!(!dir.path().join("m/events.geojson").exists());
}

#[test]
fn exit_codes_follow_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    // 2: usage.
    let out = run(dir.path(), &["map"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    // 3: unreadable input, naming the file.
    let out = run(dir.path(), &["extract", "missing.txt"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    let out = run(dir.path(), &["extract", "."]);
    assert_eq!(out.status.code(), Some(3));
    std::fs::write(dir.path().join("bin.dat"), b"\x00\x01binary").unwrap();
    let out = run(dir.path(), &["extract", "bin.dat"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("bin.dat: not a text file"));
    // 4: output cannot be written (a file where the directory should be).
    std::fs::write(dir.path().join("blocker"), "x").unwrap();
    let out = run(
        dir.path(),
        &["map", seed().to_str().unwrap(), "--out", "blocker/sub"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("blocker/sub"));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"Raids in France \xff were made.").unwrap();
    let out = run(dir.path(), &["extract", "a.txt"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("a.txt: invalid UTF-8 at byte offset 16"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn resolve_prints_code_name_kind_and_point() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["resolve", "the Netherlands", "FBI", "Holland", "Qwertyland"],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("the Netherlands\tNL\tNetherlands\tcountry\t"),
        "{text}"
    );
    assert!(text.contains("FBI\tUS\t"), "{text}");
    assert!(text.contains("Holland\tNL\t"), "{text}");
    assert!(text.contains("Qwertyland\tnot found"), "{text}");
}

#[test]
fn explain_marks_place_and_cue() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["extract", "--explain", seed().to_str().unwrap()],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[seized] in «the Netherlands»"), "{text}");
    assert!(text.contains("cue-in-place"), "{text}");
}

#[test]
fn several_articles_map_together_with_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Raids were conducted in France and Spain.",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", seed().to_str().unwrap(), "b.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = collection(&out.stdout);
    // One feature per (article, action, place): raid FR appears once per article.
    let raid_fr: Vec<_> = events
        .features
        .iter()
        .filter(|f| {
            f.property("action").unwrap() == "raid" && f.property("country").unwrap() == "FR"
        })
        .collect();
    assert_eq!(raid_fr.len(), 2);
    assert_eq!(raid_fr[1].property("article").unwrap(), "b.txt");
    let mut ids: Vec<String> = events
        .features
        .iter()
        .map(|f| f.property("id").unwrap().as_str().unwrap().to_string())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
    let out = run(
        dir.path(),
        &["map", seed().to_str().unwrap(), "b.txt", "--out", "m"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ES Spain: raid"));
}

#[test]
fn places_outside_a_fixed_extent_are_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            seed().to_str().unwrap(),
            "--out",
            "maps",
            "--extent",
            "europe",
            "--formats",
            "png",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.contains("outside --extent"))
        .unwrap_or_else(|| panic!("no warning in {err}"));
    assert!(
        warning.contains("Canada") && warning.contains("United States"),
        "{warning}"
    );
    assert!(!warning.contains("France"), "{warning}");
    assert!(dir.path().join("maps/map.png").exists());
}
