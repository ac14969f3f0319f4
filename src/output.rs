//! Writing output files atomically, and removing the stale ones of an earlier run.
//!
//! Every file is written to a temporary file in its destination directory and renamed into
//! place, so an error or an interrupt never leaves a half-written file under the final name.
//! After a run has written its files, the files opmap owns ([`OWNED`]) that it did not write
//! this time are removed, so that a folder never mixes two runs' layers; no other file is
//! touched.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// The names of every file `opmap map`, `render` and `batch` write: the files a run owns in
/// its output folder. Whatever a run does not write of these is an earlier run's and is
/// removed ([`remove_stale`]); every other file is left alone.
pub const OWNED: &[&str] = &[
    "basemap.geojson",
    "basemap.qml",
    "chart.png",
    "chart.svg",
    "chart.txt",
    "countries.geojson",
    "countries.qml",
    "events.csv",
    "events.geojson",
    "events.geojsonl",
    "events.geojsonl.partial",
    "events.qml",
    "flows.geojson",
    "flows.qml",
    "map.html",
    "map.png",
    "map.qgs",
    "map.svg",
    "map.txt",
    "skipped.csv",
    "summary.csv",
    "timeline.png",
    "timeline.svg",
    "timeline.txt",
];

/// Removes from `dir` the regular files named in [`OWNED`] that are not among `written` (the
/// paths this run wrote), and returns the paths removed, in [`OWNED`] order. Other files,
/// folders and symbolic links are never touched. A file that cannot be removed is an error
/// naming it.
pub fn remove_stale(dir: &Path, written: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for name in OWNED {
        let path = dir.join(name);
        if written.iter().any(|w| w.file_name() == path.file_name()) {
            continue;
        }
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !is_file {
            continue;
        }
        std::fs::remove_file(&path).map_err(|e| Error::WriteOutput {
            path: path.clone(),
            source: std::io::Error::new(
                e.kind(),
                format!("cannot remove this stale file of an earlier run: {e}"),
            ),
        })?;
        removed.push(path);
    }
    Ok(removed)
}

/// Creates `dir` (and its parents) if needed.
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::WriteOutput {
        path: dir.to_path_buf(),
        source,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_temporary(path, bytes)?;
    persist(tmp, path)
}

/// Writes several files like [`write_atomic`]: every temporary file is written and synced at
/// once (one thread each, so that their syncs overlap), then each is renamed into place in
/// order. When one cannot be written, none is renamed (the temporary files are removed) and
/// the first error in order is returned.
pub(crate) fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let written: Vec<Result<NamedTempFile>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .iter()
            .map(|(path, bytes)| scope.spawn(move || write_temporary(path, bytes)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writing a file does not panic"))
            .collect()
    });
    let temporaries = written.into_iter().collect::<Result<Vec<_>>>()?;
    for (tmp, (path, _)) in temporaries.into_iter().zip(files) {
        persist(tmp, path)?;
    }
    Ok(())
}

fn persist(tmp: NamedTempFile, path: &Path) -> Result<()> {
    tmp.persist(path).map_err(|e| Error::WriteOutput {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// `bytes` in a synced temporary file beside `path`, with `path`'s permissions (0644 when new).
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<NamedTempFile> {
    let err = |source: std::io::Error| Error::WriteOutput {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".opmap-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(err)?;
    // tempfile creates files readable by the owner only; outputs are ordinary files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(err)?;
    }
    tmp.write_all(bytes).map_err(err)?;
    tmp.flush().map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn writes_several_in_order_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(PathBuf, Vec<u8>)> = (0..5)
            .map(|i| {
                (
                    dir.path().join(format!("{i}.txt")),
                    vec![b'a' + i as u8; 1000],
                )
            })
            .collect();
        write_all_atomic(&files).unwrap();
        for (path, bytes) in &files {
            assert_eq!(&std::fs::read(path).unwrap(), bytes);
        }
        let bad = vec![
            (dir.path().join("new.txt"), b"x".to_vec()),
            (PathBuf::from("/proc/opmap-no/such.txt"), b"x".to_vec()),
        ];
        let err = write_all_atomic(&bad).unwrap_err();
        assert!(err.to_string().starts_with("/proc/opmap-no/such.txt: "));
        assert!(!dir.path().join("new.txt").exists(), "none renamed");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 5);
    }

    #[test]
    fn stale_files_are_only_the_owned_ones_not_written() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["flows.geojson", "map.png", "notes.txt", "my.geojson"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("map.svg")).unwrap();
        let removed = remove_stale(dir.path(), &[dir.path().join("map.png")]).unwrap();
        assert_eq!(removed, [dir.path().join("flows.geojson")]);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["map.png", "map.svg", "my.geojson", "notes.txt"]);
        let mut sorted = OWNED.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, OWNED, "keep OWNED sorted");
    }

    #[test]
    fn unwritable_directory_names_the_path() {
        let err = write_atomic(Path::new("/proc/opmap-no/such.txt"), b"x").unwrap_err();
        assert!(err.to_string().starts_with("/proc/opmap-no/such.txt: "));
    }
}
