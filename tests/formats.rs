//! The formats for other tools (issue 5): CSV, QGIS styles and project, the web map, GeoJSON
//! text sequences and `--formats`. Needs no GDAL, QGIS or browser: `scripts/check-clients.sh`
//! opens the same files in the real clients.

mod common;

use common::*;
use std::path::Path;

const ACTIONS: [&str; 6] = [
    "seizure",
    "raid",
    "arrest",
    "takedown",
    "coordination",
    "participation",
];

fn map_seed(dir: &Path, extra: &[&str]) -> std::process::Output {
    let seed = seed();
    let mut args = vec!["map", seed.to_str().unwrap(), "--out", "out"];
    args.extend_from_slice(extra);
    let out = run(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A small XML well-formedness check: every element closed in order, attributes quoted.
fn assert_well_formed(xml: &str, what: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("{what}: unclosed tag"));
        let tag = &after[..end];
        rest = &after[end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "{what}: unbalanced quotes in <{tag}>"
        );
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("{what}: </{name}> without an opening tag"));
            assert_eq!(open, name.trim(), "{what}: </{name}> closes <{open}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap().to_string();
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "{what}: unclosed elements {stack:?}");
}

#[test]
fn csv_parses_with_the_csv_crate_and_has_lon_lat() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &[]);
    let out = dir.path().join("out");
    let events = collection(&std::fs::read(out.join("events.geojson")).unwrap());
    let mut reader = csv::Reader::from_path(out.join("events.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let props = events.features[0].properties.as_ref().unwrap();
    let mut expected: Vec<&str> = props.keys().map(String::as_str).collect();
    expected.extend(["lon", "lat"]);
    assert_eq!(headers.iter().collect::<Vec<_>>(), expected);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), events.features.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (row, f) in rows.iter().zip(&events.features) {
        let geojson::Value::Point(p) = &f.geometry.as_ref().unwrap().value else {
            panic!("events are points");
        };
        let lon: f64 = row[col("lon")].parse().unwrap();
        let lat: f64 = row[col("lat")].parse().unwrap();
        assert!((lon - p[0]).abs() < 1e-9 && (lat - p[1]).abs() < 1e-9);
        assert_eq!(
            &row[col("sentence")],
            f.property("sentence").unwrap().as_str().unwrap()
        );
        assert_eq!(&row[col("id")], f.property("id").unwrap().as_str().unwrap());
    }
}

#[test]
fn qml_is_well_formed_and_lists_each_action() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &[]);
    let out = dir.path().join("out");
    for (name, attr) in [("events", "action"), ("countries", "role")] {
        let qml = std::fs::read_to_string(out.join(format!("{name}.qml"))).unwrap();
        assert_well_formed(&qml, name);
        assert!(qml.starts_with("<qgis>"), "{name}.qml: root must be <qgis>");
        assert!(qml.contains(&format!(
            "<renderer-v2 type=\"categorizedSymbol\" attr=\"{attr}\">"
        )));
        for a in ACTIONS {
            assert!(
                qml.contains(&format!("<category value=\"{a}\"")),
                "{name}.qml: no category {a}"
            );
        }
    }
    // The same colours as the simplestyle properties (and map.png's style table).
    let events = collection(&std::fs::read(out.join("events.geojson")).unwrap());
    let qml = std::fs::read_to_string(out.join("events.qml")).unwrap();
    for f in &events.features {
        let hex = f.property("marker-color").unwrap().as_str().unwrap();
        let rgb: Vec<u8> = (0..3)
            .map(|i| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap())
            .collect();
        assert!(qml.contains(&format!("{},{},{},255", rgb[0], rgb[1], rgb[2])));
    }
    for name in ["flows.qml", "basemap.qml", "map.qgs"] {
        assert_well_formed(&std::fs::read_to_string(out.join(name)).unwrap(), name);
    }
}

#[test]
fn qgis_project_opens_the_layers_in_order_with_relative_paths() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &[]);
    let qgs = std::fs::read_to_string(dir.path().join("out/map.qgs")).unwrap();
    let at = |s: &str| qgs.find(s).unwrap_or_else(|| panic!("map.qgs has no {s}"));
    // The layer tree lists the top layer first.
    assert!(at("source=\"./events.geojson\"") < at("source=\"./flows.geojson\""));
    assert!(at("source=\"./flows.geojson\"") < at("source=\"./countries.geojson\""));
    assert!(at("source=\"./countries.geojson\"") < at("source=\"./basemap.geojson\""));
    assert!(qgs.contains("<Absolute type=\"bool\">false</Absolute>"));
    assert!(qgs.contains("<proj4>+proj=laea "), "regional map in LAEA");
    assert_eq!(qgs.matches("<authid>EPSG:4326</authid>").count(), 4);
}

#[test]
fn seq_has_a_record_separator_before_each_feature() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let plain = run(dir.path(), &["extract", seed.to_str().unwrap()]);
    let seq = run(dir.path(), &["extract", "--seq", seed.to_str().unwrap()]);
    assert!(seq.status.success(), "{}", stderr(&seq));
    let events = collection(&plain.stdout);
    let bytes = seq.stdout;
    assert_eq!(bytes[0], 0x1e);
    assert_eq!(
        bytes.iter().filter(|&&b| b == 0x1e).count(),
        events.features.len()
    );
    let text = String::from_utf8(bytes).unwrap();
    for (chunk, f) in text.split('\u{1e}').skip(1).zip(&events.features) {
        assert!(chunk.ends_with('\n'));
        let parsed: geojson::Feature = chunk.trim_end().parse().unwrap();
        assert_eq!(&parsed, f);
    }
}

#[test]
fn formats_limit_the_files_written() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "csv,html"]);
    assert_eq!(names(&dir.path().join("out")), ["events.csv", "map.html"]);

    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "geojson"]);
    assert_eq!(
        names(&dir.path().join("out")),
        ["countries.geojson", "events.geojson", "flows.geojson"]
    );

    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "qgis"]);
    assert_eq!(
        names(&dir.path().join("out")),
        [
            "basemap.geojson",
            "basemap.qml",
            "countries.geojson",
            "countries.qml",
            "events.geojson",
            "events.qml",
            "flows.geojson",
            "flows.qml",
            "map.qgs"
        ]
    );

    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "chart"]);
    assert_eq!(
        names(&dir.path().join("out")),
        ["chart.png", "chart.svg", "chart.txt"]
    );

    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["map", "x.txt", "--formats", "csv,kml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kml"), "{}", stderr(&out));
}

#[test]
fn render_takes_formats_too() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "geojson"]);
    let out = run(
        dir.path(),
        &[
            "render",
            "out/events.geojson",
            "--out",
            "again",
            "--formats",
            "png",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = names(&dir.path().join("again"));
    assert!(files.contains(&"map.png".to_string()), "{files:?}");
    assert!(!files
        .iter()
        .any(|f| f.ends_with(".geojson") || f.ends_with(".html")));
}

#[test]
fn html_is_self_contained_and_fetches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &[]);
    let out = dir.path().join("out");
    let html = std::fs::read_to_string(out.join("map.html")).unwrap();
    let lower = html.to_ascii_lowercase();
    for bad in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "fetch(",
        "xmlhttprequest",
        "<link",
        "<iframe",
        "<img",
        "src=\"//",
        "href=\"//",
    ] {
        assert!(!lower.contains(bad), "map.html contains {bad}");
    }
    // No external script or stylesheet: every <script> is inline.
    assert!(!lower.contains("<script src"));
    // No URL at all outside the data the article itself quoted.
    for m in lower.match_indices("http") {
        let around = &lower[m.0.saturating_sub(40)..(m.0 + 40).min(lower.len())];
        assert!(
            around.contains("http-equiv"),
            "map.html names a URL: {around}"
        );
    }
    // One marker per event, each with a tooltip's data: its sentence.
    let events = collection(&std::fs::read(out.join("events.geojson")).unwrap());
    assert_eq!(
        html.matches("<g class=\"marker ").count(),
        events.features.len()
    );
    for f in &events.features {
        let sentence = f.property("sentence").unwrap().as_str().unwrap();
        let json = serde_json::to_string(sentence)
            .unwrap()
            .replace("</", "<\\/");
        assert!(
            html.contains(&json),
            "map.html lacks the sentence {sentence}"
        );
    }
    assert!(html.contains("id=\"legend\""));
}

#[test]
fn simplestyle_properties_have_one_type_per_layer() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &[]);
    let out = dir.path().join("out");
    for (name, keys) in [
        (
            "events.geojson",
            &[
                "marker-color",
                "marker-symbol",
                "marker-size",
                "title",
                "description",
            ][..],
        ),
        (
            "countries.geojson",
            &["fill", "fill-opacity", "stroke", "title", "description"][..],
        ),
        ("flows.geojson", &["stroke", "title", "description"][..]),
    ] {
        let fc = collection(&std::fs::read(out.join(name)).unwrap());
        for key in keys {
            let kinds: std::collections::BTreeSet<&str> = fc
                .features
                .iter()
                .map(|f| match f.property(key) {
                    Some(serde_json::Value::String(_)) => "string",
                    Some(serde_json::Value::Number(_)) => "number",
                    other => panic!("{name}: {key} is {other:?}"),
                })
                .collect();
            assert_eq!(kinds.len(), 1, "{name}: {key} has types {kinds:?}");
        }
        for f in &fc.features {
            for key in ["marker-color", "fill", "stroke"] {
                if let Some(v) = f.property(key) {
                    let v = v.as_str().unwrap();
                    assert!(v.len() == 7 && v.starts_with('#'), "{name}: {key} = {v}");
                }
            }
        }
    }
}

/// Issue 13: `chart.png`, `chart.svg` and `chart.txt` are a plotters bar chart of the actions
/// per country, one bar per country, longest first, in the map's colours; a later run without
/// `chart` removes them as stale.
#[test]
fn chart_shows_one_bar_per_country_and_is_removed_when_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    map_seed(dir.path(), &["--formats", "png,chart"]);
    let out = dir.path().join("out");
    let alt = std::fs::read_to_string(out.join("chart.txt")).unwrap();
    assert!(alt.starts_with("Actions per country.\n"), "{alt}");
    assert!(alt.contains("(7 bars)"), "{alt}");
    assert!(
        alt.contains(" Netherlands 2: seizure 1 and coordination 1."),
        "{alt}"
    );
    let svg = std::fs::read_to_string(out.join("chart.svg")).unwrap();
    for country in ["Netherlands", "Canada", "Bulgaria", "United Kingdom"] {
        assert_eq!(
            svg.matches(&format!(">\n{country}\n<")).count(),
            1,
            "{country}"
        );
    }
    // Coordination is its own segment, in the legend's green.
    assert!(svg.contains("fill=\"#009E73\""), "no coordination segment");
    assert!(svg.contains("Coordination 1"));
    let png = std::fs::read(out.join("chart.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(&png));
    let info = decoder.read_info().unwrap().info().clone();
    assert_eq!(info.width, 1600);

    let again = map_seed(dir.path(), &["--formats", "png"]);
    assert!(stderr(&again).contains("removed stale chart.png"));
    assert_eq!(names(&out), ["map.png", "map.txt"]);
}
