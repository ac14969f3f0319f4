//! Reading an article: one reader for files, stdin and JSON Lines records.
//!
//! In: a path (`-` for stdin) or a record's text, and [`ReadOptions`]. Out: [`Article`] with
//! the text, what the source says about itself ([`About`]: title, date, url) and any warnings
//! (lossy decoding). Every source goes through [`from_bytes`]: size limit (on the bytes, checked
//! while reading a file or stdin) → decoded text → HTML stripped. Decoding handles a UTF-8 or
//! UTF-16 byte-order mark, CRLF, invalid UTF-8 (decoded lossily with a warning naming the byte
//! offset), and refuses binary input. HTML (a `.html`/`.htm` path, or text whose first tag is
//! `<!doctype html>`, `<html>`, `<head>` or `<body>`) is parsed with `scraper` (html5ever):
//! the text of the body, with scripts and styles dropped, entities decoded, and block elements
//! on lines of their own; its `<title>` (else first `<h1>`), date meta tag and canonical url
//! are kept in [`About`]. A JSON Lines record's `title`, `date` and `url` fields win over the
//! page's own.

use crate::dates::DateSource;
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
    /// What the source says about itself.
    pub about: About,
}

/// What a source says about itself, as it says it (no date is parsed or reformatted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct About {
    /// An HTML page's `<title>` (else its first `<h1>`), or a JSON Lines record's `title`.
    pub title: Option<String>,
    /// A JSON Lines record's `date`, or an HTML page's date meta tag ([`DATE_META`]).
    pub date: Option<String>,
    /// Where `date` came from: [`DateSource::Jsonl`] for a record's, [`DateSource::HtmlMeta`]
    /// for a page's; `None` without a date.
    pub date_source: Option<DateSource>,
    /// A JSON Lines record's `url`, or an HTML page's `<link rel="canonical">` (else `og:url`).
    pub url: Option<String>,
    /// The language declared: `--lang`, or a JSON Lines record's `lang` (`de`, `fr-BE`); none
    /// when the text is to tell ([`crate::lang`]).
    pub lang: Option<String>,
}

impl About {
    /// Each field of `self`, else of `other`.
    pub(crate) fn or(self, other: About) -> About {
        About {
            title: self.title.or(other.title),
            date: self.date.clone().or(other.date),
            date_source: match self.date {
                Some(_) => self.date_source,
                None => other.date_source,
            },
            url: self.url.or(other.url),
            lang: self.lang.or(other.lang),
        }
    }
}

/// The `<meta>` names (`name`, `property` or `itemprop`, any case) that give a page's date, in
/// order of preference.
pub const DATE_META: [&str; 7] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
];

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
            about: About::default(),
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
    from_bytes(display, bytes, options)
}

/// The one article reader: `bytes` named `name` (a path, `stdin`, or a record's id) → the size
/// limit → decoded text → HTML stripped (its title, date and url kept in [`Article::about`]).
pub fn from_bytes(name: &str, bytes: Vec<u8>, options: &ReadOptions) -> Result<Article> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(Error::TooLarge {
            path: name.to_string(),
            limit: options.max_bytes,
        });
    }
    let mut article = decode(name, bytes)?;
    if is_html(name, &article.text) {
        let (text, about) = html_page(&article.text);
        (article.text, article.about) = (text, about);
    }
    Ok(article)
}

/// A JSON Lines record's article: its text read by [`from_bytes`] (HTML stripped where it is
/// HTML), the record's own `title`, `date` and `url` winning over the page's.
pub fn from_record(
    name: &str,
    text: String,
    about: About,
    options: &ReadOptions,
) -> Result<Article> {
    let mut article = from_bytes(name, text.into_bytes(), options)?;
    article.about = about.or(std::mem::take(&mut article.about));
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
    html_page(html).0
}

/// An HTML document's readable text ([`html_to_text`]) and what its head says ([`About`]).
pub(crate) fn html_page(html: &str) -> (String, About) {
    let document = scraper::Html::parse_document(html);
    let about = about_page(&document);
    (tidy(&document), about)
}

/// The title, date and url an HTML document gives.
fn about_page(document: &scraper::Html) -> About {
    let text_of = |e: ego_tree::NodeRef<'_, scraper::Node>| {
        let mut s = String::new();
        for t in e.descendants().filter_map(|n| n.value().as_text()) {
            s.push_str(t);
        }
        Some(crate::resolve::collapse(&s)).filter(|s| !s.is_empty())
    };
    let (mut title, mut h1, mut url, mut og_url) = (None, None, None, None);
    let mut dates: Vec<(usize, String)> = Vec::new();
    for node in document.tree.root().descendants() {
        let Some(e) = node.value().as_element() else {
            continue;
        };
        let attr = |k: &str| e.attr(k).map(str::trim).filter(|v| !v.is_empty());
        match e.name() {
            "title" if title.is_none() => title = text_of(node),
            "h1" if h1.is_none() => h1 = text_of(node),
            "link" if url.is_none() => {
                let canonical = attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical {
                    url = attr("href").map(str::to_string);
                }
            }
            "meta" => {
                let key = ["name", "property", "itemprop"]
                    .into_iter()
                    .find_map(&attr)
                    .map(str::to_ascii_lowercase)
                    .unwrap_or_default();
                let Some(content) = attr("content") else {
                    continue;
                };
                if key == "og:url" && og_url.is_none() {
                    og_url = Some(content.to_string());
                } else if let Some(rank) = DATE_META.iter().position(|&m| m == key) {
                    dates.push((rank, content.to_string()));
                }
            }
            _ => {}
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    let date = dates.into_iter().next().map(|(_, d)| d);
    About {
        title: title.or(h1),
        date_source: date.as_ref().map(|_| DateSource::HtmlMeta),
        date,
        url: url.or(og_url),
        lang: None,
    }
}

/// The body text of a parsed document, tidied.
fn tidy(document: &scraper::Html) -> String {
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
        about: About::default(),
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

    const PAGE: &str = "<!DOCTYPE html><html><head><title>Europol | Servers seized</title>\
        <meta property=\"article:published_time\" content=\"2024-05-30T10:00:00Z\">\
        <meta name=\"DC.date\" content=\"2024-05-29\">\
        <link rel=\"canonical\" href=\"https://example.test/news/1\"></head>\
        <body><h1>Servers seized</h1><p>Servers were seized in France.</p></body></html>";

    #[test]
    fn html_files_say_their_title_date_and_url() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        std::fs::write(&path, PAGE).unwrap();
        let a = read(path.to_str().unwrap(), &ReadOptions::default()).unwrap();
        assert_eq!(a.text, "Servers seized\n\nServers were seized in France.\n");
        assert_eq!(a.about.title.as_deref(), Some("Europol | Servers seized"));
        // article:published_time is preferred over DC.date, wherever it stands.
        assert_eq!(a.about.date.as_deref(), Some("2024-05-30T10:00:00Z"));
        assert_eq!(a.about.date_source, Some(DateSource::HtmlMeta));
        assert_eq!(a.about.url.as_deref(), Some("https://example.test/news/1"));
        // Without <title>, the first <h1>; a lower-ranked date tag; og:url.
        let bare = "<html><head><meta name=\"date\" content=\"2020-01-02\">\
            <meta property=\"og:url\" content=\"https://x.test/a\"></head>\
            <body><h1> Raids  in Spain </h1><h1>Second</h1></body></html>";
        let (_, about) = html_page(bare);
        assert_eq!(about.title.as_deref(), Some("Raids in Spain"));
        assert_eq!(about.date.as_deref(), Some("2020-01-02"));
        assert_eq!(about.url.as_deref(), Some("https://x.test/a"));
        // Plain text says nothing about itself.
        let plain = from_bytes(
            "a.txt",
            b"Raids in Spain.".to_vec(),
            &ReadOptions::default(),
        );
        assert_eq!(plain.unwrap().about, About::default());
    }

    #[test]
    fn records_fields_win_over_the_page() {
        let about = About {
            title: Some("From the record".to_string()),
            date: None,
            date_source: None,
            url: Some("https://record.test/".to_string()),
            lang: None,
        };
        let a = from_record("r1", PAGE.to_string(), about, &ReadOptions::default()).unwrap();
        assert_eq!(a.path, "r1");
        assert!(a.text.starts_with("Servers seized\n"));
        assert_eq!(a.about.title.as_deref(), Some("From the record"));
        assert_eq!(a.about.date.as_deref(), Some("2024-05-30T10:00:00Z"));
        assert_eq!(a.about.url.as_deref(), Some("https://record.test/"));
    }

    #[test]
    fn the_size_limit_holds_for_every_source() {
        let small = ReadOptions { max_bytes: 10 };
        let err = from_bytes("big.txt", vec![b'a'; 11], &small).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 10, .. }), "{err}");
        let err = from_record("r2", "b".repeat(11), About::default(), &small).unwrap_err();
        assert_eq!(err.to_string().split(':').next(), Some("r2"));
        assert!(from_bytes("ok.txt", vec![b'a'; 10], &small).is_ok());
    }
}
