//! Where `opmap extract` spends its time, stage by stage, on one file (the text as one article,
//! as `opmap extract` reads it): `cargo run --release --example extract-stage-times -- FILE [RUNS]`.
//! Prints the median over RUNS (default 5) of each stage's time and its MB/s, and the counts of
//! what each stage produced, so that a faster stage cannot hide a changed result.

use opmap::article::{self, ReadOptions};
use opmap::gazetteer::Gazetteer;
use opmap::{actions, layers, places, resolve, sentences};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: extract-stage-times FILE [RUNS] (e.g. /tmp/perf/corpus/corpus-50mb.txt)");
    let runs: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("RUNS is a number"));
    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut record = |name: &'static str, secs: f64| match rows.iter_mut().find(|r| r.0 == name) {
        Some(row) => row.1.push(secs),
        None => rows.push((name, vec![secs])),
    };
    let mut counts = String::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let gazetteer = Gazetteer::load().expect("the embedded gazetteer loads");
        record("gazetteer load", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let article = article::read(&path, &ReadOptions::default()).expect("the file reads");
        record("read", t.elapsed().as_secs_f64());
        let text = &article.text;
        bytes = text.len();
        let t = Instant::now();
        let s = sentences::split(text);
        record("sentences", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let m = places::find(&gazetteer, text, &s, opmap::lang::Lang::En);
        record("places", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let e = actions::link(&gazetteer, text, &s, &m).events;
        record("actions", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let l = resolve::locate(&gazetteer, &article, &s, &e);
        record("resolve", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let json = layers::events_geojson(&opmap::record::EventRecord::all(&l));
        record("geojson", t.elapsed().as_secs_f64());
        counts = format!(
            "sentences {}, mentions {}, events {}, located {}, geojson {} bytes",
            s.len(),
            m.len(),
            e.len(),
            l.len(),
            json.len()
        );
    }
    let mb = bytes as f64 / 1e6;
    println!("{path}: {mb:.1} MB, median of {runs} runs");
    let mut total = 0.0;
    for (name, mut times) in rows {
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        total += median;
        println!(
            "  {name:<15} {:>9.1} ms  {:>9.1} MB/s",
            median * 1000.0,
            mb / median
        );
    }
    println!(
        "  {:<15} {:>9.1} ms  {:>9.1} MB/s",
        "total",
        total * 1000.0,
        mb / total
    );
    println!("  {counts}");
}
