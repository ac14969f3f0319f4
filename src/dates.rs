//! An article's date, and where it came from.
//!
//! In: an article's text, and the date its reader found, if any (a JSON Lines record's `date`,
//! an HTML page's meta date). Out: an [`ArticleDate`]: a calendar [`Date`] and its
//! [`DateSource`], or none. In order of preference:
//!
//! 1. the reader's date;
//! 2. a dateline: the first line opening with a place and a date, "THE HAGUE, 20 February
//!    2024", "(Luxembourg, 3 July 2024) –", "WASHINGTON, Jan. 5, 2011 —";
//! 3. the first full date of the text ("27 May 2024", "May 27, 2024", "2024-05-27"; a range
//!    "between 27 and 29 May 2024" gives its first day) that is not in a sentence about an
//!    earlier or unrelated event (the lexicon's `earlier` words: "a similar operation on 3 May
//!    2019", "previous", "prior", …);
//!
//! A day and month without a year ("on 2 February") give no date: on the real evaluation
//! articles, the latest year the text writes was the wrong one four times in six.
//!
//! Only the first [`SCAN_BYTES`] of the text are read: a story's date comes at its top, and
//! a long document costs no more than a short one.

use crate::actions::lexicon::{self, class};
use crate::lang::Lang;
use std::fmt;
use std::str::FromStr;

/// How much of an article is read for its date, bytes.
pub const SCAN_BYTES: usize = 32 * 1024;

/// A day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1000–9999.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// The date, when it exists ("2023-02-29" does not).
    pub(crate) fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub(crate) fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    pub(crate) fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// The Monday of the date's ISO week.
    pub(crate) fn monday(self) -> Date {
        // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
        let days = self.days();
        Date::from_days(days - (days + 3).rem_euclid(7))
    }
}

impl Date {
    /// `YYYY-MM-DD`, written without a formatter (every event of a batch writes its date).
    pub(crate) fn iso(self) -> [u8; 10] {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (y, m, d) = (
            u32::from(self.year),
            u32::from(self.month),
            u32::from(self.day),
        );
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let iso = self.iso();
        f.write_str(std::str::from_utf8(&iso).expect("digits and dashes are ASCII"))
    }
}

impl FromStr for Date {
    type Err = String;

    /// A date as records and meta tags write it: ISO 8601 / RFC 3339 (`2024-02-20`,
    /// `2024-02-20T09:30:00Z`: the date part), or written out ("20 February 2024",
    /// "Feb. 20, 2024").
    fn from_str(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let iso = s.get(..10).and_then(|head| {
            let b = head.as_bytes();
            let digits = |r: std::ops::Range<usize>| {
                head.get(r)
                    .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
            };
            if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
                return None;
            }
            let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
            Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        });
        iso.or_else(|| {
            let found = scan(s);
            found.first().filter(|m| m.year.is_some()).map(|m| m.date())
        })
        .ok_or_else(|| format!("not a date: `{s}` (expected YYYY-MM-DD or \"20 February 2024\")"))
    }
}

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// A JSON Lines (or JSON) record's `date` field.
    Jsonl,
    /// An HTML page's meta date (`article:published_time`, `<time datetime>`).
    HtmlMeta,
    /// The dateline at the article's top.
    Dateline,
    /// A date in the text.
    Text,
}

impl DateSource {
    /// The name events carry in `date_source`: `jsonl`, `html-meta`, `dateline`, `text`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DateSource::Jsonl => "jsonl",
            DateSource::HtmlMeta => "html-meta",
            DateSource::Dateline => "dateline",
            DateSource::Text => "text",
        }
    }
}

impl FromStr for DateSource {
    type Err = String;
    fn from_str(s: &str) -> Result<DateSource, String> {
        match s {
            "jsonl" => Ok(DateSource::Jsonl),
            "html-meta" => Ok(DateSource::HtmlMeta),
            "dateline" => Ok(DateSource::Dateline),
            "text" => Ok(DateSource::Text),
            _ => Err(format!(
                "unknown date source `{s}`: expected jsonl, html-meta, dateline or text"
            )),
        }
    }
}

/// An article's date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArticleDate {
    /// The day.
    pub date: Date,
    /// Where it came from.
    pub source: DateSource,
}

/// The date of an article: `reader`'s when given, else its dateline, else a date of its text
/// (the module's rules).
pub fn of_article(text: &str, reader: Option<ArticleDate>) -> Option<ArticleDate> {
    if reader.is_some() {
        return reader;
    }
    let head = head(text);
    let found = scan(head);
    let with = |date: Date, source| ArticleDate { date, source };
    if let Some(m) = found.first().filter(|m| is_dateline(head, m)) {
        return Some(with(m.date(), DateSource::Dateline));
    }
    found
        .iter()
        .find(|m| m.year.is_some() && !about_an_earlier_event(head, m))
        .map(|m| with(m.date(), DateSource::Text))
}

/// `date` written out for a title: "27 May 2024", or "27–29 May 2024" when the text gives it
/// as the first day of a range.
pub(crate) fn written(text: &str, date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let last = scan(head(text))
        .into_iter()
        .find(|m| m.year.is_some() && m.date() == date)
        .and_then(|m| m.last);
    let days = match last {
        Some(last) => format!("{}–{last}", date.day),
        None => date.day.to_string(),
    };
    format!(
        "{days} {} {}",
        MONTHS[usize::from(date.month) - 1],
        date.year
    )
}

/// True when `line` is a dateline or a place alone ("The Hague, 09 July 2012", "WASHINGTON –",
/// "The Hague, the Netherlands"): no word in it starts with a lower-case letter, "the", "of"
/// and "and" aside.
pub(crate) fn is_place_line(line: &str) -> bool {
    !line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !matches!(*w, "" | "the" | "of" | "and"))
        .any(|w| w.starts_with(char::is_lowercase))
}

/// The first [`SCAN_BYTES`] of `text`, cut at a character boundary.
fn head(text: &str) -> &str {
    let mut end = text.len().min(SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A date written in a text: its span, day, month and year (none when not written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    start: usize,
    end: usize,
    day: u8,
    /// The last day of a range ("27 and 29 May": 29), when the mention is one.
    last: Option<u8>,
    month: u8,
    year: Option<u16>,
}

impl Mention {
    /// The date (the year must be known).
    fn date(&self) -> Date {
        Date {
            year: self.year.unwrap_or(1970),
            month: self.month,
            day: self.day,
        }
    }
}

/// A token of the date scanner: a word, a number (its value and digit count) or a sign.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Num(u32, usize),
    Sign(char),
}

/// The words, numbers and signs of `text`, with their byte spans.
fn tokens(text: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let same = |d: char| {
            if c.is_ascii_digit() {
                d.is_ascii_digit()
            } else if c.is_alphabetic() {
                d.is_alphabetic()
            } else {
                false
            }
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if !same(d) {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let word = &text[start..end];
        let tok = if c.is_ascii_digit() {
            match word.parse() {
                Ok(n) => Tok::Num(n, word.len()),
                Err(_) => Tok::Sign('#'),
            }
        } else if c.is_alphabetic() {
            Tok::Word(word)
        } else {
            Tok::Sign(c)
        };
        out.push((tok, start, end));
    }
    out
}

/// The month a word names, 1–12: an English name with its capital ("February", "Feb",
/// "Sept"), or, in an article of another language, that language's name in either case
/// ("Februar", "février", "februari", "febrero").
fn month_of(word: &str) -> Option<u8> {
    const EN: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lang = crate::actions::lexicon::current_lang();
    if lang != Lang::En {
        if let Some(month) = month_in(lang, &word.to_lowercase()) {
            return Some(month);
        }
    }
    // English names are ASCII: compared without a lower-case copy (most words are no month).
    if !word.starts_with(|c: char| c.is_uppercase()) || !(3..=9).contains(&word.len()) {
        return None;
    }
    EN.iter()
        .position(|name| {
            name.eq_ignore_ascii_case(word)
                || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
                || (*name == "september" && word.eq_ignore_ascii_case("sept"))
        })
        .map(|i| i as u8 + 1)
}

/// True when `word` (any case) is a month's name in `lang` (German, French, Dutch or
/// Spanish): "Mai", "mars", "juni", "Mayo".
pub(crate) fn is_month_name(lang: Lang, word: &str) -> bool {
    // (English has none here: no lower-casing on its hot path.)
    lang != Lang::En && month_in(lang, &word.to_lowercase()).is_some()
}

/// The month `lower` names in `lang` (German, French, Dutch or Spanish; with the short forms
/// news writes: "Jan", "Feb", "sept", "déc").
fn month_in(lang: Lang, lower: &str) -> Option<u8> {
    month_names(lang)
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

/// `month`'s name in `lang` as a date is written ("Februar", "février", "februari",
/// "febrero"): the first of its names in [`month_names`]; `None` for English.
pub(crate) fn month_name(lang: Lang, month: u8) -> Option<String> {
    let (name, _) = month_names(lang).iter().find(|&&(_, m)| m == month)?;
    let mut chars = name.chars();
    // German capitalises its nouns.
    Some(match (lang, chars.next()) {
        (Lang::De, Some(first)) => first.to_uppercase().chain(chars).collect(),
        _ => (*name).to_string(),
    })
}

/// The month names of German, French, Dutch and Spanish, lower case, each month's full name
/// first, then the short forms news writes.
fn month_names(lang: Lang) -> &'static [(&'static str, u8)] {
    match lang {
        Lang::En => &[],
        Lang::De => &[
            ("januar", 1),
            ("jänner", 1),
            ("jan", 1),
            ("februar", 2),
            ("feb", 2),
            ("märz", 3),
            ("april", 4),
            ("apr", 4),
            ("mai", 5),
            ("juni", 6),
            ("juli", 7),
            ("august", 8),
            ("aug", 8),
            ("september", 9),
            ("sept", 9),
            ("sep", 9),
            ("oktober", 10),
            ("okt", 10),
            ("november", 11),
            ("nov", 11),
            ("dezember", 12),
            ("dez", 12),
        ],
        Lang::Fr => &[
            ("janvier", 1),
            ("janv", 1),
            ("février", 2),
            ("fevrier", 2),
            ("févr", 2),
            ("fév", 2),
            ("mars", 3),
            ("avril", 4),
            ("avr", 4),
            ("mai", 5),
            ("juin", 6),
            ("juillet", 7),
            ("juil", 7),
            ("août", 8),
            ("aout", 8),
            ("septembre", 9),
            ("sept", 9),
            ("octobre", 10),
            ("oct", 10),
            ("novembre", 11),
            ("nov", 11),
            ("décembre", 12),
            ("decembre", 12),
            ("déc", 12),
        ],
        Lang::Nl => &[
            ("januari", 1),
            ("jan", 1),
            ("februari", 2),
            ("feb", 2),
            ("maart", 3),
            ("april", 4),
            ("apr", 4),
            ("mei", 5),
            ("juni", 6),
            ("juli", 7),
            ("augustus", 8),
            ("aug", 8),
            ("september", 9),
            ("sept", 9),
            ("sep", 9),
            ("oktober", 10),
            ("okt", 10),
            ("november", 11),
            ("nov", 11),
            ("december", 12),
            ("dec", 12),
        ],
        Lang::Es => &[
            ("enero", 1),
            ("febrero", 2),
            ("marzo", 3),
            ("abril", 4),
            ("mayo", 5),
            ("junio", 6),
            ("julio", 7),
            ("agosto", 8),
            ("septiembre", 9),
            ("setiembre", 9),
            ("octubre", 10),
            ("noviembre", 11),
            ("diciembre", 12),
        ],
    }
}

/// Every date written in `text`, in order: "27 May 2024", "27th of May, 2024", "May 27, 2024",
/// "Jan. 5, 2011", "2024-05-27", a range's first day ("27 and 29 May 2024", "May 27–29,
/// 2024"), and a day and month alone ("on 2 February").
fn scan(text: &str) -> Vec<Mention> {
    let mut found = Vec::new();
    // Every date holds a number: only the stretches of text around numbers are tokenized (most
    // of an article is words; its dates come out the same).
    for (from, to) in around_numbers(text) {
        let mut toks = tokens(&text[from..to]);
        for (_, start, end) in &mut toks {
            *start += from;
            *end += from;
        }
        dates_in(&toks, &mut found);
    }
    found
}

/// The dates written in `toks`, in order, appended to `found`.
fn dates_in(toks: &Toks<'_>, found: &mut Vec<Mention>) {
    let mut i = 0;
    while i < toks.len() {
        match day_month_year(toks, i)
            .or_else(|| month_day_year(toks, i))
            .or_else(|| iso(toks, i))
        {
            Some((mention, next)) => {
                found.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
}

/// How far from a number a date's words reach, bytes ("20 de septiembre de 2024": the
/// month 17 bytes from the day).
const DATE_REACH: usize = 32;

/// The stretches of `text` within [`DATE_REACH`] of a run of ASCII digits, widened to whitespace
/// (no token is cut) and merged where they meet, in text order.
fn around_numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(first) = next_digit(bytes, at) {
        let end = bytes[first..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| first + n);
        let mut from = first.saturating_sub(DATE_REACH);
        while from > 0 && !bytes[from - 1].is_ascii_whitespace() {
            from -= 1;
        }
        let mut to = (end + DATE_REACH).min(bytes.len());
        while to < bytes.len() && !bytes[to].is_ascii_whitespace() {
            to += 1;
        }
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
        at = end;
    }
    out
}

/// The first ASCII digit of `bytes` at or after `from`. Eight bytes are tested at a time
/// ([`crate::bytes`]; most of an article holds no digit): a digit is the only byte that an
/// exclusive or with `0` turns into a value below ten.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::bytes::{has_byte_below, splat};
    let mut at = from;
    while at + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        if has_byte_below(word ^ splat(b'0'), 10) {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|offset| at + offset)
}

type Toks<'a> = [(Tok<'a>, usize, usize)];

/// A day number at `i` (1–31, one or two digits, with an ordinal suffix joined to it), and
/// the index after it.
fn day_at(toks: &Toks<'_>, i: usize) -> Option<(u8, usize)> {
    let (Tok::Num(d, 1..=2), _, end) = *toks.get(i)? else {
        return None;
    };
    if !(1..=31).contains(&d) {
        return None;
    }
    // "1st", "1er" (French), and the ordinal dot of German and Dutch dates ("20. Februar").
    let next = match toks.get(i + 1) {
        Some(&(Tok::Word(w), start, _))
            if start == end && matches!(w, "st" | "nd" | "rd" | "th" | "er") =>
        {
            i + 2
        }
        Some(&(Tok::Sign('.'), start, _)) if start == end => i + 2,
        _ => i + 1,
    };
    Some((d as u8, next))
}

/// A year at `i` (four digits, 1900–2100) after an optional comma, and the index after it.
fn year_at(toks: &Toks<'_>, mut i: usize) -> Option<(u16, usize)> {
    if let Some((Tok::Sign(','), _, _) | (Tok::Word("de" | "del"), _, _)) = toks.get(i) {
        i += 1;
    }
    match toks.get(i)? {
        &(Tok::Num(y, 4), _, _) if (1900..=2100).contains(&y) => Some((y as u16, i + 1)),
        _ => None,
    }
}

/// Skips the rest of a range after a first day: "and 29", "to 29", "–29", "-29"; returns
/// the index after it and its last day.
fn skip_range(toks: &Toks<'_>, i: usize) -> (usize, Option<u8>) {
    // "and", "to"; "und", "bis"; "et", "au"; "en", "tot"; "y", "al", "a".
    let joined = matches!(
        toks.get(i),
        Some((
            Tok::Word("and" | "to" | "und" | "bis" | "et" | "au" | "en" | "tot" | "y" | "al" | "a"),
            _,
            _
        )) | Some((Tok::Sign('-' | '–' | '—'), _, _))
    );
    match day_at(toks, i + 1) {
        Some((last, next)) if joined => (next, Some(last)),
        _ => (i, None),
    }
}

fn mention(
    toks: &Toks<'_>,
    (first, next): (usize, usize),
    (day, last, month, year): (u8, Option<u8>, u8, Option<u16>),
) -> Option<(Mention, usize)> {
    let y = year.map_or(2000, u32::from);
    Date::new(y, u32::from(month), u32::from(day))?;
    let last = last.filter(|&l| l > day && Date::new(y, u32::from(month), u32::from(l)).is_some());
    Some((
        Mention {
            start: toks[first].1,
            end: toks[next - 1].2,
            day,
            last,
            month,
            year,
        },
        next,
    ))
}

/// "27 May 2024", "27th of May, 2024", "27 and 29 May 2024", "2 February".
fn day_month_year(toks: &Toks<'_>, i: usize) -> Option<(Mention, usize)> {
    let (day, j) = day_at(toks, i)?;
    let (mut j, last) = skip_range(toks, j);
    // "27th of May", "20 de febrero".
    if let Some((Tok::Word("of" | "de"), _, _)) = toks.get(j) {
        j += 1;
    }
    let &(Tok::Word(word), _, _) = toks.get(j)? else {
        return None;
    };
    let month = month_of(word)?;
    j += 1;
    if let Some((Tok::Sign('.'), _, _)) = toks.get(j) {
        j += 1;
    }
    match year_at(toks, j) {
        Some((year, next)) => mention(toks, (i, next), (day, last, month, Some(year))),
        None => mention(toks, (i, j), (day, last, month, None)),
    }
}

/// "May 27, 2024", "Jan. 5, 2011", "May 27–29, 2024", "April 9".
fn month_day_year(toks: &Toks<'_>, i: usize) -> Option<(Mention, usize)> {
    let &(Tok::Word(word), _, _) = toks.get(i)? else {
        return None;
    };
    let month = month_of(word)?;
    let mut j = i + 1;
    if let Some((Tok::Sign('.'), _, _)) = toks.get(j) {
        j += 1;
    }
    let (day, j) = day_at(toks, j)?;
    let (j, last) = skip_range(toks, j);
    match year_at(toks, j) {
        Some((year, next)) => mention(toks, (i, next), (day, last, month, Some(year))),
        None => mention(toks, (i, j), (day, last, month, None)),
    }
}

/// "2024-05-27".
fn iso(toks: &Toks<'_>, i: usize) -> Option<(Mention, usize)> {
    match toks.get(i..i + 5)? {
        [(Tok::Num(y, 4), ..), (Tok::Sign('-'), ..), (Tok::Num(m, 2), ..), (Tok::Sign('-'), ..), (Tok::Num(d, 2), ..)] =>
        {
            let date = Date::new(*y, *m, *d)?;
            mention(
                toks,
                (i, i + 5),
                (date.day, None, date.month, Some(date.year)),
            )
        }
        _ => None,
    }
}

/// True when `m` is a dateline's date: in the text's first line, with a year, after an
/// optional "(" and a place (capitalised words, commas, dots, apostrophes, hyphens) ending in
/// a comma.
fn is_dateline(text: &str, m: &Mention) -> bool {
    let start = text.len() - text.trim_start().len();
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if m.year.is_none() || m.end > line_end {
        return false;
    }
    let before = text[start..m.start].trim_end();
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let place = place.trim_start_matches('(').trim();
    !place.is_empty()
        && place.chars().count() <= 60
        && place.starts_with(|c: char| c.is_uppercase())
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '\'' | '’' | '-'))
}

/// Words besides the lexicon's `earlier` list that put a date before the story: "searches
/// were already conducted … on 12 October".
const BEFORE_THE_STORY: [&str; 2] = ["already", "previously"];

/// True when the sentence holding `m` speaks of an earlier or unrelated event: it has one of
/// the lexicon's `earlier` words ("similar", "previous", "prior", "former", …) or of
/// [`BEFORE_THE_STORY`].
fn about_an_earlier_event(text: &str, m: &Mention) -> bool {
    let from = text[..m.start]
        .rfind(['.', '\n', '!', '?'])
        .map_or(0, |i| i + 1);
    let to = text[m.end..]
        .find(['.', '\n', '!', '?'])
        .map_or(text.len(), |i| m.end + i);
    text[from..to]
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            lexicon::class_of(&w) & class::EARLIER != 0 || BEFORE_THE_STORY.contains(&w.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `scan` over every token of the text, as it was before it read only the stretches
    /// around numbers.
    fn scan_every_token(text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        dates_in(&tokens(text), &mut found);
        found
    }

    #[test]
    fn next_digit_is_the_first_digit_from_where_it_starts() {
        for len in [0usize, 1, 7, 8, 9, 17] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    for from in 0..=len {
                        let want = bytes[from..]
                            .iter()
                            .position(u8::is_ascii_digit)
                            .map(|k| from + k);
                        assert_eq!(next_digit(&bytes, from), want, "{b:#x} at {at} from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn reading_around_numbers_finds_what_every_token_finds() {
        let mut texts = vec![
            "On Tuesday, 20 de septiembre de 2024, and later on 5 May. May 27–29, 2024: x"
                .repeat(3),
            format!(
                "{} 20 February 2024 {}",
                "word ".repeat(40),
                "more ".repeat(40)
            ),
            "2024-02-20T09:30 and Feb. 20, 2024, then 1st of June 2023".to_string(),
        ];
        for folder in [
            "tests/eval/real/dev",
            "tests/eval/lang/de/dev",
            "tests/eval/lang/es/dev",
            "tests/eval/lang/fr/dev",
            "tests/eval/lang/nl/dev",
            "tests/eval/synthetic",
            "tests/articles",
        ] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for text in &texts {
            assert_eq!(
                scan(text),
                scan_every_token(text),
                "{}",
                &text[..text.len().min(80)]
            );
        }
    }

    fn date(text: &str) -> Option<(String, &'static str)> {
        of_article(text, None).map(|d| (d.date.to_string(), d.source.as_str()))
    }

    fn want(date: &str, source: &'static str) -> Option<(String, &'static str)> {
        Some((date.to_string(), source))
    }

    #[test]
    fn datelines() {
        assert_eq!(
            date("THE HAGUE, 20 February 2024 – Europol supported …"),
            want("2024-02-20", "dateline")
        );
        assert_eq!(
            date("(Luxembourg, 3 July 2024) – In an investigation led by the EPPO"),
            want("2024-07-03", "dateline")
        );
        assert_eq!(
            date("The Hague, 09 July 2012\n\nBetween March and May 2012, members were arrested."),
            want("2012-07-09", "dateline")
        );
        assert_eq!(
            date("WASHINGTON, Jan. 5, 2011 — Agents seized 82 domains."),
            want("2011-01-05", "dateline")
        );
    }

    #[test]
    fn dates_in_the_text() {
        assert_eq!(
            date("Between 27 and 29 May 2024 Operation Endgame targeted droppers."),
            want("2024-05-27", "text")
        );
        assert_eq!(
            date("The seizure occurred on January 19, 2012, following an indictment."),
            want("2012-01-19", "text")
        );
        // An earlier, unrelated event is passed over.
        assert_eq!(
            date(
                "A similar service was dismantled on 3 May 2019. Police arrested two men on \
                 14th of June, 2021 in Spain."
            ),
            want("2021-06-14", "text")
        );
        // A day and month alone give no date, whatever years the text writes.
        assert_eq!(
            date("During an action day on 2 February, police searched homes. It ran since 2023."),
            None
        );
        assert_eq!(
            date("Searches were already conducted on 12 October 2022. On 29 November 2022 police arrested 9."),
            want("2022-11-29", "text")
        );
        // "may" is a modal, "March" a month only with a day; no date at all is none.
        assert_eq!(
            date("Suspects may face 20 years. In March 2014 police acted."),
            None
        );
        assert_eq!(date("Police seized servers in the Netherlands."), None);
        assert_eq!(
            date("Published 2024-02-30, then 2024-02-29."),
            want("2024-02-29", "text")
        );
    }

    #[test]
    fn the_readers_date_wins() {
        let reader = ArticleDate {
            date: "2024-05-30T10:00:00Z".parse().unwrap(),
            source: DateSource::Jsonl,
        };
        let got = of_article("THE HAGUE, 20 February 2024 – …", Some(reader)).unwrap();
        assert_eq!(
            (got.date.to_string(), got.source.as_str()),
            ("2024-05-30".into(), "jsonl")
        );
        assert_eq!(
            "20 February 2024".parse::<Date>().unwrap().to_string(),
            "2024-02-20"
        );
        assert!("yesterday".parse::<Date>().is_err());
        assert!("2024-13-01".parse::<Date>().is_err());
    }

    #[test]
    fn written_out() {
        let text = "Between 27 and 29 May 2024 Operation Endgame targeted droppers.";
        let date = of_article(text, None).unwrap().date;
        assert_eq!(written(text, date), "27–29 May 2024");
        assert_eq!(written("On 3 July 2024", date), "27 May 2024");
        assert!(is_place_line("The Hague, 09 July 2012"));
        assert!(is_place_line("The Hague, the Netherlands"));
        assert!(!is_place_line("Spanish police dismantle a network"));
    }

    #[test]
    fn days_and_weeks() {
        let d = Date::new(2024, 5, 29).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(d.monday().to_string(), "2024-05-27");
        assert_eq!(
            Date::new(2024, 6, 2).unwrap().monday().to_string(),
            "2024-05-27"
        );
        assert_eq!(
            Date::new(2024, 6, 3).unwrap().monday().to_string(),
            "2024-06-03"
        );
    }
}
