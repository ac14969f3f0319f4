//! Prints how long loading the embedded gazetteer takes (median of 21 loads), and how long the
//! name index alone takes: `cargo run --release --example gazetteer-load-time`.

use opmap::gazetteer::{index::NameIndex, Gazetteer, NAMES_BIN, NAMES_FST};
use std::time::Instant;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let whole = median_ms(|| {
        let g = Gazetteer::load().expect("the embedded gazetteer loads");
        assert!(g.names.len() > 100_000);
    });
    let index = median_ms(|| {
        let i = NameIndex::from_bytes(NAMES_FST, NAMES_BIN).expect("the name index loads");
        assert!(i.len() > 100_000);
    });
    println!(
        "Gazetteer::load: {whole:.2} ms (median of 21); of which the name index: {index:.3} ms"
    );
}
