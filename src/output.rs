//! Writing output files atomically.
//!
//! Every file is written to a temporary file in its destination directory and renamed into
//! place, so an error or an interrupt never leaves a half-written file under the final name.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Creates `dir` (and its parents) if needed.
pub fn create_dir(dir: &Path) -> Result<()> {
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
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
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
    fn unwritable_directory_names_the_path() {
        let err = write_atomic(Path::new("/proc/opmap-no/such.txt"), b"x").unwrap_err();
        assert!(err.to_string().starts_with("/proc/opmap-no/such.txt: "));
    }
}
