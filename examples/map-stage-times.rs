//! Where the time of a seed map run goes: each stage of `opmap` with no arguments, timed in
//! one process (minimum and median of N runs, default 9; the minimum is the steadier on a
//! busy machine; the outlines are decoded by the first run and cached after, like the PNG
//! and SVG of one run share them).
//!
//! `cargo run --release --example map-stage-times [N]`

use opmap::article::Article;
use opmap::gazetteer::{Detail, Gazetteer};
use opmap::render::{self, Scene};
use opmap::{formats, layers, MapOptions};
use std::time::Instant;

const SEED: &str = include_str!("../seeds/europol-amaq-takedown.txt");

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(9);
    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut time = |name: &'static str, ms: f64| match rows.iter_mut().find(|r| r.0 == name) {
        Some(r) => r.1.push(ms),
        None => rows.push((name, vec![ms])),
    };
    let out = tempfile::tempdir().expect("a temporary directory");
    for run in 0..runs {
        let t = Instant::now();
        let g = Gazetteer::load().unwrap();
        time("gazetteer load", ms(t));
        if run == 0 {
            let t = Instant::now();
            g.outlines(Detail::Regional).unwrap();
            time("outlines 50m decode (first run only)", ms(t));
        }
        let article = Article::from_text("seeds/europol-amaq-takedown.txt", SEED);
        let t = Instant::now();
        let x = opmap::extract(&g, &article);
        time("extract", ms(t));
        let t = Instant::now();
        let layers = layers::build(&g, &x.located).unwrap();
        time("layers build", ms(t));
        let spec = opmap::spec::map_spec(&x.located, "Seed", 1600, 1000);
        let look = render::Options::default();
        let t = Instant::now();
        Scene::build_with(&spec, &look, &g, (1600, 1000)).unwrap();
        time("scene 1x", ms(t));
        let t = Instant::now();
        let scene2 = Scene::build_with(&spec, &look, &g, (3200, 2000)).unwrap();
        time("scene 2x", ms(t));
        let t = Instant::now();
        render::png_with(&spec, &look, &g).unwrap();
        time("png (scene + paint + encode)", ms(t));
        let t = Instant::now();
        render::png_of(&scene2, (1600, 1000)).unwrap();
        time("png from scene (paint + encode)", ms(t));
        let t = Instant::now();
        render::svg_with(&spec, &look, &g).unwrap();
        time("svg (scene + paint)", ms(t));
        let t = Instant::now();
        formats::webmap::html(
            &spec,
            &scene2,
            &layers.events,
            &layers::site_indices(&x.located).0,
            &[],
        );
        time("html (from scene)", ms(t));
        let t = Instant::now();
        let bounds = vec![scene2.view.lon_lat_bounds().unwrap()];
        let basemap = formats::qgis::basemap(&g, scene2.detail, &bounds).unwrap();
        layers::to_geojson_string(&basemap);
        time("qgis basemap + json", ms(t));
        let t = Instant::now();
        layers::to_geojson_string(&layers.countries);
        time("countries json", ms(t));
        let options = MapOptions {
            out_dir: out.path().to_path_buf(),
            title: "Seed".to_string(),
            width: 1600,
            height: 1000,
            formats: formats::Formats::all(),
            left_out: None,
            flows: Default::default(),
            render: look,
            labels: opmap::lang::Lang::En,
        };
        let t = Instant::now();
        opmap::write_map(&g, &x.located, &options).unwrap();
        time("write_map (all formats)", ms(t));
    }
    for (name, mut v) in rows {
        v.sort_by(f64::total_cmp);
        println!(
            "{name:38} min {:8.2} ms  median {:8.2} ms",
            v[0],
            v[v.len() / 2]
        );
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
