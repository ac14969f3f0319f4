//! Fuzz target: read arbitrary bytes as an events GeoJSON file (what `opmap render` takes) and,
//! when they are accepted, build the layers and the map spec. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmap::gazetteer::Gazetteer;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::load().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(events) = opmap::events_file::parse(gazetteer(), "fuzz.geojson", text) {
        let layers = opmap::layers::build(gazetteer(), &events).unwrap();
        assert_eq!(layers.events.len(), events.len());
        let _spec = opmap::spec::map_spec(&events, "fuzz", 800, 500);
    }
});
