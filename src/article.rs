//! Reading an article: bytes from a file or stdin, decoded to text.
//!
//! In: a path (`-` for stdin) and [`ReadOptions`]. Out: [`Article`] with the text and any
//! warnings (lossy decoding). Handles a UTF-8 or UTF-16 byte-order mark, CRLF, invalid UTF-8
//! (decoded lossily with a warning naming the byte offset), and refuses binary input.
//! HTML (a `.html`/`.htm` path, or text whose first tag is `<!doctype html>`, `<html>`,
//! `<head>` or `<body>`) is parsed with `scraper` (html5ever): the text of the body, with
//! scripts and styles dropped, entities decoded, and block elements on lines of their own.

use crate::error::{Error, Result};
use std::io::Read;

/// An article's text and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The path as given on the command line, or `stdin`.
    pub path: String,
    /// The text, decoded to UTF-8.
    pub text: String,
    /// Problems that did not stop reading (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<String>,
}

/// How to read articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Refuse an article larger than this many bytes, checked while reading.
    /// Default: 256 MiB.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

impl Article {
    /// An article from a string (for tests and library use).
    pub fn from_text(path: &str, text: &str) -> Article {
        Article {
            path: path.to_string(),
            text: text.to_string(),
            warnings: Vec::new(),
        }
    }
}

/// Reads an article from a path, or from stdin when the path is `-`.
pub fn read(path: &str, options: &ReadOptions) -> Result<Article> {
    let display = if path == "-" { "stdin" } else { path };
    let io_err = |source: std::io::Error| Error::ReadArticle {
        path: display.to_string(),
        source,
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(options.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(io_err)?;
    } else {
        let file = std::fs::File::open(path).map_err(io_err)?;
        if file.metadata().map_err(io_err)?.is_dir() {
            return Err(io_err(std::io::Error::other(
                "is a directory, not an article",
            )));
        }
        // Sized once from the file's length (no regrowth, no spare capacity).
        let len = file.metadata().map_err(io_err)?.len();
        bytes.reserve_exact(usize::try_from(len.min(options.max_bytes) + 1).unwrap_or(0));
        file.take(options.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(io_err)?;
    }
    if bytes.len() as u64 > options.max_bytes {
        return Err(Error::TooLarge {
            path: display.to_string(),
            limit: options.max_bytes,
        });
    }
    let mut article = decode(display, bytes)?;
    if is_html(path, &article.text) {
        article.text = html_to_text(&article.text);
    }
    Ok(article)
}

/// True when an article is HTML: by its extension, or by its first tag.
pub fn is_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| head.starts_with(tag))
}

/// Elements whose text is not the article's.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav",
];

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The readable text of an HTML document: body text, scripts and styles dropped, entities
/// decoded, paragraphs and other blocks separated by blank lines.
pub fn html_to_text(html: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let mut out = String::new();
    collect_text(document.tree.root(), &mut out);
    // Tidy: no trailing spaces, at most one blank line in a row.
    let mut text = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(&line);
    }
    text.push('\n');
    text
}

fn collect_text(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String) {
    match node.value() {
        scraper::Node::Text(t) => out.push_str(&t.text.replace('\n', " ")),
        scraper::Node::Element(e) => {
            let name = e.name();
            if SKIPPED.contains(&name) {
                return;
            }
            let block = BLOCKS.contains(&name);
            if block {
                out.push_str("\n\n");
            }
            for child in node.children() {
                collect_text(child, out);
            }
            if block {
                out.push_str("\n\n");
            }
        }
        _ => {
            for child in node.children() {
                collect_text(child, out);
            }
        }
    }
}

/// Decodes an article's bytes: BOM-marked UTF-8/UTF-16, else UTF-8 (lossily, with a warning).
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Article> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(path, rest.to_vec(), &mut warnings)?
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let little = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        if text.contains('\u{FFFD}') {
            warnings.push(format!("{path}: invalid UTF-16 replaced with U+FFFD"));
        }
        refuse_nul(path, text.as_bytes())?;
        text
    } else {
        utf8(path, bytes, &mut warnings)?
    };
    // CRLF and lone CR become LF, so that offsets and sentence rules see one kind of line end.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(Article {
        path: path.to_string(),
        text,
        warnings,
    })
}

fn refuse_nul(path: &str, bytes: &[u8]) -> Result<()> {
    if let Some(offset) = memchr_nul(bytes) {
        return Err(Error::NotText {
            path: path.to_string(),
            why: format!("NUL byte at offset {offset}"),
        });
    }
    Ok(())
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

fn utf8(path: &str, bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String> {
    refuse_nul(path, &bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            warnings.push(format!(
                "{path}: invalid UTF-8 at byte offset {offset}; decoded lossily (bad bytes replaced with U+FFFD)"
            ));
            Ok(String::from_utf8_lossy(err.as_bytes()).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom_and_crlf() {
        let a = decode("a.txt", b"\xEF\xBB\xBFRaids in France.\r\nNext.".to_vec()).unwrap();
        assert_eq!(a.text, "Raids in France.\nNext.");
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let text = "Raids in Côte d'Ivoire";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode("le", le).unwrap().text, text);
        assert_eq!(decode("be", be).unwrap().text, text);
    }

    #[test]
    fn invalid_utf8_is_lossy_with_offset() {
        let a = decode("bad.txt", b"Raids in \xFF France".to_vec()).unwrap();
        assert_eq!(a.text, "Raids in \u{FFFD} France");
        assert!(a.warnings[0].contains("bad.txt: invalid UTF-8 at byte offset 9"));
    }

    #[test]
    fn html_gives_body_text_without_scripts() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>\
                    <body><script>var x = 'France';</script><h1>Police raid</h1>\
                    <p>Servers were seized in the Netherlands &amp; Canada.</p><p>Next&nbsp;one.</p></body></html>";
        assert!(is_html("page.txt", html));
        assert_eq!(
            html_to_text(html),
            "Police raid\n\nServers were seized in the Netherlands & Canada.\n\nNext one.\n"
        );
        assert!(is_html("a.HTM", "plain"));
        assert!(!is_html("a.txt", "Raids in <b>France</b>"));
    }

    #[test]
    fn nul_bytes_are_refused() {
        let err = decode("x.bin", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin: not a text file (NUL byte at offset 4)"
        );
    }
}
