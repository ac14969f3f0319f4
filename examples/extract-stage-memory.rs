//! Where `opmap extract`'s memory goes, stage by stage, on one file (the text as one article):
//! `cargo run --release --example extract-stage-memory -- FILE`. After each stage prints the
//! process's peak and current resident set (Linux `/proc/self/status`: VmHWM, VmRSS) and what
//! the stage holds: items, capacity and bytes per item.

use opmap::article::{self, ReadOptions};
use opmap::gazetteer::Gazetteer;
use opmap::{actions, places, resolve, sentences};

/// `peak MB / now MB` of this process's resident set.
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    format!("peak {:6.1} MB, now {:6.1} MB", mb("VmHWM:"), mb("VmRSS:"))
}

fn held<T>(items: &Vec<T>) -> String {
    format!(
        "{} items (capacity {}) × {} B",
        items.len(),
        items.capacity(),
        std::mem::size_of::<T>()
    )
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: extract-stage-memory FILE (e.g. /tmp/perf/corpus/corpus-50mb.txt)");
    let gazetteer = Gazetteer::load().expect("the embedded gazetteer loads");
    println!("{:<10} {}", "gazetteer", rss());
    let article = article::read(&path, &ReadOptions::default()).expect("the file reads");
    println!(
        "{:<10} {}  text {} B",
        "read",
        rss(),
        article.text.capacity()
    );
    let s = sentences::split(&article.text);
    println!("{:<10} {}  {}", "sentences", rss(), held(&s));
    let m = places::find(&gazetteer, &article.text, &s, opmap::lang::Lang::En);
    println!("{:<10} {}  {}", "places", rss(), held(&m));
    let e = actions::link(&gazetteer, &article.text, &s, &m).events;
    println!("{:<10} {}  {}", "actions", rss(), held(&e));
    let l = resolve::locate(&gazetteer, &article, &s, &e);
    println!("{:<10} {}  {}", "resolve", rss(), held(&l));
}
