//! Fuzz target: decode arbitrary bytes as an article (BOM, UTF-16, lossy UTF-8, HTML) and run
//! the whole text pipeline and the layer builder. Any panic is a bug; no catch_unwind here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmap::gazetteer::Gazetteer;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let path = if data.first() == Some(&b'<') { "fuzz.html" } else { "fuzz.txt" };
    let Ok(mut article) = opmap::article::decode(path, data.to_vec()) else {
        return;
    };
    if opmap::article::is_html(path, &article.text) {
        article.text = opmap::article::html_to_text(&article.text);
    }
    let x = opmap::extract(gazetteer(), &article);
    for e in &x.located {
        assert_eq!(&article.text[e.start..e.end], e.text);
    }
    // Every mention left out names a real span, and the report of them is written.
    for d in &x.dropped {
        assert!(article.text.get(d.mention.start..d.mention.end).is_some());
    }
    let report = opmap::explain::report(gazetteer(), &article, &x);
    assert!(report.starts_with(path));
    let layers = opmap::layers::build(gazetteer(), &x.located).unwrap();
    let events = opmap::layers::events_geojson(&layers.events);
    let back: geojson::FeatureCollection = events.parse().expect("written GeoJSON parses back");
    assert_eq!(back.features.len(), layers.events.len());
    for layer in [&layers.countries, &layers.flows] {
        let text = opmap::layers::to_geojson_string(layer);
        let back: geojson::FeatureCollection = text.parse().expect("written GeoJSON parses back");
        assert_eq!(back.features.len(), layer.features.len());
    }
    // The events file is written straight from the events: the same bytes as the layer.
    let mut written = Vec::new();
    opmap::layers::write_events(&x.located, &mut written).unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        events
    );
});
