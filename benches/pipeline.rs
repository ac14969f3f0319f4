//! Criterion benchmarks: one per stage on the seed article, plus the whole text pipeline and
//! the map rendering. Each asserts what it measures (the seed's event count), so a broken stage
//! cannot look fast. `cargo bench --bench pipeline -- --test` runs each once (CI does).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use opmap::article::Article;
use opmap::gazetteer::Gazetteer;
use opmap::{actions, layers, places, render, resolve, sentences};
use std::hint::black_box;

const SEED: &str = include_str!("../seeds/europol-amaq-takedown.txt");
/// The committed seed output: the number of events the benchmarks expect follows it, so an
/// extraction change that re-generates `output/` cannot leave this bench behind.
const SEED_EVENTS: &str = include_str!("../output/events.geojson");

fn seed_event_count() -> usize {
    let collection: geojson::FeatureCollection = SEED_EVENTS.parse().unwrap();
    collection.features.len()
}

fn stages(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().unwrap();
    let article = Article::from_text("seeds/europol-amaq-takedown.txt", SEED);
    let x = opmap::extract(&gazetteer, &article);
    let expected = seed_event_count();
    assert_eq!(
        x.located.len(),
        expected,
        "the seed has {expected} events (output/events.geojson)"
    );

    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("gazetteer_load", |b| {
        b.iter(|| black_box(Gazetteer::load().unwrap()))
    });
    g.bench_function("sentences", |b| {
        b.iter(|| sentences::split(black_box(SEED)))
    });
    g.bench_function("places", |b| {
        b.iter(|| {
            places::find(
                &gazetteer,
                black_box(SEED),
                &x.sentences,
                opmap::lang::Lang::En,
            )
        })
    });
    g.bench_function("actions", |b| {
        b.iter(|| actions::link(&gazetteer, black_box(SEED), &x.sentences, &x.mentions))
    });
    g.bench_function("resolve", |b| {
        b.iter(|| resolve::locate(&gazetteer, &article, &x.sentences, black_box(&x.events)))
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            let out = opmap::extract(&gazetteer, black_box(&article));
            assert_eq!(out.located.len(), expected);
            out
        })
    });
    g.bench_function("layers", |b| {
        b.iter(|| layers::build(&gazetteer, black_box(&x.located)).unwrap())
    });
    let spec = opmap::spec::map_spec(&x.located, "Seed", 1600, 1000);
    // Parse the outlines once before timing the drawing.
    render::svg(&spec, &gazetteer).unwrap();
    g.bench_function("render_png", |b| {
        b.iter(|| render::png(black_box(&spec), &gazetteer).unwrap())
    });
    g.bench_function("render_svg", |b| {
        b.iter(|| render::svg(black_box(&spec), &gazetteer).unwrap())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stages
}
criterion_main!(benches);
