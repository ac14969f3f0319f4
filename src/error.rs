//! The library's error type.
//!
//! One enum, a variant per failure, with messages that quote the bad value and name the file
//! (and line, feature or property) where there is one.

use std::path::PathBuf;

/// What went wrong, for the caller to report (the binary prints it and maps it to an exit code).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An article could not be read.
    #[error("{path}: {source}")]
    ReadArticle {
        /// The article's path as given (or `stdin`).
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An article is not text (it holds NUL bytes, or is a binary format).
    #[error("{path}: not a text file ({why})")]
    NotText {
        /// The article's path as given.
        path: String,
        /// What gave it away, e.g. "NUL byte at offset 12".
        why: String,
    },
    /// An article is larger than the limit.
    #[error("{path}: larger than the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// The article's path as given.
        path: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// A line of a gazetteer data file could not be parsed.
    #[error("gazetteer/{file}:{line}: {message}")]
    Gazetteer {
        /// The file name inside `gazetteer/`.
        file: &'static str,
        /// 1-based line number (0 when the problem is the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An events GeoJSON file given to `render` is not valid JSON/GeoJSON.
    #[error("{path}: {message}")]
    InvalidGeoJson {
        /// The file's path.
        path: String,
        /// What is wrong, with line and column where known.
        message: String,
    },
    /// A feature of an events file has a missing or bad property.
    #[error("{path}: feature {index}{id}: {message}", id = .id.as_ref().map(|i| format!(" (id {i})")).unwrap_or_default())]
    InvalidFeature {
        /// The file's path.
        path: String,
        /// 0-based index of the feature in `features`.
        index: usize,
        /// The feature's `id`, when it has one.
        id: Option<String>,
        /// What is wrong, naming the property.
        message: String,
    },
    /// An output file could not be written.
    #[error("{path}: {source}")]
    WriteOutput {
        /// The output path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Options that do not fit an input, e.g. `--text-field` on a file read as prose.
    #[error("{input}: {message}")]
    Usage {
        /// The input as given.
        input: String,
        /// What does not fit, and what to do.
        message: String,
    },
    /// Drawing a map failed.
    #[error("{path}: drawing the map failed: {message}")]
    Render {
        /// The output path.
        path: PathBuf,
        /// The backend's message.
        message: String,
    },
}

/// The library's result type.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;
