//! Input discovery: folders walked for articles, files sorted into JSON Lines, JSON and single
//! articles, and the reader thread that cuts them into chunks of [`Item`]s.

use super::{Options, Skipped, CHUNK_BYTES, CHUNK_ITEMS};
use crate::error::{Error, Result};
use serde_json::value::RawValue;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

/// One unit of work, cut from the input by the reader thread.
#[derive(Debug)]
pub(super) enum Item {
    /// A file of a folder (or a file given on the command line).
    File {
        path: PathBuf,
        /// The article's name: its path relative to its folder.
        name: String,
        size: u64,
    },
    /// One line of a JSON Lines input.
    Record {
        /// `FILE:LINE`.
        source: String,
        line: Vec<u8>,
    },
    /// Something the reader already knows is bad.
    Bad(Skipped, u64),
}

impl Item {
    pub(super) fn bytes(&self) -> u64 {
        match self {
            Item::File { size, .. } => *size,
            Item::Record { line, .. } => line.len() as u64 + 1,
            Item::Bad(_, bytes) => *bytes,
        }
    }
}

/// A named input: what the user typed, resolved.
#[derive(Debug)]
pub(super) enum Input {
    /// Files to read one by one, with their names.
    Files(Vec<(PathBuf, String, u64)>),
    /// A JSON Lines file.
    Jsonl(PathBuf, String),
    /// A `.json` file: one object, several, or an array of objects.
    Json(PathBuf, String),
    /// JSON Lines on stdin.
    Stdin,
}

/// Checks and expands the inputs: folders are walked (sorted, hidden entries left out), files
/// are sorted into JSON Lines, JSON and single articles. With several inputs, a folder's
/// articles are named by the folder as given and their path in it (`f1/a.txt`).
///
/// `--text-field` on an input read as prose, or `--jsonl` with only folders, is an
/// [`Error::Usage`] naming the input: the user expects records where opmap would read prose.
pub(super) fn resolve_inputs(inputs: &[String], options: &Options) -> Result<Vec<Input>> {
    let several = inputs.len() > 1;
    let mut out = Vec::new();
    let mut records = false;
    let mut prose_file = None;
    let mut folder = None;
    for input in inputs {
        if input == "-" {
            out.push(Input::Stdin);
            records = true;
            continue;
        }
        let path = PathBuf::from(input);
        let meta = std::fs::metadata(&path).map_err(|source| Error::ReadArticle {
            path: input.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(&path, &path, &mut files)?;
            if several {
                let prefix = input.trim_end_matches('/');
                for (_, name, _) in &mut files {
                    *name = format!("{prefix}/{name}");
                }
            }
            out.push(Input::Files(files));
            folder.get_or_insert(input);
        } else if options.jsonl || is_jsonl(input) {
            out.push(Input::Jsonl(path, input.clone()));
            records = true;
        } else if is_json(input) {
            out.push(Input::Json(path, input.clone()));
            records = true;
        } else {
            out.push(Input::Files(vec![(path, input.clone(), meta.len())]));
            prose_file.get_or_insert(input);
        }
    }
    if let (Some(field), Some(file)) = (&options.text_field, prose_file) {
        return Err(Error::Usage {
            input: file.clone(),
            message: format!(
                "read as an article (prose), so --text-field {field} does not apply; to read \
                 it as JSON records, give it a .jsonl, .ndjson or .json name or add --jsonl"
            ),
        });
    }
    if let (Some(folder), false) = (folder, records) {
        let option = match (&options.text_field, options.jsonl) {
            (Some(field), _) => format!("--text-field {field}"),
            (None, true) => "--jsonl".to_string(),
            (None, false) => return Ok(out),
        };
        return Err(Error::Usage {
            input: folder.clone(),
            message: format!(
                "a folder, whose .txt, .md and .html files are read as articles, so {option} \
                 does not apply; give JSON records as .jsonl, .ndjson or .json files, or on \
                 stdin with -"
            ),
        });
    }
    Ok(out)
}

fn is_jsonl(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

fn is_json(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".json")
}

/// Extensions of the articles a folder holds.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Collects the article files under `dir` (recursively, in byte order of their names, hidden
/// files and folders and symbolic links to folders left out), named relative to `root`.
fn walk(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, String, u64)>) -> Result<()> {
    let err = |source: std::io::Error| Error::ReadArticle {
        path: dir.display().to_string(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(err)?
        .collect::<std::io::Result<_>>()
        .map_err(err)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, files)?;
            continue;
        }
        let wanted = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()));
        if !wanted {
            continue;
        }
        // A symbolic link to a folder is not followed (no cycles); one to a file is.
        let Ok(meta) = std::fs::metadata(&path) else {
            files.push((path.clone(), relative(root, &path), 0));
            continue;
        };
        if meta.is_file() {
            files.push((path.clone(), relative(root, &path), meta.len()));
        }
    }
    Ok(())
}

/// `path` relative to `root`, with `/` between components.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The reader thread: turns the inputs into chunks and sends them down the bounded channel.
/// Stops early when the receiver is gone (an output error ended the run).
pub(super) fn read_inputs(inputs: Vec<Input>, line_limit: usize, tx: SyncSender<Vec<Item>>) {
    let mut chunker = Chunker {
        tx,
        items: Vec::new(),
        bytes: 0,
    };
    for input in inputs {
        let going_on = match input {
            Input::Files(files) => files
                .into_iter()
                .all(|(path, name, size)| chunker.push(Item::File { path, name, size })),
            // Data on stdin may come slowly (a feed): hand over what is there before waiting.
            Input::Stdin => {
                let mut reader = BufReader::with_capacity(1 << 20, std::io::stdin());
                read_jsonl(&mut reader, "stdin", line_limit, true, &mut chunker)
            }
            Input::Json(path, name) => read_json(&path, &name, line_limit, &mut chunker),
            Input::Jsonl(path, name) => match File::open(&path) {
                Ok(file) => {
                    let mut reader = BufReader::with_capacity(1 << 20, file);
                    read_jsonl(&mut reader, &name, line_limit, false, &mut chunker)
                }
                Err(e) => chunker.push(Item::Bad(
                    Skipped {
                        source: name.clone(),
                        article: name,
                        reason: format!("cannot read: {e}"),
                    },
                    0,
                )),
            },
        };
        if !going_on {
            return;
        }
    }
    chunker.flush();
}

/// Cuts a JSON Lines stream into records (blank lines left out). With `eager`, the chunk so
/// far is sent whenever the reader's buffer runs dry, so a slow producer's articles are not
/// held back. False when the receiver is gone.
fn read_jsonl<R: Read>(
    reader: &mut BufReader<R>,
    name: &str,
    line_limit: usize,
    eager: bool,
    chunker: &mut Chunker,
) -> bool {
    let mut line_no = 0usize;
    loop {
        let mut line = Vec::new();
        line_no += 1;
        let source = || format!("{name}:{line_no}");
        let item = match read_line(reader, line_limit, &mut line) {
            Ok(Line::End) => return true,
            Ok(Line::Complete) if line.iter().all(u8::is_ascii_whitespace) => None,
            Ok(Line::Complete) => Some(Item::Record {
                source: source(),
                line,
            }),
            Ok(Line::TooLong(len)) => Some(Item::Bad(
                Skipped {
                    article: source(),
                    source: source(),
                    reason: format!(
                        "line larger than {line_limit} bytes (twice --max-bytes plus 64 KiB; \
                         raise it with --max-bytes)"
                    ),
                },
                len,
            )),
            Err(e) => {
                let bad = Skipped {
                    article: source(),
                    source: source(),
                    reason: format!("cannot read the rest of the input: {e}"),
                };
                return chunker.push(Item::Bad(bad, 0));
            }
        };
        if let Some(item) = item {
            if !chunker.push(item) {
                return false;
            }
        }
        if eager && reader.buffer().is_empty() && !chunker.flush() {
            return false;
        }
    }
}

/// Cuts a `.json` file into records: the elements of a top-level array, or the top-level
/// objects one after the other (one, or several as in JSON Lines). A record is named
/// `FILE#N` (N from 1), or `FILE` when the file holds a single object. The file is streamed;
/// a record over `limit` bytes is skipped, and a syntax error skips the rest of the file.
/// False when the receiver is gone.
fn read_json(path: &Path, name: &str, limit: usize, chunker: &mut Chunker) -> bool {
    let mut records = JsonRecords {
        name,
        limit,
        chunker,
        count: 0,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return records.bad(name.to_string(), format!("cannot read: {e}")),
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let first = loop {
        match reader.fill_buf() {
            Ok([]) => break None,
            Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(i) => {
                    let b = buf[i];
                    reader.consume(i);
                    break Some(b);
                }
                None => {
                    let n = buf.len();
                    reader.consume(n);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return records.bad(name.to_string(), format!("cannot read: {e}")),
        }
    };
    match first {
        None => records.bad(name.to_string(), "empty: no JSON records".to_string()),
        Some(b'[') => {
            let mut de = serde_json::Deserializer::from_reader(reader);
            let read =
                serde::Deserializer::deserialize_seq(&mut de, &mut records).and_then(|()| de.end());
            match read {
                Ok(()) => true,
                Err(e) if e.to_string().starts_with(GONE) => false,
                Err(e) => {
                    let source = format!("{name}#{}", records.count + 1);
                    records.bad(
                        source,
                        format!("not valid JSON ({e}); the rest of the file is skipped"),
                    )
                }
            }
        }
        Some(_) => {
            let de = serde_json::Deserializer::from_reader(reader);
            let mut values = de.into_iter::<Box<RawValue>>().peekable();
            while let Some(value) = values.next() {
                records.count += 1;
                let single = records.count == 1 && values.peek().is_none();
                let source = if single {
                    name.to_string()
                } else {
                    format!("{name}#{}", records.count)
                };
                let going_on = match value {
                    Ok(raw) => records.record(source, &raw),
                    Err(e) => {
                        let reason =
                            format!("not valid JSON ({e}); the rest of the file is skipped");
                        return records.bad(source, reason);
                    }
                };
                if !going_on {
                    return false;
                }
            }
            true
        }
    }
}

/// The error a record visitor returns when the receiver is gone.
const GONE: &str = "opmap: the run has ended";

/// Hands the records of a `.json` file to the chunker.
struct JsonRecords<'a> {
    name: &'a str,
    limit: usize,
    chunker: &'a mut Chunker,
    /// Records seen so far.
    count: usize,
}

impl JsonRecords<'_> {
    /// Sends one record (a value as written in the file); false when the receiver is gone.
    fn record(&mut self, source: String, raw: &RawValue) -> bool {
        let line = raw.get().as_bytes().to_vec();
        if line.len() > self.limit {
            let reason = format!(
                "record larger than {} bytes (twice --max-bytes plus 64 KiB; raise it with \
                 --max-bytes)",
                self.limit
            );
            let bytes = line.len() as u64;
            return self.push_bad(source, reason, bytes);
        }
        self.chunker.push(Item::Record { source, line })
    }

    /// Sends a skipped record; false when the receiver is gone.
    fn bad(&mut self, source: String, reason: String) -> bool {
        self.push_bad(source, reason, 0)
    }

    fn push_bad(&mut self, source: String, reason: String, bytes: u64) -> bool {
        let skipped = Skipped {
            article: source.clone(),
            source,
            reason,
        };
        self.chunker.push(Item::Bad(skipped, bytes))
    }
}

/// Sends each element of a top-level JSON array as a record, named `FILE#N`.
impl<'de> serde::de::Visitor<'de> for &mut JsonRecords<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of JSON objects")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            self.count += 1;
            let source = format!("{}#{}", self.name, self.count);
            if !self.record(source, &raw) {
                return Err(serde::de::Error::custom(GONE));
            }
        }
        Ok(())
    }
}

/// Gathers items into chunks bounded in count and bytes.
struct Chunker {
    tx: SyncSender<Vec<Item>>,
    items: Vec<Item>,
    bytes: usize,
}

impl Chunker {
    /// Adds an item, sending the chunk when it is full; false when the receiver is gone.
    fn push(&mut self, item: Item) -> bool {
        self.bytes += usize::try_from(item.bytes()).unwrap_or(usize::MAX);
        self.items.push(item);
        if self.items.len() >= CHUNK_ITEMS || self.bytes >= CHUNK_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        self.bytes = 0;
        if self.items.is_empty() {
            return true;
        }
        self.tx.send(std::mem::take(&mut self.items)).is_ok()
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// No more input.
    End,
    /// A line (without its `\n` or `\r\n`) is in the buffer.
    Complete,
    /// The line was longer than the limit: this many bytes, dropped.
    TooLong(u64),
}

/// Reads one line into `buf`, never holding more than `limit` bytes of it: a longer line is
/// read to its end and dropped.
fn read_line(reader: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    buf.clear();
    let mut seen = 0u64;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if seen == 0 {
                return Ok(Line::End);
            }
            break;
        }
        let (part, newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        seen += part.len() as u64;
        if !too_long {
            if buf.len() + part.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = part.len() + usize::from(newline);
        reader.consume(used);
        if newline {
            seen += 1;
            break;
        }
    }
    if too_long {
        return Ok(Line::TooLong(seen));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::sync_channel;

    fn lines(input: &[u8], limit: usize) -> Vec<std::result::Result<String, u64>> {
        let mut reader = std::io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line(&mut reader, limit, &mut buf).unwrap() {
                Line::End => return out,
                Line::Complete => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                Line::TooLong(n) => out.push(Err(n)),
            }
        }
    }

    #[test]
    fn lines_are_bounded() {
        assert_eq!(
            lines(b"ab\r\n0123456789\nlast", 5),
            [Ok("ab".into()), Err(11), Ok("last".into())]
        );
        assert_eq!(lines(b"", 5), []);
        assert_eq!(lines(b"\n", 5), [Ok(String::new())]);
    }

    /// The records a `.json` file is cut into: (source, record or reason).
    fn json_records(text: &str) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, text).unwrap();
        let (tx, rx) = sync_channel(16);
        let mut chunker = Chunker {
            tx,
            items: Vec::new(),
            bytes: 0,
        };
        assert!(read_json(&path, "x.json", 40, &mut chunker));
        assert!(chunker.flush());
        drop(chunker);
        rx.into_iter()
            .flatten()
            .map(|item| match item {
                Item::Record { source, line } => (source, String::from_utf8(line).unwrap()),
                Item::Bad(skipped, _) => (skipped.source, skipped.reason),
                Item::File { .. } => unreachable!("no files"),
            })
            .collect()
    }

    #[test]
    fn json_files_are_cut_into_records() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            json_records(" {\n  \"text\": \"a\"\n}\n"),
            pairs(&[("x.json", "{\n  \"text\": \"a\"\n}")])
        );
        assert_eq!(
            json_records("{\"id\":1}\n{\"id\":2}"),
            pairs(&[("x.json#1", "{\"id\":1}"), ("x.json#2", "{\"id\":2}")])
        );
        assert_eq!(
            json_records(
                "[{\"id\":1}, 5, {\"text\":\"0123456789012345678901234567890123456789\"}]"
            ),
            pairs(&[
                ("x.json#1", "{\"id\":1}"),
                ("x.json#2", "5"),
                (
                    "x.json#3",
                    "record larger than 40 bytes (twice --max-bytes plus 64 KiB; raise it with \
                     --max-bytes)"
                ),
            ])
        );
        let broken = json_records("[{\"id\":1}, {oops}]");
        assert_eq!(
            broken[0],
            ("x.json#1".to_string(), "{\"id\":1}".to_string())
        );
        assert_eq!(broken[1].0, "x.json#2");
        assert!(
            broken[1]
                .1
                .starts_with("not valid JSON (key must be a string"),
            "{broken:?}"
        );
        let empty = json_records("  \n");
        assert_eq!(empty, pairs(&[("x.json", "empty: no JSON records")]));
    }
}
