//! The same input gives the same bytes: every file `map` writes (GeoJSON, CSV, SVG, HTML, QGIS
//! files, alt text) is byte-identical across runs and output folders, and the PNG identical pixel
//! for pixel.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn two_runs_write_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    for out in ["first", "second/nested"] {
        let o = run(dir.path(), &["map", seed().to_str().unwrap(), "--out", out]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let first = files(&dir.path().join("first"));
    let second = files(&dir.path().join("second/nested"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    assert!(first.len() >= 5);
    for (name, bytes) in &first {
        if name.ends_with(".png") {
            let a = image::load_from_memory(bytes).unwrap().to_rgba8();
            let b = image::load_from_memory(&second[name]).unwrap().to_rgba8();
            assert_eq!(a.dimensions(), b.dimensions());
            assert!(
                a.pixels().zip(b.pixels()).all(|(p, q)| p == q),
                "{name} pixels differ"
            );
        } else {
            assert!(bytes == &second[name], "{name} differs between runs");
        }
    }
}
