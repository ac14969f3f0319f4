//! `opmap batch`: folders, JSON Lines files and stdin in; the event stream (RFC 8142), the
//! aggregate layer, summary.csv and the maps out; order independent of the thread count;
//! skipped articles (exit 5); the stream never under its final name before the run ends.

mod common;

use common::{opmap, run, seed, stderr};
use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Short articles with known events, one per country group.
const STORIES: &[&str] = &[
    "Servers were seized in the Netherlands and Canada. The operation was coordinated by Europol.",
    "Police raided homes in France and arrested two suspects in Spain.",
    "German police took down the marketplace, while raids were conducted in Romania.",
    "Officers arrested five people in Italy. Authorities in Portugal seized cash.",
];

/// The features of an RFC 8142 text sequence, checking its framing on the way.
fn records(bytes: &[u8]) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let text = std::str::from_utf8(bytes).expect("the stream is UTF-8");
    if text.is_empty() {
        return Vec::new();
    }
    assert!(text.starts_with('\u{1e}'), "a record starts with RS");
    text.split('\u{1e}')
        .skip(1)
        .map(|record| {
            assert!(record.ends_with('\n'), "a record ends with LF: {record:?}");
            let value: serde_json::Value = serde_json::from_str(record).expect("a record is JSON");
            let feature: geojson::Feature = serde_json::from_value(value.clone()).expect("Feature");
            assert!(matches!(
                feature.geometry.map(|g| g.value),
                Some(geojson::Value::Point(_))
            ));
            value["properties"].as_object().unwrap().clone()
        })
        .collect()
}

fn prop<'a>(props: &'a serde_json::Map<String, serde_json::Value>, key: &str) -> &'a str {
    props[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string"))
}

fn jsonl(lines: &[serde_json::Value]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The checks every finished run passes: all files there, nothing partial left.
fn assert_outputs(out: &Path) {
    for name in [
        "events.geojsonl",
        "countries.geojson",
        "summary.csv",
        "map.png",
        "map.svg",
        "map.txt",
        "map.html",
        "map.qgs",
        "basemap.geojson",
        "basemap.qml",
        "countries.qml",
    ] {
        assert!(out.join(name).is_file(), "{name} written");
    }
    assert!(!out.join("events.geojsonl.partial").exists());
    let countries = common::collection(&read(&out.join("countries.geojson")));
    for f in &countries.features {
        assert!(matches!(
            f.geometry.as_ref().map(|g| &g.value),
            Some(geojson::Value::MultiPolygon(_))
        ));
        assert!(f.property("articles").and_then(|v| v.as_u64()).unwrap() >= 1);
        assert!(f.property("role").and_then(|v| v.as_str()).is_some());
        for action in [
            "seizure",
            "raid",
            "arrest",
            "takedown",
            "coordination",
            "participation",
        ] {
            assert!(f.property(action).and_then(|v| v.as_u64()).is_some());
        }
    }
}

#[test]
fn folder_of_text_markdown_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(articles.join("2024")).unwrap();
    std::fs::copy(seed(), articles.join("seed.txt")).unwrap();
    std::fs::write(articles.join("2024/raids.md"), STORIES[1]).unwrap();
    std::fs::write(
        articles.join("2024/page.html"),
        format!(
            "<!DOCTYPE html><html><head><script>var c = 'Japan';</script></head>\
             <body><h1>Takedown</h1><p>{}</p></body></html>",
            STORIES[2]
        ),
    )
    .unwrap();
    std::fs::write(articles.join("notes.pdf"), "Raids in Japan.").unwrap();
    std::fs::write(articles.join(".hidden.txt"), "Raids in Japan.").unwrap();

    let out = run(dir.path(), &["batch", "articles", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let outdir = dir.path().join("out");
    assert_outputs(&outdir);
    let events = records(&read(&outdir.join("events.geojsonl")));
    let mut names: Vec<&str> = events.iter().map(|p| prop(p, "article")).collect();
    names.dedup();
    // Sorted walk, names relative to the folder, `/` between components.
    assert_eq!(names, ["2024/page.html", "2024/raids.md", "seed.txt"]);
    assert!(events.iter().all(|p| prop(p, "country") != "JP"));
    // No record, no url; none of these texts writes a date: null, never "".
    assert!(events
        .iter()
        .all(|p| p["date"].is_null() && prop(p, "url").is_empty()));
    let summary = String::from_utf8(read(&outdir.join("summary.csv"))).unwrap();
    assert!(summary.starts_with(
        "country,country_name,articles,seizure,raid,arrest,takedown,coordination,participation\n"
    ));
    assert!(summary.contains("\nFR,France,2,"), "{summary}");
    assert!(stderr(&out).contains("3 articles"), "{}", stderr(&out));
}

#[test]
fn json_lines_with_id_date_url_and_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "one", "body": STORIES[0], "date": "2024-05-30", "url": "https://example.org/1"}),
        serde_json::json!({"body": STORIES[1]}),
        serde_json::json!({"id": 3, "body": STORIES[3], "date": null}),
    ];
    // Not a .jsonl name: --jsonl says what it is.
    std::fs::write(dir.path().join("corpus.txt"), jsonl(&lines)).unwrap();
    let out = run(
        dir.path(),
        &[
            "batch",
            "corpus.txt",
            "--jsonl",
            "--text-field",
            "body",
            "--out",
            "o",
            "-q",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "--quiet: {}", stderr(&out));
    assert_outputs(&dir.path().join("o"));
    let events = records(&read(&dir.path().join("o/events.geojsonl")));
    let by = |article: &str| -> Vec<_> {
        events
            .iter()
            .filter(|p| prop(p, "article") == article)
            .collect()
    };
    let one = by("one");
    assert!(!one.is_empty());
    assert!(one.iter().all(|p| prop(p, "date") == "2024-05-30"));
    assert!(one
        .iter()
        .all(|p| prop(p, "url") == "https://example.org/1"));
    // No id: FILE:LINE; a numeric id as text; absent or null url: ""; no date: null.
    let second = by("corpus.txt:2");
    assert!(second
        .iter()
        .any(|p| prop(p, "action") == "raid" && prop(p, "country") == "FR"));
    assert!(second
        .iter()
        .all(|p| p["date"].is_null() && p["date_source"].is_null()));
    assert!(one.iter().all(|p| prop(p, "date_source") == "jsonl"));
    assert!(by("3")
        .iter()
        .any(|p| prop(p, "action") == "arrest" && prop(p, "country") == "IT"));
    // The QGIS project opens the stream as its events layer, temporal over `date`, and the
    // project's time range runs from the first date to the day after the last.
    let qgs = String::from_utf8(read(&dir.path().join("o/map.qgs"))).unwrap();
    assert!(qgs.contains("<datasource>./events.geojsonl</datasource>"));
    assert!(dir.path().join("o/events.qml").exists());
    assert!(qgs.contains("<temporal enabled=\"1\" mode=\"1\" startField=\"date\""));
    assert!(qgs.contains(
        "<TemporalRange><start>2024-05-30T00:00:00Z</start><end>2024-05-31T00:00:00Z</end>"
    ));
}

/// Undated articles: the project has an events layer but no temporal settings.
#[test]
fn undated_corpus_has_no_time_range() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [serde_json::json!({"text": STORIES[1]})];
    std::fs::write(dir.path().join("c.jsonl"), jsonl(&lines)).unwrap();
    let out = run(dir.path(), &["batch", "c.jsonl", "--out", "o", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let qgs = String::from_utf8(read(&dir.path().join("o/map.qgs"))).unwrap();
    assert!(qgs.contains("<datasource>./events.geojsonl</datasource>"));
    assert!(!qgs.contains("<temporal ") && !qgs.contains("<TemporalRange>"));
}

#[test]
fn stdin_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<_> = STORIES
        .iter()
        .enumerate()
        .map(|(i, s)| serde_json::json!({"id": format!("s{i}"), "text": s}))
        .collect();
    let mut child = opmap(dir.path())
        .args(["batch", "-", "--out", "o"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(jsonl(&lines).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let events = records(&read(&dir.path().join("o/events.geojsonl")));
    let mut names: Vec<&str> = events.iter().map(|p| prop(p, "article")).collect();
    names.dedup();
    assert_eq!(names, ["s0", "s1", "s2", "s3"]);
}

/// map.html is the choropleth with one element per shaded country, each with a tooltip of its
/// counts and top articles; `--formats` writes only the files asked for (and the stream).
#[test]
fn batch_web_map_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    for (i, story) in STORIES.iter().enumerate() {
        std::fs::write(dir.path().join(format!("in/{i}.txt")), story).unwrap();
    }
    let out = run(dir.path(), &["batch", "-q", "in", "--out", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_outputs(&dir.path().join("o"));
    let html = String::from_utf8(read(&dir.path().join("o/map.html"))).unwrap();
    let countries = common::collection(&read(&dir.path().join("o/countries.geojson")));
    let mut codes: Vec<&str> = html
        .split("class=\"country\" data-c=\"")
        .skip(1)
        .map(|rest| &rest[..2])
        .collect();
    codes.sort();
    let mut want: Vec<String> = countries
        .features
        .iter()
        .map(|f| f.property("country").unwrap().as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert_eq!(codes, want, "one element per country");
    let data = html.split("const COUNTRIES = ").nth(1).unwrap();
    let data: serde_json::Value = serde_json::Deserializer::from_str(data)
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(data["FR"]["name"], "France");
    assert_eq!(
        data["FR"]["lines"],
        serde_json::json!(["1 article with an action", "Raid: 1", "Top articles: 1.txt"])
    );
    assert!(html.contains("<strong>Articles with an action</strong>"));
    let qgs = String::from_utf8(read(&dir.path().join("o/map.qgs"))).unwrap();
    assert!(qgs.contains("countries.geojson") && qgs.contains("basemap.geojson"));

    let out = run(
        dir.path(),
        &["batch", "-q", "in", "--out", "p", "--formats", "png"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("p"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["events.geojsonl", "map.png", "map.txt"]);
}

/// One article reader for every source: an HTML file's date meta tag and canonical url, and an
/// HTML record on stdin whose own `date` wins over its page's, reach `events.geojsonl`.
#[test]
fn html_pages_give_their_date_and_url() {
    let dir = tempfile::tempdir().unwrap();
    let page = |date: &str| {
        format!(
            "<html><head><title>T</title><meta name=\"dc.date\" content=\"{date}\">\
             <link rel=\"canonical\" href=\"https://x.test/{date}\"></head>\
             <body><p>{}</p></body></html>",
            STORIES[1]
        )
    };
    std::fs::create_dir(dir.path().join("pages")).unwrap();
    std::fs::write(dir.path().join("pages/a.html"), page("2021-03-04")).unwrap();
    let out = run(dir.path(), &["batch", "-q", "pages", "--out", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let events = records(&read(&dir.path().join("o/events.geojsonl")));
    assert!(!events.is_empty());
    for p in &events {
        assert_eq!(prop(p, "date"), "2021-03-04");
        assert_eq!(prop(p, "date_source"), "html-meta");
        assert_eq!(prop(p, "url"), "https://x.test/2021-03-04");
    }
    // The record's date wins over the page's, parsed (a timestamp's day).
    let line =
        serde_json::json!({"id": "r", "text": page("2021-03-04"), "date": "2022-01-02T08:00:00Z"});
    let mut child = opmap(dir.path())
        .args(["batch", "-q", "-", "--out", "s"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let events = records(&read(&dir.path().join("s/events.geojsonl")));
    assert!(!events.is_empty());
    for p in &events {
        assert_eq!(prop(p, "date"), "2022-01-02");
        assert_eq!(prop(p, "date_source"), "jsonl");
        assert_eq!(prop(p, "url"), "https://x.test/2021-03-04");
    }
}

#[test]
fn output_is_identical_with_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let seed_text = std::fs::read_to_string(seed()).unwrap();
    // Uneven articles (the seed is much longer) so that threads finish out of order.
    let lines: Vec<_> = (0..1500)
        .map(|i| {
            let text = if i % 7 == 0 {
                seed_text.as_str()
            } else {
                STORIES[i % STORIES.len()]
            };
            serde_json::json!({"id": format!("a{i:05}"), "text": text, "date": "2024"})
        })
        .collect();
    std::fs::write(dir.path().join("c.jsonl"), jsonl(&lines)).unwrap();
    for threads in ["1", "2"] {
        let out = run(
            dir.path(),
            &["batch", "c.jsonl", "--out", threads, "--threads", threads],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    for name in [
        "events.geojsonl",
        "countries.geojson",
        "summary.csv",
        "map.svg",
    ] {
        assert!(
            read(&dir.path().join("1").join(name)) == read(&dir.path().join("2").join(name)),
            "{name} differs between --threads 1 and --threads 2"
        );
    }
    let events = records(&read(&dir.path().join("2/events.geojsonl")));
    let ids: Vec<&str> = events.iter().map(|p| prop(p, "article")).collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "input order");
    let mut distinct = ids.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), 1500);
    // Feature ids are unique over the corpus: the article's name is appended.
    let mut feature_ids: Vec<&str> = events.iter().map(|p| prop(p, "id")).collect();
    assert!(feature_ids[0].ends_with("-a00000"), "{}", feature_ids[0]);
    feature_ids.sort();
    feature_ids.dedup();
    assert_eq!(feature_ids.len(), events.len());
}

#[test]
fn bad_articles_are_skipped_and_exit_5() {
    let dir = tempfile::tempdir().unwrap();
    let big = "Raids in France. ".repeat(20);
    let text = [
        serde_json::json!({"id": "good1", "text": STORIES[0]}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "empty", "text": "  \n "}).to_string(),
        serde_json::json!({"id": "binary", "text": "PK\u{3}\u{4}\u{0}\u{0}"}).to_string(),
        serde_json::json!({"id": "big", "text": big}).to_string(),
        serde_json::json!({"id": "notext", "body": "x"}).to_string(),
        "[1, 2]".to_string(),
        String::new(), // a blank line is not an article
        serde_json::json!({"id": "good2", "text": STORIES[1]}).to_string(),
    ]
    .join("\n");
    std::fs::write(dir.path().join("c.jsonl"), text).unwrap();
    let folder = dir.path().join("docs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("ok.txt"), STORIES[2]).unwrap();
    std::fs::write(folder.join("zip.txt"), b"PK\x03\x04\x00\x00\x00").unwrap();
    std::fs::write(folder.join("latin1.txt"), b"Raids in France \xe9t\xe9.").unwrap();

    let out = run(
        dir.path(),
        &[
            "batch",
            "c.jsonl",
            "docs",
            "--out",
            "o",
            "--max-bytes",
            "200",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    for expected in [
        "c.jsonl:2: not valid JSON",
        "c.jsonl:3 (article empty): empty article",
        "c.jsonl:4 (article binary): not a text file (NUL byte",
        "c.jsonl:5 (article big): larger than the limit of 200 bytes",
        "c.jsonl:6 (article notext): no `text` field",
        "c.jsonl:7: not a JSON object",
        "skipped docs/zip.txt: not a text file",
        "warning: docs/latin1.txt: invalid UTF-8",
        "7 skipped",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    let o = dir.path().join("o");
    assert_outputs(&o);
    let events = records(&read(&o.join("events.geojsonl")));
    let mut names: Vec<&str> = events.iter().map(|p| prop(p, "article")).collect();
    names.dedup();
    // With several inputs, a folder's articles are named after it (`docs/ok.txt`).
    assert_eq!(names, ["good1", "good2", "docs/latin1.txt", "docs/ok.txt"]);
    let skipped = String::from_utf8(read(&o.join("skipped.csv"))).unwrap();
    assert_eq!(skipped.lines().count(), 8, "{skipped}");
    assert!(skipped.starts_with("source,article,reason\n"));
}

#[test]
fn missing_input_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["batch", "nope.jsonl", "--out", "o"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("nope.jsonl"));
    assert!(!dir.path().join("o/events.geojsonl").exists());
}

#[test]
fn stream_stays_partial_until_the_run_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = opmap(dir.path())
        .args(["batch", "-", "--out", "o", "--quiet"])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let first = serde_json::json!({"id": "first", "text": STORIES[0]});
    stdin.write_all(format!("{first}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    // The article is processed and its events written while stdin is still open.
    let partial = dir.path().join("o/events.geojsonl.partial");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::fs::metadata(&partial).map_or(true, |m| m.len() == 0) {
        assert!(Instant::now() < deadline, "no events in the partial file");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!dir.path().join("o/events.geojsonl").exists());
    // Interrupted: the partial file keeps the finished article, whole; no final file.
    child.kill().unwrap();
    child.wait().unwrap();
    let events = records(&read(&partial));
    assert!(events.iter().all(|p| prop(p, "article") == "first"));
    assert!(!events.is_empty());
    assert!(!dir.path().join("o/events.geojsonl").exists());
}

/// Five tiny articles: the Netherlands in all five, France in three, Spain in one.
const CORPUS: &[&str] = &[
    "Police raided homes in the Netherlands and France.",
    "Servers were seized in the Netherlands. Officers in France arrested two suspects.",
    "Authorities seized cash in the Netherlands and France.",
    "Officers arrested a suspect in the Netherlands. Police raided a warehouse in Spain.",
    "Officers arrested five people in the Netherlands.",
];

fn write_corpus(dir: &Path) -> std::path::PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for (i, text) in CORPUS.iter().enumerate() {
        std::fs::write(articles.join(format!("{i}.txt")), text).unwrap();
    }
    articles
}

/// The aggregate map is a choropleth: each country with articles is shaded by its class,
/// others keep the land colour, the legend lists the classes, the highest countries are
/// labelled clear of each other and of the legend, the view fits the shaded countries.
#[test]
#[allow(clippy::too_many_lines)] // one batch run, its map checked step by step
fn the_batch_map_is_a_choropleth_of_articles_per_country() {
    use opmap::render::{classes, options::Theme, Options, Scene};
    let dir = tempfile::tempdir().unwrap();
    let articles = write_corpus(dir.path());
    let gazetteer = opmap::gazetteer::Gazetteer::load().unwrap();
    let options = opmap::batch::Options {
        out_dir: dir.path().join("out"),
        quiet: true,
        ..Default::default()
    };
    let summary =
        opmap::batch::run(&gazetteer, &[articles.display().to_string()], &options).unwrap();
    let counts: Vec<(&str, u64)> = summary
        .countries
        .iter()
        .map(|(code, c)| (code.as_str(), c.articles))
        .collect();
    assert_eq!(counts, [("ES", 1), ("FR", 3), ("NL", 5)]);

    let spec = opmap::batch::map_spec(&summary.countries, "Five articles");
    assert!(spec.markers.is_empty(), "no markers on a corpus map");
    let choropleth = spec.choropleth.as_ref().expect("a choropleth");
    assert_eq!(choropleth.breaks, [1.0, 2.0, 5.0]);
    for (theme, (w, h)) in [
        (Theme::Light, (1600, 1000)),
        (Theme::Dark, (1600, 1000)),
        (Theme::Light, (800, 500)),
    ] {
        let look = Options {
            theme,
            ..Options::default()
        };
        let mut spec = spec.clone();
        (spec.width, spec.height) = (w, h);
        let scene = Scene::build_with(&spec, &look, &gazetteer, (w, h)).unwrap();
        let colors = classes::colors(theme, 3);
        let fills = |code: &str| -> Vec<_> {
            scene
                .land
                .iter()
                .filter(|a| a.code == code)
                .map(|a| a.color)
                .collect()
        };
        for (code, class) in [("ES", 0), ("FR", 1), ("NL", 2)] {
            let got = fills(code);
            assert!(!got.is_empty(), "{theme:?}: {code} drawn");
            assert!(
                got.iter().all(|&c| c == colors[class]),
                "{theme:?}: {code} in class {class}"
            );
        }
        // Neighbours without articles keep the plain land colour.
        for code in ["DE", "BE", "PT"] {
            let got = fills(code);
            assert!(!got.is_empty(), "{theme:?}: {code} in view");
            assert!(got.iter().all(|&c| c == scene.palette.land), "{code}");
        }
        let legend = scene.legend.as_ref().expect("a legend");
        assert_eq!(legend.heading.as_deref(), Some("Articles with an action"));
        let rows: Vec<(&str, _)> = legend
            .classes
            .iter()
            .map(|c| (c.label.as_str(), c.color))
            .collect();
        assert_eq!(
            rows,
            [("1", colors[0]), ("2–4", colors[1]), ("5", colors[2])]
        );
        assert!(legend.entries.is_empty(), "no actions without markers");
        // Labels: the Netherlands first; in the frame, off the legend and each other.
        let labels = &scene.area_labels;
        assert_eq!(
            labels.first().map(|l| l.text.as_str()),
            Some("Netherlands 5")
        );
        assert!(labels.iter().any(|l| l.text == "France 3"));
        for (i, a) in labels.iter().enumerate() {
            assert!(
                scene.view.plot.contains_rect(&a.rect),
                "{} in the frame",
                a.text
            );
            assert!(
                !a.rect.intersects(&legend.rect),
                "{} off the legend",
                a.text
            );
            for b in &labels[i + 1..] {
                assert!(
                    !a.rect.intersects(&b.rect),
                    "{} and {} overlap",
                    a.text,
                    b.text
                );
            }
        }
        // A regional view holding the three countries.
        assert!(!scene.view.is_world());
        for (lon, lat) in [(5.3, 52.1), (2.4, 46.6), (-3.7, 40.4)] {
            let (x, y) = scene.view.pixel(lon, lat).unwrap();
            assert!(scene.view.plot.contains(x, y), "({lon}, {lat}) in view");
        }
    }

    // What the command writes: map.txt describes the shading; the SVG uses the class colours.
    let out = run(dir.path(), &["batch", "articles", "--out", "o", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_outputs(&dir.path().join("o"));
    let alt = String::from_utf8(read(&dir.path().join("o/map.txt"))).unwrap();
    assert!(
        alt.contains(
            "Countries shaded by articles with an action in 3 classes (1, 2–4 and 5): \
             Netherlands 5, France 3 and Spain 1."
        ),
        "{alt}"
    );
    let svg = String::from_utf8(read(&dir.path().join("o/map.svg"))).unwrap();
    for hex in ["#FECC5C", "#FD8D3C", "#E31A1C"] {
        assert!(svg.contains(&format!("fill=\"{hex}\"")), "{hex} in the SVG");
    }
    assert!(
        svg.contains(">Articles with an action</text>"),
        "legend heading"
    );
    assert!(svg.contains(">2–4</text>"), "class label");
}

/// The map options of `opmap map` work on a batch: a dark world map at a given size.
#[test]
fn batch_takes_the_map_options() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let out = run(
        dir.path(),
        &[
            "batch",
            "articles",
            "--out",
            "o",
            "-q",
            "--extent",
            "world",
            "--theme",
            "dark",
            "--size",
            "800x500",
            "--projection",
            "equal-earth",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let png = read(&dir.path().join("o/map.png"));
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (800, 500));
    let svg = String::from_utf8(read(&dir.path().join("o/map.svg"))).unwrap();
    // Dark theme: the paper, and the dark scheme's top class (pale yellow) on the Netherlands.
    assert!(svg.contains("#1C1E22"), "dark paper");
    assert!(svg.contains("fill=\"#FFFFB2\""), "dark top class");
    let bad = run(
        dir.path(),
        &["batch", "articles", "--out", "o", "--theme", "sepia"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

/// Issue 13: a record's `date` wins over the text's; `--since`/`--until` keep only the articles
/// dated in the range (undated ones left out); the timeline counts the dated articles.
#[test]
fn dates_and_the_since_until_range() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "may", "text": STORIES[0], "date": "2024-05-30T08:00:00Z"}),
        serde_json::json!({"id": "dateline", "text": format!("THE HAGUE, 3 June 2024 - {}", STORIES[1])}),
        serde_json::json!({"id": "bad", "text": STORIES[2], "date": "soon"}),
        serde_json::json!({"id": "old", "text": format!("{} It happened on 2 March 2019.", STORIES[3])}),
    ];
    std::fs::write(dir.path().join("c.jsonl"), jsonl(&lines)).unwrap();
    let out = run(dir.path(), &["batch", "c.jsonl", "--out", "all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`date` \"soon\" is not a date"),
        "{}",
        stderr(&out)
    );
    let events = records(&read(&dir.path().join("all/events.geojsonl")));
    let dates = |article: &str| -> Vec<(String, String)> {
        let mut d: Vec<_> = events
            .iter()
            .filter(|p| prop(p, "article") == article)
            .map(|p| {
                (
                    prop(p, "date").to_string(),
                    prop(p, "date_source").to_string(),
                )
            })
            .collect();
        d.dedup();
        d
    };
    assert_eq!(dates("may"), [("2024-05-30".into(), "jsonl".into())]);
    assert_eq!(
        dates("dateline"),
        [("2024-06-03".into(), "dateline".into())]
    );
    assert_eq!(dates("old"), [("2019-03-02".into(), "text".into())]);
    assert!(events
        .iter()
        .filter(|p| prop(p, "article") == "bad")
        .all(|p| p["date"].is_null()));
    let timeline = String::from_utf8(read(&dir.path().join("all/timeline.txt"))).unwrap();
    assert!(
        timeline.starts_with("Articles per month, by action."),
        "{timeline}"
    );

    let out = run(
        dir.path(),
        &[
            "batch",
            "c.jsonl",
            "--out",
            "range",
            "--since",
            "2024-05-01",
            "--until",
            "2024-06-30",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 outside --since/--until or undated, left out"),
        "{}",
        stderr(&out)
    );
    let kept: std::collections::BTreeSet<String> =
        records(&read(&dir.path().join("range/events.geojsonl")))
            .iter()
            .map(|p| prop(p, "article").to_string())
            .collect();
    assert_eq!(kept.into_iter().collect::<Vec<_>>(), ["dateline", "may"]);
    let timeline = String::from_utf8(read(&dir.path().join("range/timeline.txt"))).unwrap();
    assert!(
        timeline.starts_with("Articles per week, by action."),
        "{timeline}"
    );

    let out = run(dir.path(), &["batch", "c.jsonl", "--since", "May 2024"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
