//! One hub (issue 13): on the seed, the test articles and every real dev and held-out article,
//! the flows start from one hub at most: the first-named international coordinating body, else
//! the single lead country; exactly one arrow to each place outside the hub's country; none
//! where there is no hub. `--flows none` draws none, and `flows.geojson` follows the same rule.

mod common;

use common::*;
use opmap::action::Action;
use opmap::article::Article;
use opmap::hub::{self, Flows};
use std::path::PathBuf;

/// The seed, `tests/articles`, and the real dev and held-out articles.
fn articles() -> Vec<PathBuf> {
    let mut paths = vec![root().join("seeds/europol-amaq-takedown.txt")];
    for dir in [
        "tests/articles",
        "tests/eval/synthetic",
        "tests/eval/real/dev",
        "tests/eval/real/heldout",
    ] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
}

#[test]
fn every_article_has_one_hub_at_most_and_one_arrow_per_place() {
    let gazetteer = gazetteer();
    let (mut hubs, mut arrows, mut several_coordinators) = (0, 0, 0);
    let paths = articles();
    assert!(paths.len() > 90, "{} articles", paths.len());
    for path in &paths {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let x = opmap::extract(gazetteer, &Article::from_text(&name, &text));
        let layers = opmap::layers::build(gazetteer, &x.located).unwrap();
        let hub = hub::find(&x.located, Flows::Hub);
        let coordinators: Vec<_> = x
            .located
            .iter()
            .filter(|e| e.action == Action::Coordination)
            .collect();
        several_coordinators += usize::from(coordinators.len() > 1);
        let flows = &layers.flows.features;
        let Some(hub) = hub else {
            assert!(flows.is_empty(), "{name}: arrows without a hub");
            continue;
        };
        hubs += 1;
        arrows += flows.len();
        // The first international body when there is one, else the only country leading.
        match coordinators
            .iter()
            .find(|e| hub::is_international(&e.place))
        {
            Some(first) => assert_eq!(first.place, hub.place, "{name}"),
            None => assert!(
                coordinators.iter().all(|e| e.country == hub.country),
                "{name}"
            ),
        }
        let mut ends = Vec::new();
        for f in flows {
            let prop = |k: &str| f.property(k).and_then(|v| v.as_str()).unwrap().to_string();
            assert_eq!(prop("from"), hub.place, "{name}: a second hub");
            assert_ne!(
                prop("to_country"),
                hub.country.to_string(),
                "{name}: an arrow inside the hub's country"
            );
            let Some(geojson::Value::MultiLineString(parts)) =
                f.geometry.as_ref().map(|g| &g.value)
            else {
                panic!("{name}: a flow is not a MultiLineString");
            };
            let end = parts.last().unwrap().last().unwrap().clone();
            assert!(!ends.contains(&end), "{name}: two arrows to one place");
            ends.push(end);
        }
        let places_outside: std::collections::HashSet<String> = x
            .located
            .iter()
            .filter(|e| e.country != hub.country && e.point != hub.point)
            .map(|e| format!("{:.6},{:.6}", e.point.x(), e.point.y()))
            .collect();
        assert_eq!(
            flows.len(),
            places_outside.len(),
            "{name}: one arrow to each place"
        );
    }
    eprintln!(
        "{} articles: {hubs} with a hub, {arrows} arrows; {several_coordinators} name several coordinators",
        paths.len()
    );
    assert!(hubs > 30, "{hubs} hubs");
}

#[test]
fn flows_none_writes_no_flows() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = run(
        dir.path(),
        &[
            "map",
            seed.to_str().unwrap(),
            "--out",
            "o",
            "--flows",
            "none",
            "--formats",
            "geojson,svg",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.path().join("o/flows.geojson").exists());
    assert!(
        stderr(&out).contains("flows.geojson (no features)"),
        "{}",
        stderr(&out)
    );
    let out = run(
        dir.path(),
        &["map", seed.to_str().unwrap(), "--flows", "fan"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected hub or none"),
        "{}",
        stderr(&out)
    );
}
