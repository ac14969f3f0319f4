//! Reading one item into an [`Article`]: a file through the one article reader
//! ([`article::from_bytes`]), a JSON record through [`article::from_record`].

use super::{Options, Skipped};
use crate::article::{self, Article};
use crate::dates::DateSource;
use crate::error::Error;
use geojson::JsonValue;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Reads a file as an article named `name` ([`article::from_bytes`]: decoded, HTML turned
/// into text, its title, date and url kept).
pub(super) fn read_file(
    path: &Path,
    name: &str,
    max_bytes: u64,
) -> std::result::Result<Article, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    article::from_bytes(name, bytes, &article::ReadOptions { max_bytes }).map_err(|e| reason_of(&e))
}

fn too_large(limit: u64) -> String {
    format!("larger than the limit of {limit} bytes (raise it with --max-bytes)")
}

/// An error's message without the path it starts with (the report names the article itself).
fn reason_of(err: &Error) -> String {
    match err {
        Error::NotText { why, .. } => format!("not a text file ({why})"),
        Error::TooLarge { limit, .. } => too_large(*limit),
        Error::ReadArticle { source, .. } => format!("cannot read: {source}"),
        other => other.to_string(),
    }
}

/// A JSON line parsed into its article (named by its id, or `FILE:LINE`) by
/// [`article::from_record`], with the record's `title`, `date` and `url`.
pub(super) fn parse_record(
    source: &str,
    line: Vec<u8>,
    options: &Options,
    warnings: &mut Vec<String>,
) -> std::result::Result<Article, Skipped> {
    let skip = |article: &str, reason: String| Skipped {
        source: source.to_string(),
        article: article.to_string(),
        reason,
    };
    let text = match String::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{source}: invalid UTF-8 at byte offset {offset} of the line; decoded lossily (bad bytes replaced with U+FFFD)"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let value: JsonValue =
        serde_json::from_str(&text).map_err(|e| skip(source, format!("not valid JSON ({e})")))?;
    let JsonValue::Object(mut object) = value else {
        return Err(skip(source, "not a JSON object".to_string()));
    };
    let name = match object.get("id") {
        None | Some(JsonValue::Null) => source.to_string(),
        Some(JsonValue::String(s)) if !s.is_empty() => s.clone(),
        Some(JsonValue::String(_)) => source.to_string(),
        Some(other) => other.to_string(),
    };
    let field = options.text_field();
    let body = match object.remove(field) {
        Some(JsonValue::String(s)) => s,
        None | Some(JsonValue::Null) => {
            return Err(skip(&name, format!("no `{field}` field")));
        }
        Some(_) => return Err(skip(&name, format!("`{field}` is not a string"))),
    };
    let scalar = |key: &str| match object.get(key) {
        None | Some(JsonValue::Null) => None,
        Some(JsonValue::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let date = scalar("date");
    let about = article::About {
        title: scalar("title"),
        date_source: date.as_ref().map(|_| DateSource::Jsonl),
        date,
        url: scalar("url"),
        lang: scalar("lang"),
    };
    let limit = article::ReadOptions {
        max_bytes: options.max_bytes,
    };
    article::from_record(&name, body, about, &limit).map_err(|e| skip(&name, reason_of(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_name_their_article() {
        let options = Options::default();
        let mut warnings = Vec::new();
        let line = br#"{"id": 7, "text": "Raids in France.", "date": "2024-05-30"}"#.to_vec();
        let r = parse_record("a.jsonl:3", line, &options, &mut warnings).unwrap();
        assert_eq!(
            (
                r.path.as_str(),
                r.about.date.as_deref(),
                r.about.url.as_deref()
            ),
            ("7", Some("2024-05-30"), None)
        );
        let bad = parse_record(
            "a.jsonl:4",
            b"{\"id\": \"x\"}".to_vec(),
            &options,
            &mut warnings,
        )
        .unwrap_err();
        assert_eq!(bad.to_string(), "a.jsonl:4 (article x): no `text` field");
        let bad =
            parse_record("a.jsonl:5", b"{oops".to_vec(), &options, &mut warnings).unwrap_err();
        assert!(bad.to_string().starts_with("a.jsonl:5: not valid JSON"));
        assert!(warnings.is_empty());
    }
}
