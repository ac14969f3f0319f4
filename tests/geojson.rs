//! Every GeoJSON file opmap writes is RFC 7946: it parses back with the `geojson` crate, has no
//! `crs`, lon in [-180, 180] and lat in [-90, 90], exterior rings counter-clockwise and holes
//! clockwise, no segment across ±180°, one geometry type per file, string ids, and one JSON
//! type per property across features.

mod common;

use common::*;
use geojson::Value;
use serde_json::Value as Json;
use std::collections::BTreeMap;

fn seed_layers() -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["map", seed().to_str().unwrap(), "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = ["events.geojson", "countries.geojson", "flows.geojson"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read(dir.path().join("o").join(n)).unwrap(),
            )
        })
        .collect();
    (dir, files)
}

fn positions(value: &Value, out: &mut Vec<Vec<f64>>) {
    match value {
        Value::Point(p) => out.push(p.clone()),
        Value::MultiPoint(ps) | Value::LineString(ps) => out.extend(ps.iter().cloned()),
        Value::MultiLineString(ls) | Value::Polygon(ls) => {
            ls.iter().for_each(|l| out.extend(l.iter().cloned()))
        }
        Value::MultiPolygon(ps) => ps
            .iter()
            .for_each(|p| p.iter().for_each(|l| out.extend(l.iter().cloned()))),
        Value::GeometryCollection(gs) => gs.iter().for_each(|g| positions(&g.value, out)),
    }
}

fn signed_area(ring: &[Vec<f64>]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum::<f64>()
        / 2.0
}

fn json_type(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "bool",
        Json::Number(n) if n.is_f64() => "real",
        Json::Number(_) => "integer",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

#[test]
fn every_layer_is_rfc7946() {
    let (_dir, files) = seed_layers();
    for (name, bytes) in files {
        let raw: Json = serde_json::from_slice(&bytes).unwrap();
        assert!(raw.get("crs").is_none(), "{name} has a crs member");
        let fc = collection(&bytes);
        assert!(!fc.features.is_empty(), "{name} is empty");
        let mut types: BTreeMap<String, &'static str> = BTreeMap::new();
        let mut geometry_types = std::collections::BTreeSet::new();
        for (i, f) in fc.features.iter().enumerate() {
            assert!(
                matches!(f.id, Some(geojson::feature::Id::String(_))),
                "{name} #{i}: id is not a string"
            );
            let g = f.geometry.as_ref().unwrap();
            geometry_types.insert(g.value.type_name());
            let mut ps = Vec::new();
            positions(&g.value, &mut ps);
            for p in &ps {
                assert_eq!(p.len(), 2);
                assert!(
                    (-180.0..=180.0).contains(&p[0]),
                    "{name} #{i}: lon {}",
                    p[0]
                );
                assert!((-90.0..=90.0).contains(&p[1]), "{name} #{i}: lat {}", p[1]);
                for v in p {
                    let scaled = v * 1e6;
                    assert!(
                        (scaled - scaled.round()).abs() < 1e-6,
                        "{name}: {v} has more than 6 decimals"
                    );
                }
            }
            match &g.value {
                Value::MultiPolygon(polys) => {
                    for poly in polys {
                        for (k, ring) in poly.iter().enumerate() {
                            assert!(ring.len() >= 4 && ring[0] == ring[ring.len() - 1]);
                            let area = signed_area(ring);
                            if k == 0 {
                                assert!(area > 0.0, "{name} #{i}: exterior ring clockwise");
                            } else {
                                assert!(area < 0.0, "{name} #{i}: hole counter-clockwise");
                            }
                            for w in ring.windows(2) {
                                assert!(
                                    (w[1][0] - w[0][0]).abs() <= 180.0,
                                    "{name} #{i}: ring crosses ±180"
                                );
                            }
                        }
                    }
                }
                Value::MultiLineString(lines) => {
                    for line in lines {
                        assert!(line.len() >= 2);
                        for w in line.windows(2) {
                            assert!(
                                (w[1][0] - w[0][0]).abs() <= 180.0,
                                "{name} #{i}: line crosses ±180"
                            );
                        }
                    }
                }
                Value::Point(_) => {}
                other => panic!("{name}: unexpected geometry {}", other.type_name()),
            }
            for (key, value) in f.properties.as_ref().unwrap() {
                let t = json_type(value);
                let t = if t == "integer" && types.get(key) == Some(&"real") {
                    "real"
                } else {
                    t
                };
                let seen = types.entry(key.clone()).or_insert(t);
                let seen_t = if *seen == "integer" && t == "real" {
                    "real"
                } else {
                    *seen
                };
                assert_eq!(seen_t, t, "{name}: property {key} changes type");
                *seen = seen_t;
            }
        }
        assert_eq!(
            geometry_types.len(),
            1,
            "{name}: several geometry types {geometry_types:?}"
        );
        // Every feature has every property.
        for f in &fc.features {
            assert_eq!(
                f.properties.as_ref().unwrap().len(),
                types.len(),
                "{name}: uneven properties"
            );
        }
    }
}

#[test]
fn event_properties_are_the_documented_ones() {
    let (_dir, files) = seed_layers();
    let events = collection(&files[0].1);
    let keys: Vec<&String> = events.features[0]
        .properties
        .as_ref()
        .unwrap()
        .keys()
        .collect();
    for key in [
        "id",
        "action",
        "country",
        "country_name",
        "place",
        "place_type",
        "text",
        "sentence",
        "start",
        "end",
        "article",
        "confidence",
        "reason",
    ] {
        assert!(keys.iter().any(|k| *k == key), "missing {key}: {keys:?}");
    }
    let text = std::fs::read_to_string(seed()).unwrap();
    for f in &events.features {
        let start = f.property("start").unwrap().as_u64().unwrap() as usize;
        let end = f.property("end").unwrap().as_u64().unwrap() as usize;
        assert_eq!(
            &text[start..end],
            f.property("text").unwrap().as_str().unwrap()
        );
        let c = f.property("confidence").unwrap().as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
        assert_eq!(
            f.id.as_ref()
                .map(|id| match id {
                    geojson::feature::Id::String(s) => s.clone(),
                    geojson::feature::Id::Number(n) => n.to_string(),
                })
                .as_deref(),
            f.property("id").unwrap().as_str()
        );
    }
    let countries = collection(&files[1].1);
    let nl = countries
        .features
        .iter()
        .find(|f| f.property("country").unwrap() == "NL")
        .unwrap();
    assert_eq!(nl.property("actions").unwrap(), "seizure,coordination");
    assert_eq!(nl.property("role").unwrap(), "seizure");
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let (_a, first) = seed_layers();
    let (_b, second) = seed_layers();
    assert_eq!(first, second);
}
