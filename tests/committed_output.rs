//! The committed `output/` is what the code produces now: `cargo run --release` regenerates it,
//! and this test fails when the committed GeoJSON differs (compared structurally). The run is
//! `opmap` with no arguments in an empty folder: the seed inside the binary is the
//! repository's.

mod common;

use common::*;

#[test]
fn committed_geojson_matches_a_fresh_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in ["events.geojson", "countries.geojson", "flows.geojson"] {
        let fresh: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("output").join(name)).unwrap())
                .unwrap();
        let committed_path = root().join("output").join(name);
        let committed: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&committed_path)
                .unwrap_or_else(|e| panic!("{}: {e}", committed_path.display())),
        )
        .unwrap();
        assert!(
            fresh == committed,
            "output/{name} is stale: run `cargo run --release` and commit output/"
        );
    }
}
