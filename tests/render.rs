//! The maps as a reader sees them: the PNG has the asked size and each highlighted country its
//! fill colour at a point inside it away from markers and labels; the SVG holds the title, the
//! legend entries and the labels as text.

mod common;

use common::*;
use opmap::action::Action;
use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::render::{style, Scene};

fn seed_spec(gazetteer: &Gazetteer) -> opmap::render::MapSpec {
    let text = std::fs::read_to_string(seed()).unwrap();
    let x = opmap::extract(gazetteer, &Article::from_text("seed", &text));
    opmap::layers::map_spec(&x.located, "Seed map", 1600, 1000)
}

#[test]
fn png_has_the_size_and_country_fills() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["map", seed().to_str().unwrap(), "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = image::open(dir.path().join("o/map.png")).unwrap().to_rgb8();
    assert_eq!(png.dimensions(), (1600, 1000));

    let gazetteer = Gazetteer::load().unwrap();
    let spec = seed_spec(&gazetteer);
    let scene = Scene::build(&spec, &gazetteer, (1600, 1000)).unwrap();
    // Points well inside each highlighted country (lon, lat), with the role it is filled by.
    let probes = [
        ("CA", -112.0, 62.0, Action::Seizure),
        ("US", -100.0, 36.0, Action::Seizure),
        ("FR", 0.5, 44.5, Action::Raid),
        ("RO", 22.4, 45.4, Action::Raid),
        ("BG", 23.3, 42.0, Action::Raid),
        ("GB", -1.3, 52.6, Action::Takedown),
    ];
    for (code, lon, lat, role) in probes {
        let (x, y) = scene.view_for(lon, lat).pixel(lon, lat).unwrap();
        // Away from markers and labels.
        for m in &scene.markers {
            assert!(
                (m.at.0 - x).hypot(m.at.1 - y) > 16.0,
                "{code}: probe too close to a marker"
            );
        }
        for l in &scene.layout.labels {
            assert!(
                !l.rect.inflate(4.0).contains(x, y),
                "{code}: probe under a label"
            );
        }
        let px = png.get_pixel(x.round() as u32, y.round() as u32);
        let want = style::tint(role);
        let close = (px[0] as i32 - want.0 as i32).abs() <= 3
            && (px[1] as i32 - want.1 as i32).abs() <= 3
            && (px[2] as i32 - want.2 as i32).abs() <= 3;
        assert!(
            close,
            "{code} at ({x:.0},{y:.0}): pixel {px:?}, expected {want:?}"
        );
    }
}

#[test]
fn svg_keeps_title_legend_and_labels_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "map",
            seed().to_str().unwrap(),
            "--out",
            "o",
            "--title",
            "Amaq takedown & raids",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("o/map.svg")).unwrap();
    let texts: Vec<String> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].to_string())
        })
        .collect();
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    assert!(has("Amaq takedown &amp; raids"), "title missing: {texts:?}");
    for entry in [
        "Seizure",
        "Raid",
        "Takedown",
        "Coordination",
        "Participation",
    ] {
        assert!(has(entry), "legend entry {entry} missing");
    }
    assert!(
        !has("Arrest"),
        "legend lists an action that is not on the map"
    );
    for label in [
        "Netherlands",
        "Canada",
        "United States",
        "Bulgaria",
        "France",
        "Romania",
        "United Kingdom",
    ] {
        assert!(has(label), "label {label} missing");
    }
    assert!(
        has("Natural Earth") && has("GeoNames"),
        "attribution missing"
    );
}
