//! `opmap places`: every place mention as the user gets it (GeoJSON, GeoJSONSeq, CSV), its
//! offsets, kind, resolution and fate, and the errors.

mod common;

use common::*;
use std::collections::HashSet;

/// An article with a city, a region after it, a country qualifier, a demonym that is
/// background, an agency and non-ASCII text before the mentions.
const ARTICLE: &str = "Café owners in Zürich said: “Police raided homes in Austin, Texas and \
in Ternopil, Ukraine.” Two Dutch men were seen. The operation was coordinated by Europol.\n";

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn props(f: &geojson::Feature) -> &serde_json::Map<String, serde_json::Value> {
    f.properties.as_ref().unwrap()
}

#[test]
fn every_mention_in_text_order_with_offsets_kind_and_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE);
    let out = run(dir.path(), &["places", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let fc = collection(&out.stdout);
    let got: Vec<(String, String, String, String)> = fc
        .features
        .iter()
        .map(|f| {
            let p = props(f);
            let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (s("text"), s("kind"), s("name"), s("country"))
        })
        .collect();
    let want = [
        ("Zürich", "city", "Zürich", "CH"),
        ("Austin", "city", "Austin", "US"),
        ("Texas", "region", "Texas", "US"),
        ("Ternopil", "city", "Ternopil", "UA"),
        ("Ukraine", "country", "Ukraine", "UA"),
        ("Dutch", "demonym", "Netherlands", "NL"),
        ("Europol", "agency", "Europol", "NL"),
    ];
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(got, want);
    let chars: Vec<char> = ARTICLE.chars().collect();
    for f in &fc.features {
        let p = props(f);
        let n = |k: &str| p[k].as_u64().unwrap() as usize;
        let text = p["text"].as_str().unwrap();
        assert_eq!(&ARTICLE[n("start")..n("end")], text, "byte offsets");
        let by_chars: String = chars[n("char_start")..n("char_end")].iter().collect();
        assert_eq!(by_chars, text, "character offsets");
        assert_eq!(
            f.id,
            Some(geojson::feature::Id::String(
                p["id"].as_str().unwrap().into()
            ))
        );
    }
    // After "Café" and the curly quote, bytes and characters differ.
    let austin = props(&fc.features[1]);
    assert!(austin["start"].as_u64() > austin["char_start"].as_u64());
    // GeoNames ids: cities, countries and the US states have one.
    assert_eq!(austin["geonameid"], 4671654);
    assert_eq!(props(&fc.features[2])["geonameid"], 4736286);
    assert!(props(&fc.features[4])["geonameid"].is_u64());
    assert!(props(&fc.features[6])["geonameid"].is_null());
    // Texas's point is in Texas.
    let geojson::Value::Point(c) = &fc.features[2].geometry.as_ref().unwrap().value else {
        panic!("not a point")
    };
    assert!(
        (-106.6..-93.5).contains(&c[0]) && (25.8..36.5).contains(&c[1]),
        "{c:?}"
    );
}

#[test]
fn fate_joins_the_events_opmap_extract_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE);
    let places = collection(&run(dir.path(), &["places", &path]).stdout);
    let events = collection(&run(dir.path(), &["extract", &path]).stdout);
    let ids: HashSet<&str> = events
        .features
        .iter()
        .map(|f| props(f)["id"].as_str().unwrap())
        .collect();
    let fate = |text: &str| {
        let f = places
            .features
            .iter()
            .find(|f| props(f)["text"] == text)
            .unwrap();
        let events: Vec<String> = props(f)["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        (events, props(f)["dropped_by"].clone())
    };
    assert_eq!(
        fate("Austin"),
        (vec!["raid-US-austin".to_string()], serde_json::Value::Null)
    );
    assert_eq!(fate("Ternopil").0, ["raid-UA-ternopil"]);
    assert_eq!(fate("Europol").0, ["coordination-NL-europol"]);
    // A region or country that only qualifies its city, and a nationality: no event.
    for (background, filter) in [
        ("Texas", "restatement"),
        ("Ukraine", "restatement"),
        ("Dutch", "nationality"),
    ] {
        assert_eq!(fate(background), (vec![], serde_json::json!(filter)));
    }
    // Every event id a mention names is one opmap extract wrote, and every event is named
    // by the mention at its own byte span.
    for f in &places.features {
        for id in props(f)["events"].as_array().unwrap() {
            assert!(ids.contains(id.as_str().unwrap()), "{id}");
        }
    }
    for e in &events.features {
        let (id, start) = (props(e)["id"].as_str().unwrap(), &props(e)["start"]);
        let m = places
            .features
            .iter()
            .find(|f| &props(f)["start"] == start)
            .unwrap();
        assert!(props(m)["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == id));
    }
}

#[test]
fn seq_csv_and_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE);
    let seq = run(dir.path(), &["places", "--seq", &path]);
    assert!(seq.status.success());
    let text = String::from_utf8(seq.stdout).unwrap();
    let records: Vec<&str> = text.split('\u{1e}').skip(1).collect();
    assert_eq!(records.len(), 7);
    for r in records {
        let f: geojson::Feature = r.trim_end().parse().unwrap();
        assert!(f.geometry.is_some());
    }

    let csv = run(dir.path(), &["places", "--format", "csv", &path]);
    assert!(csv.status.success());
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,text,start,end,char_start,char_end,kind,name,country,geonameid,events,dropped_by,article,lon,lat"
    );
    assert_eq!(lines.count(), 7);
    assert!(
        csv.contains(",region,Texas,US,4736286,,restatement,"),
        "{csv}"
    );

    let with = collection(&run(dir.path(), &["places", "--candidates", &path]).stdout);
    let texas = with
        .features
        .iter()
        .find(|f| props(f)["text"] == "Texas")
        .unwrap();
    let candidates = props(texas)["candidates"].as_array().unwrap();
    assert_eq!(candidates.iter().filter(|c| c["chosen"] == true).count(), 1);
    let chosen = candidates.iter().find(|c| c["chosen"] == true).unwrap();
    assert_eq!(
        (&chosen["kind"], &chosen["country"]),
        (&serde_json::json!("region"), &serde_json::json!("US"))
    );
    // Without --candidates there is no such property.
    let without = collection(&run(dir.path(), &["places", &path]).stdout);
    assert!(!props(&without.features[0]).contains_key("candidates"));
}

#[test]
fn atlanta_georgia_is_the_us_state_and_several_articles_keep_ids_apart() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Arrests were made in Atlanta, Georgia.\n",
    );
    write(
        dir.path(),
        "b.txt",
        "Georgia and Armenia signed a treaty.\n",
    );
    // Relative paths, as a user types them: the ids carry the article's name.
    let fc = collection(&run(dir.path(), &["places", "a.txt", "b.txt"]).stdout);
    let rows: Vec<(String, String, String)> = fc
        .features
        .iter()
        .map(|f| {
            let p = props(f);
            let s = |k: &str| p[k].as_str().unwrap().to_string();
            (s("id"), s("kind"), s("country"))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("m1".into(), "city".into(), "US".into()),
            ("m2".into(), "region".into(), "US".into()),
            ("m1-b-txt".into(), "country".into(), "GE".into()),
            ("m2-b-txt".into(), "country".into(), "AM".into()),
        ]
    );
}

#[test]
fn bad_input_prints_nothing_and_usage_conflicts_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.txt", ARTICLE);
    let out = run(dir.path(), &["places", &good, "missing.txt"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        out.stdout.is_empty(),
        "nothing printed before the bad article"
    );
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));

    let out = run(dir.path(), &["places", "--seq", "--format", "csv", &good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--seq"), "{}", stderr(&out));

    let empty = write(dir.path(), "empty.txt", "");
    let out = run(dir.path(), &["places", &empty]);
    assert!(out.status.success());
    assert!(collection(&out.stdout).features.is_empty());
}
